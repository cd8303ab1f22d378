"""The lit entries of a whole training input array, found once and shared by every run on it.

The mini-batch engine's first layer works from the entries of a batch that differ from the
background value (``kernels/sparse_input.py``).  Finding them batch by batch cost about an
eighth of an MNIST epoch at batch 64, every epoch, although the inputs never change.  Here they
are found once per input array, in CSR form over all its rows; a batch that is a run of rows of
that array (the trainer's batches in file order are such views) takes its rows' slice of the
index without touching the pixels.  Shuffled batches are copies: they keep the per-batch search.

An array is indexed when a second epoch starts on it (its first rows asked for again): an
array used for one epoch only (augmented inputs are new every epoch) keeps the per-batch search
and never pays for an index.  The index lives as long as its array (a weak reference drops it)
and assumes, as everywhere in nnviz, that training inputs are never written in place.

It costs 6 bytes per float32 lit entry (MNIST: about 54 MB for 60,000 images), and 5 more for
the entries by column within each batch-sized block, which plain SGD's step of the first layer
reads (another 45 MB for MNIST at batch 64); building both takes about 0.2 s for MNIST.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

import numpy as np

from nnviz.core.kernels.sparse_input import block_columns, gather_lit

MIN_ROWS = 1024  # smaller arrays: the per-batch search is cheap enough


def col_type(width: int) -> type[np.integer]:
    """The integer type of column numbers for ``width`` inputs (the smallest that holds them:
    fewer bytes to write when the index is built; the engine's own buffers use the same)."""
    return np.int16 if width <= np.iinfo(np.int16).max else np.int32


def row_type(block: int) -> type[np.integer] | None:
    """The integer type of a row inside a block of ``block`` rows (None: too large a block)."""
    for t in (np.int8, np.int16):
        if block <= np.iinfo(t).max + 1:
            return t
    return None


@dataclass(frozen=True)
class LitIndex:
    """CSR form of ``X − c``: row r's lit entries are ``cols/vals[ptr[r]:ptr[r + 1]]``."""

    c: np.generic  # the background value (X's first entry, in X's dtype)
    ptr: np.ndarray  # (rows + 1,) int64
    cols: np.ndarray  # column of each lit entry (``col_type``)
    vals: np.ndarray  # x − c of each lit entry, X's dtype
    width: int  # X's columns
    # block size -> the same entries by column within each block of that many rows
    # (``sparse_input.block_columns``): (start, rows_c, vals_c), built when first asked for
    by_block: dict = field(default_factory=dict)

    def columns(self, block: int):
        """(start, rows_c, vals_c) for blocks of ``block`` rows (5 bytes per float32 entry for
        blocks of up to 128 rows); None when a row number would not fit in 16 bits."""
        found = self.by_block.get(block)
        if found is None:
            with _lock:
                found = self.by_block.get(block)
                if found is None:
                    n_blocks = -(-(len(self.ptr) - 1) // block)
                    start = np.empty((n_blocks, self.width + 1), np.int64)
                    nnz = int(self.ptr[-1])
                    rtype = row_type(block)
                    if rtype is None:
                        return None
                    rows_c = np.empty(nnz, rtype)
                    vals_c = np.empty(nnz, self.vals.dtype)
                    block_columns(self.ptr, self.cols, self.vals, block, start, rows_c, vals_c)
                    found = self.by_block[block] = (start, rows_c, vals_c)
        return found


SEEN = "seen"  # an array met once: indexed when its first rows come again (a second epoch)
_indexes: dict[int, tuple[weakref.ref, LitIndex | str | None]] = {}
_lock = threading.RLock()  # re-entrant: a weak-reference callback may run while it is held
# (weak reference to) the array asked about last, its address and row stride: the batches of
# one epoch are views of one array
_last: tuple | None = None


def batch_entries(X: np.ndarray, max_fraction: float, block: int = 0):
    """``(c, ptr, cols, vals, columns)`` for a batch that is a run of rows of a larger array.

    ``ptr`` has ``len(X) + 1`` entries indexing ``cols``/``vals`` directly.  ``columns``: with
    ``block`` > 0 and a batch that is one whole block of ``block`` rows (the trainer's batches
    in file order), the same entries by column, ``(start, rows_c, vals_c)`` as
    ``sparse_input.input_sgd_update_columns`` takes them; else None.

    None (search the batch itself) when ``X`` is not such a view, the array is small or mostly
    lit, or is in its first epoch: an array is indexed when its first rows are asked for a
    second time, so arrays used for one epoch only (augmented inputs) never pay for an index.
    """
    base = X.base
    last = _last
    new = False
    if last is not None and base is not None and last[0]() is base:  # as last time
        ref, address, stride = last
    else:
        if (not isinstance(base, np.ndarray) or base.ndim != 2 or X.ndim != 2
                or base.dtype != X.dtype or base.shape[1] != X.shape[1]
                or len(base) < MIN_ROWS or not base.flags.c_contiguous):
            return None
        (ref, new), address, stride = _register(base), base.ctypes.data, base.strides[0]
        _remember(ref, address, stride)
    if (X.ndim != 2 or X.shape[1] != base.shape[1] or X.strides[0] != stride
            or X.strides[1] != X.itemsize):  # not a run of whole rows
        return None
    row, rest = divmod(X.ctypes.data - address, stride)
    if rest or row < 0 or row + len(X) > len(base):
        return None
    index = _indexes[id(base)][1]
    if index is SEEN:
        if new or row != 0:
            return None
        index = _index(base, max_fraction)
    if not isinstance(index, LitIndex):
        return None
    columns = None
    if block > 0 and row % block == 0 and len(X) == min(block, len(base) - row):
        by_block = index.columns(block)
        if by_block is not None:
            start, rows_c, vals_c = by_block
            columns = (start[row // block], rows_c, vals_c)
    return index.c, index.ptr[row:row + len(X) + 1], index.cols, index.vals, columns


def index_of(X: np.ndarray, max_fraction: float) -> LitIndex | None:
    """The index of ``X``, built now if it has none (None when ``X`` is mostly lit)."""
    _register(X)
    index = _indexes[id(X)][1]
    return _index(X, max_fraction) if index is SEEN else index  # type: ignore[return-value]


def _register(X: np.ndarray) -> tuple[weakref.ref, bool]:
    """X's entry (SEEN when new), kept until X is freed: (its weak reference, new)."""
    key = id(X)
    with _lock:
        hit = _indexes.get(key)
        if hit is not None and hit[0]() is X:
            return hit[0], False

        def forget(_ref, key=key):
            global _last
            with _lock:
                entry = _indexes.get(key)
                if entry is not None and entry[0] is _ref:
                    del _indexes[key]
                if _last is not None and _last[0] is _ref:
                    _last = None

        ref = weakref.ref(X, forget)
        _indexes[key] = (ref, SEEN)
        return ref, True


def _remember(ref, address, stride) -> None:
    global _last
    _last = (ref, address, stride)


def _index(X: np.ndarray, max_fraction: float) -> LitIndex | None:
    with _lock:
        ref, index = _indexes[id(X)]
        if index is SEEN:
            index = _build(X, max_fraction)
            _indexes[id(X)] = (ref, index)
        return index  # type: ignore[return-value]


def _build(X: np.ndarray, max_fraction: float) -> LitIndex | None:
    n, d = X.shape
    # gather_lit writes one entry past the last lit one and checks the limit after each row
    room = int(max_fraction * n * d) + d + 1
    ptr = np.zeros(n + 1, np.int64)
    cols = np.empty(room, col_type(d))  # pages past the last lit entry are never touched
    vals = np.empty(room, X.dtype)
    c = X[0, 0]
    if gather_lit(X, c, ptr, cols, vals, max_fraction) < 0:
        return None
    return LitIndex(c, ptr, cols, vals, d)
