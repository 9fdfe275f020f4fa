"""The data a batch prepares once for all its kernels: on this machine through a scratch folder
(:func:`share_data`), on a Dask cluster as bytes sent once to each worker (:func:`cluster_share`).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataReadError
from .inputs import planned_context
from .kernel import prepare_code
from .reading import child_env, read_and_validate

if TYPE_CHECKING:
    from .cluster import Shared

log = logging.getLogger(__name__)

__all__ = ["APART_BYTES", "cluster_share", "prepare_apart", "share_data"]


#: Data files larger than this in all (bytes on disk) are prepared in a process of their own
#: (:func:`prepare_apart`): building a national context peaks at about 0.7 GB of Python objects,
#: which a process does not give back; the batch then holds only the lean result (0.2 GB).
APART_BYTES = 4 * 2**20


def share_data(data_path: Path, scratch: Path, memory_mb: float | None) -> str:
    """Read and validate the data once and build the reports' data context from them while the
    kernels import (:func:`.inputs.planned_context`: the plan needs it too, for the reports'
    keys), write it into ``scratch`` for the kernels and return the kernels' code to load it.
    When the context cannot be built, write what was read: the first kernel builds the rest.
    Large data (over :data:`APART_BYTES`) are prepared in another process
    (:func:`prepare_apart`); when that fails, here."""
    from ..data.reading import data_files, input_hash
    from ..reports.context import ready
    from ..reports.sharing import share_context, share_loaded

    if not data_path.exists():
        return prepare_code(str(data_path))  # the plan says what is wrong
    digest = input_hash(data_path)
    size = sum(f.stat().st_size for _, f in data_files(data_path))
    if size > APART_BYTES and prepare_apart(data_path, scratch, digest, memory_mb):
        return prepare_code(str(data_path), str(scratch))
    try:
        read, dataset = read_and_validate(str(data_path), digest, memory_mb)
    except DataReadError:  # the plan says what is wrong; the kernels must not read them
        return ""
    try:
        ctx = ready(planned_context(str(data_path), digest, memory_mb), ("nl", "fr"))
    except Exception as exc:  # noqa: BLE001 - a kernel meets the same problem and reports it
        log.warning("cannot aggregate the data here (%s); the first kernel does", exc)
        ctx = None
    try:
        if ctx is not None:
            share_context(scratch, data_path, ctx)
        else:
            share_loaded(scratch, data_path, read, dataset, digest)
    except OSError:  # e.g. a full disk: the first kernel reads the data itself
        log.warning("cannot share the data with the kernels", exc_info=True)
    return prepare_code(str(data_path), str(scratch))


def prepare_apart(data_path: Path, scratch: Path, digest: str, memory_mb: float | None) -> bool:
    """Read, validate and prepare the data in a child process (``python -m`` this module), which
    writes the kernels' context into ``scratch``; load that lean context here and keep it as
    the plan's (:func:`.inputs.keep_context`). False (nothing kept) when the child could not
    make it: the caller then prepares here, and says why as it always did."""
    from ..data.reading import files_stamp
    from ..reports.sharing import CONTEXT, read_shared
    from .inputs import keep_context

    argv = [sys.executable, "-m", "socprev_kit.batch.prepared", str(data_path), str(scratch),
            digest, "" if memory_mb is None else repr(memory_mb), str(os.getpid())]  # fmt: skip
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, env=child_env())
    payload = read_shared(scratch / CONTEXT, str(data_path), files_stamp(data_path))
    if done.returncode != 0 or payload is None:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        log.info("preparing the data apart did not work (%s); here instead", tail)
        (scratch / CONTEXT).unlink(missing_ok=True)
        return False
    keep_context(str(data_path), digest, payload["context"])
    return True


def _apart(path: str, scratch: str, digest: str, memory: str, parent: int) -> None:
    """The child of :func:`prepare_apart`: what :func:`share_data` does in the batch."""
    from ..reports.context import ready
    from ..reports.sharing import share_context
    from .reading import exit_with_parent

    exit_with_parent(parent)
    memory_mb = float(memory) if memory else None
    ctx = ready(planned_context(path, digest, memory_mb), ("nl", "fr"))
    share_context(Path(scratch), Path(path), ctx)


def cluster_share(data_path: Path, scratch: Path, memory_mb: float | None) -> Shared | None:
    """The data prepared here, whole (:func:`share_data`: the context every report shares), as the
    bytes the cluster's workers install for their kernels (:mod:`.cluster`); None when they
    cannot be prepared here (the kernels then prepare the data themselves and say why not)."""
    from ..reports.context import prepare
    from ..reports.sharing import CONTEXT
    from .cluster import Shared

    share_data(data_path, scratch, memory_mb)
    try:
        prepare(data_path, warm=True, share=scratch)
        payload = (scratch / CONTEXT).read_bytes()
    except Exception:  # noqa: BLE001 - each kernel meets the same problem and reports it
        log.warning("cannot prepare the data for the cluster here", exc_info=True)
        return None
    return Shared(uuid.uuid4().hex, str(data_path), payload)


if __name__ == "__main__":
    _apart(*sys.argv[1:5], int(sys.argv[5]))
