"""The edges of the network canvas: which are drawn, how, and hovering a neuron.

:class:`EdgeDrawing` is a mixin of :class:`~nnviz.ui.canvas.network_view.NetworkView`.  A small
layer pair draws every edge; a dense one (more than ``geometry.FULL_EDGES``) draws, faded, an
overview of its ``overview_edges`` strongest (the toolbar's "strongest edges" box) and, in full
colour, the selected neuron's strongest edges.  Widths follow |w|, colours its sign.

Hovering a neuron brings its edges forward: while the mouse is over a neuron, its edges are
drawn on top in full colour (in a dense pair, its
:data:`~nnviz.ui.canvas.geometry.SELECTED_EDGES` strongest incoming and outgoing ones, as if it
were selected) and their weights are written first, before the selected neuron's and the
strongest others, so they are shown even where the rule for edge numbers would hide them; the
other numbers make room.  Leaving the neuron restores the usual picture.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPen

from nnviz.ui.canvas import geometry
from nnviz.ui.canvas.items import LUT_COLORS, LUT_FADED, EdgeItem
from nnviz.ui.common import colors


class EdgeDrawing:
    """Mixin: the edges' items, ``set_overview_edges``, ``set_hovered_neuron`` (called by the
    neuron items) and ``refresh_edges``."""

    hovered_neuron: tuple[int, int] | None

    def set_overview_edges(self, n: int) -> None:
        """How many of its strongest edges a dense layer pair draws (the toolbar's box)."""
        self.overview_edges = int(min(max(n, 0), geometry.MAX_OVERVIEW))
        self.refresh_edges()

    def drawn_edge_count(self, layer: int | None = None) -> int:
        """Edges drawn now: of weight matrix ``layer``, or of all of them."""
        pools = self.edges if layer is None else self.edges[layer: layer + 1]
        return sum(e.isVisible() for pool in pools for e in pool)

    def _edge_pool(self, layer: int, n: int) -> list[EdgeItem]:
        pool = self.edges[layer]
        while len(pool) < n:
            e = EdgeItem(self, layer)
            self._scene.addItem(e)
            pool.append(e)
        for e in pool[n:]:
            e.setVisible(False)
        return pool

    def _update_edges(self, layer: int) -> None:
        net = self.lesson.network
        W = net.W[layer]
        units = net.spec.layers[layer].units
        if W.shape[1] != units:  # maxout: draw the first linear piece
            W = W[:, :units]
        i, j, focus = geometry.shown_edges(W, self.overview_edges, layer, *self.lesson.selected)
        i, j, hover = geometry.with_edges(
            i, j, *geometry.pair_edges_of(W, layer, *(self.hovered_neuron or (-1, -1))),
            W.shape[0])
        focus = np.concatenate([focus, np.zeros(len(i) - len(focus), bool)])
        dense = geometry.is_dense(W)
        w = W[i, j]
        src = self.geom.layers[layer].ends(outgoing=True)
        dst = self.geom.layers[layer + 1].ends(outgoing=False)
        scale = geometry.weight_scale(W)
        s = self.geom.scale
        widths = geometry.edge_widths(w, scale, 6.0 * s, 0.6 * s)
        strength = np.sign(w) * np.maximum(np.abs(w) / scale, 0.3)
        cidx = colors.lut_index(strength)
        pool = self._edge_pool(layer, len(i))
        for n, e in enumerate(pool[: len(i)]):
            ii, jj = int(i[n]), int(j[n])
            e.i, e.j, e.w = ii, jj, float(w[n])
            e.focus, e.hover, e.dense, e.pair_scale = bool(focus[n]), bool(hover[n]), dense, scale
            faded = dense and not (e.focus or e.hover)
            # plain floats: numpy scalars passed to Qt trip a refcount bug in shiboken
            colour = (LUT_FADED if faded else LUT_COLORS)[int(cidx[n])]
            pen = QPen(colour, 0.6 * s if faded else float(widths[n]))
            pen.setCapStyle(Qt.FlatCap)
            e.place(float(src[ii, 0]), float(src[ii, 1]), float(dst[jj, 0]), float(dst[jj, 1]),
                    pen)
            # the hovered neuron's edges on top, then the selected neuron's
            e.setZValue(1.3 if e.hover else 1.2 if e.focus else 1.0)
            e.setVisible(True)

    def set_hovered_neuron(self, layer: int, index: int) -> None:
        """Neuron ``index`` of canvas ``layer`` is under the mouse (layer < 0: none is)."""
        new = (int(layer), int(index)) if layer >= 0 and index >= 0 else None
        if new == self.hovered_neuron:
            return
        if self.hovered_neuron is None:  # where the numbers were: back there after the hover
            self._label_at_unhovered = dict(self._label_at)
        elif new is None:
            self._label_at = getattr(self, "_label_at_unhovered", self._label_at)
        self.hovered_neuron = new
        self.refresh_edges()

    def hovered_edge_labels(self) -> dict[tuple[int, int, int], bool]:
        """For each edge of the hovered neuron that is drawn: (layer, i, j) → whether its
        weight is written on it now."""
        written = {key for key, _box in self.edge_label_rects()}
        return {(e.layer, e.i, e.j): (e.layer, e.i, e.j) in written
                for pool in self.edges for e in pool if e.isVisible() and e.hover}

    def refresh_edges(self) -> None:
        """Redraw the edges and their numbers only (the neurons have not changed)."""
        net = self.lesson.network
        if net is None or self.geom is None or not self.edges:
            return
        for layer in range(net.n_layers):
            self._update_edges(layer)
        self._place_edge_labels()
        self._sync_editor()
        self.viewport().update()
