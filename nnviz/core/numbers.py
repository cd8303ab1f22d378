"""How every number a person reads is written: the app's one formatter (Qt-free, no NumPy).

4 significant digits like the handouts print them (0.5744, 1.214, 0.3168), no trailing zeros,
the typographic minus "−" (U+2212), ``1e−8`` for very small or large magnitudes, and never a
locale's decimal comma.  The explained step's formulas (``nnviz.core.explain``) and every view
(``nnviz.ui.common.formatting``) use it, so a number reads the same in a formula and on the canvas.
"""

from __future__ import annotations

import math

MINUS = "\u2212"


def fmt(x, digits: int = 4) -> str:
    """``x`` with ``digits`` significant digits, e.g. ``fmt(0.57444252) == "0.5744"``.

    Parameters
    ----------
    x : float
        Any real number (NaN and infinities are written ``NaN``, ``∞``, ``−∞``).
    digits : int
        Significant digits (4, like the handouts' worked numbers).

    Returns
    -------
    str
        No trailing zeros, "−" for minus, scientific form (``1.5e−5``) below 1e−4 or at
        10**digits and above.
    """
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else MINUS + "∞"
    if x == 0:
        return "0"
    ax = abs(x)
    if 1e-4 <= ax < 10 ** digits:
        s = f"{x:.{digits}g}"
        if "e" in s:  # 9999.5 rounds up to 1e+04 at 4 digits: write it out
            s = f"{x:.0f}"
    else:
        mantissa, exponent = f"{x:.{max(digits - 1, 0)}e}".split("e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        s = f"{mantissa}e{int(exponent)}"
    return s.replace("-", MINUS)
