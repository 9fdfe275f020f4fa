"""Controlled comparisons and comparing municipalities: DiD, WDD, comparison areas, funnel data.

Decisions:

- :func:`difference_in_differences` gives the plain difference of mean counts per period and its
  rate-ratio analogue: a Poisson GLM (or quasi-Poisson, scale Pearson chi2 / df) of the counts on
  ``treated``, ``post`` and ``treated x post`` with a log-population offset when a population is
  given. ``exp`` of the interaction is the ratio of the treated area's post/pre rate ratio to the
  control's. It relies on parallel trends: check the pre-period (a controlled ITS is better for
  monthly series). When one of the four cells (area x before/after) counts zero in total, the
  rate ratio is undefined: ``rate_ratio``, its interval and ``p_value`` are NaN, with a warning.
- :func:`weighted_displacement_difference` follows Wheeler & Ratcliffe (2018):
  ``WDD = dT - dC + dD - dCd`` with ``d = post - pre``; its variance under the normal approximation
  to the Poisson is the sum of every count used (``T0 + T1 + C0 + C1``, plus ``D0 + D1 + Cd0 + Cd1``
  with a displacement area). Negative is a reduction. Unreliable for tiny or over-dispersed counts;
  when every count is zero the variance is 0 and ``z`` and ``p_value`` are NaN.
- :func:`choose_comparisons` proposes municipalities of the 2025 geography (so never a code that
  merged away) in the same region with the closest population, optionally only ``among`` those
  that have data. :func:`comparison_series` builds the comparison series of a controlled ITS or a
  DiD from an indicator table: per period the sum of the counts (and populations) of the chosen
  municipalities, kept only in periods where every one of them has a value, so the comparison
  area never silently shrinks. It is meant for count indicators (derived rows are refused).
- :func:`funnel` limits are the exact Poisson quantiles of the expected count (the group rate times
  the population); a municipality is outside a limit when its count is below the lower or above the
  upper quantile. Each observed rate also gets an exact (Garwood) 95 % interval.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from . import reference
from .errors import SocprevError

__all__ = [
    "ComparisonSeries",
    "NoComparisonError",
    "choose_comparisons",
    "comparison_series",
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
    X = sm.add_constant(d[["treated", "post"]].assign(interaction=d["treated"] * d["post"]))
    offset = np.log(d[population].astype(float)) if population else None
    fit = sm.GLM(d[count].astype(float), X.astype(float), sm.families.Poisson(), offset=offset)
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


class NoComparisonError(SocprevError):
    """No comparison municipality with data; carries the municipality, indicator and region."""

    def __init__(self, nis_code: str, indicator_id: str, region: str, missing: list[str]):
        self.nis_code, self.indicator_id, self.region = nis_code, indicator_id, region
        self.missing = missing
        reason = (
            f"{', '.join(missing)} ha(s) no {indicator_id} values in the table."
            if missing
            else f"no other municipality of {region} outside the project has {indicator_id} "
            "values in the table."
        )
        super().__init__(
            f"No comparison municipality for {nis_code} and indicator {indicator_id}: {reason} "
            f"Register {indicator_id} for a comparable municipality of {region} outside the "
            "project (e.g. as a monitoring project), or give comparisons=[...] yourself."
        )


def _distances(nis_code: str) -> tuple[pd.Series, pd.DataFrame]:
    """The municipality's row and the 2025 reference with ``distance = |log p - log p0|``."""
    muni = reference.municipalities(2025)
    me = muni[muni["nis_code"] == str(nis_code)]
    if me.empty:
        now = reference.current_nis_code_map().get(str(nis_code))
        hint = f" It merged into {now} on or before 1 January 2025; use {now}." if now else ""
        raise ValueError(f"Unknown NIS code {nis_code!r} on the 2025 geography.{hint}")
    row = me.iloc[0]
    distance = (np.log(muni["population"]) - np.log(row["population"])).abs()
    return row, muni.assign(distance=distance)


_CHOSEN = ["nis_code", "name_nl", "name_fr", "region", "population", "distance"]


def choose_comparisons(
    nis_code: str,
    *,
    exclude: Sequence[str] = (),
    n: int = 3,
    among: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Comparison municipalities: same region, closest population on the log scale.

    Parameters
    ----------
    nis_code
        The municipality (2025 geography; a pre-2025 code is refused with its 2025 code).
    exclude
        NIS codes to leave out, e.g. the project's other municipalities.
    n
        How many to return.
    among
        Only these NIS codes are candidates, e.g. the municipalities with data for the
        indicator (default: every municipality).

    Returns
    -------
    pandas.DataFrame
        ``nis_code, name_nl, name_fr, region, population, distance`` (``|log p - log p0|``),
        closest first; ties broken by NIS code. Empty when no candidate is left.

    Examples
    --------
    Hasselt among Genk, Diepenbeek and Namur (in Wallonia):

    >>> choose_comparisons("71072", among=["71016", "71011", "92094"])["nis_code"].tolist()
    ['71016', '71011']
    """
    row, muni = _distances(nis_code)
    keep = (muni["region"] == row["region"]) & ~muni["nis_code"].isin([row["nis_code"], *exclude])
    if among is not None:
        keep &= muni["nis_code"].isin([str(c) for c in among])
    out = muni[keep].sort_values(["distance", "nis_code"])
    return out[_CHOSEN].head(n).reset_index(drop=True)


@dataclass(frozen=True)
class ComparisonSeries:
    """Result of :func:`comparison_series`.

    Attributes
    ----------
    treated, control : pandas.DataFrame
        ``period``, the value column and (when the table has one) ``population``; ``control``
        also has ``n_municipalities``. Sorted by period; pass them to
        :func:`socprev_kit.its.interrupted_time_series` as ``data`` and ``control``.
    chosen : pandas.DataFrame
        The comparison municipalities: ``nis_code, name_nl, name_fr, region, population,
        distance``.
    nis_code, indicator_id : str
        The treated municipality and the indicator.
    """

    treated: pd.DataFrame
    control: pd.DataFrame
    chosen: pd.DataFrame
    nis_code: str
    indicator_id: str


def _per_period(rows: pd.DataFrame, cols: list[str], who: str) -> pd.DataFrame:
    """One row per (municipality, period); the same value registered in several projects counts
    once, different values are refused."""
    out = rows[["nis_code", "period", *cols]].drop_duplicates()
    twice = out[out.duplicated(["nis_code", "period"], keep=False)]
    if len(twice):
        first = twice.iloc[0]
        raise ValueError(
            f"{who}: {first['nis_code']} has different values in period {first['period']} in "
            "several projects; pass project_id to say which project's series to use."
        )
    return out.sort_values(["nis_code", "period"], ignore_index=True)


def _control(rows: pd.DataFrame, codes: list[str], cols: list[str]) -> pd.DataFrame:
    """Per period the sum over ``codes``, only where every one of them has a value."""
    rows = _per_period(rows[rows["nis_code"].isin(codes)], cols, "Comparison series")
    wide = rows.pivot(index="period", columns="nis_code", values=cols)
    complete = wide[cols[0]].reindex(columns=codes).notna().all(axis=1)
    out = pd.DataFrame({c: wide[c].sum(axis=1, min_count=len(codes)) for c in cols})
    out = out[complete].assign(n_municipalities=len(codes))
    return out.rename_axis("period").reset_index()


def comparison_series(
    table: pd.DataFrame,
    *,
    nis_code: str,
    indicator_id: str,
    project_id: str | None = None,
    comparisons: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
    n: int = 3,
    value: str = "value",
) -> ComparisonSeries:
    """A municipality's series of a count indicator and the summed series of its comparisons.

    Parameters
    ----------
    table
        An indicator table (:func:`socprev_kit.indicators.indicator_table`, monthly for an ITS),
        preferably through :func:`~socprev_kit.indicators.rates_per_1000` for ``population``.
    nis_code, indicator_id
        The treated municipality (2025 geography) and the indicator.
    project_id
        Take the treated series from this project's rows, and leave all its municipalities out
        of the comparisons. Without it, the municipality's rows of every project are used (the
        same value registered twice counts once).
    comparisons
        NIS codes of the comparison municipalities; by default the ``n`` chosen by
        :func:`choose_comparisons` among the municipalities with data for the indicator.
    exclude
        NIS codes never to use as comparisons (e.g. areas with a similar project of their own).
    n, value
        How many comparisons to choose; the column holding the counts.

    Returns
    -------
    ComparisonSeries
        ``control`` keeps only the periods in which every comparison has a value.

    Raises
    ------
    NoComparisonError
        No comparison municipality (given or chosen) has data for the indicator.

    Examples
    --------
    >>> s = comparison_series(table, nis_code="44021", indicator_id="I01")  # doctest: +SKIP
    >>> interrupted_time_series(s.treated, control=s.control, count="value", period="period",
    ...                         population="population", intervention="2020-10")  # doctest: +SKIP
    """
    nis = str(nis_code)
    rows = table[(table["indicator_id"] == indicator_id) & table[value].notna()]
    if "kind" in rows and rows["kind"].eq("derived").any():
        raise ValueError(f"{indicator_id} is a derived ratio; sums need a count indicator.")
    cols = [value] + (["population"] if "population" in rows else [])
    mine = rows[rows["nis_code"] == nis]
    mine = mine if project_id is None else mine[mine["project_id"] == project_id]
    if mine.empty:
        where = f" in project {project_id!r}" if project_id is not None else ""
        raise ValueError(
            f"No {indicator_id} values for {nis}{where} in the table; check the NIS code, the "
            "indicator and the project."
        )
    row, muni = _distances(nis)
    with_data = sorted(set(rows["nis_code"]) - {nis})
    if comparisons is None:
        project = table.loc[table["project_id"] == project_id, "nis_code"] if project_id else ()
        chosen = choose_comparisons(nis, exclude=[*exclude, *project], n=n, among=with_data)
    else:
        chosen = muni.set_index("nis_code").reindex([str(c) for c in comparisons])
        if chosen["region"].isna().any() or nis in chosen.index:
            bad = [c for c in chosen.index if c == nis or pd.isna(chosen.at[c, "region"])]
            raise ValueError(f"Comparison NIS code(s) {bad}: unknown in 2025 or {nis} itself.")
        chosen = chosen.reset_index()[_CHOSEN]
    missing = sorted(set(chosen["nis_code"]) - set(with_data))
    if chosen.empty or missing:
        raise NoComparisonError(nis, indicator_id, row["region"], missing)
    treated = _per_period(mine, cols, "Treated series").drop(columns="nis_code")
    control = _control(rows, chosen["nis_code"].tolist(), cols)
    return ComparisonSeries(treated, control, chosen, nis, indicator_id)


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
