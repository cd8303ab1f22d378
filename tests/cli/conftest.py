import os

import pytest

from nnviz.core.datasets import DatasetNotFound, locate_mnist


@pytest.fixture(scope="session")
def mnist_folder():
    try:
        return locate_mnist("mnist")
    except DatasetNotFound as exc:
        if os.environ.get("NNVIZ_REQUIRE_MNIST") == "1":
            pytest.fail(f"NNVIZ_REQUIRE_MNIST=1 but MNIST is missing: {exc}")
        pytest.skip(f"MNIST not installed (scripts/fetch-mnist): {exc}")
