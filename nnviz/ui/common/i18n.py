"""Translations and fonts: nnviz's, pyqtgraph's and Qt's catalogues, Korean font fallback.

Used by the app's start-up (:mod:`nnviz.ui.shell.app`) and the preview harness alike.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from nnviz.ui.common.settings import APP

# Korean UI fonts by preference; any other family with Korean support comes after them
KOREAN_FONTS = ("Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR", "NanumGothic",
                "NanumBarunGothic", "Apple SD Gothic Neo", "Source Han Sans KR", "UnDotum")
_translators: list[QTranslator] = []  # kept alive for the life of the app
_base_font: QFont | None = None  # the platform's font, before any Korean fallback


def _resources():
    from nnviz.core.lessons.assets import resource_dir

    return resource_dir()


def _lrelease() -> str | None:
    """The lrelease shipped in the PySide6 wheel (absent from frozen installers)."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover
        return None
    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease.exe", "lrelease") if sys.platform == "win32" else ("lrelease",):
        if (folder / name).is_file():
            return str(folder / name)
    return None


def translation_file(lang: str, catalogue: str = "nnviz") -> Path | None:
    """The compiled translation ``<catalogue>_<lang>.qm``, or None; never fails.

    ``catalogue`` is "nnviz" (the app's own strings) or "pyqtgraph" (the plots' right-click
    menus and export dialog, which pyqtgraph passes through ``QCoreApplication.translate``
    but ships no translation for).  A wheel or an installer ships the ``.qm`` (compiled by
    the build).  A checkout has only the ``.ts`` source: it is compiled once with PySide6's
    lrelease into the user's cache folder (the file name carries a hash of the .ts, so an
    edited .ts is recompiled), and a shipped .qm older than its .ts is likewise replaced by a
    fresh cached one.
    """
    try:
        folder = _resources() / "translations"
    except FileNotFoundError:
        return None
    stem = f"{catalogue}_{lang}"
    qm, ts = folder / f"{stem}.qm", folder / f"{stem}.ts"
    try:
        if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
            return qm
        if not ts.is_file():
            return None
        digest = hashlib.sha1(ts.read_bytes()).hexdigest()[:12]
        cache = Path(QStandardPaths.writableLocation(QStandardPaths.CacheLocation)
                     or Path.home() / ".cache" / APP) / "translations"
        cached = cache / f"{stem}-{digest}.qm"
        if cached.is_file():
            return cached
        exe = _lrelease()
        if exe is None:
            return qm if qm.is_file() else None
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob(f"{stem}-*.qm"):
            old.unlink(missing_ok=True)
        tmp = cached.with_suffix(".tmp")
        subprocess.run([exe, "-silent", str(ts), "-qm", str(tmp)], check=True, timeout=60,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL,
                       creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        os.replace(tmp, cached)
        return cached
    except (OSError, subprocess.SubprocessError):
        return qm if qm.is_file() else None


def install_translators(app: QApplication, lang: str) -> list[str]:
    """Use ``lang`` for nnviz's, pyqtgraph's and Qt's own strings (message boxes, file dialogs).

    Replaces the translators installed by an earlier call; sets the default QLocale to the
    language (numbers in spin boxes read the same as in the rest of the app) and makes sure
    Korean text has a font.  Never fails: a missing translation leaves English.  pyqtgraph
    translates its plot menus when it builds them, so this must run before the plots exist
    (main() re-creates the window after a language switch).  The translator installed last
    is asked first: nnviz's wins over pyqtgraph's, which wins over Qt's.
    """
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    QLocale.setDefault(QLocale(QLocale.Korean, QLocale.SouthKorea) if lang == "ko"
                       else QLocale(QLocale.English, QLocale.UnitedStates))
    ensure_korean_font(app, lang)
    loaded = []
    if lang == "en":
        return loaded
    candidates = [("qtbase_" + lang, qt_translation_file(lang)),
                  ("pyqtgraph_" + lang, translation_file(lang, "pyqtgraph")),
                  ("nnviz_" + lang, translation_file(lang))]
    for name, path in candidates:
        if path is None or not path.is_file():
            continue
        tr = QTranslator(app)
        if tr.load(str(path)):
            app.installTranslator(tr)
            _translators.append(tr)
            loaded.append(name)
    return loaded


def qt_translation_file(lang: str) -> Path | None:
    """Qt's own catalogue ``qtbase_<lang>.qm`` (file dialogs, message-box buttons), or None.

    Qt's translations folder first; then the PySide6 package's own folders, where a PyInstaller
    bundle keeps them (``PySide6/Qt/translations``, on Windows ``PySide6/translations``) should
    the bundle's Qt prefix point elsewhere.
    """
    folders = [Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath))]
    try:
        import PySide6

        package = Path(PySide6.__file__).resolve().parent
        folders += [package / "Qt" / "translations", package / "translations"]
    except (ImportError, TypeError):  # pragma: no cover
        pass
    for folder in folders:
        path = folder / f"qtbase_{lang}.qm"
        if path.is_file():
            return path
    return None


def qt_terms() -> tuple[str, ...]:
    """Qt's own texts that ``qtbase_ko`` words differently from the handouts, or lacks.

    nnviz's catalogue is asked before Qt's, so these messages (Qt's contexts, translated in
    nnviz_ko.ts) win: the Discard button of a save question reads "저장 안 함" (qtbase_ko says
    "무시", "ignore"), and the file dialog's "Look in", "Files of type" and "Folder", which
    qtbase_ko has only in their Qt 5 form, are Korean too.  The calls are here so that lupdate
    keeps them.
    """
    translate = QCoreApplication.translate
    return (translate("QPlatformTheme", "Discard"),
            # Qt 6's file dialog strings that qtbase_ko (written for Qt 5) lacks
            translate("QFileDialog", "&Look in:"),
            translate("QFileDialog", "Files of &type:"),
            translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
            translate("QAbstractFileIconProvider", "Drive"))


def korean_font_family(families=None) -> str | None:
    """A font family that has Hangul: a preferred one if installed, else any; None if none."""
    try:
        korean = list(families if families is not None
                      else QFontDatabase.families(QFontDatabase.Korean))
    except Exception:  # noqa: BLE001  (a broken font setup must not stop the app)
        return None
    for name in KOREAN_FONTS:
        if name in korean:
            return name
    plain = [f for f in korean if not any(w in f for w in ("Coding", "Mono", "Myeongjo",
                                                            "Serif", "Pen", "Brush"))]
    return (plain or korean or [None])[0]


def ensure_korean_font(app: QApplication, lang: str) -> str | None:
    """Korean text must not show boxes: if the UI font has no Hangul, add a Korean fallback.

    The platform font stays first (Latin text looks native); only when it lacks the Korean
    writing system is a family with Korean support appended (``QFont.setFamilies``), chosen
    by availability — "Malgun Gothic" on Windows, Noto/Nanum on Linux.  Returns the family
    added, or None (nothing needed, or no Korean font installed).
    """
    global _base_font
    if _base_font is None:
        _base_font = QFont(app.font())
    base = QFont(_base_font)
    try:
        # the family really used ("Sans Serif" is an alias, e.g. for DejaVu Sans): it keeps
        # Latin, the subscripts (x₁) and the math signs; the Korean family only adds Hangul
        primary = QFontInfo(base).family()
        if lang != "ko":
            app.setFont(base)
            return None
        if QFontDatabase.Korean in QFontDatabase.writingSystems(primary):
            # a Korean UI font (fontconfig picks e.g. NanumGothic for a Korean locale) draws
            # the subscripts of x₁ as specks: put a Latin family first, Hangul falls back
            latin = _latin_family(primary)
            if latin:
                base.setFamilies([latin, primary])
            app.setFont(base)
            return None
        family = korean_font_family()
        if family:
            base.setFamilies([primary, family])
        app.setFont(base)
        return family
    except Exception:  # noqa: BLE001
        return None


def _latin_family(exclude: str) -> str | None:
    """An installed sans-serif family for Latin text, digits and subscripts (or None)."""
    available = set(QFontDatabase.families())
    for family in ("DejaVu Sans", "Noto Sans", "Segoe UI", "Arial", "Liberation Sans",
                   "Helvetica"):
        if family in available and family != exclude:
            return family
    return None
