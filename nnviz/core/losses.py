"""Loss functions L(y, t) averaged over a batch, with their gradients.

- ``mse``: L = mean over outputs of (y - t)^2 (Keras' MSE; handout 001's J(W)).
- ``bce``: L = -mean over outputs of [t log y + (1 - t) log(1 - y)] (binary cross-entropy).
- ``cce``: categorical cross-entropy ``-Σ t log y``. With a softmax output it is computed from
  the weighted sums as ``Σt·logsumexp(a) - t·a``, which never overflows, and the output error
  used for training is ``y - t`` (the course's rule; the exact gradient when the targets sum to
  1, as one-hot targets do; the course's smoothed 0.01/0.99 targets sum to 1.08).

Each entry: ``value(y, t, a=None) -> float`` (batch mean) and ``grad(y, t) -> dL/dy`` per sample
row (already divided by the batch size).  ``output_delta(loss, act, y, t, a)`` fuses the loss
with the output activation where that is both stabler and cheaper (softmax+cce, sigmoid+bce).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

EPS = 1e-12


class Loss(NamedTuple):
    value: object  # value(y, t, a) -> float, mean over the batch
    grad: object  # grad(y, t) -> dL/dy, shape of y, divided by the batch size
    formula: str


def _rows(y):
    return y.shape[0] if y.ndim > 1 else 1


def _mse_value(y, t, a=None):
    return float(np.mean((y - t) ** 2))


def _mse_grad(y, t):
    return 2.0 * (y - t) / (y.shape[-1] * _rows(y))


def _bce_value(y, t, a=None):
    if a is not None:  # from logits: softplus(a) - t*a, no log(0)
        v = np.maximum(a, 0) - t * a + np.log1p(np.exp(-np.abs(a)))
        return float(np.mean(v))
    yc = np.clip(y, EPS, 1 - EPS)
    return float(-np.mean(t * np.log(yc) + (1 - t) * np.log(1 - yc)))


def _bce_grad(y, t):
    yc = np.clip(y, EPS, 1 - EPS)
    return (yc - t) / (yc * (1 - yc)) / (y.shape[-1] * _rows(y))


def _cce_value(y, t, a=None):
    if a is not None:  # softmax output: logsumexp(a) - t.a
        m = np.max(a, axis=-1, keepdims=True)
        lse = m[..., 0] + np.log(np.sum(np.exp(a - m), axis=-1))
        return float(np.mean(lse * np.sum(t, axis=-1) - np.sum(t * a, axis=-1)))
    return float(np.mean(-np.sum(t * np.log(np.clip(y, EPS, None)), axis=-1)))


def _cce_grad(y, t):
    return -t / np.clip(y, EPS, None) / _rows(y)


LOSSES: dict[str, Loss] = {
    "mse": Loss(_mse_value, _mse_grad, "L = (1/K) Σₖ (yₖ − tₖ)²"),
    "bce": Loss(_bce_value, _bce_grad, "L = −(1/K) Σₖ [tₖ log yₖ + (1 − tₖ) log(1 − yₖ)]"),
    "cce": Loss(_cce_value, _cce_grad, "L = −Σₖ tₖ log yₖ"),
}


def loss_value(loss: str, y, t, a=None, activation: str | None = None) -> float:
    """Batch-mean loss; ``a`` (the output layer's weighted sums) enables the stable forms."""
    use_a = a if (loss, activation) in (("cce", "softmax"), ("bce", "sigmoid")) else None
    return LOSSES[loss].value(np.asarray(y), np.asarray(t), use_a)



def output_delta(loss: str, activation: str, y, t, a, alpha: float, backward):
    """dL/da of the output layer for a batch (rows) or a single sample (1-D).

    ``backward`` is the output activation's Jacobian-vector product (used when not fused).
    """
    rows = _rows(y)
    if loss == "cce" and activation == "softmax":
        return (y - t) / rows
    if loss == "bce" and activation == "sigmoid":
        return (y - t) / (y.shape[-1] * rows)
    return backward(a, y, LOSSES[loss].grad(y, t), alpha)
