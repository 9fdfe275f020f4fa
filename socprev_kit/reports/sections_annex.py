"""Section 9 of a report (DESIGN §5): the annex with the parameters, the methods in short, the
yearly values of every indicator (suppressed) and the files read."""

from __future__ import annotations

import pandas as pd

from .common import project_heading
from .display import Section
from .evaluate import catalogue, min_cell, published
from .fingerprint import report_data_version
from .report import Report
from .tables import yearly_table
from .texts import text

__all__ = ["annex"]


def _parameters(report: Report) -> pd.DataFrame:
    lang = report.lang
    rows = [(k, str(v) if str(v) else text("empty", lang)) for k, v in report.parameters.items()]
    rows += [
        (text("data_version", lang), report_data_version(report)),
        (text("kit_version", lang), report.ctx.kit_version),
    ]
    return pd.DataFrame(rows, columns=[text("parameter", lang), text("value", lang)])


def _methods(report: Report) -> list[str]:
    lang, ctx = report.lang, report.ctx
    years = ctx.memo("population_years", lambda: ctx.table["population_year"].dropna())
    return [
        text(
            "m_data",
            lang,
            n=len(ctx.data.files),
            version=ctx.kit_version,
            hash=report_data_version(report)[:12],
        ),
        text("m_rates", lang, year=int(years.max()) if len(years) else "–"),
        text("m_attainment", lang),
        text("m_its", lang),
        text(f"m_covid_{report.covid}", lang),
        text("m_funnel", lang),
        text("m_suppression", lang, k=min_cell(), k_minus=min_cell() - 1),
    ]


def _files(report: Report) -> pd.DataFrame:
    lang, ctx = report.lang, report.ctx
    regs = ctx.rows("registrations", "project_id", report.projects["project_id"])
    mine = regs["nis_code"].isin(report.nis_codes)
    used = set(regs.loc[mine, "source_file"]) | set(report.projects["source_file"])
    files = ctx.data.files[ctx.data.files["file"].isin(used)]
    return pd.DataFrame(
        {
            text("file", lang): [ctx.relative(f) for f in files["file"]],
            text("rows", lang): files["rows"].astype(str),
        }
    )


def annex(report: Report) -> Section:
    """Section 9: parameters, methods, yearly tables of every indicator, files read."""
    lang = report.lang
    out = Section().md(f"## {text('h_annex', lang)}", f"### {text('h_parameters', lang)}")
    out.table(_parameters(report))
    out.md(f"### {text('h_methods', lang)}", *_methods(report))
    out.md(f"### {text('h_tables', lang)}", text("annex_table_note", lang))
    for unit in report.units:
        yearly = published(report, unit, "year")
        ids = [i for i in catalogue().index if i in set(yearly["indicator_id"])]
        if ids:
            table = yearly_table(yearly, ids, lang, n_years=7)
            out.md(project_heading(report, unit).replace("###", "####"))
            out.table(table, numeric=list(table.columns[2:]))
    files = _files(report)
    return out.md(f"### {text('h_files', lang)}").table(files, numeric=[text("rows", lang)])
