"""Highlighting on the network canvas: what the explained step is computing right now.

:class:`Highlighting` is a mixin of :class:`~nnviz.ui.canvas.network_view.NetworkView`: it
draws overlay items (a ring round a neuron, a thick line over an edge, a box round a bias)
above the diagram and never changes the diagram's own items, so a training snapshot that
recolours them keeps the highlight.  References are ``nnviz.core.explain``'s ``NeuronRef``,
``EdgeRef``, ``BiasRef`` and ``LossRef`` (the loss rings the output layer).
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

ANCHOR = QColor(230, 120, 0)  # the item being computed
TARGET = QColor(230, 120, 0, 110)  # what takes part in it


class Highlighting:
    """Mixin: ``highlight(anchor, targets)`` and ``clear_highlight()`` on the canvas."""

    _overlay: list

    def highlight(self, anchor: Any, targets: Any = ()) -> None:
        """Mark ``anchor`` strongly and ``targets`` lightly (refs the canvas does not draw,
        such as the edges hidden in a wide layer, are skipped)."""
        self.clear_highlight()
        self.highlighted = (anchor, tuple(targets))
        if anchor is None:
            return
        for ref in reversed((anchor, *[t for t in targets if t != anchor])):
            self._mark(ref, ref == anchor)

    def clear_highlight(self) -> None:
        for item in getattr(self, "_overlay", ()):
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        self._overlay = []
        self.highlighted = (None, ())

    def _neuron_rect(self, layer: int, index: int) -> QRectF | None:
        neurons = getattr(self, "neurons", [])
        if 0 <= layer < len(neurons) and 0 <= index < len(neurons[layer]):
            return neurons[layer][index].rect()
        return None

    def _mark(self, ref: Any, strong: bool) -> None:
        kind = type(ref).__name__
        pen = QPen(ANCHOR if strong else TARGET, 4.0 if strong else 3.0)
        pen.setCosmetic(True)
        scene = self.scene()  # type: ignore[attr-defined]
        if kind == "NeuronRef":
            r = self._neuron_rect(ref.layer, ref.index)
            if r is not None:
                self._add(scene.addEllipse(r.adjusted(-4, -4, 4, 4), pen))
        elif kind == "EdgeRef":
            a = self._neuron_rect(ref.layer, ref.i)
            b = self._neuron_rect(ref.layer + 1, ref.j)
            if a is not None and b is not None:
                pen.setWidthF(5.0 if strong else 3.0)
                pen.setCapStyle(Qt.RoundCap)
                self._add(scene.addLine(QLineF(a.center(), b.center()), pen))
        elif kind == "BiasRef":
            biases = getattr(self, "biases", [])
            row = biases[ref.layer + 1] if ref.layer + 1 < len(biases) else []
            item = row[ref.j] if 0 <= ref.j < len(row) else None
            if item is not None:
                self._add(scene.addRect(item.rect().adjusted(-3, -3, 3, 3), pen))
            elif (r := self._neuron_rect(ref.layer + 1, ref.j)) is not None:
                self._add(scene.addEllipse(r.adjusted(-4, -4, 4, 4), pen))
        elif kind == "LossRef":
            neurons = getattr(self, "neurons", [])
            for k in range(len(neurons[-1]) if neurons else 0):
                r = self._neuron_rect(len(neurons) - 1, k)
                if r is not None:
                    self._add(scene.addRect(r.adjusted(-8, -8, 8, 8), pen))

    def _add(self, item: Any) -> None:
        item.setZValue(1.5)  # above the edges (1), under neurons (2) and numbers (4)
        item.setAcceptedMouseButtons(Qt.NoButton)
        item.setAcceptHoverEvents(False)
        self._overlay.append(item)
