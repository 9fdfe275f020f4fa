"""Comparing municipalities: comparison areas for controlled designs and funnel plot data.

Decisions:

- :func:`choose_comparisons` proposes municipalities of the 2025 geography (so never a code that
  merged away) in the same region with the closest population, optionally only ``among`` those
  that have data. :func:`comparison_series` builds the comparison series of a controlled ITS or a
  DiD (:mod:`socprev_kit.controlled`) from an indicator table: per period the sum of the counts
  (and populations) of the chosen municipalities, kept only in periods where every one of them has
  a value, so the comparison area never silently shrinks. It is meant for count indicators
  (derived rows are refused).
- :func:`funnel` compares at least :data:`MIN_UNITS` (8) municipalities. Its limits start from
  the exact Poisson quantiles of the expected count (the group rate times the population) and are
  widened for overdispersion (:mod:`socprev_kit.overdispersion`: φ from winsorised z-scores,
  multiplicative or additive τ²); a municipality is outside a limit when its count is below the
  lower or above the upper one. Counts the catalogue hides are left out of the group rate and φ,
  so they cannot be recovered from them. Each observed rate also gets an exact (Garwood) 95 %
  interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from . import reference
from .errors import SocprevError

__all__ = [
    "ComparisonSeries",
    "MIN_UNITS",
    "NoComparisonError",
    "TooFewUnitsError",
    "choose_comparisons",
    "comparison_series",
    "funnel",
    "garwood_interval",
]


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


#: Fewest municipalities a funnel compares (with a count and a population, not hidden).
MIN_UNITS = 8


class TooFewUnitsError(SocprevError, ValueError):
    """Fewer than ``needed`` municipalities to compare in a funnel plot; carries ``n``."""

    def __init__(self, n: int, needed: int):
        self.n, self.needed = n, needed
        super().__init__(
            f"Only {n} municipalit{'y' if n == 1 else 'ies'} with a count and a population "
            f"(small counts hidden); a funnel plot compares at least {needed}. Use another "
            "year or indicator, or more municipalities."
        )


def _hidden(table: pd.DataFrame, count: str, catalogue: pd.DataFrame | None) -> pd.Series:
    """Rows whose count the catalogue's ``min_cell`` hides, or already marked ``suppressed``."""
    from .evaluation import suppress

    hidden = pd.Series(False, index=table.index)
    if "suppressed" in table:
        hidden |= table["suppressed"].fillna(False).astype(bool)
    if "indicator_id" in table:
        cells = table[["indicator_id", count]].rename(columns={count: "value"})
        hidden |= suppress(cells, catalogue=catalogue, columns=())["suppressed"]
    return hidden


def funnel(
    table: pd.DataFrame,
    *,
    count: str = "value",
    population: str = "population",
    catalogue: pd.DataFrame | None = None,
    min_units: int = MIN_UNITS,
) -> pd.DataFrame:
    """Funnel plot data: group rate, expected counts, 95 % and 99.8 % limits allowing for
    overdispersion (:mod:`socprev_kit.overdispersion`), and the hidden counts left out.

    Parameters
    ----------
    table
        One row per municipality for one indicator and one period (filter first).
    count, population
        Column names. Rows without a count or a positive population are left out of the group
        rate and get NaN results.
    catalogue
        For the small-cell rule when ``table`` has ``indicator_id`` (default: the shipped one).
        A count the catalogue's ``min_cell`` hides (or a row already marked ``suppressed``) is
        blanked and left out of the group rate, φ and τ², so that it cannot be recovered from
        the group rate, the populations and the other counts. Do not suppress the output again.
    min_units
        Fewest municipalities compared (shown, with a count and a population).

    Returns
    -------
    pandas.DataFrame
        A copy with ``suppressed``, ``rate_per_1000``, ``group_rate_per_1000``, ``expected``,
        ``z`` (square-root scale), ``low_95``, ``high_95``, ``low_998``, ``high_998`` (adjusted
        limits as counts; divide by the population for rates), ``outside_95``, ``outside_998``,
        the Garwood 95 % interval of the observed rate (``rate_low``, ``rate_high``, per 1,000)
        and, the same on every row, ``overdispersion`` (``"none"``, ``"multiplicative"`` or
        ``"additive"``), ``phi`` and ``tau2``.

    Raises
    ------
    TooFewUnitsError
        Fewer than ``min_units`` municipalities to compare.
    """
    from . import overdispersion

    out = table.copy()
    out["suppressed"] = _hidden(out, count, catalogue)
    out[count] = out[count].astype(float).where(~out["suppressed"])
    x = out[count]
    pop = out[population].astype(float).where(out[population] > 0)
    ok = pop.notna() & x.notna()
    if ok.sum() < min_units:
        raise TooFewUnitsError(int(ok.sum()), min_units)
    rate = x[ok].sum() / pop[ok].sum()
    out["rate_per_1000"] = 1000 * x / pop
    out["group_rate_per_1000"] = 1000 * rate
    out["expected"] = rate * pop
    out["z"] = pd.Series(overdispersion.z_scores(x, out["expected"]), out.index).where(ok)
    disp = overdispersion.estimate(x[ok], out.loc[ok, "expected"])
    for name, level in (("95", 0.95), ("998", 0.998)):
        low, high = overdispersion.limits(out["expected"], level, disp)
        out[f"low_{name}"], out[f"high_{name}"] = low, high
        outside = (x < low) | (x > high)
        out[f"outside_{name}"] = outside.where(ok, False).astype(bool)
    ci = garwood_interval(x.fillna(0)).set_axis(out.index)
    out["rate_low"] = (1000 * ci["low"] / pop).where(ok)
    out["rate_high"] = (1000 * ci["high"] / pop).where(ok)
    out["overdispersion"], out["phi"], out["tau2"] = disp.method, disp.phi, disp.tau2
    return out
