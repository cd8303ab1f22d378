"""Fixtures of the core tests (no Qt here); ``mnist_folder`` is in tests/conftest.py."""

import pytest


@pytest.fixture(scope="session")
def course_data(mnist_folder):
    """The course recipe's prepared MNIST data (float32, x/255·0.99+0.01, 0.01/0.99)."""
    from nnviz.core.lessons.presets import get_preset

    return get_preset("mnist-course").load_data(mnist_folder)
