"""MNIST lessons' inputs: which lessons are MNIST, and pixels ↔ network inputs (Qt-free)."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.core.lessons.datasets import normalize_course, normalize_unit
from nnviz.ui.model.samples import is_mnist_kind

IMAGE_SIDE = 28


def data_kind(model: Any) -> str | None:
    """``"mnist"``/``"fashion"`` for an MNIST lesson, else None."""
    p = model.preset
    kind = p.data.get("kind") if p is not None else None
    return kind if is_mnist_kind(kind) else None


def is_mnist_lesson(model: Any) -> bool:
    """True when the current lesson is an MNIST lesson with a 784-input network."""
    net = model.network
    return data_kind(model) is not None and net is not None \
        and net.spec.inputs == IMAGE_SIDE * IMAGE_SIDE


def normalize_mode(model: Any) -> str | None:
    """The lesson's input normalisation: ``"course"``, ``"unit"`` or None (raw 0..255)."""
    p = model.preset
    return p.data.get("normalize") if p is not None else None


def normalize_pixels(pixels: Any, mode: str | None) -> np.ndarray:
    """Pixels 0..255 → the network's input scale (``course``: x/255·0.99+0.01, ``unit``: x/255)."""
    pixels = np.asarray(pixels, dtype=np.float64)
    if mode == "course":
        return normalize_course(pixels)
    if mode == "unit":
        return normalize_unit(pixels)
    return pixels


def to_pixels(X: Any, mode: str | None) -> np.ndarray:
    """Inverse of :func:`normalize_pixels`, as uint8 (for showing inputs as images)."""
    X = np.asarray(X, dtype=np.float32)
    if mode == "course":
        X = (X - 0.01) / 0.99 * 255.0
    elif mode == "unit":
        X = X * 255.0
    return np.clip(np.rint(X), 0, 255).astype(np.uint8)

