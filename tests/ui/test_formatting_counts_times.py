"""Counts with thousands separators and times a person reads, in Korean and English."""

import pytest
from PySide6.QtCore import QLocale

from nnviz.ui.common.formatting import count, duration, locale_language


@pytest.mark.parametrize("n, text", [(0, "0"), (999, "999"), (60000, "60,000"),
                                     (300000, "300,000"), (-1234, "−1,234"), (1e6, "1,000,000")])
def test_counts_have_thousands_separators(n, text):
    assert count(n) == text


@pytest.mark.parametrize("seconds, en, ko", [
    (0.00009, "0.09 ms", "0.09 ms"),  # was "0.00009초": never scientific, never 5 zeros
    (0.0001, "0.1 ms", "0.1 ms"),
    (0.000123, "0.12 ms", "0.12 ms"),
    (0.0456, "45.6 ms", "45.6 ms"),
    (0.999, "999 ms", "999 ms"),
    (1.234, "1.23 s", "1.23초"),
    (125, "2 min 5 s", "2분 5초"),
    (120, "2 min", "2분"),
    (3725, "1 h 2 min", "1시간 2분"),
    (1e-9, "< 0.01 ms", "< 0.01 ms"),
    (float("nan"), "–", "–"),
])
def test_times_are_plain_in_both_languages(seconds, en, ko):
    assert duration(seconds, "en") == en
    assert duration(seconds, "ko") == ko
    for text in (duration(seconds, "en"), duration(seconds, "ko")):
        assert "e-" not in text and "e+" not in text


def test_time_follows_the_app_language(qapp):
    old = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Korean, QLocale.SouthKorea))
        assert locale_language() == "ko" and duration(2.5) == "2.5초"
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        assert locale_language() == "en" and duration(2.5) == "2.5 s"
    finally:
        QLocale.setDefault(old)
