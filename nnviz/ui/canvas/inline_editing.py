"""Editing a weight in place on the canvas: the click rules and the inline editor's life.

:class:`InPlaceEditing` is mixed into :class:`~nnviz.ui.canvas.network_view.NetworkView`: a
click (press and release without dragging) or a double-click on an edge or a bias opens the
:class:`~nnviz.ui.canvas.inline_editor.InlineEditor` over that weight; Enter applies it through
the model (undoable), Esc closes it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtWidgets import QApplication, QGraphicsView

from nnviz.ui.canvas.inline_editor import InlineEditor
from nnviz.ui.canvas.items import BiasItem, EdgeItem, NeuronItem
from nnviz.ui.common.formatting import fmt_full
from nnviz.ui.common.formulas import neuron_formula
from nnviz.ui.common.number_input import read_number


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkView", text)  # the view's own context


class InPlaceEditing(QGraphicsView):
    """The view's editing behaviour (needs ``lesson``)."""

    def _init_editing(self, lesson) -> None:
        # one editor, moved from item to item
        self.editor = InlineEditor(self.viewport())
        self.edit_item: EdgeItem | BiasItem | None = None
        self._edit_key: tuple | None = None  # ("W", layer, i, j) or ("b", layer, j)
        self._edit_anchor: tuple | None = None  # (scene point, alignment)
        self._committing = False
        self._press_pos: QPointF | None = None  # left press, to tell a click from a pan
        self.editor.committed.connect(self._on_editor_committed)
        self.editor.cancelled.connect(self.close_editor)
        lesson.edit_refused.connect(self._on_lesson_edit_refused)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self._place_editor()

    def ask_value(self, item) -> None:
        """Edit the weight (or bias) of ``item`` in place, in the inline editor."""
        key = _edit_key(item)
        if self.editor.active and key == self._edit_key:
            self.editor.line.setFocus(Qt.OtherFocusReason)  # already editing it (double-click)
            return
        net = self.lesson.network
        if isinstance(item, EdgeItem):
            old = net.W[item.layer][item.i, item.j]
            label = f"W{item.layer + 1}[{item.i + 1},{item.j + 1}]"
        else:
            old = net.b[item.layer - 1][item.index]
            label = f"b{item.layer}[{item.index + 1}]"
        self.edit_item, self._edit_key = item, key
        self._edit_anchor = self._anchor_for(item)
        self.editor.start_edit(f"{label} =", fmt_full(old).replace("−", "-"),
                               _tr("Enter applies the value, Esc cancels"))
        self._place_editor()

    def close_editor(self) -> None:
        """Hide the inline editor without applying anything."""
        had_focus = self.editor.line.hasFocus()
        self.editor.dismiss()
        self.edit_item = self._edit_key = self._edit_anchor = None
        if had_focus:
            self.setFocus(Qt.OtherFocusReason)  # keyboard shortcuts work on the canvas again

    def editable_item_at(self, pos) -> EdgeItem | BiasItem | None:
        """The edge or bias under viewport point ``pos`` (its number label counts too; the
        legend, an item above the edges, is not an edit)."""
        items = self.items(pos)  # topmost first, like itemAt()
        for it in items:
            if isinstance(it, EdgeItem):  # where edges meet, the one nearest the pointer
                p = self.mapToScene(pos)
                edges = [e for e in items if isinstance(e, EdgeItem)]
                dist = [_distance(e.line(), p) for e in edges]
                near = min(dist) + 0.25 / max(self.transform().m11(), 1e-6)  # as near:
                return next(e for e, d in zip(edges, dist) if d <= near)  # the topmost
            if isinstance(it, BiasItem):
                return it
            target = getattr(it, "edit_target", None)
            return target if target is not None and target.isVisible() else None
        return None

    def _anchor_for(self, item) -> tuple[QPointF, Qt.AlignmentFlag]:
        """Where the editor sits: over the edge's number (its midpoint when no number is
        shown), or just left of the bias square, over the bias's number."""
        if isinstance(item, BiasItem):
            r = item.sceneBoundingRect()
            return QPointF(r.left() - 1, r.center().y()), Qt.AlignRight
        for t in self.w_labels:
            if t.isVisible() and getattr(t, "edit_target", None) is item:
                return t.sceneBoundingRect().center(), Qt.AlignCenter
        return item.line().center(), Qt.AlignCenter

    def _place_editor(self) -> None:
        if self.edit_item is not None and self._edit_anchor is not None:
            point, align = self._edit_anchor
            self.editor.place(self.mapFromScene(point), align)

    def _sync_editor(self) -> None:
        """After a redraw: follow the edited weight to the edge item now drawing it (wide
        layers reassign their pooled edges to the strongest weights), or close."""
        item = self.edit_item
        if item is None:
            return
        if isinstance(item, EdgeItem) and (not item.isVisible()
                                           or _edit_key(item) != self._edit_key):
            item = next((e for e in self.edges[item.layer]
                         if e.isVisible() and _edit_key(e) == self._edit_key), None)
            if item is None:
                self.close_editor()
                return
            self.edit_item = item
        self._edit_anchor = self._anchor_for(item)
        self._place_editor()

    def _on_editor_committed(self, text: str) -> None:
        item = self.edit_item
        if item is None:
            return
        self._committing = True
        try:
            ok = self.apply_text(item, text)
        finally:
            self._committing = False
        if ok:
            self.close_editor()

    def _on_lesson_edit_refused(self, message: str) -> None:
        if self._committing:
            self.editor.set_error(message)

    def apply_text(self, item, text: str) -> bool:
        v, why = read_number(text)  # the weight editor's reading and reasons ("1,000" …)
        if v is None:
            self.lesson.edit_refused.emit(_tr("{why} The weight was kept.").format(why=why))
            return False
        if isinstance(item, EdgeItem):
            return self.lesson.edit_weight(item.layer, item.i, item.j, v)
        return self.lesson.edit_bias(item.layer - 1, item.index, v)

    def mousePressEvent(self, event):  # noqa: N802
        self._press_pos = event.position() if event.button() == Qt.LeftButton else None
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event):  # noqa: N802
        self._press_pos = None  # the editor opens now, not again on the release
        if not self._edit_at(event):
            super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        press, self._press_pos = self._press_pos, None
        super().mouseReleaseEvent(event)
        if press is None:
            return
        if (event.position() - press).manhattanLength() >= QApplication.startDragDistance():
            return  # that was a pan
        self._edit_at(event)

    def _edit_at(self, event) -> bool:
        """Open the editor on the edge or bias under a left-button ``event``; True if it did."""
        item = (self.editable_item_at(event.position().toPoint())
                if event.button() == Qt.LeftButton else None)
        if item is None:
            return False
        self.ask_value(item)
        event.accept()
        return True

    def tooltip_for(self, item) -> str:
        if isinstance(item, NeuronItem):
            return neuron_formula(self.lesson, item.layer, item.index)
        if isinstance(item, EdgeItem):
            l_, i, j = item.layer, item.i, item.j
            w = self.lesson.network.W[l_][i, j]
            text = _tr("weight W{l}[{i},{j}] = {w}").format(l=l_ + 1, i=i + 1, j=j + 1,
                                                               w=fmt_full(w))
            text += "\n" + _tr("from neuron {i} of layer {l0} to neuron {j} of layer {l1}") \
                .format(i=i + 1, l0=l_, j=j + 1, l1=l_ + 1)
            grad = self.lesson.gradient()
            if grad is not None:
                g = grad[self.lesson.w_index(l_, i, j)]
                text += "\n" + _tr("gradient ∂L/∂w = {g}").format(g=fmt_full(g))
            return text + "\n" + _tr("Click to edit")
        if isinstance(item, BiasItem):
            b = self.lesson.network.b[item.layer - 1][item.index]
            return _tr("bias b{l}[{j}] = {b}\nClick to edit").format(
                l=item.layer, j=item.index + 1, b=fmt_full(b))
        return ""


def _edit_key(item) -> tuple:
    """Which parameter an edge or bias item stands for (pooled edges change weights)."""
    if isinstance(item, EdgeItem):
        return ("W", item.layer, item.i, item.j)
    return ("b", item.layer, item.index)


def _distance(line, p) -> float:
    """Distance from scene point ``p`` to the segment ``line``."""
    dx, dy = line.dx(), line.dy()
    d2 = dx * dx + dy * dy
    t = 0.0 if d2 == 0 else ((p.x() - line.x1()) * dx + (p.y() - line.y1()) * dy) / d2
    t = min(1.0, max(0.0, t))
    return math.hypot(line.x1() + t * dx - p.x(), line.y1() + t * dy - p.y())
