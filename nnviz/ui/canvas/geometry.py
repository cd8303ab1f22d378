"""Where everything goes on the network canvas (Qt-free, unit-tested).

Scene units are pixels at zoom 1 and interface scale 1 (every length is multiplied by the
interface scale, so presentation mode draws bigger neurons, numbers and lines).  Layers are
columns left to right; a layer's neurons are centred vertically on y = 0.  Small layers get
big circles with room for numbers; an input layer that is a square image (MNIST's
784 = 28 × 28) is drawn as the image itself.

A network with a wide layer (more than ``FULL_LAYER`` neurons) gets the *tight* layout, made
to fit a 1366 × 768 screen's canvas at a zoom where its numbers can be read: each wide layer
is a band of small dots, ``BAND_ROWS`` per column (100 neurons: 5 columns of 20), the image is
smaller, the columns closer, and its small layers are pills (rounded boxes just big enough
for a value) in tight rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FULL_LAYER = 16  # layers up to this size get full-size neurons with labels
RADIUS = 22.0  # neuron radius of full-size layers
SPACING = 66.0  # distance between neuron centres of full-size layers
COLUMN = 210.0  # distance between layer columns
FULL_EDGES = 400  # layer pairs with at most this many edges draw all of them
DENSE_OVERVIEW = 40  # edges a denser pair shows (faded) by default (the toolbar's box sets it)
MAX_OVERVIEW = 400  # the most overview edges one can ask for (more is a hairball)
SELECTED_EDGES = 12  # strongest incoming and outgoing edges drawn for a selected neuron

# the tight layout (networks with a wide layer)
TIGHT_IMAGE = 112.0  # side of the input image (28 px × 4)
BAND_ROWS = 20  # dots per column of a wide layer's band
BAND_CELL = 11.0  # distance between the dots of a band
PILL_W, PILL_H, PILL_PITCH = 74.0, 20.0, 23.0  # small layers: pill size and row distance
SMALL_PILL_W = 62.0  # pills of a network without a wide layer (no 8-character outputs)
TIGHT_GAP = 110.0  # free space between two neighbouring columns (with a wide layer)
#: the same for a network of small layers in tight rows, widest first: its edges carry numbers
SMALL_TIGHT_GAPS = (150.0, 100.0, 60.0)


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
    cell: float = 0.0  # image pixel size (image layers), dot distance (bands)
    xs: np.ndarray | None = None  # (n,) neuron centre x when not all on x (a band)
    half_width: float = 0.0  # > 0: half the width of the column (a band or pills)
    pill: bool = False  # neurons are pills (radius is half their height)

    @property
    def n(self) -> int:
        return len(self.ys)

    @property
    def band(self) -> bool:
        """A wide layer drawn as a band of dots in several columns."""
        return self.xs is not None

    @property
    def left(self) -> float:
        return self.x - self._half()

    @property
    def right(self) -> float:
        return self.x + self._half()

    def _half(self) -> float:
        if self.image_side:
            return self.image_side * self.cell / 2
        return self.half_width or self.radius

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
        xs = self.xs if self.xs is not None else np.full(self.n, self.x)
        return np.column_stack([xs, self.ys])

    def ends(self, outgoing: bool) -> np.ndarray:
        """(n, 2) where each neuron's edges start (``outgoing``) or end: its right or left side
        (a pixel's centre for an image; a band's dot, whose edges pass under the dots beside)."""
        p = self.positions()
        if self.image_side:
            return p
        reach = self.half_width if self.pill else self.radius
        p[:, 0] += reach if outgoing else -reach
        return p


@dataclass(frozen=True)
class NetworkGeom:
    layers: tuple[LayerGeom, ...]

    scale: float = 1.0  # the interface scale the lengths were made for
    tight: bool = False  # the tight layout (bands of dots, pills)
    gap: float = 0.0  # the tight layout's free space between columns, at interface scale 1

    def bounds(self, margin: float = 40.0) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the whole diagram plus a margin (and room for titles)."""
        margin *= self.scale
        left = min(g.left for g in self.layers)
        right = max(g.right for g in self.layers)
        top = min(g.top for g in self.layers)
        bottom = max(g.bottom for g in self.layers)
        title = 30 * self.scale
        return (left - margin, top - margin - title, right - left + 2 * margin,
                bottom - top + 2 * margin + title)

    def nodes_rect(self) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the neurons and the input image only (no margin)."""
        left = min(g.left for g in self.layers)
        right = max(g.right for g in self.layers)
        top = min(g.top for g in self.layers)
        return (left, top, right - left, max(g.bottom for g in self.layers) - top)


def layer_geom(n: int, x: float, scale: float = 1.0) -> LayerGeom:
    """Geometry of one small layer (the layout without a wide layer) in the column at ``x``."""
    ys = (np.arange(n) - (n - 1) / 2) * SPACING * scale
    return LayerGeom(float(x), ys, RADIUS * scale, False)


def tight_layer_geom(n: int, left: float, image: int = 0, scale: float = 1.0,
                     pill_w: float = PILL_W) -> LayerGeom:
    """One layer of the tight layout, its left side at ``left``: the image, a band of dots
    (``n`` > ``FULL_LAYER``) or a column of pills."""
    if image:
        cell = TIGHT_IMAGE * scale / image
        return LayerGeom(float(left + TIGHT_IMAGE * scale / 2), np.zeros(0),
                         TIGHT_IMAGE * scale / 2, True, image, cell)
    if n > FULL_LAYER:
        rows = min(n, BAND_ROWS)
        cols = -(-n // rows)
        cell = BAND_CELL * scale
        col, row = np.divmod(np.arange(n), rows)  # neuron 1 … 20 in the first column
        half = cols * cell / 2
        x = float(left + half)
        return LayerGeom(x, (row - (rows - 1) / 2) * cell, 0.42 * cell, True,
                         cell=cell, xs=x - half + (col + 0.5) * cell, half_width=half)
    ys = (np.arange(n) - (n - 1) / 2) * PILL_PITCH * scale
    half = pill_w * scale / 2
    return LayerGeom(float(left + half), ys, PILL_H * scale / 2, False, half_width=half,
                     pill=True)


def is_tight(sizes) -> bool:
    """True if a network with these layer sizes gets the tight layout (it has a wide layer)."""
    return any(int(n) > FULL_LAYER for n in sizes)


def network_geom(sizes, scale: float = 1.0, tight: bool | None = None,
                 gap: float | None = None) -> NetworkGeom:
    """Columns for a network with ``sizes`` neurons per layer (input layer first), every length
    multiplied by the interface ``scale``; ``tight``: the tight layout (by default only for a
    network with a wide layer), its columns ``gap`` apart (at scale 1)."""
    sizes = tuple(int(s) for s in sizes)
    if is_tight(sizes) if tight is None else tight:
        wide = is_tight(sizes)
        if gap is None:
            gap = TIGHT_GAP if wide else SMALL_TIGHT_GAPS[0]
        pill_w = PILL_W if wide else SMALL_PILL_W
        layers, left = [], 0.0
        for li, n in enumerate(sizes):
            g = tight_layer_geom(n, left, image_side(n) if li == 0 else 0, scale, pill_w)
            layers.append(g)
            left = g.right + gap * scale
        return NetworkGeom(tuple(layers), float(scale), True, float(gap))
    x = COLUMN * scale
    return NetworkGeom(tuple(layer_geom(n, li * x, scale) for li, n in enumerate(sizes)),
                       float(scale))


CRAMPED_ZOOM = 0.6  # below it, the numbers inside circles are under ~7 px on screen


def _fitted_zoom(geom: NetworkGeom, viewport: tuple[float, float], extra_w: float,
                 extra_h: float) -> float:
    """Roughly the zoom at which ``geom`` fits ``viewport`` with its numbers (``extra_w``,
    ``extra_h``) and a legend (below it or beside it, whichever is better)."""
    s = geom.scale
    _x, _y, w, h = geom.bounds(margin=16.0)
    w, h = w + extra_w * s, h + extra_h * s
    vw, vh = max(viewport[0], 1.0), max(viewport[1], 1.0)
    below = min(vw / max(w, 420 * s), vh / (h + 80 * s))
    beside = min(vw / (w + 290 * s), vh / max(h, 140 * s))
    return max(below, beside)


READABLE_ZOOM = 0.75  # values inside pills are then about 10 px on screen


def choose_layout(sizes, viewport: tuple[float, float],
                  scale: float = 1.0) -> tuple[bool, float | None]:
    """(tight, gap) for a network shown in a view of ``viewport`` pixels.

    A network with a wide layer is always tight.  One of small layers keeps its circles with
    all their numbers and heatmaps unless they would be drawn too small to read (under
    :data:`CRAMPED_ZOOM`) and tight rows at least a quarter larger; its columns are then
    the widest of :data:`SMALL_TIGHT_GAPS` apart that reads at :data:`READABLE_ZOOM`, or the
    narrowest.  A lab PC's canvas (about 690 × 300 at 1366 × 768) fits "Optimizers compared"
    (2-8-1) in tight rows 150 apart, the six hidden layers of the vanishing-gradient nets
    in rows 60 apart; a larger canvas keeps the circles."""
    sizes = tuple(int(n) for n in sizes)
    if is_tight(sizes):
        return True, None
    # zooms × the interface scale: how large the numbers are on screen
    full = scale * _fitted_zoom(network_geom(sizes, scale, False), viewport, 60, 40)
    if full >= CRAMPED_ZOOM:
        return False, None
    zooms = [scale * _fitted_zoom(network_geom(sizes, scale, True, gap), viewport, 110, 30)
             for gap in SMALL_TIGHT_GAPS]
    n = next((k for k, z in enumerate(zooms) if z >= READABLE_ZOOM), len(zooms) - 1)
    if zooms[n] < 1.25 * full:
        return False, None
    return True, SMALL_TIGHT_GAPS[n]


def is_dense(W: np.ndarray, full_limit: int = FULL_EDGES) -> bool:
    """True if a layer pair has too many edges to draw them all."""
    return W.shape[0] * W.shape[1] > full_limit


def edge_pairs(W: np.ndarray, budget: int = DENSE_OVERVIEW,
               full_limit: int = FULL_EDGES) -> tuple[np.ndarray, np.ndarray]:
    """Which edges to draw between two layers: (i, j) index arrays into ``W`` (n_in × n_out).

    All of them when there are at most ``full_limit``; otherwise an overview of ``budget``
    edges: every neuron of the right-hand layer offers its ceil(budget / n_out) strongest
    incoming edges (largest |w|), so the overview spreads over the layer, and the ``budget``
    strongest of those are drawn (a 100-unit layer is its strongest links, not 10,000 lines).
    """
    n_in, n_out = W.shape
    if n_in * n_out <= full_limit:
        i, j = np.meshgrid(np.arange(n_in), np.arange(n_out), indexing="ij")
        return i.ravel(), j.ravel()
    budget = int(max(0, budget))
    if budget == 0 or n_in == 0 or n_out == 0:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    k = min(n_in, -(-budget // n_out))
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


def pair_edges_of(W: np.ndarray, layer: int, neuron_layer: int,
                  index: int) -> tuple[np.ndarray, np.ndarray]:
    """(i, j) of the edges that neuron ``index`` of canvas layer ``neuron_layer`` has in weight
    matrix number ``layer``: all of them in a small pair, its :data:`SELECTED_EDGES` strongest
    in a dense one, none if the neuron is not in the pair."""
    if index < 0 or neuron_layer not in (layer, layer + 1):
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    count = SELECTED_EDGES if is_dense(W) else max(W.shape)
    return neuron_edges(W, index, neuron_layer == layer + 1, count)


def with_edges(i: np.ndarray, j: np.ndarray, ei: np.ndarray, ej: np.ndarray,
               n_in: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, mark): the edges ``i, j`` plus those of ``ei, ej`` not already among them;
    ``mark`` is True for every edge of ``ei, ej``."""
    key, extra = i + j * n_in, ei + ej * n_in
    new = ~np.isin(extra, key)
    return (np.concatenate([i, ei[new]]), np.concatenate([j, ej[new]]),
            np.concatenate([np.isin(key, extra), np.ones(int(new.sum()), bool)]))


def shown_edges(W: np.ndarray, budget: int, layer: int, sel_layer: int = -1,
                sel: int = -1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, focus) of the edges drawn for weight matrix number ``layer`` (from canvas layer
    ``layer`` to ``layer + 1``) when neuron ``sel`` of canvas layer ``sel_layer`` is selected.

    A small pair draws every edge and marks the selected neuron's as focus; a dense pair draws
    its overview of ``budget`` edges (:func:`edge_pairs`) plus the selected neuron's
    :data:`SELECTED_EDGES` strongest incoming or outgoing edges, which are the focus.
    """
    i, j = edge_pairs(W, budget)
    si, sj = pair_edges_of(W, layer, sel_layer, sel)
    return with_edges(i, j, si, sj, W.shape[0])


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
