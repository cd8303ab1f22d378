"""The pickle opcode parser: legitimate weight pickles load identically at every protocol;
everything else is refused with a message, from the opcode stream, before anything is built.

The files that crashed the old unpickler (segfaults) are run in a worker process by
tests/fuzz/test_fuzz_known_files.py; the cases here never reached native code even before.
"""

import pickle
import struct
import sys
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest

from nnviz.core.files import pickle_parser
from nnviz.core.files.io import ModelFileError, load_any_weights, load_weight_pickle, safe_unpickle
from nnviz.core.files.pickle_parser import parse_pickle
from nnviz.core.files.safe_open import UnreadableFile

sys.path.insert(0, str(Path(__file__).parents[1] / "fuzz"))
from fuzz_corpus import Ops, book_weights  # noqa: E402


@pytest.mark.parametrize("protocol", range(6))
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_the_books_weights_load_identically_at_every_protocol(tmp_path, protocol, dtype):
    w = book_weights(dtype)
    path = tmp_path / "sample_weight.pkl"
    path.write_bytes(pickle.dumps(w, protocol=protocol))
    parsed = parse_pickle(path.read_bytes())
    assert set(parsed) == set(w)
    for k, v in w.items():
        assert parsed[k].dtype == v.dtype and parsed[k].shape == v.shape
        assert np.array_equal(parsed[k], v)
        assert parsed[k].flags.writeable and parsed[k].flags.c_contiguous
    loaded = load_weight_pickle(path)  # as float64, for the network
    assert all(np.array_equal(loaded[k], v.astype(np.float64)) for k, v in w.items())
    net, _ = load_any_weights(path)
    assert net.spec.sizes == (784, 50, 100, 10)


@pytest.mark.parametrize("protocol", range(6))
def test_every_plain_value_and_array_layout_round_trips(protocol):
    value = OrderedDict(
        fortran=np.asfortranarray(np.arange(12.0).reshape(3, 4)),
        big_endian=np.arange(5, dtype=">i4"), strided=np.arange(10.0)[::3],
        empty=np.zeros((0, 3), np.float32), ints=np.arange(-3, 3, dtype=np.int8),
        half=np.array([0.5, 1.5], np.float16), scalar=np.float64(2.5), count=np.int64(-7),
        nested=[1, (2, "two"), {"k": None}, b"\x00\xff" * 3, bytearray(b"ba"), True, 1.25,
                -(2**62), ""], key_tuple={(1, "a"): 2.0})
    parsed = parse_pickle(pickle.dumps(value, protocol=protocol))
    assert type(parsed) is dict and list(parsed) == list(value)  # an OrderedDict: a dict
    for k in ("fortran", "big_endian", "strided", "empty", "ints", "half"):
        assert parsed[k].dtype == value[k].dtype.newbyteorder("=")
        assert np.array_equal(parsed[k], value[k]) and parsed[k].flags.c_contiguous
    assert parsed["scalar"] == 2.5 and parsed["count"] == -7
    assert parsed["nested"] == [1, (2, "two"), {"k": None}, b"\x00\xff" * 3, b"ba", True, 1.25,
                                -(2**62), ""]
    assert parsed["key_tuple"] == {(1, "a"): 2.0}


def test_a_python2_pickle_with_latin1_strings_as_array_data():
    data = np.arange(3, dtype="<f8").tobytes()
    ops = Ops(2).op(b"}").text("W1")
    ops.glob("numpy.core.multiarray", "_reconstruct").glob("numpy", "ndarray")
    ops.value((0,)).op(b"U\x01b").tuple(3).reduce()  # SHORT_BINSTRING 'b' (a Python 2 str)
    ops.mark().int(1).value((3,)).dtype("f8").false()
    ops.op(b"T", struct.pack("<I", len(data)) + data).tuple().build().op(b"s")  # BINSTRING
    assert np.array_equal(parse_pickle(ops.stop())["W1"], [0.0, 1.0, 2.0])


@pytest.mark.parametrize("data, match", [
    (Ops().glob("os", "system").stop(), r"asks to run 'os\.system'"),
    (Ops().glob("builtins", "eval").stop(), r"builtins\.eval"),
    (Ops().glob("nnviz.core.files.io", "save_model").stop(), r"nnviz\.core\.files\.io\.save_model"),
    (Ops().op(b"Q").stop(), "persistent references"),
    (Ops(4).op(b"\x8f").stop(), "a set"),
    (Ops(5).op(b"\x98").stop(), "out-of-band"),
    (Ops().op(b"\x82\x01").stop(), "extension registry"),
    (Ops().glob("_codecs", "encode").text("abc").text("punycode").tuple(2).reduce().stop(),
     "punycode"),
    (Ops().glob("builtins", "bytearray").int(3 * 10**9).tuple(1).reduce().stop(), "bytearray"),
    (Ops().glob("collections", "OrderedDict").value((("a", 1),)).tuple(1).reduce().stop(),
     "OrderedDict"),
    (Ops().glob("numpy", "ndarray").tuple(0).reduce().stop(), "directly"),
    (Ops().array((2,), b"A" * 16, "O8").stop(), "Python objects"),
    (Ops().array((2,), b"A" * 16, "U4").stop(), "text"),
    (Ops().array((2,), b"A" * 16, "c8").stop(), "complex"),
    (Ops().array((2,), b"A" * 16, "f8", (3, "|", None, ("a",), {"a": (1, 0)}, 8, 1, 1)).stop(),
     "fields"),
    (Ops().array((10**12,), b"A" * 8).stop(), "values in total"),
    (Ops().array((3,), b"A" * 8).stop(), "bytes of data"),
    (Ops().array((0, 2**39, 2**39), b"").stop(), "malformed shape"),
    (Ops().text("x").op(b"\x85" * 40).stop(), "levels deep"),
    (Ops().op(b"]").put(0).get(0).op(b"a").stop(), "inside itself"),
    (Ops().op(b"]").put(0).op(b"]").get(0).op(b"a").get(0).text("late").op(b"a").stop(),
     "after placing it"),
    (Ops().op(b"}").op(b"]").none().op(b"s").stop(), "as a dict key"),
    (Ops().int(1 << 100).stop(), "101 bits"),
    (Ops().op(b"0").stop(), "stack"),
    (Ops().get(3).stop(), "memo entry 3"),
    (Ops(6).stop(), "protocol 6"),
    (b"", "STOP"),
    (Ops().none().op(b"\xff").stop(), "unknown"),
])
def test_everything_else_is_refused_with_a_message(data, match):
    with pytest.raises(UnreadableFile, match=match) as info:
        parse_pickle(data)
    assert "Traceback" not in str(info.value)


def test_shared_containers_cannot_multiply_into_billions_of_values():
    ops = Ops().text("x").put(0)
    for i in range(40):  # 2**40 leaves if each level's two references were expanded
        ops.get(i).get(i).tuple(2).put(i + 1)
    with pytest.raises(UnreadableFile, match="more than"):
        parse_pickle(ops.stop())


def test_reused_data_cannot_multiply_memory(monkeypatch):
    monkeypatch.setattr(pickle_parser, "MAX_ALLOC", 10 * 2**20)
    ops = Ops().op(b"}").data(b"\0" * 2**20).put(0).op(b"0")
    for i in range(20):  # 20 arrays over one megabyte of data: 20 MB of copies
        ops.text(f"W{i}").array((2**17,), 0).op(b"s")
    with pytest.raises(UnreadableFile, match="more memory"):
        parse_pickle(ops.stop())


def test_too_many_opcodes_are_refused(monkeypatch):
    monkeypatch.setattr(pickle_parser, "MAX_OPS", 1000)
    with pytest.raises(UnreadableFile, match="1,000 opcodes"):
        parse_pickle(Ops().op(b"N0" * 600).none().stop())


def test_the_old_api_names_still_work_and_raise_model_file_errors():
    assert safe_unpickle(pickle.dumps({"a": 1})) == {"a": 1}
    with pytest.raises(ModelFileError, match="refused"):
        safe_unpickle(Ops().glob("os", "system").stop())
