"""The weights table in a short dock (issue 16): rows and columns as large as their text at
100 % and 150 % interface scale, the dock never shorter than the buttons, the header and one
whole row, and a table that scrolls to any cell."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTextEdit

from nnviz.ui.common.interface_scale import interface_scale
from nnviz.ui.common.scrolling import scrolling
from nnviz.ui.panels.weight_editor import WeightEditor


@pytest.fixture(autouse=True)
def _scale_back():
    yield
    interface_scale().set(1.0, store=False)  # one scale per process


@pytest.fixture
def docked(qtbot, model):
    """The editor in a bottom dock's scroll area, as the main window has it."""
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    editor = WeightEditor(model)
    dock = QDockWidget("Weights", window)
    dock.setWidget(scrolling(editor))
    window.addDockWidget(Qt.BottomDockWidgetArea, dock)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    model.set_preset("xor-backprop-2")
    return window, dock, editor


def _texts_fit(table) -> None:
    m, fm = table.model(), table.fontMetrics()
    for c in range(m.columnCount()):
        width = table.columnWidth(c)
        head = m.headerData(c, Qt.Horizontal)
        assert width >= table.horizontalHeader().fontMetrics().horizontalAdvance(head), head
        for r in range(m.rowCount()):
            text = m.data(m.index(r, c))
            assert width >= fm.horizontalAdvance(text) + 4, (text, width)
    for r in range(m.rowCount()):
        assert table.rowHeight(r) >= fm.height() + 2


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_a_short_dock_shows_the_header_and_a_whole_row(docked, qtbot, scale):
    window, dock, editor = docked
    interface_scale().set(scale, store=False)
    QApplication.processEvents()
    table = editor.table
    _texts_fit(table)
    window.resizeDocks([dock], [1], Qt.Vertical)  # as short as the dock may be
    QApplication.processEvents()
    header = table.horizontalHeader()
    assert header.height() >= header.fontMetrics().height()
    assert table.viewport().height() >= table.rowHeight(0)  # one row, not a sliver of it
    assert dock.height() >= editor.layer_box.height() + header.height() + table.rowHeight(0)
    assert editor.visibleRegion().boundingRect().height() >= editor.height() - 1  # no scrolling
    # the table scrolls to its last cell
    m = table.model()
    last = m.index(m.rowCount() - 1, m.columnCount() - 1)
    table.scrollTo(last)
    QApplication.processEvents()
    assert table.viewport().rect().contains(table.visualRect(last))


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_a_dock_narrower_than_the_buttons_scrolls_sideways_only(docked, scale):
    window, dock, editor = docked
    interface_scale().set(scale, store=False)
    window.resize(400, 600)  # narrower than the buttons' row: a horizontal scroll bar
    QApplication.processEvents()
    window.resizeDocks([dock], [1], Qt.Vertical)
    QApplication.processEvents()
    area = dock.widget()
    assert area.horizontalScrollBar().isVisible()
    assert not area.verticalScrollBar().isVisible()  # the table scrolls, not the dock
    assert editor.table.viewport().height() >= editor.table.rowHeight(0)


def test_the_columns_follow_the_text_size(docked):
    _, _, editor = docked
    table = editor.table
    narrow = table.columnWidth(0), table.rowHeight(0)
    message = editor.message.font().pointSizeF()
    interface_scale().set(1.5, store=False)
    QApplication.processEvents()
    assert table.columnWidth(0) > narrow[0] and table.rowHeight(0) > narrow[1]
    assert editor.message.font().pointSizeF() == pytest.approx(1.5 * message)  # refusals too
    _texts_fit(table)


def test_a_locked_tables_selected_numbers_stay_readable(qtbot):
    """A guide step locks the table; its selected cells were grey numbers on dark blue."""
    from PySide6.QtGui import QPalette

    from nnviz.ui.panels.weight_editor import WeightTable

    table = WeightTable()
    qtbot.addWidget(table)
    table.setEnabled(False)
    pal = table.palette()
    back = pal.color(QPalette.Disabled, QPalette.Highlight)
    text = pal.color(QPalette.Disabled, QPalette.HighlightedText)
    assert back.lightnessF() - text.lightnessF() > 0.5


def test_a_cells_number_is_dark_on_its_shade(model):
    """Locked by a guide step, the table's numbers were the disabled grey on the shades."""
    from PySide6.QtCore import Qt

    from nnviz.ui.panels.weight_editor import LayerModel

    model.set_preset("xor-gates")
    layer = LayerModel(model, 0)
    brush = layer.data(layer.index(0, 0), Qt.ForegroundRole)
    assert brush is not None and brush.color().lightnessF() < 0.35
