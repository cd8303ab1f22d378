"""The lesson map: every lesson in handout order, with "Start with lesson 1" on top.

The first start of nnviz opens it over the first lesson (``nnviz/ui/shell/app.py``), and
Lessons → Lesson map… opens it any time (:func:`show_lesson_map`). Each lesson is a card: its
number in the course, its handout, its title, one line of its summary (the whole summary on
hover) and a thumbnail of its network (:mod:`lesson_thumbnail`). Cards are grouped as the
handouts are, flow into as many columns as fit (1366×768 at 150 % still shows whole cards), and
are keyboard navigable: Tab or the arrow keys move between them, Enter or Space opens one.

Signals
-------
lesson_chosen(str)   the id of the lesson to open (the dialog has closed itself)
file_chosen(str)     the path of a lesson file (or model) to open with File → Open's machinery
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnviz.ui.panels.lesson_picker import group_names
from nnviz.ui.panels.lesson_thumbnail import lesson_thumbnail

# the largest size the dialog takes (1366×768 leaves it a margin); smaller screens shrink it
PREFERRED_SIZE = (1120, 700)
CARD_STYLE = """
LessonCard { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
LessonCard:hover { border: 1px solid palette(highlight); }
LessonCard:focus { border: 2px solid palette(highlight); }
LessonCard[current="true"] { background: palette(alternate-base); }
"""


def network_text(preset) -> str:
    """"2-2-1": the layer sizes, as the window's status bar writes them."""
    return "-".join(str(n) for n in preset.network.sizes)


class ElidedLabel(QLabel):
    """One line of text, cut with "…" to the label's width (the whole text in the tooltip)."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.full_text = text
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setMinimumWidth(40)
        self._elide()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._elide()

    def _elide(self) -> None:
        width = max(10, self.width())
        self.setText(QFontMetrics(self.font()).elidedText(self.full_text, Qt.ElideRight, width))


class LessonCard(QFrame):
    """One lesson: thumbnail, number and handout, title, one line of summary. Focusable."""

    chosen = Signal(str)
    focused = Signal(QWidget)

    def __init__(self, preset, number: int, lang: str, current: bool = False, parent=None):
        super().__init__(parent)
        self.preset_id = preset.id
        self.number = number
        self.setObjectName(f"lesson_{preset.id}")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.setProperty("current", current)
        title = preset.text("title", lang)
        summary = preset.text("summary", lang)
        self.setAccessibleName(self.tr("Lesson {n}: {title}").format(n=number, title=title))
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        em = QFontMetrics(self.font()).height()
        thumb_w, thumb_h = round(6.4 * em), round(4.2 * em)
        self.thumbnail = QLabel()
        self.thumbnail.setPixmap(lesson_thumbnail(preset, thumb_w, thumb_h,
                                                  self.devicePixelRatioF()))
        self.thumbnail.setFixedSize(thumb_w, thumb_h)
        network = self.tr("Network {sizes}").format(sizes=network_text(preset))
        self.thumbnail.setAccessibleName(network)
        self.thumbnail.setToolTip(network)
        head = self.tr("Lesson {n} · Handout {h}").format(n=number, h=preset.handout)
        if current:
            head = self.tr("{head} · open now").format(head=head)
        self.head = ElidedLabel(head)
        self.head.setStyleSheet("color: palette(dark);")
        self.title = QLabel(title)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        self.summary = ElidedLabel(summary)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.head)
        text.addWidget(self.title)
        text.addWidget(self.summary)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 8, 8, 8)
        row.addWidget(self.thumbnail, 0, Qt.AlignTop)
        row.addLayout(text, 1)
        self.setMinimumHeight(thumb_h + 16)

    def mouseReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()):
            self.chosen.emit(self.preset_id)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.chosen.emit(self.preset_id)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event):  # noqa: N802
        super().focusInEvent(event)
        self.focused.emit(self)


class CardGrid(QWidget):
    """Group headings and cards, flowed into as many columns as the width allows.

    The arrow keys move between cards: left/right in reading order, up/down by a row.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(8)
        self.items: list[tuple[str, QWidget]] = []  # ("heading" | "card", widget)
        self.columns = 0

    def add_heading(self, label: QLabel) -> None:
        self.items.append(("heading", label))

    def add_card(self, card: LessonCard) -> None:
        self.items.append(("card", card))

    def cards(self) -> list[LessonCard]:
        return [w for kind, w in self.items if kind == "card"]  # type: ignore[misc]

    def card_min_width(self) -> int:
        return round(24 * QFontMetrics(self.font()).height())

    def reflow(self, width: int) -> None:
        columns = max(1, min(3, width // max(1, self.card_min_width())))
        if columns == self.columns:
            return
        self.columns = columns
        while self.grid.count():
            self.grid.takeAt(0)
        row, col = 0, 0
        for kind, widget in self.items:
            if kind == "heading":
                row += 1 if col else 0
                self.grid.addWidget(widget, row, 0, 1, columns)
                row, col = row + 1, 0
                continue
            self.grid.addWidget(widget, row, col)
            col += 1
            if col == columns:
                row, col = row + 1, 0
        for c in range(3):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        self.grid.setRowStretch(row + 1, 1)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self.reflow(event.size().width())

    def move_focus(self, card: LessonCard, key: int) -> bool:
        """Focus the card left/right/above/below ``card``; False at an edge."""
        cards = self.cards()
        where = {c: self.grid.getItemPosition(self.grid.indexOf(c))[:2] for c in cards}
        row, col = where[card]
        if key in (Qt.Key_Left, Qt.Key_Right):
            i = cards.index(card) + (1 if key == Qt.Key_Right else -1)
            target = cards[i] if 0 <= i < len(cards) else None
        else:
            down = key == Qt.Key_Down
            rows = sorted({r for r, _ in where.values() if (r > row if down else r < row)},
                          reverse=not down)
            target = None
            if rows:
                in_row = [c for c in cards if where[c][0] == rows[0]]
                target = min(in_row, key=lambda c: abs(where[c][1] - col))
        if target is None:
            return False
        target.setFocus(Qt.OtherFocusReason)
        return True


class LessonMapDialog(QDialog):
    lesson_chosen = Signal(str)
    file_chosen = Signal(str)

    def __init__(self, presets, lang: str = "en", current_id: str | None = None, parent=None,
                 file_filter: str | None = None):
        super().__init__(parent)
        self.setObjectName("LessonMapDialog")
        self.setWindowTitle(self.tr("Lesson map"))
        self.lang = lang
        self.presets = list(presets)
        # File → Open's filter, so the map offers the same files (show_lesson_map passes it)
        self.file_filter = file_filter or self.tr(
            "nnviz lessons and models (*.nnviz *.npz);;All files (*)")
        self.setStyleSheet(CARD_STYLE)
        heading = QLabel(self.tr("Lessons"))
        big = QFont(heading.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        heading.setFont(big)
        intro = QLabel(self.tr("The lessons follow the course handouts, one idea after another. "
                               "Start at the beginning, or pick any lesson."))
        intro.setWordWrap(True)
        first = self.presets[0] if self.presets else None
        self.start_button = QPushButton()
        self.start_button.setObjectName("start_first_lesson")
        if first is not None:
            self.start_button.setText(self.tr("Start with lesson 1: {title}").format(
                title=first.text("title", lang)))
            self.start_button.setToolTip(first.text("summary", lang))
            self.start_button.clicked.connect(lambda: self._choose(first.id))
        self.start_button.setEnabled(first is not None)
        self.start_button.setDefault(True)
        start_font = QFont(self.start_button.font())
        start_font.setPointSizeF(start_font.pointSizeF() * 1.25)
        start_font.setBold(True)
        self.start_button.setFont(start_font)
        self.start_button.setMinimumHeight(round(2.4 * QFontMetrics(start_font).height()))
        self.grid = CardGrid()
        self._fill(current_id)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.grid)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.open_file_button = QPushButton(self.tr("Open a lesson file…"))
        self.open_file_button.setObjectName("open_lesson_file")
        self.open_file_button.setAutoDefault(False)
        self.open_file_button.setToolTip(self.tr("Open a lesson an instructor shared, or a saved "
                                                 "model"))
        self.open_file_button.clicked.connect(self._on_open_file_clicked)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_file_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.start_button)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self._fit_to_screen()
        # opened from the menu on another lesson: that lesson's card has the focus (a focused
        # card scrolls itself into view); on the first lesson, "Start with lesson 1" has it
        self.focus_card = next((c for c in self.cards() if c.preset_id == current_id
                                and first is not None and current_id != first.id), None)
        (self.focus_card or self.start_button).setFocus(Qt.OtherFocusReason)

    def _fill(self, current_id: str | None) -> None:
        names, group = group_names(), None
        for number, preset in enumerate(self.presets, start=1):
            if preset.group != group:
                group = preset.group
                label = QLabel(names.get(group, group))
                font = QFont(label.font())
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.15)
                label.setFont(font)
                label.setContentsMargins(0, 6, 0, 0)
                self.grid.add_heading(label)
            card = LessonCard(preset, number, self.lang, current=preset.id == current_id)
            card.chosen.connect(self._choose)
            card.focused.connect(lambda w: self.scroll.ensureWidgetVisible(w, 8, 8))
            card.installEventFilter(self)
            self.grid.add_card(card)
        self.grid.reflow(PREFERRED_SIZE[0])

    def _fit_to_screen(self) -> None:
        """The preferred size, never more than the screen's free area (1366×768 at 150 %)."""
        w, h = PREFERRED_SIZE
        screen = self.screen()
        if screen is not None:
            free = screen.availableGeometry()
            w, h = min(w, free.width() - 40), min(h, free.height() - 60)
        self.resize(max(320, w), max(240, h))

    def cards(self) -> list[LessonCard]:
        return self.grid.cards()

    def lesson_ids(self) -> list[str]:
        """The lessons shown, in order (the handouts')."""
        return [c.preset_id for c in self.cards()]

    def eventFilter(self, watched, event):  # noqa: N802
        if isinstance(watched, LessonCard) and event.type() == QEvent.KeyPress and \
                event.key() in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down):
            self.grid.move_focus(watched, event.key())
            return True
        return super().eventFilter(watched, event)

    def _choose(self, preset_id: str) -> None:
        self.accept()  # closed first: a save question appears over the window, not the map
        self.lesson_chosen.emit(preset_id)

    def _on_open_file_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a lesson file"), "",
                                              self.file_filter)
        if path:
            self.accept()
            self.file_chosen.emit(path)


def show_lesson_map(window) -> LessonMapDialog:
    """Open the lesson map over ``window`` (the main window); its choice opens a lesson
    (``window.open_lesson``) or a file (``window.open_file``, File → Open's machinery).

    A map already open is raised instead of a second one. Lessons → Lesson map… and the first
    start call this.
    """
    for existing in window.findChildren(LessonMapDialog):
        if existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
    model = window.model
    presets = model.presets or model.load_lessons()
    current = model.preset.id if model.preset is not None else None
    filters = getattr(window, "_filters", None)  # File → Open's own list of file kinds
    dialog = LessonMapDialog(presets, window.lang, current, parent=window,
                             file_filter=filters() if callable(filters) else None)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.lesson_chosen.connect(window.open_lesson)
    dialog.file_chosen.connect(window.open_file)
    dialog.open()
    return dialog


if __name__ == "__main__":
    import sys

    from nnviz.ui.common.settings import ui_language
    from nnviz.ui.preview import preview

    def _make(model):
        dialog = LessonMapDialog(model.load_lessons(), ui_language(), "forward-walkthrough")
        dialog.lesson_chosen.connect(lambda pid: print("lesson", pid))
        dialog.file_chosen.connect(lambda path: print("file", path))
        return dialog

    sys.exit(preview(_make, size=PREFERRED_SIZE))
