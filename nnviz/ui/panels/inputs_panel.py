"""Inputs panel: choose what goes into the network.

Gate lessons show the truth table (x1, x2, target d, live output y): select a row to feed it
in.  Lessons with a fixed input (the forward-pass walk-through) or 2-D data show one editable
box per input (points of the 2-D plane can also be clicked in the decision-boundary view).
MNIST lessons show the current test image and its index, or why MNIST is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.ui.common import colors
from nnviz.ui.common.formatting import fmt, fmt_full, sub
from nnviz.ui.model.prediction import predicted_class
from nnviz.ui.model.samples import is_mnist_kind

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

MAX_BOXES = 16


class InputsPanel(QWidget):
    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.stack = QStackedWidget()
        # truth table
        self.table = QTableWidget(0, 0)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setToolTip(self.tr("Click a row to feed that input into the network; "
                                      "y is the network's output for each row"))
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.stack.addWidget(self.table)
        # value boxes
        self.boxes_page = QWidget()
        self.form = QFormLayout(self.boxes_page)
        self.boxes: list[QDoubleSpinBox] = []
        self.sample_box = QSpinBox()
        self.sample_box.setToolTip(self.tr("Which sample of the data set to feed in"))
        self.sample_box.valueChanged.connect(self._on_sample_box_changed)
        self.stack.addWidget(self.boxes_page)
        # image
        self.image_page = QWidget()
        il = QVBoxLayout(self.image_page)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignCenter)
        self.image_label.setMinimumSize(140, 140)
        self.image_label.setToolTip(self.tr("The current input image (28 × 28 pixels)"))
        self.image_index = QSpinBox()
        self.image_index.setPrefix(self.tr("test image #"))
        self.image_index.setToolTip(self.tr("Which MNIST test image to feed in"))
        self.image_index.valueChanged.connect(self._on_image_index_changed)
        self.image_note = QLabel()
        self.image_note.setWordWrap(True)
        # a long "MNIST not found …" must not make the window taller than the screen
        self.image_note.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Ignored)
        self.image_note.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.retry = QPushButton(self.tr("Try loading MNIST again"))
        self.retry.setToolTip(self.tr("Look for the MNIST files again (for example after "
                                      "running `python -m nnviz data --fetch`)"))
        self.retry.clicked.connect(self._on_retry_clicked)
        for w in (self.image_label, self.image_index, self.image_note, self.retry):
            il.addWidget(w)
        il.addStretch(1)
        self.stack.addWidget(self.image_page)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addWidget(self.stack, 1)
        self._updating = False
        lesson.data_changed.connect(self._on_lesson_data_changed)
        lesson.network_changed.connect(self._on_lesson_data_changed)
        lesson.forward_updated.connect(self._on_lesson_forward_updated)

    @property
    def mode(self) -> str:
        return ("table", "boxes", "image")[self.stack.currentIndex()]

    def _show_page(self, index: int) -> None:
        """Show page ``index``; the others do not count in the panel's minimum size (the
        MNIST image page's made the truth table's dock scroll for nothing)."""
        for k in range(self.stack.count()):
            shown = k == index
            self.stack.widget(k).setSizePolicy(
                QSizePolicy.Preferred if shown else QSizePolicy.Ignored,
                QSizePolicy.Preferred if shown else QSizePolicy.Ignored)
        self.stack.setCurrentIndex(index)
        self.stack.updateGeometry()

    # -- rebuild for a lesson -------------------------------------------------------------
    def _on_lesson_data_changed(self):
        c, net = self.lesson, self.lesson.network
        if net is None:
            return
        kind = c.preset.data.get("kind") if c.preset else "none"
        n_in = net.spec.inputs
        self._updating = True
        if c.samples is not None and len(c.samples) <= 16 and n_in <= 4:
            self._build_table()
            # a gate's four rows are its truth table; other short data (the softmax lesson's
            # vectors) are rows to pick, not a truth table
            self.title.setText(self.tr("Truth table: pick a row") if kind == "gate"
                               else self.tr("Input rows: pick one"))
            self._show_page(0)
        elif n_in > MAX_BOXES:
            self._show_page(2)
            self.title.setText(self.tr("Input image"))
            n = len(c.samples) if c.samples is not None else 0
            # -1: the input is no test image (a drawn digit), said in words, not "#0"
            self.image_index.setRange(-1, max(0, n - 1))
            self.image_index.setSpecialValueText(self.tr("your drawing (no test image)"))
            self.image_index.setEnabled(n > 0)
            self.image_note.setText(c.data_error)
            self.image_note.setToolTip(c.data_error)
            self.image_note.setVisible(bool(c.data_error))
            # room for a message of several lines; one line for "label: 7"
            self.image_note.setMinimumHeight(120 if c.data_error else
                                             self.image_note.fontMetrics().lineSpacing() + 4)
            self.retry.setVisible(bool(c.data_error) and is_mnist_kind(kind)
                                  and not c.data_error.endswith("…"))
        else:
            self._build_boxes(n_in)
            self.title.setText(self.tr("Input x") if c.samples is None else
                               self.tr("Input x (or click the input plane)"))
            self._show_page(1)
        self._updating = False
        self._show_values()

    def _build_table(self):
        s, n_in = self.lesson.samples, self.lesson.network.spec.inputs
        n_out = self.lesson.network.spec.outputs
        heads = [f"x{sub(i + 1)}" for i in range(n_in)] + ["d"]
        heads += ["y"] if n_out == 1 else [self.tr("class")]
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        # inputs and targets as narrow as their numbers; the output takes the rest (its value
        # has four digits and must not be elided on a narrow dock)
        header = self.table.horizontalHeader()
        for col in range(len(heads) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(len(heads) - 1, QHeaderView.Stretch)
        self.table.setRowCount(len(s))
        tips = [self.tr("input x{i}").format(i=sub(i + 1)) for i in range(n_in)]
        tips += [self.tr("target d (the right answer)"), self.tr("the network's output")]
        for col, tip in enumerate(tips):
            self.table.horizontalHeaderItem(col).setToolTip(tip)
        for r in range(len(s)):
            for i in range(n_in):
                self.table.setItem(r, i, QTableWidgetItem(fmt(s.X[r, i])))
            self.table.setItem(r, n_in, QTableWidgetItem(str(int(s.labels[r]))))
            self.table.setItem(r, n_in + 1, QTableWidgetItem(""))
            for col in range(len(heads)):
                self.table.item(r, col).setTextAlignment(Qt.AlignCenter)

    def _build_boxes(self, n_in):
        while self.form.rowCount():
            self.form.removeRow(0)
        self.boxes = []
        self.sample_box = QSpinBox()
        self.sample_box.setToolTip(self.tr("Which sample of the data set to feed in"))
        self.sample_box.valueChanged.connect(self._on_sample_box_changed)
        if self.lesson.samples is not None:
            self.sample_box.setRange(0, len(self.lesson.samples) - 1)
            self.form.addRow(self.tr("sample"), self.sample_box)
        for i in range(n_in):
            box = QDoubleSpinBox()
            box.setRange(-1e6, 1e6)
            box.setDecimals(4)
            box.setSingleStep(0.1)
            box.setKeyboardTracking(False)
            box.setToolTip(self.tr("Input x{i}: type a value or use the arrows").format(
                i=sub(i + 1)))
            box.valueChanged.connect(self._on_box_changed)
            self.form.addRow(f"x{sub(i + 1)}", box)
            self.boxes.append(box)

    # -- values ---------------------------------------------------------------------------
    def _on_lesson_forward_updated(self, trace):
        self._show_values()

    def _show_values(self):
        c = self.lesson
        self._updating = True
        try:
            if self.mode == "table" and c.samples is not None:
                self._fill_outputs()
                if c.sample_index >= 0 and self.table.currentRow() != c.sample_index:
                    self.table.selectRow(c.sample_index)
                if c.sample_index < 0:
                    self.table.clearSelection()
            elif self.mode == "boxes":
                for box, v in zip(self.boxes, c.x):
                    box.setValue(float(v))
                    box.setToolTip(f"x = {fmt_full(v)}")
                if c.samples is not None and c.sample_index >= 0:
                    self.sample_box.setValue(c.sample_index)
            else:
                self._show_image()
        finally:
            self._updating = False

    def _fill_outputs(self):
        s, net = self.lesson.samples, self.lesson.network
        with np.errstate(all="ignore"):
            y = net.forward(s.X)
        col = net.spec.inputs + 1
        for r in range(len(s)):
            if y.shape[1] == 1:
                text, val = fmt(y[r, 0]), y[r, 0]
            else:
                k = predicted_class(y[r])
                text, val = str(k), 1.0 if k == s.labels[r] else -1.0
            it = self.table.item(r, col)
            if it is None:
                continue
            it.setText(text)
            it.setToolTip(", ".join(fmt_full(v) for v in y[r]))
            rgb = colors.signed_rgb(val)
            it.setBackground(QBrush(QColor(*((int(v) * 2 + 255) // 3 for v in rgb))))

    def outputs_column(self) -> list[str]:
        """The texts of the table's output column (what the student reads)."""
        col = self.lesson.network.spec.inputs + 1
        return [self.table.item(r, col).text() for r in range(self.table.rowCount())]

    def _show_image(self):
        x = np.asarray(self.lesson.x, dtype=float)
        side = int(round(np.sqrt(len(x))))
        if side * side != len(x) or side == 0:
            self.image_label.clear()
            return
        img8 = np.ascontiguousarray(np.clip((1.0 - x.reshape(side, side)) * 255, 0, 255)
                                    .astype(np.uint8))
        img = QImage(img8.data, side, side, side, QImage.Format_Grayscale8).copy()
        self.image_label.setPixmap(QPixmap.fromImage(img).scaled(
            140, 140, Qt.KeepAspectRatio, Qt.FastTransformation))
        label = self.lesson.label
        if label is not None:
            self.image_index.setValue(self.lesson.sample_index)
            self.image_note.setText(self.tr("label: {y}").format(y=label))
            self.image_note.setToolTip("")
            self.image_note.setVisible(True)
            self.image_note.setMinimumHeight(self.image_note.fontMetrics().lineSpacing() + 4)
            self.retry.setVisible(False)  # the images are there (shown while they loaded)
        elif not self.lesson.data_error:
            # a drawn (or typed) image is no test image: it has no label
            self._updating, was = True, self._updating
            self.image_index.setValue(-1)
            self._updating = was
            self.image_note.setText(self.tr("your own input: it has no label"))
            self.image_note.setVisible(True)

    # -- user input -----------------------------------------------------------------------
    def select_row(self, row: int):
        self.table.selectRow(row)

    def _on_table_selection_changed(self):
        if self._updating:
            return
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.lesson.select_sample(rows[0].row())

    def _on_box_changed(self, _value):
        if self._updating:
            return
        self.lesson.set_input([b.value() for b in self.boxes])

    def _on_sample_box_changed(self, i):
        if not self._updating:
            self.lesson.select_sample(i)

    def _on_image_index_changed(self, i):
        if not self._updating and i >= 0:
            self.lesson.select_sample(i)

    def _on_retry_clicked(self):
        self.lesson.set_preset(self.lesson.preset)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(InputsPanel, "xor-gates", (320, 300)))
