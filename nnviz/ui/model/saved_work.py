"""The model's work as a :class:`~nnviz.core.files.session.Session` and back (autosave, File →
Open).

:func:`capture` reads the model's public state; :func:`restore` is one model operation: the
lesson with the saved network (:meth:`LessonModel.enter_lesson`), then the run's progress
(:meth:`TrainingRun.restore_progress`), then the sample shown.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication

from nnviz.core.files.session import Session, history_from_evals
from nnviz.ui.model.spec_checks import clean_network
from nnviz.ui.model.training_run import RUN_SETTINGS


def _tr(text: str) -> str:
    return QCoreApplication.translate("SavedWork", text)


def capture(model: Any, checkpoint: Any = None) -> Session | None:
    """The model's current work as a Session (None when no network is shown).

    ``checkpoint`` (params, epoch, samples_seen) taken from the trainer between two steps
    replaces the weights and counters on screen, which lag behind at a slow refresh rate.
    """
    run, net = model.run, model.network
    if net is None:
        return None
    net = clean_network(net)  # a NaN name from a model file must not stop every autosave
    params, epoch, seen = net.params, run.epoch, run.samples_seen
    if checkpoint is not None and np.shape(checkpoint[0]) == params.shape:
        params, epoch, seen = checkpoint
    history, names = history_from_evals(run.evals)
    ui: dict[str, Any] = {"sample_index": int(model.sample_index), "file": model.file_path}
    for key in RUN_SETTINGS:
        v = getattr(run, key, None)
        if v is None or isinstance(v, str | int | float | bool):
            ui[key] = v if not isinstance(v, float) or math.isfinite(v) else None
    return Session(lesson=model.preset.id if model.preset is not None else "",
                   network=net.spec, params=np.array(params, dtype=np.float64),
                   train=run.spec, history=history, epoch=int(epoch),
                   samples_seen=int(seen), ui=ui, history_fields=names)


def _run_settings(ui: dict) -> dict:
    """The saved run settings that are valid (a damaged value keeps the lesson's)."""
    out: dict[str, Any] = {}
    for key in RUN_SETTINGS:
        if key not in ui:
            continue
        v = ui[key]
        if key == "play_unit" and v in ("sample", "batch", "epoch"):
            out[key] = v
        elif key == "every" and isinstance(v, int) and not isinstance(v, bool):
            out[key] = max(0, v)
        elif key == "delay" and isinstance(v, int | float) and 0 <= v <= 10:
            out[key] = float(v)
        elif key == "until_epoch" and (v is None or isinstance(v, int) and v > 0):
            out[key] = v
        elif key == "until_accuracy" and (v is None or isinstance(v, float) and 0 < v <= 1):
            out[key] = v
    return out


def restore(model: Any, session: Session, guide: Any = None) -> list[str]:
    """Bring back the lesson, weights, hyper-parameters and curves; returns notes for the user.

    ``guide``: a lesson file's own guide (it replaces the lesson's shipped one)."""
    notes = []
    net = clean_network(session.build_network())  # validated; built before anything changes
    preset = model.preset
    if session.lesson:
        try:
            preset = model.preset_by_id(session.lesson)
        except KeyError:
            notes.append(_tr("The lesson {id} no longer exists; only the network was restored.")
                         .format(id=session.lesson))
    if preset is not None and net.spec.inputs != preset.network.inputs:
        notes.append(_tr("The saved network does not fit this lesson's data."))
    model.enter_lesson(preset, net.astype("float64"), guide=guide)  # unsaved work: no file name
    i = session.ui.get("sample_index", -1)
    if isinstance(i, int) and model.samples is not None and 0 <= i < len(model.samples):
        model.select_sample(i)
    evals = session.evals()
    model.run.restore_progress(session.train, evals, session.epoch, session.samples_seen,
                               _run_settings(session.ui), _snapshot(session, net, evals))
    model.status_posted.emit(
        _tr("Restored: epoch {e}, {n} samples, {k} points on the curves").format(
            e=session.epoch, n=session.samples_seen, k=len(evals)))
    return notes


def _snapshot(session: Session, net: Any, evals: list) -> Any:
    from nnviz.core.train.trainer import Snapshot

    lr = session.train.lr if session.train is not None else math.nan
    return Snapshot(status="stopped", message="", epoch=session.epoch,
                    samples_seen=session.samples_seen, updates=0, epoch_position=0,
                    params=net.params.copy(), lr=lr, train_loss=math.nan, train_acc=math.nan,
                    evals=tuple(evals), grad_norms=(), detail=None, seconds=0.0)
