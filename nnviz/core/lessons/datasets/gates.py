"""Truth tables of the two-input logic gates, as tiny classification sets."""

from __future__ import annotations

import numpy as np

from nnviz.core.lessons.datasets.base import Dataset

__all__ = ["GATES", "gate"]

#: Gate names accepted by :func:`gate` (case-insensitive).
GATES = ("AND", "OR", "NAND", "NOR", "XOR")

_INPUTS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
_OUTPUTS = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
    "XOR": (0, 1, 1, 0),
}


def gate(name: str) -> Dataset:
    """Return the truth table of a logic gate.

    Parameters
    ----------
    name : str
        One of :data:`GATES`, in any letter case.

    Returns
    -------
    Dataset
        Four rows in the order (0,0), (0,1), (1,0), (1,1) as float64 inputs
        and labels 0/1; the test split holds the same four rows (copies).

    Raises
    ------
    ValueError
        If ``name`` is not a known gate.
    """
    key = str(name).strip().upper()
    if key not in _OUTPUTS:
        raise ValueError(f"unknown gate {name!r}; valid gates are: {', '.join(GATES)}")
    x = np.array(_INPUTS, dtype=np.float64)
    y = np.array(_OUTPUTS[key], dtype=np.int64)
    return Dataset(
        name=key,
        x_train=x,
        y_train=y,
        x_test=x.copy(),
        y_test=y.copy(),
        n_classes=2,
        input_shape=(2,),
        class_names=("0", "1"),
    )
