"""The interface scale: one factor (1.0–2.0) for fonts, node sizes, line widths and plot labels.

View → Text size sets it and presentation mode raises it; the value is stored in the settings
("ui/scale") and every view that draws its own sizes follows :func:`interface_scale`'s
``changed`` signal. Qt widgets follow the application font, which :meth:`InterfaceScale.set`
scales from the font the application started with — so a label sized by its font grows by
itself, and only hand-drawn things (canvas nodes, pens, plot axes) need to listen.

Usage in a view::

    scale = interface_scale()
    scale.changed.connect(self._on_interface_scale_changed)   # factor: float
    radius = BASE_RADIUS * scale.factor
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from nnviz.ui.common.settings import settings

MIN_SCALE = 1.0
MAX_SCALE = 2.0
#: the steps View → Text size offers (presentation mode may use any value in range)
SCALE_STEPS = (1.0, 1.25, 1.5, 1.75, 2.0)
SETTINGS_KEY = "ui/scale"


def clamp_scale(value: object) -> float:
    """A stored or typed value as a factor in [1, 2]; anything unreadable is 1."""
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return MIN_SCALE
    if f != f:  # nan
        return MIN_SCALE
    return min(MAX_SCALE, max(MIN_SCALE, f))


class InterfaceScale(QObject):
    """The one interface-scale factor of the running app.

    Signals
    -------
    changed(float)   the factor changed (the application font is already scaled)
    """

    changed = Signal(float)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._factor = clamp_scale(settings().value(SETTINGS_KEY, MIN_SCALE))
        self._base_point_size: float | None = None

    @property
    def factor(self) -> float:
        return self._factor

    def stored_factor(self) -> float:
        """The factor saved in the settings (View → Text size), not a presentation override."""
        return clamp_scale(settings().value(SETTINGS_KEY, MIN_SCALE))

    def set(self, factor: float, *, store: bool = True) -> None:
        """Apply ``factor`` (clamped to [1, 2]); ``store=False`` for presentation mode."""
        factor = clamp_scale(factor)
        if store:
            settings().setValue(SETTINGS_KEY, factor)
        if factor == self._factor and self._base_point_size is not None:
            return
        self._factor = factor
        self.apply_to_application_font()
        self.changed.emit(factor)

    def apply_to_application_font(self) -> None:
        """Scale the application font from the size it had the first time this ran."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        font = QFont(app.font())
        if self._base_point_size is None:
            self._base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        font.setPointSizeF(self._base_point_size * self._factor)
        app.setFont(font)


def repolish_styled(widgets) -> None:
    """Polish again those of ``widgets`` that have a style sheet of their own: such a widget
    keeps the font it was polished with when the application's font changes (View → Text
    size, presentation mode), e.g. a bold header or a red message."""
    for widget in widgets:
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


_instance: InterfaceScale | None = None


def interface_scale() -> InterfaceScale:
    """The app's one :class:`InterfaceScale` (created on first use)."""
    global _instance
    if _instance is None:
        _instance = InterfaceScale()
    return _instance
