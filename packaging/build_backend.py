"""PEP 517 build backend: setuptools, plus the compiled translations.

``pyproject.toml`` names this module (``backend-path = ["packaging"]``).  Before a wheel or an
editable install is built, every ``resources/translations/*.ts`` (Qt Linguist source) is
compiled with ``lrelease`` into the ``.qm`` next to it, which the package data then ships as
``nnviz/resources/translations/nnviz_<lang>.qm``.  The ``.qm`` files are build products:
never committed (``.gitignore``), never edited by hand.

``lrelease`` comes from the PySide6-Essentials wheel in the build requirements; a
``pyside6-lrelease`` or ``lrelease`` on PATH is used if the wheel's is missing.  A ``.ts`` that
does not compile fails the build: an installed nnviz without its Korean UI would be a bug.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F403  (re-export the whole PEP 517/660 API)

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"


def lrelease() -> list[str]:
    """The lrelease command: PySide6's own binary first."""
    try:
        import PySide6

        folder = Path(PySide6.__file__).resolve().parent
        for name in ("lrelease.exe", "lrelease") if sys.platform == "win32" else ("lrelease",):
            if (folder / name).is_file():
                return [str(folder / name)]
    except ImportError:
        pass
    for name in ("pyside6-lrelease", "lrelease"):
        exe = shutil.which(name)
        if exe:
            return [exe]
    raise RuntimeError("build_backend: lrelease not found; the build requirements must include "
                       "PySide6-Essentials (pyproject.toml [build-system] requires)")


def compile_translations() -> list[Path]:
    """Compile every .ts into its .qm (skipped when the .qm is newer); returns the .qm files."""
    out = []
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            tmp = qm.with_suffix(".qm.tmp")
            subprocess.run([*lrelease(), "-silent", str(ts), "-qm", str(tmp)], check=True)
            os.replace(tmp, qm)
        out.append(qm)
    return out


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    compile_translations()
    return _orig.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    compile_translations()
    return _orig.build_editable(wheel_directory, config_settings, metadata_directory)


def get_requires_for_build_wheel(config_settings=None):
    return _orig.get_requires_for_build_wheel(config_settings)
