"""Optimizer updates on the flat parameter vector (handouts 000/001, Keras conventions).

All take ``p`` (parameters), ``g`` (gradient) and state vectors of the same length, and update
in place.  ``h`` holds hyper-parameters as a small float64 array (so one signature serves all):

- sgd:       p -= lr·g
- momentum:  v = μ·v − lr·g;  p += v
- nesterov:  v = μ·v − lr·g;  p += μ·v − lr·g          (Keras/Sutskever form)
- adagrad:   s += g²;  p -= lr·g / (√s + ε)
- rmsprop:   s = ρ·s + (1 − ρ)·g²;  p -= lr·g / (√s + ε)
- adam:      m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;
             p -= lr·m̂ / (√v̂ + ε) with m̂ = m / (1 − β1ᵗ), v̂ = v / (1 − β2ᵗ)
"""

from __future__ import annotations

import numpy as np

from nnviz.core.jit import njit


@njit
def sgd_step(p, g, lr):
    for k in range(p.size):
        p[k] -= lr * g[k]


@njit
def momentum_step(p, g, v, lr, mu, nesterov):
    for k in range(p.size):
        vk = mu * v[k] - lr * g[k]
        v[k] = vk
        if nesterov:
            p[k] += mu * vk - lr * g[k]
        else:
            p[k] += vk


@njit
def adagrad_step(p, g, s, lr, eps):
    for k in range(p.size):
        s[k] += g[k] * g[k]
        p[k] -= lr * g[k] / (np.sqrt(s[k]) + eps)


@njit
def rmsprop_step(p, g, s, lr, rho, eps):
    for k in range(p.size):
        s[k] = rho * s[k] + (1.0 - rho) * g[k] * g[k]
        p[k] -= lr * g[k] / (np.sqrt(s[k]) + eps)


@njit
def adam_step(p, g, m, v, lr, beta1, beta2, eps, t):
    c1 = 1.0 - beta1 ** t
    c2 = 1.0 - beta2 ** t
    for k in range(p.size):
        m[k] = beta1 * m[k] + (1.0 - beta1) * g[k]
        v[k] = beta2 * v[k] + (1.0 - beta2) * g[k] * g[k]
        p[k] -= lr * (m[k] / c1) / (np.sqrt(v[k] / c2) + eps)
