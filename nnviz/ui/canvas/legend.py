"""The canvas legend: the colour scale of values and the edge-width key, in the view's corner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen

from nnviz.ui.common import colors

translate = QCoreApplication.translate  # the name lupdate recognises


def draw_legend(painter: QPainter, viewport_height: int) -> QRectF:
    """Draw the legend at the bottom left of the viewport; returns the box it covers."""
    fm = painter.fontMetrics()
    h = viewport_height
    x0, y0, bw = 12, h - 16 - 2 * fm.height() - 20, 120
    box = QRectF(x0 - 6, y0 - fm.height() - 8, bw + 150, 2 * fm.height() + 44)
    painter.setPen(QPen(QColor(200, 200, 200)))
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawRoundedRect(box, 4, 4)
    grad = QLinearGradient(QPointF(x0, 0), QPointF(x0 + bw, 0))
    for t, col in ((0.0, colors.NEGATIVE), (0.5, colors.ZERO), (1.0, colors.POSITIVE)):
        grad.setColorAt(t, QColor(*col))
    painter.setPen(QColor(40, 40, 40))
    painter.drawText(QPointF(x0, y0 - 4), translate("NetworkLegend", "value (a, z, w, b)"))
    painter.fillRect(QRectF(x0, y0, bw, 10), QBrush(grad))
    painter.drawText(QPointF(x0, y0 + 12 + fm.ascent()), "−1")
    painter.drawText(QPointF(x0 + bw / 2 - 3, y0 + 12 + fm.ascent()), "0")
    painter.drawText(QPointF(x0 + bw - 12, y0 + 12 + fm.ascent()), "+1")
    ex = x0 + bw + 16
    painter.drawText(QPointF(ex, y0 - 4), translate("NetworkLegend", "edge width ∝ |w|"))
    for n, wdt in enumerate((1.0, 3.0, 6.0)):
        painter.setPen(QPen(QColor(*colors.POSITIVE), wdt))
        painter.drawLine(QPointF(ex + n * 42, y0 + 6), QPointF(ex + n * 42 + 34, y0 + 6))
    return box
