"""Controlled comparisons and comparing municipalities: DiD, WDD, comparison areas, funnel data.

Decisions:

- :func:`difference_in_differences` gives the plain difference of mean counts per period and its
  rate-ratio analogue: a Poisson GLM (or quasi-Poisson, scale Pearson chi2 / df) of the counts on
  ``treated``, ``post`` and ``treated x post`` with a log-population offset when a population is
  given. ``exp`` of the interaction is the ratio of the treated area's post/pre rate ratio to the
  control's. It relies on parallel trends: check the pre-period (a controlled ITS is better for
  monthly series).
- :func:`weighted_displacement_difference` follows Wheeler & Ratcliffe (2018):
  ``WDD = dT - dC + dD - dCd`` with ``d = post - pre``; its variance under the normal approximation
  to the Poisson is the sum of every count used (``T0 + T1 + C0 + C1``, plus ``D0 + D1 + Cd0 + Cd1``
  with a displacement area). Negative is a reduction. Unreliable for tiny or over-dispersed counts.
- :func:`funnel` limits are the exact Poisson quantiles of the expected count (the group rate times
  the population); a municipality is outside a limit when its count is below the lower or above the
  upper quantile. Each observed rate also gets an exact (Garwood) 95 % interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from . import reference

__all__ = [
    "choose_comparisons",
    "difference_in_differences",
    "funnel",
    "garwood_interval",
    "weighted_displacement_difference",
]


def _in(periods: pd.Series, window: tuple[str, str] | Sequence[str]) -> pd.Series:
    """Periods in ``window``: a ``(first, last)`` pair (inclusive, canonical labels sort in time)
    or a list of labels."""
    if isinstance(window, tuple) and len(window) == 2:
        return (periods >= window[0]) & (periods <= window[1])
    return periods.isin(list(window))


def _did_frame(
    treated: pd.DataFrame, control: pd.DataFrame, pre: tuple | Sequence, post: tuple | Sequence
) -> pd.DataFrame:
    parts = []
    for flag, frame in ((1, treated), (0, control)):
        f = frame.assign(treated=flag, post=np.where(_in(frame["period"], post), 1, 0))
        parts.append(f[_in(frame["period"], pre) | _in(frame["period"], post)])
    out = pd.concat(parts, ignore_index=True)
    if out.groupby(["treated", "post"]).size().size < 4:
        raise ValueError(
            "Both areas need at least one period before and one after; check pre/post."
        )
    return out


def difference_in_differences(
    treated: pd.DataFrame,
    control: pd.DataFrame,
    *,
    pre: tuple[str, str] | Sequence[str],
    post: tuple[str, str] | Sequence[str],
    count: str = "value",
    population: str | None = None,
    family: Literal["poisson", "quasipoisson"] = "poisson",
) -> pd.DataFrame:
    """Difference-in-differences of counts: difference of means and the Poisson rate ratio.

    Parameters
    ----------
    treated, control
        One row per period: ``period`` and the ``count`` column (and ``population``).
    pre, post
        ``(first, last)`` periods, inclusive, or lists of periods.
    count, population
        Column names; without ``population`` no offset is used (equal exposure).
    family
        ``"poisson"`` or ``"quasipoisson"`` (scale Pearson chi2 / df).

    Returns
    -------
    pandas.DataFrame
        One row: the four mean counts, ``did`` (treated change minus control change),
        ``rate_ratio`` with ``ci_low``, ``ci_high`` (95 %) and ``p_value`` of the interaction.

    Examples
    --------
    >>> t = pd.DataFrame({"period": ["2023", "2024"], "value": [10, 5]})
    >>> c = pd.DataFrame({"period": ["2023", "2024"], "value": [20, 20]})
    >>> difference_in_differences(t, c, pre=["2023"], post=["2024"])["did"].item()
    -5.0
    """
    d = _did_frame(treated, control, pre, post)
    means = d.groupby(["treated", "post"])[count].mean()
    did = (means[1, 1] - means[1, 0]) - (means[0, 1] - means[0, 0])
    X = sm.add_constant(d[["treated", "post"]].assign(interaction=d["treated"] * d["post"]))
    offset = np.log(d[population].astype(float)) if population else None
    fit = sm.GLM(d[count].astype(float), X.astype(float), sm.families.Poisson(), offset=offset)
    res = fit.fit(scale="X2" if family == "quasipoisson" else None)
    low, high = res.conf_int().loc["interaction"]
    return pd.DataFrame(
        {
            "treated_pre": [means[1, 0]],
            "treated_post": [means[1, 1]],
            "control_pre": [means[0, 0]],
            "control_post": [means[0, 1]],
            "did": [float(did)],
            "rate_ratio": [float(np.exp(res.params["interaction"]))],
            "ci_low": [float(np.exp(low))],
            "ci_high": [float(np.exp(high))],
            "p_value": [float(res.pvalues["interaction"])],
        }
    )


def weighted_displacement_difference(
    t0: float,
    t1: float,
    c0: float,
    c1: float,
    d0: float | None = None,
    d1: float | None = None,
    dc0: float | None = None,
    dc1: float | None = None,
) -> pd.DataFrame:
    """Weighted displacement difference (Wheeler & Ratcliffe 2018) with its Poisson test.

    Parameters
    ----------
    t0, t1, c0, c1
        Counts before (0) and after (1) in the treated area and its control.
    d0, d1, dc0, dc1
        Counts in the displacement area and its control: all four or none.

    Returns
    -------
    pandas.DataFrame
        One row: ``wdd``, ``se`` (square root of the sum of every count used), ``z``, ``p_value``
        (two-sided normal) and ``displacement`` (whether the displacement terms were used).

    Examples
    --------
    >>> weighted_displacement_difference(60, 40, 50, 55)["wdd"].item()
    -25.0
    """
    disp = (d0, d1, dc0, dc1)
    if any(v is None for v in disp) and not all(v is None for v in disp):
        raise ValueError("Give all four displacement counts (d0, d1, dc0, dc1) or none of them.")
    counts = [t0, t1, c0, c1] + ([] if d0 is None else list(disp))
    if any(v < 0 for v in counts):
        raise ValueError("Counts cannot be negative.")
    wdd = (t1 - t0) - (c1 - c0)
    if d0 is not None:
        wdd += (d1 - d0) - (dc1 - dc0)
    se = float(np.sqrt(sum(counts)))
    z = wdd / se if se > 0 else np.nan
    p = 2 * stats.norm.sf(abs(z)) if se > 0 else np.nan
    return pd.DataFrame(
        {
            "wdd": [float(wdd)],
            "se": [se],
            "z": [z],
            "p_value": [p],
            "displacement": [d0 is not None],
        }
    )


def choose_comparisons(nis_code: str, *, exclude: Sequence[str] = (), n: int = 3) -> pd.DataFrame:
    """Comparison municipalities: same region, closest population on the log scale.

    Parameters
    ----------
    nis_code
        The municipality (2025 geography).
    exclude
        NIS codes to leave out, e.g. the project's other municipalities.
    n
        How many to return.

    Returns
    -------
    pandas.DataFrame
        ``nis_code, name_nl, name_fr, region, population, distance`` (``|log p - log p0|``),
        closest first; ties broken by NIS code.
    """
    muni = reference.municipalities(2025)
    me = muni[muni["nis_code"] == str(nis_code)]
    if me.empty:
        raise ValueError(f"Unknown NIS code {nis_code!r} on the 2025 geography.")
    row = me.iloc[0]
    out = muni[
        (muni["region"] == row["region"]) & ~muni["nis_code"].isin([row["nis_code"], *exclude])
    ]
    out = out.assign(distance=(np.log(out["population"]) - np.log(row["population"])).abs())
    cols = ["nis_code", "name_nl", "name_fr", "region", "population", "distance"]
    return out.sort_values(["distance", "nis_code"])[cols].head(n).reset_index(drop=True)


def garwood_interval(counts: pd.Series | np.ndarray, level: float = 0.95) -> pd.DataFrame:
    """Exact (Garwood) interval of a Poisson mean for each observed count.

    ``low = chi2.ppf(a / 2, 2 x) / 2`` (0 for x = 0), ``high = chi2.ppf(1 - a / 2, 2 x + 2) / 2``.
    """
    x = np.asarray(counts, dtype=float)
    a = 1 - level
    low = np.where(x > 0, stats.chi2.ppf(a / 2, np.maximum(2 * x, 1e-300)) / 2, 0.0)
    high = stats.chi2.ppf(1 - a / 2, 2 * x + 2) / 2
    return pd.DataFrame({"low": low, "high": high})


def funnel(
    table: pd.DataFrame, *, count: str = "value", population: str = "population"
) -> pd.DataFrame:
    """Funnel plot data: group rate, expected counts, exact Poisson 95 % and 99.8 % limits.

    Parameters
    ----------
    table
        One row per municipality for one indicator and one period (filter first).
    count, population
        Column names. Rows without a positive population are left out of the group rate and get
        NaN results.

    Returns
    -------
    pandas.DataFrame
        A copy with ``rate_per_1000``, ``group_rate_per_1000``, ``expected``, ``low_95``,
        ``high_95``, ``low_998``, ``high_998`` (limits as counts; divide by the population for
        rates), ``outside_95``, ``outside_998`` and the Garwood 95 % interval of the observed rate
        (``rate_low``, ``rate_high``, per 1,000).
    """
    out = table.copy()
    x = out[count].astype(float)
    pop = out[population].astype(float).where(out[population] > 0)
    ok = pop.notna() & x.notna()
    rate = x[ok].sum() / pop[ok].sum() if ok.any() else np.nan
    out["rate_per_1000"] = 1000 * x / pop
    out["group_rate_per_1000"] = 1000 * rate
    out["expected"] = rate * pop
    for name, level in (("95", 0.95), ("998", 0.998)):
        a = (1 - level) / 2
        low = pd.Series(stats.poisson.ppf(a, out["expected"]), out.index)
        high = pd.Series(stats.poisson.ppf(1 - a, out["expected"]), out.index)
        out[f"low_{name}"], out[f"high_{name}"] = low, high
        outside = (x < low) | (x > high)
        out[f"outside_{name}"] = outside.where(ok & out["expected"].notna(), False).astype(bool)
    ci = garwood_interval(x.fillna(0)).set_axis(out.index)
    out["rate_low"] = (1000 * ci["low"] / pop).where(ok)
    out["rate_high"] = (1000 * ci["high"] / pop).where(ok)
    return out
