"""Read the registration sheet of the workbook back as registration rows.

The sheet is wide: fixed columns (project, NIS code, municipality, indicator, name, unit), then one
column per period. Each filled period cell becomes one registration row, handed to
:func:`socprev_kit.data.tables.add_table` one period column at a time, so that every value keeps
its own cell: ``source_row`` is its row, ``source_column`` the letter of its period column, and an
issue about a value names that column (its header, e.g. ``2026-03``).

Derived rows hold formulas: their formula cells are skipped (they are feedback, never
registrations). A formula in a registered row counts with its stored result, as a typed value
would; without a result it is reported (``formula_without_value``). Text or a negative number
typed in a period cell goes through like any value, so validation names the cell.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np

from ..tables import ReadResult, add_table, column_letter, filled
from . import registration_layout as layout
from .xlsx import SheetCells

#: Fixed columns that become columns of the registrations table.
KEYS = ("project_id", "nis_code", "municipality", "indicator_id")

Template = tuple[int, list, dict[str, int], dict[int, str]]


def template_sheets(tops: dict[str, SheetCells]) -> dict[str, Template]:
    """The registration sheets of a workbook, from the first rows of each sheet that hold a
    value: ``{title: (header row index (0-based), header cells, {role: column index},
    {column index: period})}``."""
    out = {}
    for title, cells in tops.items():
        for r in sorted(cells.rows):
            row = cells.row(r)
            found = layout.registration_header(row)
            if found is not None:
                out[title] = (r - 1, row, *found)
                break
    return out


def read_registration_sheet(
    result: ReadResult,
    file: str,
    ws,  # noqa: ANN001 - an openpyxl worksheet
    template: Template,
    cells: SheetCells,
    derived: Collection[str] = frozenset(),
) -> None:
    """Add one raw registrations table per period column of ``ws`` that holds a value.

    ``derived``: the indicators computed by a formula
    (:func:`~socprev_kit.data.catalogue.derived_ids`): their formulas are the template's, not
    values typed in."""

    hdr, header, roles, periods = template
    first = hdr + 2  # 1-based sheet row of the first data row
    formulas = cells.formulas
    numbers = sorted({r for r in cells.rows if r >= first} | {r for r, _ in formulas if r >= first})
    for j in cells.beyond(numbers, len(header)):
        result.issue("unnamed_column", file, ws.title, row=hdr + 1, column=column_letter(j))
    rows = cells.block(numbers, len(header))
    is_derived = np.array([str(r[roles["indicator_id"]]).strip() in derived for r in rows], bool)
    found = False
    for j, period in periods.items():
        keep = []
        for k, row in enumerate(rows):
            value, formula = row[j], formulas.get((numbers[k], j + 1))
            if formula is not None and is_derived[k]:
                continue
            if formula is not None and not filled(value):
                result.issue(
                    "formula_without_value",
                    file,
                    ws.title,
                    row=numbers[k],
                    column=str(header[j]),
                    value=formula,
                )
            elif filled(value):
                keep.append(k)
        if keep:
            _add_column(result, file, ws.title, template, (rows, numbers), keep, j, period)
            found = True
    if not found:
        result.issue("empty_file", file, ws.title)


def _add_column(
    result: ReadResult,
    file: str,
    sheet: str,
    template: Template,
    grid: tuple[np.ndarray, list[int]],
    keep: list[int],
    j: int,
    period: str,
) -> None:
    hdr, header, roles, _ = template
    rows, numbers = grid
    n = len(keep)
    body = [rows[keep, roles[key]] for key in KEYS]
    body.append(np.full(n, period, dtype=object))
    body.append(rows[keep, j])
    names = [header[roles[key]] for key in KEYS] + ["period", "value"]
    sheet_rows = np.asarray(numbers, dtype=int)[keep]
    add_table(
        result, file, sheet, names, body, decimal_comma=True, header_row=hdr + 1, rows=sheet_rows
    )
    table = result.tables[-1]
    table.letters = {key: column_letter(roles[key]) for key in KEYS} | dict.fromkeys(
        ("period", "value"), column_letter(j)
    )
    shown = str(header[j]).strip() if isinstance(header[j], str) else period
    table.headers["period"] = table.headers["value"] = shown
