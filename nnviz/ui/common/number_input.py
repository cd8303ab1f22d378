"""Numbers typed by the student: the value, or the reason it was refused (one sentence).

The weight editor and the canvas's inline editor read text with :func:`read_number`
(:func:`~nnviz.ui.common.formatting.parse_number` plus the reason for a refusal: "1,000" is
ambiguous, "١٢" or "１２" are not written with 0-9, "abc" is not a number).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nnviz.ui.common.formatting import NumberError, parse_number


def _tr(text: str) -> str:
    return QCoreApplication.translate("NumberInput", text)


def read_number(text) -> tuple[float | None, str]:
    """(value, '') for a finite number typed with the digits 0-9, else (None, why not)."""
    try:
        return parse_number(text), ""
    except NumberError as exc:
        return None, number_refusal(str(text), exc)


def number_refusal(text: str, exc: NumberError) -> str:
    """Why ``text`` was refused, for the student (one sentence)."""
    shown = text.strip()[:40]
    reason = getattr(exc, "reason", "")
    if reason == "comma":
        return _tr("“{t}” is ambiguous: a comma can separate thousands (1,000 = 1000) or "
                   "decimals (1,5 = 1.5). Type it without the comma, with a point for "
                   "decimals (1000 or 1.0).").format(t=shown)
    if reason == "digits":
        return _tr("“{t}” is not written with the digits 0–9 (full-width or Arabic-Indic "
                   "digits are not read); type it with 0–9.").format(t=shown)
    return _tr("“{t}” is not a finite number.").format(t=shown)
