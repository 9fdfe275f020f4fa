"""Small pieces several sections share: dates, periods, project headings, the report's issues."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pandas as pd

from ..common.formatting import MONTH_NAMES, Lang, format_month
from ..data.catalogue import code_labels
from .display import md_escape
from .report import ALL, Report, Unit
from .tables import area_name
from .texts import text

__all__ = [
    "date_text",
    "is_member",
    "labels",
    "members_text",
    "month_text",
    "period_text",
    "project_heading",
    "project_members",
    "report_issues",
    "unit_label",
]


def date_text(day: dt.date, lang: Lang) -> str:
    """``28 november 2026``, ``1er janvier 2026``, ``28 November 2026``.

    >>> date_text(dt.date(2026, 1, 1), "fr")
    '1er janvier 2026'
    """
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{first} {MONTH_NAMES[lang][day.month - 1]} {day.year}"


def month_text(when: object, lang: Lang) -> str:
    """A date as its month in words, ``–`` when missing."""
    return "–" if when is None or pd.isna(when) else format_month(pd.Timestamp(when), lang)


def period_text(report: Report) -> str:
    """The months the report's monthly data cover, and the period asked if one was."""
    months = report.table.loc[report.table["frequency"] == "month", "period"]
    lang = report.lang
    covered = (
        "–"
        if months.empty
        else text(
            "period_covered",
            lang,
            first=format_month(months.min(), lang),
            last=format_month(months.max(), lang),
        )
    )
    if report.start is None and report.end is None:
        return covered
    start = text("open", lang) if report.start is None else format_month(report.start, lang)
    end = text("open_end", lang) if report.end is None else format_month(report.end, lang)
    return f"{covered} ({text('period_asked', lang, start=start, end=end)})"


@cache
def _labels(code_list: str, lang: Lang) -> dict[str, str]:
    return code_labels(code_list, lang)


def labels(code_list: str, codes: object, lang: Lang) -> str:
    """Codes of a code list (one or a tuple) as their labels, joined by commas."""
    names = _labels(code_list, lang)
    items = codes if isinstance(codes, tuple | list) else (codes,)
    return ", ".join(names.get(str(c), str(c)) for c in items if c is not None and not pd.isna(c))


def project_members(report: Report, project_id: str) -> tuple[str, ...]:
    """NIS codes of a project's municipalities: those it declares and those with its data."""
    row = report.projects.set_index("project_id").loc[project_id]
    found = set(report.ctx.rows("registrations", "project_id", project_id)["nis_code"])
    found |= set(row["nis_codes"] or ())
    return tuple(sorted(found))


def is_member(report: Report, unit: Unit) -> bool:
    """Whether ``unit`` is one municipality of a project of several (its own figures are not the
    project's)."""
    return unit.area != ALL and len(project_members(report, unit.project_id)) > 1


def members_text(report: Report, project_id: str) -> str:
    """The names of a project's municipalities, joined by commas (Markdown-escaped)."""
    names = [area_name(c, report.lang) for c in project_members(report, project_id)]
    return md_escape(", ".join(names))


def project_heading(report: Report, unit: Unit, *, whole: bool = False) -> str:
    """``### GEN-DAM – Outreach ...``, with the area in a project report of several
    municipalities; in a municipality's report of a project of several, with the municipality
    (its own figures) or, with ``whole``, the project's municipalities (the project's figures)."""
    name = report.projects.set_index("project_id")["name"].get(unit.project_id, "")
    where = f" ({area_name(ALL, report.lang)})" if unit.area == ALL else ""
    if is_member(report, unit):
        where = f" ({md_escape(area_name(unit.area, report.lang))})"
        if whole:
            names = members_text(report, unit.project_id)
            where = f" ({text('whole_project', report.lang, names=names)})"
    return f"### {md_escape(unit.project_id)} – {md_escape(str(name))}{where}"


def unit_label(report: Report, unit: Unit) -> str:
    """A bold line naming the unit (project and area) when the report has several, else ""."""
    if len(report.units) < 2:
        return ""
    return f"**{md_escape(unit.project_id)} – {md_escape(area_name(unit.area, report.lang))}**"


def report_issues(report: Report) -> pd.DataFrame:
    """Issues (in the report's language) of the files that hold the report's registrations,
    and of the rows of its projects and objectives."""

    def compute() -> pd.DataFrame:
        data = report.ctx.data
        issues = report.ctx.issues(report.lang)
        regs = report.ctx.rows("registrations", "project_id", report.projects["project_id"])
        files = set(regs.loc[regs["nis_code"].isin(report.nis_codes), "source_file"])
        pids = report.projects["project_id"]
        rows = pd.concat(
            [
                data.projects[data.projects["project_id"].isin(pids)],
                data.objectives[data.objectives["project_id"].isin(pids)],
            ]
        )
        own = set(
            zip(
                rows["source_file"],
                rows["source_sheet"].fillna(""),
                rows["source_row"].astype(int),
                strict=True,
            )
        )
        rows_of = issues["row"].astype("Int64").fillna(-1).astype(int)
        keys = zip(issues["file"], issues["sheet"], rows_of, strict=True)
        hit = issues["file"].isin(files) | pd.Series([k in own for k in keys], index=issues.index)
        return issues[hit].reset_index(drop=True)

    return report.memo(("issues", report.lang), compute)
