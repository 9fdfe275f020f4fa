"""The data a report uses, as one hash: its data version, and with the notebook, its parameters
and the kit, the batch's key of the report (:mod:`socprev_kit.batch.planning`).

A report is redone when, and only when, something it shows or computes from may have changed;
when unsure whether a report uses a part of the data, the part is in its hash (a report made
again for nothing costs seconds, a stale report is wrong). The hash of a report covers:

- **its own rows**: a municipality's registrations (every project's) and context rows; for
  each of its projects (those with registrations there or that name it: lead or member), and
  for a project's report the project itself, the **project's footprint**: its row of the
  projects table, its objectives, its registrations in all its municipalities, and for each of
  its comparison municipalities that municipality's registrations and context rows and the rows
  of the projects that run there (an ITS names comparisons with a project of their own). A
  project's report adds the context rows of its municipalities;
- **the disclosure pattern where it shows**: which cells are hidden among its projects' cells
  and its municipality's, so that a change elsewhere that hides or shows one of its cells (a
  secondary suppression) redoes it;
- **the shared aggregates it shows**: for each impact count it has rows of, the funnel's inputs
  (every municipality's rows and context rows of that indicator, and which of their cells are
  hidden);
- **what it says about the files**: the validation issues it lists (every issue of a file that
  holds its registrations, and those of its projects' and objectives' rows), and the files of
  its rows with their number of rows (the annex); the number of files read, the latest
  population year of the data and whether there is a projects table at all.

Rows are hashed by value: sorted per municipality or project with
:func:`pandas.util.hash_pandas_object`, once per data context, without the columns that say
where a row was read (file, sheet, row, column); a row that moved to another file with the same
values changes a report only through what the report shows of its files. Computing every
group's hash is one pass over the data; a report's hash is then a few look-ups.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .data_context import DataContext
from .evaluate import catalogue, disclosure_cells

__all__ = ["Parts", "data_version", "report_data_version", "report_inputs", "report_scope"]

#: Columns that say where a row was read, not what it says.
PROVENANCE = ("source_file", "source_sheet", "source_row", "source_column")
NONE = "-"


def group_digests(frame: pd.DataFrame, by: str, columns: Iterable[str] | None = None) -> dict:
    """``{group: sha256}`` of the rows of each value of ``frame[by]``, by value: the rows'
    :func:`~pandas.util.hash_pandas_object` sorted, so that their order does not count.

    >>> a = pd.DataFrame({"g": ["x", "x", "y"], "v": [1.0, 2.0, 3.0]})
    >>> group_digests(a, "g") == group_digests(a.iloc[[1, 2, 0]], "g")
    True
    >>> group_digests(a, "g")["x"] == group_digests(a.assign(v=[1.0, 2.5, 3.0]), "g")["x"]
    False
    """
    if frame.empty:
        return {}
    names = sorted(c for c in (columns or frame.columns) if c not in PROVENANCE)
    # object cells that are not text (tuples of NIS codes) are hashed as their text by pandas
    rows = pd.util.hash_pandas_object(frame[names], index=False).to_numpy()
    codes, groups = pd.factorize(frame[by].astype(str), sort=False)
    order = np.lexsort((rows, codes))
    codes, rows = codes[order], rows[order]
    bounds = np.flatnonzero(np.diff(codes)) + 1
    head = json.dumps(names).encode()
    out = {}
    for part_codes, part in zip(np.split(codes, bounds), np.split(rows, bounds), strict=True):
        if len(part):
            out[str(groups[part_codes[0]])] = hashlib.sha256(head + part.tobytes()).hexdigest()
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
    cell_columns = ["project_id", "nis_code", "count_id", "period", "hidden"]
    return Parts(
        regs_by_nis=group_digests(regs, "nis_code"),
        regs_by_project=group_digests(regs, "project_id"),
        context_by_nis=group_digests(context, "nis_code"),
        projects=group_digests(projects, "project_id"),
        objectives=group_digests(data.objectives, "project_id"),
        cells_by_project=group_digests(cells, "project_id", cell_columns),
        cells_by_nis=group_digests(cells, "nis_code", cell_columns),
        funnel=_funnel_inputs(ctx, cells, cell_columns),
        issues_by_file=group_digests(data.issues.dropna(subset=["file"]), "file"),
        issues_by_project=_issues_by_project(data),
        files_of=_files_of(regs),
        project_files=_project_files(data),
        file_rows=dict(zip(data.files.get("file", []), data.files.get("rows", []), strict=True)),
        indicators_by_nis=_indicators(regs, "nis_code"),
        indicators_by_project=_indicators(regs, "project_id"),
        context_indicators=_indicators(context, "nis_code"),
        **_membership(regs, projects),
        common=_common(ctx),
    )


def _funnel_inputs(ctx: DataContext, cells: pd.DataFrame, cell_columns: list[str]) -> dict:
    """Per impact count: every municipality's monthly rows and context rows of it, and which of
    their cells are hidden (a superset of what its funnel plot is made of)."""
    cat = catalogue()
    wanted = cat.index[
        (cat["type"] == "impact") & (cat["value_type"] == "count") & (cat["kind"] == "registered")
    ]
    table = ctx.table[ctx.table["indicator_id"].isin(wanted)]
    table = table[table["frequency"] == "month"]
    columns = ["project_id", "nis_code", "period", "value", "population"]
    parts = [
        group_digests(table, "indicator_id", columns),
        group_digests(ctx.data.context, "indicator_id"),
        group_digests(cells[cells["nis_code"] != "ALL"], "count_id", cell_columns),
    ]
    return {i: [p.get(i, NONE) for p in parts] for i in wanted}


def _issues_by_project(data) -> dict:  # noqa: ANN001 - a Dataset
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
    return group_digests(found, "project_id", list(issues.columns))


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


def report_scope(ctx: DataContext, kind: str, ident: str) -> tuple[list[str], list[str]]:
    """The projects and municipalities a report covers, sorted: for a municipality, the projects
    registered there or naming it (lead or member); for a project, its municipalities."""
    p = parts(ctx)
    if kind == "municipality":
        return sorted(p.projects_of.get(ident, ())), [ident]
    return [ident], sorted(p.members.get(ident, ()))


def data_version(ctx: DataContext, kind: str, ident: str) -> str:
    """The SHA-256 of the data the report of ``kind`` (``"municipality"`` or ``"project"``) and
    ``ident`` (NIS code or project id) uses; see the module docstring."""
    found = report_inputs(ctx, kind, ident)
    return hashlib.sha256(json.dumps(found, sort_keys=True).encode("utf-8")).hexdigest()


def report_inputs(ctx: DataContext, kind: str, ident: str) -> dict:
    """What :func:`data_version` hashes: the hash of each part of the data the report uses, by
    name (to see which part changed)."""
    p = parts(ctx)
    pids, codes = report_scope(ctx, kind, ident)
    found: dict[str, object] = {"common": p.common, "kind": kind, "id": ident}
    indicators = set().union(*(p.context_indicators.get(c, set()) for c in codes))
    indicators |= set().union(*(p.indicators_by_project.get(pid, set()) for pid in pids))
    if kind == "municipality":  # every registration of the municipality, whatever its project
        found["own"] = _get(p.regs_by_nis, ident)
        found["cells"] = _get(p.cells_by_nis, ident)
        indicators |= p.indicators_by_nis.get(ident, set())
    found["context"] = _pick(p.context_by_nis, codes)
    found["projects"] = {pid: _footprint(p, pid) for pid in pids}
    found["funnels"] = {i: p.funnel[i] for i in sorted(indicators) if i in p.funnel}
    files = set().union(*(p.files_of.get((pid, c), set()) for pid in pids for c in codes))
    found["issues"] = [_pick(p.issues_by_file, files), _pick(p.issues_by_project, pids)]
    files |= set().union(*(p.project_files.get(pid, set()) for pid in pids))
    found["files"] = sorted((f, int(p.file_rows.get(f, -1))) for f in files)
    return found


def _footprint(p: Parts, pid: str) -> dict:
    """A project's own rows, and its comparison municipalities' rows and projects."""
    comparisons = p.comparisons.get(pid, ())
    there = sorted(set().union(*(p.projects_of.get(c, set()) for c in comparisons)))
    return {
        "row": _get(p.projects, pid),
        "objectives": _get(p.objectives, pid),
        "registrations": _get(p.regs_by_project, pid),
        "cells": _get(p.cells_by_project, pid),
        "comparisons": {
            "registrations": _pick(p.regs_by_nis, comparisons),
            "context": _pick(p.context_by_nis, comparisons),
            "projects": _pick(p.projects, there),
        },
    }


def _get(digests: Mapping, key: str) -> str:
    return digests.get(key, NONE)


def _pick(digests: Mapping, keys: Iterable[str]) -> dict:
    return {k: digests.get(k, NONE) for k in sorted(keys)}


def report_data_version(report) -> str:  # noqa: ANN001 - a Report (imported by report.py)
    """:func:`data_version` of a report (once per report): what it shows as its data version."""
    return report.memo("data_version", lambda: data_version(report.ctx, report.kind, report.id))
