"""Bounded histories of a run: rows of floats that never outgrow a fixed number of rows.

A student can leave MNIST playing for an hour; its curves then gain thousands of points a minute.
:class:`RowHistory` keeps them in one float64 array that doubles while small and, once it holds
``max_rows`` rows, *thins* itself: every other row of the older half is dropped, so the whole run
stays drawn (at a coarser step further back) and the newest rows keep their full resolution.
The first and the last rows are always kept.  Memory is bounded by ``max_rows``; a row costs O(1)
amortised.

:class:`EvalHistory` is a RowHistory of :class:`~nnviz.core.train.trainer_types.EvalPoint` fields
that reads back as EvalPoints (imported from there, not from the trainer: the window builds an empty
history before it shows, and the trainer module loads Numba).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields

import numpy as np

DEFAULT_MAX_ROWS = 4096  # a plot is at most ~1,000 px wide: four points per pixel


def thin(data: np.ndarray, n: int) -> int:
    """Drop every other row of the older half of ``data[:n]`` in place; return the new count.

    Kept: row 0, every second row of the older half, and the whole newer half (so the last row).
    """
    if n < 4:
        return n
    half = n // 2
    older = data[0:half:2]  # rows 0, 2, 4 … of the older half
    k = len(older)
    data[:k] = older
    data[k: k + n - half] = data[half:n]
    return k + n - half


class RowHistory:
    """Rows of ``columns`` floats, at most ``max_rows`` of them (thinned beyond, see module doc)."""

    def __init__(self, columns: int, capacity: int = 256, max_rows: int = DEFAULT_MAX_ROWS):
        if columns < 1 or max_rows < 8:
            raise ValueError("a history needs at least one column and eight rows")
        self.max_rows = int(max_rows)
        self.data = np.full((min(capacity, self.max_rows), columns), np.nan)
        self.n = 0
        self.thinned = 0  # how many times older rows were dropped

    @property
    def columns(self) -> int:
        return self.data.shape[1]

    def __len__(self) -> int:
        return self.n

    def extend(self, rows) -> None:
        """Append rows (an (m, columns) array-like, or one row)."""
        rows = np.asarray(rows, dtype=float).reshape(-1, self.columns)
        if len(rows) > self.max_rows // 2:  # more than fits at once: thin the rows themselves
            rows = rows.copy()
            k = len(rows)
            while k > self.max_rows // 2:
                k = thin(rows, k)
            rows = rows[:k]
        while self.n + len(rows) > self.max_rows:
            self.n = thin(self.data, self.n)
            self.thinned += 1
        need = self.n + len(rows)
        if need > len(self.data):
            cap = len(self.data)
            while cap < need:
                cap *= 2
            grown = np.full((min(cap, self.max_rows), self.columns), np.nan)
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n: need] = rows
        self.n = need

    def column(self, j: int) -> np.ndarray:
        """A view of column ``j``'s filled part."""
        return self.data[: self.n, j]

    def rows(self) -> np.ndarray:
        """A copy of the filled rows, shape (n, columns)."""
        return self.data[: self.n].copy()

    def clear(self) -> None:
        self.n = 0
        self.thinned = 0


def eval_fields() -> tuple[str, ...]:
    """The numeric fields of an EvalPoint, in order (the columns of its rows)."""
    from nnviz.core.train.trainer_types import EvalPoint

    return tuple(f.name for f in fields(EvalPoint))


def eval_rows(evals: Iterable) -> tuple[np.ndarray, tuple[str, ...]]:
    """(array (n, k) float64, its k column names) from EvalPoints, or an EvalHistory's rows."""
    names = eval_fields()
    if isinstance(evals, EvalHistory):
        return evals.rows(), names
    rows = [[float(getattr(e, k)) for k in names] for e in evals]
    return np.array(rows, dtype=np.float64).reshape(-1, len(names)), names


class EvalHistory(RowHistory):
    """The EvalPoints of a run, stored as rows; iterating yields EvalPoints again."""

    def __init__(self, evals: Iterable = (), max_rows: int = DEFAULT_MAX_ROWS):
        from nnviz.core.train.trainer_types import EvalPoint

        self._cls = EvalPoint
        self.names = eval_fields()
        super().__init__(len(self.names), max_rows=max_rows)
        self.extend_points(evals)

    def extend_points(self, evals: Iterable) -> None:
        rows, _ = eval_rows(evals)
        if len(rows):
            self.extend(rows)

    def __iter__(self) -> Iterator:
        for row in self.data[: self.n].tolist():
            yield self._point(row)

    def __getitem__(self, i: int):
        if not -self.n <= i < self.n:
            raise IndexError("EvalHistory index out of range")
        return self._point(self.data[i % self.n].tolist())

    def _point(self, row):
        values = dict(zip(self.names, row, strict=True))
        values["samples_seen"] = int(values["samples_seen"])
        return self._cls(**values)
