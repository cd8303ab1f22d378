"""The undoable weight edits the views ask for: one weight, one bias, a pasted block, a layer.

:class:`WeightEditing` is mixed into :class:`~nnviz.ui.model.lesson_model.LessonModel`; every
method ends in the model's :meth:`edit` (one undo command; the model writes the weights).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication

from nnviz.core.nn.network import Network, init_weights
from nnviz.core.nn.spec import INIT_NAMES
from nnviz.ui.model import param_edit


def _tr(text: str) -> str:
    return QCoreApplication.translate("LessonModel", text)  # the model's context


class WeightEditing:
    """Edits addressed by layer and position (needs ``network``, ``_net()`` and ``edit()``)."""

    network: Network | None

    def _net(self) -> Network:
        raise NotImplementedError

    def edit(self, idx: Any, values: Any, text: str) -> bool:
        raise NotImplementedError

    def w_index(self, layer: int, i: int, j: int) -> int:
        """Flat index of W[layer][i, j] (layer counts weight matrices from 0)."""
        return param_edit.w_index(self._net(), layer, i, j)

    def b_index(self, layer: int, j: int) -> int:
        if self._net().layout.b_off[layer] < 0:
            raise ValueError(_tr("layer {n} has no bias").format(n=layer + 1))
        return param_edit.b_index(self._net(), layer, j)

    def layer_indices(self, layer: int, bias: bool = True) -> np.ndarray:
        return param_edit.layer_indices(self._net(), layer, bias)

    def edit_weight(self, layer: int, i: int, j: int, value: float) -> bool:
        name = f"W{layer + 1}[{i + 1},{j + 1}]"
        return self.edit([self.w_index(layer, i, j)], [value],
                         _tr("Set {name} = {v}").format(name=name, v=value))

    def edit_bias(self, layer: int, j: int, value: float) -> bool:
        name = f"b{layer + 1}[{j + 1}]"
        return self.edit([self.b_index(layer, j)], [value],
                         _tr("Set {name} = {v}").format(name=name, v=value))

    def edit_block(self, layer: int, which: str, row: int, col: int, block: Any) -> bool:
        """Paste ``block`` (2-D) into W (``which='W'``) or b (``'b'``, one row) at (row, col)."""
        block = np.atleast_2d(np.asarray(block, dtype=float))
        idx, rows, cols = param_edit.block_indices(self._net(), layer, which, row, col,
                                                   block.shape)
        if not len(idx):
            return False
        return self.edit(idx, block[:rows, :cols].ravel(),
                         _tr("Paste {n} values into {name}").format(
                             n=rows * cols, name=f"{which}{layer + 1}"))

    def fill_layer(self, layer: int, scheme: str, seed: int | None = None) -> bool:
        """Fill W of ``layer`` by an init scheme (``"zeros"`` also zeroes b); undoable."""
        if scheme not in INIT_NAMES:
            raise ValueError(scheme)
        net = self._net()
        W = net.W[layer]
        new_w = init_weights(scheme, W.shape[0], W.shape[1], np.random.default_rng(seed))
        idx, vals = self.layer_indices(layer, bias=False), new_w.ravel()
        if scheme == "zeros" and net.b[layer] is not None:
            idx = self.layer_indices(layer, bias=True)
            vals = np.zeros(len(idx))
        text = _tr("Fill layer {n} with {scheme} (seed {seed})").format(
            n=layer + 1, scheme=scheme, seed=seed)
        return self.edit(idx, vals, text)
