"""The training worker: a QObject living in a QThread that iterates the core's trainer.

It holds no training logic.  A *job* (play, or one step) arrives through a queued call of
:meth:`TrainingWorker.run_job`; the worker loads (or compiles) the kernels the first time
(status "loading the training kernels …"), iterates :meth:`Trainer.run` (or calls
:meth:`Trainer.step` once) and hands the snapshots to the GUI thread.  Emission is throttled
at the source: at most ``max_rate`` snapshots per second, and never while the GUI has not yet
taken the previous one (:meth:`ack`); snapshots held back meanwhile are merged into the next one
(their evaluations, perceptron rows and gradient norms are kept, so no curve point is lost).
After sending one it waits (at most ``ACK_WAIT``) for the GUI to draw it, so the redraw does
not fight the training loop for the GIL.

Stop requests (:meth:`cancel`) are honoured between steps: ``Trainer.request_stop`` plus an
edit queued with ``Trainer.submit`` that re-raises the stop inside the trainer's own loop (so a
stop that arrives just before ``run`` starts is not lost).

Each job that trained something is recorded for the step history (undo of training steps): the
trainer's :class:`~nnviz.core.train.trainer_checkpoint.TrainerCheckpoint` before the job and after
it go out as a :class:`StepRecord` just before ``finished``.  The state after one job is usually the
state before the next one: the same checkpoint object is then used for both.  A restore (undo or
redo of a step) during a job is queued like a job (:meth:`restore`), so it happens after it
has stopped, never in the middle of it; while none runs it is an edit in the trainer's queue,
in order with the weights typed before and after it.

Signals
-------
snapshot_ready(object)  a Snapshot (possibly merged) while a job runs
recorded(object)        a StepRecord (checkpoints before and after the job), before ``finished``
restored()              a queued :meth:`restore` is done
finished(object)        the job ended: its last Snapshot (None if it was cancelled before it began)
failed(str)             the trainer raised; the message for the user
status(str)             a message for the status bar ("preparing the kernels …")
"""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal, Slot

from nnviz.core.train.trainer_checkpoint import TrainerCheckpoint

#: rows kept when snapshots are merged (the perceptron's round tables)
MAX_ROWS = 10_000
#: longest wait for the GUI to take a snapshot before training on (seconds)
ACK_WAIT = 0.1
#: least training time between two snapshots, so a slow redraw cannot starve the training
TRAIN_SLICE = 0.005
#: most snapshots per second: above the 30 fps a live refresh at every sample must reach (issue
#: 18); the GUI's acknowledgement, not this cap, is what paces a slow redraw
MAX_SNAPSHOT_RATE = 60.0



@dataclass(frozen=True)
class Job:
    """What the GUI asked for: ``run(unit, every, ...)`` (play) or one ``step(unit)``."""

    serial: int  # increasing id; cancel(serial) stops this job and every earlier one
    unit: str  # "sample", "batch" or "epoch"
    every: int = 1  # units per snapshot (play)
    single: bool = False  # one step, then finish
    until_epoch: int | None = None
    until_accuracy: float | None = None
    delay: float = 0.0  # seconds to wait after each snapshot (the "speed" control)


@dataclass(frozen=True)
class StepRecord:
    """What one job did to the trainer: its state before and after (for undo/redo)."""

    serial: int
    unit: str
    single: bool
    before: TrainerCheckpoint
    after: TrainerCheckpoint


def _kernels_compiled() -> int:
    """How many kernel signatures Numba has compiled in this process (cache misses)."""
    from nnviz.core.precompile import kernels

    try:
        return sum(sum(k.stats.cache_misses.values()) for k in kernels().values())
    except RuntimeError:  # a module being imported meanwhile on another thread: ask again
        return sum(sum(k.stats.cache_misses.values()) for k in kernels().values())


def merge(older, newer):
    """``newer`` carrying what ``older`` had that a view must not lose (evals, rows, norms)."""
    if older is None:
        return newer
    rows = (older.rows + newer.rows)[-MAX_ROWS:] if older.rows or newer.rows else ()
    history = grad_history(older) + _own_norms(newer)
    return replace(newer, evals=older.evals + newer.evals, rows=rows,
                   extra={**newer.extra, "grad_history": history})


def grad_history(snap) -> tuple:
    """``((samples_seen, grad_norms), ...)`` a shown snapshot carries: the merged ones' too."""
    return snap.extra.get("grad_history", _own_norms(snap))


def _own_norms(snap) -> tuple:
    return ((snap.samples_seen, snap.grad_norms),) if snap.grad_norms else ()


class TrainingWorker(QObject):
    snapshot_ready = Signal(object)
    recorded = Signal(object)
    restored = Signal()
    finished = Signal(object)
    failed = Signal(str)
    status = Signal(str)

    def __init__(self, trainer, max_rate: float = MAX_SNAPSHOT_RATE):
        super().__init__()
        self.trainer = trainer
        self.min_interval = 1.0 / max_rate
        self._lock = threading.Lock()
        self._cancelled = 0  # jobs with serial <= this are cancelled
        self._current = 0  # serial of the job running (worker thread)
        self._wake = threading.Event()  # interrupts the speed delay
        self._taken = threading.Event()  # the GUI took the last snapshot
        self._taken.set()
        self._warm: tuple | None = None  # configuration the kernels were compiled for
        self._last: TrainerCheckpoint | None = None  # the state after the last job (or restore)

    # -- any thread -----------------------------------------------------------------------
    def cancel(self, serial: int) -> None:
        """Stop job ``serial`` (and earlier ones) after the current step."""
        with self._lock:
            self._cancelled = max(self._cancelled, serial)
        self.trainer.request_stop()
        self.trainer.submit(self._stop_if_cancelled)
        self._wake.set()

    def ack(self) -> None:
        """The GUI thread has shown the last snapshot: the next one may be sent."""
        self._taken.set()

    def _is_cancelled(self, serial: int) -> bool:
        with self._lock:
            return serial <= self._cancelled

    def _stop_if_cancelled(self, trainer) -> None:
        # runs inside Trainer.step (worker thread), after run() has cleared its stop flag
        if self._is_cancelled(self._current):
            trainer.request_stop()

    # -- worker thread --------------------------------------------------------------------
    @Slot(object)
    def run_job(self, job: Job) -> None:
        self._current = job.serial
        if self._is_cancelled(job.serial):
            self.finished.emit(None)
            return
        try:
            self._warm_up()
            if self._is_cancelled(job.serial):  # cancelled while the kernels were loading
                self.finished.emit(None)
                return
            before = self._checkpoint(apply_edits=True)
            if job.single:
                last = self.trainer.step(job.unit, until_epoch=job.until_epoch)
            else:
                last = self._play(job)
            after = self._checkpoint(apply_edits=False)  # edits sent meanwhile: the next job's
        except Exception as exc:  # a bug or a refused edit: tell the user, keep the app alive
            traceback.print_exc()
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        if after is not before:
            self.recorded.emit(StepRecord(job.serial, job.unit, job.single, before, after))
        self.finished.emit(last)

    def _checkpoint(self, apply_edits: bool) -> TrainerCheckpoint:
        """The trainer's state now; the previous checkpoint object if nothing changed."""
        cp = self.trainer.checkpoint(apply_edits=apply_edits)
        if cp.same_as(self._last):
            assert self._last is not None
            return self._last
        self._last = cp
        return cp

    def restore_edit(self, cp: TrainerCheckpoint):
        """A trainer edit putting ``cp`` back (queued with the other edits, in their order)."""
        return lambda _trainer: self._restore(cp, apply_edits=False)

    @Slot(object)
    def restore(self, cp: TrainerCheckpoint) -> None:
        """Put ``cp`` back after the jobs queued before (a step undone while training)."""
        self._restore(cp, apply_edits=True)
        self.restored.emit()

    @Slot(object)
    def set_params(self, params) -> None:
        """Weights edited after a queued :meth:`restore`: they come after it."""
        self.trainer.set_params(params)

    def _restore(self, cp: TrainerCheckpoint, apply_edits: bool) -> None:
        try:
            if not self.trainer.restore_checkpoint(cp, apply_edits=apply_edits):
                self.status.emit(self.tr("The optimizer was changed since that step: its "
                                         "state starts fresh"))
        except ValueError as exc:  # another network's checkpoint: the stack is cleared then
            self.status.emit(str(exc))
            return
        self._last = cp

    def _warm_up(self) -> None:
        """Make sure this run's kernels are in memory; say what that took.

        Usually the kernels come out of a cache (the system one the installer filled, or the
        account's own) and this takes a fraction of a second; a kernel no cache holds is
        compiled, which takes seconds.  The status says which one happened.
        """
        t = self.trainer
        key = (t.spec.optimizer, t.spec.batch_size, t.spec.loss, t.net.dtype.str,
               t.uses_fused_kernel)
        if key == self._warm:
            return
        self.status.emit(self.tr("Loading the training kernels …"))
        compiled_before = _kernels_compiled()
        seconds = t.warm_up()
        self._warm = key
        if _kernels_compiled() > compiled_before:
            self.status.emit(self.tr("Kernels compiled ({s:.1f} s)").format(s=seconds))
        else:
            self.status.emit(self.tr("Kernels loaded ({s:.1f} s)").format(s=seconds))

    def _play(self, job: Job):
        pending, last_emit, last, resumed = None, 0.0, None, 0.0
        self._wake.clear()
        unit, every, count = job.unit, job.every, 1
        if unit == "sample" and every > 1:  # N samples per snapshot, through the fast path
            unit, every, count = "samples", 1, every
        for snap in self.trainer.run(unit, every, job.until_epoch, job.until_accuracy,
                                     count=count):
            last = merge(pending, snap)
            pending = last
            if snap.status != "running":
                break
            if self._is_cancelled(job.serial):
                self.trainer.request_stop()  # run() yields once more, as "stopped"
                continue
            now = time.perf_counter()
            if (self._taken.is_set() and now - last_emit >= self.min_interval
                    and now - resumed >= TRAIN_SLICE):
                self._taken.clear()
                self.snapshot_ready.emit(pending)
                pending, last_emit = None, now
                # let the GUI draw it before training on: a Python-heavy step would otherwise
                # hold the GIL against every Qt call of the redraw (frames 10x slower)
                self._taken.wait(ACK_WAIT)
                resumed = time.perf_counter()
            if job.delay > 0 and self._wake.wait(job.delay):
                self.trainer.request_stop()
        return last
