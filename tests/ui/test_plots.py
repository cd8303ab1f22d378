"""Training curves, gradient norms and run comparison: state after data goes in."""

import csv

import numpy as np
import pytest

from nnviz.core.train.trainer import EvalPoint


def _evals(n, start=1, per_epoch=100):
    return [EvalPoint(k * 25, k * 25 / per_epoch, 1.0 / k, 1 - 0.5 / k, 1.2 / k, 1 - 0.6 / k)
            for k in range(start, start + n)]


@pytest.fixture
def plots(qtbot):
    from nnviz.ui.plots.training_plots import TrainingPlots

    w = TrainingPlots()
    qtbot.addWidget(w)
    w.resize(500, 500)
    w.show()
    return w


def test_add_evals_appends_incrementally_past_the_buffer(plots):
    curves_before = dict(plots.curves)
    cap = len(plots.buf.data)
    plots.add_evals(_evals(200))
    plots.add_evals(_evals(200, start=201))
    assert plots.point_count() == 400 and len(plots.buf.data) >= 400 > cap
    assert plots.curves == curves_before  # the same curve items, only their data changed
    data = plots.curve_data()
    x, y = data["train_loss"]
    assert len(x) == len(y) == 400
    np.testing.assert_allclose(x[:3], [0.25, 0.5, 0.75])
    np.testing.assert_allclose(y[:3], [1.0, 0.5, 1 / 3])
    np.testing.assert_allclose(data["test_acc"][1][-1], 1 - 0.6 / 400)
    for c in plots.curves.values():
        assert c.opts["clipToView"] and c.opts["downsampleMethod"] == "peak"


def test_x_axis_switch_and_markers(plots):
    plots.add_evals(_evals(8))
    plots.add_marker(100, "diverged")
    assert plots.markers() == [(100, "diverged", pytest.approx(1.0))]
    plots.set_x_axis("samples")
    np.testing.assert_allclose(plots.curve_data()["test_loss"][0], np.arange(1, 9) * 25)
    assert plots.markers()[0][2] == pytest.approx(100)
    assert plots.axis_combo.currentData() == "samples"
    with pytest.raises(ValueError):
        plots.set_x_axis("time")


def test_hover_shows_the_nearest_values(plots):
    plots.add_evals(_evals(8))
    plots.hover["loss"].show_at(0.52)
    assert plots.hover["loss"].line.value() == pytest.approx(0.5)
    assert "0.5" in plots.hover["loss"].text and "0.6" in plots.hover["loss"].text


def test_log_loss_and_clear(plots):
    plots.add_evals(_evals(5))
    plots.set_log_loss(True)
    assert plots.is_log_loss() and plots.log_check.isChecked()
    plots.clear()
    assert plots.point_count() == 0 and plots.markers() == []
    assert all(len(x) == 0 for x, _ in plots.curve_data().values())


def test_exports(plots, tmp_path):
    plots.add_evals(_evals(4))
    path = tmp_path / "curves.csv"
    plots.export_csv(str(path))
    rows = list(csv.reader(path.open()))
    assert rows[0] == ["samples_seen", "epoch", "train_loss", "train_acc", "test_loss",
                       "test_acc"]
    assert len(rows) == 5
    assert rows[2][:3] == ["50", "0.5", "0.5"]
    for name in ("c.png", "c.svg"):
        plots.export_image(str(tmp_path / name))
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (tmp_path / "c.svg").read_bytes()


@pytest.fixture
def grads(qtbot):
    from nnviz.ui.plots.gradient_plot import GradientNormPlot

    w = GradientNormPlot()
    qtbot.addWidget(w)
    return w


def test_gradient_norms_log_scale_one_curve_per_layer(grads, tmp_path):
    assert grads.is_log_y()
    for k in range(300):
        grads.add_norms(10 * (k + 1), [1e-4 * (k + 1), 1e-2, 0.5])
    s, n = grads.norms_data()
    assert s.shape == (300,) and n.shape == (300, 3)
    assert grads.legend_labels() == ["layer 1", "layer 2", "layer 3"]
    x, y = grads.curve_data()[0]
    assert len(x) == 300 and y[1] == pytest.approx(2e-4)
    grads.add_norms(4000, [0.0, 1.0, 1.0])  # zero has no log: a gap, not an error
    assert np.isnan(grads.curve_data()[0][1][-1])
    grads.export_csv(str(tmp_path / "g.csv"))
    rows = list(csv.reader((tmp_path / "g.csv").open()))
    assert rows[0] == ["samples_seen", "layer_1", "layer_2", "layer_3"] and len(rows) == 302


def test_gradient_history_arrives_in_one_redraw(grads, monkeypatch):
    redraws = []
    original = grads._redraw
    monkeypatch.setattr(grads, "_redraw", lambda: (redraws.append(1), original()))
    grads.add_history([(10 * (k + 1), (0.1 * (k + 1), 0.5)) for k in range(200)])
    s, n = grads.norms_data()
    assert len(redraws) == 1
    assert s.tolist() == [10.0 * (k + 1) for k in range(200)] and n.shape == (200, 2)
    assert n[-1].tolist() == pytest.approx([20.0, 0.5])
    # a deeper network in the same batch starts over with its own curves
    grads.add_history([(1, (1.0, 1.0)), (2, (1.0, 1.0, 1.0)), (3, (2.0, 2.0, 2.0)), (4, ())])
    s, n = grads.norms_data()
    assert s.tolist() == [2.0, 3.0] and n.shape == (2, 3) and len(redraws) == 2
    grads.add_history([])
    assert len(redraws) == 2


def test_gradient_reference_is_kept_dashed(grads):
    from PySide6.QtCore import Qt

    grads.set_reference("sigmoid", [1, 2, 3], np.full((3, 4), 1e-3))
    assert len(grads.reference_curves) == 4
    assert grads.reference_curves[0].opts["pen"].style() == Qt.DashLine
    grads.add_norms(1, [1.0, 1.0])  # the live run may have another depth
    assert grads.legend_labels() == ["layer 1", "layer 2", "sigmoid (dashed)"]
    grads.keep_as_reference("relu")
    assert grads.reference_label == "relu" and len(grads.reference_curves) == 2
    assert grads.norms_data()[0].size == 0
    grads.clear_reference()
    assert grads.reference_data() is None and grads.legend_labels() == ["layer 1", "layer 2"]


@pytest.fixture
def runs(qtbot):
    from nnviz.ui.plots.run_comparison import RunComparison

    w = RunComparison()
    qtbot.addWidget(w)
    return w


def test_run_comparison_legend_table_and_colours(runs, tmp_path):
    from nnviz.ui.plots.demo_data import demo_runs

    with_signal = []
    runs.runs_changed.connect(lambda: with_signal.append(1))
    for label, hyper, evals in demo_runs():
        runs.add_run(label, hyper, evals)
    names = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
    assert runs.runs() == names  # the kept runs' identities are the core's keys ...
    shown = ["SGD", "momentum", "Nesterov (NAG)", "Adagrad", "RMSProp", "Adam"]
    assert runs.legend_labels() == shown  # ... the screen shows the course's names
    assert len(with_signal) == 6
    assert len({runs.run_color(n) for n in names}) == 6
    assert runs.table.rowCount() == 6
    headers = [runs.table.horizontalHeaderItem(c).text() for c in range(runs.table.columnCount())]
    assert headers[:4] == ["run", "optimizer", "learning rate η", "momentum β"]
    assert not {"lr", "beta2", "batch_size", "eps"} & set(headers)
    row = runs.table_rows()[5]
    assert row[0].endswith("Adam") and row[headers.index("β₂")] == "0.999"
    assert row[headers.index("optimizer")] == "Adam"
    x, y = runs.curve_data("adam")["test_acc"]
    assert len(x) == 40 and x[0] == pytest.approx(0.25)
    runs.remove_run("momentum")
    assert runs.runs() == [n for n in names if n != "momentum"]
    assert runs.legend_labels() == [s for s in shown if s != "momentum"]
    assert runs.table.rowCount() == 5
    runs.add_run("again", {"optimizer": "sgd", "lr": 0.5}, _evals(3))
    assert runs.run_color("again") not in {runs.run_color(n) for n in runs.runs()[:-1]}
    runs.export_csv(str(tmp_path / "r.csv"))
    rows = list(csv.reader((tmp_path / "r.csv").open()))
    assert rows[0][:5] == ["run", "samples_seen", "epoch", "test_loss", "test_acc"]
    assert len(rows) == 1 + 5 * 40 + 3
    runs.clear()
    assert runs.runs() == [] and runs.table.rowCount() == 0 and runs.legend_labels() == []


def test_run_with_the_same_label_is_replaced(runs):
    runs.add_run("a", {"lr": 0.1}, _evals(3))
    runs.add_run("a", {"lr": 0.2}, _evals(5))
    assert runs.runs() == ["a"] and runs.run_hyper("a") == {"lr": 0.2}
    assert len(runs.curve_data("a")["test_loss"][0]) == 5


def test_short_wide_dock_puts_loss_and_accuracy_side_by_side(plots, qtbot):
    plots.add_evals(_evals(3))  # legends name drawn curves only
    plots.show()
    qtbot.waitExposed(plots)
    plots.resize(520, 230)
    qtbot.waitUntil(lambda: plots.side_by_side)
    layout = plots.view.ci
    assert layout.getItem(0, 1) is plots.acc_plot and layout.getItem(1, 0) is None
    assert not plots.acc_plot.legend.isVisible() and plots.loss_plot.legend.isVisible()
    assert plots.loss_plot.getAxis("bottom").labelText == plots.acc_plot.getAxis("bottom").labelText
    plots.resize(420, 620)
    qtbot.waitUntil(lambda: not plots.side_by_side)
    assert layout.getItem(1, 0) is plots.acc_plot and layout.getItem(0, 1) is None
    assert plots.acc_plot.legend.isVisible()
    # the x axes stay linked either way
    plots.loss_plot.setXRange(3, 7, padding=0)
    assert plots.acc_plot.viewRange()[0] == pytest.approx([3, 7])


def test_empty_plots_say_what_to_do(plots):
    assert not plots.empty_label.isHidden() and "Play" in plots.empty_label.text()
    assert not plots.loss_plot.legend.isVisible()  # no legend of curves not drawn yet
    plots.add_evals(_evals(3))
    assert plots.empty_label.isHidden()
    assert plots.loss_plot.legend.isVisible() and plots.acc_plot.legend.isVisible()
    plots.clear()
    assert not plots.empty_label.isHidden()
    assert not plots.loss_plot.legend.isVisible()
    plots.set_empty_text("nothing to train")
    assert plots.empty_label.text() == "nothing to train"


def test_empty_comparison_sentence_wraps_in_a_narrow_dock(runs, qtbot):
    """Presentation mode's side column is narrow: the sentence wraps instead of being cut."""
    runs.clear()
    runs.resize(300, 400)
    runs.show()
    qtbot.waitExposed(runs)
    label = runs.empty_label
    assert label.isVisible()
    fm = label.fontMetrics()
    assert label.width() < fm.horizontalAdvance(label.text())  # narrower than one line…
    assert label.heightForWidth(label.width()) >= 2 * fm.height()  # …so it takes two or more
    assert label.height() >= 2 * fm.height()
