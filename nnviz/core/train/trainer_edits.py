"""The edits a :class:`~nnviz.core.train.trainer.Trainer` accepts between steps.

The GUI changes a run while it trains: learning rate, optimizer, regularisation, batch size,
weights, reset.  Each edit here is made by the thread that iterates the trainer, between two
steps; another thread hands one over with :meth:`TrainerEdits.submit` and the trainer applies it
before its next step, so no array is ever changed while a step runs.
"""

from __future__ import annotations

import queue

import numpy as np

from nnviz.core.nn.optimizers import make_optimizer
from nnviz.core.train.trainer_checkpoint import TrainerCheckpoint, frozen_copy
from nnviz.core.train.trainer_fields import TrainerFields


class TrainerEdits(TrainerFields):
    """Mixin of :class:`~nnviz.core.train.trainer.Trainer`: the edits allowed between steps.

    Uses the trainer's ``net``, ``spec``, ``_optimizer``, ``_engines``, ``_edits``, ``_stop``,
    ``_watch``, ``scheduled_lr()`` and ``_reset_state()``.
    """

    def submit(self, edit) -> None:
        """Queue ``edit(trainer)`` to run before the next step (safe from any thread)."""
        self._edits.put(edit)

    def request_stop(self) -> None:
        """Ask a running :meth:`run` to stop after the current step (any thread)."""
        self._stop.set()

    def _apply_edits(self):
        while True:
            try:
                edit = self._edits.get_nowait()
            except queue.Empty:
                return
            edit(self)

    def set_lr(self, lr: float) -> None:
        self.spec = self.spec.with_changes(lr=float(lr))
        self._optimizer.set_hyper(lr=self.scheduled_lr())

    def set_regularisation(self, **changes) -> None:
        """Change l1, l2, dropout, schedule, schedule_params, augment or early_stopping."""
        allowed = {"l1", "l2", "dropout", "schedule", "schedule_params", "augment",
                   "early_stopping"}
        bad = set(changes) - allowed
        if bad:
            raise ValueError(f"cannot change {sorted(bad)} between steps")
        self.spec = self.spec.with_changes(**changes)
        self._engines = {k: v for k, v in self._engines.items() if k[0] == "sample"}
        self._optimizer.set_hyper(lr=self.scheduled_lr())
        if "augment" in changes:
            self._epoch_X = None  # re-augmented with the new settings at the next step

    def set_optimizer(self, name: str, lr: float | None = None, **hyper) -> None:
        """Switch optimizer between steps (its state starts fresh; the weights stay)."""
        lr = self.spec.lr if lr is None else lr
        self.spec = self.spec.with_changes(optimizer=name, lr=float(lr), params=dict(hyper))
        self._optimizer = make_optimizer(name, self.net.params.size, self.scheduled_lr(),
                                         self.net.dtype, **self.spec.optimizer_params())

    def set_hyper(self, **hyper) -> None:
        params = dict(self.spec.params)
        params.update(hyper)
        self.spec = self.spec.with_changes(params=params)
        self._optimizer.set_hyper(**hyper)

    def set_batch_size(self, batch_size: int) -> None:
        self.spec = self.spec.with_changes(batch_size=int(batch_size))

    def set_params(self, params) -> None:
        self.net.set_params(params)
        self._weights_edited()

    def set_layer(self, layer: int, W=None, b=None) -> None:
        self.net.set_layer(layer, W, b)
        self._weights_edited()

    def _weights_edited(self) -> None:
        self._last_good = self.net.params.copy()
        self._watch.forget_reference()  # compare later evaluations with the edited weights

    def reset(self) -> None:
        """Back to the initial weights of this run; counters and optimizer state cleared."""
        self.net.params[...] = self.initial_params
        self._reset_state()

    def reinitialize(self, seed: int) -> None:
        """New random initial weights (deterministic for ``seed``), then reset."""
        self.net.reinitialize(seed)
        self.initial_params = self.net.params.copy()
        self._reset_state()

    def checkpoint(self, apply_edits: bool = True) -> TrainerCheckpoint:
        """The state the next step starts from (see :mod:`nnviz.core.train.trainer_checkpoint`).

        ``apply_edits``: apply the edits already submitted first (a weight typed before the
        step belongs to the state before it), as the next step would.
        """
        if apply_edits:
            self._apply_edits()
        opt = self._optimizer
        return TrainerCheckpoint(
            params=frozen_copy(self.net.params), optimizer=opt.name, optimizer_t=int(opt.t),
            optimizer_state=tuple((k, frozen_copy(v)) for k, v in sorted(opt.state.items())),
            epoch=int(self.epoch), position=int(self.position),
            samples_seen=int(self.samples_seen), updates=int(self.updates),
            seconds=float(self.seconds), epoch_loss=float(self._epoch_loss),
            epoch_correct=int(self._epoch_correct), best=tuple(self._best))

    def restore_checkpoint(self, cp: TrainerCheckpoint, apply_edits: bool = True) -> bool:
        """Put ``cp`` back: the next step continues exactly as it did after ``cp`` was taken.

        ``apply_edits``: apply the edits submitted so far first (they happened before this
        restore; False when the restore is itself one of the queued edits).  The
        hyper-parameters stay the current ones.  Returns False when the optimizer was changed
        since ``cp`` (its state then starts fresh; the weights and counters are restored).
        """
        if apply_edits:
            self._apply_edits()
        if cp.params.shape != self.net.params.shape:
            raise ValueError("the checkpoint belongs to another network")
        self.net.params[...] = cp.params
        self.epoch, self.position = cp.epoch, cp.position
        self.samples_seen, self.updates, self.seconds = cp.samples_seen, cp.updates, cp.seconds
        self._epoch_loss, self._epoch_correct = cp.epoch_loss, cp.epoch_correct
        self._best = cp.best
        self._finished_epoch = None
        self._order = self._make_order(self.epoch)
        self._epoch_X = None  # this epoch's (augmented) inputs are made again
        opt = self._optimizer
        same = opt.name == cp.optimizer and all(
            k in opt.state and opt.state[k].shape == v.shape for k, v in cp.optimizer_state)
        if same:
            opt.t = cp.optimizer_t
            for k, v in cp.optimizer_state:
                opt.state[k][...] = v
        else:
            opt.t = 0
            for v in opt.state.values():
                v[...] = np.zeros_like(v)
        opt.set_hyper(lr=self.scheduled_lr())
        self._last_good = self.net.params.copy()
        self._watch.forget_reference()
        self._sound = None
        return same

    def resume_at(self, epoch: int, samples_seen: int) -> None:
        """Continue a restored run's counters (and its epoch's shuffle order)."""
        self.epoch, self.samples_seen = int(epoch), int(samples_seen)
        self._order = self._make_order(self.epoch)

