"""Moments of the run brought back: a saved run restored, a training step undone or redone.

:class:`RunMoments` is mixed into :class:`~nnviz.ui.model.training_run.TrainingRun`.  Both put
the counters, the curves and the last snapshot of another moment on screen; a step undone or
redone (:mod:`nnviz.ui.model.step_history`) also puts the trainer's copy back to that moment's
checkpoint, so training continues from it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.core.train.history import EvalHistory


class RunMoments:
    """Needs the run's ``model``, ``jobs``, ``trainer``, ``stop()``, counters and signals."""

    model: Any
    jobs: Any
    spec: Any
    evals: EvalHistory
    epoch: int
    samples_seen: int
    last: Any
    last_good: np.ndarray | None
    run_reset: Any
    snapshot_shown: Any
    hyper_changed: Any
    _resume_at: tuple[int, int] | None
    _resume_from: Any
    state_now: Any

    @property
    def trainer(self) -> Any:
        raise NotImplementedError

    def stop(self, hide: bool = False) -> None:
        raise NotImplementedError

    def set_play_settings(self, **settings: Any) -> None:
        raise NotImplementedError

    def restore_progress(self, spec: Any, evals: list, epoch: int, samples_seen: int,
                         settings: dict, snapshot: Any) -> None:
        """A saved run comes back: its hyper-parameters, run settings, curves and counters.

        The next trainer continues from ``epoch``/``samples_seen``.
        """
        if spec is not None and self.spec is not None:
            self.spec = spec
        self.set_play_settings(**settings)
        self.hyper_changed.emit()
        self._resume_at = (int(epoch), int(samples_seen))
        self._show_moment(snapshot, EvalHistory(evals), epoch, samples_seen)

    def go_to_moment(self, moment: Any) -> None:
        """An earlier (undo) or later (redo) moment of this run (``step_history.Moment``).

        Running jobs stop and their results are not shown; the trainer's copy is put back to
        the moment's checkpoint on its own thread after them (or when the next trainer is
        built), so the next step continues from exactly this state.
        """
        cp = moment.checkpoint
        self.stop(hide=True)
        self.state_now = cp
        if self.trainer is not None:
            self.jobs.restore(cp)
        else:
            self._resume_from = cp
        self._resume_at = None
        self.last_good = np.array(cp.params)
        self.model.show_trained_params(cp.params)
        self.run_reset.emit()  # the curves are drawn again from the moment's points
        self._show_moment(moment.shown_snapshot(), moment.evals(), moment.epoch,
                          moment.samples_seen)

    def _show_moment(self, snapshot: Any, evals: Any, epoch: int, samples_seen: int) -> None:
        self.evals = evals
        self.epoch, self.samples_seen = int(epoch), int(samples_seen)
        self.last = snapshot
        if snapshot is not None:
            self.snapshot_shown.emit(snapshot)  # curves and counters follow
