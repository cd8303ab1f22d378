"""Two-dimensional toy classification sets in the style of TensorFlow Playground.

All points live roughly in ``[-1, 1]^2``.  Every generator draws exactly
``n // 2`` points of class 0 and ``n - n // 2`` of class 1, then adds Gaussian
jitter of standard deviation ``noise`` to the coordinates, so a larger
``noise`` makes the classes overlap more.
"""

from __future__ import annotations

import numbers

import numpy as np

from nnviz.core.lessons.datasets.base import Dataset

__all__ = ["TOYS", "toy"]

#: Toy set names accepted by :func:`toy` (case-insensitive).
TOYS = ("xor", "circles", "spirals", "blobs")

_CLASS_NAMES = {
    "xor": ("same sign", "opposite sign"),
    "circles": ("inner disc", "outer ring"),
    "spirals": ("spiral A", "spiral B"),
    "blobs": ("blob A", "blob B"),
}


def toy(
    name: str,
    n: int = 200,
    noise: float = 0.1,
    test_fraction: float = 0.5,
    seed: int | np.random.Generator = 0,
) -> Dataset:
    """Generate a 2-D toy data set.

    Parameters
    ----------
    name : {"xor", "circles", "spirals", "blobs"}
        Which set (case-insensitive).

        * ``"xor"``: points in the four quadrants, away from the axes; label 1
          when ``sign(x) * sign(y) < 0``.
        * ``"circles"``: class 0 in the disc of radius 0.5, class 1 in the
          ring of radii 0.7 .. 1.
        * ``"spirals"``: two interleaved spirals of 1.75 turns.
        * ``"blobs"``: two Gaussian blobs centred at (-0.5, -0.5) and
          (0.5, 0.5), standard deviation 0.25.
    n : int
        Total number of points (train + test), at least 4.
    noise : float
        Standard deviation of the Gaussian jitter added to every coordinate,
        ``>= 0``.
    test_fraction : float
        Fraction of the points put in the test split, ``0 < f < 1``; both
        splits always get at least one point.
    seed : int or numpy.random.Generator
        Seed of :func:`numpy.random.default_rng` (or a generator to use); the
        result is a pure function of the arguments for an int seed.

    Returns
    -------
    Dataset
        float64 inputs ``(n_split, 2)``, int64 labels, ``n_classes == 2``,
        train and test split from one shuffled permutation.

    Raises
    ------
    ValueError
        For an unknown name or invalid ``n``, ``noise`` or ``test_fraction``.
    """
    key = str(name).strip().lower()
    if key not in _CLASS_NAMES:
        raise ValueError(f"unknown toy data set {name!r}; valid names are: {', '.join(TOYS)}")
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 4:
        raise ValueError(f"n must be an integer >= 4, got {n!r}")
    n = int(n)
    if (
        isinstance(noise, bool)
        or not isinstance(noise, numbers.Real)
        or not (np.isfinite(noise) and noise >= 0)
    ):
        raise ValueError(f"noise must be a finite number >= 0, got {noise!r}")
    if (
        isinstance(test_fraction, bool)
        or not isinstance(test_fraction, numbers.Real)
        or not (0 < test_fraction < 1)
    ):
        raise ValueError(f"test_fraction must be strictly between 0 and 1, got {test_fraction!r}")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)

    y = np.zeros(n, dtype=np.int64)
    y[n // 2 :] = 1
    x = _GENERATORS[key](y, rng)
    # Always drawn, so that for one seed only the jitter's size depends on
    # ``noise``: a noise slider moves the points without reshuffling them.
    x = x + float(noise) * rng.standard_normal(size=x.shape)

    n_test = min(max(round(n * float(test_fraction)), 1), n - 1)
    order = rng.permutation(n)
    test_idx, train_idx = order[:n_test], order[n_test:]
    return Dataset(
        name=key,
        x_train=np.ascontiguousarray(x[train_idx]),
        y_train=y[train_idx],
        x_test=np.ascontiguousarray(x[test_idx]),
        y_test=y[test_idx],
        n_classes=2,
        input_shape=(2,),
        class_names=_CLASS_NAMES[key],
    )


def _xor(y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    padding = 0.06
    mag = rng.uniform(padding, 1.0, size=(y.size, 2))
    sx = rng.choice((-1.0, 1.0), size=y.size)
    # Class 1 has opposite signs, class 0 the same sign.
    sy = np.where(y == 1, -sx, sx)
    return mag * np.stack([sx, sy], axis=1)


def _circles(y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    r = np.where(
        y == 0,
        0.5 * np.sqrt(rng.uniform(0.0, 1.0, size=y.size)),
        rng.uniform(0.7, 1.0, size=y.size),
    )
    t = rng.uniform(0.0, 2 * np.pi, size=y.size)
    return np.stack([r * np.sin(t), r * np.cos(t)], axis=1)


def _spirals(y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    out = np.empty((y.size, 2))
    for label in (0, 1):
        idx = np.flatnonzero(y == label)
        r = np.linspace(0.0, 1.0, idx.size, endpoint=False) + 1.0 / max(idx.size, 1)
        t = 1.75 * 2 * np.pi * r + np.pi * label
        out[idx, 0] = r * np.sin(t)
        out[idx, 1] = r * np.cos(t)
    return out


def _blobs(y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    centres = np.where(y[:, None] == 0, -0.5, 0.5)
    return centres + rng.normal(0.0, 0.25, size=(y.size, 2))


_GENERATORS = {"xor": _xor, "circles": _circles, "spirals": _spirals, "blobs": _blobs}
