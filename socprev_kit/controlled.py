"""Controlled before/after designs with counts: difference-in-differences and the weighted
displacement difference.

Decisions:

- :func:`difference_in_differences` gives the plain difference of mean counts per period and its
  rate-ratio analogue: a Poisson GLM (or quasi-Poisson, scale Pearson chi2 / df) of the counts on
  ``treated``, ``post`` and ``treated x post`` with a log-population offset when a population is
  given. ``exp`` of the interaction is the ratio of the treated area's post/pre rate ratio to the
  control's. It relies on parallel trends: check the pre-period (a controlled ITS, the
  ``control=`` of :func:`socprev_kit.its.interrupted_time_series`, is better for monthly series).
  When one of the four cells (area x before/after) counts zero in total, the rate ratio is
  undefined: ``rate_ratio``, its interval and ``p_value`` are NaN, with a warning. The comparison
  area comes from :func:`socprev_kit.comparison.comparison_series`.
- :func:`weighted_displacement_difference` follows Wheeler & Ratcliffe (2018):
  ``WDD = dT - dC + dD - dCd`` with ``d = post - pre``; its variance under the normal approximation
  to the Poisson is the sum of every count used (``T0 + T1 + C0 + C1``, plus ``D0 + D1 + Cd0 + Cd1``
  with a displacement area). Negative is a reduction. Unreliable for tiny or over-dispersed counts;
  when every count is zero the variance is 0 and ``z`` and ``p_value`` are NaN.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM
from statsmodels.tools.tools import add_constant

__all__ = ["difference_in_differences", "weighted_displacement_difference"]


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
        ``rate_ratio`` with ``ci_low``, ``ci_high`` (95 %) and ``p_value`` of the interaction
        (NaN, with a warning, when a cell counts zero in total).

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
    return pd.DataFrame(
        {
            "treated_pre": [means[1, 0]],
            "treated_post": [means[1, 1]],
            "control_pre": [means[0, 0]],
            "control_post": [means[0, 1]],
            "did": [float(did)],
            **_did_rate_ratio(d, count, population, family),
        }
    )


def _did_rate_ratio(
    d: pd.DataFrame, count: str, population: str | None, family: str
) -> dict[str, list[float]]:
    """Rate ratio of the interaction, its 95 % interval and p-value; NaN with a zero cell."""
    cells = d.groupby(["treated", "post"])[count].sum()
    if (cells == 0).any():
        empty = ", ".join(
            f"{'treated' if t else 'control'} {'after' if p else 'before'}"
            for (t, p), v in cells.items()
            if v == 0
        )
        warnings.warn(
            f"Every count is zero in: {empty}. The DiD rate ratio is undefined (NaN); "
            "report the difference of means, or choose a larger area or a longer period.",
            UserWarning,
            stacklevel=3,
        )
        return dict.fromkeys(["rate_ratio", "ci_low", "ci_high", "p_value"], [np.nan])
    X = add_constant(d[["treated", "post"]].assign(interaction=d["treated"] * d["post"]))
    offset = np.log(d[population].astype(float)) if population else None
    fit = GLM(d[count].astype(float), X.astype(float), families.Poisson(), offset=offset)
    res = fit.fit(scale="X2" if family == "quasipoisson" else None)
    low, high = res.conf_int().loc["interaction"]
    return {
        "rate_ratio": [float(np.exp(res.params["interaction"]))],
        "ci_low": [float(np.exp(low))],
        "ci_high": [float(np.exp(high))],
        "p_value": [float(res.pvalues["interaction"])],
    }


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
        (two-sided normal; both NaN when ``se`` is 0, i.e. every count is zero) and
        ``displacement`` (whether the displacement terms were used).

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
