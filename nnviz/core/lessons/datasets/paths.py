"""Where nnviz keeps data sets: the per-user data folder and the bundled copy."""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["bundled_data_dir", "user_data_dir"]


def user_data_dir() -> Path:
    """Return the per-user folder for downloaded data sets.

    Returns
    -------
    pathlib.Path
        ``$NNVIZ_DATA_DIR`` if set; else ``%LOCALAPPDATA%\\nnviz`` on Windows,
        ``~/Library/Application Support/nnviz`` on macOS and
        ``$XDG_DATA_HOME/nnviz`` (default ``~/.local/share/nnviz``) elsewhere.
        The folder is not created.
    """
    env = os.environ.get("NNVIZ_DATA_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else Path.home() / "AppData" / "Local") / "nnviz"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "nnviz"
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "nnviz"
    return Path.home() / ".local" / "share" / "nnviz"


def bundled_data_dir() -> Path:
    """Return the folder of data shipped with the application.

    Returns
    -------
    pathlib.Path
        ``$NNVIZ_BUNDLED_DATA`` if set; else ``<sys._MEIPASS>/data`` when
        frozen by PyInstaller; else the ``nnviz/data`` folder of the package.
    """
    env = os.environ.get("NNVIZ_BUNDLED_DATA")
    if env:
        return Path(env).expanduser()
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        return Path(meipass) / "data"
    # nnviz/core/lessons/datasets/paths.py -> nnviz/data
    return Path(__file__).resolve().parents[3] / "data"
