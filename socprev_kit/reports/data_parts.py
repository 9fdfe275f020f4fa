"""Every municipality's and project's share of a data set, hashed by value once per data context
(:class:`Parts`), from which :mod:`socprev_kit.reports.fingerprint` makes each report's data
version with a few look-ups.

Rows are hashed with :func:`pandas.util.hash_pandas_object` (:func:`row_hashes`), and a group's
hashes sorted before they are hashed together (:func:`group_digests`), so that the order of the
rows, and the file, sheet, row and column they were read from, do not count; a file's name is
hashed as the reports show it, relative to the data folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .data_context import DataContext
from .evaluate import catalogue, disclosure_cells

__all__ = ["NONE", "PROVENANCE", "Parts", "group_digests", "parts", "row_hashes"]

#: Columns that say where a row was read, not what it says.
PROVENANCE = ("source_file", "source_sheet", "source_row", "source_column")
NONE = "-"


def row_hashes(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> np.ndarray:
    """One 64-bit hash per row of ``frame``'s ``columns`` (all but :data:`PROVENANCE` when
    None), by value; object cells that are not text (tuples of NIS codes) count as their text."""
    names = sorted(c for c in (columns or frame.columns) if c not in PROVENANCE)
    rows = pd.util.hash_pandas_object(frame[names], index=False).to_numpy()
    # the column names count too: the same values under other names are other data
    return rows ^ np.uint64(int(hashlib.sha256(json.dumps(names).encode()).hexdigest()[:15], 16))


def group_digests(
    frame: pd.DataFrame, by: str, columns: Iterable[str] | None = None, rows: np.ndarray = None
) -> dict:
    """``{group: sha256}`` of the rows of each value of ``frame[by]``, by value: their
    :func:`row_hashes` (or ``rows``, computed once for several groupings) sorted, so that their
    order does not count.

    >>> a = pd.DataFrame({"g": ["x", "x", "y"], "v": [1.0, 2.0, 3.0]})
    >>> group_digests(a, "g") == group_digests(a.iloc[[1, 2, 0]], "g")
    True
    >>> group_digests(a, "g")["x"] == group_digests(a.assign(v=[1.0, 2.5, 3.0]), "g")["x"]
    False
    """
    if frame.empty:
        return {}
    rows = row_hashes(frame, columns) if rows is None else rows
    codes, groups = pd.factorize(frame[by].astype(str), sort=False)
    order = np.lexsort((rows, codes))
    codes, rows = codes[order], rows[order]
    bounds = np.flatnonzero(np.diff(codes)) + 1
    out = {}
    for part_codes, part in zip(np.split(codes, bounds), np.split(rows, bounds), strict=True):
        if len(part):
            out[str(groups[part_codes[0]])] = hashlib.sha256(part.tobytes()).hexdigest()
    return out


def _codes(value: object) -> tuple[str, ...]:
    """NIS codes of a cell of the projects table (a tuple, or nothing)."""
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(str(v) for v in value)
    return (str(value),) if isinstance(value, str) and value else ()


@dataclass(frozen=True)
class Parts:
    """Every group's hash and the look-ups a report's scope needs, once per data context."""

    regs_by_nis: dict
    regs_by_project: dict
    context_by_nis: dict
    projects: dict
    objectives: dict
    cells_by_project: dict
    cells_by_nis: dict
    funnel: dict
    issues_by_file: dict
    issues_by_project: dict
    #: ``{(project_id, nis_code): files}`` of the registrations; files of the projects' rows.
    files_of: dict
    project_files: dict
    file_rows: dict
    #: each data file's name as the reports show it, relative to the data folder
    file_names: dict
    #: indicator ids with rows: registrations per municipality and project, context rows.
    indicators_by_nis: dict
    indicators_by_project: dict
    context_indicators: dict
    #: projects per municipality (registered there, lead or named), members, comparisons.
    projects_of: dict
    members: dict
    comparisons: dict
    common: str


def parts(ctx: DataContext) -> Parts:
    """:class:`Parts` of the data context (computed once, kept in its memo)."""
    return ctx.memo("fingerprint_parts", lambda: _parts(ctx))


def _parts(ctx: DataContext) -> Parts:
    data = ctx.data
    regs, context, projects = data.registrations, data.context, data.projects
    cells = disclosure_cells(ctx)
    cell_rows = row_hashes(cells, ["project_id", "nis_code", "count_id", "period", "hidden"])
    reg_rows = row_hashes(regs)
    names = _file_names(ctx)
    issues = data.issues.dropna(subset=["file"])
    return Parts(
        regs_by_nis=group_digests(regs, "nis_code", rows=reg_rows),
        regs_by_project=group_digests(regs, "project_id", rows=reg_rows),
        context_by_nis=group_digests(context, "nis_code"),
        projects=group_digests(projects, "project_id"),
        objectives=group_digests(data.objectives, "project_id"),
        cells_by_project=group_digests(cells, "project_id", rows=cell_rows),
        cells_by_nis=group_digests(cells, "nis_code", rows=cell_rows),
        funnel=_funnel_inputs(ctx, cells, cell_rows),
        issues_by_file=group_digests(issues, "file", rows=row_hashes(_relative(issues, names))),
        issues_by_project=_issues_by_project(data, names),
        file_names=names,
        files_of=_files_of(regs),
        project_files=_project_files(data),
        file_rows=dict(zip(data.files.get("file", []), data.files.get("rows", []), strict=True)),
        indicators_by_nis=_indicators(regs, "nis_code"),
        indicators_by_project=_indicators(regs, "project_id"),
        context_indicators=_indicators(context, "nis_code"),
        **_membership(regs, projects),
        common=_common(ctx),
    )


def _funnel_inputs(ctx: DataContext, cells: pd.DataFrame, cell_rows: np.ndarray) -> dict:
    """Per impact count: every municipality's monthly rows and context rows of it, and which of
    their cells are hidden (a superset of what its funnel plot is made of)."""
    cat = catalogue()
    wanted = cat.index[
        (cat["type"] == "impact") & (cat["value_type"] == "count") & (cat["kind"] == "registered")
    ]
    table = ctx.table[ctx.table["indicator_id"].isin(wanted)]
    table = table[table["frequency"] == "month"]
    columns = ["project_id", "nis_code", "period", "value", "population"]
    municipal = cells["nis_code"] != "ALL"
    parts = [
        group_digests(table, "indicator_id", columns),
        group_digests(ctx.data.context, "indicator_id"),
        group_digests(cells[municipal], "count_id", rows=cell_rows[municipal.to_numpy()]),
    ]
    return {i: [p.get(i, NONE) for p in parts] for i in wanted}


def _file_names(ctx: DataContext) -> dict:
    """Every data file's name as reports show it (:meth:`DataContext.relative`): what is hashed,
    so that a data version does not depend on where the data folder is."""
    data = ctx.data
    files = set(data.files.get("file", pd.Series(dtype=str)).astype(str))
    files |= set(data.issues["file"].dropna().astype(str))
    for frame in (data.registrations, data.projects, data.objectives, data.context):
        files |= set(frame["source_file"].dropna().astype(str).unique())
    return {f: ctx.relative(f) for f in files}


def _relative(issues: pd.DataFrame, names: dict) -> pd.DataFrame:
    return issues.assign(file=issues["file"].astype(str).map(names))


def _issues_by_project(data, names: dict) -> dict:  # noqa: ANN001 - a Dataset
    """Per project, the issues of its rows in the projects and objectives tables."""
    rows = pd.concat([data.projects, data.objectives])
    if rows.empty or data.issues.empty:
        return {}
    keys = pd.DataFrame(
        {
            "file": rows["source_file"].astype(str),
            "sheet": rows["source_sheet"].fillna("").astype(str),
            "row": rows["source_row"].astype(int),
            "project_id": rows["project_id"].astype(str),
        }
    ).drop_duplicates()
    issues = data.issues.assign(
        file=data.issues["file"].astype(str),
        sheet=data.issues["sheet"].fillna("").astype(str),
        row=data.issues["row"].astype("Int64").fillna(-1).astype(int),
    )
    found = issues.merge(keys, on=["file", "sheet", "row"])
    return group_digests(
        found, "project_id", rows=row_hashes(_relative(found, names), list(issues.columns))
    )


def _files_of(regs: pd.DataFrame) -> dict:
    pairs = regs[["project_id", "nis_code", "source_file"]].astype(str).drop_duplicates()
    out: dict = {}
    for pid, nis, file in pairs.itertuples(index=False):
        out.setdefault((pid, nis), set()).add(file)
    return out


def _project_files(data) -> dict:  # noqa: ANN001 - a Dataset
    out: dict = {}
    for frame in (data.projects, data.objectives):
        for pid, file in zip(frame["project_id"], frame["source_file"], strict=True):
            out.setdefault(str(pid), set()).add(str(file))
    return out


def _indicators(frame: pd.DataFrame, by: str) -> dict:
    pairs = frame[[by, "indicator_id"]].dropna().astype(str).drop_duplicates()
    return {str(k): set(v) for k, v in pairs.groupby(by)["indicator_id"]}


def _membership(regs: pd.DataFrame, projects: pd.DataFrame) -> dict:
    """Which projects concern each municipality, each project's municipalities (declared, lead
    and registered) and its comparison municipalities."""
    pairs = regs[["project_id", "nis_code"]].dropna().astype(str).drop_duplicates()
    members: dict = {}
    for pid, nis in pairs.itertuples(index=False):
        members.setdefault(pid, set()).add(nis)
    comparisons = {}
    for row in projects.itertuples(index=False):
        pid = str(row.project_id)
        declared = _codes(row.nis_codes) + _codes(getattr(row, "lead_nis_code", None))
        members.setdefault(pid, set()).update(declared)
        comparisons[pid] = tuple(sorted(set(_codes(getattr(row, "comparison_nis_codes", None)))))
    projects_of: dict = {}
    for pid, codes in members.items():
        for nis in codes:
            projects_of.setdefault(nis, set()).add(pid)
    return {"projects_of": projects_of, "members": members, "comparisons": comparisons}


def _common(ctx: DataContext) -> str:
    """What every report says of the whole data set: the number of files, the latest population
    year, whether there is a projects table."""
    years = ctx.table["population_year"].dropna()
    facts = [len(ctx.data.files), int(years.max()) if len(years) else None]
    return json.dumps([*facts, ctx.data.projects.empty])
