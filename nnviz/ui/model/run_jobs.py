"""The run's worker thread and its jobs, in one place (part of :mod:`training_run`).

:class:`RunJobs` starts the :class:`~nnviz.ui.model.training_worker.TrainingWorker` in a
QThread for a trainer, numbers the jobs (play, single steps), knows which are in flight, hides
the results of cancelled ones and hands each snapshot to ``TrainingRun.show_snapshot`` — all in
the GUI thread.  Closing the window or switching lessons joins the thread (``stop_thread``).
"""

from __future__ import annotations

import atexit
import gc
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from nnviz.ui.common.formatting import count
from nnviz.ui.model.training_worker import Job, TrainingWorker

#: How long closing the window or switching lessons waits for the worker (it stops between
#: steps; one MNIST epoch step is the longest, about a second).  A kernel compile cannot be
#: interrupted and may take longer: such a thread is parked (:func:`park`), never destroyed.
JOIN_MS = 10_000

#: threads that did not stop in time, with their workers, kept alive until they end
_parked: list[tuple[QThread, Any]] = []
_waits_at_exit: list[bool] = []  # [True] once the exit hooks are installed


def park(thread: QThread, worker: Any) -> None:
    """Keep a thread that is still running (compiling kernels) until it ends by itself.

    Dropping the last reference to a running QThread destroys it, and Qt aborts the whole
    process ("QThread: Destroyed while thread is still running").  The thread was told to quit:
    it ends after its current job.  The application waits for parked threads when it quits
    (``aboutToQuit``) and, as a last resort, when Python exits.
    """
    _parked[:] = [(t, w) for t, w in _parked if not t.isFinished()]
    if not _waits_at_exit:
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(wait_for_parked)
        atexit.register(wait_for_parked)
        _waits_at_exit.append(True)
    _parked.append((thread, worker))


def wait_for_parked() -> None:
    """Wait until every parked thread has ended (its compile finished), then release it."""
    while _parked:
        thread, _worker = _parked.pop()
        thread.wait()


class RunJobs(QObject):
    _job_requested = Signal(object)
    _restore_requested = Signal(object)
    _params_requested = Signal(object)

    def __init__(self, run: Any) -> None:
        super().__init__(run)
        self.run = run
        self.trainer: Any = None
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._serial = 0
        self.play_serial = 0  # serial of the running play job (0: none)
        self._in_flight: set[int] = set()
        self._hidden_upto = 0  # results of jobs up to this serial are not shown (reset)
        self._record: Any = None  # the StepRecord of the job that is finishing
        self._numbers_serial = 0  # the job whose first snapshot was shown last
        self._numbers_before: Any = None  # what was shown before that job's first snapshot
        self._restores_queued = 0  # restores sent behind a running job, not yet done

    @property
    def busy(self) -> bool:
        return bool(self._in_flight)

    @property
    def playing(self) -> bool:
        return self.play_serial > 0

    @property
    def worker_thread(self) -> QThread | None:
        """The training thread (None when no trainer exists)."""
        return self._thread

    @property
    def queued(self) -> int:
        return len(self._in_flight)

    def start(self, trainer: Any) -> None:
        """Start the worker thread for ``trainer`` (the run's own copy of the network)."""
        self.trainer = trainer
        self._worker = worker = TrainingWorker(trainer)
        self._thread = QThread()
        self._thread.setObjectName("nnviz-training")
        worker.moveToThread(self._thread)
        self._job_requested.connect(worker.run_job)
        self._restore_requested.connect(worker.restore)
        self._params_requested.connect(worker.set_params)
        worker.recorded.connect(self._on_worker_recorded)
        worker.restored.connect(self._on_worker_restored)
        worker.snapshot_ready.connect(self._on_worker_snapshot_ready)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        worker.status.connect(self.run.status_posted)
        # Free garbage cycles here, on the GUI thread: a collection started by the worker's
        # allocations (compiling kernels allocates a lot) would destroy any Qt widgets in them
        # on the training thread, which deadlocks PySide against the GUI thread.
        gc.collect()
        self._thread.start()

    def stop_thread(self) -> None:
        """Cancel the jobs, join the thread and forget the trainer."""
        worker, thread = self._worker, self._thread
        if thread is not None and worker is not None:
            worker.cancel(self._serial)
            thread.quit()
            if not thread.wait(JOIN_MS):
                park(thread, worker)  # still compiling: it ends by itself, then is released
            self._job_requested.disconnect(worker.run_job)
            self._restore_requested.disconnect(worker.restore)
            self._params_requested.disconnect(worker.set_params)
            worker.recorded.disconnect(self._on_worker_recorded)
            worker.restored.disconnect(self._on_worker_restored)
            worker.snapshot_ready.disconnect(self._on_worker_snapshot_ready)
            worker.finished.disconnect(self._on_worker_finished)
            worker.failed.disconnect(self._on_worker_failed)
            worker.status.disconnect(self.run.status_posted)
        was_busy, was_playing = self.busy, self.playing
        self._thread = self._worker = self.trainer = None
        self._in_flight.clear()
        self.play_serial = 0
        self._record = self._numbers_before = None
        self._restores_queued = 0
        if was_playing:
            self.run.playing_changed.emit(False)
        if was_busy:
            self.run.busy_changed.emit(False)

    def submit(self, **kw: Any) -> int:
        self._serial += 1
        job = Job(self._serial, **kw)
        was_busy = self.busy
        self._in_flight.add(job.serial)
        self._job_requested.emit(job)
        if not was_busy:
            self.run.busy_changed.emit(True)
        return job.serial

    def restore(self, checkpoint: Any) -> None:
        """Put the trainer back to ``checkpoint`` (undo/redo of a step), in order.

        Idle, it is an edit in the trainer's queue, between the weights typed before and after.
        While a job runs (it was just cancelled) it goes behind the job in the worker's queue:
        an edit would be applied at the job's next step, which would then train from it; weights
        typed until it is done follow the same way (:meth:`set_params`).
        """
        worker = self._worker
        if worker is None:
            return
        if self.busy:
            self._restores_queued += 1
            self._restore_requested.emit(checkpoint)
        else:
            self.trainer.submit(worker.restore_edit(checkpoint))

    def set_params(self, params: Any) -> None:
        """Weights typed (or an edit undone): the trainer trains from them next."""
        if self._worker is None:
            return
        if self._restores_queued:
            self._params_requested.emit(params)
        else:
            self.trainer.submit(lambda t: t.set_params(params))

    @Slot()
    def _on_worker_restored(self) -> None:
        if self._from_worker():
            self._restores_queued = max(0, self._restores_queued - 1)

    def pause(self) -> None:
        if self._worker is not None and self.playing:
            self._worker.cancel(self.play_serial)

    def cancel_all(self, hide: bool) -> None:
        if self._worker is not None:
            self._worker.cancel(self._serial)
        if hide:
            self._hidden_upto = self._serial

    # -- worker results (GUI thread) ------------------------------------------------------
    def _current_job(self) -> int:
        return min(self._in_flight) if self._in_flight else 0

    def _from_worker(self) -> bool:
        return self._worker is not None and self.sender() is self._worker

    def _show(self, serial: int, snap: Any) -> None:
        if serial != self._numbers_serial:  # the job's first snapshot: keep what it replaces
            self._numbers_serial = serial
            self._numbers_before = self.run.model.step_history.numbers_now()
        self.run.show_snapshot(snap)

    @Slot(object)
    def _on_worker_recorded(self, record: Any) -> None:
        if self._from_worker():
            self._record = record

    @Slot(object)
    def _on_worker_snapshot_ready(self, snap: Any) -> None:
        if not self._from_worker():
            return  # a discarded worker's last words
        if self._current_job() > self._hidden_upto:
            self._show(self._current_job(), snap)
        if self._worker is not None:  # after the repaints the views just asked for
            QTimer.singleShot(0, self._worker.ack)

    @Slot(object)
    def _on_worker_finished(self, snap: Any) -> None:
        if not self._from_worker():
            return
        serial = self._current_job()
        self._in_flight.discard(serial)
        shown = snap is not None and serial > self._hidden_upto
        record, self._record = self._record, None
        if shown:
            self._show(serial, snap)
            if record is not None and record.serial == serial:  # one step back for undo
                self.run.model.step_history.record(record, self._numbers_before)
                self.run.state_now = record.after
        if serial and serial == self.play_serial:
            self.play_serial = 0
            self.run.playing_changed.emit(False)
        if shown:
            self._report(snap)
        if not self._in_flight:
            self.run.busy_changed.emit(False)

    def _report(self, snap: Any) -> None:
        run, say = self.run, self.run.status_posted.emit
        if snap.status == "diverged":
            run.diverged.emit(snap.message)
            say(self.tr("Training stopped: the loss became NaN or infinite"))
        elif snap.status == "finished":
            say(self.tr("All {n} epochs are done").format(n=run.last_epoch))
            run.run_finished.emit(snap)
        elif snap.status == "early-stopped":
            say(self.tr("Early stopping: the validation loss has not improved for {n} epochs; "
                        "the weights are back to the best epoch's")
                .format(n=run.spec.early_stopping))
            run.early_stopped.emit(snap)
            run.run_finished.emit(snap)
        elif snap.status == "converged":
            say(self.tr("Stopped: the accuracy reached the goal"))
            run.run_finished.emit(snap)
        elif snap.status == "stopped":
            say(self.tr("Paused at epoch {e}, {n} samples").format(
                e=count(snap.epoch), n=count(snap.samples_seen)))

    @Slot(str)
    def _on_worker_failed(self, text: str) -> None:
        if not self._from_worker():
            return
        serial = self._current_job()
        self._in_flight.discard(serial)
        if serial == self.play_serial:
            self.play_serial = 0
            self.run.playing_changed.emit(False)
        self.run.status_posted.emit(self.tr("Training failed: {e}").format(e=text))
        if not self._in_flight:
            self.run.busy_changed.emit(False)
