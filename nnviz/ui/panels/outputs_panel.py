"""Outputs panel: the output vector, the predicted class and, for softmax, probability bars.

For a softmax output it can also show the textbook formula e^a / Σ e^a beside the stable one
the network uses, e^(a − max a) / Σ e^(a − max a), both for the current a (handout 002: for
a = [1010, 1000, 990] the first overflows to nan, the second gives [0.99995, 4.54e−5,
2.06e−9]).  The comparison is a check box shown whenever the output is softmax; a lesson turns
it on by default with ``"view": {"softmax_compare": true}`` (the softmax-overflow lesson).  The
numbers are float64 (the lessons without training show their network in float64) and printed
as NumPy prints them, so they read like the handout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.nn.activations import softmax, softmax_naive
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
        self.compare = QCheckBox(self.tr("Compare with the textbook softmax"))
        self.compare.setToolTip(self.tr("Show softmax computed as e^a / Σ e^a, which overflows "
                                        "for large a, beside the stable e^(a − max a) / "
                                        "Σ e^(a − max a) the network uses"))
        self.compare.toggled.connect(self._on_compare_toggled)
        self.naive = QLabel()
        self.stable = QLabel()
        for label in (self.naive, self.stable):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._last_a = np.zeros(0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.prediction)
        lay.addWidget(self.table)
        lay.addWidget(self.bars_title)
        lay.addWidget(self.bars)
        lay.addWidget(self.compare)
        lay.addWidget(self.naive)
        lay.addWidget(self.stable)
        lay.addStretch(1)
        lesson.forward_updated.connect(self._on_lesson_forward_updated)
        lesson.preset_changed.connect(self._on_lesson_preset_changed)
        self._show_comparison(False)

    def _on_lesson_preset_changed(self, preset):
        self.compare.setChecked(bool(preset is not None
                                     and preset.view.get("softmax_compare", False)))
        self._show_comparison(self._softmax_output())

    def _softmax_output(self) -> bool:
        net = self.lesson.network
        return net is not None and net.spec.layers[-1].activation == "softmax"

    def _on_compare_toggled(self, _checked):
        self._show_comparison(self._softmax_output())

    def _show_comparison(self, softmax_output: bool):
        """The check box for a softmax output; both formulas' results when it is checked."""
        self.compare.setVisible(softmax_output)
        shown = softmax_output and self.compare.isChecked() and self._last_a.size > 0
        self.naive.setVisible(shown)
        self.stable.setVisible(shown)
        if not shown:
            return
        a = self._last_a
        self.naive.setText(self.tr("Textbook e^a / Σ e^a: {y}").format(y=naive_softmax_text(a)))
        self.stable.setText(self.tr("Max subtracted e^(a − max a) / Σ e^(a − max a): {y}")
                            .format(y=numpy_text(softmax(a))))

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
        self._last_a = np.asarray(a, dtype=np.float64)
        self._show_comparison(soft)

    def output_texts(self) -> list[str]:
        return [self.table.item(k, 2).text() for k in range(self.table.rowCount())]


def numpy_text(y) -> str:
    """``y`` as NumPy prints it (8 significant digits), like the handout's printed arrays."""
    return np.array2string(np.asarray(y, dtype=np.float64), precision=8)


def naive_softmax_text(a) -> str:
    """The textbook softmax of ``a``: NumPy's print, with the reason when it is nan."""
    y = softmax_naive(a)
    if not np.isnan(y).any():
        return numpy_text(y)
    why = QCoreApplication.translate("OutputsPanel", "nan (overflow: e^{a} = ∞)").format(
        a=fmt(float(np.max(a))))
    return why if np.isnan(y).all() else f"{numpy_text(y)}  {why}"


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(OutputsPanel, "keras-and-softmax", (300, 300)))
