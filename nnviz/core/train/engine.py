"""The two compiled training paths the trainer chooses between.

- :class:`SampleEngine`: plain SGD one sample at a time (the course's way), through the fused
  kernel of ``kernels/sgd_b1.py``.
- :class:`BatchEngine`: any optimizer and batch size: NumPy's BLAS writes into preallocated
  buffers between ``@njit`` elementwise kernels (``np.dot`` inside njit would need SciPy), then
  the optimizer kernel updates the flat parameter vector.

Networks with maxout or PReLU layers use :func:`nnviz.core.nn.backprop.backprop` (NumPy) for the
gradient; everything else about the run is the same.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.kernels.codes import LOSS_CODES, SIGMOID, TANH
from nnviz.core.kernels.elementwise import add_bias_activate, scale_by_derivative
from nnviz.core.kernels.optim import sgd_step
from nnviz.core.kernels.sgd_b1 import output_rows, sgd_b1_run
from nnviz.core.kernels.sparse_input import (
    block_columns,
    gather_lit,
    input_forward,
    input_grad,
    input_sgd_update,
    input_sgd_update_columns,
)
from nnviz.core.nn.activations import ACTIVATIONS
from nnviz.core.nn.backprop import backprop
from nnviz.core.nn.losses import loss_value, output_delta
from nnviz.core.nn.network import Network
from nnviz.core.nn.optimizers import SGD, Optimizer
from nnviz.core.nn.spec import check_loss_output
from nnviz.core.train.lit_index import batch_entries, col_type, row_type

SPARSE_MIN_INPUTS = 64  # narrower inputs: BLAS on the dense batch is as fast
SPARSE_MAX_FRACTION = 0.3  # more lit entries than this: the dense BLAS path is faster


def kernel_friendly(net: Network) -> bool:
    """True when every layer is one the compiled kernels handle (no maxout, no PReLU)."""
    return all(layer.activation not in ("maxout", "prelu") for layer in net.spec.layers)


def _codes_alphas(net: Network):
    codes = np.array([ACTIVATIONS[layer.activation].code for layer in net.spec.layers], np.int64)
    alphas = np.array([net.alpha_of(i) for i in range(net.n_layers)], net.dtype)
    return codes, alphas


class SampleEngine:
    """Per-sample SGD through the fused kernel; ``run`` trains on ``order`` in place."""

    def __init__(self, net: Network, loss: str):
        check_loss_output(net.spec, loss)
        if not kernel_friendly(net):
            # the kernel holds every α constant: it would silently not learn PReLU's slope
            raise ValueError("the per-sample kernel has no maxout or PReLU layers; train this "
                             "network with BatchEngine (NumPy backprop)")
        self.net, self.loss = net, loss
        self.codes, self.alphas = _codes_alphas(net)
        w = int(net.layout.width.max())
        L = net.n_layers
        self.A = np.zeros((L, w), net.dtype)
        self.Z = np.zeros((L, w), net.dtype)
        self.D = np.zeros((L, w), net.dtype)
        self._bg_key: tuple | None = None
        self._bg = 0.0

    def run(self, X, T, order: np.ndarray, lr: float):
        """Returns (losses, correct) per sample, measured before each sample's update."""
        lay = self.net.layout
        n = len(order)
        losses = np.zeros(n)
        correct = np.zeros(n, np.uint8)
        sgd_b1_run(self.net.params, lay.n_in, lay.width, lay.w_off, lay.b_off, self.codes,
                   self.alphas, LOSS_CODES[self.loss], X, T, np.ascontiguousarray(order, np.int64),
                   np.array([lr], self.net.dtype), self.A, self.Z, self.D, losses, correct,
                   np.array([self.background(X)], self.net.dtype))
        return losses, correct.astype(bool)

    def background(self, X) -> float:
        """The inputs' most common value when it fills at least a third of them, else 0.

        The fused kernel skips the first-layer rows whose input equals it (MNIST's blank
        pixels: 0, or 0.01 with the course's scaling).  Found once per input array.
        """
        key = (id(X), X.shape)
        if self._bg_key != key:
            sample = np.asarray(X[:256]).ravel()
            values, counts = np.unique(sample, return_counts=True)
            k = int(np.argmax(counts)) if counts.size else -1
            ok = k >= 0 and counts[k] * 3 >= sample.size and np.isfinite(values[k])
            self._bg_key, self._bg = key, float(values[k]) if ok else 0.0
        return self._bg


class BatchEngine:
    """Mini-batch gradient + optimizer step with buffers reused across batches."""

    def __init__(self, net: Network, loss: str, batch_size: int, dropout=(), l1: float = 0.0,
                 l2: float = 0.0, rng: np.random.Generator | None = None):
        """``dropout``: drop rate of each layer's output while training (inverted dropout:
        kept outputs are scaled by 1/(1 − rate), so nothing changes at evaluation);
        ``l1``/``l2``: weight decay added to every dL/dW (not to biases)."""
        check_loss_output(net.spec, loss)
        self.net, self.loss, self.batch = net, loss, batch_size
        self.dropout = tuple(dropout) or (0.0,) * net.n_layers
        self.l1, self.l2 = float(l1), float(l2)
        self.rng = rng if rng is not None else np.random.default_rng(0)
        self._grad = np.zeros_like(net.params)
        # set by a fused SGD step: the batch whose first-layer gradient was applied to W1
        # directly and not stored (see ``grad``)
        self._pending_input_grad: tuple | None = None
        self.generic = not kernel_friendly(net)
        self.codes, _ = _codes_alphas(net)
        self.wide = net.dtype != np.float32  # float64: NumPy's exp (kernels/fast_exp.py is f32)
        B = batch_size
        self.A = [np.zeros((B, int(w)), net.dtype) for w in net.layout.width]
        self.Z = [np.zeros((B, layer.units), net.dtype) for layer in net.spec.layers]
        self.G = [np.zeros((B, int(w)), net.dtype) for w in net.layout.width]
        self.correct = np.zeros(B, np.uint8)
        # dropped-out outputs (what the next layer sees) and the masks, where dropout is on
        self.Zd = [np.zeros((B, layer.units), net.dtype) if r > 0 else None
                   for layer, r in zip(net.spec.layers, self.dropout)]
        self.M = [np.zeros((B, layer.units), net.dtype) if r > 0 else None
                  for layer, r in zip(net.spec.layers, self.dropout)]
        self.gview = Network(net.spec, dtype=net.dtype)  # views into self._grad
        self.gview.params = self._grad
        self.gview._make_views()
        # wide inputs that are mostly one background value (MNIST): the first layer's two
        # products from the lit entries only (kernels/sparse_input.py)
        d = net.spec.inputs
        self.sparse_input = d >= SPARSE_MIN_INPUTS and not self.generic
        if self.sparse_input:
            self.ptr = np.zeros(B + 1, np.int64)
            self.cols = np.zeros(B * d, col_type(d))  # as in lit_index.py: one set of kernels
            self.vals = np.zeros(B * d, net.dtype)
        # plain SGD may update W1 straight from the lit inputs (W1 first in the flat vector,
        # no weight decay to add to its gradient)
        self.fusable = self.sparse_input and int(net.layout.w_off[0]) == 0 and not (l1 or l2)
        self._w1_end = int(net.layout.n_in[0] * net.layout.width[0])

    @property
    def grad(self) -> np.ndarray:
        """The last batch's gradient (flat, like ``net.params``)."""
        pending = self._pending_input_grad
        if pending is not None:  # the fused step did not store W1's part: compute it now
            self._pending_input_grad = None
            c, n, ptr, cols, vals = pending
            input_grad(self.G[0][:n], c, n, ptr, cols, vals, self.gview.W[0])
        return self._grad

    def gradient(self, X, T, sgd_lr=None):
        """Fill ``self.grad`` for the batch; returns (loss, per-row correct flags, output).

        ``sgd_lr``: apply plain SGD's step to W1 at once (only when ``fusable``); W1's part of
        ``grad`` is then computed only if someone reads it.
        """
        net = self.net
        self._pending_input_grad = None
        if self.generic:  # maxout / PReLU: NumPy backprop (no dropout), then the decay
            tr = backprop(net, X, T, self.loss)
            self._grad[...] = tr.grad
            self._decay()
            return tr.loss, _correct(tr.output, T), tr.output
        n = len(X)
        L = net.n_layers
        if n == self.batch:  # the usual case: the buffers as they are (no slicing per batch)
            A, Z, G = self.A, self.Z, self.G
        else:
            A = [a[:n] for a in self.A]
            Z = [z[:n] for z in self.Z]
            G = [g[:n] for g in self.G]
        layers = net.spec.layers
        # α in the arrays' dtype: the kernels are then the ones the batch-1 path compiles too
        dt = net.dtype.type
        lit = -1  # >= 0: X's CSR form is in ptr/cols/vals (lit entries relative to c)
        if self.sparse_input and X.ndim == 2 and X.dtype == net.dtype:
            c, ptr, cols, vals, columns, lit = self._lit_entries(X)
        zin = X
        for i in range(L):
            if i == 0 and lit >= 0:
                input_forward(net.W[0], c, n, ptr, cols, vals, A[0])
            else:
                np.matmul(zin, net.W[i], out=A[i])
            b = net.b[i]
            code = self.codes[i]
            if code in (SIGMOID, TANH) and self.wide:
                # float64 sigmoid / tanh: NumPy's vectorised exp and tanh into the buffers
                # beat a scalar exp per element in a Numba loop (float32 has its own, faster)
                if b is not None:
                    A[i] += b
                _sigmoid_tanh(code, A[i], Z[i])
            else:
                add_bias_activate(code, A[i], b if b is not None else net.W[i][0], Z[i],
                                  dt(net.alpha_of(i)), b is not None)
            zin = Z[i]
            if self.Zd[i] is not None:  # inverted dropout of this layer's outputs
                keep = 1.0 - self.dropout[i]
                M = self.M[i][:n]
                M[...] = self.rng.random(M.shape, dtype=np.float32) < keep
                M *= 1.0 / keep
                zin = np.multiply(Z[i], M, out=self.Zd[i][:n])
        out = layers[-1]
        y = Z[-1]
        ok = self.correct[:n]
        if out.activation == "maxout":
            lv = loss_value(self.loss, y, T, A[-1], out.activation)
            G[-1][...] = output_delta(self.loss, out.activation, y, T, A[-1],
                                      net.alpha_of(L - 1), ACTIVATIONS[out.activation].backward)
            ok[...] = _correct(y, T)
        else:
            lv = output_rows(LOSS_CODES[self.loss], self.codes[-1], A[-1], y, T, G[-1],
                             dt(net.alpha_of(L - 1)), ok)
        for i in range(L - 1, -1, -1):
            if i == 0:
                zp = X
            else:
                zp = Z[i - 1] if self.Zd[i - 1] is None else self.Zd[i - 1][:n]
            if i == 0 and lit >= 0 and sgd_lr is not None:
                if columns is not None:  # by column: each W1 row read and written once
                    start, rows_c, vals_c = columns
                    input_sgd_update_columns(G[0], c, n, start, rows_c, vals_c, net.W[0],
                                             sgd_lr)
                else:
                    input_sgd_update(G[0], c, n, ptr, cols, vals, net.W[0], sgd_lr)
                self._pending_input_grad = (c, n, ptr, cols, vals)
            elif i == 0 and lit >= 0:
                input_grad(G[0], c, n, ptr, cols, vals, self.gview.W[0])
            else:
                np.matmul(zp.T, G[i], out=self.gview.W[i])
            if self.gview.b[i] is not None:
                np.sum(G[i], axis=0, out=self.gview.b[i])
            if i > 0:
                np.matmul(G[i], net.W[i].T, out=G[i - 1])
                if self.M[i - 1] is not None:
                    G[i - 1] *= self.M[i - 1][:n]
                scale_by_derivative(self.codes[i - 1], A[i - 1], Z[i - 1], G[i - 1],
                                    dt(net.alpha_of(i - 1)))
        self._decay()
        return lv, ok.astype(bool), y

    def _lit_entries(self, X):
        """(c, ptr, cols, vals, columns, count) of the batch's lit inputs; count −1: use the
        dense path.

        A batch that is a run of rows of the training array reads them from that array's
        index (``lit_index.py``, built once; ``columns``: the same by column, for plain SGD);
        any other batch is searched here (``columns`` None).
        """
        found = batch_entries(X, SPARSE_MAX_FRACTION, self.batch if self.fusable else 0)
        if found is not None:
            c, ptr, cols, vals, columns = found
            return c, ptr, cols, vals, columns, 1
        c = X[0, 0]
        lit = -1
        if X.flags.c_contiguous:
            lit = gather_lit(X, c, self.ptr, self.cols, self.vals, SPARSE_MAX_FRACTION)
        return c, self.ptr, self.cols, self.vals, None, lit

    def warm_up(self) -> None:
        """Compile the sparse first-layer kernels for this dtype (whatever the data looks like)."""
        if not self.sparse_input:
            return
        dt = self.net.dtype
        X = np.zeros((1, 4), dt)
        W, G = np.zeros((4, 2), dt), np.zeros((1, 2), dt)
        d = self.net.spec.inputs
        ptr, cols, vals = np.zeros(2, np.int64), np.zeros(4, col_type(d)), np.zeros(4, dt)
        c = dt.type(0)
        gather_lit(X, c, ptr, cols, vals, 1.0)
        input_forward(W, c, 1, ptr, cols, vals, np.zeros((1, 2), dt))
        input_grad(G, c, 1, ptr, cols, vals, np.zeros((4, 2), dt))
        input_sgd_update(G, c, 1, ptr, cols, vals, np.zeros((4, 2), dt), dt.type(0))
        rtype = row_type(self.batch)
        if self.fusable and rtype is not None:
            start = np.zeros((1, 5), np.int64)
            rows_c, vals_c = np.zeros(4, rtype), np.zeros(4, dt)
            block_columns(ptr, cols, vals, 1, start, rows_c, vals_c)
            input_sgd_update_columns(G, c, 1, start[0], rows_c, vals_c, np.zeros((4, 2), dt),
                                     dt.type(0))

    def _decay(self):
        """dL/dW += l2·W + l1·sign(W) (weights only)."""
        if not (self.l1 or self.l2):
            return
        for W, gW in zip(self.net.W, self.gview.W):
            if self.l2:
                gW += self.l2 * W
            if self.l1:
                gW += self.l1 * np.sign(W)

    def step(self, X, T, optimizer: Optimizer):
        """One update of ``optimizer`` on the batch; returns (loss, per-row correct flags)."""
        if self.fusable and type(optimizer) is SGD:
            p = self.net.params
            lv, ok, y = self.gradient(X, T, sgd_lr=p.dtype.type(optimizer.lr))
            if self._pending_input_grad is not None:  # W1 is done: the rest of the vector
                optimizer.t += 1
                sgd_step(p[self._w1_end:], self._grad[self._w1_end:], optimizer.lr)
                return lv, ok
        else:
            lv, ok, y = self.gradient(X, T)
        optimizer.step(self.net.params, self.grad)
        return lv, ok


def _sigmoid_tanh(code, A, Z):
    """Z = sigmoid(A) or tanh(A) (by code), in place, without temporaries."""
    if code == TANH:
        np.tanh(A, out=Z)
        return
    with np.errstate(over="ignore"):  # exp(-a) = inf for very negative a gives exactly 0
        np.negative(A, out=Z)
        np.exp(Z, out=Z)
    Z += 1.0
    np.reciprocal(Z, out=Z)


def _correct(y, T):
    if y.shape[1] > 1:
        return np.argmax(y, axis=1) == np.argmax(T, axis=1)
    return (y[:, 0] > 0.5) == (T[:, 0] > 0.5)
