"""One undoable change of a network's parameters, and the flat indices edits address.

The model pushes a :class:`ParamEdit` on its undo stack; the stack applies it through the
model's write function, so the model stays the only place the shown weights change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtGui import QUndoCommand

from nnviz.core.nn.network import Network

#: ``write(net, idx, values)``: the model's one way to change the shown parameters
Writer = Callable[[Network, np.ndarray, np.ndarray], None]


class ParamEdit(QUndoCommand):
    """Set ``params[idx] = new`` (undo: ``= old``); idx is a flat index array."""

    def __init__(self, write: Writer, net: Network, idx: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self._write = write
        self._net = net  # a command of a replaced network no longer applies (write ignores it)
        self.idx = np.asarray(idx, dtype=np.intp).ravel()
        self.old = net.params[self.idx].copy()
        self.new = np.asarray(new, dtype=net.dtype).ravel().copy()

    def redo(self) -> None:
        self._write(self._net, self.idx, self.new)

    def undo(self) -> None:
        self._write(self._net, self.idx, self.old)


def w_index(net: Network, layer: int, i: int, j: int) -> int:
    """Flat index of W[layer][i, j] (layer counts weight matrices from 0)."""
    lay = net.layout
    return int(lay.w_off[layer] + i * lay.width[layer] + j)


def b_index(net: Network, layer: int, j: int) -> int:
    """Flat index of b[layer][j]; ValueError for a layer without bias."""
    lay = net.layout
    if lay.b_off[layer] < 0:
        raise ValueError(f"layer {layer + 1} has no bias")
    return int(lay.b_off[layer] + j)


def layer_indices(net: Network, layer: int, bias: bool = True) -> np.ndarray:
    """Flat indices of W[layer] (and b[layer] when ``bias``)."""
    lay = net.layout
    n = int(lay.n_in[layer] * lay.width[layer])
    idx = np.arange(lay.w_off[layer], lay.w_off[layer] + n)
    if bias and lay.b_off[layer] >= 0:
        idx = np.concatenate([idx, np.arange(lay.b_off[layer],
                                             lay.b_off[layer] + lay.width[layer])])
    return idx


def block_indices(net: Network, layer: int, which: str, row: int, col: int,
                  shape: tuple[int, int]) -> tuple[np.ndarray, int, int]:
    """Indices of a pasted block in W (``which='W'``) or b (``'b'``): (idx, rows, cols kept)."""
    target = net.W[layer] if which == "W" else net.b[layer][None, :]
    rows = min(shape[0], target.shape[0] - row)
    cols = min(shape[1], target.shape[1] - col)
    if rows <= 0 or cols <= 0:
        return np.zeros(0, np.intp), 0, 0
    r, c = np.meshgrid(np.arange(row, row + rows), np.arange(col, col + cols), indexing="ij")
    if which == "W":
        idx = [w_index(net, layer, a, b) for a, b in zip(r.ravel(), c.ravel())]
    else:
        idx = [b_index(net, layer, b) for b in c.ravel()]
    return np.asarray(idx, dtype=np.intp), rows, cols
