"""Where the MNIST data comes from: found folders, download, "use a folder…", bundled copy.

Every check and transfer is done by :mod:`nnviz.core.lessons.datasets`: ``download_mnist`` streams
into ``.part`` files, resumes or retries from scratch, verifies the SHA-256 of every file and only
then renames it into place, so nothing half-written is ever used.  A folder the user picks is
loaded and fully verified (``load_mnist``) off the GUI thread before it is accepted and
remembered in the settings.

Signals
-------
folder_chosen(str, str)   kind ("mnist"/"fashion") and a verified folder to load from
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from nnviz.core.lessons.datasets import (
    DatasetError,
    bundled_data_dir,
    download_mnist,
    find_all_locations,
    load_mnist,
    user_data_dir,
)
from nnviz.ui.common.settings import remember_folder, remembered_folder
from nnviz.ui.common.tasks import Task
from nnviz.ui.model.samples import MNIST_KINDS

KIND_NAMES = {"mnist": "MNIST", "fashion": "Fashion-MNIST"}


class _Relay(QObject):
    progressed = Signal(object, object, str)  # done bytes, total bytes (or None), file name


class DataDialog(QDialog):
    folder_chosen = Signal(str, str)

    def __init__(self, parent=None, kinds=MNIST_KINDS, mirrors=None):
        """``mirrors``: {kind: [base URLs]} to override the public mirrors (tests)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("MNIST data"))
        self.kinds = tuple(kinds)
        self.mirrors = mirrors or {}
        self._task: Task | None = None
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_relay_progressed)
        self.last_error = ""

        intro = QLabel(self.tr("nnviz looks for the four IDX files (train/t10k images and "
                               "labels, optionally .gz) in these folders, in this order:"))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Data set"), self.tr("Where"),
                                              self.tr("Folder"), self.tr("Found")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setToolTip(self.tr("Every folder searched, and whether all four files "
                                      "are there"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.status.setToolTip(self.tr("What happened last"))
        self.progress = QProgressBar()
        self.progress.setToolTip(self.tr("Download progress of the current file"))
        self.progress.hide()

        self.download_buttons = {}
        row = QHBoxLayout()
        for kind in self.kinds:
            b = QPushButton(self.tr("Download {name}").format(name=KIND_NAMES[kind]))
            b.setToolTip(self.tr("Download {name} from the public mirrors into {folder} "
                                 "(about 11 MB compressed; checked with SHA-256; an "
                                 "interrupted download resumes)").format(
                name=KIND_NAMES[kind], folder=user_data_dir() / kind))
            b.clicked.connect(lambda _=False, k=kind: self.start_download(k))
            self.download_buttons[kind] = b
            row.addWidget(b)
        self.folder_button = QPushButton(self.tr("Use a folder…"))
        self.folder_button.setToolTip(self.tr("Pick a folder holding the four MNIST files; "
                                              "it is checked before it is used"))
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.bundled_button = QPushButton(self.tr("Use the bundled copy"))
        self.bundled_button.setToolTip(self.tr("Use the MNIST copy shipped with the installer "
                                               "({folder})").format(
            folder=bundled_data_dir() / "mnist"))
        self.bundled_button.clicked.connect(self._on_bundled_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.setToolTip(self.tr("Stop the download; the partial file is kept "
                                              "and resumed next time"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        row.addWidget(self.folder_button)
        row.addWidget(self.bundled_button)
        row.addWidget(self.cancel_button)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setToolTip(self.tr("Close this window"))
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(buttons)
        self.resize(760, 380)
        self.refresh()

    # -- listing --------------------------------------------------------------------------
    def locations(self) -> list[tuple[str, str, object, bool]]:
        """(kind, where, folder, found) for every folder searched."""
        out = []
        for kind in self.kinds:
            chosen = remembered_folder(kind) or None
            out.extend((kind, where, path, found)
                       for where, path, found in find_all_locations(kind, chosen))
        return out

    def refresh(self) -> None:
        locs = self.locations()
        where_names = {"given folder": self.tr("your folder"),
                       "user data folder": self.tr("downloads"),
                       "bundled with nnviz": self.tr("bundled"),
                       "system package": self.tr("system package")}
        self.table.setRowCount(len(locs))
        for r, (kind, where, path, found) in enumerate(locs):
            cells = (KIND_NAMES[kind], where_names.get(where, where), str(path),
                     self.tr("yes") if found else self.tr("no"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(path))
                self.table.setItem(r, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(3)
        bundled = [f for k, w, _p, f in locs if k == "mnist" and w == "bundled with nnviz"]
        self.bundled_button.setEnabled(bool(bundled and bundled[0]))
        if not self.status.text():
            found = {k for k, _w, _p, f in locs if f}
            if "mnist" not in found:
                self._say(self.tr("MNIST was not found. Download it, or use a folder that "
                                  "holds the four files."))
            else:
                self._say(self.tr("MNIST is ready."))

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # -- download -------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._task is not None

    def start_download(self, kind: str = "mnist") -> bool:
        """Download ``kind`` into the user data folder off the GUI thread."""
        if self.busy:
            return False
        dest = user_data_dir() / kind
        self._cancel = cancel = threading.Event()
        relay, mirrors = self._relay, self.mirrors.get(kind)

        def run():
            download_mnist(dest, kind, mirrors=mirrors, cancel=cancel.is_set,
                           progress=lambda d, t, name: relay.progressed.emit(d, t, name))
            load_mnist(dest, kind=kind)  # the four files together pass every check
            return str(dest)

        self._start(run, lambda folder: self._on_downloaded(kind, folder))
        self.progress.show()
        self.progress.setRange(0, 0)
        self.cancel_button.show()
        self._say(self.tr("Connecting …"))
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def _on_downloaded(self, kind, folder):
        self._say(self.tr("{name} downloaded and verified in {folder}.").format(
            name=KIND_NAMES[kind], folder=folder))
        self.folder_chosen.emit(kind, folder)

    def _on_relay_progressed(self, done, total, name):
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
            self.progress.setFormat(self.tr("{name}: {done:.1f} of {total:.1f} MB").format(
                name=name, done=done / 1e6, total=total / 1e6))
        else:
            self.progress.setRange(0, 0)
        self._say(self.tr("Downloading {name} …").format(name=name))

    # -- folders --------------------------------------------------------------------------
    def use_folder(self, folder: str, kind: str = "mnist") -> bool:
        """Check ``folder`` with ``load_mnist`` off the GUI thread; remember it if it passes."""
        if self.busy:
            return False

        def run():
            load_mnist(folder, kind=kind)
            return folder

        def ok(f):
            remember_folder(f, kind)
            self._say(self.tr("{name} in {folder} passed every check; nnviz will use it.")
                      .format(name=KIND_NAMES[kind], folder=f))
            self.folder_chosen.emit(kind, f)

        self._start(run, ok)
        self.progress.show()
        self.progress.setRange(0, 0)
        self._say(self.tr("Checking {folder} …").format(folder=folder))
        return True

    def _on_folder_clicked(self):
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder with the MNIST files"), remembered_folder() or "")
        if folder:
            self.use_folder(folder)

    def _on_bundled_clicked(self):
        self.use_folder(str(bundled_data_dir() / "mnist"))

    # -- the background task --------------------------------------------------------------
    def _start(self, fn, on_done):
        self.last_error = ""
        task = Task(fn, self, expected=(DatasetError, OSError))
        task.done.connect(lambda result: self._on_task_done(on_done, result))
        task.failed.connect(self._on_task_failed)
        self._task = task
        for b in (*self.download_buttons.values(), self.folder_button, self.bundled_button):
            b.setEnabled(False)
        task.start()

    def _finish(self):
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        for b in (*self.download_buttons.values(), self.folder_button):
            b.setEnabled(True)
        self.refresh()

    def _on_task_done(self, on_done, result):
        on_done(result)
        self._finish()

    def _on_task_failed(self, message):
        if self._cancel.is_set():
            message = self.tr("Download cancelled. The partial file is kept; downloading "
                              "again resumes it.")
        else:
            message = self.tr("The data could not be used: {m}").format(m=message)
        self.last_error = message
        self._say(message)
        self._finish()

    def shutdown(self):
        """Cancel and join a running task (dialog closing, tests)."""
        self.cancel()
        if self._task is not None:
            self._task.wait()

    def done(self, result):  # noqa: D401 - QDialog.done
        self.shutdown()
        super().done(result)

