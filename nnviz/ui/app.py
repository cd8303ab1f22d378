"""The QApplication: names for QSettings, icon, translators, and ``main()``.

Start-up is kept light so the window shows quickly: the lesson files (whose module imports
the Numba trainer), pyqtgraph and datasets are loaded only after the first show event.
Set ``NNVIZ_STARTUP_PROBE=1`` to print the time of the first show (and of the first lesson
being ready) and quit — ``scripts/measure-startup.py`` uses it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QStandardPaths, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QIcon
from PySide6.QtWidgets import QApplication

ORG = "nnviz"
APP = "nnviz"
LANGUAGES = {"en": "English", "ko": "한국어"}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ``app.exec()`` returns this when the window asks to be re-created (language switch)
RESTART_EXIT_CODE = 0x6E6E
#: Korean UI fonts by preference; any other family with Korean support comes after them
KOREAN_FONTS = ("Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR", "NanumGothic",
                "NanumBarunGothic", "Apple SD Gothic Neo", "Source Han Sans KR", "UnDotum")
_translators: list[QTranslator] = []  # kept alive for the life of the app
_base_font: QFont | None = None  # the platform's font, before any Korean fallback
_kernel_warmer: list = []  # the background kernel warm-up (at most one)


def settings() -> QSettings:
    """The app's settings (org "nnviz", app "nnviz")."""
    return QSettings(ORG, APP)


def ui_language() -> str:
    """"ko" or "en": the saved choice, else the system locale."""
    value = settings().value("ui/language", "")
    if isinstance(value, str) and value in LANGUAGES:  # a damaged setting: the default
        return str(value)
    return "ko" if QLocale.system().language() == QLocale.Korean else "en"


def set_ui_language(lang: str) -> None:
    """Store the language; it applies at the next start."""
    if lang not in LANGUAGES:
        raise ValueError(lang)
    s = settings()
    s.setValue("ui/language", lang)
    s.sync()


def _resources():
    from nnviz.core.assets import resource_dir

    return resource_dir()


def app_icon() -> QIcon:
    icon = QIcon()
    try:
        folder = _resources() / "icons"
    except FileNotFoundError:
        return icon
    for size in ICON_SIZES:
        p = folder / f"nnviz-{size}.png"
        if p.is_file():
            icon.addFile(str(p))
    return icon


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
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath))
    candidates = [("qtbase_" + lang, qt_dir / f"qtbase_{lang}.qm"),
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


def create_app(argv=None) -> QApplication:
    """The QApplication (the existing one if any), named, with icon and translators."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName("nnviz")
    app.setDesktopFileName("nnviz")
    app.setWindowIcon(app_icon())
    from nnviz.ui.crash import protect_settings
    from nnviz.ui.settings_guard import check_settings_files

    check_settings_files(ORG, APP)  # the files' text, before Qt parses them (issue 14)
    protect_settings(settings())  # before anything reads a setting (issue 8)
    lang = ui_language()
    if getattr(app, "_nnviz_language", None) != lang:
        install_translators(app, lang)
        app._nnviz_language = lang
    return app


def main(argv=None) -> int:
    """Open the main window and run the event loop."""
    t0 = time.perf_counter()
    probe = os.environ.get("NNVIZ_STARTUP_PROBE") == "1"
    app = create_app(sys.argv[:1] if argv is None else [sys.argv[0], *argv])
    from nnviz.ui import crash
    from nnviz.ui.main_window import MainWindow
    from nnviz.ui.session import SessionManager

    crash.install()  # an uncaught exception: a dialog and the log, the app goes on
    win = MainWindow()
    sessions = SessionManager(parent=app)  # autosave, crash recovery, unsaved-work question
    sessions.attach(win)
    if not probe:
        sessions.start()
        # kernels loaded from the caches (compiled if none matches) off the GUI thread once the
        # first lesson is on screen: the first training step does not wait for them
        win.startup_finished.connect(lambda: _warm_kernels(win))
    win.can_restart = True
    win.restart_requested.connect(lambda: app.exit(RESTART_EXIT_CODE))
    if probe:
        def _shown():
            print(f"NNVIZ_SHOWN {time.time():.6f} {time.perf_counter() - t0:.3f}", flush=True)

        def _ready():
            print(f"NNVIZ_READY {time.time():.6f} {time.perf_counter() - t0:.3f}", flush=True)
            app.quit()

        win.first_shown.connect(_shown)
        win.startup_finished.connect(_ready)
    win.show()
    from nnviz.ui.settings_guard import show_pending_notes

    show_pending_notes(win)  # a settings file set aside at start-up: say so
    code = app.exec()
    while code == RESTART_EXIT_CODE:  # View → Language: a new window in the new language
        app.setQuitOnLastWindowClosed(False)
        win.close()
        win.deleteLater()
        lang = ui_language()
        install_translators(app, lang)
        app._nnviz_language = lang
        win = MainWindow()
        win.can_restart = True
        win.restart_requested.connect(lambda: app.exit(RESTART_EXIT_CODE))
        sessions.attach(win)
        win.show()
        app.setQuitOnLastWindowClosed(True)
        code = app.exec()
    sessions.release()  # a clean exit: no restore offer next time
    for warm in _kernel_warmer:
        warm.stop(timeout=60)  # after the compile under way: seconds
    return code


def _warm_kernels(win) -> None:
    if not _kernel_warmer:
        from nnviz.core.precompile import BackgroundWarmUp

        _kernel_warmer.append(BackgroundWarmUp().start())
    warm = _kernel_warmer[0]
    # while the student trains, the training has the CPU (it compiles what it needs itself)
    win.c.training.busy_changed.connect(lambda busy: warm.pause() if busy else warm.resume())


if __name__ == "__main__":
    sys.exit(main())
