#!/usr/bin/env python3
"""Redraw speed of the network canvas for the course's MNIST network (784-100-100-100-10).

Each frame changes every weight and the input (as a training snapshot would), recolours the
canvas items in place (``LessonModel.show_trained_params``) and repaints the view: the
pending events are processed (the scene's bookkeeping and the viewport's own paint event, what a
screen would show) and the time of one extra ``render`` into an image is reported separately
(the paint alone).  Prints frames per second for update + repaint.

    QT_QPA_PLATFORM=offscreen python benchmarks/canvas_fps.py [frames] [k]
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import nnviz.ui  # noqa: E402,F401  (None refcount guard before Qt calls)


def main() -> int:
    import numpy as np
    from PySide6.QtGui import QImage, QPainter

    from nnviz.ui.canvas.network_view import NetworkView
    from nnviz.ui.model.lesson_model import LessonModel
    from nnviz.ui.shell.app import create_app

    frames = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    app = create_app([])
    c = LessonModel()
    view = NetworkView(c)
    view.k = k
    view.resize(1000, 650)
    view.show()
    t = time.perf_counter()
    c.set_preset("mnist-course")
    app.processEvents()
    build = time.perf_counter() - t
    rng = np.random.default_rng(0)
    base = c.network.params.copy()
    img = QImage(view.viewport().size(), QImage.Format_ARGB32)
    t_update = t_paint = t_render = 0.0
    for f in range(frames):
        t0 = time.perf_counter()
        c.x = rng.uniform(0, 1, 784)
        c.show_trained_params(base + 0.01 * f * rng.standard_normal(base.size))
        t1 = time.perf_counter()
        view.viewport().repaint()  # the paint event a screen would get, synchronously
        app.processEvents()
        t2 = time.perf_counter()
        qp = QPainter(img)
        view.render(qp)
        qp.end()
        t_render += time.perf_counter() - t2
        t_paint += t2 - t1
        t_update += t1 - t0
    total = t_update + t_paint
    n_edges = sum(e.isVisible() for pool in view.edges for e in pool)
    print(f"784-100-100-100-10, k={k} ({n_edges} edges drawn): build {build * 1000:.0f} ms; "
          f"{frames / total:.1f} fps (update {1000 * t_update / frames:.1f} ms + repaint "
          f"{1000 * t_paint / frames:.1f} ms per frame; render() alone "
          f"{1000 * t_render / frames:.1f} ms)")
    c.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
