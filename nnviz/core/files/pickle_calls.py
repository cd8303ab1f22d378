"""The calls a weight pickle may make, recognised by :mod:`nnviz.core.files.pickle_parser`.

Python 3 pickles bytes at protocols 0-2 as ``_codecs.encode(text, 'latin1')`` (empty ones as
``bytes()``), a bytearray as ``bytearray(bytes)`` and an OrderedDict as ``OrderedDict()`` filled
by SETITEMS; only these forms are accepted (no ``bytearray(3e9)``, no punycode, no items).

NumPy pickles an array as ``_reconstruct(ndarray, (0,), b'b')`` followed by
``BUILD (1, shape, dtype, fortran, data)`` (protocols 0-5), or at protocol 5 as
``_frombuffer(data, dtype, shape, order)``; a number as ``scalar(dtype, data)``; a dtype as
``dtype(typestr, False, True)`` followed by ``BUILD (3, byteorder, None, None, None, -1, -1, 0)``.
:class:`PickleCalls` accepts exactly these shapes of arguments and state: the dtype must be a
real float or integer (built from an allow-list, never from the file's text), and shape,
element count and byte count are checked with Python integers before the array is allocated
from the file's own bytes.  Object, structured, sub-array, text, complex, date and bool dtypes
are refused by name, and no NumPy constructor sees any other state.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.files.npz_reader import NUMBERS as REAL_NUMBERS
from nnviz.core.files.npz_reader import checked_dtype

MAX_ELEMENTS = 32 * 2**20  # array elements in total (256 MB once converted to float64)
_SCALARS = (str, bytes, int, float, bool, type(None))


def short(text) -> str:
    return repr(str(text)[:80])


def same(x, *choices) -> bool:
    """``x in choices`` for plain scalars only (an array would compare element-wise)."""
    return type(x) in _SCALARS and x in choices


def _spread(shape) -> int:
    """The product of the dimensions, a zero counted as one: what NumPy must be able to index."""
    out = 1
    for n in shape:
        out *= max(n, 1)
    return out


class DtypeCall:
    """``numpy.dtype(typestr, ...)`` waiting for its BUILD state; ``dtype`` once built."""

    def __init__(self, kind: str, size: int, shown: str):
        self.kind, self.size, self.shown = kind, size, shown
        self.dtype: np.dtype | None = None


class ArrayCall:
    """``_reconstruct(ndarray, ...)`` waiting for its BUILD state; ``array`` once built."""

    def __init__(self, array=None):
        self.array = array


class PickleCalls:
    """The calls a weight pickle may make (``call_<role>``, ``build_*``); mixed into the parser.

    The parser provides ``fail``/``bad`` (exceptions with a message), ``error`` (the class),
    ``take_bytes(n)`` (the allocation budget) and the counter ``elements``.
    """

    # provided by the parser (declared here for the type checker)
    error: type[Exception]
    elements: int

    def fail(self, reason: str) -> Exception:
        raise NotImplementedError

    def bad(self, reason: str) -> Exception:
        raise NotImplementedError

    def take_bytes(self, n: int) -> None:
        raise NotImplementedError

    def call_odict(self, args, dotted):
        if len(args):
            raise self.fail("builds an OrderedDict from arguments (a pickle never does)")
        return self.register({}, 1, 1)

    def call_bytes(self, args, dotted):
        if len(args):
            raise self.fail("calls bytes() with arguments (a pickle never does)")
        return b""

    def call_bytearray(self, args, dotted):
        if not len(args):
            return b""
        if len(args) != 1 or type(args[0]) is not bytes:
            raise self.fail("calls bytearray() with something other than bytes")
        self.take_bytes(len(args[0]))
        return bytes(args[0])

    def call_encode(self, args, dotted):
        # how Python 3 pickles bytes at protocols 0-2: _codecs.encode(text, 'latin1')
        if len(args) != 2 or type(args[0]) is not str or not same(args[1], "latin1", "latin-1"):
            enc = args[1] if len(args) == 2 and isinstance(args[1], str) else "?"
            raise self.fail(f"asks to encode text as {short(enc)} (only latin1 is used "
                            "to store bytes)")
        self.take_bytes(len(args[0]))
        try:
            return args[0].encode("latin-1")
        except UnicodeEncodeError:
            raise self.bad("bytes stored as text outside latin1") from None

    def call_reconstruct(self, args, dotted):
        if (len(args) != 3 or getattr(args[0], "role", None) != "ndarray"
                or type(args[1]) is not tuple or len(args[1]) != 1 or not same(args[1][0], 0)
                or not same(args[2], b"b", "b")):
            raise self.fail(f"calls {dotted} with arguments NumPy never writes")
        return ArrayCall()

    def call_dtype(self, args, dotted):
        if len(args) != 3 or type(args[0]) is not str or not same(args[1], False, 0):
            raise self.fail("builds a NumPy dtype with arguments NumPy never writes")
        text = args[0]
        kind, digits = text[:1], text[1:]
        size = int(digits) if digits.isdigit() and len(digits) < 4 else -1
        checked_dtype(kind, size, "=", REAL_NUMBERS, text, "an array", self.error)
        return DtypeCall(kind, size, text)

    def build_dtype(self, d: DtypeCall, state) -> None:
        if not isinstance(state, tuple) or len(state) not in (8, 9):
            raise self.fail("gives a NumPy dtype a state NumPy never writes")
        version, order, sub, names, fields, elsize, align, flags = state[:8]
        metadata = state[8] if len(state) == 9 else None
        if (not same(version, 3, 4) or not same(order, "<", ">", "|", "=")
                or not (sub is None and names is None and fields is None)
                or not same(elsize, -1, d.size) or type(align) is not int or not same(flags, 0)
                or not (metadata is None or (type(metadata) is dict and not metadata))):
            raise self.fail("gives a NumPy dtype fields, a sub-array or flags (only plain "
                            "numbers are allowed)")
        d.dtype = checked_dtype(d.kind, d.size, order, REAL_NUMBERS, d.shown, "an array",
                                self.error)

    def _dtype(self, d):
        if not isinstance(d, DtypeCall) or d.dtype is None:
            raise self.fail("describes an array without a complete NumPy dtype")
        return d.dtype

    def _data(self, data):
        if isinstance(data, str):  # a Python 2 pickle read as latin1 text
            self.take_bytes(len(data))
            try:
                return data.encode("latin-1")
            except UnicodeEncodeError:
                raise self.bad("array data stored as text outside latin1") from None
        if isinstance(data, list):
            raise self.fail("holds an array of Python objects")
        if not isinstance(data, bytes):
            raise self.fail(f"gives an array data of type {type(data).__name__}")
        return data

    def make_array(self, shape, dtype: np.dtype, data, fortran: bool) -> np.ndarray:
        if (not isinstance(shape, tuple) or len(shape) > 32
                or not all(type(n) is int and 0 <= n < 2**40 for n in shape)
                or _spread(shape) > 2**40):  # (0, 2**39, 2**39) is empty, yet impossible
            raise self.fail("gives an array a malformed shape")
        count = 1
        for n in shape:
            count *= n
        if count > MAX_ELEMENTS - self.elements:
            raise self.fail(f"holds arrays of more than {MAX_ELEMENTS:,} values in total "
                            f"(one claims shape {shape})")
        if count * dtype.itemsize != len(data):
            raise self.fail(f"gives an array of shape {shape} ({count:,} values) "
                            f"{len(data):,} bytes of data instead of {count * dtype.itemsize:,}")
        self.take_bytes(len(data))
        self.elements += count
        flat = np.frombuffer(data, dtype=dtype, count=count)
        arr = flat.reshape(shape, order="F" if fortran else "C")
        return np.array(arr, dtype=dtype.newbyteorder("="), order="C", copy=True)

    def build_array(self, a: ArrayCall, state) -> None:
        if not isinstance(state, tuple) or len(state) not in (4, 5):
            raise self.fail("gives an array a state NumPy never writes")
        if len(state) == 5:
            if not same(state[0], 1):
                raise self.fail("gives an array a state version NumPy never writes")
            state = state[1:]
        shape, dtype, fortran, data = state
        if not same(fortran, True, False):
            raise self.fail("gives an array a malformed order flag")
        a.array = self.make_array(shape, self._dtype(dtype), self._data(data), bool(fortran))

    def call_frombuffer(self, args, dotted):
        if len(args) != 4 or not same(args[3], "C", "F"):
            raise self.fail(f"calls {dotted} with arguments NumPy never writes")
        data, dtype, shape, order = args
        return ArrayCall(self.make_array(shape, self._dtype(dtype), self._data(data),
                                      order == "F"))

    def call_scalar(self, args, dotted):
        if len(args) != 2:
            raise self.fail(f"calls {dotted} with arguments NumPy never writes")
        dtype, data = self._dtype(args[0]), self._data(args[1])
        if len(data) != dtype.itemsize:
            raise self.fail(f"gives a NumPy number {len(data)} bytes instead of "
                            f"{dtype.itemsize}")
        return np.frombuffer(data, dtype=dtype, count=1)[0].item()


