"""The checks that compare parsed rows with the reference, the catalogue and each other.

Each check takes parsed tables (from :func:`socprev_kit.validation.validate`), adds issues, and
marks rows that cannot be used in the ``_bad`` column. :func:`run_all` runs them in order and returns
the usable rows only, without the helper columns.
"""

from __future__ import annotations

import difflib

import pandas as pd

from . import parsing, reference
from .catalogue import code_labels, formula_terms
from .contract import PROVENANCE, column_names

_HELPERS = ["_bad", "_shown"]


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
    elif len(regs):
        issues.add("no_projects", regs.head(1).assign(source_row=None))
    regs = check_numerators(regs, cat, issues)
    # a month registered with a wrong value is reported as such, not as missing as well
    keys = regs[["project_id", "nis_code", "period", "indicator_id"]].notna().all(axis=1)
    check_completeness(regs[keys & _checked(regs)], good_projects, cat, issues)
    objectives = check_objectives(objectives, good_projects, cat, issues)
    tables = {"registrations": regs, "projects": projects, "objectives": objectives}
    out = {}
    for name, t in tables.items():
        keep = [c for c in [*column_names(name), "nis_code_registered", *PROVENANCE] if c in t]
        out[name] = t.loc[~t["_bad"].astype(bool), keep].reset_index(drop=True)
    return out


def _shown(frame: pd.DataFrame, column: str) -> pd.Series:
    """The header of ``column`` as written in each row's file."""
    if "_shown" not in frame:
        return pd.Series(column, index=frame.index)
    return frame["_shown"].map(lambda h: h.get(column, column) if isinstance(h, dict) else column)


def _live(frame: pd.DataFrame) -> pd.Series:
    """Rows still usable: the checks that compare rows look at these only."""
    return ~frame["_bad"].astype(bool)


def _checked(frame: pd.DataFrame) -> pd.Series:
    """Rows whose cells are checked on their own (all but totals rows and unusable sheets)."""
    return ~frame["_skip"].astype(bool) if "_skip" in frame else _live(frame)


# --- municipalities ------------------------------------------------------------------------------


def check_municipalities(regs: pd.DataFrame, issues, column: str = "nis_code") -> pd.DataFrame:
    """Names to codes, unknown codes (with a suggestion), old codes mapped to current ones."""
    regs = regs.copy()
    live = _checked(regs)
    names = regs["municipality"] if "municipality" in regs else pd.Series(None, index=regs.index)
    by_name = reference.names_to_nis(names.astype("object"))
    codes = regs[column].astype("object")
    fill = codes.isna() & by_name.notna() & live
    codes = codes.where(~fill, by_name)
    no_name = codes.isna() & names.notna() & live
    issues.add(
        "unknown_municipality",
        regs[no_name],
        column=_shown(regs, "municipality"),
        value=names,
        hint=names[no_name].map(_name_hint),
    )
    regs.loc[no_name, "_bad"] = True
    known = reference.known_nis_codes("any")
    unknown = codes.notna() & ~codes.isin(known) & live
    issues.add(
        "unknown_nis",
        regs[unknown],
        column=_shown(regs, column),
        value=codes,
        hint=codes[unknown].map(_code_hint),
    )
    regs.loc[unknown, "_bad"] = True
    current = reference.to_current_nis(codes)
    moved = codes.notna() & (current != codes) & live
    if moved.any():
        first = regs[moved].assign(_old=codes[moved], _new=current[moved])
        first = first.drop_duplicates(["source_file", "source_sheet", "_old"])
        muni = reference.municipalities(2025).set_index("nis_code")["name_nl"]
        issues.add(
            "merged_nis",
            first,
            column=_shown(first, column),
            value=first["_old"],
            hint=first["_new"].map(lambda c: f"{muni.get(c, '?')} ({c})"),
        )
    mismatch = by_name.notna() & codes.notna() & ~fill & live
    mismatch &= reference.to_current_nis(by_name.fillna("")) != current
    issues.add(
        "name_mismatch",
        regs[mismatch],
        column=_shown(regs, "municipality"),
        value=names,
        hint=codes,
    )
    regs["nis_code_registered"] = codes
    regs[column] = current
    return regs


def _name_hint(name: object) -> str:
    s = reference.suggest_municipalities(str(name))
    return f" → {', '.join(s)}?" if s else ""


def _code_hint(code: str) -> str:
    current = reference.municipalities(2025)
    near = [
        f"{n} ({c})"
        for c, n in zip(current["nis_code"], current["name_nl"], strict=True)
        if len(c) == len(code) and sum(a != b for a, b in zip(c, code, strict=True)) == 1
    ]
    return f" → {', '.join(near[:3])}?" if near else ""


# --- indicators and values -----------------------------------------------------------------------


def check_indicators(regs: pd.DataFrame, cat: pd.DataFrame, issues) -> pd.DataFrame:
    """Unknown indicator ids (with a near miss) and derived indicators typed in."""
    regs = regs.copy()
    live = _checked(regs)
    ids = regs["indicator_id"]
    known = set(cat["indicator_id"])
    unknown = ids.notna() & ~ids.isin(known) & live
    all_ids = sorted(known)
    hint = ids[unknown].map(
        lambda v: (lambda m: f" → {m[0]}?" if m else "")(
            difflib.get_close_matches(str(v).upper(), all_ids, n=1, cutoff=0.6)
        )
    )
    issues.add(
        "unknown_indicator",
        regs[unknown],
        column=_shown(regs, "indicator_id"),
        value=ids,
        hint=hint,
    )
    derived = cat[cat["kind"] == "derived"].set_index("indicator_id")
    typed = ids.isin(derived.index) & live
    formula = ids[typed].map(lambda i: _formula_text(derived.loc[i]))
    issues.add(
        "derived_typed", regs[typed], column=_shown(regs, "indicator_id"), value=ids, hint=formula
    )
    regs.loc[unknown | typed, "_bad"] = True
    return regs


def _formula_text(row: pd.Series) -> str:
    factor = row["factor"]
    f = "" if factor == 1 else f"{factor:g} × "
    return f"{f}{row['numerator']} / {row['denominator']}"


def check_values(regs: pd.DataFrame, cat: pd.DataFrame, issues) -> pd.DataFrame:
    """Negative counts, counts that are not whole, values outside the catalogue's range."""
    regs = regs.copy()
    info = cat.set_index("indicator_id").reindex(regs["indicator_id"])
    info.index = regs.index
    v = regs["value"].astype("float64")
    live = _checked(regs) & v.notna()
    is_count = (info["value_type"] == "count") & live
    negative = is_count & (v < 0)
    whole = is_count & ~negative & (v.round() != v)
    lo, hi = info["min_value"].astype("float64"), info["max_value"].astype("float64")
    outside = live & ~negative & ~whole & ((lo.notna() & (v < lo)) | (hi.notna() & (v > hi)))
    shown = _shown(regs, "value")
    issues.add("negative_count", regs[negative], column=shown, value=v)
    issues.add("not_whole", regs[whole], column=shown, value=v)
    rng = [f"[{_g(a)}–{_g(b)}]" for a, b in zip(lo, hi, strict=True)]
    issues.add(
        "out_of_range",
        regs[outside],
        column=shown,
        value=v,
        hint=pd.Series(rng, index=regs.index, dtype="object"),
    )
    regs.loc[negative | whole | outside, "_bad"] = True
    return regs


def _g(x: float) -> str:
    return "" if x != x else f"{x:g}"


def check_duplicates(regs: pd.DataFrame, issues) -> pd.DataFrame:
    """Exact duplicates are counted once (a warning); conflicting values are both left out."""
    regs = regs.copy()
    key = ["project_id", "nis_code", "period", "indicator_id"]
    live = regs[_live(regs)]
    dup = live[live.duplicated(key, keep=False)]
    if dup.empty:
        return regs
    groups = dup.groupby(key, sort=False, dropna=False)
    n_values = groups["value"].transform("nunique")
    first_where = groups["source_row"].transform("first").astype(str)
    exact = dup[(n_values == 1) & dup.duplicated(key, keep="first")]
    issues.add(
        "duplicate_exact",
        exact,
        column=_shown(exact, "value"),
        value=exact["value"],
        hint=first_where,
    )
    conflict = dup[n_values > 1]
    where = conflict["source_file"].astype(str) + ":" + conflict["source_row"].astype(str)
    listing = (
        (where + " = " + conflict["value"].map(lambda x: f"{x:g}"))
        .groupby([conflict[k] for k in key], sort=False, dropna=False)
        .transform(" / ".join)
    )
    issues.add(
        "duplicate_conflict",
        conflict,
        column=_shown(conflict, "value"),
        value=conflict["value"],
        hint=listing,
    )
    regs.loc[exact.index.union(conflict.index), "_bad"] = True
    return regs


# --- projects and objectives ---------------------------------------------------------------------


def check_projects(projects: pd.DataFrame, issues) -> pd.DataFrame:
    """Codes from the code lists, known municipalities, dates in order, unique ids."""
    p = projects.copy()
    live = _live(p)
    for column, codes in [
        ("project_types", "project_type"),
        ("phenomenon", "phenomenon"),
        ("evaluation_design", "evaluation_design"),
        ("impact_model", "impact_model"),
    ]:
        valid = set(code_labels(codes, "en"))
        values = p[column].map(lambda x: x if isinstance(x, tuple) else (x,) if x else ())
        bad = values.map(lambda xs: [x for x in xs if x not in valid and x == x])
        has_bad = bad.map(bool) & live
        issues.add(
            "bad_code",
            p[has_bad],
            column=_shown(p, column),
            value=bad[has_bad].map(", ".join),
            hint=", ".join(sorted(valid)),
        )
        p.loc[has_bad, "_bad"] = True
    p = check_municipalities(p.assign(municipality=None), issues, column="lead_nis_code")
    p["nis_codes"] = [
        tuple(
            dict.fromkeys([lead, *reference.to_current_nis(pd.Series(list(codes), dtype=object))])
        )
        if isinstance(lead, str)
        else ()
        for lead, codes in zip(p["lead_nis_code"], p["nis_codes"], strict=True)
    ]
    start, end, inter = p["start_date"], p["end_date"], p["intervention_date"]
    wrong = (end.notna() & (end < start)) | (
        inter.notna() & ((inter < start) | (end.notna() & (inter > end)))
    )
    wrong &= _live(p)
    fmt = lambda s: s.dt.strftime("%d/%m/%Y").fillna("…")  # noqa: E731
    issues.add(
        "bad_project_dates",
        p[wrong],
        column=_shown(p, "start_date"),
        value=p["project_id"],
        hint=fmt(start) + " – " + fmt(inter) + " – " + fmt(end),
    )
    p.loc[wrong, "_bad"] = True
    dup = p["project_id"].notna() & p["project_id"].duplicated(keep=False) & _live(p)
    issues.add(
        "duplicate_id",
        p[dup],
        column=_shown(p, "project_id"),
        value=p["project_id"],
        hint=p["source_row"].astype(str),
    )
    p.loc[dup, "_bad"] = True
    return p.drop(columns=["municipality", "nis_code_registered"], errors="ignore")


def check_against_projects(
    regs: pd.DataFrame, projects: pd.DataFrame, cat: pd.DataFrame, issues
) -> pd.DataFrame:
    """Known project, participating municipality, process/output inside the project's dates."""
    regs = regs.copy()
    proj = projects.set_index("project_id")
    live = _live(regs)
    unknown = regs["project_id"].notna() & ~regs["project_id"].isin(proj.index) & live
    ids = sorted(proj.index)
    issues.add(
        "unknown_project",
        regs[unknown],
        column=_shown(regs, "project_id"),
        value=regs["project_id"],
        hint=regs.loc[unknown, "project_id"].map(
            lambda v: (lambda m: f" → {m[0]}?" if m else "")(
                difflib.get_close_matches(str(v), ids, n=1)
            )
        ),
    )
    regs.loc[unknown, "_bad"] = True
    live = _live(regs)
    members = proj["nis_codes"].reindex(regs["project_id"]).to_numpy()
    outside = (
        pd.Series(
            [
                isinstance(m, tuple) and n not in m
                for m, n in zip(members, regs["nis_code"], strict=True)
            ],
            index=regs.index,
        )
        & live
    )
    issues.add(
        "nis_not_in_project",
        regs[outside],
        column=_shown(regs, "nis_code"),
        value=regs["nis_code"],
        hint=regs["project_id"],
    )
    regs.loc[outside, "_bad"] = True
    kind = cat.set_index("indicator_id")["type"].reindex(regs["indicator_id"]).to_numpy()
    during = pd.Series(kind, index=regs.index).isin(["process", "output"]) & _live(regs)
    start = proj["start_date"].reindex(regs["project_id"]).to_numpy()
    end = proj["end_date"].reindex(regs["project_id"]).to_numpy()
    p_start, p_end = parsing.period_start(regs["period"]), parsing.period_end(regs["period"])
    before = pd.Series(pd.to_datetime(start) > p_end.to_numpy(), index=regs.index)
    after = pd.Series(pd.to_datetime(end) < p_start.to_numpy(), index=regs.index)
    off = during & (before | after)
    span = (
        pd.Series(pd.to_datetime(start), index=regs.index).dt.strftime("%m/%Y").fillna("…")
        + " – "
        + pd.Series(pd.to_datetime(end), index=regs.index).dt.strftime("%m/%Y").fillna("…")
    )
    issues.add(
        "outside_project_period",
        regs[off],
        column=_shown(regs, "period"),
        value=regs["period"],
        hint=span,
    )
    regs.loc[off, "_bad"] = True
    return regs


def check_numerators(regs: pd.DataFrame, cat: pd.DataFrame, issues) -> pd.DataFrame:
    """For proportions (part of a whole), the registered part must not exceed the whole.

    Checked where numerator and denominator are single registered indicators.
    """
    regs = regs.copy()
    key = ["project_id", "nis_code", "period"]
    props = cat[(cat["kind"] == "derived") & cat["proportion"].astype(bool)]
    live = regs[_live(regs)]
    for row in props.itertuples():
        num, den = formula_terms(row.numerator), formula_terms(row.denominator)
        if len(num) != 1 or len(den) != 1 or den[0][1] == "population":
            continue
        num_id, den_id = num[0][1], den[0][1]
        part = live[live["indicator_id"] == num_id]
        whole = live.loc[live["indicator_id"] == den_id, [*key, "value"]]
        if part.empty or whole.empty:
            continue
        whole = whole.drop_duplicates(key).rename(columns={"value": "_whole"})
        m = part.rename_axis("_i").reset_index().merge(whole, on=key, how="left").set_index("_i")
        over = m[m["value"] > m["_whole"]]
        issues.add(
            "numerator_above_denominator",
            over,
            column=_shown(over, "value"),
            value=over["value"].map(lambda x, i=num_id: f"{i} = {x:g}"),
            hint=over["_whole"].map(lambda x, i=den_id: f"{i} = {x:g}"),
        )
        regs.loc[over.index, "_bad"] = True
    return regs


def check_completeness(
    regs: pd.DataFrame, projects: pd.DataFrame, cat: pd.DataFrame, issues
) -> None:
    """One warning per monthly series with months missing between its expected first and last."""
    monthly = set(cat.loc[cat["frequency"] == "month", "indicator_id"])
    r = regs[
        regs["indicator_id"].isin(monthly)
        & (regs["period"].str.len() == 7)
        & ~regs["period"].str.contains("Q", regex=False)
    ]
    if r.empty:
        return
    r = r.assign(_m=r["period"].str[:4].astype(int) * 12 + r["period"].str[5:7].astype(int) - 1)
    last_in_project = r.groupby("project_id")["_m"].transform("max")
    kind = cat.set_index("indicator_id")["type"]
    proj = projects.set_index("project_id") if len(projects) else None
    for (pid, nis, ind), g in r.groupby(["project_id", "nis_code", "indicator_id"], sort=True):
        lo, hi = g["_m"].min(), last_in_project.loc[g.index].max()
        if proj is not None and pid in proj.index and kind.get(ind) in ("process", "output"):
            start, end = proj.at[pid, "start_date"], proj.at[pid, "end_date"]
            if pd.notna(start):
                lo = min(lo, start.year * 12 + start.month - 1)
            if pd.notna(end):
                hi = min(hi, end.year * 12 + end.month - 1)
        missing = sorted(set(range(lo, hi + 1)) - set(g["_m"]))
        if missing:
            shown = [f"{m // 12}-{m % 12 + 1:02d}" for m in missing]
            text = ", ".join(shown[:6]) + (f" (+{len(shown) - 6})" if len(shown) > 6 else "")
            first = g.head(1).assign(source_row=None)
            issues.add("missing_months", first, column=f"{pid} / {nis} / {ind}", value=text)


def check_objectives(
    obj: pd.DataFrame, projects: pd.DataFrame, cat: pd.DataFrame, issues
) -> pd.DataFrame:
    """Known level, indicator and project; unique objective ids within a project."""
    o = obj.copy()
    live = _live(o)
    levels = set(code_labels("objective_level", "en"))
    bad_level = o["level"].notna() & ~o["level"].isin(levels) & live
    issues.add(
        "bad_code",
        o[bad_level],
        column=_shown(o, "level"),
        value=o["level"],
        hint=", ".join(sorted(levels)),
    )
    unknown = o["indicator_id"].notna() & ~o["indicator_id"].isin(set(cat["indicator_id"])) & live
    issues.add(
        "unknown_indicator",
        o[unknown],
        column=_shown(o, "indicator_id"),
        value=o["indicator_id"],
        hint="",
    )
    o.loc[bad_level | unknown, "_bad"] = True
    if len(projects):
        orphan = o["project_id"].notna() & ~o["project_id"].isin(projects["project_id"]) & _live(o)
        issues.add(
            "unknown_project",
            o[orphan],
            column=_shown(o, "project_id"),
            value=o["project_id"],
            hint="",
        )
        o.loc[orphan, "_bad"] = True
    dup = o.duplicated(["project_id", "objective_id"], keep=False) & o["objective_id"].notna()
    dup &= _live(o)
    issues.add(
        "duplicate_id",
        o[dup],
        column=_shown(o, "objective_id"),
        value=o["objective_id"],
        hint=o["project_id"],
    )
    o.loc[dup, "_bad"] = True
    return o
