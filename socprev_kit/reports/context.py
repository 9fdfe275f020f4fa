"""The data behind every report: loaded, checked and aggregated once per process.

:func:`prepare` reads a data set, validates it and builds the monthly indicator table with rates,
the completeness tables and the attainment of every objective, and keeps the result (a
:class:`~socprev_kit.reports.data_context.DataContext`) in a module-level cache: a warm kernel
that runs many reports loads and aggregates the data once. The cache is keyed by the resolved
path and the files' sizes and modification times; when those change, the content hash decides
whether the data really changed. Report code never modifies the returned frames (it filters and
copies them).

``prepare(data, share=folder)`` prepares a data set once for all the processes of a batch on one
machine (:mod:`socprev_kit.reports.sharing`): the batch writes the data it read and validated
there, the first kernel builds the context from them and the others load it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..common.formatting import LANGS, Lang
from ..common.paths import is_sample, sample_data_path
from ..data.reading import files_stamp, input_hash, read_paths
from ..validation.dataset import validate
from .data_context import DataContext

log = logging.getLogger(__name__)

__all__ = ["DataContext", "clear_cache", "context_of", "prepare", "ready", "sample_data_path"]

#: How many data sets the cache keeps (the oldest is dropped first).
CACHE_SIZE = 4
_BY_STAT: dict[tuple[str, str], DataContext] = {}
_BY_CONTENT: dict[tuple[str, str], DataContext] = {}


def _resolve(data_path: str | Path | None) -> tuple[Path, bool]:
    if data_path is None or str(data_path).strip() == "":
        return sample_data_path().resolve(), True
    path = Path(data_path).expanduser().resolve()
    return path, is_sample(path)


def _build(path: Path, sample: bool, digest: str, loaded: dict | None = None) -> DataContext:
    """Load, validate and aggregate (the slow part, once per data set); ``loaded``: what a
    batch read, validated and aggregated (:func:`socprev_kit.reports.sharing.share_loaded`), so that
    only the rest is left."""
    from ..indicators.report_inputs import report_tables

    if loaded is None:
        read = read_paths(path)
        data = validate(read, lang="nl")
    else:
        read, data = loaded["read"], loaded["data"]
    tables = (loaded or {}).get("tables") or report_tables(data)
    ctx = DataContext(
        path=path,
        sample=sample,
        data=data,
        table=tables["table"],
        completeness=tables["completeness"],
        completeness_months=tables["completeness_months"],
        input_hash=digest,
        kit_version=__version__,
        read=read,
    )
    if "yearly" in tables:
        ctx.memo("yearly", lambda: tables["yearly"])
    log.info("prepared %s (%d registrations)", path, len(data.registrations))
    return ctx


def _remember(store: dict, key: tuple[str, str], ctx: DataContext) -> None:
    store[key] = ctx
    while len(store) > CACHE_SIZE:
        store.pop(next(iter(store)))


def prepare(
    data_path: str | Path | None = None,
    *,
    langs: Sequence[Lang] = (),
    warm: bool = True,
    share: str | Path | None = None,
) -> DataContext:
    """The data context of a data set, from the in-process cache when its files are unchanged.

    Parameters
    ----------
    data_path
        A folder or file of registrations (xlsx, csv, parquet); ``None`` or ``""``: the sample
        data (:func:`sample_data_path`). Relative paths are relative to the working directory.
    langs
        Render the issues table in these languages now (otherwise on first use).
    warm
        Also compute now what every report needs: the yearly table, the attainment of every
        objective (whole period), the funnel inputs and the issues in French, so that every
        report after it is fast (what a batch worker wants; a single report can do without).
    share
        A folder shared by the processes of one batch on this machine
        (:mod:`socprev_kit.reports.sharing`): the first process to ask builds the context (from the
        data the batch read and validated, if it left them there) and writes it there, the others
        load it.

    Returns
    -------
    DataContext
        The same object for as long as the files do not change; never modify it.

    Examples
    --------
    >>> ctx = prepare()  # doctest: +SKIP
    >>> ctx.table.query("nis_code == '44021'").head()  # doctest: +SKIP
    """
    from ..common.errors import InputError

    path, sample = _resolve(data_path)
    if not path.exists():
        raise InputError(f"Data path {str(data_path)!r} does not exist ({path}).", path)
    stat_key = (str(path), files_stamp(path))
    ctx = _BY_STAT.get(stat_key)
    if ctx is None:
        if share:
            from .sharing import shared_context

            def build(loaded: dict | None) -> DataContext:
                return ready(_new(path, sample, loaded), langs, warm)

            ctx = shared_context(Path(share), *stat_key, build)
        else:
            ctx = _new(path, sample, None)
        _remember(_BY_CONTENT, (str(path), ctx.input_hash), ctx)
        _remember(_BY_STAT, stat_key, ctx)
    return ready(ctx, langs, warm)


def context_of(
    path: str | Path,
    read: object,
    data: object,
    digest: str,
    tables: dict | None = None,
    *,
    langs: Sequence[Lang] = (),
    warm: bool = True,
) -> DataContext:
    """The context of data a caller has read and validated in Dutch (``read``, ``data``: a
    ``ReadResult`` and its ``Dataset``; ``digest``: their input hash; ``tables``:
    :func:`socprev_kit.indicators.report_inputs.report_tables`, made here when None), ready as
    :func:`prepare` makes it (``langs``, ``warm``) but not kept in its cache: a batch plans its
    reports from it and hands it to its kernels (:func:`socprev_kit.reports.sharing.share_context`).
    """
    path = Path(path).expanduser().resolve()
    loaded = {"read": read, "data": data, "digest": digest, "tables": tables}
    return ready(_build(path, is_sample(path), digest, loaded), langs, warm)


def _new(path: Path, sample: bool, loaded: dict | None) -> DataContext:
    digest = loaded["digest"] if loaded else input_hash(path)
    return _BY_CONTENT.get((str(path), digest)) or _build(path, sample, digest, loaded)


def ready(ctx: DataContext, langs: Sequence[Lang] = (), warm: bool = True) -> DataContext:
    """Render the issues in ``langs`` and, if ``warm``, compute what every report needs: a part
    that cannot be computed for these data (a folder without objectives or projects, too few
    municipalities for a comparison) is left to the report that needs it, which then fails alone
    with its reason, instead of stopping every kernel of a batch at its warm-up."""
    for lang in dict.fromkeys([*langs, *(["fr"] if warm else [])]):
        ctx.issues(lang if lang in LANGS else "nl")
    if warm:
        from .evaluate import warm_up

        try:
            warm_up(ctx)
        except Exception:  # noqa: BLE001 - a report computes it when it needs it, and fails alone
            log.warning("cannot compute ahead what the reports share", exc_info=True)
    return ctx


def clear_cache() -> None:
    """Forget every prepared data set (tests, or to free memory)."""
    _BY_STAT.clear()
    _BY_CONTENT.clear()
