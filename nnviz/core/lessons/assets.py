"""Where the app's runtime files (presets, translations, icons) are.

Installed from a wheel they are the package ``nnviz.resources`` (the repository's top-level
``resources/`` folder, mapped in pyproject.toml); in a PyInstaller bundle they are under
``sys._MEIPASS/nnviz/resources``; run from a checkout they are ``<repo>/resources``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nnviz


def resource_dir() -> Path:
    """The folder holding presets/, translations/, icons/."""
    installed = Path(nnviz.__file__).resolve().parent / "resources"
    if (installed / "presets").is_dir():
        return installed
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass and (Path(meipass) / "nnviz" / "resources" / "presets").is_dir():
        return Path(meipass) / "nnviz" / "resources"
    checkout = Path(__file__).resolve().parents[3] / "resources"
    if (checkout / "presets").is_dir():
        return checkout
    raise FileNotFoundError("nnviz resources (presets, translations) are missing from this "
                            "installation; reinstall nnviz")
