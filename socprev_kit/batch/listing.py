"""Every report in an output folder, from every run: the merged view behind the index and the
summaries, kept in ``reports.json``.

A run's ``manifest.json`` lists what that run was asked for (the disclosure audit reads it); the
folder holds more: the reports of earlier runs with other requests (another language, another
province). Each report has its record in ``.records/<lang>/<kind>_<id>.json`` (:mod:`.store`),
whichever run wrote it; :func:`merged_records` reads them all, keeps those whose page (or, for a
failed report, its notebook) is still there, and marks each with ``this_run``: ``made`` or
``up to date`` for the reports of this run, ``earlier`` for the others.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from .facets import municipality_facets
from .store import RECORDS, atomic_write

if TYPE_CHECKING:
    from .journal import Journal

__all__ = ["ALL_REPORTS", "EARLIER", "merged_records", "write_all_reports"]

#: The merged view's file in the output folder.
ALL_REPORTS = "reports.json"
#: ``this_run`` of a report an earlier run made.
EARLIER = "earlier"
ORDER = {"nl": 0, "fr": 1, "en": 2}


def _present(out: Path, record: dict) -> bool:
    """The report's files are still in the folder: its page, or a failed report's notebook."""
    files = [record.get("html")]
    if record.get("status") != "ok":
        files.append(record.get("ipynb"))
    return any(isinstance(f, str) and f and (out / f).is_file() for f in files)


def _read(path: Path) -> dict | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    needed = ("kind", "id", "lang", "status", "html")
    if not isinstance(record, dict) or any(k not in record for k in needed):
        return None
    return record


def merged_records(out: Path, this_run: list[dict]) -> list[dict]:
    """Every report of ``out`` whose files are there: this run's ``records`` as they are, and
    the records earlier runs left, with ``this_run = "earlier"``; by language, kind, id."""
    mine = {(r["lang"], r["kind"], r["id"]) for r in this_run}
    found = [r for r in this_run if _present(out, r)]
    folder = out / RECORDS
    paths = sorted(folder.glob("*/*.json")) if folder.is_dir() else []
    for path in paths:
        record = _read(path)
        if record is None or (record["lang"], record["kind"], record["id"]) in mine:
            continue
        if _present(out, record):
            if not record.get("facets") and record["kind"] == "municipality":
                record["facets"] = municipality_facets(str(record["id"]))
            found.append({**record, "this_run": EARLIER})
    kinds = {"municipality": 0, "project": 1}
    return sorted(
        found,
        key=lambda r: (ORDER.get(r["lang"], 9), r["lang"], kinds.get(r["kind"], 9), str(r["id"])),
    )


def write_all_reports(
    out: Path, records: list[dict], run_created: str | None = None, journal: Journal | None = None
) -> Path:
    """``reports.json``: ``{"created", "run", "reports"}``, every report in the folder (the
    records of :func:`merged_records`); ``run``: the date of the run that wrote it."""
    created = datetime.now(timezone.utc).isoformat(timespec="seconds")
    body = {"created": created, "run": run_created or created, "reports": records}
    path = out / ALL_REPORTS
    atomic_write(path, json.dumps(body, indent=1, default=str), journal)
    return path
