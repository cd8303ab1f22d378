"""Turn a hand-drawn digit into an MNIST-style 28 × 28 image (numpy only).

LeCun, Cortes and Burges made MNIST this way: each digit's bounding box was scaled to fit a
20 × 20 box preserving the aspect ratio (anti-aliased, so the images have grey levels), then
placed in a 28 × 28 image so that the centre of mass of the pixels lies at the centre.  A
network trained on MNIST only recognises a drawn digit reliably after the same steps:

1. crop the canvas to the ink's bounding box;
2. resize by area averaging so the longer side is 20 pixels (each output pixel is the mean of
   the canvas area it covers: exact anti-aliasing, no PIL or SciPy needed);
3. paste into 28 × 28 and shift by whole pixels so the centre of mass (in row/column index
   coordinates) is as close to (14, 14) as the image borders allow.

The real MNIST test images have their centre of mass at (13.99 ± 0.29, 14.00 ± 0.29): whole
pixel shifts, as here.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "BOX",
    "SIZE",
    "area_resize",
    "center_of_mass",
    "ink_bbox",
    "preprocess_digit",
]

#: Side of the output image.
SIZE = 28
#: Side of the box the digit's longer side is scaled to.
BOX = 20


def ink_bbox(img: np.ndarray, threshold: float = 0.0) -> tuple[int, int, int, int] | None:
    """Bounding box of the pixels brighter than ``threshold``.

    Parameters
    ----------
    img : ndarray, shape (h, w)
        Grayscale image, ink bright (MNIST convention: 0 = background).
    threshold : float
        Pixels ``> threshold`` count as ink.

    Returns
    -------
    (top, left, bottom, right) or None
        Half-open bounds (``img[top:bottom, left:right]`` holds all the ink); None when the
        image has no ink.
    """
    ink = np.asarray(img) > threshold
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(ink.any(axis=0))
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def _overlap_matrix(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) weights: row i averages the inputs covering output pixel i.

    Output pixel ``i`` covers input interval ``[i·s, (i+1)·s)`` with ``s = n_in / n_out``;
    each weight is the length of the overlap divided by ``s`` (rows sum to 1).
    """
    s = n_in / n_out
    lo = np.arange(n_out)[:, None] * s  # (n_out, 1)
    hi = lo + s
    k = np.arange(n_in)[None, :]  # input pixel k covers [k, k+1)
    overlap = np.clip(np.minimum(hi, k + 1) - np.maximum(lo, k), 0.0, None)
    return overlap / s


def area_resize(img: np.ndarray, out_h: int, out_w: int) -> np.ndarray:
    """Resize by area averaging (box filter of exactly the covered area).

    Parameters
    ----------
    img : ndarray, shape (h, w)
        Input image.
    out_h, out_w : int
        Output shape (each ≥ 1); works for up- and down-scaling.

    Returns
    -------
    ndarray, shape (out_h, out_w), float64
        ``R @ img @ C.T`` where ``R`` (out_h × h) and ``C`` (out_w × w) hold the fraction of
        each input pixel inside each output pixel.  The mean intensity is preserved.
    """
    img = np.asarray(img, dtype=np.float64)
    if img.ndim != 2 or img.size == 0:
        raise ValueError(f"expected a non-empty 2-D image, got shape {img.shape}")
    if out_h < 1 or out_w < 1:
        raise ValueError(f"output shape must be positive, got ({out_h}, {out_w})")
    R = _overlap_matrix(img.shape[0], out_h)
    C = _overlap_matrix(img.shape[1], out_w)
    return R @ img @ C.T


def center_of_mass(img: np.ndarray) -> tuple[float, float]:
    """Intensity-weighted mean (row, column) in index coordinates.

    Parameters
    ----------
    img : ndarray, shape (h, w)
        Non-negative weights.

    Returns
    -------
    (float, float)
        ``(Σ i·img[i, j] / Σ img, Σ j·img[i, j] / Σ img)``; the image centre for an empty
        image.
    """
    img = np.asarray(img, dtype=np.float64)
    total = img.sum()
    if total <= 0:
        return (img.shape[0] - 1) / 2.0, (img.shape[1] - 1) / 2.0
    r = float(img.sum(axis=1) @ np.arange(img.shape[0])) / total
    c = float(img.sum(axis=0) @ np.arange(img.shape[1])) / total
    return r, c


def preprocess_digit(canvas: np.ndarray, threshold: float = 0.0, box: int = BOX,
                     size: int = SIZE) -> np.ndarray:
    """An MNIST-style image from a drawn digit.

    Parameters
    ----------
    canvas : ndarray, shape (h, w)
        High-resolution grayscale drawing, values 0..255 with the ink bright (e.g. a
        280 × 280 pad drawn with a thick anti-aliased pen).
    threshold : float
        Canvas values ``> threshold`` count as ink for the bounding box.
    box : int
        The digit's longer side after scaling (20 for MNIST).
    size : int
        Side of the output image (28 for MNIST).

    Returns
    -------
    ndarray, shape (size, size), float64
        Pixel values 0..255 like the MNIST files; all zeros for an empty canvas.  The ink
        fits a ``box × box`` square and its centre of mass is within half a pixel of
        ``(size / 2, size / 2)`` unless that would push ink off the image.
    """
    canvas = np.asarray(canvas, dtype=np.float64)
    if canvas.ndim != 2:
        raise ValueError(f"expected a 2-D canvas, got shape {canvas.shape}")
    out = np.zeros((size, size))
    bb = ink_bbox(canvas, threshold)
    if bb is None:
        return out
    top, left, bottom, right = bb
    crop = canvas[top:bottom, left:right]
    h, w = crop.shape
    scale = box / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    digit = np.clip(area_resize(crop, nh, nw), 0.0, 255.0)
    cy, cx = center_of_mass(digit)
    centre = size / 2.0
    # whole-pixel offset putting the centre of mass at (size/2, size/2), kept on the image
    oy = int(np.clip(round(centre - cy), 0, size - nh))
    ox = int(np.clip(round(centre - cx), 0, size - nw))
    out[oy:oy + nh, ox:ox + nw] = digit
    return out
