"""A municipality's registrations as the kit's registration workbooks: one per year, filled in.

The workbook is the template a prevention worker receives
(:mod:`socprev_kit.registration.workbook`, written
for the municipality and all its projects), and the generator types every value it made into its
cell, as the worker would: registered rows only, the derived rows keep their formulas. A value
without an open cell of its own is a bug of the generator or the template, never skipped.

Like the template, each workbook carries its project and objectives sheets; the loader reads a
project sent again unchanged (in ``projects.xlsx`` and in the workbook of each year) once.
"""

from __future__ import annotations

import pandas as pd

from ..data import reference
from ..data.catalogue import indicator_catalogue
from ..data.formats import registration_layout as layout
from ..registration.workbook.plan import Plan, make_plan
from ..registration.workbook.write import build_workbook
from ..validation.dataset import Dataset

#: Municipalities whose registrations come as the kit's workbook, and the workbook's language:
#: Gent in Dutch, Liège in French.
TEMPLATE_NIS = {"44021": "nl", "62063": "fr"}


def registration_workbooks(tables: dict[str, pd.DataFrame], nis_code: str, lang: str) -> dict:
    """The filled registration workbooks of one municipality, one per year with registrations.

    Parameters
    ----------
    tables
        The generator's tables (:func:`~socprev_kit.sampledata.make_sample_data`).
    nis_code
        A municipality whose registrations all carry this code (not merged in 2025).
    lang
        The workbook's language.

    Returns
    -------
    dict of int to openpyxl.Workbook
        ``{year: workbook}``, unsaved.
    """
    regs = tables["registrations"]
    mine = regs[reference.to_current_nis(regs["nis_code"]) == nis_code]
    if (mine["nis_code"] != nis_code).any():
        raise ValueError(f"{nis_code}: registered under an older code; a workbook has one code")
    plan = workbook_plan(tables, nis_code, lang)
    out = {}
    for year, part in mine.groupby(mine["period"].str[:4], sort=True):
        wb = build_workbook(plan, lang, int(year))
        fill_registrations(wb[layout.SHEETS[lang]["registrations"]], part)
        out[int(year)] = wb
    return out


def workbook_plan(tables: dict[str, pd.DataFrame], nis_code: str, lang: str) -> Plan:
    """The template's plan for ``nis_code`` and all its projects, from the generator's tables.

    Each project's rows are the indicators it registers anywhere, those of its objectives and
    the derived indicators computable from them
    (:func:`socprev_kit.registration.workbook.plan.make_plan`).
    """
    projects = tables["projects"].copy()
    for column in ("project_types", "nis_codes", "comparison_nis_codes"):
        projects[column] = projects[column].map(
            lambda s: tuple(s.split(";")) if isinstance(s, str) else ()
        )
    data = Dataset(
        registrations=tables["registrations"],
        projects=projects,
        objectives=tables["objectives"],
        issues=pd.DataFrame(),
    )
    muni = reference.municipalities(2025)
    names = dict(zip(muni["nis_code"], muni[f"name_{lang}"], strict=True))
    return make_plan(
        data,
        indicator_catalogue(),
        names,
        project_id=None,
        nis_code=nis_code,
        source="socprev-kit sample-data",
    )


def fill_registrations(ws, regs: pd.DataFrame) -> None:  # noqa: ANN001 - an openpyxl worksheet
    """Type each value of ``regs`` into its cell of the registration sheet ``ws``.

    The cell is found as a person finds it: the row by project, NIS code and indicator (columns
    A, B and D), the column by its period header. Raises ``ValueError`` for a value without an
    open (unlocked, empty) cell: a period the row does not take, a derived row, a missing row.
    """
    fixed = len(layout.FIXED)
    cols = {layout.header_period(c.value): c.column for c in ws[layout.HEADER_ROW][fixed:]}
    rows = {
        (r[0].value, r[1].value, r[3].value): r[0].row
        for r in ws.iter_rows(min_row=layout.FIRST_ROW, max_col=4)
    }
    keys = zip(regs["project_id"], regs["nis_code"], regs["indicator_id"], strict=True)
    for (pid, nis, ind), period, value in zip(keys, regs["period"], regs["value"], strict=True):
        row, col = rows.get((pid, nis, ind)), cols.get(period)
        cell = ws.cell(row, col) if row and col else None
        if cell is None or cell.protection.locked or cell.value is not None:
            raise ValueError(
                f"{ws.title}: no open cell for {pid} {nis} {ind} {period} (value {value})"
            )
        cell.value = int(value) if float(value).is_integer() else float(value)
