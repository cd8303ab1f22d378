"""Fuzzing the file loaders: every mutated or truncated file gives a clear error, never a crash.

Fixed budget (hypothesis max_examples) so the suite stays fast in CI.  A hostile pickle never
runs code (tests/core/test_io.py has the explicit payload cases).
"""

import json
import os
import pickle
import tempfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.core.files.io import ModelFileError, load_model, load_weight_pickle, save_model
from nnviz.core.lessons.presets import Preset, preset_dir
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec, SpecError

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _model_bytes():
    net = Network.from_spec(NetworkSpec.mlp((3, 4, 2), ("tanh", "softmax"), seed=1))
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "m.npz")
        save_model(path, net)
        with open(path, "rb") as f:
            return f.read()


MODEL = _model_bytes()
PICKLE = pickle.dumps({"W1": np.ones((3, 2)), "b1": np.zeros(2)}, protocol=4)
PRESET = (preset_dir() / "forward-walkthrough.json").read_bytes()


def _mutate(data: bytes, edits, cut):
    b = bytearray(data)
    for pos, val in edits:
        if b:
            b[pos % len(b)] = val
    return bytes(b[:cut]) if cut is not None else bytes(b)


edits = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8)
cuts = st.one_of(st.none(), st.integers(0, 4000))


@FUZZ
@given(edits=edits, cut=cuts)
def test_mutated_model_files(tmp_path, edits, cut):
    path = tmp_path / "m.npz"
    path.write_bytes(_mutate(MODEL, edits, cut))
    try:
        net, _ = load_model(path)
    except ModelFileError:
        return
    assert np.all(np.isfinite(net.params))  # whatever loads is a usable network


@FUZZ
@given(edits=edits, cut=cuts)
def test_mutated_weight_pickles(tmp_path, edits, cut):
    path = tmp_path / "w.pkl"
    path.write_bytes(_mutate(PICKLE, edits, cut))
    try:
        out = load_weight_pickle(path)
    except ModelFileError:
        return
    assert all(isinstance(v, np.ndarray) for v in out.values())


@FUZZ
@given(edits=edits, cut=cuts)
def test_mutated_preset_files(tmp_path, edits, cut):
    data = _mutate(PRESET, edits, cut)
    try:
        d = json.loads(data.decode("utf-8"))
        p = Preset.from_dict(d)
    except (UnicodeDecodeError, json.JSONDecodeError, SpecError):
        return
    p.build_network()  # a preset that parses must also build


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(), c,
                                                                        max_size=4),
                    max_leaves=20))
def test_arbitrary_json_network_specs(obj):
    try:
        NetworkSpec.from_dict(obj)
    except SpecError:
        pass


@pytest.mark.parametrize("weights", [
    {"W1": [[1, 2]]}, {"W9": [[1], [2]]}, {"b1": ["x"]}, {"W1": [[1], [float("inf")]]},
    {"Q1": [1]}, {"b1": [1, 2, 3]},
])
def test_bad_hand_set_weights_are_refused(weights):
    d = json.loads(PRESET)
    d["network"] = {"inputs": 2, "layers": [{"units": 1}]}
    d["weights"] = weights
    with pytest.raises(SpecError):
        Preset.from_dict(d)


@pytest.mark.parametrize("field,value", [
    ("inputs", 0), ("inputs", 10**9), ("layers", [{"units": 10_000}]), ("seed", -1),
    ("layers", [{"units": 2, "alpha": float("nan")}]), ("layers", "xx"),
])
def test_extreme_spec_values_are_refused(field, value):
    d = {"inputs": 2, "layers": [{"units": 1}]}
    d[field] = value
    with pytest.raises(SpecError):
        NetworkSpec.from_dict(d)
