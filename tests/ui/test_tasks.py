"""Background tasks: results arrive in the GUI thread, and a finished Task frees itself."""

import gc
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from nnviz.ui.common.tasks import Task


def _flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


@pytest.mark.parametrize("fails", [False, True])
def test_finished_tasks_leave_no_thread_worker_or_closure_behind(qtbot, fails):
    owner = QObject()
    results, refs = [], []

    class Payload:  # stands for the network copy an evaluation closes over
        pass

    for i in range(5):
        payload = Payload()
        refs.append(weakref.ref(payload))

        def fn(p=payload, i=i):
            if fails:
                raise ValueError(f"bad {i}")
            return i

        task = Task(fn, owner, expected=(ValueError,))
        signal = task.failed if fails else task.done
        signal.connect(lambda r, t=task: results.append(r))  # a closure holding the task
        with qtbot.waitSignal(signal, timeout=5000):
            task.start()
        del task, fn, payload
    _flush_deletes()
    assert results == ([f"bad {i}" for i in range(5)] if fails else list(range(5)))
    assert owner.findChildren(Task) == []
    assert all(r() is None for r in refs)  # the functions (and what they hold) are gone


def test_wait_on_a_running_task_joins_it(qtbot):
    import threading

    gate = threading.Event()
    owner = QObject()
    task = Task(lambda: gate.wait(5), owner).start()
    assert task.is_running()
    gate.set()
    assert task.wait(5000)
    assert not task.is_running()
    _flush_deletes()
