"""Probability bars: one horizontal bar per class, the predicted one highlighted.

Shared by the Output panel and the draw pad.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from nnviz.ui.common import colors
from nnviz.ui.common.formatting import fmt


class ProbabilityBars(QWidget):
    """One horizontal bar per class, the predicted one highlighted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.p = np.zeros(0)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.setToolTip(self.tr("Softmax output: the probability of each class"))

    def _wanted_height(self) -> int:
        return max(1, len(self.p)) * (self.fontMetrics().height() + 4) + 4

    def set_values(self, p):
        self.p = np.asarray(p, dtype=float)
        self.setFixedHeight(self._wanted_height())
        self.update()

    def sizeHint(self):  # noqa: N802
        return QSize(200, self._wanted_height())

    def value_column_width(self) -> int:
        """As wide as the widest number written ("5.363e−6" was cut to "5.363e−")."""
        fm = self.fontMetrics()
        return max(fm.horizontalAdvance(t) for t in ["0.0000", *map(fmt, self.p)]) + 8

    def paintEvent(self, event):  # noqa: N802
        if not len(self.p):
            return
        qp = QPainter(self)
        qp.setRenderHint(QPainter.Antialiasing)
        fm = self.fontMetrics()
        h = fm.height() + 4
        lw = fm.horizontalAdvance("00") + 6
        vw = self.value_column_width()
        width = max(10, self.width() - lw - vw)
        best = int(np.nanargmax(self.p)) if np.isfinite(self.p).any() else -1
        for k, v in enumerate(self.p):
            y = 2 + k * h
            qp.setPen(QColor(40, 40, 40))
            qp.drawText(QRectF(0, y, lw - 4, h), Qt.AlignRight | Qt.AlignVCenter, str(k))
            qp.fillRect(QRectF(lw, y + 2, width, h - 4), QColor(235, 235, 235))
            col = QColor(*colors.POSITIVE) if k == best else QColor(130, 170, 205)
            vv = float(v) if np.isfinite(v) else 0.0
            qp.fillRect(QRectF(lw, y + 2, width * min(max(vv, 0.0), 1.0), h - 4), col)
            qp.drawText(QRectF(lw + width + 4, y, vw, h), Qt.AlignLeft | Qt.AlignVCenter, fmt(v))
        qp.end()
