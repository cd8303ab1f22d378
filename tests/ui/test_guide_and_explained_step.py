"""The guide and the explained step in the app, driven through the lesson model's public API."""

import numpy as np
import pytest

from nnviz.core.explain import BiasRef, EdgeRef, Phase, fmt
from nnviz.core.train.trainer import TrainData


@pytest.fixture
def states(model):
    from nnviz.ui.model.explained_step import ExplainedStepState
    from nnviz.ui.model.guide_state import GuideState

    explained = ExplainedStepState(model)
    return model, GuideState(model, explained), explained


def test_opening_the_by_hand_lesson_shows_its_guide(window, qtbot):
    window.open_lesson("perceptron-and-by-hand")
    guides = window.guides
    assert guides.guide.has_guide and guides.guide.progress.index == 0
    dock = window.docks["guide"]
    assert dock.isVisible()
    panel = guides.guide_panel
    step = guides.guide.progress.step
    assert panel.title.text() == step.title.en
    assert panel.text.text() == step.text.en
    assert len(panel.dots) == len(guides.guide.guide)
    # the step's weights (0.4, 0.2, −0.5) are on screen
    np.testing.assert_allclose(window.model.network.params, [0.4, 0.2, -0.5])
    # its task "click the row (1, 1)" is not done until the row is fed
    assert not panel.next_btn.isEnabled()
    assert panel.status.text().startswith("Not yet")
    window.model.select_sample(3)
    assert panel.status.text() == "✓ Done"
    assert panel.next_btn.isEnabled()


def test_the_handouts_weights_pass_the_task_and_unlock_next(states):
    model, guide, _ = states
    model.set_preset("perceptron-and-by-hand")
    p = guide.progress
    assert guide.go_to(p.guide.index_of("yourself")) is False  # locked: earlier tasks not done
    p.done.update(s.id for s in p.guide.steps)  # earlier steps done (tested on their own)
    assert guide.go_to(p.guide.index_of("yourself"))
    np.testing.assert_allclose(model.network.params, [0.0, 0.0, 0.0])  # the step's zeros
    assert model.undo_stack.isClean()  # no "save your work?" for what the guide wrote
    model.undo_stack.undo()  # written as one undoable edit
    np.testing.assert_allclose(model.network.params, [0.4, 0.2, -0.5])
    model.undo_stack.redo()
    p.done.discard("yourself")
    guide.reevaluate()
    assert not guide.status.done and not guide.status.can_next
    model.edit_weight(0, 0, 0, 0.4)
    model.edit_weight(0, 1, 0, 0.2)
    assert not guide.status.done  # b = 0 still gives 1 for (0, 1) … and b is not edited
    model.edit_bias(0, 0, -0.5)
    assert guide.status.done and guide.status.can_next
    assert guide.edits == {"W1[0,0]", "W1[1,0]", "b1[0]"}


def test_back_next_leave_and_resume(states):
    model, guide, _ = states
    model.set_preset("perceptron-and-by-hand")
    assert not guide.next()  # the first task is not done
    model.select_sample(3)
    assert guide.next() and guide.progress.index == 1
    assert guide.back() and guide.progress.index == 0
    assert guide.next()
    requested = []
    guide.controls_requested.connect(requested.append)
    guide.leave()
    assert not guide.active and requested[-1] is None  # the lesson's own controls
    assert not guide.next()  # the guide waits
    model.edit_weight(0, 0, 0, 1.5)  # free play
    guide.resume()
    assert guide.active and guide.progress.index == 1
    # resuming applies the step's state again: its weights are back
    np.testing.assert_allclose(model.network.params, [0.4, 0.2, -0.5])


def test_explained_step_walks_forward_to_update_and_matches_a_real_step(states):
    model, guide, explained = states
    model.set_preset("xor-backprop-2")
    model.select_sample(2)
    explained.recompute()
    assert explained.available
    seen = []
    explained.item_changed.connect(lambda _i: seen.append(explained.item.phase))
    assert explained.jump(Phase.FORWARD)
    while explained.next():
        pass
    assert seen[0] is Phase.FORWARD and seen[-1] is Phase.UPDATE
    assert [p for k, p in enumerate(seen) if k == 0 or p is not seen[k - 1]] == \
        [Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE]
    assert guide.facts().explain_phase == "update"
    last = explained.item
    assert last.phase is Phase.UPDATE and isinstance(last.anchor, EdgeRef | BiasRef)
    # one real training step on the same sample with the lesson's own trainer
    x, t = model.x.copy(), np.asarray(model.target, float).copy()
    data = TrainData(x[None], t[None], np.array([model.label]), x[None], t[None],
                     np.array([model.label]))
    trainer = model.preset.make_trainer(data=data, net=model.network.copy(), shuffle=False,
                                        batch_size=1, dtype="float64")
    trainer.step("sample")
    k = {"W": lambda r: model.w_index(r.layer, r.i, r.j),
         "B": lambda r: model.b_index(r.layer, r.j)}[type(last.anchor).__name__[0]](last.anchor)
    assert last.value("new") == pytest.approx(float(trainer.net.params[k]), rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(explained.step.params_after, trainer.net.params, rtol=1e-9,
                               atol=1e-12)


def test_explained_panel_shows_the_numbers_and_the_canvas_highlights(window, qtbot):
    window.open_lesson("xor-backprop-2")
    e, panel = window.guides.explained, window.guides.explained_panel
    e.recompute()
    e.jump(Phase.FORWARD)
    e.next()  # the first hidden neuron's weighted sum
    item = e.item
    text = panel.text()
    assert item.numbers[0] in text
    assert fmt(item.value("a")) in text
    assert window.canvas.highlighted[0] == item.anchor
    assert window.canvas._overlay  # something is drawn over the diagram
    e.jump(Phase.UPDATE)
    assert "←" in panel.text() and fmt(e.item.value("new")) in panel.text()
    assert panel.phase_buttons[Phase.UPDATE].isChecked()


def test_a_lesson_that_trains_nothing_says_why(window, qtbot):
    window.open_lesson("forward-walkthrough")
    e, panel = window.guides.explained, window.guides.explained_panel
    e.recompute()
    assert not e.available
    assert panel.stack.currentIndex() == 1
    assert "trains nothing" in panel.text()


def test_auto_play_advances_and_stops_at_the_end(states, qtbot):
    model, _, explained = states
    model.set_preset("perceptron-and")
    explained.recompute()
    assert explained.available and Phase.BACKWARD not in explained.phases
    explained.set_pace(0.05)
    explained.play()
    assert explained.playing
    qtbot.waitUntil(lambda: not explained.playing, timeout=5000)
    assert explained.index == len(explained.step.items) - 1
    assert explained.item.phase is Phase.UPDATE


def test_a_guide_step_enables_only_its_controls(window, qtbot):
    window.open_lesson("perceptron-and")
    guide, rc = window.guides.guide, window.run_controls
    steps = guide.progress.guide.steps
    k = next(i for i, s in enumerate(steps) if s.state.controls and "play" in s.state.controls
             and "step_sample" not in s.state.controls)
    guide.progress.done.update(s.id for s in steps)
    assert guide.go_to(k)
    assert rc.act_play.isEnabled() and not rc.act_step_sample.isEnabled()
    guide.leave()  # free play: the lesson's own controls
    assert rc.act_play.isEnabled() and rc.act_step_sample.isEnabled()
    guide.resume()
    assert not rc.act_step_sample.isEnabled()


def test_the_explained_step_is_computed_only_while_its_tab_is_shown(window, qtbot):
    window.open_lesson("xor-backprop-2")
    e = window.guides.explained
    window.docks["weights"].show()
    window.docks["weights"].raise_()  # the lesson's layout may put the step in front
    qtbot.waitUntil(lambda: not e.active, timeout=3000)
    stale_step = e.step
    window.model.select_sample(1)
    qtbot.wait(50)
    assert e.step is stale_step  # a hidden tab costs nothing: no step computed for the row
    window.guides.show_explained()
    qtbot.waitUntil(lambda: e.active and e.step is not stale_step, timeout=3000)
    qtbot.waitUntil(lambda: e.available, timeout=3000)
    assert window.guides.explained_panel.isVisible()
    assert window.canvas.highlighted[0] == e.item.anchor


def test_a_batch_run_says_the_step_is_one_sample_of_it(states, qapp):
    from nnviz.ui.panels.explained_step_panel import ExplainedStepPanel

    model, _, explained = states
    model.set_preset("xor-backprop-2")
    panel = ExplainedStepPanel(explained)
    explained.recompute()
    assert "samples per update" not in panel.text()
    model.run.set_batch_size(4)
    explained.recompute()
    assert explained.batch_size == 4 and "4 samples per update" in panel.text()


def test_an_opened_file_keeps_its_weights_and_the_guide_waits(states, tmp_path):
    model, guide, _ = states
    model.set_preset("perceptron-and-by-hand")
    model.edit_weight(0, 0, 0, 0.75)
    path = str(tmp_path / "m.npz")
    model.save(path)
    model.set_preset("xor-backprop-2")
    model.open(path)
    assert model.preset.id == "perceptron-and-by-hand"
    assert model.network.W[0][0, 0] == 0.75  # not the guide's first step's 0.4
    assert guide.has_guide and not guide.active
    guide.resume()  # the student asks for the guide: its step is applied (undoably)
    assert guide.active and model.network.W[0][0, 0] == pytest.approx(0.4)
    model.undo_stack.undo()
    assert model.network.W[0][0, 0] == 0.75
