"""The rows a lesson offers as inputs, and what makes two lessons' prepared data the same.

Qt-free.  :class:`Samples` is what the views show (the truth table, the 2-D points, the MNIST
test images); :func:`data_key` is the cache key of the lesson's prepared data, so two lessons
that read the same data the same way share one load.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.core.lessons.datasets import KINDS as MNIST_KINDS

__all__ = ["MNIST_KINDS", "Samples", "data_key", "is_mnist_kind", "trains_on_data"]

#: lesson data kinds that are loaded at once (a few hundred rows at most)
SMALL_KINDS = ("gate", "toy")


class Samples:
    """The inputs a lesson offers: rows of X with labels (and targets when it trains)."""

    def __init__(self, X: Any, labels: Any, T: Any = None, class_names: tuple = (),
                 split: str = "train") -> None:
        self.X = np.asarray(X, dtype=float)  # (n, inputs)
        self.labels = np.asarray(labels)  # (n,) class index
        self.T = None if T is None else np.asarray(T, dtype=float)  # (n, outputs) targets
        self.class_names = tuple(class_names)
        self.split = split  # "train" (gates, toys) or "test" (MNIST's test images)

    def __len__(self) -> int:
        return len(self.X)

    @classmethod
    def from_test_split(cls, data: Any) -> Samples:
        """MNIST's test images (the lesson shows the images it does not train on)."""
        return cls(data.X_test, data.y_test, data.T_test, tuple("0123456789"), split="test")


def is_mnist_kind(kind: str | None) -> bool:
    """True for the image data sets (MNIST, Fashion-MNIST), loaded in the background."""
    return kind in MNIST_KINDS


def trains_on_data(kind: str | None) -> bool:
    """True when a lesson of this data kind has a training set."""
    return kind in SMALL_KINDS or is_mnist_kind(kind)


def data_key(preset: Any) -> tuple:
    """What makes two lessons' prepared data the same (kind, normalisation, targets, dtype)."""
    t = preset.targets
    dtype = preset.training.dtype if preset.training else "float64"
    return (preset.data.get("kind"), preset.data.get("name"), preset.data.get("normalize"),
            t.get("kind"), t.get("low"), t.get("high"), dtype,
            tuple(sorted((k, str(v)) for k, v in preset.data.items())))
