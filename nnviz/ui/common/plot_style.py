"""What the pyqtgraph plots share: import order, palette, x-axis selector, hover read-out, and
their look at the interface scale (fonts, pens, axis titles that never clip, legends that fit).

Importing this module imports pyqtgraph (after PySide6, as the conventions ask); the main window
imports the plot widgets only after it is on screen.  Exporting is in ``plot_export.py``.
"""

from __future__ import annotations

import itertools
import math
import os
import types
import weakref
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt  # noqa: F401  (PySide6 before pyqtgraph)
from PySide6.QtGui import QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy

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


#: point sizes of the plots' text at interface scale 1 (multiplied by the scale)
TICK_PT, LABEL_PT, LEGEND_PT = 9.0, 10.0, 9.0
#: plots styled here (a key of their own → weak reference): the interface scale restyles them
#: (and export scales them).  A plot leaves when its C++ side is destroyed (a closed window's
#: view) or its Python side is collected, so no entry ever points at a deleted item.
_STYLED: dict[int, weakref.ref] = {}
_REGISTRY_KEYS = itertools.count()
_STYLED_FOLLOW: list = []  # [True] once the interface scale's signal is connected


def current_scale() -> float:
    from nnviz.ui.common.interface_scale import interface_scale

    return interface_scale().factor


def _font(points: float) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(points)
    return font


def style_plot(plot: pg.PlotItem, grid: float = 0.15) -> None:
    """Light grid, plain numbers on the axes (no "×0.001" SI prefixes), fonts and pens at the
    interface scale, and axis titles that are never clipped (see :func:`set_axis_title`)."""
    plot.showGrid(x=True, y=True, alpha=grid)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.enableAutoSIPrefix(False)
        axis.tickSpacing = types.MethodType(_readable_tick_spacing, axis)
        if type(axis).tickStrings is pg.AxisItem.tickStrings:  # not a date or custom axis
            axis.tickStrings = types.MethodType(_typographic_tick_strings, axis)
    plot._nnviz_titles = {}
    plot._nnviz_fitting = False
    plot.vb.sigResized.connect(lambda *_: fit_plot(plot))
    if not _STYLED_FOLLOW:
        from nnviz.ui.common.interface_scale import interface_scale

        interface_scale().changed.connect(_on_interface_scale_changed)
        _STYLED_FOLLOW.append(True)
    _register(plot)
    scale_plot(plot, current_scale())


def _register(plot: pg.PlotItem) -> None:
    if getattr(plot, "_nnviz_registry_key", None) in _STYLED:
        return
    key = next(_REGISTRY_KEYS)  # not id(): a collected plot's id may be a new plot's
    plot._nnviz_registry_key = key

    def forget(*_, key=key):  # captures the key only: the registry never keeps a plot alive
        _STYLED.pop(key, None)

    _STYLED[key] = weakref.ref(plot, forget)
    plot.destroyed.connect(forget)


def registered_plots() -> list[pg.PlotItem]:
    """Every plot styled by :func:`style_plot` whose item still exists."""
    return [plot for plot in (ref() for ref in list(_STYLED.values())) if plot is not None]


def _on_interface_scale_changed(factor: float) -> None:
    for plot in registered_plots():
        scale_plot(plot, factor)


def _readable_tick_spacing(axis, min_val: float, max_val: float, size: float):
    """pyqtgraph's tick spacing, with major ticks only as dense as their labels fit: a 40 px
    tall axis got five labels printed over each other ("0.8 0.6 0.4" in one blot)."""
    levels = pg.AxisItem.tickSpacing(axis, min_val, max_val, size)
    if not levels or axis._tickSpacing is not None:
        return levels
    metrics = QFontMetricsF(axis.style.get("tickFont") or QApplication.font())
    if axis.orientation in ("left", "right"):
        room = 1.8 * metrics.height()
    else:
        room = metrics.horizontalAdvance("0.000") + metrics.height()
    labels = max(3.0, size / room)  # labels that fit along the axis (0, 0.5, 1 at least)
    dif = abs(max_val - min_val)
    major, offset = levels[0]
    steps = (2.0, 2.5, 2.0)  # 1 → 2 → 5 → 10: the same round numbers pyqtgraph picks
    k = 0
    while major > 0 and dif / major > labels:  # intervals ≤ labels: at least one label shows
        major *= steps[k % 3]
        k += 1
    return [(major, offset)] + [level for level in levels[1:] if level[0] < major]


def _typographic_tick_strings(axis, values, scale, spacing):
    """pyqtgraph's tick labels with the typographic minus ("−0.5", not "-0.5")."""
    return [s.replace("-", "−") for s in pg.AxisItem.tickStrings(axis, values, scale, spacing)]


def set_axis_title(plot: pg.PlotItem, side: str, text: str) -> None:
    """Name an axis ("left" or "bottom").  A left title too long for the plot's height (a short
    dock: "accuracy" clipped to "acy") is written above the plot instead, horizontally."""
    plot._nnviz_titles[side] = text
    _show_titles(plot)


def axis_title(plot: pg.PlotItem, side: str) -> str:
    """The axis's name as set with :func:`set_axis_title` ("" if none)."""
    return plot._nnviz_titles.get(side, "")


def left_title_on_top(plot: pg.PlotItem) -> bool:
    """True while the left axis's name is shown above the plot (too short to write it along)."""
    return bool(getattr(plot, "_nnviz_title_on_top", False))


def _show_titles(plot: pg.PlotItem) -> None:
    f = plot._nnviz_scale
    style = {"font-size": f"{LABEL_PT * f:.1f}pt"}
    bottom = plot._nnviz_titles.get("bottom")
    if bottom is not None:
        axis = plot.getAxis("bottom")
        if bottom:
            axis.setLabel(bottom, **style)
        else:
            axis.showLabel(False)
    if "left" not in plot._nnviz_titles:  # a plot that names its axes itself
        return
    left = plot._nnviz_titles["left"]
    on_top = bool(left) and getattr(plot, "_nnviz_title_on_top", False)
    axis = plot.getAxis("left")
    if left and not on_top:
        axis.setLabel(left, **style)
    else:
        axis.showLabel(False)
    plot.setTitle(left if on_top else None, size=style["font-size"])


def fit_plot(plot: pg.PlotItem) -> None:
    """Place the left axis title where it fits and give the legend the columns it needs to show
    every entry inside the plot."""
    if plot._nnviz_fitting:
        return
    plot._nnviz_fitting = True
    try:
        left = plot._nnviz_titles.get("left", "")
        if left:
            need = QFontMetricsF(_font(LABEL_PT * plot._nnviz_scale)).horizontalAdvance(left) + 8
            on_top = plot.vb.height() < need
            if on_top != left_title_on_top(plot):
                plot._nnviz_title_on_top = on_top
                _show_titles(plot)
        legend, room = plot.legend, plot.vb.height() - 12
        if legend is None and getattr(plot, "_nnviz_side_legend", None) is not None:
            legend, room = plot._nnviz_side_legend, plot.height() - 8
        if legend is not None and legend.items:
            row = max(label.boundingRect().height() for _, label in legend.items)
            rows = max(1, int(room // max(row, 1.0)))
            legend.setColumnCount(max(1, math.ceil(len(legend.items) / rows)))
    finally:
        plot._nnviz_fitting = False


def scale_plot(plot: pg.PlotItem, factor: float) -> None:
    """Fonts and pen widths of ``plot`` at ``factor`` × their size at interface scale 1."""
    plot._nnviz_scale = float(factor)
    tick_font = _font(TICK_PT * factor)
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setTickFont(tick_font)
        axis.setStyle(tickTextOffset=max(2, round(3 * factor)))
        axis.setPen(pg.mkPen(pg.getConfigOption("foreground"), width=factor))
        axis.setTextPen(pg.mkPen(pg.getConfigOption("foreground")))
        axis.setTickDensity(1.0 / factor)  # larger labels need more room between ticks
    for item in plot.listDataItems():
        base = getattr(item, "_nnviz_width", None)
        if base is not None:
            pen = QPen(item.opts["pen"])
            pen.setWidthF(base * factor)
            item.setPen(pen)
    for legend in (plot.legend, getattr(plot, "_nnviz_side_legend", None)):
        if legend is not None:
            legend.setLabelTextSize(f"{LEGEND_PT * factor:.1f}pt")
            for _, label in legend.items:  # a label takes its new size when its text is set
                label.setText(label.text)
            legend.updateSize()
    _show_titles(plot)
    fit_plot(plot)


def styled_plots(root) -> list[pg.PlotItem]:
    """The plots styled by :func:`style_plot` inside ``root`` (a plot, layout or scene item)."""
    out = []
    for plot in registered_plots():
        item = plot
        while item is not None and item is not root:
            item = item.parentItem()
        if item is root:
            out.append(plot)
    return out


def add_legend(plot: pg.PlotItem, offset=(-10, 10)) -> pg.LegendItem:
    """A legend on a translucent white card, so curves behind it do not muddle its text."""
    size = f"{LEGEND_PT * getattr(plot, '_nnviz_scale', 1.0):.1f}pt"
    return plot.addLegend(offset=offset, labelTextSize=size, brush=pg.mkBrush(255, 255, 255, 210),
                          pen=pg.mkPen(200, 200, 200))


def side_legend(layout: pg.GraphicsLayout, plot: pg.PlotItem) -> pg.LegendItem:
    """A legend in its own cell right of ``plot`` (in ``layout``): never over the curves, and
    with as many columns as the plot's height needs to show every entry.  Entries are added
    with ``legend.addItem(curve, name)``."""
    legend = pg.LegendItem(offset=None, labelTextSize=f"{LEGEND_PT * plot._nnviz_scale:.1f}pt")
    layout.addItem(legend, row=0, col=1)
    # its own height at the top of the cell: stretched to the plot's height, its rows would
    # spread apart and part each line sample from its name
    legend.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
    layout.layout.setAlignment(legend, Qt.AlignTop | Qt.AlignLeft)
    plot._nnviz_side_legend = legend
    return legend


def make_curve(plot: pg.PlotItem, color, name: str | None = None, width: float = 2.0,
               style=Qt.SolidLine) -> pg.PlotDataItem:
    """A curve made once and fed with ``setData``: peak downsampling, clipped to the view; its
    pen follows the interface scale."""
    scale = getattr(plot, "_nnviz_scale", 1.0)
    curve = plot.plot([], [], pen=pg.mkPen(color, width=width * scale, style=style), name=name,
                      connect="finite")
    curve._nnviz_width = width
    curve.setDownsampling(auto=True, method="peak")
    curve.setClipToView(True)
    if name:
        fit_plot(plot)
    return curve


def set_curve_pen(curve, color, width: float, style=Qt.SolidLine) -> None:
    """Change a curve's pen; ``width`` at interface scale 1."""
    curve._nnviz_width = width
    plot = curve.parentItem()
    while plot is not None and not isinstance(plot, pg.PlotItem):
        plot = plot.parentItem()
    scale = getattr(plot, "_nnviz_scale", 1.0)
    curve.setPen(pg.mkPen(color, width=width * scale, style=style))


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
        self.label.setFont(_font(TICK_PT * getattr(self.plot, "_nnviz_scale", 1.0)))
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


def fmt_value(v) -> str:
    return fmt(v) if np.isfinite(v) else "—"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
