"""The File menu's commands: open (models and sessions), save, recent files, PNG export.

:class:`FileCommands` is mixed into :class:`~nnviz.ui.shell.main_window.MainWindow`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from nnviz.core.io import ModelFileError
from nnviz.ui.common.file_reading import cannot_read_message, read_in_background
from nnviz.ui.common.settings import settings
from nnviz.ui.model.spec_checks import clean_network

MAX_RECENT = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


class OpenedFile(NamedTuple):
    kind: str  # "session" or "model"
    session: Any = None  # a Session (kind "session")
    net: Any = None  # a float64 Network (kind "model")
    extra: dict | None = None  # the model file's extra dict


def read_opened_file(path) -> OpenedFile:
    """File → Open's reading (a worker thread): a session or a model, validated."""
    from nnviz.core.io import load_any_weights
    from nnviz.core.session import is_session_file, load_session

    if is_session_file(path):
        return OpenedFile("session", session=load_session(path))
    net, extra = load_any_weights(path)
    return OpenedFile("model", net=clean_network(net.astype("float64")),
                      extra=extra if isinstance(extra, dict) else {})


def open_file(window, path: str) -> bool:
    """File → Open: read ``path`` in the background, then show it; False (with a message)
    when it could not be read or the student cancelled."""
    from nnviz.ui.shell.session_state import open_session

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
        return _tr("nnviz models (*.npz);;Pickled weights (*.pkl *.pickle);;All files (*)")

    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, _tr("Open a model"), "", self._filters())
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
