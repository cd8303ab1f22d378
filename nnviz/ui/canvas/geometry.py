"""Where everything goes on the network canvas (Qt-free, unit-tested).

Scene units are pixels at zoom 1 and interface scale 1 (every length is multiplied by the
interface scale, so presentation mode draws bigger neurons, numbers and lines).  Layers are
columns left to right; a layer's neurons are centred vertically on y = 0.  Small layers get
big circles with room for numbers; wide layers (more than ``FULL_LAYER`` neurons) are packed
into a compact column of small dots; an input layer that is a square image (MNIST's
784 = 28 × 28) is drawn as the image itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FULL_LAYER = 16  # layers up to this size get full-size neurons with labels
RADIUS = 22.0  # neuron radius of full-size layers
SPACING = 66.0  # distance between neuron centres of full-size layers
COLUMN = 210.0  # distance between layer columns
COMPACT_HEIGHT = 640.0  # height of a compact (wide) layer
IMAGE_SIZE = 280.0  # side of the input image (28 px × 10)
FULL_EDGES = 400  # layer pairs with at most this many edges draw all of them
DENSE_OVERVIEW = 40  # edges a denser pair shows (faded) when none of its neurons is selected
SELECTED_EDGES = 12  # strongest incoming and outgoing edges drawn for a selected neuron


def image_side(n_inputs: int) -> int:
    """Side of the square image the inputs form (28 for 784), or 0 if not an image."""
    side = math.isqrt(n_inputs)
    return side if n_inputs >= 64 and side * side == n_inputs else 0


@dataclass(frozen=True)
class LayerGeom:
    """One column of neurons."""

    x: float  # centre x of the column (a Python float: Qt calls refuse numpy scalars)
    ys: np.ndarray  # (n,) neuron centre y
    radius: float  # neuron radius
    compact: bool  # packed wide layer: no labels, no bias chips
    image_side: int = 0  # > 0: the layer is drawn as a side × side image
    cell: float = 0.0  # image pixel size (image layers)

    @property
    def n(self) -> int:
        return len(self.ys)

    @property
    def top(self) -> float:
        if self.image_side:
            return -self.image_side * self.cell / 2
        return float(self.ys.min()) - self.radius if self.n else 0.0

    @property
    def bottom(self) -> float:
        if self.image_side:
            return self.image_side * self.cell / 2
        return float(self.ys.max()) + self.radius if self.n else 0.0

    def positions(self) -> np.ndarray:
        """(n, 2) centre of every neuron (pixel centres for an image layer)."""
        if self.image_side:
            s, c = self.image_side, self.cell
            r, q = np.divmod(np.arange(s * s), s)
            xs = self.x - s * c / 2 + (q + 0.5) * c
            ys = -s * c / 2 + (r + 0.5) * c
            return np.column_stack([xs, ys])
        return np.column_stack([np.full(self.n, self.x), self.ys])


@dataclass(frozen=True)
class NetworkGeom:
    layers: tuple[LayerGeom, ...]

    scale: float = 1.0  # the interface scale the lengths were made for

    def bounds(self, margin: float = 40.0) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the whole diagram plus a margin (and room for titles)."""
        margin *= self.scale
        left = min(g.x - (g.image_side * g.cell / 2 if g.image_side else g.radius)
                   for g in self.layers)
        right = max(g.x + g.radius for g in self.layers)
        top = min(g.top for g in self.layers)
        bottom = max(g.bottom for g in self.layers)
        title = 30 * self.scale
        return (left - margin, top - margin - title, right - left + 2 * margin,
                bottom - top + 2 * margin + title)

    def nodes_rect(self) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the neurons and the input image only (no margin)."""
        left = min(g.x - (g.image_side * g.cell / 2 if g.image_side else g.radius)
                   for g in self.layers)
        right = max(g.x + g.radius for g in self.layers)
        top = min(g.top for g in self.layers)
        return (left, top, right - left, max(g.bottom for g in self.layers) - top)


def layer_geom(n: int, x: float, image: int = 0, scale: float = 1.0) -> LayerGeom:
    """Geometry of one layer of ``n`` neurons in the column at ``x``."""
    if image:
        cell = IMAGE_SIZE * scale / image
        return LayerGeom(float(x), np.zeros(0), IMAGE_SIZE * scale / 2, True, image, cell)
    radius = RADIUS * scale
    if n <= FULL_LAYER:
        ys = (np.arange(n) - (n - 1) / 2) * SPACING * scale
        return LayerGeom(float(x), ys, radius, False)
    step = COMPACT_HEIGHT * scale / n
    ys = (np.arange(n) - (n - 1) / 2) * step
    return LayerGeom(float(x), ys, float(max(1.5 * scale, min(radius, step * 0.42))), True)


def network_geom(sizes, scale: float = 1.0) -> NetworkGeom:
    """Columns for a network with ``sizes`` neurons per layer (input layer first), every length
    multiplied by the interface ``scale``."""
    sizes = tuple(int(s) for s in sizes)
    layers, x = [], 0.0
    for li, n in enumerate(sizes):
        image = image_side(n) if li == 0 else 0
        g = layer_geom(n, x, image, scale)
        if image:  # the image is wider than a neuron: move it left of the column
            g = layer_geom(n, x - (IMAGE_SIZE / 2 - RADIUS) * scale, image, scale)
        layers.append(g)
        x += COLUMN * scale
    return NetworkGeom(tuple(layers), float(scale))


def is_dense(W: np.ndarray, full_limit: int = FULL_EDGES) -> bool:
    """True if a layer pair has too many edges to draw them all."""
    return W.shape[0] * W.shape[1] > full_limit


def edge_pairs(W: np.ndarray, k: int, full_limit: int = FULL_EDGES,
               budget: int = DENSE_OVERVIEW) -> tuple[np.ndarray, np.ndarray]:
    """Which edges to draw between two layers: (i, j) index arrays into ``W`` (n_in × n_out).

    All of them when there are at most ``full_limit``; otherwise, of the ``k`` strongest
    incoming edges (largest |w|) of every neuron of the right-hand layer, the ``budget``
    strongest (a 100-unit layer is an overview of its strongest links, not 300 lines).
    """
    n_in, n_out = W.shape
    if n_in * n_out <= full_limit:
        i, j = np.meshgrid(np.arange(n_in), np.arange(n_out), indexing="ij")
        return i.ravel(), j.ravel()
    k = int(max(0, min(k, n_in)))
    if k == 0:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    absw = np.abs(np.nan_to_num(W))
    top = np.argpartition(-absw, k - 1, axis=0)[:k]  # (k, n_out): row indices
    i = top.T.ravel()
    j = np.broadcast_to(np.arange(n_out), top.shape).T.ravel()
    if len(i) > budget:
        keep = np.sort(np.argsort(-absw[i, j], kind="stable")[:budget])
        i, j = i[keep], j[keep]
    return i, j


def neuron_edges(W: np.ndarray, index: int, incoming: bool,
                 count: int = SELECTED_EDGES) -> tuple[np.ndarray, np.ndarray]:
    """The ``count`` strongest edges into (``incoming``: column ``index`` of ``W``) or out of
    (row ``index``) one neuron, strongest first: (i, j) index arrays into ``W``."""
    n_in, n_out = W.shape
    if not (0 <= index < (n_out if incoming else n_in)):
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    w = np.abs(np.nan_to_num(W[:, index] if incoming else W[index, :]))
    order = np.argsort(-w, kind="stable")[: max(0, count)]
    fixed = np.full(len(order), index, dtype=np.intp)
    return (order, fixed) if incoming else (fixed, order)


def shown_edges(W: np.ndarray, k: int, layer: int, sel_layer: int = -1,
                sel: int = -1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, focus) of the edges drawn for weight matrix number ``layer`` (from canvas layer
    ``layer`` to ``layer + 1``) when neuron ``sel`` of canvas layer ``sel_layer`` is selected.

    A small pair draws every edge and marks the selected neuron's as focus; a dense pair draws
    its overview (:func:`edge_pairs`) plus the selected neuron's :data:`SELECTED_EDGES`
    strongest incoming or outgoing edges, which are the focus.
    """
    i, j = edge_pairs(W, k)
    focus = np.zeros(len(i), bool)
    if sel < 0 or sel_layer not in (layer, layer + 1):
        return i, j, focus
    incoming = sel_layer == layer + 1
    if not is_dense(W):
        return i, j, (j == sel) if incoming else (i == sel)
    si, sj = neuron_edges(W, sel, incoming)
    n_in = W.shape[0]
    rest = ~np.isin(i + j * n_in, si + sj * n_in)
    return (np.concatenate([i[rest], si]), np.concatenate([j[rest], sj]),
            np.concatenate([focus[rest], np.ones(len(si), bool)]))


def edge_widths(w: np.ndarray, max_abs: float, max_width: float = 6.0,
                min_width: float = 0.6) -> np.ndarray:
    """Pen width per edge: proportional to |w| / max_abs, capped at ``max_width``."""
    scale = max(float(max_abs), 1e-12)
    return min_width + (max_width - min_width) * np.clip(np.abs(w) / scale, 0.0, 1.0)


def weight_scale(W: np.ndarray) -> float:
    """The |w| that gets the widest pen: at least 1, so small weights look thin."""
    if W.size == 0:
        return 1.0
    return max(1.0, float(np.percentile(np.abs(np.nan_to_num(W)), 99)))
