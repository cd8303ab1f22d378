"""Acceptance (issues 8 and 18): kill the app with SIGKILL mid-training, start it again, and the
restore offer brings back the last autosave, which is at most one epoch behind; two accounts of
one lab PC, sharing the data folder, both autosave at the same time.

Every run is the real app in a process of its own (``tests/ui/hooked_app.py``, offscreen) in a
temporary HOME: it opens a lesson and trains (``NNVIZ_TEST_LESSON``/``NNVIZ_TEST_PLAY``) and
prints what it does (``NNVIZ_TEST_PRINT``: ``NNVIZ_EPOCH``, ``NNVIZ_AUTOSAVED``).  The next run
answers the restore offer (``NNVIZ_TEST_RESTORE=accept``) and prints the restored weights'
checksum.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nnviz.core.files.session import load_session
from nnviz.core.lessons.datasets import DatasetNotFound, locate_mnist

ROOT = Path(__file__).resolve().parents[2]
HOOKED_APP = Path(__file__).with_name("hooked_app.py")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


def _env(home: Path, data: Path, **extra):
    """A student's account: its own HOME (state, settings, caches), ``data`` for data sets."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("NNVIZ_", "XDG_")) or k == "NNVIZ_REQUIRE_MNIST"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), NNVIZ_DATA_DIR=str(data),
               NNVIZ_LOG_DIR=str(home / "logs"), PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    if "NUMBA_CACHE_DIR" in os.environ:
        env["NUMBA_CACHE_DIR"] = os.environ["NUMBA_CACHE_DIR"]
    env.update(extra)
    return env


def _state(home: Path) -> Path:
    return home / ".local" / "state" / "nnviz"  # the XDG default: the account's own


def _start(cwd: Path, env: dict, log: Path):
    out = open(log, "w+")  # noqa: SIM115 - closed by _stop
    return subprocess.Popen([sys.executable, str(HOOKED_APP)], cwd=cwd, stdout=out,
                            stderr=subprocess.STDOUT, env=env), out


def _lines(out, word: str) -> list[list[str]]:
    out.seek(0)
    return [ln.split() for ln in out.read().splitlines() if ln.startswith(word)]


def _wait(app, out, ready, what: str, seconds: float = 240):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        assert app.poll() is None, f"the app exited before {what}"
        time.sleep(0.1)
    out.seek(0)
    pytest.fail(f"no {what} within {seconds} s:\n{out.read()[-3000:]}")


def _kill(app, out):
    if app.poll() is None:
        app.send_signal(signal.SIGKILL)
        app.wait(30)
    out.close()


def _restore(tmp_path, env):
    second = subprocess.run(
        [sys.executable, str(HOOKED_APP)], cwd=tmp_path, capture_output=True, text=True,
        timeout=240, env={**env, "NNVIZ_TEST_RESTORE": "accept", "NNVIZ_TEST_PRINT": "1",
                          "NNVIZ_TEST_QUIT_AFTER_RESTORE": "1"})
    assert second.returncode == 0, second.stdout + second.stderr
    lines = [ln.split() for ln in second.stdout.splitlines() if ln.startswith("NNVIZ_RESTORED")]
    assert lines, second.stdout + second.stderr
    return lines[0][1:]


def test_sigkill_mid_training_then_restore(tmp_path):
    home, data = tmp_path / "home", tmp_path / "data"
    env = _env(home, data)
    app, out = _start(tmp_path, {**env, "NNVIZ_TEST_LESSON": "xor-backprop-2",
                                 "NNVIZ_TEST_PLAY": "1", "NNVIZ_TEST_PLAY_DELAY": "0.05",
                                 "NNVIZ_AUTOSAVE_SECONDS": "1", "NNVIZ_TEST_PRINT": "1"},
                      tmp_path / "run1.txt")
    autosave = _state(home) / "autosave.npz"
    try:
        # an autosave of a run well in progress (weights have moved, curves have points)
        _wait(app, out, lambda: any(int(a[2]) >= 30 for a in _lines(out, "NNVIZ_AUTOSAVED")),
              "autosave at epoch 30")
        assert app.poll() is None  # still training: killed mid-run
    finally:
        _kill(app, out)
    assert app.returncode == -signal.SIGKILL
    assert (_state(home) / "nnviz.lock").exists()  # the marker stayed behind
    assert not (data / "sessions").exists()  # nothing of the session in the data folder
    saved = load_session(autosave)
    assert saved.lesson == "xor-backprop-2" and saved.epoch > 0 and len(saved.history) > 1

    in_file, on_screen = _restore(tmp_path, env)
    assert in_file == saved.checksum()  # the autosave that was restored ...
    assert on_screen == saved.checksum()  # ... is exactly what the window shows
    assert not (_state(home) / "nnviz.lock").exists()  # clean exit this time


def test_sigkill_loses_at_most_one_mnist_epoch(tmp_path):
    """The MNIST course lesson (one epoch per refresh) with the 30 s timer out of the way: the
    end-of-epoch autosaves alone keep a crash to at most one epoch lost."""
    try:
        data = locate_mnist("mnist").parent
    except DatasetNotFound as exc:
        if os.environ.get("NNVIZ_REQUIRE_MNIST") == "1":
            pytest.fail(f"NNVIZ_REQUIRE_MNIST=1 but MNIST is missing: {exc}")
        pytest.skip(f"MNIST not installed: {exc}")
    home = tmp_path / "home"
    env = _env(home, data)
    app, out = _start(tmp_path, {**env, "NNVIZ_TEST_LESSON": "mnist-course",
                                 "NNVIZ_TEST_EPOCHS": "50", "NNVIZ_TEST_PLAY": "1",
                                 "NNVIZ_AUTOSAVE_SECONDS": "3600", "NNVIZ_TEST_PRINT": "1"},
                      tmp_path / "mnist.txt")
    try:
        _wait(app, out, lambda: any(int(e[1]) >= 3 for e in _lines(out, "NNVIZ_EPOCH")),
              "third epoch", seconds=480)
        shown = max(int(e[1]) for e in _lines(out, "NNVIZ_EPOCH"))
        assert app.poll() is None
    finally:
        _kill(app, out)
    saved = load_session(_state(home) / "autosave.npz")
    assert saved.lesson == "mnist-course"
    assert saved.epoch >= shown - 1, (saved.epoch, shown)  # at most one epoch lost
    in_file, on_screen = _restore(tmp_path, env)
    assert in_file == on_screen == saved.checksum()


def test_two_accounts_on_one_pc_both_autosave(tmp_path):
    """Alice and Bob share the lab's data folder; each has a HOME.  Both runs autosave (the
    lock and the autosave are per account: "Another nnviz is running" was the old outcome)."""
    shared = tmp_path / "lab-data"
    runs = []
    try:
        for name in ("alice", "bob"):
            env = _env(tmp_path / name, shared, NNVIZ_TEST_LESSON="xor-backprop-2",
                       NNVIZ_TEST_PLAY="1", NNVIZ_TEST_PLAY_DELAY="0.05",
                       NNVIZ_AUTOSAVE_SECONDS="1", NNVIZ_TEST_PRINT="1")
            runs.append(_start(tmp_path, env, tmp_path / f"{name}.txt"))
        for (app, out), name in zip(runs, ("alice", "bob"), strict=True):
            _wait(app, out, lambda out=out: _lines(out, "NNVIZ_AUTOSAVED"), f"{name}'s autosave")
        for (app, _out), name in zip(runs, ("alice", "bob"), strict=True):
            assert app.poll() is None  # both still running, side by side
            assert load_session(_state(tmp_path / name) / "autosave.npz").lesson == \
                "xor-backprop-2"
            assert (_state(tmp_path / name) / "nnviz.lock").exists()
    finally:
        for app, out in runs:
            _kill(app, out)
    assert not (shared / "sessions").exists()
