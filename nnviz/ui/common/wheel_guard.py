"""The mouse wheel scrolls a panel; it changes a spin box, combo box or slider only when that
control has the keyboard focus.

Without this, a student scrolling the hyper-parameters dock with the wheel changes whatever
learning rate or optimizer passes under the pointer.  :func:`install_wheel_guard` installs one
application-wide event filter:

* value controls (``QAbstractSpinBox``, ``QComboBox``, ``QAbstractSlider``) that would take the
  focus from the wheel (``Qt.WheelFocus``, Qt's default for spin boxes) get ``Qt.StrongFocus``
  when they are polished, so the wheel never focuses them;
* a wheel event over such a control *inside a scroll area* and without focus goes to the scroll
  area instead (it scrolls the panel).  With focus (clicked, or reached with Tab) the wheel
  changes the value as usual.  Controls outside any scroll area (a toolbar) keep Qt's behaviour.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

_GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)
_WHEEL, _POLISH = QEvent.Wheel, QEvent.Polish


def scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area that ``widget`` sits in (its viewport's contents), if any."""
    w = widget.parentWidget()
    while w is not None:
        if isinstance(w, QAbstractScrollArea):
            return w
        w = w.parentWidget()
    return None


def guard(widget: QWidget) -> None:
    """Make a value control take the focus by click or Tab only, never by the wheel."""
    if widget.focusPolicy() & Qt.WheelFocus == Qt.WheelFocus:
        widget.setFocusPolicy(Qt.StrongFocus)


class WheelGuard(QObject):
    """The application-wide event filter (see the module's docstring)."""

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == _POLISH:
            if isinstance(obj, _GUARDED) and not isinstance(obj, QScrollBar):
                guard(obj)
            return False
        if kind != _WHEEL or not isinstance(obj, _GUARDED) or isinstance(obj, QScrollBar):
            return False
        if obj.hasFocus():
            return False
        area = scroll_area_of(obj)
        if area is None:
            return False
        # the scroll area's viewport turns a wheel event into a scroll of its bars
        QCoreApplication.sendEvent(area.viewport(), event)
        return True


def install_wheel_guard(app: QApplication | None = None) -> WheelGuard:
    """Install the guard on ``app`` (the running application) once; returns it."""
    app = app or QApplication.instance()
    existing = getattr(app, "_nnviz_wheel_guard", None)
    if existing is not None:
        return existing
    wheel_guard = WheelGuard(app)
    app.installEventFilter(wheel_guard)
    app._nnviz_wheel_guard = wheel_guard
    for widget in app.allWidgets():  # the controls made before the guard
        if isinstance(widget, _GUARDED) and not isinstance(widget, QScrollBar):
            guard(widget)
    return wheel_guard
