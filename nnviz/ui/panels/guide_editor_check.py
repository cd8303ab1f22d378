"""The guide editor's check chooser: a task's check kind and a field per parameter.

Part of the guide editor (:mod:`guide_editor`).  The kinds and their parameters come from the
core's :data:`nnviz.core.guides.checks.CHECKS` (one source: a kind added there appears here);
each parameter gets a field that fits its validator — a yes/no or a list of choices as a
combo box, anything else (numbers, rows, parameter names) as a line of text read as JSON.
``all``/``any`` combine several checks and are edited as their JSON list.  Nothing is
validated here: the guide editor validates the whole guide with the core's loader when it is
saved, so the editor and a guide file obey exactly the same rules.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.guides import validators as v
from nnviz.core.guides.checks import CHECKS, COMBINATORS
from nnviz.core.guides.hints import PHASE_TITLES
from nnviz.core.guides.model import GuideError, panel_title
from nnviz.ui.common.names import loss_name, optimizer_name

# parameters whose value is a list (typed with or without the brackets)
LIST_PARAMS = ("expect", "values", "params")
# a parameter name inside a typed list: W1, b2, W1[0,1], b1[0]
PARAM_IN_TEXT = re.compile(r"[Wb]\d+(?:\[[^\]]*\])?")


def _t(text: str) -> str:
    return QCoreApplication.translate("GuideCheckEditor", text)


def kind_titles() -> dict[str, str]:
    """Each check kind as the editor names it (translated; computed when shown)."""
    return {
        "truth_table": _t("Truth table: every output is right"),
        "layer_values": _t("A layer's values on every row"),
        "sample_prediction": _t("The selected input is classified right or wrong"),
        "drawn_digit": _t("The drawn digit is read as"),
        "param": _t("One weight or bias within a range"),
        "edited": _t("Weights edited by hand"),
        "traced": _t("A weight traced in the chain-rule tracer"),
        "input_selected": _t("An input row is selected"),
        "neuron_selected": _t("A neuron is selected"),
        "accuracy": _t("Accuracy within a range"),
        "loss": _t("The loss is low enough"),
        "trained": _t("Trained for rounds or samples"),
        "learning_rate": _t("The learning rate η is set"),
        "hyper": _t("An optimizer or loss is chosen"),
        "explain_phase": _t("The explained step is played to a phase"),
        "gradient_ratio": _t("Gradient ratio, first layer to last"),
        "compared": _t("Runs in Run Comparison"),
        "panel_open": _t("A panel is open"),
        "all": _t("All of several checks (JSON)"),
        "any": _t("Any of several checks (JSON)"),
    }


def param_titles() -> dict[str, tuple[str, str]]:
    """Each parameter: (label, example or explanation shown as a placeholder and tooltip)."""
    return {
        "expect": (_t("Expected class per row"), "[0, 0, 0, 1]"),
        "at_least": (_t("At least"), _t("rows (truth table) or a fraction 0–1 (accuracy)")),
        "at_most": (_t("At most"), _t("a number (loss) or a fraction 0–1 (accuracy)")),
        "layer": (_t("Layer"), _t("1 = the first layer with weights; 0 = the inputs for a "
                                "selected neuron")),
        "values": (_t("Values per row"), "[[0.5744, 0.6682], …]"),
        "of": (_t("Values of"), ""),
        "tol": (_t("Tolerance"), "0.0001"),
        "correct": (_t("Classified correctly"), ""),
        "predicted": (_t("Digit"), "3"),
        "name": (_t("Weight or bias"), "W1[0,1]"),
        "min": (_t("Minimum"), "0.5"),
        "max": (_t("Maximum"), "1.5"),
        "equals": (_t("Equals"), "5"),
        "params": (_t("Weights or biases"), "W1, b1[0]"),
        "all": (_t("Every one of them"), ""),
        "row": (_t("Row"), _t("0-based: a gate's rows 0 = (0, 0) … 3 = (1, 1)")),
        "index": (_t("Neuron"), _t("0-based, from the top")),
        "after_epochs": (_t("After rounds (epochs)"), "1"),
        "on": (_t("Data"), ""),
        "fraction_of_start": (_t("Fraction of the first loss"), "0.5"),
        "epochs": (_t("Rounds (epochs)"), "1"),
        "samples": (_t("Samples"), "4"),
        "rel_tol": (_t("Relative tolerance"), "0.000001"),
        "changed": (_t("Changed during the run"), ""),
        "while_running": (_t("While Play is on"), ""),
        "optimizer": (_t("Optimizer"), ""),
        "loss": (_t("Loss function"), ""),
        "reached": (_t("Phase"), ""),
        "runs": (_t("Runs"), "2"),
        "panel": (_t("Panel"), ""),
    }


def choice_title(param: str, value: str, lang: str) -> str:
    """How a choice is shown: panels, phases, optimizers and losses by their titles."""
    if param == "panel":
        return panel_title(value).get(lang)
    if param == "optimizer":  # as the hyper-parameters panel names them
        return optimizer_name(value)
    if param == "loss":
        return loss_name(value)
    if param == "reached":
        en, ko = PHASE_TITLES.get(value, (value, value))
        return ko if lang == "ko" else en
    if param == "of":
        return {"a": _t("a (weighted sums)"),
                "z": _t("z (outputs)")}.get(value, value)
    if param == "on":
        return {"train": _t("training data"),
                "test": _t("test data")}.get(value, value)
    return value


def _choices(validator: Any) -> tuple[str, ...] | None:
    """The choices of a ``partial(v.choice, choices=…)`` validator (None for others)."""
    if isinstance(validator, functools.partial) and validator.func is v.choice:
        return tuple(validator.keywords["choices"])
    return None


def _show(name: str, value: Any) -> str:
    """A parameter's value as its field shows it."""
    if name == "params":
        return ", ".join(value)
    return json.dumps([list(r) for r in value] if name == "values" else
                      list(value) if isinstance(value, tuple | list) else value,
                      ensure_ascii=False)


def read_value(name: str, text: str) -> Any:
    """A typed value: JSON (numbers, lists), a list without its brackets, or plain text
    (the core's validators say what is wrong with it when the guide is saved)."""
    text = text.strip()
    if name == "params" and not text.startswith("["):
        return PARAM_IN_TEXT.findall(text.replace(" ", "")) or text
    for candidate in (text, f"[{text}]") if name in LIST_PARAMS else (text,):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    return text


def json_checks(text: str, where: str) -> Any:
    """A combined check's list as typed (JSON); :class:`GuideError` saying where if not."""
    try:
        return json.loads(text or "[]")
    except ValueError as e:
        raise GuideError(f"{where}: " + _t("the list of checks is not valid JSON ({e})")
                         .format(e=e)) from None


class CheckEditor(QWidget):
    """One task's check: the kind and its parameters.

    Signals
    -------
    kind_changed(str)   the kind chosen ("" for no task)
    """

    kind_changed = Signal(str)

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.kind = QComboBox()
        self.kind.addItem(self.tr("No task (Next is always open)"), "")
        for kind, title in kind_titles().items():
            self.kind.addItem(title, kind)
        self.kind.setToolTip(self.tr("What the app checks to know the task is done"))
        self.doc = QLabel()
        self.doc.setWordWrap(True)
        self.doc.setStyleSheet("color:#555;")
        self.form = QFormLayout()
        self.json_edit = QPlainTextEdit()
        self.json_edit.setPlaceholderText('[{"kind": "accuracy", "at_least": 1.0}, '
                                          '{"kind": "trained", "epochs": 5}]')
        self.json_edit.setFixedHeight(90)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.kind)
        lay.addWidget(self.doc)
        lay.addLayout(self.form)
        lay.addWidget(self.json_edit)
        self.fields: dict[str, QWidget] = {}
        self._hint: Any = None  # an author's hint, kept while the kind stays the same
        self._loaded_kind = ""
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._build("")

    # -- building the fields --------------------------------------------------------------
    def _on_kind_changed(self, _index: int) -> None:
        kind = self.kind.currentData()
        self._build(kind)
        self.kind_changed.emit(kind)

    def _build(self, kind: str) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        self.json_edit.setVisible(kind in COMBINATORS)
        self.doc.setVisible(bool(kind))
        if kind in COMBINATORS:
            self.doc.setText(self.tr("A list of checks in the guide format (see the README): "
                                     "each an object with its \"kind\" and parameters."))
            return
        if not kind:
            return
        titles = param_titles()
        required = [n for n, (_, req) in CHECKS[kind].params.items() if req]
        one_of = CHECKS[kind].one_of
        note = self.tr("Fields marked * are required.") if required else ""
        if one_of:
            names = ", ".join(titles.get(n, (n, ""))[0] for n in one_of)
            note += (" " if note else "") + self.tr("Give at least one of: {names}.").format(
                names=names)
        self.doc.setText(note)
        self.doc.setVisible(bool(note))
        for name, (validator, req) in CHECKS[kind].params.items():
            label, example = titles.get(name, (name, ""))
            choices = _choices(validator)
            if validator is v.boolean or choices is not None:
                box = QComboBox()
                if not req:
                    box.addItem(self.tr("(not set)"), None)
                if validator is v.boolean:
                    box.addItem(self.tr("yes"), True)
                    box.addItem(self.tr("no"), False)
                else:
                    for c in choices or ():
                        box.addItem(choice_title(name, c, self.lang), c)
                field: QWidget = box
            else:
                field = QLineEdit()
                field.setPlaceholderText(example)
            field.setToolTip(example)
            field.setObjectName(f"check_{name}")
            self.fields[name] = field
            self.form.addRow(label + (" *" if req else ""), field)

    # -- loading and reading --------------------------------------------------------------
    def load(self, check: dict | None) -> None:
        """Show ``check`` (its JSON form; None: no task)."""
        kind = check.get("kind", "") if isinstance(check, dict) else ""
        index = self.kind.findData(kind)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(index, 0))
        self.kind.blockSignals(False)
        self._build(self.kind.currentData())
        self._loaded_kind = kind
        self._hint = check.get("hint") if isinstance(check, dict) else None
        if not isinstance(check, dict):
            return
        if kind in COMBINATORS:
            checks = check.get("checks", [])
            self.json_edit.setPlainText(checks if isinstance(checks, str) else  # as typed
                                        json.dumps(checks, ensure_ascii=False, indent=1))
            return
        for name, field in self.fields.items():
            if name not in check:
                continue
            if isinstance(field, QComboBox):
                field.setCurrentIndex(max(field.findData(check[name]), 0))
            else:
                field.setText(_show(name, check[name]))

    def set_value(self, name: str, value: Any) -> None:
        """Set one parameter's field (a choice by its value, a text field by its text)."""
        field = self.fields[name]
        if isinstance(field, QComboBox):
            field.setCurrentIndex(field.findData(value))
        else:
            field.setText(value if isinstance(value, str) else _show(name, value))

    def check(self, where: str = "check", strict: bool = True) -> dict | None:
        """The check as JSON (None: no task).  A combined check's list that is not JSON
        raises :class:`GuideError` (``strict``) or is kept as its text, to be said at Save."""
        kind = self.kind.currentData()
        if not kind:
            return None
        out: dict = {"kind": kind}
        if kind in COMBINATORS:
            text = self.json_edit.toPlainText()
            try:
                out["checks"] = json_checks(text, f"{where}.checks")
            except GuideError:
                if strict:
                    raise
                out["checks"] = text
        for name, field in self.fields.items():
            if isinstance(field, QComboBox):
                value = field.currentData()
                if value is not None:
                    out[name] = value
            elif field.text().strip():
                out[name] = read_value(name, field.text())
        if self._hint is not None and kind == self._loaded_kind:
            out["hint"] = self._hint
        return out
