"""Writing the sample data set as municipalities send it: CSV, the kit's registration workbook
and Parquet, same bytes for the same seed (workbooks get fixed properties and zip timestamps)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ..data import reference
from .projects import SEED
from .readme import readme_text
from .series import REG_COLUMNS
from .tables import make_sample_data
from .workbooks import TEMPLATE_NIS, registration_workbooks

#: Written into workbook properties and zip entries, so that files do not depend on the clock.
FIXED_TIME = datetime(2026, 1, 1)
HEADERS = {
    "nl": ("project", "NIS-code", "periode", "indicator", "waarde", "bron", "opmerking"),
    "fr": ("projet", "code INS", "période", "indicateur", "valeur", "source", "remarque"),
}


def write_sample_data(out: Path, seed: int = SEED) -> list[Path]:
    """Write the sample data set: ``out/clean/`` (the data), ``ground_truth.csv``, ``README.md``.

    Registrations per municipality: Flemish ones as CSV (``;``, decimal comma, UTF-8 with BOM,
    Dutch headers), Walloon ones as CSV in Windows-1252 with French headers, Brussels ones as
    Parquet with canonical headers; those of :data:`~.workbooks.TEMPLATE_NIS` (Gent in Dutch,
    Liège in French) as the kit's registration workbook, filled in, one file per year. Old
    ``registrations_*`` files in ``out/clean`` are removed first; nothing else in ``out`` is
    touched.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    out = Path(out)
    clean = out / "clean"
    clean.mkdir(parents=True, exist_ok=True)
    for stale in clean.glob("registrations_*"):
        stale.unlink()
    tables = make_sample_data(seed)
    region = reference.municipalities(2025).set_index("nis_code")["region"]
    written = [clean / "projects.xlsx"]
    write_xlsx(written[0], {"projects": tables["projects"], "objectives": tables["objectives"]})
    regs = tables["registrations"]
    for nis, part in regs.groupby(reference.to_current_nis(regs["nis_code"]), sort=True):
        if region[nis] == "Brussels":
            written.append(clean / f"registrations_{nis}.parquet")
            _write_parquet(written[-1], part)
        elif nis in TEMPLATE_NIS:
            for year, wb in registration_workbooks(tables, nis, TEMPLATE_NIS[nis]).items():
                written.append(clean / f"registrations_{nis}_{year}.xlsx")
                save_workbook(wb, written[-1])
        else:
            lang, encoding = ("nl", "utf-8-sig") if region[nis] == "Flanders" else ("fr", "cp1252")
            written.append(clean / f"registrations_{nis}.csv")
            written[-1].write_bytes(_csv_bytes(_local_headers(part, lang), encoding))
    written.append(out / "ground_truth.csv")
    tables["ground_truth"].to_csv(written[-1], index=False, lineterminator="\n")
    written.append(out / "README.md")
    written[-1].write_text(readme_text(tables, written, seed), encoding="utf-8")
    return written


def _local_headers(part: pd.DataFrame, lang: str) -> pd.DataFrame:
    return part[list(REG_COLUMNS)].set_axis(HEADERS[lang], axis=1)


def _cell(v: object) -> object:
    """A value as a worksheet or CSV cell wants it: None for blank, int for whole numbers."""
    if v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if isinstance(v, float | np.floating) and float(v).is_integer():
        return int(v)
    return v.item() if isinstance(v, np.generic) else v


def _csv_bytes(frame: pd.DataFrame, encoding: str) -> bytes:
    """``;``-separated, decimal comma, CRLF line ends, as Excel in Belgium saves a CSV file."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        cells = [_cell(v) for v in row]
        writer.writerow([str(c).replace(".", ",") if isinstance(c, float) else c for c in cells])
    return buf.getvalue().encode(encoding)


def write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    """A workbook with fixed properties and zip timestamps: the same tables, the same bytes."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, frame in sheets.items():
        ws = wb.create_sheet(title)
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            ws.append([_cell(v) for v in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for column in ws.iter_cols():
            for cell in column[1:]:
                if cell.is_date:
                    cell.number_format = "yyyy-mm-dd"
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column[:200])
            ws.column_dimensions[column[0].column_letter].width = min(width + 2, 60)
        ws.freeze_panes = "A2"
    save_workbook(wb, path)


def save_workbook(wb, path: Path) -> None:  # noqa: ANN001 - an openpyxl Workbook
    """Save with fixed properties and zip timestamps: the same workbook, the same bytes."""
    wb.properties.creator = "socprev-kit sample-data"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_fixed_zip(buf.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite an xlsx archive with every entry and the ``modified`` property at FIXED_TIME.

    openpyxl stamps ``modified`` with the clock when it saves, whatever the workbook says.
    """
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, content)
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6])
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            dst.writestr(fixed, content)
    return buf.getvalue()


def _write_parquet(path: Path, part: pd.DataFrame) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = part[list(REG_COLUMNS)].reset_index(drop=True)
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
