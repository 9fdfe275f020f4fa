"""Tests for socprev_kit.common.formatting: numbers, percentages, months and periods in nl/fr/en
without the OS locale, and the languages' no-break spaces."""

from __future__ import annotations

import pandas as pd
import pytest

from socprev_kit.common.formatting import (
    check_lang,
    format_month,
    format_number,
    format_percent,
    format_period,
    no_break_spaces,
)

NBSP, NNBSP, MINUS = "\u00a0", "\u202f", "\u2212"


def test_unknown_language_refused():
    calls = [
        lambda: check_lang("de"),
        lambda: format_number(1.5, "de"),
        lambda: format_percent(1.5, "de"),
        lambda: format_month("2020-09", "DE"),
        lambda: format_period("2025-Q1", "nl-BE"),
        lambda: no_break_spaces("20 %", "de"),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="lang must be 'nl', 'fr' or 'en', not"):
            call()


def test_numbers_use_the_decimal_comma_in_nl_and_fr():
    assert format_number(1234.5, "nl", decimals=1) == "1.234,5"
    assert format_number(1234.5, "fr", decimals=1) == f"1{NNBSP}234,5"
    assert format_number(1234.5, "en", decimals=1) == "1,234.5"
    assert format_number(-0.25, "fr") == f"{MINUS}0,25"
    assert format_number(2.5, "nl", signed=True) == "+2,5"
    assert format_number(-0.001, "nl", signed=True) == "0"  # no "−0"
    assert format_number(float("nan"), "en") == "–"


def test_percentages_rounded_and_spaced_per_language():
    assert format_percent(-20.04, "fr") == f"{MINUS}20{NNBSP}%"
    assert format_percent(-20.04, "nl") == f"{MINUS}20{NBSP}%"
    assert format_percent(-20.04, "en") == f"{MINUS}20%"
    assert format_percent(2.46, "nl") == f"2,5{NBSP}%"
    assert format_percent(0.034, "en") == "0.03%"
    assert format_percent(12.0, "fr", signed=True) == f"+12{NNBSP}%"


@pytest.mark.parametrize(
    ("lang", "sept", "aug"),
    [
        ("nl", "september 2020", "augustus 2021"),
        ("fr", "septembre 2020", "août 2021"),
        ("en", "September 2020", "August 2021"),
    ],
)
def test_month_names_without_the_os_locale(lang, sept, aug):
    assert format_month("2020-09", lang) == sept
    assert format_month(pd.Timestamp("2021-08-01"), lang) == aug


def test_percent_with_fixed_decimals_keeps_trailing_zeros():
    assert format_percent(99.8, "fr", decimals=1) == f"99,8{NNBSP}%"
    assert format_percent(99.0, "en", decimals=1) == "99.0%"
    assert format_percent(-25.5, "nl", decimals=0) == f"{MINUS}26{NBSP}%"
    assert format_percent(-0.1, "nl", decimals=0) == f"0{NBSP}%"  # no "−0"
    assert format_percent(1234, "en", decimals=0) == "1,234%"


def test_periods_in_words():
    assert format_period("2025-Q4", "nl") == "4e kwartaal 2025"
    assert format_period("2025q1", "fr") == "T1 2025"
    assert format_period("2025-03", "en") == "March 2025"
    assert format_period("2025", "en") == "2025"
    assert format_period(None, "nl") == format_period(float("nan"), "fr") == "–"


def test_no_break_spaces_per_language():
    text = "« 20 % » : oui ; non ? ja !"
    assert no_break_spaces(text, "fr") == (
        f"«{NNBSP}20{NNBSP}%{NNBSP}»{NBSP}: oui{NNBSP}; non{NNBSP}? ja{NNBSP}!"
    )
    assert no_break_spaces("20 % : ja", "nl") == f"20{NBSP}% : ja"
    assert no_break_spaces(text, "en") == text
