"""One data set prepared once for all the processes of a batch on one machine, through files.

A batch reads and validates the data in its own process to plan the reports, aggregates them
(:func:`socprev_kit.indicators.report_inputs.report_tables`: pandas only) and computes what every
report shares (the disclosure pattern, attainment, funnels, the hashes of the reports' data:
:mod:`socprev_kit.reports.fingerprint`) while its kernels import, and writes that context into a
scratch folder (:func:`share_context`, ``context.pickle``); its kernels call
``socprev_kit.reports.prepare(data, share=folder)`` and load it, which takes a fraction of a
second. When the batch could not make the context, it writes what it read (:func:`share_loaded`,
``loaded.pickle``): the first kernel to take the folder's lock builds the context from it and
writes ``context.pickle``; the others wait for that file and load it. Without this, every kernel
would read, validate and aggregate the same data at the same time, on the same cores.

A file is used only when it was written for the same data files (path, sizes and modification
times) by the same kit version; otherwise the process reads the files itself. Files are written
under a temporary name and moved into place, so a reader never sees half a file. A builder that
dies leaves the lock behind: the others then build for themselves after ``wait`` seconds. The
folder belongs to one batch run (it is removed at the end), so nothing outlives the run.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..data.reading import files_stamp
from ..data.tables import ReadResult

if TYPE_CHECKING:
    from ..validation.dataset import Dataset
    from .data_context import DataContext

log = logging.getLogger(__name__)

__all__ = ["CONTEXT", "install", "lean", "share_context", "share_loaded", "shared_context"]

LOADED, CONTEXT, LOCK = "loaded.pickle", "context.pickle", "context.lock"


def write_shared(folder: Path, name: str, path: str, stat: str, **content: Any) -> Path:
    """Pickle ``content`` with what it was made from (``path``, ``stat``, kit version) into
    ``folder/name``, atomically."""
    target = folder / name
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    payload = {"path": path, "stat": stat, "kit": __version__, **content}
    with tmp.open("wb") as fh:
        pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)
    return target


def read_shared(file: Path, path: str, stat: str) -> dict | None:
    """What :func:`write_shared` wrote for these very files, else None."""
    if not file.is_file():
        return None
    try:
        with file.open("rb") as fh:
            payload = pickle.load(fh)  # noqa: S301 - written by this batch, on this machine
    except Exception:  # noqa: BLE001 - any problem: the caller reads the data files instead
        log.warning("cannot use %s; reading the data files instead", file, exc_info=True)
        return None
    made_from = (payload.get("path"), payload.get("stat"), payload.get("kit"))
    return payload if made_from == (path, stat, __version__) else None


def share_loaded(
    folder: str | Path,
    path: Path,
    read: ReadResult,
    data: Dataset,
    digest: str,
    tables: dict | None = None,
) -> Path:
    """Write the data under ``path`` (an absolute, resolved path), read and validated in Dutch,
    into ``folder`` for the kernels' :func:`shared_context`; ``digest``: their input hash;
    ``tables``: :func:`socprev_kit.indicators.report_inputs.report_tables` of the data, if made."""
    stamp = files_stamp(path)
    content = {"read": read, "data": data, "digest": digest, "tables": tables}
    return write_shared(Path(folder), LOADED, str(path), stamp, **content)


def share_context(folder: str | Path, path: Path, ctx: DataContext) -> Path:
    """Write a context made for the data under ``path`` (absolute, resolved) into ``folder``, as
    the first kernel would (:func:`shared_context`): the batch that planned from it hands it to
    its kernels whole, so that none of them computes what every report shares. The context is
    made lean first (:func:`lean`)."""
    return write_shared(Path(folder), CONTEXT, str(path), files_stamp(path), context=lean(ctx))


def lean(ctx: DataContext) -> DataContext:
    """``ctx`` as the kernels need it: equal strings one object in its text columns
    (:func:`socprev_kit.reports.compact.compact`, in place: the caller's copy shrinks too) and,
    when its data set renders its issues in any language without the files
    (:meth:`~socprev_kit.validation.dataset.Dataset.issues_in`), without the raw tables read
    from the files (their issues and list of files are kept), which only that fallback used;
    anything else as it is."""
    from dataclasses import replace

    from .compact import compact
    from .data_context import DataContext

    if not isinstance(ctx, DataContext):
        return ctx
    compact(ctx)
    if ctx.data.found is None or not ctx.read.tables:
        return ctx
    return replace(ctx, read=ReadResult(issues=ctx.read.issues, files=ctx.read.files))


def shared_context(
    folder: Path,
    path: str,
    stat: str,
    build: Callable[[dict | None], DataContext],
    wait: float = 600,
) -> DataContext:
    """The context in ``folder/context.pickle``, or built by ``build(loaded)`` (``loaded``: what
    :func:`share_loaded` wrote, or None) and written there by the first process to ask."""
    deadline = time.monotonic() + wait
    lock = folder / LOCK
    while True:
        if (found := read_shared(folder / CONTEXT, path, stat)) is not None:
            return found["context"]
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            if time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            log.warning("%s is still locked after %g s; preparing the data here", folder, wait)
            return build(read_shared(folder / LOADED, path, stat))
        except OSError:  # no such folder (the batch is over) or not writable
            return build(read_shared(folder / LOADED, path, stat))
        break
    try:
        ctx = build(read_shared(folder / LOADED, path, stat))
        try:
            write_shared(folder, CONTEXT, path, stat, context=lean(ctx))
        except OSError:
            log.warning("cannot write %s; each kernel prepares the data", folder, exc_info=True)
        return ctx
    finally:
        lock.unlink(missing_ok=True)


def install(folder: str | Path, payload: bytes) -> Path:
    """Write ``payload`` (the bytes of a ``context.pickle`` that :func:`shared_context` wrote,
    sent by a batch to a machine that cannot see its scratch folder, e.g. a Dask worker) into
    ``folder``, atomically, for the kernels there: their ``prepare(data, share=folder)`` then
    loads it instead of building the context."""
    folder = Path(folder)
    target, tmp = folder / CONTEXT, folder / f".{CONTEXT}.{os.getpid()}.tmp"
    tmp.write_bytes(payload)
    os.replace(tmp, target)
    return target
