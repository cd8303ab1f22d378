"""The guide and the explained step in the main window: their docks and their wiring.

The window owns one :class:`GuideState` and one :class:`ExplainedStepState` on its lesson
model.  The guide's dock sits at the top, shown when a lesson opens; the explained step is a
dock among the bottom tabs, raised when a guide step asks for it.  The panels a guide step
requests are shown and raised here (the model knows no windows), and the visible docks are
reported back for the guide's ``panel_open`` checks.  The canvas highlights the explained
step's current item.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt

from nnviz.ui.model.explained_step import ExplainedStepState
from nnviz.ui.model.guide_state import GuideState
from nnviz.ui.panels.explained_step_panel import ExplainedStepPanel
from nnviz.ui.panels.guide_panel import GuidePanel


def _tr(text: str) -> str:
    return QCoreApplication.translate("GuideDocks", text)


#: guide panel names (nnviz.core.guides.PANEL_TITLES) → the window's dock keys
PANEL_DOCKS = {
    "explanation": "explanation", "truth_table": "inputs", "input_vector": "inputs",
    "input_plane": "outputs", "hidden_space": "outputs", "outputs": "outputs",
    "loss_plot": "plots", "step_detail": "step", "explained_step": "explained",
    "weights": "weights", "inspector": "inspector", "hyper": "hyper",
    "gradient_norms": "gradients", "compare": "compare",
}


#: guide control names (nnviz.core.guides.CONTROL_TITLES) → the run bar's actions
RUN_ACTIONS = {"play": "act_play", "step_sample": "act_step_sample",
               "step_batch": "act_step_batch", "step_epoch": "act_step_epoch",
               "reset": "act_reset", "new_init": "act_new_init"}
GUIDE_HEIGHT = 96  # px: the guide's band at the top (its text scrolls when longer)
EXPLAINED_HEIGHT = 190  # px: the explained step's tab (bar, caption, formula, numbers)


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
        g.widget().setMinimumHeight(GUIDE_HEIGHT)
        g.widget().setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # text wraps instead
        self.guide.guide_changed.connect(self._on_guide_changed)
        ex = window._dock("explained", _tr("Explained step"), self.explained_panel,
                          Qt.BottomDockWidgetArea, scroll=True)
        window.tabifyDockWidget(window.docks["weights"], ex)
        self.explained.set_active(False)  # until its tab is shown
        ex.visibilityChanged.connect(self.explained.set_active)
        self._visible: dict[str, bool] = {}
        for key, dock in window.docks.items():
            dock.visibilityChanged.connect(lambda on, k=key: self._on_visibility(k, on))
        self.explained.highlight_changed.connect(window.canvas.highlight)
        self.guide.panels_requested.connect(self.show_panels)
        self.controls: tuple | None = None  # the guide step's controls (None: the lesson's)
        self.guide.controls_requested.connect(self.enable_controls)
        # after RunControls' own slot (it enables the run bar for a lesson that trains)
        model.run.hyper_changed.connect(self._on_hyper_changed)
        model.preset_changed.connect(self._on_preset_changed)

    def _on_preset_changed(self, _preset: Any) -> None:
        docks = self.window.docks
        docks["guide"].show()
        self.window.resizeDocks([docks["guide"]], [GUIDE_HEIGHT], Qt.Vertical)

    def _on_hyper_changed(self) -> None:
        self.enable_controls(self.controls)

    def enable_controls(self, names: Any) -> None:
        """Enable only the run bar's controls a guide step names (None: all the lesson has)."""
        self.controls = None if names is None else tuple(names)
        run_controls, trainable = self.window.run_controls, self.window.model.run.trainable
        for name, attr in RUN_ACTIONS.items():
            allowed = self.controls is None or name in self.controls
            getattr(run_controls, attr).setEnabled(trainable and allowed)

    def _on_guide_changed(self) -> None:
        if not shiboken6.isValid(self.guide_panel):  # the window is being torn down
            return
        title = self.guide_panel.guide_title.text() or _tr("Guide")
        self.window.docks["guide"].setWindowTitle(title)

    def show_explained(self) -> None:
        """Raise the explained step's tab with room for its formula and numbers."""
        d = self.window.docks["explained"]
        d.show()
        d.raise_()
        self.window.resizeDocks([d], [EXPLAINED_HEIGHT], Qt.Vertical)

    def show_panels(self, names: Any) -> None:
        """Show and raise the docks of a guide step's panels."""
        docks = self.window.docks
        for name in names:
            key = PANEL_DOCKS.get(name)
            if key == "explained":
                self.show_explained()
            elif key in docks:
                docks[key].show()
                docks[key].raise_()

    def _on_visibility(self, key: str, on: bool) -> None:
        self._visible[key] = on
        open_panels = {"canvas"} | {name for name, k in PANEL_DOCKS.items()
                                    if self._visible.get(k)}
        self.guide.set_open_panels(open_panels)
