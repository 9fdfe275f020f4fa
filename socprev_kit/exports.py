"""Write tables for people: CSV that Belgian Excel opens as it should, and xlsx.

Text that starts with ``=``, ``+``, ``-`` or ``@`` is always written as text, never as a formula,
so a value a user typed can never run as a formula in someone else's spreadsheet.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

FORMULA_START = ("=", "+", "-", "@")


def write_table(frame: pd.DataFrame, path: str | Path, *, sheet: str = "issues") -> Path:
    """Write ``frame`` to ``path``: ``.csv`` (``;``, UTF-8 with BOM) or ``.xlsx``.

    The file appears complete or not at all: it is written next to its target and renamed.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise ValueError(f"cannot write {path.name}: use a .csv or .xlsx file name")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=suffix)
    os.close(fd)
    try:
        if suffix == ".csv":
            safe = frame.map(
                lambda v: f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_START) else v
            )
            safe.to_csv(tmp, sep=";", index=False, encoding="utf-8-sig", decimal=",")
        else:
            _write_xlsx(frame, Path(tmp), sheet)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _write_xlsx(frame: pd.DataFrame, path: Path, sheet: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append([str(c) for c in frame.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in frame.itertuples(index=False):
        ws.append([None if _missing(v) else v for v in row])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"  # text, not a formula
    for j, col in enumerate(frame.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(200)])
        ws.column_dimensions[get_column_letter(j)].width = min(max(10, width + 2), 80)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)


def _missing(v: object) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False
