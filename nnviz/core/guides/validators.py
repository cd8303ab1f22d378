"""Validating untrusted guide data, one value at a time, with messages that say where.

Every function takes the value and ``where`` (a path such as ``steps[2].task.check``) and
returns the value in its clean form (tuples, read-only arrays, :class:`Text`) or raises
:class:`GuideError` naming the place.  Guides come from files and from instructors' lesson
files, so nothing is trusted: booleans are not numbers, numbers are finite and bounded,
strings and lists have a maximum length.
"""

from __future__ import annotations

import math
import re
from typing import NoReturn

from nnviz.core.guides.model import LANGUAGES, GuideError, Text, frozen_array

#: Largest magnitude of any number in a guide (weights, thresholds).
MAX_ABS = 1e6
#: Longest text (one language) of a step.
MAX_TEXT = 2000
#: Longest title.
MAX_TITLE = 120
#: Most numbers in one weight array of a step's state.
MAX_ARRAY_NUMBERS = 4096
#: Most items in a list (truth-table rows, names, panels).
MAX_LIST = 64

#: A parameter: "W1" / "b2" (a whole array) or "W1[0,1]" / "b2[0]" (one number, 0-based).
PARAM_NAME = re.compile(r"([Wb])([1-9][0-9]?)(?:\[(\d{1,4})(?:,(\d{1,4}))?\])?")
#: A step id: lowercase words joined by '-' or '_'.
STEP_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


def fail(where: str, message: str) -> NoReturn:
    raise GuideError(f"{where}: {message}")


def short(value) -> str:
    """A value as a message may quote it (never a megabyte of it)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def require_dict(value, where: str, allowed, required=()) -> dict:
    """``value`` must be an object with only ``allowed`` keys and every ``required`` key."""
    if not isinstance(value, dict):
        fail(where, f"expected an object {{...}}, got {type(value).__name__}")
    unknown = [k for k in value if k not in allowed]
    if unknown:
        fail(where, f"unknown field {short(unknown[0])} (allowed: {', '.join(sorted(allowed))})")
    for key in required:
        if key not in value:
            fail(where, f"the field {key!r} is missing")
    return value


def number(value, where: str, lo: float = -MAX_ABS, hi: float = MAX_ABS) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        fail(where, f"expected a number, got {short(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        fail(where, "NaN and infinity are not allowed")
    if not lo <= value <= hi:
        fail(where, f"{short(value)} is outside [{lo:g}, {hi:g}]")
    return float(value)


def integer(value, where: str, lo: int = 0, hi: int = 10**9) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        fail(where, f"expected a whole number, got {short(value)}")
    if not lo <= value <= hi:
        fail(where, f"{value} is outside [{lo}, {hi}]")
    return int(value)


def boolean(value, where: str) -> bool:
    if not isinstance(value, bool):
        fail(where, f"expected true or false, got {short(value)}")
    return value


def choice(value, where: str, choices) -> str:
    if not isinstance(value, str) or value not in choices:
        fail(where, f"{short(value)} is not one of: {', '.join(sorted(choices))}")
    return value


def string(value, where: str, max_len: int = MAX_TITLE, pattern: re.Pattern | None = None) -> str:
    if not isinstance(value, str):
        fail(where, f"expected text, got {type(value).__name__}")
    if len(value) > max_len:
        fail(where, f"text of {len(value):,} characters (at most {max_len:,})")
    if pattern is not None and not pattern.fullmatch(value):
        fail(where, f"{short(value)} is not a valid name")
    return value


def text(value, where: str, max_len: int = MAX_TEXT) -> Text:
    """{"en": ..., "ko": ...}: both languages, non-empty, bounded."""
    require_dict(value, where, LANGUAGES, LANGUAGES)
    out = {}
    for lang in LANGUAGES:
        s = string(value[lang], f"{where}.{lang}", max_len)
        if not s.strip():
            fail(f"{where}.{lang}", "the text is empty")
        out[lang] = s
    return Text(out["en"], out["ko"])


def listing(value, where: str, max_len: int = MAX_LIST) -> list:
    if not isinstance(value, list):
        fail(where, f"expected a list [...], got {type(value).__name__}")
    if len(value) > max_len:
        fail(where, f"{len(value):,} items (at most {max_len})")
    return value


def names(value, where: str, known, max_len: int = MAX_LIST) -> tuple[str, ...]:
    """A list of distinct names from ``known``."""
    items = tuple(choice(v, f"{where}[{i}]", known)
                  for i, v in enumerate(listing(value, where, max_len)))
    if len(set(items)) != len(items):
        fail(where, "a name is listed twice")
    return items


def numbers(value, where: str, max_len: int = MAX_LIST) -> tuple[float, ...]:
    return tuple(number(v, f"{where}[{i}]") for i, v in enumerate(listing(value, where, max_len)))


def rows(value, where: str) -> tuple[tuple[float, ...], ...]:
    """A list of rows; each row a number or a list of numbers (all rows the same width)."""
    out = []
    for i, row in enumerate(listing(value, where)):
        out.append(numbers(row, f"{where}[{i}]") if isinstance(row, list)
                   else (number(row, f"{where}[{i}]"),))
    if len({len(r) for r in out}) > 1:
        fail(where, "the rows have different lengths")
    if not out:
        fail(where, "the list is empty")
    return tuple(out)


def array(value, where: str):
    """A weight array: a list of numbers (a bias) or a list of equal-length rows (W)."""
    rows_ = listing(value, where, MAX_ARRAY_NUMBERS)
    if rows_ and all(isinstance(r, list) for r in rows_):
        width = len(rows_[0])
        if width * len(rows_) > MAX_ARRAY_NUMBERS:
            fail(where, f"more than {MAX_ARRAY_NUMBERS:,} numbers")
        out = [numbers(r, f"{where}[{i}]", MAX_ARRAY_NUMBERS) for i, r in enumerate(rows_)]
        if any(len(r) != width for r in out) or width == 0:
            fail(where, "the rows must be non-empty and of equal length")
        return frozen_array(out)
    if not rows_:
        fail(where, "the array is empty")
    return frozen_array(numbers(rows_, where, MAX_ARRAY_NUMBERS))


def param_name(value, where: str, element: bool = False) -> str:
    """"W1", "b2" or one number "W1[0,1]", "b2[0]" (spaces dropped); ``element``: one number."""
    if not isinstance(value, str) or len(value) > 24:
        fail(where, f"expected a parameter name such as 'W1' or 'W1[0,1]', got {short(value)}")
    name = value.replace(" ", "")
    m = PARAM_NAME.fullmatch(name)
    if m is None:
        fail(where, f"{short(value)} is not a parameter name ('W1', 'b1', 'W1[0,1]', 'b1[0]')")
    kind, _, i, j = m.groups()
    if i is not None and (kind == "W") != (j is not None):
        fail(where, f"{short(value)}: a weight takes two indices W1[i,j], a bias one b1[j]")
    if element and i is None:
        fail(where, f"{short(value)}: name one number, such as 'W1[0,1]' or 'b1[0]'")
    return name


def split_param(name: str) -> tuple[str, int, tuple[int, ...]]:
    """("W" or "b", 0-based layer, element indices (empty for the whole array))."""
    m = PARAM_NAME.fullmatch(name)
    if m is None:
        raise ValueError(f"not a parameter name: {name!r}")
    kind, layer, i, j = m.groups()
    index = tuple(int(v) for v in (i, j) if v is not None)
    return kind, int(layer) - 1, index
