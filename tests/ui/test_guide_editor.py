"""File → Edit the Guide…: an instructor edits the lesson's guide in the app.

The dialog is driven as an instructor would (qtbot clicks and typing): add a step, write its
text, choose a check with its parameters, save; the lesson follows the edited guide at once,
Save Lesson writes it into the .nnviz file and the file reopens with it.  An invalid guide is
refused with a message naming the step, and the lesson keeps its previous guide.
"""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from nnviz.core.files.lesson_file import lesson_from_session
from nnviz.core.files.session import load_session
from nnviz.core.guides import CHECKS, COMBINATORS, GuideError, guide_for, guide_to_dict
from nnviz.core.lessons.presets import all_presets, get_preset


def _type(qtbot, widget, text):
    """Type ``text`` as a user does: keys for ASCII, the input method's commit for Hangul."""
    widget.setFocus()
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def _choose(combo, data):
    k = combo.findData(data)
    assert k >= 0, data
    combo.setCurrentIndex(k)


def _add_truth_table_step(qtbot, dlg):
    """Select step 1, add a step after it and fill it in: text, a truth-table task, panels."""
    dlg.list.setCurrentRow(0)
    qtbot.mouseClick(dlg.add_btn, Qt.LeftButton)
    assert dlg.list.currentRow() == 1 and dlg.list.count() == len(dlg.steps)
    ed = dlg.editor
    _type(qtbot, ed.title_en, "Make it an OR")
    _type(qtbot, ed.title_ko, "OR로 바꾸기")
    assert dlg.list.item(1).text() == "2. Make it an OR"  # the list follows the title
    _type(qtbot, ed.text_en, "Change the bias so the neuron computes OR.")
    _type(qtbot, ed.text_ko, "바이어스를 바꿔 뉴런이 OR를 계산하게 하세요.")
    _choose(ed.check.kind, "truth_table")
    assert set(ed.check.fields) == {"expect", "at_least"}
    _type(qtbot, ed.check.fields["expect"], "0, 1, 1, 1")  # the brackets may be left out
    _type(qtbot, ed.task_en, "Make the truth table 0 1 1 1.")
    _type(qtbot, ed.task_ko, "진리표를 0 1 1 1로 만드세요.")
    _choose(ed.unlock, "check")
    ed.panels.keep.setChecked(False)
    for name in ("truth_table", "weights"):
        ed.panels.boxes[name].setChecked(True)
    ed.controls.keep.setChecked(False)
    ed.controls.boxes["edit_weights"].setChecked(True)
    ed.input_row.setValue(2)


def test_add_a_step_with_a_check_save_and_reopen_the_lesson(window, qtbot, tmp_path,
                                                            warnings):
    window.open_lesson("perceptron-and-by-hand")
    shipped = guide_for("perceptron-and-by-hand")
    file_menu = window.act_save_lesson.associatedObjects()
    assert any(window.act_edit_guide in getattr(o, "actions", lambda: [])() for o in file_menu)
    window.act_edit_guide.trigger()  # File → Edit the Guide…
    dlg = window.guide_editor
    assert dlg.isVisible() and dlg.isModal()
    assert dlg.list.count() == len(shipped)
    _add_truth_table_step(qtbot, dlg)
    with qtbot.waitSignal(dlg.guide_saved):
        qtbot.mouseClick(dlg.save_btn, Qt.LeftButton)
    assert not dlg.isVisible() and not dlg.error.isVisible()

    guide = window.model.lesson_guide
    assert guide is not None and len(guide) == len(shipped) + 1
    step = guide.steps[1]
    assert (step.title.en, step.title.ko) == ("Make it an OR", "OR로 바꾸기")
    assert step.task.check.kind == "truth_table" and step.task.check.arg("expect") == (0, 1, 1, 1)
    assert step.unlock == "check"
    assert step.state.panels == ("truth_table", "weights")
    assert step.state.controls == ("edit_weights",) and step.state.input_row == 2
    # the steps not touched come back exactly as they were (the form loses nothing)
    steps, before = guide_to_dict(guide)["steps"], guide_to_dict(shipped)["steps"]
    assert steps[:1] + steps[2:] == before
    state = window.guides.guide
    assert state.guide is guide  # the guide panel shows it at once
    assert window.guides.guide_panel.dots and len(window.guides.guide_panel.dots) == len(guide)

    # the guide opens at the step the instructor edited; its task is live: the lesson's AND
    # weights fail it, OR weights pass it
    assert state.active and state.progress.index == 1
    assert window.model.sample_index == 2  # the row the step sets
    assert window.guides.guide_panel.title.text() == "Make it an OR"
    assert "0 1 1 1" in window.guides.guide_panel.task.text()
    assert not state.status.done
    window.model.edit_weight(0, 0, 0, 1.0)
    window.model.edit_weight(0, 1, 0, 1.0)
    assert state.status.done

    path = tmp_path / "or-lesson.nnviz"
    assert window.save_lesson_file(str(path)), warnings
    saved = lesson_from_session(load_session(path), path.name)
    assert saved.guide is not None and saved.guide.steps[1].title.ko == "OR로 바꾸기"
    assert saved.guide.steps[1].task.check.arg("expect") == (0, 1, 1, 1)

    window.open_lesson("xor-backprop-2")  # something else on screen, then open the file
    assert window.model.lesson_guide is None
    assert window.open_file(str(path)), warnings
    assert window.model.preset.id == "perceptron-and-by-hand"
    reopened = window.guides.guide.guide
    assert reopened.steps[1].title.en == "Make it an OR" and len(reopened) == len(shipped) + 1


def test_an_invalid_edit_is_refused_and_the_previous_guide_kept(window, qtbot):
    window.open_lesson("perceptron-and")
    before = window.guides.guide.guide
    dlg = window.edit_guide()
    dlg.list.setCurrentRow(2)
    dlg.editor.text_ko.setPlainText("   ")  # the Korean text is left empty
    dlg.list.setCurrentRow(0)  # another step shown; the empty text stays in step 3
    assert dlg.editor.check.kind.currentData() == "input_selected"
    _type(qtbot, dlg.editor.check.fields["row"], "7")  # the gate has rows 0–3 only
    qtbot.mouseClick(dlg.save_btn, Qt.LeftButton)
    assert dlg.isVisible() and dlg.error.isVisible()
    assert "Step 3 (Round 1, one sample at a time): Text (Korean) is empty." in dlg.error.text()
    assert dlg.list.currentRow() == 2  # the step it names is shown
    assert window.guides.guide.guide is before and window.model.lesson_guide is None

    dlg.editor.text_ko.setPlainText("이제 채웠습니다.")
    qtbot.mouseClick(dlg.save_btn, Qt.LeftButton)  # now the row that does not exist
    assert dlg.isVisible() and "row 7 does not exist" in dlg.error.text()
    assert dlg.list.currentRow() == 0
    assert window.guides.guide.guide is before and window.model.lesson_guide is None

    _type(qtbot, dlg.editor.check.fields["row"], "3")
    qtbot.mouseClick(dlg.save_btn, Qt.LeftButton)
    assert not dlg.isVisible()
    assert window.model.lesson_guide.steps[2].text.ko == "이제 채웠습니다."
    assert window.guides.guide.guide is window.model.lesson_guide


def test_remove_move_and_a_combined_check_that_is_not_json(window, qtbot):
    window.open_lesson("xor-backprop-2")
    shipped = guide_for("xor-backprop-2")
    dlg = window.edit_guide()
    ids = [s["id"] for s in dlg.steps]
    dlg.list.setCurrentRow(1)
    qtbot.mouseClick(dlg.down_btn, Qt.LeftButton)
    assert [s["id"] for s in dlg.steps][1:3] == [ids[2], ids[1]] and dlg.list.currentRow() == 2
    qtbot.mouseClick(dlg.up_btn, Qt.LeftButton)
    qtbot.mouseClick(dlg.up_btn, Qt.LeftButton)
    assert [s["id"] for s in dlg.steps][:2] == [ids[1], ids[0]]
    qtbot.mouseClick(dlg.remove_btn, Qt.LeftButton)
    assert len(dlg.steps) == len(shipped) - 1 and ids[1] not in [s["id"] for s in dlg.steps]

    _choose(dlg.editor.check.kind, "all")
    assert dlg.editor.check.json_edit.isVisible()
    dlg.editor.check.json_edit.setPlainText('[{"kind": "trained", "epochs": 2,')
    _type(qtbot, dlg.editor.task_en, "Train.")
    _type(qtbot, dlg.editor.task_ko, "학습하세요.")
    assert not dlg.save()
    assert "not valid JSON" in dlg.error.text() and window.model.lesson_guide is None
    dlg.editor.check.json_edit.setPlainText('[{"kind": "trained", "epochs": 2}, '
                                            '{"kind": "accuracy", "at_least": 0.75}]')
    assert dlg.save()
    g = window.model.lesson_guide
    assert [s.id for s in g.steps] == [s["id"] for s in dlg.steps]
    assert g.steps[0].task.check.kind == "all" and len(g.steps[0].task.check.children) == 2


def test_a_combined_check_typed_wrong_in_another_step_is_said_at_save(window, qtbot):
    window.open_lesson("xor-backprop-2")
    dlg = window.edit_guide()
    dlg.list.setCurrentRow(1)
    _choose(dlg.editor.check.kind, "any")
    dlg.editor.check.json_edit.setPlainText('[{"kind": "trained"')
    dlg.list.setCurrentRow(4)  # the text is kept as typed while another step is shown
    assert not dlg.save()
    assert "Step 2" in dlg.error.text() and "not valid JSON" in dlg.error.text()
    assert dlg.list.currentRow() == 1
    assert dlg.editor.check.json_edit.toPlainText() == '[{"kind": "trained"'
    assert window.model.lesson_guide is None


def test_a_guide_left_stays_left_at_the_edited_step(window, qtbot):
    """Work on screen is not overwritten: the guide shows the edited step, applied on Resume."""
    window.open_lesson("perceptron-and-by-hand")
    window.model.edit_weight(0, 0, 0, 0.9)  # the instructor's own weights
    state = window.guides.guide
    state.leave()
    dlg = window.edit_guide()
    dlg.list.setCurrentRow(2)
    assert dlg.save()
    assert not state.active and state.progress.index == 2
    assert window.model.network.W[0][0, 0] == 0.9  # kept
    assert window.guides.guide_panel.title.text() == state.guide.steps[2].title.en
    state.resume()
    assert state.active and window.model.network.W[0][0, 0] == 0.4  # the step's weights


def test_cancel_keeps_the_guide(window, qtbot):
    window.open_lesson("perceptron-or")
    before = window.guides.guide.guide
    dlg = window.edit_guide()
    qtbot.mouseClick(dlg.remove_btn, Qt.LeftButton)
    dlg.reject()
    assert window.model.lesson_guide is None and window.guides.guide.guide is before


def test_mnist_steps_cannot_take_its_large_layers(window, qtbot):
    window.open_lesson("mnist-pretrained")
    dlg = window.edit_guide()
    assert not dlg.editor.take_weights.isEnabled()
    assert dlg.save()  # its shipped guide as it is: usable


def test_a_step_takes_the_weights_on_screen(window, qtbot):
    window.open_lesson("xor-gates")
    dlg = window.edit_guide()
    dlg.list.setCurrentRow(1)
    window.model.edit_weight(0, 0, 0, -3.0)
    qtbot.mouseClick(dlg.editor.take_weights, Qt.LeftButton)
    assert "W1 (2 × 2)" in dlg.editor.weights_label.text()
    assert dlg.save()
    w = window.model.lesson_guide.steps[1].state.weights
    np.testing.assert_array_equal(w["W1"], window.model.network.W[0])
    assert w["W1"][0, 0] == -3.0


@pytest.mark.parametrize("lesson", [p.id for p in all_presets()])
def test_every_shipped_guide_goes_through_the_form_unchanged(qtbot, lesson):
    """Each step shown in the form and read back: the same guide (checks, hints, weights)."""
    from nnviz.ui.panels.guide_editor import GuideEditorDialog

    shipped = guide_for(lesson)
    dlg = GuideEditorDialog(shipped, get_preset(lesson), "ko")
    qtbot.addWidget(dlg)
    for row in (*range(len(shipped)), 0):
        dlg.list.setCurrentRow(row)
    assert guide_to_dict(dlg.build()) == guide_to_dict(shipped)


@pytest.mark.parametrize("kind", [*CHECKS, *COMBINATORS])
def test_every_check_kind_with_empty_fields_saves_or_says_why(qtbot, kind):
    """A check chosen and left empty (or typed wrong) is refused with a message, never a
    traceback; the fields a kind declares are the core's parameters."""
    from nnviz.ui.panels.guide_editor import GuideEditorDialog

    preset = get_preset("xor-backprop-2")
    dlg = GuideEditorDialog(guide_for(preset.id), preset, "en")
    qtbot.addWidget(dlg)
    ed = dlg.editor
    _choose(ed.check.kind, kind)
    assert set(ed.check.fields) == (set() if kind in COMBINATORS else set(CHECKS[kind].params))
    ed.task_en.setPlainText("Do it.")
    ed.task_ko.setPlainText("하세요.")
    typed = [n for n, (_, req) in CHECKS[kind].params.items()
             if req and hasattr(ed.check.fields[n], "setText")] if kind in CHECKS else []
    for text in ("", "x, ]"):
        for field in ed.check.fields.values():
            if hasattr(field, "setText"):
                field.setText(text)
        try:
            guide = dlg.build()
        except GuideError as e:
            assert str(e).startswith("guide.")  # it names the place
        else:
            assert guide.steps[0].task.check.kind == kind
            assert not (text == "" and typed)  # a required number left empty never passes
