"""Activation functions and their derivatives, by integer code, for the compiled paths.

Codes: ``codes.Act`` (the same numbers as ``nnviz.core.nn.activations.ACTIVATIONS[name].code``);
softmax only on whole rows.
tanh is computed as 2·σ(2a) − 1: Numba has no vectorised tanh here and this is faster.
Float32 arrays take their sigmoid and tanh from ``fast_exp.py`` (a vectorising exp); the
constants in the loops are of the arrays' dtype, so float32 work is not widened to float64.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.jit import njit
from nnviz.core.kernels.codes import (
    ELU,
    LEAKY_RELU,
    PRELU,
    RELU,
    SIGMOID,
    SOFTMAX,
    SOFTPLUS,
    STEP,
    SWISH,
    TANH,
)
from nnviz.core.kernels.fast_exp import exp32, sigmoid32, tanh32


@njit
def sigmoid1(a):
    """Overflow-free logistic function of one number."""
    if a >= 0:
        return 1.0 / (1.0 + np.exp(-a))
    e = np.exp(a)
    return e / (1.0 + e)


@njit
def h1(code, a, alpha):
    """z = h(a) for one number (every elementwise code)."""
    if code == SIGMOID:
        return sigmoid1(a)
    if code == TANH:
        return 2.0 * sigmoid1(2.0 * a) - 1.0
    if code == RELU:
        return a if a > 0 else 0.0 * a
    if code == LEAKY_RELU or code == PRELU:
        return a if a > 0 else alpha * a
    if code == ELU:
        return a if a > 0 else alpha * np.expm1(a)
    if code == SWISH:
        return a * sigmoid1(a)
    if code == SOFTPLUS:
        return (a if a > 0 else 0.0 * a) + np.log1p(np.exp(-abs(a)))
    if code == STEP:
        return 1.0 + 0.0 * a if a > 0 else 0.0 * a
    return a


@njit
def dh1(code, a, z, alpha):
    """h'(a) for one number, using z = h(a) where that is cheaper."""
    if code == SIGMOID:
        return z * (1.0 - z)
    if code == TANH:
        return 1.0 - z * z
    if code == RELU:
        return 1.0 + 0.0 * a if a > 0 else 0.0 * a
    if code == LEAKY_RELU or code == PRELU:
        return 1.0 + 0.0 * a if a > 0 else alpha + 0.0 * a
    if code == ELU:
        return 1.0 + 0.0 * a if a > 0 else z + alpha
    if code == SWISH:
        s = sigmoid1(a)
        return z + s * (1.0 - z)
    if code == SOFTPLUS:
        return sigmoid1(a)
    if code == STEP:
        return 0.0 * a
    return 1.0 + 0.0 * a


@njit(error_model="numpy")
def activate_vec(code, a, z, alpha):
    """z = h(a) for a 1-D run of numbers, one tight loop per code so it vectorises.

    The logistic function is written branch-free as 1 / (1 + e^-a): for very negative a the
    exponential overflows to inf and the result is exactly 0, never NaN (float32: see
    ``fast_exp.py`` for its range).
    """
    m = a.size
    one = z.dtype.type(1.0)
    two = z.dtype.type(2.0)
    if code == SIGMOID:
        if z.itemsize == 4:
            sigmoid32(a, z)
        else:
            for j in range(m):
                z[j] = one / (one + np.exp(-a[j]))
    elif code == TANH:
        if z.itemsize == 4:
            tanh32(a, z)
        else:
            for j in range(m):
                z[j] = two / (one + np.exp(-two * a[j])) - one
    elif code == RELU:
        zero = z.dtype.type(0.0)
        for j in range(m):
            z[j] = max(a[j], zero)
    else:
        for j in range(m):
            z[j] = h1(code, a[j], alpha)


@njit(error_model="numpy")
def activate_rows(code, A, Z, alpha):
    """Z[r, :] = h(A[r, :]) for every row; softmax (code 10) normalises each row stably."""
    n, m = A.shape
    for r in range(n):
        if code != SOFTMAX:
            activate_vec(code, A[r], Z[r], alpha)
        else:
            mx = A[r, 0]
            for j in range(1, m):
                mx = max(mx, A[r, j])
            s = 0.0
            for j in range(m):
                e = exp32(A[r, j] - mx) if Z.itemsize == 4 else np.exp(A[r, j] - mx)
                Z[r, j] = e
                s += e
            inv = 1.0 / s
            for j in range(m):
                Z[r, j] *= inv


@njit(error_model="numpy")
def scale_by_derivative(code, A, Z, G, alpha):
    """G *= h'(A) in place: turns dL/dz into dL/da for elementwise activations."""
    if A.flags.c_contiguous and Z.flags.c_contiguous and G.flags.c_contiguous:
        scale_by_derivative_vec(code, A.reshape(A.size), Z.reshape(Z.size), G.reshape(G.size),
                                alpha)  # one run: no loop (and vector remainder) per row
        return
    n = A.shape[0]
    for r in range(n):
        scale_by_derivative_vec(code, A[r], Z[r], G[r], alpha)


@njit(error_model="numpy")
def scale_by_derivative_vec(code, a, z, g, alpha):
    """g *= h'(a) for a 1-D run (z = h(a)); sigmoid and tanh in tight loops that vectorise."""
    m = g.size
    one = g.dtype.type(1.0)
    if code == SIGMOID:
        for j in range(m):
            g[j] *= z[j] * (one - z[j])
    elif code == TANH:
        for j in range(m):
            g[j] *= one - z[j] * z[j]
    else:
        for j in range(m):
            g[j] *= dh1(code, a[j], z[j], alpha)


@njit(error_model="numpy")
def add_bias_activate(code, A, b, Z, alpha, has_bias):
    """A += b (if has_bias), then Z = h(A): the second half of a batched layer."""
    n, m = A.shape
    if has_bias:
        for r in range(n):
            for j in range(m):
                A[r, j] += b[j]
    if (code == SIGMOID or code == TANH) and Z.itemsize == 4 and A.flags.c_contiguous \
            and Z.flags.c_contiguous:  # float32 blocks: one vectorised run, no loop per row
        activate_vec(code, A.reshape(A.size), Z.reshape(Z.size), alpha)
    else:
        activate_rows(code, A, Z, alpha)
