"""Optimizer race: six optimizers start from the same point of a 2-D loss surface.

The surface is drawn with the app's signed colour scale (white at the minimum's level, blue
above, orange below) and grey contour lines; each optimizer's path grows step by step with a
QTimer (play/pause, step, reset, speed).  Learning rates start at the handouts' defaults
(SGD 0.1, momentum 0.1, Adagrad 0.01, RMSProp 0.001, Adam 0.001) — slow on these surfaces,
which is a lesson in itself — and "Suggested rates" sets ones that make a good race.  The paths
come from ``nnviz.core.lessons.surfaces.race``, which uses the training code's own optimizers.

Signals: ``position_changed(int)`` — the number of steps shown changed.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.lessons import surfaces as S
from nnviz.core.nn.spec import OPTIMIZER_DEFAULTS
from nnviz.ui.common.formatting import fmt, fmt_full
from nnviz.ui.common.names import optimizer_name
from nnviz.ui.common.plot_style import add_legend, palette_color, pg, style_plot
from nnviz.ui.labs.race_labels import surface_name, surface_rgb

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
GRID = 200
TICK_MS = 40  # 25 frames per second


class OptimizerRace(QWidget):
    """Contour plot of a 2-D surface with the optimizers' paths animated side by side.

    Signals: ``position_changed(int)``.
    """

    position_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.surface_key = "bowl"
        self.lrs = {n: float(OPTIMIZER_DEFAULTS[n]["lr"]) for n in OPTIMIZERS}
        self.total_steps = 300
        self.rates = "handout"  # "handout", "suggested" (follows the surface) or "custom"
        self.k = 0  # steps shown
        self.paths: dict[str, np.ndarray] = {}
        self._setting_rates = False
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

        # --- controls
        self.surface_combo = QComboBox()
        for key in S.SURFACES:
            self.surface_combo.addItem(surface_name(key), key)
        self.surface_combo.setToolTip(self.tr("The loss surface L(x, y) the optimizers descend"))
        self.surface_combo.currentIndexChanged.connect(
            lambda i: self.set_surface(self.surface_combo.itemData(i)))
        self.play_button = QPushButton(self.tr("▶ Play"))
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(self.tr("Start or pause the race (Space)"))
        self.play_button.setShortcut(Qt.Key_Space)
        self.play_button.toggled.connect(self._on_play_button_toggled)
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setToolTip(self.tr("One update of every optimizer"))
        self.step_button.clicked.connect(lambda: self.step(1))
        self.reset_button = QPushButton(self.tr("⟲ Reset"))
        self.reset_button.setToolTip(self.tr("Back to the start point"))
        self.reset_button.clicked.connect(self.reset)
        self.speed_slider = QSlider(Qt.Horizontal)
        self.speed_slider.setRange(1, 20)
        self.speed_slider.setValue(2)
        self.speed_slider.setMaximumWidth(140)
        self.speed_slider.setToolTip(self.tr("Speed: updates per frame (25 frames per second)"))
        speed_label = QLabel(self.tr("speed"))
        speed_label.setToolTip(self.speed_slider.toolTip())
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(10, 5000)
        self.steps_spin.setSingleStep(50)
        self.steps_spin.setValue(self.total_steps)
        self.steps_spin.setToolTip(self.tr("Number of updates in the race"))
        self.steps_spin.valueChanged.connect(self.set_total_steps)
        steps_label = QLabel(self.tr("steps"))
        steps_label.setToolTip(self.steps_spin.toolTip())
        self.counter = QLabel()
        self.counter.setToolTip(self.tr("Updates done so far / in the race"))
        bar = QHBoxLayout()
        surf_label = QLabel(self.tr("surface"))
        surf_label.setToolTip(self.surface_combo.toolTip())
        for w in (surf_label, self.surface_combo, self.play_button, self.step_button,
                  self.reset_button, speed_label, self.speed_slider, steps_label,
                  self.steps_spin, self.counter):
            bar.addWidget(w)
        bar.addStretch(1)

        # --- the plot
        self.view = pg.PlotWidget()
        self.view.setToolTip(self.tr("Wheel: zoom · drag: pan · right-click: view menu"))
        self.plot = self.view.getPlotItem()
        style_plot(self.plot, grid=0.0)
        self.plot.setLabel("bottom", "x")
        self.plot.setLabel("left", "y")
        self.plot.setAspectLocked(True)  # circles look round: the bowl is a bowl
        self.image = pg.ImageItem()
        self.image.setZValue(-20)
        self.plot.addItem(self.image)
        self.isocurves: list = []
        self.start_marker = pg.ScatterPlotItem(size=12, symbol="s", brush=pg.mkBrush("w"),
                                               pen=pg.mkPen("k", width=1.5))
        self.min_marker = pg.ScatterPlotItem(size=16, symbol="star", brush=pg.mkBrush("k"),
                                             pen=pg.mkPen("w"))
        self.plot.addItem(self.start_marker)
        self.plot.addItem(self.min_marker)
        self.legend = add_legend(self.plot, (-10, 10))
        self.curves, self.heads = {}, {}
        for i, n in enumerate(OPTIMIZERS):
            color = palette_color(i)
            self.curves[n] = self.plot.plot([], [], pen=pg.mkPen(color, width=2.5),
                                            name=optimizer_name(n))
            self.heads[n] = pg.ScatterPlotItem(size=11, brush=pg.mkBrush(color),
                                               pen=pg.mkPen("w", width=1.5))
            self.heads[n].setZValue(5)
            self.plot.addItem(self.heads[n])
        self.formula = QLabel()
        self.formula.setToolTip(self.tr("The surface's formula; ★ is its minimum, □ the start"))

        # --- per-optimizer controls
        box = QGroupBox(self.tr("Optimizers"))
        box.setToolTip(self.tr("Tick to race; the learning rate of each optimizer"))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("learning rate")), 0, 1)
        grid.addWidget(QLabel(self.tr("now")), 0, 2)
        self.checks, self.lr_spins, self.status = {}, {}, {}
        for row, n in enumerate(OPTIMIZERS, start=1):
            r, g, b = palette_color(row - 1)
            c = QCheckBox(optimizer_name(n))
            c.setChecked(True)
            c.setStyleSheet(f"QCheckBox {{ color: #{r:02x}{g:02x}{b:02x}; font-weight: bold; }}")
            c.setToolTip(self.tr("Show {name}'s path").format(name=optimizer_name(n)))
            c.toggled.connect(lambda on, n=n: self._on_check_toggled(n, on))
            sp = QDoubleSpinBox()
            sp.setDecimals(5)
            sp.setRange(1e-5, 10.0)
            sp.setStepType(QDoubleSpinBox.AdaptiveDecimalStepType)
            sp.setValue(self.lrs[n])
            sp.setKeyboardTracking(False)
            sp.setToolTip(self.tr("Learning rate of {name} (handout default {d})").format(
                name=optimizer_name(n), d=fmt(OPTIMIZER_DEFAULTS[n]["lr"])))
            sp.valueChanged.connect(lambda v, n=n: self.set_lr(n, v))
            st = QLabel()
            st.setMinimumWidth(150)
            st.setToolTip(self.tr("Loss L at {name}'s current point").format(
                name=optimizer_name(n)))
            grid.addWidget(c, row, 0)
            grid.addWidget(sp, row, 1)
            grid.addWidget(st, row, 2)
            self.checks[n], self.lr_spins[n], self.status[n] = c, sp, st
        self.defaults_button = QPushButton(self.tr("Handout rates"))
        self.defaults_button.setToolTip(self.tr("The handouts' default learning rates"))
        self.defaults_button.clicked.connect(self.use_handout_rates)
        self.hint_button = QPushButton(self.tr("Suggested rates"))
        self.hint_button.setToolTip(self.tr("Learning rates that make a good race on this "
                                            "surface"))
        self.hint_button.clicked.connect(self.use_suggested_rates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.hint_button)
        grid.addLayout(buttons, len(OPTIMIZERS) + 1, 0, 1, 3)
        side = QVBoxLayout()
        side.addWidget(box)
        side.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(self.formula)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(side, 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addLayout(body, 1)
        self._draw_surface()
        self._recompute()

    # ---- public API ---------------------------------------------------------------------------

    def surface(self) -> S.Surface:
        return S.SURFACES[self.surface_key]

    def set_surface(self, key: str) -> None:
        """Race on another surface (back to its start point)."""
        if key not in S.SURFACES:
            raise ValueError(f"no surface {key!r}")
        self.surface_combo.setCurrentIndex(self.surface_combo.findData(key))
        if key == self.surface_key and self.paths:
            return
        self.surface_key = key
        self.k = 0
        self._draw_surface()
        if self.rates == "suggested":
            self.use_suggested_rates()  # recomputes
        else:
            self._recompute()

    def lr(self, name: str) -> float:
        return self.lrs[name]

    def set_lr(self, name: str, lr: float) -> None:
        """Change one learning rate; the paths are recomputed, the step count kept."""
        lr = float(lr)
        if abs(self.lr_spins[name].value() - lr) > 1e-12:
            self.lr_spins[name].setValue(lr)  # comes back here through valueChanged
            return
        self.lrs[name] = lr
        if not self._setting_rates:
            self.rates = "custom"
        self._recompute()

    def use_handout_rates(self) -> None:
        self._set_rates({n: OPTIMIZER_DEFAULTS[n]["lr"] for n in OPTIMIZERS}, "handout")

    def use_suggested_rates(self) -> None:
        """The surface's suggested rates, also on the surfaces chosen next (until one is
        edited)."""
        self._set_rates(dict(self.surface().lr_hint), "suggested")

    def _set_rates(self, lrs: dict, mode: str) -> None:
        self._setting_rates = True
        try:
            for n in OPTIMIZERS:
                self.lr_spins[n].blockSignals(True)
                self.lr_spins[n].setValue(lrs[n])
                self.lr_spins[n].blockSignals(False)
                self.lrs[n] = float(lrs[n])
        finally:
            self._setting_rates = False
        self.rates = mode
        self._recompute()

    def set_total_steps(self, n: int) -> None:
        self.total_steps = int(n)
        if self.steps_spin.value() != self.total_steps:
            self.steps_spin.setValue(self.total_steps)
        self.k = min(self.k, self.total_steps)
        self._recompute()

    def set_speed(self, steps_per_frame: int) -> None:
        self.speed_slider.setValue(int(steps_per_frame))

    def speed(self) -> int:
        return self.speed_slider.value()

    def play(self) -> None:
        self.play_button.setChecked(True)

    def pause(self) -> None:
        self.play_button.setChecked(False)

    def is_playing(self) -> bool:
        return self.timer.isActive()

    def step(self, n: int = 1) -> None:
        self._show(min(self.k + int(n), self.total_steps))

    def reset(self) -> None:
        self.pause()
        self._show(0)

    def position(self) -> int:
        return self.k

    def trajectories(self) -> dict[str, np.ndarray]:
        """The whole race: name → ``(total_steps + 1, 2)`` (NaN after a divergence)."""
        return {n: p.copy() for n, p in self.paths.items()}

    def shown_path(self, name: str) -> np.ndarray:
        """The points of ``name``'s path drawn now, shape ``(m, 2)``."""
        x, y = self.curves[name].getData()
        if x is None:
            return np.zeros((0, 2))
        return np.column_stack([x, y])

    # ---- internals ----------------------------------------------------------------------------

    def _draw_surface(self) -> None:
        s = self.surface()
        xs, ys, values = S.grid(s, GRID)
        self.image.setImage(surface_rgb(values), levels=None, autoLevels=False)
        (x0, x1), (y0, y1) = s.x_range, s.y_range
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        for c in self.isocurves:
            self.plot.removeItem(c)
            c.setParentItem(None)
        self.isocurves = []
        levels = np.unique(np.quantile(values, np.linspace(0.01, 0.9, 14)) if s.name != "valley"
                           else np.geomspace(0.3, float(np.max(values)) * 0.5, 14))
        for lev in levels:
            c = pg.IsocurveItem(data=values, level=float(lev),
                                pen=pg.mkPen((110, 110, 110, 160), width=1))
            c.setParentItem(self.image)  # image pixel coordinates, mapped by the image's rect
            self.isocurves.append(c)
        self.start_marker.setData([s.start[0]], [s.start[1]])
        self.min_marker.setData([s.minimum[0]], [s.minimum[1]])
        self.plot.setXRange(x0, x1, padding=0)
        self.plot.setYRange(y0, y1, padding=0)
        self.formula.setText(self.tr("{name}:  {formula}").format(name=surface_name(s.name),
                                                                  formula=s.formula))

    def _recompute(self) -> None:
        self.paths = S.race(self.surface(), {n: None for n in OPTIMIZERS}, self.lrs,
                            self.total_steps)
        self._show(self.k)

    def _show(self, k: int) -> None:
        self.k = int(k)
        s = self.surface()
        for n in OPTIMIZERS:
            path = self.paths[n][: self.k + 1]
            good = path[np.isfinite(path[:, 0])]
            on = self.checks[n].isChecked()
            self.curves[n].setData(good[:, 0], good[:, 1])
            self.heads[n].setData(good[-1:, 0], good[-1:, 1])
            self.curves[n].setVisible(on)
            self.heads[n].setVisible(on)
            at = S.diverged_at(self.paths[n])
            if at is not None and at <= self.k:
                text = self.tr("diverged at step {k}").format(k=at)
                tip = self.tr("The learning rate is too large for this surface: the steps "
                              "overshoot and grow")
            else:
                v = float(s.value(*good[-1]))
                text = self.tr("L = {v}").format(v=fmt(v))
                tip = self.tr("L = {v} at ({x}, {y})").format(
                    v=fmt_full(v), x=fmt_full(good[-1, 0]), y=fmt_full(good[-1, 1]))
            self.status[n].setText(text)
            self.status[n].setToolTip(tip)
        self.counter.setText(self.tr("step {k} / {n}").format(k=self.k, n=self.total_steps))
        self.position_changed.emit(self.k)

    def _on_timer_timeout(self) -> None:
        if self.k >= self.total_steps:
            self.pause()
            return
        self.step(self.speed())

    def _on_play_button_toggled(self, on: bool) -> None:
        if on:
            if self.k >= self.total_steps:
                self._show(0)
            self.timer.start()
            self.play_button.setText(self.tr("❚❚ Pause"))
        else:
            self.timer.stop()
            self.play_button.setText(self.tr("▶ Play"))

    def _on_check_toggled(self, name: str, on: bool) -> None:
        self.curves[name].setVisible(on)
        self.heads[name].setVisible(on)

    def hideEvent(self, event):  # noqa: N802
        self.pause()  # no animation behind a closed tab
        super().hideEvent(event)


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    w = OptimizerRace()
    w.use_suggested_rates()
    w.resize(1280, 720)
    w.show()
    sys.exit(app.exec())
