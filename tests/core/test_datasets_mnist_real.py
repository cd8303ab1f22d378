"""Checks of the real MNIST files (marker ``mnist``).

Skipped when the data is absent, unless ``NNVIZ_REQUIRE_MNIST=1`` (set by CI)
turns absence into a failure.  Get MNIST with ``scripts/fetch-mnist``, Fashion-MNIST with
Debian's ``dataset-fashion-mnist`` package (``scripts/bootstrap --test`` installs both).
"""

import os

import numpy as np
import pytest

from nnviz.core.lessons.datasets import (
    FASHION_CLASSES,
    FASHION_SHA256,
    MNIST_FILES,
    MNIST_LABEL_COUNTS,
    MNIST_SHA256,
    DatasetNotFound,
    load_mnist,
    locate_mnist,
    raw_sha256,
)
from nnviz.core.lessons.datasets.mnist import find_mnist_file

pytestmark = pytest.mark.mnist


#: how to get each data set (scripts/fetch-mnist fetches MNIST only)
GET = {"mnist": "scripts/fetch-mnist",
       "fashion": "sudo apt install dataset-fashion-mnist, as scripts/bootstrap --test does"}


def _locate(kind, required):
    try:
        return locate_mnist(kind)
    except DatasetNotFound as exc:
        if required:
            pytest.fail(f"NNVIZ_REQUIRE_MNIST=1 but the data is missing ({GET[kind]}): {exc}")
        pytest.skip(f"{kind} data not installed ({GET[kind]}): {exc}")


@pytest.fixture(scope="module")
def mnist_folder():
    return _locate("mnist", os.environ.get("NNVIZ_REQUIRE_MNIST") == "1")


def test_real_mnist_hashes(mnist_folder):
    for name in MNIST_FILES:
        assert raw_sha256(find_mnist_file(mnist_folder, name)) == MNIST_SHA256[name]


def test_real_mnist_loads(mnist_folder):
    ds = load_mnist(mnist_folder, verify=True)
    assert ds.x_train.shape == (60000, 784) and ds.x_test.shape == (10000, 784)
    assert ds.x_train.dtype == np.float32 and ds.input_shape == (28, 28)
    assert ds.x_train.min() == 0 and ds.x_train.max() == 255
    assert tuple(np.bincount(ds.y_train)) == MNIST_LABEL_COUNTS["train"]
    assert tuple(np.bincount(ds.y_test)) == MNIST_LABEL_COUNTS["test"]
    assert ds.class_names == tuple("0123456789")
    # Known first labels of the MNIST training and test sets.
    assert ds.y_train[:5].tolist() == [5, 0, 4, 1, 9]
    assert ds.y_test[:5].tolist() == [7, 2, 1, 0, 4]
    t = ds.targets("train", low=0.01, high=0.99)
    assert t.shape == (60000, 10) and t[0, 5] == pytest.approx(0.99)


def test_real_fashion_if_installed():
    """Fashion-MNIST (Debian's dataset-fashion-mnist); required in CI like MNIST."""
    folder = _locate("fashion", os.environ.get("NNVIZ_REQUIRE_MNIST") == "1")
    for name in MNIST_FILES:
        assert raw_sha256(find_mnist_file(folder, name)) == FASHION_SHA256[name]
    ds = load_mnist(folder, kind="fashion")
    assert ds.x_train.shape == (60000, 784) and ds.class_names == FASHION_CLASSES
    assert np.bincount(ds.y_test).tolist() == [1000] * 10
