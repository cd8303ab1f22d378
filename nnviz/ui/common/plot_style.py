"""What the pyqtgraph plots share: import order, palette, x-axis selector, hover read-out, export.

Importing this module imports pyqtgraph (after PySide6, as the conventions ask); the main window
imports the plot widgets only after it is on screen.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt  # noqa: F401  (PySide6 before pyqtgraph)

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg  # noqa: E402
import pyqtgraph.exporters  # noqa: E402, F401

from nnviz.ui.common import colors  # noqa: E402
from nnviz.ui.common.formatting import fmt  # noqa: E402

pg.setConfigOptions(antialias=True, background="w", foreground="k")

# Okabe–Ito: eight colours told apart by colour-blind viewers; the first two are the signed
# scale's blue and orange.
PALETTE = [
    colors.POSITIVE, colors.NEGATIVE, (0, 158, 115), (204, 121, 167), (86, 180, 233),
    (213, 94, 0), (90, 90, 90), (230, 159, 0),
]


def palette_color(i: int) -> tuple[int, int, int]:
    return PALETTE[i % len(PALETTE)]


def sequential_color(i: int, n: int) -> tuple[int, int, int]:
    """Colour of layer ``i`` of ``n`` (0-based): viridis from dark (input side) to green."""
    cmap = pg.colormap.get("viridis")
    t = 0.0 if n <= 1 else 0.85 * i / (n - 1)
    c = cmap.map(t, mode="byte")
    return int(c[0]), int(c[1]), int(c[2])


def x_axis_selector(on_change: Callable[[str], None]):
    """The curve plots' "x axis: [epochs | samples seen]" label and combo box.

    The combo's item data is ``"epoch"`` or ``"samples"``; ``on_change(mode)`` is called when
    the student picks one.  Returns ``(label, combo)``.
    """
    from PySide6.QtWidgets import QComboBox, QLabel

    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("PlotCommon", "epochs"), "epoch")
    combo.addItem(QCoreApplication.translate("PlotCommon", "samples seen"), "samples")
    combo.setToolTip(QCoreApplication.translate(
        "PlotCommon", "Plot against completed epochs or against the number of training "
        "samples seen"))
    combo.currentIndexChanged.connect(lambda i: on_change(combo.itemData(i)))
    label = QLabel(QCoreApplication.translate("PlotCommon", "x axis:"))
    label.setToolTip(combo.toolTip())
    return label, combo


def style_plot(plot: pg.PlotItem, grid: float = 0.15) -> None:
    """Light grid, and plain numbers on the axes (no "×0.001" SI prefixes)."""
    plot.showGrid(x=True, y=True, alpha=grid)
    for name in ("left", "bottom"):
        plot.getAxis(name).enableAutoSIPrefix(False)


def add_legend(plot: pg.PlotItem, offset=(-10, 10)) -> pg.LegendItem:
    """A legend on a translucent white card, so curves behind it do not muddle its text."""
    return plot.addLegend(offset=offset, labelTextSize="9pt", brush=pg.mkBrush(255, 255, 255, 210),
                          pen=pg.mkPen(200, 200, 200))


def make_curve(plot: pg.PlotItem, color, name: str | None = None, width: float = 2.0,
               style=Qt.SolidLine) -> pg.PlotDataItem:
    """A curve made once and fed with ``setData``: peak downsampling, clipped to the view."""
    curve = plot.plot([], [], pen=pg.mkPen(color, width=width, style=style), name=name,
                      connect="finite")
    curve.setDownsampling(auto=True, method="peak")
    curve.setClipToView(True)
    return curve


def nearest_index(xs: np.ndarray, x: float) -> int:
    """Index of the value of sorted ``xs`` nearest to ``x`` (-1 if empty)."""
    if len(xs) == 0:
        return -1
    i = int(np.searchsorted(xs, x))
    if i <= 0:
        return 0
    if i >= len(xs):
        return len(xs) - 1
    return i if xs[i] - x < x - xs[i - 1] else i - 1


class HoverReadout:
    """A vertical line and a label that follow the mouse over ``plot``.

    ``describe(x_mouse) -> (x_snap, text) | None`` says where to snap and what to show (rich
    text when it starts with "<").
    """

    def __init__(self, plot: pg.PlotItem, describe: Callable):
        self.plot, self.describe = plot, describe
        self.line = pg.InfiniteLine(angle=90, movable=False,
                                    pen=pg.mkPen((120, 120, 120), style=Qt.DashLine))
        self.label = pg.TextItem("", color=(20, 20, 20), fill=pg.mkBrush(255, 255, 255, 220),
                                 border=pg.mkPen(180, 180, 180), anchor=(0, 1))
        for item in (self.line, self.label):
            item.setZValue(100)
            item.setVisible(False)
            plot.addItem(item, ignoreBounds=True)
        self.text = ""
        plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def _on_scene_mouse_moved(self, pos):
        vb = self.plot.vb
        if not self.plot.sceneBoundingRect().contains(pos):
            self.hide()
            return
        p = vb.mapSceneToView(pos)
        self.show_at(p.x(), p.y())

    def show_at(self, x: float, y: float | None = None) -> None:
        found = self.describe(x)
        if found is None:
            self.hide()
            return
        xs, self.text = found
        vb = self.plot.vb
        self.line.setPos(xs)
        (x0, x1), (y0, y1) = vb.viewRange()
        yy = (y0 + y1) / 2 if y is None else min(max(y, y0), y1)
        if self.text.startswith("<"):
            self.label.setHtml(f'<div style="color:#141414">{self.text}</div>')
        else:
            self.label.setText(self.text)
        # keep the label inside the view: it slides left of the line, or below the pointer,
        # as far as needed
        box = vb.sceneBoundingRect()
        at = vb.mapViewToScene(pg.Point(xs, yy))
        size = self.label.boundingRect()
        w = max(size.width(), 1.0)
        ax = min(max((at.x() + w - box.right()) / w, 0.0), 1.0)
        ay = 0 if at.y() - size.height() < box.top() else 1
        self.label.setAnchor((ax, ay))
        self.label.setPos(xs, yy)
        self.line.setVisible(True)
        self.label.setVisible(True)

    def hide(self) -> None:
        self.line.setVisible(False)
        self.label.setVisible(False)


def export_image(item, path: str, width: int = 1600) -> None:
    """Write ``item`` (a scene or graphics item) as SVG when ``path`` ends in .svg, else PNG."""
    if str(path).lower().endswith(".svg"):
        try:
            pg.exporters.SVGExporter(item).export(str(path))
        except ValueError:
            # pyqtgraph 0.14's SVG exporter cannot parse the path syntax of recent Qt SVG
            # output; Qt's own generator writes a valid (if less tidy) drawing.
            _render_svg(item, str(path))
        return
    else:
        exporter = pg.exporters.ImageExporter(item)
        exporter.parameters()["width"] = int(width)
    exporter.export(str(path))


def _render_svg(item, path: str) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    scene = item if isinstance(item, pg.QtWidgets.QGraphicsScene) else item.scene()
    rect = item.sceneBoundingRect() if item is not scene else scene.sceneRect()
    gen = QSvgGenerator()
    gen.setFileName(path)
    gen.setSize(rect.size().toSize())
    gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    gen.setTitle("nnviz")
    painter = QPainter(gen)
    try:
        painter.setRenderHint(QPainter.Antialiasing)
        scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    finally:
        painter.end()


def write_csv(path: str, header: Sequence[str], columns: Sequence[np.ndarray]) -> None:
    """Columns of numbers as CSV with full precision (empty cell for NaN)."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for row in zip(*columns):
            w.writerow(_csv_cell(v) for v in row)


def _csv_cell(v) -> str:
    v = float(v)
    if not np.isfinite(v):
        return ""
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def fmt_value(v) -> str:
    return fmt(v) if np.isfinite(v) else "—"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _tr_export(text: str) -> str:
    return QCoreApplication.translate("PlotExport", text)


def make_export_button(widget, tooltip: str, title: str, stem: str):
    """An "Export ▾" button saving ``widget`` as PNG, SVG (``widget.export_image(path)``) or
    CSV (``widget.export_csv(path)``) through a save dialog titled ``title``."""
    from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton

    filters = {"png": _tr_export("PNG image (*.png)"), "svg": _tr_export("SVG drawing (*.svg)"),
               "csv": _tr_export("CSV table (*.csv)")}

    def ask(kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(widget, title, f"{stem}.{kind}", filters[kind])
        if not path:
            return
        if not path.lower().endswith("." + kind):
            path += "." + kind
        if kind == "csv":
            widget.export_csv(path)
        else:
            widget.export_image(path)

    button = QToolButton()
    button.setText(_tr_export("Export"))
    button.setToolTip(tooltip)
    button.setPopupMode(QToolButton.InstantPopup)
    menu = QMenu(button)
    menu.addAction(_tr_export("PNG image…"), lambda: ask("png"))
    menu.addAction(_tr_export("SVG drawing…"), lambda: ask("svg"))
    menu.addAction(_tr_export("CSV numbers…"), lambda: ask("csv"))
    button.setMenu(menu)
    return button

