"""The File menu's commands: open (models, sessions, lessons), save, lessons, recent files, PNG.

:class:`FileCommands` is mixed into :class:`~nnviz.ui.shell.main_window.MainWindow`.  Lesson
files (``.nnviz``, :mod:`nnviz.core.files.lesson_file`): File → Save Lesson… writes the lesson as it
is on screen, File → Attach a Guide… gives it a guide an instructor wrote (JSON, the format of
``resources/guides``), File → Edit the Guide… edits the lesson's guide in the app
(:mod:`nnviz.ui.panels.guide_editor`); File → Open (or a double click on the file) opens one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QAction, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from nnviz.core.files.io import ModelFileError
from nnviz.ui.common.file_reading import cannot_read_message, read_in_background
from nnviz.ui.common.settings import settings
from nnviz.ui.model.spec_checks import clean_network

MAX_RECENT = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


class OpenedFile(NamedTuple):
    kind: str  # "session", "lesson" or "model"
    session: Any = None  # a Session (kind "session"), a LessonFile (kind "lesson")
    net: Any = None  # a float64 Network (kind "model")
    extra: dict | None = None  # the model file's extra dict


def read_opened_file(path) -> OpenedFile:
    """File → Open's reading (a worker thread): a session or a model, validated."""
    from nnviz.core.files.io import load_any_weights
    from nnviz.core.files.lesson_file import lesson_from_session
    from nnviz.core.files.session import is_session_file, load_session

    if is_session_file(path):
        session = load_session(path)
        lesson = lesson_from_session(session, Path(path).name)
        if lesson is not None:
            return OpenedFile("lesson", session=lesson)
        return OpenedFile("session", session=session)
    net, extra = load_any_weights(path)
    return OpenedFile("model", net=clean_network(net.astype("float64")),
                      extra=extra if isinstance(extra, dict) else {})


def open_file(window, path: str) -> bool:
    """File → Open: read ``path`` in the background, then show it; False (with a message)
    when it could not be read or the student cancelled."""
    from nnviz.ui.shell.session_state import open_lesson, open_session

    outcome = read_in_background(window, path, lambda: read_opened_file(path))
    if outcome.cancelled:
        window.model.status_posted.emit(
            _tr("Opening {name} was cancelled.").format(name=Path(path).name))
        return False
    if outcome.error:
        QMessageBox.warning(window, _tr("Cannot open"), cannot_read_message(path, outcome.error))
        return False
    opened: OpenedFile = outcome.value
    if opened.kind == "session":
        return open_session(window, opened.session)
    if opened.kind == "lesson":
        return open_lesson(window, opened.session, Path(path).name)
    try:
        window.model.install_opened(path, opened.net, opened.extra)
    except (ModelFileError, ValueError) as exc:
        QMessageBox.warning(window, _tr("Cannot open"), cannot_read_message(path, str(exc)))
        return False
    return True


class FileCommands(QMainWindow):
    """Open, save, recent files and export, through the window's lesson model."""

    def _update_title(self):
        p = self.model.preset
        title = p.text("title", self.lang) if p else ""
        f = Path(self.model.file_path).name if self.model.file_path else ""
        mod = "" if self.model.undo_stack.isClean() else " *"
        parts = [x for x in (f, title) if x]
        self.setWindowTitle(" — ".join(parts) + mod if parts else "nnviz")

    def _filters(self) -> str:
        return _tr("nnviz lessons and models (*.nnviz *.npz);;nnviz lessons (*.nnviz);;"
                   "nnviz models (*.npz);;Pickled weights (*.pkl *.pickle);;All files (*)")

    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, _tr("Open a lesson or a model"), "",
                                              self._filters())
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> bool:
        """Read ``path`` off the GUI thread (a model or a session) and show it."""
        if not open_file(self, path):
            return False
        self._add_recent(path)
        return True

    def save(self) -> bool:
        if not self.model.file_path:
            return self.save_as_dialog()
        return self.save_file(self.model.file_path)

    def save_as_dialog(self) -> bool:
        name = (self.model.preset.id if self.model.preset else "model") + ".npz"
        path, _ = QFileDialog.getSaveFileName(self, _tr("Save the model"), name,
                                              _tr("nnviz models (*.npz)"))
        if not path:
            return False
        if not path.endswith(".npz"):
            path += ".npz"
        return self.save_file(path)

    def save_file(self, path: str) -> bool:
        try:
            self.model.save(path)
        except OSError as exc:
            QMessageBox.warning(self, _tr("Cannot save"), str(exc))
            return False
        self._add_recent(path)
        return True

    # -- lesson files ---------------------------------------------------------------------
    def _add_lesson_actions(self, file_menu) -> None:
        """File → Save Lesson… and Attach a Guide…, after Save As (once)."""
        if getattr(self, "act_save_lesson", None) is not None or file_menu is None:
            return
        self.act_save_lesson = QAction(_tr("Save &Lesson…"), self)
        self.act_save_lesson.setStatusTip(_tr(
            "Save the lesson as it is now (weights, hyper-parameters, data, panels, guide) "
            "in one .nnviz file to share with students"))
        self.act_save_lesson.triggered.connect(self.save_lesson_dialog)
        self.act_attach_guide = QAction(_tr("Attach a &Guide…"), self)
        self.act_attach_guide.setStatusTip(_tr(
            "Give this lesson a guide you wrote (JSON, see the README); Save Lesson keeps it"))
        self.act_attach_guide.triggered.connect(self.attach_guide_dialog)
        self.act_edit_guide = QAction(_tr("E&dit the Guide…"), self)
        self.act_edit_guide.setStatusTip(_tr(
            "Edit this lesson's guide in the app: its steps, texts, tasks and checks; "
            "Save Lesson keeps it"))
        self.act_edit_guide.triggered.connect(self.edit_guide)
        before = next((a for a in file_menu.actions()
                       if a is getattr(self, "act_export", None)), None)
        file_menu.insertActions(before, [self.act_save_lesson, self.act_attach_guide,
                                         self.act_edit_guide])
        file_menu.insertSeparator(before)

    def save_lesson_dialog(self) -> bool:
        from nnviz.core.files.lesson_file import SUFFIX

        name = (self.model.preset.id if self.model.preset else "lesson") + SUFFIX
        path, _ = QFileDialog.getSaveFileName(self, _tr("Save the lesson"), name,
                                              _tr("nnviz lessons (*.nnviz)"))
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self.save_lesson_file(path)

    def save_lesson_file(self, path: str) -> bool:
        """Write the lesson on screen to ``path`` (mode 0644: other accounts can read it)."""
        from nnviz.core.files.lesson_file import save_lesson
        from nnviz.ui.shell.session_state import capture_lesson

        lesson = capture_lesson(self)
        if lesson is None:
            return False
        try:
            save_lesson(path, lesson)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, _tr("Cannot save"), str(exc))
            return False
        self._add_recent(path)
        self.model.status_posted.emit(_tr("Saved the lesson {path}").format(path=path))
        return True

    def attach_guide_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, _tr("Attach a guide"), "",
                                              _tr("Guides (*.json);;All files (*)"))
        return bool(path) and self.attach_guide(path)

    def attach_guide(self, path: str) -> bool:
        """Use the guide in ``path`` for this lesson (checked against it; kept by Save Lesson)."""
        from nnviz.core.guides import GuideError, load_guide_file, validate_for_lesson

        preset = self.model.preset
        try:
            guide = load_guide_file(path)
            if preset is None:
                raise GuideError(_tr("no lesson is open"))
            validate_for_lesson(guide, preset)
        except GuideError as exc:
            QMessageBox.warning(self, _tr("Cannot use this guide"), str(exc))
            return False
        self.use_guide(guide, _tr("The lesson now follows the guide {name}; "
                                  "Save Lesson keeps it").format(name=Path(path).name))
        return True

    def use_guide(self, guide, message: str) -> None:
        """Make ``guide`` (validated for this lesson) the lesson's own: the guide panel shows
        it at once and Save Lesson writes it into the lesson file."""
        self.model.lesson_guide = guide
        self.guides.guide.reload()
        self.model.status_posted.emit(message)

    def edit_guide(self):
        """File → Edit the Guide…: the guide editor on the lesson's guide (its own or the
        shipped one); Save and use attaches the edited guide.  Returns the dialog (shown
        window-modal, not blocking: tests drive it)."""
        from nnviz.ui.panels.guide_editor import GuideEditorDialog

        preset = self.model.preset
        if preset is None:
            return None
        from nnviz.core.guides.validators import MAX_ARRAY_NUMBERS

        net = self.model.network
        # a guide step holds whole arrays of at most MAX_ARRAY_NUMBERS (not MNIST's layers)
        small = net is not None and all(W.size <= MAX_ARRAY_NUMBERS for W in net.W)
        dlg = GuideEditorDialog(self.guides.guide.guide, preset, self.lang,
                                self._weights_on_screen if small else None, self)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.guide_saved.connect(lambda guide: self._use_edited_guide(guide, dlg.current))
        self.guide_editor = dlg  # the open editor (tests look at it)
        dlg.open()
        return dlg

    def _use_edited_guide(self, guide, step: int) -> None:
        """The edited guide, open at the step the instructor was editing."""
        self.use_guide(guide, _tr("The lesson now follows the edited guide; Save Lesson "
                                  "keeps it"))
        self.guides.guide.open_step(step)

    def _weights_on_screen(self) -> dict:
        """The network's weights and biases in a guide step's form {"W1": rows, "b1": […]}."""
        net, out = self.model.network, {}
        for layer, W in enumerate(net.W if net is not None else ()):
            out[f"W{layer + 1}"] = W.astype(float).tolist()
            if net.b[layer] is not None:
                out[f"b{layer + 1}"] = net.b[layer].astype(float).tolist()
        return out

    # -- recent files -----------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        v = settings().value("files/recent", [])
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list | tuple):  # a damaged setting: no recent files
            return []
        # bounded on read too: a list of 100,000 made start-up take 7 s and exit 2 minutes
        return [p for p in v[:4 * MAX_RECENT] if isinstance(p, str) and p][:MAX_RECENT]

    def _add_recent(self, path: str):
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        settings().setValue("files/recent", files[:MAX_RECENT])
        self._update_recent_menu()

    def _update_recent_menu(self):
        self._add_lesson_actions(self.recent_menu.parentWidget())  # (the File menu)
        self.recent_menu.clear()
        files = self.recent_files()
        for p in files:
            a = self.recent_menu.addAction(Path(p).name)
            a.setToolTip(p)
            a.triggered.connect(lambda _=False, p=p: self.open_file(p))
        self.recent_menu.setEnabled(bool(files))

    def export_dialog(self):
        name = (self.model.preset.id if self.model.preset else "network") + ".png"
        path, _ = QFileDialog.getSaveFileName(self, _tr("Export the canvas"), name,
                                              _tr("PNG images (*.png)"))
        if path:
            self.export_png(path)

    def export_png(self, path: str, scale: float = 2.0) -> bool:
        scene = self.canvas.scene()
        rect = scene.sceneRect()
        img = QImage((rect.size() * scale).toSize(), QImage.Format_ARGB32)
        img.fill(Qt.white)
        qp = QPainter(img)
        qp.setRenderHint(QPainter.Antialiasing)
        scene.render(qp, QRectF(img.rect()), rect)
        qp.end()
        ok = img.save(path)
        self.statusBar().showMessage(
            _tr("Exported {p}").format(p=path) if ok else _tr("Export failed"), 6000)
        return ok
