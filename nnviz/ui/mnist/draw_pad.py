"""Draw a digit: a 280 × 280 pad, the MNIST-style 28 × 28 image made from it, and the prediction.

The drawing is turned into what the network expects exactly as MNIST digits were made
(:func:`nnviz.core.lessons.digits.preprocess_digit`: fit in 20 × 20, centre by centre of mass in
28 × 28, anti-aliased), normalised like the lesson's inputs and sent to the lesson, so the
canvas, the probability bars and the inspector update live while drawing.

Signals
-------
digit_changed(object)   the processed 28 × 28 image (float64, 0..255) after each change
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.lessons.digits import preprocess_digit
from nnviz.ui.common.formatting import pct
from nnviz.ui.common.probability_bars import ProbabilityBars
from nnviz.ui.model.mnist_input import IMAGE_SIDE, is_mnist_lesson, normalize_mode, normalize_pixels
from nnviz.ui.model.prediction import predicted_class

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

PAD = 280  # pad side in pixels: 10 × 28
PEN = 22  # pen width: about 2 MNIST pixels after scaling to the 20 × 20 box
LIVE_MS = 40  # at most ~25 updates per second while drawing
DIGITS = 10  # classes of the prediction (its bars' rows)


def image_array(img: QImage) -> np.ndarray:
    """A Format_Grayscale8 QImage as a (h, w) uint8 copy."""
    h, w, bpl = img.height(), img.width(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), np.uint8, count=h * bpl)
    return buf.reshape(h, bpl)[:, :w].copy()


class PadCanvas(QWidget):
    """The drawing surface: strokes of points rendered white on black with a round pen.

    Signals: ``changed()`` after every stroke edit, ``stroke_finished()`` on mouse release.
    """

    changed = Signal()
    stroke_finished = Signal()

    def __init__(self, size: int = PAD, pen_width: float = PEN, parent=None):
        super().__init__(parent)
        self.side = size
        self.pen_width = pen_width
        self.strokes: list[list[tuple[float, float]]] = []
        self.image = QImage(size, size, QImage.Format_Grayscale8)
        self.image.fill(0)
        self._drawing = False
        self.setFixedSize(size, size)
        self.setCursor(Qt.CrossCursor)
        self.setToolTip(self.tr("Draw a digit with the mouse (hold the left button)"))

    # -- strokes --------------------------------------------------------------------------
    def _pen(self) -> QPen:
        return QPen(QColor(255, 255, 255), self.pen_width, Qt.SolidLine, Qt.RoundCap,
                    Qt.RoundJoin)

    def _paint_stroke(self, painter: QPainter, pts) -> None:
        if len(pts) == 1:
            painter.drawPoint(QPointF(*pts[0]))
            return
        path = QPainterPath(QPointF(*pts[0]))
        for p in pts[1:]:
            path.lineTo(QPointF(*p))
        painter.drawPath(path)

    def _painter(self) -> QPainter:
        p = QPainter(self.image)
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(self._pen())
        p.setBrush(Qt.NoBrush)
        return p

    def redraw(self) -> None:
        """Render every stroke again (after undo/clear)."""
        self.image.fill(0)
        p = self._painter()
        for s in self.strokes:
            self._paint_stroke(p, s)
        p.end()
        self.update()
        self.changed.emit()

    def add_stroke(self, points) -> None:
        """Append a whole stroke given as (x, y) pad coordinates (0..size)."""
        pts = [(float(x), float(y)) for x, y in points]
        if not pts:
            return
        self.strokes.append(pts)
        p = self._painter()
        self._paint_stroke(p, pts)
        p.end()
        self.update()
        self.changed.emit()

    def undo_stroke(self) -> bool:
        if not self.strokes:
            return False
        self.strokes.pop()
        self.redraw()
        return True

    def clear(self) -> None:
        self.strokes.clear()
        self.redraw()

    def array(self) -> np.ndarray:
        """The pad as (size, size) uint8, ink = 255."""
        return image_array(self.image)

    # -- mouse ----------------------------------------------------------------------------
    def mousePressEvent(self, event):  # noqa: N802
        if event.button() != Qt.LeftButton:
            return
        pos = event.position()
        self._drawing = True
        self.strokes.append([(pos.x(), pos.y())])
        p = self._painter()
        self._paint_stroke(p, self.strokes[-1])
        p.end()
        self.update()
        self.changed.emit()

    def mouseMoveEvent(self, event):  # noqa: N802
        if not self._drawing:
            return
        pos = event.position()
        stroke = self.strokes[-1]
        last = stroke[-1]
        stroke.append((pos.x(), pos.y()))
        p = self._painter()
        p.drawLine(QPointF(*last), QPointF(pos.x(), pos.y()))  # only the new segment
        p.end()
        self.update()
        self.changed.emit()

    def mouseReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.LeftButton and self._drawing:
            self._drawing = False
            self.stroke_finished.emit()

    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.drawImage(0, 0, self.image)
        # the 20 × 20 box MNIST fits digits into, as a faint guide
        p.setPen(QPen(QColor(70, 70, 70), 1, Qt.DashLine))
        m = self.side * 4 / IMAGE_SIDE
        p.drawRect(QRectF(m, m, self.side - 2 * m, self.side - 2 * m))
        p.end()

    def sizeHint(self):  # noqa: N802
        return QSize(self.side, self.side)


class DrawPad(QWidget):
    digit_changed = Signal(object)

    def __init__(self, lesson: LessonModel, parent=None, size: int = PAD, pen_width: float = PEN):
        super().__init__(parent)
        self.lesson = lesson
        self.processed = np.zeros((IMAGE_SIDE, IMAGE_SIDE))  # 0..255, what the network sees
        self.probabilities = np.zeros(0)
        self.prediction: int | None = None
        self.canvas = PadCanvas(size, pen_width)
        self.preview = QLabel()
        self.preview.setFixedSize(IMAGE_SIDE * 5, IMAGE_SIDE * 5)
        self.preview.setToolTip(self.tr("What the network sees: your drawing fitted in a "
                                        "20 × 20 box and centred by its centre of mass in "
                                        "28 × 28 pixels, as the MNIST digits were made"))
        self.result = QLabel()
        font = self.result.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.result.setFont(font)
        self.result.setToolTip(self.tr("The class with the highest output"))
        # the prediction's widest text reserved from the start: its arrival moves nothing
        widest = self.tr("Prediction: {d} ({p})").format(d=8, p=pct(1.0))
        self.result.setMinimumWidth(self.result.fontMetrics().horizontalAdvance(widest) + 8)
        self.bars = ProbabilityBars()
        self.bars.setToolTip(self.tr("The network's output for your drawing: the probability "
                                     "of each digit"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setToolTip(self.tr("Why there is no prediction"))
        keep = self.note.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # hiding the hint must not move the pad
        self.note.setSizePolicy(keep)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Erase the whole drawing"))
        self.undo_button = QPushButton(self.tr("Undo stroke"))
        self.undo_button.setToolTip(self.tr("Remove the last stroke"))
        self.clear_button.clicked.connect(self.clear)
        self.undo_button.clicked.connect(self.undo_stroke)

        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Network input (28 × 28)")))
        side.addWidget(self.preview)
        side.addWidget(self.result)
        side.addWidget(self.bars)
        side.addWidget(self.note)
        side.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.canvas)
        left.addLayout(buttons)
        left.addStretch(1)  # the pad stays at the top whatever the height of the side column
        lay = QHBoxLayout(self)
        lay.addLayout(left)
        lay.addLayout(side, 1)

        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(LIVE_MS)
        self._live.timeout.connect(self.process)
        self.canvas.changed.connect(self._on_canvas_changed)
        self.canvas.stroke_finished.connect(self.process)
        lesson.network_changed.connect(self._on_lesson_network_changed)
        lesson.weights_changed.connect(self._on_lesson_weights_changed)
        self._show_preview()
        self._show_prediction()

    # -- public ---------------------------------------------------------------------------
    def add_stroke(self, points) -> None:
        """Draw a stroke through (x, y) pad coordinates and update at once (tests, demos)."""
        self.canvas.add_stroke(points)
        self.process()

    def clear(self) -> None:
        self.canvas.clear()
        self.process()

    def undo_stroke(self) -> None:
        if self.canvas.undo_stroke():
            self.process()

    def network_input(self) -> np.ndarray:
        """The processed image normalised as the lesson's inputs, shape (784,)."""
        return normalize_pixels(self.processed.ravel(), normalize_mode(self.lesson))

    def process(self) -> None:
        """Preprocess the pad, show it, feed it to the network and show the prediction."""
        self._live.stop()
        self.processed = preprocess_digit(self.canvas.array())
        self._show_preview()
        self.digit_changed.emit(self.processed)
        self.probabilities, self.prediction = np.zeros(0), None
        if is_mnist_lesson(self.lesson) and self.canvas.strokes:
            self.lesson.set_input(self.network_input(), -1)
            self._read_output()
        self._show_prediction()

    # -- internals ------------------------------------------------------------------------
    def _read_output(self):
        y = np.asarray(self.lesson.output(), dtype=float)
        if y.size > 1:
            self.probabilities = y
            self.prediction = predicted_class(y)

    def _show_preview(self):
        px = np.clip(np.rint(self.processed), 0, 255).astype(np.uint8)
        img = QImage(px.tobytes(), IMAGE_SIDE, IMAGE_SIDE, IMAGE_SIDE, QImage.Format_Grayscale8)
        self.preview.setPixmap(QPixmap.fromImage(img.copy()).scaled(
            self.preview.size(), Qt.IgnoreAspectRatio, Qt.FastTransformation))

    def _show_prediction(self):
        if self.prediction is None:
            self.result.setText(self.tr("Prediction: –"))
            self.bars.set_values(np.zeros(0))
            # the bars' room for ten digits stays reserved: the prediction moves nothing
            self.bars.setFixedHeight(DIGITS * (self.bars.fontMetrics().height() + 4) + 4)
        else:
            p = self.probabilities[self.prediction]
            self.result.setText(self.tr("Prediction: {d} ({p})").format(
                d=self.prediction, p=pct(p)))
            self.bars.set_values(self.probabilities)
        if not is_mnist_lesson(self.lesson):
            note = self.tr("Choose an MNIST lesson to see the network's prediction.")
        elif not self.canvas.strokes:
            note = self.tr("Draw a digit from 0 to 9 in the box.")
        else:
            note = ""
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.undo_button.setEnabled(bool(self.canvas.strokes))
        self.clear_button.setEnabled(bool(self.canvas.strokes))

    # -- slots ----------------------------------------------------------------------------
    def _on_canvas_changed(self):
        if not self._live.isActive():
            self._live.start()

    def _on_lesson_network_changed(self):
        self.probabilities, self.prediction = np.zeros(0), None
        self._show_prediction()

    def _on_lesson_weights_changed(self):
        # only re-read when the lesson still shows the drawing (not a test image)
        if self.prediction is not None and self.lesson.sample_index == -1:
            self._read_output()
            self._show_prediction()


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(DrawPad, "mnist-course", (640, 520)))
