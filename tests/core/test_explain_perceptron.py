"""Handout 001's perceptron rule explained: Δw = η·(d − y)·x with the numbers, checked by
hand and against one step of the app's PerceptronTrainer."""

import numpy as np
import pytest

from nnviz.core.explain import (
    BiasRef,
    EdgeRef,
    LossRef,
    NeuronRef,
    Phase,
    explain_perceptron_step,
    korean,
    render_text,
)
from nnviz.core.lessons.presets import get_preset
from nnviz.core.train.trainer import TrainData


def and_net(w1, w2, b):
    net = get_preset("perceptron-and").build_network()
    net.set_layer(0, W=[[w1], [w2]], b=[b])
    return net


def test_wrong_one_is_corrected_by_the_handouts_numbers():
    net = and_net(0.3, 0.6, -0.2)  # a = 0.1 > 0 for x = (1, 0): y = 1, but d = 0
    step = explain_perceptron_step(net, [1.0, 0.0], 0.0, 0.05)
    assert step.kind == "perceptron"
    assert step.phases == (Phase.FORWARD, Phase.LOSS, Phase.UPDATE)
    fwd, err, *updates = step.items
    assert fwd.numbers == ("a = 0.3·1 + 0.6·0 − 0.2 = 0.1", "y = step(0.1) = 1")
    assert fwd.anchor == NeuronRef(1, 0)
    assert err.numbers == ("e = 0 − 1 = −1",) and err.anchor == LossRef()
    w1, w2, b = updates
    assert w1.anchor == EdgeRef(0, 0, 0) and b.anchor == BiasRef(0, 0)
    assert w1.formula == ("Δw₁ = η·(d − y)·x₁", "w₁ ← w₁ + Δw₁")
    assert w1.numbers == ("Δw₁ = 0.05·(0 − 1)·1 = −0.05", "w₁ ← 0.3 + (−0.05) = 0.25")
    assert w2.numbers == ("Δw₂ = 0.05·(0 − 1)·0 = 0", "w₂ ← 0.6 + 0 = 0.6")
    assert b.numbers == ("Δb = 0.05·(0 − 1) = −0.05", "b ← −0.2 + (−0.05) = −0.25")
    np.testing.assert_allclose(step.params_after, [0.25, 0.6, -0.25])
    assert step.loss == 1.0
    assert "퍼셉트론 학습 규칙" in render_text(w1, korean)


def test_handout_and_weights_need_no_change():
    # handout 001's AND_gate: w1 = 0.4, w2 = 0.2, b = −0.5 gives 0 0 0 1 already
    net = and_net(0.4, 0.2, -0.5)
    for x, d in (([0, 0], 0), ([0, 1], 0), ([1, 0], 0), ([1, 1], 1)):
        step = explain_perceptron_step(net, x, d, 0.05)
        assert step.items[1].value("error") == 0
        np.testing.assert_array_equal(step.params_after, step.params_before)


@pytest.mark.parametrize("seed", range(4))
def test_matches_one_step_of_the_perceptron_trainer(seed):
    preset = get_preset("perceptron-and")
    net = preset.build_network()
    net.reinitialize(seed)
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    D = np.array([0, 0, 0, 1], float)
    for k in range(4):
        step = explain_perceptron_step(net, X[k], D[k], 0.05)
        w, b = net.W[0][:, 0], net.b[0][0]
        y = 1.0 if X[k] @ w + b > 0 else 0.0  # the rule by hand
        np.testing.assert_allclose(step.params_after,
                                   np.append(w + 0.05 * (D[k] - y) * X[k], b + 0.05 * (D[k] - y)))
        data = TrainData(X[k:k + 1], D[k:k + 1, None], D[k:k + 1].astype(int), X, D[:, None],
                         D.astype(int))
        trainer = preset.make_trainer(data=data, net=net.copy(), shuffle=False)
        snap = trainer.step("sample")
        np.testing.assert_allclose(trainer.net.params, step.params_after, atol=1e-15)
        assert snap.rows[0].dW == pytest.approx(tuple(it.value("delta")
                                                      for it in step.in_phase(Phase.UPDATE)))
        net.set_params(step.params_after)


def test_refuses_anything_but_one_step_neuron():
    with pytest.raises(ValueError, match="single neuron with a step activation"):
        explain_perceptron_step(get_preset("xor-backprop-2").build_network(), [0, 1], 1, 0.05)
    with pytest.raises(ValueError, match="2 finite numbers"):
        explain_perceptron_step(and_net(0.1, 0.1, 0.1), [0, 1, 1], 1, 0.05)
    with pytest.raises(ValueError, match="positive"):
        explain_perceptron_step(and_net(0.1, 0.1, 0.1), [0, 1], 1, 0.0)
