"""The edits a :class:`~nnviz.core.trainer.Trainer` accepts between steps.

The GUI changes a run while it trains: learning rate, optimizer, regularisation, batch size,
weights, reset.  Each edit here is made by the thread that iterates the trainer, between two
steps; another thread hands one over with :meth:`TrainerEdits.submit` and the trainer applies it
before its next step, so no array is ever changed while a step runs.
"""

from __future__ import annotations

import queue

from nnviz.core.optimizers import make_optimizer
from nnviz.core.trainer_fields import TrainerFields


class TrainerEdits(TrainerFields):
    """Mixin of :class:`~nnviz.core.trainer.Trainer`: the edits allowed between steps.

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

    def resume_at(self, epoch: int, samples_seen: int) -> None:
        """Continue a restored run's counters (and its epoch's shuffle order)."""
        self.epoch, self.samples_seen = int(epoch), int(samples_seen)
        self._order = self._make_order(self.epoch)

