"""Run one slow function (e.g. reading MNIST) off the GUI thread and get its result back.

A :class:`Task` owns its QThread; ``done(result)`` / ``failed(message)`` are emitted in the GUI
thread.  ``wait()`` joins the thread (owners call it when they shut down, so no thread outlives
the window); the outcome of a Task that was waited for is not delivered any more.

Lifetime.  A finished Task frees itself (its thread, its worker and the function with whatever
it closes over, such as the network copy of an MNIST evaluation that runs every few seconds
during play), so owners forget a Task in their ``done``/``failed`` slots and never reuse it.
Two rules keep that safe:

* A Task is never a Qt child of its owner.  When it was, and deleted itself with
  ``deleteLater``, Qt let go of the callables connected to ``done``/``failed`` inside the
  Task's destructor; a lambda there that held the last reference to the owner freed the owner
  on the spot, whose destructor then deleted its child Task a second time (the suite's
  segfaults in ``QObject::~QObject``).  A child Task was also destroyed with an owner that
  closed while it ran, which left its thread running.  So this module keeps a started Task
  alive until it ends, and an owner that is destroyed meanwhile only means nobody is told.
* When it ends, the Task lets go of those callables itself, in an ordinary slot (freeing an
  owner there is harmless), and only then asks Qt to delete it.
"""

from __future__ import annotations

import atexit
import traceback

from PySide6.QtCore import SIGNAL, QObject, QThread, Signal, Slot

#: started Tasks that have not ended yet: kept alive here, whatever happens to their owners
_running: set[Task] = set()


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

    def release(self) -> None:
        """Drop the function (GUI thread only: what it holds may include Qt objects, which
        must not be freed from the worker thread)."""
        self._fn = None


class Task(QObject):
    """Signals: ``done(object)``, ``failed(str)`` (both in the GUI thread)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, fn, owner: QObject | None = None, expected=()):
        """``owner``: the object that wants the outcome; none is delivered once it is
        destroyed.  ``expected``: exception types reported without a traceback."""
        super().__init__()  # no Qt parent, on purpose: see the module docstring
        self._deliver = True  # False once waited for, or once the owner is gone
        self._thread = QThread()
        self._worker = _Worker(fn, expected)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.errored.connect(self._on_worker_errored)
        if owner is not None:
            owner.destroyed.connect(self._on_owner_destroyed)

    def start(self) -> Task:
        _running.add(self)
        self._thread.start()
        return self

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        """Join the thread (at most ``ms``); the outcome is then never delivered."""
        self._deliver = False
        self._thread.quit()
        return self._thread.wait(ms)

    @Slot()
    def _on_owner_destroyed(self):
        # runs inside the owner's destructor: only note it, let go of nothing here
        self._deliver = False

    @Slot(object)
    def _on_worker_finished(self, result):
        self._end(self.done, result)

    @Slot(str)
    def _on_worker_errored(self, message):
        self._end(self.failed, message)

    def _end(self, signal, value) -> None:
        self._thread.quit()
        self._thread.wait()
        _running.discard(self)  # this slot still holds self
        if self._deliver:
            self._deliver = False
            signal.emit(value)
        self._worker.release()
        # let go of the owner's callables now (see the module docstring); receivers() rather
        # than isSignalConnected(QMetaMethod.fromSignal(...)), which keeps the Task alive
        if self.receivers(SIGNAL("done(PyObject)")):
            self.done.disconnect()
        if self.receivers(SIGNAL("failed(QString)")):
            self.failed.disconnect()
        self.deleteLater()


def running_tasks() -> int:
    """How many started Tasks have not ended yet."""
    return len(_running)


@atexit.register
def wait_all(ms: int = 30000) -> bool:
    """Join every Task still running (also at interpreter exit: Qt aborts the process when a
    QThread is destroyed while it runs); True when all of them ended."""
    return all([task.wait(ms) for task in list(_running)])
