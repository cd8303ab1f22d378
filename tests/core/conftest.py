"""Fixtures of the core tests (no Qt here)."""

import os

import pytest

from nnviz.core.datasets import DatasetNotFound, locate_mnist


@pytest.fixture(scope="session")
def mnist_folder():
    """The real MNIST folder; skipped when absent unless NNVIZ_REQUIRE_MNIST=1 (CI)."""
    try:
        return locate_mnist("mnist")
    except DatasetNotFound as exc:
        if os.environ.get("NNVIZ_REQUIRE_MNIST") == "1":
            pytest.fail(f"NNVIZ_REQUIRE_MNIST=1 but MNIST is missing: {exc}")
        pytest.skip(f"MNIST not installed (scripts/fetch-mnist): {exc}")


@pytest.fixture(scope="session")
def course_data(mnist_folder):
    """The course recipe's prepared MNIST data (float32, x/255·0.99+0.01, 0.01/0.99)."""
    from nnviz.core.presets import get_preset

    return get_preset("mnist-course").load_data(mnist_folder)
