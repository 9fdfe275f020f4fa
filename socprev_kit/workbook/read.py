"""Read the registration sheet of the workbook back as registration rows.

The sheet is wide: fixed columns (project, NIS code, municipality, indicator, name, unit), then one
column per period. Each filled period cell becomes one registration row, handed to
:func:`socprev_kit.loading.add_table` one period column at a time, so that every value keeps its
own cell: ``source_row`` is its row, ``source_column`` the letter of its period column, and an
issue about a value names that column (its header, e.g. ``2026-03``).

Derived rows hold formulas: their formula cells are skipped (they are feedback, never
registrations). A formula in a registered row counts with its stored result, as a typed value
would; without a result it is reported (``formula_without_value``). Text or a negative number
typed in a period cell goes through like any value, so validation names the cell.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..limits import limits
from ..loading import ReadResult, _filled, _letter, add_table
from . import layout

#: Fixed columns that become columns of the registrations table.
KEYS = ("project_id", "nis_code", "municipality", "indicator_id")

Template = tuple[int, list, dict[str, int], dict[int, str]]


def template_sheets(wb) -> dict[str, Template]:  # noqa: ANN001 - an openpyxl workbook
    """The registration sheets of a workbook: ``{title: (header row index (0-based), header
    cells, {role: column index}, {column index: period})}``."""
    out = {}
    for ws in wb.worksheets:
        top = ws.iter_rows(max_row=limits().header_lines, values_only=True)
        for i, row in enumerate(top):
            found = layout.registration_header(list(row))
            if found is not None:
                out[ws.title] = (i, list(row), *found)
                break
    return out


def formula_cells(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Every formula of the workbook, stored result or not: ``{sheet: {(row, col): formula}}``
    (1-based)."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if getattr(cell, "data_type", None) == "f":
                        out.setdefault(ws.title, {})[(cell.row, cell.column)] = str(cell.value)
    finally:
        wb.close()
    return out


def read_registration_sheet(
    result: ReadResult,
    file: str,
    ws,  # noqa: ANN001 - an openpyxl worksheet
    template: Template,
    formulas: dict[tuple[int, int], str],
) -> None:
    """Add one raw registrations table per period column of ``ws`` that holds a value."""
    from ..catalogue import derived_ids

    hdr, header, roles, periods = template
    first = hdr + 2  # 1-based sheet row of the first data row
    rows = [list(r) for r in ws.iter_rows(min_row=first, values_only=True)]
    derived = derived_ids()
    ids = [_cell(r, roles["indicator_id"]) for r in rows]
    is_derived = np.array([str(i).strip() in derived for i in ids], dtype=bool)
    found = False
    for j, period in periods.items():
        keep = []
        for k, row in enumerate(rows):
            value, formula = _cell(row, j), formulas.get((first + k, j + 1))
            if formula is not None and is_derived[k]:
                continue
            if formula is not None and not _filled(value):
                result.issue(
                    "formula_without_value",
                    file,
                    ws.title,
                    row=first + k,
                    column=str(header[j]),
                    value=formula,
                )
            elif _filled(value):
                keep.append(k)
        if keep:
            _add_column(result, file, ws.title, template, rows, keep, j, period)
            found = True
    if not found:
        result.issue("empty_file", file, ws.title)


def _cell(row: list, j: int) -> object:
    return row[j] if j < len(row) else None


def _add_column(
    result: ReadResult,
    file: str,
    sheet: str,
    template: Template,
    rows: list[list],
    keep: list[int],
    j: int,
    period: str,
) -> None:
    hdr, header, roles, _ = template
    n = len(keep)
    body = [np.array([_cell(rows[k], roles[key]) for k in keep], dtype=object) for key in KEYS]
    body.append(np.full(n, period, dtype=object))
    body.append(np.array([rows[k][j] for k in keep], dtype=object))
    names = [header[roles[key]] for key in KEYS] + ["period", "value"]
    sheet_rows = np.asarray(keep, dtype=int) + hdr + 2
    add_table(
        result, file, sheet, names, body, decimal_comma=True, header_row=hdr + 1, rows=sheet_rows
    )
    table = result.tables[-1]
    table.letters = {key: _letter(roles[key]) for key in KEYS} | dict.fromkeys(
        ("period", "value"), _letter(j)
    )
    shown = str(header[j]).strip() if isinstance(header[j], str) else period
    table.headers["period"] = table.headers["value"] = shown
