"""The guide, the explained step, the chain-rule tracer and the graph in the main window.

The window owns one :class:`GuideState`, one :class:`ExplainedStepState` and one
:class:`GradientTraceState` on its lesson model.  Docks (object names for saved layouts):
``dock_guide`` at the top, shown when a lesson opens; ``dock_explained`` (the explained
step), ``dock_tracer`` (the chain-rule tracer) and ``dock_graph`` (the computational graph)
among the bottom tabs, raised when a guide step asks for them.  The panels a guide step
requests are shown and raised here (the model knows no windows), and the visible docks are
reported back for the guide's ``panel_open`` checks; the controls it names are enabled
(the run bar here, the rest in :mod:`guide_controls`).  The canvas highlights the explained
step's current item, or the tracer's path while the tracer is in front.  The draw pad's
digit, the MNIST evaluator's accuracy and the traced weight are facts for the guide's checks.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.model.explained_step import ExplainedStepState
from nnviz.ui.model.gradient_trace import GradientTraceState
from nnviz.ui.model.guide_state import GuideState
from nnviz.ui.model.mnist_input import is_mnist_lesson
from nnviz.ui.panels.computation_graph_view import ComputationGraphView
from nnviz.ui.panels.explained_step_panel import ExplainedStepPanel
from nnviz.ui.panels.guide_panel import GuidePanel
from nnviz.ui.panels.tracer_panel import GradientTracerPanel
from nnviz.ui.shell.guide_controls import GuideControls


def _tr(text: str) -> str:
    return QCoreApplication.translate("GuideDocks", text)


#: guide panel names (nnviz.core.guides.PANEL_TITLES) → the window's dock keys
PANEL_DOCKS = {
    "explanation": "explanation", "truth_table": "inputs", "input_vector": "inputs",
    "input_plane": "outputs", "hidden_space": "outputs", "outputs": "outputs",
    "loss_plot": "plots", "step_detail": "step", "explained_step": "explained",
    "weights": "weights", "inspector": "inspector", "hyper": "hyper",
    "gradient_norms": "gradients", "compare": "compare", "tracer": "tracer", "graph": "graph",
    "mnist_samples": "mnist_samples", "draw_pad": "mnist_draw", "confusion": "mnist_confusion",
    "weight_images": "mnist_weight_images",
    "activation_gallery": "lab_gallery", "optimizer_race": "lab_race",
}
#: the labs' dock keys → the window's lab names (open_lab creates the dock on first use)
LAB_DOCKS = {"lab_gallery": "gallery", "lab_race": "race"}


#: guide control names (nnviz.core.guides.CONTROL_TITLES) → the run bar's actions
RUN_ACTIONS = {"play": "act_play", "step_sample": "act_step_sample",
               "step_batch": "act_step_batch", "step_epoch": "act_step_epoch",
               "reset": "act_reset", "new_init": "act_new_init"}
GUIDE_HEIGHT = 96  # px at 100 % text: the guide's band at the top, at least (it grows to show
# the whole step, up to GUIDE_MAX_FRACTION of the window; beyond that its text scrolls)
GUIDE_MAX_FRACTION = 0.27
EXPLAINED_HEIGHT = 190  # px: the explained step's tab (bar, caption, formula, numbers)
TRACER_HEIGHT = 300  # px: the tracer's table or the graph need more



def guide_height() -> int:
    """The guide band's height at the current text size (View → Text size, presentation)."""
    return round(GUIDE_HEIGHT * interface_scale().factor)

class GuideDocks(QObject):
    """Creates the two docks on ``window`` and connects them to its model.

    A QObject child of the window, so the model's signals stop reaching it with the window.
    """

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        model = window.model
        self.explained = ExplainedStepState(model)
        self.guide = GuideState(model, self.explained)
        self.guide_panel = GuidePanel(self.guide, window.lang)
        self.explained_panel = ExplainedStepPanel(self.explained)
        g = window._dock("guide", _tr("Guide"), self.guide_panel, Qt.TopDockWidgetArea,
                         scroll=True)
        g.setFeatures(g.features() & ~g.DockWidgetFeature.DockWidgetClosable)
        g.widget().setMinimumHeight(guide_height())
        g.widget().setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # text wraps instead
        self.guide.step_changed.connect(self._fit_band_soon)
        self.guide_panel.width_changed.connect(self._fit_band_soon)
        self.guide.guide_changed.connect(self._fit_band_soon)
        self.guide.guide_changed.connect(self._on_guide_changed)
        ex = window._dock("explained", _tr("Explained step"), self.explained_panel,
                          Qt.BottomDockWidgetArea, scroll=True)
        window.tabifyDockWidget(window.docks["weights"], ex)
        self.explained.set_active(False)  # until its tab is shown
        ex.visibilityChanged.connect(self.explained.set_active)
        self._visible: dict[str, bool] = {}
        self._tracer_refs: tuple = (None, ())
        self._explained_refs: tuple = (None, ())
        self._mnist: Any = None
        self.explained.highlight_changed.connect(self._on_explained_highlight)
        self.tracer = GradientTraceState(model)
        self.tracer_panel = GradientTracerPanel(self.tracer)
        tr_dock = window._dock("tracer", _tr("Chain-rule tracer"), self.tracer_panel,
                               Qt.BottomDockWidgetArea)  # its table scrolls itself
        window.tabifyDockWidget(ex, tr_dock)
        self.graph_view = ComputationGraphView(model, self.explained)
        gr_dock = window._dock("graph", _tr("Computational graph"), self.graph_view,
                               Qt.BottomDockWidgetArea)
        window.tabifyDockWidget(tr_dock, gr_dock)
        window.docks["weights"].raise_()
        tr_dock.hide()  # until a guide step, a click on an edge or the View menu asks
        gr_dock.hide()
        self.tracer.set_active(False)
        self.graph_view.set_active(False)
        tr_dock.visibilityChanged.connect(self._on_tracer_visible)
        gr_dock.visibilityChanged.connect(self.graph_view.set_active)
        self.tracer.highlight_changed.connect(self._on_tracer_highlight)
        self.tracer.param_changed.connect(self._on_traced)
        self.controls_extra = GuideControls(window, self.tracer, self.show_tracer)
        self._watch_visibility(window.docks)
        self.guide.panels_requested.connect(self.show_panels)
        self.controls: tuple | None = None  # the guide step's controls (None: the lesson's)
        self.guide.controls_requested.connect(self.enable_controls)
        # after RunControls' own slot (it enables the run bar for a lesson that trains)
        model.run.hyper_changed.connect(self._on_hyper_changed)
        model.preset_changed.connect(self._on_preset_changed)
        interface_scale().changed.connect(self._on_interface_scale_changed)

    def _on_interface_scale_changed(self, _factor: float) -> None:
        dock = self.window.docks["guide"]
        dock.widget().setMinimumHeight(guide_height())
        self.fit_band()

    def band_height(self) -> int:
        """The guide band's height for the step shown: all of it, between the minimum
        (:func:`guide_height`) and GUIDE_MAX_FRACTION of the window."""
        area = self.window.docks["guide"].widget()
        # measured as if the scroll bar were shown: a band that fits exactly must not need it
        width = area.viewport().width() - area.verticalScrollBar().sizeHint().width()
        needed = self.guide_panel.height_for(width) + 2 * area.frameWidth() + 6
        cap = int(self.window.height() * GUIDE_MAX_FRACTION)
        return max(guide_height(), min(needed, cap))

    def fit_band(self) -> None:
        """Size the band to the step shown (a step's text was cut mid-line at 96 px)."""
        dock, w = self.window.docks["guide"], self.window
        if not dock.isVisible() or dock.isFloating():
            return
        area, height = dock.widget(), self.band_height()
        w.resizeDocks([dock], [height + dock.height() - area.height()], Qt.Vertical)  # shrinks
        # resizeDocks barely grows a top dock over the central widget; a minimum does (the
        # dock keeps the height once the minimum is back, and the user may drag it)
        area.setMinimumHeight(height)
        w.layout().activate()
        area.setMinimumHeight(guide_height())
        # a band that shows the whole step has no scroll bar (Qt kept one from a narrower
        # moment of the arrangement, which then cut the text's last line)
        fits = self.guide_panel.height_for(area.viewport().width()) <= height
        area.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff if fits else Qt.ScrollBarAsNeeded)

    def _fit_band_soon(self, *_args) -> None:
        QTimer.singleShot(0, self, self.fit_band)  # after the panel has shown the step

    def _on_preset_changed(self, _preset: Any) -> None:
        docks = self.window.docks
        docks["guide"].show()
        docks["guide"].widget().setMinimumHeight(guide_height())  # the text size may have changed
        self._fit_band_soon()
        mnist = getattr(self.window, "mnist", None)  # installed when the window starts
        if self._mnist is None and mnist is not None:
            self.connect_mnist(mnist)
        # once every view has followed the lesson (some enable their own widgets per lesson)
        QTimer.singleShot(0, self._reapply_controls)

    def _reapply_controls(self) -> None:
        if shiboken6.isValid(self.window):
            self.enable_controls(self.controls)

    def _on_hyper_changed(self) -> None:
        self.enable_controls(self.controls)

    def watch_dock(self, key: str, dock: Any) -> None:
        """Follow a dock made after the guide (a lab): its being open is a guide fact."""
        self._watch_visibility({key: dock})
        self._on_visibility(key, dock.isVisible())

    def _watch_visibility(self, docks: dict) -> None:
        for key, dock in docks.items():
            dock.visibilityChanged.connect(lambda on, k=key: self._on_visibility(k, on))

    # -- MNIST facts (the views exist once the window has started) ------------------------
    def connect_mnist(self, mnist: Any) -> None:
        """The draw pad's digit and the evaluator's accuracy become guide facts."""
        self._mnist = mnist
        self._watch_visibility({f"mnist_{k}": d for k, d in mnist.docks.items()})
        mnist.draw.digit_changed.connect(self._on_digit_drawn)
        mnist.evaluator.evaluated.connect(self._on_evaluated)
        mnist.evaluator.stale.connect(self._on_evaluation_stale)
        self.enable_controls(self.controls)

    def _on_digit_drawn(self, _image: object) -> None:
        """The pad's image as the network reads it; the check classifies it with the
        network itself (the pad emits before it shows its own prediction)."""
        pad = self._mnist.draw
        mnist = is_mnist_lesson(self.window.model)
        self.guide.set_drawn(pad.network_input() if pad.canvas.strokes and mnist else None,
                             None)

    def _on_evaluated(self, evaluation: Any) -> None:
        self.guide.set_evaluated_accuracy(evaluation.accuracy)

    def _on_evaluation_stale(self) -> None:
        self.guide.set_evaluated_accuracy(None)

    # -- the tracer and the highlight -----------------------------------------------------
    def show_in_bottom_tabs(self, key: str, height: int) -> None:
        """Show dock ``key`` as a tab of the bottom panels (a lesson's layout may have left
        it alone in the bottom area) and raise it with ``height`` px of room."""
        w = self.window
        d = w.docks[key]
        if not d.isFloating() and not w.tabifiedDockWidgets(d):
            for other_key in ("explained", "weights", "inspector", "hyper", "step"):
                other = w.docks.get(other_key)
                if other is not None and other is not d and other.isVisible() \
                        and w.dockWidgetArea(other) == Qt.BottomDockWidgetArea:
                    w.tabifyDockWidget(other, d)
                    break
        d.show()
        d.raise_()
        w.resizeDocks([d], [height], Qt.Vertical)

    def show_tracer(self) -> None:
        self.show_in_bottom_tabs("tracer", TRACER_HEIGHT)

    def show_graph(self) -> None:
        self.show_in_bottom_tabs("graph", TRACER_HEIGHT)

    def _on_tracer_visible(self, on: bool) -> None:
        self.tracer.set_active(on)
        if on:
            self._on_tracer_highlight(*self._tracer_refs)
        else:
            self._on_explained_highlight(*self._explained_refs)

    def _on_traced(self, _ref: object) -> None:
        self.guide.set_traced(self.tracer.name if self.tracer.chosen else None)

    def _on_tracer_highlight(self, anchor: Any, targets: Any) -> None:
        self._tracer_refs = (anchor, targets)
        if self.tracer.active:
            self.window.canvas.highlight(anchor, targets)

    def _on_explained_highlight(self, anchor: Any, targets: Any) -> None:
        self._explained_refs = (anchor, targets)
        if not self.tracer.active:
            self.window.canvas.highlight(anchor, targets)

    def enable_controls(self, names: Any) -> None:
        """Enable only the run bar's controls a guide step names (None: all the lesson has)."""
        self.controls = None if names is None else tuple(names)
        run_controls, trainable = self.window.run_controls, self.window.model.run.trainable
        for name, attr in RUN_ACTIONS.items():
            allowed = self.controls is None or name in self.controls
            getattr(run_controls, attr).setEnabled(trainable and allowed)
        if hasattr(self, "controls_extra"):
            self.controls_extra.apply(self.controls)

    def _on_guide_changed(self) -> None:
        if not shiboken6.isValid(self.guide_panel):  # the window is being torn down
            return
        title = self.guide_panel.guide_title.text() or _tr("Guide")
        self.window.docks["guide"].setWindowTitle(title)

    def show_explained(self) -> None:
        """Raise the explained step's tab with room for its formula and numbers."""
        self.show_in_bottom_tabs("explained", EXPLAINED_HEIGHT)

    def show_panels(self, names: Any) -> None:
        """Show and raise the docks of a guide step's panels."""
        docks = self.window.docks
        for name in names:
            key = PANEL_DOCKS.get(name)
            if key == "explained":
                self.show_explained()
            elif key == "tracer":
                self.show_tracer()
            elif key == "graph":
                self.show_graph()
            elif key in LAB_DOCKS:
                self.window.open_lab(LAB_DOCKS[key], floating=False)
            elif key in docks:
                docks[key].show()
                docks[key].raise_()

    def _on_visibility(self, key: str, on: bool) -> None:
        self._visible[key] = on
        open_panels = {"canvas"} | {name for name, k in PANEL_DOCKS.items()
                                    if self._visible.get(k)}
        self.guide.set_open_panels(open_panels)
