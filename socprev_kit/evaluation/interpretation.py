"""Short interpretations of a trend, a target attainment and an interrupted time series.

Each result becomes a list of short sentences in Dutch, French or English for a prevention worker:
what changed, whether that is the desired direction, and the caveats that apply (an indicator that
counts registrations, few months, an interval that includes no change, hidden small cells, months
that are not independent, no comparison municipalities). A change is never called an effect: the
words are "lower than expected from the trend before", and the chance caveat follows whenever the
95 % interval includes no change.

The texts are in :data:`socprev_kit.evaluation.interpretation_texts.TEMPLATES`, so a translator can
review them in one place; numbers, percentages and months are written by
:mod:`socprev_kit.common.formatting`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from string import Formatter
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from ..common.formatting import (
    MINUS,
    Lang,
    check_lang,
    default_decimals,
    format_month,
    format_number,
    format_percent,
    format_period,
    no_break_spaces,
)
from ..data.catalogue import indicator_catalogue, indicator_names
from .interpretation_texts import TEMPLATES

if TYPE_CHECKING:
    from .its import ITSResult
    from .trend import TrendResult

__all__ = [
    "caveats",
    "describe_attainment",
    "describe_attainments",
    "describe_its",
    "describe_trend",
    "placeholders",
    "sentence",
]

#: Fewer months than this (in total for a trend, on either side for an ITS) gets a caveat.
FEW_MONTHS = 12
#: Ljung-Box p-value below which the months are called dependent.
LJUNG_BOX_P = 0.05
#: Pearson dispersion above which a plain Poisson model's interval is called too narrow.
DISPERSION = 1.5


def sentence(key: str, lang: Lang = "nl", **fields: object) -> str:
    """One template of :data:`~socprev_kit.evaluation.interpretation_texts.TEMPLATES`, filled in,
    with the language's spacing.

    >>> sentence("ratio_lower", "fr", pct="20 %")
    '20\\u202f% plus bas'
    """
    text = _text(key, lang, **fields)
    return text[:1].upper() + text[1:]


def _text(key: str, lang: Lang, **fields: object) -> str:
    """A template filled in with the language's spacing, not capitalised (a piece of a sentence)."""
    check_lang(lang)
    return no_break_spaces(TEMPLATES[key][lang].format(**fields), lang)


def placeholders(template: str) -> set[str]:
    """The ``{fields}`` of a template (for the parity test and translators' tools)."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


class _Indicator(NamedTuple):
    name: str  # in the language, first letter lower-case unless it starts an acronym
    direction: str
    type: str
    sensitive: bool
    min_cell: int
    percent: bool
    count: bool


def _indicator(indicator_id: str, catalogue: pd.DataFrame | None, lang: Lang) -> _Indicator:
    check_lang(lang)
    cat = indicator_catalogue() if catalogue is None else catalogue
    rows = cat[cat["indicator_id"] == indicator_id]
    if rows.empty:
        raise ValueError(
            f"Indicator {indicator_id!r} is not in the catalogue; pass catalogue= with your own "
            "indicators (socprev_kit.indicator_catalogue(your_file))."
        )
    r, name = rows.iloc[0], indicator_names(lang, rows)[indicator_id]
    if not name[1:2].isupper():
        name = name[:1].lower() + name[1:]
    return _Indicator(name, str(r["direction"]), str(r["type"]), bool(r["reporting_sensitive"]),
                      int(r["min_cell"]), r["unit"] == "%", r["value_type"] == "count")  # fmt: skip


def caveats(
    indicator_id: str,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
    suppressed: int = 0,
) -> list[str]:
    """The caveats that belong to the indicator: it counts registrations, cells are hidden.

    >>> print(caveats("O05", lang="en", suppressed=2)[0])  # doctest: +NORMALIZE_WHITESPACE
    2 values are hidden because they are below the minimum of 5, or because another hidden
    value could otherwise be worked out from them (to protect privacy).
    """
    info = _indicator(indicator_id, catalogue, lang)
    out = _when(info.sensitive, "reporting", lang)
    if suppressed > 0:
        if info.min_cell < 1:
            raise ValueError(f"{indicator_id} has no minimum cell size, so nothing is suppressed.")
        key = "suppressed_one" if suppressed == 1 else "suppressed_many"
        out.append(sentence(key, lang, n=suppressed, k=info.min_cell))
    return out


def _when(condition: object, key: str, lang: Lang, **fields: object) -> list[str]:
    """``[sentence(key, ...)]`` if ``condition`` holds, else ``[]``."""
    return [sentence(key, lang, **fields)] if condition else []


def _chance(low: float, high: float, none: float, lang: Lang) -> list[str]:
    """The chance caveat when the interval ``low``-``high`` includes ``none`` (no change)."""
    return _when(low <= none <= high, "chance", lang)


def _direction(sign: float, direction: str, lang: Lang) -> list[str]:
    """ "That is the desired direction" (or its opposite) for an ``up`` or ``down`` indicator."""
    key = "desired" if (sign > 0) == (direction == "up") else "undesired"
    return _when(direction in ("up", "down") and sign != 0, key, lang)


def _amount(x: float, info: _Indicator, lang: Lang, decimals: int, signed: bool = False) -> str:
    """A change of the indicator: a number, with percentage points for a percentage."""
    text = format_number(x, lang, signed=signed, decimals=decimals)
    if not info.percent:
        return text
    one = abs(x) < 2 if lang == "fr" else text.lstrip("+" + MINUS) == "1"
    return _text("points_one" if one else "points_many", lang, value=text)


def describe_trend(
    result: TrendResult,
    indicator_id: str,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
    suppressed: int = 0,
) -> list[str]:
    """Sentences on a :func:`~socprev_kit.evaluation.trend.trend`: the linear trend per month, the
    comparison with the same months a year earlier (counts only) and the caveats.

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
    >>> from socprev_kit.evaluation.trend import trend
    >>> months = [f"2024-{m:02d}" for m in range(1, 13)]
    >>> s = pd.DataFrame({"period": months, "value": [3, 5, 4, 6, 8, 7, 9, 8, 11, 10, 12, 13]})
    >>> describe_trend(trend(s), "O05", lang="en")[:2]  # doctest: +NORMALIZE_WHITESPACE
    ['From January 2024 to December 2024 (12 months with data), the indicator “referrals made”
      rose by 0.85 per month on average (95% interval: +0.68 to +1.01).', 'That is the desired
      direction.']
    """
    info = _indicator(indicator_id, catalogue, lang)
    if result.n < 3 or not np.isfinite(result.slope):
        out = [sentence("trend_too_few", lang, n=result.n, indicator=info.name)]
    else:
        out = _slope_sentences(result, info, lang)
        out += _when(result.n < FEW_MONTHS, "few_months", lang, n=result.n)
    out += _year_on_year(result, info, lang)
    return out + caveats(indicator_id, lang=lang, catalogue=catalogue, suppressed=suppressed)


def _slope_sentences(result: TrendResult, info: _Indicator, lang: Lang) -> list[str]:
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
        out += _direction(result.slope, info.direction, lang)
        out += _chance(result.ci_low, result.ci_high, 0.0, lang)
    return out


def _year_on_year(result: TrendResult, info: _Indicator, lang: Lang) -> list[str]:
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
    chance = total and binomtest(int(round(now)), total, 0.5).pvalue >= 0.05
    return out + _when(chance, "chance_year", lang)


def _ratio(rr: float, lang: Lang) -> str:
    """A rate ratio as "35 % lower", "5 % higher" or "no difference"."""
    pct = format_percent(abs(100 * (rr - 1)), lang)
    if pct == format_percent(0, lang):
        return _text("ratio_same", lang)
    return _text("ratio_lower" if rr < 1 else "ratio_higher", lang, pct=pct)


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
    against the
    trend before, the change of slope (if modelled), the model's and the design's caveats, and
    a caveat when the months before or after the intervention overlap the COVID-19 period
    (:data:`socprev_kit.evaluation.covid.COVID_PERIOD`).

    Parameters
    ----------
    result
        The fitted series of one indicator (with or without a control).
    indicator_id, lang, catalogue, suppressed
        As for :func:`describe_trend`.
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
    from .covid import covid_sentences

    info = _indicator(indicator_id, catalogue, lang)
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


def _level(row: pd.Series, month: str, info: _Indicator, lang: Lang) -> list[str]:
    if (values := _bounds(row)) is None:
        return [sentence("its_unestimable", lang, indicator=info.name, month=month)]
    rr, low, high = values
    same = _ratio(rr, lang) == _text("ratio_same", lang)
    key = "its_same" if same else "its_lower" if rr < 1 else "its_higher"
    out = [sentence(key, lang, month=month, indicator=info.name,
                    pct=format_percent(abs(100 * (rr - 1)), lang),
                    low=_ratio(low, lang), high=_ratio(high, lang))]  # fmt: skip
    if not same:
        out += _direction(rr - 1, info.direction, lang) + _chance(low, high, 1.0, lang)
    return out


def _slope_change(row: pd.Series, lang: Lang) -> list[str]:
    if (values := _bounds(row)) is None:
        return []
    rr, low, high = (format_percent(100 * (v - 1), lang, signed=True) for v in values)
    out = [sentence("its_slope", lang, pct=rr, low=low, high=high)]
    return out + _chance(*values[1:], 1.0, lang)


def _model_checks(result: ITSResult, lang: Lang) -> list[str]:
    """Few months, an all-zero side, dependent months, overdispersion under plain Poisson."""
    d = result.diagnostics
    n_pre, n_post = int(d["n_pre"]), int(d["n_post"])
    observed = result.fitted["observed"].to_numpy()
    overdispersed = d.get("family") == "poisson" and d.get("dispersion", np.nan) > DISPERSION
    return (
        _when(min(n_pre, n_post) < FEW_MONTHS, "few_its", lang, n_pre=n_pre, n_post=n_post)
        + _when((observed[:n_pre] == 0).all(), "zero_before", lang)
        + _when((observed[n_pre:] == 0).all(), "zero_after", lang)
        + _when(d.get("ljung_box_p", np.nan) < LJUNG_BOX_P, "autocorrelation", lang)
        + _when(overdispersed, "overdispersion", lang)
    )


def _design(result: ITSResult, comparisons: Sequence[str] | None, lang: Lang) -> list[str]:
    """Without a control: what it cannot rule out; with one: what it was compared with."""
    d = result.diagnostics
    if not d.get("controlled", False):
        return [sentence("uncontrolled", lang)]
    if comparisons:
        names = list(comparisons)
        joined = names[0] if len(names) == 1 else _text("and", lang, first=", ".join(names[:-1]),
                                                        last=names[-1])  # fmt: skip
        key = "controlled_named_one" if len(names) == 1 else "controlled_named"
        out = [sentence(key, lang, names=joined)]
    else:
        out = [sentence("controlled_series", lang, n=d.get("n_control", 0))]
    effects = result.effects.set_index("term")
    if "trend_difference" in effects.index:
        row = effects.loc["trend_difference"]
        out += _when(not row["ci_low"] <= 1.0 <= row["ci_high"], "not_parallel", lang)
    return out


_STATUSES = ("reached", "maintained", "on track", "behind", "not reached", "not computable")


def describe_attainment(
    row: Mapping[str, object] | pd.Series,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
) -> list[str]:
    """Sentences on one row of :func:`~socprev_kit.evaluation.trend.attainment`: baseline, target
    and the value judged, the status (what "reached", "on track" ... mean for this row), and the
    caveats (a row marked ``suppressed`` shows no value). "Not in time" is only said of a target
    period that is still running.

    Examples
    --------
    >>> row = {"objective_id": "OD1", "indicator_id": "O05", "direction": "up", "baseline": 40,
    ...        "target": 60, "target_period": "2025", "observed": 50, "last_period": "2024-06",
    ...        "attainment": 0.5, "projection": 55, "status": "behind"}
    >>> describe_attainment(row, lang="nl")  # doctest: +NORMALIZE_WHITESPACE
    ['Doelstelling OD1 (“doorverwijzingen”): beginwaarde 40, streefwaarde 60 voor 2025, huidige
      waarde 50 (gegevens tot juni 2024).', '50\xa0% van de weg van de beginwaarde naar de
      streefwaarde is afgelegd; in het huidige tempo wordt ze niet op tijd bereikt.']
    """
    row = dict(row)
    info = _indicator(str(row["indicator_id"]), catalogue, lang)
    if row["status"] not in _STATUSES:
        raise ValueError(f"Unknown status {row['status']!r}; expected one of {_STATUSES}.")
    head = {"objective": row["objective_id"], "indicator": info.name}
    period = format_period(row.get("target_period"), lang)
    if bool(row.get("suppressed", False)):
        out = [sentence("att_hidden", lang, **head, k=info.min_cell)]
    elif row["status"] == "not computable":
        out = [sentence(_not_computable_key(row), lang, **head, target_period=period)]
    else:
        values = {k: _value(row[k], info, lang) for k in ("baseline", "target", "observed")}
        key = "att_values_over" if row.get("period_over", False) else "att_values"
        out = [sentence(key, lang, **head, **values, target_period=period,
                        last=format_period(row.get("last_period"), lang)),
               _status_sentence(row, lang)]  # fmt: skip
        out += _when(info.type == "impact", "att_not_causal", lang)
    return out + _when(info.sensitive, "reporting", lang)


def _not_computable_key(row: dict) -> str:
    """Why there is no status: no value (in the target period once it is over), no direction,
    no baseline or target."""
    reason = row.get("reason")
    if reason == "no data":
        return "att_no_data_over" if row.get("period_over", False) else "att_no_data"
    return "att_no_direction" if reason == "no direction" else "att_no_target"


def _value(x: object, info: _Indicator, lang: Lang) -> str:
    """A baseline, target or observed value; percentages with one decimal, as in the objective
    table (95.3 % and 95 % must not both read "95 %")."""
    x = float(pd.to_numeric(x, errors="coerce"))
    return format_percent(x, lang, decimals=1) if info.percent else format_number(x, lang)


def _status_key(row: dict) -> str:
    """The template of the status sentence (see :data:`_STATUSES`)."""
    status, att = row["status"], float(pd.to_numeric(row.get("attainment"), errors="coerce"))
    projected = pd.notna(pd.to_numeric(row.get("projection"), errors="coerce"))
    if status in ("reached", "maintained"):
        return f"att_{status}"
    if np.isnan(att):  # the baseline already met the target, the value judged no longer does
        return {"not reached": "att_lost", "on track": "att_lost_on_track"}.get(
            status, "att_lost_behind"
        )
    if status == "not reached":
        return "att_away_not_reached" if att < 0 else "att_not_reached"
    if status == "on track":
        return "att_on_track" if projected else "att_on_track_now"
    if att < 0:
        return "att_away"
    return "att_behind" if projected else "att_not_yet"


def _status_sentence(row: dict, lang: Lang) -> str:
    """Reached, maintained, not reached, on track or behind, with the share of the way."""
    att = float(pd.to_numeric(row.get("attainment"), errors="coerce"))
    share = format_percent(100 * max(att, 0.0), lang) if not np.isnan(att) else ""
    period = format_period(row.get("target_period"), lang)
    return sentence(_status_key(row), lang, share=share, target_period=period)


def describe_attainments(
    table: pd.DataFrame, *, lang: Lang = "nl", catalogue: pd.DataFrame | None = None
) -> pd.Series:
    """One text per row of an :func:`~socprev_kit.evaluation.trend.attainment` table (its sentences
    joined by a space), on the table's index, named ``interpretation``."""
    cat = indicator_catalogue() if catalogue is None else catalogue
    texts = [
        " ".join(describe_attainment(r, lang=lang, catalogue=cat)) for _, r in table.iterrows()
    ]
    return pd.Series(texts, index=table.index, name="interpretation", dtype=object)
