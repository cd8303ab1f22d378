"""Plots that read and export well: picture size, tick labels, SVG, CSV, legends, axis titles,
the interface scale, and no earlier lesson's curves."""

import csv
import re

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from nnviz.ui.common.plot_export import DEFAULT_SIZE, ExportDialog, save_export
from nnviz.ui.common.plot_style import left_title_on_top, scale_plot
from nnviz.ui.plots.demo_data import demo_evals


@pytest.fixture
def short_plots(qtbot):
    """The curves in a short, wide dock (1366×768 at 150 %): 900 × 140 px."""
    from nnviz.ui.plots.training_plots import TrainingPlots

    w = TrainingPlots()
    qtbot.addWidget(w)
    w.add_evals(demo_evals())
    w.resize(900, 140)
    w.show()
    qtbot.waitExposed(w)
    return w




def _gray(image: QImage) -> np.ndarray:
    g = image.convertToFormat(QImage.Format_Grayscale8)
    buf = np.frombuffer(g.constBits(), np.uint8, count=g.height() * g.bytesPerLine())
    return buf.reshape(g.height(), g.bytesPerLine())[:, :g.width()].copy()


def _axis_column(gray: np.ndarray) -> int:
    """x of the left axis line: the darkest column in the left quarter."""
    left = gray[:, : gray.shape[1] // 4]
    return int(np.argmax((left < 100).sum(axis=0)))


def test_png_export_has_the_chosen_size_and_y_tick_labels(short_plots, tmp_path):
    path = tmp_path / "curves.png"
    short_plots.export_image(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1600, 900) == (DEFAULT_SIZE.width(),
                                                              DEFAULT_SIZE.height())
    with_ticks = _gray(image)
    # the same picture without the y tick labels: the difference is the labels' ink
    for plot in (short_plots.loss_plot, short_plots.acc_plot):
        plot.getAxis("left").setStyle(showValues=False)
    short_plots.export_image(str(tmp_path / "bare.png"))
    bare = _gray(QImage(str(tmp_path / "bare.png")))
    x = _axis_column(with_ticks)
    assert x > 20  # room left of the axis for tick labels
    strip = slice(0, x - 4)  # left of the axis line and its tick marks
    labels_ink = (with_ticks[:, strip] < 128) & ~(bare[:, strip] < 128)
    assert labels_ink.sum() > 300, "no y tick labels in the exported picture"
    # rows of tick text: several separate labels down the left axes (0.1 … 0.7, 0.2 … 0.8)
    rows = labels_ink.any(axis=1)
    groups = np.count_nonzero(np.diff(rows.astype(int)) == 1)
    assert groups >= 8
    # the dock itself is untouched
    assert short_plots.view.height() < 200
    assert short_plots.view.ci.geometry().height() < 200


def test_png_export_of_another_size(short_plots, tmp_path):
    path = save_export(short_plots, "png", str(tmp_path / "small"), QSize(640, 480))
    assert path.endswith("small.png")
    image = QImage(path)
    assert (image.width(), image.height()) == (640, 480)


def test_svg_export_has_the_size_and_csv_the_rows(short_plots, tmp_path):
    svg = save_export(short_plots, "svg", str(tmp_path / "c.svg"), QSize(1200, 700))
    text = open(svg, encoding="utf-8").read()
    assert re.search(r'viewBox="0 0 1200 700"', text)
    assert "<text" in text or "<path" in text
    csv_path = save_export(short_plots, "csv", str(tmp_path / "c"), QSize(1, 1))
    rows = list(csv.reader(open(csv_path, encoding="utf-8")))
    assert rows[0][:6] == ["samples_seen", "epoch", "train_loss", "train_acc", "test_loss",
                           "test_acc"]
    assert len(rows) == 1 + len(demo_evals())


def test_export_dialog_offers_size_and_format(qtbot):
    dialog = ExportDialog("Export")
    qtbot.addWidget(dialog)
    assert dialog.picture_size() == QSize(1600, 900) and dialog.kind() == "png"
    dialog.width_box.setValue(1920)
    dialog.height_box.setValue(1080)
    assert dialog.picture_size() == QSize(1920, 1080)
    dialog.set_kind("csv")
    assert not dialog.width_box.isEnabled() and not dialog.height_box.isEnabled()
    dialog.set_kind("svg")
    assert dialog.width_box.isEnabled()


def test_left_axis_title_is_never_clipped(qtbot):
    from nnviz.ui.plots.training_plots import TrainingPlots

    w = TrainingPlots()
    qtbot.addWidget(w)
    w.resize(700, 150)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: left_title_on_top(w.acc_plot))
    # too short to write "accuracy" along the axis: it is written above the plot, whole
    assert w.acc_plot.titleLabel.text == "accuracy"
    assert not w.acc_plot.getAxis("left").label.isVisible()
    w.resize(500, 700)
    qtbot.waitUntil(lambda: not left_title_on_top(w.acc_plot))
    axis = w.acc_plot.getAxis("left")
    assert axis.label.isVisible() and axis.labelText == "accuracy"
    assert axis.label.boundingRect().width() <= w.acc_plot.vb.height()


def test_plots_follow_the_interface_scale(short_plots):
    plot = short_plots.loss_plot
    base_font = plot.getAxis("left").style["tickFont"].pointSizeF()
    base_pen = short_plots.curves["train_loss"].opts["pen"].widthF()
    scale_plot(plot, 2.0)
    assert plot.getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(2 * base_font)
    assert short_plots.curves["train_loss"].opts["pen"].widthF() == pytest.approx(2 * base_pen)
    scale_plot(plot, 1.0)


def test_plots_follow_the_interface_scale_signal(short_plots):
    from nnviz.ui.common.interface_scale import interface_scale

    scale = interface_scale()
    old = scale.factor
    try:
        scale.set(1.5, store=False)
        axis = short_plots.acc_plot.getAxis("bottom")
        assert axis.style["tickFont"].pointSizeF() == pytest.approx(9.0 * 1.5)
        assert short_plots.curves["test_acc"].opts["pen"].widthF() == pytest.approx(3.0)
    finally:
        scale.set(old, store=False)


@pytest.fixture
def grads(qtbot):
    from nnviz.ui.plots.gradient_plot import GradientNormPlot

    w = GradientNormPlot()
    qtbot.addWidget(w)
    w.resize(600, 160)  # a short dock: seven layers must still all be in the legend
    w.show()
    qtbot.waitExposed(w)
    return w


def test_gradient_legend_shows_every_layer_inside_the_plot(grads, qtbot):
    for k in range(20):
        grads.add_norms(10 * (k + 1), [10.0 ** -j for j in range(7, 0, -1)])
    labels = grads.legend_labels()
    assert labels == [f"layer {k}" for k in range(1, 8)]
    QApplication.processEvents()
    shown = grads.view.mapToScene(grads.view.viewport().rect()).boundingRect()
    curves = grads.plot.vb.sceneBoundingRect()
    for _, label in grads.legend.items:  # every entry on screen, none over the curves
        r = label.sceneBoundingRect()
        assert label.isVisible() and shown.contains(r) and not curves.intersects(r)


def test_gradient_legend_has_prelu_alpha_from_a_real_snapshot(grads):
    from nnviz.core.nn.network import Network
    from nnviz.core.nn.spec import NetworkSpec, TrainSpec
    from nnviz.core.train.trainer import TrainData, Trainer

    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    y = np.array([0, 1, 1, 0])
    T = y[:, None].astype(float)
    spec = NetworkSpec.mlp((2, 4, 3, 1), ("prelu", "prelu", "sigmoid"), seed=0)
    trainer = Trainer(Network.from_spec(spec), TrainData(X, T, y, X, T, y),
                      TrainSpec(loss="bce", lr=0.5, epochs=5))
    for _ in range(3):
        grads.add_snapshot(trainer.step("epoch"))
    assert grads.legend_labels() == ["layer 1", "layer 2", "layer 3", "α of layer 1",
                                     "α of layer 2"]
    samples, alpha = grads.alpha_data()
    assert alpha.shape == (3, 2) and np.all(np.isfinite(alpha)) and np.all(alpha >= 0)
    assert grads.alpha_layers == (0, 1)


def test_switching_lesson_leaves_no_old_curves_or_ticks(qtbot, model):
    from nnviz.ui.plots.gradient_plot import GradientNormPlot
    from nnviz.ui.plots.training_plots import TrainingPlots

    c = model
    plots, grads = TrainingPlots(c), GradientNormPlot(c)
    fresh_plots, fresh_grads = TrainingPlots(), GradientNormPlot()
    for w in (plots, grads, fresh_plots, fresh_grads):
        qtbot.addWidget(w)
    c.set_preset("vanishing-sigmoid")
    for _ in range(2):
        c.run.step("epoch")
        qtbot.waitUntil(lambda: not c.run.busy, timeout=30000)
    assert plots.point_count() > 0 and grads.legend_labels()
    plots.add_marker(10, "lr changed")
    grads.keep_as_reference("sigmoid")
    c.set_preset("forward-walkthrough")
    assert plots.point_count() == 0 and plots.markers() == []
    assert all(len(x) == 0 for x, _ in plots.curve_data().values())
    assert grads.curve_data() == [] and grads.legend_labels() == []
    assert grads.reference_data() is None
    assert grads.plot.listDataItems() == []
    for mine, empty in ((plots.loss_plot, fresh_plots.loss_plot),
                        (plots.acc_plot, fresh_plots.acc_plot)):
        np.testing.assert_allclose(mine.viewRange(), empty.viewRange(), atol=1e-9)
    np.testing.assert_allclose(grads.plot.viewRange()[0], [0, 1], atol=1e-9)


def test_short_axes_get_no_more_tick_labels_than_fit(qtbot):
    from PySide6.QtGui import QPainter

    from nnviz.ui.plots.training_plots import TrainingPlots

    w = TrainingPlots()
    qtbot.addWidget(w)
    w.add_evals(demo_evals())
    w.resize(700, 150)  # accuracy's axis: under 40 px tall
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    axis = w.acc_plot.getAxis("left")
    assert axis.geometry().height() < 60
    image = QImage(100, 100, QImage.Format_ARGB32)
    painter = QPainter(image)
    painter.setFont(axis.style["tickFont"])
    _, _, texts = axis.generateDrawSpecs(painter)  # the tick labels as pyqtgraph draws them
    painter.end()
    rects = sorted((r for r, _, _ in texts), key=lambda r: r.top())
    assert rects, "no y tick label at all"
    for upper, lower in zip(rects, rects[1:]):
        assert upper.bottom() <= lower.top() + 1, "tick labels printed over each other"


def test_negative_ticks_have_the_typographic_minus(qtbot):
    from nnviz.ui.plots.gradient_plot import GradientNormPlot

    w = GradientNormPlot()
    qtbot.addWidget(w)
    axis = w.plot.getAxis("bottom")
    strings = axis.tickStrings([-1.0, -0.5, 0.0, 0.5], 1.0, 0.5)
    assert strings[:2] == ["−1.0", "−0.5"] and not any("-" in s for s in strings)


def test_decision_plane_follows_the_interface_scale(qtbot):
    from nnviz.ui.common.interface_scale import interface_scale
    from nnviz.ui.plots.decision_boundary_view import PlaneWidget

    w = PlaneWidget("input plane")
    qtbot.addWidget(w)
    scale, old = interface_scale(), interface_scale().factor
    try:
        scale.set(1.0, store=False)
        small = w.minimumSize()
        scale.set(2.0, store=False)
        assert w.minimumSize().width() == 2 * small.width() and w.scale == 2.0
    finally:
        scale.set(old, store=False)
