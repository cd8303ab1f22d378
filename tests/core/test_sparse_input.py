"""The first layer from the lit entries only: the same products as BLAS, JIT on and off."""

import numpy as np
import pytest

from nnviz.core.kernels import sparse_input as K
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec
from nnviz.core.train.engine import BatchEngine


def _batch(rng, n=9, d=70, c=0.01, lit=0.2, dtype=np.float64):
    X = np.full((n, d), c, dtype)
    on = rng.uniform(size=(n, d)) < lit
    X[on] = rng.uniform(0.2, 1.0, size=on.sum())
    X[3] = c  # an all-background row
    return X


@pytest.mark.parametrize("jit", [True, False])
@pytest.mark.parametrize("c", [0.01, 0.0, -0.5])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_sparse_products_match_blas(jit, c, dtype):
    f = (lambda k: k) if jit else (lambda k: k.py_func)
    rng = np.random.default_rng(4)
    X = _batch(rng, c=0.01, dtype=dtype)  # the kernels must be right for any c, not just 0.01
    n, d = X.shape
    W = rng.normal(size=(d, 13)).astype(dtype)
    G = rng.normal(size=(n, 13)).astype(dtype)
    ptr, cols, vals = np.zeros(n + 1, np.int64), np.zeros(n * d, np.int64), np.zeros(n * d, dtype)
    c = dtype(c)
    nnz = f(K.gather_lit)(X, c, ptr, cols, vals, 1.0)
    assert nnz == np.count_nonzero(X != c) and ptr[-1] == nnz
    A = np.full((n, 13), np.nan, dtype)
    f(K.input_forward)(W, c, n, ptr, cols, vals, A)
    gW = np.full((d, 13), np.nan, dtype)
    f(K.input_grad)(G, c, n, ptr, cols, vals, gW)
    tol = 1e-4 if dtype == np.float32 else 1e-11
    np.testing.assert_allclose(A, K.input_forward_ref(X, W), atol=tol)
    np.testing.assert_allclose(gW, K.input_grad_ref(X, G), atol=tol)


def test_dense_inputs_give_up():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(8, 100))
    ptr, cols, vals = np.zeros(9, np.int64), np.zeros(800, np.int64), np.zeros(800)
    assert K.gather_lit(X, X[0, 0], ptr, cols, vals, 0.3) == -1


def test_batch_engine_uses_the_sparse_path_and_matches_blas(monkeypatch):
    import nnviz.core.train.engine as E

    rng = np.random.default_rng(2)
    spec = NetworkSpec.mlp((100, 12, 4), ("sigmoid", "softmax"), bias=False, seed=2)
    X = _batch(rng, n=16, d=100)
    T = np.eye(4)[rng.integers(0, 4, 16)]
    net = Network.from_spec(spec)
    sparse = BatchEngine(net, "cce", 16)
    assert sparse.sparse_input
    calls = []
    real = E.input_forward
    monkeypatch.setattr(E, "input_forward", lambda *a: (calls.append(1), real(*a)))
    lv, ok, _ = sparse.gradient(X, T)
    assert calls  # the sparse path ran
    monkeypatch.setattr(E, "SPARSE_MIN_INPUTS", 10**6)
    dense = BatchEngine(net, "cce", 16)
    assert not dense.sparse_input
    lv2, ok2, _ = dense.gradient(X, T)
    np.testing.assert_allclose(sparse.grad, dense.grad, atol=1e-12)
    assert lv == pytest.approx(lv2) and (ok == ok2).all()
    # a partial batch and a dense batch go through the right paths too
    lv3, _, _ = sparse.gradient(X[:5], T[:5])
    dense.gradient(X[:5], T[:5])
    np.testing.assert_allclose(sparse.grad, dense.grad, atol=1e-12)
    Xd = rng.normal(size=(16, 100))
    n_calls = len(calls)
    sparse.gradient(Xd, T)
    assert len(calls) == n_calls  # mostly non-background: BLAS
    dense.gradient(Xd, T)
    np.testing.assert_allclose(sparse.grad, dense.grad, atol=1e-12)


def test_warm_up_compiles_the_sparse_kernels_for_the_dtype():
    spec = NetworkSpec.mlp((80, 6, 3), ("tanh", "softmax"), seed=0)
    eng = BatchEngine(Network.from_spec(spec, dtype="float32"), "cce", 8)
    eng.warm_up()
    for kernel in (K.gather_lit, K.input_forward, K.input_grad):
        assert any("float32" in str(sig) for sig in kernel.signatures)
