"""Run jobs on a Dask distributed cluster (``--scheduler ADDRESS``).

Each Dask worker process keeps one warm :class:`~.kernel.Worker` in a process-global, made on
first use (and made again when a batch with other warm-up code arrives). All kernel calls of a
process go through one thread of its own, so a Dask worker with several threads still drives one
kernel, one report at a time. A job carries the notebook's text, so workers need not see the
notebook file. Only plain data travel back: status, timing, error, headline, notebook and page;
the client writes every file.

The data are prepared once per run, not once per worker or report: the batch reads, validates
and aggregates them and computes what concerns the whole country (the disclosure pattern, the
funnels, the indexes per project and municipality) in its own process, then broadcasts the
pickled context to the workers (``client.scatter(..., broadcast=True)``: one copy per worker,
:class:`Shared`). Each worker writes it into a scratch folder of its own, once
(:func:`socprev_kit.reports.sharing.install`), and its kernel loads it at warm-up; no folder of
the client's machine is needed.

Running on a real cluster
-------------------------
On the scheduler machine, and on each worker machine (same Python environment, same kit
version: a mismatch makes each kernel prepare the data itself, slowly)::

    dask-scheduler --host 0.0.0.0 --port 8786
    dask-worker tcp://SCHEDULER:8786 --nworkers 4 --nthreads 1 --memory-limit 3GB

then, on any machine that reaches the scheduler::

    socprev-kit batch --data /shared/data --scheduler tcp://SCHEDULER:8786 --out reports

- One worker process drives one report kernel: ``--nworkers`` is the number of reports made at
  the same time on that machine (about one per core); ``--nthreads 1``.
- The data folder must be at the same path on every worker (a shared file system: NFS, SMB, a
  synced copy with the same sizes and modification times): a kernel checks that the files it
  sees are those the context was made from, and reads them itself when they differ.
- Memory: a worker holds the context it received and its kernel a copy (about 0.5 GB each for
  565 municipalities and 660,000 rows); ``--memory-mb`` limits the kernel.
- The notebooks, outputs, index and summary stay on the client: workers need no write access
  to the output folder, only a writable temporary folder.
- The scheduler's port (8786) must be reachable from the client and the workers, and the
  workers' ports from each other; use TLS (``tls://``, ``--tls-*`` options) outside a trusted
  network: the reports and the data travel over it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .kernel import Worker, failed_outcome, prepare_code
from .outcome import Outcome
from .planning import Job
from .pool import largest_first

_STATE: dict[str, object] = {}
_LOCK = threading.Lock()
_THREAD = ThreadPoolExecutor(1, thread_name_prefix="socprev-kernel")


@dataclass(frozen=True)
class Shared:
    """The data context a batch prepared (the bytes of its ``context.pickle``), sent once to
    every worker; ``token`` names one run's context, ``data_path`` the data it was made from."""

    token: str
    data_path: str
    payload: bytes = field(repr=False)


def _install(shared: Shared) -> str:
    """Write the context into this worker's scratch folder (once per run) and return the
    kernel's code to load it."""
    installed = _STATE.get("shared")
    if not (isinstance(installed, dict) and installed["token"] == shared.token):
        from ..reports.sharing import install

        _drop_shared()
        folder = Path(tempfile.mkdtemp(prefix="socprev-shared-"))
        file = install(folder, shared.payload)
        stat = file.stat()
        installed = {"token": shared.token, "folder": folder, "file": file,
                     "stamp": (stat.st_ino, stat.st_mtime_ns)}  # fmt: skip
        _STATE["shared"] = installed
        _STATE["installs"] = int(_STATE.get("installs", 0)) + 1
    return prepare_code(shared.data_path, str(installed["folder"]))


def _drop_shared() -> None:
    installed = _STATE.pop("shared", None)
    if isinstance(installed, dict):
        shutil.rmtree(installed["folder"], ignore_errors=True)


def shared_state() -> dict:
    """This worker's count of contexts installed, and whether its kernels used the one it
    holds as it was written (True) or made one of their own over it (False); for tests and
    ``client.run``."""
    installed = _STATE.get("shared")
    used_as_sent = None
    if isinstance(installed, dict):
        try:
            stat = installed["file"].stat()
            used_as_sent = (stat.st_ino, stat.st_mtime_ns) == installed["stamp"]
        except OSError:
            used_as_sent = False
    installs = int(_STATE.get("installs", 0))
    return {"pid": os.getpid(), "installs": installs, "used_as_sent": used_as_sent}


def _worker(warmup: str, memory_mb: float | None = None) -> Worker:
    worker = _STATE.get("worker")
    if isinstance(worker, Worker) and (worker.warmup, worker.memory_mb) == (warmup, memory_mb):
        return worker
    if isinstance(worker, Worker):
        worker.close()
    worker = Worker(warmup, memory_mb=memory_mb)
    worker.start()
    _STATE["worker"] = worker
    return worker


@atexit.register
def _close() -> None:
    worker = _STATE.pop("worker", None)
    if isinstance(worker, Worker):
        worker.kill()  # the executor thread may be gone already: no ZeroMQ goodbyes
        worker.close()
    _drop_shared()


def make_report(
    job: Job,
    warmup: str,
    timeout: float | None,
    memory_mb: float | None = None,
    shared: Shared | None = None,
) -> Outcome:
    """The task a Dask worker runs: one report on this process's warm kernel; ``shared``: the
    batch's prepared context, which the kernel loads at warm-up (after ``warmup``)."""
    with _LOCK:
        code = warmup if shared is None else f"{warmup}\n{_install(shared)}"
        return _THREAD.submit(lambda: _worker(code, memory_mb).run(job, timeout)).result()


def _key(job: Job) -> str:
    return f"socprev-{job.lang}-{job.stem}-{uuid.uuid4().hex[:8]}"


def run_on_cluster(
    jobs: Sequence[Job],
    address: str,
    warmup: str,
    timeout: float | None,
    memory_mb: float | None = None,
    shared: Shared | None = None,
) -> Iterator[tuple[Job, Outcome]]:
    """Yield ``(job, outcome)`` as the cluster finishes reports, in any order; ``shared`` is
    sent to every worker once (a worker that joins later fetches it from another)."""
    from distributed import Client, as_completed

    with Client(address, set_as_default=False) as client:
        context = None
        if shared is not None and jobs:
            context = client.scatter(shared, broadcast=True, hash=False)
        futures = {
            client.submit(make_report, job, warmup, timeout, memory_mb, context, key=_key(job)): job
            for job in largest_first(jobs)
        }
        try:
            for future in as_completed(futures, loop=client.loop):
                job = futures[future]
                try:
                    yield job, future.result()
                except Exception as exc:  # noqa: BLE001 - a lost worker, a pickling error ...
                    yield job, failed_outcome(job, exc, "dask")
        finally:
            client.cancel(list(futures))
