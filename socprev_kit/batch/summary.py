"""The two summary tables of an output folder: one row per report in the folder, from every run.

- ``summary.csv`` for Belgian Excel: ``;`` between fields, UTF-8 with a BOM (Excel then reads the
  accents right), decimal comma, CRLF rows. Read it back with
  ``pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")``.
- ``summary_utf8.csv`` for scripts: ``,``, decimal point, UTF-8 without BOM:
  ``pd.read_csv(path)``.

Same columns in both: ``lang, kind, id, name_nl, name_fr, province, region, project_types``
(codes, ``|`` between several), ``status, this_run`` (``made``, ``up to date``, ``earlier``: a
report of an earlier run), ``started`` (when it was made), ``error, seconds``, the headline
figures (:data:`~.store.HEADLINE_COLUMNS`; ``completeness`` a share between 0 and 1,
``its_level`` one ``project/indicator rate ratio [CI]`` per line), ``html, ipynb``. Text that a
spreadsheet could run as a formula starts with ``'`` (names and ids come from the user's files).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .outcome import error_text
from .store import HEADLINE_COLUMNS, atomic_write

if TYPE_CHECKING:
    from .journal import Journal

__all__ = ["COLUMNS", "SUMMARY", "SUMMARY_UTF8", "summary_rows", "write_summaries"]

SUMMARY, SUMMARY_UTF8 = "summary.csv", "summary_utf8.csv"
COLUMNS = (
    "lang", "kind", "id", "name_nl", "name_fr", "province", "region", "project_types",
    "status", "this_run", "started", "error", "seconds", *HEADLINE_COLUMNS, "html", "ipynb",
)  # fmt: skip
#: (separator, decimal mark, BOM) of each file.
DIALECTS = {SUMMARY: (";", ",", True), SUMMARY_UTF8: (",", ".", False)}


def _number(value: object, decimal: str, digits: int) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    if isinstance(value, int):
        return str(value)
    if value != value:  # NaN
        return ""
    return f"{round(value, digits):.{digits}f}".rstrip("0").rstrip(".").replace(".", decimal)


def _its(effects: object, decimal: str) -> str:
    if not isinstance(effects, list):
        return ""
    lines = []
    for e in effects:
        if not isinstance(e, dict):
            continue
        where = "/".join(str(e[k]) for k in ("project_id", "indicator_id") if e.get(k))
        ratio, low, high = (_number(e.get(k), decimal, 2) or "?" for k in
                            ("rate_ratio", "ci_low", "ci_high"))  # fmt: skip
        rating = f" level {e['rating']}/5" if isinstance(e.get("rating"), int) else ""
        lines.append(f"{where} {ratio} [{low} - {high}]{rating}".strip())
    return "\n".join(lines)


def summary_rows(records: Iterable[dict], decimal: str = ".") -> list[dict]:
    """One dict of text per report (the columns :data:`COLUMNS`), numbers with ``decimal``."""
    from ..common.exports import csv_text

    rows = []
    for r in records:
        headline = r.get("headline") or {}
        facets = r.get("facets") or {}
        row = {k: csv_text(r.get(k, "")) for k in ("lang", "kind", "id", "name_nl", "name_fr",
                                                   "status", "this_run", "started")}  # fmt: skip
        row |= {k: csv_text("|".join(facets.get(k) or ())) for k in
                ("province", "region", "project_types")}  # fmt: skip
        row["error"] = csv_text(error_text(r))
        row["seconds"] = _number(float(sum((r.get("seconds") or {}).values())), decimal, 2)
        for k in HEADLINE_COLUMNS:
            value = headline.get(k)
            digits = 3 if k == "completeness" else 2
            its = k == "its_level" and isinstance(value, list)
            row[k] = _its(value, decimal) if its else _number(value, decimal, digits)
        row |= {k: csv_text(r.get(k, "")) for k in ("html", "ipynb")}
        rows.append(row)
    return rows


def write_summaries(
    out: Path, records: list[dict], journal: Journal | None = None
) -> tuple[Path, Path]:
    """Write ``summary.csv`` and ``summary_utf8.csv`` (see the module); return their paths."""
    paths = []
    for name, (separator, decimal, bom) in DIALECTS.items():
        buffer = io.StringIO()
        # CRLF (RFC 4180): a value with a carriage return is then quoted and stays one field
        writer = csv.DictWriter(buffer, COLUMNS, delimiter=separator, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(summary_rows(records, decimal))
        text = ("\ufeff" if bom else "") + buffer.getvalue()
        atomic_write(out / name, text, journal)
        paths.append(out / name)
    return paths[0], paths[1]
