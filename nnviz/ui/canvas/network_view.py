"""The network diagram: a QGraphicsView of neurons, edges, biases and a legend.

Built once per network shape (:meth:`NetworkView.rebuild`); every later change (edit, input,
training snapshot) only recolours the existing items (:meth:`NetworkView.update_values`), which
keeps a 784-100-100-100-10 network animatable.  Wide layers show only the ``k`` strongest
incoming edges of each neuron; a square input layer (MNIST) is drawn as its image.

A click (press and release without dragging) or a double-click on an edge or a bias square
opens an :class:`~nnviz.ui.canvas.inline_editor.InlineEditor` on that weight, in place; the
view handles both (the items themselves take no clicks).  Edges
never accept mouse presses themselves, so a drag that starts on one still pans the view.  The
editor keeps its pixel size and follows its weight when the view is zoomed or panned; it closes
when the network is rebuilt (or when a snapshot no longer draws the edge it edits).

Signals
-------
neuron_clicked(int, int)   canvas layer (0 = inputs) and neuron index
zoom_changed(float)        the view's scale factor
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from nnviz.ui import colors
from nnviz.ui.canvas import geometry
from nnviz.ui.canvas.inline_editor import InlineEditor
from nnviz.ui.formatting import fmt, fmt_full, sub
from nnviz.ui.guards import read_number

_LUT_COLORS = [QColor(int(r), int(g), int(b)) for r, g, b in colors.LUT]
_LUT_BRUSHES = [QBrush(c) for c in _LUT_COLORS]
_OUTLINE = QPen(QColor(90, 90, 90), 1.0)
_SELECTED = QPen(QColor(20, 20, 20), 3.0)
_SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "LReLU",
           "prelu": "PReLU", "elu": "ELU", "swish": "swish", "softplus": "softplus",
           "step": "step", "softmax": "softmax", "maxout": "maxout", "identity": "id"}

translate = QCoreApplication.translate  # the name lupdate recognises


def activation_symbol(name: str) -> str:
    return _SYMBOL.get(name, name)


class _HoverTip:
    """Mixin: the tooltip is computed when the mouse arrives (numbers are always current)."""

    def hoverEnterEvent(self, event):  # noqa: N802 (Qt override)
        view = self._view
        if view is not None:
            self.setToolTip(view.tooltip_for(self))
        super().hoverEnterEvent(event)


class NeuronItem(_HoverTip, QGraphicsEllipseItem):
    def __init__(self, view, layer: int, index: int, rect: QRectF):
        super().__init__(rect)
        self._view, self.layer, self.index = view, layer, index
        self.a = 0.0  # current weighted sum (tests read these)
        self.z = 0.0  # current activation
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setZValue(2)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.LeftButton:
            self._view.neuron_clicked.emit(self.layer, self.index)
            event.accept()
            return
        super().mousePressEvent(event)


class BiasItem(_HoverTip, QGraphicsRectItem):
    def __init__(self, view, layer: int, index: int, rect: QRectF):
        super().__init__(rect)
        self._view, self.layer, self.index = view, layer, index
        self.setAcceptHoverEvents(True)
        self.setZValue(3)
        self.setPen(_OUTLINE)


class EdgeItem(_HoverTip, QGraphicsLineItem):
    """An edge of weight matrix ``layer`` (from canvas layer ``layer`` to ``layer + 1``)."""

    def __init__(self, view, layer: int):
        super().__init__()
        self._view, self.layer, self.i, self.j = view, layer, 0, 0
        self.w = 0.0
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
            x = self._view.controller.x
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
            "NetworkView", "This neuron's output over the input plane (blue > 0 > orange)"))

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


class NetworkView(QGraphicsView):
    neuron_clicked = Signal(int, int)
    zoom_changed = Signal(float)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
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
        # in-place editing of a weight or bias (one editor, moved from item to item)
        self.editor = InlineEditor(self.viewport())
        self.edit_item: EdgeItem | BiasItem | None = None
        self._edit_key: tuple | None = None  # ("W", layer, i, j) or ("b", layer, j)
        self._edit_anchor: tuple | None = None  # (scene point, alignment)
        self._committing = False
        self._press_pos: QPointF | None = None  # left press, to tell a click from a pan
        self._legend_rect = QRectF()  # viewport coordinates; clicks there are not edits
        self.editor.committed.connect(self._on_editor_committed)
        self.editor.cancelled.connect(self.close_editor)
        controller.edit_refused.connect(self._on_controller_edit_refused)
        controller.network_changed.connect(self.rebuild)
        controller.forward_updated.connect(self._on_controller_forward_updated)
        controller.neuron_selected.connect(self._on_controller_neuron_selected)
        self.neuron_clicked.connect(controller.select_neuron)

    # -- building -------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Create the items for the controller's network (call when its shape changes)."""
        net = self.controller.network
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
                frame = self._scene.addRect(self.image.sceneBoundingRect(), _OUTLINE)
                frame.setZValue(2)
            has_bias = li > 0 and net.b[li - 1] is not None
            for k in range(0 if g.image_side else g.n):
                x, y, r = g.x, float(g.ys[k]), g.radius
                item = NeuronItem(self, li, k, QRectF(x - r, y - r, 2 * r, 2 * r))
                item.setPen(_OUTLINE if not g.compact else QPen(Qt.NoPen))
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
        net = self.controller.network
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

    def _on_controller_forward_updated(self, trace) -> None:
        self.update_values()

    def update_values(self) -> None:
        """Recolour neurons, edges and biases and refresh labels from the controller's numbers."""
        c = self.controller
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
                item.setBrush(_LUT_BRUSHES[int(idx[k])])
            if not g.compact:
                self._update_neuron_labels(li, g, aa, zz, idx, show)
            if li > 0 and net.b[li - 1] is not None and self.biases[li]:
                bvals = net.b[li - 1]
                bidx = colors.lut_index(bvals)
                for k, bi in enumerate(self.biases[li]):
                    if bi is not None:
                        bi.setBrush(_LUT_BRUSHES[int(bidx[k])])
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
        from nnviz.ui import plane

        s = self.controller.samples
        ext = plane.extent(s.X if s is not None else [self.controller.x])
        planes = plane.neuron_planes(self.controller.network, ext, HeatmapItem.SIZE)
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
        net = self.controller.network
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
            pen = QPen(_LUT_COLORS[int(cidx[n])], float(widths[n]))
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

    # -- tooltips and edits ---------------------------------------------------------------
    def tooltip_for(self, item) -> str:
        if isinstance(item, NeuronItem):
            return neuron_formula(self.controller, item.layer, item.index)
        if isinstance(item, EdgeItem):
            l_, i, j = item.layer, item.i, item.j
            w = self.controller.network.W[l_][i, j]
            text = self.tr("weight W{l}[{i},{j}] = {w}").format(l=l_ + 1, i=i + 1, j=j + 1,
                                                               w=fmt_full(w))
            text += "\n" + self.tr("from neuron {i} of layer {l0} to neuron {j} of layer {l1}") \
                .format(i=i + 1, l0=l_, j=j + 1, l1=l_ + 1)
            grad = self.controller.gradient()
            if grad is not None:
                g = grad[self.controller.w_index(l_, i, j)]
                text += "\n" + self.tr("gradient ∂L/∂w = {g}").format(g=fmt_full(g))
            return text + "\n" + self.tr("Click to edit")
        if isinstance(item, BiasItem):
            b = self.controller.network.b[item.layer - 1][item.index]
            return self.tr("bias b{l}[{j}] = {b}\nClick to edit").format(
                l=item.layer, j=item.index + 1, b=fmt_full(b))
        return ""

    def ask_value(self, item) -> None:
        """Edit the weight (or bias) of ``item`` in place, in the inline editor."""
        key = _edit_key(item)
        if self.editor.active and key == self._edit_key:
            self.editor.line.setFocus(Qt.OtherFocusReason)  # already editing it (double-click)
            return
        net = self.controller.network
        if isinstance(item, EdgeItem):
            old = net.W[item.layer][item.i, item.j]
            label = f"W{item.layer + 1}[{item.i + 1},{item.j + 1}]"
        else:
            old = net.b[item.layer - 1][item.index]
            label = f"b{item.layer}[{item.index + 1}]"
        self.edit_item, self._edit_key = item, key
        self._edit_anchor = self._anchor_for(item)
        self.editor.start_edit(f"{label} =", fmt_full(old).replace("−", "-"),
                               self.tr("Enter applies the value, Esc cancels"))
        self._place_editor()

    def close_editor(self) -> None:
        """Hide the inline editor without applying anything."""
        had_focus = self.editor.line.hasFocus()
        self.editor.dismiss()
        self.edit_item = self._edit_key = self._edit_anchor = None
        if had_focus:
            self.setFocus(Qt.OtherFocusReason)  # keyboard shortcuts work on the canvas again

    def editable_item_at(self, pos) -> EdgeItem | BiasItem | None:
        """The edge or bias under viewport point ``pos`` (its number label counts too)."""
        if self._legend_rect.contains(QPointF(pos)):
            return None
        for it in self.items(pos):  # topmost first, like itemAt()
            if isinstance(it, EdgeItem | BiasItem):
                return it
            target = getattr(it, "edit_target", None)
            return target if target is not None and target.isVisible() else None
        return None

    def _anchor_for(self, item) -> tuple[QPointF, Qt.AlignmentFlag]:
        """Where the editor sits: over the edge's number (its midpoint when no number is
        shown), or just left of the bias square, over the bias's number."""
        if isinstance(item, BiasItem):
            r = item.sceneBoundingRect()
            return QPointF(r.left() - 1, r.center().y()), Qt.AlignRight
        for t in self.w_labels[item.layer]:
            if t.isVisible() and getattr(t, "edit_target", None) is item:
                return t.sceneBoundingRect().center(), Qt.AlignCenter
        return item.line().center(), Qt.AlignCenter

    def _place_editor(self) -> None:
        if self.edit_item is not None and self._edit_anchor is not None:
            point, align = self._edit_anchor
            self.editor.place(self.mapFromScene(point), align)

    def _sync_editor(self) -> None:
        """After a redraw: follow the edited weight to the edge item now drawing it (wide
        layers reassign their pooled edges to the strongest weights), or close."""
        item = self.edit_item
        if item is None:
            return
        if isinstance(item, EdgeItem) and (not item.isVisible()
                                           or _edit_key(item) != self._edit_key):
            item = next((e for e in self.edges[item.layer]
                         if e.isVisible() and _edit_key(e) == self._edit_key), None)
            if item is None:
                self.close_editor()
                return
            self.edit_item = item
        self._edit_anchor = self._anchor_for(item)
        self._place_editor()

    def _on_editor_committed(self, text: str) -> None:
        item = self.edit_item
        if item is None:
            return
        self._committing = True
        try:
            ok = self.apply_text(item, text)
        finally:
            self._committing = False
        if ok:
            self.close_editor()

    def _on_controller_edit_refused(self, message: str) -> None:
        if self._committing:
            self.editor.set_error(message)

    def apply_text(self, item, text: str) -> bool:
        v, why = read_number(text)  # the weight editor's reading and reasons ("1,000" …)
        if v is None:
            self.controller.edit_refused.emit(self.tr("{why} The weight was kept.").format(
                why=why))
            return False
        if isinstance(item, EdgeItem):
            return self.controller.edit_weight(item.layer, item.i, item.j, v)
        return self.controller.edit_bias(item.layer - 1, item.index, v)

    def _on_controller_neuron_selected(self, layer: int, index: int) -> None:
        g = self.geom
        for li, items in enumerate(self.neurons):
            compact = g.layers[li].compact if g else False
            for k, item in enumerate(items):
                sel = li == layer and k == index
                item.setPen(_SELECTED if sel else (QPen(Qt.NoPen) if compact else _OUTLINE))

    # -- clicks, zoom and pan -------------------------------------------------------------
    def mousePressEvent(self, event):  # noqa: N802
        self._press_pos = event.position() if event.button() == Qt.LeftButton else None
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event):  # noqa: N802
        self._press_pos = None  # the editor opens now, not again on the release
        if not self._edit_at(event):
            super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        press, self._press_pos = self._press_pos, None
        super().mouseReleaseEvent(event)
        if press is None:
            return
        if (event.position() - press).manhattanLength() >= QApplication.startDragDistance():
            return  # that was a pan
        self._edit_at(event)

    def _edit_at(self, event) -> bool:
        """Open the editor on the edge or bias under a left-button ``event``; True if it did."""
        item = (self.editable_item_at(event.position().toPoint())
                if event.button() == Qt.LeftButton else None)
        if item is None:
            return False
        self.ask_value(item)
        event.accept()
        return True

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self._place_editor()

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
        fm = painter.fontMetrics()
        h = self.viewport().height()
        x0, y0, bw = 12, h - 16 - 2 * fm.height() - 20, 120
        box = QRectF(x0 - 6, y0 - fm.height() - 8, bw + 150, 2 * fm.height() + 44)
        painter.setPen(QPen(QColor(200, 200, 200)))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(box, 4, 4)
        self._legend_rect = box
        grad = QLinearGradient(QPointF(x0, 0), QPointF(x0 + bw, 0))
        for t, col in ((0.0, colors.NEGATIVE), (0.5, colors.ZERO), (1.0, colors.POSITIVE)):
            grad.setColorAt(t, QColor(*col))
        painter.setPen(QColor(40, 40, 40))
        painter.drawText(QPointF(x0, y0 - 4), self.tr("value (a, z, w, b)"))
        painter.fillRect(QRectF(x0, y0, bw, 10), QBrush(grad))
        painter.drawText(QPointF(x0, y0 + 12 + fm.ascent()), "−1")
        painter.drawText(QPointF(x0 + bw / 2 - 3, y0 + 12 + fm.ascent()), "0")
        painter.drawText(QPointF(x0 + bw - 12, y0 + 12 + fm.ascent()), "+1")
        ex = x0 + bw + 16
        painter.drawText(QPointF(ex, y0 - 4), self.tr("edge width ∝ |w|"))
        for n, wdt in enumerate((1.0, 3.0, 6.0)):
            painter.setPen(QPen(QColor(*colors.POSITIVE), wdt))
            painter.drawLine(QPointF(ex + n * 42, y0 + 6), QPointF(ex + n * 42 + 34, y0 + 6))
        painter.restore()


def _edit_key(item) -> tuple:
    """Which parameter an edge or bias item stands for (pooled edges change weights)."""
    if isinstance(item, EdgeItem):
        return ("W", item.layer, item.i, item.j)
    return ("b", item.layer, item.index)


def neuron_formula(controller, layer: int, index: int) -> str:
    """The neuron's formula with the current numbers, e.g.
    ``a₁ = 0.1·1 + 0.2·0.5 + 0.1 = 0.3`` and ``z₁ = σ(0.3) = 0.5744``."""
    net = controller.network
    j = index
    if layer == 0:
        return translate("NetworkView", "input x{j} = {v}").format(
            j=sub(j + 1), v=fmt_full(controller.x[j]))
    li = layer - 1
    spec = net.spec.layers[li]
    a, z = controller.values(layer)
    z_prev = controller.values(layer - 1)[1]
    W = net.W[li]
    col = j
    terms = [f"{fmt(W[i, col])}·{fmt(z_prev[i])}" for i in range(min(len(z_prev), 6))]
    if len(z_prev) > 6:
        terms.append(translate("NetworkView", "… ({n} terms)").format(n=len(z_prev)))
    if net.b[li] is not None:
        terms.append(fmt(net.b[li][col]))
    head = translate("NetworkView", "layer {l}, neuron {j}").format(l=layer, j=j + 1)
    s = sub(j + 1)
    line_a = f"a{s} = " + " + ".join(terms).replace("+ −", "− ") + f" = {fmt(a[col])}"
    sym = activation_symbol(spec.activation)
    if spec.activation == "softmax":
        line_z = f"z{s} = e^a{s} / Σₖ e^aₖ = {fmt(z[j])}"
    elif spec.activation == "identity":
        line_z = f"z{s} = a{s} = {fmt(z[j])}"
    elif spec.activation == "maxout":
        units = spec.units
        line_z = f"z{s} = max({fmt(a[j])}, {fmt(a[j + units])}) = {fmt(z[j])}"
    else:
        line_z = f"z{s} = {sym}({fmt(a[col])}) = {fmt(z[j])}"
    full = translate("NetworkView", "full precision: a = {a}, z = {z}").format(
        a=fmt_full(a[col]), z=fmt_full(z[j]))
    return f"{head}\n{line_a}\n{line_z}\n{full}"
