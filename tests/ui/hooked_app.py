"""``python tests/ui/hooked_app.py``: the real app (``nnviz.ui.shell.app.main``) driven by
environment variables, for tests that need a separate process (kill and restore, soak-like runs).

The hooks live here, not in the app: they connect to the window's and the autosave manager's
public signals through ``main(prepare=...)``.

- ``NNVIZ_TEST_LESSON``: open that lesson once start-up is done (after the restore offer);
  ``NNVIZ_TEST_PLAY=1`` then starts training (``NNVIZ_TEST_PLAY_DELAY`` seconds between
  snapshots).
- ``NNVIZ_TEST_RESTORE=accept|discard``: answer the restore offer without a dialog;
  ``NNVIZ_TEST_QUIT_AFTER_RESTORE=1``: quit once it is answered.
- ``NNVIZ_TEST_PRINT=1``: print ``NNVIZ_AUTOSAVED <session sha256>`` after each autosave and
  ``NNVIZ_RESTORED <session sha256> <shown weights sha256>`` after a restore.
"""

from __future__ import annotations

import hashlib
import math
import os
import sys

import numpy as np


def _checksum(params) -> str:
    return hashlib.sha256(np.ascontiguousarray(params, np.float64).tobytes()).hexdigest()


def prepare(win, manager) -> None:
    from PySide6.QtCore import QCoreApplication, QTimer

    from nnviz.core.session import load_session

    env = os.environ.get
    answer = env("NNVIZ_TEST_RESTORE", "")
    if answer in ("accept", "discard"):
        manager.ask_restore = lambda: answer == "accept"
    if env("NNVIZ_TEST_PRINT") == "1":
        manager.autosaved.connect(lambda path: print(
            f"NNVIZ_AUTOSAVED {load_session(path).checksum()}", flush=True))
        manager.restored.connect(lambda session: print(
            f"NNVIZ_RESTORED {session.checksum()} {_checksum(win.model.network.params)}",
            flush=True))

    def after_startup():  # connected after the manager's slot: runs after the restore offer
        lesson = env("NNVIZ_TEST_LESSON")
        if lesson:
            win.model.set_preset(lesson)
        if env("NNVIZ_TEST_PLAY") == "1":
            run = win.model.run
            try:
                delay = float(env("NNVIZ_TEST_PLAY_DELAY", "nan"))
            except ValueError:
                delay = math.nan
            if math.isfinite(delay) and delay >= 0:
                run.set_play_settings(delay=delay)
            run.play()
        if lesson:
            manager.mark_saved()  # as at start-up: opening the lesson is not work to autosave
        if env("NNVIZ_TEST_QUIT_AFTER_RESTORE") == "1":
            # exit(), not quit(): quit() would ask the windows, and the unsaved-work question
            QTimer.singleShot(0, lambda: QCoreApplication.exit(0))

    win.startup_finished.connect(after_startup)


if __name__ == "__main__":
    from nnviz.ui.shell.app import main

    sys.exit(main([], prepare=prepare))
