"""The checks of the projects and objectives tables, and of registrations against projects.

A project names its municipalities, its dates and its code-list values; a registration must
belong to a known project, to one of its municipalities and, for process and output indicators,
to its running time. Helpers and conventions as in :mod:`socprev_kit.validation.marking` and
:mod:`socprev_kit.validation.categories`.
"""

from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from ..data import parsing, reference
from ..data.catalogue import code_labels
from ..data.contract import column_names
from .categories import as_categorical, indicator_info, per_row, plain_columns
from .marking import checked_rows, reject_key, usable_rows
from .municipality_checks import check_municipalities


def _without_repeats(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """``table`` without the usable rows that repeat an earlier one in every column of the
    contract: the same project or objective sent again (each yearly registration workbook
    carries its project sheet). The first stays, with its file and row; rows that differ in
    anything are kept, so that a real conflict is reported as a duplicate id."""
    columns = [c for c in column_names(name) if c in table]
    live = usable_rows(table)
    repeat = table[live].duplicated(columns, keep="first").reindex(table.index, fill_value=False)
    return table[~repeat]


def check_projects(projects: pd.DataFrame, issues) -> pd.DataFrame:
    """Codes from the code lists, known municipalities, dates in order, unique ids."""
    p = _without_repeats(plain_columns(projects), "projects")
    live = usable_rows(p)
    for column, codes in [
        ("project_types", "project_type"),
        ("phenomenon", "phenomenon"),
        ("evaluation_design", "evaluation_design"),
        ("impact_model", "impact_model"),
    ]:
        valid = set(code_labels(codes, "en"))
        values = p[column].map(lambda x: x if isinstance(x, tuple) else (x,) if x else ())
        bad = values.map(lambda xs, ok=valid: [x for x in xs if x not in ok and x == x])
        has_bad = bad.map(bool) & live
        issues.add(
            "bad_code",
            p[has_bad],
            column=column,
            value=bad[has_bad].map(", ".join),
            hint=", ".join(sorted(valid)),
        )
        p.loc[has_bad, "_bad"] = True
    p = check_municipalities(p.assign(municipality=None), issues, column="lead_nis_code")
    current = reference.current_nis_code_map()
    known = reference.known_nis_codes("any")
    p["nis_codes"] = [
        tuple(dict.fromkeys([lead, *(current.get(c, c) for c in codes)]))
        if isinstance(lead, str)
        else ()
        for lead, codes in zip(p["lead_nis_code"], p["nis_codes"], strict=True)
    ]
    p["comparison_nis_codes"] = p["comparison_nis_codes"].map(
        lambda cs: (
            tuple(dict.fromkeys(current.get(c, c) for c in cs)) if isinstance(cs, tuple) else ()
        )
    )
    for column in ("nis_codes", "comparison_nis_codes"):
        strange = p[column].map(lambda cs: ", ".join(c for c in cs if c not in known))
        has_strange = (strange != "") & usable_rows(p)
        issues.add("unknown_nis", p[has_strange], column=column, value=strange, hint="")
        p.loc[has_strange, "_bad"] = True
    start, end, inter = p["start_date"], p["end_date"], p["intervention_date"]
    wrong = (end.notna() & (end < start)) | (
        inter.notna() & ((inter < start) | (end.notna() & (inter > end)))
    )
    wrong &= usable_rows(p)
    fmt = lambda s: s.dt.strftime("%d/%m/%Y").fillna("…")  # noqa: E731
    issues.add(
        "bad_project_dates",
        p[wrong],
        column="start_date",
        value=p["project_id"],
        hint=fmt(start) + " – " + fmt(inter) + " – " + fmt(end),
    )
    p.loc[wrong, "_bad"] = True
    dup = p["project_id"].notna() & p["project_id"].duplicated(keep=False) & usable_rows(p)
    issues.add(
        "duplicate_id",
        p[dup],
        column="project_id",
        value=p["project_id"],
        hint=p["source_row"].astype(str),
    )
    p.loc[dup, "_bad"] = True
    return p.drop(columns=["municipality", "nis_code_registered"], errors="ignore")


def check_against_projects(
    regs: pd.DataFrame, projects: pd.DataFrame, cat: pd.DataFrame, issues
) -> pd.DataFrame:
    """Known project, participating municipality, process/output inside the project's dates.

    Rows already unusable for their value are not reported again, but they too are marked as
    rejected for their key (``_key_bad``), so that they make no series in
    :func:`~socprev_kit.validation.registration_checks.check_completeness`.
    """
    proj = projects.drop_duplicates("project_id").set_index("project_id")
    pid = as_categorical(regs["project_id"])
    pids = pd.Series(pid.cat.categories.to_numpy(dtype=object), dtype=object)
    checked = checked_rows(regs) & pid.notna()
    unknown = per_row(~pids.isin(proj.index).to_numpy(), pid, False) & checked
    typos = pid[unknown].astype("object")
    close = {v: _close_hint(str(v), sorted(proj.index)) for v in typos.unique()}
    where = {"column": "project_id", "value": regs["project_id"], "hint": typos.map(close)}
    reject_key(regs, unknown, issues, "unknown_project", **where)
    outside = ~_members(pid, as_categorical(regs["nis_code"]), pids, proj) & checked & ~unknown
    where = {"column": "nis_code", "value": regs["nis_code"], "hint": regs["project_id"]}
    reject_key(regs, outside, issues, "nis_not_in_project", **where)
    info = indicator_info(regs["indicator_id"], cat, ["type"])
    during = info["type"].isin(["process", "output"]) & checked & ~unknown & ~outside
    start = pd.to_datetime(per_row(pids.map(proj["start_date"]).to_numpy(), pid, pd.NaT))
    end = pd.to_datetime(per_row(pids.map(proj["end_date"]).to_numpy(), pid, pd.NaT))
    period = as_categorical(regs["period"])
    labels = pd.Series(period.cat.categories.to_numpy(dtype=object), dtype=object)
    p_start = pd.to_datetime(per_row(parsing.period_start(labels).to_numpy(), period, pd.NaT))
    p_end = pd.to_datetime(per_row(parsing.period_end(labels).to_numpy(), period, pd.NaT))
    off = during & ((start > p_end) | (end < p_start))
    span = _month_text(start[off]) + " – " + _month_text(end[off])
    where = {"column": "period", "value": regs["period"], "hint": span}
    reject_key(regs, off, issues, "outside_project_period", **where)
    return regs


def _close_hint(typed: str, ids: list[str]) -> str:
    match = difflib.get_close_matches(typed, ids, n=1)
    return f" → {match[0]}?" if match else ""


def _members(pid: pd.Series, nis: pd.Series, pids: pd.Series, proj: pd.DataFrame) -> pd.Series:
    """True where the row's municipality takes part in its project.

    Membership is a (project × municipality) table of the categories: no row-by-row work.
    """
    nis_cats = pd.Index(nis.cat.categories.to_numpy(dtype=object))
    allowed = np.zeros((len(pids) + 1, len(nis_cats) + 1), dtype=bool)
    position = {n: j for j, n in enumerate(nis_cats)}
    members = proj["nis_codes"].to_dict()
    for i, p in enumerate(pids):
        cols = [position[n] for n in members.get(p, ()) if n in position]
        allowed[i, cols] = True
    return pd.Series(allowed[pid.cat.codes.to_numpy(), nis.cat.codes.to_numpy()], index=pid.index)


def _month_text(days: pd.Series) -> pd.Series:
    return days.dt.strftime("%m/%Y").fillna("…")


def check_objectives(
    obj: pd.DataFrame, projects: pd.DataFrame, cat: pd.DataFrame, issues
) -> pd.DataFrame:
    """Known level, indicator and project; unique objective ids within a project."""
    o = _without_repeats(plain_columns(obj), "objectives")
    live = usable_rows(o)
    levels = set(code_labels("objective_level", "en"))
    bad_level = o["level"].notna() & ~o["level"].isin(levels) & live
    issues.add(
        "bad_code",
        o[bad_level],
        column="level",
        value=o["level"],
        hint=", ".join(sorted(levels)),
    )
    unknown = o["indicator_id"].notna() & ~o["indicator_id"].isin(set(cat["indicator_id"])) & live
    issues.add(
        "unknown_indicator",
        o[unknown],
        column="indicator_id",
        value=o["indicator_id"],
        hint="",
    )
    o.loc[bad_level | unknown, "_bad"] = True
    if len(projects):
        orphan = o["project_id"].notna() & ~o["project_id"].isin(projects["project_id"])
        orphan &= usable_rows(o)
        issues.add(
            "unknown_project",
            o[orphan],
            column="project_id",
            value=o["project_id"],
            hint="",
        )
        o.loc[orphan, "_bad"] = True
    dup = o.duplicated(["project_id", "objective_id"], keep=False) & o["objective_id"].notna()
    dup &= usable_rows(o)
    issues.add(
        "duplicate_id",
        o[dup],
        column="objective_id",
        value=o["objective_id"],
        hint=o["project_id"],
    )
    o.loc[dup, "_bad"] = True
    return o
