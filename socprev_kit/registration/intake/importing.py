"""``import_files``: read files with the kit's loader, store them, and say what happened to each."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ...data.files import find, shown
from ...data.reading import read_paths
from ...data.store.connection import LOCK_TIMEOUT, STORE_NAME, connect
from ...data.tables import ReadResult
from .staging import Pending

UNREADABLE = {"unreadable_file", "unsupported_file"}


@dataclass
class FileOutcome:
    """What importing one file did.

    ``status``: ``new`` (nothing it holds was in the store), ``corrected`` (it covers values or
    a file name already there), ``unchanged`` (the same bytes are in the store and all still
    current: nothing was written) or ``unreadable`` (nothing could be read; ``detail`` says why).
    """

    path: Path
    status: str
    import_id: int | None = None
    rows: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: int = 0
    warnings: int = 0
    notes: int = 0
    detail: str = ""
    same_as: str = ""


@dataclass
class ImportReport:
    """The outcome of :func:`import_files`: the store and one :class:`FileOutcome` per file."""

    store: Path
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """2 when a file was unreadable, 1 when a file has errors, else 0."""
        if any(f.status == "unreadable" for f in self.files):
            return 2
        return 1 if any(f.errors for f in self.files) else 0

    @property
    def frame(self) -> pd.DataFrame:
        """One row per file (for notebooks and tests)."""
        return pd.DataFrame([vars(f) for f in self.files])


def default_store(paths: Iterable[str | Path] | str | Path) -> Path:
    """``_intake.duckdb`` in the folder of the first path (the folder itself if it is one)."""
    first = Path(paths) if isinstance(paths, str | Path) else Path(next(iter(paths)))
    return (first if first.is_dir() else first.parent) / STORE_NAME


def import_files(
    paths: Iterable[str | Path] | str | Path,
    store: str | Path | None = None,
    *,
    lang: str = "nl",
    lock_timeout: float = LOCK_TIMEOUT,
    validate: bool = True,
) -> ImportReport:
    """Validate files and keep them in the intake store, with every value's provenance.

    Parameters
    ----------
    paths
        Files (xlsx, csv, parquet) or folders (every data file below them).
    store
        The store file; default ``_intake.duckdb`` in the folder of the first path. It is
        created when missing.
    lang
        Language of the issues counted (as ``socprev-kit validate`` would show them).
    lock_timeout
        Seconds to wait while another process writes the store.
    validate
        Count each file's issues by validating the store's current data afterwards.

    Returns
    -------
    ImportReport
        Per file: new, corrected or unchanged, the values new, changed and unchanged, and its
        issues.

    Examples
    --------
    >>> report = import_files(["sample_data/clean"], "intake.duckdb")  # doctest: +SKIP
    >>> report.frame[["path", "status", "new"]]  # doctest: +SKIP
    """
    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    store = Path(store) if store is not None else default_store(paths)
    report = ImportReport(store.resolve())
    pending: list[tuple[Pending, FileOutcome]] = []
    for found in find(paths):
        path = found.path.resolve()
        if path == report.store or path.suffix.lower() == ".duckdb":
            report.files.append(FileOutcome(path, "unreadable", detail="intake store"))
            continue
        if found.problem is not None:  # never opened: a pipe, a device, too large, a far link
            from ...validation.messages import message

            check, value, hint = found.problem
            detail = message(check, lang, value=value, hint=hint)  # type: ignore[arg-type]
            report.files.append(FileOutcome(found.path, "unreadable", detail=detail))
            continue
        p = _read(path)
        outcome = FileOutcome(path, "", rows=p.n_rows)
        report.files.append(outcome)
        bad = [i for i in p.read.issues if i["check"] in UNREADABLE]
        if bad:
            outcome.status = "unreadable"
            outcome.detail = str(bad[0].get("hint") or bad[0].get("value") or "")
        else:
            pending.append((p, outcome))
    if pending:
        from .writing import write

        with connect(report.store, write=True, timeout=lock_timeout) as con:
            write(con, [p for p, _ in pending])
        for p, outcome in pending:
            _fill(outcome, p)
        if validate:
            _count_issues(report, lang, lock_timeout)
    return report


def _read(path: Path) -> Pending:
    try:
        raw = path.read_bytes()
    except OSError:
        raw = b""
    return Pending(path, hashlib.sha256(raw).hexdigest(), len(raw), read_paths([path]))


def _fill(outcome: FileOutcome, p: Pending) -> None:
    if p.same_as is not None:
        outcome.status = "unchanged"
        outcome.same_as = str(p.same_as[1])
        outcome.detail = "" if p.same_as[2] is None else f"{p.same_as[2]:%Y-%m-%d %H:%M}"
        return
    c = p.counts
    outcome.import_id = p.import_id
    outcome.status = p.status
    outcome.new = c.get("new", 0)
    outcome.changed = c.get("changed", 0)
    outcome.unchanged = c.get("unchanged", 0)


def _count_issues(report: ImportReport, lang: str, timeout: float) -> None:
    """Each file's issues in the store's current data (by the file they name)."""
    from ...data.store.reading import read_store
    from ...validation.dataset import validate

    read = ReadResult()
    read_store(report.store, read, timeout=timeout)
    issues = validate(read, lang=lang).issues
    counts = issues.groupby(["file", "severity"]).size()
    for f in report.files:
        if f.status == "unreadable":
            continue
        where = f.same_as or shown(f.path)
        f.errors = int(counts.get((where, "error"), 0))
        f.warnings = int(counts.get((where, "warning"), 0))
        f.notes = int(counts.get((where, "info"), 0))
