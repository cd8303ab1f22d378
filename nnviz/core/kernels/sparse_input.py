"""The first layer of a mini-batch when most inputs equal one background value (MNIST).

An MNIST image is 81 % background pixels (0, or 0.01 with the course's scaling).  Writing
each input row as x = c + v, with v non-zero only at the lit pixels, the first layer's two
large products become

    X @ W    = c · (Σᵢ Wᵢ)  +  V @ W      (the same vector for every row, plus sparse rows)
    Xᵀ @ G   = c · (Σᵣ Gᵣ)  +  Vᵀ @ G     (the same vector for every weight row, plus ...)

and V has about a fifth of X's entries: the products cost a fifth of BLAS's dense work, done
here as four-at-a-time row updates.  :func:`gather_lit` finds the lit entries once per batch
(CSR: ``ptr``, ``cols``, ``vals``) and gives up (returns -1) when more than ``max_fraction`` of
the entries differ from ``c``: then the dense BLAS path is faster.  Any ``c`` gives the same
result up to rounding.  NumPy twins: :func:`input_forward_ref`, :func:`input_grad_ref`.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.jit import njit


@njit(error_model="numpy")
def gather_lit(X, c, ptr, cols, vals, max_fraction):
    """Fill the CSR arrays with the entries of X that differ from c (as x − c); their count.

    ``cols`` and ``vals`` need room for X.size entries.  Returns -1 (the arrays then hold
    part of the answer) when there are more than ``max_fraction · X.size`` of them.
    """
    n, d = X.shape
    limit = int(max_fraction * n * d)
    nnz = 0
    ptr[0] = 0
    for r in range(n):
        x = X[r]
        for i in range(d):
            # branch-free: write every entry, advance only past the lit ones (a branch per
            # pixel would be mispredicted at every stroke's edge)
            v = x[i] - c
            cols[nnz] = i
            vals[nnz] = v
            nnz += v != 0
        ptr[r + 1] = nnz
        if nnz > limit:
            return -1
    return nnz


@njit(error_model="numpy")
def input_forward(W, c, n, ptr, cols, vals, A):
    """A[:n] = X @ W from the CSR form of X (see module doc); W is (d, m)."""
    d, m = W.shape
    base = np.zeros(m, W.dtype)
    if c != 0:
        for i in range(d):
            Wi = W[i]
            for j in range(m):
                base[j] += Wi[j]
        for j in range(m):
            base[j] *= c
    for r in range(n):
        a = A[r]
        for j in range(m):
            a[j] = base[j]
        k, end = ptr[r], ptr[r + 1]
        while k + 4 <= end:  # four rows of W share each load and store of a[j]
            v0, v1, v2, v3 = vals[k], vals[k + 1], vals[k + 2], vals[k + 3]
            W0, W1, W2, W3 = W[cols[k]], W[cols[k + 1]], W[cols[k + 2]], W[cols[k + 3]]
            for j in range(m):
                a[j] += v0 * W0[j] + v1 * W1[j] + v2 * W2[j] + v3 * W3[j]
            k += 4
        while k < end:
            v = vals[k]
            Wi = W[cols[k]]
            for j in range(m):
                a[j] += v * Wi[j]
            k += 1


@njit(error_model="numpy")
def input_grad(G, c, n, ptr, cols, vals, gW):
    """gW = Xᵀ @ G[:n] from the CSR form of X; gW is (d, m), every row written."""
    d, m = gW.shape
    s = np.zeros(m, gW.dtype)
    if c != 0:
        for r in range(n):
            g = G[r]
            for j in range(m):
                s[j] += g[j]
        for j in range(m):
            s[j] *= c
    for i in range(d):
        gWi = gW[i]
        for j in range(m):
            gWi[j] = s[j]
    for r in range(n):
        g = G[r]
        for k in range(ptr[r], ptr[r + 1]):
            v = vals[k]
            gWi = gW[cols[k]]
            for j in range(m):
                gWi[j] += v * g[j]


@njit(error_model="numpy")
def input_sgd_update(G, c, n, ptr, cols, vals, W, lr):
    """W −= lr · Xᵀ @ G[:n] in place, from the CSR form of X: plain SGD's step on the first
    layer without storing its gradient (a write and a read of a W-sized array saved).

    Equal to ``W −= lr · input_grad(...)`` up to rounding (the shared part c·Σᵣ Gᵣ and each
    lit entry are applied one after another instead of summed first).
    """
    d, m = W.shape
    if c != 0:
        s = np.zeros(m, W.dtype)
        for r in range(n):
            g = G[r]
            for j in range(m):
                s[j] += g[j]
        for j in range(m):
            s[j] *= lr * c
        for i in range(d):
            Wi = W[i]
            for j in range(m):
                Wi[j] -= s[j]
    for r in range(n):
        g = G[r]
        for k in range(ptr[r], ptr[r + 1]):
            v = lr * vals[k]
            Wi = W[cols[k]]
            for j in range(m):
                Wi[j] -= v * g[j]


@njit(error_model="numpy")
def block_columns(ptr, cols, vals, block, start, rows_c, vals_c):
    """The same entries by column within each block of ``block`` rows (CSC per block).

    Block b's entries of column i are ``rows_c/vals_c[start[b, i]:start[b, i + 1]]``, with
    ``rows_c`` the row inside the block; ``start`` is (blocks, d + 1), ``rows_c``/``vals_c``
    as long as ``cols``.
    """
    n = ptr.size - 1
    d = start.shape[1] - 1
    for b in range(start.shape[0]):
        r0 = b * block
        r1 = min(r0 + block, n)
        st = start[b]
        for i in range(d + 1):
            st[i] = 0
        for k in range(ptr[r0], ptr[r1]):
            st[cols[k] + 1] += 1
        st[0] = ptr[r0]
        for i in range(d):
            st[i + 1] += st[i]
        for r in range(r0, r1):
            for k in range(ptr[r], ptr[r + 1]):
                i = cols[k]
                q = st[i]
                rows_c[q] = r - r0
                vals_c[q] = vals[k]
                st[i] = q + 1
        for i in range(d, 0, -1):  # the fills moved each start one column on: move back
            st[i] = st[i - 1]
        st[0] = ptr[r0]


@njit(error_model="numpy")
def input_sgd_update_columns(G, c, n, start, rows_c, vals_c, W, lr):
    """W −= lr · Xᵀ @ G[:n] from the batch's entries by column (``block_columns``).

    Each row of W is read and written once: its update c·Σᵣ Gᵣ + Σ vᵣ·Gᵣ is summed in a small
    buffer first (four entries at a time), so the cost is the lit entries, not a pass of
    W-row reads and writes for each of them.
    """
    d, m = W.shape
    s = np.zeros(m, W.dtype)
    if c != 0:
        for r in range(n):
            g = G[r]
            for j in range(m):
                s[j] += g[j]
        for j in range(m):
            s[j] *= c
    acc = np.empty(m, W.dtype)
    for i in range(d):
        Wi = W[i]
        k, end = start[i], start[i + 1]
        if k == end:
            if c != 0:
                for j in range(m):
                    Wi[j] -= lr * s[j]
            continue
        for j in range(m):
            acc[j] = s[j]
        while k + 4 <= end:
            v0, v1, v2, v3 = vals_c[k], vals_c[k + 1], vals_c[k + 2], vals_c[k + 3]
            G0, G1 = G[rows_c[k]], G[rows_c[k + 1]]
            G2, G3 = G[rows_c[k + 2]], G[rows_c[k + 3]]
            for j in range(m):
                acc[j] += v0 * G0[j] + v1 * G1[j] + v2 * G2[j] + v3 * G3[j]
            k += 4
        while k < end:
            v = vals_c[k]
            g = G[rows_c[k]]
            for j in range(m):
                acc[j] += v * g[j]
            k += 1
        for j in range(m):
            Wi[j] -= lr * acc[j]


# -- NumPy twins (test oracles) --------------------------------------------------------------

def input_forward_ref(X, W):
    return X @ W


def input_grad_ref(X, G):
    return X.T @ G
