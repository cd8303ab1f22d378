"""The window's work as a :class:`~nnviz.core.files.session.Session`, and back.

The lesson model's part (lesson, network, weights, hyper-parameters, curves, run settings, the
selected sample) is :mod:`nnviz.ui.model.saved_work`; this module adds the window's part: which
panels are open and where (``QMainWindow.saveState``).  The autosave
(:mod:`nnviz.ui.shell.autosave`) and File → Open of a session use :func:`capture` and
:func:`restore`.
"""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtWidgets import QMessageBox

from nnviz.core.files.session import Session
from nnviz.ui.model import saved_work

PANELS_KEY = "panels"  # base64 of QMainWindow.saveState: the docks, open or closed, and sizes
MAX_PANELS_TEXT = 256 * 1024


def _tr(text: str) -> str:
    return QCoreApplication.translate("AutosaveManager", text)


def capture(window, checkpoint=None) -> Session | None:
    """The window's current work as a Session (None when no network is shown).

    ``checkpoint`` (params, epoch, samples_seen) taken from the trainer between two steps
    replaces the weights and counters on screen, which lag behind at a slow refresh rate.
    """
    session = saved_work.capture(window.model, checkpoint)
    if session is not None:
        panels = _panels(window)
        if panels:
            session.ui[PANELS_KEY] = panels
    return session


def restore(window, session: Session, guide=None) -> list[str]:
    """Bring back the model's work and the panels; returns notes for the user.

    ``guide``: a lesson file's own guide."""
    notes = saved_work.restore(window.model, session, guide)
    if hasattr(window, "restoreState"):
        _restore_panels(window, session.ui.get(PANELS_KEY))
    return notes


def open_session(window, session: Session) -> bool:
    """File → Open of a session already read: ask about unsaved work, then restore it."""
    guard = getattr(window, "unsaved_guard", None)
    if guard is not None and not guard():
        return False
    notes = restore(window, session)
    if notes:
        QMessageBox.information(window, _tr("Session opened"), "\n".join(notes))
    return True


def capture_lesson(window):
    """The window's lesson as a :class:`~nnviz.core.files.lesson_file.LessonFile` (None: no
    network).

    Holds the session (network, weights, hyper-parameters, curves, run settings, sample shown,
    panels and layout), the lesson's data choice and the guide an instructor attached.
    """
    from nnviz.core.files.lesson_file import LessonFile

    session = capture(window)
    if session is None:
        return None
    preset = window.model.preset
    data = dict(preset.data) if preset is not None else {}
    return LessonFile(session, data, window.model.lesson_guide)


def lesson_does_not_fit(window, lesson) -> str:
    """Why ``lesson`` cannot be opened here ('' when it can): its lesson, its guide."""
    from nnviz.core.guides import GuideError, validate_for_lesson

    if not lesson.preset:
        return ""
    try:
        preset = window.model.preset_by_id(lesson.preset)
    except KeyError:
        return _tr("The lesson {id} does not exist in this nnviz.").format(id=lesson.preset)
    if lesson.guide is not None:
        try:
            validate_for_lesson(lesson.guide, preset)
        except GuideError as exc:
            return _tr("Its guide does not fit the lesson: {e}").format(e=exc)
    return ""


def open_lesson(window, lesson, name: str) -> bool:
    """File → Open of a lesson file already read: check it fits, ask about unsaved work, then
    show it (False, with the reason, and nothing changed when it cannot be opened)."""
    why = lesson_does_not_fit(window, lesson)
    if why:
        QMessageBox.warning(window, _tr("Cannot open the lesson"),
                            _tr("{name} cannot be opened: {why}").format(name=name, why=why))
        return False
    guard = getattr(window, "unsaved_guard", None)
    if guard is not None and not guard():
        return False
    notes = restore(window, lesson.session, lesson.guide)
    window.model.status_posted.emit(_tr("Opened the lesson {name}").format(name=name))
    if notes:
        QMessageBox.information(window, _tr("Lesson opened"), "\n".join(notes))
    return True


def _panels(window) -> str:
    presentation = getattr(window, "presentation", None)
    if presentation is not None:  # while presenting: the workspace from before, not its docks
        state = presentation.workspace_state()
    else:
        save = getattr(window, "saveState", None)
        if save is None:
            return ""
        state = save(window.state_version)
    return base64.b64encode(bytes(state)).decode("ascii")


def _restore_panels(window, text) -> None:
    if not isinstance(text, str) or not text or len(text) > MAX_PANELS_TEXT:
        return
    try:
        state = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return
    window.restoreState(QByteArray(state), window.state_version)  # refuses a foreign state itself
