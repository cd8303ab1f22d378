"""Settings that cannot run code or stop the app from starting.

PySide6 stores a Python object put in QSettings as a ``PySide::PyObjectWrapper`` variant whose
bytes are a pickle, and unpickles it again when *any* key of that section is read.  A settings
file carrying a ``__reduce__`` payload would therefore run code at start-up.  nnviz never
stores Python objects in its settings, so :func:`install_pickle_guard` primes PySide's
(cached) unpickler for those variants with a function that refuses every pickle: such a value
reads as ``None`` and is reported.  :func:`check_settings` then reads every key once, and a file
that still cannot be read is moved aside (``<name>.bad``) so nnviz starts with defaults.

Both steps run in ``create_app`` before anything reads a setting.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QSettings

refused: list[str] = []  # one line per refused pickle (for the log / a test)
_lock = threading.Lock()
_installed = False


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
