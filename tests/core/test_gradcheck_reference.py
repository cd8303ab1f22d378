"""An independent float64 reference of nnviz's networks and losses, and checks of the reference.

The gradient checks (``test_gradcheck_*.py``) compare every training path of nnviz with central
differences of the loss computed here.  Nothing here imports nnviz's activations, losses,
network or backprop: the forward pass and the losses are written again from their documented
definitions, each in a form that stays exact where the true value is representable (sigmoid
and the cross-entropies from the logits, log-sum-exp over the remaining outputs for
``log(1 − softmax)``), with no clipping.

Documented definitions used
---------------------------
- parameters: one flat vector; per layer ``W`` (n_in × width, row-major; width = 2·units for
  maxout, pieces ``[a1 | a2]``), then ``b`` (width) if the layer has a bias, then PReLU's ``α``.
- ``a = z_prev @ W + b``, ``z = h(a)``; alpha of leaky_relu/elu from the spec, PReLU's learned.
- mse: mean over rows and outputs of (y − t)²; bce: −mean over rows and outputs of
  t log y + (1 − t) log(1 − y); cce: mean over rows of −Σₖ tₖ log yₖ (softmax output).
- kinks: relu, leaky_relu, prelu, elu and step use their positive branch where a > 0, maxout
  its first piece where a1 ≥ a2.  At a kink central differences would average two slopes, so
  the loss can be evaluated with every kinked unit held on a given branch (``masks``): a
  smooth function whose derivative at the base point is the gradient nnviz must report.
"""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.core.nn.spec import LayerSpec, NetworkSpec

KINKED = ("relu", "leaky_relu", "prelu", "elu", "step", "maxout")


def _width(layer: LayerSpec) -> int:
    return 2 * layer.units if layer.activation == "maxout" else layer.units


def unpack(spec: NetworkSpec, P: np.ndarray):
    """Per layer ``(W, b, alpha)`` for parameter rows ``P`` (n, n_params).

    W: (n, n_in, width); b: (n, width) or None; alpha: (n, 1, 1) for PReLU, else a float.
    """
    out, pos, fan_in = [], 0, spec.inputs
    for layer in spec.layers:
        w = _width(layer)
        W = P[:, pos:pos + fan_in * w].reshape(-1, fan_in, w)
        pos += fan_in * w
        b = None
        if layer.bias:
            b = P[:, pos:pos + w]
            pos += w
        alpha = layer.alpha_value
        if layer.activation == "prelu":
            alpha = P[:, pos, None, None]
            pos += 1
        out.append((W, b, alpha))
        fan_in = layer.units
    assert pos == P.shape[1], "parameter vector longer than the layout"
    return out


def positive_branch(name: str, a: np.ndarray) -> np.ndarray | None:
    """Which branch each unit takes (True: a > 0, or maxout's first piece); None if smooth."""
    if name == "maxout":
        n = a.shape[-1] // 2
        return a[..., :n] >= a[..., n:]
    return a > 0 if name in KINKED else None


def _sigmoid(a):
    return np.exp(-np.logaddexp(0.0, -a))  # exact to rounding for every a, no overflow


def _logsumexp(a, axis=-1):
    m = np.max(a, axis=axis, keepdims=True)
    return (m + np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True)))


def _log_softmax(a):
    """log softmax(a) over the last axis, to rounding even where it is a tiny negative number.

    ``log yₖ = (aₖ − m) − log(1 + Σ_{j≠j*} e^{aⱼ − m})`` with m = a_{j*} the largest entry;
    the plain ``a − logsumexp(a)`` would lose every digit of log yₖ ≈ −1e-116.
    """
    j = np.argmax(a, axis=-1)[..., None]
    m = np.take_along_axis(a, j, axis=-1)
    e = np.exp(a - m)
    np.put_along_axis(e, j, 0.0, axis=-1)
    return (a - m) - np.log1p(np.sum(e, axis=-1, keepdims=True))


def _log_one_minus_softmax(a):
    """log(1 − softmax(a)ₖ) for every k, each without cancellation.

    yₖ ≤ 1/2: log1p(−yₖ).  yₖ > 1/2 (only the largest entry): with c = logsumexp over the
    other entries minus aₖ (< 0), log(1 − yₖ) = c − log1p(e^c).
    """
    K = a.shape[-1]
    y = np.exp(_log_softmax(a))
    out = np.log1p(-np.minimum(y, 0.5))
    for k in range(K):
        if K == 1:
            break
        c = _logsumexp(np.delete(a, k, axis=-1))[..., 0] - a[..., k]
        big = y[..., k] > 0.5
        out[..., k] = np.where(big, c - np.log1p(np.exp(np.minimum(c, 0.0))), out[..., k])
    return out


def activate(name: str, a: np.ndarray, alpha, pos) -> np.ndarray:
    """z = h(a) in float64 with each kinked unit on branch ``pos`` (see module doc)."""
    with np.errstate(over="ignore", invalid="ignore"):
        if name == "identity":
            return a
        if name == "sigmoid":
            return _sigmoid(a)
        if name == "tanh":
            return np.tanh(a)
        if name == "relu":
            return np.where(pos, a, 0.0)
        if name in ("leaky_relu", "prelu"):
            return np.where(pos, a, alpha * a)
        if name == "elu":
            return np.where(pos, a, alpha * np.expm1(np.minimum(a, 1.0)))
        if name == "swish":
            return a * _sigmoid(a)
        if name == "softplus":
            return np.logaddexp(0.0, a)
        if name == "step":
            return np.where(pos, 1.0, 0.0) + 0.0 * a
        if name == "softmax":
            return np.exp(_log_softmax(a))
        if name == "maxout":
            n = a.shape[-1] // 2
            return np.where(pos, a[..., :n], a[..., n:])
    raise ValueError(f"the reference has no activation {name!r}")


def layers_forward(spec: NetworkSpec, P: np.ndarray, X: np.ndarray, masks=None):
    """Weighted sums (n, rows, width) and outputs (n, rows, units) of every layer.

    ``P``: parameter rows (n, n_params).  ``masks[l]`` (rows, units), when given, holds layer
    l's kinked units on those branches; otherwise each unit takes the branch its a selects.
    """
    P = np.atleast_2d(np.asarray(P, np.float64))
    z = np.broadcast_to(np.asarray(X, np.float64), (P.shape[0], *np.shape(X)))
    A, Z = [], []
    for i, (layer, (W, b, alpha)) in enumerate(zip(spec.layers, unpack(spec, P))):
        a = z @ W
        if b is not None:
            a = a + b[:, None, :]
        pos = positive_branch(layer.activation, a) if masks is None else masks[i]
        z = activate(layer.activation, a, alpha, pos)
        A.append(a)
        Z.append(z)
    return A, Z


def forward(spec: NetworkSpec, P: np.ndarray, X: np.ndarray, masks=None):
    """Weighted sums per layer and the network's output (n, rows, K) for parameter rows P."""
    A, Z = layers_forward(spec, P, X, masks)
    return A, Z[-1]


def loss(name: str, out_act: str, a: np.ndarray, y: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Loss of each parameter row (n,), from the output's weighted sums where it matters."""
    T = np.asarray(T, np.float64)
    if name == "mse":
        return np.mean((y - T) ** 2, axis=(-2, -1))
    if name == "cce":
        if out_act != "softmax":
            raise ValueError("the reference has cce for softmax outputs only")
        return np.mean(-np.sum(T * _log_softmax(a), axis=-1), axis=-1)
    if name != "bce":
        raise ValueError(f"unknown loss {name!r}")
    if out_act == "sigmoid":
        log_y, log_1my = -np.logaddexp(0.0, -a), -np.logaddexp(0.0, a)
    elif out_act == "softmax":
        log_y, log_1my = _log_softmax(a), _log_one_minus_softmax(a)
    else:
        raise ValueError("the reference has bce for sigmoid and softmax outputs only")
    return -np.mean(T * log_y + (1.0 - T) * log_1my, axis=(-2, -1))


def network_loss(spec, P, X, T, loss_name, masks=None) -> np.ndarray:
    """Loss (n,) of parameter rows P on inputs X and targets T."""
    A, y = forward(spec, P, X, masks)
    return loss(loss_name, spec.layers[-1].activation, A[-1], y, T)


def masks_of(spec: NetworkSpec, A) -> list:
    """The branch of every kinked unit given weighted sums ``A`` (one array per layer)."""
    return [positive_branch(layer.activation, np.asarray(a, np.float64))
            for layer, a in zip(spec.layers, A)]


STEPS = (1e-2, 1e-3, 1e-4, 1e-5, 1e-6)


def central_gradient(spec, p, X, T, loss_name, masks, steps=STEPS):
    """dL/dp by central differences with Richardson extrapolation, and an error bound.

    For each step h, R(h) = (4·D(h/2) − D(h)) / 3 with D the central difference; steep
    networks (weights in the thousands) need small h, saturated losses of 800 large h, so each
    parameter keeps the h whose R agrees best with the next smaller step's.  All parameters at
    once: rows p ± h·eₖ in one batched forward pass per step.  Returns (gradient, error
    bound) in float64; the bound adds the rounding of the loss values divided by h.
    """
    p = np.asarray(p, np.float64)
    n = p.size
    f0 = float(network_loss(spec, p[None], X, T, loss_name, masks)[0])
    rows = np.empty((4 * n, n))
    diag = (np.arange(4 * n), np.tile(np.arange(n), 4))
    R, noise = [], []
    for h in steps:
        rows[...] = p
        rows[diag] += np.repeat([h, -h, h / 2, -h / 2], n)
        f = network_loss(spec, rows, X, T, loss_name, masks)
        d1 = (f[:n] - f[n:2 * n]) / (2 * h)
        d2 = (f[2 * n:3 * n] - f[3 * n:]) / h
        R.append((4 * d2 - d1) / 3)
        noise.append(64 * np.finfo(np.float64).eps * (1.0 + np.max(np.abs(f)) + abs(f0)) / h)
    R = np.array(R)
    err = np.abs(np.diff(R, axis=0)) + np.array(noise[1:])[:, None]  # R(hᵢ) vs R(hᵢ₊₁)
    best = np.argmin(err, axis=0)
    cols = np.arange(n)
    return R[best, cols], err[best, cols]


# -- checks of the reference itself -----------------------------------------------------

def _one_layer(act, units, bias=True):
    return NetworkSpec(1, (LayerSpec(units, act, bias=bias),))


def test_reference_sigmoid_cross_entropy_is_exact_at_a_minus_40_and_800():
    spec = _one_layer("sigmoid", 1, bias=False)
    for a in (-40.0, -800.0):
        L = network_loss(spec, np.array([a]), [[1.0]], [[1.0]], "bce")[0]
        assert L == pytest.approx(-a, rel=1e-15)
    # log(1 − σ(a)) with t = 0 and a = 800
    assert network_loss(spec, np.array([800.0]), [[1.0]], [[0.0]], "bce")[0] == 800.0


def test_reference_softmax_losses_match_closed_forms():
    spec = _one_layer("softmax", 3, bias=False)
    p = np.array([30.0, 0.0, 0.0])
    e = np.exp(-30.0)
    # the 1→3 softmax of issue 13: BCE = (1/3)[log(1 + 2e) − 2 log(1 − e/(1 + 2e))]
    bce = (np.log1p(2 * e) - 2 * np.log1p(-e / (1 + 2 * e))) / 3
    x, t = [[1.0]], [[1, 0, 0]]
    assert network_loss(spec, p, x, t, "bce")[0] == pytest.approx(bce, rel=1e-12, abs=0)
    assert bce == pytest.approx(1.2476e-13, rel=1e-4, abs=0)
    cce = np.log1p(2 * e)
    assert network_loss(spec, p, x, t, "cce")[0] == pytest.approx(cce, rel=1e-12, abs=0)
    # a target on the far side of a saturated softmax: log y = −800 exactly
    p = np.array([0.0, 800.0, 0.0])
    assert network_loss(spec, p, [[1.0]], [[1, 0, 0]], "cce")[0] == pytest.approx(800.0)


def test_reference_forward_matches_the_handout_formulas():
    spec = NetworkSpec(2, (LayerSpec(2, "prelu", alpha=0.1), LayerSpec(1, "maxout"),
                           LayerSpec(1, "elu", bias=False, alpha=2.0)))
    # W1 (2×2), b1, α1, W2 (2×2), b2 (2), W3 (1×1)
    p = np.array([1, -2, 0.5, 1, 0.1, -0.2, 0.3, 1, 2, -1, 0.5, 0.0, 0.25, -3.0])
    x = np.array([[1.0, 2.0]])
    a1 = x @ np.array([[1, -2], [0.5, 1]]) + [0.1, -0.2]  # [2.1, 1.8]
    z1 = np.where(a1 > 0, a1, 0.3 * a1)
    a2 = z1 @ np.array([[1, 2], [-1, 0.5]]) + [0.0, 0.25]
    z2 = np.maximum(a2[:, :1], a2[:, 1:])
    a3 = z2 * -3.0
    z3 = np.where(a3 > 0, a3, 2.0 * np.expm1(a3))
    A, y = forward(spec, p, x)
    np.testing.assert_allclose(A[1][0], a2)
    np.testing.assert_allclose(y[0], z3)


def test_reference_central_gradient_of_a_known_function():
    """MSE of one identity unit: L = (w·x + b − t)², dL/dw = 2(w·x + b − t)·x."""
    spec = _one_layer("identity", 1)
    p = np.array([0.7, -0.2])
    g, err = central_gradient(spec, p, [[3.0]], [[1.0]], "mse", [None])
    r = 0.7 * 3 - 0.2 - 1.0
    np.testing.assert_allclose(g, [2 * r * 3, 2 * r], rtol=1e-10)
    assert np.all(err < 1e-8)


def test_frozen_branch_gives_the_one_sided_derivative_at_a_kink():
    """ReLU at a = 0: nnviz's convention (a > 0) takes the left branch, derivative 0."""
    spec = _one_layer("relu", 1)
    p = np.array([1.0, -2.0])  # a = 1·2 − 2 = 0
    A, _ = forward(spec, p, [[2.0]])
    masks = masks_of(spec, [A[0][0]])
    g, _ = central_gradient(spec, p, [[2.0]], [[1.0]], "mse", masks)
    np.testing.assert_allclose(g, [0.0, 0.0], atol=1e-12)
