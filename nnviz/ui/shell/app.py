"""The QApplication and ``main()``: names, icon, translators, crash handler, autosave.

Start-up is kept light so the window shows quickly: the lesson files (whose module imports
the Numba trainer), pyqtgraph and datasets are loaded only after the first show event.
Set ``NNVIZ_STARTUP_PROBE=1`` to print the time of the first show (and of the first lesson
being ready) and quit — ``scripts/measure-startup.py`` uses it.

What the window shows once the lessons are loaded (:func:`after_startup`): a lesson or file
named on the command line (``nnviz perceptron-and``, ``nnviz lesson-file``), else on the first
start (no "lesson/last" in the settings) the first lesson with the lesson map over it, else
the last lesson (the window reopens it by itself).
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from nnviz.ui.common.i18n import install_translators
from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.common.settings import APP, ORG, settings, ui_language
from nnviz.ui.common.wheel_guard import install_wheel_guard

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ``app.exec()`` returns this when the window asks to be re-created (language switch)
RESTART_EXIT_CODE = 0x6E6E
_kernel_warmer: list = []  # the background kernel warm-up (at most one)


def _resources():
    from nnviz.core.lessons.assets import resource_dir

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
        _use_language(app, lang)
    return app


def _use_language(app: QApplication, lang: str) -> None:
    """Translators and fonts for ``lang``, then the stored interface scale (View → Text size)
    on the new font."""
    install_translators(app, lang)
    app._nnviz_language = lang
    interface_scale().apply_to_application_font()


def _tr(text: str) -> str:
    return QCoreApplication.translate("StartUp", text)


def is_first_start() -> bool:
    """No lesson was ever opened with these settings (the window stores "lesson/last")."""
    return not settings().contains("lesson/last")


def after_startup(win, first_start: bool, start=None, sessions=None) -> None:
    """Once the lessons are loaded: open ``start`` (a :class:`nnviz.__main__.StartTarget`
    from the command line) or, on the first start, the first lesson under the lesson map."""
    from nnviz.ui.panels.lesson_map import show_lesson_map

    opened = False
    if start is not None and start.kind == "lesson":
        try:
            win.open_lesson(start.value)
            opened = True
        except KeyError:  # the lesson's file went away since the command line was read
            _say_unknown_lesson(win, start.value)
    elif start is not None and start.kind == "file":
        opened = bool(win.open_file(start.value))  # says itself why a file cannot be opened
    elif start is not None and start.kind == "unknown-lesson":
        _say_unknown_lesson(win, start.value)
    elif start is not None:  # "missing-file": a path that names no file
        QMessageBox.warning(win, _tr("Cannot open"),
                            _tr("There is no file {path}.").format(path=start.value))
    if opened or not first_start:
        return
    if win.model.presets and (win.model.preset is None
                              or win.model.preset.id != win.model.presets[0].id):
        win.open_lesson(win.model.presets[0].id)  # the map is shown over the first lesson
        if sessions is not None:
            sessions.mark_saved()  # as at start-up: opening a lesson is not work to autosave
    show_lesson_map(win)


def _say_unknown_lesson(win, name: str) -> None:
    ids = ", ".join(p.id for p in win.model.presets)
    box = QMessageBox(QMessageBox.Warning, _tr("No such lesson"), _tr(
        "There is no lesson called “{name}”.").format(name=name), QMessageBox.Ok, win)
    box.setInformativeText(_tr("The lessons are: {ids}").format(ids=ids))
    box.exec()


def main(argv=None, prepare=None, start=None) -> int:
    """Open the main window and run the event loop.

    ``prepare(window, autosave_manager)``, if given, runs once both exist and before the window
    shows (the test launcher ``tests/ui/hooked_app.py`` drives the app through it). ``start``
    (a :class:`nnviz.__main__.StartTarget`) is the lesson or file named on the command line.
    """
    t0 = time.perf_counter()
    probe = os.environ.get("NNVIZ_STARTUP_PROBE") == "1"
    app = create_app(sys.argv[:1] if argv is None else [sys.argv[0], *argv])
    from nnviz.ui.shell import crash
    from nnviz.ui.shell.autosave import AutosaveManager
    from nnviz.ui.shell.main_window import MainWindow

    crash.install()  # an uncaught exception: a dialog and the log, the app goes on
    first_start = is_first_start()  # read before the window stores its first lesson
    win = MainWindow()
    sessions = AutosaveManager(parent=app)  # autosave, crash recovery, unsaved-work question
    sessions.attach(win)
    if not probe:
        sessions.start()
        # kernels loaded from the caches (compiled if none matches) off the GUI thread once the
        # first lesson is on screen: the first training step does not wait for them
        win.startup_finished.connect(lambda: _warm_kernels(win))
        # after the autosave manager's restore offer (connected by attach above)
        win.startup_finished.connect(lambda: after_startup(win, first_start, start, sessions))
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
        _use_language(app, ui_language())
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
