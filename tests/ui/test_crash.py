"""Uncaught exceptions: logged to the user log dir, shown once (rate-limited), app goes on."""

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from nnviz.ui.shell import crash


@pytest.fixture
def handler(qapp, tmp_path):
    h = crash.CrashHandler(tmp_path / "logs")
    yield h
    h.uninstall()
    if h.box is not None:
        box = h.box
        box.destroyed.disconnect()
        box.close()
        h.box = None


def _raise(exc):
    try:
        raise exc
    except BaseException:  # noqa: BLE001
        return sys.exc_info()


def test_an_exception_is_logged_and_shown_with_details(handler, qtbot):
    handler.excepthook(*_raise(ZeroDivisionError("boom in a slot")))
    text = handler.log_path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom in a slot" in text and "Traceback" in text
    box = handler.box
    assert box is not None and box.isVisible() and not box.isModal()
    assert "boom in a slot" in box.informativeText()
    assert "Traceback" in box.detailedText()
    copy = [b for b in box.buttons() if b.text() == "Copy"][0]
    copy.click()
    assert "ZeroDivisionError" in QApplication.clipboard().text()
    assert box.isVisible()  # copying does not close the box


def test_dialogs_are_rate_limited_but_everything_is_logged(handler, qtbot):
    for i in range(20):
        handler.excepthook(*_raise(ValueError(f"error {i}")))
    assert handler.count == 20 and handler.suppressed == 19
    assert len([w for w in QApplication.topLevelWidgets()
                if w is handler.box]) == 1
    text = handler.log_path.read_text(encoding="utf-8")
    assert all(f"error {i}" in text for i in range(20))
    handler.box.close()
    qtbot.waitUntil(lambda: handler.box is None or not handler.box.isVisible())
    handler.box = None
    handler.last_shown -= crash.MIN_INTERVAL  # later: the next one shows, counting the rest
    handler.excepthook(*_raise(ValueError("later")))
    assert "19 more errors" in handler.box.text()


def test_an_exception_while_showing_never_recurses(handler, monkeypatch):
    def broken(*a, **k):
        raise RuntimeError("the box itself fails")

    monkeypatch.setattr(crash, "QMessageBox", broken)
    handler.excepthook(*_raise(KeyError("x")))  # must not raise or recurse
    assert handler.count == 1 and handler.box is None


def test_the_log_rotates(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(crash, "LOG_BYTES", 2000)
    h = crash.CrashHandler(tmp_path / "logs")
    try:
        for _ in range(40):
            h._record(ValueError, ValueError("x" * 200), None, "MainThread")
        files = sorted(p.name for p in (tmp_path / "logs").iterdir())
        assert files[0] == "crash.log" and len(files) <= 1 + crash.LOG_BACKUPS
        assert all(p.stat().st_size < 4000 for p in (tmp_path / "logs").iterdir())
    finally:
        h.uninstall()


def test_thread_exceptions_reach_the_gui_thread(handler, qtbot):
    handler.install()
    t = threading.Thread(target=lambda: 1 / 0, name="worker-x")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: handler.box is not None, timeout=5000)
    assert "worker-x" in handler.box.detailedText()
    assert "ZeroDivisionError" in handler.log_path.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_a_failing_slot_does_not_stop_the_app(handler, qtbot):
    handler.install()
    ran = []

    def bad_slot():
        raise RuntimeError("a bug in a slot")

    QTimer.singleShot(0, bad_slot)
    QTimer.singleShot(50, lambda: ran.append(1))
    qtbot.waitUntil(lambda: ran == [1], timeout=5000)  # the event loop goes on
    assert handler.count == 1
    assert "a bug in a slot" in handler.log_path.read_text(encoding="utf-8")


def test_log_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NNVIZ_LOG_DIR", str(tmp_path / "x"))
    assert crash.log_dir() == tmp_path / "x"
    monkeypatch.delenv("NNVIZ_LOG_DIR")
    assert crash.log_dir().name == "logs"
