"""Per-layer gradient norms |dL/dW| over time on a log axis: the vanishing-gradient lesson.

One curve per layer (layer 1 = the one next to the input, darkest).  In a deep sigmoid network
the early layers' curves sit orders of magnitude below the last layer's, because every sigmoid
multiplies the backward signal by σ′ ≤ 0.25; with ReLU they stay together.  To compare the two,
finish the sigmoid run, keep it as a reference (its curves stay, dashed), and run the ReLU one.
A PReLU layer's learned slope α gets a dotted curve of its own: |∂L/∂α| of the step's last
sample (the snapshot's ``StepDetail.alpha_grad``; the core does not report it per update).

Signals: ``exported(str)`` — a file was written (its path).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
    fit_plot,
    fmt_value,
    make_curve,
    nearest_index,
    pg,
    sequential_color,
    set_axis_title,
    side_legend,
    style_plot,
)
from nnviz.ui.model.training_worker import grad_history

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


class GradientNormPlot(QWidget):
    """|dL/dW| of each layer against samples seen, log y axis, with an optional dashed reference.

    Signals: ``exported(str)``.
    """

    exported = Signal(str)

    def __init__(self, lesson: LessonModel | None = None, parent=None):
        """``lesson``: follow its run's gradient norms; None: fed by hand."""
        super().__init__(parent)
        self.buf: RowHistory | None = None  # column 0: samples, then one per layer
        self.curves: list = []
        #: PReLU layers' |∂L/∂α|: column 0 samples, then one per layer in ``alpha_layers``
        self.alpha_buf: RowHistory | None = None
        self.alpha_layers: tuple[int, ...] = ()  # 0-based indices of the PReLU layers
        self.alpha_curves: list = []
        self.reference_label = ""
        self.reference_curves: list = []
        self._reference: tuple[np.ndarray, np.ndarray] | None = None
        self._reference_legend = None

        # what the plot shows is said by the dock's title and the y axis ("|∂L/∂W| (log
        # scale)"); a title label beside the buttons made the dock wider than a 1366 screen
        # leaves it
        why = self.tr("Small norms in the first layers mean those layers barely learn: the "
                      "vanishing gradient")
        self.keep_button = QToolButton()
        self.keep_button.setText(self.tr("Keep as reference"))
        self.keep_button.setToolTip(self.tr("Keep this run's curves, dashed, to compare with the "
                                            "next run (e.g. sigmoid, then ReLU)"))
        self.keep_button.clicked.connect(lambda: self.keep_as_reference())
        self.drop_button = QToolButton()
        self.drop_button.setText(self.tr("Drop reference"))
        self.drop_button.setToolTip(self.tr("Remove the dashed reference curves"))
        self.drop_button.clicked.connect(self.clear_reference)
        self.export_button = make_export_button(
            self, self.tr("Save the plot as PNG or SVG, or the norms as CSV"),
            self.tr("Export the gradient norms"), "gradients")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.keep_button)
        bar.addWidget(self.drop_button)
        bar.addWidget(self.export_button)

        self.view = pg.GraphicsLayoutWidget()
        self.view.setToolTip(self.tr("Gradient norm |∂L/∂W| of each layer") + "\n" + why + "\n"
                             + self.tr("Wheel: zoom · drag: pan · right-click: view menu"))
        self.plot = self.view.addPlot(row=0, col=0)
        style_plot(self.plot)
        self.plot.setLogMode(y=True)
        set_axis_title(self.plot, "left", self.tr("|∂L/∂W| (log scale)"))
        set_axis_title(self.plot, "bottom", self.tr("samples seen"))
        # beside the plot, not on it: a deep network's seven layers and their α would hide the
        # curves of a short dock (and a legend inside it was cut off)
        self.legend = side_legend(self.view.ci, self.plot)
        self.hover = HoverReadout(self.plot, self._describe)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        self._update_buttons()
        if lesson is not None:
            lesson.run.run_reset.connect(self.clear)
            lesson.run.snapshot_shown.connect(self._on_run_snapshot_shown)
            lesson.preset_changed.connect(self._on_lesson_preset_changed)

    def _on_run_snapshot_shown(self, snap) -> None:
        self.add_snapshot(snap)

    def add_snapshot(self, snap) -> None:
        """A training ``Snapshot``: its gradient norms (and the merged ones'), and |∂L/∂α| of
        its PReLU layers."""
        self.add_history(grad_history(snap))
        grads = snap.detail.alpha_grad if snap.detail is not None else ()
        alphas = {k: float(np.linalg.norm(g)) for k, g in enumerate(grads) if g is not None}
        if alphas:
            self.add_alpha_norms(snap.samples_seen, alphas)

    def _on_lesson_preset_changed(self, _preset) -> None:
        self.forget_all()

    # ---- data -------------------------------------------------------------------------------

    @property
    def layers(self) -> int:
        return 0 if self.buf is None else self.buf.columns - 1

    def add_norms(self, samples_seen: int, norms: Sequence[float]) -> None:
        """Append one measurement: the gradient norm of each layer (``Snapshot.grad_norms``).

        A different number of layers than before starts over (a new network).
        """
        self.add_history(((samples_seen, norms),))

    def add_history(self, history: Sequence[tuple[int, Sequence[float]]]) -> None:
        """Append many measurements ``(samples_seen, norms)`` at once and redraw once.

        A live run refreshed after every sample delivers a few hundred per frame (the worker
        merges what arrived between two frames); one ``setData`` per frame keeps it smooth.
        """
        rows = [(float(seen), np.asarray(norms, dtype=float).ravel()) for seen, norms in history]
        rows = [(seen, n) for seen, n in rows if n.size]
        if not rows:
            return
        start = 0
        for k in range(1, len(rows) + 1):  # runs of the same depth (a new network starts over)
            if k == len(rows) or rows[k][1].size != rows[start][1].size:
                size = rows[start][1].size
                if size != self.layers:
                    self._make_curves(size)
                block = np.empty((k - start, size + 1))
                block[:, 0] = [seen for seen, _ in rows[start:k]]
                block[:, 1:] = [n for _, n in rows[start:k]]
                self.buf.extend(block)
                start = k
        self._redraw()

    def add_alpha_norms(self, samples_seen: int, norms: dict[int, float]) -> None:
        """Append |∂L/∂α| of PReLU layers: ``{layer index (0-based): norm}``.

        Other PReLU layers than before start the α curves over (a new network).
        """
        layers = tuple(sorted(norms))
        if layers != self.alpha_layers:
            self._make_alpha_curves(layers)
        self.alpha_buf.extend([[float(samples_seen)] + [norms[k] for k in layers]])
        self._redraw_alpha()

    def clear(self) -> None:
        """Forget the live run (the reference stays)."""
        if self.buf is not None:
            self.buf.clear()
            self._redraw()
        if self.alpha_buf is not None:
            self.alpha_buf.clear()
            self._redraw_alpha()
        self.hover.hide()
        self._update_buttons()

    def forget_all(self) -> None:
        """Another lesson: no curve, legend entry, reference or range of the previous one."""
        self.clear_reference()
        self._make_curves(0)
        self.buf = None
        self._make_alpha_curves(())
        self.hover.hide()
        self.plot.setXRange(0.0, 1.0, padding=0.0)
        self.plot.setYRange(-3.0, 0.0, padding=0.0)  # log axis: 0.001 … 1
        self.plot.enableAutoRange()
        self._update_buttons()

    def norms_data(self) -> tuple[np.ndarray, np.ndarray]:
        """``(samples (T,), norms (T, L))`` of the live run."""
        if self.buf is None:
            return np.zeros(0), np.zeros((0, 0))
        return self.buf.column(0).copy(), self.buf.data[: self.buf.n, 1:].copy()

    def curve_data(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """What the live curves show, layer by layer: ``(x, y)`` with y the norms (not log10)."""
        out = []
        for c in self.curves:
            x, y = c.getOriginalDataset()
            out.append((np.asarray([] if x is None else x, float),
                        np.asarray([] if y is None else y, float)))
        return out

    def is_log_y(self) -> bool:
        return bool(self.plot.getAxis("left").logMode)

    def alpha_data(self) -> tuple[np.ndarray, np.ndarray]:
        """``(samples (T,), |∂L/∂α| (T, len(alpha_layers)))`` of the live run."""
        if self.alpha_buf is None:
            return np.zeros(0), np.zeros((0, 0))
        return self.alpha_buf.column(0).copy(), self.alpha_buf.data[: self.alpha_buf.n, 1:].copy()

    def legend_labels(self) -> list[str]:
        return [label.text for _, label in self.legend.items]

    # ---- reference ----------------------------------------------------------------------------

    def set_reference(self, label: str, samples, norms_per_layer) -> None:
        """Show a finished run's curves dashed: ``samples`` (T,), ``norms_per_layer`` (T, L)."""
        self.clear_reference()
        x = np.asarray(samples, dtype=float).ravel()
        y = np.asarray(norms_per_layer, dtype=float).reshape(len(x), -1)
        self.reference_label = str(label)
        self._reference = (x.copy(), y.copy())
        n = y.shape[1]
        for j in range(n):
            c = make_curve(self.plot, sequential_color(j, n), None, width=1.5, style=Qt.DashLine)
            c.setZValue(-1)
            c.setData(x, np.where(y[:, j] > 0, y[:, j], np.nan))
            self.reference_curves.append(c)
        # one legend line for the whole reference
        self._reference_legend = pg.PlotDataItem(
            [], [], pen=pg.mkPen((90, 90, 90), width=1.5, style=Qt.DashLine))
        self.legend.addItem(self._reference_legend,
                            self.tr("{label} (dashed)").format(label=self.reference_label))
        self._update_buttons()

    def keep_as_reference(self, label: str | None = None) -> None:
        """Make the live run the reference and clear it, ready for the next run."""
        x, y = self.norms_data()
        if len(x) == 0:
            return
        self.set_reference(label or self.tr("previous run"), x, y)
        self.clear()

    def clear_reference(self) -> None:
        for c in self.reference_curves:
            self.plot.removeItem(c)
        self.reference_curves = []
        if self._reference_legend is not None:
            self.legend.removeItem(self._reference_legend)
            self._reference_legend = None
        self._reference = None
        self.reference_label = ""
        self._update_buttons()

    def reference_data(self) -> tuple[np.ndarray, np.ndarray] | None:
        return self._reference

    # ---- internals ----------------------------------------------------------------------------

    def _make_curves(self, n: int) -> None:
        for c in self.curves:
            self.plot.removeItem(c)
            self.legend.removeItem(c)
        self.buf = RowHistory(n + 1)
        self.curves = [make_curve(self.plot, sequential_color(j, n)) for j in range(n)]
        for j, c in enumerate(self.curves):
            self.legend.addItem(c, self.tr("layer {k}").format(k=j + 1))
        self._make_alpha_curves(self.alpha_layers)  # after the layers' entries, same colours
        if self._reference_legend is not None:  # keep the reference's entry last
            self.legend.removeItem(self._reference_legend)
            self.legend.addItem(self._reference_legend,
                                self.tr("{label} (dashed)").format(label=self.reference_label))
        fit_plot(self.plot)

    def _make_alpha_curves(self, layers: tuple[int, ...]) -> None:
        for c in self.alpha_curves:
            self.plot.removeItem(c)
            self.legend.removeItem(c)
        self.alpha_layers = tuple(layers)
        self.alpha_buf = RowHistory(len(layers) + 1) if layers else None
        n = max(self.layers, max(layers, default=-1) + 1)
        self.alpha_curves = [make_curve(self.plot, sequential_color(k, n), width=1.5,
                                        style=Qt.DotLine) for k in layers]
        for k, c in zip(layers, self.alpha_curves):
            self.legend.addItem(c, self.tr("α of layer {k}").format(k=k + 1))
        fit_plot(self.plot)

    def _redraw_alpha(self) -> None:
        if self.alpha_buf is None:
            return
        x = self.alpha_buf.column(0)
        for j, c in enumerate(self.alpha_curves):
            y = self.alpha_buf.data[: self.alpha_buf.n, j + 1]
            c.setData(x, np.where(y > 0, y, np.nan))

    def _redraw(self) -> None:
        x = self.buf.column(0)
        for j, c in enumerate(self.curves):
            y = self.buf.data[: self.buf.n, j + 1]
            c.setData(x, np.where(y > 0, y, np.nan))  # 0 has no logarithm
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.keep_button.setEnabled(self.buf is not None and self.buf.n > 0)
        self.drop_button.setEnabled(self._reference is not None)

    def _describe(self, x: float):
        if self.buf is None or self.buf.n == 0:
            return None
        xs = self.buf.column(0)
        i = nearest_index(xs, x)
        parts = [self.tr("layer {k}: {v}").format(k=j + 1, v=fmt_value(v))
                 for j, v in enumerate(self.buf.data[i, 1:])]
        vals = "\n".join("   ".join(parts[k: k + 4]) for k in range(0, len(parts), 4))
        head = self.tr("{s} samples").format(s=count(xs[i]))
        return float(xs[i]), head + "\n" + vals

    # ---- export -------------------------------------------------------------------------------

    def export_csv(self, path: str) -> None:
        """samples_seen and one column per layer of the live run, then one per PReLU slope α
        (empty where α was not measured)."""
        x, y = self.norms_data()
        header = ["samples_seen"] + [f"layer_{j + 1}" for j in range(y.shape[1])]
        columns = [x] + [y[:, j] for j in range(y.shape[1])]
        ax, ay = self.alpha_data()
        for j, k in enumerate(self.alpha_layers):
            header.append(f"alpha_layer_{k + 1}")
            at = dict(zip(ax.tolist(), ay[:, j].tolist()))
            columns.append(np.array([at.get(v, np.nan) for v in x.tolist()]))
        write_csv(path, header, columns)
        self.exported.emit(str(path))

    def export_image(self, path: str, size=DEFAULT_SIZE) -> None:
        """The plot as a picture of ``size`` (a QSize): SVG if ``path`` ends in .svg, else PNG."""
        self.hover.hide()
        export_image(self.view.ci, path, size)
        self.exported.emit(str(path))



def demo_norms(layers: int = 4, steps: int = 60, shrink: float = 0.2, seed: int = 0):
    """Made-up norms that shrink by ``shrink`` per layer towards the input (the demo's data)."""
    rng = np.random.default_rng(seed)
    samples = np.arange(1, steps + 1) * 50
    base = 0.5 * np.exp(-np.arange(steps) / 40)[:, None]
    depth = shrink ** np.arange(layers - 1, -1, -1)[None, :]
    return samples, base * depth * np.exp(0.2 * rng.standard_normal((steps, layers)))


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    w = GradientNormPlot()
    s, n = demo_norms(shrink=0.2)
    w.set_reference("sigmoid", s, n)
    s, n = demo_norms(shrink=0.9, seed=1)
    for k in range(len(s)):
        w.add_norms(int(s[k]), n[k])
    w.resize(560, 420)
    w.show()
    sys.exit(app.exec())
