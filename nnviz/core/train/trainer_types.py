"""The values a run hands out: its data, evaluation points, step details and snapshots.

Every class here is immutable (a frozen dataclass) and every array in a :class:`Snapshot` is a
copy, so a view on another thread can keep one as long as it likes.  The trainer that makes them
is :mod:`nnviz.core.train.trainer`, which re-exports these names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from nnviz.core.nn.network import Network
from nnviz.core.nn.predictions import predicted_class
from nnviz.core.nn.spec import TrainSpec

#: longest per-update loss record a snapshot carries (thinned beyond: see Snapshot.update_losses)
MAX_UPDATE_LOSSES = 4096


@dataclass(frozen=True)
class TrainData:
    """Inputs, targets and labels of the training and test sets (targets shaped like y)."""

    X: np.ndarray  # (n, inputs)
    T: np.ndarray  # (n, outputs)
    y: np.ndarray  # (n,) integer class labels
    X_test: np.ndarray
    T_test: np.ndarray
    y_test: np.ndarray

    def astype(self, dtype) -> TrainData:
        c = np.ascontiguousarray
        return TrainData(c(self.X, dtype), c(self.T, dtype), self.y, c(self.X_test, dtype),
                         c(self.T_test, dtype), self.y_test)

    def validate(self, net: Network) -> None:
        n_in, n_out = net.spec.inputs, net.spec.outputs
        if len(self.X) == 0:
            raise ValueError("the training set is empty")
        for name, X, T, y in (("training", self.X, self.T, self.y),
                              ("test", self.X_test, self.T_test, self.y_test)):
            if X.ndim != 2 or X.shape[1] != n_in:
                raise ValueError(f"{name} inputs have {X.shape[1:]} columns; the network "
                                 f"expects {n_in}")
            if T.ndim != 2 or T.shape[1] != n_out:
                raise ValueError(f"{name} targets have {T.shape[1:]} columns; the network "
                                 f"has {n_out} outputs")
            if not len(X) == len(T) == len(y):
                raise ValueError(f"{name} inputs, targets and labels differ in length")
            if not (np.all(np.isfinite(X)) and np.all(np.isfinite(T))):
                raise ValueError(f"{name} data contains NaN or infinity")


@dataclass(frozen=True)
class EvalPoint:
    """Loss and accuracy measured at one moment of the run."""

    samples_seen: int
    epoch: float  # in epochs, e.g. 0.5 = half-way through the first
    train_loss: float  # running mean over the epoch so far (full-set value at epoch ends)
    train_acc: float
    test_loss: float
    test_acc: float
    val_loss: float = math.nan  # on the held-out validation split (nan without one)
    val_acc: float = math.nan
    lr: float = math.nan  # learning rate in use at this moment


@dataclass(frozen=True)
class StepDetail:
    """What happened to the last sample of a step, computed with the weights before its update."""

    x: np.ndarray
    t: np.ndarray
    a: tuple  # weighted sums per layer
    z: tuple  # activations per layer
    delta: tuple  # dL/da per layer
    W_grad: tuple  # dL/dW per layer (for this sample)
    loss: float
    W_change: tuple  # change of each W over the whole step (after - before)
    #: dL/dα per layer for this sample: a (1,) array for a PReLU layer's learned slope, else None
    alpha_grad: tuple = ()


@dataclass(frozen=True)
class PerceptronRow:
    """One line of the handout's round table: x1, x2, d, y, error, ΔW, new W."""

    x: tuple
    d: float
    y: float
    error: float
    dW: tuple  # change of (w1, ..., b)
    W: tuple  # weights and bias after the update


@dataclass(frozen=True)
class Snapshot:
    """An immutable picture of the run after a step (every array is a copy)."""

    status: str  # "running", "finished", "stopped", "diverged", "converged", "early-stopped"
    message: str  # diagnosis or note for the user ("" if none)
    epoch: int  # completed epochs
    samples_seen: int  # samples processed since the start (or reset)
    updates: int  # parameter updates applied
    epoch_position: int  # samples processed in the current epoch
    params: np.ndarray  # copy of every parameter (Network layout)
    lr: float
    train_loss: float  # mean loss of the current epoch so far; at an epoch's end, of that epoch
    train_acc: float  # the same for the accuracy (nan before anything was trained)
    evals: tuple[EvalPoint, ...]  # evaluations made during this step (may be empty)
    grad_norms: tuple[float, ...]  # |dL/dW| per layer of the last update
    detail: StepDetail | None
    seconds: float  # training time so far (excluding evaluations and compile)
    rows: tuple[PerceptronRow, ...] = ()  # perceptron lessons: the samples of this step
    extra: dict = field(default_factory=dict)
    #: (k, 2) float64: (update number, loss) of the updates of this step, in order; the number
    #: counts from 1 at the start of the run (``updates`` is the last one's).  The loss is that
    #: of the update's sample or batch, measured before the update.  At most
    #: ``MAX_UPDATE_LOSSES`` rows: a longer step keeps its first and last updates and the newest
    #: half at full resolution, older ones thinned (see nnviz.core.train.history.thin).
    update_losses: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))


def split_validation(data: TrainData, spec: TrainSpec):
    """Hold out ``spec.validation_split`` of the training rows (seeded); (train, val)."""
    n = len(data.X)
    k = int(round(n * spec.validation_split))
    if k == 0 or k >= n:
        return data, None
    perm = np.random.default_rng([spec.seed, 3]).permutation(n)
    val, keep = np.sort(perm[:k]), np.sort(perm[k:])
    train = TrainData(data.X[keep], data.T[keep], data.y[keep], data.X_test, data.T_test,
                      data.y_test)
    return train, (data.X[val], data.T[val], data.y[val])


def is_correct(y, t) -> bool:
    """Did output ``y`` pick the class of target ``t`` (argmax, or the 0.5 threshold)?"""
    return predicted_class(y) == predicted_class(t)


def with_status(snap: Snapshot, status: str, message: str) -> Snapshot:
    return replace(snap, status=status, message=message)


def with_change(detail: StepDetail, net: Network, before: np.ndarray) -> StepDetail:
    """``detail`` with W_change = each layer's weights now minus ``before``."""
    diff = Network(net.spec, net.params - before, net.dtype)
    return replace(detail, W_change=tuple(w.copy() for w in diff.W))
