"""The readers of each file format: CSV (any Belgian dialect) and xlsx workbooks (Parquet:
:mod:`socprev_kit.parquet`).

Each reader finds the header row, reads the body as columns and hands them to
:func:`socprev_kit.loading.add_table`, which maps the headers to canonical names. What a reader
cannot make sense of becomes an issue on the :class:`~socprev_kit.loading.ReadResult`.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .contract import SHEET_NAMES, normalise_header
from .loading import (
    HEADER_SEARCH_ROWS,
    ReadResult,
    _filled,
    _known_headers,
    _letter,
    add_table,
    identify,
)


def decode(raw: bytes) -> tuple[str, str]:
    """Decode file bytes; returns ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; a file that is not valid
    UTF-8 is read as Windows-1252, line by line where only some lines are UTF-8 (a file pasted
    together from two exports): then the encoding is ``"mixed"``.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    head = raw[:400]
    if head.count(b"\x00") > len(head) // 4:  # UTF-16 without a BOM: every other byte is NUL
        little = head[1::2].count(b"\x00") > head[0::2].count(b"\x00")
        return raw.decode("utf-16-le" if little else "utf-16-be", errors="replace"), "utf-16"
    bom = raw.startswith(b"\xef\xbb\xbf")
    body = raw[3:] if bom else raw
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    lines = body.splitlines(keepends=True)
    decoded, utf8 = [], 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8 += any(b > 127 for b in line)
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
    return "".join(decoded), "mixed" if utf8 else "cp1252"


def sniff(lines: list[str]) -> tuple[int, str, int]:
    """Find the header line and the separator: ``(line index, separator, known headers)``."""
    best = (0, ";", 0)
    for i, line in enumerate(lines[:HEADER_SEARCH_ROWS]):
        for sep in (";", ",", "\t", "|"):
            if sep not in line:
                continue
            cells = next(csv.reader([line], delimiter=sep), [])
            score = _known_headers(cells)
            if score > best[2]:
                best = (i, sep, score)
        if best[2] >= 3:
            break
    return best


def read_csv(path: Path, result: ReadResult) -> None:
    name = str(path)
    raw = path.read_bytes()
    text, encoding = decode(raw)
    if encoding in ("cp1252", "mixed"):
        result.issue("encoding_guess", name)
    end = text.rstrip().rfind("\x1a")
    if end != -1 and not text[end + 1 :].strip():  # a DOS end-of-file mark is not a line
        text = text[:end]
    if not text.strip():
        result.issue("empty_file", name)
        return
    lines = text[:16384].splitlines()
    hdr, sep, score = sniff(lines)
    if score < 2:
        first = next((ln for ln in lines if ln.strip()), "")[:80]
        result.issue("unrecognised_table", name, row=1, value=first, hint=first)
        return
    header = next(csv.reader([lines[hdr]], delimiter=sep))
    rows = None
    columns = (
        None if "\x1a" in text else _csv_columns_arrow(raw, text, encoding, sep, hdr, len(header))
    )
    if columns is None:
        columns, rows = _csv_columns_python(result, name, text, sep, hdr, len(header))
    add_table(
        result, name, "", header, columns, decimal_comma=sep != ",", header_row=hdr + 1, rows=rows
    )


def _csv_columns_arrow(
    raw: bytes, text: str, encoding: str, sep: str, hdr: int, width: int
) -> list | None:
    """The body as Arrow string columns, or ``None`` where the fast reader does not apply.

    Arrow's reader is several times faster than pandas' on the files of a large data set, but it
    skips blank lines (row numbers would shift) and refuses rows longer than the header: such
    files, and files with quotes, go through pandas instead.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if '"' in text or encoding in ("utf-16", "mixed") or _blank_line_inside(text):
        return None
    data = raw[3:] if encoding == "utf-8-sig" else raw
    names = [f"c{j}" for j in range(width)]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(
                skip_rows=hdr + 1,
                column_names=names,
                encoding="cp1252" if encoding == "cp1252" else "utf8",
            ),
            parse_options=pacsv.ParseOptions(delimiter=sep),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError):
        return None
    return [table.column(j) for j in range(width)]


def _blank_line_inside(text: str) -> bool:
    """True when an empty line stands before the last line with data."""
    for blank in ("\n\n", "\r\n\r\n", "\n\r\n"):
        at = text.find(blank)
        if at != -1 and text[at:].strip():
            return True
    return False


def _csv_columns_python(
    result: ReadResult, name: str, text: str, sep: str, hdr: int, width: int
) -> tuple[list[np.ndarray], np.ndarray]:
    """The body read with the csv module: quoted separators and line breaks, blank lines and
    ragged rows, with the line each record starts on (what a text editor shows).

    A row with more filled cells than there are headers (often ``7,5`` typed in a file separated
    by commas) is reported and not used: which cell is which cannot be known.
    """
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    records, starts = [], []
    previous = 0
    for record in reader:
        start, previous = previous + 1, reader.line_num
        if start <= hdr + 1:
            continue
        extra = [c for c in record[width:] if c.strip()]
        if extra:
            result.issue(
                "ragged_row", name, row=start, value=sep.join(record)[:80], hint=str(width)
            )
            record = []
        records.append((record + [""] * width)[:width])
        starts.append(start)
    cells = np.empty((len(records), width), dtype=object)
    for i, record in enumerate(records):
        cells[i, :] = record
    return [cells[:, j] for j in range(width)], np.asarray(starts, dtype=int)


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
    search = range(min(len(rows), HEADER_SEARCH_ROWS))
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
