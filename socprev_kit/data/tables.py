"""The raw tables a reader makes of a file, before any value is judged.

Every reader (:mod:`socprev_kit.data.formats`, :mod:`socprev_kit.data.store`) adds what it reads
to a :class:`ReadResult`: one :class:`RawTable` per table found (cells as typed, under canonical
names, with the file, sheet, row and column letter a person would look up) and one issue per
thing it could not read. :func:`add_table` maps a header row to canonical names
(:mod:`socprev_kit.data.contract`).
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .contract import ALIASES, SHEET_NAMES, normalise_header, required


@dataclass
class RawTable:
    """One table read from one file or sheet: cell values as typed, under canonical names."""

    table: str
    columns: dict[str, np.ndarray]  # canonical columns + source_row (+ other provenance)
    headers: dict[str, str]  # canonical name -> header as written in the file
    decimal_comma: bool = True
    file: str = ""
    sheet: str = ""
    letters: dict[str, str] = field(default_factory=dict)  # canonical name -> column letter

    def __len__(self) -> int:
        return len(self.columns["source_row"])

    def column(self, name: str):  # noqa: ANN201 - NumPy or Arrow array, or None
        """One column; the provenance columns are filled from ``file``, ``sheet`` and the
        letter of the ``value`` column."""
        if name in self.columns:
            return self.columns[name]
        if name in ("source_file", "source_sheet", "source_column"):
            return np.full(len(self), self.provenance(name), dtype=object)
        return None

    def provenance(self, name: str) -> str:
        """``source_file``, ``source_sheet`` or ``source_column`` of every row of the table
        (when not given per row in :attr:`columns`)."""
        if name == "source_file":
            return self.file
        if name == "source_sheet":
            return self.sheet
        return self.letters.get("value", "")

    @property
    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame of plain objects (for inspection and tests)."""
        names = list(self.columns) + [
            c for c in ("source_file", "source_sheet", "source_column") if c not in self.columns
        ]
        return pd.DataFrame({c: pd.Series(as_numpy(self.column(c))) for c in names})


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


def known_headers(cells: list) -> int:
    """How many headers of one table's (the best match) ``cells`` holds."""
    folded = {normalise_header(c) for c in cells if filled(c)}
    return max(len(folded & set(m)) for m in ALIASES.values())


def identify(headers: list, sheet: str = "") -> str | None:
    """Which canonical table a header row belongs to, or ``None``.

    The table named by the sheet first, then the share of its required columns present, then
    the number of its columns present. Context data are registrations without a project: a row
    of headers with a project column is never context, and one without is context rather than
    registrations (unless its sheet is named after the registrations, which then lack their
    project column).

    >>> identify(["Project", "NIS-code", "Periode", "Indicator", "Waarde"])
    'registrations'
    >>> identify(["NIS-code", "Periode", "Indicator", "Waarde", "Bron"])
    'context'
    >>> identify(["NIS-code", "Periode", "Indicator", "Waarde"], sheet="Registraties")
    'registrations'
    """
    folded = {normalise_header(h) for h in headers if filled(h)}
    by_sheet = SHEET_NAMES.get(normalise_header(sheet)) if sheet else None
    has_project = any(map(_project_like, folded))
    scores = {}
    for table, m in ALIASES.items():
        hits = {m[h] for h in folded if h in m}
        if len(hits) < 2 or (table == "context" and has_project):
            continue
        need = required(table)
        scores[table] = (table == by_sheet, sum(c in hits for c in need) / len(need), len(hits))
    return max(scores, key=scores.__getitem__) if scores else None


def without_project(raws: list[RawTable], cat: pd.DataFrame) -> list[RawTable]:
    """The raw tables, a context table that is a registrations table without its project column
    taken as such: one that holds no indicator allowed as context but some that are not (the
    project's contacts, O04, and referrals, O05, of a file whose project column was deleted).
    Its rows then give the missing column's error once, not one error per row. ``cat``: the
    indicator catalogue (:func:`socprev_kit.data.catalogue.indicator_catalogue`)."""
    table = cat.drop_duplicates("indicator_id").set_index("indicator_id")
    allowed = set(table.index[table["context"].astype(bool)])
    refused = set(table.index) - allowed
    out = []
    for raw in raws:
        ids = _distinct_ids(raw) if raw.table == "context" else set()
        if ids & refused and not ids & allowed:
            raw = dataclasses.replace(raw, table="registrations")
        out.append(raw)
    return out


def _distinct_ids(raw: RawTable) -> set[str]:
    """The distinct indicator ids of a raw table, stripped (NumPy or Arrow column)."""
    col = raw.columns.get("indicator_id")
    if col is None:
        return set()
    if not isinstance(col, np.ndarray):
        import pyarrow.compute as pc

        col = np.asarray(pc.unique(col).to_pylist(), dtype=object)
    return {str(v).strip() for v in pd.unique(col) if v is not None and v == v}


_PROJECT = [h for h, c in ALIASES["registrations"].items() if c == "project_id"]


def _project_like(header: str) -> bool:
    """A folded header that names a project column, or looks like one (``Projectcode``,
    ``p"roject``): a table with it is never context data."""
    return (
        header in _PROJECT
        or "project" in header
        or "projet" in header
        or bool(difflib.get_close_matches(header, _PROJECT, n=1, cutoff=0.8))
    )


def add_table(
    result: ReadResult,
    file: str,
    sheet: str,
    header: list,
    body: list,
    *,
    decimal_comma: bool,
    header_row: int,
    rows: np.ndarray | None = None,
    positions: list[int] | None = None,
) -> None:
    """Map ``header`` to canonical names and add the columns of ``body`` (in file order; NumPy
    object arrays or Arrow string arrays, all of one length).

    ``header_row`` is the 1-based row of the header in the file, so that reported row numbers are
    the ones the user sees. Blank rows are dropped later, for all files at once. ``positions``:
    the column of the file of each header cell, where columns were left out (their letters).
    """
    table = identify(header, sheet)
    mapping = ALIASES[table]
    at = positions or range(max(len(body), len(header)))
    width = len(body)
    n = len(body[0]) if body else 0
    header = list(header) + [None] * (width - len(header))
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for j, h in enumerate(header):
        canon = mapping.get(normalise_header(h)) if filled(h) else None
        if canon is not None and canon not in columns:
            columns[canon] = j
            headers[canon] = str(h).strip()
            continue
        if j >= width or not _has_data(body[j]):
            continue
        if not filled(h):
            result.issue("unnamed_column", file, sheet, row=header_row, column=column_letter(at[j]))
        elif canon is None:
            close = difflib.get_close_matches(normalise_header(h), list(mapping), n=1)
            result.issue(
                "unknown_column",
                file,
                sheet,
                row=header_row,
                column=str(h),
                value=str(h),
                hint=f"'{close[0]}'" if close else "",
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
    letters = {c: column_letter(at[j]) for c, j in columns.items()}
    result.tables.append(RawTable(table, data, headers, decimal_comma, file, sheet, letters))


def _has_data(col) -> bool:  # noqa: ANN001 - NumPy or Arrow array
    if not isinstance(col, np.ndarray):
        import pyarrow.compute as pc

        return bool(pc.any(pc.not_equal(pc.utf8_trim_whitespace(col), "")).as_py())
    return any(filled(c) for c in col)


def as_numpy(values) -> np.ndarray:  # noqa: ANN001 - NumPy or Arrow array
    """A column as a NumPy array (Arrow strings become Python strings)."""
    if isinstance(values, np.ndarray):
        return values
    return np.asarray(values.to_pylist(), dtype=object)


def filled(c: object) -> bool:
    """Whether a cell holds something (not ``None``, NaN or blank text)."""
    return c is not None and not (isinstance(c, float) and c != c) and str(c).strip() != ""


def column_letter(j: int) -> str:
    """The spreadsheet letter of 0-based column ``j``: ``column_letter(27) == "AB"``."""
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s
