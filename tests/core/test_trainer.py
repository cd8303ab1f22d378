"""The trainer the GUI drives: steps, snapshots, edits between steps, stop, reset, NaN."""

import threading

import numpy as np
import pytest

from nnviz.core.nn.backprop import backprop
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import LayerSpec, NetworkSpec, TrainSpec
from nnviz.core.train.trainer import TrainData, Trainer

X4 = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
XOR = np.array([0, 1, 1, 0])


def xor_data():
    T = XOR[:, None].astype(float)
    return TrainData(X4, T, XOR, X4, T, XOR)


def xor_trainer(**kw):
    spec = NetworkSpec.mlp((2, 3, 1), ("sigmoid", "sigmoid"), seed=0)
    args = dict(loss="bce", lr=1.0, epochs=3000, shuffle=True)
    args.update(kw)
    return Trainer(Network.from_spec(spec), xor_data(), TrainSpec(**args))


def test_xor_is_learned_and_loss_falls():
    tr = xor_trainer()
    snaps = list(tr.run("epoch", every=300))
    losses = [s.evals[-1].train_loss for s in snaps]
    assert snaps[-1].status == "finished"
    assert losses[-1] < losses[0] / 10
    assert snaps[-1].evals[-1].train_acc == 1.0
    assert np.array_equal(tr.net.predict(X4), XOR)


@pytest.mark.parametrize("batch", [1, 3])
def test_runs_are_deterministic_for_a_seed(batch):
    a = xor_trainer(batch_size=batch, epochs=50)
    b = xor_trainer(batch_size=batch, epochs=50)
    list(a.run("epoch"))
    list(b.run("epoch"))
    assert np.array_equal(a.net.params, b.net.params)


def test_step_units_count_samples_and_updates():
    tr = xor_trainer(batch_size=1)
    s = tr.step("sample")
    assert (s.samples_seen, s.updates, s.epoch) == (1, 1, 0)
    s = tr.step("epoch")
    assert (s.samples_seen, s.epoch, s.epoch_position) == (4, 1, 0)
    tr.set_batch_size(2)
    s = tr.step("batch")
    assert (s.samples_seen, s.updates) == (6, 5)


def test_sample_step_is_exactly_one_sgd_update_with_detail():
    tr = xor_trainer(shuffle=False)
    before = tr.net.copy()
    snap = tr.step("sample")
    ref = backprop(before, X4[0], np.array([0.0]), "bce")
    np.testing.assert_allclose(snap.params, before.params - 1.0 * ref.grad)
    d = snap.detail
    np.testing.assert_allclose(d.z[-1], ref.output)
    np.testing.assert_allclose(d.delta[0], ref.delta[0])
    np.testing.assert_allclose(d.W_change[0], -1.0 * ref.grad_views(before)[0][0])
    assert len(snap.grad_norms) == 2


def test_snapshots_are_copies():
    tr = xor_trainer()
    snap = tr.step("sample")
    snap.params[:] = 123.0
    assert not np.any(tr.net.params == 123.0)


def test_learning_rate_change_is_used_by_the_next_step():
    tr = xor_trainer(shuffle=False)
    tr.step("sample")
    before = tr.net.copy()
    tr.submit(lambda t: t.set_lr(0.25))  # as the GUI thread would
    snap = tr.step("sample")
    ref = backprop(before, X4[1], np.array([1.0]), "bce")
    np.testing.assert_allclose(snap.params, before.params - 0.25 * ref.grad)
    assert snap.lr == 0.25


def test_reset_restores_the_exact_initial_weights():
    tr = xor_trainer()
    init = tr.net.params.copy()
    list(tr.run("epoch", every=10, until_epoch=20))
    assert not np.array_equal(tr.net.params, init)
    tr.reset()
    assert np.array_equal(tr.net.params, init)
    assert tr.samples_seen == 0 and tr.epoch == 0


def test_stop_request_from_another_thread_ends_the_run():
    tr = xor_trainer(epochs=100_000)
    seen = []
    for snap in tr.run("epoch"):
        seen.append(snap)
        if len(seen) == 3:
            threading.Thread(target=tr.request_stop).start()
        if len(seen) > 1000:
            break
    assert seen[-1].status == "stopped"
    assert len(seen) < 100


def test_switching_optimizer_and_weights_between_steps():
    tr = xor_trainer()
    tr.step("epoch")
    tr.set_optimizer("adam", lr=0.01)
    W = np.zeros((2, 3))
    tr.set_layer(0, W=W)
    assert np.array_equal(tr.net.W[0], W)
    snap = tr.step("epoch")
    assert snap.lr == 0.01 and tr.spec.optimizer == "adam"
    with pytest.raises(ValueError, match="finite"):
        tr.set_layer(0, W=np.full((2, 3), np.nan))


def test_divergence_stops_with_a_diagnosis_and_last_good_weights():
    spec = NetworkSpec(1, (LayerSpec(4, "relu", init="normal"), LayerSpec(1, "identity")), 0)
    X = np.linspace(-1, 1, 20)[:, None] * 100
    T = 3 * X
    y = np.zeros(20, int)
    tr = Trainer(Network.from_spec(spec), TrainData(X, T, y, X, T, y),
                 TrainSpec(loss="mse", lr=10.0, epochs=50))
    last = list(tr.run("sample"))[-1]
    assert last.status == "diverged"
    assert "learning rate" in last.message
    assert np.all(np.isfinite(tr.net.params))
    assert np.array_equal(last.params, tr.net.params)


def test_eval_every_reports_points_during_the_epoch():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 2))
    y = (X[:, 0] > 0).astype(int)
    T = np.eye(2)[y]
    spec = NetworkSpec.mlp((2, 4, 2), ("tanh", "softmax"))
    tr = Trainer(Network.from_spec(spec), TrainData(X, T, y, X, T, y),
                 TrainSpec(loss="cce", lr=0.1, eval_every=20))
    snap = tr.step("epoch")
    seen = [e.samples_seen for e in snap.evals]
    assert seen == [0, 20, 40, 60, 80, 100]


def test_bad_data_is_refused():
    spec = NetworkSpec.mlp((2, 3, 1), ("sigmoid", "sigmoid"))
    net = Network.from_spec(spec)
    T = np.zeros((4, 1))
    with pytest.raises(ValueError, match="columns"):
        Trainer(net, TrainData(np.zeros((4, 3)), T, XOR, X4, T, XOR), TrainSpec())
    with pytest.raises(ValueError, match="empty"):
        Trainer(net, TrainData(np.zeros((0, 2)), np.zeros((0, 1)), XOR[:0], X4, T, XOR),
                TrainSpec())
    bad = X4.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        Trainer(net, TrainData(bad, T, XOR, X4, T, XOR), TrainSpec())


def test_samples_unit_trains_n_samples_through_the_fast_path():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 2))
    y = (X[:, 0] > 0).astype(int)
    T = np.eye(2)[y]
    spec = NetworkSpec.mlp((2, 4, 2), ("tanh", "softmax"))
    a = Trainer(Network.from_spec(spec), TrainData(X, T, y, X, T, y), TrainSpec(loss="cce"))
    b = Trainer(Network.from_spec(spec), TrainData(X, T, y, X, T, y), TrainSpec(loss="cce"))
    assert a.uses_fused_kernel
    s = a.step("samples", count=120)
    assert (s.samples_seen, s.epoch_position) == (120, 120) and s.detail is not None
    for _ in range(120):
        b.step("sample")
    np.testing.assert_allclose(a.net.params, b.net.params, atol=1e-12)
    s = a.step("samples", count=1000)  # never crosses the end of the epoch
    assert (s.samples_seen, s.epoch) == (300, 1)


def test_a_stop_request_interrupts_a_long_epoch_step():
    import nnviz.core.train.trainer as T_

    rng = np.random.default_rng(0)
    X = rng.normal(size=(50_000, 2))
    y = (X[:, 0] > 0).astype(int)
    T = np.eye(2)[y]
    spec = NetworkSpec.mlp((2, 4, 2), ("tanh", "softmax"))
    tr = Trainer(Network.from_spec(spec), TrainData(X, T, y, X[:10], T[:10], y[:10]),
                 TrainSpec(loss="cce"))
    real = tr._train
    calls = []

    def train(*args, **kw):
        calls.append(args)
        if len(calls) == 2:
            tr.request_stop()
        return real(*args, **kw)

    tr._train = train
    snap = next(tr.run("epoch"))
    assert snap.status == "stopped"
    assert snap.epoch == 0 and 0 < snap.epoch_position < 50_000
    assert snap.epoch_position == 2 * T_.MAX_CHUNK


def _three_class_trainer(eval_every, batch_size=8, n=40):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, 4))
    y = rng.integers(0, 3, n)
    T = np.eye(3)[y]
    spec = NetworkSpec.mlp((4, 5, 3), ("tanh", "softmax"), seed=0)
    return Trainer(Network.from_spec(spec), TrainData(X, T, y, X, T, y),
                   TrainSpec(loss="cce", optimizer="sgd", lr=0.5, batch_size=batch_size,
                             epochs=1, eval_every=eval_every))


def test_evaluation_points_never_change_the_batches():
    """Issue 13, defect 4: eval_every=10 at batch 8 made 8 updates where 5 are right."""
    ref = _three_class_trainer(0)
    ref_snap = ref.step("epoch")
    assert ref_snap.updates == 5
    for ee in (8, 10, 16):
        tr = _three_class_trainer(ee)
        snap = tr.step("epoch")
        assert snap.updates == 5, ee
        np.testing.assert_array_equal(tr.net.params, ref.net.params)
    # each point is taken at the first batch boundary at or after it
    assert [e.samples_seen for e in _three_class_trainer(10).step("epoch").evals] == \
        [0, 16, 24, 32, 40]


def test_mnist_course_at_batch_64_makes_63_updates_per_4000_samples():
    from nnviz.core.lessons.presets import get_preset

    rng = np.random.default_rng(1)
    n = 6000
    y = rng.integers(0, 10, n)
    X = (rng.random((n, 784)) < 0.2).astype(np.float32) * 0.99 + 0.01  # MNIST-shaped stand-in
    T = np.full((n, 10), 0.01, np.float32)
    T[np.arange(n), y] = 0.99
    data = TrainData(X, T, y, X[:200], T[:200], y[:200])
    preset = get_preset("mnist-course")
    assert preset.training.eval_every == 2000
    course = preset.make_trainer(data=data, batch_size=64)
    plain = preset.make_trainer(data=data, batch_size=64, eval_every=0)
    snap = course.step("samples", count=4000)  # rounded up to whole batches: 4,032
    plain.step("samples", count=4000)
    assert (snap.samples_seen, snap.updates) == (4032, 63)
    assert [e.samples_seen for e in snap.evals] == [0, 2048, 4032]
    np.testing.assert_array_equal(course.net.params, plain.net.params)


def test_train_loss_at_an_epoch_end_is_that_epochs_mean():
    tr = xor_trainer(shuffle=False, batch_size=1)
    snap = tr.step("epoch")
    assert snap.epoch_position == 0 and snap.epoch == 1
    assert np.isfinite(snap.train_loss) and np.isfinite(snap.train_acc)
    np.testing.assert_allclose(snap.train_loss, snap.update_losses[:, 1].mean(), rtol=1e-12)
    half = tr.step("batch")  # inside the next epoch: its own running mean again
    np.testing.assert_allclose(half.train_loss, half.update_losses[-1, 1], rtol=1e-12)


def test_update_losses_are_each_batch_loss_before_its_update():
    from nnviz.core.nn.losses import loss_value

    tr = _three_class_trainer(0)
    X, T = tr.data.X, tr.data.T
    order = tr._order.copy()
    expected = []
    probe = _three_class_trainer(0)
    for k in range(5):  # the same run, one batch at a time, measuring each batch first
        idx = order[8 * k:8 * k + 8]
        a, out = probe.net.trace(X[idx])[-1]
        expected.append(loss_value("cce", out, T[idx], a, "softmax"))
        probe.step("batch")
    snap = tr.step("epoch")
    np.testing.assert_array_equal(snap.update_losses[:, 0], [1, 2, 3, 4, 5])
    np.testing.assert_allclose(snap.update_losses[:, 1], expected, rtol=1e-10)


def test_update_losses_are_bounded_and_keep_both_ends():
    from nnviz.core.train.trainer import MAX_UPDATE_LOSSES

    rng = np.random.default_rng(0)
    X = rng.normal(size=(10_000, 2))
    y = (X[:, 0] > 0).astype(int)
    T = np.eye(2)[y]
    spec = NetworkSpec.mlp((2, 4, 2), ("tanh", "softmax"))
    tr = Trainer(Network.from_spec(spec), TrainData(X, T, y, X[:10], T[:10], y[:10]),
                 TrainSpec(loss="cce", epochs=2))
    snap = tr.step("epoch")
    rows = snap.update_losses
    assert snap.updates == 10_000
    assert 0 < len(rows) <= MAX_UPDATE_LOSSES
    assert rows[0, 0] == 1 and rows[-1, 0] == 10_000
    assert np.all(np.diff(rows[:, 0]) > 0) and np.all(np.isfinite(rows[:, 1]))
    assert tr.step("sample").update_losses[:, 0].tolist() == [10_001]
