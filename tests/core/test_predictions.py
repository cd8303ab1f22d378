"""One rule for "which class did the network pick": every place that counts correct answers agrees.

The rule (argmax of several outputs; above 0.5 for one output) is written once in
nnviz/core/nn/predictions.py; accuracy from backprop.evaluate, metrics.evaluate_predictions,
Network.predict, trainer_types.is_correct and the compiled batch-1 kernel's own copy must give
the same classes, including on the tie (0.5 exactly is class 0) and on equal outputs (the first).
"""

import numpy as np
import pytest

from nnviz.core.kernels.sgd_b1 import _is_correct
from nnviz.core.nn.backprop import evaluate
from nnviz.core.nn.network import Network
from nnviz.core.nn.predictions import predicted_class, predicted_classes
from nnviz.core.nn.spec import LayerSpec, NetworkSpec
from nnviz.core.train.metrics import evaluate_predictions
from nnviz.core.train.trainer_types import is_correct


def test_rule_on_edges():
    assert predicted_classes(np.array([[0.5], [0.50001], [0.2]])).tolist() == [0, 1, 0]
    assert predicted_classes(np.array([[0.3, 0.3, 0.1], [0.1, 0.2, 0.7]])).tolist() == [0, 2]
    assert predicted_class([0.0, 1.0]) == 1
    assert predicted_class([1.0]) == 1
    with pytest.raises(ValueError):
        predicted_classes(np.zeros(3))


@pytest.mark.parametrize("outputs", [1, 3])
def test_every_counter_agrees(outputs):
    rng = np.random.default_rng(4)
    spec = NetworkSpec(inputs=2, layers=[
        LayerSpec(3, "tanh"),
        LayerSpec(outputs, "sigmoid" if outputs == 1 else "softmax")], seed=1)
    net = Network(spec)
    X = rng.normal(size=(200, 2))
    Y = net.forward(X)
    labels = rng.integers(0, max(2, outputs), size=200)
    T = (labels[:, None] == 1).astype(float) if outputs == 1 else np.eye(outputs)[labels]
    expected = predicted_classes(Y)
    # the independent statement of the rule
    manual = (np.argmax(Y, axis=1) if outputs > 1 else (Y[:, 0] > 0.5).astype(int))
    assert expected.tolist() == manual.tolist()
    assert net.predict(X).tolist() == expected.tolist()
    ev = evaluate_predictions(net.forward, X, labels, n_classes=max(2, outputs))
    assert ev.preds.tolist() == expected.tolist()
    _, acc = evaluate(net, X, T, labels, "mse")
    assert acc == pytest.approx(np.mean(expected == labels))
    for y, t, lab in zip(Y, T, labels, strict=True):
        assert is_correct(y, t) == (predicted_class(y) == lab)
        assert bool(_is_correct(y, t, outputs)) == (predicted_class(y) == lab)

