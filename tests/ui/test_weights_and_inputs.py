"""Weight editor, undo/redo, paste, inputs and outputs panels."""

import numpy as np
import pytest

from nnviz.ui.common.spreadsheet_text import parse_tsv
from nnviz.ui.panels.inputs_panel import InputsPanel
from nnviz.ui.panels.outputs_panel import OutputsPanel
from nnviz.ui.panels.weight_editor import WeightEditor


@pytest.fixture
def editor(qtbot, model):
    w = WeightEditor(model)
    qtbot.addWidget(w)
    w.show()
    model.set_preset("forward-walkthrough")
    return w


def test_editing_a_weight_changes_the_output(editor, model):
    y0 = model.output().copy()
    assert editor.edit_cell(0, 0, "0.9")
    assert model.network.W[0][0, 0] == 0.9
    assert not np.allclose(model.output(), y0)
    m = editor.model
    assert m.data(m.index(0, 0)) == "0.9"


def test_editing_the_bias_row(editor, model):
    assert editor.edit_cell(2, 1, "-1")  # row 2 of layer 1 is the bias row
    assert model.network.b[0][1] == -1.0
    assert model.trace[0][0][1] == pytest.approx(0.3 * 1 + 0.4 * 0.5 - 1)


@pytest.mark.parametrize("bad", ["abc", "nan", "inf", "-inf", ""])
def test_invalid_entries_are_refused_with_a_message(editor, model, bad):
    y0 = model.output().copy()
    assert not editor.edit_cell(0, 1, bad)
    assert model.network.W[0][0, 1] == 0.3
    assert np.allclose(model.output(), y0)
    assert editor.message.isVisible()
    assert "0.3" in editor.message.text() and "W1[1,2]" in editor.message.text()
    assert model.undo_stack.count() == 0


def test_undo_restores_and_redo_reapplies(editor, model):
    y0 = model.output().copy()
    editor.edit_cell(1, 2, "2.5")
    y1 = model.output().copy()
    model.undo_stack.undo()
    assert model.network.W[0][1, 2] == 0.6
    assert np.allclose(model.output(), y0)
    assert editor.model.data(editor.model.index(1, 2)) == "0.6"
    model.undo_stack.redo()
    assert model.network.W[0][1, 2] == 2.5
    assert np.allclose(model.output(), y1)


def test_paste_tsv_block_is_one_undo_step(editor, model):
    assert editor.paste_text("1\t2\t3\n4\t5\t6\n7\t8\t9\n", 0, 0)
    assert np.array_equal(model.network.W[0], [[1, 2, 3], [4, 5, 6]])
    assert np.array_equal(model.network.b[0], [7, 8, 9])
    model.undo_stack.undo()
    assert np.allclose(model.network.W[0], [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    assert np.allclose(model.network.b[0], [0.1, 0.2, 0.3])


def test_paste_refuses_bad_cells_and_changes_nothing(editor, model):
    assert not editor.paste_text("1\tnan\n", 0, 0)
    assert model.network.W[0][0, 0] == 0.1
    assert editor.message.isVisible() and "row 1, column 2" in editor.message.text()
    with pytest.raises(ValueError):
        parse_tsv("1\t2\n3\n")


def test_fill_zero_and_randomise_are_seeded_and_undoable(editor, model):
    editor.seed.setValue(7)
    editor.fill("uniform")
    a = model.network.W[0].copy()
    model.undo_stack.undo()
    editor.fill("uniform")
    assert np.array_equal(model.network.W[0], a)
    editor.fill("zeros")
    assert not model.network.W[0].any() and not model.network.b[0].any()


@pytest.mark.parametrize("preset", ["xor-gates", "xor-relu"])
def test_xor_by_hand_truth_table_gives_0110(qtbot, model, preset):
    panel = InputsPanel(model)
    out = OutputsPanel(model)
    qtbot.addWidget(panel)
    qtbot.addWidget(out)
    model.set_preset(preset)
    assert panel.mode == "table"
    ys = []
    for row in range(4):
        panel.select_row(row)
        assert model.sample_index == row
        ys.append(float(model.output()[0]))
        assert out.output_texts() == [str(int(ys[-1]))]
    assert ys == [0, 1, 1, 0]
    assert panel.outputs_column() == ["0", "1", "1", "0"]
    # x and d as narrow as their digits, y gets the rest (no elided outputs on a narrow dock)
    from PySide6.QtWidgets import QHeaderView

    header = panel.table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeToContents
    assert header.sectionResizeMode(header.count() - 1) == QHeaderView.Stretch


def test_fixed_input_boxes(qtbot, model):
    panel = InputsPanel(model)
    qtbot.addWidget(panel)
    model.set_preset("forward-walkthrough")
    assert panel.mode == "boxes"
    assert [b.value() for b in panel.boxes] == [1.0, 0.5]
    panel.boxes[1].setValue(0.0)
    assert model.trace[0][0][0] == pytest.approx(0.1 + 0.1)


def test_softmax_outputs_show_probabilities(qtbot, model):
    out = OutputsPanel(model)
    qtbot.addWidget(out)
    out.show()
    model.set_preset("softmax-overflow")
    assert out.bars.isVisible()
    y = model.output()
    assert np.all(np.isfinite(y)) and y.sum() == pytest.approx(1.0)
    assert np.allclose(out.bars.p, y)
    assert str(int(np.argmax(y))) in out.prediction.text()


def test_mnist_without_data_shows_a_note(qtbot, model, monkeypatch, tmp_path):
    monkeypatch.setenv("NNVIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NNVIZ_BUNDLED_DATA", str(tmp_path / "bundled"))
    panel = InputsPanel(model)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(model.data_changed, timeout=20000):
        model.set_preset("mnist-pretrained")
    qtbot.waitUntil(lambda: not model.loading, timeout=20000)
    assert panel.mode == "image"
    assert model.samples is None
    assert "MNIST" in panel.image_note.text()
