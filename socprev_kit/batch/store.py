"""The output folder: reports written atomically, one record per report, summary and manifest.

Layout of ``out/``::

    nl/municipality_44021.ipynb   executed notebook (kept with papermill's banner when it failed)
    nl/municipality_44021.html    self-contained page
    fr/project_GEN-DAM.html ...
    .records/nl/municipality_44021.json   what made the files: key, status, error, timing,
                                          headline, facets (the index's filters)
    manifest.json      this run: its request, settings, data (path, hash), kit, its reports
    reports.json       every report in the folder, from every run (``.listing``): the records
                       whose files are there, ``this_run`` = made, up to date or earlier
    summary.csv        the same reports, one row each, for Belgian Excel (``;``, BOM, 0,5)
    summary_utf8.csv   the same for scripts (``,``, 0.5, no BOM) (``.summary``)
    validation_issues_nl.xlsx  validation_issues_fr.xlsx   the issues of the data this run
                       read, in each language of its reports (:func:`write_issues`)
    index.html         the entry: a link to each language's page
    nl/index.html  fr/index.html   every report of that language: sort, filter, search (``.index``)

``manifest.json`` stays the record of one run (the disclosure audit checks its reports against
its data); ``reports.json``, the summaries and the index show the folder as it is: a report a
user removed by hand (its page gone) is no longer listed, one an earlier run made with another
request is, marked ``earlier``.

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

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .journal import temporary_name

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
        "facets": job.facets,
    }
    atomic_write(record_path(out, job), json.dumps(record, indent=1, default=str), journal)
    return record


def _made_from(job: Job, outcome: Outcome) -> str | None:
    """The data version the report shows (its headline's), when the plan's is one of a report's
    own data (:mod:`.inputs`): None when there is nothing to compare."""
    from .inputs import WHOLE

    shown = (outcome.headline or {}).get("data_version")
    return None if not shown or job.data_version.startswith(WHOLE) else str(shown)


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


#: The validation issues file of a language (the name the index looks for: ``index.ISSUES_FILES``).
ISSUES_FILE = "validation_issues_{lang}.xlsx"


def write_issues(
    out: Path,
    plan: Plan,
    memory_mb: float | None = None,
    journal: Journal | None = None,
) -> dict[str, str]:
    """The validation issues of the data the run read (as its reports list them: every file, a
    file refused whole included), one xlsx per language of its reports, with the headers,
    severities and messages in that language (what ``socprev-kit validate --out`` writes);
    ``{lang: file name}`` of those written, for the manifest; none when the data cannot be
    read (the plan said why). ``memory_mb``: the ceiling the plan read them under (the same
    reading, read once per process: :func:`.reading.read_and_validate`)."""
    from ..common.exports import table_bytes
    from ..validation.dataset import validate
    from ..validation.messages import for_people
    from .errors import DataReadError
    from .reading import read_and_validate

    try:
        read, data = read_and_validate(str(plan.data_path), plan.input_hash, memory_mb)
    except (DataReadError, OSError):
        return {}
    written = {}
    for lang in dict.fromkeys(job.lang for job in plan.jobs):
        issues = data.issues if lang == "nl" else data.issues_in(lang)
        issues = validate(read, lang=lang).issues if issues is None else issues
        name = ISSUES_FILE.format(lang=lang)
        atomic_write(out / name, table_bytes(for_people(issues, lang), ".xlsx"), journal)
        written[lang] = name
    return written
