"""Every check in its order: the checks compare parsed rows with the reference, the catalogue and
each other.

Each check takes parsed tables (from :func:`socprev_kit.validation.dataset.validate`), adds issues,
and marks rows that cannot be used in the ``_bad`` column (:mod:`socprev_kit.validation.marking`).
:func:`run_all` runs them in order and returns the usable rows only, without the helper columns.
The checks themselves are in :mod:`~socprev_kit.validation.municipality_checks`,
:mod:`~socprev_kit.validation.registration_checks`,
:mod:`~socprev_kit.validation.project_checks` and :mod:`~socprev_kit.validation.context_checks`.
"""

from __future__ import annotations

import pandas as pd

from ..data.contract import PROVENANCE, column_names
from .categories import plain_columns
from .context_checks import check_context
from .marking import checked_rows
from .municipality_checks import check_municipalities
from .project_checks import check_against_projects, check_objectives, check_projects
from .registration_checks import (
    check_completeness,
    check_duplicates,
    check_indicators,
    check_numerators,
    check_values,
)


def run_all(parsed: dict[str, pd.DataFrame], cat: pd.DataFrame, issues) -> dict[str, pd.DataFrame]:
    """Run every check; return usable rows of each table without helper columns."""
    regs, projects, objectives = parsed["registrations"], parsed["projects"], parsed["objectives"]
    projects = check_projects(projects, issues)
    regs = check_municipalities(regs, issues)
    regs = check_indicators(regs, cat, issues)
    regs = check_values(regs, cat, issues)
    regs = check_duplicates(regs, issues)
    good_projects = projects[~projects["_bad"]]
    if len(good_projects):
        regs = check_against_projects(regs, good_projects, cat, issues)
    elif len(regs):  # a projects table whose rows are all unusable is not a missing one
        check = "no_projects" if projects.empty else "no_usable_projects"
        issues.add(check, regs.head(1).assign(source_row=None))
    regs = check_numerators(regs, cat, issues)
    # a month registered with a wrong value is reported as such, not as missing as well; a row
    # rejected for its key (municipality, indicator, project, period) stands for no month
    keys = regs[["project_id", "nis_code", "period", "indicator_id"]].notna().all(axis=1)
    keys &= checked_rows(regs)
    if "_key_bad" in regs:
        keys &= ~regs["_key_bad"]
    check_completeness(regs[keys], good_projects, cat, issues)
    objectives = check_objectives(objectives, good_projects, cat, issues)
    context = check_context(parsed["context"], cat, issues)
    tables = {
        "registrations": regs,
        "projects": projects,
        "objectives": objectives,
        "context": context,
    }
    out = {}
    for name, t in tables.items():
        keep = [c for c in [*column_names(name), "nis_code_registered", *PROVENANCE] if c in t]
        out[name] = plain_columns(t.loc[~t["_bad"].astype(bool), keep].reset_index(drop=True))
    return out
