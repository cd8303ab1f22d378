"""The Input dock's title says what its table is: a gate's truth table, or rows to pick."""

import pytest

from nnviz.ui.panels.inputs_panel import InputsPanel


@pytest.mark.parametrize(("preset", "title"), [
    ("perceptron-and", "Truth table: pick a row"),
    ("xor-backprop-2", "Truth table: pick a row"),
    ("softmax-overflow", "Input rows: pick one"),
])
def test_the_table_title_fits_the_data(qtbot, model, preset, title):
    panel = InputsPanel(model)
    qtbot.addWidget(panel)
    model.set_preset(preset)
    assert panel.mode == "table"
    assert panel.title.text() == title


def test_switching_from_the_rows_back_to_a_gate_says_truth_table_again(qtbot, model):
    panel = InputsPanel(model)
    qtbot.addWidget(panel)
    model.set_preset("softmax-overflow")
    assert "Truth table" not in panel.title.text()
    model.set_preset("perceptron-or")
    assert panel.title.text() == "Truth table: pick a row"
