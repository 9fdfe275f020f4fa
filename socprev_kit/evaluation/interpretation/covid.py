"""What to say when an interrupted time series uses months of the COVID-19 period
(:data:`socprev_kit.evaluation.covid.COVID_PERIOD`): how many of its months fall in it, on which
side of the start, and the estimate the other way (with or without them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ...common.formatting import Lang, format_month, format_percent
from ..covid import COVID_PERIOD, covid_mask
from .sentences import sentence
from .texts import TEMPLATES

if TYPE_CHECKING:
    from ..its import ITSResult

__all__ = ["covid_sentences"]


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
