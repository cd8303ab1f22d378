"""Extreme inputs are refused or handled with a message, never an exception in a slot:
0 or 10,000 neurons, a network too large for memory, a batch larger than the data set,
learning rate 0 or 1e6, NaN/inf weights pasted, empty or mismatched data sets."""

import numpy as np
import pytest

from nnviz.core.train.trainer import TrainData
from nnviz.ui.model.spec_checks import MAX_PARAMS, clamp_batch, lr_problem, network_problem
from nnviz.ui.panels.hyper_panel import HyperPanel

WAIT = 20000


@pytest.fixture
def panel(model, qtbot):
    model.set_preset("xor-backprop-2")
    p = HyperPanel(model)
    qtbot.addWidget(p)
    messages = []
    model.edit_refused.connect(messages.append)
    model.run.status_posted.connect(messages.append)
    p.messages = messages
    return p


def _type(edit, text):
    edit.setText(text)
    edit.editingFinished.emit()


@pytest.mark.parametrize("text", ["0", "-1", "1e6", "1001", "inf", "nan", "abc"])
def test_learning_rate_out_of_range_is_refused(panel, text):
    s = panel.run
    before = s.spec.lr
    _type(panel.lr, text)
    assert s.spec.lr == before
    assert panel.lr.value() == before
    if text not in ("abc", "nan", "inf"):
        assert any("greater than 0 and at most 1000" in m for m in panel.messages)


def test_learning_rate_at_the_limit_is_taken(panel):
    _type(panel.lr, "1000")
    assert panel.run.spec.lr == 1000.0
    assert lr_problem(1000.0) == "" and lr_problem(0.0) and lr_problem(1e6)


def test_learning_rate_from_code_out_of_range_is_a_message(model):
    model.set_preset("xor-backprop-2")
    s = model.run
    messages = []
    s.status_posted.connect(messages.append)
    s.set_lr(1e6)  # no exception
    assert s.spec.lr == 1.0 and messages and "learning rate" in messages[0]
    s.set_optimizer_param("momentum", 5.0)  # sgd has no momentum: refused, no exception
    s.set_epochs(0)
    assert s.spec.epochs >= 1 and len(messages) >= 3


@pytest.mark.parametrize("units", [0, 10_000])
def test_layer_sizes_out_of_range_are_refused(panel, units):
    spin = panel.layer_rows[0][0]
    spin.setValue(units)  # the spin box clamps to 1 … MAX_UNITS
    assert 1 <= spin.value() <= 4096
    from nnviz.core.nn.spec import NetworkSpec, SpecError

    with pytest.raises(SpecError, match="units"):
        NetworkSpec.mlp((2, units, 1), "sigmoid")


def test_a_network_too_large_for_memory_is_refused(panel, model):
    from nnviz.core.nn.spec import LayerSpec, NetworkSpec

    big = NetworkSpec(784, (LayerSpec(4096), LayerSpec(4096), LayerSpec(4096), LayerSpec(10)))
    assert big.n_params() > MAX_PARAMS and network_problem(big)
    spec_before = model.network.spec
    panel.pending_network = lambda: big
    panel._mark_pending()
    assert not panel.apply_button.isEnabled() and "parameters" in panel.pending_note.text()
    panel.apply_pending()
    assert model.network.spec == spec_before
    assert any("parameters" in m for m in panel.messages)


def test_batch_larger_than_the_data_set_is_clamped_with_a_note(model, qtbot):
    model.set_preset("xor-backprop-2")  # 4 samples
    s = model.run
    messages = []
    s.status_posted.connect(messages.append)
    s.set_batch_size(65536)
    assert s.spec.batch_size == 4
    assert any("larger than the 4 training samples" in m for m in messages)
    assert clamp_batch(s, 3, 10) == 3


def test_a_preset_batch_larger_than_the_data_is_clamped_when_training(model, qtbot):
    model.set_preset("xor-backprop-2")
    s = model.run
    s.spec = s.spec.with_changes(batch_size=500)  # e.g. from an old session file
    assert s.ensure_trainer()
    assert s.trainer.spec.batch_size == 4
    s.step("epoch")
    qtbot.waitUntil(lambda: not s.busy, timeout=WAIT)
    assert s.epoch == 1


def test_nan_and_inf_weights_are_refused(model):
    model.set_preset("xor-backprop-2")
    before = model.network.params.copy()
    refused = []
    model.edit_refused.connect(refused.append)
    for bad in (np.nan, np.inf, -np.inf):
        assert not model.edit_weight(0, 0, 0, bad)
        assert not model.edit_block(0, "W", 0, 0, [[1.0, bad]])
    assert len(refused) == 6 and "finite" in refused[0]
    assert np.array_equal(model.network.params, before)


@pytest.mark.parametrize("make, match", [
    (lambda d: TrainData(d.X[:0], d.T[:0], d.y[:0], d.X_test, d.T_test, d.y_test), "empty"),
    (lambda d: TrainData(d.X[:, :1], d.T, d.y, d.X_test, d.T_test, d.y_test), "columns"),
    (lambda d: TrainData(d.X, d.T[:, :0], d.y, d.X_test, d.T_test, d.y_test), "columns"),
    (lambda d: TrainData(d.X, d.T, d.y[:1], d.X_test, d.T_test, d.y_test), "length"),
    (lambda d: TrainData(d.X * np.nan, d.T, d.y, d.X_test, d.T_test, d.y_test), "NaN"),
])
def test_empty_or_mismatched_data_is_a_message(model, monkeypatch, make, match):
    model.set_preset("xor-backprop-2")
    good = model.train_data()
    monkeypatch.setattr(model, "train_data", lambda: make(good))
    s = model.run
    messages = []
    s.status_posted.connect(messages.append)
    assert not s.play()
    assert s.trainer is None and not s.playing
    assert messages and match in messages[-1]
