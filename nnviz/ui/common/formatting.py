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
    """A whole number with thousands separators: ``count(60000) == "60,000"`` (Korean writes
    them the same way: 샘플 300,000개)."""
    return f"{int(n):,}".replace("-", "−")


#: unit words of :func:`duration`: milliseconds, seconds, minutes, hours (with their spacing)
_TIME_UNITS = {
    "en": (" ms", " s", " min", " h"),
    "ko": (" ms", "초", "분", "시간"),
}


def _plain(x: float, digits: int) -> str:
    """``x`` > 0 with ``digits`` significant digits, never in scientific notation."""
    decimals = max(0, digits - 1 - math.floor(math.log10(x)))
    s = f"{x:.{decimals}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def locale_language() -> str:
    """"ko" or "en": the language of the running app's default locale ("en" without Qt)."""
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return "en"
    from PySide6.QtCore import QLocale

    return "ko" if QLocale().language() == QLocale.Korean else "en"


def duration(seconds, lang: str | None = None) -> str:
    """A time a person reads, never in scientific notation: ``"0.09 ms"``, ``"12.3 ms"``,
    ``"1.25 s"``, ``"2 min 5 s"``, ``"1 h 2 min"`` (Korean: ``"1.25초"``, ``"2분 5초"``).

    ``lang``: "ko" or "en"; None: the app's language (:func:`locale_language`).  NaN and negative
    times (nothing measured yet) are "–".
    """
    ms, sec, mins, hours = _TIME_UNITS.get(lang or locale_language(), _TIME_UNITS["en"])
    t = float(seconds)
    if math.isnan(t) or t < 0:
        return "–"
    if math.isinf(t):
        return "∞"
    if t == 0:
        return "0" + sec
    if t < 1e-5:
        return "< 0.01" + ms
    if t < 0.9995:
        return _plain(t * 1000, 2 if t < 1e-3 else 3) + ms
    if t < 59.95:
        return _plain(t, 3) + sec
    if round(t) < 3600:
        m, s = divmod(round(t), 60)
        return f"{m}{mins} {s}{sec}".strip() if s else f"{m}{mins}".strip()
    h, m = divmod(round(t / 60), 60)
    return f"{h}{hours} {m}{mins}".strip() if m else f"{h}{hours}".strip()


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
