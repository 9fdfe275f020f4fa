"""Write tables for people: CSV that Belgian Excel opens as it should, and xlsx.

Text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is always written
as text, never as a formula (OWASP's CSV injection advice), so a value a user typed can never run
as a formula in someone else's spreadsheet.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .errors import OutputError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def formula_like(value: object) -> bool:
    """True for text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first);
    a plain signed number such as ``-5`` is not."""
    return (
        isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value)
    )


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
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise ValueError(f"cannot write {path.name}: use a .csv or .xlsx file name")

    def write(tmp: Path) -> None:
        if suffix == ".csv":
            safe = frame.map(csv_text)
            safe.to_csv(tmp, sep=";", index=False, encoding="utf-8-sig", decimal=",")
        else:
            _write_xlsx(frame, tmp, sheet)

    return write_atomically(path, write)


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
    """Save ``wb`` to ``path`` through memory: a full disk fails one plain write, not a zip
    archive left open (whose clean-up would print a traceback at exit). openpyxl's own
    temporary files (a full ``/tmp``) are closed here, quietly, before the error goes on."""
    import io

    buf = io.BytesIO()
    try:
        wb.save(buf)
    except OSError as exc:
        error = OSError(exc.errno, exc.strerror)
        _release(exc)
        raise error from None
    path.write_bytes(buf.getvalue())


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


def _write_xlsx(frame: pd.DataFrame, path: Path, sheet: str) -> None:
    """One sheet: bold frozen header with a filter, long text wrapped, printable in landscape on
    pages one wide."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append([str(c) for c in frame.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    top = Alignment(vertical="top")
    for row in frame.itertuples(index=False):
        ws.append([None if _missing(v) else _cell(v) for v in row])
        for cell in ws[ws.max_row]:
            cell.alignment = top
            if formula_like(cell.value):
                cell.data_type = "s"  # text, not a formula
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
    save_workbook(wb, path)


def _cell(v: object) -> object:
    r"""Text with characters a workbook cannot hold (controls such as a bell) written out as
    ``\x07``; other values as they are."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if not isinstance(v, str):
        return v
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", v)


def _missing(v: object) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False
