"""Fuzzing session files: mutated bytes and mutated JSON meta end in SessionFileError, never in
another exception, a hang or code execution.  Fixed budget (max_examples) for CI.
"""

import io
import json
import os
import tempfile

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.core.files.session import (
    Session,
    SessionFileError,
    history_from_evals,
    is_session_file,
    load_session,
    save_session,
)
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec, TrainSpec
from nnviz.core.train.trainer import EvalPoint

FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _session_bytes() -> bytes:
    net = Network.from_spec(NetworkSpec.mlp((2, 3, 1), ("tanh", "sigmoid"), seed=3))
    history, names = history_from_evals([EvalPoint(i, i / 4, 0.5, 0.5, 0.5, 0.5)
                                         for i in range(4)])
    s = Session("xor-backprop-2", net.spec, net.params, TrainSpec(loss="bce"), history, 1, 4,
                {"sample_index": 0, "play_unit": "epoch"}, names)
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "s.npz")
        save_session(p, s)
        with open(p, "rb") as f:
            return f.read()


SESSION = _session_bytes()
with np.load(io.BytesIO(SESSION)) as _z:
    ARRAYS = {k: _z[k] for k in _z.files}
META = json.loads(bytes(ARRAYS["meta"]))


def _check(path):
    try:
        s = load_session(path)
    except SessionFileError as exc:
        assert str(exc)  # a message the user can read
        return None
    # whatever loads is usable: a network can be built and its history read
    assert np.all(np.isfinite(s.build_network().params))
    s.evals()
    return s


edits = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8)
cuts = st.one_of(st.none(), st.integers(0, len(SESSION)))


@FUZZ
@given(edits=edits, cut=cuts)
def test_mutated_session_bytes(tmp_path, edits, cut):
    b = bytearray(SESSION)
    for pos, val in edits:
        b[pos % len(b)] = val
    data = bytes(b[:cut]) if cut is not None else bytes(b)
    path = tmp_path / "s.npz"
    path.write_bytes(data)
    is_session_file(path)  # never raises
    _check(path)


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                      st.floats(allow_nan=False), st.text(max_size=20))
json_value = st.recursive(json_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
paths = st.sampled_from([
    ("format",), ("version",), ("lesson",), ("network",), ("network", "inputs"),
    ("network", "layers"), ("network", "layers", 0), ("network", "layers", 0, "units"),
    ("network", "layers", 0, "activation"), ("network", "seed"), ("train",), ("train", "lr"),
    ("train", "batch_size"), ("train", "optimizer"), ("train", "params"), ("epoch",),
    ("samples_seen",), ("history_fields",), ("ui",), ("ui", "sample_index"),
])


def _set(meta, path, value):
    obj = meta
    for k in path[:-1]:
        obj = obj[k]
    if isinstance(obj, list) and isinstance(path[-1], int):
        obj[path[-1]] = value
    else:
        obj[path[-1]] = value


@FUZZ
@given(changes=st.lists(st.tuples(paths, json_value), min_size=1, max_size=3))
def test_mutated_session_meta(tmp_path, changes):
    meta = json.loads(json.dumps(META))
    for path, value in changes:
        try:
            _set(meta, path, value)
        except (KeyError, TypeError, IndexError):
            pass
    arrays = dict(ARRAYS)
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), np.uint8)
    path = tmp_path / "s.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    _check(path)


@FUZZ
@given(params=st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), max_size=20),
       rows=st.integers(0, 5), cols=st.integers(0, 12))
def test_mutated_session_arrays(tmp_path, params, rows, cols):
    arrays = dict(ARRAYS)
    arrays["params"] = np.array(params, dtype=np.float64)
    arrays["history"] = np.full((rows, cols), 1.0)
    path = tmp_path / "s.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    _check(path)
