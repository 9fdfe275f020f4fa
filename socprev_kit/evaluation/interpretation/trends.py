"""Sentences on a trend: the linear trend per month, the latest year against the year before
(counts only), and the caveats."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ...common.formatting import (
    MINUS,
    Lang,
    default_decimals,
    format_month,
    format_number,
    format_percent,
)
from .sentences import (
    FEW_MONTHS,
    IndicatorInfo,
    caveats,
    chance,
    clause,
    desired_direction,
    indicator_info,
    sentence,
    sentences_if,
)

if TYPE_CHECKING:
    from ..trends import TrendResult

__all__ = ["describe_trend"]


def _amount(x: float, info: IndicatorInfo, lang: Lang, decimals: int, signed: bool = False) -> str:
    """A change of the indicator: a number, with percentage points for a percentage."""
    text = format_number(x, lang, signed=signed, decimals=decimals)
    if not info.percent:
        return text
    one = abs(x) < 2 if lang == "fr" else text.lstrip("+" + MINUS) == "1"
    return clause("points_one" if one else "points_many", lang, value=text)


def describe_trend(
    result: TrendResult,
    indicator_id: str,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
    suppressed: int = 0,
) -> list[str]:
    """Sentences on a :func:`~socprev_kit.evaluation.trends.trend`: the linear trend per month,
    the comparison with the same months a year earlier (counts only) and the caveats.

    Parameters
    ----------
    result
        The trend of one indicator.
    indicator_id
        Its id in the catalogue (name, direction, reporting sensitivity, minimum cell).
    lang
        ``"nl"``, ``"fr"`` or ``"en"``.
    catalogue
        The indicator catalogue (default: the shipped one).
    suppressed
        How many of the series' values are hidden in the published tables.

    Examples
    --------
    >>> from socprev_kit.evaluation.trends import trend
    >>> months = [f"2024-{m:02d}" for m in range(1, 13)]
    >>> s = pd.DataFrame({"period": months, "value": [3, 5, 4, 6, 8, 7, 9, 8, 11, 10, 12, 13]})
    >>> describe_trend(trend(s), "O05", lang="en")[:2]  # doctest: +NORMALIZE_WHITESPACE
    ['From January 2024 to December 2024 (12 months with data), the indicator “referrals made”
      rose by 0.85 per month on average (95% interval: +0.68 to +1.01).', 'That is the desired
      direction.']
    """
    info = indicator_info(indicator_id, catalogue, lang)
    if result.n < 3 or not np.isfinite(result.slope):
        out = [sentence("trend_too_few", lang, n=result.n, indicator=info.name)]
    else:
        out = _slope_sentences(result, info, lang)
        out += sentences_if(result.n < FEW_MONTHS, "few_months", lang, n=result.n)
    out += _year_on_year(result, info, lang)
    return out + caveats(indicator_id, lang=lang, catalogue=catalogue, suppressed=suppressed)


def _slope_sentences(result: TrendResult, info: IndicatorInfo, lang: Lang) -> list[str]:
    obs = result.table.dropna(subset=["value"])
    digits = default_decimals(result.slope)
    flat = round(abs(result.slope), digits) == 0
    key = "trend_flat" if flat else "trend_up" if result.slope > 0 else "trend_down"
    bound = partial(format_number, lang=lang, signed=True, decimals=digits)
    out = [sentence(key, lang, indicator=info.name, n=result.n,
                    slope=_amount(abs(result.slope), info, lang, digits),
                    first=format_month(obs["period"].iloc[0], lang),
                    last=format_month(obs["period"].iloc[-1], lang), low=bound(result.ci_low),
                    high=_amount(result.ci_high, info, lang, digits, True) if flat
                    else bound(result.ci_high))]  # fmt: skip
    if not flat:
        out += desired_direction(result.slope, info.direction, lang)
        out += chance(result.ci_low, result.ci_high, 0.0, lang)
    return out


def _year_on_year(result: TrendResult, info: IndicatorInfo, lang: Lang) -> list[str]:
    """The latest year's months against the same months a year earlier, for counts only."""
    if not info.count or not np.isfinite(result.ytd):
        return []
    from scipy.stats import binomtest

    t = result.table.dropna(subset=["value", "previous_year"])
    year = result.table.dropna(subset=["value"])["period"].iloc[-1][:4]
    months = t.loc[t["period"].str[:4] == year, "period"]
    first, last = format_month(months.iloc[0], lang), format_month(months.iloc[-1], lang)
    span = last if first == last else f"{first.rsplit(' ', 1)[0]}–{last}"
    prev, now = result.ytd_previous, result.ytd
    change = (format_percent(100 * (now - prev) / prev, lang, signed=True) if prev > 0
              else format_number(now - prev, lang, signed=True))  # fmt: skip
    out = [sentence("year_on_year", lang, span=span, current=format_number(now, lang),
                    previous=format_number(prev, lang), previous_year=int(year) - 1,
                    change=change)]  # fmt: skip
    total = int(round(now + prev))
    chance_only = total and binomtest(int(round(now)), total, 0.5).pvalue >= 0.05
    return out + sentences_if(chance_only, "chance_year", lang)
