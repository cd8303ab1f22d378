"""The class an output predicts: the UI's one copy of the "argmax, or y > 0.5" rule (Qt-free).

``Network.predict`` applies the same rule to many rows in the core.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def predicted_class(y: Any) -> int:
    """argmax of ``y``, or ``y > 0.5`` for a single output (NaN outputs predict class 0)."""
    y = np.asarray(y, dtype=float).ravel()
    if y.size == 1:
        return int(y[0] > 0.5)
    return int(np.nanargmax(y)) if np.isfinite(y).any() else 0
