"""Write tables for people: CSV that Belgian Excel opens as it should, and xlsx.

Every cell is formula-safe, whatever its origin (OWASP's CSV injection advice), so a value a user
typed can never run as a formula in someone else's spreadsheet: in an xlsx every text is a text
cell (:func:`put_cell`, used by every workbook the kit writes); in a CSV, text a spreadsheet
could read as a formula (:func:`formula_like`) gets a leading ``'`` (:func:`csv_text`).
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .errors import OutputError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
#: What a spreadsheet may skip before a formula's sign: blanks, line breaks (a carriage return
#: typed in a cell comes back from openpyxl as a line feed), invisible marks (zero-width
#: spaces, word joiner, byte-order mark).
_LEADING = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")
#: Full-width signs (East Asian keyboards), which spreadsheets may read as ``= + - @``.
_FULL_WIDTH = str.maketrans("\uff1d\uff0b\uff0d\uff20", "=+-@")


def formula_like(value: object) -> bool:
    """True for text a spreadsheet could run as a formula: ``=``, ``+``, ``-`` or ``@`` first,
    also after blanks, line breaks or invisible characters and in their full-width forms, or
    a tab or a carriage return first; a plain signed number such as ``-5`` is not.

    >>> [formula_like(v) for v in ("=1+1", "-5", "\\n=1+1", "\\u00a0@SUM(1)", "\\uff1d1", "a=1")]
    [True, False, True, True, True, False]
    """
    if not isinstance(value, str) or _NUMBER.fullmatch(value):
        return False
    lead = _LEADING.match(value)
    start = lead.end() if lead else 0
    head = value[start : start + 1].translate(_FULL_WIDTH)
    return value.startswith(("\t", "\r")) or head in ("=", "+", "-", "@")


def csv_text(value: object) -> object:
    """``value`` as a CSV cell a spreadsheet shows as typed: formula-like text (see
    :func:`formula_like`) gets a leading ``'``; anything else is returned unchanged.

    >>> csv_text("=1+1"), csv_text("-5"), csv_text(3)
    ("'=1+1", '-5', 3)
    """
    return f"'{value}" if formula_like(value) else value


def write_table(frame: pd.DataFrame, path: str | Path, *, sheet: str = "issues") -> Path:
    """Write ``frame`` to ``path``: ``.csv`` (``;``, UTF-8 with BOM) or ``.xlsx``.

    The file appears complete or not at all: it is written next to its target and renamed.
    """
    path = Path(path)
    if path.suffix.lower() not in {".csv", ".xlsx"}:
        raise ValueError(f"cannot write {path.name}: use a .csv or .xlsx file name")
    return write_atomically(
        path, lambda tmp: tmp.write_bytes(table_bytes(frame, path.suffix, sheet=sheet))
    )


def table_bytes(frame: pd.DataFrame, suffix: str, *, sheet: str = "issues") -> bytes:
    """The bytes :func:`write_table` writes for ``frame`` in a ``suffix`` file (``".csv"`` or
    ``".xlsx"``), for a caller that puts them in place its own way (a batch's journal).

    >>> table_bytes(pd.DataFrame({"a": ["=1+1"], "b": [0.5]}), ".csv")
    b"\\xef\\xbb\\xbfa;b\\r\\n'=1+1;0,5\\r\\n"
    """
    suffix = suffix.lower()
    if suffix == ".csv":
        buffer = io.BytesIO()
        # CRLF rows (RFC 4180): a value holding a carriage return is quoted, one field
        frame.map(csv_text).to_csv(buffer, sep=";", index=False, encoding="utf-8-sig",
                                   decimal=",", lineterminator="\r\n")  # fmt: skip
        return buffer.getvalue()
    if suffix == ".xlsx":
        return workbook_bytes(_workbook(frame, sheet))
    raise ValueError(f"cannot write a {suffix} table: use .csv or .xlsx")


def write_atomically(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Write ``path`` completely or not at all: ``write(tmp)`` fills a temporary file next to
    it (same suffix, so that writers that look at it are content), which is then renamed.

    Raises
    ------
    OutputError
        The folder cannot be written (a full disk, a read-only folder, no rights); the
        temporary file is removed and ``path``, if it existed, is left as it was.
    """
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix)
        os.close(fd)
        write(Path(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(path.parent, exc) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return path


def save_workbook(wb, path: Path) -> None:  # noqa: ANN001 - an openpyxl Workbook
    """Save ``wb`` to ``path`` through memory (:func:`workbook_bytes`)."""
    path.write_bytes(workbook_bytes(wb))


def workbook_bytes(wb) -> bytes:  # noqa: ANN001 - an openpyxl Workbook
    """The xlsx file of ``wb``, made in memory: a full disk fails one plain write, not a zip
    archive left open (whose clean-up would print a traceback at exit). openpyxl's own
    temporary files (a full ``/tmp``) are closed here, quietly, before the error goes on."""
    buf = io.BytesIO()
    try:
        wb.save(buf)
    except OSError as exc:
        error = OSError(exc.errno, exc.strerror)
        _release(exc)
        raise error from None
    return buf.getvalue()


def _release(exc: BaseException) -> None:
    """Free what the frames of ``exc`` hold (open temporary files, half-run generators) now,
    with the errors their clean-up raises on a full disk kept from the user's screen."""
    import gc
    import sys
    import traceback

    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _workbook(frame: pd.DataFrame, sheet: str):  # noqa: ANN202 - an openpyxl Workbook
    """One sheet: bold frozen header with a filter, long text wrapped, printable in landscape on
    pages one wide."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    for j, c in enumerate(frame.columns, start=1):
        put_cell(ws, 1, j, str(c)).font = Font(bold=True)
    top = Alignment(vertical="top")
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        for j, v in enumerate(row, start=1):
            if not _missing(v):
                put_cell(ws, i, j, v).alignment = top
    wrap = Alignment(wrap_text=True, vertical="top")
    lines = [1] * (len(frame) + 2)  # text lines per sheet row, for the row heights
    for j, col in enumerate(frame.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(500)])
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = min(max(8, width + 2), 60)
        if width > 60:
            for i, cell in enumerate(ws[letter][1:], start=2):
                cell.alignment = wrap
                lines[i] = max(lines[i], -(-len(str(cell.value or "")) // 55))
    for i, n in enumerate(lines):
        if n > 1:
            ws.row_dimensions[i].height = 15 * n
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    return wb


def cell_value(value: object) -> object:
    r"""``value`` as a workbook cell holds it: text with the characters a workbook cannot hold
    (controls such as a bell) written out as ``\x07``; other values as they are."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if not isinstance(value, str):
        return value
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def put_cell(ws, row: int, column: int, value: object):  # noqa: ANN001, ANN201 - openpyxl
    """Write ``value`` (:func:`cell_value`) into the cell at ``row``, ``column`` of the worksheet
    ``ws`` and return the cell; text is a text cell whatever it starts with: ``=1+1`` typed by a
    user is never a formula. Every workbook the kit writes puts its values through here.

    >>> from openpyxl import Workbook
    >>> put_cell(Workbook().active, 1, 1, '=HYPERLINK("https://x.example")').data_type
    's'
    """
    cell = ws.cell(row=row, column=column, value=cell_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def _missing(v: object) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False
