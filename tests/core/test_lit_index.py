"""The lit-input index of a whole training array, and the mini-batch steps that use it."""

import gc

import numpy as np
import pytest

from nnviz.core.kernels import sparse_input as K
from nnviz.core.nn.network import Network
from nnviz.core.nn.optimizers import make_optimizer
from nnviz.core.nn.spec import NetworkSpec
from nnviz.core.train import lit_index as L
from nnviz.core.train.engine import BatchEngine


def _images(n=1500, d=100, c=0.01, dtype=np.float64, seed=0):
    rng = np.random.default_rng(seed)
    X = np.full((n, d), c, dtype)
    on = rng.uniform(size=(n, d)) < 0.2
    X[on] = rng.uniform(0.2, 1.0, size=on.sum())
    return X


def test_a_run_of_rows_reads_the_index_and_gives_the_same_products():
    X = _images()
    W = np.random.default_rng(1).normal(size=(100, 7))
    batch = X[640:704]
    assert L.index_of(X, 0.3) is not None
    c, ptr, cols, vals, columns = L.batch_entries(batch, 0.3)
    assert columns is None  # not asked for
    assert len(ptr) == 65 and cols.dtype == np.int16  # 100 columns
    A = np.empty((64, 7))
    K.input_forward(W, c, 64, ptr, cols, vals, A)
    np.testing.assert_allclose(A, batch @ W, atol=1e-12)
    G = np.random.default_rng(2).normal(size=(64, 7))
    gW = np.empty((100, 7))
    K.input_grad(G, c, 64, ptr, cols, vals, gW)
    np.testing.assert_allclose(gW, batch.T @ G, atol=1e-12)
    # the last rows, a partial batch
    c, ptr, cols, vals, _ = L.batch_entries(X[1490:], 0.3)
    A = np.empty((10, 7))
    K.input_forward(W, c, 10, ptr, cols, vals, A)
    np.testing.assert_allclose(A, X[1490:] @ W, atol=1e-12)


@pytest.mark.parametrize("rows", [(640, 704), (1472, 1500)])  # a block; the last, partial one
def test_entries_by_column_give_the_same_sgd_step(rows):
    X = _images()
    L.index_of(X, 0.3)
    a, b = rows
    batch = X[a:b]
    n = b - a
    c, ptr, cols, vals, columns = L.batch_entries(batch, 0.3, block=64)
    assert columns is not None
    start, rows_c, vals_c = columns
    assert start.shape == (101,) and rows_c.dtype == np.int8  # blocks of 64 rows
    G = np.random.default_rng(2).normal(size=(64, 7))
    W = np.random.default_rng(1).normal(size=(100, 7))
    expect = W - 0.3 * (batch.T @ G[:n])
    K.input_sgd_update_columns(G, c, n, start, rows_c, vals_c, W, 0.3)
    np.testing.assert_allclose(W, expect, atol=1e-12)
    assert L.batch_entries(X[a + 1:b + 1], 0.3, block=64)[4] is None  # not a block
    assert L.batch_entries(X[a:a + 10], 0.3, block=64)[4] is None  # part of one


def test_an_array_is_indexed_when_its_second_epoch_starts():
    X = _images()
    assert L.batch_entries(X[0:64], 0.3) is None  # first epoch: searched per batch
    assert L.batch_entries(X[64:128], 0.3) is None
    assert L._indexes[id(X)][1] is L.SEEN
    assert L.batch_entries(X[64:128], 0.3) is None  # not the start of an epoch
    assert L.batch_entries(X[0:64], 0.3) is not None  # second epoch: indexed
    assert L.batch_entries(X[64:128], 0.3) is not None
    for seed in range(3):  # a new array every epoch (augmented inputs): never indexed
        Xa = _images(seed=seed)
        assert L.batch_entries(Xa[0:64], 0.3) is None
        assert L.batch_entries(Xa[64:128], 0.3) is None


def test_anything_but_a_run_of_rows_of_a_large_array_is_searched_per_batch():
    X = _images()
    L.index_of(X, 0.3)
    assert L.batch_entries(X[[1, 2, 3]], 0.3) is None  # a copy (shuffled batch)
    assert L.batch_entries(X[0:64:2], 0.3) is None  # every other row
    assert L.batch_entries(X[0:64, 1:], 0.3) is None  # not whole rows
    assert L.batch_entries(X[0:64, ::2], 0.3) is None
    assert L.batch_entries(_images(n=100)[0:64], 0.3) is None  # small: not worth an index
    dense = np.random.default_rng(0).normal(size=(1500, 100))
    assert L.index_of(dense, 0.3) is None  # mostly lit: the dense path
    assert L.batch_entries(dense[0:64], 0.3) is None
    assert L.batch_entries(X[0:64], 0.3) is not None  # back to the first array


def test_the_index_goes_with_its_array():
    X = _images()
    L.index_of(X, 0.3)
    assert L.batch_entries(X[0:64], 0.3) is not None
    assert id(X) in L._indexes
    key = id(X)
    del X
    gc.collect()
    assert key not in L._indexes and L._last is None


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_engine_steps_on_views_match_steps_on_copies(dtype, name):
    """Batches as views through ``step`` (index; for SGD W1 updated in place without storing
    its gradient) train the same network as copies through ``gradient`` and the optimizer on
    the full gradient; the gradient read after a fused step is the full one."""
    X = _images(n=1100, dtype=dtype)
    rng = np.random.default_rng(3)
    T = np.eye(4, dtype=dtype)[rng.integers(0, 4, len(X))]
    spec = NetworkSpec.mlp((100, 12, 4), ("sigmoid", "softmax"), bias=True, seed=2)
    nets = [Network.from_spec(spec, dtype=np.dtype(dtype).name) for _ in range(2)]
    engines = [BatchEngine(net, "cce", 64) for net in nets]
    opts = [make_optimizer(name, nets[0].params.size, 0.5, dtype) for _ in range(2)]
    assert engines[0].fusable
    L.index_of(X, 0.3)  # as from the second epoch on
    for s in range(0, 1100, 64):  # 17 full batches and a partial one
        engines[0].step(X[s:s + 64], T[s:s + 64], opts[0])
        engines[1].gradient(X[s:s + 64].copy(), T[s:s + 64].copy())  # no index, no fusing
        opts[1].step(nets[1].params, engines[1].grad)
        assert (engines[0]._pending_input_grad is not None) == (name == "sgd")  # fused
        tol = 1e-5 if dtype == np.float32 else 1e-12
        np.testing.assert_allclose(engines[0].grad, engines[1].grad, atol=tol)
    np.testing.assert_allclose(nets[0].params, nets[1].params, atol=tol)
    assert opts[0].t == opts[1].t == 18
    if name == "sgd":
        assert engines[0]._pending_input_grad is None  # read above: computed once


def test_weight_decay_is_never_fused():
    spec = NetworkSpec.mlp((100, 6, 3), ("tanh", "softmax"), seed=0)
    assert not BatchEngine(Network.from_spec(spec), "cce", 8, l2=1e-3).fusable
    assert BatchEngine(Network.from_spec(spec), "cce", 8).fusable


def test_index_types_fit_their_numbers():
    assert L.col_type(784) == np.int16 and L.col_type(40_000) == np.int32
    assert L.row_type(64) == np.int8 and L.row_type(128) == np.int8
    assert L.row_type(129) == np.int16 and L.row_type(40_000) is None


@pytest.mark.parametrize("dropout", [0.0, 0.3])
def test_three_epochs_through_the_trainer_match_the_plain_engine(monkeypatch, dropout):
    """End to end: file-order batches through the trainer, the index built when the second
    epoch starts, SGD's W1 step by column, a partial last batch; the same weights (to
    rounding) as the engine without index or fusing."""
    from nnviz.core.nn.spec import TrainSpec
    from nnviz.core.train import engine as E
    from nnviz.core.train.trainer import TrainData, Trainer

    X = _images(n=1100)
    rng = np.random.default_rng(4)
    y = rng.integers(0, 4, len(X))
    T = np.eye(4)[y]
    spec = NetworkSpec.mlp((100, 12, 4), ("sigmoid", "softmax"), bias=True, seed=2)
    tspec = TrainSpec(loss="cce", lr=0.5, batch_size=64, epochs=3, eval_every=0,
                      dropout=dropout, seed=3)

    def train(plain):
        calls = []
        with monkeypatch.context() as m:
            if plain:  # no index, no fused step: the engine as before issue 18
                m.setattr(E, "batch_entries", lambda *a: None)
                m.setattr(E, "SGD", type("NotSGD", (), {}))
            real = E.input_sgd_update_columns
            m.setattr(E, "input_sgd_update_columns", lambda *a: (calls.append(1), real(*a)))
            tr = Trainer(Network.from_spec(spec), TrainData(X, T, y, X, T, y), tspec)
            for _ in tr.run("epoch"):
                pass
            assert tr.epoch == 3
            return tr, len(calls)

    (fast, n_fast), (plain, n_plain) = train(False), train(True)
    assert n_fast == 2 * 18 and n_plain == 0  # epochs 2 and 3, 18 batches each (one partial)
    assert isinstance(L._indexes[id(fast.data.X)][1], L.LitIndex)  # built in epoch 2
    np.testing.assert_allclose(fast.net.params, plain.net.params, atol=1e-10)
