"""A float32 exponential that vectorises: the sigmoid and tanh layers of the float32 paths.

Numba calls the C library's scalar ``expf`` once per element (no vector maths library is
bundled), which made the activations about a tenth of a float32 training epoch.  ``exp32`` is
Cephes' ``expf`` written as straight-line arithmetic, so a loop over it becomes SIMD code:

    n = round(x / ln 2),  r = x − n·ln 2 (in two parts, exact),  eˣ = 2ⁿ · p(r)

with p a degree-7 polynomial; 2ⁿ is built from its bits.  Error ≤ 1.4 ulp over the normal
range (``tests/core/test_fast_exp.py``), the same order as ``expf`` itself.  Out of range:
x ≥ 88.376 gives 2.4·10³⁸ (not ∞), x ≤ −87.34 gives 1.2·10⁻³⁸ (not a denormal or 0), so
σ(a) = 1 / (1 + e⁻ᵃ) differs from the exact value by less than 10⁻³⁸ there; NaN stays NaN.

Compiled without fast-math: reassociating ``x − n·C1 − n·C2`` into ``x − n·(C1 + C2)`` would
lose the low part of ln 2 and with it about 8 bits of the result.
"""

from __future__ import annotations

import numpy as np
from llvmlite import ir
from numba import types
from numba.extending import intrinsic, overload

from nnviz.core.jit import njit

F = np.float32
LOG2E = F(1.44269504088896341)
LN2_HI = F(0.693359375)  # ln 2 = LN2_HI + LN2_LO; LN2_HI has 9 bits, so n·LN2_HI is exact
LN2_LO = F(-2.12194440e-4)
P0, P1, P2, P3, P4, P5 = (F(1.9875691500e-4), F(1.3981999507e-3), F(8.3334519073e-3),
                          F(4.1665795894e-2), F(1.6666665459e-1), F(5.0000001201e-1))
X_MIN = F(-87.33654)  # exp(X_MIN) = 2⁻¹²⁶, the smallest normal float32
X_MAX = F(88.3762)  # keeps n ≤ 127 (2¹²⁸ has no float32 bits)
HALF, ONE, TWO = F(0.5), F(1.0), F(2.0)
EXP_BIAS = F(127.0)
MANTISSA = F(8388608.0)  # 2²³: (n + 127)·2²³ are the bits of the float32 2ⁿ


def float32_from_bits(bits):
    """The float32 whose IEEE bits are the int32 ``bits`` (compiled: a register move)."""
    return np.array(bits, np.int32).view(np.float32)[()]


@intrinsic
def _bitcast_int32_float32(typingctx, bits):
    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], ir.FloatType())

    return types.float32(types.int32), codegen


@overload(float32_from_bits)
def _float32_from_bits_compiled(bits):
    if bits == types.int32:
        return lambda bits: _bitcast_int32_float32(bits)
    return None


@njit(fastmath=False)
def exp32(x):
    """eˣ in float32 for a float32 x (see the module doc for its range and error)."""
    x = F(x)
    xc = x if x > X_MIN else X_MIN
    xc = xc if xc < X_MAX else X_MAX
    n = np.floor(xc * LOG2E + HALF)
    r = xc - n * LN2_HI
    r = r - n * LN2_LO
    p = ((((P0 * r + P1) * r + P2) * r + P3) * r + P4) * r + P5
    p = p * r * r + r + ONE
    scale = float32_from_bits(np.int32((n + EXP_BIAS) * MANTISSA))
    return p * scale if x == x else x


@njit(fastmath=False, error_model="numpy")
def sigmoid32(a, z):
    """z = 1 / (1 + e⁻ᵃ) over 1-D float32 arrays of one length."""
    for j in range(a.size):
        z[j] = ONE / (ONE + exp32(-a[j]))


@njit(fastmath=False, error_model="numpy")
def tanh32(a, z):
    """z = tanh(a) = 2 / (1 + e⁻²ᵃ) − 1 over 1-D float32 arrays of one length."""
    for j in range(a.size):
        z[j] = TWO / (ONE + exp32(-TWO * a[j])) - ONE
