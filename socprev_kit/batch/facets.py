"""What the index filters and searches a report by: its province, region, project types, the
municipalities and projects it covers.

Computed once per run for every report of the plan (:func:`report_facets`) and kept in the
report's record (:mod:`.store`), so that the index of a later run still has them for a report
this run did not make (:mod:`.listing`). Plain lists of codes and reference names, no data cell:
the record of a report holds nothing its page does not show.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported when facets are made, not with the batch
    import pandas as pd

__all__ = ["municipality_facets", "report_facets"]


def _codes(value: object) -> list[str]:
    import pandas as pd

    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return []
    items = value if isinstance(value, list | tuple) else [value]
    return [str(v) for v in items if v is not None and str(v) not in ("", "nan", "<NA>")]


def _places(table: pd.DataFrame, codes: Iterable[str]) -> dict[str, list[str]]:
    """The provinces and regions of ``codes`` (the reference's names, Dutch for provinces,
    English for regions; Brussels has no province), sorted, each once."""
    rows = table.reindex(sorted(set(codes)))
    province = sorted({p for p in rows["province"].dropna() if p})
    region = sorted({r for r in rows["region"].dropna() if r})
    return {"province": province, "region": region}


def municipality_facets(nis_code: str, geography: int = 2025) -> dict:
    """The facets of a municipality's report from the reference alone (no project known): for
    a record a run older than the facets wrote."""
    from ..data.reference import municipalities

    table = municipalities(geography).set_index("nis_code")
    return {**_places(table, [nis_code]), "project_types": [], "projects": [],
            "nis_codes": [nis_code]}  # fmt: skip


def report_facets(dataset: object, items: Iterable[tuple[str, str]]) -> dict[tuple, dict]:
    """``{(kind, id): facets}`` for the ``(kind, id)`` reports of a plan.

    A municipality: its province and region, the projects it takes part in (declared, led, or
    with its registrations) and their types. A project: its types, its municipalities (lead,
    declared, with registrations) and their provinces and regions.
    """
    from ..data.reference import municipalities

    table = municipalities(getattr(dataset, "geography", 2025)).set_index("nis_code")
    projects = dataset.projects
    regs = dataset.registrations
    members: dict[str, set[str]] = {}
    types: dict[str, list[str]] = {}
    for p in projects.itertuples(index=False):
        pid = str(p.project_id)
        members[pid] = {*_codes(getattr(p, "lead_nis_code", None)), *_codes(p.nis_codes)}
        types[pid] = _codes(getattr(p, "project_types", None))
    if len(regs) and "project_id" in regs:
        pairs = regs[["project_id", "nis_code"]].dropna().astype(str).drop_duplicates()
        for pid, nis in pairs.itertuples(index=False):
            members.setdefault(pid, set()).add(nis)
    taking_part: dict[str, set[str]] = {}
    for pid, codes in members.items():
        for nis in codes:
            taking_part.setdefault(nis, set()).add(pid)
    out = {}
    for kind, ident in items:
        if kind == "project":
            codes = sorted(members.get(ident, ()))
            out[kind, ident] = {**_places(table, codes), "project_types": types.get(ident, []),
                                "projects": [ident], "nis_codes": codes}  # fmt: skip
        else:
            pids = sorted(taking_part.get(ident, ()))
            kinds = sorted({t for pid in pids for t in types.get(pid, [])})
            out[kind, ident] = {**_places(table, [ident]), "project_types": kinds,
                                "projects": pids, "nis_codes": [ident]}  # fmt: skip
    return out
