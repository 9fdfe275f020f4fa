"""Comparing municipalities: comparison areas for controlled designs and funnel plot data.

Decisions:

- :func:`choose_comparisons` proposes municipalities of the 2025 geography (so never a code that
  merged away) in the same region with the closest population, optionally only ``among`` those
  that have data. :func:`comparison_series` builds the comparison series of a controlled ITS or a
  DiD (:mod:`socprev_kit.evaluation.controlled`) from an indicator table: per period the sum of the
  counts (and populations) of the chosen municipalities, kept only in periods where every one of
  them has a value, so the comparison area never silently shrinks. It is meant for count indicators
  (derived rows are refused). Its default choice leaves out every municipality that runs its own
  project on the indicator (or a related one) during the treated series' window, found from the
  ``projects=`` table (:mod:`socprev_kit.evaluation.own_projects` states the rule); comparisons
  given by name are used as given. With ``series=`` (every municipality's series,
  :mod:`socprev_kit.indicators.series`: context data when it has any), a comparison's series is
  its series, every municipality with one is a candidate, and the untreated ones (no project
  registration of the indicator) come first.
- :func:`funnel` and :func:`garwood_interval` live in :mod:`socprev_kit.evaluation.control_limits`
(limits
  that allow for overdispersion) and are re-exported here.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..common.errors import SocprevError
from ..data import reference
from ..data.parsing import period_end, period_start
from ..indicators.series import CONTEXT
from .control_limits import MIN_UNITS, TooFewUnitsError, funnel, garwood_interval
from .own_projects import OWN_COLUMNS, own_projects

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

    def __init__(
        self,
        nis_code: str,
        indicator_id: str,
        region: str,
        missing: list[str],
        own: Sequence[str] = (),
    ):
        self.nis_code, self.indicator_id, self.region = nis_code, indicator_id, region
        self.missing, self.own = missing, list(own)
        reason = (
            f"{', '.join(missing)} ha(s) no {indicator_id} values in the table."
            if missing
            else f"no other municipality of {region} outside the project has {indicator_id} "
            "values in the table"
            + (
                f" and no project of its own on it (left out: {', '.join(self.own)})."
                if own
                else "."
            )
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
    prefer: Sequence[str] | None = None,
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
    prefer
        These NIS codes come first, closest first, before the others (e.g. the municipalities
        that run no project on the indicator: their series is what happens without one).

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
    >>> chosen = choose_comparisons("71072", among=["71016", "71011"], prefer=["71011"])
    >>> chosen["nis_code"].tolist()
    ['71011', '71016']
    """
    row, muni = _distances(nis_code)
    keep = (muni["region"] == row["region"]) & ~muni["nis_code"].isin([row["nis_code"], *exclude])
    if among is not None:
        keep &= muni["nis_code"].isin([str(c) for c in among])
    later = ~muni["nis_code"].isin([str(c) for c in prefer]) if prefer is not None else False
    out = muni[keep].assign(later=later).sort_values(["later", "distance", "nis_code"])
    return out[_CHOSEN].head(n).reset_index(drop=True)


@dataclass(frozen=True)
class ComparisonSeries:
    """Result of :func:`comparison_series`.

    Attributes
    ----------
    treated, control : pandas.DataFrame
        ``period``, the value column and (when the table has one) ``population``; ``control``
        also has ``n_municipalities``. Sorted by period; pass them to
        :func:`socprev_kit.evaluation.its.interrupted_time_series` as ``data`` and ``control``.
    chosen : pandas.DataFrame
        The comparison municipalities: ``nis_code, name_nl, name_fr, region, population,
        distance``.
    nis_code, indicator_id : str
        The treated municipality and the indicator.
    excluded : pandas.DataFrame
        The municipalities of the region the default choice left out for their own project on
        the indicator (:func:`socprev_kit.evaluation.own_projects.own_projects`: ``nis_code,
        project_id, indicator_ids, start, end``); empty when the comparisons were given.
    with_own_project : pandas.DataFrame
        The same for comparisons given by name that run their own project on the indicator
        (they are used as given; say so where the estimate is shown); empty without
        ``projects``.
    """

    treated: pd.DataFrame
    control: pd.DataFrame
    chosen: pd.DataFrame
    nis_code: str
    indicator_id: str
    excluded: pd.DataFrame = field(default_factory=pd.DataFrame)
    with_own_project: pd.DataFrame = field(default_factory=pd.DataFrame)


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
    projects: pd.DataFrame | None = None,
    series: pd.DataFrame | None = None,
) -> ComparisonSeries:
    """A municipality's series of a count indicator and the summed series of its comparisons.

    Parameters
    ----------
    table
        An indicator table (:func:`socprev_kit.indicators.table.indicator_table`, monthly for an
        ITS), preferably through :func:`~socprev_kit.indicators.rates.rates_per_1000` for
        ``population``.
    nis_code, indicator_id
        The treated municipality (2025 geography) and the indicator.
    project_id
        Take the treated series from this project's rows, and leave all its municipalities out
        of the comparisons. Without it, the municipality's rows of every project are used (the
        same value registered twice counts once).
    comparisons
        NIS codes of the comparison municipalities, used as given; by default the ``n`` chosen
        by :func:`choose_comparisons` among the municipalities with data for the indicator and
        without a project of their own on it (see ``projects``).
    exclude
        NIS codes never to use as comparisons (e.g. areas with a similar project that the data
        do not show).
    n, value
        How many comparisons to choose; the column holding the counts.
    projects
        The projects table (``data.projects``). The default choice leaves out every
        municipality that runs its own project on the indicator or a related one during the
        treated series' window (:mod:`socprev_kit.evaluation.own_projects`); without it they cannot
        be told apart, and a warning says so.
    series
        Every municipality's series (:func:`socprev_kit.indicators.series.municipality_series`:
        its context rows when it has any, else its project registrations). When given, the
        comparisons' series come from it, every municipality with a series of the indicator is a
        candidate, and those without any project registration of it (untreated) are chosen
        first. The treated series always comes from ``table`` (the project's registrations).

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
    pool = rows
    if series is not None:
        pool = series[(series["indicator_id"] == indicator_id) & series[value].notna()]
    with_data = sorted(set(pool["nis_code"]) - {nis})
    untreated = None
    if series is not None:
        registered = rows if "project_id" not in rows else rows[rows["project_id"] != CONTEXT]
        untreated = sorted(set(with_data) - set(registered["nis_code"]))
    excluded = named_own = pd.DataFrame(columns=OWN_COLUMNS)
    if comparisons is None:
        project = table.loc[table["project_id"] == project_id, "nis_code"] if project_id else ()
        excluded = _own(table, projects, mine, indicator_id, [nis, *project, *exclude])
        region = muni.loc[muni["region"] == row["region"], "nis_code"]
        excluded = excluded[excluded["nis_code"].isin(region)]  # the ones the choice would see
        left_out = [*exclude, *project, *excluded["nis_code"]]
        chosen = choose_comparisons(nis, exclude=left_out, n=n, among=with_data, prefer=untreated)
    else:
        chosen = _named(comparisons, muni, nis)
        if projects is not None:
            named_own = _own(table, projects, mine, indicator_id, [nis])
            named_own = named_own[named_own["nis_code"].isin(chosen["nis_code"])]
    missing = sorted(set(chosen["nis_code"]) - set(with_data))
    if chosen.empty or missing:
        own = [f"{r.nis_code} with {r.project_id}" for r in excluded.itertuples()]
        raise NoComparisonError(nis, indicator_id, row["region"], missing, own)
    treated = _per_period(mine, cols, "Treated series").drop(columns="nis_code")
    control = _control(pool, chosen["nis_code"].tolist(), cols)
    own_frames = (f.reset_index(drop=True) for f in (excluded, named_own))
    return ComparisonSeries(treated, control, chosen, nis, indicator_id, *own_frames)


def _named(comparisons: Sequence[str], muni: pd.DataFrame, nis: str) -> pd.DataFrame:
    """The comparisons given by name, as :func:`choose_comparisons` returns them."""
    chosen = muni.set_index("nis_code").reindex([str(c) for c in comparisons])
    if chosen["region"].isna().any() or nis in chosen.index:
        bad = [c for c in chosen.index if c == nis or pd.isna(chosen.at[c, "region"])]
        raise ValueError(f"Comparison NIS code(s) {bad}: unknown in 2025 or {nis} itself.")
    return chosen.reset_index()[_CHOSEN]


def _own(
    table: pd.DataFrame,
    projects: pd.DataFrame | None,
    mine: pd.DataFrame,
    indicator_id: str,
    skip: list[str],
) -> pd.DataFrame:
    """Municipalities (not in ``skip``) with their own project on the indicator during the
    treated series' window (:func:`~socprev_kit.evaluation.own_projects.own_projects`); empty, with
    a warning, without a projects table."""
    if projects is None:
        warnings.warn(
            f"Without projects=, municipalities that run their own project on {indicator_id} "
            "cannot be told apart and may be chosen as comparisons; pass the projects table "
            "(data.projects) or give comparisons=[...].",
            UserWarning,
            stacklevel=3,
        )
        return pd.DataFrame(columns=OWN_COLUMNS)
    periods = mine["period"].drop_duplicates()
    window = (period_start(periods).min(), period_end(periods).max())
    own = own_projects(table, projects, indicator_id=indicator_id, window=window)
    return own[~own["nis_code"].isin(skip)].reset_index(drop=True)
