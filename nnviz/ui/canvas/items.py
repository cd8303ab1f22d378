"""The canvas's graphics items: neurons, biases, edges, the input image and neuron heatmaps.

Items hold no numbers of their own: the view recolours them from the model
(:meth:`NetworkView.update_values`) and asks the view for their tooltips when hovered.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainterPath, QPainterPathStroker, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from nnviz.ui.common import colors
from nnviz.ui.common.formatting import fmt_full, sub

LUT_COLORS = [QColor(int(r), int(g), int(b)) for r, g, b in colors.LUT]
LUT_BRUSHES = [QBrush(c) for c in LUT_COLORS]
# the overview edges of a wide layer: the same colours, mostly transparent
LUT_FADED = [QColor(c.red(), c.green(), c.blue(), 70) for c in LUT_COLORS]
OUTLINE = QPen(QColor(90, 90, 90), 1.0)  # widths at interface scale 1 (the view scales them)
SELECTED = QPen(QColor(20, 20, 20), 3.0)


class LabelItem(QGraphicsSimpleTextItem):
    """A number on the canvas on a pale box, so a line passing under it does not cross it out
    (the box is the item's bounding rectangle, the one the placement keeps free)."""

    BOX = QColor(250, 250, 250, 215)

    def paint(self, painter, option, widget=None):
        painter.fillRect(self.boundingRect(), self.BOX)
        super().paint(painter, option, widget)


class _HoverTip:
    """Mixin: the tooltip is computed when the mouse arrives (numbers are always current)."""

    def hoverEnterEvent(self, event):  # noqa: N802 (Qt override)
        view = self._view
        if view is not None:
            self.setToolTip(view.tooltip_for(self))
        super().hoverEnterEvent(event)


class NeuronItem(_HoverTip, QGraphicsEllipseItem):
    """A neuron: a circle, or a pill (a box with round ends) in the tight layout's rows.
    Hovering it tells the view, which then writes its edges' weights first."""

    def __init__(self, view, layer: int, index: int, rect: QRectF, pill: bool = False):
        super().__init__(rect)
        self._view, self.layer, self.index = view, layer, index
        self.pill = pill
        self.a = 0.0  # current weighted sum (tests read these)
        self.z = 0.0  # current activation
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setZValue(2)

    def hoverEnterEvent(self, event):  # noqa: N802
        super().hoverEnterEvent(event)
        self._view.set_hovered_neuron(self.layer, self.index)

    def hoverLeaveEvent(self, event):  # noqa: N802
        self._view.set_hovered_neuron(-1, -1)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.LeftButton:
            self._view.neuron_clicked.emit(self.layer, self.index)
            event.accept()
            return
        super().mousePressEvent(event)



class PillNeuronItem(NeuronItem):
    """A neuron of the tight layout's rows: a box with round ends.  Only pills override
    paint/shape in Python: the hundreds of circles and dots of MNIST's bands are painted by
    Qt alone (a Python paint for every item cost ~3 ms a frame of the live refresh)."""

    def paint(self, painter, option, widget=None):
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        r = self.rect()
        painter.drawRoundedRect(r, r.height() / 2, r.height() / 2)

    def shape(self):
        path = QPainterPath()
        r = self.rect()
        path.addRoundedRect(r, r.height() / 2, r.height() / 2)
        return path


def neuron_item(view, layer: int, index: int, rect: QRectF, pill: bool = False) -> NeuronItem:
    """A circle's or a pill's item for neuron ``index`` of ``layer``."""
    return (PillNeuronItem if pill else NeuronItem)(view, layer, index, rect, pill)

class BiasItem(_HoverTip, QGraphicsRectItem):
    def __init__(self, view, layer: int, index: int, rect: QRectF):
        super().__init__(rect)
        self._view, self.layer, self.index = view, layer, index
        self.setAcceptHoverEvents(True)
        self.setZValue(3)
        self.setPen(OUTLINE)


class EdgeItem(_HoverTip, QGraphicsLineItem):
    """An edge of weight matrix ``layer`` (from canvas layer ``layer`` to ``layer + 1``)."""

    def __init__(self, view, layer: int):
        super().__init__()
        self._view, self.layer, self.i, self.j = view, layer, 0, 0
        self.w = 0.0
        self.focus = False  # one of the selected neuron's edges (drawn on top, labelled first)
        self.hover = False  # one of the hovered neuron's edges (above those, labelled before)
        self.dense = False  # part of a dense pair's faded overview unless focus
        self.pair_scale = 1.0  # the |w| of its pair that gets the widest pen
        self._key: tuple = ()  # (x1, y1, x2, y2, hit width) the cached shape was made for
        self._shape: QPainterPath | None = None
        self.setAcceptHoverEvents(True)
        self.setZValue(1)

    def place(self, x1: float, y1: float, x2: float, y2: float, pen: QPen) -> None:
        """Move the edge and repaint it with ``pen``; the hit area is rebuilt only if it moved."""
        key = (x1, y1, x2, y2, max(7.0, pen.widthF()))
        if key[:4] != self._key[:4]:
            self.setLine(QLineF(x1, y1, x2, y2))
        self.setPen(pen)
        if key != self._key:
            self._key, self._shape = key, None

    def shape(self):
        # A thin line is hard to hit: the hover/click area is at least 7 px wide.  Qt asks for
        # it on every boundingRect() of a line item (several times per repaint), so it is
        # cached until the line or its width class changes (see place()).
        if self._shape is None:
            path = QPainterPath(self.line().p1())
            path.lineTo(self.line().p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(max(7.0, self.pen().widthF()))
            self._shape = stroker.createStroke(path)
        return self._shape


class ImageItem(QGraphicsPixmapItem):
    """A square input layer drawn as its image; hovering a pixel shows its value."""

    def __init__(self, view, side: int):
        super().__init__()
        self._view, self.side = view, side
        self.setAcceptHoverEvents(True)
        self.setTransformationMode(Qt.FastTransformation)
        self.setZValue(2)

    def hoverMoveEvent(self, event):  # noqa: N802
        p = event.pos()
        c, r = int(p.x()), int(p.y())
        if 0 <= r < self.side and 0 <= c < self.side:
            k = r * self.side + c
            x = self._view.lesson.x
            if k < len(x):
                self.setToolTip(f"x[{r}, {c}] = x{sub(k + 1)} = {fmt_full(x[k])}")
        super().hoverMoveEvent(event)


class HeatmapItem(QGraphicsPixmapItem):
    """A hidden neuron's output over the whole input plane (2-D lessons, as TensorFlow
    Playground draws it); hovering enlarges it."""

    SIZE = 24  # pixels of the image (also the grid resolution)

    def __init__(self, neuron: NeuronItem, side: float):
        super().__init__(neuron)
        self.layer, self.index = neuron.layer, neuron.index
        self._base = side / self.SIZE
        self.setScale(self._base)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.NoButton)  # clicks go to the neuron
        self.setTransformationMode(Qt.SmoothTransformation)
        self.setZValue(5)
        self.setToolTip(QCoreApplication.translate(
            "CanvasItems", "This neuron's output over the input plane (blue > 0 > orange)"))

    def set_values(self, z) -> None:
        rgb = np.ascontiguousarray(colors.signed_rgb(z))
        h, w = z.shape
        self.setPixmap(QPixmap.fromImage(QImage(rgb.data, w, h, 3 * w,
                                                QImage.Format_RGB888).copy()))

    def hoverEnterEvent(self, event):  # noqa: N802
        self.setScale(self._base * 4)  # enlarge in place, above everything else
        self.setZValue(20)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event):  # noqa: N802
        self.setScale(self._base)
        self.setZValue(5)
        super().hoverLeaveEvent(event)
