"""Shared test set-up: Qt runs headless, and no test may leave a QThread running."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _no_qthread_left_running(request):
    """Fail any test that leaves a QThread running (only where Qt is in use)."""
    if "PySide6.QtCore" not in sys.modules:
        yield
        return
    from PySide6.QtCore import QThread

    started = []
    original = QThread.start

    def start(self, *args, **kwargs):
        started.append(self)
        return original(self, *args, **kwargs)

    QThread.start = start
    try:
        yield
    finally:
        QThread.start = original
    running = []
    for t in started:
        try:
            if t.isRunning() and not t.wait(2000):
                running.append(t)
        except RuntimeError:  # the C++ object is already gone: not running
            pass
    if running:
        pytest.fail(f"{len(running)} QThread(s) still running after the test")


@pytest.fixture(scope="session")
def mnist_folder():
    """The real MNIST folder; skipped when absent unless NNVIZ_REQUIRE_MNIST=1 (CI)."""
    from nnviz.core.datasets import DatasetNotFound, locate_mnist

    try:
        return locate_mnist("mnist")
    except DatasetNotFound as exc:
        if os.environ.get("NNVIZ_REQUIRE_MNIST") == "1":
            pytest.fail(f"NNVIZ_REQUIRE_MNIST=1 but MNIST is missing: {exc}")
        pytest.skip(f"MNIST not installed (scripts/fetch-mnist): {exc}")
