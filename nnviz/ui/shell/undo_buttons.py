"""The toolbar's Undo and Redo buttons: a fixed width, the edit's name elided, in full on hover.

The undo stack's actions rename themselves after the edit they undo ("Undo Set W2[1,1] =
1e+300"); on a toolbar that text would resize the button and shift everything after it at every
edit.  :class:`UndoButtons` shows the actions on buttons of a fixed width (in the font's
units, so they follow the text size) with the text elided and the full text in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QStyle, QToolButton

BUTTON_EMS = 9  # the button's text width in average character widths


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


class _ElidedButton(QToolButton):
    """A tool button for ``action`` whose width never follows the action's text."""

    def __init__(self, action, icon, tip_prefix: str):
        super().__init__()
        self.setDefaultAction(action)
        self.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        action.setIcon(icon)
        self.tip_prefix = tip_prefix
        self.base_text = action.text().replace("&", "")  # "Undo" / "실행 취소": always whole
        action.changed.connect(self.update_text)
        self.update_text()

    def update_text(self) -> None:
        action = self.defaultAction()
        if action is None or not hasattr(self, "base_text"):  # being built or torn down
            return
        full = action.text().replace("&", "")
        fm = self.fontMetrics()
        width = max(fm.averageCharWidth() * BUTTON_EMS,
                    fm.horizontalAdvance(self.base_text + " …") + fm.averageCharWidth() * 4)
        self.setText(fm.elidedText(full, Qt.ElideRight, width))
        self.setToolTip(f"{full}\n{self.tip_prefix}" if full else self.tip_prefix)
        icon = self.iconSize().width()
        self.setFixedWidth(width + icon + 4 * self.style().pixelMetric(
            QStyle.PM_ButtonMargin) // 2 + 12)

    def event(self, event):  # noqa: D102 - keep the fixed width right after a font change
        result = super().event(event)
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self.update_text()
        return result


class UndoButtons(QObject):
    """The two buttons (``buttons``) for the undo stack's undo and redo actions."""

    def __init__(self, stack, act_undo, act_redo, parent=None):
        super().__init__(parent)
        self.stack = stack
        style = act_undo.parent().style() if act_undo.parent() is not None else None
        undo_icon = style.standardIcon(QStyle.SP_ArrowBack) if style else act_undo.icon()
        redo_icon = style.standardIcon(QStyle.SP_ArrowForward) if style else act_redo.icon()
        self.undo = _ElidedButton(act_undo, undo_icon, _tr("Undo the last weight edit (Ctrl+Z)"))
        self.redo = _ElidedButton(act_redo, redo_icon,
                                  _tr("Redo the edit you undid (Ctrl+Shift+Z)"))
        self.buttons = (self.undo, self.redo)
