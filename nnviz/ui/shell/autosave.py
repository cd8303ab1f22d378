"""Autosave, crash recovery and the unsaved-changes question for the main window.

:class:`AutosaveManager` (installed by ``app.main``) keeps a lock file holding the app's pid in
``<user data dir>/sessions`` for as long as the app runs; a clean exit removes it.  Every few
minutes (``session/autosave_minutes`` in QSettings, default 2; ``$NNVIZ_AUTOSAVE_SECONDS``
overrides it) and when the window closes it writes ``autosave.npz`` — the lesson, network,
weights, hyper-parameters and the curves' history (:mod:`nnviz.core.session`) — but only when
something changed since the last autosave.  At start-up, if the lock was left behind by a run
that did not exit cleanly and an autosave exists, it offers to restore it.

The manager also answers the window's ``unsaved_guard``: closing the window or switching lessons
with weights that differ from the last saved/opened/initial ones asks save / discard / cancel.

:func:`~nnviz.ui.model.saved_work.capture` and :func:`~nnviz.ui.model.saved_work.restore` turn
the model's state into a Session and back; File → Open uses :func:`open_session_file`.

The two questions (restore after a crash; save unsaved work) are attributes a caller may replace
(``ask_restore``, ``ask``): the tests and the test launcher answer them without a dialog.

Signals
-------
autosaved(str)    an autosave was written (its path)
restored(object)  a Session was restored
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from nnviz.core.io import ModelFileError
from nnviz.core.session import is_session_file, load_session, save_session
from nnviz.ui.common.settings import settings as app_settings
from nnviz.ui.model.saved_work import capture, restore

AUTOSAVE_NAME = "autosave.npz"
LOCK_NAME = "nnviz.lock"
DEFAULT_MINUTES = 2.0
MIN_SECONDS, MAX_MINUTES = 0.2, 24 * 60.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("AutosaveManager", text)


def session_dir() -> Path:
    """``<user data dir>/sessions`` (user_data_dir honours $NNVIZ_DATA_DIR)."""
    from nnviz.core.datasets.paths import user_data_dir

    return user_data_dir() / "sessions"


def autosave_interval_ms(settings=None) -> int:
    """The autosave interval: $NNVIZ_AUTOSAVE_SECONDS, else the setting, else 2 minutes."""
    env = os.environ.get("NNVIZ_AUTOSAVE_SECONDS")
    seconds = None
    if env:
        seconds = _finite(env)
    if seconds is None:
        if settings is None:
            settings = app_settings()
        minutes = _finite(settings.value("session/autosave_minutes", DEFAULT_MINUTES))
        seconds = 60.0 * (DEFAULT_MINUTES if minutes is None else minutes)
    seconds = min(max(seconds, MIN_SECONDS), MAX_MINUTES * 60)
    return int(seconds * 1000)


def _finite(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) and f > 0 else None


def open_session_file(window, path: str) -> bool:
    """File → Open of a session: restore it, or say why not (the current work stays)."""
    try:
        session = load_session(path)
    except ModelFileError as exc:
        QMessageBox.warning(window, _tr("Cannot open"), str(exc))
        return False
    guard = getattr(window, "unsaved_guard", None)
    if guard is not None and not guard():
        return False
    notes = restore(window.model, session)
    if notes:
        QMessageBox.information(window, _tr("Session opened"), "\n".join(notes))
    return True


def looks_like_session(path: str) -> bool:
    return is_session_file(path)


# -- the manager ------------------------------------------------------------------------------
class AutosaveManager(QObject):
    autosaved = Signal(str)
    restored = Signal(object)

    def __init__(self, folder: Path | None = None, interval_ms: int | None = None,
                 parent=None):
        super().__init__(parent)
        self.win = None  # the MainWindow followed
        self.folder = Path(folder) if folder is not None else session_dir()
        self.autosave_path = self.folder / AUTOSAVE_NAME
        self.lock: QLockFile | None = None
        self.crashed = False  # the previous run left its lock behind
        self.other_instance = False  # another nnviz holds the lock: no autosave here
        self.generation = 0  # bumped by every change
        self._saved_generation = 0
        self._reference = None  # (spec, params) of the last save / open / lesson start
        self._offered = False
        self.ask = self._ask_unsaved  # () -> QMessageBox.Save / Discard / Cancel (tests swap)
        self.ask_restore = self._ask_restore  # () -> True: restore the autosave (tests swap)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms if interval_ms is not None
                               else autosave_interval_ms())
        self.timer.timeout.connect(self._on_timer_timeout)

    def attach(self, window) -> None:
        """Follow ``window`` (a MainWindow; a new one after a language switch replaces it)."""
        self.win = window
        m = window.model
        for sig in (m.weights_changed, m.network_changed, m.preset_changed,
                    m.run.hyper_changed, m.run.snapshot_shown):
            sig.connect(self._on_changed)
        m.preset_changed.connect(self._take_reference)
        m.file_changed.connect(self._on_model_file_changed)
        window.unsaved_guard = self.confirm_unsaved
        window.closing.connect(self._on_window_closing)
        window.startup_finished.connect(self._on_window_startup_finished)

    def _on_window_startup_finished(self):
        if not self._offered:  # the first window only (not after a language switch)
            self._offered = True
            self.offer_restore()
        else:
            self.mark_saved()
            self._take_reference()

    def _status(self, text: str) -> None:
        if self.win is not None:
            self.win.model.status_posted.emit(text)

    # -- lock -----------------------------------------------------------------------------
    def start(self) -> None:
        """Take the lock (noting whether the last run crashed) and start the timer."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._status(_tr("Autosave is off: {e}").format(e=exc))
            return
        path = self.folder / LOCK_NAME
        existed = path.exists()
        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
        if lock.tryLock(0):
            self.lock = lock
            self.crashed = existed
        else:
            self.other_instance = lock.error() == QLockFile.LockFailedError
            self._status(_tr("Another nnviz is running: this one does not autosave."))
            return
        self.timer.start()

    def release(self) -> None:
        """A clean exit: stop autosaving and remove the lock."""
        self.timer.stop()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    # -- changes --------------------------------------------------------------------------
    def _on_changed(self, *_):
        self.generation += 1

    def mark_saved(self) -> None:
        self._saved_generation = self.generation

    @property
    def changed(self) -> bool:
        return self.generation != self._saved_generation

    def _take_reference(self, *_):
        net = self.win.model.network
        self._reference = None if net is None else (net.spec, net.params.copy())

    def _on_model_file_changed(self, path: str):
        if path:
            self._take_reference()

    def unsaved(self) -> bool:
        """True when the weights or the network differ from the last saved/opened/initial ones."""
        net = self.win.model.network
        if net is None:
            return False
        if self._reference is None:
            return False
        spec, params = self._reference
        return spec != net.spec or params.shape != net.params.shape \
            or not np.array_equal(params, net.params)

    def confirm_unsaved(self) -> bool:
        """Ask save / discard / cancel when there is unsaved work; False = cancel."""
        if not self.unsaved():
            return True
        answer = self.ask()
        if answer == QMessageBox.Cancel:
            return False
        if answer == QMessageBox.Save:
            return bool(self.win.save())
        self._take_reference()  # discarded: do not ask again for the same weights
        return True

    def _ask_unsaved(self):
        box = QMessageBox(QMessageBox.Question, _tr("Unsaved changes"),
                          _tr("The weights have changed since they were last saved."),
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self.win)
        box.setInformativeText(_tr("Save them before going on?"))
        box.setDefaultButton(QMessageBox.Save)
        box.exec()
        return box.standardButton(box.clickedButton())

    # -- autosave -------------------------------------------------------------------------
    def _on_timer_timeout(self):
        self.autosave()

    def autosave(self, force: bool = False) -> bool:
        """Write the autosave if something changed (or ``force``); never raises."""
        if self.lock is None or (not force and not self.changed):
            return False
        try:
            session = capture(self.win.model)
            if session is None:
                return False
            generation = self.generation
            save_session(self.autosave_path, session)
        except (OSError, ValueError) as exc:
            self._status(_tr("Autosave failed: {e}").format(e=exc))
            return False
        self._saved_generation = generation
        self.autosaved.emit(str(self.autosave_path))
        return True

    def _on_window_closing(self):
        self.autosave()

    # -- restore --------------------------------------------------------------------------
    def offer_restore(self) -> bool:
        """After a crash: offer the autosave (restore / discard). True if restored."""
        self.mark_saved()  # the lesson opened at start-up is not a change worth saving
        self._take_reference()
        if self.crashed and self.autosave_path.is_file():
            return self._offer()
        return False

    def _ask_restore(self) -> bool:
        box = QMessageBox(QMessageBox.Question, _tr("Restore your work?"),
                          _tr("nnviz did not close properly last time. Restore the work "
                              "saved automatically (lesson, weights, hyper-parameters and "
                              "curves)?"), QMessageBox.NoButton, self.win)
        restore_btn = box.addButton(_tr("Restore"), QMessageBox.AcceptRole)
        box.addButton(_tr("Discard"), QMessageBox.DestructiveRole)
        box.setDefaultButton(restore_btn)
        box.exec()
        return box.clickedButton() is restore_btn

    def _offer(self) -> bool:
        try:
            session = load_session(self.autosave_path)
        except ModelFileError as exc:
            self._status(_tr("The autosave could not be read: {e}").format(e=exc))
            return False
        if not self.ask_restore():
            try:
                os.replace(self.autosave_path, self.folder / "autosave-discarded.npz")
            except OSError:
                pass
            return False
        notes = restore(self.win.model, session)
        if notes:
            self._status(" ".join(notes))
        self.mark_saved()  # what is on screen is what the autosave holds
        self.restored.emit(session)
        return True

