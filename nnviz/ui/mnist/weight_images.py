"""First-layer weight images: each hidden unit's 784 incoming weights shown as a 28 × 28 image.

Blue = positive, orange = negative, white ≈ 0 (the app's signed scale), either each unit on
its own scale (patterns visible) or all on one scale (strengths comparable).  The mosaic is one
QImage whose pixels are rewritten in place when the weights change (throttled, so training at
full speed costs one small array operation every 100 ms).  Clicking a unit selects that neuron
in the canvas and the inspector.

Signals
-------
unit_clicked(int)   index of the clicked hidden unit
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from nnviz.ui.common import colors
from nnviz.ui.common.formatting import fmt, fmt_full
from nnviz.ui.model.mnist_input import IMAGE_SIDE, is_mnist_lesson

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

GAP = 1  # pixels between tiles in the mosaic
REFRESH_MS = 100


def mosaic_shape(n_units: int, aspect: float = 1.0) -> tuple[int, int]:
    """(rows, cols) of a grid holding ``n_units`` tiles, about ``aspect`` wide per tall."""
    if n_units <= 0:
        return 0, 0
    cols = max(1, int(np.ceil(np.sqrt(n_units * aspect))))
    return int(np.ceil(n_units / cols)), cols


def weight_tiles(W: np.ndarray, shared_scale: bool) -> tuple[np.ndarray, np.ndarray]:
    """RGB tiles ``(units, 28, 28, 3)`` of ``W`` (784 × units) and each tile's scale."""
    Wt = np.asarray(W, dtype=float).T  # (units, 784)
    mags = np.max(np.abs(Wt), axis=1) if Wt.size else np.zeros(0)
    scale = np.full_like(mags, max(float(mags.max()) if mags.size else 0.0, 1e-12)) \
        if shared_scale else np.maximum(mags, 1e-12)
    idx = colors.lut_index(Wt / scale[:, None], 1.0)
    return colors.LUT[idx].reshape(len(Wt), IMAGE_SIDE, IMAGE_SIDE, 3), scale


class _Mosaic(QWidget):
    """The mosaic scaled to fit (nearest neighbour); reports the tile under the mouse."""

    tile_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image = QImage()
        self.rows = self.cols = 0
        self.n = 0
        self.tip_of = None  # callable(unit) -> str
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(160, 160)

    def _target(self) -> QRectF:
        if self.image.isNull():
            return QRectF()
        iw, ih = self.image.width(), self.image.height()
        s = min(self.width() / iw, self.height() / ih)
        return QRectF((self.width() - iw * s) / 2, (self.height() - ih * s) / 2, iw * s, ih * s)

    def unit_at(self, pos) -> int:
        r = self._target()
        if r.isEmpty() or not r.contains(pos):
            return -1
        step = IMAGE_SIDE + GAP
        s = r.width() / self.image.width()
        col = int((pos.x() - r.x()) / s) // step
        row = int((pos.y() - r.y()) / s) // step
        k = row * self.cols + col
        return k if 0 <= k < self.n else -1

    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(250, 250, 250))
        if not self.image.isNull():
            p.setRenderHint(QPainter.SmoothPixmapTransform, False)
            p.drawImage(self._target(), self.image)
        p.end()

    def mouseMoveEvent(self, event):  # noqa: N802
        k = self.unit_at(event.position())
        self.setToolTip(self.tip_of(k) if k >= 0 and self.tip_of else
                        self.tr("Each tile: one hidden unit's weights from the 784 pixels"))

    def mousePressEvent(self, event):  # noqa: N802
        k = self.unit_at(event.position())
        if k >= 0 and event.button() == Qt.LeftButton:
            self.tile_clicked.emit(k)

    def sizeHint(self):  # noqa: N802
        return QSize(320, 320)


class _Legend(QWidget):
    """The signed colour bar: orange (negative) – white (0) – blue (positive)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFixedHeight(14)
        self.setMinimumWidth(80)
        self.setToolTip(self.tr("Orange: negative weight · white: about 0 · blue: positive"))

    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        g = QLinearGradient(0, 0, self.width(), 0)
        g.setColorAt(0.0, QColor(*colors.NEGATIVE))
        g.setColorAt(0.5, QColor(*colors.ZERO))
        g.setColorAt(1.0, QColor(*colors.POSITIVE))
        p.fillRect(self.rect(), g)
        p.end()


class WeightImages(QWidget):
    unit_clicked = Signal(int)

    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.scales = np.zeros(0)
        self.refreshes = 0  # how many times the pixels were rewritten (tests, profiling)
        self.mosaic = _Mosaic()
        self.mosaic.tip_of = self._tip
        self.mosaic.tile_clicked.connect(self._on_mosaic_tile_clicked)
        self.shared = QCheckBox(self.tr("Same scale for all units"))
        self.shared.setToolTip(self.tr("On: colours comparable between units. Off: each unit "
                                       "on its own scale, so every pattern is visible."))
        self.shared.toggled.connect(self.refresh)
        self.info = QLabel()
        self.info.setToolTip(self.tr("What the tiles show"))
        self.info.setWordWrap(True)
        self.range = QLabel()
        self.range.setToolTip(self.tr("The weight shown at full colour"))
        legend = QHBoxLayout()
        legend.addWidget(QLabel("−"))
        legend.addWidget(_Legend(), 1)
        legend.addWidget(QLabel("+"))
        legend.addWidget(self.range)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.info)
        lay.addWidget(self.mosaic, 1)
        lay.addLayout(legend)
        lay.addWidget(self.shared)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        lesson.network_changed.connect(self._on_lesson_network_changed)
        lesson.weights_changed.connect(self._on_lesson_weights_changed)
        self._on_lesson_network_changed()

    def _tip(self, k: int) -> str:
        s = self.scales[k] if k < len(self.scales) else float("nan")
        return self.tr("Hidden unit {k}: its 784 weights as a 28 × 28 image; full colour "
                       "at |w| = {s}. Click to inspect it.").format(k=k + 1, s=fmt_full(s))

    def _rebuild(self) -> None:
        """New QImage for the current network's shape (a new network only)."""
        net = self.lesson.network
        n = net.W[0].shape[1] if is_mnist_lesson(self.lesson) else 0
        rows, cols = mosaic_shape(n, 1.6)
        m = self.mosaic
        m.n, m.rows, m.cols = n, rows, cols
        if n:
            step = IMAGE_SIDE + GAP
            m.image = QImage(cols * step - GAP, rows * step - GAP, QImage.Format_RGB888)
            m.image.fill(QColor(250, 250, 250))
            self.info.setText(self.tr("Layer 1: {n} hidden units, each seeing the 28 × 28 "
                                      "input through its weights").format(n=n))
        else:
            m.image = QImage()
            self.info.setText(self.tr("Weight images need an MNIST lesson (784 inputs)."))

    def refresh(self) -> None:
        """Rewrite the mosaic's pixels in place from the current first-layer weights."""
        self._timer.stop()
        m = self.mosaic
        if not m.n:
            m.update()
            return
        tiles, self.scales = weight_tiles(self.lesson.network.W[0], self.shared.isChecked())
        img = m.image
        bpl = img.bytesPerLine()
        buf = np.frombuffer(img.bits(), np.uint8, count=img.height() * bpl)
        buf = buf.reshape(img.height(), bpl)[:, :img.width() * 3]
        buf = buf.reshape(img.height(), img.width(), 3)
        step = IMAGE_SIDE + GAP
        for k in range(m.n):
            r, c = divmod(k, m.cols)
            buf[r * step:r * step + IMAGE_SIDE, c * step:c * step + IMAGE_SIDE] = tiles[k]
        if self.shared.isChecked():
            self.range.setText(self.tr("±{s}").format(s=fmt(self.scales[0] if m.n else 0)))
        else:
            self.range.setText(self.tr("each unit: ±max |w|"))
        self.refreshes += 1
        m.update()

    def _on_lesson_network_changed(self):
        self._rebuild()
        self.refresh()

    def _on_lesson_weights_changed(self):
        if self.mosaic.n and not self._timer.isActive():
            self._timer.start()

    def _on_mosaic_tile_clicked(self, k):
        self.lesson.select_neuron(1, k)
        self.unit_clicked.emit(k)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(WeightImages, "mnist-course", (640, 520)))
