"""Losses at the extremes: exact where the true value is representable, finite for any output.

Issue 13, defects 2 and 3: cross-entropy on a non-softmax output clipped y at 1e-12 (a sigmoid
at a = −40 gave loss 27.63 and dL/da = −4.2e-6 instead of 40 and −1), and float32 BCE rounded
``1 − 1e-12`` to 1, so a correct 1→3 softmax net gave NaN loss, NaN gradient and NaN
``evaluate()``.  The expected values come from the independent reference
(``test_gradcheck_reference.py``), not from ``nnviz.core.nn.losses``.
"""

import numpy as np
import pytest
from test_gradcheck_reference import central_gradient, network_loss

from nnviz.core.kernels.sgd_b1 import LOSS_CODES, output_rows
from nnviz.core.nn.activations import ACTIVATIONS
from nnviz.core.nn.backprop import backprop, evaluate
from nnviz.core.nn.losses import loss_value, output_delta
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec, SpecError, TrainSpec
from nnviz.core.train.engine import BatchEngine, SampleEngine
from nnviz.core.train.trainer import TrainData, Trainer

DTYPES = (np.float64, np.float32)
EXTREMES = (-800.0, -100.0, -40.0, -20.0, -1e-300, 0.0, 1e-300, 20.0, 40.0, 100.0, 800.0)


def _outputs(act, a, dtype):
    a = np.asarray(a, dtype)
    return a, np.asarray(ACTIVATIONS[act].f(a, 0.25), dtype)


def _numpy_path(loss, act, a, t, dtype):
    """(loss, dL/da) by nnviz's NumPy functions for one row of weighted sums ``a``."""
    a, y = _outputs(act, [a], dtype)
    t = np.asarray([t], dtype)
    d = output_delta(loss, act, y, t, a, 0.25, ACTIVATIONS[act].backward)
    return loss_value(loss, y, t, a, act), np.asarray(d)[0]


def _kernel_path(loss, act, a, t, dtype, jit=True):
    """(loss, dL/da) by the compiled output layer (mini-batch engine and fused kernel)."""
    a, y = _outputs(act, [a], dtype)
    t = np.asarray([t], dtype)
    d = np.zeros_like(a)
    f = output_rows if jit else output_rows.py_func
    lv = f(LOSS_CODES[loss], ACTIVATIONS[act].code, a, y, t, d, dtype(0.25),
           np.zeros(1, np.uint8))
    return lv, d[0]


def _reference(loss, act, a, t):
    """Loss and dL/da of one row by the independent reference (a one-layer net, x = 1)."""
    K = len(a)
    spec = NetworkSpec(1, (LayerSpec(K, act, bias=False),))
    p = np.asarray(a, np.float64)
    L = network_loss(spec, p, [[1.0]], [t], loss)[0]
    g, err = central_gradient(spec, p, [[1.0]], [t], loss, [None])
    return L, g, err


PATHS = {"numpy": _numpy_path, "kernel": _kernel_path,
         "python": lambda *args: _kernel_path(*args, jit=False)}


# -- defect 2: no clipping at 1e-12 ----------------------------------------------------------

@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_cross_entropy_of_a_sigmoid_at_minus_40_is_40(path, dtype):
    """−log σ(−40) = 40.0 and dL/da = σ(−40) − 1 = −1.0 (the issue's numbers)."""
    for loss in ("cce", "bce"):
        lv, d = PATHS[path](loss, "sigmoid", [-40.0], [1.0], dtype)
        assert lv == pytest.approx(40.0, rel=1e-6), loss
        assert d[0] == pytest.approx(-1.0, rel=1e-6), loss


@pytest.mark.parametrize("path", PATHS)
def test_binary_cross_entropy_of_a_confidently_wrong_softmax(path):
    """y₀ = 4.2e-18 with t₀ = 1: the loss is 40, not −log(1e-12) = 27.6."""
    a, t = [-40.0, 0.0], [1.0, 0.0]
    ref_l, ref_d, err = _reference("bce", "softmax", a, t)
    lv, d = PATHS[path]("bce", "softmax", a, t, np.float64)
    assert ref_l == pytest.approx(40.0, rel=1e-3)
    assert lv == pytest.approx(ref_l, rel=1e-12)
    np.testing.assert_allclose(d, ref_d, rtol=1e-7, atol=err.max())


def test_backprop_of_a_sigmoid_net_at_minus_40():
    spec = NetworkSpec(1, (LayerSpec(2, "sigmoid", bias=False),))
    net = Network(spec, np.array([-40.0, 3.0]))
    tr = backprop(net, [1.0], [1.0, 0.0], "bce")
    ref = 0.5 * (40.0 + np.logaddexp(0, 3.0))
    assert tr.loss == pytest.approx(ref, rel=1e-12)
    assert tr.delta[-1][0] == pytest.approx(-0.5, rel=1e-12)


# -- defect 3: float32 binary cross-entropy of a saturated softmax ---------------------------

def _saturated_softmax(dtype):
    spec = NetworkSpec(1, (LayerSpec(3, "softmax"),))
    net = Network(spec, dtype=dtype)
    net.W[0][0] = [30.0, 0.0, 0.0]
    X = np.array([[1.0]], dtype)
    T = np.array([[1.0, 0.0, 0.0]], dtype)
    return net, X, T


@pytest.mark.parametrize("dtype", DTYPES)
def test_saturated_softmax_bce_is_finite_and_right(dtype):
    net, X, T = _saturated_softmax(dtype)
    ref_l = network_loss(net.spec, net.params.astype(np.float64), X, T, "bce")[0]
    assert ref_l == pytest.approx(1.2476e-13, rel=1e-4, abs=0)
    tr = backprop(net, X, T, "bce")
    assert tr.loss == pytest.approx(ref_l, rel=1e-3, abs=0)
    assert np.all(np.isfinite(tr.grad))
    assert np.max(np.abs(tr.grad)) < 1e-6
    loss, acc = evaluate(net, X, T, np.array([0]), "bce")
    assert loss == pytest.approx(ref_l, rel=1e-3, abs=0) and acc == 1.0
    eng = BatchEngine(net, "bce", 1)
    lv, _, _ = eng.gradient(X, T)
    assert lv == pytest.approx(ref_l, rel=1e-3, abs=0)
    np.testing.assert_allclose(eng.grad, tr.grad, atol=1e-7)
    losses, _ = SampleEngine(net, "bce").run(X, T, np.array([0, 0, 0]), 0.5)
    assert np.all(np.isfinite(losses)) and np.all(np.isfinite(net.params))


def test_trainer_does_not_call_a_correct_float32_net_diverged():
    net, X, T = _saturated_softmax(np.float32)
    X, T = np.repeat(X, 4, axis=0), np.repeat(T, 4, axis=0)
    y = np.zeros(4, int)
    trainer = Trainer(net, TrainData(X, T, y, X, T, y), TrainSpec(loss="bce", dtype="float32"))
    snap = trainer.step("epoch")
    assert snap.status != "diverged", snap.message
    assert np.isfinite(snap.train_loss)


# -- every loss finite for any finite output; exact for the pairs the spec accepts ----------

def _accepted(loss, act, units):
    from nnviz.core.nn.spec import check_loss_output

    spec = NetworkSpec(1, (LayerSpec(units, act),))
    try:
        check_loss_output(spec, loss)
    except SpecError:
        return False
    return True


KERNEL_ACTS = [n for n, a in ACTIVATIONS.items() if a.code >= 0]
TARGETS = {"mse": ([0.0, 1.0], [0.3, -2.0]), "bce": ([0.0, 1.0], [0.99, 0.01]),
           "cce": ([0.0, 1.0], [0.25, 0.75])}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("loss", ["mse", "bce", "cce"])
def test_every_loss_is_finite_for_any_finite_output(loss, dtype):
    for act in ACTIVATIONS:
        units = 4 if act == "maxout" else 2
        for a0 in EXTREMES:
            a = [a0, -a0 / 2, 1.0, a0][:units]  # maxout: two pieces per output
            for t in TARGETS[loss]:
                lv, d = _numpy_path(loss, act, a, t, dtype)
                assert np.isfinite(lv), (act, a, t)
                if _accepted(loss, act, 2):
                    assert np.all(np.isfinite(d)), (act, a, t)
                if act in KERNEL_ACTS:
                    lv, d = _kernel_path(loss, act, a, t, dtype)
                    assert np.isfinite(lv), (act, a, t, "kernel")
                    if _accepted(loss, act, 2):
                        assert np.all(np.isfinite(d)), (act, a, t, "kernel")


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("pair", [("bce", "sigmoid"), ("bce", "softmax"), ("cce", "softmax")])
def test_cross_entropy_matches_the_reference_at_the_extremes(pair, dtype, path):
    loss, act = pair
    rtol = 1e-9 if dtype == np.float64 else 2e-5
    for a0 in EXTREMES:
        for a in ([a0, 0.0, -a0 / 3], [a0, a0, 5.0], [a0, 1e-300, -0.5]):
            if dtype == np.float32 and abs(a0) > 100:
                continue  # a − max(a) loses digits in float32: the reference is at float64 a
            for t in ([1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.2, 0.5, 0.3]):
                a_in = np.asarray(a, dtype).astype(np.float64)
                ref_l, ref_d, err = _reference(loss, act, a_in, t)
                lv, d = PATHS[path](loss, act, a, t, dtype)
                scale = max(1.0, np.max(np.abs(ref_d)))
                # below the dtype's smallest normal number a loss is rounding noise
                assert lv == pytest.approx(ref_l, rel=rtol, abs=np.finfo(dtype).tiny), (a, t)
                np.testing.assert_allclose(d, ref_d, rtol=max(rtol, 1e-7),
                                           atol=rtol * scale + err.max(), err_msg=f"{a} {t}")
