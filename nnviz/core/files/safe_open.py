"""Reading untrusted user files: regular files only, size-limited, never blocking.

Every loader of a user file (models, weight pickles, sessions, presets, IDX data) opens it
through :func:`open_regular`.  The path is ``stat``-ed first, so a device is refused without
being opened (opening some devices has effects), then opened with ``O_NONBLOCK`` (a FIFO with
no writer would block a plain ``open`` forever) and ``fstat``-ed again on the descriptor, so a
path swapped between the two calls is caught as well.  ``/dev/zero``, ``/dev/urandom``, FIFOs,
sockets and folders are refused with a message; so is a file larger than the caller allows.

:func:`parse_json` is the one JSON reader of user files: no NaN/Infinity, no number so large
it overflows (``1e400``) or has thousands of digits, bounded nesting.

:class:`UnreadableFile` is the common base of every loader's error (``ModelFileError``,
``SessionFileError``, ``IdxError``, ``DatasetCorrupt``, preset errors): ``str(exc)`` is a
message for the user, never a traceback.
"""

from __future__ import annotations

import json
import math
import os
import stat
from collections.abc import Iterable
from pathlib import Path

__all__ = ["UnreadableFile", "open_regular", "parse_json", "read_regular"]

#: deepest JSON nesting accepted by :func:`parse_json` (the app's files use about 6)
MAX_JSON_DEPTH = 32
#: longest integer literal accepted by :func:`parse_json` (2**63 has 19 digits)
MAX_INT_DIGITS = 40


class UnreadableFile(ValueError):
    """A user file cannot be used; ``str(exc)`` says why, in words a student can act on."""


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check_stat(st, name: str, max_bytes: int, what: str, error) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise error(f"{name} is {_kind_of(st.st_mode)}, not a file; choose {what} file")
    if st.st_size > max_bytes:
        raise error(f"{name} is {st.st_size / 2**20:,.1f} MB; {what} file is at most "
                    f"{max_bytes / 2**20:,.0f} MB")


def open_regular(path, max_bytes: int, what: str = "a", error=UnreadableFile):
    """Open ``path`` for binary reading if it is a regular file of at most ``max_bytes``.

    Parameters
    ----------
    path : path-like
    max_bytes : int
        Largest size accepted.
    what : str
        How the message names the expected file ("an nnviz model").
    error : type
        Exception class raised for a refusal (a subclass of :class:`UnreadableFile`).

    Returns
    -------
    file object
        Buffered binary reader; the caller closes it.

    Raises
    ------
    error
        Not a regular file (device, FIFO, socket, folder) or too large.
    OSError
        The file cannot be opened (missing, no permission).
    """
    path = Path(path)
    _check_stat(os.stat(path), path.name, max_bytes, what, error)
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    fd = os.open(path, flags)
    try:
        _check_stat(os.fstat(fd), path.name, max_bytes, what, error)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path, max_bytes: int, what: str = "a", error=UnreadableFile) -> bytes:
    """All the bytes of a regular file of at most ``max_bytes`` (see :func:`open_regular`)."""
    with open_regular(path, max_bytes, what, error) as f:
        data = f.read(max_bytes + 1)  # a file growing while read is still bounded
    if len(data) > max_bytes:
        raise error(f"{Path(path).name} grew while it was read; {what} file is at most "
                    f"{max_bytes / 2**20:,.0f} MB")
    return data


# -- JSON ---------------------------------------------------------------------------------

def _no_constant(text):
    raise ValueError(f"{text} is not a number a file may hold")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is too large")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number has {len(text.lstrip('-')):,} digits (at most "
                         f"{MAX_INT_DIGITS} expected)")
    return int(text)


def json_depth_exceeds(obj, max_depth: int) -> bool:
    """True when ``obj`` nests lists/dicts deeper than ``max_depth`` (iterative: no recursion)."""
    todo = [(obj, 1)]
    while todo:
        item, depth = todo.pop()
        children: Iterable[object]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > max_depth:
            return True
        todo.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def parse_json(data, what: str, error=UnreadableFile, max_depth: int = MAX_JSON_DEPTH):
    """Parse JSON text or UTF-8 bytes from a user file; ``error`` with a message if unusable.

    NaN and Infinity are refused (a later ``json.dumps(allow_nan=False)`` — every save — would
    fail on them), so are numbers that overflow a float (``1e400``), integers with more than
    :data:`MAX_INT_DIGITS` digits and nesting deeper than ``max_depth``.
    """
    try:
        text = data.decode("utf-8") if isinstance(data, bytes | bytearray) else str(data)
        obj = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float,
                         parse_int=_bounded_int)
    except RecursionError:
        raise error(f"{what} is nested too deeply") from None
    except UnicodeDecodeError:
        raise error(f"{what} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise error(f"{what} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                    f"{exc.msg})") from None
    except ValueError as exc:  # raised by the hooks above
        raise error(f"{what} is not usable JSON: {exc}") from None
    if json_depth_exceeds(obj, max_depth):
        raise error(f"{what} is nested more than {max_depth} levels deep")
    return obj
