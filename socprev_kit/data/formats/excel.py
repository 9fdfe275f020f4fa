"""The readers of xlsx workbooks (text files: :mod:`socprev_kit.data.formats.csv`; Parquet:
:mod:`socprev_kit.data.formats.parquet`).

Each reader finds the header row, reads the body as columns and hands them to
:func:`socprev_kit.data.tables.add_table`, which maps the headers to canonical names. What a reader
cannot make sense of becomes an issue on the :class:`~socprev_kit.data.tables.ReadResult`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from pathlib import Path

import numpy as np

from ...common.limits import limits
from ..contract import ALIASES, SHEET_NAMES, normalise_header
from ..tables import ReadResult, add_table, column_letter, filled, identify, known_headers
from .xlsx import SheetCells

#: Every header the kit knows, folded: a cheap first test of a row that may be a header.
_ALIAS_KEYS = frozenset(k for m in ALIASES.values() for k in m)


def read_excel(path: Path, result: ReadResult, derived: Collection[str] = frozenset()) -> None:
    """Every sheet with a table; the registration sheet of the kit's workbook (wide: one column
    per period) through :mod:`socprev_kit.data.formats.registration`, its instructions and code
    lists skipped without a word.

    The zip is checked before the workbook is opened and only the cells that hold something
    are read (:mod:`socprev_kit.data.formats.xlsx`); a workbook or sheet over a limit is refused
    whole with an issue naming the limit.
    """
    from .registration import read_registration_sheet, template_sheets
    from .registration_layout import AUXILIARY
    from .xlsx import OverLimit, check_archive, open_book, read_cells, top_cells

    name = str(path)
    try:
        check_archive(path)
    except OverLimit as over:
        result.issue("xlsx_over_limit", name, hint=over.hint)
        return
    book = open_book(path)
    try:
        top = limits().header_lines
        templates = template_sheets({s.title: top_cells(book, s, top) for s in book.sheets})
        several = len(book.sheets) > 1
        for sheet in book.sheets:
            title = sheet.title
            if title not in templates and templates and normalise_header(title) in AUXILIARY:
                continue
            try:
                cells = read_cells(book, sheet)
                if title in templates:
                    read_registration_sheet(result, name, sheet, templates[title], cells, derived)
                else:
                    _read_sheet(result, name, sheet, several, cells)
            except OverLimit as over:
                result.issue("sheet_over_limit", name, title, hint=over.hint)
    finally:
        book.close()


def _read_sheet(result: ReadResult, name: str, ws, several: bool, cells: SheetCells) -> None:  # noqa: ANN001
    """The tables of one sheet: the header anywhere in its first rows that hold a value, and a
    second header row further down (two tables in one sheet) starting a table of its own."""
    order = sorted(cells.rows)
    if not order:
        if not several:
            result.issue("empty_file", name, ws.title)
        return
    top = order[: limits().header_lines]
    hdr = max(top, key=lambda r: known_headers(cells.row(r)))
    if known_headers(cells.row(hdr)) < 2 or identify(cells.row(hdr), ws.title) is None:
        unrecognised(result, name, ws.title, cells.row(order[0]), order[0], several)
        return
    if ws.sheet_state != "visible":
        result.issue("hidden_sheet", name, ws.title)
    starts = _table_starts(hdr, _header_rows(cells, order, ws.title), order)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else None
        body = [r for r in order if r > start and (end is None or r < end)]
        _add_sheet_table(result, name, ws.title, cells, start, body)


def _table_starts(hdr: int, candidates: list[int], order: list[int]) -> list[int]:
    """The header row of each table: of header rows one right below the other (a Dutch and a
    French header), the best one ``hdr`` or else the first; the others are rows of its table,
    which validation names."""
    place = {r: i for i, r in enumerate(order)}
    runs: list[list[int]] = []
    for r in sorted({hdr, *candidates}):
        if runs and place[r] == place[runs[-1][-1]] + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    return [hdr if hdr in run else run[0] for run in runs]


def _header_rows(cells: SheetCells, order: list[int], sheet: str) -> list[int]:
    """Rows that are the header row of a table (three known headers or more): a sheet may hold
    two tables, one below the other."""
    known = functools.lru_cache(maxsize=4096)(lambda v: normalise_header(v) in _ALIAS_KEYS)
    found = []
    for r in order:
        texts = [v for v in cells.rows[r].values() if isinstance(v, str)]
        if len(texts) >= 3 and sum(map(known, texts)) >= 3:
            row = cells.row(r)
            if known_headers(row) >= 3 and identify(row, sheet) is not None:
                found.append(r)
    return found


def _add_sheet_table(
    result: ReadResult, name: str, sheet: str, cells: SheetCells, hdr: int, body: list[int]
) -> None:
    header = cells.row(hdr)
    width = min(len(header), limits().columns)
    header = header[:width]
    for rng in cells.merged:
        if _merge_top(rng) == hdr:
            result.issue("merged_header", name, sheet, row=hdr, hint=rng)
    last = body[-1] if body else hdr
    for (r, c), formula in sorted(cells.formulas.items()):
        if hdr < r <= last and c - 1 not in cells.rows.get(r, {}):
            head = header[c - 1] if c - 1 < width else None
            column = str(head) if filled(head) else column_letter(c - 1)
            result.issue("formula_without_value", name, sheet, row=r, column=column, value=formula)
    for j in cells.beyond(body, width):
        result.issue("unnamed_column", name, sheet, row=hdr, column=column_letter(j))
    grid = cells.block(body, width)
    columns = [grid[:, j] for j in range(width)]
    rows = np.asarray(body, dtype=int)
    add_table(result, name, sheet, header, columns, decimal_comma=True, header_row=hdr, rows=rows)


def _merge_top(ref: str) -> int | None:
    """The first row of a merged range such as ``A1:C1``, or ``None`` for a broken one."""
    m = re.match(r"\$?[A-Za-z]{1,3}\$?(\d+)", ref)
    return int(m.group(1)) if m else None


def unrecognised(
    result: ReadResult, file: str, sheet: str, first: list, row: int, several: bool
) -> None:
    """The issue of a table whose header row matches none of the kit's tables (``first`` is
    its first row, at ``row``); a sheet of a workbook with ``several`` sheets that is not named
    after a table is only noted as skipped."""
    if several and not SHEET_NAMES.get(normalise_header(sheet)):
        result.issue("sheet_skipped", file, sheet)
        return
    text = " | ".join(str(c) for c in first if filled(c))[:80]
    result.issue("unrecognised_table", file, sheet, row=row, value=text, hint=text)


# --- shared --------------------------------------------------------------------------------------
