"""How Run Comparison writes a kept run's settings: translated names, never the core's keys.

A run's hyper-parameters arrive as the core's dictionary (``{"optimizer": "sgd",
"batch_size": 32, "lr": 0.1}``); the table shows "optimizer · SGD", "batch size · 32",
"learning rate η · 0.1".  The CSV export keeps the keys: it is data for a program.
Also the table's cells: numbers right-aligned with their full value in the tooltip.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidgetItem

from nnviz.ui.common.formatting import count, fmt, fmt_full
from nnviz.ui.common.names import activation_name, loss_name, optimizer_name
from nnviz.ui.common.plot_export import csv_cell


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


def is_number(v) -> bool:
    return isinstance(v, int | float | np.floating | np.integer) and not isinstance(v, bool)


def hyper_cell(key: str, v) -> QTableWidgetItem:
    """The table cell of hyper-parameter ``key``'s value ``v``."""
    item = QTableWidgetItem(hyper_value(key, v) if v != "" else "")
    item.setToolTip(fmt_full(v) if is_number(v) else str(v))
    if is_number(v):
        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return item


def number_cell(v) -> QTableWidgetItem:
    """A result cell: 4 significant digits shown, the full value in the tooltip."""
    if is_number(v):
        item = QTableWidgetItem(fmt(v) if np.isfinite(v) else "—")
        item.setToolTip(fmt_full(v))
        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    else:
        item = QTableWidgetItem(str(v))
        item.setToolTip(str(v))
    return item


def csv_text(v) -> str:
    """A value as CSV text (numbers at full precision, NaN empty)."""
    return csv_cell(v) if is_number(v) else str(v)
