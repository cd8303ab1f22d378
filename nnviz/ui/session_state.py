"""The window's work as a :class:`~nnviz.core.session.Session`, and back.

:func:`capture` takes the lesson, network, weights, hyper-parameters, the curves' history and
every run setting the student chose (refresh rate, stop at epoch / accuracy, speed, the
selected sample, which panels are open and where); :func:`restore` brings all of it back.
The autosave (:mod:`nnviz.ui.session`) and File → Open of a session use them.
"""

from __future__ import annotations

import base64
import binascii
import math

import numpy as np
from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtWidgets import QMessageBox

from nnviz.core.history import EvalHistory
from nnviz.core.session import Session, history_from_evals
from nnviz.ui.guards import clean_network

#: run settings of the TrainingSession kept in a session's ``ui`` dict
UI_KEYS = ("play_unit", "every", "delay", "until_epoch", "until_accuracy")
PANELS_KEY = "panels"  # base64 of QMainWindow.saveState: the docks, open or closed, and sizes
MAX_PANELS_TEXT = 256 * 1024


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionManager", text)


def capture(window, checkpoint=None) -> Session | None:
    """The window's current work as a Session (None when no network is shown).

    ``checkpoint`` (params, epoch, samples_seen) taken from the trainer between two steps
    replaces the weights and counters on screen, which lag behind at a slow refresh rate.
    """
    c, s = window.c, window.c.training
    if c.network is None:
        return None
    net = clean_network(c.network)
    params, epoch, seen = net.params, s.epoch, s.samples_seen
    if checkpoint is not None and np.shape(checkpoint[0]) == params.shape:
        params, epoch, seen = checkpoint
    history, names = history_from_evals(s.evals)
    ui = {"sample_index": int(c.sample_index), "file": c.file_path}
    for key in UI_KEYS:
        v = getattr(s, key, None)
        if v is None or isinstance(v, str | int | float | bool):
            ui[key] = v if not isinstance(v, float) or math.isfinite(v) else None
    panels = _panels(window)
    if panels:
        ui[PANELS_KEY] = panels
    return Session(lesson=c.preset.id if c.preset is not None else "",
                   network=net.spec, params=np.array(params, dtype=np.float64),
                   train=s.spec, history=history, epoch=int(epoch),
                   samples_seen=int(seen), ui=ui, history_fields=names)


def _panels(window) -> str:
    from nnviz.ui.main_window import STATE_VERSION

    save = getattr(window, "saveState", None)
    if save is None:
        return ""
    return base64.b64encode(bytes(save(STATE_VERSION))).decode("ascii")


def _restore_panels(window, text) -> None:
    from nnviz.ui.main_window import STATE_VERSION

    if not isinstance(text, str) or not text or len(text) > MAX_PANELS_TEXT:
        return
    try:
        state = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return
    window.restoreState(QByteArray(state), STATE_VERSION)  # refuses a foreign state itself


def restore(window, session: Session) -> list[str]:
    """Bring back the lesson, weights, hyper-parameters, curves and run settings; returns notes
    for the user."""
    c, s = window.c, window.c.training
    notes = []
    net = clean_network(session.build_network())  # validated; built before anything changes
    if session.lesson:
        if not c.presets:
            c.load_lessons()
        try:
            c.set_preset(session.lesson)
        except KeyError:
            notes.append(_tr("The lesson {id} no longer exists; only the network was restored.")
                         .format(id=session.lesson))
    if c.preset is not None and net.spec.inputs != getattr(c.network, "spec", net.spec).inputs:
        notes.append(_tr("The saved network does not fit this lesson's data."))
    c.replace_network(net)
    if session.train is not None and s.spec is not None:
        s.spec = session.train
    _restore_run_settings(s, session.ui)
    s.hyper_changed.emit()  # the hyper-parameter panel and the run bar show what was restored
    i = session.ui.get("sample_index", -1)
    if isinstance(i, int) and c.samples is not None and 0 <= i < len(c.samples):
        c.select_sample(i)
    if hasattr(window, "restoreState"):
        _restore_panels(window, session.ui.get(PANELS_KEY))
    evals = session.evals()
    s.evals = EvalHistory(evals)
    s.epoch, s.samples_seen = session.epoch, session.samples_seen
    s.resume_counters = (session.epoch, session.samples_seen)  # applied to the next trainer
    snap = _snapshot(session, net, s, evals)
    s.last = snap
    s.snapshot_shown.emit(snap)  # curves, counters and the canvas follow
    c.status.emit(_tr("Restored: epoch {e}, {n} samples, {k} points on the curves").format(
        e=session.epoch, n=session.samples_seen, k=len(evals)))
    return notes


def _restore_run_settings(s, ui: dict) -> None:
    for key in UI_KEYS:
        if key not in ui:
            continue
        v = ui[key]
        if key == "play_unit" and v in ("sample", "batch", "epoch"):
            s.play_unit = v
        elif key == "every" and isinstance(v, int) and not isinstance(v, bool):
            s.every = max(0, v)
        elif key == "delay" and isinstance(v, int | float) and 0 <= v <= 10:
            s.delay = float(v)
        elif key == "until_epoch" and (v is None or isinstance(v, int) and v > 0):
            s.until_epoch = v
        elif key == "until_accuracy" and (v is None or isinstance(v, float) and 0 < v <= 1):
            s.until_accuracy = v


def _snapshot(session, net, s, evals):
    from nnviz.core.trainer import Snapshot

    lr = session.train.lr if session.train is not None else math.nan
    return Snapshot(status="stopped", message="", epoch=session.epoch,
                    samples_seen=session.samples_seen, updates=0, epoch_position=0,
                    params=net.params.copy(), lr=lr, train_loss=math.nan, train_acc=math.nan,
                    evals=tuple(evals), grad_norms=(), detail=None, seconds=0.0)


def apply_resume_counters(session_obj, trainer) -> None:
    """A trainer built after a restore continues the restored run's epoch and sample count."""
    counters = getattr(session_obj, "resume_counters", None)
    if not counters:
        return
    session_obj.resume_counters = None
    epoch, seen = counters
    trainer.epoch, trainer.samples_seen = int(epoch), int(seen)
    make_order = getattr(trainer, "_make_order", None)
    if make_order is not None:  # a shuffled run: the restored epoch's order
        trainer._order = make_order(trainer.epoch)


def open_session(window, session: Session) -> bool:
    """File → Open of a session already read: ask about unsaved work, then restore it."""
    guard = getattr(window, "unsaved_guard", None)
    if guard is not None and not guard():
        return False
    notes = restore(window, session)
    if notes:
        QMessageBox.information(window, _tr("Session opened"), "\n".join(notes))
    return True
