"""Training in the window: the worker thread, stepping, reset, live hyper-parameters, NaN, close."""

import time

import numpy as np
import pytest

from nnviz.core.lessons.presets import Preset

WAIT = 20000


def _idle(qtbot, s):
    qtbot.waitUntil(lambda: not s.busy, timeout=WAIT)


def _canvas_weights(window, layer):
    return {(e.i, e.j): e.w for e in window.canvas.edges[layer] if e.isVisible()}


def test_play_then_pause_on_xor(window, qtbot):
    window.open_lesson("xor-backprop-2")
    window.guides.guide.leave()  # free play: a guided step enables only its own controls
    s = window.model.run
    s.play_unit, s.every, s.delay = "epoch", 10, 0.01  # slow enough to pause mid-run
    p0 = window.model.network.params.copy()
    shown = []
    s.snapshot_shown.connect(shown.append)
    assert window.run_controls.act_play.text() == "Play"
    window.run_controls.act_play.trigger()
    assert s.playing and window.run_controls.act_play.text() == "Pause"
    qtbot.waitUntil(lambda: len(shown) >= 5, timeout=WAIT)
    window.run_controls.act_play.trigger()  # pause
    _idle(qtbot, s)
    assert not s.playing and window.run_controls.act_play.text() == "Play"
    last = shown[-1]
    assert last.status == "stopped"
    assert last.epoch >= 40  # stopped between two steps, not at a refresh
    assert s.evals[-1].train_loss < s.evals[0].train_loss  # the loss decreases
    net = window.model.network
    assert np.array_equal(net.params, last.params) and not np.array_equal(net.params, p0)
    w = _canvas_weights(window, 0)
    assert all(w[(i, j)] == pytest.approx(net.W[0][i, j]) for (i, j) in w)
    assert window.weights.model.value(0, 0) == pytest.approx(net.W[0][0, 0])
    assert f"epoch {last.epoch} " in window.run_controls.counters.text()
    assert window.plots.point_count() == len(s.evals)


def _perceptron_by_hand(W, b, X, T, eta, steps):
    """The handout's rule, one sample at a time in file order."""
    W, b = W.copy(), float(b)
    out = []
    for k in range(steps):
        x, d = X[k % len(X)], float(T[k % len(X), 0])
        y = 1.0 if float(x @ W + b) > 0 else 0.0
        W = W + eta * (d - y) * x
        b = b + eta * (d - y)
        out.append((x, d, y, d - y, W.copy(), b))
    return out


def test_step_sample_on_the_and_perceptron_follows_the_rule(window, qtbot):
    window.open_lesson("perceptron-and")
    window.guides.guide.leave()  # free play: a guided step enables only its own controls
    c, s = window.model, window.model.run
    assert window.hyper.optimizer.isHidden() and window.hyper.batch.isHidden()
    assert window.run_controls.act_step_batch.isVisible() is False
    W0, b0 = c.network.W[0][:, 0].copy(), float(c.network.b[0][0])
    data = c.train_data()
    hand = _perceptron_by_hand(W0, b0, data.X, data.T, 0.05, 6)
    for k in range(6):
        window.run_controls.act_step_sample.trigger()
        _idle(qtbot, s)
        x, d, y, err, W, b = hand[k]
        assert np.array_equal(c.network.W[0][:, 0], W)  # exactly, not approximately
        assert c.network.b[0][0] == b
        row = s.last.rows[-1]
        assert row.x == tuple(x) and row.d == d and row.y == y and row.error == err
    lines = window.step_detail.round_lines()
    assert len(lines) == 7  # four samples, the round's accuracy line, two samples
    assert lines[0][0] == "1" and lines[5][0] == "2"
    assert lines[4][0].startswith("after round 1: accuracy")
    assert s.samples_seen == 6 and s.epoch == 1


def test_reset_restores_the_exact_initial_weights(window, qtbot):
    window.open_lesson("xor-backprop-2")
    window.guides.guide.leave()  # free play: a guided step enables only its own controls
    c, s = window.model, window.model.run
    p0 = c.network.params.copy()
    for _ in range(3):
        s.step("epoch")
    _idle(qtbot, s)
    first_run = c.network.params.copy()
    assert not np.array_equal(first_run, p0) and s.epoch == 3
    window.run_controls.act_reset.trigger()
    assert np.array_equal(c.network.params, p0)
    assert s.epoch == 0 and window.plots.point_count() == 0
    for _ in range(3):
        s.step("epoch")
    _idle(qtbot, s)
    assert np.array_equal(c.network.params, first_run)  # the same run again


def test_new_init_is_seeded(window, qtbot):
    window.open_lesson("xor-backprop-2")
    c, s = window.model, window.model.run
    p0 = c.network.params.copy()
    seed = s.new_init()
    p1 = c.network.params.copy()
    assert seed == 2 and not np.array_equal(p0, p1) and window.hyper.seed.value() == 2
    s.step("epoch")
    _idle(qtbot, s)
    s.reset()
    assert np.array_equal(c.network.params, p1)
    s.new_init(1)
    assert np.array_equal(c.network.params, p0)


def test_learning_rate_change_is_used_by_the_next_step(window, qtbot):
    window.open_lesson("xor-backprop-2")
    s = window.model.run
    s.step("sample")
    _idle(qtbot, s)
    assert s.last.lr == 1.0
    window.hyper.lr.setText("0.25")
    window.hyper.lr.editingFinished.emit()
    assert s.spec.lr == 0.25
    s.step("sample")
    _idle(qtbot, s)
    d = s.last.detail
    assert s.last.lr == 0.25
    for dW, g in zip(d.W_change, d.W_grad):
        assert np.allclose(dW, -0.25 * g, rtol=1e-9, atol=1e-15)


def test_optimizer_switch_and_batch_size_apply_between_steps(window, qtbot):
    window.open_lesson("xor-backprop-2")
    s, h = window.model.run, window.hyper
    assert not h.optimizer.isHidden()
    h.optimizer.setCurrentIndex(h.optimizer.findData("adam"))
    h.optimizer.activated.emit(h.optimizer.currentIndex())
    assert s.spec.optimizer == "adam" and s.spec.lr == 0.001
    assert set(h.param_edits) == {"beta1", "beta2", "eps"}
    assert h.lr.value() == 0.001
    s.set_batch_size(2)
    s.step("batch")
    _idle(qtbot, s)
    assert s.last.samples_seen == 2 and s.last.lr == 0.001


def test_network_change_needs_a_reset(window, qtbot):
    window.open_lesson("xor-backprop-2")
    h, c = window.hyper, window.model
    units, act, _init = h.layer_rows[0]
    units.setValue(3)
    assert h.apply_button.isEnabled() and "reset" in h.pending_note.text()
    h.apply_button.click()
    assert c.network.spec.sizes == (2, 3, 1)
    assert not h.apply_button.isEnabled()
    c.run.step("epoch")
    _idle(qtbot, c.run)
    assert c.run.last.epoch == 1


def _diverging_preset():
    return Preset.from_dict({
        "version": 1, "id": "test-diverge", "group": "backprop", "trainer": "backprop",
        "title": {"en": "Diverging regression"},
        "network": {"inputs": 2, "seed": 0,
                    "layers": [{"units": 1, "activation": "identity", "init": "uniform"}]},
        "data": {"kind": "gate", "name": "OR"}, "targets": {"kind": "binary"},
        "training": {"loss": "mse", "optimizer": "sgd", "lr": 10.0, "epochs": 100000},
        "view": {"unit": "epoch", "every": 1}})


def test_nan_run_stops_with_the_message_and_offers_the_last_good_weights(window, qtbot):
    c, s = window.model, window.model.run
    c.set_preset(_diverging_preset())
    s.delay = 0.0
    s.play()
    _idle(qtbot, s)
    assert s.last.status == "diverged"
    # the trainer stops at NaN, or earlier when the finite loss explodes (issue 14)
    message = s.last.message
    assert ("NaN" in message or "exploded" in message) and "learning rate" in message
    box = window.diverged_box
    assert box is not None and box.isVisible() and box.text() == s.last.message
    assert np.all(np.isfinite(c.network.params))
    good = c.network.params.copy()
    window.restore_button.click()
    assert s.spec.lr == 1.0
    assert np.array_equal(c.network.params, good)


def test_closing_during_training_leaves_no_thread(qtbot):
    from nnviz.ui.shell.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.finish_startup()
    w.open_lesson("xor-backprop-2")
    s = w.model.run
    s.every, s.delay = 1, 0.001
    s.play()
    qtbot.waitUntil(lambda: s.samples_seen > 0, timeout=WAIT)
    thread = s.jobs.worker_thread
    t0 = time.perf_counter()
    w.close()
    assert time.perf_counter() - t0 < 1.0
    assert s.jobs.worker_thread is None and not thread.isRunning()


def test_switching_lessons_while_training_stops_the_worker(window, qtbot):
    window.open_lesson("xor-backprop-2")
    s = window.model.run
    s.delay = 0.001
    s.play()
    qtbot.waitUntil(lambda: s.samples_seen > 0, timeout=WAIT)
    thread = s.jobs.worker_thread
    t0 = time.perf_counter()
    window.open_lesson("perceptron-or")
    assert time.perf_counter() - t0 < 1.0
    assert not thread.isRunning() and not s.playing and s.epoch == 0


def test_lessons_without_training_disable_the_controls(window):
    window.open_lesson("forward-walkthrough")
    assert not window.run_controls.act_play.isEnabled()
    assert not window.model.run.play()


def test_mnist_trains_on_the_data_already_loaded(window, qtbot):
    from nnviz.core.train.trainer import TrainData

    c = window.model
    p = c.preset_by_id("mnist-course")
    rng = np.random.default_rng(0)
    X = rng.uniform(0.01, 1.0, (40, 784)).astype(np.float32)
    y = np.arange(40) % 10
    T = np.full((40, 10), 0.01, np.float32)
    T[np.arange(40), y] = 0.99
    data = TrainData(X, T, y, X[:20], T[:20], y[:20])
    c.data.store(p, data)  # as if the background load had finished
    window.open_lesson("mnist-course")
    assert not c.loading
    s = c.run
    s.step("epoch")
    _idle(qtbot, s)
    assert s.trainer.data.X is X  # the cached arrays, not a second load
    assert s.last.samples_seen == 40 and len(s.evals) == 2


def test_compare_the_six_optimizers_from_the_same_weights(qtbot, window):
    window.open_lesson("optimizers")
    assert window.comparer.available()
    with qtbot.waitSignal(window.comparer.finished, timeout=120000) as sig:
        assert window.comparer.start()
    runs = sig.args[0]
    assert [r.label for r in runs] == ["sgd", "momentum", "nesterov", "adagrad", "rmsprop",
                                       "adam"]
    assert set(window.comparison.runs()) >= {r.label for r in runs}
    assert len({round(r.evals[0].train_loss, 12) for r in runs}) == 1  # same start
    window.open_lesson("forward-walkthrough")
    assert not window.comparer.available()
