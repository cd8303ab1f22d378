"""The window's work as a :class:`~nnviz.core.session.Session`, and back.

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

from nnviz.core.session import Session
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


def restore(window, session: Session) -> list[str]:
    """Bring back the model's work and the panels; returns notes for the user."""
    notes = saved_work.restore(window.model, session)
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


def _panels(window) -> str:
    save = getattr(window, "saveState", None)
    if save is None:
        return ""
    return base64.b64encode(bytes(save(window.state_version))).decode("ascii")


def _restore_panels(window, text) -> None:
    if not isinstance(text, str) or not text or len(text) > MAX_PANELS_TEXT:
        return
    try:
        state = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return
    window.restoreState(QByteArray(state), window.state_version)  # refuses a foreign state itself
