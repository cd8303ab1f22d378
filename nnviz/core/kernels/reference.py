"""Pure-NumPy twins of the compiled kernels: slow, obvious, and the tests' oracle."""

from __future__ import annotations

import numpy as np

from nnviz.core.nn.backprop import backprop
from nnviz.core.nn.network import Network


def sgd_b1_reference(net: Network, X, T, order, lr: float, loss: str):
    """Per-sample SGD written the obvious way: forward, backward, then update every layer.

    Returns (per-sample losses, per-sample correct flags); ``net`` is updated in place.
    """
    losses, correct = [], []
    for s in order:
        tr = backprop(net, X[s], T[s], loss)
        losses.append(tr.loss)
        y, t = tr.output, np.asarray(T[s])
        ok = np.argmax(y) == np.argmax(t) if y.size > 1 else (y[0] > 0.5) == (t[0] > 0.5)
        correct.append(bool(ok))
        net.params -= net.dtype.type(lr) * tr.grad
    return np.array(losses), np.array(correct)


def sgd_step_ref(p, g, lr):
    return p - lr * g


def momentum_step_ref(p, g, v, lr, mu, nesterov):
    v = mu * v - lr * g
    p = p + (mu * v - lr * g if nesterov else v)
    return p, v


def adagrad_step_ref(p, g, s, lr, eps):
    s = s + g * g
    return p - lr * g / (np.sqrt(s) + eps), s


def rmsprop_step_ref(p, g, s, lr, rho, eps):
    s = rho * s + (1 - rho) * g * g
    return p - lr * g / (np.sqrt(s) + eps), s


def adam_step_ref(p, g, m, v, lr, b1, b2, eps, t):
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    mh = m / (1 - b1**t)
    vh = v / (1 - b2**t)
    return p - lr * mh / (np.sqrt(vh) + eps), m, v
