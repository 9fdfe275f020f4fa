"""Sections 1 and 2 of a report (DESIGN §5): who and what, and the quality of the data."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..common.formatting import format_number, format_percent
from ..data.reference.places import place_name
from ..plots import plot_completeness
from .common import date_text, labels, month_text, period_text, report_issues
from .display import Section, md_escape
from .fingerprint import report_data_version
from .population import merger_paragraphs
from .report import Report
from .tables import indicator_label, municipality_name, municipality_row
from .texts import text

__all__ = ["data_quality", "missing_data", "report_months", "title", "who_and_what"]

#: How many issue rows and incomplete series a report lists.
MAX_ROWS = 10


def title(report: Report, today: dt.date | None = None) -> Section:
    """The report's title, date, for the sample data a warning that it is invented, and what
    the data lack for a municipality (:func:`missing_data`)."""
    lang = report.lang
    key = "title_municipality" if report.kind == "municipality" else "title_project"
    name = md_escape(f"{report.name} ({report.id})")
    when = date_text(today or dt.date.today(), lang)
    return (
        Section()
        .style()
        .md(
            f"# {text(key, lang, name=name)}",
            f"*{text('subtitle', lang, date=when)}*",
            text("sample_note", lang) if report.ctx.sample else "",
            *missing_data(report),
        )
    )


def missing_data(report: Report) -> list[str]:
    """What the data lack for a municipality report, in its language: no project and no
    registration (a report of context data only), or projects without registrations."""
    lang = report.lang
    if report.kind != "municipality":
        return []
    regs = report.ctx.data.registrations
    registered = regs["nis_code"].astype(str).isin(report.nis_codes).any()
    if report.projects.empty and not registered:
        return [text("context_only", lang)]
    if not registered:
        return [text("context_no_registrations", lang)]
    return []


def _facts(rows: list[tuple[str, str]], lang: str) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[text("field", lang), text("value", lang)])


def _data_rows(report: Report) -> list[tuple[str, str]]:
    lang, ctx = report.lang, report.ctx
    source = text("sample_data", lang) if ctx.sample else ctx.path.name
    return [
        (text("period", lang), period_text(report)),
        (text("data", lang), source),
        (text("data_version", lang), report_data_version(report)[:12]),
        (text("kit_version", lang), ctx.kit_version),
        (text("geography", lang), text("geography_2025", lang)),
        (text("report_date", lang), date_text(dt.date.today(), lang)),
    ]


def _municipality_facts(report: Report) -> pd.DataFrame:
    lang, row = report.lang, municipality_row(report.id)
    pop = text(
        "population_of",
        lang,
        n=format_number(row["population"], lang, decimals=0),
        year=row["population_year"],
    )
    rows = [
        (text("name_nl", lang), row["name_nl"]),
        (text("name_fr", lang), row["name_fr"]),
        (text("nis_code", lang), report.id),
        (text("province", lang), place_name("province", row["province"], lang)),
        (text("region", lang), place_name("region", row["region"], lang)),
        (text("police_zone", lang), str(row["police_zone"] or "–")),
        (text("population", lang), pop),
    ]
    return _facts(rows + _data_rows(report), lang)


def _projects_table(report: Report) -> pd.DataFrame:
    lang, p = report.lang, report.projects
    lag = p["lag_months"].fillna(0).astype(int)
    intervention = [
        text("lag", lang, month=month_text(d, lang), lag=k) if pd.notna(d) else "–"
        for d, k in zip(p["intervention_date"], lag, strict=True)
    ]
    end = [month_text(d, lang) if pd.notna(d) else text("running", lang) for d in p["end_date"]]
    names = [", ".join(municipality_name(c, lang) for c in codes or ()) for codes in p["nis_codes"]]
    return pd.DataFrame(
        {
            text("project", lang): p["project_id"],
            text("name", lang): p["name"],
            text("types", lang): [labels("project_type", t, lang) for t in p["project_types"]],
            text("municipalities", lang): names,
            text("start", lang): [month_text(d, lang) for d in p["start_date"]],
            text("intervention", lang): intervention,
            text("end", lang): end,
            text("design", lang): [
                labels("evaluation_design", d, lang) for d in p["evaluation_design"]
            ],
        }
    )


def _intermunicipal(report: Report) -> list[str]:
    lang, out = report.lang, []
    for pid, codes in zip(report.projects["project_id"], report.projects["nis_codes"], strict=True):
        if len(codes or ()) > 1:
            names = ", ".join(municipality_name(c, lang) for c in codes)
            out.append(text("intermunicipal", lang, id=md_escape(pid), names=md_escape(names)))
    return out


def _project_facts(report: Report) -> pd.DataFrame:
    lang, p = report.lang, report.projects.iloc[0]
    table = _projects_table(report).iloc[0]
    comparisons = ", ".join(municipality_name(c, lang) for c in p["comparison_nis_codes"] or ())
    lead = p["lead_nis_code"]
    rows = [
        (text("project", lang), report.id),
        *[(k, str(v)) for k, v in table.items() if k != text("project", lang)],
        (text("phenomenon", lang), labels("phenomenon", p["phenomenon"], lang) or "–"),
        (text("lead", lang), municipality_name(lead, lang) if pd.notna(lead) else "–"),
        (text("impact_model", lang), labels("impact_model", p["impact_model"], lang) or "–"),
        (text("comparisons", lang), comparisons or text("none", lang)),
    ]
    return _facts(rows + _data_rows(report), lang)


def _municipalities_table(report: Report) -> pd.DataFrame:
    lang = report.lang
    rows = [municipality_row(c) for c in report.nis_codes]
    return pd.DataFrame(
        {
            text("nis_code", lang): list(report.nis_codes),
            text("name_nl", lang): [r["name_nl"] for r in rows],
            text("name_fr", lang): [r["name_fr"] for r in rows],
            text("province", lang): [place_name("province", r["province"], lang) for r in rows],
            text("population", lang): [
                text(
                    "population_of",
                    lang,
                    year=r["population_year"],
                    n=format_number(r["population"], lang, decimals=0),
                )
                for r in rows
            ],
        }
    )


def who_and_what(report: Report) -> Section:
    """Section 1: the municipality or project, the period, the projects, the data's version."""
    lang = report.lang
    out = Section().md(f"## {text('h_who', lang)}")
    if report.kind == "project":
        out.table(_project_facts(report))
        return (
            out.md(f"### {text('h_municipalities', lang)}")
            .table(_municipalities_table(report), numeric=[text("population", lang)])
            .md(*merger_paragraphs(report))
        )
    out.table(_municipality_facts(report)).md(*merger_paragraphs(report))
    out.md(f"### {text('h_projects', lang)}")
    if report.projects.empty:
        return out.md(_without_projects(report))
    return out.table(_projects_table(report)).bullets(_intermunicipal(report))


def _without_projects(report: Report) -> str:
    """Why a municipality's report shows no project: none with data, or registrations of the
    municipality that no projects table places in a project (said, with what to add)."""
    data = report.ctx.data
    mine = report.ctx.rows("registrations", "nis_code", report.nis_codes)["project_id"]
    mine = mine.dropna().astype(str)
    if not data.projects.empty or mine.empty:
        return text("no_projects", report.lang)
    projects = ", ".join(md_escape(p) for p in sorted(mine.unique()))
    return text("regs_without_projects", report.lang, projects=projects)


def report_months(report: Report) -> pd.DataFrame:
    """The expected months of the report's series (``completeness_months``), within its period."""
    cm = report.ctx.rows("completeness_months", "project_id", report.projects["project_id"])
    keep = cm["nis_code"].isin(report.nis_codes)
    if report.start is not None:
        keep &= cm["month"] >= str(report.start)
    if report.end is not None:
        keep &= cm["month"] <= str(report.end)
    return cm[keep].reset_index(drop=True)


def _gaps(months: pd.DataFrame, report: Report) -> pd.DataFrame:
    lang = report.lang
    g = months.groupby(["project_id", "nis_code", "indicator_id"], sort=False)["registered"]
    series = g.agg(["size", "sum"])
    series = series.assign(share=series["sum"] / series["size"]).reset_index()
    series = series[series["share"] < 1].sort_values(["share", "project_id"]).head(MAX_ROWS)
    first = months.groupby(["project_id", "nis_code", "indicator_id"])["month"].agg(["min", "max"])
    series = series.join(first, on=["project_id", "nis_code", "indicator_id"])
    out = pd.DataFrame(
        {
            text("project", lang): series["project_id"],
            text("municipality", lang): [municipality_name(c, lang) for c in series["nis_code"]],
            text("indicator", lang): [indicator_label(i, lang) for i in series["indicator_id"]],
            text("first_month", lang): [month_text(pd.Timestamp(m), lang) for m in series["min"]],
            text("last_month", lang): [month_text(pd.Timestamp(m), lang) for m in series["max"]],
            text("expected", lang): series["size"].astype(str),
            text("registered", lang): series["sum"].astype(int).astype(str),
            text("share", lang): [format_percent(100 * s, lang) for s in series["share"]],
        }
    )
    if len(report.nis_codes) == 1:
        out = out.drop(columns=text("municipality", lang))
    return out


def _heat_rows(months: pd.DataFrame, report: Report) -> pd.Series:
    """Heat map rows: one per project (and municipality) registered in full, one per indicator
    of those with a missing month, so the gaps stand out and the figure stays short."""
    names = {c: municipality_name(c, report.lang) for c in report.nis_codes}
    where = months["nis_code"].map(names).fillna(months["nis_code"]).astype(str)
    row = months["project_id"].astype(str)
    if len(report.nis_codes) > 1:
        row = where if len(report.projects) == 1 else row + " · " + where
    full = months.groupby(row)["registered"].transform("all")
    return row.where(full, row + " · " + months["indicator_id"].astype(str))


def _completeness(report: Report) -> Section:
    lang, months = report.lang, report_months(report)
    out = Section().md(f"### {text('h_completeness', lang)}")
    if months.empty:
        return out.md(text("completeness_none", lang))
    n, k = len(months), int(months["registered"].sum())
    out.md(
        text(
            "completeness_share",
            lang,
            expected=format_number(n, lang),
            registered=format_number(k, lang),
            share=format_percent(100 * k / n, lang),
        )
    )
    heat = months.assign(row=_heat_rows(months, report))
    out.figure(plot_completeness(heat, rows="row", lang=lang), text("h_completeness", lang))
    if k == n:
        return out.md(text("completeness_full", lang))
    numeric = [text(c, lang) for c in ("expected", "registered", "share")]
    return out.md(text("completeness_gaps", lang)).table(_gaps(months, report), numeric=numeric)


def _issues(report: Report) -> Section:
    lang, issues = report.lang, report_issues(report)
    out = Section().md(f"### {text('h_issues', lang)}")
    counts = issues["severity"].value_counts()
    out.md(
        text(
            "issues_count",
            lang,
            errors=counts.get("error", 0),
            warnings=counts.get("warning", 0),
            infos=counts.get("info", 0),
        )
    )
    if issues.empty:
        return out
    first = issues.head(MAX_ROWS)
    table = pd.DataFrame(
        {
            text("file", lang): [report.ctx.relative(f) for f in first["file"]],
            text("sheet", lang): first["sheet"],
            text("row", lang): first["row"].astype("string").fillna(""),
            text("column", lang): first["column"],
            text("value", lang): first["value"],
            text("severity", lang): [text(s, lang) for s in first["severity"]],
            text("message", lang): first["message"],
        }
    )
    if len(issues) > MAX_ROWS:
        out.md(text("issues_first", lang, n=MAX_ROWS, total=len(issues)))
    return out.table(table, numeric=[text("row", lang)])


def data_quality(report: Report) -> Section:
    """Section 2: registration completeness per project, indicator and month; the issues."""
    return (
        Section()
        .md(f"## {text('h_quality', report.lang)}")
        .extend(_completeness(report))
        .extend(_issues(report))
    )
