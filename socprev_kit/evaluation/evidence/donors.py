"""Who may stand in a synthetic comparison: the default donor pool and the municipalities' names.

Decisions (each a reason a municipality is not a donor, counted in the result's diagnostics):

- **same region** (Flanders, Wallonia, Brussels, from the municipality reference of the 2025
  geography, else of 2020): police practice, registration and prevention policy differ between
  the regions; a municipality of another region tracks the treated series for other reasons;
- **no project of its own on the indicator in the window**
  (:func:`socprev_kit.evaluation.own_projects.own_projects`: a project with an impact model that
  registers the indicator or one a formula links to it in the project registrations, active
  between the first and the last month of the treated series). The registrations are the
  report's indicator table (``DataContext.table``), not the municipalities' series: those keep
  a project's row only where no context row exists, so they cannot say which indicators a
  project registers. A project of the projects table that registers no row there (or when no
  registrations are given) cannot say which indicator it acts on: its municipalities are left
  out when it has an impact model and is active in the window, on the safe side (a donor that
  changes too hides the treated municipality's change);
- **the treated municipalities** themselves.

Months (enough data before and after the intervention) are checked where the panel is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache

import pandas as pd

from ...data import reference
from ...indicators.series import CONTEXT
from ..own_projects import own_projects, related_indicators

__all__ = ["municipality_names", "project_municipalities", "region_lookup"]

NAME_COLUMNS = ["nis_code", "name", "name_nl", "name_fr", "region"]


@cache
def _reference() -> pd.DataFrame:
    both = [reference.municipalities(g) for g in (2025, 2020)]
    ref = pd.concat(both, ignore_index=True).drop_duplicates("nis_code")
    # the name in the region's language (Brussels: French, as the plots write it in English)
    name = ref["name_fr"].where(ref["region"] != "Flanders", ref["name_nl"])
    return ref.assign(name=name)[NAME_COLUMNS].set_index("nis_code", drop=False)


def municipality_names(codes: Iterable[str]) -> pd.DataFrame:
    """``nis_code``, ``name`` (Dutch in Flanders, French elsewhere), ``name_nl``, ``name_fr``
    and ``region`` of ``codes`` from the reference (the code itself as name when unknown)."""
    codes = [str(c) for c in codes]
    out = _reference().reindex(codes).reset_index(drop=True)
    out["nis_code"] = codes
    for col in ("name", "name_nl", "name_fr"):
        out[col] = out[col].fillna(out["nis_code"])
    return out


def region_lookup(
    region_of: Mapping[str, str] | Callable[[str], str | None] | None = None,
) -> Callable[[str], str | None]:
    """A function NIS code -> region: ``region_of`` (a mapping or a function) or the reference's
    region (``Flanders``, ``Wallonia``, ``Brussels``; None for an unknown code)."""
    if region_of is None:
        regions = _reference()["region"].to_dict()
        return regions.get
    if callable(region_of):
        return region_of
    return lambda code: region_of.get(code)


def _codes(value: object) -> list[str]:
    if isinstance(value, str):
        return [c.strip() for c in value.replace(",", ";").split(";") if c.strip()]
    if isinstance(value, Iterable):
        return [str(c) for c in value]
    return []


def _own(rows: pd.DataFrame, projects: pd.DataFrame, indicator_id: str, window: tuple) -> set:
    """The NIS codes of :func:`own_projects` (none without rows)."""
    if rows.empty:
        return set()
    own = own_projects(rows, projects, indicator_id=indicator_id, window=window)
    return set(own["nis_code"].astype(str))


def project_municipalities(
    registrations: pd.DataFrame | None,
    projects: pd.DataFrame | None,
    *,
    indicator_id: str,
    window: tuple[pd.Timestamp, pd.Timestamp],
) -> set[str]:
    """Municipalities with a project of their own on ``indicator_id`` in ``window`` (see the
    module): from the project registrations (``project_id``, ``nis_code``, ``indicator_id``;
    context rows ignored) and the projects table (``project_id``, ``nis_codes``,
    ``start_date``, ``end_date``, ``impact_model``...)."""
    cols = ["project_id", "start_date", "intervention_date", "end_date", "impact_model"]
    known = projects if projects is not None else pd.DataFrame(columns=cols)
    rows = pd.DataFrame(columns=["project_id", "nis_code", "indicator_id"])
    every: set = set()  # the projects that register some row: their indicators are known
    if registrations is not None:
        related = related_indicators(indicator_id)
        rows = registrations.loc[registrations["indicator_id"].isin(related)]
        rows = rows.reindex(columns=["project_id", "nis_code", "indicator_id"]).drop_duplicates()
        rows = rows[rows["project_id"].notna() & (rows["project_id"] != CONTEXT)]
        every = set(registrations["project_id"].dropna().unique())
    found = _own(rows, known, indicator_id, window)
    if projects is None or projects.empty or "nis_codes" not in projects:
        return found
    silent = projects[~projects["project_id"].isin(every)]
    pairs = [
        (pid, code, indicator_id)
        for pid, codes in zip(silent["project_id"], silent["nis_codes"], strict=True)
        for code in _codes(codes)
    ]
    declared = pd.DataFrame(pairs, columns=["project_id", "nis_code", "indicator_id"])
    return found | _own(declared, silent, indicator_id, window)
