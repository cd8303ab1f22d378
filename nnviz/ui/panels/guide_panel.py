"""The guide of the current lesson: progress strip, the step's text, its task, Back/Next.

A view of :class:`~nnviz.ui.model.guide_state.GuideState`: one dot per step (click to jump),
the step's title and text in the UI language, the task with a ✓ or the hint of what is still
missing (updated live by the state's checks), Back/Next (Next enabled once the step is
unlocked) and "Leave guide"/"Resume guide" so the student can play freely and come back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.guides.progress import CURRENT, DONE, LOCKED

DOT_STYLE = {
    DONE: "background:#4caf50;color:white;",
    CURRENT: "background:#e67800;color:white;font-weight:bold;",
    LOCKED: "background:#e0e0e0;color:#9e9e9e;",
}
OPEN_STYLE = "background:#cfd8dc;color:#263238;"


class GuidePanel(QWidget):
    #: the panel's width changed (the band's height for the step may change with it)
    width_changed = Signal(int)

    def __init__(self, guide: Any, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide, self.lang = guide, lang
        self.dots: list[QToolButton] = []
        self.strip = QHBoxLayout()
        self.strip.setSpacing(3)
        # the guide's title is shown in the dock's title bar; the label only holds the text
        # (a child of the panel, so it lives exactly as long as the panel)
        self.guide_title = QLabel(self)
        self.guide_title.hide()
        self.guide_title.setStyleSheet("color:#555;")
        self.title = QLabel()
        f = self.title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        self.title.setFont(f)
        self.text = QLabel()
        self.task = QLabel()
        self.status = QLabel()
        for lab in (self.title, self.text, self.task, self.status):
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextSelectableByMouse)
            lab.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        self.back_btn = QPushButton(self.tr("◀ Back"))
        self.next_btn = QPushButton(self.tr("Next ▶"))
        self.leave_btn = QPushButton(self.tr("Leave guide"))
        self.leave_btn.setToolTip(self.tr("Play freely with the lesson; the guide waits where "
                                          "you are"))
        self.restart_btn = QToolButton()
        self.restart_btn.setText("↺")
        self.restart_btn.setToolTip(self.tr("Restart the guide from its first step (the tasks "
                                            "done so far are forgotten)"))
        self.restart_btn.clicked.connect(guide.restart)
        self.back_btn.clicked.connect(guide.back)
        self.next_btn.clicked.connect(guide.next)
        self.leave_btn.clicked.connect(self._on_leave_clicked)

        # one compact band (the canvas keeps the height): the strip and the buttons on the
        # first line, the step's title beside them when it fits on one line (else under
        # them: at large text it wrapped a word a line), the text under them; the task and
        # its status on the right of the text
        self.nav = QWidget()  # a widget, so that it can move to a line of its own
        nav = QHBoxLayout(self.nav)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.addWidget(self.back_btn)
        nav.addWidget(self.next_btn)
        nav.addWidget(self.leave_btn)
        nav.addWidget(self.restart_btn)
        self.head = QHBoxLayout()
        self.head.addLayout(self.strip)
        self.head.addSpacing(8)
        self.head.addWidget(self.title, 1)  # guide_title is the dock's title (the shell's)
        self.head.addStretch(0)  # takes the room when the title is under the line
        self.head.addWidget(self.nav)
        self.nav_row = QHBoxLayout()  # holds the buttons when the strip leaves them no room
        self.nav_row.setContentsMargins(0, 0, 0, 0)
        self.title_row = QVBoxLayout()  # holds the title when the first line is too short
        self.title_row.setContentsMargins(0, 0, 0, 0)
        side = QVBoxLayout()
        side.setSpacing(2)
        side.addWidget(self.task)
        side.addWidget(self.status)
        side.addStretch(1)
        self.body = body = QHBoxLayout()
        text_col = QVBoxLayout()
        text_col.addWidget(self.text)
        text_col.addStretch(1)
        body.addLayout(text_col, 3)
        body.addSpacing(10)
        body.addLayout(side, 2)
        # the scroll area around the band asks the height for its width (heightForWidth),
        # not the wrapped labels' minimum at their narrowest, which scrolled a band that fit
        self.setMinimumHeight(24)
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 2, 6, 2)
        col.setSpacing(2)
        col.addLayout(self.head)
        col.addLayout(self.nav_row)
        col.addLayout(self.title_row)
        col.addLayout(body, 1)
        guide.guide_changed.connect(self.refresh)
        guide.step_changed.connect(self._on_step_changed)  # bound: dropped with the panel
        self.refresh()

    # -- showing --------------------------------------------------------------------------
    def _rebuild_dots(self, n: int) -> None:
        for d in self.dots:
            self.strip.removeWidget(d)
            d.deleteLater()
        self.dots = []
        for i in range(n):
            d = QToolButton()
            d.setText(str(i + 1))
            d.setFixedSize(24, 24)
            d.setAutoRaise(False)
            d.clicked.connect(lambda _=False, k=i: self.guide.go_to(k))
            self.strip.addWidget(d)
            self.dots.append(d)
        self.update()  # repaint where the old strip was (a shorter strip left its pixels)

    def refresh(self) -> None:
        g, lang = self.guide, self.lang
        p = g.progress
        if p is None:
            self._rebuild_dots(0)
            self.guide_title.clear()
            self.title.setText(self.tr("No guide"))
            msg = self.tr("This lesson has no guide.")
            if g.error:
                msg += " " + self.tr("Its guide could not be read: {e}").format(e=g.error)
            self.text.setText(msg)
            self.task.clear()
            self.status.clear()
            for b in (self.back_btn, self.next_btn, self.leave_btn, self.restart_btn):
                b.setEnabled(False)
            return
        if len(self.dots) != len(p.guide):
            self._rebuild_dots(len(p.guide))
        for i, (d, state) in enumerate(zip(self.dots, p.strip(), strict=True)):
            style = DOT_STYLE.get(state, OPEN_STYLE)
            d.setStyleSheet(f"QToolButton{{border-radius:12px;{style}}}")
            d.setEnabled(state != LOCKED and g.active)
            d.setToolTip(p.guide.steps[i].title.get(lang))
        step = p.step
        self.guide_title.setText(self.tr("Guide: {title} — step {i} of {n}").format(
            title=p.guide.title.get(lang), i=p.index + 1, n=len(p.guide)))
        self.guide_title.setToolTip(p.guide.title.get(lang))
        self.title.setText(step.title.get(lang))
        self.text.setText(step.text.get(lang))
        st = g.status
        self.body.setStretch(2, 0 if step.task is None else 2)  # no task: the text's width
        if step.task is None:
            self.task.setText("")
            self.status.setText("")
        else:
            self.task.setText(self.tr("Task: {task}").format(task=step.task.text.get(lang)))
            if st is not None and st.done:
                self.status.setText(self.tr("✓ Done"))
                self.status.setStyleSheet("color:#2e7d32;font-weight:bold;")
            else:
                hint = st.hint.get(lang) if st is not None and st.hint is not None else ""
                self.status.setText(self.tr("Not yet: {hint}").format(hint=hint) if hint
                                    else self.tr("Not yet"))
                self.status.setStyleSheet("color:#b45309;")
        self.back_btn.setEnabled(g.active and p.index > 0)
        self.next_btn.setEnabled(g.active and p.can_next())
        self.leave_btn.setEnabled(True)
        self.restart_btn.setEnabled(p.index > 0 or bool(p.done) or not g.active)
        self.leave_btn.setText(self.tr("Leave guide") if g.active else self.tr("Resume guide"))
        for lab in (self.title, self.text, self.task):
            lab.setEnabled(g.active)
        self._place_title()

    def _on_step_changed(self, _index: int) -> None:
        self.refresh()

    # -- fitting the band -------------------------------------------------------------------
    def title_on_first_line(self) -> bool:
        return self.head.indexOf(self.title) >= 0

    def buttons_on_first_line(self) -> bool:
        return self.head.indexOf(self.nav) >= 0

    def _place_title(self) -> None:
        """The buttons beside the strip if they fit (else on a line of their own: in a
        narrow band they were cut), the title beside them if its one line fits too."""
        strip = self.strip.sizeHint().width() + 8
        buttons_fit = strip + self.nav.sizeHint().width() + 16 <= self.width()
        if buttons_fit != self.buttons_on_first_line():
            (self.nav_row if buttons_fit else self.head).removeWidget(self.nav)
            (self.head if buttons_fit else self.nav_row).addWidget(self.nav)
        others = sum(self.head.itemAt(i).sizeHint().width() for i in range(self.head.count())
                     if self.head.itemAt(i).widget() is not self.title)
        one_line = self.title.fontMetrics().horizontalAdvance(self.title.text()) + 8
        fits = others + one_line + 20 <= self.width()
        if fits != self.title_on_first_line():
            (self.title_row if fits else self.head).removeWidget(self.title)
            if fits:
                self.head.insertWidget(2, self.title, 1)
            else:
                self.title_row.addWidget(self.title)

    def height_for(self, width: int) -> int:
        """The height the band needs to show the whole step at ``width``."""
        lay = self.layout()
        return lay.totalHeightForWidth(width) if lay.hasHeightForWidth() \
            else lay.totalSizeHint().height()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._place_title()
        if event.size().width() != event.oldSize().width():
            self.width_changed.emit(event.size().width())

    def _on_leave_clicked(self) -> None:
        if self.guide.active:
            self.guide.leave()
        else:
            self.guide.resume()


if __name__ == "__main__":
    import sys

    from nnviz.ui.common.settings import ui_language
    from nnviz.ui.model.guide_state import GuideState
    from nnviz.ui.preview import preview

    sys.exit(preview(lambda model: GuidePanel(GuideState(model), ui_language()),
                     "perceptron-and-by-hand", (1100, 160)))
