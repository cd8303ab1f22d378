"""Confusion matrix of the MNIST test images: counts, per-class accuracy and the accuracy.

Rows are the true labels, columns the predictions; the diagonal (right answers) is shaded
blue, mistakes orange (the app's signed colour scale).  Clicking a cell asks the sample browser
to show those images.  The evaluation runs off the GUI thread in batches of 100 (handout 003)
through the shared :class:`Evaluator`.

Signals
-------
cell_clicked(int, int)   true class, predicted class of the clicked cell
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.ui.common import colors
from nnviz.ui.common.formatting import count, fmt_full, pct
from nnviz.ui.model.mnist_evaluator import Evaluator

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

N = 10


class ConfusionView(QWidget):
    cell_clicked = Signal(int, int)

    def __init__(self, lesson: LessonModel, evaluator: Evaluator | None = None, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.evaluator = evaluator or Evaluator(lesson, self)
        self.cm: np.ndarray | None = None
        self.accuracy = float("nan")

        self.summary = QLabel(self.tr("Not evaluated yet"))
        font = self.summary.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.summary.setFont(font)
        self.summary.setToolTip(self.tr("Accuracy [정답률] on the test images: right answers "
                                        "(the diagonal) divided by all images"))
        self.evaluate_button = QPushButton(self.tr("Evaluate"))
        self.evaluate_button.setToolTip(self.tr("Classify the test images now, 100 at a time "
                                                "(batch processing as in handout 003)"))
        self.evaluate_button.clicked.connect(self.evaluator.evaluate)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the evaluation"))
        self.cancel_button.clicked.connect(self.evaluator.cancel)
        self.progress = QProgressBar()
        self.progress.setToolTip(self.tr("Test images classified so far"))
        self.progress.setTextVisible(True)

        self.table = QTableWidget(N, N + 1)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setHorizontalHeaderLabels([str(p) for p in range(N)] + [self.tr("acc.")])
        self.table.setVerticalHeaderLabels([str(t) for t in range(N)])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(N, QHeaderView.ResizeToContents)
        # four-digit counts (1,135 test images of "1") must fit without "10…"
        cell = self.table.fontMetrics().horizontalAdvance("8888") + 12
        self.table.horizontalHeader().setMinimumSectionSize(cell)
        self.table.setMinimumWidth(cell * (N + 1) + 40)
        self.table.setToolTip(self.tr("Rows: the true digit; columns: the network's answer. "
                                      "Click a cell to see those test images."))
        for p in range(N):
            self.table.horizontalHeaderItem(p).setToolTip(self.tr("predicted {p}").format(p=p))
        self.table.horizontalHeaderItem(N).setToolTip(
            self.tr("Accuracy per true digit: its diagonal count / its row's sum"))
        for t in range(N):
            self.table.verticalHeaderItem(t).setToolTip(self.tr("true label {t}").format(t=t))
        self.table.cellClicked.connect(self._on_table_cell_clicked)
        self.axes = QLabel(self.tr("rows: true label · columns: predicted"))
        self.axes.setToolTip(self.tr("How to read the matrix"))

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.evaluate_button)
        top.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.progress)
        lay.addWidget(self.axes)
        lay.addWidget(self.table, 1)

        ev = self.evaluator
        ev.started.connect(self._on_evaluator_started)
        ev.progressed.connect(self._on_evaluator_progressed)
        ev.evaluated.connect(self._on_evaluator_evaluated)
        ev.failed.connect(self._on_evaluator_failed)
        ev.stale.connect(self._on_evaluator_stale)
        lesson.data_changed.connect(self._update_buttons)
        lesson.network_changed.connect(self._update_buttons)
        self._set_running(False)
        if ev.result is not None:
            self._on_evaluator_evaluated(ev.result)

    # -- display --------------------------------------------------------------------------
    def show_evaluation(self, ev) -> None:
        cm = ev.cm[:N, :N] if ev.cm.shape[0] >= N else np.pad(ev.cm, (0, N - ev.cm.shape[0]))
        self.cm, self.accuracy = ev.cm, ev.accuracy
        rows = cm.sum(axis=1)
        off = cm.copy()
        np.fill_diagonal(off, 0)
        off_max = max(1, int(off.max()))
        per = ev.per_class
        for t in range(N):
            for p in range(N):
                v = int(cm[t, p])
                if t == p:
                    shade = v / rows[t] if rows[t] else 0.0
                else:
                    shade = -v / off_max
                rgb = colors.signed_rgb(shade)
                item = QTableWidgetItem(str(v) if v else "")
                item.setTextAlignment(Qt.AlignCenter)
                item.setBackground(QBrush(QColor(*rgb)))
                item.setForeground(QBrush(QColor(*colors.text_on(rgb))))
                item.setToolTip(self.tr("{n} test images of digit {t} classified as {p} "
                                        "(click to show them)").format(n=count(v), t=t, p=p))
                self.table.setItem(t, p, item)
            a = per[t] if t < len(per) else float("nan")
            item = QTableWidgetItem(pct(a))
            item.setTextAlignment(Qt.AlignCenter)
            item.setToolTip(self.tr("Digit {t}: {k} of {n} right = {a}").format(
                t=t, k=count(cm[t, t]), n=count(rows[t]), a="–" if np.isnan(a) else fmt_full(a)))
            self.table.setItem(t, N, item)
        n = int(ev.cm.sum())
        self.summary.setText(self.tr("Accuracy {acc} ({k} of {n} test images)").format(
            acc=pct(ev.accuracy, 2), k=count(np.trace(ev.cm)), n=count(n)))
        self.summary.setToolTip(self.tr("Accuracy = {a} (right answers / test images)")
                                .format(a=fmt_full(ev.accuracy)))

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self._update_buttons()

    def _update_buttons(self):
        self.evaluate_button.setEnabled(self.evaluator.available() and not self.evaluator.running)
        if not self.evaluator.available() and self.cm is None:
            msg = self.lesson.data_error or self.tr("Choose an MNIST lesson and load its data.")
            self.summary.setText(msg)

    # -- slots ----------------------------------------------------------------------------
    def _on_evaluator_started(self):
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self._set_running(True)

    def _on_evaluator_progressed(self, done, total):
        self.progress.setValue(100 * done // max(total, 1))
        self.progress.setFormat(self.tr("{done} / {total} images").format(done=count(done),
                                                                           total=count(total)))

    def _on_evaluator_evaluated(self, ev):
        self._set_running(False)
        self.axes.setText(self.tr("rows: true label · columns: predicted"))
        self.show_evaluation(ev)

    def _on_evaluator_failed(self, message):
        self._set_running(False)
        self.summary.setText(self.tr("Evaluation failed: {m}").format(m=message))

    def _on_evaluator_stale(self):
        if self.cm is not None:
            self.axes.setText(self.tr("rows: true label · columns: predicted — the weights "
                                      "changed; the matrix updates when they stop changing"))
        self._update_buttons()

    def _on_table_cell_clicked(self, row, col):
        if col < N and self.cm is not None:
            self.cell_clicked.emit(row, col)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(ConfusionView, "mnist-course", (640, 520)))
