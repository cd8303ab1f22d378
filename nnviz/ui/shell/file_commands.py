"""The File menu's commands: open (models and sessions), save, recent files, PNG export.

:class:`FileCommands` is mixed into :class:`~nnviz.ui.shell.main_window.MainWindow`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from nnviz.ui.common.settings import settings

MAX_RECENT = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


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
        from nnviz.core.io import ModelFileError
        from nnviz.ui.shell.autosave import looks_like_session, open_session_file

        if looks_like_session(path):
            if not open_session_file(self, path):
                return False
            self._add_recent(path)
            return True
        try:
            self.model.open(path)
        except (ModelFileError, OSError, ValueError) as exc:
            QMessageBox.warning(self, _tr("Cannot open"), str(exc))
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
