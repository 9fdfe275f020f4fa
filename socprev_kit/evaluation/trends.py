"""Evaluation against objectives: target attainment, trends, and small-cell suppression.

Decisions:

- **Attainment** (:func:`attainment`, with its status) lives in
:mod:`socprev_kit.evaluation.targets` and
  is re-exported here; its decisions are in that module's docstring.
- **Suppression** blanks counts from 1 to ``min_cell - 1``; zeros are kept (a zero identifies no
  one and "nothing happened" is informative); ``keep_zero=False`` blanks them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data.catalogue import indicator_catalogue
from .targets import STATUSES, _linear, _month_index, attainment

__all__ = ["ATTAINMENT_COLUMNS", "STATUSES", "TrendResult", "attainment", "suppress", "trend"]


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
    (:func:`socprev_kit.evaluation.disclosure.pattern` looked up with
    :func:`socprev_kit.evaluation.disclosure.hidden_rows`), to hide those too; the reports always
    do.
    A funnel plot needs no call here: :func:`socprev_kit.evaluation.comparison.funnel` applies this
    rule itself and leaves hidden counts out of its group rate (which would otherwise give them
    back by subtraction); do not suppress its output again.

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
