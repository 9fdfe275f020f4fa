"""Trends of a monthly series: the change on the previous year, the rolling 12-month mean and the
linear trend per month (:func:`trend`), with the month index and the straight-line fit that the
targets' projection uses too (:func:`month_index`, :func:`linear_fit`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS, RegressionResults
from statsmodels.tools.tools import add_constant

from ..data import parsing

__all__ = ["TrendResult", "linear_fit", "month_index", "trend"]


def month_index(periods: pd.Series) -> pd.Series:
    """The index ``year * 12 + month - 1`` of the first month of each period."""
    start = parsing.period_start(periods.astype(object))
    return start.dt.year * 12 + start.dt.month - 1


def linear_fit(t: pd.Series, y: pd.Series) -> RegressionResults:
    """The ordinary least squares line of ``y`` on ``t`` (intercept first, then the slope)."""
    return OLS(y.astype(float).to_numpy(), add_constant(t.astype(float).to_numpy())).fit()


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
    s = series[[period, value]].dropna().assign(t=lambda d: month_index(d[period]))
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
        fit = linear_fit(obs["t"], obs["value"])
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
