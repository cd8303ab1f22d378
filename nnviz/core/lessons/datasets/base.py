"""The :class:`Dataset` container shared by every data-set loader."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

__all__ = ["SPLITS", "Dataset"]

#: Names accepted wherever a split is asked for.
SPLITS = ("train", "test")


@dataclass(frozen=True, eq=False)
class Dataset:
    """A classification data set split into a training and a test part.

    Parameters
    ----------
    name : str
        Human readable name, e.g. ``"XOR"`` or ``"mnist"``.
    x_train, x_test : numpy.ndarray
        Float inputs, shape ``(n, d)`` with ``d == prod(input_shape)``.
    y_train, y_test : numpy.ndarray
        Integer class labels in ``0 .. n_classes - 1``, shape ``(n,)``.
    n_classes : int
        Number of classes.
    input_shape : tuple
        Shape of one input before flattening, e.g. ``(2,)`` or ``(28, 28)``.
    class_names : tuple of str
        One display name per class.

    Raises
    ------
    ValueError
        If the arrays do not agree with each other or with the metadata.

    Notes
    -----
    The dataclass is frozen (fields cannot be reassigned) but the arrays are
    ordinary numpy arrays; use :func:`dataclasses.replace` to derive a new
    data set.  Equality is identity (arrays have no scalar ``==``).
    """

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    n_classes: int
    input_shape: tuple
    class_names: tuple[str, ...]

    def __post_init__(self) -> None:
        """Check that the arrays and metadata are consistent."""
        object.__setattr__(self, "input_shape", tuple(int(s) for s in self.input_shape))
        object.__setattr__(self, "class_names", tuple(str(c) for c in self.class_names))
        if int(self.n_classes) < 1:
            raise ValueError(f"{self.name}: n_classes must be >= 1, got {self.n_classes}")
        if len(self.class_names) != self.n_classes:
            raise ValueError(
                f"{self.name}: {len(self.class_names)} class names for {self.n_classes} classes"
            )
        d = int(np.prod(self.input_shape, dtype=np.int64))
        for split in SPLITS:
            x = getattr(self, f"x_{split}")
            y = getattr(self, f"y_{split}")
            if not isinstance(x, np.ndarray) or not isinstance(y, np.ndarray):
                raise ValueError(f"{self.name}: x_{split} and y_{split} must be numpy arrays")
            if x.ndim != 2 or x.shape[1] != d:
                raise ValueError(
                    f"{self.name}: x_{split} must have shape (n, {d}) for input_shape "
                    f"{self.input_shape}, got {x.shape}"
                )
            if not np.issubdtype(x.dtype, np.floating):
                raise ValueError(f"{self.name}: x_{split} must be floating, got {x.dtype}")
            if y.ndim != 1 or y.shape[0] != x.shape[0]:
                raise ValueError(
                    f"{self.name}: y_{split} must have shape ({x.shape[0]},), got {y.shape}"
                )
            if not np.issubdtype(y.dtype, np.integer):
                raise ValueError(f"{self.name}: y_{split} must be integer, got {y.dtype}")
            if y.size and (y.min() < 0 or y.max() >= self.n_classes):
                raise ValueError(
                    f"{self.name}: y_{split} has labels outside 0..{self.n_classes - 1}"
                )

    @property
    def n_inputs(self) -> int:
        """int: Length ``d`` of one flattened input."""
        return int(self.x_train.shape[1])

    def split(self, split: str) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(x, y)`` of one split.

        Parameters
        ----------
        split : {"train", "test"}
            Which split.

        Returns
        -------
        tuple of numpy.ndarray
            Inputs ``(n, d)`` and labels ``(n,)`` (not copies).
        """
        _check_split(split)
        return getattr(self, f"x_{split}"), getattr(self, f"y_{split}")

    def targets(
        self,
        split: str,
        kind: str = "onehot",
        low: float = 0.0,
        high: float = 1.0,
        dtype=np.float64,
    ) -> np.ndarray:
        """Return network targets for the labels of one split.

        Parameters
        ----------
        split : {"train", "test"}
            Which split.
        kind : {"onehot", "binary"}
            ``"onehot"`` gives shape ``(n, n_classes)`` with ``high`` at the
            label's column and ``low`` elsewhere.  ``"binary"`` gives shape
            ``(n, 1)`` for networks with one output: ``low`` for label 0 and
            ``high`` for label 1 (only for two-class data sets).
        low, high : float
            Target values; the MNIST course uses ``0.01`` and ``0.99``.
        dtype : numpy dtype
            Floating dtype of the result.

        Returns
        -------
        numpy.ndarray
            A new array of targets.

        Raises
        ------
        ValueError
            For an unknown split or kind, or ``"binary"`` with more than two
            classes.
        """
        _check_split(split)
        y = getattr(self, f"y_{split}")
        dtype = np.dtype(dtype)
        if kind == "onehot":
            out = np.full((y.shape[0], self.n_classes), low, dtype=dtype)
            out[np.arange(y.shape[0]), y] = high
            return out
        if kind == "binary":
            if self.n_classes != 2:
                raise ValueError(
                    f"{self.name}: kind='binary' needs 2 classes, this data set has "
                    f"{self.n_classes}; use kind='onehot'"
                )
            return np.where(y == 1, high, low).astype(dtype).reshape(-1, 1)
        raise ValueError(f"unknown target kind {kind!r}; expected 'onehot' or 'binary'")

    def astype(self, dtype) -> Dataset:
        """Return a copy whose inputs have floating dtype ``dtype``.

        Parameters
        ----------
        dtype : numpy dtype
            A floating dtype such as ``np.float32``.

        Returns
        -------
        Dataset
            New data set; inputs are copied and cast, labels are copied.
        """
        dtype = np.dtype(dtype)
        if not np.issubdtype(dtype, np.floating):
            raise ValueError(f"inputs must stay floating, got {dtype}")
        return dataclasses.replace(
            self,
            x_train=self.x_train.astype(dtype, copy=True),
            x_test=self.x_test.astype(dtype, copy=True),
            y_train=self.y_train.copy(),
            y_test=self.y_test.copy(),
        )

    def __repr__(self) -> str:
        """Return a short summary without the array contents."""
        return (
            f"Dataset(name={self.name!r}, train={self.x_train.shape[0]}, "
            f"test={self.x_test.shape[0]}, input_shape={self.input_shape}, "
            f"n_classes={self.n_classes}, dtype={self.x_train.dtype})"
        )


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
