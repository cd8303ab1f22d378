"""The float32 exp of the compiled paths: within 1.5 ulp of the exact value, NaN kept, and the
sigmoid and tanh built on it within a few float32 roundings of float64 NumPy."""

import numpy as np
import pytest

from nnviz.core.kernels import elementwise as E
from nnviz.core.kernels import fast_exp as K

F32_ULP_AT_1 = 2.0**-23


@pytest.mark.parametrize("jit", [True, False], ids=["jit", "python"])
def test_exp32_within_one_and_a_half_ulp_over_the_normal_range(jit):
    exp32 = K.exp32 if jit else K.exp32.py_func
    n = 200_001 if jit else 2_001
    x = np.linspace(-87.3, 88.3, n).astype(np.float32)
    x = np.concatenate([x, np.float32([0, -0.0, 1e-30, -1e-30, 0.5, -0.5, 1, -1, 88.37])])
    got = np.array([exp32(v) for v in x], np.float64)
    exact = np.exp(x.astype(np.float64))
    # error relative to the float32 spacing at each value (half a ulp is correct rounding)
    ulps = np.abs(got - exact) / (np.spacing(exact.astype(np.float32)).astype(np.float64))
    assert ulps.max() <= 1.5
    assert exp32(np.float32(0)) == 1.0


@pytest.mark.parametrize("jit", [True, False], ids=["jit", "python"])
def test_exp32_out_of_range_and_nan(jit):
    exp32 = K.exp32 if jit else K.exp32.py_func
    assert np.isnan(exp32(np.float32(np.nan)))
    assert 2e38 < float(exp32(np.float32(np.inf))) < 3.4e38  # clamped, finite: σ(−∞) is then ~0
    assert 0 < exp32(np.float32(-np.inf)) <= 1.2e-38
    assert 0 < exp32(np.float32(-100)) <= 1.2e-38


def test_sigmoid_and_tanh_float32_against_float64():
    a = np.concatenate([np.linspace(-100, 100, 100_001),
                        [0, -0.0, 1e-8, -1e-8, 1e30, -1e30, np.inf, -np.inf]]).astype(np.float32)
    a64 = a.astype(np.float64)
    z = np.empty_like(a)
    K.sigmoid32(a, z)
    with np.errstate(over="ignore"):
        sig = 1 / (1 + np.exp(-a64))
    assert z.dtype == np.float32
    np.testing.assert_allclose(z, sig, rtol=3 * F32_ULP_AT_1, atol=1e-38)
    assert z[-2] == 1.0 and z[-1] < 1e-38
    K.tanh32(a, z)
    np.testing.assert_allclose(z, np.tanh(a64), rtol=0, atol=3 * F32_ULP_AT_1)
    assert z[-2] == 1.0 and z[-1] == -1.0
    nan = np.float32([np.nan, 1.0])
    K.sigmoid32(nan, z[:2])
    assert np.isnan(z[0]) and z[1] == pytest.approx(0.7310586)
    K.tanh32(nan, z[:2])
    assert np.isnan(z[0])


@pytest.mark.parametrize("code,name", [(1, "sigmoid"), (2, "tanh")])
def test_float32_layers_use_the_vectorised_exp(code, name):
    """activate_rows on float32 blocks goes through fast_exp (same numbers as sigmoid32)."""
    rng = np.random.default_rng(0)
    A = rng.normal(scale=4, size=(6, 37)).astype(np.float32)
    Z = np.zeros_like(A)
    E.activate_rows(code, A, Z, np.float32(0))
    expect = np.empty_like(A)
    for r in range(len(A)):
        (K.sigmoid32 if code == 1 else K.tanh32)(A[r], expect[r])
    np.testing.assert_array_equal(Z, expect)
    exact = 1 / (1 + np.exp(-A.astype(np.float64))) if code == 1 else np.tanh(A.astype(float))
    np.testing.assert_allclose(Z, exact, rtol=0, atol=3 * F32_ULP_AT_1)


@pytest.mark.parametrize("code", [1, 2])
def test_a_contiguous_float32_block_is_one_run_with_the_same_numbers(code):
    rng = np.random.default_rng(1)
    A = rng.normal(scale=3, size=(9, 13)).astype(np.float32)
    b = rng.normal(size=13).astype(np.float32)
    Z = np.zeros_like(A)
    A1 = A.copy()
    E.add_bias_activate(code, A1, b, Z, np.float32(0), True)  # contiguous: one flat run
    Af = np.asfortranarray(A)
    Zf = np.zeros_like(Af)
    E.add_bias_activate(code, Af, b, Zf, np.float32(0), True)  # row by row
    np.testing.assert_array_equal(A1, Af)
    np.testing.assert_array_equal(Z, Zf)
    exact = A1.astype(np.float64)
    exact = 1 / (1 + np.exp(-exact)) if code == 1 else np.tanh(exact)
    np.testing.assert_allclose(Z, exact, rtol=0, atol=3 * F32_ULP_AT_1)


def test_the_named_kernel_codes_are_the_activations_codes():
    from nnviz.core.kernels.codes import LOSS_CODES, Act
    from nnviz.core.nn.activations import ACTIVATIONS

    for name, act in ACTIVATIONS.items():
        if act.code >= 0:
            assert Act[name.upper()] == act.code, name
    assert {a.name.lower() for a in Act} <= set(ACTIVATIONS)
    assert LOSS_CODES == {"mse": 0, "bce": 1, "cce": 2}
