"""Evaluation against objectives: target attainment, trends, and small-cell suppression.

Decisions:

- **Attainment** is measured on the project as a whole (all its municipalities combined with
  :func:`socprev_kit.indicators.combined`), because objectives and their baselines belong to the
  project. ``table`` is a *monthly* indicator table. The observed value is that of the 12 months
  ending at the latest month with data (at or before ``as_of``), put on the scale of the target
  period: for counts and ``sum`` indicators ``k x mean monthly value`` with ``k`` the months in the
  target period (12 for a year; equal to the 12-month sum when no month is missing), for other
  indicators the mean monthly value. ``attainment = (observed - baseline) / (target - baseline)``
  (the sign of ``target - baseline`` carries the direction, so ``down`` needs no extra sign); NaN
  for direction ``none`` or ``target == baseline``. ``attainment_display`` is capped to [-1, 1.5].
- **Status**: ``reached`` (attainment >= 1), ``on track`` (the OLS line through the last 12 months,
  at least 3 of them, projected to the middle of the target period, reaches the target; no
  projection once the target period is over),
  ``behind``, or ``no data`` (no observed value, no baseline or target, or direction ``none``).
  Indicators registered less often than monthly use their latest value and get no projection.
- **Suppression** blanks counts from 1 to ``min_cell - 1``; zeros are kept (a zero identifies no
  one and "nothing happened" is informative); ``keep_zero=False`` blanks them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS, RegressionResults
from statsmodels.tools.tools import add_constant

from . import parsing
from .catalogue import indicator_catalogue
from .indicators import combine_projects

__all__ = ["ATTAINMENT_COLUMNS", "TrendResult", "attainment", "suppress", "trend"]

STATUSES = ("reached", "on track", "behind", "no data")
CAP = (-1.0, 1.5)
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _month_index(periods: pd.Series) -> pd.Series:
    start = parsing.period_start(periods.astype(object))
    return start.dt.year * 12 + start.dt.month - 1


def _linear(t: pd.Series, y: pd.Series) -> RegressionResults:
    return OLS(y.astype(float).to_numpy(), add_constant(t.astype(float).to_numpy())).fit()


def _series_by_pair(
    table: pd.DataFrame, objectives: pd.DataFrame, cat: pd.DataFrame
) -> dict[tuple[str, str], pd.DataFrame]:
    """Combined monthly series ``(t, value)`` of every (project, indicator) of ``objectives``
    (NaN dropped), all combined and parsed at once rather than per objective."""
    pairs = objectives[["project_id", "indicator_id"]].astype(object).drop_duplicates()
    wanted = table[
        table["project_id"].isin(pairs["project_id"])
        & table["indicator_id"].isin(pairs["indicator_id"])
    ]
    if wanted.empty:
        return {}
    comb = combine_projects(wanted, cat).dropna(subset=["value"])
    comb = comb.assign(t=_month_index(comb["period"]))
    groups = comb.groupby(["project_id", "indicator_id"], sort=False, observed=True)
    return {(str(p), str(i)): s.reset_index(drop=True) for (p, i), s in groups}


def _period_months(period: str) -> tuple[int, int]:
    """``(month index of the first month, number of months)`` of one canonical period
    (through the cached :func:`socprev_kit.parsing.period_parts`)."""
    parts = parsing.period_parts(period)
    if parts is None:
        raise ValueError(f"{period!r} is not a period (YYYY-MM, YYYY-Qn or YYYY)")
    year, month, months = parts
    return year * 12 + month - 1, months


def _observe(s: pd.DataFrame, obj: pd.Series, additive: bool, as_of: int | None):
    """Observed value on the target period's scale and the projection to the target period."""
    if as_of is not None:
        s = s[s["t"] <= as_of]
    if s.empty:
        return np.nan, np.nan
    if not (s["frequency"] == "month").all():
        return float(s.sort_values("t")["value"].iloc[-1]), np.nan
    last = s[s["t"] > s["t"].max() - 12]
    target = obj["target_period"]
    first, months = (0, 12) if pd.isna(target) else _period_months(str(target))
    k = months if additive else 1
    observed = k * float(last["value"].mean())
    if len(last) < 3 or pd.isna(target):
        return observed, np.nan
    if first + months - 1 < last["t"].max():
        return observed, np.nan  # the target period is over: no projection
    fit = _linear(last["t"], last["value"])
    mid = first + (months - 1) / 2
    return observed, k * float(fit.params[0] + fit.params[1] * mid)


def _status(att: float, proj_att: float, direction: str) -> str:
    if direction == "none" or pd.isna(att):
        return "no data"
    if att >= 1:
        return "reached"
    return "on track" if proj_att >= 1 else "behind"


def attainment(
    objectives: pd.DataFrame,
    table: pd.DataFrame,
    *,
    catalogue: pd.DataFrame | None = None,
    as_of: str | None = None,
) -> pd.DataFrame:
    """Attainment of each objective's target, with status and projection.

    Parameters
    ----------
    objectives
        The ``objectives`` table (``project_id, objective_id, indicator_id, baseline_value,
        baseline_period, target_value, target_period``).
    table
        A monthly :func:`~socprev_kit.indicators.indicator_table`.
    catalogue
        The indicator catalogue (default: the shipped one), for ``direction`` and aggregation.
    as_of
        Ignore data after this period (``"2024-06"``, ``"2024"``: its last month).

    Returns
    -------
    pandas.DataFrame
        ``project_id, objective_id, indicator_id, direction, baseline, target, target_period,
        observed, last_period, attainment, attainment_display, projection, status``.
    """
    cat = indicator_catalogue() if catalogue is None else catalogue
    info = cat.set_index("indicator_id")
    additive = info["value_type"].eq("count") | info["aggregation"].eq("sum")
    limit = None
    if as_of is not None:
        limit = (
            int(_month_index(pd.Series([as_of])).iloc[0])
            + _MONTHS[parsing.period_frequency(pd.Series([as_of], dtype=object)).iloc[0]]
            - 1
        )
    series = _series_by_pair(table, objectives, cat)
    empty = table.iloc[:0].assign(t=pd.Series(dtype=float))
    rows = []
    for obj in objectives.to_dict("records"):
        ind = obj["indicator_id"]
        s = series.get((str(obj["project_id"]), str(ind)), empty)
        observed, projection = _observe(s, obj, bool(additive.get(ind, False)), limit)
        rows.append({**obj, "observed": observed, "projection": projection,
                     "direction": info["direction"].get(ind, "none"),
                     "last_period": s.loc[s["t"] <= (limit or np.inf), "period"].max()
                     if not s.empty else None})  # fmt: skip
    return _finish(pd.DataFrame(rows))


def _finish(out: pd.DataFrame) -> pd.DataFrame:
    """Attainment, display cap and status from baseline, target, observed and projection."""
    base, target = out["baseline_value"].astype(float), out["target_value"].astype(float)
    span = (target - base).where(lambda d: d != 0)
    usable = out["direction"] != "none"
    out["attainment"] = ((out["observed"] - base) / span).where(usable)
    proj_att = ((out["projection"] - base) / span).where(usable)
    out["attainment_display"] = out["attainment"].clip(*CAP)
    out["status"] = [
        _status(a, p, d)
        for a, p, d in zip(out["attainment"], proj_att, out["direction"], strict=True)
    ]
    out = out.rename(columns={"baseline_value": "baseline", "target_value": "target"})
    cols = ["project_id", "objective_id", "indicator_id", "direction", "baseline", "target"]
    cols += ["target_period", "observed", "last_period", "attainment", "attainment_display"]
    return out[[*cols, "projection", "status"]]


@dataclass(frozen=True)
class TrendResult:
    """Result of :func:`trend`.

    Attributes
    ----------
    table : pandas.DataFrame
        Per calendar month (gaps filled with NaN): ``period, value, previous_year, change,
        change_pct, rolling_12`` (mean of the 12 months ending there; NaN if one is missing).
    slope, ci_low, ci_high, p_value : float
        OLS linear trend per month and its 95 % interval (NaN below 3 observed months).
    ytd, ytd_previous, ytd_change : float
        Sum of the latest year's months and of the same months a year earlier (months present in
        both years only).
    n : int
        Observed months.
    """

    table: pd.DataFrame
    slope: float
    ci_low: float
    ci_high: float
    p_value: float
    ytd: float
    ytd_previous: float
    ytd_change: float
    n: int


def _full_months(series: pd.DataFrame, value: str, period: str) -> pd.DataFrame:
    s = series[[period, value]].dropna().assign(t=lambda d: _month_index(d[period]))
    if s["t"].duplicated().any():
        raise ValueError("trend needs one row per month; aggregate or filter the series first.")
    full = pd.DataFrame({"t": np.arange(s["t"].min(), s["t"].max() + 1)}) if len(s) else s[["t"]]
    full = full.merge(s[["t", value]], on="t", how="left").rename(columns={value: "value"})
    full["period"] = [f"{t // 12:04d}-{t % 12 + 1:02d}" for t in full["t"]]
    return full


def trend(series: pd.DataFrame, *, value: str = "value", period: str = "period") -> TrendResult:
    """Change on the previous year, rolling 12-month mean and linear trend of a monthly series.

    Examples
    --------
    >>> s = pd.DataFrame({"period": ["2024-01", "2024-02", "2024-03"], "value": [1, 2, 3]})
    >>> trend(s).slope
    1.0...
    """
    full = _full_months(series, value, period)
    y = full["value"]
    full["previous_year"] = y.shift(12)
    full["change"] = y - full["previous_year"]
    full["change_pct"] = 100 * full["change"] / full["previous_year"].where(lambda p: p != 0)
    full["rolling_12"] = y.rolling(12, min_periods=12).mean()
    obs = full.dropna(subset=["value"])
    slope = low = high = p = np.nan
    if len(obs) >= 3:
        fit = _linear(obs["t"], obs["value"])
        slope, p = float(fit.params[1]), float(fit.pvalues[1])
        low, high = (float(v) for v in fit.conf_int()[1])
    ytd = ytd_prev = np.nan
    if len(obs):
        year = obs["t"].max() // 12
        both = full[(full["t"] // 12 == year)].dropna(subset=["value", "previous_year"])
        if len(both):
            ytd, ytd_prev = float(both["value"].sum()), float(both["previous_year"].sum())
    cols = ["period", "value", "previous_year", "change", "change_pct", "rolling_12"]
    return TrendResult(full[cols], slope, low, high, p, ytd, ytd_prev, ytd - ytd_prev, len(obs))


def suppress(
    table: pd.DataFrame,
    *,
    catalogue: pd.DataFrame | None = None,
    columns: Sequence[str] = ("value", "numerator", "rate_per_1000", "rate_low", "rate_high"),
    count: str | None = None,
    keep_zero: bool = True,
    hidden: pd.Series | None = None,
) -> pd.DataFrame:
    """Small-cell suppression following the catalogue's ``min_cell``.

    A row is suppressed when its count is ``1 .. min_cell - 1`` (also 0 with ``keep_zero=False``).
    By default the count is the ``value`` of a registered count indicator, or the ``numerator``
    of a derived one (its rate would reveal the count). With ``count`` another column holds the
    count of registered count indicators, e.g. ``count="observed"`` for an :func:`attainment`
    table (pass ``columns=ATTAINMENT_COLUMNS``: attainment and projection would reveal it).
    Indicators with ``min_cell`` 0 or not in the catalogue are kept. This is the *primary*
    step: a total over several cells (a project's municipalities combined) is tested as a cell
    of its own, so a total published beside all but one of its parts gives that part back.
    Pass ``hidden``, the rows that the data set's secondary suppression hides
    (:func:`socprev_kit.disclosure.pattern` looked up with
    :func:`socprev_kit.disclosure.hidden_rows`), to hide those too; the reports always do.
    For a funnel plot, call :func:`socprev_kit.comparison.funnel` first and suppress its output:
    the group rate and the limits then stay exact, and the Garwood interval of a suppressed rate
    (``rate_low``, ``rate_high``, which would reveal the count) is blanked too.

    Returns
    -------
    pandas.DataFrame
        A copy with ``columns`` (those present) set to NaN on suppressed rows and a boolean
        ``suppressed`` column.

    Examples
    --------
    >>> t = pd.DataFrame({"indicator_id": ["I01", "I01", "I01"], "value": [0.0, 3.0, 7.0]})
    >>> suppress(t)[["value", "suppressed"]].to_dict("list")
    {'value': [0.0, nan, 7.0], 'suppressed': [False, True, False]}
    """
    cat = indicator_catalogue() if catalogue is None else catalogue
    info = cat.set_index("indicator_id")
    out = table.copy()
    min_cell = out["indicator_id"].map(info["min_cell"]).fillna(0)
    kind = out["indicator_id"].map(info["kind"])
    is_count = out["indicator_id"].map(info["value_type"].eq("count")).fillna(False).astype(bool)
    registered = out[count] if count else out["value"]
    num = out["numerator"] if "numerator" in out else pd.Series(np.nan, index=out.index)
    cell = registered.where(kind.eq("registered") & is_count, num.where(kind.eq("derived")))
    cell = pd.to_numeric(cell, errors="coerce")
    small = (cell < min_cell) & ((cell > 0) | (not keep_zero))
    out["suppressed"] = small.fillna(False).astype(bool)
    if hidden is not None:
        out["suppressed"] |= hidden.reindex(out.index).fillna(False).astype(bool)
    for col in (c for c in columns if c in out):
        out[col] = out[col].where(~out["suppressed"])
    return out


#: The columns of an :func:`attainment` table that reveal a suppressed observed count.
ATTAINMENT_COLUMNS = ("observed", "attainment", "attainment_display", "projection")
