"""The Trainer checks its network and loss when it is made (a bad pair is refused at once)."""

import numpy as np
import pytest

from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec


def test_trainer_refuses_a_senseless_loss_at_construction():
    """A cce loss on a sigmoid output is refused when the Trainer is made, not at its first step."""
    from nnviz.core.nn.spec import SpecError, TrainSpec
    from nnviz.core.train.trainer import TrainData, Trainer

    spec = NetworkSpec(inputs=2, layers=[LayerSpec(2, "sigmoid")], seed=0)
    X = np.array([[0.0, 1.0], [1.0, 0.0]])
    data = TrainData(X, np.eye(2), np.array([1, 0]), X[:0], np.zeros((0, 2)), np.zeros(0, int))
    with pytest.raises(SpecError, match="cce"):
        Trainer(Network(spec), data, TrainSpec(loss="cce"))
