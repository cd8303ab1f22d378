"""The signed colour scale used by every view (Qt-free, vectorised).

TensorFlow Playground's choice: orange for negative, white near zero, blue for positive —
distinguishable for colour-blind viewers.  ``signed_rgb`` maps values to RGB bytes through a
256-entry lookup table so that colouring 10,000 edges is one ``np.take``.
"""

from __future__ import annotations

import numpy as np

NEGATIVE = (245, 147, 34)  # TFP orange  #f59322
ZERO = (232, 234, 235)  # near-white grey #e8eaeb
POSITIVE = (8, 119, 189)  # TFP blue  #0877bd


def _make_lut(n: int = 256) -> np.ndarray:
    t = np.linspace(-1.0, 1.0, n)[:, None]
    neg, zero, pos = (np.array(c, float)[None, :] for c in (NEGATIVE, ZERO, POSITIVE))
    lut = np.where(t < 0, zero + (neg - zero) * (-t), zero + (pos - zero) * t)
    return np.clip(np.rint(lut), 0, 255).astype(np.uint8)


LUT = _make_lut()


def lut_index(values, scale: float = 1.0) -> np.ndarray:
    """Index into :data:`LUT` for each value, clipped to [-scale, scale]."""
    v = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0) / max(float(scale), 1e-12)
    return np.rint((np.clip(v, -1.0, 1.0) + 1.0) * 127.5).astype(np.intp)


def signed_rgb(values, scale: float = 1.0) -> np.ndarray:
    """RGB bytes, shape ``values.shape + (3,)``: orange < 0 < blue, white at 0."""
    return LUT[lut_index(values, scale)]


def text_on(rgb) -> tuple[int, int, int]:
    """Black or white, whichever reads better on the background ``rgb``."""
    r, g, b = (int(c) for c in rgb[:3])
    return (0, 0, 0) if 0.299 * r + 0.587 * g + 0.114 * b > 140 else (255, 255, 255)
