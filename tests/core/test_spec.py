import json

import pytest

from nnviz.core.spec import (
    MAX_UNITS,
    SPEC_VERSION,
    LayerSpec,
    NetworkSpec,
    SpecError,
    TrainSpec,
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
