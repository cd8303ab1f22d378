"""Forward and backward passes in plain NumPy, for any network the spec allows.

This is the readable statement of backpropagation (handout 004's notation):

    a_j = Σ_i w_ij z_i + b_j,     z_j = h(a_j)
    δ_j = ∂L/∂a_j = h'(a_j) Σ_k w_jk δ_k          (hidden layers)
    ∂L/∂w_ij = z_i δ_j,           ∂L/∂b_j = δ_j
    ∂L/∂α = Σ_{a_j ≤ 0} a_j ∂L/∂z_j                  (PReLU's learned slope)

It serves three purposes: the per-step detail the views show (every layer's a, z, δ and
gradients for one sample), the trainer's path for layers the fast kernels do not cover
(maxout, PReLU), and the test oracle of those kernels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from nnviz.core.nn.activations import ACTIVATIONS, prelu_alpha_grad
from nnviz.core.nn.losses import LOSSES, loss_value, output_delta
from nnviz.core.nn.network import Network
from nnviz.core.nn.predictions import predicted_classes


class LayerGrad(NamedTuple):
    """One layer's gradients, shaped like its parameters (views into the flat gradient)."""

    W: np.ndarray  # dL/dW (n_in × width)
    b: np.ndarray | None  # dL/db, None when the layer has no bias
    alpha: np.ndarray | None  # dL/dα of PReLU's learned slope (shape (1,)), else None


@dataclass
class Trace:
    """One forward + backward pass: per layer, weighted sums, outputs, deltas, gradients."""

    x: np.ndarray  # input (rows or one sample)
    t: np.ndarray  # target
    a: list  # weighted sums a per layer
    z: list  # activations z = h(a) per layer
    delta: list  # dL/da per layer
    loss: float  # batch-mean loss
    grad: np.ndarray  # flat gradient, same layout as Network.params

    def grad_views(self, net: Network) -> list[LayerGrad]:
        """Per layer (W_grad, b_grad, alpha_grad), shaped like the network's W, b and α."""
        g = Network(net.spec, self.grad, self.grad.dtype)
        return [LayerGrad(*v) for v in zip(g.W, g.b, g.alpha)]

    @property
    def output(self) -> np.ndarray:
        return self.z[-1]


def backprop(net: Network, x, t, loss: str) -> Trace:
    """Loss and its gradient for input ``x`` and target ``t`` (batch rows or one sample)."""
    x = np.asarray(x, dtype=net.dtype)
    t = np.asarray(t, dtype=net.dtype)
    single = x.ndim == 1
    X, T = (x[None, :], t[None, :]) if single else (x, t)
    trace = net.trace(X)
    A = [a for a, _ in trace]
    Z = [z for _, z in trace]
    layers = net.spec.layers
    L = len(layers)
    out = layers[-1]
    lv = loss_value(loss, Z[-1], T, A[-1], out.activation)
    act = ACTIVATIONS[out.activation]
    D: list[Any] = [None] * L
    grad = Network(net.spec, dtype=net.dtype)
    if grad.alpha[-1] is not None:  # PReLU output: its slope needs dL/dy itself
        g = LOSSES[loss].grad(Z[-1], T)
        grad.alpha[-1][0] = prelu_alpha_grad(A[-1], g)
        D[-1] = act.backward(A[-1], Z[-1], g, net.alpha_of(L - 1))
    else:
        D[-1] = output_delta(loss, out.activation, Z[-1], T, A[-1], net.alpha_of(L - 1),
                             act.backward)
    for i in range(L - 1, -1, -1):
        z_prev = X if i == 0 else Z[i - 1]
        grad.W[i][...] = z_prev.T @ D[i]
        if grad.b[i] is not None:
            grad.b[i][...] = D[i].sum(axis=0)
        if i > 0:
            g = D[i] @ net.W[i].T  # dL/dz of layer i - 1
            if grad.alpha[i - 1] is not None:
                # PReLU: dL/dα = Σ_{a ≤ 0} dL/dz · a, taken before dL/dz is multiplied by h'
                grad.alpha[i - 1][0] = prelu_alpha_grad(A[i - 1], g)
            prev = layers[i - 1]
            D[i - 1] = ACTIVATIONS[prev.activation].backward(A[i - 1], Z[i - 1], g,
                                                             net.alpha_of(i - 1))
    if single:
        A = [a[0] for a in A]
        Z = [z[0] for z in Z]
        D = [d[0] for d in D]
    return Trace(x, t, A, Z, D, lv, grad.params)


def numerical_gradient(net: Network, x, t, loss: str, eps: float = 1e-6) -> np.ndarray:
    """Central finite differences of the loss over every parameter (float64; tests only)."""
    net = net.astype(np.float64)
    g = np.zeros_like(net.params)
    for k in range(net.params.size):
        old = net.params[k]
        net.params[k] = old + eps
        lp = backprop(net, x, t, loss).loss
        net.params[k] = old - eps
        lm = backprop(net, x, t, loss).loss
        net.params[k] = old
        g[k] = (lp - lm) / (2 * eps)
    return g


def evaluate(net: Network, X, T, labels, loss: str, batch_size: int = 2000):
    """(mean loss, accuracy) over a dataset, in batches."""
    n = len(X)
    if n == 0:
        return float("nan"), float("nan")
    out = net.spec.layers[-1]
    total, correct = 0.0, 0
    for s in range(0, n, batch_size):
        xb = np.asarray(X[s:s + batch_size], dtype=net.dtype)
        tb = np.asarray(T[s:s + batch_size], dtype=net.dtype)
        a, y = net.trace(xb)[-1]
        total += loss_value(loss, y, tb, a, out.activation) * len(xb)
        pred = predicted_classes(y)
        correct += int(np.sum(pred == labels[s:s + batch_size]))
    return total / n, correct / n
