"""Check a Qt INI settings file before QSettings parses it (pure Python, no Qt).

QSettings parses a whole file on its first access and turns every ``@Variant(…)`` value into
an object with QDataStream, which trusts the counts it reads: a 51-byte file whose value
claims a list of 2^31 strings aborts the process (``std::bad_alloc``) before any Python code
can react, and a list nested thousands deep overflows the C stack.  :func:`ini_problem` reads
the text first, unescaping values as Qt does, and accepts only what becomes a small object:
text and lists of text, ``@ByteArray``/``@Invalid``/``@Rect``/``@Size``/``@Point``, and
``@Variant`` payloads made of a few known types whose every count fits in the bytes that
follow (the types QSettings and PySide write for text, numbers, lists, maps and the pickled
objects that :mod:`nnviz.ui.shell.settings_guard` then refuses).

A second check does not depend on reading Qt's line and list rules exactly: every ``@`` in the
file that could begin ``@Variant(`` or ``@DateTime(`` must be one whose payload was checked.
"""

from __future__ import annotations

import struct

MAX_FILE_BYTES = 1024 * 1024  # nnviz writes a few kB (window layout, 8 recent files)
MAX_LINE_BYTES = 256 * 1024
MAX_DEPTH = 16  # nesting of lists/maps inside one @Variant
_PYOBJECT = b"PySide::PyObjectWrapper\0"
_SIMPLE = {ord(k): v for k, v in zip("abfnrtv\"?'\\", "\a\b\f\n\r\t\v\"?'\\", strict=True)}
_HEX = b"0123456789abcdefABCDEF"
_FIXED = {1: 1, 2: 4, 3: 4, 4: 8, 5: 8, 6: 8, 7: 2}  # bool, ints, double, char: bytes
_LISTS = {8: 8, 9: 4, 11: 4}  # map, list, string list: least bytes per item
_NAMES = {8: "map", 9: "list", 11: "string list"}


class IniProblem(ValueError):
    """The settings text is not one nnviz can let Qt parse (message: why, in English)."""


def ini_problem(data: bytes) -> str:
    """'' when QSettings can parse ``data`` safely, else why not."""
    try:
        _check(bytes(data))
    except IniProblem as exc:
        return str(exc)
    return ""


def _check(data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise IniProblem(f"it is {len(data):,} bytes long (a settings file is a few kB; "
                         f"at most {MAX_FILE_BYTES:,} are read)")
    if b"\0" in data:
        raise IniProblem("it is not a text file (it contains NUL bytes)")
    checked: set[int] = set()
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    line_no = 0
    while True:
        start, end, equals, pos = _read_line(data, pos)
        if end <= start:
            break
        line_no += 1
        if end - start > MAX_LINE_BYTES:
            raise IniProblem(f"line {line_no} is {end - start:,} bytes long "
                             f"(at most {MAX_LINE_BYTES:,})")
        if data[start] == ord("[") or equals < 0:
            continue
        for first, text, irregular in _elements(data, equals + 1, end):
            if text.startswith("@@") and data[first:first + 2] == b"@@":
                checked.add(first + 1)  # "@@Variant(…" is Qt's way of writing that text
            elif text.startswith(("@Variant(", "@DateTime(")):
                where = f"line {line_no}"
                if text.startswith("@DateTime("):
                    raise IniProblem(f"{where}: a date value (nnviz stores none)")
                if irregular or not text.endswith(")"):
                    raise IniProblem(f"{where}: a @Variant value is malformed")
                check_variant_payload(text[9:], where)
                checked.add(first)
    for at in _variant_starts(data):
        if at not in checked:
            raise IniProblem(f"a @Variant value at byte {at} could not be checked")


# -- Qt's INI syntax ----------------------------------------------------------------------------
def _read_line(data: bytes, pos: int) -> tuple[int, int, int, int]:
    """(start, end, position of '=' or -1, next position) of the next logical line.

    As Qt reads it: a backslash escapes the next byte (so ``\\`` + newline continues the
    line), text in double quotes may span lines, ``;`` outside quotes ends the line and a line
    starting with ``;`` is a comment.
    """
    n = len(data)
    start = pos
    while start < n and data[start] in b" \t\r\n":
        start += 1
    i, equals, quoted = start, -1, False
    while i < n:
        ch = data[i]
        i += 1
        if ch == 0x3D:  # =
            if not quoted and equals < 0:
                equals = i - 1
        elif ch in (0x0A, 0x0D):
            if i == start + 1:
                start += 1
            elif not quoted:
                i -= 1
                break
        elif ch == 0x5C:  # backslash
            if i < n:
                c = data[i]
                i += 1
                if i < n and {c, data[i]} == {0x0A, 0x0D}:
                    i += 1
        elif ch == 0x22:  # "
            quoted = not quoted
        elif ch == 0x3B:  # ;
            if i == start + 1:  # a comment line
                while i < n and data[i] not in b"\r\n":
                    i += 1
                while i < n and data[i] in b" \t\r\n":
                    i += 1
                start = i
            elif not quoted:
                i -= 1
                break
    return start, i, equals, i


def _escape(data: bytes, i: int, end: int) -> tuple[str | None, int]:
    """The character a backslash escape at ``data[i]`` (just after the backslash) makes.

    Returns (character or None when the escape makes nothing, next index).  Escapes that make
    an ``@`` or a character above U+00FF are refused: Qt never writes them, and they could
    only hide a ``@Variant(`` or shift its bytes.
    """
    if i >= end:
        return None, i
    c = data[i]
    i += 1
    if c in _SIMPLE:
        return _SIMPLE[c], i
    digits, base = b"", 0
    if c == 0x78 and i < end and data[i] in _HEX:  # \x…
        j = i
        while j < end and data[j] in _HEX:
            j += 1
        digits, base, i = data[i:j], 16, j
    elif 0x30 <= c <= 0x37:  # octal
        j = i
        while j < end and 0x30 <= data[j] <= 0x37:
            j += 1
        digits, base, i = data[i - 1:j], 8, j
    elif c in (0x0A, 0x0D):
        if i < end and data[i] in (0x0A, 0x0D) and data[i] != c:
            i += 1
        return None, i
    else:
        return None, i  # \x without digits, or an unknown escape: Qt skips it
    value = int(digits, base)
    if value > 0xFF or value == 0x40:
        raise IniProblem("an escape makes a character Qt never writes "
                         f"(\\{'x' if base == 16 else ''}{digits.decode()})")
    return chr(value), i


def _elements(data: bytes, start: int, end: int):
    """The items of the value ``data[start:end]`` as Qt unescapes them.

    Yields (index in ``data`` of the item's first character, text, irregular), where
    irregular means a quote or an escape that makes nothing sits inside the item (Qt writes
    neither inside a @Variant, so its bytes would be uncertain).  Items are separated by
    commas outside quotes; unquoted items lose their surrounding blanks.
    """
    i = start
    while i < end and data[i] in b" \t":
        i += 1
    chars: list[str] = []
    first, irregular, quoted, was_quoted, gap = -1, False, False, False, False
    while i < end:
        ch = data[i]
        if ch == 0x5C:
            made, i2 = _escape(data, i + 1, end)
            if made is None:
                gap = gap or bool(chars)
            else:
                if not chars:
                    first = i
                irregular = irregular or gap
                chars.append(made)
            i = i2
        elif ch == 0x22:
            quoted, was_quoted = not quoted, True
            gap = gap or bool(chars)
            i += 1
            if not quoted:
                while i < end and data[i] in b" \t":
                    i += 1
        elif ch == 0x2C and not quoted:
            yield first, _finish(chars, was_quoted), irregular
            chars, first, irregular, was_quoted, gap = [], -1, False, False, False
            i += 1
            while i < end and data[i] in b" \t":
                i += 1
        else:
            j = i + 1
            while j < end and data[j] not in b'\\",':
                j += 1
            if not chars:
                first = i
            irregular = irregular or gap
            run = data[i:j]
            if any(b > 0x7F for b in run):
                irregular = True  # UTF-8 text: never part of a @Variant payload
            chars.append(run.decode("utf-8", "replace"))
            i = j
    yield first, _finish(chars, was_quoted), irregular


def _finish(chars: list[str], was_quoted: bool) -> str:
    text = "".join(chars)
    return text if was_quoted else text.rstrip(" \t")


def _variant_starts(data: bytes):
    """Index of every literal ``@`` that Qt's unescaping could turn into ``@Variant(`` or
    ``@DateTime(`` (quotes and escapes that make nothing are skipped; escapes decoded)."""
    i = data.find(b"@")
    while i >= 0:
        text, j = [], i + 1
        while j < len(data) and len(text) < 9:
            ch = data[j]
            if ch == 0x22:
                j += 1
            elif ch == 0x5C:
                made, j = _escape(data, j + 1, len(data))
                if made is not None:
                    text.append(made)
            else:
                text.append(chr(ch))
                j += 1
        word = "".join(text)
        if word.startswith(("Variant(", "DateTime(")):
            yield i
        i = data.find(b"@", i + 1)


# -- QDataStream (version Qt 4.0, as QSettings writes it) ---------------------------------------
def check_variant_payload(text: str, where: str = "a value") -> None:
    """Refuse a @Variant payload (the text after ``@Variant(``, with its ``)``) unless it is
    one known value whose counts all fit in its bytes."""
    try:
        buf = text.encode("latin-1")
    except UnicodeEncodeError:
        raise IniProblem(f"{where}: a @Variant value holds characters above U+00FF") from None
    end = _variant(buf, 0, 0, where)
    if buf[end:] != b")":
        raise IniProblem(f"{where}: a @Variant value has {len(buf) - end - 1} bytes too many")


def _take(buf: bytes, pos: int, n: int, where: str) -> int:
    if n > len(buf) - pos:
        raise IniProblem(f"{where}: a @Variant value is cut short")
    return pos + n


def _u32(buf: bytes, pos: int, where: str) -> tuple[int, int]:
    end = _take(buf, pos, 4, where)
    return struct.unpack_from(">I", buf, pos)[0], end


def _blob(buf: bytes, pos: int, where: str, utf16: bool = False) -> tuple[bytes, int]:
    """A QByteArray / QString: a 32-bit byte count (0xFFFFFFFF: null) and that many bytes."""
    n, pos = _u32(buf, pos, where)
    if n == 0xFFFFFFFF:
        return b"", pos
    if utf16 and n % 2:
        raise IniProblem(f"{where}: a text of an odd number of bytes")
    end = _take(buf, pos, n, where)
    return buf[pos:end], end


def _variant(buf: bytes, pos: int, depth: int, where: str) -> int:
    if depth > MAX_DEPTH:
        raise IniProblem(f"{where}: a @Variant value is nested more than {MAX_DEPTH} deep")
    kind, pos = _u32(buf, pos, where)
    if kind in _FIXED:
        return _take(buf, pos, _FIXED[kind], where)
    if kind in (0, 10):  # invalid (followed by an empty text), text
        return _blob(buf, pos, where, utf16=True)[1]
    if kind == 12:  # bytes
        return _blob(buf, pos, where)[1]
    if kind == 127:  # a named type: only PySide's pickled objects (the settings guard's job)
        name, pos = _blob(buf, pos, where)
        if name != _PYOBJECT:
            shown = name[:40].decode("latin-1").rstrip("\0")
            raise IniProblem(f"{where}: a value of type {shown!r}, which nnviz does not use")
        return _blob(buf, pos, where)[1]
    if kind not in _LISTS:
        raise IniProblem(f"{where}: a value of type {kind}, which nnviz does not use")
    count, pos = _u32(buf, pos, where)
    room = (len(buf) - pos) // _LISTS[kind]
    if count > room:
        raise IniProblem(f"{where}: a {_NAMES[kind]} claims {count:,} items but its "
                         f"{len(buf) - pos:,} bytes hold at most {room:,}")
    for _ in range(count):
        if kind == 8:
            pos = _blob(buf, pos, where, utf16=True)[1]
            pos = _variant(buf, pos, depth + 1, where)
        elif kind == 9:
            pos = _variant(buf, pos, depth + 1, where)
        else:
            pos = _blob(buf, pos, where, utf16=True)[1]
    return pos
