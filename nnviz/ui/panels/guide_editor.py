"""The guide editor: an instructor edits the lesson's guide in the app (issue 17).

A dialog over the guide's JSON form (the format of ``resources/guides``; README: "Guided
lessons"): the guide's title, its steps in a list (add, remove, move up and down) and the
selected step in a form (:class:`~.guide_editor_step.StepEditor`: English and Korean text, the
task and its check, what the step sets).  **Save** builds the guide with the core's loader and
checks it against the lesson (:func:`nnviz.core.guides.validate_for_lesson`), exactly as File →
Attach a Guide checks a file; a guide that does not pass is refused with the message in the
dialog, the step it names is selected, and the lesson keeps its previous guide.  A guide that
passes is emitted with ``guide_saved`` (the window attaches it; Save Lesson keeps it).

Signals
-------
guide_saved(object)   the edited, validated :class:`~nnviz.core.guides.Guide`
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.guides import (
    GUIDE_FORMAT,
    GUIDE_VERSION,
    Guide,
    GuideError,
    guide_from_dict,
    guide_to_dict,
    validate_for_lesson,
)
from nnviz.core.guides.loader import MAX_STEPS
from nnviz.ui.panels.guide_editor_check import json_checks
from nnviz.ui.panels.guide_editor_step import StepEditor

# where a core message names a step: "guide.steps[2].text.ko: …" or "steps[2] (id).set…"
STEP_IN_MESSAGE = re.compile(r"steps\[(\d+)\]")
# "guide.steps[2].task.text.ko: the text is empty" (group 1 None: the guide's own title)
EMPTY_TEXT = re.compile(r"guide(\.steps\[\d+\])?\.(title|text|task\.text)\.(en|ko): the text "
                        r"is empty")
DIALOG_SIZE = (1080, 700)  # px at 100 % text: fits a 1366 × 768 screen with its panels


class GuideEditorDialog(QDialog):
    guide_saved = Signal(object)

    def __init__(self, guide: Guide | None, preset: Any, lang: str = "en",
                 current_weights: Callable[[], dict] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset, self.lang = preset, lang
        self.setWindowTitle(self.tr("Edit the guide — {lesson}").format(
            lesson=preset.text("title", lang)))
        self.saved: Guide | None = None
        d = guide_to_dict(guide) if guide is not None else self._new_guide()
        self.steps: list[dict] = list(d["steps"])
        self.current = -1

        self.title_en, self.title_ko = QLineEdit(d["title"]["en"]), QLineEdit(d["title"]["ko"])
        self.title_en.setPlaceholderText(self.tr("Guide title in English"))
        self.title_ko.setPlaceholderText(self.tr("Guide title in Korean"))
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Guide title")))
        head.addWidget(self.title_en, 1)
        head.addWidget(self.title_ko, 1)

        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.list.setWordWrap(True)  # long step titles wrap instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.add_btn = QPushButton(self.tr("Add a step"))
        self.remove_btn = QPushButton(self.tr("Remove"))
        self.up_btn = QPushButton(self.tr("Move up"))
        self.down_btn = QPushButton(self.tr("Move down"))
        self.add_btn.setToolTip(self.tr("A new step after the selected one"))
        self.add_btn.clicked.connect(self.add_step)
        self.remove_btn.clicked.connect(self.remove_step)
        self.up_btn.clicked.connect(lambda: self.move_step(-1))
        self.down_btn.clicked.connect(lambda: self.move_step(1))
        buttons = QHBoxLayout()
        for b in (self.add_btn, self.remove_btn):
            buttons.addWidget(b)
        moves = QHBoxLayout()
        for b in (self.up_btn, self.down_btn):
            moves.addWidget(b)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(QLabel(self.tr("Steps")))
        left_lay.addWidget(self.list, 1)
        left_lay.addLayout(buttons)
        left_lay.addLayout(moves)

        self.editor = StepEditor(lang, current_weights)
        self.editor.title_edited.connect(self._on_title_edited)
        scroll = QScrollArea()
        scroll.setWidget(self.editor)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(1, 1)
        split.setSizes([240, 820])

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.error.setStyleSheet("color:#b71c1c;")
        self.error.hide()
        note = QLabel(self.tr("Save uses the guide in this lesson at once; File → Save Lesson "
                              "keeps it in the lesson file for your students."))
        note.setWordWrap(True)
        note.setStyleSheet("color:#555;")
        self.box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_btn = self.box.button(QDialogButtonBox.Save)
        self.save_btn.setText(self.tr("Save and use"))
        self.box.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.box.accepted.connect(self.save)
        self.box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(split, 1)
        lay.addWidget(self.error)
        lay.addWidget(note)
        lay.addWidget(self.box)
        screen = self.screen().availableGeometry()  # never taller than a 1366 × 768 screen
        self.resize(min(DIALOG_SIZE[0], screen.width()), min(DIALOG_SIZE[1], screen.height()))
        self.list.currentRowChanged.connect(self._on_row_changed)
        self._fill_list()
        self.list.setCurrentRow(0)

    def _new_guide(self) -> dict:
        """A guide of one step to start from (the lesson has no guide yet)."""
        return {"format": GUIDE_FORMAT, "version": GUIDE_VERSION, "lesson": self.preset.id,
                "title": {"en": self.preset.text("title", "en"),
                          "ko": self.preset.text("title", "ko")},
                "steps": [self._new_step(1)]}

    def _new_step(self, n: int) -> dict:
        ids = {s.get("id") for s in getattr(self, "steps", ())}
        while f"step-{n}" in ids:
            n += 1
        return {"id": f"step-{n}", "title": {"en": "New step", "ko": "새 단계"},
                "text": {"en": "", "ko": ""}, "unlock": "next"}

    # -- the list of steps ----------------------------------------------------------------
    def _step_title(self, k: int) -> str:
        title = self.steps[k].get("title", {})
        return f"{k + 1}. " + (title.get(self.lang) or title.get("en") or "")

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([self._step_title(k) for k in range(len(self.steps))])
        self.list.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        k, n = self.current, len(self.steps)
        self.remove_btn.setEnabled(n > 1)
        self.add_btn.setEnabled(n < MAX_STEPS)
        self.up_btn.setEnabled(k > 0)
        self.down_btn.setEnabled(0 <= k < n - 1)

    def _store(self) -> None:
        """Keep what the form shows in the list of steps (before another step is shown; a
        combined check that is not JSON is kept as typed and said at Save)."""
        if 0 <= self.current < len(self.steps):
            self.steps[self.current] = self.editor.step(f"guide.steps[{self.current}]",
                                                        strict=False)

    def _on_row_changed(self, row: int) -> None:
        if row < 0 or row == self.current:
            return
        self._store()
        self.current = row
        self.editor.load(self.steps[row])
        self._update_buttons()

    def _on_title_edited(self) -> None:
        item = self.list.item(self.current)
        if item is not None:
            self.steps[self.current]["title"] = {"en": self.editor.title_en.text(),
                                                 "ko": self.editor.title_ko.text()}
            item.setText(self._step_title(self.current))

    def _select(self, row: int) -> None:
        self.current = -1  # the form shows the steps' stored state again
        self._fill_list()
        self.list.setCurrentRow(row)

    def add_step(self) -> None:
        """A new step after the selected one."""
        self._store()
        at = self.current + 1
        self.steps.insert(at, self._new_step(at + 1))
        self._select(at)

    def remove_step(self) -> None:
        if len(self.steps) <= 1:
            return
        k = self.current
        del self.steps[k]
        self._select(min(k, len(self.steps) - 1))

    def move_step(self, delta: int) -> None:
        k = self.current
        j = k + delta
        if not 0 <= j < len(self.steps):
            return
        self._store()
        self.steps[k], self.steps[j] = self.steps[j], self.steps[k]
        self._select(j)

    # -- saving ---------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The guide as the form shows it, in the file format (not validated)."""
        self._store()
        return {"format": GUIDE_FORMAT, "version": GUIDE_VERSION, "lesson": self.preset.id,
                "title": {"en": self.title_en.text(), "ko": self.title_ko.text()},
                "steps": [dict(s) for s in self.steps]}

    def build(self) -> Guide:
        """The validated guide (:class:`GuideError` naming the place when it is not usable)."""
        self.error.hide()
        if 0 <= self.current < len(self.steps):  # a JSON error of the form is raised here
            self.steps[self.current] = self.editor.step(f"guide.steps[{self.current}]")
        for k, step in enumerate(self.steps):  # and one kept as typed in another step
            checks = step.get("task", {}).get("check", {}).get("checks")
            if isinstance(checks, str):
                json_checks(checks, f"guide.steps[{k}].task.check.checks")
        guide = guide_from_dict(self.to_dict())
        validate_for_lesson(guide, self.preset)
        return guide

    def save(self) -> bool:
        """Validate and emit the guide; on a problem, say what and where and keep editing."""
        try:
            guide = self.build()
        except GuideError as e:
            self._show_error(str(e))
            return False
        self.saved = guide
        self.guide_saved.emit(guide)
        self.accept()
        return True

    def _plain(self, message: str) -> str:
        """The commonest problem, an empty text, in the editor's words and language; any
        other message as the core words it (the place and the rule, as for a guide file)."""
        m = EMPTY_TEXT.search(message)
        if m is None:
            return message
        field = {"title": self.tr("Title"), "text": self.tr("Text"),
                 "task.text": self.tr("Task text")}[m.group(2)]
        if m.group(1) is None:
            field = self.tr("Guide title")
        language = self.tr("English") if m.group(3) == "en" else self.tr("Korean")
        return self.tr("{field} ({language}) is empty.").format(field=field, language=language)

    def _show_error(self, message: str) -> None:
        m = STEP_IN_MESSAGE.search(message)
        where = ""
        if m is not None and int(m.group(1)) < len(self.steps):
            k = int(m.group(1))
            where = self.tr("Step {n} ({title}): ").format(
                n=k + 1, title=self._step_title(k).split(". ", 1)[-1])
            if k != self.current:
                self._select(k)
        self.error.setText(self.tr("The guide was not saved; the lesson keeps its previous "
                                   "guide.") + "\n" + where + self._plain(message))
        self.error.show()


if __name__ == "__main__":
    import sys

    from nnviz.core.guides import guide_for
    from nnviz.ui.common.settings import ui_language
    from nnviz.ui.preview import preview

    lesson = sys.argv[1] if len(sys.argv) > 1 else "perceptron-and"

    def make(model):
        model.set_preset(lesson)  # the dialog edits this lesson's guide
        return GuideEditorDialog(guide_for(lesson), model.preset, ui_language())

    sys.exit(preview(make, lesson, DIALOG_SIZE))
