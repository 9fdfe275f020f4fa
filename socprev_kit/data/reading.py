"""Read registration files (xlsx, CSV in Belgian dialects, Parquet, stores) into raw tables.

Only this module and the readers it calls read data files. Which files a path holds is decided by
:mod:`socprev_kit.data.files`; each reader adds raw tables (:mod:`socprev_kit.data.tables`: header
rows mapped to canonical names, and for every row the file, sheet and row number a person would
look up). It does not judge the values: :mod:`socprev_kit.validation` does. Whatever it cannot
read becomes an issue, never an exception.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from .catalogue import derived_ids, indicator_catalogue
from .files import DATA_SUFFIXES, STORE_SUFFIXES, find, problem, shown
from .tables import ReadResult, without_project

log = logging.getLogger(__name__)


def expand_paths(paths: Iterable[str | Path] | str | Path) -> Iterator[tuple[Path, bool]]:
    """Files named, and data files found below folders; ``(path, named_explicitly)``. Links
    that leave their folder are left out (:mod:`socprev_kit.data.files`)."""
    for f in find(paths):
        if f.problem is None or f.problem[0] != "link_outside_folder":
            yield f.path, f.explicit


def data_files(path: str | Path) -> list[tuple[str, Path]]:
    """The data files :func:`read_paths` reads for ``path``: ``(relative name, path)``, sorted
    (regular files only, also those refused by their size)."""
    path = Path(path)
    root = path if path.is_dir() else path.parent
    kept = {None, "file_too_large"}
    found = [
        (f.path.relative_to(root).as_posix(), f.path)
        for f in find(path)
        if (f.problem[0] if f.problem else None) in kept
    ]
    return sorted(found)


def files_stamp(path: str | Path) -> str:
    """A cheap fingerprint of the data files under ``path``: names, sizes and modification
    times (no bytes read). Unchanged files keep it; :func:`input_hash` says whether files with
    a new stamp really changed."""
    stats = [(rel, f.stat().st_size, f.stat().st_mtime_ns) for rel, f in data_files(path)]
    return hashlib.sha256(repr(stats).encode()).hexdigest()


def input_hash(path: str | Path) -> str:
    """SHA-256 over the relative names, sizes and bytes of the data files under ``path``: the
    data version that reports, the batch index and its manifest show (a file over the size
    limit, which is not read, by its modification time instead of its bytes)."""
    digest = hashlib.sha256()
    for rel, f in data_files(path):
        st = f.stat()
        digest.update(os.fsencode(rel) + b"\0" + str(st.st_size).encode() + b"\0")
        if problem(f) is not None:
            digest.update(str(st.st_mtime_ns).encode())
            continue
        with f.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def read_paths(
    paths: Iterable[str | Path] | str | Path,
    *,
    skip: Mapping[str, tuple[str, str]] | None = None,
    started: Callable[[str], None] | None = None,
) -> ReadResult:
    """Read every file named or found below the folders named; a file that is not to be read
    (:mod:`socprev_kit.data.files`: missing, not a regular file, too large, a link leaving its
    folder) becomes a file-level issue before it is opened.

    ``skip``: files not to read, by name, each with the issue that says why (``(check,
    hint)``); ``started``: called with each file's name before it is read. A batch reads in a
    process of its own with both (:mod:`socprev_kit.batch.reading`).
    """
    result, total = ReadResult(), _Total()
    for found in find(paths):
        path, name = found.path, shown(found.path)
        if skip and name in skip:
            result.issue(skip[name][0], name, hint=skip[name][1])
            result.files.append({"file": name, "rows": 0})
            continue
        if found.problem is not None:
            check, value, hint = found.problem
            result.issue(check, name, value=value, hint=hint)
            continue
        if started is not None:
            started(name)
        suffix = path.suffix.lower()
        if suffix not in DATA_SUFFIXES:
            if found.explicit:
                result.issue("unsupported_file", name, value=path.suffix)
            continue
        if suffix not in STORE_SUFFIXES and (over := total.over(path)) is not None:
            result.issue("data_too_large", name, value=over[0], hint=over[1])
            result.files.append({"file": name, "rows": 0})
            continue
        n_tables, n_issues = len(result.tables), len(result.issues)
        _read_one(path, suffix, result)
        if name != str(path):  # a name that is not UTF-8: shown with \xNN everywhere
            _rename(result, n_tables, n_issues, str(path), name)
        if suffix not in STORE_SUFFIXES:
            n_rows = sum(len(t) for t in result.tables[n_tables:])
            result.files.append({"file": name, "rows": n_rows})
    # a file of a project's work whose project column was deleted is no context data
    result.tables = without_project(result.tables, indicator_catalogue())
    return result


class _Total:
    """The bytes of the data files read so far against ``limits().total_mb``: once a file
    would pass it, that file and every later one are refused (``over``)."""

    def __init__(self) -> None:
        from ..common.limits import limits

        self.ceiling = limits().total_mb
        self.spent = 0
        self.passed = False

    def over(self, path: Path) -> tuple[str, str] | None:
        """``(size in MB, ceiling in MB)`` when ``path`` is not to be read, else ``None``."""
        size = path.stat().st_size
        self.passed = self.passed or self.spent + size > self.ceiling * 1024**2
        if not self.passed:
            self.spent += size
            return None
        mb = size / 1024**2
        return (f"{mb:,.1f}" if mb >= 1 else f"{mb:.2g}", f"{self.ceiling:g}")


def _read_one(path: Path, suffix: str, result: ReadResult) -> None:
    from .formats.csv import read_csv
    from .formats.excel import read_excel
    from .formats.parquet import read_parquet

    try:
        if suffix in STORE_SUFFIXES:
            from .store.reading import read_store

            read_store(path, result)  # the files of its current rows, not the store
        elif suffix in {".xlsx", ".xlsm"}:
            read_excel(path, result, derived=derived_ids())
        elif suffix in {".parquet", ".pq"}:
            read_parquet(path, result)
        else:
            read_csv(path, result)
    except Exception as exc:  # noqa: BLE001 - any failure to read is the user's file, not ours
        log.debug("cannot read %s", path, exc_info=True)
        hint = shown(f"{type(exc).__name__}: {exc}")[:200]
        result.issue("unreadable_file", shown(path), hint=hint)


def _rename(result: ReadResult, n_tables: int, n_issues: int, old: str, new: str) -> None:
    """Give the tables and issues read from ``old`` the file name ``new``."""
    for table in result.tables[n_tables:]:
        if table.file == old:
            table.file = new
    for issue in result.issues[n_issues:]:
        if issue["file"] == old:
            issue["file"] = new
