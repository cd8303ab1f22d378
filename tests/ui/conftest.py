"""UI fixtures: isolated settings, the lesson model, the main window with its lessons loaded."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Every test gets its own empty settings folder (never the user's)."""
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    QSettings("nnviz", "nnviz").clear()
    yield


@pytest.fixture
def warnings(monkeypatch):
    """The texts of the warning boxes the test made, recorded instead of shown."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


@pytest.fixture
def model(qapp):
    from nnviz.ui.model.lesson_model import LessonModel

    c = LessonModel()
    c.load_lessons()
    yield c
    c.shutdown()


@pytest.fixture
def window(qtbot):
    from nnviz.ui.shell.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.finish_startup()
    yield w
    w.model.shutdown()
