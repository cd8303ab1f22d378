"""Models and sessions (.npz): dtypes, counts and members are checked from the zip directory and
the .npy headers before any data is inflated; weights are bounded; saves are 0644 and never
replace a device or folder.  Each case is one of issue 14's."""

import os
import stat
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from nnviz.core.files.io import (
    MAX_ABS_WEIGHT,
    ModelFileError,
    atomic_write,
    check_save_target,
    load_model,
    save_model,
)
from nnviz.core.files.session import SessionFileError, load_session

sys.path.insert(0, str(Path(__file__).parents[1] / "fuzz"))
from fuzz_corpus_files import N_PARAMS, model_bytes, session_bytes  # noqa: E402
from fuzz_zip import (  # noqa: E402
    Member,
    meta_npy,
    meta_of,
    npy,
    npy_header,
    npz_members,
    replace_members,
    zip_bytes,
)

MODEL, SESSION = model_bytes(), session_bytes()
LOADS = pytest.mark.parametrize("load, base", [(load_model, MODEL), (load_session, SESSION)],
                                ids=["model", "session"])


def _write(tmp_path, data: bytes, name="f.npz") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


BAD_DTYPES = {
    "S4": np.array([b"abcd"] * N_PARAMS), "U3": np.array(["abc"] * N_PARAMS),
    "structured": np.zeros(N_PARAMS, [("a", "<f8"), ("b", "<f8")]),
    "complex128": np.zeros(N_PARAMS, complex), "datetime64": np.zeros(N_PARAMS, "M8[ns]"),
    "timedelta64": np.zeros(N_PARAMS, "m8[s]"), "bool": np.zeros(N_PARAMS, bool),
    "uint8": np.zeros(N_PARAMS, np.uint8), "float16": np.zeros(N_PARAMS, np.float16),
    "int64": np.zeros(N_PARAMS, np.int64), "object": np.array([1.0] * N_PARAMS, object),
}


@LOADS
@pytest.mark.parametrize("dtype", sorted(BAD_DTYPES))
def test_parameters_must_be_real_floating_point(tmp_path, load, base, dtype):
    path = _write(tmp_path, replace_members(base, params=npy(BAD_DTYPES[dtype])))
    with pytest.raises(ModelFileError, match="unexpected type; expected float32 or float64"):
        load(path)


@LOADS
@pytest.mark.parametrize("descr", ["|S0", "<U0", "|V0"])
def test_zero_itemsize_dtypes_with_a_lying_shape_are_refused(tmp_path, load, base, descr):
    # 10**12 elements of 0 bytes: "0 bytes" to a check in bytes, an ArrayMemoryError to NumPy
    path = _write(tmp_path, replace_members(base, params=npy_header(descr, (10**12,))))
    with pytest.raises(ModelFileError, match="unexpected type"):
        load(path)


@LOADS
def test_a_huge_float_member_is_refused_by_its_count_before_inflating(tmp_path, load, base):
    others = [Member(k, v) for k, v in npz_members(base).items() if k != "params.npy"]
    big = Member("params.npy", npy_header("<f8", (50 * 2**20,)), 400 * 2**20)  # 400 MB
    path = _write(tmp_path, zip_bytes(others + [big]))
    assert path.stat().st_size < 2**20
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(ModelFileError, match=f"52,428,800.*{N_PARAMS}|needs \\({N_PARAMS},"):
            load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t0 < 2 and peak < 8 * 2**20


@pytest.mark.parametrize("rows, match", [(10_000_000, "unpack to"), (200_000, "too long")])
def test_a_history_of_millions_of_rows_is_refused_at_once(tmp_path, rows, match):
    cols = len(meta_of(SESSION)["history_fields"])
    others = [Member(k, v) for k, v in npz_members(SESSION).items() if k != "history.npy"]
    hist = Member("history.npy", npy_header("<f8", (rows, cols)), rows * cols * 8)
    path = _write(tmp_path, zip_bytes(others + [hist]))
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(SessionFileError, match=match):
            load_session(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t0 < 2 and peak < 8 * 2**20


@LOADS
@pytest.mark.parametrize("value, ok", [(1e308, False), (-2 * MAX_ABS_WEIGHT, False),
                                       (0.9 * MAX_ABS_WEIGHT, True)])
def test_weights_are_bounded(tmp_path, load, base, value, ok):
    path = _write(tmp_path, replace_members(base, params=npy(np.full(N_PARAMS, value))))
    if ok:
        load(path)
    else:
        with pytest.raises(ModelFileError, match="beyond"):
            load(path)


@LOADS
@pytest.mark.parametrize("name, match", [
    ("../../evil.npy", "folder path"), ("/abs.npy", "folder path"), ("a\\b.npy", "folder path"),
    ("params", "not a .npy array"), ("notes.txt", "not a .npy array"),
    ("extra.npy", "unknown member"), ("meta.npy", "appears twice"),
])
def test_unexpected_members_are_refused_not_skipped(tmp_path, load, base, name, match):
    members = [Member(k, v) for k, v in npz_members(base).items()]
    path = _write(tmp_path, zip_bytes(members + [Member(name, npy(np.zeros(1)))]))
    with pytest.raises(ModelFileError, match=match):
        load(path)


@pytest.mark.parametrize("load, base, key", [(load_model, MODEL, "spec"),
                                             (load_session, SESSION, "network")],
                         ids=["model", "session"])
@pytest.mark.parametrize("name, match", [("NaN", "NaN"), ("Infinity", "Infinity"),
                                         ("12", "not text"), ("[1]", "not text")])
def test_a_spec_a_later_autosave_could_not_write_is_refused(tmp_path, load, base, key, name,
                                                            match):
    import json

    meta = meta_of(base)
    meta[key]["name"] = "__NAME__"
    text = json.dumps(meta).replace('"__NAME__"', name)
    path = _write(tmp_path, replace_members(base, meta=meta_npy(text)))
    with pytest.raises(ModelFileError, match=match):
        load(path)


def test_saved_files_are_readable_by_the_group_and_others(tmp_path):
    from nnviz.core.nn.network import Network
    from nnviz.core.nn.spec import NetworkSpec

    old = os.umask(0o022)
    try:
        path = tmp_path / "m.npz"
        save_model(path, Network.from_spec(NetworkSpec.mlp((2, 1), "sigmoid")))
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        os.chmod(path, 0o600)  # the user's own choice survives the next save
        atomic_write(path, lambda f: f.write(b"x"))
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_a_save_never_replaces_a_device_folder_or_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path, Path("/dev/null")):
        with pytest.raises(ModelFileError, match="choose a file name"):
            check_save_target(target)
        with pytest.raises(ModelFileError):
            atomic_write(target, lambda f: f.write(b"x"))
    assert stat.S_ISFIFO(fifo.stat().st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left
    check_save_target(tmp_path / "new.npz")  # a new file is fine
