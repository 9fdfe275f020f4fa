"""The cells of an xlsx workbook, read within the limits of
:func:`socprev_kit.common.limits.limits`.

Before a workbook is opened its zip is inspected: no part may unpack to more than
``xlsx_part_mb`` nor inflate more than ``xlsx_ratio`` times (a compression bomb), and the
workbook may not declare more than ``sheets`` sheets. A sheet is then read as a stream of its
XML, keeping only the cells that hold a value or a formula: the range a sheet declares (its
``<dimension>``), styled empty cells and merged ranges cost nothing, however far they reach. A
sheet with more than ``sheet_cells`` such cells is refused rather than read in part.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.parsers import expat

from ...common.limits import limits
from .xlsx_stream import Book, EnoughRows, OverLimit, Sheet, SheetCells, SheetReader, over_limit

#: A sheet element of ``xl/workbook.xml``, with or without a namespace prefix.
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\s")


def check_archive(path: Path) -> None:
    """Raise :class:`OverLimit` when a part of the workbook unpacks too large or inflates like
    a compression bomb, or when it declares too many sheets; nothing is unpacked to find out
    but the (small) list of sheets."""
    lim = limits()
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        for info in infos:
            mb = info.file_size / 1e6
            if mb > lim.xlsx_part_mb:
                raise over_limit(info.filename, f"{mb:,.1f} MB", "xlsx_part_mb", lim)
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1_000_000 and ratio > lim.xlsx_ratio:
                raise over_limit(info.filename, f"x{ratio:,.0f}", "xlsx_ratio", lim)
        names = {i.filename for i in infos}
        if "xl/workbook.xml" in names:
            n = len(_SHEET_TAG.findall(z.read("xl/workbook.xml")))
            if n > lim.sheets:
                raise over_limit("xl/workbook.xml", f"{n:,} sheets", "sheets", lim)


def open_book(path: Path) -> Book:
    """Open a workbook without reading any sheet (openpyxl's own read-only mode parses a
    whole sheet to find its size when the sheet does not state it first)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    reader = ExcelReader(str(path), read_only=True, data_only=True, keep_links=False)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = []
        for sheet in reader.parser.sheets:
            try:
                rel = reader.parser.rels[sheet.id]
            except (KeyError, TypeError):
                rel = None
            if rel is not None and "chartsheet" in (rel.Type or ""):
                continue
            part = rel.target if rel is not None and rel.target in reader.valid_files else None
            sheets.append(Sheet(sheet.name, sheet.state or "visible", part))
    except BaseException:
        reader.archive.close()
        raise
    wb = reader.wb
    return Book(
        reader.archive,
        reader.shared_strings,
        wb.epoch,
        wb._date_formats,
        wb._timedelta_formats,
        sheets,
    )


def read_cells(book: Book, sheet: Sheet, top: int | None = None) -> SheetCells:
    """The cells of ``sheet`` (of ``book``) that hold something.

    With ``top``, only the first ``top`` rows that hold a value (to find a header). Raises
    :class:`OverLimit` for a sheet with more than ``sheet_cells`` cells holding something.
    """
    reader = SheetReader(book, top, limits())
    if sheet.part is None:
        return reader.out
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    parser.StartDoctypeDeclHandler = _no_doctype
    try:
        with book.archive.open(sheet.part) as src:
            while chunk := src.read(1 << 20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except EnoughRows:
        pass
    return reader.out


def top_cells(book: Book, sheet: Sheet, top: int) -> SheetCells:
    """The first ``top`` rows of ``sheet`` that hold a value (nothing for a sheet over a limit,
    which the full read reports)."""
    try:
        return read_cells(book, sheet, top)
    except OverLimit:
        return SheetCells()


def _no_doctype(*_: object) -> None:
    raise ValueError("a worksheet with a DOCTYPE is not a spreadsheet's")


__all__ = [
    "Book",
    "OverLimit",
    "Sheet",
    "SheetCells",
    "check_archive",
    "open_book",
    "read_cells",
    "top_cells",
]
