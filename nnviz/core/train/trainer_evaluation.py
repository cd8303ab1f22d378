"""How a :class:`~nnviz.core.train.trainer.Trainer` measures its run between steps.

An evaluation point (:class:`EvalPoint`) holds the training, test and validation loss and
accuracy at one moment.  After each one the trainer asks two questions:

- early stopping: has the validation loss failed to improve for ``spec.early_stopping`` epochs?
  Then the best epoch's weights come back;
- divergence with a finite loss (:class:`~nnviz.core.train.divergence.DivergenceWatch`): did the
  loss explode, or is the accuracy no better than guessing while the loss got worse?  Then the
  weights go back to those of the last evaluation that looked sound.
"""

from __future__ import annotations

import math

from nnviz.core.nn.backprop import evaluate
from nnviz.core.train.trainer_fields import TrainerFields
from nnviz.core.train.trainer_types import EvalPoint


class TrainerEvaluation(TrainerFields):
    """Mixin of :class:`~nnviz.core.train.trainer.Trainer`: evaluation points and their checks.

    Uses the trainer's ``net``, ``data``, ``val``, ``spec``, ``epoch``, ``position``,
    ``samples_seen``, ``updates``, ``_epoch_loss``, ``_epoch_correct``, ``_optimizer``, ``_best``,
    ``_watch``, ``_sound``, ``_finished_epoch`` and ``_start_epoch()``.
    """

    def _end_epoch(self, evals: list, last_epoch: int):
        """Evaluate the finished epoch, watch for divergence, early-stop; (status, msg, why)."""
        self.epoch += 1
        evals.append(self._evaluate(full_train=True))
        self._finished_epoch = (self._epoch_loss, self._epoch_correct, self.position)
        self.position = 0
        self._epoch_loss, self._epoch_correct = 0.0, 0
        status, message = "running", ""
        why = self._sound_check(evals[-1])
        if not why:
            if self.epoch >= last_epoch:
                status, message = "finished", "all epochs are done"
            stopped = self._early_stopping(evals[-1])
            if stopped:  # report the weights kept, not the ones thrown away
                evals.append(self._evaluate(full_train=True))
                status, message = "early-stopped", stopped
        self._start_epoch()
        return status, message, why

    def _evaluate(self, full_train: bool) -> EvalPoint:
        d = self.data
        loss = self.spec.loss
        if full_train:
            tl, ta = evaluate(self.net, d.X, d.T, d.y, loss)
        elif self.position:
            tl, ta = self._epoch_loss / self.position, self._epoch_correct / self.position
        else:
            tl, ta = evaluate(self.net, d.X, d.T, d.y, loss)
        vl, va = evaluate(self.net, d.X_test, d.T_test, d.y_test, loss)
        epoch = self.epoch + (self.position / self.n_train if not full_train else 0.0)
        hl, ha = math.nan, math.nan
        if self.val is not None:
            hl, ha = evaluate(self.net, *self.val, loss)
        return EvalPoint(self.samples_seen, epoch, tl, ta, vl, va, hl, ha, self._optimizer.lr)

    def _early_stopping(self, point: EvalPoint) -> str:
        """Track the best validation loss; past the patience, restore the best weights."""
        patience = self.spec.early_stopping
        if not patience or self.val is None or not math.isfinite(point.val_loss):
            return ""
        best, params, since, best_epoch = self._best
        if point.val_loss < best:
            self._best = (point.val_loss, self.net.params.copy(), 0, self.epoch)
            return ""
        since += 1
        self._best = (best, params, since, best_epoch)
        if since < patience:
            return ""
        self.net.params[...] = params
        return (f"early stopping: the validation loss has not improved for {patience} epochs; "
                f"the weights are back to those of epoch {best_epoch} (validation loss "
                f"{best:.4g})")

    def _sound_check(self, point: EvalPoint):
        """None if the run has not diverged, else (message, weights to go back to)."""
        use_test = math.isfinite(point.test_loss)
        loss, acc = (point.test_loss, point.test_acc) if use_test else (point.train_loss,
                                                                          point.train_acc)
        sound, why = self._watch.check(point.samples_seen, self.updates, loss, acc)
        if sound:
            self._sound = (point.samples_seen, self.net.params.copy())
        if not why:
            return None
        # no sound evaluation yet: back to the weights the run started from
        seen, params = self._sound if self._sound is not None else (0, self.initial_params)
        return (f"{why} The learning rate {self.spec.lr:g} is probably too high for this "
                f"network: try one about 10 times smaller. The weights are back to those of "
                f"the last sound evaluation (after {seen} samples)."), params

    def _nan_message(self) -> str:
        return (f"The loss became NaN or infinite during epoch {self.epoch + 1} "
                f"(after {self.samples_seen} samples). The learning rate {self.spec.lr:g} is "
                f"probably too high for this network: try one about 10 times smaller. The "
                f"weights are back to their last good values (before this step).")
