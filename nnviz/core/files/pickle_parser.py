"""Reading pickled weight dicts without unpickling them: a parser of the pickle opcode stream.

A pickle is a program for a stack machine; ``pickle.load`` runs it, and even a restricted
unpickler hands the file's values to real constructors (``numpy.dtype.__setstate__`` with an
object field over raw bytes corrupts memory; crafted ``OrderedDict`` items, ``bytearray(3e9)``
and ``codecs.encode(..., 'punycode')`` crash, allocate or hang).  :func:`parse_pickle` instead
walks the opcodes (:func:`pickletools.genops` only decodes them) and builds nothing but plain
values — dict, list, tuple, str, bytes, int (at most 64 bits), float, bool, None; an
``OrderedDict`` becomes a dict — and NumPy arrays and numbers, from the exact patterns NumPy
and Python write (:mod:`nnviz.core.files.pickle_calls`).

Everything else is refused by name (``os.system``, ``eval``, persistent ids, extensions, sets,
classes, out-of-band buffers).  Nesting depth, the size of each container (counted as the
values it reaches, so shared references cannot multiply it), the number of opcodes, array
elements and bytes allocated are bounded up front.  A list or dict already placed in another
container can no longer change, so no value can contain itself.
"""

from __future__ import annotations

import pickletools
from functools import partialmethod

from nnviz.core.files.pickle_calls import MAX_ELEMENTS, ArrayCall, DtypeCall, PickleCalls, short
from nnviz.core.files.safe_open import UnreadableFile

__all__ = ["MAX_ELEMENTS", "parse_pickle"]

MAX_OPS = 2_000_000  # opcodes; the book's sample_weight.pkl has about 100
MAX_DEPTH = 32  # nesting of containers
MAX_NODES = 1_000_000  # values one container reaches (each array counts one)
MAX_MARKS = 256  # open MARKs at once
MAX_ALLOC = 512 * 2**20  # bytes made by the parser itself (arrays, encoded bytes)
MAX_INT_BITS = 64

_GLOBALS = {
    ("numpy.core.multiarray", "_reconstruct"): "reconstruct",
    ("numpy._core.multiarray", "_reconstruct"): "reconstruct",
    ("numpy.core.multiarray", "scalar"): "scalar",
    ("numpy._core.multiarray", "scalar"): "scalar",
    ("numpy.core.numeric", "_frombuffer"): "frombuffer",
    ("numpy._core.numeric", "_frombuffer"): "frombuffer",
    ("numpy", "ndarray"): "ndarray",
    ("numpy", "dtype"): "dtype",
    ("collections", "OrderedDict"): "odict",
    ("_codecs", "encode"): "encode",
    ("codecs", "encode"): "encode",
    ("builtins", "bytes"): "bytes",
    ("__builtin__", "bytes"): "bytes",
    ("builtins", "bytearray"): "bytearray",
    ("__builtin__", "bytearray"): "bytearray",
}
_REFUSED_OPS = {
    "PERSID": "uses persistent references", "BINPERSID": "uses persistent references",
    "INST": "asks to create an object of a class", "OBJ": "asks to create an object",
    "NEWOBJ": "asks to create an object", "NEWOBJ_EX": "asks to create an object",
    "EXT1": "uses the extension registry", "EXT2": "uses the extension registry",
    "EXT4": "uses the extension registry",
    "EMPTY_SET": "holds a set", "ADDITEMS": "holds a set", "FROZENSET": "holds a set",
    "NEXT_BUFFER": "uses out-of-band buffers", "READONLY_BUFFER": "uses out-of-band buffers",
    "DUP": "uses an opcode pickle never writes (DUP)",
}
_PUSH_ARG = {"INT", "BININT", "BININT1", "BININT2", "LONG",
             "LONG1", "LONG4", "FLOAT", "BINFLOAT", "STRING", "BINSTRING", "SHORT_BINSTRING",
             "UNICODE", "BINUNICODE", "SHORT_BINUNICODE", "BINUNICODE8", "BINBYTES",
             "SHORT_BINBYTES", "BINBYTES8"}
_CONSTANTS = {"NONE": None, "NEWTRUE": True, "NEWFALSE": False}
_CONTAINERS = (list, dict, tuple)
_KEY_TYPES = (str, bytes, int, float, bool, type(None))


class _Global:
    """An allowed global (a callable the parser imitates), by its role."""

    def __init__(self, role: str, dotted: str):
        self.role, self.dotted = role, dotted


class _ArgTuple(tuple):
    """A tuple holding parser objects (arguments or state of a NumPy call), never a value."""


class _Parser(PickleCalls):
    def __init__(self, size: int, error):
        self.error = error
        self.stack: list = []
        self.marks: list[int] = []
        self.memo: dict = {}
        self.info: dict[int, tuple[int, int]] = {}  # id of a container -> (depth, nodes)
        self.alive: list = []  # keeps every container alive so its id stays unique
        self.sealed: set[int] = set()  # lists/dicts placed in a container: now immutable
        self.elements = 0
        self.alloc_left = min(MAX_ALLOC, 4 * size + 2**20)

    def fail(self, reason: str):
        return self.error(f"refused: the file {reason}; a weight file may only contain NumPy "
                          "arrays and plain containers")

    def bad(self, reason: str):
        return self.error(f"not a readable weight pickle: {reason}")

    # -- the stack ---------------------------------------------------------------------------

    def floor(self) -> int:
        return self.marks[-1] if self.marks else 0

    def pop(self):
        if len(self.stack) <= self.floor():
            raise self.bad("an opcode takes more values than the stack holds")
        return self.stack.pop()

    def top(self):
        if len(self.stack) <= self.floor():
            raise self.bad("an opcode needs a value the stack does not hold")
        return self.stack[-1]

    def pop_mark(self) -> list:
        if not self.marks:
            raise self.bad("a MARK is missing")
        mark = self.marks.pop()
        items = self.stack[mark:]
        del self.stack[mark:]
        return items

    # -- values ------------------------------------------------------------------------------

    def register(self, obj, depth: int, nodes: int):
        if depth > MAX_DEPTH:
            raise self.fail(f"nests containers more than {MAX_DEPTH} levels deep")
        if nodes > MAX_NODES:
            raise self.fail(f"holds a container of more than {MAX_NODES:,} values")
        if id(obj) not in self.info:
            self.alive.append(obj)
        self.info[id(obj)] = (depth, nodes)
        return obj

    def size_of(self, obj) -> tuple[int, int]:
        if isinstance(obj, _CONTAINERS):
            return self.info[id(obj)]
        return 0, 1

    def value(self, obj, target=None):
        """``obj`` as a plain value to place in a container (parser objects refused)."""
        if isinstance(obj, ArrayCall):
            if obj.array is None:
                raise self.bad("an array is used before its data")
            return obj.array
        if isinstance(obj, _Global):
            raise self.fail(f"holds a reference to {obj.dotted} outside an array")
        if isinstance(obj, DtypeCall | _ArgTuple):
            raise self.fail("holds a NumPy dtype or call outside an array")
        if target is not None and obj is target:
            raise self.fail("holds a container inside itself")
        if isinstance(obj, list | dict):
            self.sealed.add(id(obj))
        return obj

    def key(self, k):
        k = self.value(k)
        if isinstance(k, tuple):
            try:
                hash(k)
            except TypeError:
                raise self.fail("uses a list, dict or array as a dict key") from None
        elif not isinstance(k, _KEY_TYPES):
            raise self.fail(f"uses a {type(k).__name__} as a dict key")
        return k

    def grow(self, target, children) -> None:
        if id(target) in self.sealed:
            raise self.fail("changes a container after placing it in another one")
        depth, nodes = self.info[id(target)]
        for c in children:
            d, n = self.size_of(c)
            depth, nodes = max(depth, d + 1), nodes + n
        self.register(target, depth, nodes)

    def make_tuple(self, items):
        if any(isinstance(x, _Global | DtypeCall | _ArgTuple)
               or (isinstance(x, ArrayCall) and x.array is None) for x in items):
            return _ArgTuple(items)  # the arguments of a call, not a value
        values = tuple(self.value(x) for x in items)
        if len(values) > MAX_NODES:
            raise self.fail(f"holds a container of more than {MAX_NODES:,} values")
        depth, nodes = 1, 1
        for c in values:
            d, n = self.size_of(c)
            depth, nodes = max(depth, d + 1), nodes + n
        return self.register(values, depth, nodes)

    def take_bytes(self, n: int) -> None:
        if n > self.alloc_left:
            raise self.fail("would need more memory than a weight file may (its data is "
                            "reused or expanded)")
        self.alloc_left -= n

    def int_value(self, v):
        if isinstance(v, int) and not isinstance(v, bool) and v.bit_length() > MAX_INT_BITS:
            raise self.fail(f"holds a whole number of {v.bit_length():,} bits")
        return v

    # -- opcodes -----------------------------------------------------------------------------

    def run(self, data: bytes):
        ops = 0
        for op, arg, pos in pickletools.genops(data):
            ops += 1
            if ops > MAX_OPS:
                raise self.fail(f"has more than {MAX_OPS:,} opcodes")
            name = op.name
            if name in _REFUSED_OPS:
                raise self.fail(_REFUSED_OPS[name])
            if name == "STOP":
                result = self.value(self.pop())
                return result
            handler = getattr(self, f"op_{name}", None)
            if name in _PUSH_ARG:
                self.stack.append(self.int_value(arg))
            elif name in _CONSTANTS:
                self.stack.append(_CONSTANTS[name])
            elif handler is None:
                raise self.fail(f"uses the opcode {name} at byte {pos}")
            else:
                handler(arg)
        raise self.bad("it ends before its STOP opcode")

    def op_PROTO(self, arg):
        if arg > 5:
            raise self.bad(f"pickle protocol {arg} is newer than this nnviz reads")

    def op_FRAME(self, arg):
        pass

    def op_BYTEARRAY8(self, arg):
        self.take_bytes(len(arg))
        self.stack.append(bytes(arg))

    def op_MARK(self, arg):
        if len(self.marks) >= MAX_MARKS:
            raise self.fail(f"opens more than {MAX_MARKS} MARKs at once")
        self.marks.append(len(self.stack))

    def op_POP(self, arg):
        if len(self.stack) == self.floor() and self.marks:
            self.marks.pop()
        else:
            self.pop()

    def op_POP_MARK(self, arg):
        self.pop_mark()

    def op_MEMOIZE(self, arg):
        self.memo[len(self.memo)] = self.top()

    def op_PUT(self, arg):
        if arg < 0:
            raise self.bad("a negative memo index")
        self.memo[arg] = self.top()

    op_BINPUT = op_LONG_BINPUT = op_PUT

    def op_GET(self, arg):
        if arg not in self.memo:
            raise self.bad(f"memo entry {arg} is used before it is stored")
        self.stack.append(self.memo[arg])

    op_BINGET = op_LONG_BINGET = op_GET

    def op_EMPTY_LIST(self, arg):
        self.stack.append(self.register([], 1, 1))

    def op_EMPTY_DICT(self, arg):
        self.stack.append(self.register({}, 1, 1))

    def op_EMPTY_TUPLE(self, arg):
        self.stack.append(self.make_tuple(()))

    def op_TUPLE(self, arg):
        self.stack.append(self.make_tuple(self.pop_mark()))

    def _tuple_n(self, n: int, arg=None):
        items = [self.pop() for _ in range(n)][::-1]
        self.stack.append(self.make_tuple(items))

    op_TUPLE1 = partialmethod(_tuple_n, 1)
    op_TUPLE2 = partialmethod(_tuple_n, 2)
    op_TUPLE3 = partialmethod(_tuple_n, 3)

    def op_LIST(self, arg):
        target = self.register([], 1, 1)
        self._extend(target, self.pop_mark())
        self.stack.append(target)

    def op_DICT(self, arg):
        target = self.register({}, 1, 1)
        self._update(target, self.pop_mark())
        self.stack.append(target)

    def op_APPEND(self, arg):
        item = self.pop()
        self._extend(self.top(), [item])

    def op_APPENDS(self, arg):
        items = self.pop_mark()
        self._extend(self.top(), items)

    def op_SETITEM(self, arg):
        v = self.pop()
        k = self.pop()
        self._update(self.top(), [k, v])

    def op_SETITEMS(self, arg):
        items = self.pop_mark()
        self._update(self.top(), items)

    def _extend(self, target, items) -> None:
        if type(target) is not list:
            raise self.fail(f"appends to a {type(target).__name__}")
        values = [self.value(x, target) for x in items]
        if len(target) + len(values) > MAX_NODES:
            raise self.fail(f"holds a container of more than {MAX_NODES:,} values")
        self.grow(target, values)
        target.extend(values)

    def _update(self, target, items) -> None:
        if type(target) is not dict:
            raise self.fail(f"sets items on a {type(target).__name__}")
        if len(items) % 2:
            raise self.bad("a key without a value")
        pairs = [(self.key(items[i]), self.value(items[i + 1], target))
                 for i in range(0, len(items), 2)]
        self.grow(target, [v for _, v in pairs] + [k for k, _ in pairs])
        target.update(pairs)

    def op_GLOBAL(self, arg):
        module, _, name = str(arg).partition(" ")
        self._global(module, name)

    def op_STACK_GLOBAL(self, arg):
        name, module = self.pop(), self.pop()
        if not isinstance(name, str) or not isinstance(module, str):
            raise self.bad("STACK_GLOBAL needs two names")
        self._global(module, name)

    def _global(self, module: str, name: str) -> None:
        role = _GLOBALS.get((module, name))
        if role is None:
            raise self.error(f"refused: the file asks to run {short(module + '.' + name)}; a "
                             "weight file may only contain NumPy arrays and plain containers "
                             "(it may be malicious)")
        self.stack.append(_Global(role, f"{module}.{name}"))

    def op_REDUCE(self, arg):
        args = self.pop()
        func = self.pop()
        if not isinstance(func, _Global):
            raise self.fail(f"calls a {type(func).__name__}")
        if not isinstance(args, tuple):
            raise self.bad(f"{func.dotted} is called without an argument tuple")
        call = getattr(self, f"call_{func.role}", None)
        if call is None:
            raise self.fail(f"calls {func.dotted} directly")
        self.stack.append(call(args, func.dotted))

    def op_BUILD(self, arg):
        state = self.pop()
        obj = self.top()
        if isinstance(obj, DtypeCall) and obj.dtype is None:
            self.build_dtype(obj, state)
        elif isinstance(obj, ArrayCall) and obj.array is None:
            self.build_array(obj, state)
        else:
            raise self.fail(f"sets the state of a {type(obj).__name__.strip('_')}")


def parse_pickle(data: bytes, error=UnreadableFile):
    """The value a pickle of plain containers and NumPy arrays describes, without running it.

    Parameters
    ----------
    data : bytes
        The whole file.
    error : type
        Raised, with a message for the user, for anything refused or malformed.

    Returns
    -------
    object
        dict (also for an OrderedDict), list, tuple, str, bytes, int, float, bool, None or
        ndarray (native byte order, C order, writable), nested.
    """
    parser = _Parser(len(data), error)
    try:
        return parser.run(data)
    except UnreadableFile:
        raise
    except MemoryError:
        raise error("not enough memory to read this weight pickle") from None
    except Exception as exc:  # noqa: BLE001 - genops' decoding errors on malformed bytes
        raise error(f"not a readable pickle: {type(exc).__name__}: {str(exc)[:200]}") from None
