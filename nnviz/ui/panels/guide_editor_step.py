"""The guide editor's form for one step: its text, its task and what it sets.

Part of the guide editor (:mod:`guide_editor`).  The form shows one step in the guide's JSON
form (the format of ``resources/guides``, README: "Guided lessons") and gives it back with
:meth:`StepEditor.step`: the title and the text in English and Korean side by side, the task
(its text and the check, :class:`~.guide_editor_check.CheckEditor`), when Next opens, and what
entering the step sets — the panels shown, the controls enabled, the input row, a reset and
the weights (taken from the network on screen).  Nothing is validated here; the editor
validates the whole guide with the core's loader when it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.guides.model import CONTROL_TITLES, PANEL_TITLES, control_title, panel_title
from nnviz.ui.panels.guide_editor_check import CheckEditor

GRID_COLUMNS = 4  # panel and control check boxes per row
TEXT_HEIGHT = 96  # px: a step's text boxes (about five lines)
TASK_HEIGHT = 52  # px: a task's text boxes


def _pair(make: Callable[[], Any]) -> tuple[Any, Any, QHBoxLayout]:
    """An English and a Korean field side by side."""
    en, ko = make(), make()
    row = QHBoxLayout()
    row.addWidget(en)
    row.addWidget(ko)
    return en, ko, row


def _line() -> QLineEdit:
    return QLineEdit()


def _text_box(height: int) -> Callable[[], QPlainTextEdit]:
    def make() -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setFixedHeight(height)
        return box
    return make


class NameGrid(QWidget):
    """Check boxes for a set of names (panels or controls), with "keep the lesson's own"."""

    def __init__(self, names: dict, title: Callable[[str], Any], keep_text: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keep = QCheckBox(keep_text)
        self.boxes: dict[str, QCheckBox] = {}
        self.order: list[str] = []
        grid = QGridLayout()
        grid.setContentsMargins(16, 0, 0, 0)
        for k, name in enumerate(names):
            box = QCheckBox(title(name).get(lang))
            box.setObjectName(name)
            self.boxes[name] = box
            grid.addWidget(box, k // GRID_COLUMNS, k % GRID_COLUMNS)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.keep)
        lay.addLayout(grid)
        self.keep.toggled.connect(self._on_keep_toggled)

    def _on_keep_toggled(self, on: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not on)

    def load(self, names: list | None) -> None:
        # the step's own order is kept (the last panel shown is the one raised in its tabs)
        self.order = list(names or ())
        self.keep.setChecked(names is None)
        self._on_keep_toggled(names is None)
        for name, box in self.boxes.items():
            box.setChecked(names is not None and name in names)

    def names(self) -> list | None:
        if self.keep.isChecked():
            return None
        checked = [n for n, box in self.boxes.items() if box.isChecked()]
        return [n for n in self.order if n in checked] + \
            [n for n in checked if n not in self.order]


class StepEditor(QWidget):
    """One step of a guide, edited in its JSON form.

    Signals
    -------
    title_edited()   the step's title changed (the editor's list shows it)
    """

    title_edited = Signal()

    def __init__(self, lang: str = "en", current_weights: Callable[[], dict] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.current_weights = current_weights
        self.weights: dict = {}
        self.step_id = QLineEdit()
        self.step_id.setToolTip(self.tr("Lowercase letters, digits, - and _; unique in the "
                                        "guide (the student's progress remembers it)"))
        self.title_en, self.title_ko, title_row = _pair(_line)
        self.text_en, self.text_ko, text_row = _pair(_text_box(TEXT_HEIGHT))
        for w, lang_name in ((self.title_en, "en"), (self.title_ko, "ko")):
            w.setPlaceholderText(self.tr("Title in English") if lang_name == "en"
                                 else self.tr("Title in Korean"))
        self.text_en.setPlaceholderText(self.tr("What the student reads, in English"))
        self.text_ko.setPlaceholderText(self.tr("What the student reads, in Korean"))
        for w in (self.title_en, self.title_ko):
            w.textEdited.connect(self.title_edited)
        heads = QHBoxLayout()
        heads.addWidget(QLabel("<b>" + self.tr("English") + "</b>"))
        heads.addWidget(QLabel("<b>" + self.tr("Korean") + "</b>"))
        texts = QFormLayout()
        texts.addRow(self.tr("Step id"), self.step_id)
        texts.addRow("", heads)
        texts.addRow(self.tr("Title"), title_row)
        texts.addRow(self.tr("Text"), text_row)

        self.check = CheckEditor(lang)
        self.task_en, self.task_ko, task_row = _pair(_text_box(TASK_HEIGHT))
        self.task_en.setPlaceholderText(self.tr("The task, in English"))
        self.task_ko.setPlaceholderText(self.tr("The task, in Korean"))
        self.unlock = QComboBox()
        self.unlock.addItem(self.tr("Next opens once the check passes"), "check")
        self.unlock.addItem(self.tr("Next is always open (the task is a suggestion)"), "next")
        task_box = QGroupBox(self.tr("Task"))
        task_form = QFormLayout(task_box)
        task_form.addRow(self.tr("Check"), self.check)
        task_form.addRow(self.tr("Task text"), task_row)
        task_form.addRow(self.tr("Next step"), self.unlock)
        self.check.kind_changed.connect(self._on_kind_changed)

        self.panels = NameGrid(PANEL_TITLES, panel_title,
                               self.tr("Keep the lesson's layout"), lang)
        self.controls = NameGrid(CONTROL_TITLES, control_title,
                                 self.tr("The lesson's own controls"), lang)
        self.input_row = QSpinBox()
        self.input_row.setRange(-1, 9999)
        self.input_row.setSpecialValueText(self.tr("keep the input"))
        self.input_row.setToolTip(self.tr("The data row fed in when the step opens (0-based: "
                                          "a gate's rows 0 = (0, 0) … 3 = (1, 1))"))
        self.reset = QCheckBox(self.tr("Start the run again from its initial weights"))
        self.weights_label = QLabel()
        self.weights_label.setWordWrap(True)
        self.take_weights = QPushButton(self.tr("Use the weights on screen"))
        self.take_weights.setToolTip(self.tr("The step sets the weights and biases the network "
                                             "has now"))
        self.take_weights.setEnabled(current_weights is not None)
        self.take_weights.clicked.connect(self._on_take_weights_clicked)
        self.clear_weights = QPushButton(self.tr("Keep the weights"))
        self.clear_weights.setToolTip(self.tr("The step does not change the weights"))
        self.clear_weights.clicked.connect(self._on_clear_weights_clicked)
        weights_row = QHBoxLayout()
        weights_row.addWidget(self.weights_label, 1)
        weights_row.addWidget(self.take_weights)
        weights_row.addWidget(self.clear_weights)
        set_box = QGroupBox(self.tr("When the step opens"))
        set_form = QFormLayout(set_box)
        set_form.addRow(self.tr("Panels shown"), self.panels)
        set_form.addRow(self.tr("Controls enabled"), self.controls)
        set_form.addRow(self.tr("Input row"), self.input_row)
        set_form.addRow("", self.reset)
        set_form.addRow(self.tr("Weights"), weights_row)

        lay = QVBoxLayout(self)
        lay.addLayout(texts)
        lay.addWidget(task_box)
        lay.addWidget(set_box)
        lay.addStretch(1)

    # -- the weights ----------------------------------------------------------------------
    def _on_take_weights_clicked(self) -> None:
        if self.current_weights is not None:
            self.weights = self.current_weights()
            self._show_weights()

    def _on_clear_weights_clicked(self) -> None:
        self.weights = {}
        self._show_weights()

    def _show_weights(self) -> None:
        if not self.weights:
            self.weights_label.setText(self.tr("The step keeps the weights as they are."))
        else:
            shapes = ", ".join(f"{k} ({_shape(a)})" for k, a in sorted(self.weights.items()))
            self.weights_label.setText(self.tr("The step sets {arrays}.").format(arrays=shapes))
        self.clear_weights.setEnabled(bool(self.weights))

    def _on_kind_changed(self, kind: str) -> None:
        for w in (self.task_en, self.task_ko, self.unlock):
            w.setEnabled(bool(kind))

    # -- loading and reading --------------------------------------------------------------
    def load(self, step: dict) -> None:
        """Show ``step`` (its JSON form)."""
        self.step_id.setText(step.get("id", ""))
        for en, ko, key in ((self.title_en, self.title_ko, "title"),
                            (self.text_en, self.text_ko, "text")):
            text = step.get(key, {})
            _set(en, text.get("en", ""))
            _set(ko, text.get("ko", ""))
        task = step.get("task")
        self.check.load(task.get("check") if task else None)
        _set(self.task_en, task["text"].get("en", "") if task else "")
        _set(self.task_ko, task["text"].get("ko", "") if task else "")
        self.unlock.setCurrentIndex(max(self.unlock.findData(step.get("unlock", "check")), 0))
        self._on_kind_changed(self.check.kind.currentData())
        state = step.get("set", {})
        self.panels.load(state.get("panels"))
        self.controls.load(state.get("controls"))
        self.input_row.setValue(state.get("input_row", -1))
        self.reset.setChecked(bool(state.get("reset", False)))
        self.weights = dict(state.get("weights", {}))
        self._show_weights()

    def step(self, where: str = "step", strict: bool = True) -> dict:
        """The step as JSON (``strict``: GuideError for a combined check that is not JSON;
        else its text is kept as typed)."""
        out: dict = {"id": self.step_id.text().strip(),
                     "title": {"en": self.title_en.text(), "ko": self.title_ko.text()},
                     "text": {"en": self.text_en.toPlainText(),
                              "ko": self.text_ko.toPlainText()}}
        state: dict = {}
        if self.weights:
            state["weights"] = self.weights
        if self.input_row.value() >= 0:
            state["input_row"] = self.input_row.value()
        for key, grid in (("panels", self.panels), ("controls", self.controls)):
            names = grid.names()
            if names is not None:
                state[key] = names
        if self.reset.isChecked():
            state["reset"] = True
        if state:
            out["set"] = state
        check = self.check.check(f"{where}.task.check", strict)
        if check is not None:
            out["task"] = {"text": {"en": self.task_en.toPlainText(),
                                    "ko": self.task_ko.toPlainText()}, "check": check}
            out["unlock"] = self.unlock.currentData()
        else:
            out["unlock"] = "next"
        return out


def _set(widget: Any, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)


def _shape(values: Any) -> str:
    """"2 × 1" for a matrix given as rows, "1" for a list of biases."""
    if values and isinstance(values[0], list):
        return f"{len(values)} × {len(values[0])}"
    return str(len(values))
