"""Shared test set-up: Qt runs headless, and no test may leave a QThread running."""

import os
import sys
import traceback
import weakref

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

# Every QThread started from Python while a test runs (its set-up and tear-down included):
# weak references, so that this check never keeps a thread object alive itself.
_thread_starts: list = []  # (weakref to the QThread, test id, where it was started)
_current = {"test": "(no test)"}
_watching = []  # the original QThread.start, once it is wrapped


def _where_started() -> str:
    """The last frames of the starting call stack outside pytest, pluggy and this file."""
    frames = [f for f in traceback.extract_stack()[:-2]
              if not any(p in f.filename for p in ("_pytest", "pluggy", "pytestqt", "<frozen",
                                                   f"{os.sep}pytest{os.sep}"))
              and os.path.basename(f.filename) != "pytest"]
    return " <- ".join(f"{os.path.basename(f.filename)}:{f.lineno} {f.name}"
                       for f in reversed(frames[-6:]))


def _watch_qthreads() -> None:
    """Wrap QThread.start once PySide6 is in use (the core tests never import Qt)."""
    if _watching or "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QThread

    original = QThread.start

    def start(self, *args, **kwargs):
        _thread_starts.append((weakref.ref(self), _current["test"], _where_started()))
        return original(self, *args, **kwargs)

    QThread.start = start
    _watching.append(original)


def _threads_left_running() -> list[str]:
    """Describe the threads still running, stop them (so one leak does not spread to the next
    test), and forget every recorded start."""
    left = []
    for ref, test, where in _thread_starts:
        thread = ref()
        try:
            running = thread is not None and thread.isRunning()
        except RuntimeError:  # its C++ object is gone: not running
            running = False
        if running:
            left.append(f"started in {test} at {where}")
            thread.quit()
            thread.wait(2000)
    _thread_starts.clear()
    return left


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    _current["test"] = f"{item.nodeid} (set-up)"
    _watch_qthreads()
    return (yield)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_call(item):
    _current["test"] = item.nodeid
    _watch_qthreads()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    """After the fixtures are torn down and pytest-qt has processed the last events (its own
    wrapper is innermost), every thread the test started must have ended: owners join their
    threads when they shut down, and no event handled afterwards may start another."""
    _current["test"] = f"{item.nodeid} (tear-down)"
    _watch_qthreads()
    result = yield
    _current["test"] = "(between tests)"
    left = _threads_left_running()
    if left:
        raise pytest.fail.Exception(
            f"{len(left)} QThread(s) still running after the test:\n  " + "\n  ".join(left),
            pytrace=False)
    return result


@pytest.fixture(scope="session")
def mnist_folder():
    """The real MNIST folder; skipped when absent unless NNVIZ_REQUIRE_MNIST=1 (CI)."""
    from nnviz.core.lessons.datasets import DatasetNotFound, locate_mnist

    try:
        return locate_mnist("mnist")
    except DatasetNotFound as exc:
        if os.environ.get("NNVIZ_REQUIRE_MNIST") == "1":
            pytest.fail(f"NNVIZ_REQUIRE_MNIST=1 but MNIST is missing: {exc}")
        pytest.skip(f"MNIST not installed (scripts/fetch-mnist): {exc}")
