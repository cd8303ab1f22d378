"""Exporting a plot: a picture of a chosen size (PNG or SVG) or its numbers (CSV).

The picture is laid out again at the size asked for (default 1600×900), whatever the size of
the dock showing the plot: the plot's graphics item is given the export size for the moment it
is drawn into an off-screen image, its fonts and pens scaled so the text reads at that size,
and then put back.  Drawing the dock's pixels instead (pyqtgraph's exporter) turned a short
dock into a 1600×136 strip with no y tick labels.

:func:`make_export_button` gives a plot view an "Export…" button that opens
:class:`ExportDialog` (format, width, height) and then a save dialog; the view provides
``export_image(path, size)`` and ``export_csv(path)``.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.common.plot_style import pg, scale_plot, styled_plots

#: the picture size offered first: a 16:9 slide
DEFAULT_SIZE = QSize(1600, 900)
MIN_SIDE, MAX_SIDE = 200, 8000
FORMATS = ("png", "svg", "csv")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlotExport", text)


def export_scale(size: QSize) -> float:
    """Font and pen scale of a picture of ``size``: text as large, relative to the picture, as
    on a plot about 1000×560 px on screen (never smaller than the interface scale)."""
    return max(interface_scale().factor, min(size.width() / 1000, size.height() / 560), 1.0)


def _paint(item, painter: QPainter, size: QSize) -> None:
    scene = item.scene()
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), item.sceneBoundingRect(),
                 Qt.IgnoreAspectRatio)


class _LaidOutAt:
    """Context: ``item`` (a PlotItem or GraphicsLayout) laid out at ``size`` with fonts and
    pens for that size; its geometry and the interface scale's look come back afterwards."""

    def __init__(self, item, size: QSize):
        self.item, self.size = item, size

    def __enter__(self):
        self.old = QRectF(self.item.geometry())
        self.plots = styled_plots(self.item)
        for plot in self.plots:
            scale_plot(plot, export_scale(self.size))
        self.item.setGeometry(QRectF(self.old.topLeft(),
                                     QRectF(0, 0, self.size.width(), self.size.height()).size()))
        # an axis widens for its tick labels only when drawn, and the layout follows in a posted
        # event; a wider axis leaves a narrower plot, whose new ticks may widen it again: draw
        # and lay out until the axes keep their sizes
        scratch = QImage(self.size, QImage.Format_ARGB32)
        for _ in range(6):
            before = self._axis_sizes()
            painter = QPainter(scratch)
            _paint(self.item, painter, self.size)
            painter.end()
            QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
            if self._axis_sizes() == before:
                break
        return self

    def _axis_sizes(self) -> list:
        return [(axis.width(), axis.height()) for plot in self.plots
                for axis in (plot.getAxis("left"), plot.getAxis("bottom"))]

    def __exit__(self, *exc):
        factor = interface_scale().factor
        for plot in self.plots:
            scale_plot(plot, factor)
        self.item.setGeometry(self.old)
        QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        return False


def render_image(item, size: QSize = DEFAULT_SIZE) -> QImage:
    """``item`` drawn on a white ``size`` image, laid out at that size."""
    image = QImage(size, QImage.Format_ARGB32)
    image.fill(Qt.white)
    with _LaidOutAt(item, size):
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.Antialiasing)
            painter.setRenderHint(QPainter.TextAntialiasing)
            _paint(item, painter, size)
        finally:
            painter.end()
    return image


def export_image(item, path: str, size: QSize = DEFAULT_SIZE) -> None:
    """Write ``item`` as an SVG drawing when ``path`` ends in .svg, else a PNG, ``size`` pixels.

    Raises OSError when the file cannot be written.
    """
    path = str(path)
    if path.lower().endswith(".svg"):
        _write_svg(item, path, size)
        return
    if not render_image(item, size).save(path, "PNG"):
        raise OSError(_tr("Could not write {path}").format(path=path))


def _write_svg(item, path: str, size: QSize) -> None:
    # Qt's own SVG generator: pyqtgraph 0.14's SVG exporter cannot parse the path syntax of
    # recent Qt SVG output
    from PySide6.QtSvg import QSvgGenerator

    gen = QSvgGenerator()
    gen.setFileName(path)
    gen.setSize(size)
    gen.setResolution(96)  # CSS pixels: the drawing's width and height are the size asked for
    gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
    gen.setTitle("nnviz")
    with _LaidOutAt(item, size):
        painter = QPainter()
        if not painter.begin(gen):
            raise OSError(_tr("Could not write {path}").format(path=path))
        try:
            painter.setRenderHint(QPainter.Antialiasing)
            painter.fillRect(QRectF(0, 0, size.width(), size.height()), Qt.white)
            _paint(item, painter, size)
        finally:
            painter.end()


def write_csv(path: str, header: Sequence[str], columns: Sequence[np.ndarray]) -> None:
    """Columns of numbers as CSV with full precision (empty cell for NaN)."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for row in zip(*columns):
            w.writerow(csv_cell(v) for v in row)


def csv_cell(v) -> str:
    """A number as CSV text: integers without ".0", others with full precision, NaN empty."""
    v = float(v)
    if not np.isfinite(v):
        return ""
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


class ExportDialog(QDialog):
    """Format (PNG, SVG, CSV) and picture size (width × height in pixels) of an export.

    The size boxes are disabled for CSV (numbers have no size).
    """

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.format_combo = QComboBox()
        self.format_combo.addItem(_tr("PNG image"), "png")
        self.format_combo.addItem(_tr("SVG drawing"), "svg")
        self.format_combo.addItem(_tr("CSV numbers"), "csv")
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, value in ((self.width_box, DEFAULT_SIZE.width()),
                           (self.height_box, DEFAULT_SIZE.height())):
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setSingleStep(100)
            box.setSuffix(_tr(" px"))
            box.setGroupSeparatorShown(True)
            box.setValue(value)
        self.width_box.setToolTip(_tr("Width of the picture, whatever the size of the panel"))
        self.height_box.setToolTip(_tr("Height of the picture, whatever the size of the panel"))
        form = QFormLayout()
        form.addRow(_tr("Format:"), self.format_combo)
        form.addRow(_tr("Width:"), self.width_box)
        form.addRow(_tr("Height:"), self.height_box)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(_tr("Save…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_changed)

    def _on_format_combo_changed(self) -> None:
        pictured = self.kind() != "csv"
        self.width_box.setEnabled(pictured)
        self.height_box.setEnabled(pictured)

    def kind(self) -> str:
        return self.format_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(kind))

    def picture_size(self) -> QSize:
        return QSize(self.width_box.value(), self.height_box.value())


def _file_filter(kind: str) -> str:
    return {"png": _tr("PNG image (*.png)"), "svg": _tr("SVG drawing (*.svg)"),
            "csv": _tr("CSV table (*.csv)")}[kind]


def save_export(widget, kind: str, path: str, size: QSize = DEFAULT_SIZE) -> str:
    """Write ``widget``'s export of ``kind`` to ``path`` (the extension added if missing)."""
    if kind not in FORMATS:
        raise ValueError(f"export format must be one of {FORMATS}, not {kind!r}")
    if not path.lower().endswith("." + kind):
        path += "." + kind
    if kind == "csv":
        widget.export_csv(path)
    else:
        widget.export_image(path, size)
    return path


def make_export_button(widget, tooltip: str, title: str, stem: str) -> QToolButton:
    """An "Export…" button: format and size in :class:`ExportDialog`, then a save dialog."""
    from PySide6.QtWidgets import QMessageBox

    last = {"kind": "png", "size": QSize(DEFAULT_SIZE)}

    def ask() -> None:
        dialog = ExportDialog(title, widget)
        dialog.set_kind(last["kind"])
        dialog.width_box.setValue(last["size"].width())
        dialog.height_box.setValue(last["size"].height())
        if dialog.exec() != QDialog.Accepted:
            return
        kind, size = dialog.kind(), dialog.picture_size()
        last.update(kind=kind, size=size)
        path, _ = QFileDialog.getSaveFileName(widget, title, f"{stem}.{kind}",
                                              _file_filter(kind))
        if not path:
            return
        try:
            save_export(widget, kind, path, size)
        except OSError as exc:
            QMessageBox.warning(widget, title, _tr("The file could not be written: {why}")
                                .format(why=exc.strerror or str(exc)))

    button = QToolButton()
    button.setText(_tr("Export…"))
    button.setToolTip(tooltip)
    button.clicked.connect(ask)
    return button


__all__ = ["DEFAULT_SIZE", "ExportDialog", "csv_cell", "export_image", "export_scale",
           "make_export_button", "pg", "render_image", "save_export", "write_csv"]
