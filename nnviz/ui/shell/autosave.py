"""Autosave, crash recovery and the unsaved-changes question for the main window.

:class:`AutosaveManager` (installed by ``app.main``) keeps a lock file holding the app's pid in
the user's own state folder (:func:`state_dir`, e.g. ``~/.local/state/nnviz``; never the data
folder, which a lab may share between accounts) for as long as the app runs; a clean exit
removes it.  It writes ``autosave.npz`` there (the lesson, network, weights, hyper-parameters,
curves and run settings: :mod:`nnviz.ui.shell.session_state`) at the end of every epoch shown (at
most every ``MIN_GAP`` seconds), at least every 30 s (``session/autosave_minutes`` in QSettings
may shorten it; ``$NNVIZ_AUTOSAVE_SECONDS`` overrides it) and when the window closes, but only
when something changed.  While a run trains, the timer's autosave takes the weights from the
trainer itself between two steps (at a slow refresh rate the screen lags behind).  Writing
happens in a background thread (about 20 ms for the MNIST course model here, more on a
network home folder), so training and the window never wait for the disk.

At start-up, if the lock was left behind by a run that did not exit cleanly and an autosave
exists, it offers to restore it (nothing is written before that); an autosave that cannot be
read is kept aside (``autosave.broken-<time>.npz``) and the student is told.  Temporary files
of autosaves interrupted by a crash are removed.

The manager also answers the window's ``unsaved_guard``: closing the window or switching lessons
with weights that differ from the last saved/opened/initial ones asks save / discard / cancel.

The two questions (restore after a crash; save unsaved work) are attributes a caller may replace
(``ask_restore``, ``ask``): the tests and the test launcher (``tests/ui/hooked_app.py``) answer
them without a dialog and follow the manager through its signals.

Signals
-------
autosaved(str)    an autosave was written (its path)
restored(object)  a Session was restored
notice_shown(str) a lasting message was shown (its title)
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from nnviz.core.files.io import ModelFileError
from nnviz.core.files.session import load_session
from nnviz.ui.model.param_edit import ParamEdit
from nnviz.ui.shell.autosave_writer import (
    AutosaveWriter,
    autosave_interval_ms,
    keep_aside,
    state_dir,
)
from nnviz.ui.shell.session_state import capture, restore

__all__ = ["AUTOSAVE_NAME", "LOCK_NAME", "AutosaveManager", "autosave_interval_ms", "capture",
           "restore", "state_dir"]

AUTOSAVE_NAME = "autosave.npz"
LOCK_NAME = "nnviz.lock"
MIN_GAP = 0.5  # seconds between two end-of-epoch autosaves (tiny lessons: many epochs/s)
CHECKPOINT_WAIT = 5.0  # seconds to wait for the trainer's weights before saving the screen's


def _tr(text: str) -> str:
    return QCoreApplication.translate("AutosaveManager", text)


# -- the manager ------------------------------------------------------------------------------
#: a run trained this long (trainer time) is the student's work: switching lessons asks to save
TRAINED_WORK_SECONDS = 30.0

class AutosaveManager(QObject):
    autosaved = Signal(str)
    restored = Signal(object)
    notice_shown = Signal(str)
    _checkpoint_taken = Signal(object, object)  # (trainer, (params, epoch, samples_seen))

    def __init__(self, folder: Path | None = None, interval_ms: int | None = None,
                 parent=None):
        super().__init__(parent)
        self.win = None  # the MainWindow followed
        self.folder = Path(folder) if folder is not None else state_dir()
        self.autosave_path = self.folder / AUTOSAVE_NAME
        self.lock: QLockFile | None = None
        self.crashed = False  # the previous run left its lock behind
        self.other_instance = False  # another nnviz of this user holds the lock: no autosave
        self.generation = 0  # bumped by every change
        self._saved_generation = 0
        self._reference = None  # (spec, params) of the last save / open / lesson start
        self._offered = False
        self.writer = AutosaveWriter(self.autosave_path, self)
        self.writer.written.connect(self._on_written)
        self.writer.failed.connect(self._on_write_failed)
        self._checkpoint_asked = 0.0  # monotonic time of a pending request to the trainer
        self._last_write = -1e9  # monotonic time of the last autosave started
        self._epoch_saved = -1  # the epoch of the last autosave started
        self._failing = False  # the last autosave failed (the student has been told)
        self._may_write = True  # False from a crash's start-up until the restore offer
        self.notice_box: QMessageBox | None = None
        self.ask = self._ask_unsaved  # () -> QMessageBox.Save / Discard / Cancel (tests swap)
        self.ask_restore = self._ask_restore  # () -> True: restore the autosave (tests swap)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms if interval_ms is not None
                               else autosave_interval_ms())
        self.timer.timeout.connect(self._on_timer_timeout)
        self._checkpoint_taken.connect(self._on_checkpoint_taken)

    def attach(self, window) -> None:
        """Follow ``window`` (a MainWindow; a new one after a language switch replaces it)."""
        self.win = window
        m = window.model
        for sig in (m.weights_changed, m.network_changed, m.preset_changed,
                    m.run.hyper_changed, m.run.snapshot_shown):
            sig.connect(self._on_changed)
        m.run.snapshot_shown.connect(self._on_run_snapshot_shown)
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

    def _notice(self, title: str, text: str) -> None:
        """A message that stays until the student closes it (non-modal) and in the status bar."""
        self._status(text)
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self.win)
        box.setModal(False)
        box.show()
        self.notice_box = box
        self.notice_shown.emit(title)

    # -- lock -----------------------------------------------------------------------------
    def start(self) -> None:
        """Take the lock (noting whether the last run crashed), tidy up and start the timer."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            self._notice(_tr("Autosave is off"), _tr("Autosave is off: {e}").format(e=exc))
            return
        path = self.folder / LOCK_NAME
        existed = path.exists()
        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
        if not lock.tryLock(0):
            self.other_instance = lock.error() == QLockFile.LockFailedError
            self._status(_tr("Another nnviz is running: this one does not autosave."))
            return
        self.lock = lock
        self.crashed = existed
        # after a crash, nothing is written before the restore offer has read the old autosave
        self._may_write = not existed
        # autosaves a crash interrupted left their temporary files (only the lock holder writes)
        for tmp in self.folder.glob(f".{AUTOSAVE_NAME}.*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass
        self.timer.start()

    def release(self) -> None:
        """A clean exit: stop autosaving, finish a write in progress and remove the lock."""
        self.timer.stop()
        self.writer.finish()
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
        """True when there is work of the student's that the last save/open does not hold.

        Work is a changed network, weights typed by hand (a :class:`ParamEdit` since the stack
        was last clean), or a run trained for at least ``TRAINED_WORK_SECONDS``; weights moved
        by a short demo run (Play for a few seconds to watch) are not worth a question.
        """
        net = self.win.model.network
        if net is None or self._reference is None:
            return False
        spec, params = self._reference
        if spec != net.spec or params.shape != net.params.shape:
            return True
        if np.array_equal(params, net.params):
            return False
        return self._hand_edited() or self._trained_seconds() >= TRAINED_WORK_SECONDS

    def _hand_edited(self) -> bool:
        stack = self.win.model.undo_stack
        first = max(stack.cleanIndex(), 0)
        return any(isinstance(stack.command(i), ParamEdit) for i in range(first, stack.index()))

    def _trained_seconds(self) -> float:
        last = self.win.model.run.last
        return float(getattr(last, "seconds", 0.0) or 0.0)

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

    # -- when to autosave -----------------------------------------------------------------
    def _training(self) -> bool:
        s = self.win.model.run if self.win is not None else None
        return s is not None and s.trainer is not None and s.busy

    def _on_timer_timeout(self):
        if self.lock is None:
            return
        if self._training() and self._request_checkpoint():
            return  # saved when the trainer's weights arrive
        if self.changed:
            self._autosave_in_background()

    def _on_run_snapshot_shown(self, snap):
        epoch = int(getattr(snap, "epoch", 0))
        if epoch == self._epoch_saved:
            return
        if self.lock is not None and time.monotonic() - self._last_write >= MIN_GAP:
            self._autosave_in_background()  # what is on screen is the epoch's end

    def _request_checkpoint(self) -> bool:
        """Ask the trainer for its weights between two steps (they arrive in the GUI thread)."""
        now = time.monotonic()
        if now - self._checkpoint_asked < CHECKPOINT_WAIT:
            return True  # one is on its way
        relay = self._checkpoint_taken

        def take(trainer):  # runs in the training thread, before the next step
            relay.emit(trainer, (trainer.net.params.copy(), int(trainer.epoch),
                                 int(trainer.samples_seen)))

        self._checkpoint_asked = now
        self.win.model.run.trainer.submit(take)
        return True

    def _on_checkpoint_taken(self, trainer, checkpoint):
        self._checkpoint_asked = 0.0
        if self.lock is None or self.win is None or trainer is not self.win.model.run.trainer:
            return  # the run was reset or replaced meanwhile
        self._autosave_in_background(checkpoint)

    # -- writing --------------------------------------------------------------------------
    def _capture(self, checkpoint=None):
        """(session, generation) or None; a failure is reported, never raised."""
        try:
            # capture stores the workspace from before presentation mode while presenting
            session = capture(self.win, checkpoint)
        except Exception as exc:  # noqa: BLE001 - autosave must never take the app down
            self._on_write_failed(f"{type(exc).__name__}: {exc}")
            return None
        return None if session is None else (session, self.generation)

    def autosave(self, force: bool = False) -> bool:
        """Write the autosave now, in this thread, if something changed (or ``force``)."""
        if self.lock is None or not self._may_write or (not force and not self.changed):
            return False
        taken = self._capture()
        return taken is not None and self.writer.write_now(*taken)

    def _autosave_in_background(self, checkpoint=None) -> None:
        if not self._may_write:
            return
        self._last_write = time.monotonic()
        taken = self._capture(checkpoint)
        if taken is None:
            return
        if checkpoint is None:
            self._epoch_saved = taken[0].epoch
        self.writer.write_later(*taken)

    def _on_written(self, session, generation):
        self._saved_generation = max(self._saved_generation, generation)
        if self._failing:
            self._failing = False
            self._status(_tr("Autosave works again."))
        self.autosaved.emit(str(self.autosave_path))

    def _on_write_failed(self, message: str):
        text = _tr("Autosave failed: {e}. Your work is not being saved automatically; save it "
                   "with File → Save.").format(e=message)
        if self._failing:
            self._status(text)
        else:  # the first failure in a row: a message that stays
            self._failing = True
            self._notice(_tr("Autosave failed"), text)

    def _on_window_closing(self):
        self.autosave()

    # -- restore --------------------------------------------------------------------------
    def offer_restore(self) -> bool:
        """After a crash: offer the autosave (restore / discard). True if restored."""
        self.mark_saved()  # the lesson opened at start-up is not a change worth saving
        self._take_reference()
        done = False
        if self.crashed and self.autosave_path.is_file():
            done = self._offer()
        self._may_write = True
        return done

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
            kept = keep_aside(self.autosave_path, "broken")
            where = str(kept) if kept is not None else str(self.autosave_path)
            self._notice(_tr("The autosave could not be read"), _tr(
                "The work saved automatically before nnviz last stopped could not be read "
                "({e}). The file was kept as {path}; nnviz starts without it.").format(
                    e=exc, path=where))
            return False
        accept = self.ask_restore()
        if not accept:
            try:
                os.replace(self.autosave_path, self.folder / "autosave-discarded.npz")
            except OSError:
                pass
            return False
        notes = restore(self.win, session)
        if notes:
            self._status(" ".join(notes))
        self.mark_saved()  # what is on screen is what the autosave holds
        self._epoch_saved = session.epoch
        self.restored.emit(session)
        return True
