"""Known-nasty files (every case of issue 14) and legitimate ones, written by the tests themselves.

Each :class:`Case` names the loader it attacks (see ``fuzz_worker.LOADERS``), writes its file
(or folder) under a directory, and says what must happen: ``"refused"`` with a message
matching ``match``, or ``"loaded"`` for a legitimate file that must keep working.
"""

from __future__ import annotations

import os
import pickle
import struct
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np


class Ops:
    """A tiny pickle assembler, for the streams ``pickle.dumps`` never writes."""

    def __init__(self, proto: int = 2):
        self.out = bytearray(b"\x80" + bytes([proto]) if proto >= 2 else b"")

    def op(self, code: bytes, arg: bytes = b"") -> Ops:
        self.out += code + arg
        return self

    def glob(self, module: str, name: str) -> Ops:
        return self.op(b"c", f"{module}\n{name}\n".encode())

    def text(self, s: str) -> Ops:
        raw = s.encode("utf-8", "surrogatepass")
        return self.op(b"X", struct.pack("<I", len(raw)) + raw)

    def data(self, b: bytes) -> Ops:
        return self.op(b"B", struct.pack("<I", len(b)) + b)

    def int(self, n: int) -> Ops:
        if -2**31 <= n < 2**31:
            return self.op(b"J", struct.pack("<i", n))
        raw = n.to_bytes((n.bit_length() + 8) // 8, "little", signed=True)
        return self.op(b"\x8b", struct.pack("<I", len(raw)) + raw)

    def none(self) -> Ops:
        return self.op(b"N")

    def false(self) -> Ops:
        return self.op(b"\x89")

    def true(self) -> Ops:
        return self.op(b"\x88")

    def mark(self) -> Ops:
        return self.op(b"(")

    def tuple(self, n: int | None = None) -> Ops:
        return self.op({None: b"t", 0: b")", 1: b"\x85", 2: b"\x86", 3: b"\x87"}[n])

    def reduce(self) -> Ops:
        return self.op(b"R")

    def build(self) -> Ops:
        return self.op(b"b")

    def put(self, i: int) -> Ops:
        return self.op(b"r", struct.pack("<I", i))

    def get(self, i: int) -> Ops:
        return self.op(b"j", struct.pack("<I", i))

    def stop(self) -> bytes:
        return bytes(self.out + b".")

    # NumPy's own patterns, with the parts an attacker controls as arguments
    def dtype(self, typestr: str = "f8", state: tuple | None = None) -> Ops:
        self.glob("numpy", "dtype").text(typestr).false().true().tuple(3).reduce()
        self.mark()
        for v in state or (3, "<", None, None, None, -1, -1, 0):
            self.value(v)
        return self.tuple().build()

    def array(self, shape, data: bytes | int, typestr="f8", dtype_state=None) -> Ops:
        """An array as NumPy pickles it; ``data`` as an int: the memo entry holding it."""
        self.glob("numpy.core.multiarray", "_reconstruct").glob("numpy", "ndarray")
        self.value((0,)).data(b"b").tuple(3).reduce()
        self.mark().int(1).value(tuple(shape)).dtype(typestr, dtype_state).false()
        self.get(data) if isinstance(data, int) else self.data(data)
        return self.tuple().build()

    def value(self, v) -> Ops:
        if v is None:
            return self.none()
        if isinstance(v, bool):
            return self.true() if v else self.false()
        if isinstance(v, int):
            return self.int(v)
        if isinstance(v, str):
            return self.text(v)
        if isinstance(v, bytes):
            return self.data(v)
        if isinstance(v, tuple):
            self.mark()
            for x in v:
                self.value(x)
            return self.tuple()
        if isinstance(v, dict):
            self.op(b"}").mark()
            for k, x in v.items():
                self.value(k).value(x)
            return self.op(b"u")
        if isinstance(v, DtypeOf):
            return self.dtype(v.typestr)
        raise TypeError(v)


@dataclass(frozen=True)
class DtypeOf:
    """Stands for ``numpy.dtype(typestr)`` inside a value given to :meth:`Ops.value`."""

    typestr: str


def book_weights(dtype=np.float32, seed=0) -> dict:
    """The shapes of the book's sample_weight.pkl: 784-50-100-10."""
    rng = np.random.default_rng(seed)
    sizes = (784, 50, 100, 10)
    w = {}
    for k in range(3):
        w[f"W{k + 1}"] = rng.normal(0, 0.1, (sizes[k], sizes[k + 1])).astype(dtype)
        w[f"b{k + 1}"] = rng.normal(0, 0.1, sizes[k + 1]).astype(dtype)
    return w


@dataclass(frozen=True)
class Case:
    name: str
    loader: str  # a key of fuzz_worker.LOADERS
    make: object  # make(folder: Path) -> Path of the file (or folder) to load
    expect: str = "refused"  # or "loaded"
    match: str = ""  # regex the refusal message must match


def _file(name: str, data: bytes):
    def make(folder: Path) -> Path:
        p = folder / name
        p.write_bytes(data)
        return p
    return make


def _pickle_case(name: str, data: bytes, match: str, loader="weights") -> Case:
    return Case(f"pickle-{name}", loader, _file(f"{name}.pkl", data), "refused", match)


def nasty_pickles() -> list[Case]:
    deep_key = Ops().op(b"}").op(b")" + b"\x85" * 200_000).none().op(b"s").stop()
    deep_list = Ops().op(b"]" * 5000).text("x").op(b"a" * 5000).stop()
    deep_tuple = Ops().text("x").op(b"\x85" * 5000).stop()
    dag = Ops().text("x").put(0)
    for i in range(60):  # each level holds the previous one twice: 2**60 leaves
        dag.get(i).get(i).tuple(2).put(i + 1)
    self_list = Ops().op(b"]").put(0).get(0).op(b"a").stop()
    shared = Ops().op(b"}").data(b"\0" * 2**20).put(0).op(b"0")
    for i in range(2000):  # 2,000 arrays over the same megabyte: 2 GB if each is copied
        shared.text(f"W{i}").array((2**17,), 0).op(b"s")
    # the segfault: an object field over attacker bytes (refcount at 0x4141414141414141)
    obj_state = (3, "|", None, ("a",), {"a": (DtypeOf("O8"), 0)}, 8, 1, 1)
    return [
        _pickle_case("os-system", Ops().glob("os", "system").text("touch pwned").tuple(1)
                     .reduce().stop(), r"refused.*os\.system"),
        _pickle_case("posix-system", pickle.dumps(os.system), r"refused.*system"),
        _pickle_case("eval", Ops().glob("builtins", "eval").text("1").tuple(1).reduce().stop(),
                     r"refused.*builtins\.eval"),
        _pickle_case("getattr", Ops().glob("builtins", "getattr").glob("os", "path")
                     .text("join").tuple(2).reduce().stop(), r"refused.*getattr"),
        _pickle_case("nnviz-own", Ops().glob("nnviz.core.files.io", "save_model").stop(),
                     r"refused.*save_model"),
        _pickle_case("persistent-id", Ops().op(b"P", b"1\n").stop(), "persistent"),
        _pickle_case("inst", Ops(0).mark().op(b"i", b"os\nsystem\n").stop(), "class"),
        _pickle_case("set", Ops(4).op(b"\x8f").stop(), "set"),
        _pickle_case("out-of-band", Ops(5).op(b"\x97").stop(), "out-of-band"),
        _pickle_case("object-dtype-build", Ops().array((1,), b"AAAAAAAA", "V8", obj_state)
                     .stop(), r"raw or structured records"),
        _pickle_case("object-field-state-on-f8", Ops().array((1,), b"AAAAAAAA", "f8",
                                                              obj_state).stop(),
                     "Python objects"),
        _pickle_case("fields-state-on-f8", Ops().array((1,), b"AAAAAAAA", "f8",
                                                        (3, "|", None, ("a",), {"a": (1, 0)},
                                                         8, 1, 1)).stop(), "fields"),
        _pickle_case("object-dtype", Ops().array((1,), b"AAAAAAAA", "O8").stop(),
                     "Python objects"),
        _pickle_case("deep-tuple-key", deep_key, "levels deep"),
        _pickle_case("deep-list", deep_list, "levels deep"),
        _pickle_case("deep-tuple", deep_tuple, "levels deep"),
        _pickle_case("dag-explosion", dag.stop(), r"more than [\d,]+ values"),
        _pickle_case("self-containing", self_list, "inside itself"),
        _pickle_case("odict-items", Ops().glob("collections", "OrderedDict").value(((1, 2),))
                     .tuple(1).reduce().stop(), "OrderedDict"),
        _pickle_case("odict-build", Ops().glob("collections", "OrderedDict").tuple(0).reduce()
                     .value((1, 2)).build().stop(), "state"),
        _pickle_case("ndarray-call", Ops().glob("numpy", "ndarray").tuple(0).reduce().stop(),
                     r"numpy\.ndarray directly"),
        _pickle_case("shape-1e12", Ops().op(b"}").text("W1").array((10**12,), b"A" * 8)
                     .op(b"s").stop(), r"more than [\d,]+ values"),
        _pickle_case("shape-lies", Ops().op(b"}").text("W1").array((1000, 1000), b"A" * 8)
                     .op(b"s").stop(), "bytes of data"),
        _pickle_case("reconstruct-1e9", Ops().glob("numpy.core.multiarray", "_reconstruct")
                     .glob("numpy", "ndarray").value((10**9,)).data(b"i1").tuple(3).reduce()
                     .stop(), "arguments NumPy never writes"),
        _pickle_case("punycode", Ops().glob("_codecs", "encode").text("\u00e9" * 40_000)
                     .text("punycode").tuple(2).reduce().stop(), "punycode"),
        _pickle_case("bytearray-3e9", Ops().glob("builtins", "bytearray").int(3 * 10**9)
                     .tuple(1).reduce().stop(), "bytearray"),
        _pickle_case("huge-long", Ops().int(1 << 80_000_000).stop(), "bits"),
        _pickle_case("shared-data", shared.stop(), r"memory|more than"),
        _pickle_case("truncated", pickle.dumps(book_weights(), protocol=2)[:5000], "pickle"),
        _pickle_case("empty", b"", "pickle"),
        _pickle_case("not-a-dict", pickle.dumps([np.zeros(3)]), "not a dict"),
        _pickle_case("big-weights", pickle.dumps({"W1": np.full((3, 2), 1e308)}), r"beyond"),
    ]


def legit_pickles() -> list[Case]:
    """The book's weight format at every protocol, float32 and float64: must load."""
    cases = []
    for dtype in (np.float32, np.float64):
        for proto in range(6):
            data = pickle.dumps(book_weights(dtype), protocol=proto)
            cases.append(Case(f"book-{np.dtype(dtype).name}-p{proto}", "weights",
                              _file(f"book{proto}.pkl", data), "loaded"))
    odict = OrderedDict(book_weights())
    cases.append(Case("book-ordereddict", "weights",
                      _file("odict.pkl", pickle.dumps(odict, protocol=2)), "loaded"))
    return cases
