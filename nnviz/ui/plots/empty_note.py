"""The "no data yet" box of a pyqtgraph plot: inside the plot's area, never over its axes.

The box wraps its sentence to the area's width; when the area is too short for that it shows
one elided line (the whole sentence on hover); when not even that fits (a plot a few pixels
tall) it hides, and the view's tooltip carries the sentence.  It follows the plot area's size
and the interface scale's font by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtWidgets import QLabel

from nnviz.ui.common.interface_scale import interface_scale

MARGIN = 4  # px between the box and the plot area's edge
WIDEST = 360  # px at 100 % interface scale
NARROWEST = 80  # px: a narrower box reads as nothing
PADDING = 9  # px: the box's padding and border, on each side (the style sheet's)


class EmptyPlotNote(QLabel):
    """A box over ``view`` (a pyqtgraph GraphicsView) inside ``viewbox``'s area, shown while
    ``is_empty()``; :meth:`refresh` after the data changed."""

    def __init__(self, view, viewbox, is_empty: Callable[[], bool]):
        super().__init__(view.viewport())  # the viewport: the scene's coordinates map to it
        self.view, self.viewbox, self.is_empty = view, viewbox, is_empty
        self.view_tip = view.toolTip()
        self.message = ""
        self.setAlignment(Qt.AlignCenter)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel { color: #505050; background: rgba(255, 255, 255, 225);"
                           " border: 1px solid #d0d0d0; border-radius: 4px; padding: 4px 8px; }")
        viewbox.sigResized.connect(self.refresh)
        # a label with a style sheet keeps its font when the application's changes (View →
        # Text size, presentation mode): it takes the viewport's once that has the new one
        view.viewport().installEventFilter(self)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self.refresh)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.FontChange:
            self._refit.start()
        return False

    def set_message(self, text: str) -> None:
        self.message = text
        self.refresh()

    def area(self) -> QRect:
        """The viewbox's rectangle in the box's coordinates, less the margin."""
        rect = self.view.mapFromScene(self.viewbox.sceneBoundingRect()).boundingRect()
        return rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    def refresh(self, *_) -> None:
        """Show the message centred in the area while the plot is empty and it fits."""
        font = self.view.viewport().font()
        if self.font() != font:
            self.setFont(font)
        area, shown, placed = self.area(), self.is_empty(), False
        width = min(area.width(), round(WIDEST * interface_scale().factor))
        if shown and width >= NARROWEST:
            for wrap in (True, False):
                self.setWordWrap(wrap)
                self.setText(self.message if wrap else self.fontMetrics().elidedText(
                    self.message, Qt.ElideRight, width - 2 * PADDING))
                self.setFixedWidth(width)
                self.adjustSize()
                if self.height() <= area.height():
                    placed = True
                    break
        self.setToolTip("" if placed and self.wordWrap() else self.message)
        hidden_message = shown and not placed
        self.view.setToolTip(self.message + "\n" + self.view_tip if hidden_message
                             else self.view_tip)
        self.setVisible(placed)
        if placed:
            self.move(area.x() + (area.width() - self.width()) // 2,
                      area.y() + (area.height() - self.height()) // 2)
