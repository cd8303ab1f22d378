"""Each lesson's workspace: its docks, the user's arrangement per lesson, Reset layout,
presentation mode, the text size, the Undo button's width and the plots built after the first
show (issues 16 and 18)."""

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from nnviz.core.lessons.assets import resource_dir
from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.shell.lesson_layout import (
    TRAINING_DOCKS,
    LayoutError,
    load_layout,
    parse_layout,
)

PRESETS = sorted(p.stem for p in (resource_dir() / "presets").glob("*.json"))


def _trains(preset_id: str) -> bool:
    data = json.loads((resource_dir() / "presets" / f"{preset_id}.json").read_text("utf-8"))
    return data.get("trainer") in ("perceptron", "backprop")


@pytest.fixture(autouse=True)
def _scale_back():
    yield
    interface_scale().set(1.0, store=False)  # one scale per process: the next test starts at 1


def _open_docks(window) -> set[str]:
    return {k for k, d in window.docks.items() if not d.isHidden()}


@pytest.mark.parametrize("preset_id", PRESETS)
def test_every_lesson_has_a_layout_and_a_lesson_without_training_shows_none(preset_id):
    layout = load_layout(preset_id)
    assert (resource_dir() / "layouts" / f"{preset_id}.json").is_file()
    assert {"inputs", "explanation", "guide"} <= layout.docks()  # the explanation is open
    if _trains(preset_id):
        assert "run" in layout.toolbars and "plots" in layout.docks()
    else:
        assert not layout.docks() & TRAINING_DOCKS
        assert not {"run", "live"} & layout.toolbars


def test_a_bad_layout_says_what_is_wrong():
    with pytest.raises(LayoutError, match="unknown name.*loss_curves"):
        parse_layout({"left": {"groups": [["loss_curves"]]}}, "x")
    with pytest.raises(LayoutError, match="placed twice: inputs"):
        parse_layout({"left": {"groups": [["inputs"]]}, "right": {"groups": [["inputs"]]}}, "x")
    with pytest.raises(LayoutError, match="shares"):
        parse_layout({"left": {"groups": [["inputs"], ["outputs"]], "shares": [1]}}, "x")


def test_xor_gates_shows_no_training_and_perceptron_and_does(window):
    window.open_lesson("xor-gates")
    docks = _open_docks(window)
    assert {"inputs", "outputs", "explanation", "weights", "canvas"} - {"canvas"} <= docks
    assert not docks & {"plots", "hyper", "step", "gradients", "compare"}
    assert window.run_controls.isHidden()
    assert not window.run_controls.act_play.isVisible()
    assert not window.run_controls.act_step_sample.isVisible()
    assert window.docks["explanation"].isVisible()  # not a hidden tab

    window.open_lesson("perceptron-and")
    docks = _open_docks(window)
    assert {"plots", "step", "outputs", "explanation"} <= docks
    assert not window.run_controls.isHidden()
    assert window.run_controls.act_play.isVisible()
    assert window.docks["plots"].isVisible() and window.docks["step"].isVisible()


def test_the_canvas_is_the_largest_area_at_1366x768(window, qtbot):
    window.resize(1366, 740)
    window.open_lesson("xor-gates")
    qtbot.wait(50)
    canvas = window.canvas.width() * window.canvas.height()
    for key in _open_docks(window):
        d = window.docks[key]
        assert d.width() * d.height() < canvas, key
    # the input plane and hidden space get their full height (were cut after a third)
    boundary = window.boundary
    assert boundary.visibleRegion().boundingRect().height() >= boundary.height() - 2


def test_the_users_arrangement_is_kept_per_lesson_and_reset_restores_the_default(window):
    window.open_lesson("perceptron-and")
    default = _open_docks(window)
    window.docks["plots"].close()  # the user closes the curves
    window.docks["weights"].setFloating(True)
    window.open_lesson("xor-gates")
    assert not window.docks["weights"].isFloating()  # another lesson: its own arrangement
    window.open_lesson("perceptron-and")
    assert window.docks["plots"].isHidden()  # kept for this lesson
    assert window.docks["weights"].isFloating()
    window.act_reset_layout.trigger()  # View → Reset layout
    assert _open_docks(window) == default
    assert not window.docks["weights"].isFloating()
    window.open_lesson("xor-gates")
    window.open_lesson("perceptron-and")
    assert _open_docks(window) == default  # the reset is what is kept now


def test_presentation_mode_shows_canvas_explanation_and_one_plot_and_restores(window, qtbot):
    window.open_lesson("perceptron-and")
    before = _open_docks(window)
    font = QApplication.font().pointSizeF()
    window.presentation.act_present.trigger()  # F5
    assert window.presentation.active
    assert window.isFullScreen()
    assert interface_scale().factor == pytest.approx(1.5)
    assert QApplication.font().pointSizeF() == pytest.approx(font * 1.5)
    assert _open_docks(window) == {"explanation", "outputs"}  # the lesson's one plot
    assert window.menuBar().isHidden() and window.toolbars["main"].isHidden()
    assert not window.run_controls.isHidden()  # a lesson that trains keeps Play
    assert QSettings("nnviz", "nnviz").value("ui/scale") in (None, "1.0", 1.0)  # not stored
    window.presentation.act_leave.trigger()  # Esc
    assert not window.presentation.active
    assert not window.isFullScreen()
    assert interface_scale().factor == pytest.approx(1.0)
    assert QApplication.font().pointSizeF() == pytest.approx(font)
    assert _open_docks(window) == before
    assert not window.menuBar().isHidden()


def test_text_size_is_stored_and_applied(window):
    font = QApplication.font().pointSizeF()
    icon = window.toolbars["main"].iconSize().width()
    window.presentation.size_actions[1.25].trigger()  # View → Text size → 125 %
    assert float(QSettings("nnviz", "nnviz").value("ui/scale")) == pytest.approx(1.25)
    assert interface_scale().factor == pytest.approx(1.25)
    assert QApplication.font().pointSizeF() == pytest.approx(font * 1.25)
    assert window.toolbars["main"].iconSize().width() == round(icon * 1.25)
    assert window.presentation.size_actions[1.25].isChecked()


def test_undo_button_keeps_its_width_with_a_long_undo_text(window):
    window.open_lesson("xor-backprop-2")
    button = window.undo_buttons.undo
    width = button.width()
    window.model.edit_weight(1, 0, 0, 1e300)
    full = window.act_undo.text().replace("&", "")
    assert "1e+300" in full or "10^300" in full or "300" in full
    assert button.width() == width
    assert full in button.toolTip()
    assert button.text() != full and button.text().endswith("…")


SHOW_AND_REPORT = """
import os, sys
from nnviz.ui.shell.app import create_app
from nnviz.ui.shell.main_window import MainWindow
app = create_app([])
win = MainWindow()
seen = {}
win.first_shown.connect(lambda: seen.update(pyqtgraph="pyqtgraph" in sys.modules,
                                            plots=win.plots is not None))
win.show()
app.processEvents()
win.finish_startup()
print(seen, win.plots is not None, win.docks["plots"].widget() is win.plots, flush=True)
os._exit(0)
"""


def test_the_plots_are_built_after_the_first_show(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", SHOW_AND_REPORT], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == \
        "{'pyqtgraph': False, 'plots': False} True True"


def test_toolbars_fit_1366_px_at_150_percent(window, qtbot):
    window.resize(1366, 740)
    window.open_lesson("perceptron-and")
    window.presentation.size_actions[1.5].trigger()
    qtbot.wait(50)
    for name in ("main", "run"):
        bar = window.toolbars[name]
        assert bar.sizeHint().width() <= bar.width(), name  # no ">>" overflow menu
    assert window.run_controls.act_play.text() not in ("", None)  # the name stays, as tooltip
    assert window.run_controls.act_play.toolTip()


def test_the_gallery_lesson_docks_its_lab_and_the_next_lesson_hides_it(window):
    window.open_lesson("activations")
    lab = window.docks["lab_gallery"]
    assert lab.isVisible() and not lab.isFloating()
    window.open_lesson("xor-gates")
    assert lab.isHidden()
    window.open_lab("gallery")  # Labs menu: floating, in any lesson
    assert lab.isVisible() and lab.isFloating()
