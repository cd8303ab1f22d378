"""One sample's forward and backward pass in float64, keeping every intermediate number.

This is the arithmetic the explained step, the chain-rule tracer and the computational graph
show.  It follows the app's training rules (``nnviz.core.nn.losses`` and ``backprop``) so that the
numbers on screen are the ones a real step uses:

    a⁽ˡ⁾ = z⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾,   z⁽ˡ⁾ = h(a⁽ˡ⁾)
    output:  δ = y − t (softmax + categorical CE),  δ = (y − t)/K (sigmoid + binary CE),
             else δ = ∂L/∂y · h′(a)  (or the softmax Jacobian times ∂L/∂y)
    hidden:  δⱼ = h′(aⱼ) Σₖ wₖⱼ δₖ,   ∂L/∂wⱼᵢ = δⱼ zᵢ,   ∂L/∂bⱼ = δⱼ

with ∂L/∂y = 2(y − t)/K (MSE), (y − t)/(y(1 − y))/K (binary CE), −t/y (categorical CE).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nnviz.core.explain.model import frozen_array
from nnviz.core.nn.activations import ACTIVATIONS
from nnviz.core.nn.network import Network

#: Activations whose layers the explanation does not cover (their parameters are not a
#: plain weight matrix and bias: maxout's paired columns, PReLU's learned slope).
UNSUPPORTED = ("maxout", "prelu")
LOSS_NAMES = ("mse", "bce", "cce")


@dataclass(frozen=True, eq=False)
class SamplePass:
    """Every number of one sample's step; per-layer tuples are indexed ``layer − 1``.

    Attributes
    ----------
    activations, alphas : tuple
        Each layer's activation name and its alpha (leaky ReLU, ELU).
    loss_name : str
        "mse", "bce" or "cce".
    output_rule : str
        How the output δ is formed: "cce_softmax" (y − t), "bce_sigmoid" ((y − t)/K),
        "elementwise" (∂L/∂y·h′(a)) or "softmax_jacobian" (y·(∂L/∂y − Σ y·∂L/∂y)).
    x, t : ndarray, shapes (inputs,), (outputs,)
    W, b : tuple of ndarray
        float64 copies of the weights (n_in, units) and biases (units,) (None: no bias).
    a, z, h_prime, dL_dz, delta : tuple of ndarray, each (units,)
        Weighted sums, outputs, derivatives h′(a) (None for softmax), ∂L/∂z and δ = ∂L/∂a.
    dL_dy : ndarray, shape (outputs,)
        ∂L/∂y at the output (the same array as ``dL_dz[-1]``).
    loss : float
    grad : ndarray, shape (n_params,)
        The flat gradient in the ``Network.params`` layout.
    """

    activations: tuple[str, ...]
    alphas: tuple[float, ...]
    loss_name: str
    output_rule: str
    x: np.ndarray
    t: np.ndarray
    W: tuple
    b: tuple
    a: tuple
    z: tuple
    h_prime: tuple
    dL_dz: tuple
    delta: tuple
    dL_dy: np.ndarray
    loss: float
    grad: np.ndarray

    @property
    def n_layers(self) -> int:
        return len(self.W)

    def z_of(self, layer: int) -> np.ndarray:
        """Outputs of canvas layer ``layer`` (0: the input x)."""
        return self.x if layer == 0 else self.z[layer - 1]

    @property
    def y(self) -> np.ndarray:
        return self.z[-1]


def check_explainable(net: Network) -> None:
    """Refuse networks the explanation does not cover, with a message that says why."""
    for i, layer in enumerate(net.spec.layers, 1):
        if layer.activation in UNSUPPORTED:
            raise ValueError(f"the explained step covers dense layers with one weight per "
                             f"edge; layer {i} uses {layer.activation}")


def _as_vector(v, n: int, what: str) -> np.ndarray:
    arr = np.asarray(v, dtype=np.float64)
    if arr.ndim == 2 and arr.shape[0] == 1:
        arr = arr[0]
    if arr.shape != (n,):
        raise ValueError(f"{what} must hold {n} numbers, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{what} must be finite numbers (no NaN or infinity)")
    return arr


def loss_gradient(loss: str, y: np.ndarray, t: np.ndarray) -> np.ndarray:
    """∂L/∂y of one sample (not clipped: a y of exactly 0 or 1 shows as ±∞)."""
    k = y.size
    with np.errstate(divide="ignore", invalid="ignore"):
        if loss == "mse":
            return 2.0 * (y - t) / k
        if loss == "bce":
            return (y - t) / (y * (1.0 - y)) / k
        return -t / y


def loss_value(loss: str, act: str, a: np.ndarray, y: np.ndarray, t: np.ndarray) -> float:
    """The sample's loss; from the weighted sums where the output allows (no log of 0)."""
    k = y.size
    with np.errstate(divide="ignore", invalid="ignore"):
        if loss == "mse":
            return float(np.sum((y - t) ** 2) / k)
        if loss == "bce":
            if act == "sigmoid":  # −t log σ(a) − (1 − t) log(1 − σ(a)) = softplus(a) − t·a
                softplus = np.maximum(a, 0) + np.log1p(np.exp(-np.abs(a)))
                return float(np.sum(softplus - t * a) / k)
            return float(-np.sum(t * np.log(y) + (1 - t) * np.log(1 - y)) / k)
        if act == "softmax":  # −Σ t log softmax(a) = Σt · logsumexp(a) − t·a
            m = np.max(a)
            lse = m + np.log(np.sum(np.exp(a - m)))
            return float(np.sum(t) * lse - np.sum(t * a))
        return float(-np.sum(t * np.log(y)))


def output_rule(loss: str, act: str) -> str:
    if loss == "cce" and act == "softmax":
        return "cce_softmax"
    if loss == "bce" and act == "sigmoid":
        return "bce_sigmoid"
    return "softmax_jacobian" if act == "softmax" else "elementwise"


def run_pass(net: Network, x, t, loss: str) -> SamplePass:
    """Forward and backward pass of one sample (x, t) with every intermediate kept.

    Parameters
    ----------
    net : Network
        Any dtype; the pass is computed in float64 from its parameters.
    x : array_like, shape (inputs,)
    t : array_like, shape (outputs,)
    loss : str
        "mse", "bce" or "cce".

    Raises
    ------
    ValueError
        Wrong shapes, non-finite input, an unknown loss, or a maxout/PReLU layer.
    """
    check_explainable(net)
    if loss not in LOSS_NAMES:
        raise ValueError(f"unknown loss {loss!r}; choose one of: {', '.join(LOSS_NAMES)}")
    spec = net.spec
    x = _as_vector(x, spec.inputs, "the input row x")
    t = _as_vector(t, spec.outputs, "the target t")
    n = net.n_layers
    acts = tuple(layer.activation for layer in spec.layers)
    alphas = tuple(net.alpha_of(i) for i in range(n))
    W = tuple(np.array(w, dtype=np.float64) for w in net.W)
    b = tuple(None if v is None else np.array(v, dtype=np.float64) for v in net.b)
    A, Z, H = [], [], []
    z = x
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for i in range(n):
            a = z @ W[i] + (b[i] if b[i] is not None else 0.0)
            act = ACTIVATIONS[acts[i]]
            z = np.asarray(act.f(a, alphas[i]), dtype=np.float64)
            A.append(a)
            Z.append(z)
            H.append(None if act.derivative is None
                     else np.asarray(act.derivative(a, z, alphas[i]), dtype=np.float64))
        y, rule = Z[-1], output_rule(loss, acts[-1])
        dL_dy = loss_gradient(loss, y, t)
        if rule == "cce_softmax":
            d_out = y - t
        elif rule == "bce_sigmoid":
            d_out = (y - t) / y.size
        elif rule == "softmax_jacobian":
            d_out = y * (dL_dy - np.sum(dL_dy * y))
        else:
            d_out = dL_dy * H[-1]
        D: list[Any] = [None] * n
        G: list[Any] = [None] * n
        D[-1], G[-1] = d_out, dL_dy
        for i in range(n - 2, -1, -1):
            G[i] = W[i + 1] @ D[i + 1]
            D[i] = G[i] * H[i]
    grad = Network(spec, dtype=np.float64)
    for i in range(n):
        grad.W[i][...] = np.outer(x if i == 0 else Z[i - 1], D[i])
        if grad.b[i] is not None:
            grad.b[i][...] = D[i]
    fz = frozen_array
    return SamplePass(
        activations=acts, alphas=alphas, loss_name=loss, output_rule=rule, x=fz(x), t=fz(t),
        W=tuple(fz(w) for w in W), b=tuple(None if v is None else fz(v) for v in b),
        a=tuple(fz(v) for v in A), z=tuple(fz(v) for v in Z),
        h_prime=tuple(None if v is None else fz(v) for v in H),
        dL_dz=tuple(fz(v) for v in G), delta=tuple(fz(v) for v in D), dL_dy=fz(dL_dy),
        loss=loss_value(loss, acts[-1], A[-1], y, t), grad=fz(grad.params))
