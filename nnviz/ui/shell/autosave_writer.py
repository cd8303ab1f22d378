"""Where the autosave lives, how often it is written, and the writing itself.

:func:`state_dir` is the user's own folder for the lock and the autosave;
:func:`autosave_interval_ms` the timer's period; :class:`AutosaveWriter` writes sessions in a
background thread (one at a time; a newer one waiting replaces an older one) or, at exit, in
the calling thread, and reports each result in the GUI thread.

Signals (AutosaveWriter)
------------------------
written(object, int)   a Session was written; the change counter it was captured at
failed(str)            a write failed: why
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from nnviz.core.files.session import save_session
from nnviz.ui.common.tasks import Task

DEFAULT_SECONDS = 30.0  # a crash loses at most this much work (issue 18)
MIN_SECONDS, MAX_MINUTES = 0.2, 24 * 60.0


def state_dir() -> Path:
    """The user's own folder for the lock and the autosave (created when first used).

    ``$NNVIZ_STATE_DIR`` if set; else ``%LOCALAPPDATA%\\nnviz\\state`` on Windows,
    ``~/Library/Application Support/nnviz/state`` on macOS and ``$XDG_STATE_HOME/nnviz``
    (default ``~/.local/state/nnviz``) elsewhere.  Not ``$NNVIZ_DATA_DIR``: a lab may share
    that folder between accounts, and two students would then fight over one lock.
    """
    env = os.environ.get("NNVIZ_STATE_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else Path.home() / "AppData" / "Local") / "nnviz" / "state"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "nnviz" / "state"
    xdg = os.environ.get("XDG_STATE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "nnviz"
    return Path.home() / ".local" / "state" / "nnviz"


def autosave_interval_ms(settings=None) -> int:
    """$NNVIZ_AUTOSAVE_SECONDS, else the setting (at most 30 s), else 30 s."""
    env = os.environ.get("NNVIZ_AUTOSAVE_SECONDS")
    seconds = positive_number(env) if env else None
    if seconds is None:
        if settings is None:
            from nnviz.ui.common.settings import settings as app_settings

            settings = app_settings()
        minutes = positive_number(settings.value("session/autosave_minutes", DEFAULT_SECONDS / 60))
        seconds = DEFAULT_SECONDS if minutes is None else min(60.0 * minutes, DEFAULT_SECONDS)
    seconds = min(max(seconds, MIN_SECONDS), MAX_MINUTES * 60)
    return int(seconds * 1000)


def positive_number(v) -> float | None:
    """``v`` as a finite float > 0, or None."""
    try:
        f = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) and f > 0 else None


def keep_aside(path: Path, label: str) -> Path | None:
    """Rename ``path`` to ``<stem>.<label>-<time><suffix>`` next to it; the new path or None."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        extra = f"-{n}" if n else ""
        target = path.with_name(f"{path.stem}.{label}-{stamp}{extra}{path.suffix}")
        if target.exists():
            continue
        try:
            os.replace(path, target)
        except OSError:
            return None
        return target
    return None


class AutosaveWriter(QObject):
    written = Signal(object, int)
    failed = Signal(str)

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = path
        self._writing: Task | None = None  # the background write in progress
        self._queued = None  # (session, generation) to write once it is done

    @property
    def busy(self) -> bool:
        return self._writing is not None

    def write_later(self, session, generation: int) -> None:
        """Write in a background thread (after the one in progress, if any)."""
        if self._writing is not None:
            self._queued = (session, generation)  # the newest one is written next
            return
        path = self.path
        task = Task(lambda: save_session(path, session), self, expected=(OSError, ValueError))
        task.done.connect(lambda _r, s=session, g=generation: self._on_task_done(s, g))
        task.failed.connect(self._on_task_failed)
        self._writing = task.start()

    def write_now(self, session, generation: int) -> bool:
        """Write in this thread (after waiting for a background write); True if written."""
        self.finish()
        try:
            save_session(self.path, session)
        except Exception as exc:  # noqa: BLE001 - a full disk, a name that is not JSON …
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return False
        self.written.emit(session, generation)
        return True

    def finish(self) -> None:
        """Wait for a background write; a queued one is dropped (the caller writes anew)."""
        task, self._writing = self._writing, None
        self._queued = None
        if task is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # nothing left to disconnect
                task.done.disconnect()
                task.failed.disconnect()
            task.wait()

    def _on_task_done(self, session, generation):
        self._writing = None
        self.written.emit(session, generation)
        self._next()

    def _on_task_failed(self, message):
        self._writing = None
        self.failed.emit(message)
        self._next()

    def _next(self):
        if self._queued is not None:
            queued, self._queued = self._queued, None
            self.write_later(*queued)
