"""The computational graph of one sample, drawn as micrograd draws it: value and gradient.

A QGraphicsView of :func:`nnviz.core.explain.build_graph` for the lesson's network, input and
target: a box per value — inputs x, weights w, biases b, targets t, products ×, sums +, the
activation (σ, ReLU, 계단 함수 …) and the loss L — each labelled with its forward value and
its gradient ∂L/∂value, arrows from operands to results.  It is rebuilt after every edit,
training step, row or lesson; with the explained step it follows the phase being played (the
gradients appear from the backward pass on) and frames the item being computed.  Networks of
more than :data:`MAX_NEURONS` neurons or :data:`MAX_PARAMS` parameters are not drawn: the view
says why (the canvas and the explained step show them).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from nnviz.core.explain import Phase, build_graph
from nnviz.ui.common.formatting import fmt
from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.common.names import activation_name

translate = QCoreApplication.translate  # the name lupdate recognises
MAX_NEURONS = 12  # inputs included: one neuron, the perceptron, the XOR nets
MAX_PARAMS = 25
MIN_ZOOM = 0.6  # below this the numbers are unreadable: the view scrolls instead
COL, ROW = 150.0, 62.0  # px between columns / rows at scale 1
BOX_W, BOX_H = 118.0, 50.0
FILL = {"input": "#e3f2fd", "weight": "#fff3e0", "bias": "#fff3e0", "target": "#eceff1",
        "mul": "#f3e5f5", "add": "#f3e5f5", "activation": "#e8f5e9", "loss": "#ffebee"}
HIGHLIGHT = QColor(230, 120, 0)
GRAD_PHASES = (Phase.BACKWARD, Phase.UPDATE)
WORD_ACTIVATIONS = ("step", "softmax")  # written as words (translated), not symbols


class GraphNodeItem(QGraphicsRectItem):
    """One node: its label on top, ``value`` and ``grad`` under it."""

    def __init__(self, node: Any, scale: float) -> None:
        super().__init__(0, 0, BOX_W * scale, BOX_H * scale)
        self.node = node
        self.setBrush(QBrush(QColor(FILL.get(node.kind, "#ffffff"))))
        self.setPen(QPen(QColor("#78909c"), 1.0))
        self.title = QGraphicsSimpleTextItem(self)
        self.value_text = QGraphicsSimpleTextItem(self)
        self.grad_text = QGraphicsSimpleTextItem(self)
        bold = QFont()
        bold.setPointSizeF(bold.pointSizeF() * scale)
        bold.setBold(True)
        plain = QFont()
        plain.setPointSizeF(plain.pointSizeF() * 0.92 * scale)
        self.title.setFont(bold)
        self.value_text.setFont(plain)
        self.grad_text.setFont(plain)
        self.grad_text.setBrush(QBrush(QColor("#b71c1c")))
        pad = 4 * scale
        self.title.setPos(pad, pad * 0.5)
        self.value_text.setPos(pad, pad * 0.5 + BOX_H * scale / 3)
        self.grad_text.setPos(pad, pad * 0.5 + 2 * BOX_H * scale / 3)
        self.title.setText(node_title(node))
        self.value_text.setText(translate("ComputationGraphView", "data {v}").format(
            v=fmt(node.value)))  # micrograd's words: value and gradient
        self.setToolTip(f"{node.symbol} = {fmt(node.value)}\n∂L/∂{node.symbol} = "
                        f"{fmt(node.grad)}")

    def show_grad(self, on: bool) -> None:
        g = fmt(self.node.grad) if on else "?"  # "?" until the backward pass reaches it
        self.grad_text.setText(translate("ComputationGraphView", "grad {g}").format(g=g))


def node_title(node: Any) -> str:
    """Leaves by their symbol; operators by the operator and what they compute."""
    if node.kind in ("input", "weight", "bias", "target"):
        return node.label
    if node.kind == "loss":
        return f"L ({node.op.upper()})"
    label = node.label
    if node.kind == "activation" and node.op in WORD_ACTIVATIONS:
        label = activation_name(node.op)  # 계단 함수 in Korean, as on the canvas
    return f"{label}  {node.symbol}" if len(node.symbol) <= 8 else label


class ComputationGraphView(QGraphicsView):
    def __init__(self, model: Any, explained: Any = None, parent=None) -> None:
        super().__init__(parent)
        self.model, self.explained = model, explained
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setBackgroundBrush(QColor(252, 252, 252))
        self.graph = None
        self.unavailable = ""
        self.note = ""
        self.items: dict[str, GraphNodeItem] = {}
        self.active = True
        self._stale = False
        self._message: QGraphicsSimpleTextItem | None = None
        self._frames: list = []
        self._dirty = QTimer(self)
        self._dirty.setSingleShot(True)
        self._dirty.timeout.connect(self.rebuild)
        for sig in (model.preset_changed, model.network_changed, model.weights_changed,
                    model.input_changed, model.data_changed, model.run.hyper_changed):
            sig.connect(self._schedule)
        if explained is not None:
            explained.item_changed.connect(self._on_explained_item)
            explained.step_changed.connect(self._on_explained_step)
        interface_scale().changed.connect(self._on_interface_scale_changed)
        self.rebuild()

    # -- building -------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        self.active = bool(on)
        if self.active and self._stale:
            self.rebuild()

    def _schedule(self, *_args: object) -> None:
        if not self.active:
            self._stale = True
        elif not self._dirty.isActive():
            self._dirty.start(200 if self.model.run.playing else 0)

    def _on_interface_scale_changed(self, _factor: float) -> None:
        self._schedule()

    def _loss(self) -> tuple[str, str]:
        run, preset = self.model.run, self.model.preset
        if run.spec is not None:
            return str(run.spec.loss), ""
        training = getattr(preset, "training", None)
        if training is not None:
            return str(training.loss), ""
        return "mse", self.tr("This lesson does not train: L is the squared error (MSE), "
                              "for comparison.")

    def _compute(self) -> None:
        m = self.model
        self.graph, self.unavailable, self.note = None, "", ""
        net = m.network
        if net is None:
            self.unavailable = self.tr("No lesson is open.")
            return
        neurons = int(sum(net.spec.sizes))
        if neurons > MAX_NEURONS or net.params.size > MAX_PARAMS:
            self.unavailable = self.tr(
                "The computational graph is drawn for small networks (at most {n} neurons "
                "and {p} parameters: one neuron, the perceptron, XOR). This network has {k} "
                "neurons and {q} parameters; its graph would be too large to read. The "
                "explained step shows the same numbers.").format(
                    n=MAX_NEURONS, p=MAX_PARAMS, k=neurons, q=int(net.params.size))
            return
        t = m.target
        if t is None:
            self.unavailable = self.tr("Choose a row of the data: the graph needs an input "
                                       "and its target.")
            return
        loss, self.note = self._loss()
        if m.run.kind == "perceptron":
            self.note = self.tr("The perceptron learns by its own rule Δw = η·(d − y)·x; "
                                "the step function's h′ is 0, so these gradients are 0.")
        try:
            self.graph = build_graph(net, np.asarray(m.x, float), np.asarray(t, float), loss)
        except ValueError as e:
            self.unavailable = self.tr("The graph cannot be drawn here: {e}").format(e=e)

    def rebuild(self) -> None:
        """Compute the graph for the lesson's current state and redraw it."""
        self._dirty.stop()
        self._stale = False
        self._compute()
        self._scene.clear()
        self.items, self._frames, self._message = {}, [], None
        scale = interface_scale().factor
        if self.graph is None:
            self._message = self._scene.addSimpleText(self.unavailable)
            self._scene.setSceneRect(self._scene.itemsBoundingRect().adjusted(-10, -10, 10, 10))
            return
        cols = sorted({n.x for n in self.graph.nodes})
        rows = max(sum(1 for n in self.graph.nodes if n.x == c) for c in cols)
        width, height = (len(cols) - 1) * COL * scale, max(rows - 1, 0) * ROW * scale
        for n in self.graph.nodes:
            item = GraphNodeItem(n, scale)
            item.setPos(n.x * width, n.y * rows * ROW * scale - ROW * scale / 2)
            item.setZValue(2)
            self._scene.addItem(item)
            self.items[n.id] = item
        pen = QPen(QColor("#90a4ae"), 1.2)
        for e in self.graph.edges:
            a = self.items[e.source].sceneBoundingRect()
            b = self.items[e.target].sceneBoundingRect()
            p0, p1 = QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y())
            path = QPainterPath(p0)
            dx = (p1.x() - p0.x()) / 2
            path.cubicTo(p0 + QPointF(dx, 0), p1 - QPointF(dx, 0), p1)
            line = QGraphicsPathItem(path)
            line.setPen(pen)
            line.setZValue(1)
            self._scene.addItem(line)
        if self.note:
            self._message = self._scene.addSimpleText(self.note)
            self._message.setPos(0, -ROW * scale)
        del height
        self._scene.setSceneRect(self._scene.itemsBoundingRect().adjusted(-12, -12, 12, 12))
        self._show_phase()
        self.fit()

    # -- following the explained step -----------------------------------------------------
    def _on_explained_step(self) -> None:
        self._show_phase()

    def _on_explained_item(self, _index: int) -> None:
        self._show_phase()

    def explained_item(self) -> Any:
        """The explained step's current item once the student has played it (its tab may
        be behind this one), else None."""
        e = self.explained
        return e.item if e is not None and e.furthest is not None else None

    def current_phase(self) -> Phase | None:
        item = self.explained_item()
        return item.phase if item is not None else None

    def _show_phase(self) -> None:
        """Gradients from the backward pass on (all of them without an explained step);
        the explained item's nodes framed."""
        phase = self.current_phase()
        grads = phase is None or phase in GRAD_PHASES
        for item in self.items.values():
            item.show_grad(grads)
        for f in self._frames:
            self._scene.removeItem(f)
        self._frames = []
        item = self.explained_item()
        if item is None:
            return
        wanted = set(item.targets) | {item.anchor}
        pen = QPen(HIGHLIGHT, 3.0)
        for node_item in self.items.values():
            ref = node_item.node.ref
            if ref is not None and ref in wanted:
                r = node_item.sceneBoundingRect().adjusted(-3, -3, 3, 3)
                frame = self._scene.addRect(QRectF(r), pen)
                frame.setZValue(3 if ref == item.anchor else 2.5)
                self._frames.append(frame)

    def labels(self) -> dict[str, tuple[str, str, str]]:
        """Each node's (title, value text, grad text) as drawn (tests, accessibility)."""
        return {k: (it.title.text(), it.value_text.text(), it.grad_text.text())
                for k, it in self.items.items()}

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Fit the graph in the view, but never below MIN_ZOOM (then it scrolls) nor above 1."""
        r = self._scene.sceneRect()
        if self.graph is None or r.width() <= 0 or r.height() <= 0:
            return
        vp = self.viewport().rect()
        s = min(vp.width() / r.width(), vp.height() / r.height())
        s = min(1.0, max(MIN_ZOOM, s))
        self.resetTransform()
        self.scale(s, s)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    def make(model):
        model.select_sample(3)
        return ComputationGraphView(model)

    sys.exit(preview(make, "xor-backprop-2", (1000, 560)))
