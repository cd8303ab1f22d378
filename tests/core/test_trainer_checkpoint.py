"""Trainer checkpoints: a step back restores the exact state and the run continues from it."""

import numpy as np
import pytest

from nnviz.core.lessons.presets import get_preset


def _trainer(**overrides):
    p = get_preset("xor-backprop-2")
    return p.make_trainer(p.load_data(), **overrides)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_restore_continues_exactly(optimizer):
    t = _trainer(optimizer=optimizer, lr=0.5, batch_size=1)
    for _ in range(3):
        t.step("sample")
    cp = t.checkpoint()
    later = [t.step("sample").params for _ in range(5)]
    after = t.checkpoint()
    assert not cp.same_as(after)
    assert t.restore_checkpoint(cp)
    assert np.array_equal(t.net.params, cp.params)
    assert (t.epoch, t.position, t.samples_seen, t.updates) == (
        cp.epoch, cp.position, cp.samples_seen, cp.updates)
    again = [t.step("sample").params for _ in range(5)]
    for a, b in zip(later, again, strict=True):
        assert np.array_equal(a, b)  # same weights, order and optimizer state: same steps
    assert t.checkpoint().same_as(after)


def test_restore_across_an_epoch_boundary_keeps_the_running_loss():
    t = _trainer(batch_size=1)
    t.step("sample")
    cp = t.checkpoint()
    snap1 = t.step("epoch")
    t.restore_checkpoint(cp)
    snap2 = t.step("epoch")
    assert snap1.epoch == snap2.epoch == 1
    assert snap1.train_loss == pytest.approx(snap2.train_loss, rel=1e-12, abs=0)
    assert np.array_equal(snap1.params, snap2.params)


def test_a_changed_optimizer_starts_fresh_but_weights_come_back():
    t = _trainer(optimizer="adam", lr=0.05)
    t.step("batch")
    cp = t.checkpoint()
    t.set_optimizer("momentum", 0.1)
    t.step("batch")
    assert t.restore_checkpoint(cp) is False
    assert np.array_equal(t.net.params, cp.params)
    assert t._optimizer.name == "momentum" and t._optimizer.t == 0


def test_checkpoints_are_read_only_copies():
    t = _trainer()
    cp = t.checkpoint()
    with pytest.raises(ValueError):
        cp.params[0] = 1.0
    t.step("epoch")
    assert not np.array_equal(cp.params, t.net.params)
    assert cp.nbytes >= cp.params.nbytes


def test_pending_edits_belong_to_the_state_before_the_step():
    t = _trainer()
    p = t.net.params.copy()
    p[0] = 0.25
    t.submit(lambda tr: tr.set_params(p))
    assert t.checkpoint().params[0] == 0.25
