"""Controlled before/after designs with counts: difference-in-differences, the weighted
displacement difference and the weighted displacement quotient.

Decisions:

- :func:`difference_in_differences` gives the plain difference of the four cells (area x
  before/after) and its rate-ratio analogue: a quasi-Poisson GLM (by default; ``family="poisson"``
  for the pure Poisson) of the counts on ``treated``, ``post`` and ``treated x post`` with a
  log-population offset when a population is given. Police and complaint counts are overdispersed,
  so the Poisson interval is too narrow; the quasi-Poisson scale is Pearson chi2 / df, which needs
  more than one period in some cell (with exactly four rows the interval is NaN, with a warning).
  ``exp`` of the interaction is the ratio of the treated area's post/pre rate ratio to the
  control's. Without a population the cells are mean counts per period and ``did`` is a
  difference of counts (equal exposure); with one, they are rates per 1,000 inhabitants per
  period (the cell's counts over its summed populations, the rate the GLM fits) and the columns
  end in ``_per_1000``. It relies on parallel trends: check the pre-period (a controlled ITS,
  the ``control=`` of :func:`socprev_kit.evaluation.its.interrupted_time_series`, is better for
  monthly series). When a cell counts zero in total, the rate ratio is undefined: ``rate_ratio``,
  its interval and ``p_value`` are NaN, with a warning. The comparison area comes from
  :func:`socprev_kit.evaluation.comparison.comparison_series`.
- :func:`weighted_displacement_difference` follows Wheeler & Ratcliffe (2018):
  ``WDD = dT - dC + dD - dCd`` with ``d = after - before``, negative is a reduction. Its variance
  under the normal approximation to the Poisson is the sum of every count used, each counted with
  the square of its weight in the WDD. When the displacement area's control is the treated area's
  control (``shared_control=True``), ``WDD = dT + dD - 2 dC``, so ``Var = T0 + T1 + D0 + D1 +
  4 (C0 + C1)``. The WDD compares counts, so the before and after periods must be equally long
  (``periods=``): unequal lengths are refused, never rescaled silently. Unreliable for tiny or
  over-dispersed counts; when every count is zero ``z`` and ``p_value`` are NaN.
- The weighted displacement quotient (Bowers & Johnson 2003) comes with a displacement area:
  ``WDQ = (D1/Cd1 - D0/Cd0) / (T1/C1 - T0/C0)`` (``Cd = C`` with a shared control, their
  formula). The denominator is the success measure: negative when the treated area improved
  relative to its control. Only then is the WDQ read: > 0 diffusion of benefits to the
  displacement area (> 1: larger than the direct effect), < 0 displacement (below -1: larger than
  the direct effect, a net loss); otherwise the WDQ is NaN and ``wdq_reading`` says why.
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

_RR = ["rate_ratio", "ci_low", "ci_high", "p_value"]
_Z95 = stats.norm.ppf(0.975)


def _in(periods: pd.Series, window: tuple[str, str] | Sequence[str]) -> pd.Series:
    """Periods in ``window``: a ``(first, last)`` pair (inclusive, canonical labels sort in time)
    or a list of labels."""
    if isinstance(window, tuple) and len(window) == 2:
        return (periods >= window[0]) & (periods <= window[1])
    return periods.isin(list(window))


def _did_frame(
    treated: pd.DataFrame,
    control: pd.DataFrame,
    pre: tuple | Sequence,
    post: tuple | Sequence,
    population: str | None,
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
    if population is not None and not (pd.to_numeric(out[population]) > 0).all():
        bad = out.loc[~(pd.to_numeric(out[population]) > 0), "period"].iloc[0]
        raise ValueError(
            f"Column {population!r} must be a positive population in every period used "
            f"({bad} is missing or not positive); fill it in (rates_per_1000 adds it) or leave "
            "population out to compare counts."
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
    family: Literal["poisson", "quasipoisson"] = "quasipoisson",
) -> pd.DataFrame:
    """Difference-in-differences of counts or rates, and the (quasi-)Poisson rate ratio.

    Parameters
    ----------
    treated, control
        One row per period: ``period`` and the ``count`` column (and ``population``).
    pre, post
        ``(first, last)`` periods, inclusive, or lists of periods.
    count, population
        Column names; with ``population`` the cells are rates per 1,000 and the GLM has a
        log-population offset, without it they are mean counts per period (equal exposure).
    family
        ``"quasipoisson"`` (default: scale Pearson chi2 / df) or ``"poisson"``.

    Returns
    -------
    pandas.DataFrame
        One row. Without a population: the mean counts per period ``treated_pre``,
        ``treated_post``, ``control_pre``, ``control_post`` and ``did`` (treated change minus
        control change). With one: the same as rates per 1,000 inhabitants per period,
        ``treated_pre_per_1000`` ... ``did_per_1000``. Then ``rate_ratio`` with ``ci_low``,
        ``ci_high`` (95 %) and ``p_value`` of the interaction, and ``dispersion`` (1 for
        Poisson).

    Examples
    --------
    >>> t = pd.DataFrame({"period": ["2023", "2024"], "value": [10, 5]})
    >>> c = pd.DataFrame({"period": ["2023", "2024"], "value": [20, 20]})
    >>> difference_in_differences(t, c, pre=["2023"], post=["2024"], family="poisson")["did"].item()
    -5.0
    """
    d = _did_frame(treated, control, pre, post, population)
    if population is None:
        cells, suffix = d.groupby(["treated", "post"])[count].mean(), ""
    else:
        sums = d.groupby(["treated", "post"])[[count, population]].sum()
        cells, suffix = 1000 * sums[count] / sums[population], "_per_1000"
    did = (cells[1, 1] - cells[1, 0]) - (cells[0, 1] - cells[0, 0])
    names = {"treated_pre": (1, 0), "treated_post": (1, 1), "control_pre": (0, 0)}
    names["control_post"] = (0, 1)
    return pd.DataFrame(
        {
            **{f"{k}{suffix}": [float(cells[v])] for k, v in names.items()},
            f"did{suffix}": [float(did)],
            **_did_rate_ratio(d, count, population, family),
        }
    )


def _zero_cells(d: pd.DataFrame, count: str) -> str:
    """The cells (area x before/after) that count zero in total, named; empty when none."""
    cells = d.groupby(["treated", "post"])[count].sum()
    return ", ".join(
        f"{'treated' if t else 'control'} {'after' if p else 'before'}"
        for (t, p), v in cells.items()
        if v == 0
    )


def _did_rate_ratio(
    d: pd.DataFrame, count: str, population: str | None, family: str
) -> dict[str, list[float]]:
    """Rate ratio of the interaction, its 95 % interval, p-value and the dispersion used."""
    if empty := _zero_cells(d, count):
        warnings.warn(
            f"Every count is zero in: {empty}. The DiD rate ratio is undefined (NaN); "
            "report the difference, or choose a larger area or a longer period.",
            UserWarning,
            stacklevel=3,
        )
        return dict.fromkeys([*_RR, "dispersion"], [np.nan])
    X = add_constant(d[["treated", "post"]].assign(interaction=d["treated"] * d["post"]))
    offset = np.log(d[population].astype(float)) if population else None
    fit = GLM(d[count].astype(float), X.astype(float), families.Poisson(), offset=offset)
    quasi = family == "quasipoisson"
    if quasi and fit.df_resid < 1:
        res = fit.fit()
        warnings.warn(
            "Quasi-Poisson needs more than one period in some cell to estimate the dispersion; "
            "the interval is NaN. Give monthly periods, or family='poisson' if the counts are "
            "not overdispersed.",
            UserWarning,
            stacklevel=3,
        )
        rr = float(np.exp(res.params["interaction"]))
        return {"rate_ratio": [rr], **dict.fromkeys([*_RR[1:], "dispersion"], [np.nan])}
    res = fit.fit(scale="X2" if quasi else None)
    low, high = res.conf_int().loc["interaction"]
    return {
        "rate_ratio": [float(np.exp(res.params["interaction"]))],
        "ci_low": [float(np.exp(low))],
        "ci_high": [float(np.exp(high))],
        "p_value": [float(res.pvalues["interaction"])],
        "dispersion": [float(res.scale)],
    }


def _wdd_checks(periods: tuple[float, float], counts: dict[str, float | None]) -> None:
    """Refuse unequal or non-positive period lengths and negative counts."""
    before, after = periods
    if not (before > 0 and after > 0):
        raise ValueError(f"periods=(before, after) are lengths (e.g. months); got {periods}.")
    if not np.isclose(before, after):
        raise ValueError(
            f"The before period ({before:g}) and the after period ({after:g}) differ in length. "
            "The WDD compares counts, so both must cover equally long periods: take e.g. the "
            f"last {min(before, after):g} before and the first {min(before, after):g} after."
        )
    if any(v is not None and v < 0 for v in counts.values()):
        raise ValueError("Counts cannot be negative.")


def _wdd_weights(counts: dict, shared_control: bool) -> dict[str, int]:
    """Each count's weight in the WDD: +1 after, -1 before, controls the other way round; a
    control shared by the treated and the displacement area enters twice (weight -2, +2)."""
    sign = {"t0": -1, "t1": 1, "c0": 1, "c1": -1, "d0": -1, "d1": 1, "dc0": 1, "dc1": -1}
    disp = [counts[k] is not None for k in ("d0", "d1", "dc0", "dc1")]
    if shared_control:
        if not (disp[0] and disp[1]) or (disp[2] or disp[3]):
            raise ValueError(
                "shared_control=True: give the displacement area's counts d0 and d1, and leave "
                "dc0 and dc1 out (its control is c0, c1)."
            )
        return {"t0": -1, "t1": 1, "c0": 2, "c1": -2, "d0": -1, "d1": 1}
    if any(disp) and not all(disp):
        raise ValueError("Give all four displacement counts (d0, d1, dc0, dc1) or none of them.")
    same = (counts["dc0"], counts["dc1"]) == (counts["c0"], counts["c1"]) != (0, 0)
    if all(disp) and same:
        warnings.warn(
            "The displacement area's control counts equal the treated area's control counts. If "
            "it is the same area, pass shared_control=True (and leave dc0, dc1 out): its counts "
            "enter the WDD twice, so their variance counts four times.",
            UserWarning,
            stacklevel=3,
        )
    return {k: v for k, v in sign.items() if counts[k] is not None}


def _wdq(c: dict[str, float], shared_control: bool) -> tuple[float, float, str | None]:
    """Success measure, weighted displacement quotient and how to read it (Bowers & Johnson)."""
    if c["c0"] == 0 or c["c1"] == 0:
        return np.nan, np.nan, None if c["d0"] is None else "undefined"
    success = c["t1"] / c["c1"] - c["t0"] / c["c0"]
    if c["d0"] is None:
        return success, np.nan, None
    dc0, dc1 = (c["c0"], c["c1"]) if shared_control else (c["dc0"], c["dc1"])
    if dc0 == 0 or dc1 == 0:
        return success, np.nan, "undefined"
    if not success < 0:
        return success, np.nan, "no_success"
    wdq = (c["d1"] / dc1 - c["d0"] / dc0) / success
    reading = "diffusion_of_benefits" if wdq > 0 else "displacement" if wdq < 0 else "none"
    return success, float(wdq), reading


def weighted_displacement_difference(
    t0: float,
    t1: float,
    c0: float,
    c1: float,
    d0: float | None = None,
    d1: float | None = None,
    dc0: float | None = None,
    dc1: float | None = None,
    *,
    periods: tuple[float, float],
    shared_control: bool = False,
) -> pd.DataFrame:
    """Weighted displacement difference (Wheeler & Ratcliffe 2018) with its Poisson test, and
    the weighted displacement quotient (Bowers & Johnson 2003).

    Parameters
    ----------
    t0, t1, c0, c1
        Counts before (0) and after (1) in the treated area and its control.
    d0, d1, dc0, dc1
        Counts in the displacement area and its control: all four or none; with
        ``shared_control`` only ``d0, d1``.
    periods
        Lengths of the before and the after period (e.g. months); unequal lengths are refused.
    shared_control
        The displacement area's control is the treated area's control (``c0, c1``).

    Returns
    -------
    pandas.DataFrame
        One row: ``wdd``; ``se``, the square root of the sum of every count times its squared
        weight (``T0 + T1 + C0 + C1``, ``+ D0 + D1 + Cd0 + Cd1`` with a displacement area,
        ``T0 + T1 + D0 + D1 + 4 (C0 + C1)`` with a shared control); ``z``, ``p_value``
        (two-sided normal; NaN when ``se`` is 0), ``ci_low``, ``ci_high`` (95 %);
        ``displacement`` and ``shared_control`` (what was used); ``success_measure``
        (``T1/C1 - T0/C0``, negative: the treated area improved relative to its control);
        ``wdq`` and ``wdq_reading``: ``"diffusion_of_benefits"`` (WDQ > 0), ``"displacement"``
        (< 0), ``"none"`` (0), ``"no_success"`` (success measure not negative: WDQ not read,
        NaN), ``"undefined"`` (a control counts 0), or None without a displacement area.

    Examples
    --------
    >>> weighted_displacement_difference(60, 40, 50, 55, periods=(12, 12))["wdd"].item()
    -25.0
    """
    counts = {"t0": t0, "t1": t1, "c0": c0, "c1": c1, "d0": d0, "d1": d1, "dc0": dc0, "dc1": dc1}
    _wdd_checks(periods, counts)
    weights = _wdd_weights(counts, shared_control)
    wdd = float(sum(w * counts[k] for k, w in weights.items()))
    se = float(np.sqrt(sum(w * w * counts[k] for k, w in weights.items())))
    z = wdd / se if se > 0 else np.nan
    success, wdq, reading = _wdq(counts, shared_control)
    return pd.DataFrame(
        {
            "wdd": [wdd],
            "se": [se],
            "z": [z],
            "p_value": [2 * stats.norm.sf(abs(z)) if se > 0 else np.nan],
            "ci_low": [wdd - _Z95 * se],
            "ci_high": [wdd + _Z95 * se],
            "displacement": [d0 is not None],
            "shared_control": [shared_control],
            "success_measure": [success],
            "wdq": [wdq],
            "wdq_reading": [reading],
        }
    )
