"""The data a batch prepares once for all its kernels: on this machine through a scratch folder
(:func:`share_data`), on a Dask cluster as bytes sent once to each worker (:func:`cluster_share`).
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataReadError
from .inputs import planned_context
from .kernel import prepare_code
from .reading import read_and_validate

if TYPE_CHECKING:
    from .cluster import Shared

log = logging.getLogger(__name__)

__all__ = ["cluster_share", "share_data"]


def share_data(data_path: Path, scratch: Path, memory_mb: float | None) -> str:
    """Read and validate the data once and build the reports' data context from them while the
    kernels import (:func:`.inputs.planned_context`: the plan needs it too, for the reports'
    keys), write it into ``scratch`` for the kernels and return the kernels' code to load it.
    When the context cannot be built, write what was read: the first kernel builds the rest."""
    from ..data.reading import input_hash
    from ..reports.context import ready
    from ..reports.sharing import share_context, share_loaded

    if not data_path.exists():
        return prepare_code(str(data_path))  # the plan says what is wrong
    digest = input_hash(data_path)
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
