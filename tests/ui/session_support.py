"""Shared helpers of the session tests (imported by tests/ui/test_session_ui.py and
test_autosave.py)."""

from PySide6.QtWidgets import QMessageBox

from nnviz.ui.shell.autosave import AutosaveManager

WAIT = 20000  # ms to wait for training steps and autosaves


def start_manager(window, folder, interval_ms=60_000):
    """A manager that answers "discard" (pytest-qt closes the window before fixtures end)."""
    m = AutosaveManager(folder=folder, interval_ms=interval_ms)
    m.ask = lambda: QMessageBox.Discard
    m.attach(window)
    m.start()
    return m
