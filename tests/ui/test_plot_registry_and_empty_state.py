"""The styled plots' registry forgets a destroyed plot (rescaling after a window closed raises
nothing), and the loss plot's "no data yet" box sits inside the plot area, never over the axis
titles or tick labels (issue 16), at 100 % and 150 % interface scale."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from nnviz.ui.common.interface_scale import interface_scale


@pytest.fixture(autouse=True)
def _scale_back():
    yield
    interface_scale().set(1.0, store=False)  # one scale per process


def test_a_destroyed_plot_leaves_the_registry_and_rescaling_raises_nothing(qtbot):
    from nnviz.ui.common.plot_style import registered_plots, styled_plots
    from nnviz.ui.plots.training_plots import TrainingPlots

    window = QWidget()
    window.setAttribute(Qt.WA_DeleteOnClose)
    plots = TrainingPlots(parent=window)
    window.show()
    qtbot.waitExposed(window)
    loss, acc = plots.loss_plot, plots.acc_plot  # Python references outlive the window
    assert loss in registered_plots() and acc in registered_plots()
    assert set(styled_plots(plots.view.ci)) == {loss, acc}
    destroyed = []
    loss.destroyed.connect(lambda *_: destroyed.append(True))
    window.close()  # deleted later, with its view and the view's plots
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5000)
    QApplication.processEvents()
    assert loss not in registered_plots() and acc not in registered_plots()
    interface_scale().set(1.25, store=False)  # restyles the plots still shown; none raises
    interface_scale().set(1.0, store=False)


def test_a_live_plot_follows_the_interface_scale(qtbot):
    from nnviz.ui.common.plot_style import LABEL_PT
    from nnviz.ui.plots.training_plots import TrainingPlots

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    interface_scale().set(1.5, store=False)
    assert plots.loss_plot._nnviz_scale == pytest.approx(1.5)
    style = plots.acc_plot.getAxis("bottom").labelStyle
    assert style["font-size"] == f"{LABEL_PT * 1.5:.1f}pt"


def _view_rect(view, item) -> QRect:
    """``item``'s place in its layout (an axis's bounding rectangle also spans its grid
    lines) in the coordinates of the view's viewport."""
    return view.mapFromScene(item.parentItem().mapRectToScene(item.geometry())).boundingRect()


def _axis_text_rects(plots) -> list[QRect]:
    """Where the plots' axes (tick labels and titles) and top titles are drawn."""
    out = []
    for plot in (plots.loss_plot, plots.acc_plot):
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            if axis.isVisible():
                out.append(_view_rect(plots.view, axis))
        if plot.titleLabel.isVisible() and plot.titleLabel.text:
            out.append(_view_rect(plots.view, plot.titleLabel))
    return out


@pytest.mark.parametrize(("size", "scale"), [((420, 520), 1.0), ((420, 520), 1.5),
                                              ((600, 250), 1.0), ((640, 260), 1.5),
                                              ((405, 290), 1.0)])
def test_the_empty_box_sits_inside_the_plot_area(qtbot, size, scale):
    """(405, 290): the loss/accuracy dock of a lesson at 1366×768; (640, 260): side by side."""
    from nnviz.ui.plots.training_plots import TrainingPlots

    interface_scale().set(scale, store=False)
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(*size)
    plots.show()
    qtbot.waitExposed(plots)
    label = plots.empty_label
    qtbot.waitUntil(lambda: plots.empty_plot_area().contains(label.geometry()), timeout=3000)
    assert label.isVisible()
    box = label.geometry()
    for rect in _axis_text_rects(plots):
        assert not box.intersects(rect), (box, rect)
    assert box.height() >= label.fontMetrics().height()  # its text is readable, not squeezed


def test_a_short_plot_area_gets_one_line_and_a_sliver_gets_none(qtbot):
    from nnviz.ui.plots.training_plots import TrainingPlots

    interface_scale().set(1.5, store=False)
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(700, 180)  # the sentence wrapped is taller than the plot area: one line
    plots.show()
    qtbot.waitExposed(plots)
    label = plots.empty_label
    qtbot.waitUntil(lambda: plots.empty_plot_area().contains(label.geometry()), timeout=3000)
    assert label.isVisible() and not label.wordWrap()
    assert label.text().endswith("…") and "Play" in label.toolTip()  # the whole of it on hover
    plots.resize(700, 150)  # a few pixels between the axes: no box at all
    qtbot.waitUntil(label.isHidden, timeout=3000)
    assert "Play" in plots.view.toolTip()  # the sentence stays one hover away
    plots.resize(520, 520)
    qtbot.waitUntil(label.isVisible, timeout=3000)
    assert label.wordWrap() and "Play" in label.text()
    assert "Play" not in plots.view.toolTip()


def test_the_box_takes_the_new_text_size_when_it_changes(qtbot):
    """Presentation mode raises the interface scale of a window already shown."""
    from nnviz.ui.plots.training_plots import TrainingPlots

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(520, 520)
    plots.show()
    qtbot.waitExposed(plots)
    label = plots.empty_label
    small = label.font().pointSizeF()
    interface_scale().set(1.5, store=False)
    qtbot.waitUntil(lambda: label.font().pointSizeF() == pytest.approx(1.5 * small),
                    timeout=3000)
    assert plots.empty_plot_area().contains(label.geometry())
