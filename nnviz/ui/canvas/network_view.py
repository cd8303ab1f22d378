"""The network diagram: a QGraphicsView of neurons, edges, biases and a legend.

Built once per network shape (:meth:`NetworkView.rebuild`); every later change (edit, input,
training snapshot) only recolours the existing items (:meth:`NetworkView.update_values`), which
keeps a 784-100-100-100-10 network animatable.  A network with a wide layer gets the tight
layout (:mod:`geometry`: bands of dots, pills), made to be read on a 1366 × 768 screen.  A
dense layer pair (more than ``geometry.FULL_EDGES`` edges) shows a faded overview of its
``overview_edges`` strongest edges and, in full colour, the selected or hovered neuron's
strongest edges; a square input layer (MNIST) is its image.  Hovering a neuron writes its
edges' weights first (:mod:`edges` draws them).

The numbers are :mod:`canvas_labels`'s part (placed by :mod:`label_placement`), editing a
weight in place :mod:`inline_editing`'s; the items are in :mod:`items`, the legend in
:mod:`legend`.  Every size follows the interface scale (the items are rebuilt when it changes).

Signals
-------
neuron_clicked(int, int)   canvas layer (0 = inputs) and neuron index
zoom_changed(float)        the view's scale factor
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from nnviz.ui.canvas import geometry
from nnviz.ui.canvas import label_placement as lp
from nnviz.ui.canvas.canvas_labels import CanvasLabels, canvas_fonts
from nnviz.ui.canvas.edges import EdgeDrawing
from nnviz.ui.canvas.highlight import Highlighting
from nnviz.ui.canvas.inline_editing import InPlaceEditing
from nnviz.ui.canvas.items import (
    LUT_BRUSHES,
    OUTLINE,
    SELECTED,
    BiasItem,
    EdgeItem,
    HeatmapItem,
    ImageItem,
    LabelItem,
    NeuronItem,
    neuron_item,
)
from nnviz.ui.canvas.legend import LegendItem, edge_number_rule
from nnviz.ui.common import colors
from nnviz.ui.common.interface_scale import interface_scale

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


class NetworkView(Highlighting, EdgeDrawing, CanvasLabels, InPlaceEditing):
    neuron_clicked = Signal(int, int)
    zoom_changed = Signal(float)

    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self._scene = QGraphicsScene(self)  # keep a reference: PySide6 collects parentless scenes
        self.setScene(self._scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.FullViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.DontSavePainterState
                                  | QGraphicsView.DontAdjustForAntialiasing)
        # items recolour and move every frame while training: a BSP index would only cost
        self._scene.setItemIndexMethod(QGraphicsScene.NoIndex)
        self.setBackgroundBrush(QColor(250, 250, 250))
        self.setToolTip("")
        self.show_numbers = True
        self.overview_edges = geometry.DENSE_OVERVIEW  # faded edges a dense pair draws
        self.hovered_neuron: tuple[int, int] | None = None  # (canvas layer, index)
        self._auto_fit = True
        self.geom = None
        self.legend: LegendItem | None = None
        self.neurons: list[list[NeuronItem]] = []
        self.biases: list[list[BiasItem | None]] = []
        self.edges: list[list[EdgeItem]] = []  # per weight matrix, a pool of items
        self.z_labels: list[list[LabelItem]] = []
        self.a_labels: list[list[LabelItem]] = []
        self.b_labels: list[list[LabelItem]] = []
        self.w_labels: list[LabelItem] = []  # a pool: the weights written on edges
        self._label_at: dict = {}  # (layer, i, j) -> where along its edge its number was
        self.image: ImageItem | None = None
        self._titles: list[LabelItem] = []
        self.heatmaps: list[HeatmapItem] = []
        self._init_editing(lesson)
        lesson.network_changed.connect(self.rebuild)
        lesson.forward_updated.connect(self._on_lesson_forward_updated)
        lesson.neuron_selected.connect(self._on_lesson_neuron_selected)
        self.neuron_clicked.connect(lesson.select_neuron)
        interface_scale().changed.connect(self._on_interface_scale_changed)

    # -- building -------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Create the items for the lesson's network (call when its shape changes)."""
        net = self.lesson.network
        self.close_editor()  # its item is about to be deleted
        self.hovered_neuron = None  # a hover leaving a deleted neuron changes nothing
        self._scene.clear()
        self.neurons, self.biases, self.edges = [], [], []
        self.z_labels, self.a_labels, self.b_labels, self.w_labels = [], [], [], []
        self.image, self._titles, self.heatmaps, self.legend = None, [], [], None
        self._label_at = {}
        if net is None:
            return
        f = interface_scale().factor
        self.geom = geometry.network_geom(net.spec.sizes, f, *self._wanted_layout(f))
        self._fonts = canvas_fonts(self.font(), f)
        self._outline = QPen(OUTLINE.color(), OUTLINE.widthF() * f)
        self._selected_pen = QPen(SELECTED.color(), SELECTED.widthF() * f)
        for li, g in enumerate(self.geom.layers):
            self._build_layer(li, g, li > 0 and net.b[li - 1] is not None)
        if net.spec.inputs == 2:  # each hidden neuron's output over the input plane
            for li, g in enumerate(self.geom.layers[1:], 1):
                if g.compact or g.pill:
                    continue
                for item in self.neurons[li]:
                    # at the top right, low enough to leave the numbers of the neuron above free
                    side = 0.85 * g.radius
                    hm = HeatmapItem(item, side)
                    r = item.rect()
                    hm.setPos(r.right() - 0.35 * side, r.top() - 0.3 * side)
                    self.heatmaps.append(hm)
        self.edges = [[] for _ in range(net.n_layers)]
        # large networks: antialiased lines cost most of a frame; small ones look better with it
        big = any(g.compact for g in self.geom.layers)
        self.setRenderHint(QPainter.Antialiasing, not big)
        self._mark_selected(*self.lesson.selected)
        self.update_values()
        dense = any(geometry.is_dense(W) for W in net.W)
        rows = any(g.pill for g in self.geom.layers[1:-1])  # hidden pills: a, b on hover
        self.legend = LegendItem(self._fonts["legend"], f, *edge_number_rule(dense, rows))
        self._scene.addItem(self.legend)
        self._place_legend()
        if self._auto_fit:
            self.fit()

    def _build_layer(self, li: int, g, has_bias: bool) -> None:
        s = self.geom.scale
        items, zl, al, bl, bias_items = [], [], [], [], []
        if g.image_side:
            self.image = ImageItem(self, g.image_side)
            self.image.setScale(g.cell)
            self.image.setPos(g.x - g.image_side * g.cell / 2, -g.image_side * g.cell / 2)
            self._scene.addItem(self.image)
            frame = self._scene.addRect(self.image.sceneBoundingRect(), self._outline)
            frame.setZValue(2)
        last = li == len(self.geom.layers) - 1
        centres = g.positions()
        for k in range(0 if g.image_side else g.n):
            x, y, r = float(centres[k, 0]), float(centres[k, 1]), g.radius
            hw = g.half_width if g.pill else r
            item = neuron_item(self, li, k, QRectF(x - hw, y - r, 2 * hw, 2 * r), pill=g.pill)
            item.setPen(self._outline if not g.compact else QPen(Qt.NoPen))
            self._scene.addItem(item)
            items.append(item)
            if not g.compact:
                zl.append(self._new_label(self._fonts["value"], QColor(0, 0, 0), item))
                if not g.pill or last:  # tight rows: only the output has room (on its right)
                    al.append(self._new_label(self._fonts["label"], QColor(60, 60, 60)))
            if has_bias:
                if g.compact:
                    bias_items.append(None)
                    continue
                c = 9.0 * s
                bi = BiasItem(self, li, k, QRectF(x - hw - c + 3 * s, y - r - 2 * s, c, c))
                bi.setPen(self._outline)
                self._scene.addItem(bi)
                bias_items.append(bi)
                if g.pill and not last:
                    continue  # its number: on hover and in the tooltip
                t = self._new_label(self._fonts["label"], QColor(90, 90, 90))
                t.edit_target = bi  # clicking the number edits the bias
                bl.append(t)
        self.neurons.append(items)
        self.z_labels.append(zl)
        self.a_labels.append(al)
        self.b_labels.append(bl)
        self.biases.append(bias_items)
        self._add_titles(li, g, has_bias)

    def _place_legend(self) -> None:
        """Put the legend outside the network's box, where the whole fits the view larger."""
        if self.legend is None or self.geom is None:
            return
        net_box = self._network_box()
        beside = self.legend.size_at(self.legend.natural_width)
        below = self.legend.size_at(net_box[2])  # as wide as the network: shorter
        vp = self.viewport().size()
        gap = 16.0 * self.geom.scale
        x, y = lp.legend_origin(net_box, beside, (vp.width(), vp.height()), gap, below)
        self.legend.set_width(below[0] if y > net_box[1] else beside[0])
        self.legend.setPos(x, y)
        m = 16.0 * self.geom.scale
        size = self.legend.boundingRect()
        x0, y0, w, h = lp.union([net_box, (x, y, size.width(), size.height())])
        self._scene.setSceneRect(QRectF(x0 - m, y0 - m, w + 2 * m, h + 2 * m))

    def _network_box(self) -> lp.Rect:
        """The box of the diagram itself: neurons, image, titles and the neurons' numbers."""
        x, y, w, h = self.geom.bounds(margin=0.0)
        boxes = [(x, y, w, h)]
        for item in (*self._titles, *(t for layer in self.b_labels for t in layer),
                     *(t for layer in self.a_labels for t in layer)):
            r = item.sceneBoundingRect()
            boxes.append((r.x(), r.y(), r.width(), r.height()))
        return lp.union(boxes)

    def nodes_rect(self) -> QRectF:
        """The scene box of every neuron (and the input image): what the legend stays out of."""
        return QRectF(*self.geom.nodes_rect()) if self.geom is not None else QRectF()

    def _on_interface_scale_changed(self, _factor: float) -> None:
        self._relayout()  # every size (neurons, fonts, pens) is made for one scale

    def _wanted_layout(self, scale: float) -> tuple[bool, float | None]:
        """(tight, gap): the tight layout for a wide layer, or when this (shown) view is too
        small to read the usual one (:func:`geometry.choose_layout`)."""
        net = self.lesson.network
        if net is None:
            return False, None
        sizes = net.spec.sizes
        if not self.isVisible():  # its viewport has no size yet (see showEvent)
            return geometry.is_tight(sizes), None
        vp = self.viewport().size()
        return geometry.choose_layout(sizes, (vp.width(), vp.height()), scale)

    def _layout_changes(self) -> bool:
        if self.geom is None or not self._auto_fit:  # a view the user zoomed keeps its layout
            return False
        tight, gap = self._wanted_layout(self.geom.scale)
        return tight != self.geom.tight or (tight and gap is not None and gap != self.geom.gap)

    def _relayout_if_needed(self) -> None:
        if self._layout_changes():
            self._relayout()

    def _relayout(self) -> None:
        """Rebuild the items, keeping the explained step's marks."""
        anchor, targets = getattr(self, "highlighted", (None, ()))
        self.rebuild()
        if anchor is not None:
            self.highlight(anchor, targets)

    # -- updating (fast path) -------------------------------------------------------------
    def set_show_numbers(self, on: bool) -> None:
        self.show_numbers = bool(on)
        self.update_values()

    def _on_lesson_forward_updated(self, trace) -> None:
        self.update_values()

    def update_values(self) -> None:
        """Recolour neurons, edges and biases and refresh labels from the lesson's numbers."""
        c = self.lesson
        net = c.network
        if net is None or self.geom is None or not c.trace and net.n_layers:
            return
        show = self.show_numbers
        for li, g in enumerate(self.geom.layers):
            a, z = c.values(li)
            if g.image_side:
                self._update_image(z, g.image_side)
                continue
            zz = np.asarray(z, dtype=float)
            aa = np.asarray(a, dtype=float)[: len(zz)]
            idx = colors.lut_index(zz)
            for k, item in enumerate(self.neurons[li]):
                item.a, item.z = float(aa[k]), float(zz[k])
                item.setBrush(LUT_BRUSHES[int(idx[k])])
            if not g.compact:
                self._update_neuron_labels(li, g, aa, zz, idx, show)
            if li > 0 and net.b[li - 1] is not None and self.biases[li]:
                bvals = net.b[li - 1]
                bidx = colors.lut_index(bvals)
                for k, bi in enumerate(self.biases[li]):
                    if bi is not None:
                        bi.setBrush(LUT_BRUSHES[int(bidx[k])])
                self._update_bias_labels(li, g, bvals, show)
        for l_ in range(net.n_layers):
            self._update_edges(l_)
        self._place_edge_labels()
        self._update_heatmaps()
        self._sync_editor()
        self.viewport().update()

    def _update_heatmaps(self) -> None:
        """Each hidden neuron's output over the input plane (same extent as the boundary)."""
        if not self.heatmaps:
            return
        from nnviz.ui.common import plane

        s = self.lesson.samples
        ext = plane.extent(s.X if s is not None else [self.lesson.x])
        planes = plane.neuron_planes(self.lesson.network, ext, HeatmapItem.SIZE)
        for hm in self.heatmaps:
            hm.set_values(planes[hm.layer - 1][hm.index])

    def _update_image(self, x, side) -> None:
        rgb = np.ascontiguousarray(colors.signed_rgb(np.asarray(x)[: side * side]
                                                     .reshape(side, side)))
        img = QImage(rgb.data, side, side, 3 * side, QImage.Format_RGB888)
        self.image.setPixmap(QPixmap.fromImage(img.copy()))

    def _mark_selected(self, layer: int, index: int) -> None:
        g = self.geom
        for li, items in enumerate(self.neurons):
            compact = g.layers[li].compact if g else False
            for k, item in enumerate(items):
                sel = li == layer and k == index
                item.setPen(self._selected_pen if sel
                            else (QPen(Qt.NoPen) if compact else self._outline))

    def _on_lesson_neuron_selected(self, layer: int, index: int) -> None:
        if self.geom is None:
            return
        self._mark_selected(layer, index)
        self.update_values()  # its edges come first (and are drawn, in a wide layer)

    # -- clicks, zoom and pan -------------------------------------------------------------
    def wheelEvent(self, event):  # noqa: N802
        factor = 1.15 ** (event.angleDelta().y() / 120.0)
        self.zoom_by(factor)

    def zoom_by(self, factor: float) -> None:
        s = self.transform().m11()
        factor = min(max(factor, 0.05 / s), 20.0 / s)
        self.scale(factor, factor)
        self._auto_fit = False
        self._place_editor()
        self.zoom_changed.emit(self.transform().m11())

    def fit(self) -> None:
        self._place_legend()  # below or beside the network, whichever fits this view better
        self.fitInView(self._scene.sceneRect(), Qt.KeepAspectRatio)
        if self.transform().m11() > 1.6:  # small networks: do not blow the circles up
            self.resetTransform()
            self.scale(1.6, 1.6)
            self.centerOn(self._scene.sceneRect().center())
        self._auto_fit = True
        if self._layout_changes():  # Fit after zooming: the layout for this view's size
            QTimer.singleShot(0, self, self._relayout_if_needed)
        self._place_editor()
        self.zoom_changed.emit(self.transform().m11())

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self, self._relayout_if_needed)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self._layout_changes():
            QTimer.singleShot(0, self, self._relayout_if_needed)  # not inside the resize
        if self._auto_fit:
            self.fit()
        self._place_editor()


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(NetworkView))
