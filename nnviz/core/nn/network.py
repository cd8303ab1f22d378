"""A network's numbers: every weight, bias and PReLU slope in one flat array, with views.

Keeping all parameters in one contiguous vector lets optimizers update them with one kernel
call, lets the batch-1 kernel walk them without Python lists, and makes copies (snapshots,
undo, "back to the last good weights") a single ``np.copy``.  ``W[l]`` (shape n_in × width,
the handouts' ``np.dot(x, W)`` layout), ``b[l]`` and ``alpha[l]`` are views into ``params``.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.nn.activations import ACTIVATIONS
from nnviz.core.nn.predictions import predicted_classes
from nnviz.core.nn.spec import NetworkSpec, SpecError


class Layout:
    """Where each layer's numbers live inside the flat parameter vector (all ints)."""

    def __init__(self, spec: NetworkSpec):
        n = len(spec.layers)
        self.n_in = np.zeros(n, np.int64)  # inputs of layer l
        self.width = np.zeros(n, np.int64)  # columns of W (2 x units for maxout)
        self.w_off = np.zeros(n, np.int64)  # offset of W (row-major n_in x width)
        self.b_off = np.full(n, -1, np.int64)  # offset of b, -1 when the layer has no bias
        self.alpha_off = np.full(n, -1, np.int64)  # offset of the PReLU slope, else -1
        pos, fan_in = 0, spec.inputs
        for i, layer in enumerate(spec.layers):
            self.n_in[i], self.width[i], self.w_off[i] = fan_in, layer.width, pos
            pos += fan_in * layer.width
            if layer.bias:
                self.b_off[i] = pos
                pos += layer.width
            if layer.activation == "prelu":
                self.alpha_off[i] = pos
                pos += 1
            fan_in = layer.units
        self.size = pos


def init_weights(scheme: str, n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    """Initial weights of shape (n_in, n_out), float64.

    uniform: U(-1, 1) (handout 001's perceptron); normal: N(0, 1) (handout 002);
    small: N(0, 0.05²) (Keras' "normal" initializer, handout 001's AND example);
    xavier: U(±sqrt(6 / (n_in + n_out))) (Glorot); he: N(0, 2 / n_in);
    course: randn / sqrt(n_in / 2) (handout 004's MNIST code); zeros.
    """
    if scheme == "uniform":
        return rng.uniform(-1.0, 1.0, (n_in, n_out))
    if scheme == "normal":
        return rng.standard_normal((n_in, n_out))
    if scheme == "small":
        return 0.05 * rng.standard_normal((n_in, n_out))
    if scheme == "xavier":
        lim = np.sqrt(6.0 / (n_in + n_out))
        return rng.uniform(-lim, lim, (n_in, n_out))
    if scheme in ("he", "course"):
        return rng.standard_normal((n_in, n_out)) / np.sqrt(n_in / 2.0)
    if scheme == "zeros":
        return np.zeros((n_in, n_out))
    raise SpecError(f"unknown init scheme {scheme!r}")


class Network:
    """Parameters of a feed-forward network described by a :class:`NetworkSpec`.

    Attributes
    ----------
    spec : NetworkSpec
    params : ndarray, shape (n_params,), float32 or float64 — every learnable number
    W, b, alpha : lists of views into ``params`` (``b[l]`` / ``alpha[l]`` None when absent)
    """

    def __init__(self, spec: NetworkSpec, params: np.ndarray | None = None, dtype="float64"):
        self.spec = spec
        self.layout = Layout(spec)
        dtype = np.dtype(dtype)
        if params is None:
            params = np.zeros(self.layout.size, dtype)
        params = np.ascontiguousarray(params, dtype=dtype)
        if params.shape != (self.layout.size,):
            raise SpecError(
                f"expected {self.layout.size} parameters for this network, got {params.size}")
        self.params = params.copy()
        self._make_views()

    def _make_views(self):
        lay, p = self.layout, self.params
        self.W, self.b, self.alpha = [], [], []
        for i in range(len(self.spec.layers)):
            n_in, w, o = int(lay.n_in[i]), int(lay.width[i]), int(lay.w_off[i])
            self.W.append(p[o:o + n_in * w].reshape(n_in, w))
            bo = int(lay.b_off[i])
            self.b.append(p[bo:bo + w] if bo >= 0 else None)
            ao = int(lay.alpha_off[i])
            self.alpha.append(p[ao:ao + 1] if ao >= 0 else None)

    @classmethod
    def from_spec(cls, spec: NetworkSpec, dtype="float64", seed: int | None = None) -> Network:
        """A freshly initialised network: weights by each layer's scheme, zero biases."""
        net = cls(spec, dtype=dtype)
        net.reinitialize(spec.seed if seed is None else seed)
        return net

    def reinitialize(self, seed: int) -> None:
        """Draw new initial weights (deterministic for ``seed``); biases to zero."""
        rng = np.random.default_rng(seed)
        for i, layer in enumerate(self.spec.layers):
            W = init_weights(layer.init, self.W[i].shape[0], self.W[i].shape[1], rng)
            self.W[i][...] = W
            if self.b[i] is not None:
                # the perceptron handout draws the bias like a weight (on a constant input 1)
                self.b[i][...] = (init_weights(layer.init, 1, layer.width, rng)[0]
                                  if layer.init == "uniform" else 0.0)
            if self.alpha[i] is not None:
                self.alpha[i][0] = layer.alpha_value

    @property
    def dtype(self) -> np.dtype:
        return self.params.dtype

    @property
    def n_layers(self) -> int:
        return len(self.spec.layers)

    def copy(self) -> Network:
        return Network(self.spec, self.params, self.params.dtype)

    def astype(self, dtype) -> Network:
        return Network(self.spec, self.params.astype(dtype), dtype)

    def alpha_of(self, layer: int) -> float:
        """The alpha used by layer ``layer``'s activation (learned for PReLU)."""
        if self.alpha[layer] is not None:
            return float(self.alpha[layer][0])
        return self.spec.layers[layer].alpha_value

    def set_params(self, params: np.ndarray) -> None:
        """Overwrite every parameter (shape must match); refuses NaN/inf."""
        params = np.asarray(params)
        if params.shape != self.params.shape:
            raise SpecError(f"expected {self.params.size} parameters, got {params.size}")
        if not np.all(np.isfinite(params)):
            raise ValueError("parameters must be finite numbers (no NaN or infinity)")
        self.params[...] = params

    def set_layer(self, layer: int, W=None, b=None) -> None:
        """Replace a layer's weights and/or bias (shapes must match; finite values only)."""
        if not 0 <= layer < self.n_layers:
            raise IndexError(f"layer {layer + 1} does not exist")
        for name, new, dst in (("W", W, self.W[layer]), ("b", b, self.b[layer])):
            if new is None:
                continue
            if dst is None:
                raise ValueError(f"layer {layer + 1} has no bias")
            new = np.asarray(new, dtype=np.float64)
            if new.shape != dst.shape:
                raise ValueError(f"{name}{layer + 1} must have shape {dst.shape}, got {new.shape}")
            if not np.all(np.isfinite(new)):
                raise ValueError(f"{name}{layer + 1} must be finite numbers (no NaN or infinity)")
        if W is not None:
            self.W[layer][...] = W
        if b is not None:
            self.b[layer][...] = b

    def forward(self, x) -> np.ndarray:
        """Network output for one sample (1-D x) or a batch (rows)."""
        return self.trace(x)[-1][1]

    def trace(self, x) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per layer ``(a, z)``: weighted sums ``a = z_prev @ W + b`` and outputs ``z = h(a)``."""
        z = np.asarray(x, dtype=self.dtype)
        out = []
        for i, layer in enumerate(self.spec.layers):
            a = z @ self.W[i]
            if self.b[i] is not None:
                a = a + self.b[i]
            z = ACTIVATIONS[layer.activation].f(a, self.alpha_of(i))
            out.append((a, z))
        return out

    def predict(self, x, batch_size: int = 1000) -> np.ndarray:
        """Predicted class per row (argmax; threshold 0.5 for one output)."""
        x = np.asarray(x, dtype=self.dtype)
        preds = []
        for s in range(0, len(x), batch_size):
            y = self.forward(x[s:s + batch_size])
            preds.append(predicted_classes(y))
        return np.concatenate(preds) if preds else np.zeros(0, int)

    def layer_arrays(self) -> dict[str, np.ndarray]:
        """Copies keyed W1, b1, W2, ... (the book's sample_weight.pkl names)."""
        out = {}
        for i in range(self.n_layers):
            out[f"W{i + 1}"] = self.W[i].copy()
            if self.b[i] is not None:
                out[f"b{i + 1}"] = self.b[i].copy()
            if self.alpha[i] is not None:
                out[f"alpha{i + 1}"] = self.alpha[i].copy()
        return out
