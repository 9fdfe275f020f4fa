"""The output folder: reports written atomically, one record per report, summary and manifest.

Layout of ``out/``::

    nl/municipality_44021.ipynb   executed notebook (kept with papermill's banner when it failed)
    nl/municipality_44021.html    self-contained page
    fr/project_GEN-DAM.html ...
    .records/nl/municipality_44021.json   what made the files: key, status, error, timing
    index.html  summary.csv  manifest.json

Every file is written under a temporary name in its own folder and moved into place with
``os.replace``, so a reader (or a killed process) never sees half a file; a write that fails (a
full disk) removes its temporary file and leaves the file it was replacing as it was. The
temporary names a run uses are listed in its journal (:mod:`.journal`), and only those are ever
removed: a killed run's by the next run, never a user's file. A report's record is
removed before its files are replaced and written after them: a report counts as done only when
its record says ``ok`` for the same key and both files exist. A run that was killed leaves, at
worst, temporary files (removed by the next run, from its journal) and reports without a record
(redone).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .journal import temporary_name
from .outcome import error_text

if TYPE_CHECKING:
    from .journal import Journal
    from .outcome import Outcome
    from .planning import Job, Plan

RECORDS = ".records"
#: Headline figures shown as columns in the summary and the index, in this order.
HEADLINE_COLUMNS = (
    "n_projects",
    "n_objectives",
    "n_reached",
    "n_maintained",
    "n_on_track",
    "n_behind",
    "n_not_reached",
    "n_not_computable",
    "n_issues_error",
    "n_issues_warning",
    "completeness",
    "its_level",
)


def atomic_write(path: Path, data: str | bytes, journal: Journal | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``;
    the temporary name goes to ``journal`` first (a run's: a kill leaves nothing untracked)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = journal.temporary(path) if journal is not None else temporary_name(path)
    try:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def record_path(out: Path, job: Job) -> Path:
    return out / RECORDS / job.lang / f"{job.stem}.json"


def read_record(out: Path, job: Job) -> dict | None:
    try:
        return json.loads(record_path(out, job).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def up_to_date(out: Path, job: Job) -> dict | None:
    """The record of a finished report made from the same inputs, or None: a report whose kernel
    saw other data than the plan (its headline's data version is not the job's) is redone."""
    record = read_record(out, job)
    if not record or record.get("key") != job.key or record.get("status") != "ok":
        return None
    if record.get("made_from") not in (None, job.data_version):
        return None
    if not ((out / job.ipynb).is_file() and (out / job.html).is_file()):
        return None
    return record


def save(out: Path, job: Job, outcome: Outcome, journal: Journal | None = None) -> dict:
    """Write a report's notebook and page, then its record (last); return the record."""
    record_path(out, job).unlink(missing_ok=True)
    atomic_write(out / job.ipynb, outcome.ipynb, journal)
    atomic_write(out / job.html, outcome.html, journal)
    record = {
        "key": job.key,
        "kind": job.kind,
        "id": job.id,
        "lang": job.lang,
        "name_nl": job.name_nl,
        "name_fr": job.name_fr,
        "status": outcome.status,
        "error": outcome.error,
        "headline": outcome.headline,
        "notebook": job.notebook,
        "parameters": job.parameters,
        "kit": job.kit,
        "data_version": job.data_version,
        "made_from": _made_from(job, outcome),
        "ipynb": job.ipynb,
        "html": job.html,
        "started": outcome.started,
        "seconds": outcome.seconds,
        "worker": outcome.worker,
    }
    atomic_write(record_path(out, job), json.dumps(record, indent=1, default=str), journal)
    return record


def _made_from(job: Job, outcome: Outcome) -> str | None:
    """The data version the report shows (its headline's), when the plan's is one of a report's
    own data (:mod:`.inputs`): None when there is nothing to compare."""
    from .inputs import WHOLE

    shown = (outcome.headline or {}).get("data_version")
    return None if not shown or job.data_version.startswith(WHOLE) else str(shown)


def headline_text(name: str, value: object) -> str:
    """A headline figure as short text: numbers as they are, a share as a percentage, the ITS
    level changes as ``project/indicator rate ratio [CI]``, one per line."""
    if value is None or value == "":
        return ""
    if name == "completeness" and isinstance(value, int | float):
        return f"{100 * value:.0f} %"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list):
        return "\n".join(_its_text(v) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def _its_text(effect: dict) -> str:
    def num(key: str) -> str:
        v = effect.get(key)
        return f"{v:.2f}" if isinstance(v, int | float) else "?"

    where = "/".join(str(effect[k]) for k in ("project_id", "indicator_id") if effect.get(k))
    return f"{where} {num('rate_ratio')} [{num('ci_low')}-{num('ci_high')}]".strip()


def write_summary(out: Path, records: Iterable[dict], journal: Journal | None = None) -> Path:
    """``summary.csv``: one row per report, with its status, error, timing and headline."""
    from ..common.exports import csv_text

    columns = ["lang", "kind", "id", "name_nl", "name_fr", "status", "this_run", "error"]
    columns += ["seconds", *HEADLINE_COLUMNS, "html", "ipynb"]
    buffer = io.StringIO()
    # CRLF (RFC 4180): a value with a carriage return is then quoted and stays one field
    writer = csv.DictWriter(buffer, columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for r in records:
        headline = r.get("headline") or {}
        seconds = round(sum((r.get("seconds") or {}).values()), 2)
        row = {**r, **{k: headline_text(k, headline.get(k)) for k in HEADLINE_COLUMNS}}
        row = {**row, "error": error_text(r), "seconds": seconds}
        writer.writerow({k: csv_text(v) for k, v in row.items()})  # names, ids: never formulas
    path = out / "summary.csv"
    atomic_write(path, buffer.getvalue(), journal)
    return path


def write_manifest(
    out: Path, plan: Plan, records: list[dict], run: dict, journal: Journal | None = None
) -> Path:
    """``manifest.json``: ``run`` (date, settings, counts), input hash, kit, every report."""
    manifest = {
        **run,
        "kit_version": plan.kit_version,
        "input": {"path": str(plan.data_path), "sha256": plan.input_hash, "unread": plan.unread},
        "notebooks": plan.notebooks,
        "parameters": plan.parameters,
        "reports": records,
    }
    path = out / "manifest.json"
    atomic_write(path, json.dumps(manifest, indent=1, default=str), journal)
    return path
