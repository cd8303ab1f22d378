"""The pyqtgraph views, built after the first window is on screen (issue 18: start-up).

Importing pyqtgraph takes about 0.3 s, so the main window makes the docks of the curves,
gradient norms, Run Comparison and weight statistics empty and :func:`install` fills them once
the window shows (``MainWindow.finish_startup``), before the lessons load.  The views subscribe
to the model when they are made; :func:`install` also brings them up to the run already shown
(none at start-up; a window whose model had a lesson before it showed).
"""

from __future__ import annotations

from nnviz.ui.common.scrolling import scrolling

#: dock key → (window attribute, scrolls)
PLOT_DOCKS = {"plots": ("plots", False), "gradients": ("grad_plot", True),
              "compare": ("comparison", True), "layer_stats": ("layer_stats", True)}


def install(window) -> None:
    """Make the plot views and put them in their docks (idempotent)."""
    if getattr(window, "plots", None) is not None:
        return
    from nnviz.ui.plots.gradient_plot import GradientNormPlot
    from nnviz.ui.plots.layer_stats_view import LayerStatsView
    from nnviz.ui.plots.run_comparison import RunComparison
    from nnviz.ui.plots.training_plots import TrainingPlots

    model = window.model
    views = {"plots": TrainingPlots(model), "gradients": GradientNormPlot(model),
             "compare": RunComparison(model.history), "layer_stats": LayerStatsView(model)}
    for key, view in views.items():
        attr, scroll = PLOT_DOCKS[key]
        setattr(window, attr, view)
        widget = view
        if scroll:
            widget = scrolling(view)
        old = window.docks[key].widget()
        window.docks[key].setWidget(widget)
        if old is not None:
            old.deleteLater()
    _catch_up(window, views)


def _catch_up(window, views) -> None:
    """A view made after a run started shows the run's curve so far."""
    model = window.model
    if model.preset is None:
        return
    evals = list(model.run.evals)
    if evals:
        views["plots"].add_evals(evals)
