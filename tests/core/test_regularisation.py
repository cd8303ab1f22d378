"""Issue 9 in the core: weight decay, dropout, schedules, augmentation, early stopping, stats."""

import math

import numpy as np
import pytest

from nnviz.core.nn.backprop import backprop
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec, SpecError, TrainSpec
from nnviz.core.train.augment import augment_images
from nnviz.core.train.engine import BatchEngine
from nnviz.core.train.schedules import lr_at
from nnviz.core.train.stats import layer_stats
from nnviz.core.train.trainer import TrainData, Trainer


def _problem(seed=0, rows=6):
    rng = np.random.default_rng(seed)
    net = Network.from_spec(NetworkSpec.mlp((4, 5, 3), ("tanh", "softmax"), seed=seed))
    X = rng.normal(size=(rows, 4))
    T = np.eye(3)[rng.integers(0, 3, rows)]
    return net, X, T


@pytest.mark.parametrize("l1,l2", [(0.0, 0.1), (0.05, 0.0), (0.02, 0.3)])
def test_weight_decay_gradient_matches_finite_differences(l1, l2):
    net, X, T = _problem()
    eng = BatchEngine(net, "cce", 8, l1=l1, l2=l2)
    eng.gradient(X, T)

    def total(params):
        n = Network(net.spec, params)
        penalty = sum(l2 / 2 * np.sum(W * W) + l1 * np.sum(np.abs(W)) for W in n.W)
        return backprop(n, X, T, "cce").loss + penalty

    eps = 1e-6
    fd = np.zeros_like(net.params)
    for k in range(net.params.size):
        p = net.params.copy()
        p[k] += eps
        up = total(p)
        p[k] -= 2 * eps
        fd[k] = (up - total(p)) / (2 * eps)
    np.testing.assert_allclose(eng.grad, fd, atol=1e-6)


def test_l2_shrinks_the_weights_compared_with_no_decay():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    T = np.eye(2)[y]
    data = TrainData(X, T, y, X, T, y)
    spec = NetworkSpec.mlp((2, 16, 2), ("relu", "softmax"), seed=1)
    norms = []
    for l2 in (0.0, 0.05):
        tr = Trainer(Network.from_spec(spec), data,
                     TrainSpec(loss="cce", lr=0.1, batch_size=10, epochs=30, l2=l2))
        list(tr.run("epoch"))
        norms.append(sum(float(np.sum(W * W)) for W in tr.net.W))
    assert norms[1] < 0.7 * norms[0]


def test_dropout_keeps_the_scale_and_is_off_at_evaluation():
    net = Network.from_spec(NetworkSpec.mlp((50, 400, 2), ("sigmoid", "softmax"), seed=0))
    X = np.random.default_rng(1).normal(size=(64, 50))
    T = np.eye(2)[np.zeros(64, int)]
    plain = BatchEngine(net, "cce", 64)
    dropped = BatchEngine(net, "cce", 64, dropout=(0.5, 0.0), rng=np.random.default_rng(2))
    plain.gradient(X, T)
    dropped.gradient(X, T)
    z, zd = plain.Z[0], dropped.Zd[0]
    assert np.mean(zd == 0) == pytest.approx(0.5, abs=0.02)
    assert zd.mean() == pytest.approx(z.mean(), rel=0.03)  # inverted dropout keeps the scale
    # evaluation uses the network itself: no dropout, deterministic
    np.testing.assert_array_equal(net.forward(X), net.forward(X))


def test_dropout_gradient_is_the_masked_network_gradient():
    net, X, T = _problem(rows=5)
    eng = BatchEngine(net, "cce", 5, dropout=(0.4, 0.0), rng=np.random.default_rng(3))
    eng.gradient(X, T)
    mask = eng.M[0][:5].copy()
    # the same network with the mask folded into a fixed layer: compare to backprop
    A1 = X @ net.W[0] + net.b[0]
    Z1 = np.tanh(A1) * mask
    A2 = Z1 @ net.W[1] + net.b[1]
    Y = np.exp(A2 - A2.max(1, keepdims=True))
    Y /= Y.sum(1, keepdims=True)
    D2 = (Y - T) / 5
    np.testing.assert_allclose(eng.gview.W[1], Z1.T @ D2, atol=1e-12)
    D1 = (D2 @ net.W[1].T) * mask * (1 - np.tanh(A1) ** 2)
    np.testing.assert_allclose(eng.gview.W[0], X.T @ D1, atol=1e-12)


def test_schedules_give_textbook_values():
    assert lr_at("constant", 0.1, 7, 10) == 0.1
    assert lr_at("step", 0.1, 9, 50, step_size=10, gamma=0.5) == pytest.approx(0.1)
    assert lr_at("step", 0.1, 10, 50, step_size=10, gamma=0.5) == pytest.approx(0.05)
    assert lr_at("step", 0.1, 25, 50, step_size=10, gamma=0.5) == pytest.approx(0.025)
    assert lr_at("exponential", 0.1, 3, 10, gamma=0.9) == pytest.approx(0.1 * 0.9**3)
    assert lr_at("cosine", 0.1, 0, 10) == pytest.approx(0.1)
    assert lr_at("cosine", 0.1, 5, 10) == pytest.approx(0.05)
    assert lr_at("cosine", 0.1, 10, 10, min_lr=0.01) == pytest.approx(0.01)


def test_trainer_follows_the_schedule_and_reports_the_rate():
    net, X, T = _problem(rows=8)
    y = T.argmax(1)
    tr = Trainer(net, TrainData(X, T, y, X, T, y),
                 TrainSpec(loss="cce", lr=0.2, epochs=5, schedule="step",
                           schedule_params={"step_size": 2, "gamma": 0.1}))
    rates = [s.lr for s in tr.run("epoch")]
    assert rates[:4] == pytest.approx([0.2, 0.02, 0.02, 0.002])
    with pytest.raises(SpecError):
        TrainSpec(schedule="step", schedule_params={"bogus": 1})


def test_augmentation_keeps_range_and_labels_and_identity_when_off():
    rng = np.random.default_rng(0)
    X = rng.uniform(0.01, 1.0, size=(20, 28 * 28)).astype(np.float32)
    same = augment_images(X, 28, rng)
    np.testing.assert_allclose(same, X)
    A = augment_images(X, 28, rng, rotate=15, shift=3, noise=0.1, lo=0.01, hi=1.0)
    assert A.shape == X.shape and A.dtype == X.dtype
    assert A.min() >= 0.01 and A.max() <= 1.0
    assert not np.allclose(A, X)


def test_augmentation_shift_moves_the_image():
    img = np.zeros((28, 28), np.float64)
    img[10:14, 10:14] = 1.0
    X = img.reshape(1, -1)

    class Fixed:  # a "random" generator that always draws the largest shift, no rotation
        def uniform(self, lo, hi, n):
            return np.full(n, hi)

        def standard_normal(self, n, dtype):
            return np.zeros(n, dtype)

        def integers(self, lo, hi, n):
            return np.zeros(n, int)

    out = augment_images(X, 28, Fixed(), shift=2, lo=0.0, hi=1.0).reshape(28, 28)
    ys, xs = np.nonzero(out > 0.5)
    assert (ys.min(), xs.min()) == (12, 12)


def test_trainer_augments_each_epoch_with_the_fast_path():
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 1, size=(40, 64))
    y = rng.integers(0, 2, 40)
    T = np.eye(2)[y]
    spec = NetworkSpec.mlp((64, 8, 2), ("sigmoid", "softmax"))
    tr = Trainer(Network.from_spec(spec), TrainData(X, T, y, X, T, y),
                 TrainSpec(loss="cce", epochs=2, augment={"rotate": 10, "noise": 0.05}))
    assert tr.augments and tr.uses_fused_kernel
    first = tr._inputs().copy()
    tr.step("epoch")
    assert not np.allclose(first, tr._inputs())  # fresh augmentation per epoch
    np.testing.assert_array_equal(tr.data.X, X)  # the data itself is never changed


def test_validation_split_and_early_stopping_restore_the_best_weights():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 10))
    y = rng.integers(0, 2, 60)  # pure noise: the validation loss soon rises (overfitting)
    T = np.eye(2)[y]
    spec = NetworkSpec.mlp((10, 64, 2), ("relu", "softmax"), seed=0)
    tr = Trainer(Network.from_spec(spec), TrainData(X, T, y, X[:5], T[:5], y[:5]),
                 TrainSpec(loss="cce", lr=0.1, epochs=500, validation_split=0.25,
                           early_stopping=5))
    assert tr.n_train == 45 and len(tr.val[0]) == 15
    best = {}
    snaps = []
    for s in tr.run("epoch"):
        snaps.append(s)
        for e in s.evals:
            if math.isfinite(e.val_loss) and e.val_loss < best.get("loss", math.inf):
                best = {"loss": e.val_loss, "params": s.params.copy()}
    last = snaps[-1]
    assert last.status == "early-stopped" and "validation" in last.message
    assert len(snaps) < 500
    np.testing.assert_array_equal(tr.net.params, best["params"])
    # what is reported is the model kept (issue 13, defect 5), not the one thrown away
    from nnviz.core.nn.backprop import evaluate

    reported = last.evals[-1]
    assert reported.val_loss == pytest.approx(best["loss"], rel=1e-12)
    loss, acc = evaluate(tr.net, X[:5], T[:5], y[:5], "cce")
    assert (reported.test_loss, reported.test_acc) == (pytest.approx(loss, rel=1e-12), acc)
    assert reported.samples_seen == last.samples_seen


def test_layer_stats_histograms_and_dead_relu_units():
    spec = NetworkSpec(3, (LayerSpec(4, "relu"), LayerSpec(1, "sigmoid")))
    net = Network(spec)
    net.W[0][...] = [[1, -1, 1, -1], [1, -1, 1, -1], [1, -1, 1, -1]]
    X = np.abs(np.random.default_rng(0).normal(size=(30, 3)))
    st = layer_stats(net, X, bins=10)
    assert st[0].dead == pytest.approx(0.5)  # the units with weights -1 never fire
    assert st[0].w_hist.sum() == 12 and st[0].z_hist.sum() == 120
    assert st[0].w_mean == pytest.approx(0.0)
