"""Gradients by finite differences; the compiled training paths against their NumPy twins."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnviz.core.kernels import optim as K
from nnviz.core.kernels import reference as R
from nnviz.core.kernels.sgd_b1 import sgd_b1_run
from nnviz.core.nn.backprop import backprop, numerical_gradient
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec
from nnviz.core.train.engine import BatchEngine, SampleEngine

CASES = [
    (("sigmoid", "tanh", "softmax"), "cce"),
    (("relu", "elu", "sigmoid"), "bce"),
    (("swish", "softplus", "identity"), "mse"),
    (("leaky_relu", "tanh", "tanh"), "mse"),
    (("prelu", "maxout", "softmax"), "mse"),
    (("tanh", "sigmoid", "softmax"), "mse"),
    (("relu", "relu", "sigmoid"), "mse"),
]


def _problem(acts, seed=0, rows=6, bias=True):
    rng = np.random.default_rng(seed)
    spec = NetworkSpec.mlp((4, 5, 3, 3), acts, bias=bias, seed=seed)
    net = Network.from_spec(spec)
    net.params += rng.normal(scale=0.1, size=net.params.size)  # no exact ReLU kinks at a = 0
    X = rng.normal(size=(rows, 4))
    T = rng.uniform(0.05, 0.95, size=(rows, 3))
    T /= T.sum(axis=1, keepdims=True)  # cross-entropy targets sum to 1
    return net, X, T


@pytest.mark.parametrize("acts,loss", CASES)
def test_backprop_matches_finite_differences(acts, loss):
    net, X, T = _problem(acts)
    tr = backprop(net, X, T, loss)
    np.testing.assert_allclose(tr.grad, numerical_gradient(net, X, T, loss), atol=1e-7)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), rows=st.integers(1, 5), bias=st.booleans(),
       case=st.sampled_from(CASES))
def test_backprop_finite_differences_random_networks(seed, rows, bias, case):
    acts, loss = case
    net, X, T = _problem(acts, seed, rows, bias)
    tr = backprop(net, X, T, loss)
    np.testing.assert_allclose(tr.grad, numerical_gradient(net, X, T, loss), atol=2e-6)


@pytest.mark.parametrize("jit", [True, False], ids=["jit", "python"])
@pytest.mark.parametrize("acts,loss", [c for c in CASES if "maxout" not in c[0]
                                       and "prelu" not in c[0]])
def test_fused_sample_kernel_matches_reference(acts, loss, jit):
    net, X, T = _problem(acts, rows=10)
    ref = net.copy()
    order = np.array([0, 3, 2, 9, 1, 1, 5], np.int64)
    eng = SampleEngine(net, loss)
    if not jit:
        import nnviz.core.train.engine as E

        orig = E.sgd_b1_run
        E.sgd_b1_run = sgd_b1_run.py_func
    try:
        losses, ok = eng.run(X, T, order, 0.3)
    finally:
        if not jit:
            E.sgd_b1_run = orig
    rl, rok = R.sgd_b1_reference(ref, X, T, order, 0.3, loss)
    np.testing.assert_allclose(net.params, ref.params, atol=1e-12)
    np.testing.assert_allclose(losses, rl, atol=1e-12)
    assert (ok == rok).all()


@pytest.mark.parametrize("jit", [True, False])
def test_fused_kernel_skips_zero_inputs_without_changing_a_number(jit):
    """MNIST-like inputs: most pixels zero, in patterns that differ from sample to sample."""
    rng = np.random.default_rng(3)
    spec = NetworkSpec.mlp((23, 9, 4), ("sigmoid", "softmax"), seed=3)
    net = Network.from_spec(spec)
    X = rng.uniform(0.1, 1.0, size=(12, 23)) * (rng.uniform(size=(12, 23)) < 0.25)
    X[:, :5] = 0.0  # columns never lit (the border of an MNIST image)
    X[4] = 0.0  # an all-blank sample
    X[7, 20:] = 1.0  # a few rows lit only here
    T = np.eye(4)[rng.integers(0, 4, 12)]
    ref = net.copy()
    order = np.array([0, 4, 7, 1, 4, 4, 11, 2, 7, 3], np.int64)
    eng = SampleEngine(net, "cce")
    if not jit:
        import nnviz.core.train.engine as E

        orig, E.sgd_b1_run = E.sgd_b1_run, sgd_b1_run.py_func
    try:
        losses, ok = eng.run(X, T, order, 0.5)
    finally:
        if not jit:
            E.sgd_b1_run = orig
    rl, rok = R.sgd_b1_reference(ref, X, T, order, 0.5, "cce")
    np.testing.assert_allclose(net.params, ref.params, atol=1e-12)
    np.testing.assert_allclose(losses, rl, atol=1e-12)
    assert (ok == rok).all()
    # the never-lit rows of W1 did not move
    np.testing.assert_array_equal(net.W[0][:5], Network.from_spec(spec).W[0][:5])


@pytest.mark.parametrize("jit", [True, False])
@pytest.mark.parametrize("bias", [True, False])
def test_fused_kernel_any_background_value_gives_the_same_training(jit, bias):
    """The course scales pixels to 0.01..1: the background is 0.01, not 0.  Whatever value
    the kernel is told is the background, the result is the reference's (up to rounding)."""
    rng = np.random.default_rng(5)
    spec = NetworkSpec.mlp((19, 7, 3), ("sigmoid", "softmax"), bias=bias, seed=5)
    X = np.full((10, 19), 0.01)
    lit = rng.uniform(size=(10, 19)) < 0.3
    X[lit] = rng.uniform(0.2, 1.0, size=lit.sum())
    T = np.eye(3)[rng.integers(0, 3, 10)]
    order = np.array([2, 0, 5, 5, 9, 1, 3], np.int64)
    ref = Network.from_spec(spec)
    rl, rok = R.sgd_b1_reference(ref, X, T, order, 0.7, "cce")
    kernel = sgd_b1_run if jit else sgd_b1_run.py_func
    for c in (0.01, 0.0, 0.37, -1.0):
        net = Network.from_spec(spec)
        eng = SampleEngine(net, "cce")
        lay = net.layout
        losses, ok = np.zeros(len(order)), np.zeros(len(order), np.uint8)
        kernel(net.params, lay.n_in, lay.width, lay.w_off, lay.b_off, eng.codes, eng.alphas,
               2, X, T, order, np.array([0.7]), eng.A, eng.Z, eng.D, losses, ok, np.array([c]))
        np.testing.assert_allclose(net.params, ref.params, atol=1e-12, err_msg=f"c={c}")
        np.testing.assert_allclose(losses, rl, atol=1e-12)
        assert (ok.astype(bool) == rok).all()
    assert SampleEngine(net, "cce").background(X) == pytest.approx(0.01)
    assert SampleEngine(net, "cce").background(rng.normal(size=(5, 19))) == 0.0


def test_fused_kernel_float32_stays_close_to_float64():
    net, X, T = _problem(("sigmoid", "tanh", "softmax"), rows=50)
    n32 = net.astype(np.float32)
    order = np.arange(50, dtype=np.int64)
    SampleEngine(net, "cce").run(X, T, order, 0.1)
    SampleEngine(n32, "cce").run(X.astype(np.float32), T.astype(np.float32), order, 0.1)
    assert n32.params.dtype == np.float32
    np.testing.assert_allclose(n32.params, net.params, atol=1e-4)


@pytest.mark.parametrize("acts,loss", CASES)
def test_batch_engine_gradient_matches_backprop(acts, loss):
    net, X, T = _problem(acts, rows=7)
    eng = BatchEngine(net, loss, 8)  # partial batch: 7 of 8 rows
    lv, ok, y = eng.gradient(X, T)
    tr = backprop(net, X, T, loss)
    np.testing.assert_allclose(eng.grad, tr.grad, atol=1e-12)
    assert lv == pytest.approx(tr.loss)


# -- optimizers: kernels vs twins vs hand-computed textbook steps --------------------------

def test_optimizer_kernels_match_reference():
    rng = np.random.default_rng(0)
    p0, g = rng.normal(size=9), rng.normal(size=9)
    for jit in (True, False):
        f = (lambda k: k) if jit else (lambda k: k.py_func)
        p = p0.copy()
        f(K.sgd_step)(p, g, 0.1)
        np.testing.assert_allclose(p, R.sgd_step_ref(p0, g, 0.1))
        for nest in (False, True):
            p, v = p0.copy(), np.full(9, 0.2)
            f(K.momentum_step)(p, g, v, 0.1, 0.9, nest)
            ep, ev = R.momentum_step_ref(p0, g, np.full(9, 0.2), 0.1, 0.9, nest)
            np.testing.assert_allclose(p, ep)
            np.testing.assert_allclose(v, ev)
        p, s = p0.copy(), np.full(9, 0.5)
        f(K.adagrad_step)(p, g, s, 0.01, 1e-6)
        np.testing.assert_allclose(p, R.adagrad_step_ref(p0, g, np.full(9, 0.5), 0.01, 1e-6)[0])
        p, s = p0.copy(), np.full(9, 0.5)
        f(K.rmsprop_step)(p, g, s, 0.001, 0.9, 1e-8)
        np.testing.assert_allclose(p, R.rmsprop_step_ref(p0, g, np.full(9, 0.5), 0.001, 0.9,
                                                         1e-8)[0])
        p, m, v = p0.copy(), np.full(9, 0.1), np.full(9, 0.2)
        f(K.adam_step)(p, g, m, v, 0.001, 0.9, 0.999, 1e-8, 3.0)
        np.testing.assert_allclose(p, R.adam_step_ref(p0, g, np.full(9, 0.1), np.full(9, 0.2),
                                                      0.001, 0.9, 0.999, 1e-8, 3)[0])


def test_optimizers_hand_computed_steps():
    from nnviz.core.nn.optimizers import make_optimizer

    def two_steps(name, **kw):
        opt = make_optimizer(name, 1, kw.pop("lr"), **kw)
        p = np.array([1.0])
        for g in (0.5, 0.5):
            opt.step(p, np.array([g]))
        return p[0]

    assert two_steps("sgd", lr=0.1) == pytest.approx(0.9)
    # momentum: v1 = -0.05, p = 0.95; v2 = 0.9*(-0.05) - 0.05 = -0.095, p = 0.855
    assert two_steps("momentum", lr=0.1, momentum=0.9) == pytest.approx(0.855)
    # nesterov: p1 = 1 + 0.9*(-0.05) - 0.05 = 0.905; p2 = 0.905 + 0.9*(-0.095) - 0.05 = 0.7695
    assert two_steps("nesterov", lr=0.1, momentum=0.9) == pytest.approx(0.7695)
    # adagrad: s = 0.25 -> p1 = 1 - 0.01*0.5/0.5 = 0.99; s = 0.5 -> p2 = 0.99 - 0.005/sqrt(.5)
    assert two_steps("adagrad", lr=0.01, eps=0.0) == pytest.approx(0.99 - 0.005 / np.sqrt(0.5))
    # rmsprop: s1 = 0.025 -> p1 = 1 - 0.001*0.5/sqrt(0.025)
    s1 = 0.1 * 0.25
    s2 = 0.9 * s1 + 0.1 * 0.25
    expect = 1 - 0.0005 / np.sqrt(s1) - 0.0005 / np.sqrt(s2)
    assert two_steps("rmsprop", lr=0.001, rho=0.9, eps=0.0) == pytest.approx(expect)
    # adam with a constant gradient: bias-corrected m̂ = g, v̂ = g², so each step is lr
    assert two_steps("adam", lr=0.001, eps=0.0) == pytest.approx(1 - 0.002)
