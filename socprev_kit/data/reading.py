"""Read registration files (xlsx, CSV in Belgian dialects, Parquet) into raw canonical tables.

Only this module reads data files. It finds the header row, maps Dutch, French and English headers
to canonical names (:mod:`socprev_kit.data.contract`), and keeps for every row the file, sheet and
row
number a person would look up. It does not judge the values: :mod:`socprev_kit.validation.dataset`
does. Whatever it cannot read becomes an issue, never an exception.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .contract import ALIASES, SHEET_NAMES, normalise_header, required
from .files import DATA_SUFFIXES, STORE_SUFFIXES, find, problem, shown

if TYPE_CHECKING:
    from ..validation.dataset import Dataset

log = logging.getLogger(__name__)


@dataclass
class RawTable:
    """One table read from one file or sheet: cell values as typed, under canonical names."""

    table: str
    columns: dict[str, np.ndarray]  # canonical columns + source_row (+ other provenance)
    headers: dict[str, str]  # canonical name -> header as written in the file
    decimal_comma: bool = True
    file: str = ""
    sheet: str = ""
    letters: dict[str, str] = field(default_factory=dict)  # canonical name -> column letter

    def __len__(self) -> int:
        return len(self.columns["source_row"])

    def column(self, name: str):  # noqa: ANN201 - NumPy or Arrow array, or None
        """One column; the provenance columns are filled from ``file``, ``sheet`` and the
        letter of the ``value`` column."""
        if name in self.columns:
            return self.columns[name]
        if name in ("source_file", "source_sheet", "source_column"):
            return np.full(len(self), self.provenance(name), dtype=object)
        return None

    def provenance(self, name: str) -> str:
        """``source_file``, ``source_sheet`` or ``source_column`` of every row of the table
        (when not given per row in :attr:`columns`)."""
        if name == "source_file":
            return self.file
        if name == "source_sheet":
            return self.sheet
        return self.letters.get("value", "")

    @property
    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame of plain objects (for inspection and tests)."""
        names = list(self.columns) + [
            c for c in ("source_file", "source_sheet", "source_column") if c not in self.columns
        ]
        return pd.DataFrame({c: pd.Series(as_numpy(self.column(c))) for c in names})


@dataclass
class ReadResult:
    """Everything read from a set of paths: the tables and the problems met while reading."""

    tables: list[RawTable] = field(default_factory=list)
    issues: list[dict] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)

    def issue(
        self,
        check: str,
        file: str,
        sheet: str = "",
        row: object = None,
        column: str = "",
        value: object = "",
        hint: str = "",
    ) -> None:
        self.issues.append(
            {
                "file": file,
                "sheet": sheet,
                "row": row,
                "column": column,
                "value": value,
                "check": check,
                "hint": hint,
            }
        )


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
            read_excel(path, result)
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


def load(
    paths: Iterable[str | Path] | str | Path,
    *,
    lang: str = "nl",
    strict: bool = False,
    catalogue: pd.DataFrame | str | Path | None = None,
) -> Dataset:
    """Read files or folders and return the validated canonical tables.

    Parameters
    ----------
    paths
        One or more files (xlsx, csv, parquet) or folders; a folder is read with every data file
        below it, except names starting with ``.``, ``_`` or ``~$``.
    lang
        Language of the issue messages: ``"nl"``, ``"fr"`` or ``"en"``.
    strict
        Raise :class:`~socprev_kit.common.errors.ValidationError` when any issue is an error.
    catalogue
        A catalogue file of the user's own indicators, added to the shipped one.

    Returns
    -------
    Dataset
        ``registrations``, ``projects`` and ``objectives`` (usable rows), ``issues`` and ``files``.

    Examples
    --------
    >>> data = load("sample_data/clean")  # doctest: +SKIP
    >>> data.issues.query("severity == 'error'")  # doctest: +SKIP
    """
    from ..validation.dataset import validate

    return validate(read_paths(paths), lang=lang, strict=strict, catalogue=catalogue)


# --- CSV -----------------------------------------------------------------------------------------


def _known_headers(cells: list) -> int:
    folded = {normalise_header(c) for c in cells if _filled(c)}
    return max(len(folded & set(m)) for m in ALIASES.values())


def identify(headers: list, sheet: str = "") -> str | None:
    """Which canonical table a header row belongs to, or ``None``."""
    folded = {normalise_header(h) for h in headers if _filled(h)}
    by_sheet = SHEET_NAMES.get(normalise_header(sheet)) if sheet else None
    scores = {}
    for table, m in ALIASES.items():
        hits = {m[h] for h in folded if h in m}
        if len(hits) < 2:
            continue
        need = required(table)
        scores[table] = (table == by_sheet, sum(c in hits for c in need) / len(need), len(hits))
    return max(scores, key=scores.__getitem__) if scores else None


def add_table(
    result: ReadResult,
    file: str,
    sheet: str,
    header: list,
    body: list,
    *,
    decimal_comma: bool,
    header_row: int,
    rows: np.ndarray | None = None,
    positions: list[int] | None = None,
) -> None:
    """Map ``header`` to canonical names and add the columns of ``body`` (in file order; NumPy
    object arrays or Arrow string arrays, all of one length).

    ``header_row`` is the 1-based row of the header in the file, so that reported row numbers are
    the ones the user sees. Blank rows are dropped later, for all files at once. ``positions``:
    the column of the file of each header cell, where columns were left out (their letters).
    """
    table = identify(header, sheet)
    mapping = ALIASES[table]
    at = positions or range(max(len(body), len(header)))
    width = len(body)
    n = len(body[0]) if body else 0
    header = list(header) + [None] * (width - len(header))
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for j, h in enumerate(header):
        canon = mapping.get(normalise_header(h)) if _filled(h) else None
        if canon is not None and canon not in columns:
            columns[canon] = j
            headers[canon] = str(h).strip()
            continue
        if j >= width or not _has_data(body[j]):
            continue
        if not _filled(h):
            result.issue("unnamed_column", file, sheet, row=header_row, column=_letter(at[j]))
        elif canon is None:
            close = difflib.get_close_matches(normalise_header(h), list(mapping), n=1)
            result.issue(
                "unknown_column",
                file,
                sheet,
                row=header_row,
                column=str(h),
                value=str(h),
                hint=f"'{close[0]}'" if close else "",
            )
        else:
            result.issue(
                "duplicate_column",
                file,
                sheet,
                row=header_row,
                column=str(h),
                value=str(h),
                hint=f"{headers[canon]} / {h}",
            )
    data = {c: body[j] if j < width else np.full(n, None, dtype=object) for c, j in columns.items()}
    data["source_row"] = rows if rows is not None else np.arange(header_row + 1, header_row + 1 + n)
    letters = {c: _letter(at[j]) for c, j in columns.items()}
    result.tables.append(RawTable(table, data, headers, decimal_comma, file, sheet, letters))


def _has_data(col) -> bool:  # noqa: ANN001 - NumPy or Arrow array
    if not isinstance(col, np.ndarray):
        import pyarrow.compute as pc

        return bool(pc.any(pc.not_equal(pc.utf8_trim_whitespace(col), "")).as_py())
    return any(_filled(c) for c in col)


def as_numpy(values) -> np.ndarray:  # noqa: ANN001 - NumPy or Arrow array
    """A column as a NumPy array (Arrow strings become Python strings)."""
    if isinstance(values, np.ndarray):
        return values
    return np.asarray(values.to_pylist(), dtype=object)


def _filled(c: object) -> bool:
    return c is not None and not (isinstance(c, float) and c != c) and str(c).strip() != ""


def _letter(j: int) -> str:
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s
