"""Outputs panel: the output vector, the predicted class and, for softmax, probability bars."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.ui.common.formatting import fmt, fmt_full, sub
from nnviz.ui.common.probability_bars import ProbabilityBars
from nnviz.ui.model.prediction import predicted_class

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


class OutputsPanel(QWidget):
    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
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
        lesson.forward_updated.connect(self._on_lesson_forward_updated)

    def _on_lesson_forward_updated(self, trace):
        if not trace:
            return
        a, y = trace[-1]
        net = self.lesson.network
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
        k = predicted_class(y)
        if n == 1:
            text = self.tr("y = {y}  →  class {k}").format(y=fmt(y[0]), k=k)
        else:
            text = self.tr("predicted class: {k}").format(k=k)
        t = self.lesson.target
        if t is not None and self.lesson.samples is not None:
            label = int(self.lesson.samples.labels[self.lesson.sample_index])
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

    from nnviz.ui.preview import preview

    sys.exit(preview(OutputsPanel, "keras-and-softmax", (300, 300)))
