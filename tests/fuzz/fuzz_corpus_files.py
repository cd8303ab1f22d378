"""Known-nasty .npz models and sessions, IDX/MNIST data, presets and special files (issue 14).

See :mod:`fuzz_corpus` for :class:`Case`.  Everything is written by the tests themselves.
"""

from __future__ import annotations

import gzip
import json
import os
import struct
import tempfile
from pathlib import Path

import numpy as np
from fuzz_corpus import Case
from fuzz_zip import (
    Member,
    gzip_zeros,
    meta_npy,
    meta_of,
    npy,
    npy_header,
    replace_members,
    zip_bytes,
)

from nnviz.core.files.io import save_model
from nnviz.core.files.session import HISTORY_FIELDS, Session, history_from_evals, save_session
from nnviz.core.lessons.datasets.idx import idx_bytes
from nnviz.core.lessons.presets import preset_dir
from nnviz.core.nn.network import Network
from nnviz.core.nn.spec import NetworkSpec, TrainSpec
from nnviz.core.train.trainer import EvalPoint

N_PARAMS = 13  # the 2-3-1 network below


def _net(dtype="float64") -> Network:
    return Network.from_spec(NetworkSpec.mlp((2, 3, 1), ("tanh", "sigmoid"), seed=3, name="t"),
                             dtype=dtype)


def model_bytes(dtype="float64") -> bytes:
    with tempfile.TemporaryDirectory() as d:
        save_model(Path(d) / "m.npz", _net(dtype), {"preset": "xor"})
        return (Path(d) / "m.npz").read_bytes()


def session_bytes() -> bytes:
    net = _net()
    history, names = history_from_evals([EvalPoint(i, i / 4, 0.5, 0.5, 0.5, 0.5)
                                         for i in range(4)])
    s = Session("xor-backprop-2", net.spec, net.params, TrainSpec(loss="bce"), history, 1, 4,
                {"sample_index": 0}, names)
    with tempfile.TemporaryDirectory() as d:
        save_session(Path(d) / "s.npz", s)
        return (Path(d) / "s.npz").read_bytes()


def _file(name: str, data):
    def make(folder: Path) -> Path:
        p = folder / name
        p.write_bytes(data() if callable(data) else data)
        return p
    return make


def _with_meta(npz: bytes, change) -> bytes:
    meta = meta_of(npz)
    change(meta)
    return replace_members(npz, meta=meta_npy(json.dumps(meta)))


_BAD_PARAM_DTYPES = {
    "S4": np.array([b"abcd"] * N_PARAMS), "U3": np.array(["abc"] * N_PARAMS),
    "structured": np.zeros(N_PARAMS, [("a", "<f8")]), "complex128": np.zeros(N_PARAMS, complex),
    "datetime64": np.zeros(N_PARAMS, "M8[ns]"), "timedelta64": np.zeros(N_PARAMS, "m8[s]"),
    "bool": np.zeros(N_PARAMS, bool), "uint8": np.zeros(N_PARAMS, np.uint8),
    "float16": np.zeros(N_PARAMS, np.float16), "int64": np.zeros(N_PARAMS, np.int64),
    "object": np.array([None] * N_PARAMS, dtype=object),
}


def npz_cases() -> list[Case]:
    model, session = model_bytes(), session_bytes()
    cases = []
    for loader, base in (("model", model), ("session", session)):
        def case(name, make_bytes, match, loader=loader, base=base):
            cases.append(Case(f"{loader}-{name}", loader,
                              _file(f"{loader}-{name}.npz", lambda: make_bytes(base)),
                              "refused", match))
        for dname, arr in _BAD_PARAM_DTYPES.items():
            case(f"params-{dname}", lambda b, a=arr: replace_members(b, params=npy(a)),
                 "unexpected type")
        for descr in ("|S0", "<U0", "|V0"):  # zero item size, a shape of 10**12
            case(f"params-{descr[1:]}-lying", lambda b, d=descr: replace_members(
                b, params=npy_header(d, (10**12,))), "unexpected type")
        case("params-1e308", lambda b: replace_members(b, params=npy(np.full(N_PARAMS, 1e308))),
             "beyond")
        case("params-count", lambda b: replace_members(b, params=npy(np.zeros(7))), "needs")
        case("params-400MB", lambda b: zip_bytes(  # 400 MB inflated, 400 kB on disk
            [Member(k, v) for k, v in _members(b, "params.npy").items()]
            + [Member("params.npy", npy_header("<f8", (50 * 2**20,)), 400 * 2**20)]), "needs")
        case("params-claims-1e12", lambda b: replace_members(
            b, params=npy_header("<f8", (10**12,)) + bytes(8)), "claims|needs")
        for member in ("../../evil.npy", "sub/params.npy", "params", "readme.txt",
                       "extra.npy"):
            case(f"member-{member.replace('/', '_')}", lambda b, m=member: zip_bytes(
                [Member(k, v) for k, v in _members(b).items()] + [Member(m, npy(np.zeros(1)))]),
                 "folder path|not a .npy|unknown member")
        case("many-members", lambda b: zip_bytes([Member(f"a{i}.npy", npy(np.zeros(1)))
                                                  for i in range(100)]), "100 arrays")
        case("directory-claims-65535", lambda b: zip_bytes(
            [Member(k, v) for k, v in _members(b).items()], entries_lie=65535), "arrays")
        case("zip-bomb-1GB", lambda b: zip_bytes(
            [Member(k, v) for k, v in _members(b, "meta.npy").items()]
            + [Member("meta.npy", b"", 1024 * 2**20)]), "unpack to")
        case("encrypted", lambda b: zip_bytes(
            [Member(k, v, flags=1) for k, v in _members(b).items()]), "encrypted")
        case("bzip2", lambda b: zip_bytes(
            [Member(k, v, method=12) for k, v in _members(b).items()]), "compression")
        case("spec-name-nan", lambda b: _spec_name(b, float("nan")), "NaN")
        case("spec-name-number", lambda b: _spec_name(b, 5), "name")
        case("meta-deep", lambda b: replace_members(
            b, meta=meta_npy("[" * 100_000 + "]" * 100_000)), "deep")
        case("meta-5000-digits", lambda b: replace_members(
            b, meta=meta_npy('{"format": ' + "9" * 5000 + "}")), "digits")
        case("truncated", lambda b: b[: len(b) // 2], "")
        case("garbage", lambda b: b"PK\x03\x04" + bytes(300), "")
    # the 467 kB session: 10M rows of the six basic columns (480 MB inflated)
    six = _with_meta(session, lambda m: m.update(history_fields=list(HISTORY_FIELDS)))
    for rows in (10_000_000, 200_000):
        cases.append(Case(f"session-history-{rows}-rows", "session", _file(
            f"hist{rows}.npz", lambda rows=rows: zip_bytes(
                [Member(k, v) for k, v in _members(six, "history.npy").items()]
                + [Member("history.npy", npy_header("<f8", (rows, 6)), rows * 6 * 8)])),
            "refused", "too long"))
    cases.append(Case("session-history-empty-impossible", "session", _file(
        "he.npz", lambda: replace_members(session, history=npy_header("<f8", (0, 2**40, 2**40)))),
        "refused", "malformed shape"))
    cases.append(Case("session-history-text", "session", _file("ht.npz", lambda: replace_members(
        session, history=npy(np.array([["a"] * 6] * 2)))), "refused", "unexpected type"))
    cases += [Case("model-legit-float64", "model", _file("ok64.npz", model), "loaded"),
              Case("model-legit-float32", "model", _file("ok32.npz", model_bytes("float32")),
                   "loaded"),
              Case("weights-legit-npz", "weights", _file("okw.npz", model), "loaded"),
              Case("session-legit", "session", _file("oks.npz", session), "loaded")]
    return cases


def _members(npz: bytes, *without: str) -> dict[str, bytes]:
    from fuzz_zip import npz_members

    return {k: v for k, v in npz_members(npz).items() if k not in without}


def _spec_name(npz: bytes, name) -> bytes:
    def change(meta):
        (meta.get("spec") or meta["network"])["name"] = name
    return _with_meta(npz, change)


class _Lazy:
    """Bytes made once, on first use (the 2 GB bomb takes a second to write)."""

    def __init__(self, make):
        self.make, self.data = make, None

    def __call__(self) -> bytes:
        if self.data is None:
            self.data = self.make()
        return self.data


def _mnist_folder(images_gz):
    def make(folder: Path) -> Path:
        d = folder / "mnist-bomb"
        d.mkdir(exist_ok=True)
        (d / "train-images-idx3-ubyte.gz").write_bytes(images_gz())
        for name, n in (("train-labels-idx1-ubyte", 60000), ("t10k-labels-idx1-ubyte", 10000)):
            (d / name).write_bytes(idx_bytes(np.zeros(n, np.uint8)))
        (d / "t10k-images-idx3-ubyte").write_bytes(idx_bytes(np.zeros((10, 28, 28), np.uint8)))
        return d
    return make


def idx_cases() -> list[Case]:
    # the gzip bomb: 2.55M images claimed and present (2 GB inflated, 2 MB on disk)
    claim = struct.pack(">IIII", 0x803, 2_550_000, 28, 28)
    bomb = _Lazy(lambda: gzip_zeros(claim, 2_550_000 * 28 * 28))
    return [
        Case("mnist-gzip-bomb-2.55M", "mnist", _mnist_folder(bomb), "refused", "claims dims"),
        Case("idx-gzip-bomb-2.55M", "idx", _file("bomb.gz", bomb), "refused", "limit"),
        Case("idx-dims-max", "idx", _file("max.idx", b"\0\0\x08\x03" + b"\xff" * 12), "refused",
             "limit"),
        Case("idx-empty-impossible-dims", "idx", _file("e.idx", b"\0\0\x0e\x04" + struct.pack(
            ">IIII", 2**31, 2**31, 2**31, 0)), "refused", "impossible"),  # found by fuzzing
        Case("idx-truncated", "idx", _file("t.idx", idx_bytes(np.zeros((3, 4), np.uint8))[:-1]),
             "refused", "truncated"),
        Case("idx-legit", "idx", _file("ok.idx.gz", gzip.compress(
            idx_bytes(np.arange(60, dtype=np.uint8).reshape(3, 4, 5)))), "loaded"),
    ]


def preset_cases() -> list[Case]:
    good = json.loads((preset_dir() / "forward-walkthrough.json").read_text("utf-8"))

    def variant(name, text, match):
        return Case(f"preset-{name}", "preset", _file(f"{name}.json", text.encode("utf-8")
                                                      if isinstance(text, str) else text),
                    "refused", match)
    body = json.dumps(good)
    return [
        variant("order-1e400", body.replace('"order": ', '"order": 1e400, "x": ', 1),
                "too large"),
        variant("deep", "[" * 100_000 + "]" * 100_000, "deep"),
        variant("5000-digits", body.replace('"order": ', '"order": ' + "9" * 5000 + ', "x": ',
                                            1), "digits"),
        variant("nan", body.replace('"order": ', '"order": NaN, "x": ', 1), "NaN"),
        variant("huge", b" " * (2 * 2**20) + body.encode(), "MB"),
        variant("not-utf8", b"\xff\xfe" + body.encode("utf-16-le"), "UTF-8"),
        Case("preset-legit", "preset", _file("ok.json", body.encode()), "loaded"),
    ]


def special_cases() -> list[Case]:
    """Devices, a FIFO (no writer: a plain open would block forever) and a folder."""
    def fifo(folder: Path) -> Path:
        p = folder / "fifo"
        if not p.exists():
            os.mkfifo(p)
        return p

    def dev(path):
        return lambda folder: Path(path)

    def a_folder(folder: Path) -> Path:
        (folder / "a-folder").mkdir(exist_ok=True)
        return folder / "a-folder"

    cases = []
    for loader in ("weights", "model", "session", "idx", "preset"):
        for name, make in (("dev-zero", dev("/dev/zero")), ("dev-urandom", dev("/dev/urandom")),
                           ("fifo", fifo), ("folder", a_folder)):
            cases.append(Case(f"{loader}-{name}", loader, make, "refused",
                              "device|pipe|folder|not a file"))
    return cases


def all_cases() -> list[Case]:
    from fuzz_corpus import legit_pickles, nasty_pickles

    return (nasty_pickles() + legit_pickles() + npz_cases() + idx_cases() + preset_cases()
            + special_cases())
