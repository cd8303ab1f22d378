"""The chain-rule tracer: ∂L/∂w of one weight taken apart along its paths from the loss.

A view of :class:`~nnviz.ui.model.gradient_trace.GradientTraceState`: pickers for the weight
(layer, from, to) or the bias, the gradient, the path shown (the strongest first) as a table
of its factors — the input z, each h′(a), each weight, ∂L/∂y or y − t — with their product,
the sum over all paths that equals the gradient, and the warnings where a factor (or the
whole chain) nearly stops it: a saturated sigmoid, a dead ReLU, a vanishing product.  Under
them, the backward pass's own lines ∂L/∂w = z·δ and δ = h′·Σ w·δ with their numbers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.explain import BiasRef, EdgeRef, caption
from nnviz.ui.common.formatting import count, fmt
from nnviz.ui.common.scrolling import scrolling

WARN_COLOR = "#b45309"
MAX_CHAIN_LINES = 4  # δ lines shown beside the table (a deep net has one per neuron)


class GradientTracerPanel(QWidget):
    def __init__(self, tracer: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracer = tracer
        self.kind = QComboBox()
        self.kind.addItem(self.tr("weight w"), "W")
        self.kind.addItem(self.tr("bias b"), "b")
        self.layer = QComboBox()
        self.source = QSpinBox()
        self.target = QSpinBox()
        self.source.setToolTip(self.tr("The neuron the weight comes from (1 = the first)"))
        self.target.setToolTip(self.tr("The neuron the weight goes into (1 = the first)"))
        self.source_label = QLabel(self.tr("from"))
        self.target_label = QLabel(self.tr("to"))
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Trace")))
        for w in (self.kind, self.layer, self.source_label, self.source, self.target_label,
                  self.target):
            pick.addWidget(w)
        pick.addStretch(1)
        for w in (self.kind, self.layer):
            w.currentIndexChanged.connect(self._on_picked)
        for w in (self.source, self.target):
            w.valueChanged.connect(self._on_picked)

        self.caption = QLabel()
        self.caption.setWordWrap(True)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.3)
        big.setBold(True)
        self.gradient = QLabel()
        self.gradient.setFont(big)
        self.path_box = QComboBox()
        self.path_box.setToolTip(self.tr("The paths from the loss back to the weight, the "
                                         "largest products first"))
        self.path_box.currentIndexChanged.connect(self._on_path_chosen)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("factor"), self.tr("value"),
                                              self.tr("what it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.Stretch)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color:{WARN_COLOR};")
        self.chain = QPlainTextEdit()  # long δ sums scroll sideways instead of widening
        self.chain.setReadOnly(True)
        self.chain.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.chain.setStyleSheet("color:#455a64;")
        self.chain.setFixedHeight(int(self.fontMetrics().lineSpacing() * (MAX_CHAIN_LINES + 2.4)))
        self.chain.setToolTip(self.tr("The backward pass's own lines: ∂L/∂w = z·δ and "
                                      "δ = h′·Σ w·δ, with the numbers"))
        self.unavailable = QLabel()
        self.unavailable.setWordWrap(True)
        for lab in (self.caption, self.gradient, self.total, self.warnings):
            lab.setTextInteractionFlags(Qt.TextSelectableByMouse)

        content = QWidget()
        col = QVBoxLayout(content)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(3)
        col.addWidget(self.caption)
        row = QHBoxLayout()
        row.addWidget(self.gradient)
        row.addStretch(1)
        row.addWidget(self.path_box)
        col.addLayout(row)
        # the path's factors on the left, what they add up to and the warnings on the right:
        # the tab is wide and short (beside the canvas, under it)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        side = QVBoxLayout()
        side.setSpacing(3)
        side.addWidget(self.total)
        side.addWidget(self.warnings)
        side.addWidget(self.chain)
        side.addStretch(1)
        body.addLayout(side, 2)
        col.addLayout(body, 1)
        self.stack = QStackedWidget()
        # scrolls in a short dock instead of making the bottom area taller than its layout
        # says (the canvas above it shrank to 230 px on the vanishing-gradient lessons)
        self.stack.addWidget(scrolling(content, min_height=60))
        self.stack.addWidget(self.unavailable)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addLayout(pick)
        lay.addWidget(self.stack, 1)
        tracer.trace_changed.connect(self.refresh)
        tracer.param_changed.connect(self._on_param_changed)
        tracer.highlight_changed.connect(self._on_highlight_changed)
        tracer.model.network_changed.connect(self._sync_pickers)
        self._sync_pickers()
        self.refresh()

    # -- pickers --------------------------------------------------------------------------
    def _sync_pickers(self) -> None:
        """The pickers' ranges from the network, their values from the traced parameter."""
        net, ref = self.tracer.model.network, self.tracer.param
        blockers = [QSignalBlocker(w) for w in (self.kind, self.layer, self.source,
                                                self.target)]
        n_layers = len(net.W) if net is not None else 0
        if self.layer.count() != n_layers:
            self.layer.clear()
            for k in range(n_layers):
                self.layer.addItem(self.tr("layer {l}").format(l=k + 1), k)
        if ref is not None:
            self.kind.setCurrentIndex(0 if isinstance(ref, EdgeRef) else 1)
            self.layer.setCurrentIndex(ref.layer)
        layer = max(self.layer.currentIndex(), 0)
        if net is not None and n_layers:
            rows, cols = net.W[layer].shape
            self.source.setRange(1, rows)
            self.target.setRange(1, cols)
        if isinstance(ref, EdgeRef):
            self.source.setValue(ref.i + 1)
        if ref is not None:
            self.target.setValue(ref.j + 1)
        is_weight = self.kind.currentData() == "W"
        self.source.setVisible(is_weight)
        self.source_label.setVisible(is_weight)
        del blockers
        for w in (self.kind, self.layer, self.source, self.target):
            w.setEnabled(n_layers > 0)

    def _on_param_changed(self, _ref: object) -> None:
        self._sync_pickers()

    def _on_picked(self, _value: object = None) -> None:
        layer = self.layer.currentIndex()
        if layer < 0:
            return
        self._sync_pickers_ranges(layer)
        j = self.target.value() - 1
        ref = EdgeRef(layer, self.source.value() - 1, j) if self.kind.currentData() == "W" \
            else BiasRef(layer, j)
        if not self.tracer.set_param(ref):
            self._sync_pickers()  # a layer without biases: back to what is traced

    def _sync_pickers_ranges(self, layer: int) -> None:
        net = self.tracer.model.network
        if net is None:
            return
        rows, cols = net.W[layer].shape
        for w, hi in ((self.source, rows), (self.target, cols)):
            with QSignalBlocker(w):
                w.setRange(1, hi)
        is_weight = self.kind.currentData() == "W"
        self.source.setVisible(is_weight)
        self.source_label.setVisible(is_weight)

    # -- the trace ------------------------------------------------------------------------
    def refresh(self) -> None:
        t, tr = self.tracer.trace, QCoreApplication.translate
        if t is None:
            self.unavailable.setText(self.tracer.unavailable)
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        self.caption.setText(caption(t, tr))
        self.gradient.setText(f"∂L/∂{t.symbol} = {fmt(t.gradient)}")
        self.gradient.setToolTip(self.tr("The gradient the backward pass computes for this "
                                         "sample"))
        with QSignalBlocker(self.path_box):
            self.path_box.clear()
            for k, p in enumerate(self.tracer.paths):
                self.path_box.addItem(self.tr("path {k}: product {v}").format(
                    k=k + 1, v=fmt(p.value)), k)
            self.path_box.setCurrentIndex(self.tracer.path_index)
        self.path_box.setVisible(t.n_paths > 1)
        if t.n_paths == 1:
            self.total.setText(self.tr("One path: the product of its factors is the gradient, "
                                       "{g}.").format(g=fmt(t.gradient)))
        else:
            shown = len(self.tracer.paths)
            self.total.setText(self.tr(
                "The table shows one of {n} paths ({k} strongest in the list). The sum of all "
                "{n} products is {s}, the gradient ∂L/∂{w} = {g}.").format(
                    n=count(t.n_paths), k=shown, s=fmt(t.evaluate()), w=t.symbol,
                    g=fmt(t.gradient)))
        warns = [caption(w, tr) for w in t.warnings]
        if len(warns) > 6:
            more = len(warns) - 5
            warns = warns[:5] + [self.tr("… and {n} more factors like these").format(n=more)]
        self.warnings.setText("\n".join("⚠ " + w for w in warns))
        self.warnings.setVisible(bool(warns))
        _formula, numbers = t.text()
        lines = list(numbers[:MAX_CHAIN_LINES])
        if len(numbers) > MAX_CHAIN_LINES:
            lines.append(self.tr("… {n} more δ lines (one per neuron after it)").format(
                n=len(numbers) - MAX_CHAIN_LINES))
        self.chain.setPlainText("\n".join(lines))
        self._fill_table()

    def _on_path_chosen(self, i: int) -> None:
        if i >= 0:
            self.tracer.show_path(i)

    def _on_highlight_changed(self, _anchor: object, _refs: object) -> None:
        self._fill_table()

    def _fill_table(self) -> None:
        path = self.tracer.path
        factors = path.factors if path is not None else ()
        self.table.setRowCount(len(factors) + (1 if path is not None else 0))
        for r, f in enumerate(factors):
            what = caption(f.warning, QCoreApplication.translate) if f.warning is not None \
                else self._kind_text(f.kind)
            self._set_row(r, f.symbol, f.value, what, f.warning is not None)
        if path is not None:
            self._set_row(len(factors), self.tr("product"), path.value,
                          self.tr("this path's share of the gradient"), False, bold=True)
        self.table.resizeRowsToContents()
        self.table.setMinimumHeight(6 * self.fontMetrics().lineSpacing())

    def _kind_text(self, kind: str) -> str:
        return {"input": self.tr("the input the weight multiplies"),
                "weight": self.tr("a weight on the way back"),
                "h_prime": self.tr("the activation's slope h′(a)"),
                "dL_dy": self.tr("how the loss changes with the output"),
                "delta_out": self.tr("the output's error δ")}.get(kind, kind)

    def _set_row(self, r: int, name: str, value: float, what: str, warn: bool,
                 bold: bool = False) -> None:
        cells = (QTableWidgetItem(name), QTableWidgetItem(fmt(value)), QTableWidgetItem(what))
        cells[1].setData(Qt.UserRole, float(value))  # full precision (tests, tooltips)
        cells[1].setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        for c, item in enumerate(cells):
            if warn:
                item.setForeground(QBrush(QColor(WARN_COLOR)))
            if bold:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.table.setItem(r, c, item)


if __name__ == "__main__":
    import sys

    from nnviz.ui.model.gradient_trace import GradientTraceState
    from nnviz.ui.preview import preview

    def make(model):
        model.select_sample(0)
        return GradientTracerPanel(GradientTraceState(model))

    sys.exit(preview(make, "vanishing-sigmoid", (760, 520)))
