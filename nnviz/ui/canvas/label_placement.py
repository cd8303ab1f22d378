"""Where the canvas's numbers go so that none covers another or a neuron (Qt-free, unit-tested).

Rectangles are ``(x, y, width, height)`` tuples in scene units.  The rule for the numbers on
edges (also written in the legend): an edge's weight is written on the edge, at one of a few
places along it, only where its box touches no neuron, no neuron's own numbers and no number
already placed; edges are served in priority order (the selected neuron's edges first, then the
strongest |w|), so when not every number fits, the strongest ones are the ones shown.  A weight
whose number does not fit is still on its edge's tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

Rect = tuple[float, float, float, float]

#: places along an edge (0 = its source end, 1 = its target end), the middle first
FRACTIONS = (0.5, 0.36, 0.64, 0.26, 0.74, 0.18, 0.82)
#: the places tried for the edges that must be written (a hovered neuron's): more of them
MORE_FRACTIONS = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88, 0.07, 0.93)
GAP = 2.0  # minimum free space between two boxes


def intersects(a: Rect, b: Rect, gap: float = 0.0) -> bool:
    """True if the boxes ``a`` and ``b`` overlap (or come closer than ``gap``)."""
    return (a[0] < b[0] + b[2] + gap and b[0] < a[0] + a[2] + gap
            and a[1] < b[1] + b[3] + gap and b[1] < a[1] + a[3] + gap)


def union(rects: Sequence[Rect]) -> Rect:
    """The smallest box holding every box of ``rects`` (which must not be empty)."""
    a = np.asarray(rects, dtype=float).reshape(-1, 4)
    x0, y0 = a[:, 0].min(), a[:, 1].min()
    x1, y1 = (a[:, 0] + a[:, 2]).max(), (a[:, 1] + a[:, 3]).max()
    return (float(x0), float(y0), float(x1 - x0), float(y1 - y0))


class _Boxes:
    """A growing set of boxes with a vectorised "which of these boxes hit any of them" test."""

    def __init__(self, rects: Sequence[Rect]):
        a = np.asarray(rects, dtype=float).reshape(-1, 4)
        self._n = len(a)
        self._a = np.concatenate([a, np.zeros((64, 4))])

    def hits(self, r: np.ndarray, gap: float) -> np.ndarray:
        """(k,) True where box ``r[k]`` (an (k, 4) array) touches a box of the set."""
        a = self._a[: self._n]
        r = r[:, None, :]
        return np.any((r[..., 0] < a[:, 0] + a[:, 2] + gap)
                      & (a[:, 0] < r[..., 0] + r[..., 2] + gap)
                      & (r[..., 1] < a[:, 1] + a[:, 3] + gap)
                      & (a[:, 1] < r[..., 1] + r[..., 3] + gap), axis=1)

    def add(self, r) -> None:
        if self._n == len(self._a):
            self._a = np.concatenate([self._a, np.zeros((len(self._a), 4))])
        self._a[self._n] = r
        self._n += 1


def place_on_edges(edges: Sequence[tuple[float, float, float, float]],
                   sizes: Sequence[tuple[float, float]], obstacles: Sequence[Rect],
                   preferred: Sequence[float | None] | None = None, gap: float = GAP,
                   crossing: Sequence[tuple[float, float, float, float]] = (),
                   more: int = 0) -> list[Rect | None]:
    """A box for the label of each edge, or None where it does not fit.

    Parameters
    ----------
    edges : (x1, y1, x2, y2) of each edge, in priority order (the first is served first)
    sizes : (width, height) of each edge's label
    obstacles : boxes no label may touch (neurons, their numbers, titles)
    preferred : per edge, the fraction along it where its label was last time: kept while it
        is free, so a label does not jump while training changes the numbers a little
    crossing : every line drawn; of the free places on an edge, the one crossed by the
        fewest *other* lines is taken, so a number rarely sits where two edges cross
        (it would be unclear which of them it belongs to)
    more : the first ``more`` edges try :data:`MORE_FRACTIONS` (their numbers are wanted most)
    """
    taken = _Boxes(obstacles)
    lines = _Samples(crossing)
    out: list[Rect | None] = []
    for n, (edge, (w, h)) in enumerate(zip(edges, sizes)):
        x1, y1, x2, y2 = edge
        first = preferred[n] if preferred is not None else None
        places = MORE_FRACTIONS if n < more else FRACTIONS
        f = np.asarray(places if first is None else (first, *places))
        cands = np.column_stack([x1 + f * (x2 - x1) - w / 2, y1 + f * (y2 - y1) - h / 2,
                                 np.full(len(f), w), np.full(len(f), h)])
        free = np.flatnonzero(~taken.hits(cands, gap))
        if not len(free):
            out.append(None)
            continue
        if first is not None and free[0] == 0:
            best = 0  # still free where it was: stay (and skip counting crossings)
        else:
            best = free[int(np.argmin(lines.crossing(cands[free], edge)))]  # first least
        box = tuple(float(v) for v in cands[best])
        taken.add(box)
        out.append(box)  # type: ignore[arg-type]
    return out


class _Samples:
    """Points along every drawn line, to count the lines that pass through a box."""

    N = 24  # points per line

    def __init__(self, lines: Sequence[tuple[float, float, float, float]]):
        seg = np.asarray(lines, dtype=float).reshape(-1, 4)
        self._seg = seg
        self._lo = np.minimum(seg[:, :2], seg[:, 2:])  # each line's box, to skip most lines
        self._hi = np.maximum(seg[:, :2], seg[:, 2:])
        self._t = (np.arange(self.N) + 0.5) / self.N

    def crossing(self, r: np.ndarray, own: tuple[float, float, float, float]) -> np.ndarray:
        """(k,) how many lines other than ``own`` have a point inside box ``r[k]``."""
        near = ((self._lo[None, :, 0] < (r[:, 0] + r[:, 2])[:, None])
                & (self._hi[None, :, 0] > r[:, :1]) & (self._hi[None, :, 1] > r[:, 1:2])
                & (self._lo[None, :, 1] < (r[:, 1] + r[:, 3])[:, None]))  # (k, lines)
        near &= ~np.all(np.abs(self._seg - np.asarray(own)) < 1e-6, axis=1)
        cols = np.flatnonzero(near.any(axis=0))
        if not len(cols):
            return np.zeros(len(r), int)
        seg = self._seg[cols]
        x = seg[:, :1] + self._t * (seg[:, 2:3] - seg[:, :1])  # (lines, N)
        y = seg[:, 1:2] + self._t * (seg[:, 3:4] - seg[:, 1:2])
        rr = r[:, None, None, :]
        inside = ((x > rr[..., 0]) & (x < rr[..., 0] + rr[..., 2])
                  & (y > rr[..., 1]) & (y < rr[..., 1] + rr[..., 3])).any(axis=2)
        return np.count_nonzero(inside & near[:, cols], axis=1)


def fraction_of(rect: Rect, edge: tuple[float, float, float, float]) -> float:
    """Where along ``edge`` the centre of ``rect`` lies (0 at its start, 1 at its end)."""
    x1, y1, x2, y2 = edge
    cx, cy = rect[0] + rect[2] / 2, rect[1] + rect[3] / 2
    d2 = (x2 - x1) ** 2 + (y2 - y1) ** 2
    if d2 == 0:
        return 0.5
    return min(1.0, max(0.0, ((cx - x1) * (x2 - x1) + (cy - y1) * (y2 - y1)) / d2))


def fit_in_circle(width: float, height: float, radius: float, margin: float = 2.0) -> float:
    """The scale (≤ 1) that makes a ``width`` × ``height`` text box, centred in a circle of
    ``radius``, keep all four corners ``margin`` inside it."""
    r = max(radius - margin, 1e-6)
    if width <= 0 or height <= 0:
        return 1.0
    half_diag = math.hypot(width / 2, height / 2)
    return min(1.0, r / half_diag)


def fit_in_box(width: float, height: float, box_w: float, box_h: float) -> float:
    """The scale (≤ 1) that makes a ``width`` × ``height`` text fit a ``box_w`` × ``box_h`` box."""
    if width <= 0 or height <= 0:
        return 1.0
    return min(1.0, max(box_w, 1e-6) / width, max(box_h, 1e-6) / height)


def legend_origin(network: Rect, legend: tuple[float, float],
                  viewport: tuple[float, float], gap: float,
                  legend_below: tuple[float, float] | None = None) -> tuple[float, float]:
    """Top-left corner of the legend, outside the ``network`` box: below it (left-aligned) or
    right of it (top-aligned), whichever lets the whole picture be drawn larger in a
    ``viewport`` of that size.  ``legend`` is its size beside the network; ``legend_below``,
    if given, its size below it (laid out wider and shorter)."""
    nx, ny, nw, nh = network
    lw, lh = legend
    bw, bh = legend_below or legend
    vw, vh = max(viewport[0], 1.0), max(viewport[1], 1.0)
    below = min(vw / max(nw, bw), vh / (nh + gap + bh))
    right = min(vw / (nw + gap + lw), vh / max(nh, lh))
    if right > below:
        return (nx + nw + gap, ny)
    return (nx, ny + nh + gap)
