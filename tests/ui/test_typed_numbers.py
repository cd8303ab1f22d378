"""Numbers typed by students (issue 14): the weight editor and the canvas's inline editor read
text with one function and refuse what could be misread, each with its reason.

"1,000" is one thousand in Korean and English habits and one in European ones, so it is
refused (not silently read as 1.0); digits other than 0-9 (Arabic-Indic, full-width), which
Python's float() accepts, are refused too; an unambiguous decimal comma ("0,25") still works.
"""

import pytest
from PySide6.QtCore import Qt

from nnviz.ui.common.formatting import NumberError, parse_number
from nnviz.ui.common.number_input import read_number
from nnviz.ui.panels.weight_editor import WeightEditor

AMBIGUOUS = ["1,000", "-12,500", "1,000,000", "1,000.5", "2,5,0"]
OTHER_DIGITS = ["١٢", "٣٫٥", "１２", "０.５", "۴"]


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_a_comma_that_may_separate_thousands_is_refused(text):
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert info.value.reason == "comma"
    value, why = read_number(text)
    assert value is None and "ambiguous" in why and text in why


@pytest.mark.parametrize("text", OTHER_DIGITS)
def test_digits_other_than_0_to_9_are_refused(text):
    assert float(text.replace("٫", ".")) >= 0  # what Python alone would have accepted
    value, why = read_number(text)
    assert value is None and "0–9" in why


@pytest.mark.parametrize("text, value", [("0,25", 0.25), ("1,5", 1.5), ("0,250", 0.25),
                                         ("-1,2345", -1.2345), ("1e-3", 0.001),
                                         ("−2", -2.0), ("1 000", 1000.0)])
def test_unambiguous_numbers_are_read(text, value):
    assert read_number(text) == (pytest.approx(value), "")


@pytest.mark.parametrize("text", ["1_000", "abc", "nan", "inf", ""])
def test_other_refusals_say_it_is_not_a_number(text):
    value, why = read_number(text)
    assert value is None and "not a finite number" in why


@pytest.fixture
def editor(qtbot, model):
    w = WeightEditor(model)
    qtbot.addWidget(w)
    w.show()
    model.set_preset("forward-walkthrough")
    return w


@pytest.mark.parametrize("text, word", [("1,000", "ambiguous"), ("١٢", "0–9"), ("１２", "0–9")])
def test_the_weight_editor_refuses_with_the_reason(editor, model, text, word):
    assert not editor.edit_cell(0, 1, text)
    assert model.network.W[0][0, 1] == 0.3  # kept
    assert model.undo_stack.count() == 0
    msg = editor.message.text()
    assert editor.message.isVisible() and word in msg and "W1[1,2]" in msg and "0.3" in msg


def test_the_weight_editor_reads_a_decimal_comma(editor, model):
    assert editor.edit_cell(0, 1, "0,25")
    assert model.network.W[0][0, 1] == 0.25


@pytest.fixture
def canvas(qtbot, model):
    from nnviz.ui.canvas.network_view import NetworkView

    view = NetworkView(model)
    qtbot.addWidget(view)
    view.resize(900, 600)
    model.set_preset("forward-walkthrough")
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("text, word", [("1,000", "ambiguous"), ("１２", "0–9")])
def test_the_inline_editor_refuses_with_the_reason(qtbot, canvas, model, text, word):
    edge = next(e for e in canvas.edges[0] if e.isVisible() and (e.i, e.j) == (1, 1))
    canvas.ask_value(edge)
    ed = canvas.editor
    ed.line.setText(text)
    qtbot.keyClick(ed.line, Qt.Key_Return)
    assert model.network.W[0][1, 1] == 0.4 and model.undo_stack.count() == 0
    assert ed.active and word in ed.error_text and ed.message.isVisible()
    ed.line.setText("0,5")  # the same editor then accepts an unambiguous decimal comma
    qtbot.keyClick(ed.line, Qt.Key_Return)
    assert model.network.W[0][1, 1] == 0.5 and not ed.active
