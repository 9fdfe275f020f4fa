"""Run jobs on a Dask distributed cluster (``--scheduler ADDRESS``).

Each Dask worker process keeps one warm :class:`~.kernel.Worker` in a process-global, made on
first use (and made again when a batch with other warm-up code arrives). All kernel calls of a
process go through one thread of its own, so a Dask worker with several threads still drives one
kernel, one report at a time. A job carries the notebook's text, so workers need not see the
notebook file; they must see the data at the same path (a shared file system), as the reports
read it. Only plain data travels back: status, timing, error, headline, notebook and page; the
client writes every file.
"""

from __future__ import annotations

import atexit
import threading
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from .kernel import Worker, failed_outcome
from .outcome import Outcome
from .planning import Job
from .pool import largest_first

_STATE: dict[str, object] = {}
_LOCK = threading.Lock()
_THREAD = ThreadPoolExecutor(1, thread_name_prefix="socprev-kernel")


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


def make_report(
    job: Job, warmup: str, timeout: float | None, memory_mb: float | None = None
) -> Outcome:
    """The task a Dask worker runs: one report on this process's warm kernel."""
    with _LOCK:
        return _THREAD.submit(lambda: _worker(warmup, memory_mb).run(job, timeout)).result()


def _key(job: Job) -> str:
    return f"socprev-{job.lang}-{job.stem}-{uuid.uuid4().hex[:8]}"


def run_on_cluster(
    jobs: Sequence[Job],
    address: str,
    warmup: str,
    timeout: float | None,
    memory_mb: float | None = None,
) -> Iterator[tuple[Job, Outcome]]:
    """Yield ``(job, outcome)`` as the cluster finishes reports, in any order."""
    from distributed import Client, as_completed

    with Client(address, set_as_default=False) as client:
        futures = {
            client.submit(make_report, job, warmup, timeout, memory_mb, key=_key(job)): job
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
