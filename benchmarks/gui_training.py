#!/usr/bin/env python3
"""MNIST course recipe trained in the GUI (offscreen) vs the headless trainer.

Measures, in one process:

* **throughput**: samples/s of one epoch of ``mnist-course`` (784-100-100-100-10, SGD batch 1,
  float32, test evaluation every 2,000 samples) played in the main window (default refresh:
  every epoch) vs the same recipe run headless through ``Trainer.run("epoch")``; repeats are
  interleaved and every run starts from the same initial weights.  Wall time from the request
  to the last snapshot on screen (GUI) / out of the generator (headless).  Target ≥ 95 %.
* **event-loop latency**: a 5 ms QTimer probe runs during the GUI epochs; latency = how late
  each tick fires.  Target p99 ≤ 50 ms.
* **refresh fps**: a live run refreshing after every sample (snapshots capped at 60 Hz by the
  worker) for a few seconds: snapshots shown per second and paint events the canvas really
  received per second (an event filter counts them).  Target ≥ 30 fps (issue 18).

    NNVIZ_DATA_DIR=/tmp/nnvizdata QT_QPA_PLATFORM=offscreen python benchmarks/gui_training.py \
        [--repeats 3] [--live-seconds 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# one BLAS thread, like bench_mnist.py: on a shared 2-core machine OpenBLAS's spinning helper
# threads make evaluation times swing 5x from run to run
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import nnviz.ui  # noqa: E402,F401


def _pct(values, q):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q / 100 * (len(v) - 1))))] if v else float("nan")


def headless_epoch(preset, data, init):
    from nnviz.core.nn.network import Network

    net = Network(preset.network, init, preset.training.dtype)
    t = preset.make_trainer(data, net=net)
    t.warm_up()
    t0 = time.perf_counter()
    snaps = list(t.run("epoch"))
    wall = time.perf_counter() - t0
    return wall, t.seconds, snaps[-1].evals[-1].test_acc


def gui_epoch(app, win, init, probe_ticks):
    """One epoch played in the window; returns (wall, trainer seconds, test acc)."""
    from PySide6.QtCore import QEventLoop, QTimer

    s = win.model.run
    s.discard()
    win.model.show_trained_params(init)
    s.set_play_settings(play_unit="epoch", every=1, delay=0.0)
    s.ensure_trainer()
    s.trainer.warm_up()  # compile outside the timed part (like the headless side)
    done = []
    s.run_finished.connect(done.append)
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        probe_ticks.append(max(0.0, now - last[0] - 0.005))
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    s.busy_changed.connect(lambda busy: None if busy else loop.quit())
    t0 = time.perf_counter()
    s.play()
    last[0] = time.perf_counter()
    timer.start()
    if s.busy:
        loop.exec()
    wall = time.perf_counter() - t0
    timer.stop()
    s.run_finished.disconnect(done.append)
    snap = s.last
    return wall, s.trainer.seconds, snap.evals[-1].test_acc


def live_fps(app, win, init, seconds):
    """Refresh after every sample for ``seconds``: frames on screen per second."""
    from PySide6.QtCore import QEventLoop, QTimer

    s = win.model.run
    s.discard()
    win.model.show_trained_params(init)
    s.set_play_settings(play_unit="sample", every=1, delay=0.0)
    painted = _PaintCounter(win.canvas.viewport())
    t_shown = []
    s.snapshot_shown.connect(lambda _s: t_shown.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    s.play()
    loop.exec()
    s.pause()
    while s.busy:
        app.processEvents()
    span = (t_shown[-1] - t_shown[0]) if len(t_shown) > 1 else float("nan")
    fps = (len(t_shown) - 1) / span if span == span and span > 0 else 0.0
    samples = s.samples_seen
    s.discard()
    return fps, painted.fps(), samples / seconds


class _PaintCounter:
    """Counts the paint events a widget really receives (what the screen would show)."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        times = self.times = []

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Paint:
                    times.append(time.perf_counter())
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)

    def fps(self) -> float:
        t = self.times
        return (len(t) - 1) / (t[-1] - t[0]) if len(t) > 1 and t[-1] > t[0] else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--live-seconds", type=float, default=5.0)
    ap.add_argument("--json")
    args = ap.parse_args()

    import tempfile

    from PySide6.QtCore import QSettings

    from nnviz.ui.shell.app import create_app
    from nnviz.ui.shell.main_window import MainWindow

    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):  # never the user's settings
        QSettings.setPath(fmt, QSettings.UserScope, tempfile.mkdtemp(prefix="nnviz-bench-"))
    app = create_app([])
    win = MainWindow()
    win.resize(1366, 740)
    win.show()
    win.finish_startup()
    t = time.perf_counter()
    win.open_lesson("mnist-course")
    while win.model.loading:
        app.processEvents()
        time.sleep(0.01)
    if win.model.train_data() is None:
        print("MNIST is not available:", win.model.data_error, file=sys.stderr)
        return 2
    print(f"MNIST loaded in the background in {time.perf_counter() - t:.1f} s")
    preset = win.model.preset
    data = win.model.train_data()  # the same arrays the GUI trains on
    init = preset.build_network(preset.training.dtype).params.copy()
    win.docks["plots"].raise_()

    rows = []
    ticks: list[float] = []
    for r in range(args.repeats):
        order = ("headless", "gui") if r % 2 == 0 else ("gui", "headless")
        for kind in order:
            if kind == "headless":
                wall, secs, acc = headless_epoch(preset, data, init)
            else:
                wall, secs, acc = gui_epoch(app, win, init, ticks)
            rows.append({"kind": kind, "wall_s": wall, "train_s": secs, "test_acc": acc})
            print(f"  {kind:8s} repeat {r + 1}: {wall:.3f} s wall, {secs:.3f} s training, "
                  f"test acc {acc:.4f}")
    n = len(data.X)
    h = statistics.median(x["wall_s"] for x in rows if x["kind"] == "headless")
    g = statistics.median(x["wall_s"] for x in rows if x["kind"] == "gui")
    ratio = h / g
    lat_ms = [1000 * x for x in ticks]
    p99, p50, worst = _pct(lat_ms, 99), _pct(lat_ms, 50), max(lat_ms) if lat_ms else 0.0
    fps, paint_fps, live_rate = live_fps(app, win, init, args.live_seconds)
    win.close()
    app.processEvents()

    print()
    print(f"throughput: GUI {n / g:,.0f} samples/s vs headless {n / h:,.0f} samples/s "
          f"= {100 * ratio:.1f} % (target ≥ 95 %) {'PASS' if ratio >= 0.95 else 'MISS'}")
    print(f"event-loop latency during GUI training: p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
          f"max {worst:.1f} ms over {len(lat_ms)} ticks (target p99 ≤ 50 ms) "
          f"{'PASS' if p99 <= 50 else 'MISS'}")
    print(f"live refresh (every sample, MNIST): {fps:.1f} snapshots/s shown, canvas painted "
          f"{paint_fps:.1f} times/s, training {live_rate:,.0f} samples/s meanwhile "
          f"(target ≥ 30 fps) {'PASS' if min(fps, paint_fps) >= 30 else 'MISS'}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "ratio": ratio, "latency_p99_ms": p99,
                       "latency_p50_ms": p50, "fps": fps, "paint_fps": paint_fps,
                       "live_samples_per_s": live_rate}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
