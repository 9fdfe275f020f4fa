"""Language-aware formatting of numbers, percentages, months and periods for nl/fr/en,
independent of the OS locale.

``1.234,5`` (nl), ``1 234,5`` (fr, narrow no-break space), ``1,234.5`` (en); ``−`` for minus and
``–`` for a missing value; ``−20 %`` (nl: no-break space, fr: narrow no-break space) and
``−20%`` (en); month names and quarters in words. :func:`no_break_spaces` gives a text the
language's spacing before ``%`` (and, in French, before ``:`` ``;`` ``?`` ``!`` and inside « »),
so texts can be written with plain spaces. The interpretation sentences and the figures use the
same functions, so a report and its figures write a number the same way.
"""

from __future__ import annotations

import re
from typing import Literal

import numpy as np
import pandas as pd

__all__ = [
    "LANGS",
    "MINUS",
    "MONTH_NAMES",
    "MONTH_SHORT",
    "QUARTER_NAMES",
    "Lang",
    "check_lang",
    "default_decimals",
    "format_month",
    "format_number",
    "format_percent",
    "format_period",
    "no_break_spaces",
]

Lang = Literal["nl", "fr", "en"]
LANGS: tuple[Lang, ...] = ("nl", "fr", "en")
MINUS = "\u2212"
_PERCENT_SPACE = {"nl": "\u00a0", "fr": "\u202f", "en": ""}
_DIGITS = {
    "nl": str.maketrans({",": ".", ".": ","}),
    "fr": str.maketrans({",": "\u202f", ".": ","}),
    "en": str.maketrans({}),
}
#: plain -> fixed spacing, per language (English has none).
_SPACES: dict[str, tuple[tuple[str, str], ...]] = {
    "nl": ((" %", "\u00a0%"),),
    "fr": ((" :", "\u00a0:"), (" ;", "\u202f;"), (" ?", "\u202f?"), (" !", "\u202f!"),
           ("« ", "«\u202f"), (" »", "\u202f»"), (" %", "\u202f%")),
    "en": (),
}  # fmt: skip

MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}  # fmt: skip
#: Months as the axes of the figures write them (the usual abbreviations of each language).
MONTH_SHORT: dict[str, tuple[str, ...]] = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}  # fmt: skip
#: A quarter in words; ``{q}`` is 1 to 4.
QUARTER_NAMES: dict[str, str] = {"nl": "{q}e kwartaal {year}", "fr": "T{q} {year}",
                                 "en": "Q{q} {year}"}  # fmt: skip


def check_lang(lang: str) -> None:
    """Refuse a language other than ``"nl"``, ``"fr"`` or ``"en"``.

    >>> check_lang("de")
    Traceback (most recent call last):
    ...
    ValueError: lang must be 'nl', 'fr' or 'en', not 'de'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be 'nl', 'fr' or 'en', not {lang!r}")


def no_break_spaces(text: str, lang: Lang) -> str:
    """``text`` written with plain spaces, with the language's no-break spaces: before ``%`` in
    nl (no-break) and fr (narrow), and in French also before ``:`` (no-break), ``;`` ``?`` ``!``
    and inside « » (narrow).

    >>> no_break_spaces("« 20 % » : oui", "fr")
    '«\\u202f20\\u202f%\\u202f»\\xa0: oui'
    """
    check_lang(lang)
    for plain, fixed in _SPACES[lang]:
        text = text.replace(plain, fixed)
    return text


def format_number(
    x: float,
    lang: Lang = "nl",
    *,
    signed: bool = False,
    decimals: int | None = None,
    trim: bool | None = None,
) -> str:
    """A number in the language's format; ``−`` for minus, ``–`` for a missing value.

    Without ``decimals``: none for whole numbers and from 100, one from 1, else two. Trailing
    zeros are dropped unless ``decimals`` is given (``trim`` overrides).

    >>> [format_number(1234.5, lang, decimals=1) for lang in ("nl", "fr", "en")]
    ['1.234,5', '1\\u202f234,5', '1,234.5']
    >>> format_number(-0.25, "nl"), format_number(3, "en", signed=True), format_number(0.6, "fr")
    ('−0,25', '+3', '0,6')
    >>> format_number(0.6, "fr", decimals=2)
    '0,60'
    """
    check_lang(lang)
    if x is None or not np.isfinite(x):
        return "–"
    trim = decimals is None if trim is None else trim
    decimals = default_decimals(x) if decimals is None else decimals
    text = f"{abs(x):,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    zero = text.strip("0.,") == ""
    sign = "" if zero else MINUS if x < 0 else "+" if signed else ""
    return sign + text.translate(_DIGITS[lang])


def default_decimals(x: float) -> int:
    """The decimals :func:`format_number` writes when none are given.

    >>> default_decimals(120.5), default_decimals(3.0), default_decimals(2.5), default_decimals(0.4)
    (0, 0, 1, 2)
    """
    return 0 if abs(x) >= 100 or round(float(x), 9).is_integer() else 1 if abs(x) >= 1 else 2


def format_percent(
    x: float, lang: Lang = "nl", *, signed: bool = False, decimals: int | None = None
) -> str:
    """A percentage (``x`` in percent). Without ``decimals``: whole from 10, one decimal from 1,
    else two, trailing zeros dropped; with ``decimals``, exactly that many.

    >>> format_percent(-20.04, "fr"), format_percent(-20.04, "en"), format_percent(2.5, "nl")
    ('−20\\u202f%', '−20%', '2,5\\xa0%')
    >>> format_percent(99.8, "en"), format_percent(99.8, "en", decimals=1)
    ('100%', '99.8%')
    """
    if decimals is None:
        size = abs(x) if x is not None and np.isfinite(x) else 0.0
        decimals = 0 if size >= 9.95 else 1 if size >= 0.995 else 2
        trim = True
    else:
        trim = False
    text = format_number(x, lang, signed=signed, decimals=decimals, trim=trim)
    return text + _PERCENT_SPACE[lang] + "%"


def format_month(period: object, lang: Lang = "nl") -> str:
    """A month (``"2020-09"``, a Timestamp or Period) as words, without the OS locale.

    >>> [format_month("2020-09", lang) for lang in ("nl", "fr", "en")]
    ['september 2020', 'septembre 2020', 'September 2020']
    """
    check_lang(lang)
    month = pd.Period(period, freq="M")
    return f"{MONTH_NAMES[lang][month.month - 1]} {month.year}"


def format_period(period: object, lang: Lang = "nl") -> str:
    """A period ``2025``, ``2025-Q4`` or ``2025-03`` as words; anything else as it is.

    >>> format_period("2025-Q4", "nl"), format_period("2025-Q4", "fr"), format_period("2025", "en")
    ('4e kwartaal 2025', 'T4 2025', '2025')
    """
    check_lang(lang)
    text = "" if period is None or pd.isna(period) else str(period).strip()
    if m := re.fullmatch(r"(\d{4})-?Q([1-4])", text, flags=re.IGNORECASE):
        return QUARTER_NAMES[lang].format(q=m[2], year=m[1])
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return format_month(text, lang)
    return text or "–"
