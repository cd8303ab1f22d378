"""A tall panel in a scroll area, so it scrolls instead of forcing the window past 768 px."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(widget: QWidget, min_height: int = 100) -> QScrollArea:
    """``widget`` inside a frameless, resizable scroll area at least ``min_height`` px tall."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setMinimumHeight(min_height)
    return area
