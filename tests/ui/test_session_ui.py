"""Sessions in the window: capture/restore, autosave only on change, crash detection, the
unsaved-work question on close and on a lesson switch, File → Open of good and bad files."""

import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from nnviz.core.session import load_session, save_session
from nnviz.ui.shell.autosave import (
    AUTOSAVE_NAME,
    LOCK_NAME,
    AutosaveManager,
    autosave_interval_ms,
    capture,
    restore,
)

WAIT = 20000


def _train_a_little(window, qtbot, epochs=3):
    s = window.model.run
    for _ in range(epochs):
        s.step("epoch")
    qtbot.waitUntil(lambda: not s.busy and s.epoch >= epochs, timeout=WAIT)


def _manager(window, folder, interval_ms=60_000):
    """A manager that answers "discard" (pytest-qt closes the window before fixtures end)."""
    m = AutosaveManager(folder=folder, interval_ms=interval_ms)
    m.ask = lambda: QMessageBox.Discard
    m.attach(window)
    m.start()
    return m


@pytest.fixture
def manager(window, tmp_path):
    m = _manager(window, tmp_path / "sessions")
    m.offer_restore()  # what start-up does: the opening lesson is not a change
    yield m
    window.unsaved_guard = None  # the fixture's teardown closes the window without asking
    m.release()


def test_capture_and_restore_bring_back_the_run(window, qtbot, tmp_path):
    window.open_lesson("xor-backprop-2")
    s = window.model.run
    s.set_lr(0.7)
    _train_a_little(window, qtbot)
    session = capture(window)
    path = tmp_path / "work.npz"
    save_session(path, session)
    params, evals = window.model.network.params.copy(), list(s.evals)
    assert session.epoch == 3 and len(evals) >= 4

    window.open_lesson("perceptron-and")  # something else entirely
    assert window.model.preset.id == "perceptron-and"
    restore(window, load_session(path))
    assert window.model.preset.id == "xor-backprop-2"
    assert np.array_equal(window.model.network.params, params)
    assert s.spec.lr == 0.7 and s.epoch == 3 and s.samples_seen == session.samples_seen
    assert [e.samples_seen for e in s.evals] == [e.samples_seen for e in evals]
    assert window.plots.point_count() == len(evals)
    assert "epoch 3 " in window.run_controls.counters.text()
    assert window.hyper.lr.value() == 0.7
    # training goes on from the restored counters and weights
    s.step("epoch")
    qtbot.waitUntil(lambda: not s.busy and s.epoch == 4, timeout=WAIT)
    assert s.samples_seen == session.samples_seen + 4


def test_autosave_only_when_something_changed(window, qtbot, manager):
    window.open_lesson("xor-backprop-2")
    manager.mark_saved()
    assert not manager.autosave()  # nothing changed
    _train_a_little(window, qtbot, 1)  # the epoch's end is autosaved in the background
    qtbot.waitUntil(lambda: not manager.writer.busy, timeout=WAIT)
    if manager.changed:  # a change after the epoch's capture (the order of the run's signals)
        assert manager.autosave()
    path = manager.folder / AUTOSAVE_NAME
    saved = load_session(path)
    assert np.array_equal(saved.params, window.model.network.params) and saved.epoch == 1
    mtime = path.stat().st_mtime_ns
    assert not manager.autosave()  # nothing new
    assert path.stat().st_mtime_ns == mtime
    window.model.edit_weight(0, 0, 0, 0.375)
    assert manager.autosave()  # an edit is new
    assert load_session(path).params[0] == 0.375


def test_autosave_runs_on_the_timer(window, qtbot, tmp_path):
    m = _manager(window, tmp_path / "s", 200)
    try:
        window.model.edit_weight(0, 0, 0, 0.123)
        with qtbot.waitSignal(m.autosaved, timeout=5000):
            pass
        assert load_session(tmp_path / "s" / AUTOSAVE_NAME).params[0] == pytest.approx(0.123)
    finally:
        window.unsaved_guard = None
        m.release()


def test_autosave_interval_setting(monkeypatch):
    from nnviz.ui.shell.app import settings

    monkeypatch.delenv("NNVIZ_AUTOSAVE_SECONDS", raising=False)
    assert autosave_interval_ms() == 30_000  # default: a crash loses at most 30 s (issue 18)
    settings().setValue("session/autosave_minutes", 0.25)
    assert autosave_interval_ms() == 15_000
    settings().setValue("session/autosave_minutes", 5)
    assert autosave_interval_ms() == 30_000  # longer is not allowed
    for junk in ("abc", "nan", "-3", "inf", "", "1e999"):
        settings().setValue("session/autosave_minutes", junk)
        assert autosave_interval_ms() == 30_000
    monkeypatch.setenv("NNVIZ_AUTOSAVE_SECONDS", "1.5")
    assert autosave_interval_ms() == 1500
    monkeypatch.setenv("NNVIZ_AUTOSAVE_SECONDS", "0.0001")
    assert autosave_interval_ms() == 200  # floor


def test_a_lock_left_by_a_dead_process_means_a_crash(window, tmp_path, monkeypatch):
    import socket

    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / LOCK_NAME).write_text(f"999999999\npython\n{socket.gethostname()}\n")
    window.open_lesson("xor-backprop-2")
    window.model.edit_weight(0, 0, 0, 0.5)
    save_session(folder / AUTOSAVE_NAME, capture(window))
    window.open_lesson("perceptron-or")

    m = _manager(window, folder, 60_000)
    try:
        assert m.crashed
        m.ask_restore = lambda: True
        assert m.offer_restore()
        assert window.model.preset.id == "xor-backprop-2"
        assert window.model.network.W[0][0, 0] == 0.5
    finally:
        window.unsaved_guard = None
        m.release()
    assert not (folder / LOCK_NAME).exists()  # a clean exit removes it


def test_discarding_the_offer_keeps_the_current_lesson(window, tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    window.open_lesson("xor-backprop-2")
    save_session(folder / AUTOSAVE_NAME, capture(window))
    window.open_lesson("perceptron-or")
    m = _manager(window, folder, 60_000)
    m.crashed = True
    m.ask_restore = lambda: False
    try:
        assert not m.offer_restore()
        assert window.model.preset.id == "perceptron-or"
        assert not (folder / AUTOSAVE_NAME).exists()  # not offered again
    finally:
        window.unsaved_guard = None
        m.release()


def test_a_corrupt_autosave_is_reported_not_offered(window, tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / AUTOSAVE_NAME).write_bytes(b"PK\x03\x04 garbage")
    m = _manager(window, folder, 60_000)
    m.crashed = True
    asked = []
    m.ask_restore = lambda: asked.append(1) or True
    try:
        lesson = window.model.preset.id
        assert not m.offer_restore()
        assert asked == []  # an unreadable autosave is not offered
        assert window.model.preset.id == lesson
    finally:
        window.unsaved_guard = None
        m.release()


def test_a_second_instance_does_not_autosave(window, tmp_path):
    first = _manager(window, tmp_path / "s", 60_000)
    second = _manager(window, tmp_path / "s", 60_000)
    try:
        assert first.lock is not None and second.lock is None and second.other_instance
        assert not second.autosave(force=True)
    finally:
        window.unsaved_guard = None
        first.release()
        second.release()


@pytest.mark.parametrize("answer, closes", [(QMessageBox.Cancel, False),
                                            (QMessageBox.Discard, True)])
def test_closing_with_unsaved_weights_asks(window, manager, answer, closes):
    window.open_lesson("xor-backprop-2")
    asked = []
    manager.ask = lambda: asked.append(1) or answer
    assert window.close()  # nothing changed: no question
    assert not asked
    window.show()
    window.model.edit_weight(0, 0, 0, 0.25)
    assert window.close() is closes
    assert asked == [1]
    assert window.isVisible() is not closes


def test_close_with_save_writes_the_file(window, manager, tmp_path):
    window.open_lesson("xor-backprop-2")
    path = str(tmp_path / "m.npz")
    window.save_file(path)
    window.model.edit_weight(0, 0, 0, 0.25)
    manager.ask = lambda: QMessageBox.Save
    autosaves = []
    manager.autosaved.connect(autosaves.append)
    assert window.close()
    from nnviz.core.io import load_model

    net, _ = load_model(path)
    assert net.W[0][0, 0] == 0.25
    assert autosaves  # and the exit autosave was written


def test_switching_lessons_with_unsaved_weights_asks(window, manager):
    window.open_lesson("xor-backprop-2")
    window.model.edit_weight(0, 0, 0, 0.25)
    manager.ask = lambda: QMessageBox.Cancel
    window.open_lesson("perceptron-and")
    assert window.model.preset.id == "xor-backprop-2"  # cancelled: nothing lost
    assert window.picker.current_id() == "xor-backprop-2"
    manager.ask = lambda: QMessageBox.Discard
    window.open_lesson("perceptron-and")
    assert window.model.preset.id == "perceptron-and"
    # a fresh lesson is not "unsaved": switching again does not ask
    manager.ask = lambda: pytest.fail("asked without a change")
    window.open_lesson("xor-backprop-2")


def test_training_counts_as_unsaved_work(window, qtbot, manager):
    window.open_lesson("xor-backprop-2")
    assert not manager.unsaved()
    _train_a_little(window, qtbot, 1)
    assert manager.unsaved()


def test_file_open_restores_a_session(window, qtbot, tmp_path):
    window.open_lesson("xor-backprop-2")
    _train_a_little(window, qtbot, 2)
    path = tmp_path / "mine.npz"
    save_session(path, capture(window))
    params = window.model.network.params.copy()
    window.open_lesson("perceptron-and")
    assert window.open_file(str(path))
    assert window.model.preset.id == "xor-backprop-2"
    assert np.array_equal(window.model.network.params, params)
    assert window.model.run.epoch == 2


@pytest.mark.parametrize("content", [
    b"", b"PK\x03\x04truncated", b"\x80\x04K\x01.", b"garbage" * 100,
])
def test_file_open_of_a_corrupt_file_keeps_the_work(window, tmp_path, monkeypatch, content):
    window.open_lesson("xor-backprop-2")
    window.model.edit_weight(0, 0, 0, 0.25)
    params = window.model.network.params.copy()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a, **k: warnings.append(a[2])))
    p = tmp_path / "bad.npz"
    p.write_bytes(content)
    assert not window.open_file(str(p))
    assert warnings and warnings[0]
    assert window.model.preset.id == "xor-backprop-2"
    assert np.array_equal(window.model.network.params, params)


def test_file_open_of_a_damaged_session_keeps_the_work(window, tmp_path, monkeypatch):
    window.open_lesson("xor-backprop-2")
    path = tmp_path / "s.npz"
    save_session(path, capture(window))
    data = bytearray(path.read_bytes())
    i = data.find(b'"layers"')
    data[i + 30:i + 60] = b"#" * 30  # the JSON is broken, the zip (stored) is intact
    path.write_bytes(bytes(data))
    window.open_lesson("perceptron-and")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a, **k: warnings.append(a[2])))
    assert not window.open_file(str(path))
    assert warnings and window.model.preset.id == "perceptron-and"


# -- a lab of many accounts; nothing lost to a crash (issues 14 and 18) ------------------------
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
