"""Sentences on an interrupted time series: the change against the trend before, the change of
slope, the model's checks (few months, zeros, dependent months, overdispersion), the COVID-19
period and the design (with or without comparison municipalities)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ...common.formatting import Lang, format_month, format_percent
from .covid import covid_sentences
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
    from ..its import ITSResult

__all__ = ["DISPERSION", "LJUNG_BOX_P", "describe_its"]

#: Ljung-Box p-value below which the months are called dependent.
LJUNG_BOX_P = 0.05
#: Pearson dispersion above which a plain Poisson model's interval is called too narrow.
DISPERSION = 1.5


def _ratio(rr: float, lang: Lang) -> str:
    """A rate ratio as "35 % lower", "5 % higher" or "no difference"."""
    pct = format_percent(abs(100 * (rr - 1)), lang)
    if pct == format_percent(0, lang):
        return clause("ratio_same", lang)
    return clause("ratio_lower" if rr < 1 else "ratio_higher", lang, pct=pct)


def describe_its(
    result: ITSResult,
    indicator_id: str,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
    comparisons: Sequence[str] | None = None,
    suppressed: int = 0,
    start: object = None,
    other: ITSResult | None = None,
    covid_left_out: int = 0,
) -> list[str]:
    """Sentences on an :func:`~socprev_kit.evaluation.its.interrupted_time_series`: the change
    against the trend before, the change of slope (if modelled), the model's and the design's
    caveats, and a caveat when the months before or after the intervention overlap the COVID-19
    period (:data:`socprev_kit.evaluation.covid.COVID_PERIOD`).

    Parameters
    ----------
    result
        The fitted series of one indicator (with or without a control).
    indicator_id, lang, catalogue, suppressed
        As for :func:`~socprev_kit.evaluation.interpretation.describe_trend`.
    comparisons
        Names of the comparison municipalities of a controlled series, to name them.
    start
        The intervention's month (default: ``diagnostics["intervention"]`` if present, else the
        first month counted as after).
    other
        The same series fitted the other way round for the COVID-19 months: without them (when
        ``covid_left_out`` is 0), or with them (``result`` left ``covid_left_out`` of them out).
        Its change is given in one more sentence.
    covid_left_out
        How many months of the COVID-19 period were left out of ``result``.

    Examples
    --------
    >>> from socprev_kit.evaluation.its import interrupted_time_series
    >>> months = pd.period_range("2020-01", periods=48, freq="M").astype(str)
    >>> df = pd.DataFrame({"month": months, "n": [20, 22, 18, 21] * 6 + [10, 11, 9, 10] * 6})
    >>> res = interrupted_time_series(df, count="n", period="month", intervention="2022-01")
    >>> describe_its(res, "I01", lang="en")[:2]  # doctest: +NORMALIZE_WHITESPACE
    ['After the start of the intervention in January 2022, the indicator “drug-nuisance incidents
      registered” was 50% lower than expected from the trend before (95% interval: 55% lower to
      46% lower).', 'That is the desired direction.']
    """
    info = indicator_info(indicator_id, catalogue, lang)
    d, effects = result.diagnostics, result.effects.set_index("term")
    if start is None:
        start = d.get("intervention", result.fitted["period"].iloc[d["n_pre"]])
    out = _level(effects.loc["level"], format_month(start, lang), info, lang)
    if "slope" in effects.index:
        out += _slope_change(effects.loc["slope"], lang)
    out += _model_checks(result, lang)
    out += covid_sentences(
        result, start, lang, indicator=info.name, other=other, left_out=covid_left_out
    )
    out += _design(result, comparisons, lang)
    return out + caveats(indicator_id, lang=lang, catalogue=catalogue, suppressed=suppressed)


def _bounds(row: pd.Series) -> tuple[float, float, float] | None:
    values = tuple(float(row[c]) for c in ("rate_ratio", "ci_low", "ci_high"))
    return values if all(np.isfinite(v) and v > 0 for v in values) else None


def _level(row: pd.Series, month: str, info: IndicatorInfo, lang: Lang) -> list[str]:
    if (values := _bounds(row)) is None:
        return [sentence("its_unestimable", lang, indicator=info.name, month=month)]
    rr, low, high = values
    same = _ratio(rr, lang) == clause("ratio_same", lang)
    key = "its_same" if same else "its_lower" if rr < 1 else "its_higher"
    out = [sentence(key, lang, month=month, indicator=info.name,
                    pct=format_percent(abs(100 * (rr - 1)), lang),
                    low=_ratio(low, lang), high=_ratio(high, lang))]  # fmt: skip
    if not same:
        out += desired_direction(rr - 1, info.direction, lang) + chance(low, high, 1.0, lang)
    return out


def _slope_change(row: pd.Series, lang: Lang) -> list[str]:
    if (values := _bounds(row)) is None:
        return []
    rr, low, high = (format_percent(100 * (v - 1), lang, signed=True) for v in values)
    out = [sentence("its_slope", lang, pct=rr, low=low, high=high)]
    return out + chance(*values[1:], 1.0, lang)


def _model_checks(result: ITSResult, lang: Lang) -> list[str]:
    """Few months, an all-zero side, dependent months, overdispersion under plain Poisson."""
    d = result.diagnostics
    n_pre, n_post = int(d["n_pre"]), int(d["n_post"])
    observed = result.fitted["observed"].to_numpy()
    overdispersed = d.get("family") == "poisson" and d.get("dispersion", np.nan) > DISPERSION
    return (
        sentences_if(min(n_pre, n_post) < FEW_MONTHS, "few_its", lang, n_pre=n_pre, n_post=n_post)
        + sentences_if((observed[:n_pre] == 0).all(), "zero_before", lang)
        + sentences_if((observed[n_pre:] == 0).all(), "zero_after", lang)
        + sentences_if(d.get("ljung_box_p", np.nan) < LJUNG_BOX_P, "autocorrelation", lang)
        + sentences_if(overdispersed, "overdispersion", lang)
    )


def _design(result: ITSResult, comparisons: Sequence[str] | None, lang: Lang) -> list[str]:
    """Without a control: what it cannot rule out; with one: what it was compared with."""
    d = result.diagnostics
    if not d.get("controlled", False):
        return [sentence("uncontrolled", lang)]
    if comparisons:
        names = list(comparisons)
        joined = names[0] if len(names) == 1 else clause("and", lang, first=", ".join(names[:-1]),
                                                         last=names[-1])  # fmt: skip
        key = "controlled_named_one" if len(names) == 1 else "controlled_named"
        out = [sentence(key, lang, names=joined)]
    else:
        out = [sentence("controlled_series", lang, n=d.get("n_control", 0))]
    effects = result.effects.set_index("term")
    if "trend_difference" in effects.index:
        row = effects.loc["trend_difference"]
        out += sentences_if(not row["ci_low"] <= 1.0 <= row["ci_high"], "not_parallel", lang)
    return out
