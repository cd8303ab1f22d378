"""Pixel scaling of image data sets (0..255 → floats), as the course and the book do it."""

from __future__ import annotations

import numpy as np


def normalize_course(x: np.ndarray) -> np.ndarray:
    """Map pixels 0..255 to 0.01..1.0 as in the course: ``x / 255 * 0.99 + 0.01``.

    Parameters
    ----------
    x : array_like
        Pixel values; a floating array keeps its dtype, others become float64.

    Returns
    -------
    numpy.ndarray
        A new array.
    """
    x = _as_float(x)
    t = x.dtype.type
    return x / t(255.0) * t(0.99) + t(0.01)


def normalize_unit(x: np.ndarray) -> np.ndarray:
    """Map pixels 0..255 to 0..1: ``x / 255``.

    Parameters
    ----------
    x : array_like
        Pixel values; a floating array keeps its dtype, others become float64.

    Returns
    -------
    numpy.ndarray
        A new array.
    """
    x = _as_float(x)
    return x / x.dtype.type(255.0)


def _as_float(x) -> np.ndarray:
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(np.float64)
    return x
