"""The one rule that turns a network's outputs into a predicted class.

Several outputs: the class is the index of the largest (argmax). One output (a sigmoid or a
step unit answering yes/no): the class is 1 when the output is above 0.5, else 0. Accuracy,
the confusion matrix, the trainer's "correct" count and a lesson's checks all use this rule,
so a number on one panel never disagrees with another. The compiled kernels apply the same
rule in their own machine code (``kernels/sgd_b1.py`` ``_is_correct``, ``kernels/reference.py``,
``engine.py``) because Numba code cannot call back into Python; the tests compare them with it.
"""

from __future__ import annotations

import numpy as np

#: a single output above this is class 1
THRESHOLD = 0.5


def predicted_classes(y) -> np.ndarray:
    """Class per row of a 2-D output array ``y`` (n, outputs), as intp."""
    y = np.asarray(y)
    if y.ndim != 2:
        raise ValueError(f"expected one output row per sample, got shape {y.shape}")
    if y.shape[1] > 1:
        return np.argmax(y, axis=1).astype(np.intp)
    return (y[:, 0] > THRESHOLD).astype(np.intp)


def predicted_class(y) -> int:
    """Class of one output vector ``y`` (or of a one-hot / 0–1 target)."""
    return int(predicted_classes(np.asarray(y).reshape(1, -1))[0])
