"""Environment hooks that drive the app without a person (tests, the soak, benchmarks).

``NNVIZ_TEST_LESSON`` opens that lesson after start-up, ``NNVIZ_TEST_EPOCHS`` sets its number
of epochs and ``NNVIZ_TEST_PLAY=1`` starts training (once an MNIST lesson's images are loaded),
with ``NNVIZ_TEST_PLAY_DELAY`` seconds after each snapshot.  The session manager
(:mod:`nnviz.ui.session`) calls :func:`apply_test_hooks` once the first window is ready.
"""

from __future__ import annotations

import hashlib
import os

import numpy as np

from nnviz.ui.autosave_writer import positive_number


def params_checksum(params) -> str:
    """SHA-256 of the parameters as float64 (what a session's checksum() computes)."""
    return hashlib.sha256(np.ascontiguousarray(params, np.float64).tobytes()).hexdigest()


def apply_test_hooks(window) -> None:
    """``NNVIZ_TEST_LESSON`` / ``NNVIZ_TEST_PLAY``: open a lesson and train (tests, soak)."""
    lesson = os.environ.get("NNVIZ_TEST_LESSON")
    if lesson:
        window.c.set_preset(lesson)
    epochs = os.environ.get("NNVIZ_TEST_EPOCHS", "")
    if epochs.isdigit():
        window.c.training.set_epochs(int(epochs))
    if os.environ.get("NNVIZ_TEST_PLAY") == "1":
        s = window.c.training
        delay = positive_number(os.environ.get("NNVIZ_TEST_PLAY_DELAY", ""))
        if delay is not None:
            s.delay = delay
        c = window.c
        if not c.loading:
            s.play()
            return

        def play_once():  # MNIST: once its images are loaded in the background
            c.data_changed.disconnect(play_once)
            s.play()

        c.data_changed.connect(play_once)
