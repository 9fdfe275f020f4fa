"""The batch front: plan, skip what is up to date, run the rest, write the index and tables."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .inputs import disclosure_pattern
from .journal import Journal, remove_leftovers
from .kernel import import_code, warmup_code
from .listing import merged_records, write_all_reports
from .memory import ceiling_mb
from .outcome import Outcome
from .planning import Job, Plan, plan, resolve
from .pool import LocalPool, expected_reports
from .prepared import cluster_share, share_data
from .reading import read_and_validate
from .store import save, up_to_date, write_issues, write_manifest
from .summary import write_summaries

if TYPE_CHECKING:
    from ..audit import Audit
    from .cluster import Shared

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchResult:
    """What a batch made. ``records``: one dict per report of this run, in plan order (see
    ``store``); ``folder``: every report in ``out``, from every run (``listing``), as the index
    and the summaries list them; ``summary_utf8``: the summary for scripts."""

    out: Path
    index: Path
    summary: Path
    manifest: Path
    records: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    #: The disclosure audit of the outputs (:func:`socprev_kit.audit.audit_disclosure`), None
    #: when not run; ``audit_error``: why it could not run.
    disclosure: Audit | None = None
    audit_error: str | None = None
    #: Data files not read (refused whole, too costly, crashed the reader): the reports were
    #: made without them (``Plan.unread``).
    unread: list[dict] = field(default_factory=list)
    folder: list[dict] = field(default_factory=list)
    summary_utf8: Path | None = None

    @property
    def n_ok(self) -> int:
        return sum(r["status"] == "ok" for r in self.records)

    @property
    def n_failed(self) -> int:
        return len(self.records) - self.n_ok

    @property
    def n_up_to_date(self) -> int:
        return sum(r["this_run"] == "up to date" for r in self.records)

    @property
    def n_recoverable(self) -> int:
        """Hidden values a reader can work out from the outputs (see ``disclosure``)."""
        return len(self.disclosure.recoveries) if self.disclosure else 0

    @property
    def ok(self) -> bool:
        """Every report made from every data file, and the audit ran (if asked) and found
        nothing recoverable."""
        clean = self.n_failed == 0 and not self.unread
        return clean and self.n_recoverable == 0 and self.audit_error is None


def batch(
    municipalities: Sequence[str] = (),
    *,
    projects: Sequence[str] = (),
    provinces: Sequence[str] = (),
    regions: Sequence[str] = (),
    police_zones: Sequence[str] = (),
    data: str | Path | None = None,
    langs: Sequence[str] = ("nl", "fr"),
    out: str | Path = "reports",
    jobs: int | None = None,
    timeout: float | None = 600,
    force: bool = False,
    notebook: str | Path | None = None,
    project_notebook: str | Path | None = None,
    parameters: Mapping[str, object] | None = None,
    scheduler: str | None = None,
    warmup: str | None = None,
    progress: bool = False,
    audit: bool = True,
    memory_mb: float | None = None,
) -> BatchResult:
    """Make one report per municipality and project, per language; see the package docstring.

    Parameters
    ----------
    municipalities : NIS codes or names (``"all"``: every municipality with data).
    projects : project ids (``"all"``: every project). Nothing chosen at all: everything.
    provinces, regions, police_zones : groups of municipalities (those with data).
    data : a file or folder of registrations; default the shipped sample data.
    langs : report languages, ``"nl"``, ``"fr"`` (and ``"en"`` where the notebook has it).
    out : output folder. jobs : warm kernels on this machine (default: number of cores).
    timeout : seconds per report (None: no limit). force : redo reports that are up to date.
    notebook, project_notebook : report notebooks (default ``notebooks/*_report.ipynb``).
    parameters : more notebook parameters, e.g. ``{"period_start": "2021-01"}``.
    scheduler : address of a Dask scheduler; the reports then run on that cluster.
    warmup : code run once in every kernel (default: the notebooks' imports and
        ``socprev_kit.reports.prepare(data)``). progress : show a progress bar on stderr.
    audit : run the disclosure audit on the outputs (:mod:`socprev_kit.audit`); a hidden value
        that can be worked out makes the batch not ``ok``.
    memory_mb : the most memory (resident MB) each report kernel, and the reading of the data,
        may hold (:mod:`.memory`); a report over it fails alone. Default: the limit
        ``kernel_mb`` (:mod:`socprev_kit.common.limits`); 0: no ceiling.

    Raises
    ------
    BatchPlanError
        Before anything runs, with every problem in the request.

    Examples
    --------
    >>> result = batch(["Gent", "11002"], langs=["nl"], out="/tmp/reports")  # doctest: +SKIP
    >>> result.ok, result.index  # doctest: +SKIP
    (True, PosixPath('/tmp/reports/index.html'))
    """
    notebooks = {"municipality": notebook, "project": project_notebook}
    n_jobs = jobs or os.cpu_count() or 1
    memory = ceiling_mb(memory_mb)
    data_path, paths = resolve(data, notebooks)
    own_warmup = warmup is None  # then the kernels import first and prepare the shared data
    first = warmup
    if own_warmup:
        texts = [p.read_text(encoding="utf-8") for p in paths.values() if p.is_file()]
        warmup, first = warmup_code(texts, str(data_path)), import_code(texts)
    pool = None
    if not scheduler:  # kernels import while the batch reads the data and is planned
        expected = expected_reports(municipalities, projects, langs) or n_jobs
        pool = LocalPool(min(n_jobs, expected), first, memory)
    scratch = tempfile.TemporaryDirectory(prefix="socprev-batch-")
    shared = None
    try:
        if pool is not None:
            then = share_data(data_path, Path(scratch.name), memory) if own_warmup else ""
        elif own_warmup:  # a cluster: prepare once here, send it to each worker once
            shared = cluster_share(data_path, Path(scratch.name), memory)
            warmup = first if shared is not None else warmup
        the_plan = plan(
            municipalities,
            projects=projects,
            provinces=provinces,
            regions=regions,
            police_zones=police_zones,
            data=data,
            langs=langs,
            notebooks=notebooks,
            parameters=parameters,
            memory_mb=memory,
        )
        # the planned context stays: the overview and the audit use it after the reports (freeing
        # it here and building it again would cost the setup twice at national scale)
        if pool is not None:
            pool.release(then)
        settings = {"jobs": n_jobs, "timeout": timeout, "scheduler": scheduler, "force": force,
                    "memory_mb": memory}  # fmt: skip
        runner = (
            pool.run
            if pool
            else partial(
                run_on_cluster, address=scheduler, warmup=warmup, memory_mb=memory, shared=shared
            )
        )
        result = execute(the_plan, Path(out), runner, settings, progress=progress)
    finally:
        if pool:
            pool.close()
        scratch.cleanup()
    if not audit:
        return result
    where = (str(the_plan.data_path), the_plan.input_hash, memory)
    return audited(result, read_and_validate(*where)[1], disclosure_pattern(*where))


def audited(
    result: BatchResult, dataset: object | None = None, pattern: object | None = None
) -> BatchResult:
    """``result`` with the disclosure audit of its outputs, with the data (and hash) its manifest
    names (``dataset``: those data, as the batch read them; ``pattern``: the disclosure pattern
    its reports hide by), or why the audit could not run."""
    from dataclasses import replace

    from ..audit import audit_disclosure

    try:
        found = audit_disclosure(result.out, dataset=dataset, pattern=pattern)
        return replace(result, disclosure=found)
    except Exception as exc:  # noqa: BLE001 - the reports are made; say why the audit is not
        log.warning("the disclosure audit could not run", exc_info=True)
        return replace(result, audit_error=f"{type(exc).__name__}: {exc}")


def execute(
    the_plan: Plan,
    out: Path,
    runner: Callable[..., Iterator[tuple[Job, Outcome]]],
    settings: dict,
    progress: bool = False,
) -> BatchResult:
    """Run a checked plan into ``out``: skip, make, record, then write summary, manifest, index.

    ``runner(jobs, timeout)`` yields ``(job, outcome)`` (:class:`~.pool.LocalPool` or Dask).
    """
    out = out.expanduser().resolve()
    remove_leftovers(out)  # of runs killed earlier; never a file this kit did not make
    with Journal(out) as journal:
        return _execute(the_plan, out, runner, settings, progress, journal)


def _execute(
    the_plan: Plan,
    out: Path,
    runner: Callable[..., Iterator[tuple[Job, Outcome]]],
    settings: dict,
    progress: bool,
    journal: Journal,
) -> BatchResult:
    start = time.monotonic()
    records: dict[str, dict] = {}
    for job in the_plan.jobs:
        old = None if settings.get("force") else up_to_date(out, job)
        if old is not None:
            records[job.key] = {**old, "this_run": "up to date"}
    todo = [job for job in the_plan.jobs if job.key not in records]
    log.info("%d reports to make, %d up to date", len(todo), len(records))
    outcomes = runner(todo, settings.get("timeout")) if todo else iter(())
    for job, outcome in _progress(outcomes, todo, progress):
        records[job.key] = {**save(out, job, outcome, journal), "this_run": "made"}
    ordered = [records[job.key] for job in the_plan.jobs]
    seconds = round(time.monotonic() - start, 2)
    counts = _counts(ordered)
    run = {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": seconds,
        "settings": settings,
        "counts": counts,
        "validation_issues": write_issues(out, the_plan, settings.get("memory_mb"), journal),
    }
    manifest = write_manifest(out, the_plan, ordered, run, journal)
    folder = merged_records(out, ordered)
    write_all_reports(out, folder, run["created"], journal)
    summary, summary_utf8 = write_summaries(out, folder, journal)
    from .index import write_index  # pandas: imported once reports are made, not with the kit
    from .overview import write_run_overview

    write_run_overview(out, the_plan, settings.get("memory_mb"), journal)
    index = write_index(out, the_plan, folder, counts, journal)
    return BatchResult(out, index, summary, manifest, ordered, seconds, unread=the_plan.unread,
                       folder=folder, summary_utf8=summary_utf8)  # fmt: skip


def run_on_cluster(
    jobs: list[Job],
    timeout: float | None,
    address: str,
    warmup: str,
    memory_mb: float | None,
    shared: Shared | None = None,
) -> Iterator:
    """The jobs on the Dask cluster at ``address`` (:mod:`.cluster`)."""
    from .cluster import run_on_cluster as on_cluster

    return on_cluster(jobs, address, warmup, timeout, memory_mb, shared)


def _progress(
    outcomes: Iterator[tuple[Job, Outcome]], todo: list[Job], show: bool
) -> Iterator[tuple[Job, Outcome]]:
    """tqdm on stderr: reports done, failures so far, time left (quiet when not a terminal)."""
    from tqdm import tqdm

    failed = 0
    with tqdm(
        total=len(todo), unit="report", file=sys.stderr, disable=None if show else True
    ) as bar:
        bar.set_postfix(failed=0)
        for job, outcome in outcomes:
            yield job, outcome
            failed += outcome.status != "ok"
            bar.set_postfix(failed=failed, refresh=False)
            bar.update()


def _counts(records: list[dict]) -> dict:
    return {
        "reports": len(records),
        "ok": sum(r["status"] == "ok" for r in records),
        "failed": sum(r["status"] != "ok" for r in records),
        "up_to_date": sum(r["this_run"] == "up to date" for r in records),
    }
