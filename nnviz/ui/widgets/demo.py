"""Shared set-up of the stand-alone widget demos (``python -m nnviz.ui.widgets.<module>``)."""

from __future__ import annotations

import sys


def run_demo(make_widget, preset_id: str = "forward-walkthrough", size=(720, 420)) -> int:
    """Create the app and a controller on ``preset_id``, show ``make_widget(controller)``."""
    from nnviz.ui.app import create_app
    from nnviz.ui.controller import Controller

    app = create_app(sys.argv)
    controller = Controller()
    w = make_widget(controller)
    controller.set_preset(sys.argv[1] if len(sys.argv) > 1 else preset_id)
    w.resize(*size)
    w.show()
    code = app.exec()
    controller.shutdown()
    return code
