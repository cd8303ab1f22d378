"""The run bar at 1366 px (issue 16): the action that re-draws random weights has one name, and
a bar too narrow for every text drops the counters (the live figures show them) before the
buttons' names, and never overflows."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _bar(window, width):
    window.resize(width, 740)
    window.open_lesson("xor-backprop-2")
    for _ in range(3):
        QApplication.processEvents()
    return window.run_controls


def test_the_new_weights_action_has_one_name(window):
    bar = window.run_controls
    assert bar.act_new_init.text() == "New random weights"
    assert "random" in bar.act_new_init.toolTip()


def test_at_1366_px_the_bar_keeps_its_names_and_drops_the_counters(window):
    bar = _bar(window, 1366)
    assert bar.toolButtonStyle() == Qt.ToolButtonTextBesideIcon  # "Play", "New random weights"
    assert bar.widgetForAction(bar.act_new_init).isVisible()
    assert not bar.counters.isVisible()  # the live figures show epoch and samples
    assert bar.sizeHint().width() <= bar.width()  # no ">>" overflow menu


def test_a_wide_window_shows_the_counters_too(window):
    bar = _bar(window, 1900)
    assert bar.toolButtonStyle() == Qt.ToolButtonTextBesideIcon
    assert bar.counters.isVisible()
    assert bar.sizeHint().width() <= bar.width()
    bar = _bar(window, 1366)  # narrower again: the counters go
    assert not bar.counters.isVisible() and bar.sizeHint().width() <= bar.width()
