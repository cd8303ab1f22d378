"""Decision boundary of 2-D lessons, and the hidden space where XOR becomes separable.

Left: the network's output over the input plane (blue = class 1, orange = class 0) with the
data points; click to feed that point in.  Right (lessons with a 2-neuron hidden layer): the
same points mapped to the hidden neurons' (z₁, z₂) plane with the output over that plane —
"bending the paper".

Signals of :class:`PlaneWidget`: ``point_clicked(float, float)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from nnviz.ui.common import colors, plane
from nnviz.ui.common.formatting import fmt
from nnviz.ui.common.interface_scale import interface_scale

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

RES = 72


class PlaneWidget(QWidget):
    point_clicked = Signal(float, float)

    def __init__(self, title: str, axes=("x₁", "x₂"), parent=None):
        super().__init__(parent)
        self.title, self.axes = title, axes
        self.ext = (-0.5, 1.5, -0.5, 1.5)
        self.image: QImage | None = None
        self.points = np.zeros((0, 2))
        self.labels = np.zeros(0)
        self.current = None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        # points, rings and pens follow the interface scale (the text follows the app font)
        interface_scale().changed.connect(self._on_interface_scale_changed)
        self._on_interface_scale_changed(interface_scale().factor)

    def _on_interface_scale_changed(self, factor: float) -> None:
        self.scale = factor
        self.setMinimumSize(round(170 * factor), round(190 * factor))
        self.updateGeometry()
        self.update()

    def sizeHint(self):  # noqa: N802
        return QSize(round(240 * self.scale), round(260 * self.scale))

    def set_data(self, ext, values, points, labels, current):
        self.ext = ext
        rgb = np.ascontiguousarray(colors.signed_rgb(values))
        h, w = values.shape
        self.image = QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()
        self.points = np.asarray(points, dtype=float).reshape(-1, 2)
        self.labels = np.asarray(labels)
        self.current = None if current is None else np.asarray(current, dtype=float)
        self.update()

    def _plot_rect(self) -> QRectF:
        fm = self.fontMetrics()
        top = fm.height() + 6
        side = max(20.0, min(self.width() - 2 * fm.height() - 8,
                             self.height() - top - 2 * fm.height() - 4))
        return QRectF((self.width() - side) / 2 + fm.height() / 2, top, side, side)

    def _to_px(self, p, r: QRectF) -> QPointF:
        x0, x1, y0, y1 = self.ext
        return QPointF(r.left() + (p[0] - x0) / (x1 - x0) * r.width(),
                       r.bottom() - (p[1] - y0) / (y1 - y0) * r.height())

    def _to_data(self, pos, r: QRectF):
        x0, x1, y0, y1 = self.ext
        return (x0 + (pos.x() - r.left()) / r.width() * (x1 - x0),
                y0 + (r.bottom() - pos.y()) / r.height() * (y1 - y0))

    def paintEvent(self, event):  # noqa: N802
        qp = QPainter(self)
        qp.setRenderHint(QPainter.Antialiasing)
        r = self._plot_rect()
        fm = self.fontMetrics()
        qp.setPen(QColor(30, 30, 30))
        qp.drawText(QRectF(0, 0, self.width(), fm.height() + 4), Qt.AlignCenter, self.title)
        if self.image is not None:
            qp.drawImage(r, self.image)
        qp.setPen(QPen(QColor(120, 120, 120), 1))
        qp.setBrush(Qt.NoBrush)
        qp.drawRect(r)
        x0, x1, y0, y1 = self.ext
        qp.setPen(QColor(60, 60, 60))
        qp.drawText(QRectF(r.left(), r.bottom() + 2, r.width(), fm.height()), Qt.AlignCenter,
                    self.axes[0])
        qp.drawText(QRectF(r.left() - 3, r.bottom() + 2, 60, fm.height()), Qt.AlignLeft, fmt(x0, 2))
        qp.drawText(QRectF(r.right() - 60, r.bottom() + 2, 60, fm.height()), Qt.AlignRight,
                    fmt(x1, 2))
        qp.save()
        qp.translate(r.left() - 4, r.center().y())
        qp.rotate(-90)
        qp.drawText(QRectF(-r.height() / 2, -fm.height(), r.height(), fm.height()),
                    Qt.AlignCenter, self.axes[1])
        qp.restore()
        k = self.scale
        radius = (6 if len(self.points) <= 16 else 3.5) * k
        for p, lab in zip(self.points, self.labels):
            col = QColor(*colors.POSITIVE) if lab > 0 else QColor(*colors.NEGATIVE)
            qp.setPen(QPen(QColor(255, 255, 255), 1.5 * k))
            qp.setBrush(col)
            qp.drawEllipse(self._to_px(p, r), radius, radius)
        if self.current is not None and len(self.current) == 2:
            c = self._to_px(self.current, r)
            qp.setPen(QPen(QColor(20, 20, 20), 2 * k))
            qp.setBrush(Qt.NoBrush)
            ring, arm = radius + 4 * k, radius + 8 * k
            qp.drawEllipse(c, ring, ring)
            qp.drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()))
            qp.drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm))
        qp.end()

    def mousePressEvent(self, event):  # noqa: N802
        r = self._plot_rect()
        if r.contains(event.position()):
            x, y = self._to_data(event.position(), r)
            self.point_clicked.emit(x, y)


class DecisionBoundaryView(QWidget):
    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.input_plane = PlaneWidget(self.tr("Input plane: output y"))
        self.input_plane.setToolTip(self.tr(
            "The network's output over the input plane (blue: class 1, orange: class 0) with the "
            "data points. Click to feed that point into the network."))
        self.hidden_plane = PlaneWidget(self.tr("Hidden space (z₁, z₂)"), ("z₁", "z₂"))
        self.hidden_plane.setToolTip(self.tr(
            "The same points as the hidden neurons see them: in this space one straight line "
            "separates the classes."))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignCenter)
        row = QHBoxLayout()
        row.addWidget(self.input_plane)
        row.addWidget(self.hidden_plane)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(row, 1)
        lay.addWidget(self.note)
        self.hidden_layer = -1
        self._ext = None
        self.input_plane.point_clicked.connect(self._on_input_plane_clicked)
        lesson.forward_updated.connect(self._on_lesson_forward_updated)
        lesson.data_changed.connect(self._on_lesson_data_changed)
        lesson.network_changed.connect(self._on_lesson_data_changed)

    @property
    def applicable(self) -> bool:
        """Two inputs and a data set (a lone fixed input has no boundary worth showing)."""
        net = self.lesson.network
        return net is not None and net.spec.inputs == 2 and self.lesson.samples is not None

    def _on_lesson_data_changed(self):
        net = self.lesson.network
        if net is None:
            return
        ok = self.applicable
        s = self.lesson.samples
        self.input_plane.setVisible(ok)
        self.hidden_layer = plane.hidden_layer_2d(net) if ok else -1
        self.hidden_plane.setVisible(self.hidden_layer >= 0)
        self.note.setVisible(False)
        self.setVisible(ok)
        self.note.setText(self.tr("The decision boundary is drawn for lessons with two inputs "
                                  "and a data set."))
        self._ext = plane.extent(s.X if s is not None else [self.lesson.x])

    def _on_lesson_forward_updated(self, trace):
        if not self.applicable or not self.isVisible() and not self._force:
            return
        self.redraw()

    _force = False

    def redraw(self):
        net, s = self.lesson.network, self.lesson.samples
        if self._ext is None:
            self._on_lesson_data_changed()
        X = s.X if s is not None else np.zeros((0, 2))
        labels = s.labels if s is not None else np.zeros(0)
        self.input_plane.set_data(self._ext, plane.input_plane(net, self._ext, RES), X, labels,
                                  self.lesson.x)
        if self.hidden_layer >= 0:
            H = plane.hidden_points(net, X, self.hidden_layer) if len(X) else np.zeros((0, 2))
            cur = self.lesson.trace[self.hidden_layer][1] if self.lesson.trace else None
            pts = np.vstack([H, cur[None, :]]) if cur is not None else H
            hext = plane.extent(pts, pad=0.2)
            self.hidden_plane.set_data(hext, plane.hidden_plane(net, self.hidden_layer, hext, RES),
                                       H, labels, cur)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self.applicable:
            self.redraw()

    def _on_input_plane_clicked(self, x, y):
        self.lesson.set_input([x, y])


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(DecisionBoundaryView, "xor-relu", (520, 300)))
