"""Sample browser: a grid of MNIST test images with their true and predicted labels.

Filter to every image, the misclassified ones (most confidently wrong first), one digit, or one
cell of the confusion matrix; click an image to make it the network's input (the canvas,
probabilities and inspector follow through the lesson).

Signals
-------
sample_activated(int)   a test image (row of ``lesson.samples``) was clicked
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QAbstractListModel, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.train.metrics import cell_indices, top_misclassified
from nnviz.ui.common.formatting import count
from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.model.mnist_evaluator import Evaluator
from nnviz.ui.model.mnist_input import IMAGE_SIDE, is_mnist_lesson, normalize_mode, to_pixels

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

THUMB = 56  # thumbnail side in pixels (2 × 28)
WRONG = QColor(200, 40, 20)

FILTER_ALL, FILTER_WRONG, FILTER_DIGIT, FILTER_CELL = "all", "wrong", "digit", "cell"


class _SampleModel(QAbstractListModel):
    """Rows = the shown test images; UserRole = the sample's row in ``lesson.samples``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pixels = np.zeros((0, IMAGE_SIDE * IMAGE_SIDE), np.uint8)
        self.labels = np.zeros(0, np.intp)
        self.preds: np.ndarray | None = None
        self.probs: np.ndarray | None = None
        self.indices = np.zeros(0, np.intp)

    def set_data(self, pixels, labels):
        self.beginResetModel()
        self.pixels, self.labels, self.preds, self.probs = pixels, labels, None, None
        self.indices = np.arange(len(labels))
        self.endResetModel()

    def set_predictions(self, preds, probs):
        self.preds, self.probs = preds, probs
        if len(self.indices):
            self.dataChanged.emit(self.index(0), self.index(len(self.indices) - 1))

    def set_indices(self, indices):
        self.beginResetModel()
        self.indices = np.asarray(indices, dtype=np.intp)
        self.endResetModel()

    def rowCount(self, parent=None):  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.indices)

    def pred_of(self, i: int):
        if self.preds is None or i >= len(self.preds):
            return None
        return int(self.preds[i])

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        i = int(self.indices[index.row()])
        t, p = int(self.labels[i]), self.pred_of(i)
        if role == Qt.DisplayRole:
            return f"{t} → {'?' if p is None else p}"
        if role == Qt.UserRole:
            return i
        if role == Qt.DecorationRole:
            img = QImage(self.pixels[i].tobytes(), IMAGE_SIDE, IMAGE_SIDE, IMAGE_SIDE,
                         QImage.Format_Grayscale8)
            return img.copy()  # own the bytes
        if role == Qt.ForegroundRole:
            return WRONG if p is not None and p != t else None
        if role == Qt.ToolTipRole:
            if p is None:
                return self.tr("Test image #{i}: label {t} (not evaluated yet)").format(i=i, t=t)
            conf = float(self.probs[i, p]) if self.probs is not None else float("nan")
            return self.tr("Test image #{i}: label {t}, predicted {p} (output {c:.3f}). "
                      "Click to make it the network's input.").format(i=i, t=t, p=p, c=conf)
        return None


class _ThumbDelegate(QStyledItemDelegate):
    """Draws the 28 × 28 image scaled up without smoothing, and "label → prediction" below."""

    thumb = THUMB  # side of a thumbnail: THUMB × the interface scale

    def paint(self, painter, option, index):
        painter.save()
        if option.state & QStyle.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        img = index.data(Qt.DecorationRole)
        r = option.rect
        side = self.thumb
        target = QRect(r.x() + (r.width() - side) // 2, r.y() + 2, side, side)
        painter.drawImage(target, img)
        fg = index.data(Qt.ForegroundRole)
        painter.setPen(QPen(fg if fg is not None else option.palette.text().color()))
        font = painter.font()
        font.setBold(fg is not None)
        painter.setFont(font)
        text_rect = QRect(r.x(), target.bottom() + 2, r.width(), r.bottom() - target.bottom() - 2)
        painter.drawText(text_rect, Qt.AlignHCenter | Qt.AlignTop, index.data(Qt.DisplayRole))
        painter.restore()

    def sizeHint(self, option, index):  # noqa: N802
        h = option.fontMetrics.height()
        return QSize(self.thumb + 12, self.thumb + h + 8)


class SampleBrowser(QWidget):
    sample_activated = Signal(int)

    def __init__(self, lesson: LessonModel, evaluator: Evaluator | None = None, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.evaluator = evaluator or Evaluator(lesson, self)
        self.filter = FILTER_ALL
        self.digit = 0
        self.cell = (0, 0)
        self._data_id = None

        self.model = _SampleModel(self)
        self.view = QListView()
        self.view.setViewMode(QListView.IconMode)
        self.view.setResizeMode(QListView.Adjust)
        self.view.setMovement(QListView.Static)
        self.view.setUniformItemSizes(True)
        self.view.setLayoutMode(QListView.Batched)
        self.view.setSpacing(2)
        self.view.setSelectionMode(QListView.SingleSelection)
        self.delegate = _ThumbDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.model)
        self.view.setToolTip(self.tr("Test images: label → prediction (red = wrong). "
                                     "Click one to feed it to the network."))
        self.view.clicked.connect(self._on_view_clicked)

        self.combo = QComboBox()
        self.combo.addItem(self.tr("All test images"), FILTER_ALL)
        self.combo.addItem(self.tr("Misclassified (most confident first)"), FILTER_WRONG)
        self.combo.addItem(self.tr("One digit"), FILTER_DIGIT)
        self.combo.addItem(self.tr("Confusion cell"), FILTER_CELL)
        self.combo.setToolTip(self.tr("Which test images to show"))
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        self.digit_combo = QComboBox()
        self.digit_combo.addItems([str(d) for d in range(10)])
        self.digit_combo.setToolTip(self.tr("The digit to show (true label)"))
        self.digit_combo.currentIndexChanged.connect(self._on_digit_changed)
        self.count = QLabel()
        self.count.setToolTip(self.tr("How many images the filter shows"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setToolTip(self.tr("Why no images are shown"))

        top = QHBoxLayout()
        top.addWidget(self.combo, 1)
        top.addWidget(self.digit_combo)
        top.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.note)
        lay.addWidget(self.view, 1)

        lesson.data_changed.connect(self._on_lesson_data_changed)
        lesson.input_changed.connect(self._on_lesson_input_changed)
        interface_scale().changed.connect(self._on_interface_scale_changed)
        self._on_interface_scale_changed(interface_scale().factor)
        self.evaluator.evaluated.connect(self._on_evaluator_evaluated)
        self.evaluator.stale.connect(self._on_evaluator_stale)
        self._on_lesson_data_changed()
        if self.evaluator.current is not None:
            self._on_evaluator_evaluated(self.evaluator.current)

    # -- public ---------------------------------------------------------------------------
    def set_filter(self, mode: str, digit: int | None = None) -> None:
        """Show ``"all"``, ``"wrong"``, ``"digit"`` (with ``digit``) or ``"cell"`` images."""
        if digit is not None:
            self.digit = int(digit)
        self.filter = mode
        self._sync_controls()
        self._apply_filter()

    def show_cell(self, true_class: int, pred_class: int) -> None:
        """Show the images of confusion cell (true, predicted)."""
        self.cell = (int(true_class), int(pred_class))
        self.set_filter(FILTER_CELL)

    def shown_indices(self) -> np.ndarray:
        """Rows of ``lesson.samples`` currently shown, in display order."""
        return self.model.indices.copy()

    def activate_row(self, row: int) -> None:
        """Act as if the ``row``-th shown image was clicked."""
        self._on_view_clicked(self.model.index(row))

    # -- internals ------------------------------------------------------------------------
    def _sync_controls(self):
        for w in (self.combo, self.digit_combo):
            w.blockSignals(True)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self.filter)))
        self.digit_combo.setCurrentIndex(self.digit)
        self.digit_combo.setVisible(self.filter == FILTER_DIGIT)
        if self.filter == FILTER_CELL:
            t, p = self.cell
            self.combo.setItemText(3, self.tr("Confusion cell: label {t}, predicted {p}")
                                   .format(t=t, p=p))
        for w in (self.combo, self.digit_combo):
            w.blockSignals(False)

    def _n_shown_pool(self) -> int:
        """Images that can be shown: those evaluated (or all when nothing is evaluated)."""
        ev = self.evaluator.current
        return len(ev) if ev is not None else len(self.model.labels)

    def _apply_filter(self):
        labels, ev = self.model.labels, self.evaluator.current
        n = self._n_shown_pool()
        need_eval = self.filter in (FILTER_WRONG, FILTER_CELL)
        if self.filter == FILTER_ALL or (need_eval and ev is None):
            idx = np.arange(n)
        elif self.filter == FILTER_DIGIT:
            idx = np.flatnonzero(labels[:n] == self.digit)
        elif self.filter == FILTER_WRONG:
            idx = top_misclassified(ev.labels, ev.probs)
        else:
            idx = cell_indices(ev.labels, ev.preds, *self.cell)
        self.model.set_indices(idx)
        total = len(labels)
        self.count.setText(self.tr("{n} of {total}").format(n=count(len(idx)),
                                                                    total=count(total)))
        if need_eval and ev is None and total:
            self._set_note(self.tr("Evaluating the network … the filter applies when the "
                                   "predictions are known."))
        elif total and not len(idx):
            self._set_note(self.tr("No test image matches this filter."))
        else:
            self._set_note(self.lesson.data_error if not total else "")

    def _set_note(self, text):
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- slots ----------------------------------------------------------------------------
    def _on_lesson_data_changed(self):
        s = self.lesson.samples
        if s is None or not is_mnist_lesson(self.lesson):
            self._data_id = None
            self.model.set_data(np.zeros((0, IMAGE_SIDE * IMAGE_SIDE), np.uint8),
                                np.zeros(0, np.intp))
            self._apply_filter()
            return
        if self._data_id == (id(s), normalize_mode(self.lesson)):
            return
        self._data_id = (id(s), normalize_mode(self.lesson))
        self.model.set_data(to_pixels(s.X, normalize_mode(self.lesson)),
                            np.asarray(s.labels, dtype=np.intp))
        ev = self.evaluator.current
        if ev is not None and len(ev) <= len(s):
            self.model.set_predictions(ev.preds, ev.probs)
        self._apply_filter()

    def _on_evaluator_evaluated(self, ev):
        if ev is not self.evaluator.current:
            return  # computed from weights that changed meanwhile: another run follows
        self.model.set_predictions(ev.preds, ev.probs)
        self._apply_filter()

    def _on_evaluator_stale(self):
        # the weights changed: the predictions shown are no longer the network's ("?" until
        # the evaluator has run again)
        if self.model.preds is not None:
            self.model.set_predictions(None, None)
            self._apply_filter()

    def _on_combo_changed(self, _i):
        self.set_filter(self.combo.currentData())

    def _on_digit_changed(self, d):
        self.set_filter(FILTER_DIGIT, d)

    def _on_view_clicked(self, index):
        if not index.isValid():
            return
        i = int(index.data(Qt.UserRole))
        self.lesson.select_sample(i)
        self.sample_activated.emit(i)

    def _on_interface_scale_changed(self, factor: float) -> None:
        self.delegate.thumb = round(THUMB * factor)
        self.view.doItemsLayout()  # the cells take the new size

    def _on_lesson_input_changed(self):
        i = self.lesson.sample_index
        rows = np.flatnonzero(self.model.indices == i) if i >= 0 else []
        if len(rows):
            self.view.setCurrentIndex(self.model.index(int(rows[0])))
        else:
            self.view.clearSelection()


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(SampleBrowser, "mnist-course", (640, 520)))
