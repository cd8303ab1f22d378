"""The QApplication: names for QSettings, icon, translators, and ``main()``.

Start-up is kept light so the window shows quickly: the lesson files (whose module imports
the Numba trainer), pyqtgraph and datasets are loaded only after the first show event.
Set ``NNVIZ_STARTUP_PROBE=1`` to print the time of the first show (and of the first lesson
being ready) and quit — ``scripts/measure-startup.py`` uses it.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

ORG = "nnviz"
APP = "nnviz"
LANGUAGES = {"en": "English", "ko": "한국어"}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
_translators: list[QTranslator] = []  # kept alive for the life of the app


def settings() -> QSettings:
    """The app's settings (org "nnviz", app "nnviz")."""
    return QSettings(ORG, APP)


def ui_language() -> str:
    """"ko" or "en": the saved choice, else the system locale."""
    value = settings().value("ui/language", "")
    if value in LANGUAGES:
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


def install_translators(app: QApplication, lang: str) -> list[str]:
    """Load Qt's own and nnviz's translations for ``lang`` if present; never fails."""
    loaded = []
    if lang == "en":
        return loaded
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    candidates = [("qtbase_" + lang, qt_dir)]
    try:
        candidates.append(("nnviz_" + lang, str(_resources() / "translations")))
    except FileNotFoundError:
        pass
    for name, folder in candidates:
        tr = QTranslator(app)
        if tr.load(name, folder):
            app.installTranslator(tr)
            _translators.append(tr)
            loaded.append(name)
    return loaded


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
    lang = ui_language()
    if not getattr(app, "_nnviz_translators", False):
        install_translators(app, lang)
        app._nnviz_translators = True
    return app


def main(argv=None) -> int:
    """Open the main window and run the event loop."""
    t0 = time.perf_counter()
    probe = os.environ.get("NNVIZ_STARTUP_PROBE") == "1"
    app = create_app(sys.argv[:1] if argv is None else [sys.argv[0], *argv])
    from nnviz.ui.main_window import MainWindow

    win = MainWindow()
    if probe:
        def _shown():
            print(f"NNVIZ_SHOWN {time.time():.6f} {time.perf_counter() - t0:.3f}", flush=True)

        def _ready():
            print(f"NNVIZ_READY {time.time():.6f} {time.perf_counter() - t0:.3f}", flush=True)
            app.quit()

        win.first_shown.connect(_shown)
        win.startup_finished.connect(_ready)
    win.show()
    code = app.exec()
    return code


if __name__ == "__main__":
    sys.exit(main())
