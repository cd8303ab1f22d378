"""Activation gallery: every activation h and its derivative h′ over a ∈ [−10, 10].

Tick functions in the list to overlay them; the lower plot marks where each h′ is largest — the
sigmoid's 0.25 is why deep sigmoid networks' gradients vanish, tanh′ reaches 1.  Sliders set α
of leaky ReLU, PReLU and ELU.  Softmax, which maps a vector to a vector, is shown on an editable
vector as bars: the textbook formula against the stable one (try [1010, 1000, 990]).  Maxout
is two lines and their maximum.

The numbers come from ``nnviz.core.nn.activations`` — the functions the networks use.

Signals: ``alpha_changed(str, float)`` — an α slider moved (activation name, new α).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.nn import activations as A
from nnviz.core.nn.spec import ALPHA_DEFAULTS
from nnviz.ui.common.formatting import fmt, fmt_full, fmt_vec, sub
from nnviz.ui.common.plot_style import add_legend, palette_color, pg, style_plot

#: The elementwise functions, in the order the handouts introduce them.
FUNCTIONS = ("step", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "swish",
             "softplus", "identity")
DEFAULT_VISIBLE = ("sigmoid", "tanh", "relu")
#: α slider range (low, high, step) of each activation that has one.
ALPHA_RANGES = {"leaky_relu": (0.0, 0.5, 0.01), "prelu": (0.0, 1.0, 0.01), "elu": (0.0, 3.0, 0.05)}
X = np.linspace(-10.0, 10.0, 2001)  # step 0.01: a = 0 is on the grid, where σ′ peaks
MAXOUT_PIECES = ((0.5, 1.0), (-0.8, -1.0))  # (w, b) of the two lines
#: Ten distinct colours: the shared palette, then black and brown.
COLORS = [palette_color(i) for i in range(8)] + [(0, 0, 0), (140, 86, 40)]


def display_name(name: str) -> str:
    names = {
        "step": QCoreApplication.translate("ActivationGallery", "step"),
        "sigmoid": QCoreApplication.translate("ActivationGallery", "sigmoid"),
        "tanh": QCoreApplication.translate("ActivationGallery", "tanh"),
        "relu": QCoreApplication.translate("ActivationGallery", "ReLU"),
        "leaky_relu": QCoreApplication.translate("ActivationGallery", "leaky ReLU"),
        "prelu": QCoreApplication.translate("ActivationGallery", "PReLU"),
        "elu": QCoreApplication.translate("ActivationGallery", "ELU"),
        "swish": QCoreApplication.translate("ActivationGallery", "swish"),
        "softplus": QCoreApplication.translate("ActivationGallery", "softplus"),
        "identity": QCoreApplication.translate("ActivationGallery", "identity"),
    }
    return names.get(name, name)


def derivative_maximum(d: np.ndarray, x: np.ndarray = X) -> tuple[float, float]:
    """``(a, h′(a))`` where ``d = h′`` on ``x`` is largest (the a closest to 0 on a tie)."""
    m = float(np.max(d))
    ties = np.flatnonzero(d >= m - 1e-12)
    i = ties[np.argmin(np.abs(x[ties]))]
    return float(x[i]), m


def parse_vector(text: str) -> np.ndarray:
    """Numbers separated by commas, semicolons or spaces, with or without brackets."""
    from nnviz.ui.common.formatting import parse_number

    t = text.strip().strip("[]()").replace(";", ",").replace("−", "-")
    parts = [p for chunk in t.split(",") for p in chunk.split()]
    if not parts:
        raise ValueError("empty")
    return np.array([parse_number(p) for p in parts], dtype=float)


class ActivationGallery(QWidget):
    """f and f′ of the activations, α sliders, softmax (naive vs stable) and maxout.

    Signals: ``alpha_changed(str, float)``.
    """

    alpha_changed = Signal(str, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.alphas = {k: float(ALPHA_DEFAULTS[k]) for k in ALPHA_RANGES}
        self.colors = dict(zip(FUNCTIONS, COLORS, strict=True))

        # --- left: the list, the α sliders, the formulas
        self.list = QListWidget()
        self.list.setToolTip(self.tr("Tick the functions to draw; they are overlaid"))
        for name in FUNCTIONS:
            item = QListWidgetItem(display_name(name))
            item.setData(Qt.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if name in DEFAULT_VISIBLE else Qt.Unchecked)
            item.setForeground(pg.mkColor(self.colors[name]))
            item.setToolTip(A.ACTIVATIONS[name].formula)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.setMaximumWidth(220)

        alpha_box = QGroupBox(self.tr("α"))
        alpha_box.setToolTip(self.tr("The slope or scale α of the functions that have one"))
        grid = QGridLayout(alpha_box)
        self.sliders: dict[str, QSlider] = {}
        self.alpha_labels: dict[str, QLabel] = {}
        for row, name in enumerate(ALPHA_RANGES):
            lab = QLabel(display_name(name))
            s = QSlider(Qt.Horizontal)
            lo, hi, st = ALPHA_RANGES[name]
            s.setRange(0, int(round((hi - lo) / st)))
            s.setValue(self._alpha_to_slider(name, self.alphas[name]))
            s.setToolTip(self.tr("α of {name}: drag to change the curve").format(
                name=display_name(name)))
            lab.setToolTip(s.toolTip())
            s.valueChanged.connect(lambda v, n=name: self._on_slider_value_changed(n, v))
            val = QLabel(fmt(self.alphas[name]))
            val.setMinimumWidth(40)
            val.setToolTip(s.toolTip())
            grid.addWidget(lab, row, 0)
            grid.addWidget(s, row, 1)
            grid.addWidget(val, row, 2)
            self.sliders[name], self.alpha_labels[name] = s, val
        self.formulas = QLabel()
        self.formulas.setWordWrap(True)
        self.formulas.setTextFormat(Qt.RichText)
        self.formulas.setToolTip(self.tr("The formulas of the functions drawn, and the largest "
                                         "value of each derivative"))
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Functions")))
        left.addWidget(self.list, 1)
        left.addWidget(alpha_box)
        left.addWidget(self.formulas)

        # --- centre: h and h′
        self.view = pg.GraphicsLayoutWidget()
        self.view.setToolTip(self.tr("Wheel: zoom · drag: pan · right-click: view menu"))
        self.f_plot = self.view.addPlot(row=0, col=0)
        self.d_plot = self.view.addPlot(row=1, col=0)
        self.d_plot.setXLink(self.f_plot)
        self.f_plot.setTitle(self.tr("h(a)"))
        self.d_plot.setTitle(self.tr("h′(a)"))
        for p in (self.f_plot, self.d_plot):
            style_plot(p)
            p.setLabel("bottom", "a")
            p.setXRange(-10, 10, padding=0.01)
        self.f_plot.setYRange(-2.5, 4.0)
        # top left: the curves all stay at or below 1 for a < 0, so nothing is hidden there
        self.f_legend = add_legend(self.f_plot, (10, 10))
        self.f_curves, self.d_curves, self.markers, self.marker_labels = {}, {}, {}, {}
        for name in FUNCTIONS:
            pen = pg.mkPen(self.colors[name], width=2)
            self.f_curves[name] = self.f_plot.plot([], [], pen=pen)
            self.d_curves[name] = self.d_plot.plot([], [], pen=pen)
            self.markers[name] = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(self.colors[name]),
                                                    pen=pg.mkPen("w"))
            self.marker_labels[name] = pg.TextItem("", color=self.colors[name], anchor=(0, 1))
            self.d_plot.addItem(self.markers[name])
            self.d_plot.addItem(self.marker_labels[name])

        # --- right: softmax and maxout
        soft_box = QGroupBox(self.tr("softmax of a vector"))
        soft_box.setToolTip(self.tr("exp(aₖ)/Σ exp(aᵢ) computed as written (naive) and after "
                                    "subtracting the largest aᵢ (stable)"))
        self.soft_edit = QLineEdit("1010, 1000, 990")
        self.soft_edit.setToolTip(self.tr("Type numbers separated by commas, e.g. 1010, 1000, "
                                          "990 or 0.3, 2.9, 4.0; Enter to compute"))
        self.soft_edit.editingFinished.connect(self._on_soft_edit_finished)
        self.soft_plot = pg.PlotWidget()
        self.soft_plot.setToolTip(self.tr("Grey: naive formula (NaN when exp overflows) · "
                                          "blue: stable softmax"))
        style_plot(self.soft_plot.getPlotItem())
        self.soft_plot.setYRange(0, 1.05, padding=0)
        self.soft_plot.setMouseEnabled(x=False, y=False)
        self.soft_plot.setMinimumHeight(150)
        self.naive_bars = pg.BarGraphItem(x=[], height=[], width=0.35,
                                          brush=pg.mkBrush(150, 150, 150))
        self.stable_bars = pg.BarGraphItem(x=[], height=[], width=0.35,
                                           brush=pg.mkBrush(*palette_color(0)))
        self.soft_plot.addItem(self.naive_bars)
        self.soft_plot.addItem(self.stable_bars)
        self.nan_labels: list = []
        self.soft_text = QLabel()
        self.soft_text.setWordWrap(True)
        self.soft_text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.soft_text.setToolTip(self.tr("Both results, 4 significant digits; NaN is what "
                                          "overflowing exp gives"))
        sl = QVBoxLayout(soft_box)
        sl.addWidget(self.soft_edit)
        sl.addWidget(self.soft_plot, 1)
        sl.addWidget(self.soft_text)

        max_box = QGroupBox(self.tr("maxout: the larger of two lines"))
        max_box.setToolTip(A.ACTIVATIONS["maxout"].formula)
        self.max_plot = pg.PlotWidget()
        self.max_plot.setToolTip(self.tr("Thin: the two linear pieces · thick: their maximum, "
                                         "the maxout unit's output"))
        style_plot(self.max_plot.getPlotItem())
        self.max_plot.setMinimumHeight(150)
        add_legend(self.max_plot.getPlotItem(), (10, -10))
        xm = np.linspace(-5, 5, 201)
        pieces = np.stack([w * xm + b for w, b in MAXOUT_PIECES], axis=1)  # (n, 2)
        self.maxout_pieces = pieces
        self.maxout_z = A.ACTIVATIONS["maxout"].f(pieces)[:, 0]
        for k, (w, b) in enumerate(MAXOUT_PIECES):
            self.max_plot.plot(xm, pieces[:, k], name=f"{fmt(w)}·a + {fmt(b)}".replace("+ −", "− "),
                               pen=pg.mkPen(palette_color(2 + k), width=1.5, style=Qt.DashLine))
        self.max_plot.plot(xm, self.maxout_z, name=self.tr("max"),
                           pen=pg.mkPen((30, 30, 30), width=3))
        ml = QVBoxLayout(max_box)
        ml.addWidget(self.max_plot)

        right = QSplitter(Qt.Vertical)
        right.addWidget(soft_box)
        right.addWidget(max_box)

        left_w = QWidget()
        left_w.setLayout(left)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left_w)
        split.addWidget(self.view)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([220, 620, 420])
        self.splitter = split
        lay = QHBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(split)

        self.refresh()
        self._on_soft_edit_finished()

    # ---- public API ---------------------------------------------------------------------------

    def visible_functions(self) -> list[str]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]

    def set_visible_functions(self, names) -> None:
        names = set(names)
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in names else Qt.Unchecked)
        self.list.blockSignals(False)
        self.refresh()

    def alpha(self, name: str) -> float:
        return self.alphas[name]

    def set_alpha(self, name: str, value: float) -> None:
        """Move ``name``'s α slider (to the nearest slider step)."""
        self.sliders[name].setValue(self._alpha_to_slider(name, value))

    def curve_data(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(a, h(a), h′(a))`` as drawn for ``name`` (empty arrays if hidden)."""
        x, f = self.f_curves[name].getData()
        _, d = self.d_curves[name].getData()
        if x is None:
            return np.zeros(0), np.zeros(0), np.zeros(0)
        return np.asarray(x), np.asarray(f), np.asarray(d)

    def derivative_marker(self, name: str) -> tuple[float, float, str] | None:
        """``(a, h′max, label)`` of the marker drawn for ``name``, None if hidden."""
        if not self.markers[name].isVisible() or not len(self.markers[name].data):
            return None
        pts = self.markers[name].getData()
        return float(pts[0][0]), float(pts[1][0]), self.marker_labels[name].toPlainText()

    def set_softmax_input(self, values) -> None:
        self.soft_edit.setText(", ".join(fmt_full(v) for v in values))
        self._on_soft_edit_finished()

    def softmax_results(self) -> tuple[np.ndarray, np.ndarray]:
        """``(naive, stable)`` softmax of the current vector."""
        return self._naive.copy(), self._stable.copy()

    # ---- drawing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        visible = self.visible_functions()
        self.f_legend.clear()  # the legend lists only what is drawn
        for name in visible:
            self.f_legend.addItem(self.f_curves[name], display_name(name))
        stacks: dict[tuple, int] = {}
        lines, top = [], []
        for name in FUNCTIONS:
            on = name in visible
            for item in (self.f_curves[name], self.d_curves[name], self.markers[name],
                         self.marker_labels[name]):
                item.setVisible(on)
            if not on:
                self.f_curves[name].setData([], [])
                self.d_curves[name].setData([], [])
                self.markers[name].setData([], [])
                continue
            al = self.alphas.get(name)
            f = A.apply(name, X, al)
            d = A.derivative(name, X, al)
            self.f_curves[name].setData(X, f)
            self.d_curves[name].setData(X, d)
            xm, m = derivative_maximum(d)
            top.append(m)
            self.markers[name].setData([xm], [m])
            label = self.marker_labels[name]
            label.setText(self.tr("max {v}").format(v=fmt(m)))
            label.setToolTip(self.tr("largest h′ of {name}: {v} at a = {a}").format(
                name=display_name(name), v=fmt_full(m), a=fmt(xm)))
            # labels of maxima at the same spot are stacked instead of drawn over each other
            key = (round(xm, 1), round(m, 2))
            k = stacks.get(key, 0)
            stacks[key] = k + 1
            label.setAnchor((1.1 if xm > 5 else -0.1, 1.0 + k))  # stay inside the plot
            label.setPos(xm, m)
            r, g, b = self.colors[name]
            formula = A.ACTIVATIONS[name].formula
            if name in self.alphas:
                formula = formula.split(", α")[0] + self.tr(", α = {a}").format(
                    a=fmt(self.alphas[name]))
            lines.append(f'<span style="color:#{r:02x}{g:02x}{b:02x}">■</span> '
                         f"<b>{display_name(name)}</b>: {formula}<br>"
                         + self.tr("&nbsp;&nbsp;max h′ = {v}").format(v=fmt(m)))
        self.formulas.setText("<br>".join(lines))
        self.d_plot.setYRange(-0.1, max([1.2] + [m * 1.15 for m in top]), padding=0)

    def _on_list_item_changed(self, item) -> None:
        self.refresh()

    def _alpha_to_slider(self, name: str, value: float) -> int:
        lo, hi, st = ALPHA_RANGES[name]
        return int(round((min(max(value, lo), hi) - lo) / st))

    def _on_slider_value_changed(self, name: str, v: int) -> None:
        lo, hi, st = ALPHA_RANGES[name]
        self.alphas[name] = round(lo + v * st, 10)
        self.alpha_labels[name].setText(fmt(self.alphas[name]))
        self.refresh()
        self.alpha_changed.emit(name, self.alphas[name])

    def _on_soft_edit_finished(self) -> None:
        try:
            a = parse_vector(self.soft_edit.text())
        except ValueError:
            self.soft_edit.setStyleSheet("background: #fde2e2")
            self.soft_text.setText(self.tr("Type numbers separated by commas."))
            return
        self.soft_edit.setStyleSheet("")
        self._naive = A.softmax_naive(a)
        self._stable = A.softmax(a)
        k = np.arange(len(a), dtype=float)
        self.naive_bars.setOpts(x=k - 0.19, height=np.nan_to_num(self._naive, nan=0.0))
        self.stable_bars.setOpts(x=k + 0.19, height=self._stable)
        for t in self.nan_labels:
            self.soft_plot.removeItem(t)
        self.nan_labels = []
        for i in np.flatnonzero(~np.isfinite(self._naive)):
            t = pg.TextItem(self.tr("NaN"), color=(200, 30, 30), anchor=(0.5, 1))
            t.setPos(i - 0.19, 0.12)
            self.soft_plot.addItem(t)
            self.nan_labels.append(t)
        ax = self.soft_plot.getPlotItem().getAxis("bottom")
        ax.setTicks([[(i, "a" + sub(i + 1)) for i in range(len(a))]])
        self.soft_plot.setXRange(-0.6, len(a) - 0.4, padding=0)
        self.soft_text.setText(
            self.tr("naive: {n}").format(n=fmt_vec(self._naive, 6)) + "<br>"
            + self.tr("stable: {s}").format(s=fmt_vec(self._stable, 6)))


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    w = ActivationGallery()
    w.resize(1280, 720)
    w.show()
    sys.exit(app.exec())
