"""What a registration workbook holds: its projects, municipalities and indicator rows.

Pure: takes the validated tables and the catalogue, returns plain records for the writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ...common.errors import InputError
from ...data.catalogue import POPULATION, formula_terms


@dataclass(frozen=True)
class Line:
    """One row of the registration sheet: one indicator of one project in one municipality."""

    project_id: str
    nis_code: str
    municipality: str
    indicator: dict  # the catalogue row
    terms: tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]] = ((), ())

    @property
    def derived(self) -> bool:
        return self.indicator["kind"] == "derived"


@dataclass
class Plan:
    """The projects, objectives and rows of one workbook."""

    projects: pd.DataFrame
    objectives: pd.DataFrame
    lines: list[Line] = field(default_factory=list)
    what: str = ""  # the project or municipality, for titles and the footer


def choose_projects(
    projects: pd.DataFrame, project_id: str | None, nis_code: str | None, source: str
) -> tuple[pd.DataFrame, dict[str, tuple[str, ...]]]:
    """The projects of the workbook and, per project, the municipalities to register for.

    Raises :class:`~socprev_kit.common.errors.InputError` naming an unknown project, or a
    municipality without a project in the data.
    """
    if project_id is not None:
        chosen = projects[projects["project_id"] == project_id]
        if chosen.empty:
            known = ", ".join(sorted(projects["project_id"].astype(str)))
            raise InputError(
                f"Unknown project {project_id!r} in {source} / onbekend project / projet "
                f"inconnu. Known projects: {known or '(none)'}.",
                source,
            )
        return chosen, {project_id: tuple(chosen.iloc[0]["nis_codes"])}
    chosen = projects[projects["nis_codes"].map(lambda cs: nis_code in cs)]
    if chosen.empty:
        raise InputError(
            f"No project for municipality {nis_code} in {source} / geen project voor deze "
            "gemeente / aucun projet pour cette commune. Add the project to the projects "
            "table, or give --project.",
            source,
        )
    return chosen, {pid: (nis_code,) for pid in chosen["project_id"]}


def indicator_ids(
    project_id: str, objectives: pd.DataFrame, registered: set[str], cat: pd.DataFrame
) -> list[str]:
    """Registered indicators of one project, in catalogue order: those of its objectives, the
    terms of its derived objective indicators, and ``registered`` (those it already registers);
    if none, the catalogue's monthly registered process and output indicators."""
    rows = cat.set_index("indicator_id")
    wanted = set(registered)
    for ind in objectives.loc[objectives["project_id"] == project_id, "indicator_id"]:
        if ind not in rows.index:
            continue
        if rows.at[ind, "kind"] == "registered":
            wanted.add(ind)
        else:
            wanted |= _terms(rows, ind)
    wanted = {i for i in wanted if i in rows.index and rows.at[i, "kind"] == "registered"}
    if not wanted:
        basic = (cat["kind"] == "registered") & (cat["frequency"] == "month")
        wanted = set(cat.loc[basic & cat["type"].isin(["process", "output"]), "indicator_id"])
    return [i for i in cat["indicator_id"] if i in wanted]


def _terms(rows: pd.DataFrame, ind: str) -> set[str]:
    parts = [rows.at[ind, "numerator"], rows.at[ind, "denominator"]]
    return {t for p in parts for _, t in formula_terms(p) if t != POPULATION}


def with_derived(ids: list[str], cat: pd.DataFrame) -> list[tuple[str, tuple, tuple]]:
    """``ids`` with the derived indicators computable from them, in catalogue order:
    ``(id, numerator terms, denominator terms)`` (no terms for a registered one). Rates per
    inhabitant are left out: the population is not in the sheet."""
    have = set(ids)
    out = []
    for r in cat.itertuples(index=False):
        if r.indicator_id in have:
            out.append((r.indicator_id, (), ()))
        elif r.kind == "derived" and r.denominator != POPULATION:
            num, den = formula_terms(r.numerator), formula_terms(r.denominator)
            if all(t in have for _, t in num + den):
                out.append((r.indicator_id, tuple(num), tuple(den)))
    return out


def make_plan(
    data,  # noqa: ANN001 - a Dataset
    cat: pd.DataFrame,
    names: dict[str, str],
    *,
    project_id: str | None,
    nis_code: str | None,
    source: str,
) -> Plan:
    """The workbook's projects, objectives and rows; ``names`` maps NIS codes to names."""
    projects, where = choose_projects(data.projects, project_id, nis_code, source)
    objectives = data.objectives[data.objectives["project_id"].isin(where)]
    regs = data.registrations
    by_id = {r["indicator_id"]: r for r in cat.to_dict("records")}
    lines = []
    for pid, codes in where.items():
        done = set(regs.loc[regs["project_id"] == pid, "indicator_id"].astype(str))
        ids = indicator_ids(pid, objectives, done, cat)
        for nis in codes:
            for ind, num, den in with_derived(ids, cat):
                lines.append(Line(pid, nis, names.get(nis, ""), by_id[ind], (num, den)))
    what = (
        f"{projects.iloc[0]['name']} ({project_id})"
        if project_id is not None
        else f"{names.get(nis_code, '')} ({nis_code})"
    )
    return Plan(projects.reset_index(drop=True), objectives.reset_index(drop=True), lines, what)
