"""Data augmentation for image lessons: small rotations and shifts, Gaussian pixel noise.

``augment_images`` makes a new copy of a whole training set in one compiled pass (bilinear
resampling of every image under its own random rotation and shift, then noise), so the
training loop itself stays the fast one: the trainer augments once per epoch.  Labels are
unchanged and pixel values stay within the data's range.

Drawing 47 million normal numbers per MNIST epoch would cost more than the epoch itself, so
the noise of each image is a window at a random offset of a bank of 2²⁰ standard normals drawn
once per call: every image gets its own noise, and the windows of different images overlap
only by chance.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.jit import njit


@njit
def _warp(X, out, side, angles, dx, dy, lo):
    """out[k] = X[k] rotated by angles[k] (radians) about the centre and shifted by (dx, dy)."""
    c = (side - 1) / 2.0
    for k in range(X.shape[0]):
        ca, sa = np.cos(angles[k]), np.sin(angles[k])
        img = X[k]
        dst = out[k]
        for r in range(side):
            yr = r - c - dy[k]
            for q in range(side):
                # inverse map: where in the source does the output pixel (r, q) come from?
                xq = q - c - dx[k]
                sy = ca * yr - sa * xq + c
                sx = sa * yr + ca * xq + c
                y0 = int(np.floor(sy))
                x0 = int(np.floor(sx))
                fy = sy - y0
                fx = sx - x0
                if 0 <= y0 and y0 + 1 < side and 0 <= x0 and x0 + 1 < side:
                    b = y0 * side + x0
                    top = (1.0 - fx) * img[b] + fx * img[b + 1]
                    bottom = (1.0 - fx) * img[b + side] + fx * img[b + side + 1]
                    dst[r * side + q] = (1.0 - fy) * top + fy * bottom
                    continue
                v = 0.0  # at the border: pixels outside the image count as background
                for oy in range(2):
                    yy = y0 + oy
                    wy = fy if oy else 1.0 - fy
                    for ox in range(2):
                        xx = x0 + ox
                        wx = fx if ox else 1.0 - fx
                        pix = lo
                        if 0 <= yy < side and 0 <= xx < side:
                            pix = img[yy * side + xx]
                        v += wy * wx * pix
                dst[r * side + q] = v


def augment_images(X, side: int, rng: np.random.Generator, *, rotate: float = 0.0,
                   shift: float = 0.0, noise: float = 0.0, lo: float | None = None,
                   hi: float | None = None) -> np.ndarray:
    """A randomly transformed copy of the flattened square images ``X`` (n, side²).

    Parameters
    ----------
    rotate : maximum rotation in degrees (uniform in ±rotate)
    shift : maximum shift in pixels along each axis (uniform in ±shift)
    noise : standard deviation of added Gaussian noise, in the data's units
    lo, hi : the data's range (default: X's min and max); the result is clipped to it
    """
    X = np.ascontiguousarray(X)
    n = len(X)
    if X.ndim != 2 or X.shape[1] != side * side:
        raise ValueError(f"images must be rows of {side}×{side} pixels")
    lo = float(X.min()) if lo is None else lo
    hi = float(X.max()) if hi is None else hi
    out = np.empty_like(X)
    if rotate or shift:
        angles = np.deg2rad(rng.uniform(-rotate, rotate, n))
        dx = rng.uniform(-shift, shift, n)
        dy = rng.uniform(-shift, shift, n)
        _warp(X, out, side, angles, dx, dy, X.dtype.type(lo))
    else:
        out[...] = X
    bank = rng.standard_normal(NOISE_BANK, dtype=np.float32).astype(X.dtype, copy=False)
    offsets = rng.integers(0, NOISE_BANK - X.shape[1], n)
    _noise_clip(out, bank, offsets, X.dtype.type(noise), X.dtype.type(lo), X.dtype.type(hi))
    return out


NOISE_BANK = 1 << 20


@njit
def _noise_clip(out, bank, offsets, sigma, lo, hi):
    """out[k] += sigma · bank[offsets[k]:…], then clip to [lo, hi]."""
    m = out.shape[1]
    for k in range(out.shape[0]):
        row = out[k]
        o = offsets[k]
        for j in range(m):
            v = row[j] + sigma * bank[o + j]
            row[j] = min(max(v, lo), hi)
