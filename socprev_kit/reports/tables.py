"""Cells and tables as a report publishes them: numbers in the language, hidden small cells,
names of indicators, units, municipalities and areas.

A hidden cell is written "afgeschermd" / "masqué" / "hidden" (for counts and rates alike: "< 5"
would read as a rate), a missing one ``–``; both tables and figures take their input through
:func:`socprev_kit.reports.evaluate.hide` (the data set's disclosure pattern) first.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd

from ..common.formatting import Lang, format_month, format_number, format_percent
from ..data.catalogue import indicator_names, shipped_column
from ..data.reference import municipalities
from ..plots.style import municipality_names
from .evaluate import catalogue
from .report import ALL
from .texts import text
from .texts_evaluation import UNITS

__all__ = [
    "area_name",
    "cell",
    "cells",
    "hidden_word",
    "indicator_label",
    "municipality_name",
    "sparkline",
    "unit_name",
    "value_text",
    "yearly_table",
]

_BARS = "▁▂▃▄▅▆▇█"


@cache
def _names(lang: Lang) -> dict[str, str]:
    return indicator_names(lang)


def indicator_label(indicator_id: str, lang: Lang) -> str:
    """``"I01 Geregistreerde drugsoverlastincidenten"``."""
    return f"{indicator_id} {_names(lang).get(indicator_id, '')}".strip()


def unit_name(indicator_id: str, lang: Lang) -> str:
    """The indicator's unit in words (``aantal``, ``%``, ``uren`` ...)."""
    unit = str(catalogue()["unit"].get(indicator_id, ""))
    return UNITS.get(unit, (unit, unit, unit))[("nl", "fr", "en").index(lang)]


@cache
def _municipality_names(lang: Lang) -> dict[str, str]:
    return municipality_names(lang).to_dict()


def municipality_name(nis_code: str, lang: Lang) -> str:
    """The municipality's name in ``lang`` (the region's language for English)."""
    return str(_municipality_names(lang).get(nis_code, nis_code))


def area_name(area: str, lang: Lang) -> str:
    """A municipality's name, or "all municipalities together" for a project total."""
    return text("project_total", lang) if area == ALL else municipality_name(area, lang)


def value_text(x: float, indicator_id: str, lang: Lang) -> str:
    """One value: a percentage for ``%`` indicators, else a number; ``–`` when missing."""
    if x is None or not np.isfinite(float(x)):
        return "–"
    if shipped_column("unit").get(indicator_id) == "%":
        return format_percent(float(x), lang, decimals=1 if abs(x) < 100 else 0)
    return format_number(float(x), lang, decimals=None if abs(x) < 100 else 0)


def cell(value: float, indicator_id: str, lang: Lang, hidden: bool = False) -> str:
    """One published value: the word for hidden (:func:`hidden_word`) when suppressed, ``–``
    when missing, else :func:`value_text`."""
    if hidden:
        return hidden_word(lang)
    return value_text(value, indicator_id, lang)


def hidden_word(lang: Lang) -> str:
    """What a hidden value reads: "afgeschermd", "masqué", "hidden"."""
    return text("hidden", lang)


def cells(
    values: pd.Series, indicator_ids: pd.Series | str, lang: Lang, suppressed: pd.Series | None
) -> list[str]:
    """Values written for a table (:func:`cell` of each)."""
    ids = [indicator_ids] * len(values) if isinstance(indicator_ids, str) else indicator_ids
    hidden = [False] * len(values) if suppressed is None else suppressed.fillna(False)
    return [cell(v, i, lang, bool(h)) for v, i, h in zip(values, ids, hidden, strict=True)]


def _keyed(frame: pd.DataFrame, column: str) -> dict[tuple[str, str], object]:
    """``frame[column]`` by (indicator, period), the first row of each (a published frame
    holds a few dozen rows: a dict is many times faster than a pivot here)."""
    out: dict[tuple[str, str], object] = {}
    keys = zip(frame["indicator_id"].tolist(), frame["period"].tolist(), strict=True)
    for key, value in zip(keys, frame[column].tolist(), strict=True):
        out.setdefault(key, value)
    return out


def _number(value: object) -> float:
    """A value of a published frame as a float (NaN when missing)."""
    return np.nan if value is None or value is pd.NA else float(value)


def _flag(value: object) -> bool:
    """A ``suppressed`` flag of a published frame (False when missing)."""
    return not (value is None or value is pd.NA or value != value) and bool(value)


def sparkline(values: Sequence[float], hidden: Sequence[bool] = ()) -> str:
    """A text sparkline: one bar per value (scaled to the largest), ``·`` for a hidden value and
    a space for a missing one.

    >>> sparkline([0, 5, 10, float("nan"), 10], [False, False, False, False, True])
    '▁▅█ ·'
    """
    v = np.asarray(values, dtype=float)
    hide = np.asarray(hidden, dtype=bool) if len(hidden) else np.zeros(len(v), bool)
    shown = np.where(hide, np.nan, v)
    top = np.nanmax(shown) if np.isfinite(shown).any() else 0.0
    out = []
    for x, h in zip(shown, hide, strict=True):
        if h:
            out.append("·")
        elif not np.isfinite(x):
            out.append(" ")
        else:
            out.append(_BARS[int(round(x / top * (len(_BARS) - 1))) if top > 0 else 0])
    return "".join(out)


def _sparks(monthly: pd.DataFrame, indicators: Sequence[str], n: int = 24) -> list[str]:
    """The sparkline of the latest ``n`` months of each indicator of a published monthly frame."""
    last = pd.Period(monthly["period"].max(), freq="M")
    months = list(pd.period_range(last - (n - 1), last, freq="M").astype(str))
    values, hidden = _keyed(monthly, "value"), _keyed(monthly, "suppressed")
    return [
        sparkline([_number(values.get((i, m))) for m in months],
                  [_flag(hidden.get((i, m))) for m in months])
        for i in indicators
    ]  # fmt: skip


def yearly_table(
    yearly: pd.DataFrame,
    indicators: Sequence[str],
    lang: Lang,
    *,
    monthly: pd.DataFrame | None = None,
    n_years: int = 3,
) -> pd.DataFrame:
    """One row per indicator, one column per year (the latest ``n_years``); with ``monthly``, a
    last column with the sparkline of its latest 24 months. Both frames come through
    :func:`~socprev_kit.evaluation.suppression.suppress` (``suppressed`` column)."""
    rows = yearly[yearly["indicator_id"].isin(indicators)]
    years = sorted(rows["period"].astype(str).unique())[-n_years:]
    out = pd.DataFrame(
        {
            text("indicator", lang): [indicator_label(i, lang) for i in indicators],
            text("unit", lang): [unit_name(i, lang) for i in indicators],
        }
    )
    values, hidden = _keyed(rows, "value"), _keyed(rows, "suppressed")
    for year in years:
        out[year] = [
            cell(_number(values.get((i, year))), i, lang, _flag(hidden.get((i, year))))
            for i in indicators
        ]
    if monthly is not None and len(monthly):
        out[text("months_24", lang)] = _sparks(monthly, indicators)
        last = pd.Period(monthly["period"].max(), freq="M")
        if last.month < 12 and str(last.year) in out:
            partial = text("partial_year", lang, year=last.year, month=format_month(last, lang))
            out = out.rename(columns={str(last.year): partial})
    return out


@cache
def _reference() -> pd.DataFrame:
    return municipalities().set_index("nis_code")


def municipality_row(nis_code: str) -> pd.Series:
    """The reference row of a NIS code (2025 geography)."""
    return _reference().loc[nis_code]
