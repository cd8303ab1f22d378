"""Outputs panel: the output vector, the predicted class and, for softmax, probability bars."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.ui import colors
from nnviz.ui.formatting import fmt, fmt_full, sub


class ProbabilityBars(QWidget):
    """One horizontal bar per class, the predicted one highlighted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.p = np.zeros(0)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.setToolTip(self.tr("Softmax output: the probability of each class"))

    def _wanted_height(self) -> int:
        return max(1, len(self.p)) * (self.fontMetrics().height() + 4) + 4

    def set_values(self, p):
        self.p = np.asarray(p, dtype=float)
        self.setFixedHeight(self._wanted_height())
        self.update()

    def sizeHint(self):  # noqa: N802
        return QSize(200, self._wanted_height())

    def paintEvent(self, event):  # noqa: N802
        if not len(self.p):
            return
        qp = QPainter(self)
        qp.setRenderHint(QPainter.Antialiasing)
        fm = self.fontMetrics()
        h = fm.height() + 4
        lw = fm.horizontalAdvance("00") + 6
        vw = fm.horizontalAdvance("0.0000") + 8
        width = max(10, self.width() - lw - vw)
        best = int(np.nanargmax(self.p)) if np.isfinite(self.p).any() else -1
        for k, v in enumerate(self.p):
            y = 2 + k * h
            qp.setPen(QColor(40, 40, 40))
            qp.drawText(QRectF(0, y, lw - 4, h), Qt.AlignRight | Qt.AlignVCenter, str(k))
            qp.fillRect(QRectF(lw, y + 2, width, h - 4), QColor(235, 235, 235))
            col = QColor(*colors.POSITIVE) if k == best else QColor(130, 170, 205)
            vv = float(v) if np.isfinite(v) else 0.0
            qp.fillRect(QRectF(lw, y + 2, width * min(max(vv, 0.0), 1.0), h - 4), col)
            qp.drawText(QRectF(lw + width + 4, y, vw, h), Qt.AlignLeft | Qt.AlignVCenter, fmt(v))
        qp.end()


class OutputsPanel(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self.prediction = QLabel()
        self.prediction.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.prediction.setWordWrap(True)
        self.prediction.setToolTip(self.tr("The network's answer for the current input"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("output"), "a", "z = y"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setToolTip(self.tr("Each output neuron's weighted sum a and output y"))
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.bars = ProbabilityBars()
        self.bars_title = QLabel(self.tr("Probabilities (softmax)"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.prediction)
        lay.addWidget(self.table)
        lay.addWidget(self.bars_title)
        lay.addWidget(self.bars)
        lay.addStretch(1)
        controller.forward_updated.connect(self._on_controller_forward_updated)

    def _on_controller_forward_updated(self, trace):
        if not trace:
            return
        a, y = trace[-1]
        net = self.c.network
        act = net.spec.layers[-1].activation
        n = len(y)
        self.table.setRowCount(n)
        for k in range(n):
            items = (f"y{sub(k + 1)}", fmt(a[k]), fmt(y[k]))
            for col, text in enumerate(items):
                it = self.table.item(k, col)
                if it is None:
                    it = QTableWidgetItem()
                    it.setTextAlignment(Qt.AlignCenter)
                    self.table.setItem(k, col, it)
                it.setText(text)
            self.table.item(k, 1).setToolTip(fmt_full(a[k]))
            self.table.item(k, 2).setToolTip(fmt_full(y[k]))
        # at most 4 rows tall (scrolls beyond): 10 MNIST classes must not push the window taller
        rows = min(4, n) if act == "softmax" else min(6, n)
        self.table.setFixedHeight(rows * self.table.verticalHeader().defaultSectionSize()
                                  + self.table.horizontalHeader().height() + 6)
        if n == 1:
            cls = int(y[0] > 0.5)
            text = self.tr("y = {y}  →  class {k}").format(y=fmt(y[0]), k=cls)
        else:
            k = int(np.nanargmax(y)) if np.isfinite(y).any() else 0
            text = self.tr("predicted class: {k}").format(k=k)
        t = self.c.target
        if t is not None and self.c.samples is not None:
            label = int(self.c.samples.labels[self.c.sample_index])
            text += "   " + self.tr("(label {d})").format(d=label)
        self.prediction.setText(text)
        soft = act == "softmax"
        self.bars.setVisible(soft)
        self.bars_title.setVisible(soft)
        if soft:
            self.bars.set_values(y)

    def output_texts(self) -> list[str]:
        return [self.table.item(k, 2).text() for k in range(self.table.rowCount())]


if __name__ == "__main__":
    import sys

    from nnviz.ui.widgets.demo import run_demo

    sys.exit(run_demo(OutputsPanel, "keras-and-softmax", (300, 300)))
