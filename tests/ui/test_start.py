"""How nnviz starts: the first start shows the lesson map over the first lesson, a later start
reopens the last lesson; ``nnviz LESSON`` / ``nnviz FILE`` opens that directly (an unknown id
is said, never a traceback) while ``nnviz train …`` and the other subcommands stay the command
line; Qt's own dialogs speak Korean."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

import nnviz.__main__ as entry
from nnviz.cli import build_parser
from nnviz.core.lessons.presets import all_presets
from nnviz.ui.common import i18n
from nnviz.ui.panels.lesson_map import LessonMapDialog
from nnviz.ui.shell import app as app_module


def _maps(window) -> list[LessonMapDialog]:
    return [d for d in window.findChildren(LessonMapDialog) if d.isVisible()]


# -- nnviz ARG -----------------------------------------------------------------------------
def test_an_argument_is_a_lesson_a_file_or_a_problem(tmp_path, monkeypatch):
    assert entry.start_target("perceptron-and") == ("lesson", "perceptron-and")
    model = tmp_path / "shared.npz"
    model.write_bytes(b"not read here: File - Open reads it")
    monkeypatch.chdir(tmp_path)
    assert entry.start_target("shared.npz") == ("file", str(model.resolve()))
    assert entry.start_target(str(model)).kind == "file"
    unknown = entry.start_target("perceptron-xnor")
    assert unknown.kind == "unknown-lesson"
    assert "perceptron-xnor" in unknown.problem and "perceptron-and" in unknown.problem
    assert entry.start_target("missing.npz").kind == "missing-file"
    assert entry.start_target("../etc/passwd-nope").kind == "missing-file"
    (tmp_path / "xor-gates").mkdir()  # a folder named like a lesson does not hide the lesson
    assert entry.start_target("xor-gates").kind == "lesson"


def test_lesson_ids_never_clash_with_subcommands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(entry.SUBCOMMANDS) == set(sub.choices)
    ids = {p.id for p in all_presets()}
    assert ids == set(entry.lesson_ids()) and not ids & set(entry.SUBCOMMANDS)


@pytest.fixture
def launched(monkeypatch):
    """Which of the app and the command line ``nnviz.__main__.main`` starts, with what."""
    calls = []
    monkeypatch.setattr(app_module, "main", lambda argv, start=None: calls.append(
        ("app", start)) or 0)
    import nnviz.cli

    monkeypatch.setattr(nnviz.cli, "main", lambda args: calls.append(("cli", args)) or 0)
    return calls


def test_nnviz_routes_lessons_to_the_app_and_subcommands_to_the_cli(launched, capsys):
    assert entry.main([]) == 0
    assert entry.main(["perceptron-and"]) == 0
    assert entry.main(["presets", "--json"]) == 0
    assert entry.main(["train", "--preset", "xor-backprop-2", "--epochs", "1"]) == 0
    assert entry.main(["data"]) == 0
    assert entry.main(["--help"]) == 0
    assert entry.main(["no-such-lesson"]) == 0
    assert launched == [
        ("app", None), ("app", ("lesson", "perceptron-and")),
        ("cli", ["presets", "--json"]), ("cli", ["train", "--preset", "xor-backprop-2",
                                                 "--epochs", "1"]),
        ("cli", ["data"]), ("cli", ["--help"]), ("app", ("unknown-lesson", "no-such-lesson"))]
    err = capsys.readouterr().err
    assert "no lesson called 'no-such-lesson'" in err and "Traceback" not in err


def test_subcommands_still_run(capsys):
    """The real command line, through ``nnviz``'s entry point (not a stand-in)."""
    assert entry.main(["presets", "--json"]) == 0
    assert '"perceptron-and"' in capsys.readouterr().out
    with pytest.raises(SystemExit):  # argparse: `nnviz a b` is not something to open
        entry.main(["perceptron-and", "extra"])
    assert "invalid choice" in capsys.readouterr().err


# -- what the window shows after start-up ----------------------------------------------------
def test_first_start_shows_the_map_over_the_first_lesson(window):
    # the window fixture has stored its lesson: this start counts as the first only by flag
    app_module.after_startup(window, first_start=True)
    maps = _maps(window)
    assert len(maps) == 1 and maps[0].lesson_ids()[0] == "perceptron-and"
    assert window.model.preset.id == "perceptron-and"
    assert maps[0].start_button.text().endswith(window.model.preset.title["en"])


def test_later_start_keeps_the_last_lesson_and_no_map(window):
    window.open_lesson("xor-relu")
    app_module.after_startup(window, first_start=False)
    assert not _maps(window) and window.model.preset.id == "xor-relu"


def test_first_start_is_read_from_the_settings(qtbot):
    from nnviz.ui.shell.main_window import MainWindow

    assert app_module.is_first_start()  # the test's own empty settings
    w = MainWindow()
    qtbot.addWidget(w)
    try:
        w.show()
        w.finish_startup()
        assert not app_module.is_first_start()  # the window stored the lesson it opened
    finally:
        w.model.shutdown()


def test_a_lesson_named_on_the_command_line_opens_even_on_first_start(window):
    app_module.after_startup(window, True, entry.StartTarget("lesson", "optimizers"))
    assert window.model.preset.id == "optimizers" and not _maps(window)


def test_a_file_named_on_the_command_line_opens(window, tmp_path):
    path = tmp_path / "xor.npz"
    window.open_lesson("xor-backprop-2")
    window.model.save(str(path))
    window.open_lesson("perceptron-and")
    app_module.after_startup(window, True, entry.StartTarget("file", str(path)))
    assert window.model.file_path == str(path) and window.model.preset.id == "xor-backprop-2"
    assert not _maps(window)


def test_a_lesson_file_named_on_the_command_line_opens(window, tmp_path, monkeypatch):
    """``nnviz shared.nnviz`` (a desktop shortcut, a double click): the instructor's lesson."""
    path = tmp_path / "shared.nnviz"
    window.open_lesson("xor-gates")
    window.model.edit_weight(0, 0, 0, 0.375)  # the instructor's own weight
    assert window.save_lesson_file(str(path))
    window.model.undo_stack.setClean()
    window.open_lesson("perceptron-and")
    monkeypatch.chdir(tmp_path)
    start = entry.start_target("shared.nnviz")
    assert start == ("file", str(path))
    app_module.after_startup(window, True, start)
    assert window.model.preset.id == "xor-gates" and not _maps(window)
    assert window.model.network.W[0][0, 0] == pytest.approx(0.375, abs=1e-12)


def test_an_unknown_lesson_is_said_then_the_usual_start(window, monkeypatch):
    shown = []

    def record(box):
        shown.append((box.text(), box.informativeText()))
        return QMessageBox.Ok

    monkeypatch.setattr(app_module.QMessageBox, "exec", record)
    app_module.after_startup(window, True, entry.StartTarget("unknown-lesson", "xnor"))
    (text, ids), = shown
    assert "xnor" in text and "perceptron-and" in ids and "mnist-course" in ids
    assert len(_maps(window)) == 1  # then the first start's map, as usual


# -- Qt's own strings in Korean --------------------------------------------------------------
def test_qt_dialogs_are_korean(qapp, tmp_path):
    try:
        loaded = i18n.install_translators(qapp, "ko")
        assert "qtbase_ko" in loaded and i18n.qt_translation_file("ko") is not None
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Discard
                               | QDialogButtonBox.Cancel)
        assert box.button(QDialogButtonBox.Cancel).text() == "취소"  # qtbase_ko
        assert box.button(QDialogButtonBox.Save).text() == "저장"
        assert box.button(QDialogButtonBox.Discard).text() == "저장 안 함"  # the handouts' term
        # the save question (autosave.py) is a QMessageBox with the standard buttons
        question = QMessageBox(QMessageBox.Question, "", "",
                               QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
        assert question.button(QMessageBox.Discard).text() == "저장 안 함"
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "파일 이름(&N):"
        # Qt 6's own file dialog (no desktop's native one): every label Korean
        dialog = QFileDialog(None, "", str(tmp_path))
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        labels = {w.text() for w in dialog.findChildren(QLabel) if w.text()}
        assert {"찾는 위치(&L):", "파일 형식(&T):", "파일 이름(&N):"} <= labels, labels
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder",
                                          "All other platforms") == "폴더"
    finally:
        i18n.install_translators(qapp, "en")
    box = QDialogButtonBox(QDialogButtonBox.Discard)
    assert box.button(QDialogButtonBox.Discard).text() == "Discard"


def test_python_dash_m_nnviz_is_the_same_entry_point():
    assert sys.modules["nnviz.__main__"].main is entry.main
