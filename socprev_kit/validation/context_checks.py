"""The checks of context data: registrations that belong to no project (police statistics,
Statbel figures), for any municipality.

The same checks as the registrations where they apply (municipalities, unknown indicators,
values, duplicates), and those of their own: an indicator must be one the catalogue allows as
context (its ``context`` column), a rate is registered as its count, and every figure names its
source.
"""

from __future__ import annotations

import pandas as pd

from ..data.catalogue import formula_terms
from ..data.contract import RECOMMENDED
from .marking import checked_rows, reject, usable_rows
from .messages import NOT_CONTEXT_REASONS
from .municipality_checks import check_municipalities
from .registration_checks import check_duplicates, check_indicators, check_values

#: Rows of context data are the same when these are (the NIS code as registered: two
#: municipalities merged in 2025 each keep their own figure for a month before the merger).
CONTEXT_KEY = ("nis_code_registered", "period", "indicator_id")


def check_context(ctx: pd.DataFrame, cat: pd.DataFrame, issues) -> pd.DataFrame:
    """Every check of the context rows, in order; returns them marked (``_bad``)."""
    if ctx.empty:
        return ctx
    ctx = check_municipalities(ctx, issues)
    ctx = check_context_indicators(ctx, cat, issues)
    ctx = check_values(ctx, cat, issues)
    ctx = check_duplicates(ctx, issues, CONTEXT_KEY, "context_duplicate_conflict")
    check_sources(ctx, issues)
    return ctx


def check_context_indicators(ctx: pd.DataFrame, cat: pd.DataFrame, issues) -> pd.DataFrame:
    """Unknown indicators (as for registrations), rates typed in instead of their count, and
    indicators the catalogue does not allow as context."""
    table = cat.drop_duplicates("indicator_id").set_index("indicator_id")
    allowed = set(table.index[table["context"].astype(bool)])
    ids = ctx["indicator_id"].astype("object")
    live = checked_rows(ctx)
    derived = table[table["kind"] == "derived"]
    rates = {i for i, r in derived.iterrows() if _counts_of(r, allowed)}
    rate = ids.isin(rates) & live
    issues.add(
        "context_rate_typed",
        ctx[rate],
        column="indicator_id",
        value=ids,
        hint=ids[rate].map(lambda i: _rate_text(derived.loc[i])),
    )
    refused = ids.isin(table.index) & ~ids.isin(allowed | rates) & live
    why = ids[refused].map(lambda i: NOT_CONTEXT_REASONS[_reason(table.loc[i, "type"])])
    issues.add("context_not_allowed", ctx[refused], column="indicator_id", value=ids, hint=why)
    reject(ctx, rate | refused, key=True)
    rest = ctx[~(rate | refused)].copy()  # unknown ids, with a near miss
    ctx.loc[rest.index, "_bad"] = check_indicators(rest, cat, issues)["_bad"]
    return ctx


def _counts_of(row: pd.Series, allowed: set[str]) -> list[str]:
    """The counts a derived indicator is a rate of, when all are allowed as context and it is
    per inhabitant (``I01R`` = I01 per 1,000 inhabitants); else none."""
    if str(row["denominator"]).strip() != "population":
        return []
    terms = [t for _, t in formula_terms(row["numerator"])]
    return terms if terms and all(t in allowed for t in terms) else []


def _rate_text(row: pd.Series) -> str:
    factor = row["factor"]
    per = "" if factor == 1 else f"{factor:g} × "
    return f"{per}{row['numerator']} / {row['denominator']}"


def _reason(kind: str) -> str:
    return "project" if kind in ("process", "output") else "measured"


def check_sources(ctx: pd.DataFrame, issues) -> None:
    """One warning per file or sheet whose usable rows name no source, at the first such row,
    with how many."""
    (column,) = RECOMMENDED["context"]
    live = ctx[usable_rows(ctx)]
    lacking = live[live[column].isna()]  # parsed text: a blank cell (or "n/a") is missing
    if lacking.empty:
        return
    groups = lacking.groupby(["source_file", "source_sheet"], sort=False, observed=True)
    first = groups.head(1)
    counts = groups["source_row"].transform("size").loc[first.index]
    # the header as written, or the template's when the file has no such column
    issues.add("context_no_source", first, column=column, value=counts)
