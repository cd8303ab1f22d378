#!/usr/bin/env python
"""Soak test: the app trains MNIST in play mode (offscreen) for N minutes; is it stable?

Every ``--every`` seconds it records the process's RSS, the event loop's latency (how late a
50 ms QTimer probe fires: median and worst of the interval), the epoch and samples seen, and
writes them to a CSV.  At the end it draws a PNG (a small QPainter chart: RSS and latency over
time).  Memory "grew after warm-up" when the median RSS of the last quarter is more than
2 % + 5 MB above that of the second quarter, or when RSS still rises by more than 0.15 MB per
minute over the second half (a least-squares slope).

    NNVIZ_DATA_DIR=/tmp/nnvizdata python scripts/soak.py --minutes 2
    python scripts/soak.py --minutes 30 --csv soak.csv --png soak.png

Exit status: 0 stable, 1 memory grew or an uncaught exception happened, 2 could not start.
The app's settings, autosaves and logs go to a temporary folder (never the user's).
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PROBE_MS = 50


def rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # not Linux: the peak is the best we have

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=30.0)
    p.add_argument("--every", type=float, default=5.0, help="seconds between two records")
    p.add_argument("--lesson", default="mnist-course")
    p.add_argument("--unit", default="sample", choices=("sample", "batch", "epoch"))
    p.add_argument("--refresh", type=int, default=500, help="units per snapshot")
    p.add_argument("--csv", default="soak.csv")
    p.add_argument("--png", default="soak.png")
    return p.parse_args(argv)


class Soak:
    def __init__(self, args, win, sessions):
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.args, self.win, self.sessions = args, win, sessions
        self.c, self.s = win.model, win.model.run
        self.rows: list[dict] = []
        self.lat: list[float] = []
        self.restarts = 0
        self.clock = QElapsedTimer()
        self.clock.start()
        self.t_start = time.monotonic()
        self.probe = QTimer()
        self.probe.setInterval(PROBE_MS)
        self._expected = None
        self.probe.timeout.connect(self._on_probe)
        self.recorder = QTimer()
        self.recorder.setInterval(int(args.every * 1000))
        self.recorder.timeout.connect(self._record)
        self.starter = QTimer()
        self.starter.setInterval(500)
        self.starter.timeout.connect(self._try_start)
        self.s.playing_changed.connect(self._on_playing_changed)

    def begin(self):
        self.win.open_lesson(self.args.lesson)
        self.starter.start()

    def _try_start(self):
        """Wait until MNIST is loaded, then play (for ever: epochs raised to the maximum)."""
        if self.c.loading or self.c.train_data() is None:
            if self.c.data_error and not self.c.loading:
                print(f"soak: no data: {self.c.data_error}", file=sys.stderr)
                from PySide6.QtCore import QCoreApplication

                QCoreApplication.exit(2)
            return
        self.starter.stop()
        from nnviz.core.nn.spec import MAX_EPOCHS

        self.s.set_epochs(MAX_EPOCHS)
        self.s.set_play_settings(play_unit=self.args.unit, every=self.args.refresh, delay=0.0,
                                 until_accuracy=None)
        self.t_start = time.monotonic()
        self.s.play()
        self._expected = self.clock.elapsed() + PROBE_MS
        self.probe.start()
        self.recorder.start()
        print(f"soak: training {self.args.lesson} for {self.args.minutes:g} min", flush=True)

    def _on_playing_changed(self, playing):
        if not playing and self.recorder.isActive():  # finished or diverged: go on
            self.restarts += 1
            if self.s.epoch >= self.s.last_epoch:
                self.s.reset()
            from PySide6.QtCore import QTimer

            QTimer.singleShot(100, self.s.play)

    def _on_probe(self):
        now = self.clock.elapsed()
        self.lat.append(max(0.0, now - self._expected))
        self._expected = now + PROBE_MS

    def _record(self):
        t = time.monotonic() - self.t_start
        lat = sorted(self.lat) or [0.0]
        self.lat = []
        row = {"seconds": round(t, 1), "rss_mb": round(rss_mb(), 1),
               "latency_median_ms": round(statistics.median(lat), 1),
               "latency_max_ms": round(lat[-1], 1), "epoch": self.s.epoch,
               "samples_seen": self.s.samples_seen, "curve_points": len(self.s.evals),
               "playing": int(self.s.playing)}
        self.rows.append(row)
        print("soak: " + " ".join(f"{k}={v}" for k, v in row.items()), flush=True)
        if t >= self.args.minutes * 60:
            self.finish()

    def finish(self):
        from PySide6.QtCore import QCoreApplication

        self.recorder.stop()
        self.probe.stop()
        self.s.pause()
        QCoreApplication.exit(0)


MAX_SLOPE = 0.15  # MB per minute over the second half: above this, memory is growing


def slope_mb_per_min(rows) -> float:
    """Least-squares slope of RSS against time (MB per minute)."""
    if len(rows) < 2:
        return float("nan")
    t = [r["seconds"] / 60 for r in rows]
    m = [r["rss_mb"] for r in rows]
    tm, mm = statistics.fmean(t), statistics.fmean(m)
    den = sum((x - tm) ** 2 for x in t)
    return sum((x - tm) * (y - mm) for x, y in zip(t, m)) / den if den else float("nan")


def verdict(rows) -> tuple[bool, float, float, float]:
    """(grew, median RSS of the 2nd quarter, of the last quarter, slope of the second half).

    Memory grew after warm-up when the last quarter's median is more than 2 % + 5 MB above the
    second quarter's, or when RSS over the second half still rises by more than MAX_SLOPE MB/min.
    """
    n = len(rows)
    if n < 4:
        return False, float("nan"), float("nan"), float("nan")
    q = n // 4
    second = [r["rss_mb"] for r in rows[q:2 * q]]
    last = [r["rss_mb"] for r in rows[n - q:]]
    a, b = statistics.median(second), statistics.median(last)
    slope = slope_mb_per_min(rows[n // 2:])
    return b > a * 1.02 + 5.0 or slope > MAX_SLOPE, a, b, slope


def draw_png(rows, path: str, title: str) -> None:
    """Two panels (RSS, event-loop latency) over time, drawn with QPainter."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    W, H, M = 1000, 640, 60
    img = QImage(W, H, QImage.Format_ARGB32)
    img.fill(Qt.white)
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    p.setFont(QFont("DejaVu Sans", 9))
    p.drawText(QRectF(0, 5, W, 20), Qt.AlignCenter, title)
    xs = [r["seconds"] / 60 for r in rows] or [0.0]
    x0, x1 = 0.0, max(xs[-1], 1e-6)
    panels = [("RSS (MB)", [("rss_mb", QColor("#1f77b4"))], 30),
              ("event-loop latency (ms)", [("latency_max_ms", QColor("#ff7f0e")),
                                           ("latency_median_ms", QColor("#2ca02c"))], 335)]
    for label, series, top in panels:
        box = QRectF(M, top, W - 2 * M, 260)
        vals = [r[k] for k, _ in series for r in rows] or [0.0]
        lo, hi = (0.0 if "latency" in label else min(vals) * 0.95), max(vals) * 1.05 + 1e-9
        p.setPen(QPen(QColor("#888")))
        p.drawRect(box)
        for i in range(5):  # y grid and labels
            v = lo + (hi - lo) * i / 4
            y = box.bottom() - box.height() * i / 4
            p.setPen(QPen(QColor("#ddd")))
            p.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
            p.setPen(QPen(Qt.black))
            p.drawText(QRectF(0, y - 8, M - 4, 16), Qt.AlignRight | Qt.AlignVCenter, f"{v:.0f}")
        for i in range(6):  # x labels (minutes)
            v = x0 + (x1 - x0) * i / 5
            x = box.left() + box.width() * i / 5
            p.drawText(QRectF(x - 30, box.bottom() + 2, 60, 16), Qt.AlignCenter, f"{v:.1f}")
        p.drawText(QRectF(box.left(), top - 18, 400, 16), Qt.AlignLeft, label)
        legend_x = box.right() - 335  # inside the panel: above it sits the title
        for k, color in series:
            pen = QPen(color)
            pen.setWidthF(1.6)
            p.setPen(pen)
            pts = [QPointF(box.left() + box.width() * (x - x0) / (x1 - x0),
                           box.bottom() - box.height() * (r[k] - lo) / (hi - lo))
                   for x, r in zip(xs, rows)]
            for a, b in zip(pts, pts[1:]):
                p.drawLine(a, b)
            p.drawText(QRectF(legend_x, top + 4, 160, 16), Qt.AlignLeft, k)
            legend_x += 165
    p.setPen(QPen(Qt.black))
    p.drawText(QRectF(0, H - 22, W, 16), Qt.AlignCenter, "minutes of training")
    p.end()
    img.save(path)


def main(argv=None) -> int:
    args = parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="nnviz-soak-")
    os.environ.setdefault("NNVIZ_LOG_DIR", os.path.join(tmp, "logs"))
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, os.path.join(tmp, "settings"))
    from nnviz.ui.shell import crash
    from nnviz.ui.shell.app import create_app
    from nnviz.ui.shell.autosave import AutosaveManager
    from nnviz.ui.shell.main_window import MainWindow

    app = create_app([sys.argv[0]])
    handler = crash.install()
    win = MainWindow()
    sessions = AutosaveManager(folder=Path(tmp) / "sessions", interval_ms=60_000, parent=app)
    sessions.attach(win)
    sessions.start()
    soak = Soak(args, win, sessions)
    autosaves = []
    sessions.autosaved.connect(autosaves.append)
    win.startup_finished.connect(soak.begin)
    win.show()
    code = app.exec()
    sessions.release()
    win.model.shutdown()
    if code == 2 or not soak.rows:
        return 2
    with open(args.csv, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(soak.rows[0]))
        w.writeheader()
        w.writerows(soak.rows)
    grew, a, b, slope = verdict(soak.rows)
    lat_max = max(r["latency_max_ms"] for r in soak.rows)
    lat_med = statistics.median(r["latency_median_ms"] for r in soak.rows)
    title = (f"nnviz soak: {args.lesson}, {soak.rows[-1]['seconds'] / 60:.1f} min, "
             f"{soak.rows[-1]['samples_seen']:,} samples; RSS median Q2 {a:.0f} MB -> Q4 "
             f"{b:.0f} MB")
    draw_png(soak.rows, args.png, title)
    print(f"soak: {len(soak.rows)} records, {soak.rows[-1]['samples_seen']:,} samples, "
          f"epoch {soak.rows[-1]['epoch']}, play restarts {soak.restarts}")
    print(f"soak: RSS first {soak.rows[0]['rss_mb']:.0f} MB, median 2nd quarter {a:.1f} MB, "
          f"median last quarter {b:.1f} MB, peak {max(r['rss_mb'] for r in soak.rows):.0f} MB, "
          f"slope of the second half {slope:+.3f} MB/min (limit {MAX_SLOPE})")
    print(f"soak: event-loop latency median {lat_med:.1f} ms, worst {lat_max:.0f} ms "
          f"(probe every {PROBE_MS} ms)")
    print(f"soak: autosaves written {len(autosaves)}, uncaught exceptions {handler.count}")
    print(f"soak: memory {'GREW' if grew else 'did not grow'} after warm-up; "
          f"csv {os.path.abspath(args.csv)}, plot {os.path.abspath(args.png)}")
    return 1 if grew or handler.count else 0


if __name__ == "__main__":
    sys.exit(main())
