"""Writing the national sample as its sources send it: context data per province in the usual
Belgian dialects, a few cities' own registers as yearly workbooks, the projects' files as in the
teaching sample. The same seed gives the same bytes; the bulk is CSV and Parquet, written in
whole columns, so that the folder is quick to write and to read."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from ..data import reference
from .files import HEADERS, write_xlsx
from .national_readme import national_readme
from .national_tables import CONTEXT_COLUMNS, make_national_data, region_language
from .series import REG_COLUMNS

#: Context headers in the language of a file (the canonical ones in Parquet and ``,`` CSV).
CONTEXT_HEADERS = {
    "nl": ("NIS-code", "gemeente", "periode", "indicator", "waarde", "bron", "opmerking"),
    "fr": ("code INS", "commune", "période", "indicateur", "valeur", "source", "remarque"),
}
#: Province ("" = Brussels) -> the form its context file comes in: ``nl``/``fr`` a ``;`` CSV
#: with decimal commas in that language (UTF-8 with BOM / Windows-1252), ``comma`` a ``,`` CSV
#: in UTF-8 with canonical headers, ``parquet`` Parquet with canonical headers.
PROVINCE_FORMAT = {
    "Antwerpen": "comma", "Limburg": "nl", "Oost-Vlaanderen": "nl", "Vlaams-Brabant": "nl",
    "West-Vlaanderen": "nl", "Henegouwen": "fr", "Luxemburg": "fr", "Namen": "fr",
    "Waals-Brabant": "fr", "Luik": "parquet", "": "parquet",
}  # fmt: skip
#: Cities that send their own register as one workbook per year, and its sheet name.
WORKBOOK_CITIES = {"44021": "contextgegevens", "31005": "contextgegevens", "62063": "contexte"}
ENCODING = {"nl": "utf-8-sig", "fr": "cp1252"}
#: The planted truth, beside the data but never read as data (a name that starts with ``_``).
TRUTH = "_ground_truth.csv"


def write_national_data(out: Path, seed: int) -> list[Path]:
    """Write the national sample into ``out``: the data (``projects.xlsx``, ``registrations_*``,
    ``context/``), so that ``socprev-kit batch --data out`` reads it as it is, the planted truth
    as ``_ground_truth.csv`` (a name that starts with ``_`` is never read as data) and
    ``README.md``. Old ``registrations_*`` files and ``context/`` are removed first.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    out = Path(out)
    clean, folder = out, out / "context"
    folder.mkdir(parents=True, exist_ok=True)
    for stale in [*clean.glob("registrations_*"), *folder.iterdir()]:
        stale.unlink()
    tables = make_national_data(seed)
    muni = reference.municipalities(2025).set_index("nis_code")
    written = [clean / "projects.xlsx"]
    write_xlsx(written[0], {"projects": tables["projects"], "objectives": tables["objectives"]})
    written += _registration_files(clean, tables["registrations"], muni)
    written += _context_files(folder, tables["context"], muni)
    written.append(out / TRUTH)
    tables["ground_truth"].to_csv(written[-1], index=False, lineterminator="\n")
    written.append(out / "README.md")
    written[-1].write_text(national_readme(tables, written, seed), encoding="utf-8")
    return written


def _registration_files(clean: Path, regs: pd.DataFrame, muni: pd.DataFrame) -> list[Path]:
    """One file per municipality, as in the teaching sample: Flemish ``;`` CSV in UTF-8 with BOM
    and Dutch headers, Walloon ones in Windows-1252 with French headers, Brussels Parquet."""
    written = []
    for nis, part in regs.groupby("nis_code", sort=True):
        region = muni.at[nis, "region"]
        if region == "Brussels":
            written.append(clean / f"registrations_{nis}.parquet")
            write_parquet(written[-1], part[list(REG_COLUMNS)])
            continue
        lang = region_language(region)
        written.append(clean / f"registrations_{nis}.csv")
        frame = part[list(REG_COLUMNS)].set_axis(HEADERS[lang], axis=1)
        written[-1].write_bytes(csv_bytes(frame, ENCODING[lang]))
    return written


def _context_files(folder: Path, context: pd.DataFrame, muni: pd.DataFrame) -> list[Path]:
    """Context data: one file per province (Brussels: one), the cities of
    :data:`WORKBOOK_CITIES` apart, one workbook per year."""
    written = []
    own = context["nis_code"].isin(list(WORKBOOK_CITIES))
    for nis, part in context[own].groupby("nis_code", sort=True):
        lang = region_language(muni.at[nis, "region"])
        sheet = WORKBOOK_CITIES[nis]
        for year, rows in part.groupby(part["period"].str[:4], sort=True):
            written.append(folder / f"context_{nis}_{year}.xlsx")
            frame = rows[list(CONTEXT_COLUMNS)].set_axis(CONTEXT_HEADERS[lang], axis=1)
            write_xlsx(written[-1], {sheet: frame})
    rest = context[~own]
    province = rest["nis_code"].map(muni["province"])
    for name, part in rest.groupby(province, sort=True):
        form = PROVINCE_FORMAT[name]
        stem = folder / f"context_{_slug(name or 'Brussel')}"
        part = part[list(CONTEXT_COLUMNS)]
        if form == "parquet":
            written.append(stem.with_suffix(".parquet"))
            write_parquet(written[-1], part)
        elif form == "comma":
            written.append(stem.with_suffix(".csv"))
            written[-1].write_bytes(csv_bytes(part, "utf-8", sep=",", decimal="."))
        else:
            written.append(stem.with_suffix(".csv"))
            frame = part.set_axis(CONTEXT_HEADERS[form], axis=1)
            written[-1].write_bytes(csv_bytes(frame, ENCODING[form]))
    return written


def csv_bytes(frame: pd.DataFrame, encoding: str, sep: str = ";", decimal: str = ",") -> bytes:
    """A CSV file in whole columns: whole numbers without decimals, others with ``decimal``;
    ``;`` files with CRLF line ends (as Excel in Belgium saves them), others with LF."""
    frame = frame.copy()
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_float_dtype(column):
            frame[name] = _numbers(column.to_numpy(), decimal)
    buf = io.StringIO()
    end = "\r\n" if sep == ";" else "\n"
    frame.to_csv(buf, sep=sep, index=False, lineterminator=end, na_rep="")
    return buf.getvalue().encode(encoding)


def _numbers(values: np.ndarray, decimal: str) -> np.ndarray:
    """Numbers as text: ``12`` for a whole number, ``0,75`` (``decimal``) otherwise, blank NaN."""
    out = np.full(len(values), "", dtype=object)
    ok = ~np.isnan(values)
    whole = ok & (values == np.round(values))
    out[whole] = values[whole].astype(np.int64).astype(str)
    rest = ok & ~whole
    out[rest] = [repr(float(v)).replace(".", decimal) for v in values[rest]]
    return out


def write_parquet(path: Path, frame: pd.DataFrame) -> None:
    """A Parquet file of ``frame`` without its index (same table, same bytes)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    pq.write_table(table, path)


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")
