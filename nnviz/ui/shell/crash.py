"""Uncaught exceptions: a dialog with the details to copy, a log file, and the app keeps running.

:func:`install` replaces ``sys.excepthook`` (PySide6 hands an exception raised in a slot or a
virtual override to it and then returns to the event loop) and ``threading.excepthook``.  Each
exception is written to ``crash.log`` in the user log folder (``<AppLocalDataLocation>/logs``,
or ``$NNVIZ_LOG_DIR``; rotated, at most ~1 MB in all) and shown in a non-modal message box with
the traceback under "Show Details…" and a "Copy" button.  Dialogs are rate-limited: while one is
open, or within ``MIN_INTERVAL`` seconds of the last, further exceptions are only logged and
counted (a slot that fails on every repaint must not bury the student in boxes); an exception
raised while a dialog is being built never opens another one.

Exceptions from other threads reach the GUI thread through a queued signal.

Signals (CrashHandler)
----------------------
reported(str)   an exception was logged: its one-line summary
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

MIN_INTERVAL = 10.0  # seconds between two dialogs
LOG_BYTES = 256 * 1024
LOG_BACKUPS = 3
LOGGER = "nnviz.crash"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrashHandler", text)


def log_dir() -> Path:
    """``$NNVIZ_LOG_DIR``, else ``<AppLocalDataLocation>/logs`` (e.g. ~/.local/share/nnviz/logs)."""
    env = os.environ.get("NNVIZ_LOG_DIR")
    if env:
        return Path(env).expanduser()
    base = QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation)
    if not base:
        from nnviz.core.lessons.datasets.paths import user_data_dir

        return user_data_dir() / "logs"
    return Path(base) / "logs"


def _make_logger(folder: Path) -> logging.Logger:
    log = logging.getLogger(LOGGER)
    log.propagate = False
    for h in list(log.handlers):
        log.removeHandler(h)
        h.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "crash.log", maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError:  # a read-only home: keep running, report on stderr only
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log


class CrashHandler(QObject):
    """Logs every uncaught exception and shows it (see the module docstring)."""

    reported = Signal(str)
    _from_thread = Signal(str, str)

    def __init__(self, folder: Path | None = None, parent=None):
        super().__init__(parent)
        self.folder = Path(folder) if folder is not None else log_dir()
        self.log = _make_logger(self.folder)
        self.box: QMessageBox | None = None
        self.last_shown = -1e9
        self.suppressed = 0  # exceptions logged but not shown since the last dialog
        self.count = 0
        self._in_handler = False
        self._prev_sys = sys.excepthook
        self._prev_thread = threading.excepthook
        self._from_thread.connect(self._show, Qt.QueuedConnection)

    @property
    def log_path(self) -> Path:
        return self.folder / "crash.log"

    # -- hooks ----------------------------------------------------------------------------
    def install(self) -> CrashHandler:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._prev_sys
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._prev_thread

    def excepthook(self, etype, value, tb) -> None:
        if issubclass(etype, KeyboardInterrupt):
            self._prev_sys(etype, value, tb)
            return
        summary, details = self._record(etype, value, tb, threading.current_thread().name)
        if threading.current_thread() is threading.main_thread():
            self._show(summary, details)
        else:
            self._from_thread.emit(summary, details)

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        summary, details = self._record(args.exc_type, args.exc_value, args.exc_traceback, name)
        self._from_thread.emit(summary, details)

    # -- work -----------------------------------------------------------------------------
    def _record(self, etype, value, tb, thread: str) -> tuple[str, str]:
        self.count += 1
        details = "".join(traceback.format_exception(etype, value, tb))
        summary = f"{etype.__name__}: {value}"
        try:
            from nnviz import __version__
        except ImportError:  # pragma: no cover
            __version__ = "?"
        header = (f"nnviz {__version__}, Python {sys.version.split()[0]}, {sys.platform}, "
                  f"thread {thread}")
        try:
            self.log.error("uncaught exception (%s)\n%s", header, details)
        except Exception:  # noqa: BLE001 - the logger must never raise into Qt
            pass
        sys.stderr.write(details)
        self.reported.emit(summary)
        return summary, f"{header}\n\n{details}"

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        now = time.monotonic()
        if (self._in_handler or QApplication.instance() is None
                or (self.box is not None and self.box.isVisible())
                or now - self.last_shown < MIN_INTERVAL):
            self.suppressed += 1
            return
        self._in_handler = True
        try:
            self.last_shown = now
            extra = ""
            if self.suppressed:
                extra = _tr("\n\n{n} more errors happened since the last report (see the "
                            "log).").format(n=self.suppressed)
            self.suppressed = 0
            box = QMessageBox(QMessageBox.Critical, _tr("Something went wrong"),
                              _tr("nnviz hit an error it did not expect. Your work is still "
                                  "open; saving it now is a good idea.") + extra,
                              QMessageBox.Ok, _parent())
            box.setInformativeText(_tr("{summary}\n\nThe details were written to {path}")
                                   .format(summary=summary[:500], path=self.log_path))
            box.setDetailedText(details)
            copy = box.addButton(_tr("Copy"), QMessageBox.ActionRole)
            copy.setToolTip(_tr("Copy the details to the clipboard (to send them to your "
                                "teacher)"))
            # an ActionRole button would close the box; copy and keep it open
            copy.clicked.disconnect()
            copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
            box.setEscapeButton(QMessageBox.Ok)  # Esc and the close button work too
            box.setAttribute(Qt.WA_DeleteOnClose)
            box.setModal(False)
            box.destroyed.connect(self._on_box_destroyed)
            self.box = box
            box.show()
        except Exception:  # noqa: BLE001 - never recurse into ourselves
            pass
        finally:
            self._in_handler = False

    def _on_box_destroyed(self, *_):
        self.box = None


def _parent():
    app = QApplication.instance()
    w = app.activeWindow() if app is not None else None
    if w is None and app is not None:
        tops = [t for t in app.topLevelWidgets() if t.isWindow() and t.isVisible()
                and type(t).__name__ == "MainWindow"]
        w = tops[0] if tops else None
    return w


_handler: CrashHandler | None = None


def install(folder: Path | None = None) -> CrashHandler:
    """Install the process-wide handler once (later calls return the same one)."""
    global _handler
    if _handler is None:
        _handler = CrashHandler(folder).install()
    return _handler


def handler() -> CrashHandler | None:
    return _handler


def protect_settings(settings) -> str:
    """Refuse pickles in Qt settings/streams and check the settings file (create_app calls it).

    Returns the note about anything refused or reset ('' when the file was fine).
    """
    from nnviz.ui.shell.settings_guard import check_settings, install_pickle_guard

    if not install_pickle_guard():
        sys.stderr.write("nnviz: could not guard PySide's unpickler for settings\n")
    note = check_settings(settings)
    if note:
        sys.stderr.write(f"nnviz: {note}\n")
        logging.getLogger("nnviz").warning(note)
    return note
