"""Evaluate the current network on the MNIST test images off the GUI thread.

One :class:`Evaluator` is shared by the sample browser, the confusion matrix and the model
actions, so 10,000 images are run through the network once per change, in batches of 100 as
in handout 003.  It re-evaluates when the network or the data change, and after weight edits
once they have been quiet for a moment (so training is never slowed by it).

Signals
-------
started()               an evaluation began
progressed(int, int)    images done, images in total (only when the percentage changes)
evaluated(object)       a :class:`nnviz.core.train.metrics.Evaluation` of the current network
failed(str)             the evaluation failed (message for the user)
stale()                 the weights changed since the last result
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from nnviz.core.train.metrics import evaluate_predictions
from nnviz.ui.common.tasks import Task
from nnviz.ui.model.mnist_input import is_mnist_lesson

QUIET_MS = 1500  # re-evaluate this long after the last weight edit


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits through it (queued across threads)."""

    progressed = Signal(int, int)


class Evaluator(QObject):
    started = Signal()
    progressed = Signal(int, int)
    evaluated = Signal(object)
    failed = Signal(str)
    stale = Signal()

    def __init__(self, lesson, parent=None, limit: int | None = None,
                 batch_size: int = 100, auto: bool = True):
        """``limit``: evaluate only the first ``limit`` test images (tests, demos)."""
        super().__init__(parent)
        self.lesson = lesson
        self.limit = limit
        self.batch_size = batch_size
        self.auto = auto
        self.result = None  # the last Evaluation (None when unknown)
        self.result_network = None  # the Network object the result belongs to
        self._task: Task | None = None
        self._cancel = threading.Event()
        self._pending = False
        self._relay = _Relay(self)
        self._relay.progressed.connect(self.progressed)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self._on_quiet_timeout)
        self._soon = QTimer(self)  # coalesces network_changed + data_changed into one run
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._evaluate_if_available)
        self._weights_version = 0  # bumped by every weight change
        self._result_version = -1  # the version ``result`` was computed from
        lesson.network_changed.connect(self._on_model_network_changed)
        lesson.data_changed.connect(self._on_model_data_changed)
        lesson.weights_changed.connect(self._on_model_weights_changed)

    # -- state ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._task is not None

    @property
    def current(self):
        """``result`` if it is of the weights shown now, else None (never stale predictions)."""
        if self.result is None or self._result_version != self._weights_version \
                or self.result_network is not self.lesson.network:
            return None
        return self.result

    def available(self) -> bool:
        """True when there is an MNIST network and test images to evaluate."""
        return is_mnist_lesson(self.lesson) and self.lesson.samples is not None \
            and len(self.lesson.samples) > 0

    # -- control --------------------------------------------------------------------------
    def evaluate(self) -> bool:
        """Start an evaluation now (restarting a running one); False when unavailable."""
        self._quiet.stop()
        self._soon.stop()
        if not self.available():
            return False
        if self._task is not None:
            self._pending = True
            self._cancel.set()
            return True
        s = self.lesson.samples
        n = len(s) if self.limit is None else min(self.limit, len(s))
        X, labels = s.X[:n], s.labels[:n]
        net = self.lesson.network
        snapshot = net.copy()  # training may write the live parameters meanwhile
        n_classes = net.spec.outputs
        self._cancel = cancel = threading.Event()
        relay, last = self._relay, [-1]

        def progress(done, total):
            pct = 100 * done // max(total, 1)
            if pct != last[0]:
                last[0] = pct
                relay.progressed.emit(done, total)

        def run():
            return evaluate_predictions(snapshot.forward, X, labels, n_classes,
                                        self.batch_size, progress, cancel.is_set)

        task = Task(run, self, expected=(InterruptedError,))
        version = self._weights_version
        task.done.connect(lambda ev, t=task, n_=net, v=version: self._on_task_done(t, n_, v, ev))
        task.failed.connect(lambda msg, t=task: self._on_task_failed(t, msg))
        self._task = task
        self.started.emit()
        task.start()
        return True

    def cancel(self) -> None:
        self._pending = False
        self._quiet.stop()
        self._soon.stop()
        self._cancel.set()

    def shutdown(self) -> None:
        """Stop and join the worker thread (window closing, test teardown)."""
        self.cancel()
        if self._task is not None:
            self._task.wait()

    # -- slots ----------------------------------------------------------------------------
    def _task_ended(self, task) -> bool:
        """Forget ``task``; True when its outcome is to be reported (it is the current one and
        no newer evaluation was asked for meanwhile — that one starts now instead)."""
        if task is not self._task:
            return False
        self._task = None
        if self._pending:
            self._pending = False
            self.evaluate()
            return False
        return True

    def _on_task_done(self, task, net, version, ev) -> None:
        if self._task_ended(task):
            self.result, self.result_network = ev, net
            self._result_version = version
            self.evaluated.emit(ev)

    def _on_task_failed(self, task, message) -> None:
        if self._task_ended(task) and not self._cancel.is_set():
            self.failed.emit(message)

    def _on_model_network_changed(self) -> None:
        self.result = None
        self.stale.emit()
        if self.auto:
            self._soon.start()

    def _on_model_data_changed(self) -> None:
        if self.auto and self.available():
            self._soon.start()

    def _on_model_weights_changed(self) -> None:
        self._weights_version += 1
        self.stale.emit()
        if self.auto and self.available():
            self._quiet.start()  # restarts: training keeps it from firing until it pauses

    def _on_quiet_timeout(self) -> None:
        self._evaluate_if_available()

    def _evaluate_if_available(self) -> None:
        if self.available():
            self.evaluate()
