"""Inspector: the clicked neuron's incoming weights, bias, a, z, formula and activation curve.

The incoming weights and the bias are editable (edits go through the lesson, undoable).
The curve is a pyqtgraph plot created on first use, so pyqtgraph is not imported at start-up.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.nn.activations import ACTIVATIONS, apply
from nnviz.ui.common import colors
from nnviz.ui.common.formatting import NumberError, fmt, fmt_full, parse_number, sub
from nnviz.ui.common.formulas import neuron_formula

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


#: below this width (px) the activation plot goes under the table instead of beside it
NARROW_WIDTH = 520

class Inspector(QWidget):
    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.layer, self.index = -1, -1
        self.header = QLabel(self.tr("Click a neuron on the canvas to inspect it."))
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold;")
        self.formula = QLabel()
        self.formula.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.formula.setToolTip(self.tr("The neuron's weighted sum a and activation z with the "
                                        "current numbers"))
        self.formula.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("from"), self.tr("input z"),
                                              self.tr("weight w")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked
                                   | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.AnyKeyPressed)
        self.table.setToolTip(self.tr("Incoming weights and bias of this neuron; double-click a "
                                      "weight to edit it"))
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setVisible(False)
        self.plot_holder = QVBoxLayout()
        self.plot = None
        self._curve = self._point = None
        left = QVBoxLayout()
        left.addWidget(self.header)
        left.addWidget(self.formula)
        left.addWidget(self.table, 1)
        left.addWidget(self.message)
        # side by side in a wide dock, the plot under the table in a narrow column (a side
        # column of 360 px left the table's headers cut: "input z", "weight w")
        self.box = lay = QBoxLayout(QBoxLayout.LeftToRight, self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(left, 3)
        lay.addLayout(self.plot_holder, 2)
        self._filling = False
        lesson.neuron_selected.connect(self.show_neuron)
        lesson.forward_updated.connect(self._on_lesson_forward_updated)
        lesson.network_changed.connect(self._on_lesson_network_changed)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        narrow = self.width() < NARROW_WIDTH
        direction = QBoxLayout.TopToBottom if narrow else QBoxLayout.LeftToRight
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            if self.plot is not None:
                self.plot.setMinimumWidth(0 if narrow else 200)
                self.plot.setMinimumHeight(160 if narrow else 0)

    def ensure_plot(self):
        """Create the pyqtgraph plot (imports pyqtgraph: done after the window shows)."""
        if self.plot is not None:
            return self.plot
        os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self.plot = pg.PlotWidget()
        self.plot.setToolTip(self.tr("The activation function h(a); the dot is this neuron's "
                                     "current (a, z)"))
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setLabel("bottom", "a")
        self.plot.setLabel("left", "z = h(a)")
        narrow = self.box.direction() == QBoxLayout.TopToBottom
        self.plot.setMinimumWidth(0 if narrow else 200)
        self.plot.setMinimumHeight(160 if narrow else 0)
        self._curve = self.plot.plot(pen=pg.mkPen((8, 119, 189), width=2))
        self._point = self.plot.plot(symbol="o", symbolSize=11, pen=None,
                                     symbolBrush=(245, 147, 34))
        self.plot_holder.addWidget(self.plot)
        self._update_plot()
        return self.plot

    def _on_lesson_network_changed(self):
        self.layer, self.index = -1, -1
        self.header.setText(self.tr("Click a neuron on the canvas to inspect it."))
        self.formula.clear()
        self.table.setRowCount(0)
        if self._curve is not None:
            self._curve.setData([], [])
            self._point.setData([], [])
        self._update_plot()

    def _on_lesson_forward_updated(self, trace):
        if self.layer >= 0:
            self.show_neuron(self.layer, self.index)

    def show_neuron(self, layer: int, index: int):
        self.layer, self.index = layer, index
        net = self.lesson.network
        if net is None or layer < 0:
            return
        self.message.setVisible(False)
        if layer == 0:
            self.header.setText(self.tr("Input x{j}").format(j=sub(index + 1)))
            self.formula.setText(neuron_formula(self.lesson, layer, index))
            self.table.setRowCount(0)
            self._update_plot()
            return
        li = layer - 1
        spec = net.spec.layers[li]
        kind = self.tr("output") if layer == len(net.spec.sizes) - 1 else self.tr("hidden")
        self.header.setText(self.tr("Layer {l} ({kind}), neuron {j} — activation {act}").format(
            l=layer, kind=kind, j=index + 1, act=spec.activation))
        self.formula.setText(neuron_formula(self.lesson, layer, index).replace("\n", "<br>"))
        z_prev = self.lesson.values(layer - 1)[1]
        W = net.W[li]
        has_b = net.b[li] is not None
        n = W.shape[0] + (1 if has_b else 0)
        self._filling = True
        self.table.setRowCount(n)
        prev = "x" if layer == 1 else "z"
        for i in range(W.shape[0]):
            self._set_row(i, f"{prev}{sub(i + 1)}", fmt(z_prev[i]), W[i, index])
        if has_b:
            self._set_row(n - 1, self.tr("bias b"), "1", net.b[li][index])
        self._filling = False
        self._update_plot()

    def _set_row(self, r, name, zval, w):
        a = QTableWidgetItem(name)
        b = QTableWidgetItem(zval)
        for it in (a, b):
            it.setFlags(it.flags() & ~Qt.ItemIsEditable)
        c = QTableWidgetItem(fmt_full(w))
        rgb = colors.signed_rgb(w)
        c.setBackground(QBrush(QColor(*((int(v) * 2 + 255) // 3 for v in rgb))))
        c.setToolTip(self.tr("Double-click to edit"))
        self.table.setItem(r, 0, a)
        self.table.setItem(r, 1, b)
        self.table.setItem(r, 2, c)

    def _on_table_item_changed(self, item):
        if self._filling or item.column() != 2 or self.layer < 1:
            return
        li = self.layer - 1
        try:
            v = parse_number(item.text())
        except NumberError:
            self.message.setText(self.tr("“{t}” is not a finite number; the weight was "
                                         "kept.").format(t=item.text()))
            self.message.setVisible(True)
            self.show_neuron(self.layer, self.index)
            self.message.setVisible(True)
            return
        if item.row() < self.lesson.network.W[li].shape[0]:
            self.lesson.edit_weight(li, item.row(), self.index, v)
        else:
            self.lesson.edit_bias(li, self.index, v)

    def _update_plot(self):
        if self.plot is not None:  # an empty grid with stale ticks until a neuron is shown
            self.plot.setVisible(self.layer >= 1)
        if self._curve is None or self.layer < 1:
            return
        net = self.lesson.network
        li = self.layer - 1
        spec = net.spec.layers[li]
        a, z = self.lesson.values(self.layer)
        a_j, z_j = float(a[self.index]), float(z[self.index])
        span = max(6.0, abs(a_j) * 1.5)
        xs = np.linspace(-span, span, 301)
        if ACTIVATIONS[spec.activation].derivative is not None:
            ys = apply(spec.activation, xs, net.alpha_of(li))
            self.plot.setTitle(ACTIVATIONS[spec.activation].formula)
        elif spec.activation == "softmax":
            # softmax of this neuron as its own a varies, the others held fixed
            others = np.asarray(a, dtype=float).copy()
            grid = np.repeat(others[None, :], len(xs), axis=0)
            grid[:, self.index] = xs
            ys = apply("softmax", grid)[:, self.index]
            self.plot.setTitle(self.tr("softmax, other neurons fixed"))
        else:
            ys = xs * np.nan
        self._curve.setData(xs, ys)
        self._point.setData([a_j], [z_j])


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    def make(c):
        w = Inspector(c)
        w.ensure_plot()
        c.network_changed.connect(lambda: None)
        c.preset_changed.connect(lambda p: c.select_neuron(1, 0))
        return w

    sys.exit(preview(make))
