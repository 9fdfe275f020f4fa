"""A warm kernel that makes one report after another: :class:`Worker`.

A worker starts one Jupyter kernel, imports what the reports import and runs the warm-up code
once, then, for every report, resets the kernel (:mod:`.kernelside`) and executes the notebook
with papermill through the ``socprev-warm`` engine (:mod:`.engine`), which hands papermill this
kernel instead of starting a new one. After a failed or timed-out report the kernel is restarted
and warmed again before the next one. papermill and nbconvert are imported while the kernel warms
up, so that starting kernels does not wait for them.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from jupyter_client import AsyncKernelClient, AsyncKernelManager, BlockingKernelClient
from jupyter_core.utils import run_sync

from .errors import KernelError
from .memory import MESSAGES, Watch, watch
from .outcome import Outcome
from .planning import Job

KERNELSIDE = '__import__("socprev_kit.batch.kernelside", fromlist=["_"])'


def warmup_code(notebooks: list[str], data_path: str = "") -> str:
    """Import every module the notebooks import, then ``socprev_kit.reports.prepare(data)``.

    Import-time effects (warnings, registrations) then happen at warm-up in every kernel, so a
    report made in a used kernel equals one made in a fresh one.
    """
    return import_code(notebooks) + "\n" + prepare_code(data_path)


def import_code(notebooks: list[str]) -> str:
    """The first part of :func:`warmup_code`: import what the notebooks import."""
    modules = sorted({m for text in notebooks for m in _imports(text)} | {"matplotlib.pyplot"})
    lines = ["import importlib", f"for _m in {modules!r}:", "    try:"]
    lines += ["        importlib.import_module(_m)", "    except Exception:", "        pass"]
    return "\n".join(lines)


def prepare_code(data_path: str = "", share: str = "") -> str:
    """The second part of :func:`warmup_code`: ``socprev_kit.reports.prepare(data)``; with
    ``share``, the data are prepared once for all the batch's kernels (one builds, the others
    load: :mod:`socprev_kit.reports.sharing`)."""
    args = f"{data_path!r}, share={share!r}" if share else repr(data_path)
    lines = ["try:", "    import socprev_kit.reports as _r", "except ImportError as _e:"]
    lines += ["    if _e.name != 'socprev_kit.reports':", "        raise", "else:"]
    lines += ["    if hasattr(_r, 'prepare'):", f"        _r.prepare({args})"]
    return "\n".join(lines)


def _imports(notebook_json: str) -> set[str]:
    """Modules imported at the top level of the code cells (read as JSON: no nbformat needed);
    for ``from package import name`` also ``package.name``, which may be a module (the warm-up
    code skips what cannot be imported)."""
    found: set[str] = set()
    for cell in json.loads(notebook_json).get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names if a.name != "*")
    return found


class Worker:
    """One warm kernel. ``with Worker(warmup) as w: outcome = w.run(job, timeout=60)``.

    ``memory_mb``: the kernel is stopped when it holds more than that (:mod:`.memory`); the
    report it ran fails with a message saying so, and the next report gets a fresh kernel.
    """

    def __init__(
        self,
        warmup: str = "",
        kernel_name: str = "python3",
        name: str = "",
        memory_mb: float | None = None,
    ) -> None:
        self.warmup = warmup
        self.memory_mb = memory_mb
        self._watch: Watch | None = None
        self.then = ""  # more warm-up code, given by the gate (see start)
        self.kernel_name = kernel_name
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self.km: AsyncKernelManager | None = None
        self.kc: AsyncKernelClient | None = None
        self.last_nb = None
        self._control: BlockingKernelClient | None = None
        self._dirty = False
        self.cancelled = threading.Event()  # set by kill(): stop starting, stop waiting
        self._tmp = tempfile.TemporaryDirectory(prefix="socprev-kernel-")
        self.starts = 0

    def __enter__(self) -> Worker:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self, gate: Callable[[], str | None] | None = None) -> None:
        """Start the kernel, warm it up and remember its state for the resets.

        While the kernel runs the warm-up code, this thread waits for ``gate()``, which may
        return more warm-up code (a pool's kernels import while the batch reads the data, then
        prepare from what it read), then imports papermill and nbconvert and renders a first
        page. A restart runs both parts again.
        """
        # IPC sockets: no TCP ports to race for (papermill#239), nothing open on the network
        ipc = str(Path(self._tmp.name) / f"kernel-{self.starts}")
        self.km = AsyncKernelManager(kernel_name=self.kernel_name, transport="ipc", ip=ipc)
        env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
        run_sync(self.km.start_kernel)(
            extra_arguments=["--HistoryManager.hist_file=:memory:"], cwd=self._tmp.name, env=env
        )
        if self.cancelled.is_set():
            raise KernelError("The report kernel was stopped")
        self._watch = watch(self.km.provisioner.process.pid, self.memory_mb)
        self._control = BlockingKernelClient()
        self._control.load_connection_info(self.km.get_connection_info())
        self._control.start_channels(iopub=False, stdin=False, hb=False, control=False)
        self._call("None", timeout=60, what="start")  # waits until the kernel answers
        self.kc = self.km.client()  # the one client papermill's runs use, for all of them
        self.kc.start_channels(stdin=False)
        self.kc.allow_stdin = False
        run_sync(self.kc.wait_for_ready)(timeout=60)
        warming = [self._control.execute(self.warmup or "None", silent=True, store_history=False)]
        if gate is not None:
            self.then = gate() or ""
        if self.then:
            warming.append(self._control.execute(self.then, silent=True, store_history=False))
        from . import engine  # noqa: F401 - imports papermill, registers the socprev-warm engine
        from .render import prepare_exporter

        prepare_exporter()
        for msg_id in warming:
            self._wait(msg_id, timeout=600, what="warm up")
        self._call(f"{KERNELSIDE}.snapshot({self._tmp.name!r})", what="snapshot")
        self._dirty = False
        self.starts += 1

    @property
    def over_memory(self) -> bool:
        """The kernel was stopped for holding more than ``memory_mb``."""
        return self._watch is not None and self._watch.exceeded is not None

    def stop(self) -> None:
        if self._watch is not None:
            self._watch.stop()
        for client in (self._control, self.kc):
            if client is not None:
                client.stop_channels()
        self._control = self.kc = None
        if self.km is not None:
            with contextlib.suppress(Exception):  # a kernel already gone is stopped
                run_sync(self.km.shutdown_kernel)(now=True)
            self.km = None

    def kill(self) -> None:
        """Kill the kernel process at once; safe from another thread (an interrupted batch)."""
        self.cancelled.set()
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        """Stop the kernel and remove the worker's scratch folder."""
        self.stop()
        self._tmp.cleanup()

    def _alive(self) -> bool:
        return self.km is not None and bool(run_sync(self.km.is_alive)())

    def _call(self, code: str, timeout: float = 60, what: str = "reset") -> None:
        """Run ``code`` silently (no history, no output, no execution count) and wait."""
        self._wait(self._control.execute(code, silent=True, store_history=False), timeout, what)

    def _wait(self, msg_id: str, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or self.cancelled.is_set() or not self._alive():
                if self.over_memory:
                    raise KernelError(MESSAGES["warmup"]["en"].format(mb=f"{self.memory_mb:g}"))
                raise KernelError(f"The report kernel did not {what}", "no answer")
            try:
                reply = self._control.get_shell_msg(timeout=min(left, 1.0))
            except Exception:  # noqa: BLE001 - queue.Empty: ask again
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        content = reply["content"]
        if content["status"] != "ok":
            detail = f"{content.get('ename')}: {content.get('evalue')}"
            raise KernelError(f"The report kernel could not {what}", detail)

    def run(self, job: Job, timeout: float | None = None) -> Outcome:
        """Make one report; a failure of the notebook is an outcome, never an exception."""
        import nbformat

        from .engine import execute
        from .render import read_headline, to_html

        started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        t0 = time.monotonic()
        self._prepare(job)
        t1 = time.monotonic()
        nb, error = execute(self, job, timeout, Path(self._tmp.name))
        t2 = time.monotonic()
        self._dirty = error is not None
        html = to_html(nb, job.lang)
        seconds = {"reset": t1 - t0, "execute": t2 - t1, "html": time.monotonic() - t2}
        seconds = {k: round(v, 3) for k, v in seconds.items()}
        status = "failed" if error else "ok"
        ipynb = nbformat.writes(nb)
        headline = read_headline(nb)
        return Outcome(job.key, status, error, headline, ipynb, html, started, seconds, self.name)

    def _prepare(self, job: Job) -> None:
        if self.km is None:
            self.start()
        elif self._dirty or not self._alive():
            self.restart()
        try:
            self._call(f"{KERNELSIDE}.reset({job.cwd!r})")
        except KernelError:
            self.restart()
            self._call(f"{KERNELSIDE}.reset({job.cwd!r})")


def failed_outcome(job: Job, exc: BaseException, worker: str = "") -> Outcome:
    """The outcome of a report no kernel could make: the notebook, unrun, with the error on top."""
    import nbformat

    from .engine import with_banner
    from .render import to_html

    error = {"ename": type(exc).__name__, "evalue": str(exc), "cell": None}
    nb = with_banner(nbformat.reads(job.notebook_json, as_version=4), error, job.lang)
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return Outcome(
        job.key,
        "failed",
        error,
        None,
        nbformat.writes(nb),
        to_html(nb, job.lang),
        started,
        {},
        worker,
    )
