"""The data each report of a batch uses: the data context the plan and the kernels share, and
each report's data version, from which its key is made (:mod:`.planning`).

The batch reads and validates the data once (:mod:`.reading`), builds the reports' data context
from them once (:func:`planned_context`: the aggregates, the disclosure pattern, attainment,
funnels, every municipality's and project's hash), plans from it, and hands that very context
to its kernels (:func:`socprev_kit.reports.sharing.share_context`). The data version of a report
is :func:`socprev_kit.reports.fingerprint.data_version`, the same function the report calls to
show its data version: a kernel that was handed other data than the plan's (it had to read the
files itself) shows another version, which its record keeps (:func:`socprev_kit.batch.store.save`),
and the next run redoes that report.

When the context cannot be built (data the reports cannot aggregate), every report's data
version is the hash of all the input files, prefixed by :data:`WHOLE`: any change redoes every
report, and a kernel that fails on those data says why in its report.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .reading import read_and_validate

if TYPE_CHECKING:
    from ..reports.data_context import DataContext

log = logging.getLogger(__name__)

__all__ = ["WHOLE", "data_versions", "disclosure_pattern", "keep_context", "planned_context"]

#: Prefix of a data version that is the hash of all the input files.
WHOLE = "all-files:"


#: ``(path, digest)`` -> a data context prepared in another process (:func:`keep_context`).
_KEPT: dict[tuple[str, str], DataContext] = {}


def keep_context(path: str, digest: str, ctx: DataContext) -> None:
    """Let :func:`planned_context` give ``ctx`` for these data from now on in this process
    (made by :func:`planned_context` and made ready in another process), and
    :func:`.reading.read_and_validate` its read and data set."""
    from .reading import keep

    _KEPT.clear()
    _KEPT[(path, digest)] = ctx
    keep(path, digest, ctx.read, ctx.data)


def planned_context(path: str, digest: str, memory_mb: float | None = None) -> DataContext:
    """The data context of the data under ``path`` (input hash ``digest``), read under the
    memory ceiling ``memory_mb`` (:func:`.reading.read_and_validate`), with what the keys need
    (the aggregates, the disclosure pattern, every group's hash), once per content and process;
    the batch then computes the rest every report shares before its kernels get it
    (:func:`socprev_kit.reports.context.ready`).

    Raises
    ------
    DataReadError
        The data cannot be read at all (the plan says why).
    Exception
        The reports cannot aggregate these data (:func:`data_versions` then falls back).
    """
    kept = _KEPT.get((path, digest))
    return kept if kept is not None else _planned_once(path, digest, memory_mb)


@lru_cache(maxsize=2)
def _planned_once(path: str, digest: str, memory_mb: float | None) -> DataContext:
    from ..indicators.report_inputs import report_tables
    from ..reports.context import context_of
    from ..reports.data_parts import parts

    read, data = read_and_validate(path, digest, memory_mb)
    ctx = context_of(path, read, data, digest, report_tables(data, yearly=True), warm=False)
    parts(ctx)  # every municipality's and project's hash, for the plan and the kernels
    return ctx


def data_versions(
    path: str,
    digest: str,
    memory_mb: float | None,
    wanted: Mapping[str, Sequence[tuple[str, ...]]],
) -> dict[tuple[str, str], str]:
    """``{(kind, id): data version}`` of every report in ``wanted`` (``{kind: [(id, ...)]}``):
    :func:`socprev_kit.reports.fingerprint.data_version` on :func:`planned_context`, or
    ``WHOLE + digest`` for all when that cannot be made."""
    from ..reports.fingerprint import data_version

    try:
        ctx = planned_context(path, digest, memory_mb)
        return {(k, i[0]): data_version(ctx, k, i[0]) for k, items in wanted.items() for i in items}
    except Exception:  # noqa: BLE001 - the reports fail alone and say why; any change redoes all
        log.warning("cannot hash each report's data: each key has all", exc_info=True)
        return {(k, i[0]): WHOLE + digest for k, items in wanted.items() for i in items}


def disclosure_pattern(path: str, digest: str, memory_mb: float | None = None) -> object | None:
    """The disclosure pattern the reports of these data hide by (the cells of
    :func:`socprev_kit.reports.evaluate.disclosure_cells` on :func:`planned_context`, already
    decided there when the batch shared it with its kernels), for the disclosure audit; None
    when the context cannot be built (the audit then decides it itself)."""
    from ..reports.evaluate import disclosure_cells

    try:
        return disclosure_cells(planned_context(path, digest, memory_mb))
    except Exception:  # noqa: BLE001 - the audit decides the pattern from the data itself
        log.warning("no disclosure pattern for the audit", exc_info=True)
        return None
