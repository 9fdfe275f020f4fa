"""Read registration files (xlsx, CSV in Belgian dialects, Parquet) into raw canonical tables.

Only this module reads data files. It finds the header row, maps Dutch, French and English headers
to canonical names (:mod:`socprev_kit.contract`), and keeps for every row the file, sheet and row
number a person would look up. It does not judge the values: :mod:`socprev_kit.validation` does.
Whatever it cannot read becomes an issue, never an exception.
"""

from __future__ import annotations

import csv
import difflib
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .contract import ALIASES, SHEET_NAMES, normalise_header, required

if TYPE_CHECKING:
    from .validation import Dataset

log = logging.getLogger(__name__)

DATA_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".parquet", ".pq"}
HEADER_SEARCH_ROWS = 30


@dataclass
class RawTable:
    """One table read from one file or sheet: cell values as typed, under canonical names."""

    table: str
    columns: dict[str, np.ndarray]  # canonical columns + source_file, source_sheet, source_row
    headers: dict[str, str]  # canonical name -> header as written in the file
    decimal_comma: bool = True
    file: str = ""
    sheet: str = ""

    def __len__(self) -> int:
        return len(self.columns["source_row"])

    def column(self, name: str):  # noqa: ANN201 - NumPy or Arrow array, or None
        """One column; the provenance columns are filled from ``file`` and ``sheet``."""
        if name in self.columns:
            return self.columns[name]
        if name in ("source_file", "source_sheet"):
            value = self.file if name == "source_file" else self.sheet
            return np.full(len(self), value, dtype=object)
        return None

    @property
    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame of plain objects (for inspection and tests)."""
        names = list(self.columns) + [
            c for c in ("source_file", "source_sheet") if c not in self.columns
        ]
        return pd.DataFrame({c: pd.Series(_numpy(self.column(c))) for c in names})


@dataclass
class ReadResult:
    """Everything read from a set of paths: the tables and the problems met while reading."""

    tables: list[RawTable] = field(default_factory=list)
    issues: list[dict] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)

    def issue(
        self,
        check: str,
        file: str,
        sheet: str = "",
        row: object = None,
        column: str = "",
        value: object = "",
        hint: str = "",
    ) -> None:
        self.issues.append(
            {
                "file": file,
                "sheet": sheet,
                "row": row,
                "column": column,
                "value": value,
                "check": check,
                "hint": hint,
            }
        )


def expand_paths(paths: Iterable[str | Path] | str | Path) -> Iterator[tuple[Path, bool]]:
    """Files named, and data files found below folders; ``(path, named_explicitly)``."""
    if isinstance(paths, str | Path):
        paths = [paths]
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in DATA_SUFFIXES and not _hidden(f, p):
                    yield f, False
        else:
            yield p, True


def _hidden(f: Path, root: Path) -> bool:
    parts = f.relative_to(root).parts
    return any(part.startswith((".", "~$", "_")) for part in parts)


def read_paths(paths: Iterable[str | Path] | str | Path) -> ReadResult:
    """Read every file named or found below the folders named."""
    result = ReadResult()
    for path, explicit in expand_paths(paths):
        name = str(path)
        if not path.exists():
            result.issue("unreadable_file", name, hint="file not found / bestand niet gevonden")
            continue
        suffix = path.suffix.lower()
        if suffix not in DATA_SUFFIXES:
            if explicit:
                result.issue("unsupported_file", name, value=path.suffix)
            continue
        n_before = len(result.tables)
        try:
            if suffix in {".xlsx", ".xlsm"}:
                _read_excel(path, result)
            elif suffix in {".parquet", ".pq"}:
                _read_parquet(path, result)
            else:
                _read_csv(path, result)
        except Exception as exc:  # noqa: BLE001 - any failure to read is the user's file, not ours
            log.debug("cannot read %s", path, exc_info=True)
            result.issue("unreadable_file", name, hint=f"{type(exc).__name__}: {exc}"[:200])
        n_rows = sum(len(t) for t in result.tables[n_before:])
        result.files.append({"file": name, "rows": n_rows})
    return result


def load(
    paths: Iterable[str | Path] | str | Path,
    *,
    lang: str = "nl",
    strict: bool = False,
    catalogue: pd.DataFrame | str | Path | None = None,
) -> Dataset:
    """Read files or folders and return the validated canonical tables.

    Parameters
    ----------
    paths
        One or more files (xlsx, csv, parquet) or folders; a folder is read with every data file
        below it, except names starting with ``.``, ``_`` or ``~$``.
    lang
        Language of the issue messages: ``"nl"``, ``"fr"`` or ``"en"``.
    strict
        Raise :class:`~socprev_kit.errors.ValidationError` when any issue is an error.
    catalogue
        A catalogue file of the user's own indicators, added to the shipped one.

    Returns
    -------
    Dataset
        ``registrations``, ``projects`` and ``objectives`` (usable rows), ``issues`` and ``files``.

    Examples
    --------
    >>> data = load("sample_data/clean")  # doctest: +SKIP
    >>> data.issues.query("severity == 'error'")  # doctest: +SKIP
    """
    from .validation import validate

    return validate(read_paths(paths), lang=lang, strict=strict, catalogue=catalogue)


# --- CSV -----------------------------------------------------------------------------------------


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


def _read_csv(path: Path, result: ReadResult) -> None:
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
    _add_table(
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


def _read_excel(path: Path, result: ReadResult) -> None:
    import openpyxl

    name = str(path)
    small = path.stat().st_size < 5_000_000
    wb = openpyxl.load_workbook(path, read_only=not small, data_only=True)
    formulas = _uncached_formulas(path) if small else {}
    several = len(wb.worksheets) > 1
    try:
        for ws in wb.worksheets:
            _read_sheet(result, name, ws, several, small, formulas.get(ws.title, {}))
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
    _add_table(
        result,
        name,
        ws.title,
        rows[hdr],
        _frame_columns(pd.DataFrame(rows[hdr + 1 :])),
        decimal_comma=True,
        header_row=hdr + 1,
    )


def _uncached_formulas(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Formula cells without a stored result, per sheet: ``{sheet: {(row, col): formula}}``.

    A workbook written by a program other than a spreadsheet (or saved without recalculation)
    holds formulas but no results; read as values, those cells look empty.
    """
    import openpyxl

    formulas_wb = openpyxl.load_workbook(path, data_only=False)
    values_wb = None
    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        for ws in formulas_wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type != "f":
                        continue
                    if values_wb is None:
                        values_wb = openpyxl.load_workbook(path, data_only=True)
                    if values_wb[ws.title].cell(cell.row, cell.column).value is None:
                        out.setdefault(ws.title, {})[(cell.row, cell.column)] = str(cell.value)
    finally:
        formulas_wb.close()
    return out


def _read_parquet(path: Path, result: ReadResult) -> None:
    frame = pd.read_parquet(path)
    if any(n is not None for n in frame.index.names):  # columns saved as the index
        frame = frame.reset_index()
    header = [str(c) for c in frame.columns]
    if _known_headers(header) < 2 or identify(header) is None:
        _unrecognised(result, str(path), "", header, 1, False)
        return
    body = [frame.iloc[:, j].to_numpy(dtype=object) for j in range(frame.shape[1])]
    _add_table(result, str(path), "", header, body, decimal_comma=True, header_row=1)


def _unrecognised(
    result: ReadResult, file: str, sheet: str, first: list, row: int, several: bool
) -> None:
    if several and not SHEET_NAMES.get(normalise_header(sheet)):
        result.issue("sheet_skipped", file, sheet)
        return
    text = " | ".join(str(c) for c in first if _filled(c))[:80]
    result.issue("unrecognised_table", file, sheet, row=row, value=text, hint=text)


# --- shared --------------------------------------------------------------------------------------


def _known_headers(cells: list) -> int:
    folded = {normalise_header(c) for c in cells if _filled(c)}
    return max(len(folded & set(m)) for m in ALIASES.values())


def identify(headers: list, sheet: str = "") -> str | None:
    """Which canonical table a header row belongs to, or ``None``."""
    folded = {normalise_header(h) for h in headers if _filled(h)}
    by_sheet = SHEET_NAMES.get(normalise_header(sheet)) if sheet else None
    scores = {}
    for table, m in ALIASES.items():
        hits = {m[h] for h in folded if h in m}
        if len(hits) < 2:
            continue
        need = required(table)
        scores[table] = (table == by_sheet, sum(c in hits for c in need) / len(need), len(hits))
    return max(scores, key=scores.__getitem__) if scores else None


def _add_table(
    result: ReadResult,
    file: str,
    sheet: str,
    header: list,
    body: list,
    *,
    decimal_comma: bool,
    header_row: int,
    rows: np.ndarray | None = None,
) -> None:
    """Map ``header`` to canonical names and add the columns of ``body`` (in file order; NumPy
    object arrays or Arrow string arrays, all of one length).

    ``header_row`` is the 1-based row of the header in the file, so that reported row numbers are
    the ones the user sees. Blank rows are dropped later, for all files at once.
    """
    table = identify(header, sheet)
    mapping = ALIASES[table]
    width = len(body)
    n = len(body[0]) if body else 0
    header = list(header) + [None] * (width - len(header))
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for j, h in enumerate(header):
        canon = mapping.get(normalise_header(h)) if _filled(h) else None
        if canon is not None and canon not in columns:
            columns[canon] = j
            headers[canon] = str(h).strip()
            continue
        if j >= width or not _has_data(body[j]):
            continue
        if not _filled(h):
            result.issue("unnamed_column", file, sheet, row=header_row, column=_letter(j))
        elif canon is None:
            close = difflib.get_close_matches(normalise_header(h), list(mapping), n=1)
            result.issue(
                "unknown_column",
                file,
                sheet,
                row=header_row,
                column=str(h),
                value=str(h),
                hint=f"'{close[0]}'" if close else "?",
            )
        else:
            result.issue(
                "duplicate_column",
                file,
                sheet,
                row=header_row,
                column=str(h),
                value=str(h),
                hint=f"{headers[canon]} / {h}",
            )
    data = {c: body[j] if j < width else np.full(n, None, dtype=object) for c, j in columns.items()}
    data["source_row"] = rows if rows is not None else np.arange(header_row + 1, header_row + 1 + n)
    result.tables.append(RawTable(table, data, headers, decimal_comma, file, sheet))


def _has_data(col) -> bool:  # noqa: ANN001 - NumPy or Arrow array
    if not isinstance(col, np.ndarray):
        import pyarrow.compute as pc

        return bool(pc.any(pc.not_equal(pc.utf8_trim_whitespace(col), "")).as_py())
    return any(_filled(c) for c in col)


def _numpy(values) -> np.ndarray:  # noqa: ANN001 - NumPy or Arrow array
    """A column as a NumPy array (Arrow strings become Python strings)."""
    if isinstance(values, np.ndarray):
        return values
    return np.asarray(values.to_pylist(), dtype=object)


def _filled(c: object) -> bool:
    return c is not None and not (isinstance(c, float) and c != c) and str(c).strip() != ""


def _letter(j: int) -> str:
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s
