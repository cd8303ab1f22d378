"""Every lesson preset loads, and every number of docs/lessons.md is reproduced through it."""

import numpy as np
import pytest

from nnviz.core.lessons.presets import GROUPS, all_presets, get_preset
from nnviz.core.nn.activations import apply, derivative, softmax, softmax_naive

X4 = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)


def test_all_presets_load_in_handout_order():
    presets = all_presets()
    assert len(presets) >= 20
    groups = [p.group for p in presets]
    assert groups == sorted(groups, key=GROUPS.index)
    for p in presets:
        assert p.title["en"] and p.title["ko"] and p.summary["ko"]
        net = p.build_network()
        assert net.spec.sizes == p.network.sizes
        if p.data.get("kind") in ("gate", "toy"):
            assert p.load_data() is not None


def test_hand_found_and_weights_give_0001():
    net = get_preset("perceptron-and-by-hand").build_network()
    assert net.forward(X4)[:, 0].tolist() == [0, 0, 0, 1]


def test_xor_from_gates_and_hidden_table():
    p = get_preset("xor-gates")
    trace = p.build_network().trace(X4)
    assert trace[-1][1][:, 0].tolist() == p.expect["outputs"] == [0, 1, 1, 0]
    assert trace[0][1].tolist() == p.expect["hidden"]  # n1 = NAND, n2 = OR


def test_xor_with_relu_and_hidden_points():
    p = get_preset("xor-relu")
    trace = p.build_network().trace(X4)
    assert trace[-1][1][:, 0].tolist() == [0, 1, 1, 0]
    assert trace[0][1].tolist() == [[0, 0], [1, 0], [1, 0], [2, 1]]


def test_forward_walkthrough_reproduces_handout_002_exactly():
    p = get_preset("forward-walkthrough")
    (a1, z1), (a2, z2), (a3, y) = p.build_network().trace(p.data["x"])
    e = p.expect
    np.testing.assert_allclose(a1, e["A1"], atol=5e-9)
    np.testing.assert_allclose(z1, e["Z1"], atol=5e-9)
    np.testing.assert_allclose(a2, e["A2"], atol=5e-9)
    np.testing.assert_allclose(z2, e["Z2"], atol=5e-9)
    np.testing.assert_allclose(y, e["y"], atol=5e-9)


def test_activation_and_softmax_lessons():
    e = get_preset("activations").expect
    np.testing.assert_allclose(apply("sigmoid", e["sigmoid_x"]), e["sigmoid_y"], rtol=1e-8)
    xs = np.linspace(-10, 10, 20001)
    assert derivative("sigmoid", xs).max() == pytest.approx(e["sigmoid_derivative_max"])
    assert derivative("tanh", xs).max() == pytest.approx(e["tanh_derivative_max"])
    s = get_preset("softmax-overflow")
    big = s.data["rows"][0]
    assert big == [1010, 1000, 990]
    assert np.isnan(softmax_naive(big)).all()
    np.testing.assert_allclose(softmax(np.array(big, float)), s.expect["stable"], rtol=1e-8)
    np.testing.assert_allclose(softmax(np.array(s.expect["small_x"])), s.expect["small"],
                               rtol=1e-6)


@pytest.mark.parametrize("pid", ["xor-backprop-2", "xor-backprop-3"])
def test_xor_learned_by_backprop(pid):
    tr = get_preset(pid).make_trainer()
    snaps = list(tr.run("epoch", every=100))
    first, last = snaps[0].evals[0], snaps[-1].evals[-1]
    assert last.train_acc == 1.0
    assert last.train_loss < first.train_loss / 5


def test_keras_and_softmax_reaches_accuracy_one():
    p = get_preset("keras-and-softmax")
    assert p.network.n_params() == p.expect["n_params"] == 6
    tr = p.make_trainer()
    last = list(tr.run("epoch", every=1000))[-1]
    assert last.evals[-1].train_acc == 1.0
    probs = tr.net.forward(X4)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    assert probs.argmax(axis=1).tolist() == [0, 0, 0, 1]


def test_vanishing_gradient_sigmoid_vs_relu():
    norms = {}
    for act in ("sigmoid", "relu"):
        tr = get_preset(f"vanishing-{act}").make_trainer()
        snap = tr.step("batch")
        norms[act] = np.array(snap.grad_norms)
    sig, relu = norms["sigmoid"], norms["relu"]
    # the first layer of the sigmoid net learns orders of magnitude slower than its last
    assert sig[0] < sig[-1] / 100
    assert sig[0] < relu[0] / 100


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"])
def test_optimizers_lesson_runs_every_optimizer_from_the_same_weights(name):
    p = get_preset("optimizers")
    assert name in p.compare["optimizer"]
    tr = p.make_trainer(epochs=20)
    tr.set_optimizer(name)
    start = tr.net.params.copy()
    first = tr.step("epoch").evals
    assert np.array_equal(tr.initial_params, start)
    last = list(tr.run("epoch"))[-1]
    assert np.isfinite(last.evals[-1].train_loss)
    assert last.evals[-1].train_loss <= first[0].train_loss + 1e-9


# -- lesson files are data: bounded JSON, looked up by name only ---------------------------

@pytest.mark.parametrize("preset_id", ["../../x", "/etc/passwd", "..", "a/b", "x.json", "",
                                       "X" * 65, "forward walkthrough"])
def test_a_lesson_is_looked_up_by_name_never_by_path(preset_id):
    with pytest.raises(KeyError, match="not a lesson name"):
        get_preset(preset_id)


@pytest.mark.parametrize("replace, match", [
    ('"order": 1e400, "x": ', "too large"),
    ('"order": NaN, "x": ', "NaN"),
    ('"order": ' + "9" * 5000 + ', "x": ', "5,000 digits"),
    ('"order": 1.5, "x": ', "order must be a whole number"),
    ('"order": true, "x": ', "order must be a whole number"),
    ('"deep": ' + "[" * 50_000 + "]" * 50_000 + ', "order": ', "nested too deeply"),
])
def test_a_broken_lesson_file_gives_a_message(tmp_path, replace, match):
    from nnviz.core.lessons.presets import PresetError, load_preset_file, preset_dir
    from nnviz.core.nn.spec import SpecError

    text = (preset_dir() / "forward-walkthrough.json").read_text("utf-8")
    assert '"order": ' in text
    path = tmp_path / "bad.json"
    path.write_text(text.replace('"order": ', replace, 1), "utf-8")
    with pytest.raises(PresetError, match=match) as info:
        load_preset_file(path)
    assert isinstance(info.value, SpecError) and "bad.json" in str(info.value)
