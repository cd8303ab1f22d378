"""Autosave for a lab of many accounts, and nothing lost to a crash (issues 14 and 18): the
user's own state folder, stale temporary files, a broken autosave kept aside, nothing written
over a crashed run's autosave before the offer, failures said in a lasting message, the end of
every epoch saved, the trainer's own weights when the screen lags, every run setting restored.
"""

import sys

import numpy as np
import pytest
from session_support import WAIT
from session_support import start_manager as _manager

from nnviz.core.files.session import load_session, save_session
from nnviz.ui.shell.autosave import AUTOSAVE_NAME, LOCK_NAME, capture, restore


def test_the_autosave_lives_in_the_users_own_state_folder(monkeypatch, tmp_path):
    from nnviz.ui.shell.autosave import state_dir

    monkeypatch.delenv("NNVIZ_STATE_DIR", raising=False)
    monkeypatch.setenv("NNVIZ_DATA_DIR", str(tmp_path / "shared-lab-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "alice"))
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    if sys.platform.startswith("linux"):
        assert state_dir() == tmp_path / "alice" / ".local" / "state" / "nnviz"
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
        assert state_dir() == tmp_path / "xdg" / "nnviz"
    assert "shared-lab-data" not in str(state_dir())
    monkeypatch.setenv("NNVIZ_STATE_DIR", str(tmp_path / "mine"))
    assert state_dir() == tmp_path / "mine"


def test_the_state_folder_is_private_and_stale_temporary_files_go(window, tmp_path):
    folder = tmp_path / "state"
    folder.mkdir()
    stale = [folder / f".{AUTOSAVE_NAME}.{k}.tmp" for k in ("abc123", "x_9")]
    for p in stale:
        p.write_bytes(b"half an autosave")
    other = folder / "notes.txt"
    other.write_text("mine")
    m = _manager(window, folder)
    try:
        assert not any(p.exists() for p in stale) and other.exists()
    finally:
        window.unsaved_guard = None
        m.release()
    fresh = _manager(window, tmp_path / "new" / "state")
    try:
        assert (tmp_path / "new" / "state").stat().st_mode & 0o777 == 0o700
    finally:
        window.unsaved_guard = None
        fresh.release()


def test_a_truncated_autosave_is_kept_aside_and_the_student_is_told(window, tmp_path,
                                                                   monkeypatch):
    folder = tmp_path / "sessions"
    folder.mkdir()
    window.open_lesson("xor-backprop-2")
    save_session(folder / AUTOSAVE_NAME, capture(window))
    data = (folder / AUTOSAVE_NAME).read_bytes()
    (folder / AUTOSAVE_NAME).write_bytes(data[: len(data) // 2])
    m = _manager(window, folder)
    m.crashed, m._may_write = True, False
    m.ask_restore = lambda: True
    try:
        assert not m.offer_restore()
        kept = list(folder.glob("autosave.broken-*.npz"))
        assert len(kept) == 1 and kept[0].read_bytes() == data[: len(data) // 2]
        assert not (folder / AUTOSAVE_NAME).exists()  # the next autosave overwrites nothing
        box = m.notice_box
        assert box is not None and box.isVisible() and not box.isModal()
        assert str(kept[0]) in box.text()
        window.model.edit_weight(0, 0, 0, 0.5)
        assert m.autosave()
        assert kept[0].read_bytes() == data[: len(data) // 2]
    finally:
        window.unsaved_guard = None
        m.release()


def test_after_a_crash_nothing_is_written_before_the_offer(window, tmp_path, monkeypatch):
    folder = tmp_path / "sessions"
    folder.mkdir()
    window.open_lesson("xor-backprop-2")
    window.model.edit_weight(0, 0, 0, 0.5)
    save_session(folder / AUTOSAVE_NAME, capture(window))
    saved = (folder / AUTOSAVE_NAME).read_bytes()
    import socket

    (folder / LOCK_NAME).write_text(f"999999999\npython\n{socket.gethostname()}\n")
    m = _manager(window, folder)
    try:
        assert m.crashed
        window.open_lesson("perceptron-or")  # start-up opens the last lesson …
        window.model.edit_weight(0, 0, 0, 0.9)
        assert not m.autosave(force=True)  # … which must not replace the crashed work
        assert (folder / AUTOSAVE_NAME).read_bytes() == saved
        m.ask_restore = lambda: True
        assert m.offer_restore() and window.model.network.W[0][0, 0] == 0.5
        window.model.edit_weight(0, 0, 0, 0.7)
        assert m.autosave()  # after the offer, autosave works again
    finally:
        window.unsaved_guard = None
        m.release()


def test_a_failing_autosave_says_so_in_a_lasting_message(window, tmp_path):
    m = _manager(window, tmp_path / "s")
    try:
        m.writer.path = m.autosave_path = tmp_path / "s" / "a-folder"
        m.autosave_path.mkdir()
        window.model.edit_weight(0, 0, 0, 0.5)
        assert not m.autosave()
        assert m.notice_box is not None and m.notice_box.isVisible()
        assert "Autosave failed" in m.notice_box.text()
    finally:
        window.unsaved_guard = None
        m.release()


def test_the_end_of_an_epoch_is_autosaved_without_waiting_for_the_timer(window, qtbot,
                                                                       tmp_path):
    m = _manager(window, tmp_path / "s", interval_ms=3_600_000)
    try:
        window.open_lesson("xor-backprop-2")
        with qtbot.waitSignal(m.autosaved, timeout=WAIT):
            window.model.run.step("epoch")
        qtbot.waitUntil(lambda: not window.model.run.busy, timeout=WAIT)
        assert load_session(tmp_path / "s" / AUTOSAVE_NAME).epoch == 1
    finally:
        window.unsaved_guard = None
        m.release()


def test_the_timer_saves_the_trainers_weights_when_the_screen_lags(window, qtbot, tmp_path):
    """Refresh "only at the end": nothing reaches the screen while training, yet the autosave
    holds the run's progress (taken from the trainer between two steps)."""
    m = _manager(window, tmp_path / "s", interval_ms=3_600_000)
    s = window.model.run
    try:
        window.open_lesson("xor-backprop-2")
        s.set_epochs(100_000)
        s.set_play_settings(every=0, delay=0.0)  # only at the end
        assert s.play()
        qtbot.waitUntil(lambda: s.trainer is not None and s.trainer.epoch > 50, timeout=WAIT)
        with qtbot.waitSignal(m.autosaved, timeout=WAIT):
            m._on_timer_timeout()
        saved = load_session(tmp_path / "s" / AUTOSAVE_NAME)
        assert s.epoch == 0 and saved.epoch > 50  # the screen still shows the start
        assert not np.array_equal(saved.params, window.model.network.params)
    finally:
        s.pause()
        qtbot.waitUntil(lambda: not s.busy, timeout=WAIT)
        window.unsaved_guard = None
        m.release()


def test_a_restore_brings_back_every_run_setting_and_the_panels(window, qtbot, tmp_path):
    window.open_lesson("xor-backprop-2")
    s, bar = window.model.run, window.run_controls
    s.set_play_settings(play_unit="sample", every=10, delay=0.3, until_epoch=7,
                        until_accuracy=0.9)
    window.docks["inspector"].hide()
    window.docks["explanation"].show()
    session = capture(window)
    save_session(tmp_path / "w.npz", session)

    window.open_lesson("perceptron-and")  # everything back to that lesson's defaults
    window.docks["inspector"].show()
    window.docks["explanation"].hide()
    restore(window, load_session(tmp_path / "w.npz"))
    assert (s.play_unit, s.every, s.delay, s.until_epoch, s.until_accuracy) == (
        "sample", 10, 0.3, 7, 0.9)
    assert bar.refresh.currentData() == ("sample", 10)  # the run bar shows them too
    assert bar.stop_epoch.value() == 7 and bar.stop_acc.value() == pytest.approx(90)
    assert bar.speed.value() == 300
    assert window.docks["inspector"].isHidden() and not window.docks["explanation"].isHidden()
