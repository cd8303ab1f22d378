"""PReLU's learned slope α: its gradient on every path, for every α (issue 13, defect 1).

dL/dα = Σ_{a ≤ 0} (dL/dz)·a.  nnviz used to recover dL/dz from δ = α·dL/dz as δ / max(α, 1e-12),
which is 0 at α = 0 and off by a factor −1e12 for negative α (training drives α below zero).
"""

import numpy as np
import pytest
from test_gradcheck_reference import central_gradient, masks_of

from nnviz.core.nn.backprop import backprop
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec
from nnviz.core.train.engine import BatchEngine, SampleEngine

ALPHAS = (0.0, -0.05, 1e-13, -1e-300, 0.25, 1.7)


def _issue_example(alpha):
    """The network and data of issue 13: 3-4prelu-2identity, default_rng(7) normals, MSE."""
    rng = np.random.default_rng(7)
    X, T = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    spec = NetworkSpec(3, (LayerSpec(4, "prelu", alpha=0.0), LayerSpec(2, "identity")), seed=5)
    net = Network.from_spec(spec)
    net.alpha[0][0] = alpha
    return net, X, T


def _reference(net, X, T, loss):
    A = [a for a, _ in net.trace(X)]
    g, err = central_gradient(net.spec, net.params, X, T, loss, masks_of(net.spec, A))
    return g, err


@pytest.mark.parametrize("alpha,expected", [(0.0, -0.61162467), (-0.05, -0.63806300)])
def test_issue_example_slope_gradient(alpha, expected):
    net, X, T = _issue_example(alpha)
    grad = backprop(net, X, T, "mse").grad
    assert grad[net.layout.alpha_off[0]] == pytest.approx(expected, rel=1e-7)


@pytest.mark.parametrize("alpha", ALPHAS)
def test_every_gradient_of_a_prelu_network_matches_central_differences(alpha):
    rng = np.random.default_rng(11)
    spec = NetworkSpec(3, (LayerSpec(5, "prelu"), LayerSpec(4, "prelu", bias=False),
                           LayerSpec(2, "prelu")))
    net = Network.from_spec(spec, seed=2)
    for i in range(3):
        net.alpha[i][0] = alpha * (i + 1)
    X, T = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    ref, err = _reference(net, X, T, "mse")
    tr = backprop(net, X, T, "mse")
    np.testing.assert_allclose(tr.grad, ref, rtol=1e-7, atol=1e-9 + err.max())
    eng = BatchEngine(net, "mse", 5)  # the mini-batch path (NumPy backprop for PReLU)
    eng.gradient(X, T)
    np.testing.assert_allclose(eng.grad, ref, rtol=1e-7, atol=1e-9 + err.max())


def test_slope_gradient_of_a_prelu_output_layer():
    """The output layer's dL/dz is the loss gradient itself (not recovered from δ)."""
    _, X, T = _issue_example(0.0)
    spec = NetworkSpec(3, (LayerSpec(4, "tanh"), LayerSpec(2, "prelu", alpha=0.0)))
    net = Network.from_spec(spec, seed=4)
    ref, err = _reference(net, X, T, "mse")
    np.testing.assert_allclose(backprop(net, X, T, "mse").grad, ref, rtol=1e-7,
                               atol=1e-9 + err.max())


def test_grad_views_include_the_slope_gradient():
    net, X, T = _issue_example(0.0)
    tr = backprop(net, X, T, "mse")
    views = tr.grad_views(net)
    assert views[0].alpha is not None and views[1].alpha is None
    assert views[0].alpha[0] == pytest.approx(-0.61162467, rel=1e-7)
    np.testing.assert_array_equal(views[0].W, tr.grad[:12].reshape(3, 4))
    np.testing.assert_array_equal(views[1].b, tr.grad[-2:])


def test_training_with_a_slope_below_zero_stays_finite():
    """SGD through α < 0: the slope's step is lr·(true gradient), not lr·1e12·(…)."""
    net, X, T = _issue_example(-0.05)
    for _ in range(50):
        net.params -= 0.05 * backprop(net, X, T, "mse").grad
    assert np.all(np.isfinite(net.params))
    assert abs(net.alpha_of(0)) < 10


def test_the_fused_sample_kernel_refuses_layers_it_cannot_learn():
    """The compiled batch-1 kernel treats α as a constant: it must not train a PReLU net."""
    net, X, T = _issue_example(0.25)
    with pytest.raises(ValueError, match="PReLU"):
        SampleEngine(net, "mse")
