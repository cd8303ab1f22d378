"""What the last step did.

Perceptron lessons: the handout-001 round table, one line per sample as it is trained —
x1, x2, d, y, error d − y, ΔW and the new W — accumulating round after round, each round
closed by its accuracy [정답률] after the round.  MLP lessons: the last sample of the step
(input, target, output, loss), each layer's deltas δ = ∂L/∂a and the largest weight changes.

Signals: none (it follows the lesson's training session).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nnviz.ui.common.formatting import fmt, fmt_full, fmt_vec, pct

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

#: lines kept in the round table (older ones scroll away)
MAX_LINES = 2000
#: numbers shown per vector in the MLP detail (wide layers are cut with "…")
MAX_SHOWN = 12
#: largest weight changes listed per step
TOP_CHANGES = 8


def _vec(v) -> str:
    v = np.asarray(v).ravel()
    if v.size <= MAX_SHOWN:
        return fmt_vec(v)
    return fmt_vec(v[:MAX_SHOWN])[:-1] + f", … ({v.size})]"


def largest_changes(W_change, k: int = TOP_CHANGES) -> list[tuple[str, float]]:
    """The ``k`` largest |ΔW| entries as ("W2[1,3]", change), 1-based indices."""
    found = []
    for layer, dW in enumerate(W_change):
        dW = np.asarray(dW)
        if dW.size == 0:
            continue
        flat = np.abs(dW).ravel()
        top = np.argpartition(flat, -min(k, flat.size))[-min(k, flat.size):]
        for f in top:
            i, j = np.unravel_index(f, dW.shape)
            found.append((f"W{layer + 1}[{i + 1},{j + 1}]", float(dW[i, j])))
    found.sort(key=lambda t: -abs(t[1]))
    return found[:k]


class StepDetail(QWidget):
    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.run = lesson.run
        self.table = QTableWidget(0, 0)
        self.table.setToolTip(self.tr("The handout's round table: every sample as the perceptron "
                                 "rule W ← W + η(d − y)·x trains on it"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.text = QTextBrowser()
        self.text.setToolTip(self.tr("The last sample of the step: forward values, loss, each "
                                "layer's δ and the largest weight changes"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.text)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.stack)
        self._last = None  # snapshot waiting to be drawn while hidden
        self.run.run_reset.connect(self.clear)
        self.run.snapshot_shown.connect(self._on_session_snapshot_shown)
        self.clear()

    # -- perceptron round table -------------------------------------------------------------
    def _headers(self) -> list[str]:
        n = self.lesson.network.spec.inputs if self.lesson.network is not None else 2
        xs = [f"x{i + 1}" for i in range(n)]
        dws = [f"Δw{i + 1}" for i in range(n)] + ["Δb"]
        ws = [f"w{i + 1}" for i in range(n)] + ["b"]
        return [self.tr("round"), *xs, "d", "y", self.tr("error d−y"), *dws, *ws]

    def clear(self):
        self._last = None
        self._round_shown = 0
        perceptron = self.run.kind == "perceptron"
        self.stack.setCurrentWidget(self.table if perceptron else self.text)
        self.table.setRowCount(0)
        if perceptron:
            h = self._headers()
            self.table.setColumnCount(len(h))
            self.table.setHorizontalHeaderLabels(h)
        self.text.setHtml("<p>" + html.escape(self.tr(
            "Step through the training (→ one sample, Shift+→ one batch, Ctrl+→ one epoch) to "
            "see what each step changes.")) + "</p>")

    def _on_session_snapshot_shown(self, snap):
        if self.run.kind == "perceptron":
            self.add_rows(snap)  # cheap, and the table must not miss a line
        elif self.isVisible():
            self.show_detail(snap)
        else:
            self._last = snap

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._last is not None:
            self.show_detail(self._last)
            self._last = None

    def add_rows(self, snap):
        rows = snap.rows
        n_train = max(1, self.run.n_train)
        first = snap.samples_seen - len(rows)  # samples trained before the first row
        t = self.table
        t.setUpdatesEnabled(False)
        for k, r in enumerate(rows):
            done = first + k + 1  # this row's sample number since the start
            rnd = (done - 1) // n_train + 1
            values = [str(rnd), *(fmt(v) for v in r.x), fmt(r.d), fmt(r.y), fmt(r.error),
                      *(fmt(v) for v in r.dW), *(fmt(v) for v in r.W)]
            full = [str(rnd), *(fmt_full(v) for v in r.x), fmt_full(r.d), fmt_full(r.y),
                    fmt_full(r.error), *(fmt_full(v) for v in r.dW),
                    *(fmt_full(v) for v in r.W)]
            row = t.rowCount()
            t.insertRow(row)
            for col, (text, tip) in enumerate(zip(values, full)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if r.error != 0:
                    item.setBackground(QBrush(QColor(255, 236, 214)))  # a wrong answer: update
                t.setItem(row, col, item)
        for e in snap.evals:
            if e.samples_seen and e.samples_seen % n_train == 0:
                self._add_round_end(e)
        while t.rowCount() > MAX_LINES:
            t.removeRow(0)
        t.setUpdatesEnabled(True)
        t.scrollToBottom()

    def _add_round_end(self, e):
        rnd = e.samples_seen // self.run.n_train
        if rnd <= self._round_shown:
            return
        self._round_shown = rnd
        t = self.table
        row = t.rowCount()
        t.insertRow(row)
        text = self.tr("after round {r}: accuracy {a}").format(
            r=rnd, a=pct(e.train_acc))
        item = QTableWidgetItem(text)
        item.setBackground(QBrush(QColor(214, 234, 255)))
        item.setToolTip(self.tr("Accuracy of the weights after the round on every training "
                                "sample"))
        t.setItem(row, 0, item)
        t.setSpan(row, 0, 1, t.columnCount())

    def round_lines(self) -> list[list[str]]:
        """The table's text, row by row (tests, export)."""
        t = self.table
        return [[t.item(r, c).text() if t.item(r, c) else "" for c in range(t.columnCount())]
                for r in range(t.rowCount())]

    # -- MLP detail -------------------------------------------------------------------------
    def show_detail(self, snap):
        d = snap.detail
        if d is None:
            return
        e = html.escape
        out = d.z[-1] if d.z else np.zeros(0)
        # tr() outside the f-strings: lupdate does not look inside them
        head = self.tr("Last sample of the step")
        rows = ((self.tr("input x"), _vec(d.x)), (self.tr("target t"), _vec(d.t)),
                (self.tr("output y"), _vec(out)), (self.tr("loss L"), fmt(d.loss)))
        deltas = self.tr("Deltas δ = ∂L/∂a per layer (before the update)")
        parts = [f"<h3>{e(head)}</h3><table cellspacing='4'>"]
        parts += [f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows]
        parts += ["</table>", f"<h3>{e(deltas)}</h3><table cellspacing='4'>"]
        for i, delta in enumerate(d.delta):
            parts.append(f"<tr><td><b>δ{i + 1}</b></td><td>{e(_vec(delta))}</td></tr>")
        parts.append("</table>")
        changes = largest_changes(d.W_change)
        if changes:
            title = self.tr("Largest weight changes in this step")
            parts.append(f"<h3>{e(title)}</h3><table cellspacing='4'>")
            for name, v in changes:
                sign = "+" if v > 0 else ""
                parts.append(f"<tr><td>{e(name)}</td><td>{e(sign + fmt(v))}</td></tr>")
            parts.append("</table>")
        self.text.setHtml("\n".join(parts))


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(StepDetail, "perceptron-and", (700, 400)))
