"""Loss functions L(y, t) averaged over a batch, with their gradients.

- ``mse``: L = mean over outputs of (y - t)^2 (Keras' MSE; handout 001's J(W)).
- ``bce``: L = -mean over outputs of [t log y + (1 - t) log(1 - y)] (binary cross-entropy).
- ``cce``: categorical cross-entropy ``-Σ t log y``.  With a softmax output the output error
  used for training is ``y - t`` (the course's rule; the exact gradient when the targets sum to
  1, as one-hot targets do; the course's smoothed 0.01/0.99 targets sum to 1.08).

Each entry: ``value(y, t) -> float`` (batch mean) and ``grad(y, t) -> dL/dy`` per sample row
(already divided by the batch size).  ``loss_value`` and ``output_delta`` take the output
layer's weighted sums ``a`` too and, for a sigmoid or softmax output, compute the
cross-entropies from them (``log y`` and ``log(1 - y)`` as log-sum-exps): exact to rounding for
every finite ``a``, with no clipping, because y itself rounds to 0 or 1 long before its log
stops being representable (σ(−40) = 4e-18; float32's 1 − 1e-13 is 1).  For any other output
(the spec refuses those pairs, but the functions stay total) y is only kept inside the dtype:
``log(max(y, tiny))`` and ``log1p(-min(y, 1 − ulp))``, so every loss is finite for any finite y.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np


class Loss(NamedTuple):
    value: Callable[..., float]  # value(y, t) -> float, mean over the batch
    grad: Callable[..., Any]  # grad(y, t) -> dL/dy, shape of y, divided by the batch size
    formula: str


def _rows(y):
    return y.shape[0] if y.ndim > 1 else 1


def _float(y):
    y = np.asarray(y)
    return y if y.dtype.kind == "f" else y.astype(np.float64)


def _inside(y):
    """y kept in [tiny, 1 − ulp] of its dtype: log y and log(1 − y) are then finite."""
    f = np.finfo(y.dtype)
    return np.clip(y, f.tiny, 1.0 - f.epsneg)


def _mse_value(y, t):
    e = np.asarray(y, np.float64) - np.asarray(t, np.float64)  # float32 (1e20)² is inf
    return float(np.mean(e * e))


def _mse_grad(y, t):
    return 2.0 * (y - t) / (y.shape[-1] * _rows(y))


def _bce_value(y, t):
    yc = _inside(_float(y))
    return float(-np.mean(t * np.log(yc) + (1 - t) * np.log1p(-yc)))


def _bce_grad(y, t):
    yc = _inside(_float(y))
    return (yc - t) / (yc * (1 - yc)) / (y.shape[-1] * _rows(y))


def _cce_value(y, t):
    y = _float(y)
    return float(np.mean(-np.sum(t * np.log(np.maximum(y, np.finfo(y.dtype).tiny)), axis=-1)))


def _cce_grad(y, t):
    y = _float(y)
    return -t / np.maximum(y, np.finfo(y.dtype).tiny) / _rows(y)


LOSSES: dict[str, Loss] = {
    "mse": Loss(_mse_value, _mse_grad, "L = (1/K) Σₖ (yₖ − tₖ)²"),
    "bce": Loss(_bce_value, _bce_grad, "L = −(1/K) Σₖ [tₖ log yₖ + (1 − tₖ) log(1 − yₖ)]"),
    "cce": Loss(_cce_value, _cce_grad, "L = −Σₖ tₖ log yₖ"),
}


# -- cross-entropies from the logits -----------------------------------------------------

def _sigmoid_logs(a):
    """(log σ(a), log(1 − σ(a))) = (−softplus(−a), −softplus(a)), one exp and one log1p."""
    lg = np.log1p(np.exp(-np.abs(a)))
    return -(np.maximum(-a, 0) + lg), -(np.maximum(a, 0) + lg)


class _SoftmaxParts(NamedTuple):
    """Softmax rows split at their largest entry k (all arrays (rows, 1) unless noted).

    ``S_not = Σ_{j≠k} e^{aⱼ − a_k}`` is computed relative to the second largest entry m2 so
    that ``1 − y_k = S_not / (1 + S_not)`` keeps its digits even when it underflows.
    """

    k: np.ndarray  # column of the largest entry
    gap: np.ndarray  # a_k − a (rows, K), ≥ 0
    log_s_not: np.ndarray  # log S_not (−inf with one output)
    s_not: np.ndarray  # S_not (may underflow to 0)
    q_k: np.ndarray  # e^{aⱼ} / Σ_{i≠k} e^{aᵢ} for j ≠ k, 0 at k (rows, K)


def _softmax_parts(a) -> _SoftmaxParts:
    a = np.asarray(a)
    rows = np.arange(a.shape[0])
    k = np.argmax(a, axis=-1)[:, None]
    m = np.take_along_axis(a, k, axis=-1)
    others = a.copy()
    others[rows, k[:, 0]] = -np.inf
    with np.errstate(invalid="ignore", divide="ignore"):
        # one output: no second entry (any finite m2 gives e2 = 0, S_not = 0)
        m2 = np.max(others, axis=-1, keepdims=True) if a.shape[-1] > 1 else m
        e2 = np.exp(others - m2)  # 0 at k
        s2 = np.sum(e2, axis=-1, keepdims=True)
        log_s_not = (m2 - m) + np.log(s2)
    q_k = e2 / np.where(s2 > 0, s2, 1)
    return _SoftmaxParts(k, m - a, log_s_not, np.exp(log_s_not), q_k)


def _softmax_cce_value(a, t):
    """Σⱼ tⱼ (logsumexp(a) − aⱼ), with logsumexp(a) − a_k = log1p(S_not)."""
    p = _softmax_parts(a)
    return float(np.mean(np.sum(t * (p.gap + np.log1p(p.s_not)), axis=-1)))


def _softmax_bce_logs(a, y):
    """(log y, log(1 − y)) of softmax rows, each to rounding for any finite a."""
    p = _softmax_parts(a)
    log_y = -(p.gap + np.log1p(p.s_not))
    tiny = np.finfo(y.dtype).tiny
    with np.errstate(divide="ignore"):
        log_1my = np.log1p(-np.minimum(y, 0.5))  # yⱼ ≤ 1/2 away from the largest entry
        at_k = np.where(np.isfinite(p.log_s_not), p.log_s_not - np.log1p(p.s_not), np.log(tiny))
    np.put_along_axis(log_1my, p.k, at_k, axis=-1)
    return log_y, log_1my, p


def _softmax_bce_value(a, y, t):
    log_y, log_1my, _ = _softmax_bce_logs(a, y)
    return float(-np.mean(t * log_y + (1 - t) * log_1my))


def _softmax_bce_delta(a, y, t):
    """dL/da of BCE through softmax, per row and unscaled (divide by K·rows):

    ``yⱼ − tⱼ + Σ_{k≠j} qⱼ⁽ᵏ⁾ (t_k − y_k)`` with ``qⱼ⁽ᵏ⁾ = e^{aⱼ} / Σ_{i≠k} e^{aᵢ} ∈ [0, 1]``
    (``yⱼ / (1 − y_k)``, or ``q_k`` of :class:`_SoftmaxParts` when k is the largest entry).
    Every term is bounded, so it stays finite where y rounds to exactly 0 or 1.
    """
    p = _softmax_parts(a)
    rows = np.arange(a.shape[0])
    kk = p.k[:, 0]
    r = (t - y) / (1 - np.minimum(y, 0.5))  # (t_k − y_k) / (1 − y_k) for k ≠ largest
    r[rows, kk] = 0.0
    R = np.sum(r, axis=-1, keepdims=True)
    y_minus_t = y - t
    # at the largest entry y rounds to 1 first: y − t = (1 − t) − S_not / (1 + S_not)
    at_k = 1 - np.take_along_axis(t, p.k, axis=-1) - p.s_not / (1 + p.s_not)
    np.put_along_axis(y_minus_t, p.k, at_k, axis=-1)
    return y_minus_t + y * (R - r) - p.q_k * at_k


# (loss, output activation) pairs computed from the output's weighted sums
_FROM_LOGITS = {("cce", "softmax"), ("bce", "sigmoid"), ("bce", "softmax")}


def loss_value(loss: str, y, t, a=None, activation: str | None = None) -> float:
    """Batch-mean loss; ``a`` (the output layer's weighted sums) enables the exact forms."""
    y, t = _float(y), np.asarray(t)
    if a is None or (loss, activation) not in _FROM_LOGITS:
        return LOSSES[loss].value(y, t)
    a = _float(a)
    a2, y2, t2 = (np.atleast_2d(v) for v in (a, y, t))
    if loss == "cce":
        return _softmax_cce_value(a2, t2)
    if activation == "softmax":
        return _softmax_bce_value(a2, y2, t2)
    log_y, log_1my = _sigmoid_logs(a2)
    return float(-np.mean(t2 * log_y + (1 - t2) * log_1my))


def output_delta(loss: str, activation: str, y, t, a, alpha: float, backward):
    """dL/da of the output layer for a batch (rows) or a single sample (1-D).

    ``backward`` is the output activation's Jacobian-vector product (used when not fused).
    """
    rows = _rows(y)
    if loss == "cce" and activation == "softmax":
        return (y - t) / rows
    if loss == "bce" and activation == "sigmoid":
        return (y - t) / (y.shape[-1] * rows)
    if loss == "bce" and activation == "softmax":
        d = _softmax_bce_delta(*(np.atleast_2d(_float(v)) for v in (a, y, t)))
        return (d / (y.shape[-1] * rows)).reshape(np.shape(y)).astype(y.dtype, copy=False)
    return backward(a, y, LOSSES[loss].grad(y, t), alpha)
