"""Property-based gradient check of every training path against independent central differences.

For every hidden activation × every (output activation, loss) pair the spec accepts, hypothesis
draws networks of depth 1–4 and widths 1–16 (sometimes 64+ mostly-blank inputs, MNIST-like, so
the sparse first-layer kernels run), float32 or float64, PReLU slopes at 0, ±1e-300, 1e-13,
−0.05 …, and steers the first sample's weighted sums onto kinks and into saturation
(0, ±1e-300, ±20 … ±800).  Every parameter's gradient — weights, biases and every PReLU α — is
compared with central differences of the loss of ``test_gradcheck_reference`` (float64, written
independently of ``nnviz.core.nn.losses``; kinked units held on the branch nnviz took):

- the NumPy reference path (``backprop``, its loss and ``evaluate``);
- the mini-batch engine (compiled kernels, with L1/L2 decay; NumPy backprop for maxout/PReLU);
- the fused batch-1 kernel, through a one-sample SGD update compared with lr · gradient
  (it refuses maxout/PReLU networks, which is checked too).

Runs are derandomized (the same examples every time) so the suite never flakes.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_gradcheck_reference import (
    activate,
    central_gradient,
    forward,
    layers_forward,
    masks_of,
    network_loss,
    unpack,
)

from nnviz.core.nn.backprop import backprop, evaluate
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import (
    ACTIVATION_NAMES,
    LOSS_NAMES,
    LayerSpec,
    NetworkSpec,
    SpecError,
    check_loss_output,
)
from nnviz.core.train.engine import BatchEngine, SampleEngine, kernel_friendly

HIDDEN = tuple(a for a in ACTIVATION_NAMES if a != "softmax")
SPECIAL = (0.0, 1e-300, -1e-300, 20.0, -20.0, 40.0, -40.0, 100.0, -100.0, 800.0, -800.0)
PRELU_ALPHAS = (0.0, 1e-13, -1e-300, -0.05, 0.25, 1.7)


def _accepts(loss, act):
    try:
        check_loss_output(NetworkSpec(1, (LayerSpec(2, act),)), loss)
    except SpecError:
        return False
    return True


PAIRS = [(act, loss) for act in ACTIVATION_NAMES for loss in LOSS_NAMES if _accepts(loss, act)]
SETTINGS = settings(max_examples=2, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


# -- drawing a problem ------------------------------------------------------------------

@st.composite
def problems(draw, hidden_act, out_act, loss):
    """(net, X, T, l1, l2): a random network around ``hidden_act`` with the given output."""
    depth = draw(st.integers(1, 4))
    acts = [hidden_act] + [draw(st.sampled_from(HIDDEN)) for _ in range(depth - 2)]
    acts = acts[:depth - 1]
    layers = []
    for act in acts:
        alpha = (draw(st.sampled_from((None, 0.0, 0.3, 2.0)))
                 if act in ("leaky_relu", "elu") else None)
        layers.append(LayerSpec(draw(st.integers(1, 16)), act, draw(st.booleans()),
                                alpha=alpha))
    k_min = 2 if out_act == "softmax" else 1
    layers.append(LayerSpec(draw(st.integers(k_min, 16)), out_act, draw(st.booleans())))
    sparse = draw(st.integers(0, 4)) == 0
    inputs = draw(st.integers(64, 80)) if sparse else draw(st.integers(1, 16))
    spec = NetworkSpec(inputs, tuple(layers), seed=draw(st.integers(0, 2**32 - 1)))
    dtype = draw(st.sampled_from((np.float64, np.float32)))
    rows = draw(st.integers(1, 4))
    rng = np.random.default_rng(spec.seed)
    scale = draw(st.sampled_from((0.3, 1.0, 3.0)))
    steer_share = draw(st.sampled_from((0.0, 0.3, 0.8)))
    X = rng.normal(size=(rows, inputs))
    if sparse:  # MNIST-like: most inputs one background value c, X[0, 0] among them
        c = draw(st.sampled_from((0.0, 0.01)))
        X = np.where(rng.uniform(size=X.shape) < 0.15, rng.uniform(0.1, 1.0, X.shape), c)
        X[0, 0] = c
    p = rng.normal(scale=scale, size=spec.n_params())
    p = _steer(spec, p, X, rng, steer_share, draw(st.sampled_from(PRELU_ALPHAS)))
    T = _targets(rng, loss, out_act, rows, layers[-1].units)
    l1, l2 = draw(st.sampled_from(((0.0, 0.0), (0.0, 0.3), (0.2, 0.0), (0.05, 0.5))))
    net = Network(spec, p.astype(dtype), dtype)
    return net, X.astype(dtype), T.astype(dtype), l1, l2


def _steer(spec, p, X, rng, share, prelu_alpha):
    """Set PReLU slopes, then move a share of the first sample's weighted sums onto SPECIAL.

    0 and ±1e-300 are made exact (zero incoming weights, the bias carries the value), so every
    path computes the same kink whatever its summation order.
    """
    p = p.copy()
    P = p[None]  # unpack gives views: writing them writes p
    params = unpack(spec, P)
    for layer, (_, _, alpha) in zip(spec.layers, params):
        if layer.activation == "prelu":
            alpha[...] = prelu_alpha * rng.choice((1.0, 2.0))
    for i, (W, b, _) in enumerate(params):
        z = X[0] if i == 0 else layers_forward(spec, P, X[:1])[1][i - 1][0, 0]
        for j in range(W.shape[2]):
            if rng.uniform() >= share:
                continue
            s = float(rng.choice(SPECIAL))
            a = float(z @ W[0, :, j])
            if abs(s) < 1:
                W[0, :, j] = 0.0
                if b is not None:
                    b[0, j] = s
            elif b is not None:
                b[0, j] = s - a
            elif abs(a) > 1e-3:
                W[0, :, j] *= s / a
    return p


def _targets(rng, loss, out_act, rows, k):
    if loss == "mse":
        return rng.normal(size=(rows, k))
    if loss == "bce":
        return np.where(rng.uniform(size=(rows, k)) < 0.5, rng.integers(0, 2, (rows, k)),
                        rng.uniform(size=(rows, k)))
    T = rng.exponential(size=(rows, k))  # cce: distributions (one-hot in some rows)
    T[rng.uniform(size=rows) < 0.5] = np.eye(k)[rng.integers(0, k)]
    return T / T.sum(axis=1, keepdims=True)


# -- the reference and the comparison ----------------------------------------------------

def _reference(net, X, T, loss):
    """(loss, gradient, error bound) of the independent reference at nnviz's branches."""
    spec = net.spec
    p = net.params.astype(np.float64)
    X64, T64 = X.astype(np.float64), T.astype(np.float64)
    A = [a for a, _ in net.trace(X)]
    masks = masks_of(spec, A)
    a_noise, g_noise, l_noise = _rounding_noise(spec, p, X64, T64, masks,
                                                np.finfo(net.dtype).eps)
    A_ref, y_ref = forward(spec, p[None], X64, masks)
    for a_impl, a_ref, noise in zip(A, A_ref, a_noise):  # the forward passes agree
        assert np.all(np.abs(a_impl - a_ref[0]) <= noise + 1e-300), "weighted sums differ"
    L = float(network_loss(spec, p[None], X64, T64, loss, masks)[0])
    g, err = central_gradient(spec, p, X64, T64, loss, masks)
    return (L, l_noise), g, err + g_noise


def _decay(spec, p, l1, l2):
    """Gradient of the weight decay l2/2·|W|² + l1·|W| (W only; sign(0) = 0, like nnviz)."""
    p = p.astype(np.float64)
    return _weight_mask(spec) * (l2 * p + l1 * np.sign(p))


def _rounding_noise(spec, p, X, T, masks, eps):
    """How far rounding at precision ``eps`` can move the numbers (a generous first-order bound).

    Forward: the error of each weighted sum is at most ~eps·m_a with m_a = m_z_prev @ |W| + |b|
    and m_z = |z| + (|h'| + 1)·m_a.  Backward: magnitudes d of dL/dz pushed through |W| and
    |h'| + 1 + m_a — the + 1 because a saturated h' = z(1 − z) comes from a z that rounded to 1
    and is off by ~eps however small the true e^{−|a|} is; m_a for the error of h'(a) itself.
    Returns 64·eps × (forward bounds per layer, gradient bounds, loss bound).
    """
    A, Z = layers_forward(spec, p[None], X, masks)
    A, Z = [a[0] for a in A], [z[0] for z in Z]
    alphas = [alpha[0] if isinstance(alpha, np.ndarray) else alpha
              for _, _, alpha in unpack(spec, p[None])]
    absWb = [(W[0], None if b is None else b[0]) for W, b, _ in unpack(spec, np.abs(p)[None])]
    slopes, m_a, m_zs, m_z = [], [], [], np.abs(X)
    for i, layer in enumerate(spec.layers):
        W, b = absWb[i]
        ma = m_z @ W + (0.0 if b is None else b)
        act, a = layer.activation, A[i]
        if act in ("softmax", "maxout"):
            slope = np.ones_like(a)
        else:
            h = 1e-6 * (1 + np.abs(a))
            slope = np.abs(activate(act, a + h, alphas[i], masks[i])
                           - activate(act, a - h, alphas[i], masks[i])) / (2 * h)
        mz = (slope + 1.0) * ma
        if act == "maxout":
            n = mz.shape[-1] // 2
            mz = np.maximum(mz[:, :n], mz[:, n:])
        elif act == "softmax":
            mz = np.broadcast_to(np.max(mz, axis=-1, keepdims=True), mz.shape)
        m_a.append(ma)
        slopes.append(slope)
        m_z = np.abs(Z[i]) + mz
        m_zs.append(m_z)
    M = np.zeros((1, p.size))
    mags = unpack(spec, M)
    d = (1.0 + np.abs(Z[-1]) + np.abs(T) + m_z) / len(X)  # |dL/dy|, then |dL/dz| per layer
    loss_bound = float(np.sum(d * m_a[-1][:, :d.shape[1]])) + float(np.sum(d))
    for i in range(len(spec.layers) - 1, -1, -1):
        if spec.layers[i].activation == "prelu":
            mags[i][2][...] = np.sum((np.abs(A[i]) + m_a[i]) * d)
        if spec.layers[i].activation == "maxout":
            d = np.concatenate([d, d], axis=-1)
        d = d * (slopes[i] + 1.0 + m_a[i])
        mags[i][0][0] = (np.abs(X) if i == 0 else m_zs[i - 1]).T @ d
        if mags[i][1] is not None:
            mags[i][1][0] = d.sum(axis=0)
        d = d @ absWb[i][0].T
    c = 64 * eps
    return [c * m for m in m_a], c * M[0], c * loss_bound


def _weight_mask(spec):
    P = np.zeros((1, spec.n_params()))
    for W, _, _ in unpack(spec, P):
        W[...] = 1.0
    return P[0]


def _close(name, got, ref, err, dtype):
    """|got − ref| within the dtype's rounding, relative to each entry and to the vector."""
    got = np.asarray(got, np.float64)
    scale = np.max(np.abs(ref)) if np.size(ref) else 0.0
    rtol, atol = (1e-6, 1e-8) if dtype == np.float64 else (1e-4, 1e-5)
    bound = rtol * np.abs(ref) + atol * scale + err + 1e-300
    bad = np.abs(got - ref) > bound
    assert not bad.any(), (f"{name}: {int(bad.sum())} of {bad.size} gradients off; first at "
                           f"{int(np.argmax(bad))}: {got[bad][:3]} vs {ref[bad][:3]}")


def _loss_close(name, got, ref, dtype):
    """``ref``: (reference loss, rounding bound of the dtype)."""
    L, noise = ref
    assert got == pytest.approx(L, rel=1e-9, abs=noise + np.finfo(dtype).tiny), name


# -- the property ------------------------------------------------------------------------

@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("out_act,loss", PAIRS)
@SETTINGS
@given(data=st.data())
def test_every_path_matches_central_differences(hidden, out_act, loss, data):
    net, X, T, l1, l2 = data.draw(problems(hidden, out_act, loss))
    dt = net.dtype.type
    L, ref, err = _reference(net, X, T, loss)
    # NumPy reference path: loss, every gradient (α included), evaluate()
    tr = backprop(net, X, T, loss)
    _loss_close("backprop loss", tr.loss, L, dt)
    _close("backprop", tr.grad, ref, err, dt)
    labels = np.argmax(T, axis=1) if T.shape[1] > 1 else (T[:, 0] > 0.5).astype(int)
    _loss_close("evaluate", evaluate(net, X, T, labels, loss)[0], L, dt)
    # mini-batch engine (one spare row: a partial batch), with weight decay
    eng = BatchEngine(net, loss, len(X) + 1, l1=l1, l2=l2)
    lv, _, _ = eng.gradient(X, T)
    _loss_close("batch engine loss", lv, L, dt)
    _close("batch engine", eng.grad, ref + _decay(net.spec, net.params, l1, l2), err, dt)
    # fused batch-1 kernel: one SGD update of the first sample is lr·(its gradient)
    if not kernel_friendly(net):
        with pytest.raises(ValueError):
            SampleEngine(net, loss)
        return
    L1, ref1, err1 = _reference(net, X[:1], T[:1], loss)
    before = net.params.astype(np.float64)
    lr = 0.25
    losses, _ = SampleEngine(net, loss).run(X, T, np.zeros(1, np.int64), lr)
    _loss_close("fused kernel loss", losses[0], L1, dt)
    step = (before - net.params.astype(np.float64)) / lr
    rounding = 4 * np.finfo(dt).eps * (np.abs(before) + np.abs(net.params)) / lr
    _close("fused kernel update / lr", step, ref1, err1 + rounding, dt)
