"""``python tests/ui/hooked_app.py``: the real app (``nnviz.ui.shell.app.main``) driven by
environment variables, for tests that need a separate process (kill and restore, soak-like runs).

The hooks live here, not in the app: they connect to the window's and the autosave manager's
public signals through ``main(prepare=...)``.

- ``NNVIZ_TEST_LESSON``: open that lesson once start-up is done (after the restore offer);
  ``NNVIZ_TEST_EPOCHS`` sets its number of epochs; ``NNVIZ_TEST_PLAY=1`` then starts training
  (``NNVIZ_TEST_PLAY_DELAY`` seconds between snapshots).
- ``NNVIZ_TEST_RESTORE=accept|discard``: answer the restore offer without a dialog;
  ``NNVIZ_TEST_QUIT_AFTER_RESTORE=1``: quit once it is answered.
- ``NNVIZ_TEST_PRINT=1``: print ``NNVIZ_AUTOSAVED <session sha256> <epoch>`` after each
  autosave, ``NNVIZ_EPOCH <n>`` when a new epoch is on screen, ``NNVIZ_NOTICE <title>`` when a
  lasting message is shown and ``NNVIZ_RESTORED <session sha256> <shown weights sha256>`` after
  a restore.
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

    env = os.environ.get
    answer = env("NNVIZ_TEST_RESTORE", "")
    if answer in ("accept", "discard"):
        manager.ask_restore = lambda: answer == "accept"
    if env("NNVIZ_TEST_PRINT") == "1":
        manager.writer.written.connect(lambda session, _generation: print(
            f"NNVIZ_AUTOSAVED {session.checksum()} {session.epoch}", flush=True))
        manager.notice_shown.connect(lambda title: print(f"NNVIZ_NOTICE {title}", flush=True))
        shown = {"epoch": -1}

        def on_snapshot(snap):
            epoch = int(getattr(snap, "epoch", 0))
            if epoch != shown["epoch"]:
                print(f"NNVIZ_EPOCH {epoch}", flush=True)
            shown["epoch"] = epoch

        win.model.run.snapshot_shown.connect(on_snapshot)
        manager.restored.connect(lambda session: print(
            f"NNVIZ_RESTORED {session.checksum()} {_checksum(win.model.network.params)}",
            flush=True))

    def after_startup():  # connected after the manager's slot: runs after the restore offer
        lesson = env("NNVIZ_TEST_LESSON")
        if lesson:
            win.model.set_preset(lesson)
        epochs = env("NNVIZ_TEST_EPOCHS", "")
        if epochs.isdigit():
            win.model.run.set_epochs(int(epochs))
        if env("NNVIZ_TEST_PLAY") == "1":
            run = win.model.run
            try:
                delay = float(env("NNVIZ_TEST_PLAY_DELAY", "nan"))
            except ValueError:
                delay = math.nan
            if math.isfinite(delay) and delay >= 0:
                run.set_play_settings(delay=delay)
            if not win.model.loading:
                run.play()
            else:  # MNIST: once its images are loaded in the background

                def play_once():
                    win.model.data_changed.disconnect(play_once)
                    run.play()

                win.model.data_changed.connect(play_once)
        if lesson:
            manager.mark_saved()  # as at start-up: opening the lesson is not work to autosave
        if env("NNVIZ_TEST_QUIT_AFTER_RESTORE") == "1":
            # exit(), not quit(): quit() would ask the windows, and the unsaved-work question
            QTimer.singleShot(0, lambda: QCoreApplication.exit(0))

    win.startup_finished.connect(after_startup)


if __name__ == "__main__":
    from nnviz.ui.shell.app import main

    sys.exit(main([], prepare=prepare))
