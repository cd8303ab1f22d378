"""The network diagram: a QGraphicsView of neurons, edges, biases and a legend.

Built once per network shape (:meth:`NetworkView.rebuild`); every later change (edit, input,
training snapshot) only recolours the existing items (:meth:`NetworkView.update_values`), which
keeps a 784-100-100-100-10 network animatable.  Wide layers show only the ``k`` strongest
incoming edges of each neuron; a square input layer (MNIST) is drawn as its image.

Editing a weight in place (a click on an edge or a bias) is :mod:`inline_editing`'s part; the
items are in :mod:`items`, the legend in :mod:`legend`.

Signals
-------
neuron_clicked(int, int)   canvas layer (0 = inputs) and neuron index
zoom_changed(float)        the view's scale factor
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from nnviz.ui.canvas import geometry
from nnviz.ui.canvas.highlight import Highlighting
from nnviz.ui.canvas.inline_editing import InPlaceEditing
from nnviz.ui.canvas.items import (
    LUT_BRUSHES,
    LUT_COLORS,
    OUTLINE,
    SELECTED,
    BiasItem,
    EdgeItem,
    HeatmapItem,
    ImageItem,
    NeuronItem,
)
from nnviz.ui.canvas.legend import draw_legend
from nnviz.ui.common import colors
from nnviz.ui.common.formatting import fmt
from nnviz.ui.common.formulas import activation_symbol

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

class NetworkView(Highlighting, InPlaceEditing):
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
        self.k = 3  # strongest incoming edges per neuron drawn for wide layers
        self._auto_fit = True
        self.geom = None
        self.neurons: list[list[NeuronItem]] = []
        self.biases: list[list[BiasItem | None]] = []
        self.edges: list[list[EdgeItem]] = []  # per weight matrix, a pool of items
        self.z_labels: list[list[QGraphicsSimpleTextItem]] = []
        self.a_labels: list[list[QGraphicsSimpleTextItem]] = []
        self.b_labels: list[list[QGraphicsSimpleTextItem]] = []
        self.w_labels: list[list[QGraphicsSimpleTextItem]] = []
        self.image: ImageItem | None = None
        self._titles: list[QGraphicsSimpleTextItem] = []
        self._init_editing(lesson)
        lesson.network_changed.connect(self.rebuild)
        lesson.forward_updated.connect(self._on_lesson_forward_updated)
        lesson.neuron_selected.connect(self._on_lesson_neuron_selected)
        self.neuron_clicked.connect(lesson.select_neuron)

    # -- building -------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Create the items for the lesson's network (call when its shape changes)."""
        net = self.lesson.network
        self.close_editor()  # its item is about to be deleted
        self._scene.clear()
        self.neurons, self.biases, self.edges = [], [], []
        self.z_labels, self.a_labels, self.b_labels, self.w_labels = [], [], [], []
        self.image, self._titles = None, []
        self.heatmaps = []
        if net is None:
            return
        self.geom = geometry.network_geom(net.spec.sizes)
        label_font = QFont(self.font())
        label_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        z_font = QFont(label_font)
        z_font.setBold(True)
        self._label_font = label_font
        for li, g in enumerate(self.geom.layers):
            items, zl, al, bl, bias_items = [], [], [], [], []
            if g.image_side:
                self.image = ImageItem(self, g.image_side)
                self.image.setScale(g.cell)
                self.image.setPos(g.x - g.image_side * g.cell / 2, -g.image_side * g.cell / 2)
                self._scene.addItem(self.image)
                frame = self._scene.addRect(self.image.sceneBoundingRect(), OUTLINE)
                frame.setZValue(2)
            has_bias = li > 0 and net.b[li - 1] is not None
            for k in range(0 if g.image_side else g.n):
                x, y, r = g.x, float(g.ys[k]), g.radius
                item = NeuronItem(self, li, k, QRectF(x - r, y - r, 2 * r, 2 * r))
                item.setPen(OUTLINE if not g.compact else QPen(Qt.NoPen))
                self._scene.addItem(item)
                items.append(item)
                if not g.compact:
                    z = QGraphicsSimpleTextItem(item)
                    z.setFont(z_font)
                    z.setZValue(4)
                    a = self._scene.addSimpleText("", label_font)
                    a.setZValue(4)
                    a.setBrush(QColor(60, 60, 60))
                    zl.append(z)
                    al.append(a)
                if has_bias:
                    if g.compact:
                        bias_items.append(None)
                    else:
                        s = 9.0
                        bi = BiasItem(self, li, k, QRectF(x - r - s + 3, y - r - 2, s, s))
                        self._scene.addItem(bi)
                        bias_items.append(bi)
                        t = self._scene.addSimpleText("", label_font)
                        t.setBrush(QColor(90, 90, 90))
                        t.setZValue(4)
                        t.edit_target = bi  # clicking the number edits the bias
                        bl.append(t)
            self.neurons.append(items)
            self.z_labels.append(zl)
            self.a_labels.append(al)
            self.b_labels.append(bl)
            self.biases.append(bias_items)
            title = self._scene.addSimpleText(self._layer_title(li), label_font)
            title.setBrush(QColor(40, 40, 40))
            br = title.boundingRect()
            title.setPos(g.x - br.width() / 2 if not g.image_side else g.x - br.width() / 2,
                         g.top - 28 - (0 if not has_bias else 4))
            self._titles.append(title)
        self.heatmaps = []  # (layer, HeatmapItem) for 2-input networks with small layers
        if net.spec.inputs == 2:
            for li, g in enumerate(self.geom.layers[1:], 1):
                if g.compact:
                    continue
                for item in self.neurons[li]:
                    side = 0.95 * g.radius
                    hm = HeatmapItem(item, side)
                    r = item.rect()
                    hm.setPos(r.right() - 0.35 * side, r.top() - 0.65 * side)
                    self.heatmaps.append(hm)
        for _ in range(net.n_layers):
            self.edges.append([])
            self.w_labels.append([])
        # large networks: antialiased lines cost most of a frame; small ones look better with it
        big = any(g.compact for g in self.geom.layers)
        self.setRenderHint(QPainter.Antialiasing, not big)
        x, y, w, h = self.geom.bounds()
        self._scene.setSceneRect(QRectF(x, y, w, h))
        self.update_values()
        if self._auto_fit:
            self.fit()

    def _layer_title(self, li: int) -> str:
        net = self.lesson.network
        if li == 0:
            n = net.spec.inputs
            return self.tr("Input x ({n})").format(n=n) if n > 3 else self.tr("Input x")
        act = activation_symbol(net.spec.layers[li - 1].activation)
        n = net.spec.layers[li - 1].units
        if li == len(net.spec.sizes) - 1:
            return self.tr("Output y · {act}").format(act=act)
        return self.tr("Hidden {l} · {act} ({n})").format(l=li, act=act, n=n)

    def _edge_pool(self, layer: int, n: int) -> list[EdgeItem]:
        pool = self.edges[layer]
        while len(pool) < n:
            e = EdgeItem(self, layer)
            self._scene.addItem(e)
            pool.append(e)
        for e in pool[n:]:
            e.setVisible(False)
        return pool

    # -- updating (fast path) -------------------------------------------------------------
    def set_show_numbers(self, on: bool) -> None:
        self.show_numbers = bool(on)
        self.update_values()

    def set_k(self, k: int) -> None:
        self.k = int(k)
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
            items = self.neurons[li]
            for k, item in enumerate(items):
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
                for k, t in enumerate(self.b_labels[li]):
                    t.setVisible(show)
                    if show:
                        t.setText(f"b {fmt(bvals[k], 3)}")
                        br = t.boundingRect()
                        t.setPos(g.x - g.radius - br.width() - 8, float(g.ys[k]) - g.radius - 5)
        for l_ in range(net.n_layers):
            self._update_edges(l_)
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

    def _update_neuron_labels(self, li, g, aa, zz, idx, show):
        for k, zt in enumerate(self.z_labels[li]):
            zt.setVisible(show)
            at = self.a_labels[li][k]
            at.setVisible(show and li > 0)
            if not show:
                continue
            zt.setText(fmt(zz[k], 4))
            fg = colors.text_on(colors.LUT[idx[k]])
            zt.setBrush(QColor(*fg))
            br = zt.boundingRect()
            zt.setPos(g.x - br.width() / 2, float(g.ys[k]) - br.height() / 2)
            if li > 0:
                at.setText(f"a {fmt(aa[k], 4)}")
                br = at.boundingRect()
                at.setPos(g.x - br.width() / 2, float(g.ys[k]) + g.radius + 1)

    def _update_image(self, x, side) -> None:
        rgb = np.ascontiguousarray(colors.signed_rgb(np.asarray(x)[: side * side]
                                                     .reshape(side, side)))
        img = QImage(rgb.data, side, side, 3 * side, QImage.Format_RGB888)
        self.image.setPixmap(QPixmap.fromImage(img.copy()))

    def _update_edges(self, layer: int) -> None:
        net = self.lesson.network
        W = net.W[layer]
        units = net.spec.layers[layer].units
        if W.shape[1] != units:  # maxout: draw the first linear piece
            W = W[:, :units]
        i, j = geometry.edge_pairs(W, self.k)
        w = W[i, j]
        src = self.geom.layers[layer].positions()
        dst = self.geom.layers[layer + 1]
        scale = geometry.weight_scale(W)
        widths = geometry.edge_widths(w, scale)
        strength = np.sign(w) * np.maximum(np.abs(w) / scale, 0.3)
        cidx = colors.lut_index(strength)
        pool = self._edge_pool(layer, len(i))
        r_src = 0.0 if self.geom.layers[layer].image_side else self.geom.layers[layer].radius
        for n, e in enumerate(pool[: len(i)]):
            ii, jj = int(i[n]), int(j[n])
            x1, y1 = float(src[ii, 0]), float(src[ii, 1])
            e.i, e.j, e.w = ii, jj, float(w[n])
            # plain floats: numpy scalars passed to Qt trip a refcount bug in shiboken
            pen = QPen(LUT_COLORS[int(cidx[n])], float(widths[n]))
            pen.setCapStyle(Qt.FlatCap)
            e.place(x1 + r_src, y1, dst.x - dst.radius, float(dst.ys[jj]), pen)
            e.setVisible(True)
        self._update_edge_labels(layer, pool[: len(i)], dst)

    def _update_edge_labels(self, layer, pool, dst) -> None:
        """w labels on the edges of small layer pairs only (else they are unreadable)."""
        labels = self.w_labels[layer]
        src = self.geom.layers[layer]
        small = len(pool) <= 40 and not dst.compact and not src.compact
        want = len(pool) if (small and self.show_numbers) else 0
        while len(labels) < want:
            t = self._scene.addSimpleText("", self._label_font)
            t.setBrush(QColor(30, 30, 30))
            t.setZValue(5)
            labels.append(t)
        for t in labels[want:]:
            t.setVisible(False)
        n_out = max(1, dst.n)
        for t, e in zip(labels[:want], pool):
            line = e.line()
            # stagger along the edge by target neuron so labels of a fan do not overlap
            f = 0.22 + 0.5 * (e.j + 0.5) / n_out
            p = line.pointAt(f)
            t.setText(fmt(e.w, 3))
            t.edit_target = e  # clicking the number edits the weight
            br = t.boundingRect()
            t.setPos(p.x() - br.width() / 2, p.y() - br.height() / 2)
            t.setVisible(True)

    def _on_lesson_neuron_selected(self, layer: int, index: int) -> None:
        g = self.geom
        for li, items in enumerate(self.neurons):
            compact = g.layers[li].compact if g else False
            for k, item in enumerate(items):
                sel = li == layer and k == index
                item.setPen(SELECTED if sel else (QPen(Qt.NoPen) if compact else OUTLINE))

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
        self.fitInView(self._scene.sceneRect(), Qt.KeepAspectRatio)
        if self.transform().m11() > 1.6:  # small networks: do not blow the circles up
            self.resetTransform()
            self.scale(1.6, 1.6)
            self.centerOn(self._scene.sceneRect().center())
        self._auto_fit = True
        self._place_editor()
        self.zoom_changed.emit(self.transform().m11())

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()
        self._place_editor()

    def drawForeground(self, painter: QPainter, rect) -> None:  # noqa: N802
        """The legend, in viewport coordinates (bottom-left corner)."""
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.Antialiasing)
        self._legend_rect = draw_legend(painter, self.viewport().height())
        painter.restore()



if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(NetworkView))
