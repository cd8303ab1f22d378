import json

import pytest

from nnviz.core.nn.spec import (
    ACTIVATION_NAMES,
    MAX_UNITS,
    SPEC_VERSION,
    LayerSpec,
    NetworkSpec,
    SpecError,
    TrainSpec,
    check_loss_output,
)


def test_network_spec_round_trip_through_json():
    spec = NetworkSpec.mlp((784, 100, 10), ("tanh", "softmax"), bias=False, init="course",
                           seed=7, name="x")
    d = json.loads(json.dumps(spec.to_dict()))
    assert d["version"] == SPEC_VERSION
    assert NetworkSpec.from_dict(d) == spec
    assert spec.sizes == (784, 100, 10)
    assert spec.n_params() == 784 * 100 + 100 * 10


def test_n_params_counts_bias_maxout_and_prelu():
    spec = NetworkSpec(2, (LayerSpec(3, "maxout"), LayerSpec(1, "prelu")))
    assert spec.n_params() == (2 * 6 + 6) + (3 * 1 + 1 + 1)


@pytest.mark.parametrize("units", [0, MAX_UNITS + 1, 10_000, -1])
def test_extreme_layer_sizes_are_refused(units):
    with pytest.raises(SpecError, match="units"):
        NetworkSpec(2, (LayerSpec(units, "relu"),))


@pytest.mark.parametrize("bad", [
    {"inputs": 2, "layers": [{"units": 2, "activation": "nope"}]},
    {"inputs": 2, "layers": []},
    {"inputs": 2},
    {"inputs": "2", "layers": [{"units": 1}]},
    {"inputs": 2, "layers": [{"units": 2, "activation": "softmax"}, {"units": 1}]},
    {"version": 99, "inputs": 2, "layers": [{"units": 1}]},
    [1, 2, 3],
])
def test_bad_network_dicts_raise_spec_error(bad):
    with pytest.raises(SpecError):
        NetworkSpec.from_dict(bad)


def test_train_spec_defaults_and_validation():
    t = TrainSpec(optimizer="adam", lr=0.001)
    assert t.optimizer_params() == {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
    assert TrainSpec.from_dict(t.to_dict()) == t
    for bad in ({"lr": 0.0}, {"lr": float("nan")}, {"lr": 1e6}, {"batch_size": 0},
                {"optimizer": "adam", "params": {"rho": 0.9}}, {"dtype": "float16"}):
        with pytest.raises(SpecError):
            TrainSpec(**bad)
    with pytest.raises(SpecError, match="unknown fields"):
        TrainSpec.from_dict({"lr": 0.1, "bogus": 1})


# -- loss / output layer pairs (issue 13) ----------------------------------------------------

def _out(units, act):
    return NetworkSpec(3, (LayerSpec(4, "tanh"), LayerSpec(units, act)))


@pytest.mark.parametrize("loss,units,act,words", [
    ("cce", 1, "sigmoid", "softmax output"),  # −t log y: only ever pushes y up
    ("cce", 3, "sigmoid", "softmax output"),
    ("cce", 2, "identity", "softmax output"),
    ("cce", 2, "relu", "softmax output"),
    ("bce", 1, "tanh", "between 0 and 1"),  # log of a negative output
    ("bce", 2, "identity", "between 0 and 1"),
    ("bce", 1, "step", "between 0 and 1"),
    ("bce", 2, "maxout", "between 0 and 1"),
    ("mse", 1, "softmax", "at least 2 units"),  # always 1
    ("cce", 1, "softmax", "at least 2 units"),
    ("bce", 1, "softmax", "at least 2 units"),
])
def test_loss_output_pairs_that_make_no_sense_are_refused(loss, units, act, words):
    with pytest.raises(SpecError, match=words):
        check_loss_output(_out(units, act), loss)


def test_loss_output_pairs_that_make_sense_are_accepted():
    for act in ACTIVATION_NAMES:
        check_loss_output(_out(2, act), "mse")
        if act != "softmax":
            check_loss_output(_out(1, act), "mse")  # the perceptron lessons: mse on a step
    for units in (1, 3):
        check_loss_output(_out(units, "sigmoid"), "bce")
    check_loss_output(_out(2, "softmax"), "bce")
    check_loss_output(_out(10, "softmax"), "cce")
    with pytest.raises(SpecError, match="loss"):
        check_loss_output(_out(2, "softmax"), "hinge")


def test_every_lesson_preset_trains_a_loss_its_output_accepts():
    from nnviz.core.lessons.presets import all_presets

    trained = [p for p in all_presets() if p.training is not None]
    assert len(trained) >= 10
    for p in trained:
        check_loss_output(p.network, p.training.loss)


def test_training_engines_refuse_a_pair_that_makes_no_sense():
    from nnviz.core.nn.network import Network
    from nnviz.core.train.engine import BatchEngine, SampleEngine

    net = Network.from_spec(_out(1, "sigmoid"))
    for make in (lambda: SampleEngine(net, "cce"), lambda: BatchEngine(net, "cce", 4)):
        with pytest.raises(SpecError, match="categorical cross-entropy"):
            make()
