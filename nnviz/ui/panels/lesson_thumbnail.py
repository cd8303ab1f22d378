"""A lesson's thumbnail for the lesson map: its network painted from the preset's spec.

Layers are columns of neurons, input to output, edges between them. A layer of more than
:data:`MAX_SHOWN` neurons shows its first neurons, a "⋮" and its size, so MNIST's 784-100-10
reads as three small columns rather than a hairball. Hand-set weights (the perceptron by hand,
XOR by hand, the forward walk-through) colour their edges with the app's signed scale (blue
positive, orange negative) and set their width by |w|; lessons that start from random weights
draw neutral edges. An image input (MNIST) is a small digit drawn on a pixel grid, and the
activation gallery, which has no network to speak of, shows its curves (계단 함수, 시그모이드,
ReLU).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap

from nnviz.ui.common.colors import POSITIVE, signed_rgb

#: at most this many neurons of a layer are drawn; bigger layers show a "⋮" and their size
MAX_SHOWN = 6
NEUTRAL_EDGE = QColor(150, 156, 162)
NODE_FILL = QColor(255, 255, 255)
NODE_LINE = QColor(60, 64, 67)
INPUT_FILL = QColor(232, 234, 235)
OUTPUT_FILL = QColor(*POSITIVE).lighter(185)
BACKGROUND = QColor(250, 250, 251)
#: a hand-drawn "7" on a 7×7 grid: MNIST's input as a picture, not 784 circles
DIGIT = ("0000000",
         "0111110",
         "0000110",
         "0001100",
         "0001100",
         "0011000",
         "0000000")


def shown_neurons(n: int) -> list[int]:
    """The indices of a layer of ``n`` neurons that are drawn (all of them up to MAX_SHOWN)."""
    if n <= MAX_SHOWN:
        return list(range(n))
    return [*range(MAX_SHOWN - 2), n - 1]  # the first ones, a gap ("⋮"), the last


def is_image_input(preset) -> bool:
    return preset.data.get("kind") in ("mnist", "fashion") and preset.network.sizes[0] > 64


def is_curve_gallery(preset) -> bool:
    return preset.trainer == "gallery" and preset.network.sizes[0] == 1


def lesson_thumbnail(preset, width: int, height: int, device_ratio: float = 1.0) -> QPixmap:
    """A ``width`` × ``height`` picture (logical pixels) of the lesson ``preset``."""
    ratio = max(1.0, float(device_ratio))
    pix = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
    pix.setDevicePixelRatio(ratio)
    pix.fill(BACKGROUND)
    qp = QPainter(pix)
    qp.setRenderHint(QPainter.Antialiasing)
    rect = QRectF(0, 0, width, height)
    qp.setPen(QPen(QColor(218, 220, 224), 1))
    qp.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
    inner = rect.adjusted(6, 6, -6, -6)
    if is_curve_gallery(preset):
        paint_activation_curves(qp, inner)
    else:
        paint_network(qp, inner, preset)
    qp.end()
    return pix


def _layer_weights(preset, layer: int):
    """The hand-set weights of ``layer`` (n_in × n_out) or None."""
    w = preset.weights.get(f"W{layer + 1}")
    if w is None:
        return None
    try:
        arr = np.asarray(w, dtype=float)
    except (TypeError, ValueError):
        return None
    return arr if arr.ndim == 2 else None


def paint_network(qp: QPainter, rect: QRectF, preset) -> None:
    """Columns of neurons with their edges, fitted in ``rect``."""
    sizes = list(preset.network.sizes)
    image = is_image_input(preset)
    n_layers = len(sizes)
    rows = max(min(n, MAX_SHOWN) for n in sizes[1 if image else 0:] or sizes)
    rows = max(rows, 3 if image else 1)
    text_px = max(9, round(rect.height() / 6))  # the sizes' font grows with the thumbnail
    label_h = text_px + 2.0  # room under a big layer for its size
    usable_h = rect.height() - (label_h if any(n > MAX_SHOWN for n in sizes) else 0)
    radius = max(2.0, min(usable_h / (2.6 * rows), rect.width() / (5.0 * n_layers),
                             max(9.0, rect.height() / 6)))
    # an image input is a square as wide as ~0.8 of a column: the first column moves right
    digit_side = min(usable_h * 0.8, rect.width() / n_layers * 0.8) if image else 0.0
    left = max(radius, digit_side / 2)
    gap_x = (rect.width() - left - radius) / max(1, n_layers - 1)
    xs = [rect.left() + left + i * gap_x for i in range(n_layers)]

    def ys(n: int) -> list[float]:
        """The neurons' heights; a big layer keeps one empty slot for its "⋮"."""
        slots = len(shown_neurons(n)) + (1 if n > MAX_SHOWN else 0)
        step = min(2.6 * radius, usable_h / max(1, slots))
        top = rect.top() + (usable_h - step * (slots - 1)) / 2
        heights = [top + k * step for k in range(slots)]
        return heights[:-2] + heights[-1:] if n > MAX_SHOWN else heights

    positions = []
    for i, n in enumerate(sizes):
        if i == 0 and image:
            positions.append([QPointF(xs[0], rect.top() + usable_h / 2)])
        else:
            positions.append([QPointF(xs[i], y) for y in ys(n)])
    _paint_edges(qp, preset, sizes, positions, radius, image)
    for i, n in enumerate(sizes):
        if i == 0 and image:
            _paint_digit(qp, positions[0][0], digit_side)
            _paint_size(qp, xs[0], rect, n, gap_x, text_px)
            continue
        fill = INPUT_FILL if i == 0 else OUTPUT_FILL if i == n_layers - 1 else NODE_FILL
        qp.setPen(QPen(NODE_LINE, max(0.8, radius / 6)))
        qp.setBrush(fill)
        for p in positions[i]:
            qp.drawEllipse(p, radius, radius)
        if n > MAX_SHOWN:
            _paint_gap(qp, positions[i], radius)
            _paint_size(qp, xs[i], rect, n, gap_x, text_px)


def _paint_edges(qp, preset, sizes, positions, radius, image) -> None:
    for i in range(len(sizes) - 1):
        src_idx = [0] if (i == 0 and image) else shown_neurons(sizes[i])
        dst_idx = shown_neurons(sizes[i + 1])
        w = _layer_weights(preset, i)
        scale = float(np.max(np.abs(w))) if w is not None and w.size else 1.0
        for a, ia in zip(positions[i], src_idx):
            for b, ib in zip(positions[i + 1], dst_idx):
                if w is not None and w.shape == (sizes[i], sizes[i + 1]):
                    value = float(w[ia, ib])
                    rgb = signed_rgb(value, scale or 1.0)
                    color = QColor(int(rgb[0]), int(rgb[1]), int(rgb[2]))
                    width = 0.6 + 2.2 * min(1.0, abs(value) / (scale or 1.0))
                else:
                    color, width = NEUTRAL_EDGE, 0.7
                qp.setPen(QPen(color, width))
                start = QPointF(a.x() + (0 if i == 0 and image else radius), a.y())
                qp.drawLine(start, QPointF(b.x() - radius, b.y()))


def _paint_gap(qp: QPainter, points: list[QPointF], radius: float) -> None:
    """The "⋮" in the empty slot between the first neurons and the last one of a big layer."""
    a, b = points[-2], points[-1]
    mid = (a.y() + b.y()) / 2
    spread = max(1.5, (b.y() - a.y()) / 2 - radius) * 0.5
    qp.setPen(Qt.NoPen)
    qp.setBrush(NODE_LINE)
    for k in (-1, 0, 1):
        qp.drawEllipse(QPointF(a.x(), mid + k * spread), 1.0, 1.0)


def _paint_size(qp: QPainter, x: float, rect: QRectF, n: int, room: float,
                largest_px: int = 9) -> None:
    """A big layer's size under its column, in a font small enough for ``room`` pixels,
    kept inside ``rect`` (the last column's "10" would stick out on the right)."""
    text = f"{n:,}"
    font = QFont(qp.font())
    for pixels in range(largest_px, 5, -1):
        font.setPixelSize(pixels)
        if QFontMetrics(font).horizontalAdvance(text) <= room * 0.8:  # a visible gap
            break
    qp.setFont(font)
    qp.setPen(NODE_LINE)
    half = QFontMetrics(font).horizontalAdvance(text) / 2 + 1
    x = min(max(x, rect.left() + half), rect.right() - half)
    qp.drawText(QRectF(x - half, rect.bottom() - font.pixelSize() - 1, 2 * half,
                       font.pixelSize() + 1), Qt.AlignCenter, text)


def _paint_digit(qp: QPainter, centre: QPointF, side: float) -> None:
    cell = side / len(DIGIT)
    left, top = centre.x() - side / 2, centre.y() - side / 2
    qp.setPen(Qt.NoPen)
    for r, row in enumerate(DIGIT):
        for c, on in enumerate(row):
            qp.setBrush(QColor(30, 30, 30) if on == "1" else QColor(236, 236, 236))
            qp.drawRect(QRectF(left + c * cell, top + r * cell, cell + 0.3, cell + 0.3))
    qp.setPen(QPen(NODE_LINE, 0.8))
    qp.setBrush(Qt.NoBrush)
    qp.drawRect(QRectF(left, top, side, side))


def paint_activation_curves(qp: QPainter, rect: QRectF) -> None:
    """The step function, the sigmoid and ReLU over x ∈ [−5, 5], as the gallery draws them."""
    qp.setPen(QPen(QColor(200, 203, 207), 1))
    mid_y = rect.bottom() - rect.height() * 0.25
    qp.drawLine(QPointF(rect.left(), mid_y), QPointF(rect.right(), mid_y))
    qp.drawLine(QPointF(rect.center().x(), rect.top()), QPointF(rect.center().x(),
                                                                  rect.bottom()))

    def to_point(x: float, y: float) -> QPointF:  # x ∈ [−5, 5], y ∈ [−0.33, 1.0]
        return QPointF(rect.left() + (x + 5) / 10 * rect.width(),
                       mid_y - y * (mid_y - rect.top()))

    curves = ((QColor(245, 147, 34), lambda x: 1.0 if x > 0 else 0.0),
              (QColor(*POSITIVE), lambda x: 1 / (1 + math.exp(-x))),
              (QColor(52, 168, 83), lambda x: min(1.0, max(0.0, x) / 5)))
    for color, f in curves:
        path = QPainterPath()
        for k in range(101):
            x = -5 + k / 10
            point = to_point(x, f(x))
            if k == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        qp.setPen(QPen(color, 1.8))
        qp.setBrush(Qt.NoBrush)
        qp.drawPath(path)
