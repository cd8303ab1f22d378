"""The current lesson's training run: one trainer, one worker thread, its jobs, its counters.

Owned by :class:`~nnviz.ui.model.lesson_model.LessonModel` (``model.run``).  The trainer
trains its *own copy* of the shown network in a :class:`TrainingWorker` on a QThread and hands
back immutable snapshots; the run passes each snapshot's weights to
``model.show_trained_params`` — the GUI's weights change only in the model.  Edits made while
a run exists (learning rate, optimizer, batch size, weights typed in the editor) reach the
trainer through ``Trainer.submit`` and apply before its next step.

Reset goes back to the run's start: its initial weights *and* the hyper-parameters it started
with (a learning rate changed mid-run is part of the run, not of the lesson).

Signals
-------
run_reset()               a new run or a reset: counters at 0, curves empty
snapshot_shown(object)    a Snapshot is on screen
busy_changed(bool)        a job (play or a step) started / all jobs ended
playing_changed(bool)     play started / stopped
hyper_changed()           the hyper-parameters (``spec``) or the run settings changed
diverged(str)             the loss became NaN/inf: the message (the weights are the last good ones)
run_finished(object)      a play ended by itself (finished, converged, early stop): last Snapshot
early_stopped(object)     early stopping ended the run (best weights restored): the Snapshot
status_posted(str)        a note for the status bar
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal

from nnviz.core.train.history import EvalHistory
from nnviz.ui.model.run_jobs import RunJobs
from nnviz.ui.model.run_moments import RunMoments
from nnviz.ui.model.spec_checks import changed_spec, clamp_batch

#: a play's snapshot interval meaning "only at the end"
END = 10**9
#: run settings a saved session restores (and their checks)
RUN_SETTINGS = ("play_unit", "every", "delay", "until_epoch", "until_accuracy")


class TrainingRun(RunMoments, QObject):
    run_reset = Signal()
    snapshot_shown = Signal(object)
    busy_changed = Signal(bool)
    playing_changed = Signal(bool)
    hyper_changed = Signal()
    diverged = Signal(str)
    run_finished = Signal(object)
    early_stopped = Signal(object)
    status_posted = Signal(str)

    def __init__(self, model: Any) -> None:
        super().__init__(model)
        self.model = model
        self.preset: Any = None
        self.spec: Any = None  # TrainSpec of the next steps
        self.start_spec: Any = None  # the TrainSpec the run started with (reset restores it)
        self.jobs = RunJobs(self)
        self.initial_params: np.ndarray | None = None  # the run's initial weights (GUI copy)
        self.last: Any = None  # the last Snapshot shown
        self.last_good: np.ndarray | None = None  # weights of the last finite snapshot
        self.evals = EvalHistory()  # the run's EvalPoints (bounded: thinned further back)
        self.epoch = 0
        self.samples_seen = 0
        self.play_unit = "epoch"
        self.every = 1
        self.delay = 0.0
        self.until_epoch: int | None = None  # None: the spec's epochs
        self.until_accuracy: float | None = None
        self._resume_at: tuple[int, int] | None = None  # (epoch, samples) of a restored run
        self._resume_from: Any = None  # a TrainerCheckpoint (undo/redo) for the next trainer
        #: the trainer's state the next step starts from, as last reported (a TrainerCheckpoint;
        #: None: a fresh optimizer) — the explained step shows momentum/Adam with this state
        self.state_now: Any = None

    # -- state ----------------------------------------------------------------------------
    @property
    def trainer(self) -> Any:
        return self.jobs.trainer

    @property
    def trainable(self) -> bool:
        p = self.preset
        return p is not None and p.training is not None and p.trainer in ("perceptron",
                                                                          "backprop")

    @property
    def kind(self) -> str:
        """"perceptron", "backprop" or "" (nothing to train): the preset's trainer."""
        return self.preset.trainer if self.trainable else ""

    @property
    def busy(self) -> bool:
        return self.jobs.busy

    @property
    def playing(self) -> bool:
        return self.jobs.playing

    @property
    def n_train(self) -> int:
        return self.trainer.n_train if self.trainer is not None else 0

    @property
    def last_epoch(self) -> int:
        return self.spec.epochs if self.until_epoch is None else self.until_epoch

    def set_preset(self, preset: Any) -> None:
        """A new lesson: drop the old run, take the lesson's hyper-parameters and view hints."""
        self.discard()
        self.preset = preset
        self.spec = preset.training if self.trainable else None
        v = preset.view
        self.play_unit = v.get("unit", "epoch")
        self.every = int(v.get("every", 1))
        self.delay = float(v.get("delay", 0.2 if self.play_unit == "sample" else 0.0))
        self.until_epoch = None
        acc = v.get("stop_at_accuracy")
        self.until_accuracy = None if acc is None else float(acc)
        self._clear_run()
        self.hyper_changed.emit()

    def set_play_settings(self, **settings: Any) -> None:
        """How the next play runs: ``play_unit``, ``every``, ``delay``, ``until_epoch``,
        ``until_accuracy`` (the run controls; a restored session)."""
        for key, value in settings.items():
            if key not in RUN_SETTINGS:
                raise KeyError(key)
            setattr(self, key, value)

    def _clear_run(self) -> None:
        self.last = None
        self.evals = EvalHistory()
        self.epoch = self.samples_seen = 0
        self.start_spec = None
        self._resume_at = self._resume_from = self.state_now = None
        self.run_reset.emit()

    # -- the trainer ----------------------------------------------------------------------
    def ensure_trainer(self) -> bool:
        """Build the trainer (and start its thread) if needed; False with a message if not."""
        if self.trainer is not None:
            return True
        net = self.model.network
        if not self.trainable or net is None:
            self.status_posted.emit(self.tr("This lesson has nothing to train."))
            return False
        data = self.model.train_data()
        if data is None:
            self.status_posted.emit(self.model.data_error
                                    or self.tr("The lesson's data is not loaded yet."))
            return False
        overrides = {f.name: getattr(self.spec, f.name) for f in fields(self.spec)}
        overrides["batch_size"] = clamp_batch(self, self.spec.batch_size, len(data.X))
        try:
            trainer = self.preset.make_trainer(data, net=net.astype(self.spec.dtype),
                                               **overrides)
        except ValueError as exc:
            self.status_posted.emit(self.tr("Cannot train this network: {e}").format(e=exc))
            return False
        if self._resume_from is not None:  # a step undone or redone while no trainer existed
            trainer.restore_checkpoint(self._resume_from)
        elif self._resume_at:
            trainer.resume_at(*self._resume_at)
        self._resume_at = self._resume_from = None
        self.initial_params = trainer.initial_params.copy()
        self.last_good = self.initial_params
        self.jobs.start(trainer)
        return True

    def discard(self) -> None:
        """Stop the worker, join its thread and forget the trainer (lesson switch, new net)."""
        had_run = self.trainer is not None
        self.jobs.stop_thread()
        self.initial_params = self.last_good = self._resume_from = self.state_now = None
        if had_run:
            self._clear_run()  # the run is gone with its trainer

    shutdown = discard

    # -- run controls ---------------------------------------------------------------------
    def _submit(self, **job: Any) -> int:
        if self.start_spec is None:
            self.start_spec = self.spec  # the run starts with these hyper-parameters
        return self.jobs.submit(until_epoch=self.last_epoch,
                                until_accuracy=self.until_accuracy, **job)

    def play(self) -> bool:
        if self.playing or not self.ensure_trainer():
            return False
        if self.epoch >= self.last_epoch:
            self.status_posted.emit(self.tr("All {n} epochs are done: raise the number of "
                                            "epochs or reset.").format(n=self.last_epoch))
            return False
        every = END if self.every <= 0 else self.every
        self.jobs.play_serial = self._submit(unit=self.play_unit, every=every,
                                             delay=self.delay)
        self.playing_changed.emit(True)
        self.status_posted.emit(self.tr("Training …"))
        return True

    def pause(self) -> None:
        """Stop the running play after its current step."""
        self.jobs.pause()

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def step(self, unit: str) -> bool:
        """Train one sample, batch or epoch (in the worker); pauses a running play first."""
        if not self.ensure_trainer():
            return False
        if self.playing:
            self.pause()
        if self.jobs.queued > 2:  # key auto-repeat faster than training: drop
            return False
        self._submit(unit=unit, single=True)
        return True

    def stop(self, hide: bool = False) -> None:
        """Cancel every queued and running job (``hide``: and do not show what they did)."""
        self.jobs.cancel_all(hide)

    def reset(self) -> None:
        """Back to this run's start: its initial weights and its starting hyper-parameters."""
        start = self.start_spec
        if start is not None and start != self.spec:
            self.spec = start  # a rate (or optimizer …) changed mid-run is undone too
            self._restart()
            self.status_posted.emit(self.tr("Reset to the initial weights"))
            return
        if self.trainer is None:
            if self.initial_params is not None:
                self.model.show_trained_params(self.initial_params)
            self._clear_run()
            return
        self.stop(hide=True)
        self.trainer.submit(lambda t: t.reset())
        self.last_good = self.initial_params
        self.model.show_trained_params(self.initial_params)
        self._clear_run()
        self.status_posted.emit(self.tr("Reset to the initial weights"))

    def new_init(self, seed: int | None = None) -> int:
        """New random initial weights (seeded; default: the next seed) and a reset."""
        seed = self.model.network.spec.seed + 1 if seed is None else int(seed)
        dtype = self.spec.dtype if self.spec is not None else "float64"
        self.stop(hide=True)
        if self.trainer is not None:
            self.trainer.submit(lambda t: t.reinitialize(seed))
        self.initial_params = self.model.reinitialize(seed, dtype)
        self.last_good = self.initial_params
        self._clear_run()
        self.hyper_changed.emit()
        self.status_posted.emit(self.tr("New random initial weights (seed {s})").format(s=seed))
        return seed

    def params_edited(self, params: np.ndarray) -> None:
        """Weights typed by the user (or undone): train from them."""
        if self.trainer is not None:
            p = np.array(params, dtype=self.trainer.net.dtype)
            self.jobs.set_params(p)
            self.last_good = p

    def restore_last_good(self) -> None:
        """After a divergence: the last good weights, learning rate ten times smaller."""
        if self.last_good is None:
            return
        good = np.array(self.last_good)
        self.jobs.set_params(good)
        self.model.show_trained_params(good)
        if self.spec is not None:
            self.set_lr(self.spec.lr / 10)
        self.status_posted.emit(self.tr("Back to the last good weights; learning rate {lr:g}")
                                .format(lr=self.spec.lr if self.spec else 0))

    # -- hyper-parameters -----------------------------------------------------------------
    def _change(self, changes: dict, trainer_edit: Any = None, restart: bool = False) -> bool:
        """Apply ``changes`` to the spec (checked); the trainer gets ``trainer_edit`` before its
        next step, or a new run starts (``restart``).  False when nothing changed or refused."""
        if self.spec is None:
            return False
        spec = changed_spec(self, **changes)
        if spec is None or spec == self.spec:
            return False
        self.spec = spec
        if restart:
            self._restart()
            return True
        if self.trainer is not None and trainer_edit is not None:
            self.trainer.submit(trainer_edit)
        self.hyper_changed.emit()
        return True

    def set_lr(self, lr: float) -> None:
        lr = float(lr)
        self._change({"lr": lr}, lambda t: t.set_lr(lr))

    def set_optimizer(self, name: str, lr: float | None = None, **hyper: float) -> None:
        from nnviz.core.nn.spec import OPTIMIZER_DEFAULTS

        lr = OPTIMIZER_DEFAULTS[name]["lr"] if lr is None else float(lr)
        self._change({"optimizer": name, "lr": lr, "params": dict(hyper)},
                     lambda t: t.set_optimizer(name, lr, **hyper))

    def set_optimizer_param(self, key: str, value: float) -> None:
        if self.spec is None:
            return
        value = float(value)
        self._change({"params": {**self.spec.params, key: value}},
                     lambda t: t.set_hyper(**{key: value}))

    def set_batch_size(self, n: int) -> None:
        if self.spec is None or int(n) == self.spec.batch_size:
            return
        n = clamp_batch(self, int(n))
        self._change({"batch_size": n}, lambda t: t.set_batch_size(n))

    def set_epochs(self, n: int) -> None:
        self._change({"epochs": int(n)})

    def set_loss(self, loss: str) -> None:
        """A new loss starts a new run from this run's initial weights."""
        self._change({"loss": loss}, restart=True)

    def set_regularisation(self, **changes: Any) -> None:
        """L1, L2, dropout, schedule (+ params), augmentation or patience: next step, no reset."""
        if self.spec is None or self.kind != "backprop":
            return
        changes = {k: v for k, v in changes.items() if getattr(self.spec, k) != v}
        if changes:
            self._change(changes, lambda t: t.set_regularisation(**changes))

    def set_validation(self, split: float, patience: int) -> None:
        """Early stopping; a new validation split changes the training set: a new run."""
        if self.spec is None or self.kind != "backprop":
            return
        split, patience = float(split), int(patience)
        if split == self.spec.validation_split:
            self.set_regularisation(early_stopping=patience)
        elif self._change({"validation_split": split, "early_stopping": patience},
                          restart=True):
            self.status_posted.emit(self.tr("New validation split: the run starts again"))

    def set_network(self, spec: Any) -> None:
        """A new architecture, activation, init or seed: new weights, new run."""
        from nnviz.core.nn.network import Network

        self.discard()
        self.model.replace_network(Network.from_spec(spec, dtype="float64"))
        self._clear_run()
        self.hyper_changed.emit()

    def _restart(self) -> None:
        init = self.initial_params
        self.discard()
        if init is not None:
            self.model.show_trained_params(init)
        self._clear_run()
        self.hyper_changed.emit()

    def hyper(self) -> dict:
        """The run's hyper-parameters (legend of a kept run)."""
        s = self.spec
        if s is None:
            return {}
        out = {"optimizer": s.optimizer, "lr": s.lr, "batch_size": s.batch_size,
               "loss": s.loss, "seed": self.model.network.spec.seed}
        out.update(s.optimizer_params())
        return out

    # -- snapshots (GUI thread, from RunJobs) ---------------------------------------------
    def show_snapshot(self, snap: Any) -> None:
        self.last = snap
        self.epoch, self.samples_seen = snap.epoch, snap.samples_seen
        self.evals.extend_points(snap.evals)
        self.last_good = snap.params  # finite always: a diverged step is undone by the trainer
        self.model.show_trained_params(snap.params)
        self.snapshot_shown.emit(snap)
