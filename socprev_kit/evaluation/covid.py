"""The COVID-19 period as context of an evaluation: which months it covers, and what to say when
an interrupted time series uses them.

The period is kept here, once: :data:`COVID_PERIOD`. The report layer leaves those months out of
a second fit (:func:`without_covid`) so a report can show the estimate both ways;
:func:`~socprev_kit.evaluation.interpretation.describe_its` adds :func:`covid_sentences`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..common.formatting import Lang, format_month, format_percent
from .interpretation_texts import TEMPLATES

if TYPE_CHECKING:
    from .its import ITSResult

__all__ = ["COVID_PERIOD", "covid_mask", "covid_sentences", "without_covid"]

#: First and last month of the COVID-19 period. Source: the Belgian federal lockdown measures
#: in force from 18 March 2020 (ministerial decree of 18 March 2020 on urgent measures to limit
#: the spread of the coronavirus COVID-19) until the reopening steps of the Consultative
#: Committee's summer plan in June 2021 (9 and 27 June 2021). Issue 13 fixes 2020-03 to 2021-06.
COVID_PERIOD: tuple[str, str] = ("2020-03", "2021-06")


def covid_mask(periods: Iterable[object]) -> np.ndarray:
    """True for each month (``"2020-04"``, a Timestamp or a Period) inside :data:`COVID_PERIOD`.

    >>> covid_mask(["2020-02", "2020-03", "2021-06", "2021-07"]).tolist()
    [False, True, True, False]
    """
    values = pd.Series(list(periods), dtype=object)
    if values.empty:
        return np.zeros(0, dtype=bool)
    months = pd.to_datetime(values.astype(str).str[:7], format="%Y-%m").dt.to_period("M")
    first, last = (pd.Period(p, freq="M") for p in COVID_PERIOD)
    return ((months >= first) & (months <= last)).to_numpy(dtype=bool)


def without_covid(frame: pd.DataFrame, period: str = "period") -> pd.DataFrame:
    """``frame`` without its rows whose ``period`` lies in :data:`COVID_PERIOD`."""
    return frame[~covid_mask(frame[period])]


def _sides(result: ITSResult, start: object) -> tuple[int, int]:
    """COVID months among the fitted months before and from ``start``."""
    periods = pd.to_datetime(result.fitted["period"].astype(str).str[:7], format="%Y-%m")
    inside = covid_mask(periods)
    before = (periods < pd.Timestamp(start).to_period("M").start_time).to_numpy()
    return int((inside & before).sum()), int((inside & ~before).sum())


def _change(result: ITSResult, lang: Lang) -> dict[str, str] | None:
    """The level change and its interval as signed percentages, None when not finite."""
    row = result.effects.set_index("term").loc["level"]
    values = [float(row[c]) for c in ("rate_ratio", "ci_low", "ci_high")]
    if not all(np.isfinite(v) and v > 0 for v in values):
        return None
    pct = [format_percent(100 * (v - 1), lang, signed=True) for v in values]
    return dict(zip(("change", "low", "high"), pct, strict=True))


def covid_sentences(
    result: ITSResult,
    start: object,
    lang: Lang,
    *,
    indicator: str = "",
    other: ITSResult | None = None,
    left_out: int = 0,
) -> list[str]:
    """The COVID caveat of an ITS and, with ``other``, the estimate the other way.

    ``left_out`` is the number of COVID months left out of ``result``; then ``other`` is the
    fit with them. Otherwise ``other`` is the fit without the COVID months of ``result``.
    ``indicator`` is the indicator's name as the sentences write it.
    """
    from .interpretation import sentence

    first, last = (format_month(p, lang) for p in COVID_PERIOD)
    before, after = _sides(result, start)
    out = []
    if before or after:
        side = "both" if before and after else "before" if before else "after"
        where = TEMPLATES[f"covid_where_{side}"][lang]
        out.append(sentence("covid_overlap", lang, n=before + after, first=first, last=last,
                            where=where))  # fmt: skip
    if left_out:
        out.append(sentence("covid_left_out", lang, n=left_out, first=first, last=last))
    n = left_out or before + after
    if n and other is not None and (fields := _change(other, lang)) is not None:
        key = "covid_with" if left_out else "covid_without"
        out.append(sentence(key, lang, n=n, indicator=indicator, **fields))
    return out
