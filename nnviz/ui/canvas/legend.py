"""The canvas legend: the colour scale of values, the edge-width key and the rule of which
numbers are written on edges.

It is an item of the scene, placed by the view outside the network's box (below it or right of
it, :func:`~nnviz.ui.canvas.label_placement.legend_origin`), so it never covers a neuron,
whatever the zoom.  Its sizes follow the interface scale like the rest of the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from nnviz.ui.canvas import geometry
from nnviz.ui.common import colors

translate = QCoreApplication.translate  # the name lupdate recognises


def edge_number_rule(dense: bool, rows: bool = False) -> tuple[list[str], str]:
    """Which edges carry their number: the legend's short lines and the full rule (its
    tooltip); ``rows``: hidden neurons are drawn as tight rows (pills) and say so."""
    lines = [translate("NetworkLegend", "Weights on edges: the strongest that fit. "
                                        "Hover a neuron for its own, an edge for its weight.")]
    rule = translate("NetworkLegend", "Numbers on edges: the strongest weights that fit "
                                      "without covering a neuron or another number; a "
                                      "hovered neuron's edges first, then a selected "
                                      "neuron's. Hover an edge for its exact weight.")
    if dense:
        lines.append(translate("NetworkLegend", "Wide layers: a dot per neuron, {rows} to a "
                                                "column; faded: the strongest links. Hover or "
                                                "click a neuron for its {n} strongest edges.")
                     .format(rows=geometry.BAND_ROWS, n=geometry.SELECTED_EDGES))
        rule += "\n" + translate(
            "NetworkLegend", "Wide layers (more than {full} neurons) are bands of dots, one "
            "per neuron, {rows} to a column from the top, coloured by the neuron's value. "
            "The faded lines are each pair of layers' strongest links, as many as "
            "'strongest edges' in the toolbar says. Hovering or clicking a neuron draws its "
            "{n} strongest incoming and outgoing edges in full colour.").format(
            full=geometry.FULL_LAYER, rows=geometry.BAND_ROWS, n=geometry.SELECTED_EDGES)
    if rows:
        lines.append(translate("NetworkLegend", "Rows: a neuron shows its value; point at it "
                                                "for a, b and its formula."))
        rule += "\n" + translate(
            "NetworkLegend", "On a small canvas the layers are tight rows: each neuron shows "
            "its value z; pointing at it shows its weighted sum a, its bias b and its formula, "
            "and writes the weights of its edges.")
    return lines, rule


class LegendItem(QGraphicsItem):
    """The legend as one scene item of a fixed size (``boundingRect`` starts at 0, 0)."""

    def __init__(self, font: QFont, scale: float, notes: list[str], rule: str = ""):
        super().__init__()
        self._font, self._s, self.notes = QFont(font), float(scale), list(notes)
        fm = QFontMetricsF(self._font)
        s = self._s
        self._pad = 6 * s
        self._bar = 120 * s
        self._key_x = self._pad + self._bar + 18 * s
        key_w = max(fm.horizontalAdvance(self._key_title()), 3 * 42 * s)
        self._keys_w = self._key_x + key_w  # the colour scale and the width key
        self.natural_width = self._keys_w + self._pad
        self._line = fm.height()
        self._scale_h = self._line + 6 * s + 10 * s + 4 * s + self._line
        self.set_width(self.natural_width)
        self.rule = rule or "\n".join(self.notes)
        self.setToolTip(self.rule)
        self.setZValue(6)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def size_at(self, width: float) -> tuple[float, float]:
        """(width, height) the legend takes when given ``width`` (at least its natural one)."""
        return self._layout(width)[:2]

    def set_width(self, width: float) -> None:
        """Lay the legend out ``width`` wide: the notes under the keys, or right of them when
        there is room (a legend below a wide network is then one short band)."""
        self.prepareGeometryChange()
        self._w, self._h, self._note_rects = self._layout(width)

    def _layout(self, width: float) -> tuple[float, float, list[QRectF]]:
        fm = QFontMetricsF(self._font)
        s, pad = self._s, self._pad
        width = max(width, self.natural_width)
        beside = width - self._keys_w - 2 * pad - 14 * s >= self.natural_width
        if beside:  # a third column as wide as the keys
            x0, y, note_w = self._keys_w + 14 * s, pad, width - self._keys_w - 14 * s - pad
        else:
            x0, y, note_w = pad, pad + self._scale_h + 6 * s, width - 2 * pad
        rects = []
        for note in self.notes:
            r = fm.boundingRect(QRectF(0, 0, note_w, 10000), int(Qt.TextWordWrap), note)
            rects.append(QRectF(x0, y, note_w, r.height()))
            y += r.height() + 3 * s
        y -= 3 * s if self.notes else 0
        if beside:
            y = max(y, pad + self._scale_h)
        return width, y + pad, rects

    @staticmethod
    def _key_title() -> str:
        return translate("NetworkLegend", "edge width ∝ |w|")

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(0, 0, self._w, self._h)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        s, pad = self._s, self._pad
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setFont(self._font)
        fm = QFontMetricsF(self._font)
        painter.setPen(QPen(QColor(200, 200, 200), 1.0 * s))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(self.boundingRect(), 4 * s, 4 * s)
        x0, bw = pad, self._bar
        y_bar = pad + self._line + 4 * s
        painter.setPen(QColor(40, 40, 40))
        painter.drawText(QPointF(x0, pad + fm.ascent()),
                         translate("NetworkLegend", "value (a, z, w, b)"))
        grad = QLinearGradient(QPointF(x0, 0), QPointF(x0 + bw, 0))
        for t, col in ((0.0, colors.NEGATIVE), (0.5, colors.ZERO), (1.0, colors.POSITIVE)):
            grad.setColorAt(t, QColor(*col))
        painter.fillRect(QRectF(x0, y_bar, bw, 10 * s), QBrush(grad))
        ty = y_bar + 12 * s + fm.ascent()
        painter.drawText(QPointF(x0, ty), "−1")
        painter.drawText(QPointF(x0 + bw / 2 - fm.horizontalAdvance("0") / 2, ty), "0")
        painter.drawText(QPointF(x0 + bw - fm.horizontalAdvance("+1"), ty), "+1")
        ex = self._key_x
        painter.drawText(QPointF(ex, pad + fm.ascent()), self._key_title())
        for n, wdt in enumerate((1.0, 3.0, 6.0)):
            painter.setPen(QPen(QColor(*colors.POSITIVE), wdt * s))
            painter.drawLine(QPointF(ex + n * 42 * s, y_bar + 5 * s),
                             QPointF(ex + n * 42 * s + 34 * s, y_bar + 5 * s))
        painter.setPen(QColor(70, 70, 70))
        for rect, note in zip(self._note_rects, self.notes):
            painter.drawText(rect, int(Qt.TextWordWrap), note)
