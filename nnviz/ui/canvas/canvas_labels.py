"""The numbers on the network canvas: a neuron's value inside it, its weighted sum below it,
its bias beside it and the weights on the edges.

:class:`CanvasLabels` is a mixin of :class:`~nnviz.ui.canvas.network_view.NetworkView`.  A
neuron's value is written with 3 significant digits and shrunk until it fits inside the circle
(the full value is in the neuron's tooltip and the inspector).  The weights on edges go where
:func:`~nnviz.ui.canvas.label_placement.place_on_edges` finds room: never over a neuron, its
numbers, a layer title or another weight (the rule is written in the legend); a hovered
neuron's edges are served first, then a selected neuron's.  The layer titles are here too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from nnviz.ui.canvas import label_placement as lp
from nnviz.ui.canvas.items import LabelItem
from nnviz.ui.common import colors
from nnviz.ui.common.formatting import count, fmt

DIGITS = 3  # significant digits of every number written on the canvas
VALUE_PX = 13.0  # font sizes in scene pixels at interface scale 1
LABEL_PX = 11.0
TITLE_PX = 12.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkView", text)  # the view's own context


def canvas_fonts(base: QFont, scale: float) -> dict[str, QFont]:
    """The canvas's fonts at interface ``scale`` (pixel sizes: the scene is measured in px)."""
    fonts = {}
    for name, px, bold in (("value", VALUE_PX, True), ("label", LABEL_PX, False),
                           ("title", TITLE_PX, True), ("legend", LABEL_PX, False)):
        f = QFont(base)
        f.setPixelSize(max(1, round(px * scale)))
        f.setBold(bold)
        fonts[name] = f
    return fonts


class CanvasLabels:
    """Mixin: creates and places the canvas's number labels (needs the view's items)."""

    def _new_label(self, font: QFont, color: QColor, parent=None,
                   boxed: bool = False) -> QGraphicsSimpleTextItem:
        """A number or title; ``boxed``: on a pale box (numbers lying on edges)."""
        t = LabelItem(parent) if boxed else QGraphicsSimpleTextItem(parent)
        if parent is None:
            self._scene.addItem(t)
        t.setFont(font)
        t.setBrush(color)
        t.setZValue(4)
        return t

    # -- titles -----------------------------------------------------------------------------
    def _add_titles(self, li: int, g, has_bias: bool) -> None:
        """The layer's title above it; a band also gets its neuron count below it."""
        s = self.geom.scale
        text = self._layer_title(li, g.band)
        lines = [text]
        if g.band or g.pill:  # tight columns: a title wider than its column's share wraps
            share = g.right - g.left + (self.geom.gap - 10) * s
            if QFontMetricsF(self._fonts["title"]).horizontalAdvance(text) > share:
                head, sep, tail = text.partition(" · ")
                lines = [head, tail] if sep else lines
        bottom = g.top - (14 if has_bias and not g.pill else 8) * s
        for line in reversed(lines):  # each line centred on the column, upwards
            title = self._new_label(self._fonts["title"], QColor(40, 40, 40))
            title.setText(line)
            br = title.boundingRect()
            bottom -= br.height()
            title.setPos(g.x - br.width() / 2, bottom)
            self._titles.append(title)
        if g.band:  # the dots are too small to count
            marker = self._new_label(self._fonts["label"], QColor(90, 90, 90))
            marker.setText(_tr("{n} neurons").format(n=count(g.n)))
            br = marker.boundingRect()
            marker.setPos(g.x - br.width() / 2, g.bottom + 4 * s)
            self._titles.append(marker)

    def _layer_title(self, li: int, band: bool = False) -> str:
        net = self.lesson.network
        if li == 0:
            n = net.spec.inputs
            if band:
                return _tr("Input x")
            return _tr("Input x ({n})").format(n=count(n)) if n > 3 else _tr("Input x")
        act = self.activation_name(net.spec.layers[li - 1].activation)
        n = net.spec.layers[li - 1].units
        if li == len(net.spec.sizes) - 1:
            return _tr("Output y · {act}").format(act=act)
        if band:  # its count is written under it: the title stays as narrow as the column
            return _tr("Hidden {l} · {act}").format(l=li, act=act)
        return _tr("Hidden {l} · {act} ({n})").format(l=li, act=act, n=n)

    def activation_name(self, name: str) -> str:
        """An activation as the handouts name it (계단 함수, 시그모이드, ReLU …)."""
        names = {"step": _tr("step function"), "sigmoid": _tr("sigmoid"),
                 "softmax": _tr("softmax"), "identity": _tr("identity"),
                 "tanh": "tanh", "relu": "ReLU", "leaky_relu": "Leaky ReLU"}
        return names.get(name, name)

    # -- neurons ----------------------------------------------------------------------------
    def _update_neuron_labels(self, li, g, aa, zz, idx, show) -> None:
        s = self.geom.scale
        a_labels = self.a_labels[li]
        for k, zt in enumerate(self.z_labels[li]):
            zt.setVisible(show)
            at = a_labels[k] if k < len(a_labels) else None
            if at is not None:
                at.setVisible(show and li > 0)
            if not show:
                continue
            zt.setText(fmt(zz[k], DIGITS))
            zt.setBrush(QColor(*colors.text_on(colors.LUT[idx[k]])))
            br = zt.boundingRect()
            if g.pill:
                fit = lp.fit_in_box(br.width(), br.height(), 2 * g.half_width - 6 * s,
                                    2 * g.radius)
            else:
                fit = lp.fit_in_circle(br.width(), br.height(), g.radius, 2.0 * s)
            zt.setScale(fit)
            zt.setPos(g.x - fit * br.width() / 2, float(g.ys[k]) - fit * br.height() / 2)
            if li > 0 and at is not None:
                at.setText(f"a {fmt(aa[k], DIGITS)}")
                br = at.boundingRect()
                if g.pill:  # a tight row: on its right (an output has no edges there)
                    at.setPos(g.right + 6 * s, float(g.ys[k]) - br.height() / 2)
                else:  # below the ring a selected neuron gets (its pen is 3 px wide)
                    at.setPos(g.x - br.width() / 2, float(g.ys[k]) + g.radius + 2.5 * s)

    def _update_bias_labels(self, li, g, bvals, show) -> None:
        s = self.geom.scale
        for k, t in enumerate(self.b_labels[li]):
            t.setVisible(show)
            if show:
                t.setText(f"b {fmt(bvals[k], DIGITS)}")
                br = t.boundingRect()
                if g.pill:  # right of its "a" number
                    a = self.a_labels[li][k].sceneBoundingRect()
                    t.setPos(a.right() + 6 * s, float(g.ys[k]) - br.height() / 2)
                else:
                    t.setPos(g.x - g.radius - br.width() - 8 * s,
                             float(g.ys[k]) - g.radius - 5 * s)

    # -- edges ------------------------------------------------------------------------------
    def _obstacles(self) -> list[lp.Rect]:
        """Boxes no edge number may touch: neurons (a wide layer's whole column), the input
        image, the neurons' own numbers, bias squares, heatmaps and layer titles."""
        pad = 2.0 * self.geom.scale
        boxes: list[lp.Rect] = []

        def add(item) -> None:
            if item is not None and item.isVisible():
                r = item.sceneBoundingRect()
                boxes.append((r.x(), r.y(), r.width(), r.height()))

        for li, g in enumerate(self.geom.layers):
            if g.image_side or g.compact:
                boxes.append((g.left - pad, g.top - pad, g.right - g.left + 2 * pad,
                              g.bottom - g.top + 2 * pad))
                continue
            for item in self.neurons[li]:
                add(item)
            for group in (self.a_labels[li], self.b_labels[li], self.biases[li]):
                for item in group:
                    add(item)
        for item in (*self._titles, *self.heatmaps):
            add(item)
        return boxes

    def _labelled_edges(self, cap: int | None = None) -> list:
        """The edges that may carry their number, in priority order: the hovered neuron's
        first, then the selected neuron's, then the others of pairs drawn in full, strongest
        (relative to its pair) first.  A crowded pair (more edges than twice its neurons), or
        every pair when ``cap`` is given, offers only its ``cap`` strongest of those others."""
        if cap is None:
            cap_all = max((len(layer) for layer in self.neurons), default=1)
        hover, focus, rest = [], [], []
        for layer, pool in enumerate(self.edges):
            shown = [e for e in pool if e.isVisible()]
            others = [e for e in shown if not (e.focus or e.hover or e.dense)]
            hover += [e for e in shown if e.hover]
            focus += [e for e in shown if e.focus and not e.hover]
            others.sort(key=lambda e: -abs(e.w))
            n_in, n_out = len(self.neurons[layer]), len(self.neurons[layer + 1])
            crowded = len(others) > 2 * (n_in + n_out)
            limit = cap if cap is not None else (cap_all if crowded else None)
            rest += others if limit is None else others[:limit]
        hover.sort(key=lambda e: -abs(e.w))
        focus.sort(key=lambda e: -abs(e.w))
        rest.sort(key=lambda e: -abs(e.w) / e.pair_scale)
        return hover + focus + rest

    def _place_edge_labels(self) -> None:
        """Write the weights on the edges: all of them if they all fit; otherwise the selected
        neuron's and, per layer pair, as many of the strongest as the wider layer has neurons
        (a crowd of numbers is no more readable than none), each where it fits."""
        if not self.show_numbers:
            for t in self.w_labels:
                t.setVisible(False)
            return
        drawn = []
        for pool in self.edges:
            for e in pool:
                if e.isVisible():
                    ln = e.line()
                    drawn.append((ln.x1(), ln.y1(), ln.x2(), ln.y2()))
        obstacles = self._obstacles()
        edges = self._labelled_edges()
        boxes = self._place(edges, obstacles, drawn)
        if any(b is None for b in boxes):
            cap = max((len(layer) for layer in self.neurons), default=1)
            edges = self._labelled_edges(cap)
            boxes = self._place(edges, obstacles, drawn)
        self._label_at = {}
        for t, e, box in zip(self.w_labels, edges, boxes):
            t.edit_target = e  # clicking the number edits the weight
            t.setVisible(box is not None)
            t.setZValue(7 if e.hover else 4)  # a hovered neuron's numbers above everything
            if box is not None:
                t.setPos(box[0], box[1])
                ln = e.line()
                self._label_at[(e.layer, e.i, e.j)] = lp.fraction_of(
                    box, (ln.x1(), ln.y1(), ln.x2(), ln.y2()))
        for t in self.w_labels[len(edges):]:
            t.setVisible(False)

    def _place(self, edges, obstacles, drawn) -> list:
        while len(self.w_labels) < len(edges):
            self.w_labels.append(self._new_label(self._fonts["label"], QColor(30, 30, 30),
                                                 boxed=True))
        lines, sizes, preferred = [], [], []
        for t, e in zip(self.w_labels, edges):
            t.setText(fmt(e.w, DIGITS))
            br = t.boundingRect()
            ln = e.line()
            lines.append((ln.x1(), ln.y1(), ln.x2(), ln.y2()))
            sizes.append((br.width(), br.height()))
            preferred.append(self._label_at.get((e.layer, e.i, e.j)))
        n_hover = sum(e.hover for e in edges)
        return lp.place_on_edges(lines, sizes, obstacles, preferred,
                                 gap=lp.GAP * self.geom.scale, crossing=drawn, more=n_hover)

    def value_text_px(self) -> float:
        """The height in screen pixels of the smallest neuron value written now (its font's
        pixel size × the scale that fits it in its node × the zoom); 0 if none is shown."""
        sizes = [t.font().pixelSize() * t.scale() for layer in self.z_labels for t in layer
                 if t.isVisible()]
        return min(sizes) * self.transform().m11() if sizes else 0.0

    def edge_label_rects(self) -> list[tuple[tuple[int, int, int], lp.Rect]]:
        """The weights written on edges now: ((layer, i, j), scene box) of each visible one."""
        out = []
        for t in self.w_labels:
            if t.isVisible():
                r = t.sceneBoundingRect()
                e = t.edit_target
                out.append(((e.layer, e.i, e.j), (r.x(), r.y(), r.width(), r.height())))
        return out

