"""Sessions in the window: capture/restore, autosave only on change, crash detection, the
unsaved-work question on close and on a lesson switch, File → Open of good and bad files."""


import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox
from session_support import WAIT
from session_support import start_manager as _manager

from nnviz.core.files.session import load_session, save_session
from nnviz.ui.shell import autosave
from nnviz.ui.shell.autosave import (
    AUTOSAVE_NAME,
    LOCK_NAME,
    autosave_interval_ms,
    capture,
    restore,
)


def _train_a_little(window, qtbot, epochs=3):
    s = window.model.run
    for _ in range(epochs):
        s.step("epoch")
    qtbot.waitUntil(lambda: not s.busy and s.epoch >= epochs, timeout=WAIT)


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
    from nnviz.core.files.io import load_model

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


def test_a_short_demo_run_is_not_unsaved_work(window, qtbot, manager):
    """Play for a moment to watch: switching lessons does not ask to save (issue 16)."""
    window.open_lesson("xor-backprop-2")
    assert not manager.unsaved()
    _train_a_little(window, qtbot, 1)
    assert window.model.run.last.seconds < autosave.TRAINED_WORK_SECONDS
    assert not manager.unsaved()
    manager.ask = lambda: pytest.fail("asked after a demo run")
    window.open_lesson("perceptron-and")
    assert window.model.preset.id == "perceptron-and"


def test_a_long_run_counts_as_unsaved_work(window, qtbot, manager, monkeypatch):
    window.open_lesson("xor-backprop-2")
    _train_a_little(window, qtbot, 1)
    seconds = window.model.run.last.seconds
    monkeypatch.setattr(autosave, "TRAINED_WORK_SECONDS", seconds)  # as if it ran that long
    assert manager.unsaved()


def test_hand_edits_after_a_demo_run_are_unsaved_work(window, qtbot, manager):
    window.open_lesson("xor-backprop-2")
    _train_a_little(window, qtbot, 1)
    window.model.edit_weight(0, 0, 0, 0.25)
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
