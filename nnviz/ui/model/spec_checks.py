"""Hyper-parameters and networks checked before they are used: a message, never a traceback.

The spec (:mod:`nnviz.core.nn.spec`) already refuses what cannot work (0 or 10,000 neurons, a
learning rate outside (0, 1000], ...) with a ``SpecError``; these helpers turn that refusal into
a message for the student instead of an exception in a slot, clamp a batch larger than the
data set (with a note), and keep a network within what a lab PC can hold in memory.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication

from nnviz.core.nn.spec import MAX_UNITS, SpecError

#: Largest network the UI builds (parameters); 784-4096-4096-10 is about this size.
MAX_PARAMS = 20_000_000
LR_LOW, LR_HIGH = 0.0, 1000.0  # the spec's (0, 1000]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpecChecks", text)


def lr_problem(lr: float) -> str:
    """'' if ``lr`` is a usable learning rate, else the message saying the allowed range."""
    if not (LR_LOW < lr <= LR_HIGH):
        return _tr("The learning rate must be greater than 0 and at most 1000 (you typed "
                   "{v:g}).").format(v=lr)
    return ""


def units_problem(units: int) -> str:
    if not 1 <= units <= MAX_UNITS:
        return _tr("A layer needs between 1 and {n} neurons.").format(n=MAX_UNITS)
    return ""


def network_problem(spec) -> str:
    """'' if the NetworkSpec can be built here, else why not."""
    n = spec.n_params()
    if n > MAX_PARAMS:
        return _tr("This network would have {n:,} parameters; nnviz allows at most {m:,} (it "
                   "would not fit in memory). Use fewer or smaller layers.").format(
                       n=n, m=MAX_PARAMS)
    return ""


def changed_spec(run, **changes):
    """``run.spec`` with ``changes``, or None after telling the student why not."""
    try:
        return run.spec.with_changes(**changes)
    except (SpecError, TypeError, ValueError) as exc:
        run.status_posted.emit(_tr("Not applied: {e}").format(e=exc))
        run.hyper_changed.emit()  # the panel shows the values in use again
        return None


def clamp_batch(run, n: int, n_train: int | None = None) -> int:
    """``n`` limited to the training set's size, with a note when it had to be."""
    if n_train is None:
        data = run.model.train_data() if run.trainable else None
        n_train = len(data.X) if data is not None else 0
    if n_train and n > n_train:
        run.status_posted.emit(_tr("The batch size {b} is larger than the {n} training samples: "
                                 "using {n} (one update per epoch).").format(b=n, n=n_train))
        return n_train
    return n


def clean_network(net: Any) -> Any:
    """``net`` whose spec name can be saved as JSON: text, printable, at most 200 characters.

    A model file may carry any JSON as its name; ``"name": NaN`` loaded fine and then made
    every later autosave fail ("Out of range float values"), so a crash lost everything.
    """
    name = net.spec.name
    if isinstance(name, str) and len(name) <= 200 and name.isprintable():
        return net
    text = name if isinstance(name, str) else ""
    text = "".join(ch for ch in text[:200] if ch.isprintable())
    spec = dataclasses.replace(net.spec, name=text)
    return type(net)(spec, net.params, net.dtype)
