"""Finished runs side by side: test loss and test accuracy overlaid, with each run's settings.

The lesson "Optimizers compared": train the same task from the same initial weights with SGD,
momentum, Nesterov, Adagrad, RMSProp and Adam, keep each run, and read the curves together.
Selecting a row in the table thickens that run's curves.

Signals: ``runs_changed()`` — a run was added or removed; ``exported(str)`` — a file was written.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Mapping, Sequence

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.common.plot_export import DEFAULT_SIZE, export_image, make_export_button
from nnviz.ui.common.plot_style import (
    PALETTE,
    HoverReadout,
    add_legend,
    fmt_value,
    make_curve,
    nearest_index,
    pg,
    set_axis_title,
    set_curve_pen,
    style_plot,
    x_axis_selector,
)
from nnviz.ui.model.run_history import RunHistory
from nnviz.ui.plots.hyper_names import (
    csv_text,
    hyper_cell,
    hyper_title,
    number_cell,
    run_title,
)


class _Run:
    def __init__(self, label, hyper, data, color_index, curves):
        self.label = label
        self.hyper = hyper
        self.data = data  # (T, 4): samples_seen, epoch, test_loss, test_acc
        self.color_index = color_index
        self.curves = curves  # (loss curve, accuracy curve)
        self.evals: tuple = ()  # the kept run's points (identity: is it still the same run)


class RunComparison(QWidget):
    """Overlay of finished runs' test curves, a legend, and a table of their hyper-parameters.

    It shows the runs of a :class:`~nnviz.ui.model.run_history.RunHistory` (the current
    lesson's); Remove and Clear all change that history.

    Signals: ``runs_changed()``, ``exported(str)``.
    """

    runs_changed = Signal()
    exported = Signal(str)

    FIXED_COLUMNS = 1  # the run's label; then hyper-parameters; then the results

    def __init__(self, history: RunHistory | None = None, parent=None):
        super().__init__(parent)
        #: the runs shown: the lesson model's history (its current lesson), or a history of
        #: this view's own when it runs alone
        self.history = history if history is not None else RunHistory(self)
        self._runs: dict[str, _Run] = {}
        self.x_axis = "epoch"

        x_label, self.axis_combo = x_axis_selector(self.set_x_axis)
        self.remove_button = QToolButton()
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected run from the comparison"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear all"))
        self.clear_button.setToolTip(self.tr("Remove every run from the comparison"))
        self.clear_button.clicked.connect(self.clear)
        self.export_button = make_export_button(
            self, self.tr("Save the curves as PNG or SVG, or the runs' numbers as CSV"),
            self.tr("Export the comparison"), "runs")
        self.empty_label = QLabel(self.tr("No runs kept yet: finish a run and keep it to "
                                          "compare it here."))
        self.empty_label.setToolTip(self.tr("Runs appear here when you keep them"))
        # on its own row under the buttons: a narrow dock (presentation mode's side column)
        # wraps the sentence instead of cutting it
        self.empty_label.setWordWrap(True)
        self.empty_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        # no "x axis:" label: the combo's items say it, and a narrow dock needs the room
        self.axis_combo.setToolTip(x_label.text() + " " + self.axis_combo.toolTip())
        bar.addWidget(self.axis_combo)
        bar.addStretch(1)
        bar.addWidget(self.remove_button)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.export_button)

        self.view = pg.GraphicsLayoutWidget()
        self.view.setToolTip(self.tr("Wheel: zoom · drag: pan · right-click: view menu"))
        self.loss_plot = self.view.addPlot(row=0, col=0)
        self.acc_plot = self.view.addPlot(row=0, col=1)
        self.acc_plot.setXLink(self.loss_plot)
        for plot, title in ((self.loss_plot, self.tr("test loss")),
                            (self.acc_plot, self.tr("test accuracy"))):
            style_plot(plot)
            plot.setTitle(title)
        self.acc_plot.setYRange(0.0, 1.0, padding=0.02)
        self.acc_plot.enableAutoRange(axis="y", enable=False)
        self.legend = add_legend(self.loss_plot)
        # the table names each run in its colour: a legend that does not fit is left out
        # rather than hiding the curves
        self.loss_plot.vb.sigResized.connect(self._fit_legend)
        self.hover = {
            "loss": HoverReadout(self.loss_plot, lambda x: self._describe(x, 2)),
            "acc": HoverReadout(self.acc_plot, lambda x: self._describe(x, 3)),
        }

        self.table = QTableWidget(0, 0)
        self.table.setToolTip(self.tr("Each kept run's hyper-parameters and final results; "
                                      "select a row to highlight its curves"))
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([360, 220])
        self.splitter = splitter
        # curves squeezed under 150 px (×scale) overprint their own tick labels: the dock
        # scrolls instead
        interface_scale().changed.connect(self._on_interface_scale_changed)
        self._on_interface_scale_changed(interface_scale().factor)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addWidget(self.empty_label)
        lay.addWidget(splitter, 1)
        self._rebuild_table()
        self.set_x_axis("epoch")
        self.history.runs_changed.connect(self._on_history_runs_changed)
        self._on_history_runs_changed()

    # ---- runs -------------------------------------------------------------------------------

    def add_run(self, label: str, hyper: Mapping, evals: Sequence) -> None:
        """Keep a run: its hyper-parameters (name → value) and its ``EvalPoint``s.

        A run with the same label is replaced.
        """
        self.history.add(str(label), hyper, evals, replace=True)

    def remove_run(self, label: str) -> None:
        self.history.remove(str(label))

    def clear(self) -> None:
        """Forget every run of the lesson."""
        self.history.clear()

    def _on_interface_scale_changed(self, factor: float) -> None:
        self.view.setMinimumHeight(round(150 * factor))

    def _fit_legend(self, *_) -> None:
        legend, box = self.legend, self.loss_plot.vb
        legend.setColumnCount(1)
        fits = (legend.height() + 20 <= box.height() and legend.width() <= 0.6 * box.width())
        legend.setVisible(fits or not self._runs)

    def _on_history_runs_changed(self) -> None:
        kept = {r.label: r for r in self.history.runs()}
        for label, run in list(self._runs.items()):
            if label not in kept or kept[label].evals is not run.evals:
                self._hide_run(label)
        for label, kept_run in kept.items():
            if label not in self._runs:
                self._show_run(kept_run.label, kept_run.hyper, kept_run.evals)
        if not self._runs:
            for h in self.hover.values():
                h.hide()
        self._rebuild_table()
        self.fit()
        self._fit_legend()
        self.runs_changed.emit()

    def _show_run(self, label: str, hyper: Mapping, evals: Sequence) -> None:
        data = np.array([(e.samples_seen, e.epoch, e.test_loss, e.test_acc) for e in evals],
                        dtype=float).reshape(-1, 4)
        used = {r.color_index for r in self._runs.values()}
        color_index = next(i for i in range(len(self._runs) + 1) if i not in used)
        color = PALETTE[color_index % len(PALETTE)]
        curves = (make_curve(self.loss_plot, color, run_title(label, hyper)),
                  make_curve(self.acc_plot, color))
        run = _Run(label, dict(hyper), data, color_index, curves)
        run.evals = evals
        self._runs[label] = run
        self._set_run_data(run)

    def _hide_run(self, label: str) -> None:
        run = self._runs.pop(label)
        self.loss_plot.removeItem(run.curves[0])
        self.legend.removeItem(run.curves[0])
        self.acc_plot.removeItem(run.curves[1])

    def runs(self) -> list[str]:
        """Labels of the kept runs, in the order they were added."""
        return list(self._runs)

    def run_hyper(self, label: str) -> dict:
        return dict(self._runs[label].hyper)

    def run_color(self, label: str) -> tuple[int, int, int]:
        return PALETTE[self._runs[label].color_index % len(PALETTE)]

    def curve_data(self, label: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """``{"test_loss": (x, y), "test_acc": (x, y)}`` as shown for run ``label``."""
        out = {}
        for name, c in zip(("test_loss", "test_acc"), self._runs[label].curves):
            x, y = c.getOriginalDataset()
            out[name] = (np.asarray([] if x is None else x, float),
                         np.asarray([] if y is None else y, float))
        return out

    def legend_labels(self) -> list[str]:
        return [label.text for _, label in self.legend.items]

    def hyper_columns(self) -> list[str]:
        keys: list[str] = []
        for r in self._runs.values():
            keys += [k for k in r.hyper if k not in keys]
        return keys

    # ---- view -------------------------------------------------------------------------------

    def set_x_axis(self, mode: str) -> None:
        if mode not in ("epoch", "samples"):
            raise ValueError(f"x axis must be 'epoch' or 'samples', not {mode!r}")
        self.axis_combo.setCurrentIndex(self.axis_combo.findData(mode))
        self.x_axis = mode
        label = self.tr("epoch") if mode == "epoch" else self.tr("samples seen")
        for plot in (self.loss_plot, self.acc_plot):
            set_axis_title(plot, "bottom", label)
        for run in self._runs.values():
            self._set_run_data(run)
        self.fit()

    def fit(self) -> None:
        self.loss_plot.enableAutoRange()
        self.acc_plot.enableAutoRange(axis="x")
        self.acc_plot.setYRange(0.0, 1.0, padding=0.02)

    def _set_run_data(self, run: _Run) -> None:
        x = run.data[:, 0 if self.x_axis == "samples" else 1]
        run.curves[0].setData(x, run.data[:, 2])
        run.curves[1].setData(x, run.data[:, 3])

    def _result_columns(self) -> list[str]:
        return [self.tr("final test loss"), self.tr("final test accuracy"),
                self.tr("best test accuracy")]

    def _rebuild_table(self) -> None:
        keys = self.hyper_columns()
        headers = [self.tr("run")] + [hyper_title(k) for k in keys] + self._result_columns()
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self._runs))
        for row, run in enumerate(self._runs.values()):
            title = run_title(run.label, run.hyper)
            swatch = QTableWidgetItem("■ " + title)
            swatch.setForeground(QBrush(QColor(*PALETTE[run.color_index % len(PALETTE)])))
            swatch.setToolTip(title)
            swatch.setData(Qt.UserRole, run.label)
            self.table.setItem(row, 0, swatch)
            for j, k in enumerate(keys):
                self.table.setItem(row, 1 + j, hyper_cell(k, run.hyper.get(k, "")))
            d = run.data
            finals = (d[-1, 2], d[-1, 3]) if len(d) else (np.nan, np.nan)
            best = np.nanmax(d[:, 3]) if len(d) and np.any(np.isfinite(d[:, 3])) else np.nan
            for j, v in enumerate((*finals, best)):
                self.table.setItem(row, 1 + len(keys) + j, number_cell(v))
        self.table.blockSignals(False)
        self.empty_label.setVisible(not self._runs)
        self.remove_button.setEnabled(bool(self._runs))
        self.clear_button.setEnabled(bool(self._runs))
        self._on_table_selection_changed()

    def table_rows(self) -> list[list[str]]:
        """The table's text, row by row (the header excluded)."""
        return [[self.table.item(r, c).text() if self.table.item(r, c) else ""
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def _selected_label(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.UserRole) if item else None

    def _on_table_selection_changed(self) -> None:
        chosen = self._selected_label()
        for run in self._runs.values():
            color = PALETTE[run.color_index % len(PALETTE)]
            width = 3.5 if run.label == chosen else 2.0
            for c in run.curves:
                set_curve_pen(c, color, width)
                c.setZValue(10 if run.label == chosen else 0)

    def _on_remove_button_clicked(self) -> None:
        label = self._selected_label()
        if label is None and self._runs:
            label = list(self._runs)[-1]
        if label is not None:
            self.remove_run(label)

    def _describe(self, x: float, col: int):
        lines = []
        snap = None
        xcol = 0 if self.x_axis == "samples" else 1
        for run in self._runs.values():
            i = nearest_index(run.data[:, xcol], x)
            if i < 0:
                continue
            if snap is None:
                snap = float(run.data[i, xcol])
            r, g, b = PALETTE[run.color_index % len(PALETTE)]
            lines.append(f'<span style="color:#{r:02x}{g:02x}{b:02x}">■</span> '
                         f"{html.escape(run_title(run.label, run.hyper))}: "
                         f"{fmt_value(run.data[i, col])}")
        if snap is None:
            return None
        return snap, "<br>".join(lines)

    # ---- export -------------------------------------------------------------------------------

    def export_csv(self, path: str) -> None:
        """Long format: one row per run and evaluation point, then the run's hyper-parameters."""
        keys = self.hyper_columns()
        header = ["run", "samples_seen", "epoch", "test_loss", "test_acc"] + keys
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            for run in self._runs.values():
                hyper = [csv_text(run.hyper.get(k, "")) for k in keys]
                for row in run.data:
                    w.writerow([run.label] + [csv_text(v) for v in row] + hyper)
        self.exported.emit(str(path))

    def export_image(self, path: str, size=DEFAULT_SIZE) -> None:
        """Both plots as a picture of ``size`` (a QSize): SVG if ``path`` ends in .svg, else
        PNG."""
        for h in self.hover.values():
            h.hide()
        export_image(self.view.ci, path, size)
        self.exported.emit(str(path))



if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    w = RunComparison()
    from nnviz.ui.plots.demo_data import demo_runs

    for label, hyper, evals in demo_runs():
        w.add_run(label, hyper, evals)
    w.resize(900, 600)
    w.show()
    sys.exit(app.exec())

