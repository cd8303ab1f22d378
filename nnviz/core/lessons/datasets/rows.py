"""A lesson's own input rows, as a tiny data set (the softmax lesson's two vectors).

Handout 002 sends two vectors through softmax: [0.3, 2.9, 4.0] and [1010, 1000, 990].  A
preset lists such rows in its data (``{"kind": "toy", "name": "rows", "rows": [[...], ...]}``;
"toy" because the app offers the rows of a toy set as a table to pick from) and
:func:`given_rows` turns them into a :class:`Dataset` whose label is the index of each row's
largest entry — the class softmax predicts for it.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.lessons.datasets.base import Dataset

__all__ = ["MAX_ROWS", "given_rows"]

#: at most this many rows (the input table shows up to 16) of at most 16 numbers
MAX_ROWS = 16


def given_rows(rows) -> Dataset:
    """The rows as inputs (float64), each labelled with the index of its largest entry.

    Raises
    ------
    ValueError
        Not a non-empty list of equally long lists of finite numbers, or too many of them.
    """
    try:
        x = np.array(rows, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError("rows must be lists of numbers") from None
    if x.ndim != 2 or not 1 <= x.shape[0] <= MAX_ROWS or not 1 <= x.shape[1] <= MAX_ROWS:
        raise ValueError(f"rows must be 1 to {MAX_ROWS} lists of 1 to {MAX_ROWS} numbers each, "
                         f"all of one length; got shape {x.shape}")
    if not np.all(np.isfinite(x)):
        raise ValueError("rows must be finite numbers")
    y = np.argmax(x, axis=1).astype(np.int64)
    n = x.shape[1]
    return Dataset(name="rows", x_train=x, y_train=y, x_test=x.copy(), y_test=y.copy(),
                   n_classes=n, input_shape=(n,), class_names=tuple(str(k) for k in range(n)))
