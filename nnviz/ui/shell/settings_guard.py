"""Settings that cannot run code or stop the app from starting.

PySide6 stores a Python object put in QSettings as a ``PySide::PyObjectWrapper`` variant whose
bytes are a pickle, and unpickles it again when *any* key of that section is read.  A settings
file carrying a ``__reduce__`` payload would therefore run code at start-up.  nnviz never
stores Python objects in its settings, so :func:`install_pickle_guard` primes PySide's
(cached) unpickler for those variants with a function that refuses every pickle: such a value
reads as ``None`` and is reported.  :func:`check_settings` then reads every key once, and a file
that still cannot be read is moved aside (``<name>.bad``) so nnviz starts with defaults.

Before either, :func:`check_settings_files` reads the text of every INI file QSettings would
parse (the user's and the system's) and moves a file aside when Qt could not parse it safely
(:mod:`~nnviz.ui.shell.ini_check`: a value claiming 2^31 list items aborts the process inside
Qt, before any of the above can act; a FIFO blocks the QSettings constructor itself).  A bad
system file, or one that cannot be moved, is skipped for this run instead.  The notes are shown
to the student once the window is up (:func:`show_pending_notes`).

All of this runs in ``create_app`` before anything reads a setting.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDataStream,
    QIODevice,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import QMessageBox

from nnviz.ui.shell.ini_check import MAX_FILE_BYTES, ini_problem

refused: list[str] = []  # one line per refused pickle (for the log / a test)
_lock = threading.Lock()
_installed = False


class SettingsFileNote(NamedTuple):
    """A settings file nnviz did not let Qt read."""

    path: str  # the file
    moved_to: str  # where it is now ('' when it stayed: a system file, or the move failed)
    why: str  # what is wrong with it (English, technical)


pending_notes: list[SettingsFileNote] = []  # shown by show_pending_notes once the window is up


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsGuard", text)


class _Probe:
    """A harmless object whose round trip through QDataStream primes PySide's unpickler."""

    def __reduce__(self):
        return (int, (1,))


def _refuse(data=b"", *args, **kwargs):
    with _lock:
        refused.append(f"{time.strftime('%H:%M:%S')}: a pickled object ({len(data)} bytes) in a "
                       f"Qt setting or stream was refused")
    return None


def install_pickle_guard() -> bool:
    """Make PySide's PyObjectWrapper stream reader refuse pickles; True if it now does."""
    global _installed
    if _installed:
        return True
    buf = QByteArray()
    out = QDataStream(buf, QIODevice.WriteOnly)
    out.writeQVariant(_Probe())
    real = pickle.loads
    pickle.loads = _refuse  # PySide looks the function up once and keeps it
    try:
        QDataStream(buf, QIODevice.ReadOnly).readQVariant()
    except Exception:  # noqa: BLE001 - a PySide that reports instead of calling us
        pass
    finally:
        pickle.loads = real
    n = len(refused)
    try:
        value = QDataStream(buf, QIODevice.ReadOnly).readQVariant()
    except Exception:  # noqa: BLE001
        value = None
    _installed = value is None and len(refused) > n
    with _lock:
        refused.clear()
    return _installed


def check_settings(settings: QSettings) -> str:
    """Read every key once; a file that cannot be read is moved aside. Returns a message."""
    try:
        for key in settings.allKeys():
            settings.value(key)
    except Exception as exc:  # noqa: BLE001 - a damaged or hostile file
        return _quarantine(settings, f"{type(exc).__name__}: {exc}")
    if settings.status() != QSettings.NoError:
        return _quarantine(settings, "the file is not in the settings format")
    if refused:
        keys = []
        for key in settings.allKeys():
            if settings.value(key) is None and settings.contains(key):
                keys.append(key)
        for key in keys:
            settings.remove(key)
        settings.sync()
        return (f"refused {len(refused)} pickled object(s) in the settings "
                f"({', '.join(keys) or '?'}); those settings were reset")
    return ""


def _quarantine(settings: QSettings, why: str) -> str:
    path = Path(settings.fileName())
    if settings.format() != QSettings.IniFormat and not path.is_file():
        settings.clear()  # registry / plist: start again from defaults
        return f"the settings could not be read ({why}); they were reset"
    bad = path.with_name(path.name + ".bad")
    try:
        os.replace(path, bad)
    except OSError:
        settings.clear()
        return f"the settings could not be read ({why}); they were reset"
    return f"the settings could not be read ({why}); moved to {bad}, nnviz starts with defaults"


# -- the files' text, before Qt parses them --------------------------------------------------
def settings_files(org: str, app: str) -> list[tuple[Path, bool]]:
    """(path, is the user's own) of the INI files ``QSettings(org, app)`` reads.

    A QSettings object reads its files when it is *constructed* (a FIFO there blocks forever,
    a huge file is read whole), so the folders are asked of one for a made-up organisation
    that has no files, which still honours ``QSettings.setPath``.  Empty on platforms whose
    native settings are not files (the Windows registry, macOS plists).
    """
    if QSettings.defaultFormat() == QSettings.NativeFormat and sys.platform in ("win32",
                                                                                "darwin"):
        return []
    probe = f"nnviz-settings-path-probe-{os.getpid()}"
    out = []
    for scope, user in ((QSettings.UserScope, True), (QSettings.SystemScope, False)):
        made_up = Path(QSettings(scope, probe, app).fileName())  # <folder>/<probe>/<app><ext>
        folder, ext = made_up.parent.parent, made_up.suffix
        for path in (folder / org / f"{app}{ext}", folder / f"{org}{ext}"):
            if path not in [p for p, _ in out]:
                out.append((path, user))
    return out


def file_problem(path: Path) -> str:
    """'' when the settings file at ``path`` (if any) can be given to Qt, else why not."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return f"it cannot be examined ({exc.strerror or exc})"
    if not stat.S_ISREG(st.st_mode):
        return "it is not a regular file"
    if st.st_size > MAX_FILE_BYTES:  # not read at all
        return f"it is {st.st_size:,} bytes long (a settings file is a few kB)"
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    return ini_problem(data)


def check_settings_files(org: str, app: str) -> list[SettingsFileNote]:
    """Move aside (``<name>.bad``) every settings file of the user's that Qt must not parse.

    A system file (not the user's to move) or a file that cannot be moved is left in place
    and its whole scope is pointed at an empty folder for this run, so Qt reads nothing from
    it.  Returns the notes (also kept in :data:`pending_notes` and written to stderr).
    """
    notes = []
    for path, user in settings_files(org, app):
        why = file_problem(path)
        if not why:
            continue
        moved = ""
        if user:
            bad = path.with_name(path.name + ".bad")
            try:
                os.replace(path, bad)
                moved = str(bad)
            except OSError:
                pass
        if not moved:
            scope = QSettings.UserScope if user else QSettings.SystemScope
            empty = tempfile.mkdtemp(prefix="nnviz-settings-")
            for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
                QSettings.setPath(fmt, scope, empty)
        note = SettingsFileNote(str(path), moved, why)
        text = describe(note)
        sys.stderr.write(f"nnviz: {text}\n")
        notes.append(note)
    pending_notes.extend(notes)
    return notes


def describe(note: SettingsFileNote) -> str:
    """The note in the UI language (English until the translators are installed)."""
    if note.moved_to:
        text = _tr("The settings file {path} could not be used ({why}). It was moved to "
                   "{bad} and nnviz starts with the default settings (language, window "
                   "layout, recent files).")
    else:
        text = _tr("The settings file {path} could not be used ({why}) and could not be "
                   "moved; nnviz ignores it and starts with the default settings.")
    return text.format(path=note.path, why=note.why, bad=note.moved_to)


def show_pending_notes(parent) -> QMessageBox | None:
    """Tell the student (a non-modal box over ``parent``) about settings files set aside."""
    if not pending_notes:
        return None
    text = "\n\n".join(describe(n) for n in pending_notes)
    pending_notes.clear()
    box = QMessageBox(QMessageBox.Warning, _tr("Settings reset"), text, QMessageBox.Ok, parent)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.setModal(False)
    box.show()
    parent._settings_note_box = box  # a Python reference while it is open
    return box
