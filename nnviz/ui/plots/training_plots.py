"""Loss and accuracy curves, train and test, growing while the network trains.

Each curve is created once and fed with ``setData`` from a bounded history
(:class:`~nnviz.core.train.history.RowHistory`: it doubles while small and thins its older half once
full), with peak downsampling and clipping to the view, so a point costs O(1) and memory stays
bounded however long the run.  Hover
reads the values at the nearest evaluation; wheel zooms, drag pans, right-click offers
pyqtgraph's view menu; the Export button writes a PNG or SVG of a chosen size, or CSV.

Signals: ``exported(str)`` — a file was written (its path).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.train.history import RowHistory
from nnviz.ui.common.formatting import count
from nnviz.ui.common.plot_export import DEFAULT_SIZE, export_image, make_export_button, write_csv
from nnviz.ui.common.plot_style import (
    HoverReadout,
    add_legend,
    fmt_value,
    make_curve,
    nearest_index,
    palette_color,
    pg,
    set_axis_title,
    style_plot,
    x_axis_selector,
)
from nnviz.ui.plots.empty_note import EmptyPlotNote

# buffer columns (the validation ones are NaN without a validation split)
SAMPLES, EPOCH, TRAIN_LOSS, TRAIN_ACC, TEST_LOSS, TEST_ACC, VAL_LOSS, VAL_ACC = range(8)
COLUMNS = ("samples_seen", "epoch", "train_loss", "train_acc", "test_loss", "test_acc",
           "val_loss", "val_acc")
CURVES = {"train_loss": TRAIN_LOSS, "test_loss": TEST_LOSS,
          "train_acc": TRAIN_ACC, "test_acc": TEST_ACC,
          "val_loss": VAL_LOSS, "val_acc": VAL_ACC}
TRAIN_COLOR, TEST_COLOR, VAL_COLOR = palette_color(0), palette_color(1), palette_color(2)

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


class TrainingPlots(QWidget):
    """Loss (top) and accuracy (bottom) against epochs or samples seen.

    Signals: ``exported(str)``.
    """

    exported = Signal(str)

    def __init__(self, lesson: LessonModel | None = None, parent=None):
        """``lesson``: follow its run (curves, resets, early stops); None: fed by hand."""
        super().__init__(parent)
        self.buf = RowHistory(len(COLUMNS))
        self.x_axis = "epoch"
        self._markers: list[tuple[int, str, list]] = []

        x_label, self.axis_combo = x_axis_selector(self.set_x_axis)
        self.log_check = QCheckBox(self.tr("log loss"))
        self.log_check.setToolTip(self.tr("Logarithmic loss axis: small losses stay visible"))
        self.log_check.toggled.connect(self.set_log_loss)
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show all the points again after zooming or panning"))
        self.fit_button.clicked.connect(self.fit)
        self.export_button = make_export_button(
            self, self.tr("Save the curves as a PNG or SVG picture, or their numbers as CSV"),
            self.tr("Export the curves"), "training")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(x_label)
        bar.addWidget(self.axis_combo)
        bar.addWidget(self.log_check)
        bar.addStretch(1)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.export_button)

        self.view = pg.GraphicsLayoutWidget()
        self.view.setToolTip(self.tr("Wheel: zoom · drag: pan · right-click: view menu"))
        self.loss_plot = self.view.addPlot(row=0, col=0)
        self.acc_plot = self.view.addPlot(row=1, col=0)
        self.acc_plot.setXLink(self.loss_plot)
        self.side_by_side = False  # loss left of accuracy instead of above it (short docks)
        # the accuracy legend sits bottom right: accuracy curves climb to the top
        for plot, title, corner in ((self.loss_plot, self.tr("loss"), (-10, 10)),
                                    (self.acc_plot, self.tr("accuracy"), (-10, -10))):
            style_plot(plot)
            set_axis_title(plot, "left", title)
            add_legend(plot, corner)
        self.acc_plot.setYRange(0.0, 1.0, padding=0.02)
        self.acc_plot.enableAutoRange(axis="y", enable=False)
        self.curves = {
            "train_loss": make_curve(self.loss_plot, TRAIN_COLOR, self.tr("train")),
            "test_loss": make_curve(self.loss_plot, TEST_COLOR, self.tr("test"),
                                    style=Qt.DashLine),
            "train_acc": make_curve(self.acc_plot, TRAIN_COLOR, self.tr("train")),
            "test_acc": make_curve(self.acc_plot, TEST_COLOR, self.tr("test"),
                                   style=Qt.DashLine),
        }
        # validation: in the legend only while the run has a validation split
        self._val_legend = False
        for name, plot in (("val_loss", self.loss_plot), ("val_acc", self.acc_plot)):
            self.curves[name] = make_curve(plot, VAL_COLOR, None, style=Qt.DashDotLine)
        self.hover = {
            "loss": HoverReadout(self.loss_plot, lambda x: self._describe(x, "loss")),
            "acc": HoverReadout(self.acc_plot, lambda x: self._describe(x, "acc")),
        }
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        # what the empty plots mean (shown while there is no point to draw), inside the loss
        # plot's area: never over an axis's ticks or title
        self.empty_label = EmptyPlotNote(self.view, self.loss_plot.vb, lambda: self.buf.n == 0)
        self.set_empty_text()
        self._show_legends()
        self._update_axis_label()
        self._reset_ranges()
        self.lesson = lesson
        if lesson is not None:
            lesson.run.run_reset.connect(self.clear)
            lesson.run.snapshot_shown.connect(self._on_run_snapshot_shown)
            lesson.run.early_stopped.connect(self._on_run_early_stopped)
            lesson.preset_changed.connect(self._on_lesson_preset_changed)

    def _on_run_snapshot_shown(self, snap) -> None:
        self.add_evals(snap.evals)

    def _on_run_early_stopped(self, snap) -> None:
        self.add_marker(snap.samples_seen, self.tr("early stop"))

    def _on_lesson_preset_changed(self, _preset) -> None:
        self.clear()  # another lesson: none of the previous lesson's points, markers or ranges
        self.set_empty_text(None if self.lesson.run.trainable else self.tr(
            "This lesson computes with the weights it is given; there is nothing to train, so "
            "no curves."))

    # ---- data -------------------------------------------------------------------------------

    def add_evals(self, evals: Sequence) -> None:
        """Append evaluation points (``EvalPoint``s, in time order) and redraw the curves."""
        if not evals:
            return
        rows = [(e.samples_seen, e.epoch, e.train_loss, e.train_acc, e.test_loss, e.test_acc,
                 e.val_loss, e.val_acc) for e in evals]
        self.buf.extend(rows)
        self._redraw()
        if self._markers:
            self._place_markers()

    def clear(self) -> None:
        """Forget every point and marker (a new run)."""
        self.buf.clear()
        for _, _, lines in self._markers:
            for plot, line in zip((self.loss_plot, self.acc_plot), lines):
                plot.removeItem(line)
        self._markers.clear()
        for h in self.hover.values():
            h.hide()
        self._redraw()
        self._reset_ranges()  # no ticks of an earlier run (or lesson) on the empty axes

    def _reset_ranges(self) -> None:
        """The axes of an empty plot: 0…1, following the data again once points arrive."""
        for plot in (self.loss_plot, self.acc_plot):
            plot.setXRange(0.0, 1.0, padding=0.0)
        self.loss_plot.setYRange(0.0, 1.0, padding=0.0)
        self.acc_plot.setYRange(0.0, 1.0, padding=0.02)
        self.loss_plot.enableAutoRange()
        self.acc_plot.enableAutoRange(axis="x")

    def add_marker(self, samples_seen: int, text: str) -> None:
        """A labelled vertical line at ``samples_seen`` on both plots (e.g. "diverged")."""
        lines = []
        for plot, show_label in ((self.loss_plot, True), (self.acc_plot, False)):
            line = pg.InfiniteLine(
                angle=90, movable=False, pen=pg.mkPen((200, 30, 30), width=1.5, style=Qt.DotLine),
                label=text if show_label else None,
                labelOpts={"position": 0.9, "color": (200, 30, 30), "fill": (255, 255, 255, 200)},
            )
            line.setToolTip(text)
            plot.addItem(line, ignoreBounds=True)
            lines.append(line)
        self._markers.append((int(samples_seen), str(text), lines))
        self._place_markers()

    def markers(self) -> list[tuple[int, str, float]]:
        """``(samples_seen, text, x position on the current axis)`` of each marker."""
        return [(s, t, float(lines[0].value())) for s, t, lines in self._markers]

    def curve_data(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """What each curve shows: ``name -> (x, y)`` copies (names as in ``CURVES``)."""
        out = {}
        for name, curve in self.curves.items():
            x, y = curve.getOriginalDataset()
            out[name] = (np.array([] if x is None else x, dtype=float),
                         np.array([] if y is None else y, dtype=float))
        return out

    def point_count(self) -> int:
        return self.buf.n

    # ---- view -------------------------------------------------------------------------------

    def set_x_axis(self, mode: str) -> None:
        """``"epoch"`` or ``"samples"``."""
        if mode not in ("epoch", "samples"):
            raise ValueError(f"x axis must be 'epoch' or 'samples', not {mode!r}")
        self.axis_combo.setCurrentIndex(self.axis_combo.findData(mode))
        if mode == self.x_axis:
            return
        self.x_axis = mode
        self._update_axis_label()
        self._redraw()
        self._place_markers()
        self.fit()

    def set_log_loss(self, on: bool) -> None:
        if self.log_check.isChecked() != bool(on):
            self.log_check.setChecked(bool(on))
            return
        self.loss_plot.setLogMode(y=bool(on))

    def is_log_loss(self) -> bool:
        return bool(self.loss_plot.ctrl.logYCheck.isChecked())

    # ---- layout -------------------------------------------------------------------------------

    def set_empty_text(self, text: str | None = None) -> None:
        """What the plots say while they have no point (e.g. that the lesson trains nothing);
        None: how to get some (press Play or step)."""
        if text is None:
            text = self.tr("Press Play (Space) or step (→) and the loss and accuracy curves are "
                           "drawn here.")
        self.empty_label.set_message(text)

    def empty_plot_area(self) -> QRect:
        """Where the "no data yet" box may go: the loss plot's area inside its axes, in the
        coordinates of the box's parent (the view's viewport)."""
        return self.empty_label.area()

    def _place_empty_label(self) -> None:
        self.empty_label.refresh()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange(event.size().width(), self.view.height())
        self._place_empty_label()

    def _arrange(self, width: int, plot_height: int) -> None:
        """Stack loss above accuracy, or put them side by side when the area is short and wide.

        On a 1366×768 screen (or at 150 % scaling) the curves' dock can be under 200 px tall:
        stacked, each plot would get a sliver with overlapping tick labels.
        """
        side = plot_height < 280 and width > 1.6 * plot_height
        if side == self.side_by_side:
            return
        self.side_by_side = side
        layout = self.view.ci
        layout.removeItem(self.acc_plot)
        if side:
            layout.addItem(self.acc_plot, row=0, col=1)
        else:
            layout.addItem(self.acc_plot, row=1, col=0)
        self._show_legends()
        self._update_axis_label()

    def fit(self) -> None:
        self.loss_plot.enableAutoRange()
        self.acc_plot.enableAutoRange(axis="x")
        self.acc_plot.setYRange(0.0, 1.0, padding=0.02)

    def _x(self) -> np.ndarray:
        return self.buf.column(SAMPLES if self.x_axis == "samples" else EPOCH)

    def _redraw(self) -> None:
        x = self._x()
        for name, col in CURVES.items():
            y = self.buf.column(col)
            if name.endswith("loss") and self.log_check.isChecked():
                y = np.where(y > 0, y, np.nan)  # log10 of 0 has no place on the axis
            self.curves[name].setData(x, y)
        self._show_val_legend(self.has_validation())
        self._show_legends()
        if self.empty_label.isHidden() != (self.buf.n > 0):
            self._place_empty_label()

    def has_validation(self) -> bool:
        """True when some point has a validation loss (the run holds out a validation split)."""
        return bool(self.buf.n) and bool(np.isfinite(self.buf.column(VAL_LOSS)).any())

    def _show_legends(self) -> None:
        """No legend over empty plots (nothing to name; the "no data yet" box needs the room);
        side by side, one is enough (the same train/test colours)."""
        drawn = self.buf.n > 0
        self.loss_plot.legend.setVisible(drawn)
        self.acc_plot.legend.setVisible(drawn and not self.side_by_side)

    def _show_val_legend(self, on: bool) -> None:
        if on == self._val_legend:
            return
        self._val_legend = on
        for name, plot in (("val_loss", self.loss_plot), ("val_acc", self.acc_plot)):
            if on:
                plot.legend.addItem(self.curves[name], self.tr("validation"))
            else:
                plot.legend.removeItem(self.curves[name])

    def _update_axis_label(self) -> None:
        text = self.tr("epoch") if self.x_axis == "epoch" else self.tr("samples seen")
        set_axis_title(self.acc_plot, "bottom", text)
        set_axis_title(self.loss_plot, "bottom", text if self.side_by_side else "")

    def _place_markers(self) -> None:
        for samples, _, lines in self._markers:
            x = float(samples)
            if self.x_axis == "epoch":
                n = self.buf.n
                s_last = self.buf.data[n - 1, SAMPLES] if n else 0.0
                x = samples * self.buf.data[n - 1, EPOCH] / s_last if s_last > 0 else 0.0
            for line in lines:
                line.setValue(x)

    def _describe(self, x: float, which: str):
        xs = self._x()
        i = nearest_index(xs, x)
        if i < 0:
            return None
        d = self.buf.data[i]
        head = self.tr("epoch {e} · {s} samples").format(e=fmt_value(d[EPOCH]),
                                                          s=count(d[SAMPLES]))
        if which == "loss":
            body = self.tr("train loss {a}   test loss {b}").format(
                a=fmt_value(d[TRAIN_LOSS]), b=fmt_value(d[TEST_LOSS]))
            if np.isfinite(d[VAL_LOSS]):
                body += self.tr("   validation loss {v}").format(v=fmt_value(d[VAL_LOSS]))
        else:
            body = self.tr("train accuracy {a}   test accuracy {b}").format(
                a=fmt_value(d[TRAIN_ACC]), b=fmt_value(d[TEST_ACC]))
            if np.isfinite(d[VAL_ACC]):
                body += self.tr("   validation accuracy {v}").format(v=fmt_value(d[VAL_ACC]))
        return float(xs[i]), head + "\n" + body

    # ---- export -----------------------------------------------------------------------------

    def export_csv(self, path: str) -> None:
        """Every evaluation point: samples_seen, epoch, train/test (and validation) loss and
        accuracy."""
        n = len(COLUMNS) if self.has_validation() else VAL_LOSS
        write_csv(path, COLUMNS[:n], [self.buf.column(j) for j in range(n)])
        self.exported.emit(str(path))

    def export_image(self, path: str, size=DEFAULT_SIZE) -> None:
        """Both plots as one picture of ``size`` (a QSize) laid out at that size, whatever the
        dock's: SVG if ``path`` ends in .svg, else PNG."""
        for h in self.hover.values():
            h.hide()
        self.empty_label.hide()  # a widget over the view, not in the picture anyway
        self._arrange(size.width(), size.height())  # stacked or side by side for the picture
        try:
            export_image(self.view.ci, path, size)
        finally:
            self._arrange(self.view.width(), self.view.height())
            self._place_empty_label()
        self.exported.emit(str(path))


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    w = TrainingPlots()
    from nnviz.ui.plots.demo_data import demo_evals

    w.add_evals(demo_evals())
    w.add_marker(2000, "lr changed")
    w.resize(520, 520)
    w.show()
    sys.exit(app.exec())
