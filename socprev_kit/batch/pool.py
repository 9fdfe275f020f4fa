"""N warm kernels on this machine: one thread drives one :class:`~.kernel.Worker`.

Threads, not processes: the work happens in the kernels (separate processes); a driver thread
mostly waits on ZeroMQ and exports HTML (about 0.1 s a report). Threads share the plan and need
no pickling. The kernels start warming (importing) as soon as the pool is made, while the batch
reads its data and is planned; :meth:`LocalPool.release` then hands them more warm-up code (to
prepare from the data the batch read) and lets the threads do their own start-up work, which
waits so as not to slow down the reading. Each thread then takes the next job from a shared
queue, so a slow report never holds up the others.

A kernel that cannot be started or warmed up (the data cannot be prepared, the kernel needs more
memory than the ceiling) stops its thread, and the other kernels make the reports; when no
kernel is left, every report left fails with that reason, and the batch still writes its
records, summary and index.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator, Sequence

from .kernel import Worker, failed_outcome
from .outcome import Outcome
from .planning import Job

_DONE = object()


class LocalPool:
    """``n`` warm kernels. ``pool.run(jobs)`` yields ``(job, outcome)``; ``pool.close()`` ends."""

    def __init__(self, n: int, warmup: str, memory_mb: float | None = None) -> None:
        self.timeout: float | None = None
        self._todo: queue.Queue = queue.Queue()
        self._done: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._released = threading.Event()  # until then the threads leave this process alone
        self._then = ""
        self.workers = [
            Worker(warmup, name=f"local-{i + 1}", memory_mb=memory_mb) for i in range(max(1, n))
        ]
        self._given_up = 0
        self._count = threading.Lock()
        self._threads = [
            threading.Thread(target=self._drive, args=(w,), daemon=True) for w in self.workers
        ]
        for thread in self._threads:
            thread.start()

    def run(self, jobs: Sequence[Job], timeout: float | None) -> Iterator[tuple[Job, Outcome]]:
        """Yield ``(job, outcome)`` as reports finish, in any order; the pool closes after.

        A report that fails is an outcome with status ``failed``; so is every report when no
        kernel could be started or warmed up (with that :class:`~.errors.KernelError`). An
        error of the pool itself is raised here.
        """
        self.timeout = timeout
        self.release()
        for job in largest_first(jobs):
            self._todo.put(job)
        running, failure = len(self._threads), None
        try:
            for _ in self._threads:
                self._todo.put(None)  # one "no more jobs" for each thread
            while running:
                item = self._done.get()
                if item is _DONE:
                    running -= 1
                elif isinstance(item, BaseException):
                    failure = failure or item
                    self._stop.set()
                else:
                    yield item
        finally:
            self.close()
        if failure is not None:
            raise failure

    def release(self, then: str = "") -> None:
        """Let the kernels go on warming up with the code ``then`` (only the first call counts)."""
        if not self._released.is_set():
            self._then = then
            self._released.set()

    def close(self) -> None:
        """Stop: no more jobs; kill the kernels of reports still running (an interrupted run)."""
        self._stop.set()
        self._released.set()
        for _ in self._threads:
            self._todo.put(None)
        for worker in self.workers:
            worker.kill()
        for thread in self._threads:  # each shuts its kernel down (one still starting, too)
            thread.join(timeout=10)

    def _gate(self) -> str:
        self._released.wait()
        return "" if self._stop.is_set() else self._then

    def _drive(self, worker: Worker) -> None:
        try:
            try:
                worker.start(gate=self._gate)
            except Exception as exc:  # noqa: BLE001 - the others go on; the last says why
                if not self._stop.is_set() and self._last_to_give_up():
                    self._fail_the_rest(worker, exc)
                return
            while not self._stop.is_set():
                job = self._todo.get()
                if job is None or self._stop.is_set():
                    break
                try:
                    self._done.put((job, worker.run(job, self.timeout)))
                except Exception as exc:  # noqa: BLE001 - the kernel failed, not the notebook
                    self._done.put((job, failed_outcome(job, exc, worker.name)))
        except Exception as exc:  # noqa: BLE001 - raised by run() in the main thread
            if not self._stop.is_set():
                self._done.put(exc)
        finally:
            worker.close()
            self._done.put(_DONE)

    def _last_to_give_up(self) -> bool:
        with self._count:
            self._given_up += 1
            return self._given_up == len(self.workers)

    def _fail_the_rest(self, worker: Worker, exc: Exception) -> None:
        """Every job left fails with ``exc``: no kernel is left to make it."""
        while not self._stop.is_set():
            job = self._todo.get()
            if job is None:
                break
            self._done.put((job, failed_outcome(job, exc, worker.name)))


def largest_first(jobs: Sequence[Job]) -> list[Job]:
    """The jobs with the most registrations first (ties in plan order): the last reports to
    finish are then small ones, so no kernel waits long for the last large report."""
    return sorted(jobs, key=lambda job: -job.weight)


def expected_reports(names: Sequence[str], projects: Sequence[str], langs: Sequence[str]) -> int:
    """How many reports an explicit choice makes, at most (0: unknown, e.g. a province)."""
    if not (names or projects) or "all" in names or "all" in projects:
        return 0
    return (len(set(names)) + len(set(projects))) * max(1, len(set(langs)))
