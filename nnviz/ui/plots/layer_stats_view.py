"""Weight and activation statistics per layer: histograms now vs at the start of the run.

For the chosen layer: the histogram of its weights now (blue line) over the one at the start of
the run (grey area), and the histogram of its outputs z on a fixed sample of at most
:data:`SAMPLE_ROWS` training inputs, now and at the start, on shared bins.  A table gives every
layer's weight and activation mean ± std and, for ReLU layers, the share of dead units (outputs 0
for every sample of the set).  The numbers come from :func:`nnviz.core.train.stats.layer_stats`.

While training, updates are throttled to :data:`MAX_RATE` per second and skipped while the view
is hidden (a dock tab behind another): it catches up when shown.

Signals: none.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.ui.common.formatting import count, fmt, fmt_full, pct
from nnviz.ui.common.plot_style import palette_color, pg, style_plot

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel

SAMPLE_ROWS = 500  # activations are measured on at most this many training inputs
MAX_RATE = 5.0  # updates per second at most
BINS = 40
START_COLOR = (150, 150, 150)
NOW_COLOR = palette_color(0)


class LayerStatsView(QWidget):
    """Histograms and moments of weights and activations per layer.  Signals: none."""

    def __init__(self, lesson: LessonModel, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.run = lesson.run
        self.X = np.zeros((0, 0))  # the fixed sample of inputs
        self.start_params = None  # weights at the start when no run exists yet
        self.stats_now: list = []
        self.stats_start: list = []
        self.seconds = 0.0  # time the last update took
        self.updates = 0  # updates computed (tests, throttling)
        self._dirty = True
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

        self.layer = QComboBox()
        self.layer.setToolTip(self.tr("The layer whose histograms are shown"))
        self.layer.currentIndexChanged.connect(self._on_layer_changed)
        self.sample_label = QLabel()
        self.sample_label.setToolTip(self.tr("Activations are measured on this fixed set of "
                                             "training inputs (the same at the start and now)"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("layer"), self.tr("weights mean ± std"),
                                              self.tr("outputs z mean ± std"), self.tr("dead")])
        self.table.setToolTip(self.tr("Per layer: mean ± standard deviation of the weights and of "
                                      "the outputs z on the sample; dead = share of ReLU units "
                                      "whose output is 0 for every input of the sample (they no "
                                      "longer learn). Click a row to see its histograms"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.cellClicked.connect(lambda r, _c: self.layer.setCurrentIndex(r))
        self.table.setMinimumHeight(48)  # a short bottom dock: the table scrolls

        self.view = pg.GraphicsLayoutWidget()
        self.view.setToolTip(self.tr("Grey: at the start of the run · blue: now. Wheel: zoom · "
                                     "drag: pan"))
        self.w_plot = self.view.addPlot(row=0, col=0)
        self.z_plot = self.view.addPlot(row=0, col=1)
        for plot, title in ((self.w_plot, self.tr("weights w")),
                            (self.z_plot, self.tr("outputs z"))):
            style_plot(plot)
            plot.setLabel("bottom", title)
            plot.setLabel("left", self.tr("count"))
        self.curves = {}
        for key, plot in (("w", self.w_plot), ("z", self.z_plot)):
            self.curves[key + "_start"] = plot.plot(
                [0, 1], [0], stepMode="center", fillLevel=0, name=self.tr("start"),
                pen=pg.mkPen(START_COLOR, width=1), brush=pg.mkBrush(*START_COLOR, 90))
            self.curves[key + "_now"] = plot.plot(
                [0, 1], [0], stepMode="center", name=self.tr("now"),
                pen=pg.mkPen(NOW_COLOR, width=2))
        self.moments = QLabel()
        self.moments.setToolTip(self.tr("Mean ± standard deviation now (at the start)"))
        left = QVBoxLayout()
        head = QHBoxLayout()
        lab = QLabel(self.tr("layer"))
        lab.setToolTip(self.layer.toolTip())
        head.addWidget(lab)
        head.addWidget(self.layer)
        head.addStretch(1)
        left.addLayout(head)
        left.addWidget(self.table, 1)
        left.addWidget(self.sample_label)
        # a key instead of legends: the plots are small in a bottom dock
        self.key = QLabel(self.tr("<span style='color:#969696'>■ at the start</span> &nbsp; "
                                  "<span style='color:{c}'>━ now</span>").format(
                                      c="#{:02x}{:02x}{:02x}".format(*NOW_COLOR)))
        self.key.setToolTip(self.view.toolTip())
        right = QVBoxLayout()
        right.addWidget(self.key)
        right.addWidget(self.view, 1)
        right.addWidget(self.moments)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(left, 2)
        lay.addLayout(right, 3)

        lesson.network_changed.connect(self._on_lesson_network_changed)
        lesson.data_changed.connect(self._on_lesson_data_changed)
        lesson.weights_changed.connect(self.request_update)
        self.run.run_reset.connect(self.request_update)
        self._on_lesson_network_changed()

    # -- inputs -----------------------------------------------------------------------------
    def _on_lesson_network_changed(self):
        net = self.lesson.network
        self.start_params = None if net is None else net.params.copy()
        self.layer.blockSignals(True)
        self.layer.clear()
        if net is not None:
            for i, layer in enumerate(net.spec.layers):
                self.layer.addItem(self.tr("{n}: {u} × {act}").format(
                    n=i + 1, u=layer.units, act=layer.activation), i)
            self.layer.setCurrentIndex(0)
        self.layer.blockSignals(False)
        self._on_lesson_data_changed()

    def _on_lesson_data_changed(self):
        net = self.lesson.network
        if net is None:
            self.X = np.zeros((0, 0))
            self.request_update()
            return
        data = self.lesson.train_data()
        if data is not None and len(data.X):
            X, what = data.X, self.tr("training inputs")
        elif self.lesson.samples is not None and len(self.lesson.samples):
            X, what = self.lesson.samples.X, self.tr("inputs")
        else:
            X, what = np.asarray(self.lesson.x, dtype=float)[None, :], self.tr("input")
        if len(X) > SAMPLE_ROWS:
            X = X[np.sort(np.random.default_rng(0).choice(len(X), SAMPLE_ROWS, replace=False))]
        self.X = np.ascontiguousarray(X, dtype=net.dtype)
        self.sample_label.setText(self.tr("activations on {n} {what}").format(n=count(len(self.X)),
                                                                              what=what))
        self.request_update()

    def start(self) -> np.ndarray | None:
        """The weights at the start of the run (the session's, else the lesson's)."""
        p = self.run.initial_params
        net = self.lesson.network
        if p is not None and net is not None and p.size == net.params.size:
            return p
        return self.start_params

    # -- throttled updates ------------------------------------------------------------------
    def request_update(self, *_):
        """Recompute soon: at most :data:`MAX_RATE` times a second, and only when visible."""
        self._dirty = True
        if self._timer.isActive():
            return
        wait = self._last + 1.0 / MAX_RATE - time.perf_counter()
        self._timer.start(max(0, int(wait * 1000)))

    def _on_timer_timeout(self):
        if self._dirty and self.isVisible():
            self.update_now()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.request_update()

    def update_now(self) -> None:
        """Compute the statistics and redraw (the throttle calls this)."""
        from nnviz.core.nn.network import Network
        from nnviz.core.train.stats import layer_stats

        self._dirty = False
        self._last = time.perf_counter()
        net, start = self.lesson.network, self.start()
        if net is None or start is None or not len(self.X) or self.X.shape[1] != net.spec.inputs:
            self.stats_now = self.stats_start = []
            self._show()
            return
        t0 = time.perf_counter()
        first = Network(net.spec, np.array(start, dtype=net.dtype), net.dtype)
        X = self.X
        now_traces = [z for _, z in net.trace(X)]
        start_traces = [z for _, z in first.trace(X)]
        w_range = [_union(a, b) for a, b in zip(net.W, first.W)]
        z_range = [_union(a, b) for a, b in zip(now_traces, start_traces)]
        self.stats_now = layer_stats(net, X, BINS, w_range, z_range)
        self.stats_start = layer_stats(first, X, BINS, w_range, z_range)
        self.seconds = time.perf_counter() - t0
        self.updates += 1
        self._show()

    # -- drawing ----------------------------------------------------------------------------
    def _on_layer_changed(self, _i):
        self._show()

    def current_layer(self) -> int:
        i = self.layer.currentIndex()
        return max(i, 0)

    def histograms(self, layer: int | None = None) -> dict:
        """``{"w_start", "w_now", "z_start", "z_now": (edges, counts)}`` of ``layer``."""
        i = self.current_layer() if layer is None else layer
        if i >= len(self.stats_now):
            return {}
        now, first = self.stats_now[i], self.stats_start[i]
        return {"w_start": (first.w_edges, first.w_hist), "w_now": (now.w_edges, now.w_hist),
                "z_start": (first.z_edges, first.z_hist), "z_now": (now.z_edges, now.z_hist)}

    def _show(self):
        self._fill_table()
        hist = self.histograms()
        for key, curve in self.curves.items():
            if key in hist:
                edges, counts = hist[key]
                curve.setData(np.asarray(edges, float), np.asarray(counts, float))
            else:
                curve.setData([0.0, 1.0], [0.0])
        i = self.current_layer()
        if i < len(self.stats_now):
            now, first = self.stats_now[i], self.stats_start[i]
            text = self.tr("w: {m} ± {s} (start {m0} ± {s0})    z: {zm} ± {zs} (start {zm0} ± "
                           "{zs0})").format(m=fmt(now.w_mean), s=fmt(now.w_std),
                                            m0=fmt(first.w_mean), s0=fmt(first.w_std),
                                            zm=fmt(now.z_mean), zs=fmt(now.z_std),
                                            zm0=fmt(first.z_mean), zs0=fmt(first.z_std))
            self.moments.setText(text)
        else:
            self.moments.setText("")

    def _fill_table(self):
        net = self.lesson.network
        rows = len(self.stats_now)
        self.table.setRowCount(rows)
        for i, st in enumerate(self.stats_now):
            first = self.stats_start[i]
            relu = net is not None and net.spec.layers[i].activation == "relu"
            cells = (
                (str(i + 1), ""),
                (f"{fmt(st.w_mean)} ± {fmt(st.w_std)}",
                 self.tr("now {m} ± {s}; at the start {m0} ± {s0}").format(
                     m=fmt_full(st.w_mean), s=fmt_full(st.w_std), m0=fmt_full(first.w_mean),
                     s0=fmt_full(first.w_std))),
                (f"{fmt(st.z_mean)} ± {fmt(st.z_std)}",
                 self.tr("now {m} ± {s}; at the start {m0} ± {s0}").format(
                     m=fmt_full(st.z_mean), s=fmt_full(st.z_std), m0=fmt_full(first.z_mean),
                     s0=fmt_full(first.z_std))),
                (pct(st.dead, 0) if relu else "—",
                 self.tr("dead at the start: {p}").format(p=pct(first.dead, 0)) if relu else
                 self.tr("only ReLU units can die (output 0 for every input)")),
            )
            for j, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter if j else Qt.AlignCenter)
                if tip:
                    item.setToolTip(tip)
                self.table.setItem(i, j, item)
        if rows:
            self.table.selectRow(min(self.current_layer(), rows - 1))


def _union(a, b) -> tuple[float, float]:
    """(lo, hi) covering both arrays' finite values (never empty)."""
    vals = [v for v in (np.nanmin(a), np.nanmax(a), np.nanmin(b), np.nanmax(b))
            if np.isfinite(v)]
    if not vals:
        return (-1.0, 1.0)
    lo, hi = float(min(vals)), float(max(vals))
    return (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(LayerStatsView, "vanishing-relu", (900, 300)))
