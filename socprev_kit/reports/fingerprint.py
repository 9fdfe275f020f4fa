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
:func:`pandas.util.hash_pandas_object`, once per data context (:mod:`.data_parts`), without the
columns that say where a row was read (file, sheet, row, column); a row that moved to another
file with the same values changes a report only through what the report shows of its files.
Computing every group's hash is one pass over the data; a report's hash is then a few look-ups.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

from .data_context import DataContext
from .data_parts import NONE, Parts, parts

__all__ = ["data_version", "report_data_version", "report_inputs", "report_scope"]


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
    by_file = {p.file_names.get(f, f): p.issues_by_file.get(f, NONE) for f in files}
    found["issues"] = [by_file, _pick(p.issues_by_project, pids)]
    files |= set().union(*(p.project_files.get(pid, set()) for pid in pids))
    found["files"] = sorted((p.file_names.get(f, f), int(p.file_rows.get(f, -1))) for f in files)
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
