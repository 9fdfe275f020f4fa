"""The readers of each file format: CSV (any Belgian dialect), xlsx workbooks and Parquet.

Each reader finds the header row, reads the body as columns and hands them to
:func:`socprev_kit.loading.add_table`, which maps the headers to canonical names. What a reader
cannot make sense of becomes an issue on the :class:`~socprev_kit.loading.ReadResult`.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .contract import ALIASES, SHEET_NAMES, normalise_header
from .limits import limits
from .loading import (
    HEADER_SEARCH_ROWS,
    ReadResult,
    _filled,
    _known_headers,
    _letter,
    add_table,
    identify,
)
from .xlsx import SheetCells

#: Every header the kit knows, folded: a cheap first test of a row that may be a header.
_ALIAS_KEYS = frozenset(k for m in ALIASES.values() for k in m)


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


# --- Excel ---------------------------------------------------------------------------------------


def read_excel(path: Path, result: ReadResult) -> None:
    """Every sheet with a table; the registration sheet of the kit's workbook (wide: one column
    per period) through :mod:`socprev_kit.workbook.read`, its instructions and code lists
    skipped without a word.

    The zip is checked before the workbook is opened and only the cells that hold something
    are read (:mod:`socprev_kit.xlsx`); a workbook or sheet over a limit is refused whole with
    an issue naming the limit.
    """
    from .workbook.layout import AUXILIARY
    from .workbook.read import read_registration_sheet, template_sheets
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
                    read_registration_sheet(result, name, sheet, templates[title], cells)
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
    hdr = max(top, key=lambda r: _known_headers(cells.row(r)))
    if _known_headers(cells.row(hdr)) < 2 or identify(cells.row(hdr), ws.title) is None:
        _unrecognised(result, name, ws.title, cells.row(order[0]), order[0], several)
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
            if _known_headers(row) >= 3 and identify(row, sheet) is not None:
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
            column = str(head) if _filled(head) else _letter(c - 1)
            result.issue("formula_without_value", name, sheet, row=r, column=column, value=formula)
    for j in cells.beyond(body, width):
        result.issue("unnamed_column", name, sheet, row=hdr, column=_letter(j))
    grid = cells.block(body, width)
    columns = [grid[:, j] for j in range(width)]
    rows = np.asarray(body, dtype=int)
    add_table(result, name, sheet, header, columns, decimal_comma=True, header_row=hdr, rows=rows)


def _merge_top(ref: str) -> int | None:
    """The first row of a merged range such as ``A1:C1``, or ``None`` for a broken one."""
    m = re.match(r"\$?[A-Za-z]{1,3}\$?(\d+)", ref)
    return int(m.group(1)) if m else None


def read_parquet(path: Path, result: ReadResult) -> None:
    frame = pd.read_parquet(path)
    if any(n is not None for n in frame.index.names):  # columns saved as the index
        frame = frame.reset_index()
    header = [str(c) for c in frame.columns]
    if _known_headers(header) < 2 or identify(header) is None:
        _unrecognised(result, str(path), "", header, 1, False)
        return
    body = [frame.iloc[:, j].to_numpy(dtype=object) for j in range(frame.shape[1])]
    add_table(result, str(path), "", header, body, decimal_comma=True, header_row=1)


def _unrecognised(
    result: ReadResult, file: str, sheet: str, first: list, row: int, several: bool
) -> None:
    if several and not SHEET_NAMES.get(normalise_header(sheet)):
        result.issue("sheet_skipped", file, sheet)
        return
    text = " | ".join(str(c) for c in first if _filled(c))[:80]
    result.issue("unrecognised_table", file, sheet, row=row, value=text, hint=text)


# --- shared --------------------------------------------------------------------------------------
