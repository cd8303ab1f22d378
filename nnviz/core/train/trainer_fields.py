"""The attributes and methods that :class:`~nnviz.core.train.trainer.Trainer`'s mixins share.

The trainer is split into mixins (:mod:`trainer_edits`, :mod:`trainer_evaluation`) that read and
write the trainer's state; this base class declares that state once, so that the type checker
knows each mixin's ``self`` and a reader sees in one place what the parts have in common.
Nothing here runs: :class:`Trainer` sets every attribute and overrides every method.
"""

from __future__ import annotations

import queue
import threading
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from nnviz.core.nn.network import Network
    from nnviz.core.nn.optimizers import Optimizer
    from nnviz.core.nn.spec import TrainSpec
    from nnviz.core.train.divergence import DivergenceWatch
    from nnviz.core.train.trainer_types import TrainData


class TrainerFields:
    """Declarations only: the trainer's state as its mixins use it."""

    net: Network
    spec: TrainSpec
    data: TrainData
    initial_params: np.ndarray
    val: tuple[np.ndarray, np.ndarray, np.ndarray] | None  # held-out (X, T, labels)
    epoch: int
    position: int  # samples done in the current epoch
    samples_seen: int
    updates: int
    _epoch_X: np.ndarray | None  # this epoch's (augmented) inputs, made at its first sample
    _epoch_loss: float
    _epoch_correct: int
    _optimizer: Optimizer
    _engines: dict[Any, Any]
    _edits: queue.SimpleQueue
    _stop: threading.Event
    _best: tuple[float, np.ndarray | None, int, int]  # val loss, params, since, epoch
    _watch: DivergenceWatch
    _sound: tuple[int, np.ndarray] | None  # (samples_seen, params) at the last sound check
    _finished_epoch: tuple[float, int, int] | None

    @property
    def n_train(self) -> int:
        raise NotImplementedError

    def _start_epoch(self) -> None:
        raise NotImplementedError

    def _reset_state(self) -> None:
        raise NotImplementedError

    def _make_order(self, epoch: int) -> np.ndarray:
        raise NotImplementedError

    def scheduled_lr(self) -> float:
        raise NotImplementedError
