"""A small in-place number editor that floats over a view's viewport at one point.

The network view opens it on the weight or bias the student clicked: a white box with a
thin border, the parameter's name on the left (``W2[3,1] =``) and the value, selected,
on the right.  The editor only edits text; the view decides what a commit means and, when
the value is refused, calls :meth:`InlineEditor.set_error` (red border, message below,
same text as tooltip).

Signals
-------
committed(str)   Enter was pressed, or focus left after a change that reads as a number
                 (:func:`nnviz.ui.common.number_input.read_number`, as in the weight editor)
cancelled()      Escape was pressed, or focus left with the text unchanged or unparsable
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from nnviz.ui.common.number_input import read_number

_BORDER = "#8a8a8a"
_ERROR = "#c62828"
_STYLE = """
InlineEditor {{ background: #ffffff; border: 1px solid {border}; border-radius: 3px; }}
InlineEditor QLabel#name {{ color: #404040; background: transparent; }}
InlineEditor QLabel#message {{ color: {error}; background: transparent; }}
InlineEditor QLineEdit {{ color: #101010; background: #ffffff; border: none; padding: 0px;
    selection-background-color: #0877bd; selection-color: #ffffff; }}
"""


class InlineEditor(QFrame):
    """One line of text over ``parent`` (a viewport), positioned by :meth:`place`."""

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("InlineEditor")
        # clicks on the box must not fall through to the view (that would pan or re-open)
        self.setAttribute(Qt.WA_NoMousePropagation)
        self.setCursor(Qt.ArrowCursor)
        self.name = QLabel(self)
        self.name.setObjectName("name")
        self.line = QLineEdit(self)
        self.line.setFrame(False)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setVisible(False)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.name)
        row.addWidget(self.line)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(5, 2, 5, 2)
        lay.setSpacing(1)
        lay.addLayout(row)
        lay.addWidget(self.message)
        self.error_text = ""  # the refusal shown, "" when the text is acceptable
        self.initial_text = ""
        self._active = False  # False while closing: the focus-out of hide() is not an edit
        self._point = QPoint()
        self._align = Qt.AlignCenter
        self.line.installEventFilter(self)
        self.line.returnPressed.connect(self._on_line_return_pressed)
        self.line.textEdited.connect(self._on_line_text_edited)
        self._restyle()
        self.hide()

    # -- opening and closing ------------------------------------------------------------
    def start_edit(self, name: str, text: str, hint: str = "") -> None:
        """Show ``name`` and ``text`` (selected, focused); place it with :meth:`place` after."""
        self.name.setText(name)
        self.initial_text = text
        self.line.setText(text)
        self.line.setToolTip(hint)
        self._set_error_state("")
        self._fit_width()
        self._active = True
        self.show()
        self.raise_()
        self.line.setFocus(Qt.OtherFocusReason)
        self.line.selectAll()

    def dismiss(self) -> None:
        """Hide without emitting anything."""
        self._active = False
        self.hide()

    @property
    def active(self) -> bool:
        return self._active and not self.isHidden()

    def text(self) -> str:
        return self.line.text()

    def set_error(self, message: str) -> None:
        """Show that the text was refused: red border, ``message`` below and as tooltip."""
        self._set_error_state(message)
        self.line.setFocus(Qt.OtherFocusReason)
        self.line.selectAll()

    # -- placement ------------------------------------------------------------------------
    def place(self, point: QPoint, align=Qt.AlignCenter) -> None:
        """Put the editor's text row at ``point`` of the parent: centred on it
        (``Qt.AlignCenter``) or ending just left of it (``Qt.AlignRight``)."""
        self._point, self._align = QPoint(point), align
        self._reposition()

    def _reposition(self) -> None:
        self.adjustSize()
        row_h = self.line.sizeHint().height() + 4  # the text row; the message hangs below
        p = self._point
        x = p.x() - (self.width() if self._align == Qt.AlignRight else self.width() // 2)
        y = p.y() - row_h // 2
        area = self.parentWidget().rect()
        if area.contains(p):  # keep it whole on screen while its point is (not once panned away)
            x = max(2, min(x, area.width() - self.width() - 2))
            y = max(2, min(y, area.height() - self.height() - 2))
        self.move(x, y)

    def _fit_width(self) -> None:
        fm = self.line.fontMetrics()
        text = self.line.text()
        w = max(fm.horizontalAdvance("−0.000"), fm.horizontalAdvance(text + "0"))
        self.line.setFixedWidth(min(w + 6, fm.horizontalAdvance("0") * 24))
        self._reposition()

    # -- state and events -----------------------------------------------------------------
    def _set_error_state(self, message: str) -> None:
        self.error_text = message
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.setToolTip(message)
        self._restyle()
        self._reposition()

    def _restyle(self) -> None:
        self.setStyleSheet(_STYLE.format(border=_ERROR if self.error_text else _BORDER,
                                         error=_ERROR))

    def _on_line_return_pressed(self) -> None:
        if self.active:
            self.committed.emit(self.line.text())

    def _on_line_text_edited(self, _text: str) -> None:
        if self.error_text:  # typing again: the refusal no longer describes the text
            self._set_error_state("")
        self._fit_width()

    def _on_line_focus_lost(self, reason) -> None:
        # a context menu or another window taking the focus is not "clicking away"
        if not self.active or reason in (Qt.PopupFocusReason, Qt.ActiveWindowFocusReason):
            return
        text = self.line.text()
        if text != self.initial_text and _parses(text):
            self.committed.emit(text)
        else:
            self.cancelled.emit()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if obj is self.line:
            t = event.type()
            if t == QEvent.ShortcutOverride and event.key() in (Qt.Key_Escape, Qt.Key_Return,
                                                                Qt.Key_Enter):
                event.accept()  # a window shortcut on Esc or Enter must not take these keys
                return True
            if t == QEvent.KeyPress and event.key() == Qt.Key_Escape:
                if self.active:
                    self.cancelled.emit()
                return True
            if t == QEvent.FocusOut:
                self._on_line_focus_lost(event.reason())
        return super().eventFilter(obj, event)


def _parses(text: str) -> bool:
    return read_number(text)[0] is not None

