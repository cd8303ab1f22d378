"""The QApplication and ``main()``: names, icon, translators, crash handler, autosave.

Start-up is kept light so the window shows quickly: the lesson files (whose module imports
the Numba trainer), pyqtgraph and datasets are loaded only after the first show event.
Set ``NNVIZ_STARTUP_PROBE=1`` to print the time of the first show (and of the first lesson
being ready) and quit — ``scripts/measure-startup.py`` uses it.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from nnviz.ui.common.i18n import install_translators
from nnviz.ui.common.settings import APP, ORG, settings, ui_language
from nnviz.ui.common.wheel_guard import install_wheel_guard

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ``app.exec()`` returns this when the window asks to be re-created (language switch)
RESTART_EXIT_CODE = 0x6E6E
_kernel_warmer: list = []  # the background kernel warm-up (at most one)


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
    install_wheel_guard(app)  # the wheel scrolls panels, not unfocused spin/combo boxes (H4)
    from nnviz.ui.shell.crash import protect_settings
    from nnviz.ui.shell.settings_guard import check_settings_files

    check_settings_files(ORG, APP)  # the files' text, before Qt parses them (issue 14)
    protect_settings(settings())  # before anything reads a setting (issue 8)
    lang = ui_language()
    if getattr(app, "_nnviz_language", None) != lang:
        install_translators(app, lang)
        app._nnviz_language = lang
    return app


def main(argv=None, prepare=None) -> int:
    """Open the main window and run the event loop.

    ``prepare(window, autosave_manager)``, if given, runs once both exist and before the window
    shows (the test launcher ``tests/ui/hooked_app.py`` drives the app through it).
    """
    t0 = time.perf_counter()
    probe = os.environ.get("NNVIZ_STARTUP_PROBE") == "1"
    app = create_app(sys.argv[:1] if argv is None else [sys.argv[0], *argv])
    from nnviz.ui.shell import crash
    from nnviz.ui.shell.autosave import AutosaveManager
    from nnviz.ui.shell.main_window import MainWindow

    crash.install()  # an uncaught exception: a dialog and the log, the app goes on
    win = MainWindow()
    sessions = AutosaveManager(parent=app)  # autosave, crash recovery, unsaved-work question
    sessions.attach(win)
    if not probe:
        sessions.start()
        # kernels loaded from the caches (compiled if none matches) off the GUI thread once the
        # first lesson is on screen: the first training step does not wait for them
        win.startup_finished.connect(lambda: _warm_kernels(win))
    win.can_restart = True
    win.restart_requested.connect(lambda: app.exit(RESTART_EXIT_CODE))
    if prepare is not None:
        prepare(win, sessions)
    if probe:
        def _shown():
            print(f"NNVIZ_SHOWN {time.time():.6f} {time.perf_counter() - t0:.3f}", flush=True)

        def _ready():
            print(f"NNVIZ_READY {time.time():.6f} {time.perf_counter() - t0:.3f}", flush=True)
            app.quit()

        win.first_shown.connect(_shown)
        win.startup_finished.connect(_ready)
    win.show()
    from nnviz.ui.shell.settings_guard import show_pending_notes

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
    win.model.run.busy_changed.connect(lambda busy: warm.pause() if busy else warm.resume())


if __name__ == "__main__":
    sys.exit(main())
