"""Section 7 of a report: the context data of its municipalities, shown as context (figures on
the whole municipality that belong to no project), never as a project's result.

Per municipality and indicator whose series is made of context rows
(:mod:`socprev_kit.indicators.series`), and per context indicator of the catalogue (C01, C02:
from the projects' registrations when the municipality has no context data on it): the latest
full calendar year (12 months), its count and rate per 1,000, the change of the rate against
the year before, its place in the funnel of that year over every municipality with a series
(:func:`socprev_kit.reports.evaluate.year_funnel`) and the source. A count the data set's
disclosure pattern hides is shown as hidden, with its rate and any change computed from it.
What the data lack for a municipality (no project, no registrations) is said under its title
(:func:`socprev_kit.reports.sections_facts.missing_data`).
"""

from __future__ import annotations

import pandas as pd

from ..common.formatting import Lang, format_number, format_percent
from .display import Section
from .evaluate import MIN_FUNNEL, catalogue, disclosure_cells, year_funnel, yearly_counts
from .report import Report
from .sections_summary import funnel_position
from .tables import hidden_word, indicator_label, municipality_name
from .texts import text

__all__ = ["context_data", "context_rows", "shown_series"]


def _hidden_years(report: Report, indicator: str, nis: str) -> set[str]:
    """The years in which a cell of ``indicator`` of ``nis`` is hidden (in any project or the
    context data): its count there is not shown."""
    cells = disclosure_cells(report.ctx)
    mine = cells["hidden"] & cells["count_id"].eq(indicator) & cells["nis_code"].eq(nis)
    return set(cells.loc[mine & cells["period"].str.len().eq(4), "period"])


def shown_series(report: Report) -> pd.DataFrame:
    """The rows of :meth:`DataContext.series` the section shows: of the report's
    municipalities, for every indicator whose series is context data, and for the catalogue's
    context indicators (C01, C02: the situation in the municipality, whoever registered it)."""
    series = report.ctx.series()
    mine = series[series["nis_code"].isin(report.nis_codes)]
    kind = mine["indicator_id"].map(catalogue()["type"])
    return mine[mine["origin"].eq("context") | kind.eq("context")]


def context_rows(report: Report) -> pd.DataFrame:
    """One row per municipality and indicator of :func:`shown_series` with a full year:
    ``nis_code, indicator_id, year, value, rate_per_1000, change`` (relative change of the rate
    against the year before, NaN without that year), ``hidden`` and ``previous_hidden``,
    ``position`` (the municipality's funnel row as a dict, or None), ``n_funnel``,
    ``group_rate``, ``origin``, ``projects`` (whose registrations, for that origin) and
    ``source``. By indicator id, then municipality."""
    ctx = report.ctx
    mine = shown_series(report)
    found_sources = ctx.sources()  # (origin, nis_code, indicator_id) -> its sources
    last = None if report.end is None else report.end.year - (report.end.month < 12)
    rows = []
    for (indicator, nis), part in mine.groupby(["indicator_id", "nis_code"], sort=True):
        years = yearly_counts(ctx, indicator)
        own = years[years["nis_code"].eq(nis) & years["year"].le(last or 9999)].set_index("year")
        if own.empty:
            continue
        year, origin = int(own.index.max()), str(part["origin"].iloc[0])
        rate = 1000 * own["value"] / own["population"]
        hidden = _hidden_years(report, indicator, nis)
        before = rate.get(year - 1)
        funnel = year_funnel(ctx, indicator, year)
        found = funnel[funnel["nis_code"].eq(nis)] if len(funnel) else funnel
        rows.append(
            {
                "nis_code": nis,
                "indicator_id": indicator,
                "year": year,
                "value": float(own.at[year, "value"]),
                "rate_per_1000": float(rate[year]),
                "change": float(rate[year] / before - 1) if before else float("nan"),
                "hidden": str(year) in hidden or bool(len(found) and found["suppressed"].iloc[0]),
                "previous_hidden": str(year - 1) in hidden,
                "position": found.iloc[0].to_dict() if len(found) else None,
                "n_funnel": int((~funnel["suppressed"]).sum()) if len(funnel) else 0,
                "group_rate": float(funnel["group_rate_per_1000"].iloc[0]) if len(funnel) else None,
                "origin": origin,
                "projects": ", ".join(sorted(set(part["project_id"]))),
                "source": found_sources.get((origin, nis, indicator), ""),
            }
        )
    return pd.DataFrame(rows)


def _row(r: dict, lang: Lang) -> dict:
    hidden, word = r["hidden"], hidden_word(lang)
    change = r["change"]
    shown_change = (
        "–"
        if hidden or r["previous_hidden"] or pd.isna(change)
        else format_percent(100 * change, lang, signed=True)
    )
    position = r["position"]
    if position is None:
        place = text("no_funnel", lang, min=MIN_FUNNEL)
    else:
        place = funnel_position(pd.Series(position), lang)
    group = r["group_rate"]
    return {
        text("indicator", lang): indicator_label(r["indicator_id"], lang),
        text("municipality", lang): municipality_name(r["nis_code"], lang),
        text("year", lang): str(r["year"]),
        text("count", lang): word if hidden else format_number(r["value"], lang, decimals=0),
        text("rate", lang): "–" if hidden else format_number(r["rate_per_1000"], lang, decimals=2),
        text("context_change", lang): shown_change,
        text("funnel_place", lang): place,
        text("group_rate", lang): "–" if group is None else format_number(group, lang, decimals=2),
        text("n_compared", lang): str(r["n_funnel"]) if position is not None else "–",
        text("context_source", lang): _source(r, lang),
    }


def _source(r: dict, lang: Lang) -> str:
    if r["origin"] == "context":
        return r["source"] or "–"
    if not r["source"]:
        return text("context_from_projects_only", lang, projects=r["projects"])
    return text("context_from_projects", lang, projects=r["projects"], source=r["source"])


def context_data(report: Report) -> Section:
    """Section 7: the context data of the report's municipalities, as context (see the
    module)."""
    lang = report.lang
    out = Section().md(f"## {text('h_context', lang)}")
    rows = context_rows(report)
    mine = shown_series(report)
    if mine.empty:
        none = "context_none" if report.kind == "municipality" else "context_none_project"
        return out.md(text(none, lang))
    out.md(text("context_intro", lang))
    shown = set(rows["indicator_id"]) if len(rows) else set()
    without = [i for i in mine["indicator_id"].unique() if i not in shown]
    if without:
        names = ", ".join(indicator_label(i, lang) for i in without)
        out.md(text("context_no_year", lang, indicators=names))
    if len(rows):
        table = pd.DataFrame([_row(r, lang) for r in rows.to_dict("records")])
        numeric = [text(k, lang) for k in ("count", "rate", "context_change", "group_rate")]
        out.table(table, numeric=numeric)
    return out
