"""Activation functions h and their derivatives, as a registry of NumPy functions.

Conventions (handout 002/003 notation): ``a`` is a layer's weighted sum, ``z = h(a)`` its output.
Every entry gives

- ``f(a, alpha) -> z``
- ``backward(a, z, g, alpha) -> dL/da`` given ``g = dL/dz`` (a Jacobian-vector product; for
  elementwise functions simply ``g * h'(a)``)
- ``derivative(a, z, alpha) -> h'(a)`` for elementwise functions (the activation gallery), None
  for softmax and maxout, whose derivative is not elementwise.

Maxout takes ``a`` with two columns per unit, ``[piece1 | piece2]``, and returns their maximum.
These NumPy functions are also the test oracle of the Numba kernels in ``kernels/elementwise.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np


class Activation(NamedTuple):
    f: Callable[..., Any]  # f(a, alpha) -> z
    backward: Callable[..., Any]  # backward(a, z, g, alpha) -> dL/da
    derivative: Callable[..., Any] | None  # (a, z, alpha) -> h'(a); None: not elementwise
    code: int  # kernel code (kernels/elementwise.py); -1 if not in the kernels
    formula: str  # shown in the UI


def sigmoid(a, alpha=0.0):
    """sigma(a) = 1 / (1 + e^-a), computed without overflow for large |a|."""
    a = np.asarray(a)
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(a.dtype, copy=False)


def softmax(a, alpha=0.0):
    """Numerically stable softmax over the last axis: subtract the max before exp."""
    a = np.asarray(a)
    e = np.exp(a - np.max(a, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_naive(a):
    """The textbook formula exp(a)/sum(exp(a)): overflows to nan for [1010, 1000, 990]."""
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(np.asarray(a, dtype=np.float64))
        return e / np.sum(e, axis=-1, keepdims=True)


def softplus(a, alpha=0.0):
    """log(1 + e^a), stable for large |a|."""
    a = np.asarray(a)
    return np.maximum(a, 0) + np.log1p(np.exp(-np.abs(a)))


def _elementwise(f, df, code, formula):
    def backward(a, z, g, alpha):
        return g * df(a, z, alpha)

    return Activation(f, backward, df, code, formula)


def _maxout_f(a, alpha=0.0):
    n = a.shape[-1] // 2
    return np.maximum(a[..., :n], a[..., n:])


def _maxout_backward(a, z, g, alpha):
    n = a.shape[-1] // 2
    first = a[..., :n] >= a[..., n:]
    return np.concatenate([g * first, g * ~first], axis=-1)


def _softmax_backward(a, z, g, alpha):
    return z * (g - np.sum(g * z, axis=-1, keepdims=True))


def _arr(a):
    return np.asarray(a)


def identity(a, alpha=0.0):
    return _arr(a) * 1


def tanh(a, alpha=0.0):
    return np.tanh(a)


def relu(a, alpha=0.0):
    return np.maximum(a, 0) * 1


def leaky_relu(a, alpha=0.01):
    """max(alpha·a, a); PReLU is the same function with alpha learned."""
    a = _arr(a)
    return np.where(a > 0, a, alpha * a)


def elu(a, alpha=1.0):
    a = _arr(a)
    return np.where(a > 0, a, alpha * np.expm1(np.minimum(a, 0)))


def swish(a, alpha=0.0):
    return _arr(a) * sigmoid(a)


def step(a, alpha=0.0):
    """1 where a > 0, else 0 (handouts 000/001: ``if w_sum <= 0: return 0``)."""
    a = _arr(a)
    return (a > 0).astype(a.dtype)


def _d_identity(a, z, alpha):
    return np.ones_like(a)


def _d_sigmoid(a, z, alpha):
    return z * (1 - z)


def _d_tanh(a, z, alpha):
    return 1 - z * z


def _d_relu(a, z, alpha):
    a = _arr(a)
    return (a > 0).astype(a.dtype)


def _d_leaky(a, z, alpha):
    a = _arr(a)
    return np.where(a > 0, 1.0, alpha).astype(a.dtype)


def _d_elu(a, z, alpha):
    a = _arr(a)
    return np.where(a > 0, 1.0, z + alpha).astype(a.dtype)


def _d_swish(a, z, alpha):
    return z + sigmoid(a) * (1 - z)


def _d_softplus(a, z, alpha):
    return sigmoid(a)


def _d_step(a, z, alpha):
    return np.zeros_like(a)


ACTIVATIONS: dict[str, Activation] = {
    "identity": _elementwise(identity, _d_identity, 0, "h(a) = a"),
    "sigmoid": _elementwise(sigmoid, _d_sigmoid, 1, "σ(a) = 1 / (1 + e⁻ᵃ)"),
    "tanh": _elementwise(tanh, _d_tanh, 2, "tanh(a) = (eᵃ − e⁻ᵃ) / (eᵃ + e⁻ᵃ)"),
    "relu": _elementwise(relu, _d_relu, 3, "ReLU(a) = max(0, a)"),
    "leaky_relu": _elementwise(leaky_relu, _d_leaky, 4, "max(αa, a), α = 0.01"),
    "prelu": _elementwise(leaky_relu, _d_leaky, 5, "max(αa, a), α learned"),
    "elu": _elementwise(elu, _d_elu, 6, "a if a > 0 else α(eᵃ − 1)"),
    "swish": _elementwise(swish, _d_swish, 7, "a·σ(a)"),
    "softplus": _elementwise(softplus, _d_softplus, 8, "log(1 + eᵃ)"),
    "step": _elementwise(step, _d_step, 9, "1 if a > 0 else 0"),
    "softmax": Activation(softmax, _softmax_backward, None, 10, "yₖ = eᵃᵏ / Σᵢ eᵃⁱ"),
    "maxout": Activation(_maxout_f, _maxout_backward, None, -1, "max(w₁ᵀx + b₁, w₂ᵀx + b₂)"),
}


def prelu_alpha_grad(a, g):
    """dL/dalpha of PReLU summed over the batch: sum of g * a where a <= 0."""
    return float(np.sum(np.where(a > 0, 0.0, g * a)))


def apply(name: str, a, alpha: float | None = None):
    """z = h(a) for the activation called ``name`` (alpha: its default when None)."""
    from nnviz.core.nn.spec import ALPHA_DEFAULTS

    al = ALPHA_DEFAULTS.get(name, 0.0) if alpha is None else alpha
    return ACTIVATIONS[name].f(np.asarray(a, dtype=float), al)


def derivative(name: str, a, alpha: float | None = None):
    """h'(a) for an elementwise activation (the gallery's lower curve)."""
    from nnviz.core.nn.spec import ALPHA_DEFAULTS

    act = ACTIVATIONS[name]
    if act.derivative is None:
        raise ValueError(f"{name} has no elementwise derivative")
    al = ALPHA_DEFAULTS.get(name, 0.0) if alpha is None else alpha
    a = np.asarray(a, dtype=float)
    return act.derivative(a, act.f(a, al), al)
