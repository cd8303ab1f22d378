"""A Task's life against its owner's (issue 13: the suite crashed in ``QObject::~QObject``).

The crash: a finished Task was a Qt child of its owner and deleted itself with deleteLater.
Its destructor let go of the lambda connected to ``done``; when that lambda held the last
reference to the owner, the owner was destroyed inside the Task's destructor and deleted the
Task a second time.  An owner closed while its Task ran took the Task with it and left the
thread running (Qt aborts when such a QThread is destroyed).

The stress test runs hundreds of lifecycles in a child process, so that a crash shows as a
failed test with its fault report instead of killing the whole run.
"""

import gc
import json
import os
import subprocess
import sys
import textwrap
import threading
import weakref

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from nnviz.ui.common import tasks
from nnviz.ui.common.tasks import Task


def _run_event_loop_until_tasks_end(qtbot):
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=10000)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


class _Owner(QObject):
    """An owner whose only reference can be the lambda it connects to its Task."""

    def __init__(self, results, fn):
        super().__init__()
        self.task = Task(fn, self)
        self.task.done.connect(lambda r: results.append((self.objectName(), r)))
        self.setObjectName("owner")


def test_an_owner_kept_alive_only_by_its_callback_is_freed_after_the_result(qtbot):
    results, gate = [], threading.Event()
    owner = _Owner(results, lambda: gate.wait(5) and 7)
    task_ref, owner_ref = weakref.ref(owner.task), weakref.ref(owner)
    owner.task.start()
    del owner  # the window let go of it; the lambda on done still holds it
    gc.collect()
    assert owner_ref() is not None
    gate.set()
    _run_event_loop_until_tasks_end(qtbot)
    assert results == [("owner", 7)]
    assert owner_ref() is None and task_ref() is None  # both freed, once each


def test_an_owner_destroyed_while_its_task_runs_is_not_told_and_the_thread_ends(qtbot):
    results, gate = [], threading.Event()
    parent = QObject()
    owner = QObject(parent)
    task = Task(lambda: gate.wait(5) and "late", owner)
    task.done.connect(results.append)
    thread_ref = weakref.ref(task._thread)
    task.start()
    del owner, task
    parent.deleteLater()  # closes the owner with it while the Task runs
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert tasks.running_tasks() == 1  # the Task outlives its owner until it ends
    gate.set()
    _run_event_loop_until_tasks_end(qtbot)
    assert results == []
    assert thread_ref() is None  # joined and freed, never destroyed while running


def test_a_task_waited_for_delivers_nothing_afterwards(qtbot):
    owner = QObject()
    outcome = []
    gate = threading.Event()
    task = Task(lambda: gate.wait(5) and 1, owner)
    task.done.connect(outcome.append)
    task.failed.connect(outcome.append)
    task.start()
    gate.set()
    assert task.wait(5000) and not task.is_running()
    _run_event_loop_until_tasks_end(qtbot)
    assert outcome == []  # an owner that shut down is not called back


def test_failures_reach_a_live_owner(qtbot):
    owner = QObject()

    def fail():
        raise ValueError("no such folder")

    task = Task(fail, owner, expected=(ValueError,))
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        task.start()
    assert failed.args == ["no such folder"]
    _run_event_loop_until_tasks_end(qtbot)


STRESS = textwrap.dedent(r'''
    import gc, json, random, sys, threading
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QWidget
    from nnviz.ui.common import tasks
    from nnviz.ui.common.tasks import Task

    app = QApplication([])
    rng = random.Random(13)
    KINDS = ("finish", "drop", "close", "close_parent", "wait", "cycle")
    told = {k: 0 for k in KINDS}
    started = {k: 0 for k in KINDS}


    def tick():
        """One turn of the event loop (deferred deletes included)."""
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


    class Owner(QWidget):
        def __init__(self, kind, parent=None):
            super().__init__(parent)
            self.kind, self.gate, self.task = kind, threading.Event(), None
            if kind == "cycle":
                self.me = self  # only the garbage collector frees it

        def start(self, fail):
            gate = self.gate

            def work():
                gate.wait(10)
                if fail:
                    raise ValueError("expected")
                return self.kind  # the function holds its owner, as real ones do

            task = Task(work, self, expected=(ValueError,))
            task.done.connect(lambda _r: self.told())
            task.failed.connect(lambda _m: self.told())
            self.task = task.start()

        def told(self):
            told[self.kind] += 1
            self.task = None

        def shutdown(self):
            self.gate.set()
            if self.task is not None:
                self.task.wait()


    gates = []
    for batch in range(20):
        owners, parents = [], []
        for _ in range(25):
            kind = rng.choice(KINDS)
            started[kind] += 1
            parent = QWidget() if kind == "close_parent" else None
            owner = Owner(kind, parent)
            owner.start(fail=rng.random() < 0.3)
            owners.append(owner)
            parents.append(parent)
        for owner, parent in zip(owners, parents):
            gates.append(owner.gate)
            if owner.kind in ("finish", "drop", "cycle"):
                owner.gate.set()
            elif owner.kind == "close":
                owner.close()
                owner.deleteLater()
            elif owner.kind == "close_parent":
                parent.deleteLater()
            elif owner.kind == "wait":
                owner.shutdown()
            if rng.random() < 0.3:
                tick()
        keep = [o for o in owners if o.kind == "finish"]
        del owners, parents, owner, parent
        if batch % 3 == 0:
            gc.collect()
        tick()
        for gate in gates:  # closed owners' tasks end now, with nobody to tell
            gate.set()
        while tasks.running_tasks():
            tick()
        tick()
        del keep
    gc.collect()
    tick()
    alive = sum(isinstance(o, (Task, Owner)) for o in gc.get_objects())
    print(json.dumps({"started": started, "told": told, "alive": alive}))
''')


def test_hundreds_of_tasks_started_cancelled_and_finished_while_owners_close():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-X", "faulthandler", "-c", STRESS], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    started, told = report["started"], report["told"]
    assert sum(started.values()) == 500
    # owners alive (or kept alive by their callback) hear back; closed or waiting ones do not
    for kind in ("finish", "drop", "cycle"):
        assert told[kind] == started[kind], (kind, report)
    for kind in ("close", "close_parent", "wait"):
        assert told[kind] == 0, (kind, report)
    assert report["alive"] == 0, report  # every Task and owner freed


LEAKY_TESTS = textwrap.dedent('''
    from PySide6.QtCore import QThread, QTimer
    import pytest

    kept = []


    def test_leaves_a_thread_running(qtbot):
        thread = QThread()
        kept.append(thread)
        thread.start()


    @pytest.fixture
    def starts_a_thread_from_the_last_events(qtbot):
        yield
        thread = QThread()
        kept.append(thread)
        QTimer.singleShot(0, thread.start)  # as an owner called back after its shutdown


    def test_a_thread_started_during_tear_down(starts_a_thread_from_the_last_events):
        pass


    def test_joins_its_thread(qtbot):
        thread = QThread()
        thread.start()
        thread.quit()
        assert thread.wait(5000)
''')


def test_the_suite_fails_a_test_that_leaves_a_thread_running(tmp_path):
    """tests/conftest.py's check, run on tests that leak a thread (or start one too late)."""
    conftest = os.path.join(os.path.dirname(os.path.dirname(__file__)), "conftest.py")
    with open(conftest, encoding="utf-8") as f:
        (tmp_path / "conftest.py").write_text(f.read(), encoding="utf-8")
    (tmp_path / "test_leaky.py").write_text(LEAKY_TESTS, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-o", "qt_api=pyside6", "-o", "addopts=", str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    out = proc.stdout
    assert proc.returncode == 1, out
    assert "3 passed, 2 errors" in out, out
    assert "ERROR at teardown of test_leaves_a_thread_running" in out, out
    assert "ERROR at teardown of test_a_thread_started_during_tear_down" in out, out
    line = LEAKY_TESTS.splitlines().index("    thread.start()") + 1
    assert f"at test_leaky.py:{line} test_leaves_a_thread_running\n" in out, out  # where
