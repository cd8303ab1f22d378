"""Hypothesis strategies for files nnviz loads: pickle opcode streams, zip containers with
``.npy`` headers, IDX headers and lesson JSON, each an :class:`Input` for one loader.

The streams are built from the opcodes and names that matter (NumPy's own patterns with
hostile arguments, the allowed globals and a few forbidden ones) plus byte mutations of
legitimate files, so most inputs get past the first check and reach the deeper ones.
"""

from __future__ import annotations

import gzip
import json
import pickle
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from fuzz_corpus import Ops, book_weights
from fuzz_corpus_files import model_bytes, session_bytes
from fuzz_zip import Member, npy_header, npz_members, zip_bytes
from hypothesis import strategies as st

from nnviz.core.lessons.datasets.idx import idx_bytes
from nnviz.core.lessons.presets import preset_dir


@dataclass
class Input:
    loader: str  # a key of fuzz_worker.LOADERS
    name: str
    data: bytes

    def write(self, folder: Path) -> Path:
        """Write the file (for "mnist": a folder whose train images are ``data``)."""
        if self.loader != "mnist":
            p = folder / self.name
            p.write_bytes(self.data)
            return p
        d = folder / "mnist"
        d.mkdir(exist_ok=True)
        (d / "train-images-idx3-ubyte").write_bytes(self.data)
        for name, n in (("train-labels-idx1-ubyte", 60000), ("t10k-labels-idx1-ubyte", 10000)):
            if not (d / name).exists():
                (d / name).write_bytes(idx_bytes(np.zeros(n, np.uint8)))
        if not (d / "t10k-images-idx3-ubyte").exists():
            (d / "t10k-images-idx3-ubyte").write_bytes(idx_bytes(np.zeros((1, 28, 28),
                                                                          np.uint8)))
        return d


def _mutate(data: bytes, edits, cut) -> bytes:
    b = bytearray(data)
    for pos, val in edits:
        if b:
            b[pos % len(b)] = val
    return bytes(b[:cut]) if cut is not None else bytes(b)


edits = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=6)
cuts = st.one_of(st.none(), st.none(), st.integers(0, 5000))

# -- pickles ------------------------------------------------------------------------------

_NAMES = ["numpy", "dtype", "ndarray", "numpy.core.multiarray", "numpy._core.multiarray",
          "_reconstruct", "scalar", "numpy._core.numeric", "_frombuffer", "collections",
          "OrderedDict", "_codecs", "encode", "builtins", "bytearray", "bytes", "os", "system",
          "f8", "f4", "i1", "u1", "f2", "O8", "V8", "U3", "S4", "b1", "c16", "M8", "<", ">",
          "|", "=", "latin1", "punycode", "b", "C", "F", "W1", "b1", "W2"]
_GLOBALS = [("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "scalar"),
            ("numpy._core.numeric", "_frombuffer"), ("numpy", "ndarray"), ("numpy", "dtype"),
            ("collections", "OrderedDict"), ("_codecs", "encode"), ("builtins", "bytearray"),
            ("__builtin__", "bytes"), ("os", "system"), ("builtins", "getattr")]
_SIMPLE = [b"(", b"t", b")", b"\x85", b"\x86", b"\x87", b"]", b"}", b"a", b"e", b"s", b"u",
           b"l", b"d", b"N", b"\x88", b"\x89", b"R", b"b", b"0", b"1", b"\x94", b"\x93", b"2",
           b"\x8f", b"\x90", b"\x91", b"\x81", b"\x92", b"\x97", b"\x98", b"o", b"."]

text = st.one_of(st.sampled_from(_NAMES), st.text(max_size=6))
small_ints = st.one_of(st.integers(-2, 40), st.sampled_from([2**31 - 1, 2**32, 2**40, 10**12,
                                                             2**63, 2**64, -2**63]))
shapes = st.lists(small_ints, max_size=4).map(tuple)
scalars = st.one_of(st.none(), st.booleans(), small_ints, text, st.binary(max_size=16))
dtype_states = st.one_of(st.none(), st.tuples(st.sampled_from([3, 4, 2]),
                                              st.sampled_from(["<", ">", "|", "=", "x"]),
                                              scalars, scalars, scalars, small_ints, small_ints,
                                              small_ints))


def _apply(kind, arg):
    def step(ops: Ops) -> None:
        if kind == "raw":
            ops.op(arg)
        elif kind == "global":
            ops.glob(*arg)
        elif kind == "memo":
            ops.put(arg) if arg >= 0 else ops.get(-arg - 1)
        elif kind == "array":
            shape, nbytes, typestr, state = arg
            ops.array(shape, b"\x41" * nbytes, typestr, state)
        elif kind == "dtype":
            ops.dtype(*arg)
        else:
            ops.value(arg)
    return step


instructions = st.one_of(
    st.sampled_from(_SIMPLE).map(lambda c: _apply("raw", c)),
    st.tuples(st.just("value"), st.one_of(scalars, st.tuples(scalars, scalars))).map(
        lambda a: _apply(*a)),
    st.sampled_from(_GLOBALS).map(lambda g: _apply("global", g)),
    st.integers(-6, 5).map(lambda i: _apply("memo", i)),
    st.tuples(shapes, st.integers(0, 256), st.sampled_from(_NAMES[18:30]), dtype_states).map(
        lambda a: _apply("array", a)),
    st.tuples(st.sampled_from(_NAMES[18:30]), dtype_states).map(lambda a: _apply("dtype", a)),
)


@st.composite
def pickle_streams(draw) -> Input:
    """An opcode stream: PROTO, up to 40 instructions, usually STOP."""
    ops = Ops(draw(st.integers(0, 5)))
    for step in draw(st.lists(instructions, max_size=40)):
        step(ops)
    data = ops.stop() if draw(st.booleans()) else bytes(ops.out)
    return Input("weights", "w.pkl", data)


_LEGIT_PICKLES = [pickle.dumps(book_weights(np.float32), protocol=p) for p in range(6)] + [
    pickle.dumps({"W1": np.ones((3, 2)), "b1": np.zeros(2), "n": np.float64(1)}, protocol=p)
    for p in range(6)]

mutated_pickles = st.builds(lambda base, e, c: Input("weights", "m.pkl", _mutate(base, e, c)),
                            st.sampled_from(_LEGIT_PICKLES), edits, cuts)

# -- zip containers and .npy headers ---------------------------------------------------------

_DESCRS = ["<f8", "<f4", ">f8", "|u1", "<i8", "|b1", "<c16", "|S4", "<U3", "|S0", "<U0", "|V0",
           "|O", "<M8[ns]", "<m8[s]", "<f2", "<f16", "f8", "=f8", "|V8"]
descrs = st.one_of(st.sampled_from(_DESCRS), st.text(max_size=8),
                   st.just([("a", "<f8")]), st.just([("a", "|O")]))
npy_headers = st.builds(npy_header, descrs, shapes, fortran=st.booleans(),
                        version=st.sampled_from([1, 1, 2, 3]))
member_data = st.one_of(
    st.builds(lambda h, n: h + b"\x3f" * n, npy_headers, st.integers(0, 300)),
    st.binary(max_size=200),
)
member_names = st.sampled_from(["meta.npy", "params.npy", "history.npy", "extra.npy",
                                "../x.npy", "params", "a/b.npy", "meta.npy"])
BASES = {"model": model_bytes(), "session": session_bytes()}


@st.composite
def zip_containers(draw) -> Input:
    """A model or session archive: legitimate members, some replaced or added, maybe lying."""
    loader = draw(st.sampled_from(["model", "session", "weights"]))
    base = BASES["session" if loader == "session" else "model"]
    members = dict(npz_members(base))
    for name, data in draw(st.lists(st.tuples(member_names, member_data), max_size=3)):
        members[name] = data
    entries = [Member(k, v, deflate=draw(st.booleans()),
                      flags=draw(st.sampled_from([0, 0, 0, 1, 8])),
                      method=draw(st.sampled_from([None, None, None, 0, 8, 12, 99])),
                      size_lie=draw(st.one_of(st.none(), st.none(), st.none(),
                                              st.integers(0, 2**32 - 1))))
               for k, v in members.items()]
    lie = draw(st.one_of(st.none(), st.none(), st.integers(0, 70000)))
    data = zip_bytes(entries, entries_lie=lie)
    if draw(st.booleans()):
        data = _mutate(data, draw(edits), None)
    return Input(loader, "z.npz", data)


mutated_archives = st.builds(
    lambda loader, e, c: Input(loader, "a.npz", _mutate(BASES[loader], e, c)),
    st.sampled_from(["model", "session"]), edits, cuts)

# -- IDX headers ----------------------------------------------------------------------------

@st.composite
def idx_files(draw) -> Input:
    """An IDX header (magic, type, dims — small, real or huge) and a short payload, maybe gzip."""
    code = draw(st.sampled_from([0x08, 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x07, 0x00]))
    dims = draw(st.one_of(
        st.lists(st.one_of(st.integers(0, 30), st.sampled_from(
            [28, 60000, 2_550_000, 2**31, 2**32 - 1])), min_size=0, max_size=4),
        st.lists(st.integers(0, 2), min_size=30, max_size=80)))  # more dims than NumPy has
    ndim = draw(st.one_of(st.just(len(dims)), st.integers(0, 255)))
    head = bytes([0, 0, code, ndim]) if draw(st.integers(0, 9)) else draw(st.binary(
        min_size=4, max_size=4))
    payload = draw(st.one_of(st.binary(max_size=64), st.integers(0, 4096).map(bytes)))
    data = head + struct.pack(f">{len(dims)}I", *dims) + payload
    if draw(st.booleans()):
        data = gzip.compress(data, mtime=0)
        if draw(st.booleans()):
            data = _mutate(data, draw(edits), None)
    return Input(draw(st.sampled_from(["idx", "idx", "mnist"])), "d.idx", data)


# -- lesson JSON ----------------------------------------------------------------------------

PRESET = json.loads((preset_dir() / "forward-walkthrough.json").read_text("utf-8"))
_NUMBER_TEXT = ["1e400", "-1e400", "NaN", "Infinity", "9" * 5000, "1" + "0" * 60, "-0", "1e-400"]
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=False),
              st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12)


@st.composite
def preset_files(draw) -> Input:
    """The walkthrough lesson with fields replaced, numbers spelled to overflow, or bytes cut."""
    d = json.loads(json.dumps(PRESET))
    for key in draw(st.lists(st.sampled_from(sorted(d)), max_size=3)):
        d[key] = draw(json_values)
    text = json.dumps(d)
    for number in draw(st.lists(st.sampled_from(_NUMBER_TEXT), max_size=2)):
        text = text.replace('"order": ', f'"order": {number}, "_": ', 1)
    if draw(st.integers(0, 3)) == 0:
        depth = draw(st.integers(0, 50_000))
        text = text[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    data = _mutate(text.encode("utf-8"), draw(edits), draw(cuts))
    return Input("preset", "p.json", data)


ALL = {"pickle-streams": pickle_streams(), "mutated-pickles": mutated_pickles,
       "zip-containers": zip_containers(), "mutated-archives": mutated_archives,
       "idx-files": idx_files(), "presets": preset_files()}
