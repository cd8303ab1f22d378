"""Presentation mode (F5) is never stored as the user's workspace (issue 16): an autosave, the
autosave at closing and the layout keeper taken while presenting keep the panels from before
presentation, so a restore after a crash or quitting while presenting reopens the workspace."""

import base64

import pytest
from PySide6.QtCore import QByteArray
from session_support import start_manager

from nnviz.core.files.session import load_session
from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.shell.autosave import restore
from nnviz.ui.shell.session_state import PANELS_KEY

PRESENTATION_DOCKS = {"explanation", "outputs"}  # perceptron-and's layout: "presentation"


@pytest.fixture(autouse=True)
def _scale_back():
    yield
    interface_scale().set(1.0, store=False)  # one scale per process


def _open_docks(window) -> set[str]:
    return {k for k, d in window.docks.items() if not d.isHidden()}


def _present(window) -> set[str]:
    """perceptron-and's workspace, then F5; returns the workspace's open docks."""
    window.open_lesson("perceptron-and")
    workspace = _open_docks(window)
    assert workspace != PRESENTATION_DOCKS
    window.presentation.act_present.trigger()  # F5
    assert window.presentation.active and _open_docks(window) == PRESENTATION_DOCKS
    return workspace


def test_an_autosave_while_presenting_restores_the_workspace(window, tmp_path):
    manager = start_manager(window, tmp_path)
    workspace = _present(window)
    assert manager.autosave(force=True)
    window.presentation.act_leave.trigger()  # Esc
    window.open_lesson("xor-gates")  # other panels on screen, as after a restart
    assert _open_docks(window) != workspace
    restore(window, load_session(manager.autosave_path))  # what a restore after a crash does
    assert window.model.preset.id == "perceptron-and"
    assert _open_docks(window) == workspace
    assert not window.toolbars["main"].isHidden()  # the presentation hides it
    manager.release()


def test_the_autosave_at_closing_while_presenting_holds_the_workspace(window, tmp_path):
    manager = start_manager(window, tmp_path)
    window.open_lesson("perceptron-and")
    workspace_state = window.saveState(window.state_version)
    window.presentation.act_present.trigger()  # F5
    assert _open_docks(window) == PRESENTATION_DOCKS
    assert window.presentation.workspace_state() == workspace_state
    window.model.edit_weight(0, 0, 0, 0.25)  # work to autosave, typed while presenting
    window.close()  # the window autosaves as it closes, before it leaves presentation mode
    session = load_session(manager.autosave_path)
    assert session.params[0] == pytest.approx(0.25)  # the autosave at closing, not an earlier one
    panels = base64.b64decode(session.ui[PANELS_KEY])
    assert QByteArray(panels) == workspace_state
    manager.release()


def test_the_layout_keeper_stores_the_workspace_while_presenting(window):
    workspace = _present(window)
    window.layouts.remember()  # e.g. a lesson switch asks it to store the current panels
    window.presentation.act_leave.trigger()
    window.open_lesson("xor-gates")
    window.open_lesson("perceptron-and")  # the user's stored arrangement of the lesson
    assert _open_docks(window) == workspace
    assert not window.toolbars["main"].isHidden()


def test_a_lesson_file_saved_while_presenting_holds_the_workspace(window):
    from nnviz.ui.shell.session_state import capture

    window.open_lesson("perceptron-and")
    workspace_state = window.saveState(window.state_version)
    window.presentation.act_present.trigger()  # F5, then File → Save Lesson
    session = capture(window)
    assert base64.b64decode(session.ui[PANELS_KEY]) == bytes(workspace_state)
    window.presentation.act_leave.trigger()
