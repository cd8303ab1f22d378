"""Regularisation in the window (issue 9): each control changes the run; weight statistics,
the live figures, the validation curve and early stopping follow the training."""

import time

import numpy as np
import pytest

WAIT = 30000


def _idle(qtbot, s):
    qtbot.waitUntil(lambda: not s.busy, timeout=WAIT)


def _epochs(qtbot, s, n):
    for _ in range(n):
        assert s.step("epoch")
        _idle(qtbot, s)


def _type(edit, text):
    edit.setText(text)
    edit.editingFinished.emit()


def _weight_norm(net):
    return float(np.sqrt(sum(np.sum(W ** 2) for W in net.W)))


def test_l2_shrinks_the_weights_against_the_same_run_without_it(window, qtbot):
    window.open_lesson("optimizers")
    c, s, panel = window.model, window.model.run, window.regularisation
    assert panel.decay_box.isVisibleTo(panel) and not panel.aug_box.isVisibleTo(panel)
    _epochs(qtbot, s, 8)
    plain = _weight_norm(c.network)
    window.run_controls.act_reset.trigger()
    _type(panel.l2, "0.05")
    assert s.spec.l2 == 0.05
    _epochs(qtbot, s, 8)
    assert s.trainer.spec.l2 == 0.05  # applied between steps, no new trainer
    decayed = _weight_norm(c.network)
    assert decayed < 0.95 * plain
    _type(panel.l1, "-1")  # refused: the field goes back to the value in use
    assert panel.l1.value() == 0.0 and s.spec.l1 == 0.0


def test_dropout_one_rate_or_per_layer_reaches_the_trainer(window, qtbot):
    window.open_lesson("vanishing-relu")  # six hidden layers
    s, panel = window.model.run, window.regularisation
    assert len(panel.drop_spins) == 1 and panel.same_rate.isChecked()
    panel.drop_spins[0].setValue(0.3)
    assert s.spec.dropout == 0.3
    _epochs(qtbot, s, 1)
    assert s.trainer.spec.dropout_rates(7) == (0.3,) * 6 + (0.0,)  # output: never
    panel.same_rate.setChecked(False)
    assert len(panel.drop_spins) == 6
    panel.drop_spins[1].setValue(0.5)
    assert s.spec.dropout == (0.3, 0.5, 0.3, 0.3, 0.3, 0.3)
    _epochs(qtbot, s, 1)
    assert s.trainer.spec.dropout == (0.3, 0.5, 0.3, 0.3, 0.3, 0.3)
    assert len(panel.drop_spins) == 6  # the fields were kept while editing


def test_schedule_changes_the_learning_rate_shown(window, qtbot):
    window.open_lesson("optimizers")
    s, panel = window.model.run, window.regularisation
    lr = s.spec.lr
    i = panel.schedule.findData("exponential")
    panel.schedule.setCurrentIndex(i)
    panel.schedule.activated.emit(i)
    assert panel.gamma.isVisibleTo(panel) and not panel.step_size.isVisibleTo(panel)
    panel.gamma.setValue(0.5)
    assert s.spec.schedule == "exponential" and s.spec.schedule_params == {"gamma": 0.5}
    _epochs(qtbot, s, 2)
    assert s.last.lr == pytest.approx(lr * 0.25)
    from nnviz.ui.common.formatting import fmt

    assert f"η now: {fmt(lr * 0.25)} (epoch 3)" == panel.lr_now.text()
    assert window.dashboard.texts()["lr"] == f"η {fmt(lr * 0.25)}"


def test_augmentation_strip_shows_changed_images_in_range(window, qtbot, mnist_folder):
    window.open_lesson("mnist-course")
    c, s, panel = window.model, window.model.run, window.regularisation
    qtbot.waitUntil(lambda: c.train_data() is not None, timeout=WAIT)
    assert panel.aug_box.isVisibleTo(panel)
    strip = panel.strip
    qtbot.waitUntil(lambda: len(strip.originals()) == 8, timeout=WAIT)
    assert np.array_equal(strip.augmented(), strip.originals())  # no augmentation yet
    panel.rotate.setValue(20)
    panel.noise.setValue(0.1)
    assert s.spec.augment == {"rotate": 20.0, "noise": 0.1}
    before, after = strip.originals(), strip.augmented()
    lo, hi = strip.value_range()
    data = c.train_data()
    assert (lo, hi) == (float(data.X.min()), float(data.X.max()))
    assert after.shape == before.shape
    assert all(not np.allclose(a, b) for a, b in zip(after, before))
    assert after.min() >= lo and after.max() <= hi
    first = strip.augmented()
    strip.again.click()
    assert not np.allclose(strip.augmented(), first)  # new random transformations
    assert all(not lab.pixmap().isNull() for pair in strip.cells for lab in pair)


def test_augmentation_is_only_offered_for_images_and_nothing_for_the_perceptron(window):
    window.open_lesson("perceptron-and")
    panel = window.regularisation
    assert not panel.decay_box.isVisibleTo(panel)
    assert "perceptron" in panel.note.text()
    window.open_lesson("xor-backprop-2")
    assert panel.decay_box.isVisibleTo(panel) and not panel.aug_box.isVisibleTo(panel)


def test_weight_statistics_start_vs_now(window, qtbot):
    window.open_lesson("vanishing-relu")
    c, s, view = window.model, window.model.run, window.layer_stats
    window.docks["layer_stats"].raise_()
    view.update_now()
    h0 = view.histograms(0)
    np.testing.assert_array_equal(h0["w_start"][1], h0["w_now"][1])  # no training yet
    _epochs(qtbot, s, 5)
    view.update_now()
    assert view.seconds < 0.2
    for layer in range(len(c.network.W)):
        h = view.histograms(layer)
        n_w = c.network.W[layer].size
        assert h["w_start"][1].sum() == h["w_now"][1].sum() == n_w
        np.testing.assert_array_equal(h["w_start"][0], h["w_now"][0])  # shared bins
    assert any(not np.array_equal(view.histograms(i)["w_start"][1],
                                  view.histograms(i)["w_now"][1]) for i in range(7))
    assert len(view.X) == 100  # every training input (fewer than 500)
    assert view.table.rowCount() == 7
    assert view.table.item(0, 3).text().endswith("%")  # ReLU layer: share of dead units
    view.layer.setCurrentIndex(6)
    x, y = view.curves["w_now"].getData()
    assert len(y) == 40


def test_weight_statistics_are_throttled(window, qtbot):
    window.open_lesson("vanishing-relu")
    view = window.layer_stats
    window.docks["layer_stats"].raise_()
    qtbot.waitUntil(lambda: view.updates >= 1, timeout=WAIT)
    start, t0 = view.updates, time.perf_counter()
    while time.perf_counter() - t0 < 1.0:
        view.request_update()
        qtbot.wait(10)
    assert 1 <= view.updates - start <= 7  # at most ~5 per second


def test_dashboard_shows_speed_after_training(window, qtbot):
    window.open_lesson("optimizers")
    s, dash = window.model.run, window.dashboard
    assert dash.texts()["rate"] == "– samples/s"
    _epochs(qtbot, s, 4)
    t = dash.texts()
    assert dash.rate > 0 and t["rate"].endswith("samples/s") and t["rate"][0].isdigit()
    assert t["epoch"] == "epoch 4" and t["samples"] == "samples 400"
    assert t["epoch_time"].endswith("s/epoch") and t["epoch_time"][0].isdigit()
    assert t["loss"].count("–") == 1  # no validation split
    s.reset()
    assert dash.texts()["rate"] == "– samples/s"


def test_validation_split_restarts_and_early_stopping_shows_the_message(window, qtbot):
    window.open_lesson("optimizers")
    s, panel, plots = window.model.run, window.regularisation, window.plots
    _epochs(qtbot, s, 2)
    panel.patience.setValue(2)
    assert s.spec.early_stopping == 2 and s.epoch == 2  # patience alone: no restart
    panel.split.setValue(20)
    assert panel.apply_split.isEnabled() and "restart" in panel.split_note.text()
    assert s.spec.validation_split == 0.0  # not yet
    panel.apply_split.click()
    assert s.spec.validation_split == 0.2 and s.epoch == 0 and s.trainer is None
    assert not panel.apply_split.isEnabled()
    messages = []
    s.status_posted.connect(messages.append)
    assert s.play()
    qtbot.waitUntil(lambda: not s.playing, timeout=WAIT)
    _idle(qtbot, s)
    assert s.last.status == "early-stopped" and s.epoch == 3
    assert s.n_train == 80  # 20 of the 100 points held out
    assert any(m.startswith("Early stopping") for m in messages)
    assert window.statusBar().currentMessage().startswith("Early stopping")
    assert [m[1] for m in plots.markers()] == ["early stop"]
    assert plots.has_validation()
    x, y = plots.curve_data()["val_loss"]
    assert len(y) == len(s.evals) and np.isfinite(y).all()
    assert window.dashboard.texts()["loss"].count("–") == 0
