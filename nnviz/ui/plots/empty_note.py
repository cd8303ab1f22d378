"""The "no data yet" box of a pyqtgraph plot: inside the plot's area, never over its axes.

The box wraps its sentence to the area's width; when the area is too short for that it shows
one elided line (the whole sentence on hover); when not even that fits (a plot a few pixels
tall) it hides, and the view's tooltip carries the sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel

MARGIN = 4  # px between the box and the plot area's edge
WIDEST = 360  # px at 100 % interface scale
NARROWEST = 80  # px: a narrower box reads as nothing
PADDING = 9  # px: the box's padding and border, on each side (the style sheet's)


class EmptyPlotNote(QLabel):
    """A box over ``view`` (a pyqtgraph GraphicsView) placed with :meth:`place`."""

    def __init__(self, view):
        super().__init__(view.viewport())  # the viewport: the scene's coordinates map to it
        self.view = view
        self.view_tip = view.toolTip()
        self.message = ""
        self.setAlignment(Qt.AlignCenter)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel { color: #505050; background: rgba(255, 255, 255, 225);"
                           " border: 1px solid #d0d0d0; border-radius: 4px; padding: 4px 8px; }")

    def area_of(self, item) -> QRect:
        """``item``'s (a ViewBox's) scene rectangle in the box's coordinates, less the margin."""
        rect = self.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        return rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    def place(self, area: QRect, shown: bool, scale: float = 1.0) -> None:
        """Show the message centred in ``area`` if ``shown`` and it fits (``scale``: the
        interface scale, for the widest box)."""
        placed = False
        width = min(area.width(), round(WIDEST * scale))
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
