"""papermill on a kernel that is already running: the ``socprev-warm`` engine, timeouts, banners.

:func:`execute` runs one job through ``papermill.execute_notebook`` (parameter injection, run
metadata, error banner, the failed notebook kept) with :class:`WarmKernelEngine`: papermill's
``NBClientEngine`` given the worker's kernel manager. Papermill passes extra keyword arguments of
``execute_notebook`` to the engine, and the engine passes them on to nbclient's ``NotebookClient``
(``timeout_func``, ``interrupt_on_timeout`` ...); ``worker=`` is ours.
"""

from __future__ import annotations

import html
import math
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import nbformat
import papermill
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.exceptions import PapermillExecutionError
from papermill.log import logger
from papermill.utils import remove_args

from .memory import MESSAGES
from .outcome import READER_ERRORS, error_text

if TYPE_CHECKING:
    from .planning import Job

ENGINE = "socprev-warm"


class RunningKernel(Protocol):
    """What the engine needs of a worker (:class:`.kernel.Worker`): its started kernel, the
    client to run on, where to leave the notebook being run, and its memory watch."""

    km: Any  # jupyter_client's AsyncKernelManager
    kc: Any  # its long-lived AsyncKernelClient
    kernel_name: str
    last_nb: Any  # the notebook being run (what ran, should the kernel die)
    memory_mb: float | None

    @property
    def over_memory(self) -> bool: ...


class WarmKernelEngine(NBClientEngine):
    """papermill's nbclient engine on the worker's running kernel (``worker=`` keyword).

    nbclient neither starts nor shuts down a kernel manager it is given (``km=``), but it opens
    a new client on it for every notebook and never stops that client's channels
    (jupyter/nbclient#348): over hundreds of reports that leaks sockets, and each new client
    also waits for the kernel (``wait_for_ready`` flushes IOPub for 0.2 s). So the engine hands
    nbclient the worker's long-lived client too; should nbclient still open one, it is stopped.
    """

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,  # noqa: ANN001
        kernel_name: str,
        worker: RunningKernel | None = None,
        log_output: bool = False,
        stdout_file=None,  # noqa: ANN001
        stderr_file=None,  # noqa: ANN001
        start_timeout: int = 60,
        execution_timeout: float | None = None,
        **kwargs,
    ):  # noqa: ANN206
        kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
        client = PapermillNotebookClient(
            nb_man,
            km=worker.km,
            kernel_name=kernel_name,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
            **kwargs,
        )
        client.kc = worker.kc
        worker.last_nb = nb_man.nb
        try:
            return client.execute()
        finally:
            if client.kc is not None and client.kc is not worker.kc:
                client.kc.stop_channels()
            client.kc = None


papermill_engines.register(ENGINE, WarmKernelEngine)


def execute(worker: RunningKernel, job: Job, timeout: float | None, scratch: Path) -> tuple:
    """Run ``job`` on the worker's kernel: ``(executed notebook, error dict or None)``."""
    nb, error = _papermill(worker, job, timeout, scratch)
    if error and timeout and error["seconds"] >= timeout:
        message = f"the report ran longer than {timeout:g} s (--timeout) and was stopped"
        error = {"ename": "ReportTimeout", "evalue": message, "cell": error["cell"]}
        nb = with_banner(nb, error, job.lang)
    if error and worker.over_memory:
        from ..common.formatting import no_break_spaces

        lang = job.lang if job.lang in MESSAGES["report"] else "en"
        message = no_break_spaces(MESSAGES["report"][lang], lang).format(mb=f"{worker.memory_mb:g}")
        error = {"ename": "ReportMemoryError", "evalue": message, "cell": error["cell"]}
        nb = with_banner(nb, error, job.lang)
    if error:
        error.pop("seconds", None)
    paths = {"input_path": job.notebook, "output_path": job.ipynb}
    nb.metadata.setdefault("papermill", {}).update(paths)
    return nb, error


def _papermill(worker: RunningKernel, job: Job, timeout: float | None, scratch: Path) -> tuple:
    nb = nbformat.reads(job.notebook_json, as_version=4)
    out = scratch / "report.ipynb"
    out.unlink(missing_ok=True)
    worker.last_nb = None
    start = time.monotonic()
    try:
        done = papermill.execute_notebook(
            nb,
            str(out),
            parameters=job.parameters,
            engine_name=ENGINE,
            kernel_name=worker.kernel_name,
            progress_bar=False,
            request_save_on_cell_execute=False,
            worker=worker,
            **_timeout_options(timeout),
        )
        return done, None
    except PapermillExecutionError as exc:  # the notebook is saved with papermill's banner
        error = {"ename": exc.ename, "evalue": exc.evalue, "cell": exc.exec_count}
        nb = nbformat.read(out, as_version=4)
        if exc.ename in READER_ERRORS:  # the message, in the report's language, on top
            nb = with_banner(nb, error, job.lang)
    except Exception as exc:  # noqa: BLE001 - kernel died, IOPub timeout ...: keep what ran
        error = {"ename": type(exc).__name__, "evalue": str(exc), "cell": None}
        nb = with_banner(worker.last_nb or nb, error, job.lang)
    return nb, {**error, "seconds": time.monotonic() - start}


def _timeout_options(timeout: float | None) -> dict:
    """nbclient options that stop a report after ``timeout`` seconds in all (None: never)."""
    if not timeout:
        return {}
    deadline = time.monotonic() + timeout
    message = "stopped by --timeout"
    return {
        "timeout_func": lambda cell: max(1, math.ceil(deadline - time.monotonic())),
        "interrupt_on_timeout": True,
        # a kernel deaf to the interrupt: end the cell anyway instead of waiting forever
        "error_on_timeout": {"ename": "ReportTimeout", "evalue": message, "traceback": [message]},
    }


#: The heading of the banner on a report that stopped: for an error written for the report's
#: reader (``READER_ERRORS``, shown without its name) and for any other error.
BANNER = {
    "reader": {
        "nl": "Dit rapport kon niet gemaakt worden:",
        "fr": "Ce rapport n'a pas pu être produit\u00a0:",
        "en": "This report could not be made:",
    },
    "other": {
        "nl": "Het rapport is gestopt met een fout:",
        "fr": "Le rapport s'est arrêté sur une erreur\u00a0:",
        "en": "The report stopped with an error:",
    },
}


def with_banner(nb: nbformat.NotebookNode, error: dict, lang: str = "en") -> nbformat.NotebookNode:
    """Put the error on top of the notebook, as papermill does for an error in a cell, with a
    heading in the report's language ``lang``."""
    kind = "reader" if error["ename"] in READER_ERRORS else "other"
    text = html.escape(error_text({"error": error}))
    heading = BANNER[kind].get(lang, BANNER[kind]["en"])
    cell = nbformat.v4.new_markdown_cell(
        f'<span style="color:red;font-size:1.5em">{heading}</span>'
        f'<pre style="white-space:pre-wrap">{text}</pre>'
    )
    cell.metadata["tags"] = ["papermill-error-cell-tag"]
    nb.cells.insert(0, cell)
    return nb
