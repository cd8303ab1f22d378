"""Per-sample SGD over a run of samples, fused: the course's way of training, made fast.

For each sample: forward pass, output error, backward pass through the *pre-update* weights
with the update applied in the same sweep over each weight matrix, exactly as handout 004's
code does it (``W += lr · z_prevᵀ · δ``, written here as ``W -= lr · z_prev ⊗ ∂L/∂a``).

Three ideas make it fast; the first two change no number of the result, the third only its
rounding:

- in the backward pass each weight is read once to propagate δ and updated in the same loop;
- the first layer (784×100 for MNIST: 79 % of the weights) needs no δ for its input, so its
  update is deferred and applied while the *next* sample's forward pass reads the same rows:
  one sweep over W1 per sample instead of two.  The deferred update is flushed at the end.
- that sweep visits only the rows where this sample's or the previous sample's input differs
  from the background value (MNIST: 81 % of the pixels are background): the update common to
  every row is kept as one shared vector and folded in at the end (see ``_first_layer``), so
  about 30 % of W1 is touched per sample.  The result is the same up to rounding.

Layers are described by the flat layout of :class:`nnviz.core.nn.network.Layout`; activations by
their codes (``codes.Act``, softmax only on the output); losses by ``codes.Loss``.
The NumPy twin is :func:`nnviz.core.kernels.reference.sgd_b1_reference`.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.jit import njit
from nnviz.core.kernels.codes import LOSS_CODES, SOFTMAX  # noqa: F401 (LOSS_CODES: re-exported)
from nnviz.core.kernels.elementwise import activate_vec, scale_by_derivative_vec
from nnviz.core.kernels.output_layer import output_error


@njit(error_model="numpy")
def _forward_layer(p, w_off, b_off, n_in, m, zin, a, z, code, alpha):
    """a = zin @ W + b; z = h(a) (row-major W: the inner loop runs along a row)."""
    W = p[w_off:w_off + n_in * m].reshape((n_in, m))
    _init_sums(p, b_off, a, m)
    i = 0
    # four rows at a time: the running sums a[j] are loaded and stored once per four rows
    while i + 4 <= n_in:
        z0, z1, z2, z3 = zin[i], zin[i + 1], zin[i + 2], zin[i + 3]
        W0, W1, W2, W3 = W[i], W[i + 1], W[i + 2], W[i + 3]
        for j in range(m):
            a[j] += z0 * W0[j] + z1 * W1[j] + z2 * W2[j] + z3 * W3[j]
        i += 4
    while i < n_in:
        zi = zin[i]
        Wi = W[i]
        for j in range(m):
            a[j] += zi * Wi[j]
        i += 1
    _activate(a, z, m, code, alpha)


@njit
def _init_sums(p, b_off, a, m):
    if b_off >= 0:
        b = p[b_off:b_off + m]
        for j in range(m):
            a[j] = b[j]
    else:
        for j in range(m):
            a[j] = 0.0


@njit(error_model="numpy")
def _activate(a, z, m, code, alpha):
    if code == SOFTMAX:
        mx = a[0]
        for j in range(1, m):
            mx = max(mx, a[j])
        s = 0.0
        for j in range(m):
            z[j] = np.exp(a[j] - mx)
            s += z[j]
        inv = 1.0 / s
        for j in range(m):
            z[j] *= inv
    else:
        activate_vec(code, a[:m], z[:m], alpha)


@njit
def _is_correct(y, t, m):
    """1 if the predicted class (argmax, or y > 0.5 for one output) is the target's, else 0."""
    if m == 1:
        return 1 if (y[0] > 0.5) == (t[0] > 0.5) else 0
    by, bt = 0, 0
    for j in range(1, m):
        if y[j] > y[by]:
            by = j
        if t[j] > t[bt]:
            bt = j
    return 1 if by == bt else 0


@njit(error_model="numpy")
def _first_layer(W, b, x, xp, has_prev, d0, lr, c, S, g, rows, a, m0, ni0):
    """Layer 0 of one sample: apply the previous sample's deferred update, then a = x @ W + b.

    W holds W' and the true weights are ``W' + 1 ⊗ g``; with x = c + v (v: the pixels that
    differ from the background value c), the update ``W −= lr·x ⊗ δ`` splits into
    ``g −= lr·c·δ`` (every row alike) and ``W'ᵢ −= lr·vᵢ·δ`` (rows with vᵢ ≠ 0 only), and
    ``x @ W = c·S + v @ W' + (Σx)·g`` with S = Σᵢ W'ᵢ kept up to date.  Only rows where this or
    the previous sample differs from c are visited: about 30 % of W1 for MNIST.
    """
    zero = d0[0] - d0[0]
    n_act = 0
    svp = zero  # Σ v of the previous sample
    svs = zero  # Σ v of this sample
    for i in range(ni0):  # branch-free: a branch per pixel mispredicts at every stroke edge
        vs = x[i] - c
        vp = xp[i] - c if has_prev else zero
        rows[n_act] = i
        n_act += (vs != 0) | (vp != 0)
        svp += vp  # background pixels add exact zeros
        svs += vs
    if has_prev:
        for j in range(m0):
            dj = d0[j]
            g[j] -= lr * c * dj
            S[j] -= lr * svp * dj
            if b.size:
                b[j] -= lr * dj
    xsum = ni0 * c + svs
    for j in range(m0):
        a[j] = (b[j] if b.size else zero) + c * S[j] + xsum * g[j]
    r = 0
    while r + 4 <= n_act:  # four rows share each load and store of a[j] and d0[j]
        i0, i1, i2, i3 = rows[r], rows[r + 1], rows[r + 2], rows[r + 3]
        if has_prev:
            c0, c1 = lr * (xp[i0] - c), lr * (xp[i1] - c)
            c2, c3 = lr * (xp[i2] - c), lr * (xp[i3] - c)
        else:
            c0 = c1 = c2 = c3 = zero
        x0, x1, x2, x3 = x[i0] - c, x[i1] - c, x[i2] - c, x[i3] - c
        W0, W1, W2, W3 = W[i0], W[i1], W[i2], W[i3]
        for j in range(m0):
            dj = d0[j]
            w0 = W0[j] - c0 * dj
            w1 = W1[j] - c1 * dj
            w2 = W2[j] - c2 * dj
            w3 = W3[j] - c3 * dj
            W0[j] = w0
            W1[j] = w1
            W2[j] = w2
            W3[j] = w3
            a[j] += x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3
        r += 4
    while r < n_act:
        i = rows[r]
        ci = lr * (xp[i] - c) if has_prev else zero
        xi = x[i] - c
        Wi = W[i]
        for j in range(m0):
            w = Wi[j] - ci * d0[j]
            Wi[j] = w
            a[j] += xi * w
        r += 1


@njit(error_model="numpy")
def sgd_b1_run(p, n_in, width, w_off, b_off, codes, alphas, loss, X, T, order, lr_arr,
               A, Z, D, losses, correct, bg_arr):
    """Train on samples ``X[order[k]]`` one at a time with plain SGD, in place on ``p``.

    Parameters
    ----------
    p : (P,) float32/float64 — flat parameters, updated in place
    n_in, width, w_off, b_off : (L,) int64 — layout (b_off = -1: no bias)
    codes : (L,) int64 — activation codes; alphas : (L,) same dtype as p
    loss : int — 0 mse, 1 bce, 2 cce
    X : (N, n_in[0]) and T : (N, width[-1]) — inputs and targets, dtype of p
    order : (M,) int64 — sample indices, in training order
    lr_arr : (1,) dtype of p — learning rate (an array so float32 runs stay float32)
    A, Z, D : (L, max width) scratch — weighted sums, activations, deltas
    losses : (M,) float64 out — loss of each sample before its update
    correct : (M,) uint8 out — 1 where argmax(y) == argmax(t) before the update
    bg_arr : (1,) dtype of p — the inputs' background value c (0 for MNIST scaled to [0, 1],
        0.01 for the course's scaling).  Any c gives the same result; the most common input
        value gives the fewest rows to visit (see :func:`_first_layer`).
    """
    L = n_in.size
    lr = lr_arr[0]
    c = bg_arr[0]
    m0, ni0, wo0, bo0 = width[0], n_in[0], w_off[0], b_off[0]
    W0 = p[wo0:wo0 + ni0 * m0].reshape((ni0, m0))
    b0 = p[bo0:bo0 + m0] if bo0 >= 0 else p[0:0]
    rows = np.empty(ni0, np.int64)  # first-layer rows to visit
    g = np.zeros(m0, p.dtype)  # the part of the W1 updates every row shares (see above)
    S = np.zeros(m0, p.dtype)  # column sums of W1 (without g)
    if c != 0:
        for i in range(ni0):
            for j in range(m0):
                S[j] += W0[i, j]
    pending = -1  # sample whose layer-0 update is still to be applied
    for k in range(order.size):
        s = order[k]
        _first_layer(W0, b0, X[s], X[pending if pending >= 0 else s], pending >= 0, D[0], lr,
                     c, S, g, rows, A[0], m0, ni0)
        _activate(A[0], Z[0], m0, codes[0], alphas[0])
        for l in range(1, L):
            _forward_layer(p, w_off[l], b_off[l], n_in[l], width[l], Z[l - 1], A[l], Z[l],
                           codes[l], alphas[l])
        # output error and statistics
        lo = L - 1
        m = width[lo]
        y = Z[lo]
        t = T[s]
        losses[k] = output_error(loss, codes[lo], A[lo], y, t, D[lo], m, alphas[lo])
        correct[k] = _is_correct(y, t, m)
        # backward through layers L-1..1, updating each weight as it is read
        for l in range(L - 1, 0, -1):
            m, ni, wo, bo = width[l], n_in[l], w_off[l], b_off[l]
            d = D[l]
            zp = Z[l - 1]
            dp = D[l - 1]
            W = p[wo:wo + ni * m].reshape((ni, m))
            zero = d[0] - d[0]  # a zero of the array dtype (0.0 would be float64)
            i = 0
            while i + 4 <= ni:  # four rows share each load of d[j]
                c0, c1, c2, c3 = lr * zp[i], lr * zp[i + 1], lr * zp[i + 2], lr * zp[i + 3]
                W0_, W1_, W2_, W3_ = W[i], W[i + 1], W[i + 2], W[i + 3]
                s0, s1, s2, s3 = zero, zero, zero, zero
                for j in range(m):
                    dj = d[j]
                    w0, w1, w2, w3 = W0_[j], W1_[j], W2_[j], W3_[j]
                    s0 += w0 * dj
                    s1 += w1 * dj
                    s2 += w2 * dj
                    s3 += w3 * dj
                    W0_[j] = w0 - c0 * dj
                    W1_[j] = w1 - c1 * dj
                    W2_[j] = w2 - c2 * dj
                    W3_[j] = w3 - c3 * dj
                dp[i] = s0
                dp[i + 1] = s1
                dp[i + 2] = s2
                dp[i + 3] = s3
                i += 4
            while i < ni:
                acc = zero
                ci = lr * zp[i]
                Wi = W[i]
                for j in range(m):
                    w = Wi[j]
                    acc += w * d[j]
                    Wi[j] = w - ci * d[j]
                dp[i] = acc
                i += 1
            scale_by_derivative_vec(codes[l - 1], A[l - 1][:ni], zp[:ni], dp[:ni],
                                    alphas[l - 1])
            if bo >= 0:
                b = p[bo:bo + m]
                for j in range(m):
                    b[j] -= lr * d[j]
        pending = s
    # flush the deferred first-layer update of the last sample, then fold g into every row
    if pending >= 0:
        xp = X[pending]
        d0 = D[0]
        for j in range(m0):
            g[j] -= lr * c * d0[j]
            if bo0 >= 0:
                b0[j] -= lr * d0[j]
        for i in range(ni0):
            ci = lr * (xp[i] - c)
            if ci == 0:
                continue
            Wi = W0[i]
            for j in range(m0):
                Wi[j] -= ci * d0[j]
    if c != 0:
        for i in range(ni0):
            Wi = W0[i]
            for j in range(m0):
                Wi[j] += g[j]


@njit
def output_rows(loss, code, A, Y, T, D, alpha, correct):
    """Output-layer error for a batch: D[r] = dL/dA[r] / rows; returns the batch-mean loss.

    ``correct[r]`` is set to 1 where the prediction matches the target's class.
    """
    n, m = A.shape
    total = 0.0
    inv = 1.0 / n
    for r in range(n):
        total += output_error(loss, code, A[r], Y[r], T[r], D[r], m, alpha)
        for j in range(m):
            D[r, j] *= inv
        correct[r] = _is_correct(Y[r], T[r], m)
    return total * inv

