"""Where everything goes on the network canvas (Qt-free, unit-tested).

Scene units are pixels at zoom 1.  Layers are columns left to right; a layer's neurons are
centred vertically on y = 0.  Small layers get big circles with room for numbers; wide layers
(more than ``FULL_LAYER`` neurons) are packed into a compact column of small dots; an input
layer that is a square image (MNIST's 784 = 28 × 28) is drawn as the image itself.
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

    def bounds(self, margin: float = 40.0) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the whole diagram plus a margin."""
        left = min(g.x - (g.image_side * g.cell / 2 if g.image_side else g.radius)
                   for g in self.layers)
        right = max(g.x + g.radius for g in self.layers)
        top = min(g.top for g in self.layers)
        bottom = max(g.bottom for g in self.layers)
        return (left - margin, top - margin - 30, right - left + 2 * margin,
                bottom - top + 2 * margin + 30)


def layer_geom(n: int, x: float, image: int = 0) -> LayerGeom:
    """Geometry of one layer of ``n`` neurons in the column at ``x``."""
    if image:
        cell = IMAGE_SIZE / image
        return LayerGeom(float(x), np.zeros(0), IMAGE_SIZE / 2, True, image, cell)
    if n <= FULL_LAYER:
        ys = (np.arange(n) - (n - 1) / 2) * SPACING
        return LayerGeom(float(x), ys, RADIUS, False)
    step = COMPACT_HEIGHT / n
    ys = (np.arange(n) - (n - 1) / 2) * step
    return LayerGeom(float(x), ys, float(max(1.5, min(RADIUS, step * 0.42))), True)


def network_geom(sizes) -> NetworkGeom:
    """Columns for a network with ``sizes`` neurons per layer (input layer first)."""
    sizes = tuple(int(s) for s in sizes)
    layers, x = [], 0.0
    for li, n in enumerate(sizes):
        image = image_side(n) if li == 0 else 0
        g = layer_geom(n, x, image)
        if image:  # the image is wider than a neuron: move it left of the column
            g = layer_geom(n, x - IMAGE_SIZE / 2 + RADIUS, image)
        layers.append(g)
        x += COLUMN
    return NetworkGeom(tuple(layers))


def edge_pairs(W: np.ndarray, k: int,
               full_limit: int = FULL_EDGES) -> tuple[np.ndarray, np.ndarray]:
    """Which edges to draw between two layers: (i, j) index arrays into ``W`` (n_in × n_out).

    All of them when there are at most ``full_limit``; otherwise the ``k`` strongest incoming
    edges (largest |w|) of every neuron of the right-hand layer.
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
    j = np.broadcast_to(np.arange(n_out), top.shape)
    return top.T.ravel(), j.T.ravel()


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
