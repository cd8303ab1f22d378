"""Run one slow function (e.g. reading MNIST) off the GUI thread and get its result back.

A :class:`Task` owns its QThread; ``done(result)`` / ``failed(message)`` are emitted in the GUI
thread.  ``wait()`` joins the thread (the app calls it on quit so no thread outlives the window).

A finished Task disposes of itself once its owner has had ``done``/``failed``: it is deleted
later from the event loop, which drops its thread, its worker and the closures connected to it
(an MNIST evaluation runs every few seconds during play; kept Tasks were the soak's leak).
Owners therefore forget a Task in their ``done``/``failed`` slots and never reuse it.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Worker(QObject):
    finished = Signal(object)
    errored = Signal(str)

    def __init__(self, fn, expected=()):
        super().__init__()
        self._fn, self._expected = fn, tuple(expected)

    @Slot()
    def run(self):
        try:
            result = self._fn()
        except Exception as exc:  # the message goes to the status bar, the trace to stderr
            if not isinstance(exc, self._expected):
                traceback.print_exc()
            self.errored.emit(str(exc) or type(exc).__name__)
        else:
            self.finished.emit(result)


class Task(QObject):
    """Signals: ``done(object)``, ``failed(str)`` (both in the GUI thread)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, fn, parent=None, expected=()):
        """``expected``: exception types that are reported without a traceback."""
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(fn, expected)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.errored.connect(self._on_worker_errored)

    def start(self) -> Task:
        self._thread.start()
        return self

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        self._thread.quit()
        return self._thread.wait(ms)

    @Slot(object)
    def _on_worker_finished(self, result):
        self._thread.quit()
        self._thread.wait()
        self.done.emit(result)
        self.deleteLater()

    @Slot(str)
    def _on_worker_errored(self, message):
        self._thread.quit()
        self._thread.wait()
        self.failed.emit(message)
        self.deleteLater()
