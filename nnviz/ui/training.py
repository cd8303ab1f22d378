"""The training session of the current lesson: one trainer, one worker thread, the live view.

The session builds the core's trainer for the lesson (from the network on screen, so weights
edited by hand are trained from), runs it in a :class:`~nnviz.ui.worker.TrainingWorker` in a
QThread and hands every snapshot to the controller (``Controller.show_params``), so the canvas,
weight tables, inspector, outputs and decision boundary follow the training.  Edits made while a
run exists (learning rate, optimizer, batch size, weights typed in the editor, reset) reach the
trainer through ``Trainer.submit`` and apply before its next step.

Signals
-------
run_reset()               a new run or a reset: counters at 0, curves empty
snapshot_shown(object)    a Snapshot is on screen
busy_changed(bool)        a job (play or a step) started / all jobs ended
playing_changed(bool)     play started / stopped
hyper_changed()           the hyper-parameters (``spec``) changed
diverged(str)             the loss became NaN/inf: the message (the weights are the last good ones)
run_finished(object)      a play ended by itself (finished, converged, early stop): last Snapshot
early_stopped(object)     early stopping ended the run (best weights restored): the Snapshot
message(str)              a note for the status bar
"""

from __future__ import annotations

import gc
from dataclasses import fields

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from nnviz.core.history import EvalHistory
from nnviz.ui.formatting import count
from nnviz.ui.guards import changed_spec, clamp_batch
from nnviz.ui.session import apply_resume_counters
from nnviz.ui.worker import Job, TrainingWorker

#: How long closing the window or switching lessons waits for the worker (it stops between
#: steps; one MNIST epoch step is the longest, about a second).
JOIN_MS = 10_000
END = 10**9  # "only at the end": snapshots every END units



class TrainingSession(QObject):
    _job_requested = Signal(object)

    run_reset = Signal()
    snapshot_shown = Signal(object)
    busy_changed = Signal(bool)
    playing_changed = Signal(bool)
    hyper_changed = Signal()
    diverged = Signal(str)
    run_finished = Signal(object)
    early_stopped = Signal(object)
    message = Signal(str)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self.preset = None
        self.spec = None  # TrainSpec of the next steps
        self.trainer = None
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._serial = 0
        self._play_serial = 0  # serial of the running play job (0: none)
        self._in_flight: set[int] = set()
        self._hidden_upto = 0  # results of jobs up to this serial are not shown (reset)
        self.initial_params = None  # the run's initial weights (GUI copy)
        self.last = None  # the last Snapshot shown
        self.last_good = None  # weights of the last finite snapshot
        self.evals = EvalHistory()  # the run's EvalPoints (bounded: thinned further back)
        self.epoch = 0
        self.samples_seen = 0
        # run settings (the run controls change them)
        self.play_unit = "epoch"
        self.every = 1
        self.delay = 0.0
        self.until_epoch: int | None = None  # None: the spec's epochs
        self.until_accuracy: float | None = None
        self.resume_counters = None  # (epoch, samples) a restored run continues from

    # -- state ----------------------------------------------------------------------------
    @property
    def trainable(self) -> bool:
        p = self.preset
        return p is not None and p.training is not None and p.trainer in ("perceptron",
                                                                          "backprop")

    @property
    def kind(self) -> str:
        """"perceptron", "mlp" or "" (nothing to train)."""
        if not self.trainable:
            return ""
        return "perceptron" if self.preset.trainer == "perceptron" else "mlp"

    @property
    def busy(self) -> bool:
        return bool(self._in_flight)

    @property
    def playing(self) -> bool:
        return self._play_serial > 0

    @property
    def n_train(self) -> int:
        return self.trainer.n_train if self.trainer is not None else 0

    @property
    def last_epoch(self) -> int:
        return self.spec.epochs if self.until_epoch is None else self.until_epoch

    def set_preset(self, preset) -> None:
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

    def _clear_run(self) -> None:
        self.last = None
        self.evals = EvalHistory()
        self.epoch = self.samples_seen = 0
        self.resume_counters = None
        self.run_reset.emit()

    # -- the trainer and its thread -------------------------------------------------------
    def ensure_trainer(self) -> bool:
        """Build the trainer (and start its thread) if needed; False with a message if not."""
        if self.trainer is not None:
            return True
        if not self.trainable or self.c.network is None:
            self.message.emit(self.tr("This lesson has nothing to train."))
            return False
        data = self.c.train_data()
        if data is None:
            self.message.emit(self.c.data_error or self.tr("The lesson's data is not loaded yet."))
            return False
        overrides = {f.name: getattr(self.spec, f.name) for f in fields(self.spec)}
        overrides["batch_size"] = clamp_batch(self, self.spec.batch_size, len(data.X))
        try:
            net = self.c.network.astype(self.spec.dtype)
            self.trainer = self.preset.make_trainer(data, net=net, **overrides)
        except ValueError as exc:
            self.message.emit(self.tr("Cannot train this network: {e}").format(e=exc))
            return False
        if self.resume_counters:
            apply_resume_counters(self, self.trainer)
        self.initial_params = self.trainer.initial_params.copy()
        self.last_good = self.initial_params
        self._worker = TrainingWorker(self.trainer)
        self._thread = QThread()
        self._thread.setObjectName("nnviz-training")
        self._worker.moveToThread(self._thread)
        self._job_requested.connect(self._worker.run_job)
        self._worker.snapshot_ready.connect(self._on_worker_snapshot_ready)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.failed.connect(self._on_worker_failed)
        self._worker.status.connect(self.message)
        # Free garbage cycles here, on the GUI thread: a collection started by the worker's
        # allocations (compiling kernels allocates a lot) would destroy any Qt widgets in them
        # on the training thread, which deadlocks PySide against the GUI thread.
        gc.collect()
        self._thread.start()
        return True

    def discard(self) -> None:
        """Stop the worker, join its thread and forget the trainer (lesson switch, new net)."""
        if self._thread is not None:
            self._worker.cancel(self._serial)
            self._thread.quit()
            if not self._thread.wait(JOIN_MS):
                self.message.emit(self.tr("The training thread did not stop in time."))
            self._job_requested.disconnect(self._worker.run_job)
            self._worker.snapshot_ready.disconnect(self._on_worker_snapshot_ready)
            self._worker.finished.disconnect(self._on_worker_finished)
            self._worker.failed.disconnect(self._on_worker_failed)
            self._worker.status.disconnect(self.message)
        was_busy, was_playing, had_run = self.busy, self.playing, self.trainer is not None
        self._thread = self._worker = self.trainer = None
        self.initial_params = self.last_good = None
        self._in_flight.clear()
        self._play_serial = 0
        if was_playing:
            self.playing_changed.emit(False)
        if was_busy:
            self.busy_changed.emit(False)
        if had_run:
            self._clear_run()  # the run is gone with its trainer

    shutdown = discard

    def _submit_job(self, **kw) -> int:
        self._serial += 1
        job = Job(self._serial, until_epoch=self.last_epoch,
                  until_accuracy=self.until_accuracy, **kw)
        was_busy = self.busy
        self._in_flight.add(job.serial)
        self._job_requested.emit(job)
        if not was_busy:
            self.busy_changed.emit(True)
        return job.serial

    # -- run controls ---------------------------------------------------------------------
    def play(self) -> bool:
        if self.playing or not self.ensure_trainer():
            return False
        if self.epoch >= self.last_epoch:
            self.message.emit(self.tr("All {n} epochs are done: raise the number of epochs or "
                                  "reset.").format(n=self.last_epoch))
            return False
        every = END if self.every <= 0 else self.every
        self._play_serial = self._submit_job(unit=self.play_unit, every=every,
                                             delay=self.delay)
        self.playing_changed.emit(True)
        self.message.emit(self.tr("Training …"))
        return True

    def pause(self) -> None:
        """Stop the running play after its current step."""
        if self._worker is not None and self.playing:
            self._worker.cancel(self._play_serial)

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
        if len(self._in_flight) > 2:  # key auto-repeat faster than training: drop
            return False
        self._submit_job(unit=unit, single=True)
        return True

    def stop(self, hide: bool = False) -> None:
        """Cancel every queued and running job (``hide``: and do not show what they did)."""
        if self._worker is not None:
            self._worker.cancel(self._serial)
        if hide:
            self._hidden_upto = self._serial

    def reset(self) -> None:
        """Back to this run's initial weights (the same ones, so runs can be compared)."""
        if self.trainer is None:
            if self.initial_params is not None:
                self.c.show_params(self.initial_params)
            self._clear_run()
            return
        self.stop(hide=True)
        self.trainer.submit(lambda t: t.reset())
        self.last_good = self.initial_params
        self.c.show_params(self.initial_params)
        self._clear_run()
        self.message.emit(self.tr("Reset to the initial weights"))

    def new_init(self, seed: int | None = None) -> int:
        """New random initial weights (seeded; default: the next seed) and a reset."""
        from nnviz.core.network import Network

        seed = self.c.network.spec.seed + 1 if seed is None else int(seed)
        dtype = self.spec.dtype if self.spec is not None else "float64"
        spec = _with_seed(self.c.network.spec, seed)
        net = Network.from_spec(spec, dtype=dtype)
        self.stop(hide=True)
        if self.trainer is not None:
            self.trainer.submit(lambda t: t.reinitialize(seed))
        self.c.network.spec = spec
        self.initial_params = net.params.copy()
        self.last_good = self.initial_params
        self.c.show_params(self.initial_params)
        self._clear_run()
        self.hyper_changed.emit()
        self.message.emit(self.tr("New random initial weights (seed {s})").format(s=seed))
        return seed

    def params_edited(self, params) -> None:
        """Weights typed by the user (or undone): train from them."""
        if self.trainer is not None:
            p = np.array(params, dtype=self.trainer.net.dtype)
            self.trainer.submit(lambda t: t.set_params(p))
            self.last_good = p

    def restore_last_good(self) -> None:
        """After a divergence: the last good weights, learning rate ten times smaller."""
        if self.last_good is None:
            return
        good = np.array(self.last_good)
        if self.trainer is not None:
            self.trainer.submit(lambda t: t.set_params(good))
        self.c.show_params(good)
        if self.spec is not None:
            self.set_lr(self.spec.lr / 10)
        self.message.emit(self.tr("Back to the last good weights; learning rate {lr:g}").format(
            lr=self.spec.lr if self.spec else 0))

    # -- hyper-parameters applied between steps -------------------------------------------
    def set_lr(self, lr: float) -> None:
        lr = float(lr)
        if self.spec is None or lr == self.spec.lr:
            return
        spec = changed_spec(self, lr=lr)
        if spec is None:
            return
        self.spec = spec
        if self.trainer is not None:
            self.trainer.submit(lambda t: t.set_lr(lr))
        self.hyper_changed.emit()

    def set_optimizer(self, name: str, lr: float | None = None, **hyper) -> None:
        from nnviz.core.spec import OPTIMIZER_DEFAULTS

        if self.spec is None:
            return
        lr = OPTIMIZER_DEFAULTS[name]["lr"] if lr is None else float(lr)
        spec = changed_spec(self, optimizer=name, lr=lr, params=dict(hyper))
        if spec is None:
            return
        self.spec = spec
        if self.trainer is not None:
            self.trainer.submit(lambda t: t.set_optimizer(name, lr, **hyper))
        self.hyper_changed.emit()

    def set_optimizer_param(self, key: str, value: float) -> None:
        if self.spec is None:
            return
        params = dict(self.spec.params)
        params[key] = float(value)
        spec = changed_spec(self, params=params)
        if spec is None:
            return
        self.spec = spec
        if self.trainer is not None:
            self.trainer.submit(lambda t: t.set_hyper(**{key: float(value)}))
        self.hyper_changed.emit()

    def set_batch_size(self, n: int) -> None:
        n = int(n)
        if self.spec is None or n == self.spec.batch_size:
            return
        spec = changed_spec(self, batch_size=clamp_batch(self, n))
        if spec is None:
            return
        self.spec, n = spec, spec.batch_size
        if self.trainer is not None:
            self.trainer.submit(lambda t: t.set_batch_size(n))
        self.hyper_changed.emit()

    def set_epochs(self, n: int) -> None:
        if self.spec is None or int(n) == self.spec.epochs:
            return
        spec = changed_spec(self, epochs=int(n))
        if spec is None:
            return
        self.spec = spec
        self.hyper_changed.emit()

    def set_loss(self, loss: str) -> None:
        """A new loss starts a new run from this run's initial weights."""
        if self.spec is None or loss == self.spec.loss:
            return
        spec = changed_spec(self, loss=loss)
        if spec is None:
            return
        self.spec = spec
        self._restart()

    def set_regularisation(self, **changes) -> None:
        """L1, L2, dropout, schedule (+ params), augmentation or patience: next step, no reset."""
        if self.spec is None or self.kind != "mlp":
            return
        changes = {k: v for k, v in changes.items() if getattr(self.spec, k) != v}
        if not changes:
            return
        spec = changed_spec(self, **changes)
        if spec is None:
            return
        self.spec = spec
        if self.trainer is not None:
            self.trainer.submit(lambda t: t.set_regularisation(**changes))
        self.hyper_changed.emit()

    def set_validation(self, split: float, patience: int) -> None:
        """Early stopping; a new validation split changes the training set: a new run."""
        if self.spec is None or self.kind != "mlp":
            return
        split, patience = float(split), int(patience)
        if split == self.spec.validation_split:
            self.set_regularisation(early_stopping=patience)
            return
        spec = changed_spec(self, validation_split=split, early_stopping=patience)
        if spec is None:
            return
        self.spec = spec
        self._restart()
        self.message.emit(self.tr("New validation split: the run starts again"))

    def set_network(self, spec) -> None:
        """A new architecture, activation, init or seed: new weights, new run."""
        from nnviz.core.network import Network

        self.discard()
        self.c.replace_network(Network.from_spec(spec, dtype="float64"))
        self._clear_run()
        self.hyper_changed.emit()

    def _restart(self) -> None:
        init = self.initial_params
        self.discard()
        if init is not None:
            self.c.show_params(init)
        self._clear_run()
        self.hyper_changed.emit()

    # -- worker results (GUI thread) ------------------------------------------------------
    def _show(self, snap) -> None:
        self.last = snap
        self.epoch, self.samples_seen = snap.epoch, snap.samples_seen
        self.evals.extend_points(snap.evals)
        self.last_good = snap.params  # finite always: a diverged step is undone by the trainer
        self.c.show_params(snap.params)
        self.snapshot_shown.emit(snap)

    def _current_job(self) -> int:
        return min(self._in_flight) if self._in_flight else 0

    @Slot(object)
    def _on_worker_snapshot_ready(self, snap) -> None:
        if self._worker is None or self.sender() is not self._worker:
            return  # a discarded worker's last words
        if self._current_job() > self._hidden_upto:
            self._show(snap)
        # after the repaints the views just asked for (posted before this timer)
        QTimer.singleShot(0, self._worker.ack)

    @Slot(object)
    def _on_worker_finished(self, snap) -> None:
        if self._worker is None or self.sender() is not self._worker:
            return
        serial = self._current_job()
        self._in_flight.discard(serial)
        shown = snap is not None and serial > self._hidden_upto
        if shown:
            self._show(snap)
        if serial and serial == self._play_serial:
            self._play_serial = 0
            self.playing_changed.emit(False)
        if shown:
            self._report(snap)
        if not self._in_flight:
            self.busy_changed.emit(False)

    def _report(self, snap) -> None:
        if snap.status == "diverged":
            self.diverged.emit(snap.message)
            self.message.emit(self.tr("Training stopped: the loss became NaN or infinite"))
        elif snap.status == "finished":
            self.message.emit(self.tr("All {n} epochs are done").format(n=self.last_epoch))
            self.run_finished.emit(snap)
        elif snap.status == "early-stopped":
            self.message.emit(self.tr("Early stopping: the validation loss has not improved for "
                                      "{n} epochs; the weights are back to the best epoch's")
                              .format(n=self.spec.early_stopping))
            self.early_stopped.emit(snap)
            self.run_finished.emit(snap)
        elif snap.status == "converged":
            self.message.emit(self.tr("Stopped: the accuracy reached the goal"))
            self.run_finished.emit(snap)
        elif snap.status == "stopped":
            self.message.emit(self.tr("Paused at epoch {e}, {n} samples").format(
                e=count(snap.epoch), n=count(snap.samples_seen)))

    @Slot(str)
    def _on_worker_failed(self, text: str) -> None:
        if self._worker is None or self.sender() is not self._worker:
            return
        serial = min(self._in_flight) if self._in_flight else 0
        self._in_flight.discard(serial)
        if serial == self._play_serial:
            self._play_serial = 0
            self.playing_changed.emit(False)
        self.message.emit(self.tr("Training failed: {e}").format(e=text))
        if not self._in_flight:
            self.busy_changed.emit(False)

    def hyper(self) -> dict:
        """The run's hyper-parameters (legend of a kept run)."""
        s = self.spec
        if s is None:
            return {}
        out = {"optimizer": s.optimizer, "lr": s.lr, "batch_size": s.batch_size,
               "loss": s.loss, "seed": self.c.network.spec.seed}
        out.update(s.optimizer_params())
        return out


def _with_seed(spec, seed: int):
    from dataclasses import replace

    return replace(spec, seed=int(seed))
