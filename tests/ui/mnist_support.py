"""Shared fixtures of the MNIST view tests (imported by tests/ui/test_mnist_*.py)."""

import os

import pytest

from nnviz.core.lessons.datasets import DatasetNotFound, locate_mnist

SUBSET = 1000  # test images evaluated by the GUI tests (one test runs all 10,000)


@pytest.fixture(scope="session")
def mnist_folder():
    """The real MNIST folder; skipped when absent unless NNVIZ_REQUIRE_MNIST=1 (CI)."""
    try:
        return locate_mnist("mnist")
    except DatasetNotFound as exc:
        if os.environ.get("NNVIZ_REQUIRE_MNIST") == "1":
            pytest.fail(f"NNVIZ_REQUIRE_MNIST=1 but MNIST is missing: {exc}")
        pytest.skip(f"MNIST not installed (scripts/fetch-mnist): {exc}")


def load_lesson(model, qtbot, preset_id="mnist-course"):
    """Switch to an MNIST lesson and wait until its test images are loaded."""
    model.set_preset(preset_id)
    qtbot.waitUntil(lambda: model.samples is not None or (
        model.data_error and not model.loading), timeout=60000)
    assert model.samples is not None, model.data_error
    return model


@pytest.fixture
def mnist_controller(model, mnist_folder, qtbot):
    return load_lesson(model, qtbot)


@pytest.fixture
def evaluator(model):
    from nnviz.ui.model.mnist_evaluator import Evaluator

    ev = Evaluator(model, limit=SUBSET)
    yield ev
    ev.shutdown()


def wait_evaluated(qtbot, ev, timeout=60000):
    """Wait until ``ev`` holds a result for the model's current network."""
    qtbot.waitUntil(lambda: ev.result is not None and not ev.running
                    and ev.result_network is ev.lesson.network, timeout=timeout)
    return ev.result
