"""Session files: round trip, atomic save, and every kind of bad file refused with a message."""

import io
import json
import os
import pickle
import zipfile

import numpy as np
import pytest

from nnviz.core.files.io import ModelFileError, load_any_weights, load_model
from nnviz.core.files.session import (
    HISTORY_FIELDS,
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


def _session(seed=1) -> Session:
    net = Network.from_spec(NetworkSpec.mlp((2, 3, 1), ("tanh", "sigmoid"), seed=seed))
    evals = [EvalPoint(i * 4, i / 1.0, 0.7 - i / 100, 0.5, 0.69, 0.5) for i in range(5)]
    history, names = history_from_evals(evals)
    return Session("xor-backprop-2", net.spec, net.params,
                   TrainSpec(loss="bce", lr=0.5, epochs=30), history, epoch=4, samples_seen=16,
                   ui={"sample_index": 2, "play_unit": "epoch", "every": 10, "delay": 0.0,
                       "until_epoch": None}, history_fields=names)


def test_round_trip(tmp_path):
    s = _session()
    path = tmp_path / "s.npz"
    save_session(path, s)
    t = load_session(path)
    assert t.lesson == s.lesson and t.network == s.network and t.train == s.train
    assert np.array_equal(t.params, s.params) and t.checksum() == s.checksum()
    assert np.array_equal(t.history, s.history, equal_nan=True)
    assert t.history_fields == s.history_fields
    assert (t.epoch, t.samples_seen, t.ui) == (4, 16, s.ui)
    assert [e.samples_seen for e in t.evals()] == [0, 4, 8, 12, 16]
    assert is_session_file(path)
    assert t.build_network().params.tolist() == s.params.tolist()


def test_a_session_without_training_or_history(tmp_path):
    s = _session()
    s = Session("forward-walkthrough", s.network, s.params)
    save_session(tmp_path / "s.npz", s)
    t = load_session(tmp_path / "s.npz")
    assert t.train is None and t.history.shape == (0, len(HISTORY_FIELDS)) and t.evals() == []


def test_interrupted_save_keeps_the_previous_file(tmp_path, monkeypatch):
    """Acceptance (b): a save that fails half-way leaves the previous file intact."""
    path = tmp_path / "s.npz"
    save_session(path, _session(1))
    before = path.read_bytes()

    real_savez = np.savez

    def half_then_fail(f, **arrays):
        real_savez(f, **arrays)
        f.seek(f.tell() // 2)
        f.truncate()
        raise OSError("the disk is full")

    monkeypatch.setattr(np, "savez", half_then_fail)
    with pytest.raises(OSError):
        save_session(path, _session(2))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.npz"]  # no temp file left behind
    assert load_session(path).checksum() == _session(1).checksum()


def _rewrite(src, dst, **replace):
    """Copy the npz ``src`` to ``dst`` with some members replaced (name -> array)."""
    with np.load(src, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays.update(replace)
    for k in [k for k, v in arrays.items() if v is None]:
        del arrays[k]
    with open(dst, "wb") as f:
        np.savez(f, **arrays)


def _meta(path):
    with np.load(path) as z:
        return json.loads(bytes(z["meta"]))


def _meta_array(meta):
    return np.frombuffer(json.dumps(meta).encode(), np.uint8)


@pytest.mark.parametrize("change, match", [
    (lambda m: m.update(format="nnviz-model"), "not an nnviz session"),
    (lambda m: m.update(version=99), "newer nnviz"),
    (lambda m: m.update(version="1"), "version"),
    (lambda m: m["network"]["layers"][0].update(units=0), "units"),
    (lambda m: m["network"]["layers"][0].update(units=10_000), "units"),
    (lambda m: m["train"].update(lr=0), "learning rate"),
    (lambda m: m["train"].update(lr=1e6), "learning rate"),
    (lambda m: m["train"].update(batch_size=-1), "batch"),
    (lambda m: m.update(epoch=-3), "epoch"),
    (lambda m: m.update(samples_seen=1.5), "samples_seen"),
    (lambda m: m.update(lesson=["x"]), "lesson"),
    (lambda m: m.update(ui=[1, 2]), "ui"),
    (lambda m: m.update(ui={"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": 1}}}}}}}}}),
     "deeply"),
    (lambda m: m.update(history_fields=["a", "b"]), "columns"),
])
def test_bad_meta_is_refused(tmp_path, change, match):
    good = tmp_path / "good.npz"
    save_session(good, _session())
    meta = _meta(good)
    change(meta)
    bad = tmp_path / "bad.npz"
    _rewrite(good, bad, meta=_meta_array(meta))
    with pytest.raises(SessionFileError, match=match):
        load_session(bad)


@pytest.mark.parametrize("replace, match", [
    ({"params": np.zeros(3)}, "parameters stored"),
    ({"params": np.full(13, np.nan)}, "NaN"),
    ({"params": np.zeros((13, 1))}, "shape"),
    ({"params": np.array(["a"] * 13)}, "holds text"),
    ({"history": np.zeros((3, 2))}, "shape"),
    ({"history": np.full((2, 9), np.inf)}, "sample counts"),
    ({"meta": np.zeros(4, np.float32)}, "unexpected type"),
    ({"meta": np.frombuffer(b"{not json", np.uint8)}, "JSON"),
    ({"meta": np.frombuffer(b'{"format": "nnviz-session", "version": NaN}', np.uint8)},
     "JSON"),
    ({"history": None}, "no history"),
])
def test_bad_arrays_are_refused(tmp_path, replace, match):
    good = tmp_path / "good.npz"
    save_session(good, _session())
    bad = tmp_path / "bad.npz"
    _rewrite(good, bad, **replace)
    with pytest.raises(SessionFileError, match=match):
        load_session(bad)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04", b"not a zip at all", b"\x00" * 1000])
def test_garbage_files_are_refused(tmp_path, content):
    p = tmp_path / "x.npz"
    p.write_bytes(content)
    with pytest.raises(SessionFileError):
        load_session(p)
    assert not is_session_file(p)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(SessionFileError, match="could not be read"):
        load_session(tmp_path / "nope.npz")


def test_a_session_is_a_model_error_so_file_open_reports_it(tmp_path):
    assert issubclass(SessionFileError, ModelFileError)
    # and a model file is not mistaken for a session
    from nnviz.core.files.io import save_model

    net = _session().build_network()
    save_model(tmp_path / "m.npz", net)
    assert not is_session_file(tmp_path / "m.npz")
    with pytest.raises(SessionFileError, match="not an nnviz session"):
        load_session(tmp_path / "m.npz")


# -- hostile pickles (acceptance d) -------------------------------------------------------
class _Evil:
    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _npz_with_object_array(path, name, marker, base=None):
    """An .npz whose ``name`` member is an object array holding a __reduce__ payload."""
    arrays = {}
    if base is not None:
        with np.load(base, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    evil = np.empty(1, dtype=object)
    evil[0] = _Evil(marker)
    arrays[name] = evil
    buf = io.BytesIO()
    np.savez(buf, **arrays)  # np.save pickles object arrays (allow_pickle defaults to True)
    path.write_bytes(buf.getvalue())


@pytest.mark.parametrize("member", ["meta", "params", "history"])
def test_hostile_pickle_inside_a_session_npz_does_not_execute(tmp_path, member):
    good = tmp_path / "good.npz"
    save_session(good, _session())
    marker = tmp_path / "pwned"
    bad = tmp_path / "bad.npz"
    _npz_with_object_array(bad, member, marker, base=good)
    with zipfile.ZipFile(bad) as z:  # the payload really is a pickle in there
        assert b"system" in z.read(f"{member}.npy")
    with pytest.raises(SessionFileError):
        load_session(bad)
    assert is_session_file(bad) in (True, False)  # never raises, never runs it
    assert not marker.exists()


@pytest.mark.parametrize("loader", [load_model, load_any_weights, load_session])
@pytest.mark.parametrize("member", ["meta", "params"])
def test_hostile_pickle_inside_any_npz_does_not_execute(tmp_path, loader, member):
    marker = tmp_path / "pwned"
    bad = tmp_path / "bad.npz"
    _npz_with_object_array(bad, member, marker)
    if member == "params":  # a valid meta next to it, so the loader gets as far as params
        good = tmp_path / "good.npz"
        save_session(good, _session())
        _npz_with_object_array(bad, "params", marker, base=good)
    with pytest.raises(ModelFileError):
        loader(bad)
    assert not marker.exists()


def test_a_pickled_session_object_is_refused_by_every_loader(tmp_path):
    marker = tmp_path / "pwned"
    p = tmp_path / "s.npz"
    p.write_bytes(pickle.dumps({"W1": _Evil(marker)}))
    for loader in (load_session, load_any_weights, load_model):
        with pytest.raises(ModelFileError):
            loader(p)
    assert not marker.exists()
