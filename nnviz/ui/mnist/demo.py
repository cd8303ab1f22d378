"""Stand-alone demos: ``python -m nnviz.ui.mnist.<module> [preset]`` (default mnist-course)."""

from __future__ import annotations

import sys


def make_view(which: str, controller):
    """The widget ``which`` ("samples", "draw", "confusion", "weights", "data")."""
    if which == "samples":
        from nnviz.ui.mnist.sample_browser import SampleBrowser

        return SampleBrowser(controller)
    if which == "draw":
        from nnviz.ui.mnist.draw_pad import DrawPad

        return DrawPad(controller)
    if which == "confusion":
        from nnviz.ui.mnist.confusion_view import ConfusionView

        return ConfusionView(controller)
    if which == "weights":
        from nnviz.ui.mnist.weight_images import WeightImages

        return WeightImages(controller)
    if which == "data":
        from nnviz.ui.mnist.data_dialog import DataDialog

        return DataDialog()
    raise ValueError(which)


def run_demo(which: str, preset_id: str = "mnist-course", size=(640, 520)) -> int:
    from nnviz.ui.app import create_app
    from nnviz.ui.controller import Controller

    app = create_app(sys.argv)
    controller = Controller()
    w = make_view(which, controller)
    controller.set_preset(sys.argv[1] if len(sys.argv) > 1 else preset_id)
    w.resize(*size)
    w.show()
    code = app.exec()
    evaluator = getattr(w, "evaluator", None)
    if evaluator is not None:
        evaluator.shutdown()
    controller.shutdown()
    return code
