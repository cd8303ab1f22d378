"""The main window: lessons, menus, undo shortcuts, files, settings."""

import numpy as np
from PySide6.QtCore import QSettings

from nnviz.ui.shell.app import ui_language


def test_window_loads_lessons_grouped(window):
    ids = window.picker.lesson_ids()
    assert ids[0].startswith("perceptron") and ids[-1].startswith("mnist")
    assert window.model.preset.id == "forward-walkthrough"
    groups = [a.menu() for a in window.lessons_menu.actions() if a.menu() is not None]
    assert len(groups) == 5
    assert window.lessons_menu.actions()[0] is window.act_lesson_map
    assert window.windowTitle().startswith("Forward pass")


def test_choosing_a_lesson_is_remembered(window):
    window.open_lesson("xor-gates")
    assert window.picker.current_id() == "xor-gates"
    assert QSettings("nnviz", "nnviz").value("lesson/last") == "xor-gates"


def test_undo_redo_actions(window):
    c = window.model
    c.edit_weight(0, 0, 0, 5.0)
    assert window.act_undo.isEnabled()
    assert window.windowTitle().endswith("*")
    window.act_undo.trigger()
    assert c.network.W[0][0, 0] == 0.1
    window.act_redo.trigger()
    assert c.network.W[0][0, 0] == 5.0
    assert window.act_redo.shortcuts()[0].toString() == "Ctrl+Shift+Z"


def test_save_open_and_recent_files(window, tmp_path):
    c = window.model
    c.edit_weight(0, 0, 0, 0.75)
    path = str(tmp_path / "m.npz")
    assert window.save_file(path)
    c.edit_weight(0, 0, 0, 0.0)
    assert window.open_file(path)
    assert c.network.W[0][0, 0] == 0.75
    assert window.recent_files()[0].endswith("m.npz")
    assert window.recent_menu.actions()[0].text() == "m.npz"


def test_export_png(window, tmp_path):
    p = tmp_path / "canvas.png"
    assert window.export_png(str(p))
    assert p.stat().st_size > 1000


def test_language_setting_is_stored(window):
    window.set_language("ko")
    assert QSettings("nnviz", "nnviz").value("ui/language") == "ko"
    assert ui_language() == "ko"
    window.set_language("en")
    assert ui_language() == "en"


def test_neuron_click_opens_inspector(window, qtbot):
    window.canvas.neuron_clicked.emit(1, 2)
    insp = window.inspector
    assert insp.layer == 1 and insp.index == 2
    assert "1.1" in insp.formula.text() and "0.7503" in insp.formula.text()
    assert insp.table.rowCount() == 3  # two weights and the bias
    xs, ys = insp._point.getData()
    assert np.allclose([xs[0], ys[0]], [1.1, 0.75026011])
    insp.table.item(0, 2).setText("1")  # edit W1[1,3] from the inspector
    assert window.model.network.W[0][0, 2] == 1.0


def test_layout_is_saved(window):
    window.save_layout()
    s = QSettings("nnviz", "nnviz")
    assert s.value("window/geometry") is not None
    # the panels are kept per lesson (nnviz/ui/shell/layout_keeper.py)
    assert s.value(f"layout/{window.model.preset.id}/state") is not None


def test_curves_explain_why_they_are_empty(window):
    assert window.model.preset.id == "forward-walkthrough"  # computes only: nothing to train
    assert "nothing to train" in window.plots.empty_label.text()
    window.open_lesson("xor-backprop-2")
    assert "Play" in window.plots.empty_label.text()
    assert not window.plots.empty_label.isHidden()


def test_inspector_puts_its_plot_under_the_table_in_a_narrow_column(model, qtbot):
    """In a 360 px side column the table keeps its width (its headers were cut beside the plot)."""
    from PySide6.QtWidgets import QBoxLayout

    from nnviz.ui.panels.inspector import Inspector

    model.set_preset("forward-walkthrough")
    w = Inspector(model)
    qtbot.addWidget(w)
    w.ensure_plot()
    w.resize(360, 600)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(20)  # the new direction is laid out
    assert w.box.direction() == QBoxLayout.TopToBottom
    assert w.table.width() > 300
    model.select_neuron(1, 0)
    assert w.table.rowCount() == 3  # two weights and the bias, all in view
    w.resize(900, 300)
    qtbot.wait(10)
    assert w.box.direction() == QBoxLayout.LeftToRight


def test_inspector_shows_no_empty_plot_until_a_neuron_is_picked(model, qtbot):
    """An empty grid with 0.8/0.9 ticks stood beside 'Click a neuron…'."""
    from nnviz.ui.panels.inspector import Inspector

    model.set_preset("softmax-overflow")
    w = Inspector(model)
    qtbot.addWidget(w)
    w.ensure_plot()
    w.show()
    assert w.plot.isHidden()
    model.select_neuron(1, 0)
    assert not w.plot.isHidden()
    model.set_preset("xor-gates")  # another lesson: nothing picked again
    assert w.plot.isHidden()


def test_the_first_window_takes_the_screens_free_area():
    """A 1366 × 740 window in the corner of a 1920 × 1080 screen left the lesson small."""
    from nnviz.ui.shell.main_window import first_window_size

    assert first_window_size(1920, 1040) == (1920, 1010)
    assert first_window_size(1366, 728) == (1366, 698)
