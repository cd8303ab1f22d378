"""Acceptance (issue 8): kill the app with SIGKILL mid-training, start it again, and the restore
offer brings back the last autosaved weights.

Both runs are the real app in a process of its own (``tests/ui/hooked_app.py``, offscreen) in a
temporary HOME/XDG/data folder: the first opens a lesson and trains
(``NNVIZ_TEST_LESSON``/``NNVIZ_TEST_PLAY``) with a one-second autosave; once an autosave exists
it is killed with SIGKILL.  The second answers the restore offer (``NNVIZ_TEST_RESTORE=accept``)
and prints the restored weights' checksum.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nnviz.core.session import load_session

ROOT = Path(__file__).resolve().parents[2]
HOOKED_APP = Path(__file__).resolve().with_name("hooked_app.py")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


def _env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NNVIZ_TEST")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), NNVIZ_DATA_DIR=str(tmp_path / "nd"),
               NNVIZ_LOG_DIR=str(tmp_path / "logs"), PYTHONPATH=str(ROOT),
               PYTHONUNBUFFERED="1")
    if "NUMBA_CACHE_DIR" in os.environ:
        env["NUMBA_CACHE_DIR"] = os.environ["NUMBA_CACHE_DIR"]
    env.update(extra)
    return env


def test_sigkill_mid_training_then_restore(tmp_path):
    autosave = tmp_path / "nd" / "sessions" / "autosave.npz"
    out = open(tmp_path / "run1.txt", "w+")  # noqa: SIM115
    app = subprocess.Popen(
        [sys.executable, str(HOOKED_APP)], cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
        env=_env(tmp_path, NNVIZ_TEST_LESSON="xor-backprop-2", NNVIZ_TEST_PLAY="1",
                 NNVIZ_TEST_PLAY_DELAY="0.05", NNVIZ_AUTOSAVE_SECONDS="1",
                 NNVIZ_TEST_PRINT="1"))
    try:
        deadline = time.monotonic() + 180
        # two autosaves: the second one is of a run in progress (weights have moved)
        while time.monotonic() < deadline:
            out.seek(0)
            if out.read().count("NNVIZ_AUTOSAVED") >= 2 and autosave.is_file():
                break
            assert app.poll() is None, "the app exited before it was killed"
            time.sleep(0.2)
        else:
            pytest.fail("no autosave within 180 s")
        assert app.poll() is None  # still training: killed mid-run
        app.send_signal(signal.SIGKILL)
        app.wait(30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(30)
        out.close()
    assert app.returncode == -signal.SIGKILL
    assert (tmp_path / "nd" / "sessions" / "nnviz.lock").exists()  # the marker stayed behind
    saved = load_session(autosave)
    assert saved.lesson == "xor-backprop-2" and saved.epoch > 0 and len(saved.history) > 1

    second = subprocess.run(
        [sys.executable, str(HOOKED_APP)], cwd=tmp_path, capture_output=True, text=True,
        timeout=180, env=_env(tmp_path, NNVIZ_TEST_RESTORE="accept", NNVIZ_TEST_PRINT="1",
                              NNVIZ_TEST_QUIT_AFTER_RESTORE="1"))
    assert second.returncode == 0, second.stdout + second.stderr
    lines = [ln.split() for ln in second.stdout.splitlines() if ln.startswith("NNVIZ_RESTORED")]
    assert lines, second.stdout + second.stderr
    _, in_file, on_screen = lines[0]
    assert in_file == saved.checksum()  # the autosave that was restored ...
    assert on_screen == saved.checksum()  # ... is exactly what the window shows
    assert not (tmp_path / "nd" / "sessions" / "nnviz.lock").exists()  # clean exit this time
