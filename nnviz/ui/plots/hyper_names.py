"""How Run Comparison writes a kept run's settings: translated names, never the core's keys.

A run's hyper-parameters arrive as the core's dictionary (``{"optimizer": "sgd",
"batch_size": 32, "lr": 0.1}``); the table shows "optimizer · SGD", "batch size · 32",
"learning rate η · 0.1".  The CSV export keeps the keys: it is data for a program.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from nnviz.ui.common.formatting import count, fmt
from nnviz.ui.common.names import activation_name, loss_name, optimizer_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("RunComparison", text)


def hyper_title(key: str) -> str:
    """The column title of hyper-parameter ``key``."""
    titles = {
        "optimizer": _tr("optimizer"),
        "lr": _tr("learning rate η"),
        "batch_size": _tr("batch size"),
        "loss": _tr("loss function"),
        "seed": _tr("random seed"),
        "epochs": _tr("epochs"),
        "momentum": _tr("momentum β"),
        "beta1": _tr("β₁"),
        "beta2": _tr("β₂"),
        "eps": _tr("ε"),
        "rho": _tr("decay ρ"),
        "activation": _tr("activation"),
        "weight_decay": _tr("weight decay λ"),
        "dropout": _tr("dropout"),
    }
    return titles.get(key, key.replace("_", " "))


#: keys whose values are counts (written with thousands separators, never "3.2e+04")
_COUNTS = {"batch_size", "seed", "epochs"}


def hyper_value(key: str, value) -> str:
    """The table text of ``value`` for ``key``: names translated, numbers as the app writes
    them."""
    if isinstance(value, str):
        named = {"optimizer": optimizer_name, "loss": loss_name,
                 "activation": activation_name}.get(key)
        return named(value) if named is not None else value
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if key in _COUNTS and math.isfinite(x) and x == int(x):
        return count(x)
    return fmt(x) if math.isfinite(x) else "—"


def run_title(label: str, hyper: dict) -> str:
    """A kept run's label as shown: an optimizer or activation key at its start named as the
    course names it ("sgd η=0.1" → "SGD η=0.1")."""
    head, sep, rest = str(label).partition(" ")
    for name in (optimizer_name, activation_name, loss_name):
        shown = name(head)
        if shown != head:
            return shown + sep + rest
    return str(label)
