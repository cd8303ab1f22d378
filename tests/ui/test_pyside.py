"""Guard against a PySide6 that corrupts reference counts.

PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None on every Qt call that
returns void; after a few thousand calls CPython aborts ("none_dealloc").  pyproject pins a
release without the bug; this test fails if an upgrade brings it back.
"""

import sys


def test_void_qt_calls_keep_none_refcount(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.setVisible(False)
    assert abs(sys.getrefcount(None) - before) < 50
