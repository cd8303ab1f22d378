"""One training step played phase by phase, with the handout's formulas and the numbers.

A view of :class:`~nnviz.ui.model.explained_step.ExplainedStepState`: phase buttons
(Forward pass, Loss, Backward pass, Update), Prev/Next, auto-play at a pace, and the current
item's caption, formula and the same formula filled with numbers in a large font.  The
captions come from ``nnviz.core.explain``'s templates translated by Qt ("Explain" context).
A lesson that trains nothing shows why there is no step, never an empty panel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.explain import PHASES, phase_name, render
from nnviz.ui.common.formatting import fmt
from nnviz.ui.model.explained_step import PACES


class ExplainedStepPanel(QWidget):
    def __init__(self, explained: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explained = explained
        self.navigation_allowed = True  # a guide step may leave Prev/Next out of its controls
        tr = QCoreApplication.translate
        self.phase_group = QButtonGroup(self)
        self.phase_buttons = {}
        bar = QHBoxLayout()
        for k, phase in enumerate(PHASES):
            b = QPushButton(phase_name(phase, tr))
            b.setCheckable(True)
            self.phase_group.addButton(b, k)
            self.phase_buttons[phase] = b
            b.clicked.connect(lambda _=False, ph=phase: explained.jump(ph))
            bar.addWidget(b)
        bar.addSpacing(8)
        self.prev_btn = QPushButton(self.tr("◀ Prev"))
        self.next_btn = QPushButton(self.tr("Next ▶"))
        self.play_btn = QPushButton(self.tr("Play"))
        self.pace = QComboBox()
        for s in PACES:
            self.pace.addItem(self.tr("{s} s per item").format(s=fmt(s)), s)
        self.pace.setCurrentIndex(PACES.index(1.0))
        self.pace.setToolTip(self.tr("How long auto-play shows each item"))
        self.position = QLabel()
        self.position.setMinimumWidth(self.fontMetrics().horizontalAdvance(
            self.tr("{i} of {n}").format(i=888, n=888)) + 8)
        self.prev_btn.clicked.connect(explained.prev)
        self.next_btn.clicked.connect(explained.next)
        self.play_btn.clicked.connect(explained.toggle)
        self.pace.currentIndexChanged.connect(
            lambda i: explained.set_pace(self.pace.itemData(i)))
        # the phases on the first row, Prev/Next/Play beside the caption: one row less, and
        # the bar fits a tab 600 px wide
        bar.addWidget(self.position)
        bar.addStretch(1)
        nav = QHBoxLayout()
        for w in (self.prev_btn, self.next_btn, self.play_btn, self.pace):
            nav.addWidget(w)

        self.caption = QLabel()
        f = self.caption.font()
        f.setBold(True)
        self.caption.setFont(f)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.5)
        self.formula = QLabel()
        self.numbers = QLabel()
        self.numbers.setFont(big)  # the numbers are what the student reads from the back
        mid = QFont(self.font())
        mid.setPointSizeF(self.font().pointSizeF() * 1.15)
        self.formula.setFont(mid)
        self.formula.setStyleSheet("color:#455a64;")
        self.numbers.setStyleSheet("color:#111;")
        self.note = QLabel()
        self.note.setStyleSheet("color:#666;")
        self.unavailable = QLabel()
        for lab in (self.caption, self.formula, self.numbers, self.note, self.unavailable):
            # formulas never wrap (a long sum scrolls sideways): wrapped labels in a scroll
            # area can keep a stale height and cut their second line
            lab.setWordWrap(lab not in (self.formula, self.numbers))
            lab.setTextInteractionFlags(Qt.TextSelectableByMouse)
        content = QWidget()
        col = QVBoxLayout(content)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addLayout(bar)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.caption, 1)
        caption_row.addLayout(nav)
        col.addLayout(caption_row)
        col.addWidget(self.formula)
        col.addWidget(self.numbers)
        col.addWidget(self.note)
        col.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.unavailable)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.stack)
        explained.step_changed.connect(self.refresh)
        # bound methods (not lambdas): Qt drops them when the panel is deleted
        explained.item_changed.connect(self._on_changed)
        explained.playing_changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, _value: object) -> None:
        self.refresh()

    def set_navigation_allowed(self, on: bool) -> None:
        """Enable or disable Prev/Next, the phases and auto-play (a guide step's controls)."""
        self.navigation_allowed = bool(on)
        if not on:
            self.explained.stop()
        self.refresh()

    def text(self) -> str:
        """Everything the panel shows as plain text (tests, accessibility)."""
        if self.stack.currentIndex() == 1:
            return self.unavailable.text()
        return "\n".join(w.text() for w in (self.caption, self.formula, self.numbers,
                                             self.note) if w.text())

    def refresh(self) -> None:
        e = self.explained
        item = e.item
        if item is None:
            self.unavailable.setText(e.unavailable or self.tr("No step to explain."))
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        r = render(item, QCoreApplication.translate)
        self.caption.setText(r.caption)
        self.formula.setText("\n".join(r.formula))
        self.numbers.setText("\n".join(r.numbers))
        notes = [r.note] if r.note else []
        if e.batch_size > 1:
            notes.append(self.tr("The run averages the gradients of {n} samples per update; "
                                 "this is the step of the one sample fed in.").format(
                                     n=e.batch_size))
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        phases = e.phases
        nav = self.navigation_allowed
        for phase, b in self.phase_buttons.items():
            b.setEnabled(nav and phase in phases)
            b.setChecked(phase is item.phase)
        n = len(e.step.items)
        self.position.setText(self.tr("{i} of {n}").format(i=e.index + 1, n=n))
        self.prev_btn.setEnabled(nav and e.index > 0)
        self.next_btn.setEnabled(nav and e.index < n - 1)
        self.play_btn.setEnabled(nav)
        self.pace.setEnabled(nav)
        self.play_btn.setText(self.tr("Pause") if e.playing else self.tr("Play"))


if __name__ == "__main__":
    import sys

    from nnviz.ui.model.explained_step import ExplainedStepState
    from nnviz.ui.preview import preview

    sys.exit(preview(lambda model: ExplainedStepPanel(ExplainedStepState(model)),
                     "xor-backprop-2", (900, 220)))
