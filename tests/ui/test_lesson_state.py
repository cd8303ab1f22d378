"""Issue 15: after each model operation every view shows the current lesson, nothing older.

Each test drives the model through its public API and asserts on a view (or on the model's
own state where the bug was in the model).  All of them failed before the one-lesson-state
redesign (f227236).
"""

import mnist_support
import numpy as np
from mnist_support import load_lesson, wait_evaluated
from PySide6.QtCore import Qt

mnist_folder = mnist_support.mnist_folder


def _wait_idle(qtbot, run, timeout=30000):
    qtbot.waitUntil(lambda: not run.busy, timeout=timeout)


def test_open_a_file_of_another_lesson_brings_its_data(qtbot, window, tmp_path):
    """XOR on screen, File → Open of an "Optimizers compared" model: circles, not XOR."""
    c = window.model
    c.set_preset("optimizers")
    path = str(tmp_path / "optimizers.npz")
    c.save(path)
    circles = c.samples.X.copy()
    c.set_preset("xor-backprop-2")
    assert window.inputs.mode == "table"  # XOR's truth table
    assert window.open_file(path)
    assert c.preset.id == "optimizers"
    np.testing.assert_array_equal(c.samples.X, circles)
    assert window.inputs.mode == "boxes"  # no XOR truth table left in the Input dock
    window.boundary.redraw()
    np.testing.assert_array_equal(window.boundary.input_plane.points, circles)
    # training uses the same rows the views show
    np.testing.assert_array_equal(c.train_data().X, circles)


def test_gallery_never_shows_predictions_of_earlier_weights(qtbot, mnist_folder, window):
    """Evaluate, train a little: every shown prediction is the current network's (or '?')."""
    c = window.model
    views = window.mnist
    load_lesson(c, qtbot, "mnist-course")
    ev = views.evaluator
    ev.limit = 300
    ev.evaluate()
    wait_evaluated(qtbot, ev)
    before = ev.result.preds.copy()
    c.run.set_lr(0.5)
    c.run.set_batch_size(100)
    for _ in range(3):
        c.run.step("batch")
        _wait_idle(qtbot, c.run)
    m = views.samples.model
    now = c.network.predict(c.samples.X)
    assert np.any(now[:300] != before)  # the training changed some predictions: a real check
    for row in range(m.rowCount()):
        i = m.data(m.index(row), Qt.UserRole)
        shown = m.data(m.index(row), Qt.DisplayRole).split("→")[1].strip()
        assert shown in ("?", str(int(now[i]))), (row, i, shown, now[i])


def test_hyper_parameters_after_switching_to_a_lesson_without_training(qtbot, window):
    """Perceptron XOR (η 0.05, 200 epochs), then "MNIST with pretrained weights"."""
    c = window.model
    c.set_preset("perceptron-xor")
    panel = window.hyper
    assert not panel.run_box.isHidden() and panel.epochs.value() == 200
    c.set_preset("mnist-pretrained")
    # nothing of the perceptron's settings is shown: no η, no epochs, only the note
    assert panel.run_box.isHidden() and panel.net_box.isHidden()
    assert panel.note.text()


def test_empty_plots_carry_no_previous_lessons_ticks(qtbot, window):
    from nnviz.ui.plots.training_plots import TrainingPlots

    c = window.model
    fresh = TrainingPlots()
    qtbot.addWidget(fresh)
    c.set_preset("xor-backprop-2")
    for _ in range(4):
        c.run.step("epoch")
        _wait_idle(qtbot, c.run)
    plots = window.plots
    assert plots.point_count() > 0
    c.set_preset("forward-walkthrough")  # nothing to train: empty plots
    assert plots.point_count() == 0
    for mine, empty in ((plots.loss_plot, fresh.loss_plot), (plots.acc_plot, fresh.acc_plot)):
        np.testing.assert_allclose(mine.viewRange(), empty.viewRange(), atol=1e-9)


def test_run_comparison_shows_the_current_lessons_runs_only(qtbot, window):
    c = window.model
    c.set_preset("xor-backprop-2")
    c.run.set_epochs(5)
    with qtbot.waitSignal(c.run.run_finished, timeout=30000):
        c.run.play()
    _wait_idle(qtbot, c.run)
    assert len(window.comparison.runs()) == 1
    c.set_preset("optimizers")
    assert window.comparison.runs() == []
    assert window.comparison.table_rows() == []


def test_reset_after_a_mid_run_learning_rate_change_restores_the_runs_rate(qtbot, model):
    c = model
    c.set_preset("xor-backprop-2")
    preset_lr = c.preset.training.lr
    s = c.run
    s.step("epoch")
    _wait_idle(qtbot, s)
    s.set_lr(5.0)  # mid-run
    s.step("epoch")
    _wait_idle(qtbot, s)
    start = s.initial_params.copy()
    s.reset()
    _wait_idle(qtbot, s)
    assert s.spec.lr == preset_lr
    np.testing.assert_array_equal(c.network.params, start)
    # and the next step trains with the run's rate again
    s.step("epoch")
    _wait_idle(qtbot, s)
    assert s.last.lr == preset_lr


def test_input_dock_says_drawn_beside_a_drawn_digit(qtbot, mnist_folder, window):
    c = window.model
    load_lesson(c, qtbot, "mnist-course")
    c.select_sample(0)
    label = int(c.samples.labels[0])
    assert window.inputs.image_note.text().endswith(str(label))
    pad = window.mnist.draw
    pad.add_stroke([(60, 50), (220, 50)])  # a drawn digit: no test image, no label
    assert c.sample_index == -1
    note = window.inputs.image_note.text()
    assert str(label) not in note or not window.inputs.image_note.isVisibleTo(window.inputs)
