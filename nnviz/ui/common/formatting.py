"""The one number formatter of the app (Qt-free).

On screen: 4 significant digits (``fmt``); in tooltips and tables: full precision
(``fmt_full``, the shortest text that reads back as the same float).  ``parse_number``
is the inverse used by every editor: it refuses text that is not a finite number.
"""

from __future__ import annotations

import math
import re

# the handouts' 4-significant-digit writing, shared with the explained step's formulas
from nnviz.core.numbers import fmt  # noqa: F401  (re-exported: the UI's one fmt)

#: Subscript digits for neuron indices in formulas (a₁, z₂ …).
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(n: int) -> str:
    """``sub(12) == "₁₂"``."""
    return str(n).translate(_SUB)


def fmt_full(x) -> str:
    """Full precision: Python's shortest round-tripping repr (17 significant digits max)."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == int(x) and abs(x) < 1e15:
        return str(int(x)).replace("-", "−")
    return repr(x).replace("-", "−")


def pct(x, decimals: int = 1) -> str:
    """A fraction as a percentage, ``pct(0.9192) == "91.9 %"`` (same in Korean and English).

    The space before ``%`` is a no-break space, so the sign never wraps onto its own line.
    """
    x = float(x)
    if math.isnan(x):
        return "–"
    return f"{100 * x:.{decimals}f}\u00a0%".replace("-", "−")


def count(n) -> str:
    """A whole number with thousands separators: ``count(60000) == "60,000"``."""
    return f"{int(n):,}".replace("-", "−")


def fmt_vec(v, digits: int = 4) -> str:
    """``[0.3, 0.7, 1.1]`` with :func:`fmt` numbers."""
    return "[" + ", ".join(fmt(x, digits) for x in v) + "]"


class NumberError(ValueError):
    """Text typed into an editor is not a finite number (message is user-facing English).

    ``reason`` says why: "empty", "not a number", "comma" (a comma that may separate
    thousands), "digits" (digits other than 0-9), "NaN" or "infinite".
    """

    def __init__(self, message: str, reason: str = ""):
        super().__init__(message)
        self.reason = reason or message


#: one comma followed by three digits after a nonzero integer part: 1,000 is one thousand in
#: Korean and English habits but one in European ones
_THOUSANDS = re.compile(r"[+-]?[1-9][0-9]{0,2},[0-9]{3}")


def parse_number(text) -> float:
    """A finite float from user text: accepts '−' (U+2212), spaces, and a decimal comma when
    it cannot be a thousands separator ("0,25", "1,5"; not "1,000").

    Only the digits 0-9 are read (Python's float() would also take Arabic-Indic and
    full-width digits, and "1_000").  Raises :class:`NumberError` for anything else, NaN and
    ±infinity included; its ``reason`` tells the editors which message to show.
    """
    if isinstance(text, int | float) and not isinstance(text, bool):
        x = float(text)
    else:
        s = str(text).strip().replace("−", "-").replace("\u2009", "").replace(" ", "")
        if not s:
            raise NumberError("empty")
        if not s.isascii():
            reason = "digits" if any(c.isdigit() for c in s) else "not a number"
            raise NumberError(f"not a number ({reason})", reason)
        if "," in s:
            if s.count(",") > 1 or "." in s or _THOUSANDS.fullmatch(s):
                raise NumberError("ambiguous comma", "comma")
            s = s.replace(",", ".")
        if "_" in s:
            raise NumberError("not a number")
        try:
            x = float(s)
        except ValueError:
            raise NumberError("not a number") from None
    if math.isnan(x):
        raise NumberError("NaN")
    if math.isinf(x):
        raise NumberError("infinite")
    return x
