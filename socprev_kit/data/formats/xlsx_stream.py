"""The XML of one worksheet read as a stream (expat), keeping only the cells that hold a value
or a formula, converted as a spreadsheet shows them: :mod:`socprev_kit.data.formats.xlsx` uses
it."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

import numpy as np

from ...common.limits import Limits, limits

_REF = re.compile(r"([A-Za-z]{0,3})(\d*)")


class OverLimit(Exception):  # noqa: N818 - a limit, not an error of the kit
    """A workbook or sheet over a limit; ``hint`` names what, how much, the limit and its
    variable (for the issue's message)."""

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


def over_limit(what: str, amount: str, name: str, lim: Limits) -> OverLimit:
    said = f"{what}: {amount}" if amount else what
    return OverLimit(f"{said} > {getattr(lim, name):g} ({Limits.variable(name)})")


@dataclass
class Sheet:
    """A worksheet as the workbook declares it; ``part`` is ``None`` when its XML is missing."""

    title: str
    sheet_state: str
    part: str | None


@dataclass
class Book:
    """An open workbook: its zip, shared strings, date styles and worksheets (chart sheets,
    which hold no cells, left out)."""

    archive: zipfile.ZipFile
    strings: list
    epoch: object
    dates: set
    spans: set
    sheets: list[Sheet]

    def close(self) -> None:
        self.archive.close()


@dataclass
class SheetCells:
    """The cells of one sheet that hold something, as read from its XML.

    ``rows``: ``{row: {column: value}}`` (1-based row, 0-based column), rows in sheet order,
    only cells holding a value; ``formulas``: ``{(row, column): formula}`` (both 1-based) of
    every formula cell, with or without a stored result; ``merged``: the merged ranges
    (``"A1:C1"``); ``cells``: how many cells hold a value or a formula.
    """

    rows: dict[int, dict[int, object]] = field(default_factory=dict)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)
    cells: int = 0

    def block(self, numbers: list[int], width: int) -> np.ndarray:
        """Rows ``numbers`` as an object array of ``width`` columns; raises :class:`OverLimit`
        when that grid would be far larger than the cells that hold something (a few values
        under a header thousands of columns wide)."""
        lim = limits()
        if width > lim.columns:
            raise over_limit("columns", f"{width:,}", "columns", lim)
        if len(numbers) * width > 10 * lim.sheet_cells:
            raise over_limit("cells", f"{len(numbers):,} x {width:,}", "sheet_cells", lim)
        out = np.empty((len(numbers), width), dtype=object)
        for i, r in enumerate(numbers):
            for j, v in self.rows.get(r, {}).items():
                if j < width:
                    out[i, j] = v
        return out

    def beyond(self, numbers: list[int], width: int) -> list[int]:
        """The 0-based columns at or right of ``width`` that hold a value in rows ``numbers``."""
        found: set[int] = set()
        for r in numbers:
            found.update(j for j in self.rows.get(r, {}) if j >= width)
        return sorted(found)

    def row(self, r: int, width: int | None = None) -> list:
        """Row ``r`` as a list of values, up to ``width`` cells or its last value."""
        found = self.rows.get(r, {})
        n = width if width is not None else (max(found) + 1 if found else 0)
        out = [None] * n
        for j, v in found.items():
            if j < n:
                out[j] = v
        return out


class EnoughRows(Exception):  # noqa: N818 - control flow: enough rows were read
    pass


class SheetReader:
    """An expat handler that keeps the cells of a sheet holding a value or a formula."""

    def __init__(self, book: Book, top: int | None, lim: Limits) -> None:
        self.strings, self.epoch = book.strings, book.epoch
        self.dates, self.spans = book.dates, book.spans
        self.top, self.lim = top, lim
        self.out = SheetCells()
        self.row = self.col = 0
        self.cell: dict | None = None
        self.text: list[str] | None = None
        self.shared: dict[str, str] = {}

    def start(self, name: str, attrs: dict) -> None:
        tag = name.rpartition(":")[2]
        if tag == "row":
            self._new_row(attrs.get("r"))
        elif tag == "c":
            self._new_cell(attrs)
        elif self.cell is not None and tag in ("v", "f", "t"):
            self.text = []
            self.cell.setdefault("_" + tag, [])
            if tag == "f":
                self.cell["_shared"] = (attrs.get("t"), attrs.get("si"))
        elif tag == "mergeCell" and "ref" in attrs:
            self.out.merged.append(attrs["ref"])

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag in ("v", "f", "t") and self.cell is not None and self.text is not None:
            self.cell["_" + tag].append("".join(self.text))
            self.text = None
        elif tag == "c" and self.cell is not None:
            self._keep(self.cell)
            self.cell = None
        elif tag == "row" and self.top is not None and len(self.out.rows) >= self.top:
            raise EnoughRows

    def _new_row(self, r: str | None) -> None:
        self.row = int(float(r)) if r and r.replace(".", "", 1).isdigit() else self.row + 1
        self.col = 0

    def _new_cell(self, attrs: dict) -> None:
        letters, digits = _REF.match(attrs.get("r", "")).groups()
        self.col = _column(letters) if letters else self.col + 1
        if digits:
            self.row = int(digits)
        self.cell = {"t": attrs.get("t", "n"), "s": attrs.get("s", "0"), "at": (self.row, self.col)}

    def _keep(self, cell: dict) -> None:
        value = _value(self, cell)
        formula = cell.get("_f")
        if value is None and formula is None:
            return
        r, c = cell["at"]
        self.out.cells += 1
        if self.out.cells > self.lim.sheet_cells:
            raise over_limit("filled cells", "", "sheet_cells", self.lim)
        if formula is not None:
            self.out.formulas[(r, c)] = _formula(self, formula[0], cell["_shared"])
        if value is not None:
            self.out.rows.setdefault(r, {})[c - 1] = value


def _column(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _formula(reader: SheetReader, text: str, shared: tuple) -> str:
    kind, si = shared
    if kind == "shared" and si is not None:
        if text:
            reader.shared[si] = text
        text = text or reader.shared.get(si, "")
    return "=" + text


def _value(reader: SheetReader, cell: dict) -> object:
    """The value of a cell as a spreadsheet shows it: number, text, bool or datetime."""
    kind = cell["t"]
    if kind == "inlineStr":
        text = "".join(cell.get("_t", []))
        return text if text != "" else None
    raw = "".join(cell.get("_v", []))
    if raw == "":
        return None
    if kind == "s":
        try:
            return reader.strings[int(raw)]
        except (ValueError, IndexError):
            return None
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "n":
        return _number(reader, raw, cell["s"])
    if kind == "d":
        return _iso(raw)
    return raw  # str (a formula's text result) and e (an error such as #N/A)


def _number(reader: SheetReader, raw: str, style: str) -> object:
    from openpyxl.utils.datetime import from_excel

    try:
        number = float(raw) if any(ch in raw for ch in ".eE") else int(raw)
    except ValueError:
        return raw
    sid = int(style) if style.isdigit() else 0
    if sid in reader.dates:
        try:
            return from_excel(number, reader.epoch, timedelta=sid in reader.spans)
        except (OverflowError, ValueError):
            return number  # a date cell holding no date: the number, for the message
    return number


def _iso(raw: str) -> object:
    from openpyxl.utils.datetime import from_ISO8601

    try:
        return from_ISO8601(raw)
    except (ValueError, TypeError, OverflowError):
        return raw
