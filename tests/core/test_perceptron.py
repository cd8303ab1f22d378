"""Handout 001: the perceptron rule, exactly as written, on the logic gates."""

import numpy as np
import pytest

from nnviz.core.lessons.presets import get_preset


def test_one_sample_step_applies_the_rule_by_hand():
    tr = get_preset("perceptron-and").make_trainer()
    w1, w2 = tr.net.W[0][:, 0]
    b = tr.net.b[0][0]
    eta = 0.05
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    d = [0, 0, 0, 1]
    for k in range(8):  # two rounds, one sample at a time
        x1, x2 = X[k % 4]
        y = 1.0 if w1 * x1 + w2 * x2 + b > 0 else 0.0
        err = d[k % 4] - y
        w1, w2, b = w1 + eta * err * x1, w2 + eta * err * x2, b + eta * err
        snap = tr.step("sample")
        row = snap.rows[0]
        assert row.x == (x1, x2) and row.d == d[k % 4] and row.y == y and row.error == err
        assert row.W == pytest.approx((w1, w2, b))
        assert row.dW == pytest.approx((eta * err * x1, eta * err * x2, eta * err))
        np.testing.assert_allclose(snap.params, [w1, w2, b])


@pytest.mark.parametrize("gate", ["and", "or", "nand", "nor"])
def test_perceptron_converges_on_linearly_separable_gates(gate):
    p = get_preset(f"perceptron-{gate}")
    for seed in range(5):
        net = p.build_network()
        net.reinitialize(seed)
        tr = p.make_trainer(net=net)
        last = list(tr.run("epoch", until_accuracy=1.0))[-1]
        assert last.status == "converged", (gate, seed)
        assert tr.net.predict(tr.data.X).tolist() == p.expect["truth"]


def test_perceptron_never_learns_xor():
    p = get_preset("perceptron-xor")
    for seed in range(5):
        net = p.build_network()
        net.reinitialize(seed)
        tr = p.make_trainer(net=net, epochs=300)
        accs = [e.train_acc for s in tr.run("epoch") for e in s.evals]
        assert max(accs) <= 0.75
