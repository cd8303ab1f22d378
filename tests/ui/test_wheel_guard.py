"""The mouse wheel scrolls a panel and changes a control only when the control has the focus."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from nnviz.ui.common.wheel_guard import install_wheel_guard


def _wheel(widget, steps: int = -1) -> None:
    """A real wheel event at the widget's centre (``steps`` < 0: towards the user)."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, 120 * steps),
                        Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def panel(qtbot):
    install_wheel_guard(QApplication.instance())
    area = QScrollArea()
    inner = QWidget()
    lay = QVBoxLayout(inner)
    spin, combo = QSpinBox(), QComboBox()
    spin.setRange(0, 100)
    spin.setValue(50)
    combo.addItems(["SGD", "Adam", "RMSProp"])
    combo.setCurrentIndex(1)
    lay.addWidget(spin)
    lay.addWidget(combo)
    for _ in range(30):  # tall contents: the area can scroll
        lay.addWidget(QSpinBox())
    area.setWidget(inner)
    area.resize(200, 150)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.setFocus()  # showing the window focused the first control; the student has not
    qtbot.waitUntil(lambda: not spin.hasFocus())
    return area, spin, combo


def test_wheel_over_unfocused_controls_scrolls_the_panel(panel, qtbot):
    area, spin, combo = panel
    assert spin.focusPolicy() == Qt.StrongFocus  # the wheel never gives it the focus
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    _wheel(spin)
    assert spin.value() == 50 and not spin.hasFocus()
    assert bar.value() > 0
    before = bar.value()
    _wheel(combo)
    assert combo.currentIndex() == 1
    assert bar.value() > before


def test_wheel_changes_a_focused_control(panel, qtbot):
    area, spin, combo = panel
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    bar = area.verticalScrollBar()
    _wheel(spin, steps=1)
    assert spin.value() == 51 and bar.value() == 0
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo, steps=-1)
    assert combo.currentIndex() == 2


def test_controls_outside_a_scroll_area_keep_qt_behaviour(qtbot):
    install_wheel_guard(QApplication.instance())
    spin = QSpinBox()
    spin.setValue(5)
    qtbot.addWidget(spin)
    spin.show()
    qtbot.waitExposed(spin)
    _wheel(spin, steps=1)
    assert spin.value() == 6
