"""Which municipalities run a project of their own on an indicator: never a default comparison.

A comparison municipality stands for "what would have happened without a project". One that runs
its own project on the same indicator changes too, and hides the treated municipality's change
(Gent I01 against Antwerpen, Brugge and Hasselt: 0.95 instead of the planted 0.75, because
Antwerpen and Hasselt run I01 projects). :func:`own_projects` finds them from the data.

Decisions (the rule, simple and from the data):

- **Related indicators** (:func:`related_indicators`): the indicator and every indicator one
  catalogue formula links to it: each derived indicator built on it (or the indicator itself,
  when derived) with its numerator and denominator terms (I01 -> I01, I01R; I04N -> I04, I04D,
  I04N). One step only, so long chains of shared terms do not make everything related.
  Indicators no formula links (I01 and I02) are not related; leave such a municipality out
  yourself with ``exclude=``.
- **Own project**: a project that registers a related indicator for the municipality (a row of
  the indicator table) and declares an ``impact_model`` (level, slope or both) in the projects
  table: it expects to change the indicator. A project without an impact model registers the
  series without acting on it (the sample's BRU-COORD, SCH-COORD, NAM-COORD, whose series serve
  as other projects' comparisons): monitoring only, not an own project. A project missing from
  the projects table counts as an own project (nothing says it is monitoring only).
- **During the window**: the project is active from its ``start_date`` (its
  ``intervention_date`` when the start is missing; always when both are) to its ``end_date``
  (open when missing), and that overlaps the window (the treated series' first to last period).
"""

from __future__ import annotations

import pandas as pd

from ..data.catalogue import POPULATION as _POPULATION
from ..data.catalogue import formula_terms, indicator_catalogue

__all__ = ["own_projects", "related_indicators"]

#: The columns of :func:`own_projects`.
OWN_COLUMNS = ["nis_code", "project_id", "indicator_ids", "start", "end"]


def _links(catalogue: pd.DataFrame) -> list[set[str]]:
    """One set per derived indicator: itself and the terms of its numerator and denominator."""
    groups = []
    derived = catalogue[catalogue["kind"] == "derived"]
    for row in derived.itertuples(index=False):
        terms = {row.indicator_id}
        for expr in (row.numerator, row.denominator):
            if isinstance(expr, str) and expr.strip():
                terms |= {t for _, t in formula_terms(expr) if t != _POPULATION}
        groups.append(terms)
    return groups


def related_indicators(indicator_id: str, catalogue: pd.DataFrame | None = None) -> list[str]:
    """The indicator and every indicator one of the catalogue's formulas links to it.

    Parameters
    ----------
    indicator_id
        An indicator id.
    catalogue
        The indicator catalogue (default: the shipped one).

    Returns
    -------
    list of str
        Sorted ids, ``indicator_id`` among them.

    Examples
    --------
    >>> related_indicators("I01")
    ['I01', 'I01R']
    >>> related_indicators("I04D")
    ['I04', 'I04D', 'I04N']
    """
    groups = _links(indicator_catalogue() if catalogue is None else catalogue)
    return sorted({indicator_id}.union(*(g for g in groups if indicator_id in g)))


def _active(projects: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    """Per project: active at some time between ``start`` and ``end`` (both inclusive)."""
    begins = pd.to_datetime(projects["start_date"])
    if "intervention_date" in projects:
        begins = begins.fillna(pd.to_datetime(projects["intervention_date"]))
    ends = pd.to_datetime(projects["end_date"]) if "end_date" in projects else pd.NaT
    ends = pd.Series(ends, index=projects.index)
    return (begins.isna() | (begins <= end)) & (ends.isna() | (ends >= start))


def own_projects(
    table: pd.DataFrame,
    projects: pd.DataFrame,
    *,
    indicator_id: str,
    window: tuple[pd.Timestamp, pd.Timestamp],
    catalogue: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Municipalities with a project of their own on the indicator (or a related one) in a window.

    Parameters
    ----------
    table
        An indicator table: ``project_id``, ``nis_code``, ``indicator_id`` (one row per value).
    projects
        The projects table: ``project_id``, ``start_date``, and where known
        ``intervention_date``, ``end_date``, ``impact_model``.
    indicator_id
        The indicator compared.
    window
        First and last day of the comparison (the treated series' periods).
    catalogue
        The indicator catalogue for :func:`related_indicators` (default: the shipped one).

    Returns
    -------
    pandas.DataFrame
        One row per municipality and project: ``nis_code``, ``project_id``, ``indicator_ids``
        (the related indicators it registers, joined by ", "), ``start``, ``end`` (NaT: open).
    """
    related = related_indicators(indicator_id, catalogue)
    rows = table.loc[table["indicator_id"].isin(related), ["nis_code", "project_id"]]
    pairs = (
        rows.assign(indicator_ids=table["indicator_id"])
        .drop_duplicates()
        .groupby(["nis_code", "project_id"], as_index=False)["indicator_ids"]
        .agg(lambda s: ", ".join(sorted(s)))
    )
    known = projects.drop_duplicates("project_id").set_index("project_id")
    monitoring = set()
    if "impact_model" in known:
        model = known["impact_model"]
        monitoring = set(known.index[model.isna() | (model.astype(str).str.strip() == "")])
    unknown = set(pairs["project_id"]) - set(known.index)
    active = set(known.index[_active(known, *window)]) | unknown
    own = pairs[pairs["project_id"].isin(active - monitoring)]
    start = pd.to_datetime(own["project_id"].map(known["start_date"]))
    end = pd.to_datetime(own["project_id"].map(known.get("end_date", pd.Series(dtype=object))))
    return own.assign(start=start, end=end)[OWN_COLUMNS].reset_index(drop=True)
