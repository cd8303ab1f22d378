#!/usr/bin/env python3
"""Measure start-to-window time of ``python -m nnviz`` (wall clock, from process launch).

Runs the app N times with NNVIZ_STARTUP_PROBE=1: the app prints the time of its first show
event and of the first lesson being ready, then quits.  The first run warms the OS file cache;
the median of the later runs is reported.  Needs a display (Xvfb) or QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def once(env) -> tuple[float, float]:
    t0 = time.time()
    out = subprocess.run([sys.executable, "-m", "nnviz"], env=env, capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    shown = ready = None
    for line in out.stdout.splitlines():
        if line.startswith("NNVIZ_SHOWN"):
            shown = float(line.split()[1]) - t0
        elif line.startswith("NNVIZ_READY"):
            ready = float(line.split()[1]) - t0
    if shown is None:
        raise SystemExit(f"the app did not report its first show:\n{out.stdout}\n{out.stderr}")
    return shown, ready


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ, NNVIZ_STARTUP_PROBE="1")
    if "DISPLAY" not in env and "WAYLAND_DISPLAY" not in env:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    once(env)  # warm-up (file cache, .pyc)
    results = [once(env) for _ in range(runs)]
    shown = [s for s, _ in results]
    ready = [r for _, r in results if r is not None]
    print(f"window shown : median {statistics.median(shown):.3f} s "
          f"(min {min(shown):.3f}, max {max(shown):.3f}, {runs} runs)")
    if ready:
        print(f"lesson ready : median {statistics.median(ready):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
