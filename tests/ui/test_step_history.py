"""Step back in time: training steps are undone and redone exactly, within a bound."""

import weakref

import numpy as np
import pytest

from nnviz.ui.model import step_history

WAIT = 30000


def _step(qtbot, model, unit):
    n = model.undo_stack.count()
    assert model.run.step(unit)
    qtbot.waitUntil(lambda: not model.run.busy, timeout=WAIT)
    return n


def _trainer_params(qtbot, model):
    """The trainer's own copy, read on its thread between two steps."""
    box = []
    model.run.trainer.submit(lambda t: box.append(t.checkpoint(apply_edits=False)))
    model.run.step("sample")  # the edit runs before this step
    qtbot.waitUntil(lambda: not model.run.busy and bool(box), timeout=WAIT)
    return box[0]


@pytest.fixture
def xor(model):
    model.set_preset("xor-backprop-2")
    model.run.set_optimizer("adam", 0.05)  # an optimizer with state to restore
    return model


def test_undo_restores_the_exact_earlier_state_and_redo_the_later(qtbot, xor):
    m = xor
    p0 = m.network.params.copy()
    _step(qtbot, m, "sample")
    p1, seen1, evals1 = m.network.params.copy(), m.run.samples_seen, len(m.run.evals)
    _step(qtbot, m, "epoch")
    p2, seen2, epoch2 = m.network.params.copy(), m.run.samples_seen, m.run.epoch
    assert m.undo_stack.count() == 2 and not np.array_equal(p1, p2)
    assert m.undo_stack.undoText() == "1 epoch"

    m.undo_stack.undo()
    assert np.array_equal(m.network.params, p1)
    assert (m.run.samples_seen, m.run.epoch, len(m.run.evals)) == (seen1, 0, evals1)
    assert m.run.last is not None and np.array_equal(m.run.last.params, p1)
    m.undo_stack.undo()
    assert np.array_equal(m.network.params, p0)
    assert m.run.samples_seen == 0 and m.run.last is None
    assert not m.undo_stack.canUndo()

    m.undo_stack.redo()
    m.undo_stack.redo()
    assert np.array_equal(m.network.params, p2)
    assert (m.run.samples_seen, m.run.epoch) == (seen2, epoch2)


def test_training_after_undo_continues_from_the_restored_state(qtbot, xor):
    m = xor
    _step(qtbot, m, "sample")
    _step(qtbot, m, "batch")
    p_after = m.network.params.copy()
    cp_before = m.undo_stack.command(1).before.checkpoint
    m.undo_stack.undo()
    # the same step again from the restored weights, Adam moments and position: same result
    _step(qtbot, m, "batch")
    assert np.array_equal(m.network.params, p_after)
    assert m.undo_stack.count() == 2  # the redo branch was replaced by the new step
    assert m.undo_stack.command(1).before.checkpoint.same_as(cp_before)


def test_the_trainer_is_back_to_the_restored_weights(qtbot, xor):
    m = xor
    _step(qtbot, m, "epoch")
    _step(qtbot, m, "epoch")
    m.undo_stack.undo()
    restored = m.network.params.copy()
    cp = _trainer_params(qtbot, m)
    assert np.array_equal(cp.params, restored)
    assert cp.optimizer == "adam" and cp.samples_seen == m.undo_stack.command(0).after \
        .checkpoint.samples_seen


def test_edits_and_steps_share_the_stack_in_order(qtbot, xor):
    m = xor
    _step(qtbot, m, "sample")
    p1 = m.network.params.copy()
    m.edit_weight(0, 0, 0, 0.3)
    p_edit = m.network.params.copy()
    _step(qtbot, m, "sample")
    assert m.network.params[0] != 0.3 or not np.array_equal(m.network.params, p_edit)
    m.undo_stack.undo()
    assert np.array_equal(m.network.params, p_edit)  # the typed weight belongs before the step
    m.undo_stack.undo()
    assert np.array_equal(m.network.params, p1)


def test_the_bound_holds_and_old_steps_are_freed(qtbot, xor):
    m = xor
    limit = m.undo_stack.undoLimit()
    assert limit == step_history.MAX_ACTIONS  # a small network: the count bound
    first = []
    m.run.set_play_settings(play_unit="sample")
    for _ in range(limit + 5):
        _step(qtbot, m, "sample")
        if not first:
            first.append(weakref.ref(m.undo_stack.command(0).before))
    assert m.undo_stack.count() == limit
    import gc

    gc.collect()
    assert first[0]() is None  # the oldest moment is gone with its command
    target = m.undo_stack.command(0).before.checkpoint.params
    while m.undo_stack.canUndo():
        m.undo_stack.undo()
    assert np.array_equal(m.network.params.astype(target.dtype), target)
    assert m.step_history.memory() <= step_history.MEMORY_BUDGET


def test_a_big_network_keeps_fewer_steps():
    mnist = 784 * 100 + 100 + 100 * 10 + 10
    n = step_history.undo_limit(mnist, 4)
    assert step_history.MIN_ACTIONS <= n < step_history.MAX_ACTIONS
    per = step_history.VECTORS_PER_MOMENT * mnist * 4
    assert n * per <= step_history.MEMORY_BUDGET
    assert n == 30  # the number the README and ARCHITECTURE give
    assert step_history.undo_limit(9) == step_history.MAX_ACTIONS


def test_a_new_lesson_clears_the_history(qtbot, xor):
    m = xor
    _step(qtbot, m, "sample")
    m.set_preset("xor-backprop-3")
    assert m.undo_stack.count() == 0


def test_a_stretch_of_play_is_one_step(qtbot, xor):
    m = xor
    _step(qtbot, m, "sample")
    p1 = m.network.params.copy()
    m.run.set_play_settings(play_unit="epoch", every=1, delay=0.02)
    assert m.run.play()
    qtbot.waitUntil(lambda: m.run.epoch >= 3, timeout=WAIT)
    m.run.pause()
    qtbot.waitUntil(lambda: not m.run.busy, timeout=WAIT)
    assert m.undo_stack.count() == 2
    assert m.undo_stack.undoText().endswith(" samples")
    m.undo_stack.undo()
    assert np.array_equal(m.network.params, p1) and m.run.samples_seen == 1


def test_undo_while_playing_drops_the_play_and_restores_the_trainer(qtbot, xor):
    m = xor
    p0 = m.network.params.copy()
    _step(qtbot, m, "sample")
    m.run.set_play_settings(play_unit="sample", every=1, delay=0.01)
    assert m.run.play()
    qtbot.waitUntil(lambda: m.run.samples_seen >= 5, timeout=WAIT)
    m.undo_stack.undo()  # the step before the play; the play stops and is not kept
    assert np.array_equal(m.network.params, p0)
    qtbot.waitUntil(lambda: not m.run.busy, timeout=WAIT)
    assert m.undo_stack.count() == 1 and m.undo_stack.index() == 0
    cp = _trainer_params(qtbot, m)
    assert np.array_equal(cp.params, p0) and cp.samples_seen == 0  # nothing trained after it


def test_explained_step_updates_with_the_runs_own_adam_state(qtbot, xor):
    """After training, the Update phase uses the run's m, v and step count (not a fresh
    optimizer): its new weights equal Adam's formula written here with the trainer's state."""
    from nnviz.ui.model.explained_step import ExplainedStepState

    explained = ExplainedStepState(xor)
    explained.set_active(True)
    _step(qtbot, xor, "sample")
    _step(qtbot, xor, "sample")
    cp = xor.run.state_now
    assert cp is not None and cp.optimizer == "adam" and cp.optimizer_t == 2
    explained.recompute()
    step = explained.step
    assert step is not None
    h = xor.run.spec.optimizer_params()
    b1, b2, eps, lr = h["beta1"], h["beta2"], h["eps"], float(xor.run.spec.lr)
    state = dict(cp.optimizer_state)
    g = np.asarray(step.gradient, float)
    t = cp.optimizer_t + 1
    m = b1 * np.asarray(state["m"], float) + (1 - b1) * g
    v = b2 * np.asarray(state["v"], float) + (1 - b2) * g * g
    expected = step.params_before - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
    np.testing.assert_allclose(step.params_after, expected, rtol=1e-6, atol=1e-9)
    assert np.any(np.asarray(state["m"]) != 0)  # a fresh optimizer would have given other weights
