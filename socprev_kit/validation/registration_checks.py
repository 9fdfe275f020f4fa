"""The checks of the registrations against the catalogue and each other: indicators, values,
duplicates, parts above their whole and months missing from a series.

Each check adds issues and marks the rows it rejects (:mod:`socprev_kit.validation.marking`).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..data import parsing
from ..data.catalogue import formula_terms
from .categories import indicator_info
from .marking import checked_rows, reject, usable_rows

# --- indicators and values -----------------------------------------------------------------------


def check_indicators(regs: pd.DataFrame, cat: pd.DataFrame, issues) -> pd.DataFrame:
    """Unknown indicator ids (with a near miss) and derived indicators typed in."""
    live = checked_rows(regs)
    ids = regs["indicator_id"]
    known = set(cat["indicator_id"])
    unknown = ids.notna() & ~ids.isin(known) & live
    typos = ids[unknown].astype("object")
    ordered = list(dict.fromkeys(cat["indicator_id"]))
    hints = {v: _indicator_hint(str(v), ordered) for v in typos.unique()}
    hint = typos.map(hints)
    issues.add(
        "unknown_indicator",
        regs[unknown],
        column="indicator_id",
        value=ids,
        hint=hint,
    )
    derived = cat[cat["kind"] == "derived"].set_index("indicator_id")
    typed = ids.isin(derived.index) & live
    formula = ids[typed].astype("object").map(lambda i: _formula_text(derived.loc[i]))
    issues.add("derived_typed", regs[typed], column="indicator_id", value=ids, hint=formula)
    reject(regs, unknown | typed, key=True)
    return regs


def _indicator_hint(typed: str, ids: list[str]) -> str:
    """`` → O01?`` for ``O1``: the id with its zero (``I2`` → I02) if that exists, else the
    closest id, the first in catalogue order on a tie."""
    text = typed.strip().upper()
    padded = re.sub(r"^([A-Z]+)(\d)", r"\g<1>0\2", text)
    if padded in ids:
        return f" → {padded}?"
    scores = [difflib.SequenceMatcher(None, text, i).ratio() for i in ids]
    best = max(scores, default=0)
    return f" → {ids[scores.index(best)]}?" if best >= 0.6 else ""


def _formula_text(row: pd.Series) -> str:
    factor = row["factor"]
    f = "" if factor == 1 else f"{factor:g} × "
    return f"{f}{row['numerator']} / {row['denominator']}"


def check_values(regs: pd.DataFrame, cat: pd.DataFrame, issues) -> pd.DataFrame:
    """Negative counts, counts that are not whole, values outside the catalogue's range."""
    info = indicator_info(regs["indicator_id"], cat, ["value_type", "min_value", "max_value"])
    v = regs["value"].astype("float64")
    live = checked_rows(regs) & v.notna()
    is_count = (info["value_type"] == "count") & live
    negative = is_count & (v < 0)
    whole = is_count & ~negative & (v.round() != v)
    lo, hi = info["min_value"].astype("float64"), info["max_value"].astype("float64")
    outside = live & ~negative & ~whole & ((lo.notna() & (v < lo)) | (hi.notna() & (v > hi)))
    shown, typed = "value", _as_typed(regs)
    issues.add("negative_count", regs[negative], column=shown, value=typed)
    issues.add("not_whole", regs[whole], column=shown, value=typed)
    rng = [f"[{_g(a)}–{_g(b)}]" for a, b in zip(lo[outside], hi[outside], strict=True)]
    issues.add(
        "out_of_range",
        regs[outside],
        column=shown,
        value=typed,
        hint=pd.Series(rng, index=regs.index[outside], dtype="object"),
    )
    regs.loc[negative | whole | outside, "_bad"] = True
    return regs


def _as_typed(regs: pd.DataFrame) -> pd.Series:
    """The value cells as the user typed them (``1.250``, not 1.25), for the messages."""
    return regs["_value_text"] if "_value_text" in regs else regs["value"].map(_g)


def _g(x: float) -> str:
    return "" if x != x else f"{x:g}"


# --- rows against each other ---------------------------------------------------------------------


_WHERE = {"nl": ("blad", "rij"), "fr": ("feuille", "ligne"), "en": ("sheet", "row")}


def _conflict_listing(group: pd.DataFrame) -> dict[str, str]:
    """``row 9 = 4 / other.csv row 12 = 5 (+3)`` in each language: where the clashing values
    stand; ``sheet Oud row 2 = 36`` when they stand in more than one sheet."""
    files, sheets = group["source_file"].astype(object), group["source_sheet"].astype(object)
    first_file, by_sheet = files.iloc[0], sheets.nunique() > 1
    rows = list(zip(files, sheets, group["source_row"], _as_typed(group), strict=True))
    out = {}
    for lang, (sheet_word, word) in _WHERE.items():
        parts = [
            (f"{Path(str(f)).name} " if f != first_file else "")
            + (f"{sheet_word} {s} " if by_sheet and s else "")
            + f"{word} {r} = {v}"
            for f, s, r, v in rows
        ]
        more = f" (+{len(parts) - 4})" if len(parts) > 4 else ""
        out[lang] = " / ".join(parts[:4]) + more
    return out


def check_duplicates(
    regs: pd.DataFrame,
    issues,
    key: tuple[str, ...] = ("project_id", "nis_code_registered", "period", "indicator_id"),
    conflict_check: str = "duplicate_conflict",
) -> pd.DataFrame:
    """Exact duplicates are counted once (a warning); conflicting values are both left out.

    Rows are compared on the NIS code as registered: two municipalities merged in 2025 each keep
    their own row for a month before the merger (the indicators add them up), they do not clash.
    ``key`` and ``conflict_check``: the columns that make rows the same and the check that
    reports conflicting ones (context data have no project).
    """
    key = list(key)
    live = regs[usable_rows(regs)]
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
        column="value",
        value=_as_typed(exact),
        hint=first_where,
    )
    conflict = dup[n_values > 1]
    listing = pd.Series(None, index=conflict.index, dtype=object)
    for _, group in conflict.groupby(key, sort=False, dropna=False, observed=True):
        words = _conflict_listing(group)
        for i in group.index:
            listing.at[i] = words
    issues.add(
        conflict_check,
        conflict,
        column="value",
        value=_as_typed(conflict),
        hint=listing,
    )
    regs.loc[exact.index.union(conflict.index), "_bad"] = True
    return regs


def check_numerators(regs: pd.DataFrame, cat: pd.DataFrame, issues) -> pd.DataFrame:
    """For proportions (part of a whole), the registered part must not exceed the whole.

    Checked where numerator and denominator are single registered indicators.
    """
    key = ["project_id", "nis_code", "period"]
    props = cat[(cat["kind"] == "derived") & cat["proportion"].astype(bool)]
    live = regs[usable_rows(regs)]
    for row in props.itertuples():
        num, den = formula_terms(row.numerator), formula_terms(row.denominator)
        if len(num) != 1 or len(den) != 1 or den[0][1] == "population":
            continue
        num_id, den_id = num[0][1], den[0][1]
        part = live[live["indicator_id"] == num_id].assign(_typed=_as_typed)
        whole = live[live["indicator_id"] == den_id].assign(_whole_typed=_as_typed)
        if part.empty or whole.empty:
            continue
        whole = whole[[*key, "value", "_whole_typed"]].drop_duplicates(key)
        whole = whole.rename(columns={"value": "_whole"})
        m = part.rename_axis("_i").reset_index().merge(whole, on=key, how="left").set_index("_i")
        over = m[m["value"] > m["_whole"]]
        issues.add(
            "numerator_above_denominator",
            over,
            column="value",
            value=over["_typed"].astype(object).map(lambda x, i=num_id: f"{i} = {x}"),
            hint=over["_whole_typed"].astype(object).map(lambda x, i=den_id: f"{i} = {x}"),
        )
        regs.loc[over.index, "_bad"] = True
    return regs


def check_completeness(
    regs: pd.DataFrame, projects: pd.DataFrame, cat: pd.DataFrame, issues
) -> None:
    """One warning per monthly series with months missing between its expected first and last.

    A series (project × municipality × indicator) is expected from its first registered month,
    or the project's start for process and output indicators, to the last month registered in the
    project, or the project's end for process and output indicators: never outside the project's
    dates. ``regs`` holds the rows that stand for their month (their value may be wrong).
    """
    monthly = set(cat.loc[cat["frequency"] == "month", "indicator_id"])
    month = parsing.map_unique(regs["period"], _month_number)
    r = regs.assign(_m=month)[regs["indicator_id"].isin(monthly) & month.notna()]
    if r.empty:
        return
    keys = ["project_id", "nis_code", "indicator_id"]
    span = r.groupby(keys, sort=True)["_m"].agg(lo="min").reset_index()
    span["hi"] = span["project_id"].astype("object").map(r.groupby("project_id")["_m"].max())
    kind = (
        span["indicator_id"]
        .astype("object")
        .map(cat.drop_duplicates("indicator_id").set_index("indicator_id")["type"])
    )
    if len(projects):
        proj = projects.drop_duplicates("project_id").set_index("project_id")
        during = kind.isin(["process", "output"])
        start = pd.to_datetime(span["project_id"].astype("object").map(proj["start_date"]))
        end = pd.to_datetime(span["project_id"].astype("object").map(proj["end_date"]))
        start_m = start.dt.year * 12 + start.dt.month - 1
        end_m = end.dt.year * 12 + end.dt.month - 1
        span["lo"] = start_m.where(during & start_m.notna(), span["lo"])
        span["hi"] = span["hi"].where(~(during & end_m.notna()), span["hi"].combine(end_m, min))
    r = r.merge(span, on=keys, how="left")
    inside = r[(r["_m"] >= r["lo"]) & (r["_m"] <= r["hi"])]
    present = inside.groupby(keys, sort=True)["_m"].nunique()
    span = span.set_index(keys)
    span["present"] = present.reindex(span.index).fillna(0)
    gaps = span[span["hi"] - span["lo"] + 1 > span["present"]]
    if gaps.empty:
        return
    firsts = r.drop_duplicates(keys).set_index(keys)
    months = r.groupby(keys)["_m"].agg(set)
    for key, row in gaps.iterrows():
        missing = sorted(set(range(int(row["lo"]), int(row["hi"]) + 1)) - months[key])
        shown = [f"{m // 12}-{m % 12 + 1:02d}" for m in missing]
        text = ", ".join(shown[:6]) + (f" (+{len(shown) - 6})" if len(shown) > 6 else "")
        first = firsts.loc[[key]].reset_index().assign(source_row=None)
        issues.add("missing_months", first, column=" / ".join(key), value=text)


def _month_number(periods: pd.Series) -> pd.Series:
    """``2024-03`` → 2024 × 12 + 2; other periods (quarters, years) → missing."""
    p = periods.astype("object")
    monthly = p.str.fullmatch(r"\d{4}-\d{2}").fillna(False).astype(bool)
    out = pd.Series(np.nan, index=p.index)
    m = p[monthly]
    out[monthly] = m.str[:4].astype(int) * 12 + m.str[5:7].astype(int) - 1
    return out
