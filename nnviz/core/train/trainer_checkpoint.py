"""A trainer's state between two steps, kept so a student can step back in time and forward.

A :class:`TrainerCheckpoint` holds everything the next step of a
:class:`~nnviz.core.train.trainer.Trainer` depends on: the parameters, the optimizer's state
(velocities, squared-gradient sums, Adam's moments and step count), the epoch, the position in
it and the counters, the running loss and accuracy of the epoch so far, and early stopping's best
weights.  ``Trainer.checkpoint()`` takes one and ``Trainer.restore_checkpoint()`` puts one back
(both in :mod:`nnviz.core.train.trainer_edits`, run by the thread that iterates the trainer), so the
run continues from it exactly as it did the first time: same weights, same shuffle order, same
optimizer state.

What is *not* part of a checkpoint: the hyper-parameters (learning rate, optimizer settings,
regularisation).  They are the student's current choice, not history: a step back keeps them.
If the optimizer itself was changed since, its state cannot be put back and starts fresh (as
switching the optimizer does anyway).

Every array is a read-only copy, so one checkpoint can be shared by two undo entries (the state
after one step is the state before the next) and read from any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def frozen_copy(a: np.ndarray) -> np.ndarray:
    """A read-only copy of ``a``."""
    out = np.array(a, copy=True)
    out.setflags(write=False)
    return out


@dataclass(frozen=True, eq=False)
class TrainerCheckpoint:
    """The state a trainer's next step starts from (every array read-only)."""

    params: np.ndarray
    optimizer: str  # the optimizer's name (its state applies only to the same optimizer)
    optimizer_t: int  # updates the optimizer has applied (Adam's bias correction)
    optimizer_state: tuple[tuple[str, np.ndarray], ...]
    epoch: int
    position: int  # samples done in the current epoch
    samples_seen: int
    updates: int
    seconds: float
    epoch_loss: float  # sums of the current epoch so far (its running loss and accuracy)
    epoch_correct: int
    best: tuple  # early stopping: (val loss, params or None, epochs since, best epoch)

    @property
    def nbytes(self) -> int:
        """Bytes of the arrays held (the history's memory bound counts these)."""
        n = self.params.nbytes + sum(v.nbytes for _, v in self.optimizer_state)
        best_params = self.best[1] if len(self.best) > 1 else None
        return n + (best_params.nbytes if isinstance(best_params, np.ndarray) else 0)

    def same_as(self, other: TrainerCheckpoint | None) -> bool:
        """True when ``other`` is the same state (then one object serves both)."""
        if other is None:
            return False
        if other is self:
            return True
        counters = (self.optimizer, self.optimizer_t, self.epoch, self.position,
                    self.samples_seen, self.updates)
        if counters != (other.optimizer, other.optimizer_t, other.epoch, other.position,
                        other.samples_seen, other.updates):
            return False
        if self.params.shape != other.params.shape \
                or not np.array_equal(self.params, other.params):
            return False
        mine, theirs = dict(self.optimizer_state), dict(other.optimizer_state)
        return mine.keys() == theirs.keys() and all(
            np.array_equal(v, theirs[k]) for k, v in mine.items())
