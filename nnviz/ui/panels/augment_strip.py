"""A strip of training images as the network sees them with the current augmentation.

Eight images of the lesson's training set (a fixed pick) on the top row, the same images
augmented with the current rotation, shift and noise below, drawn with
:func:`nnviz.core.train.augment.augment_images` exactly as the trainer draws an epoch (the data's
value range is kept).  "New examples" draws other random transformations of the same images.

Signals: none (the regularisation panel calls :meth:`set_augment`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

N_EXAMPLES = 8
THUMB = 42  # thumbnail side in pixels (1.5 × 28)


def image_side(n_inputs: int) -> int:
    """Side of a square image of ``n_inputs`` pixels, 0 if the inputs are not an image.

    The same test as the trainer's: square and at least 8 × 8.
    """
    side = int(round(np.sqrt(max(n_inputs, 0))))
    return side if side * side == n_inputs and side >= 8 else 0


def to_gray(X, lo: float, hi: float) -> np.ndarray:
    """Rows of ``X`` scaled from [lo, hi] to uint8 0..255 (lo = black, as MNIST is shown)."""
    span = hi - lo if hi > lo else 1.0
    return np.clip(np.rint((np.asarray(X, dtype=float) - lo) / span * 255.0), 0, 255).astype(
        np.uint8)


class AugmentStrip(QWidget):
    """Originals (top) and their augmented copies (bottom).  Signals: none."""

    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.augment: dict = {}
        self.side = 0
        self.lo, self.hi = 0.0, 1.0
        self.seed = 0
        self._originals = np.zeros((0, 0))
        self._augmented = np.zeros((0, 0))
        self.note = QLabel()
        self.note.setWordWrap(True)
        grid = QGridLayout()
        grid.setSpacing(3)
        grid.setContentsMargins(0, 0, 0, 0)
        self.top_label = QLabel(self.tr("original"))
        self.top_label.setToolTip(self.tr("Training images as stored in the data set"))
        self.bottom_label = QLabel(self.tr("augmented"))
        self.bottom_label.setToolTip(self.tr("The same images with this epoch's kind of random "
                                             "rotation, shift and noise"))
        grid.addWidget(self.top_label, 0, 0)
        grid.addWidget(self.bottom_label, 1, 0)
        self.cells: list[tuple[QLabel, QLabel]] = []
        for k in range(N_EXAMPLES):
            pair = []
            for row in (0, 1):
                lab = QLabel()
                lab.setFixedSize(THUMB, THUMB)
                lab.setAlignment(Qt.AlignCenter)
                lab.setStyleSheet("background: black")
                grid.addWidget(lab, row, k + 1)
                pair.append(lab)
            self.cells.append(tuple(pair))
        self.again = QToolButton()
        self.again.setText(self.tr("New examples"))
        self.again.setToolTip(self.tr("Draw new random transformations of the same images"))
        self.again.clicked.connect(self._on_again_clicked)
        grid.addWidget(self.again, 0, N_EXAMPLES + 1, 2, 1)
        grid.setColumnStretch(N_EXAMPLES + 2, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(grid)
        lay.addWidget(self.note)
        for sig in (lesson.preset_changed, lesson.network_changed,
                    lesson.data_changed):
            sig.connect(self._on_lesson_data_changed)
        self._on_lesson_data_changed()

    # -- state ------------------------------------------------------------------------------
    def originals(self) -> np.ndarray:
        """The picked training images, (n, side²) in the data's units."""
        return self._originals.copy()

    def augmented(self) -> np.ndarray:
        """The same images augmented with the current settings, (n, side²)."""
        return self._augmented.copy()

    def value_range(self) -> tuple[float, float]:
        return self.lo, self.hi

    def set_augment(self, augment: dict) -> None:
        """New settings ({"rotate": °, "shift": px, "noise": σ}): redraw the bottom row."""
        augment = {k: float(v) for k, v in augment.items() if v}
        if augment == self.augment:
            return
        self.augment = augment
        self._refresh()

    # -- drawing ----------------------------------------------------------------------------
    def _on_lesson_data_changed(self, *_):
        net, data = self.lesson.network, None
        self.side = image_side(net.spec.inputs) if net is not None else 0
        if self.side:
            data = self.lesson.train_data()
        if data is None or not len(data.X):
            self._originals = self._augmented = np.zeros((0, self.side * self.side))
            self.note.setText(self.tr("The training images are not loaded yet.") if self.side
                              else "")
            self._show()
            return
        X = data.X
        self.lo, self.hi = float(X.min()), float(X.max())
        pick = np.random.default_rng(0).choice(len(X), size=min(N_EXAMPLES, len(X)),
                                               replace=False)
        self._originals = np.ascontiguousarray(X[np.sort(pick)], dtype=np.float64)
        self._refresh()

    def _on_again_clicked(self):
        self.seed += 1
        self._refresh()

    def _refresh(self):
        if not len(self._originals):
            self._show()
            return
        if self.augment:
            from nnviz.core.train.augment import augment_images

            rng = np.random.default_rng([self.seed, 5])
            self._augmented = augment_images(self._originals, self.side, rng, lo=self.lo,
                                             hi=self.hi, **self.augment)
            self.note.setText("")
        else:
            self._augmented = self._originals.copy()
            self.note.setText(self.tr("No augmentation: the network sees the images as stored."))
        self._show()

    def _show(self):
        side = self.side
        for k, (top, bottom) in enumerate(self.cells):
            for lab, X in ((top, self._originals), (bottom, self._augmented)):
                if k >= len(X) or not side:
                    lab.clear()
                    continue
                g = np.ascontiguousarray(to_gray(X[k], self.lo, self.hi).reshape(side, side))
                img = QImage(g.tobytes(), side, side, side, QImage.Format_Grayscale8).copy()
                lab.setPixmap(QPixmap.fromImage(img).scaled(THUMB, THUMB, Qt.KeepAspectRatio,
                                                            Qt.SmoothTransformation))


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    def _make(c):
        w = AugmentStrip(c)
        c.data_changed.connect(lambda: w.set_augment({"rotate": 15, "shift": 2, "noise": 0.1}))
        return w

    sys.exit(preview(_make, "mnist-course", (520, 140)))
