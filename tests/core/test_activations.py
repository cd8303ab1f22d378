"""Activations: the handouts' numbers, derivatives by finite differences, kernels vs NumPy."""

import numpy as np
import pytest

from nnviz.core.kernels import elementwise as K
from nnviz.core.nn.activations import ACTIVATIONS, apply, derivative, softmax, softmax_naive

ELEMENTWISE = [n for n, a in ACTIVATIONS.items() if a.derivative is not None]


def test_sigmoid_matches_handout_002():
    x = [-10.0, -5.0, -2.0, -1.0, 0.0, 1.0, 2.0, 5.0, 10.0]
    expect = [4.53978687e-05, 6.69285092e-03, 1.19202922e-01, 2.68941421e-01, 0.5,
              7.31058579e-01, 8.80797078e-01, 9.93307149e-01, 9.99954602e-01]
    np.testing.assert_allclose(apply("sigmoid", x), expect, rtol=1e-8)


def test_softmax_overflow_and_stable_softmax():
    with np.errstate(all="ignore"):
        assert np.isnan(softmax_naive([1010, 1000, 990])).all()
    np.testing.assert_allclose(softmax(np.array([1010.0, 1000, 990])),
                               [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-8)
    np.testing.assert_allclose(softmax(np.array([0.3, 2.9, 4.0])),
                               [0.01821127, 0.24519181, 0.73659691], rtol=1e-6)


def test_derivative_maxima_show_the_vanishing_gradient():
    x = np.linspace(-10, 10, 20001)
    assert derivative("sigmoid", x).max() == pytest.approx(0.25)
    assert derivative("tanh", x).max() == pytest.approx(1.0)


@pytest.mark.parametrize("name", [n for n in ELEMENTWISE if n != "step"])
def test_derivative_matches_finite_differences(name):
    x = np.array([-3.0, -1.2, -0.3, 0.4, 1.1, 2.5])
    alpha = 0.3
    eps = 1e-6
    fd = (apply(name, x + eps, alpha) - apply(name, x - eps, alpha)) / (2 * eps)
    np.testing.assert_allclose(derivative(name, x, alpha), fd, rtol=1e-5, atol=1e-8)


def test_step_and_maxout_values():
    assert apply("step", [-1.0, 0.0, 0.2]).tolist() == [0.0, 0.0, 1.0]
    a = np.array([[1.0, -2.0, 0.5, 3.0]])  # two units: pieces (1, 0.5) and (-2, 3)
    assert ACTIVATIONS["maxout"].f(a, 0).tolist() == [[1.0, 3.0]]


@pytest.mark.parametrize("jit", [True, False], ids=["jit", "python"])
@pytest.mark.parametrize("name", ELEMENTWISE + ["softmax"])
def test_kernels_match_numpy(name, jit):
    act = ACTIVATIONS[name]
    rng = np.random.default_rng(1)
    A = rng.normal(scale=3, size=(5, 7))
    A[0, 0] = -800.0  # overflow region of exp: must give 0, not NaN
    Z = np.zeros_like(A)
    fn = K.activate_rows if jit else K.activate_rows.py_func
    fn(act.code, A, Z, 0.2)
    np.testing.assert_allclose(Z, act.f(A, 0.2), rtol=1e-9, atol=1e-12)
    if act.derivative is not None:
        G = rng.normal(size=A.shape)
        G2 = G.copy()
        sd = K.scale_by_derivative if jit else K.scale_by_derivative.py_func
        sd(act.code, A, Z, G2, 0.2)
        np.testing.assert_allclose(G2, G * act.derivative(A, Z, 0.2), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("jit", [True, False], ids=["jit", "python"])
def test_kernel_elu_keeps_its_digits_near_zero(jit):
    """α(eᵃ − 1) for a = −1e-10 is −1e-10·α; written as exp(a) − 1 it lost 7 digits
    (−1.0000000827e-10), and it gave 0 for a = −1e-300."""
    h = K.h1 if jit else K.h1.py_func
    for a in (-1e-10, -1e-300, -3e-6):
        assert h(6, a, 2.0) == pytest.approx(2.0 * np.expm1(a), rel=1e-14, abs=0)
        numpy_elu = ACTIVATIONS["elu"].f(np.array(a), 2.0)
        assert h(6, a, 2.0) == pytest.approx(numpy_elu, rel=1e-14, abs=0)
