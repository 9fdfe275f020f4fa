"""Moderators of the EMMIE section: where the project runs.

Per municipality of the report: its profile from the reference (province, region, population),
its context indicators of the latest full year per 1,000 inhabitants (the rows of section 7,
:func:`socprev_kit.reports.sections_context.context_rows`) against the region's rate, and per
project the months of the COVID-19 period it overlaps.

Disclosure: a municipality's count the data set's pattern hides is written as hidden, with its
rate. The region's rate sums the counts of its municipalities with twelve months whose count is
shown (as the funnel's group rate: :func:`socprev_kit.reports.evaluate.year_funnel`), so no
hidden count is part of a printed total. The number of municipalities summed is not printed: a
sentence that names an indicator and a year prints no whole number but the year, since the
disclosure audit (:mod:`socprev_kit.audit.sentences`) reads one there as the value of any hidden
count of that indicator and year on the page.
The reference holds no area or urban class: the text says density is not available.
"""

from __future__ import annotations

import pandas as pd

from ..common.formatting import Lang, format_month, format_number
from ..data.reference.places import place_name
from ..evaluation.covid import COVID_PERIOD, covid_mask
from .display import Section, md_escape
from .evaluate import year_funnel
from .report import Report
from .sections_context import context_rows
from .tables import hidden_word, indicator_label, municipality_name, municipality_row
from .texts import text

__all__ = ["covid_months", "moderators_part", "region_rate"]


def moderators_part(report: Report) -> Section:
    """Moderators: per municipality its profile and context indicators, then the COVID-19
    months of each project."""
    lang = report.lang
    out = Section().md(f"### {text('h_moderators', lang)}", text("moderators_intro", lang))
    rows = context_rows(report)
    for nis in report.nis_codes:
        mine = rows[rows["nis_code"] == nis] if len(rows) else rows
        items = [_profile(nis, lang)]
        items += [_context_line(report, r) for r in mine.to_dict("records")]
        if mine.empty:
            items.append(text("mod_no_context", lang))
        out.bullets(items)
    out.bullets(_covid_line(report, pid) for pid in report.projects["project_id"])
    return out.md(f"*{text('mod_missing', lang)}*")


def _profile(nis: str, lang: Lang) -> str:
    row = municipality_row(nis)
    return text(
        "mod_profile",
        lang,
        name=md_escape(municipality_name(nis, lang)),
        province=place_name("province", row["province"], lang),
        region=place_name("region", row["region"], lang),
        n=format_number(float(row["population"]), lang, decimals=0),
        year=int(row["population_year"]),
    )


def region_rate(report: Report, indicator: str, year: int, nis: str) -> tuple[float, int]:
    """The rate per 1,000 of ``nis``'s region in ``year``: the counts shown in the year's funnel
    (twelve months, not hidden) of its municipalities over their population, and how many were
    summed (NaN and 0 when none)."""
    funnel = year_funnel(report.ctx, indicator, year)
    if funnel.empty:
        return float("nan"), 0
    region = municipality_row(nis)["region"]
    regions = funnel["nis_code"].map(lambda c: municipality_row(c)["region"])
    shown = funnel[regions.eq(region).to_numpy() & ~funnel["suppressed"].astype(bool).to_numpy()]
    if shown.empty:
        return float("nan"), 0
    return 1000 * float(shown["value"].sum()) / float(shown["population"].sum()), len(shown)


def _context_line(report: Report, r: dict) -> str:
    lang = report.lang
    rate = format_number(r["rate_per_1000"], lang, decimals=2)
    rate = hidden_word(lang) if r["hidden"] else text("mod_rate", lang, rate=rate)
    group, n = region_rate(report, r["indicator_id"], int(r["year"]), r["nis_code"])
    region = place_name("region", municipality_row(r["nis_code"])["region"], lang)
    key = "mod_context" if n else "mod_context_alone"
    return text(
        key,
        lang,
        indicator=indicator_label(r["indicator_id"], lang),
        year=int(r["year"]),
        rate=rate,
        region=region,
        group=format_number(group, lang, decimals=2),
    )


def covid_months(report: Report, project_id: str) -> tuple[int, int]:
    """The months of the project (its start to its end, or the last month of the report's data)
    and how many of them fall in the COVID-19 period; (0, 0) without a start."""
    row = report.projects.set_index("project_id").loc[project_id]
    if pd.isna(row["start_date"]):
        return 0, 0
    months = report.table.loc[report.table["frequency"] == "month", "period"]
    last = pd.Period(months.max(), freq="M") if len(months) else None
    if pd.notna(row["end_date"]):
        end = pd.Period(pd.Timestamp(row["end_date"]), freq="M")
        last = end if last is None else min(last, end)
    first = pd.Period(pd.Timestamp(row["start_date"]), freq="M")
    if last is None or last < first:
        return 0, 0
    span = pd.period_range(first, last, freq="M")
    return len(span), int(covid_mask(span.astype(str)).sum())


def _covid_line(report: Report, project_id: str) -> str:
    lang = report.lang
    total, covid = covid_months(report, project_id)
    fields = {
        "id": md_escape(project_id),
        "first": format_month(COVID_PERIOD[0], lang),
        "last": format_month(COVID_PERIOD[1], lang),
    }
    if not total:
        return text("mod_covid_unknown", lang, **fields)
    key = "mod_covid" if covid else "mod_covid_none"
    return text(key, lang, n=covid, total=total, **fields)
