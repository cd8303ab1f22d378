"""Numbers behind the decision-boundary and hidden-space views (Qt-free).

``input_plane`` evaluates the network over a grid of the 2-D input plane; ``hidden_plane``
does the same over the plane of a 2-neuron hidden layer (feeding the grid into the layers after
it), where XOR's four points become linearly separable.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.nn.activations import ACTIVATIONS


def extent(points, pad: float = 0.25, default=(-0.5, 1.5, -0.5, 1.5)):
    """(x0, x1, y0, y1) around ``points`` (n, 2) with ``pad`` of the span on each side."""
    P = np.asarray(points, dtype=float)
    if P.ndim != 2 or P.shape[1] != 2 or P.size == 0 or not np.all(np.isfinite(P)):
        return default
    lo, hi = P.min(axis=0), P.max(axis=0)
    span = np.maximum(hi - lo, 1.0)
    lo, hi = lo - pad * span, hi + pad * span
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def grid(ext, res: int) -> np.ndarray:
    """(res*res, 2) points, row-major from the top (y1) down, x0 to x1."""
    x0, x1, y0, y1 = ext
    xs = np.linspace(x0, x1, res)
    ys = np.linspace(y1, y0, res)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def forward_from(net, h, start: int) -> np.ndarray:
    """Output of layers ``start`` … last for inputs ``h`` to layer ``start``."""
    z = np.asarray(h, dtype=net.dtype)
    for i in range(start, net.n_layers):
        a = z @ net.W[i]
        if net.b[i] is not None:
            a = a + net.b[i]
        z = ACTIVATIONS[net.spec.layers[i].activation].f(a, net.alpha_of(i))
    return z


def signed_output(net, y) -> np.ndarray:
    """Map outputs to [-1, 1] for the colour scale: class 1 → +1 (blue), class 0 → −1."""
    y = np.asarray(y, dtype=float)
    act = net.spec.layers[-1].activation
    if y.shape[-1] >= 2:
        v = y[..., 1] - y[..., 0] if act != "softmax" else 2 * y[..., 1] - 1
    else:
        v = y[..., 0] if act == "tanh" else 2 * np.clip(y[..., 0], 0, 1) - 1
    return np.clip(np.nan_to_num(v), -1, 1)


def input_plane(net, ext, res: int = 80) -> np.ndarray:
    """(res, res) signed output over the input plane (rows from top)."""
    with np.errstate(all="ignore"):
        y = forward_from(net, grid(ext, res), 0)
    return signed_output(net, y).reshape(res, res)


def hidden_layer_2d(net) -> int:
    """Index of the first hidden layer with exactly two units (-1 if none)."""
    for i, layer in enumerate(net.spec.layers[:-1]):
        if layer.units == 2 and layer.activation not in ("maxout", "softmax"):
            return i
    return -1


def hidden_points(net, X, layer: int) -> np.ndarray:
    """z of hidden layer ``layer`` for inputs X, shape (n, 2)."""
    with np.errstate(all="ignore"):
        return net.trace(np.asarray(X, dtype=net.dtype))[layer][1]


def hidden_plane(net, layer: int, ext, res: int = 80) -> np.ndarray:
    """(res, res) signed output over the plane of hidden layer ``layer``'s two z values."""
    with np.errstate(all="ignore"):
        y = forward_from(net, grid(ext, res), layer + 1)
    return signed_output(net, y).reshape(res, res)


def neuron_planes(net, ext, res: int = 24) -> list[np.ndarray]:
    """Per layer, (units, res, res): every neuron's output z over the 2-D input plane."""
    with np.errstate(all="ignore"):
        trace = net.trace(grid(ext, res))
    return [np.ascontiguousarray(z.T).reshape(-1, res, res) for _, z in trace]

