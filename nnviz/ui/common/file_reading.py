"""Read a student's file off the GUI thread: File → Open, MNIST → Import and Load.

User files are untrusted (issue 14): large, slow (a network folder) or hostile.  The core's
loaders refuse what is not a regular file (:mod:`nnviz.core.files.safe_open`) and check sizes before
reading; :func:`read_in_background` still runs them in a :class:`~nnviz.ui.common.tasks.Task`
while the event loop keeps running (repaints, training snapshots).  After a moment a
window-modal "Reading …" box with Cancel appears, which also keeps a second Open from starting
meanwhile.  A cancelled read finishes in the background and its result is dropped.  The
loader's error comes back as text: the caller says "This file could not be read: …" and the
lesson on screen stays as it was.

:func:`~nnviz.ui.shell.file_commands.open_file` (File → Open) and the MNIST model actions use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from nnviz.core.files.io import ModelFileError
from nnviz.ui.common.tasks import Task

SHOW_AFTER_MS = 400  # a quick read shows no box at all
_running: set[Task] = set()  # reads not finished yet (a cancelled one included)
_busy = False  # a read is being waited for (File → Open is not re-entered meanwhile)
_hooked = False  # wait_for_reads is connected to the application's aboutToQuit


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileReading", text)


class ReadOutcome(NamedTuple):
    value: Any = None  # what the loader returned
    error: str = ""  # why the file could not be read ('' when it was)
    cancelled: bool = False  # the student pressed Cancel


def read_in_background(parent, path, fn) -> ReadOutcome:
    """Run ``fn()`` in a worker thread and wait for it with the event loop running."""
    global _busy, _hooked
    if _busy:
        return ReadOutcome(error=_tr("another file is still being read"))
    app = QCoreApplication.instance()
    if not _hooked and app is not None:
        app.aboutToQuit.connect(wait_for_reads)  # no reading thread outlives the app
        _hooked = True
    task = Task(fn, None, expected=(ModelFileError, OSError, ValueError))
    _running.add(task)
    outcome: dict = {}
    loop = QEventLoop()

    def finished(**result):
        _running.discard(task)
        outcome.update(result)
        loop.quit()

    task.done.connect(lambda value: finished(value=value))
    task.failed.connect(lambda message: finished(error=message or "?"))
    box = QProgressDialog(_tr("Reading {name} …").format(name=Path(path).name),
                          _tr("Cancel"), 0, 0, parent)
    box.setWindowTitle(_tr("Reading a file"))
    box.setWindowModality(Qt.WindowModal)
    box.setMinimumDuration(2**30)  # never shown by itself: the timer below decides
    box.canceled.connect(loop.quit)
    timer = QTimer(singleShot=True, interval=SHOW_AFTER_MS)
    timer.timeout.connect(box.show)
    _busy = True
    try:
        task.start()
        timer.start()
        loop.exec()
    finally:
        _busy = False
        timer.stop()
        box.close()
        box.deleteLater()
    if not outcome:
        return ReadOutcome(cancelled=True)  # the Task goes on; its result is dropped
    return ReadOutcome(value=outcome.get("value"), error=outcome.get("error", ""))


def wait_for_reads(ms: int = 30_000) -> None:
    """Join the reads still running (the app calls it when it quits)."""
    for task in list(_running):
        task.wait(ms)
    _running.clear()


def cannot_read_message(path, why: str) -> str:
    return _tr("This file could not be read: {name}\n{why}\n\nThe current lesson is unchanged."
               ).format(name=Path(path).name, why=why)
