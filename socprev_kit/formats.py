"""The readers of xlsx workbooks (text files: :mod:`socprev_kit.textfiles`; Parquet:
:mod:`socprev_kit.parquet`).

Each reader finds the header row, reads the body as columns and hands them to
:func:`socprev_kit.loading.add_table`, which maps the headers to canonical names. What a reader
cannot make sense of becomes an issue on the :class:`~socprev_kit.loading.ReadResult`.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .contract import SHEET_NAMES, normalise_header
from .limits import limits
from .loading import (
    ReadResult,
    _filled,
    _known_headers,
    _letter,
    add_table,
    identify,
)


def _frame_columns(body: pd.DataFrame) -> list[np.ndarray]:
    cells = body.to_numpy(dtype=object)
    return [cells[:, j] for j in range(cells.shape[1])] if cells.ndim == 2 else []


# --- Excel ---------------------------------------------------------------------------------------


def read_excel(path: Path, result: ReadResult) -> None:
    """Every sheet with a table; the registration sheet of the kit's workbook (wide: one column
    per period) through :mod:`socprev_kit.workbook.read`, its instructions and code lists
    skipped without a word."""
    import openpyxl

    from .workbook.layout import AUXILIARY
    from .workbook.read import formula_cells, read_registration_sheet, template_sheets

    name = str(path)
    small = path.stat().st_size < 5_000_000
    wb = openpyxl.load_workbook(path, read_only=not small, data_only=True)
    try:
        templates = template_sheets(wb)
        wanted = (small or templates) and _has_formulas(path)
        formulas = formula_cells(path) if wanted else {}
        several = len(wb.worksheets) > 1
        for ws in wb.worksheets:
            if ws.title in templates:
                found = formulas.get(ws.title, {})
                read_registration_sheet(result, name, ws, templates[ws.title], found)
            elif not (templates and normalise_header(ws.title) in AUXILIARY):
                uncached = _uncached(ws, formulas.get(ws.title, {})) if small else {}
                _read_sheet(result, name, ws, several, small, uncached)
    finally:
        wb.close()


def _read_sheet(
    result: ReadResult,
    name: str,
    ws,
    several: bool,
    small: bool,  # noqa: ANN001
    formulas: dict[tuple[int, int], str],
) -> None:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    nonblank = [i for i, r in enumerate(rows) if any(_filled(c) for c in r)]
    if not nonblank:
        if not several:
            result.issue("empty_file", name, ws.title)
        return
    search = range(min(len(rows), limits().header_lines))
    hdr = max(search, key=lambda i: _known_headers(rows[i]))
    if _known_headers(rows[hdr]) < 2 or identify(rows[hdr], ws.title) is None:
        _unrecognised(result, name, ws.title, rows[nonblank[0]], nonblank[0] + 1, several)
        return
    if ws.sheet_state != "visible":
        result.issue("hidden_sheet", name, ws.title)
    for rng in ws.merged_cells.ranges if small else []:
        if rng.min_row == hdr + 1:
            result.issue("merged_header", name, ws.title, row=hdr + 1, hint=str(rng))
    for (r, c), formula in sorted(formulas.items()):
        if r > hdr + 1:
            head = rows[hdr][c - 1] if c - 1 < len(rows[hdr]) else None
            result.issue(
                "formula_without_value",
                name,
                ws.title,
                row=r,
                column=str(head) if _filled(head) else _letter(c - 1),
                value=formula,
            )
    add_table(
        result,
        name,
        ws.title,
        rows[hdr],
        _frame_columns(pd.DataFrame(rows[hdr + 1 :])),
        decimal_comma=True,
        header_row=hdr + 1,
    )


#: A formula element of a worksheet's XML, with or without a namespace prefix.
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")


def _has_formulas(path: Path) -> bool:
    """Whether a worksheet of the workbook holds a formula, read from its XML without opening
    the workbook (most registration files hold none: no second, slower read for them)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            sheets = [
                n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")
            ]
            return any(_FORMULA_TAG.search(z.read(n)) for n in sheets)
    except (zipfile.BadZipFile, OSError, KeyError):
        return True  # openpyxl reads it, or says what is wrong


def _uncached(ws, formulas: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:  # noqa: ANN001
    """The formula cells of a sheet (read as values) without a stored result.

    A workbook written by a program other than a spreadsheet (or saved without recalculation)
    holds formulas but no results; read as values, those cells look empty.
    """
    return {rc: f for rc, f in formulas.items() if ws.cell(*rc).value is None}


def _unrecognised(
    result: ReadResult, file: str, sheet: str, first: list, row: int, several: bool
) -> None:
    if several and not SHEET_NAMES.get(normalise_header(sheet)):
        result.issue("sheet_skipped", file, sheet)
        return
    text = " | ".join(str(c) for c in first if _filled(c))[:80]
    result.issue("unrecognised_table", file, sheet, row=row, value=text, hint=text)


# --- shared --------------------------------------------------------------------------------------
