"""The lit entries of a whole training input array, found once and shared by every run on it.

The mini-batch engine's first layer works from the entries of a batch that differ from the
background value (``kernels/sparse_input.py``).  Finding them batch by batch cost about an
eighth of an MNIST epoch at batch 64, every epoch, although the inputs never change.  Here they
are found once per input array, in CSR form over all its rows; a batch that is a run of rows of
that array (the trainer's batches in file order are such views) takes its rows' slice of the
index without touching the pixels.  Shuffled batches are copies: they keep the per-batch search.

The index lives as long as its array (a weak reference drops it) and assumes, as everywhere in
nnviz, that training inputs are never written in place: augmenting makes a new array, which
gets its own index.  It costs 8 bytes per lit entry (MNIST: about 72 MB for 60,000 images),
and 6 more for the entries by column within each batch-sized block, which plain SGD's step
of the first layer reads (another 60 MB for MNIST).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

import numpy as np

from nnviz.core.kernels.sparse_input import block_columns, gather_lit

MIN_ROWS = 1024  # smaller arrays: the per-batch search is cheap enough


@dataclass(frozen=True)
class LitIndex:
    """CSR form of ``X − c``: row r's lit entries are ``cols/vals[ptr[r]:ptr[r + 1]]``."""

    c: np.generic  # the background value (X's first entry, in X's dtype)
    ptr: np.ndarray  # (rows + 1,) int64
    cols: np.ndarray  # int32 column of each lit entry
    vals: np.ndarray  # x − c of each lit entry, X's dtype
    width: int  # X's columns
    # block size -> the same entries by column within each block of that many rows
    # (``sparse_input.block_columns``): (start, rows_c, vals_c), built when first asked for
    by_block: dict = field(default_factory=dict)

    def columns(self, block: int):
        """(start, rows_c, vals_c) for blocks of ``block`` rows (about 6 bytes per entry)."""
        found = self.by_block.get(block)
        if found is None:
            with _lock:
                found = self.by_block.get(block)
                if found is None:
                    n_blocks = -(-(len(self.ptr) - 1) // block)
                    start = np.empty((n_blocks, self.width + 1), np.int64)
                    nnz = int(self.ptr[-1])
                    rows_c = np.empty(nnz, np.int16)
                    vals_c = np.empty(nnz, self.vals.dtype)
                    block_columns(self.ptr, self.cols, self.vals, block, start, rows_c, vals_c)
                    found = self.by_block[block] = (start, rows_c, vals_c)
        return found


_indexes: dict[int, tuple[weakref.ref, LitIndex | None]] = {}
_lock = threading.RLock()  # re-entrant: a weak-reference callback may run while it is held


def batch_entries(X: np.ndarray, max_fraction: float, block: int = 0):
    """``(c, ptr, cols, vals, columns)`` for a batch that is a run of rows of a larger array.

    ``ptr`` has ``len(X) + 1`` entries indexing ``cols``/``vals`` directly.  ``columns``: with
    ``block`` > 0 and a batch that is one whole block of ``block`` rows (the trainer's batches
    in file order), the same entries by column, ``(start, rows_c, vals_c)`` as
    ``sparse_input.input_sgd_update_columns`` takes them; else None.  The whole result is None
    when ``X`` is not such a view, the array is small, or more than ``max_fraction`` of it is
    lit (then the dense product is faster anyway).
    """
    base = X.base
    last = _last
    if last is not None and last[0]() is base and base is not None:  # as last time
        index, address, stride = last[1], last[2], last[3]
    else:
        if (not isinstance(base, np.ndarray) or base.ndim != 2 or X.ndim != 2
                or base.dtype != X.dtype or base.shape[1] != X.shape[1]
                or len(base) < MIN_ROWS or not base.flags.c_contiguous):
            return None
        index = index_of(base, max_fraction)
        address, stride = base.ctypes.data, base.strides[0]
        _remember(base, index, address, stride)
    if (index is None or X.ndim != 2 or X.shape[1] != base.shape[1]
            or X.strides[0] != stride or X.strides[1] != X.itemsize):  # not a run of rows
        return None
    row, rest = divmod(X.ctypes.data - address, stride)
    if rest or row < 0 or row + len(X) > len(base):
        return None
    columns = None
    if block > 0 and row % block == 0 and len(X) == min(block, len(base) - row):
        start, rows_c, vals_c = index.columns(block)
        columns = (start[row // block], rows_c, vals_c)
    return index.c, index.ptr[row:row + len(X) + 1], index.cols, index.vals, columns


# (weak reference to) the array asked about last, its index, address and row stride: the
# batches of one epoch are views of one array
_last: tuple | None = None


def _remember(base, index, address, stride) -> None:
    global _last
    with _lock:
        entry = _indexes.get(id(base))
        if entry is not None and entry[0]() is base:  # share its weak reference (see forget)
            _last = (entry[0], index, address, stride)


def index_of(X: np.ndarray, max_fraction: float) -> LitIndex | None:
    """The index of ``X`` (built on first use; None when ``X`` is mostly lit)."""
    key = id(X)
    with _lock:
        hit = _indexes.get(key)
        if hit is not None and hit[0]() is X:
            return hit[1]
        index = _build(X, max_fraction)

        def forget(_ref, key=key):
            global _last
            with _lock:
                entry = _indexes.get(key)
                if entry is not None and entry[0] is _ref:
                    del _indexes[key]
                if _last is not None and _last[0] is _ref:
                    _last = None

        _indexes[key] = (weakref.ref(X, forget), index)
        return index


def _build(X: np.ndarray, max_fraction: float) -> LitIndex | None:
    n, d = X.shape
    # gather_lit writes one entry past the last lit one and checks the limit after each row
    room = int(max_fraction * n * d) + d + 1
    ptr = np.zeros(n + 1, np.int64)
    cols = np.empty(room, np.int32)  # pages past the last lit entry are never touched
    vals = np.empty(room, X.dtype)
    c = X[0, 0]
    if gather_lit(X, c, ptr, cols, vals, max_fraction) < 0:
        return None
    return LitIndex(c, ptr, cols, vals, d)
