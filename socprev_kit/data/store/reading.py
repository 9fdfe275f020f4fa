"""Read the current rows of an intake store back as the raw tables the files gave.

Each table of each import comes back as the :class:`~socprev_kit.data.tables.RawTable` it was read
as (its current rows only, cells as typed, headers as written, its file, sheet and row numbers),
with the problems met while reading its file, so that validating a store says what validating the
current files says. A table is read back while it has current rows; a table that never had any
(an empty file, a sheet without data) while its file's latest import is that one.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyarrow as pa

from ..tables import RawTable, ReadResult
from .connection import LOCK_TIMEOUT, StoreError, connect, decode
from .schema import SCHEMA_VERSION, stored_version, tables_of, typed

_LIVE_TABLES = """
WITH cur AS (
    SELECT import_id, table_no, count(*) AS n FROM ({current}) GROUP BY ALL),
latest AS (SELECT max(import_id) AS import_id FROM imports GROUP BY file_name)
SELECT t.import_id, t.table_no, t.kind, t.sheet, t.decimal_comma, t.headers, t.letters,
       i.file_path, coalesce(c.n, 0) AS n
FROM tables t JOIN imports i USING (import_id) LEFT JOIN cur c USING (import_id, table_no)
WHERE c.n > 0 OR (t.n_rows = 0 AND t.import_id IN (SELECT import_id FROM latest))
ORDER BY i.file_path, t.import_id, t.table_no
"""

_LIVE_IMPORTS = """
SELECT import_id, file_path FROM imports i
WHERE list_contains(?, import_id)
   OR (import_id IN (SELECT max(import_id) FROM imports GROUP BY file_name)
       AND NOT EXISTS (SELECT 1 FROM tables t WHERE t.import_id = i.import_id))
ORDER BY file_path, import_id
"""


def read_store(path: str | Path, result: ReadResult, *, timeout: float = LOCK_TIMEOUT) -> None:
    """Add the current tables, read problems and files of the store at ``path`` to ``result``.

    A store that holds an object the kit does not make, or lacks one it makes, gives an issue
    naming each such object and nothing else: nothing in it is read.

    Raises
    ------
    StoreError
        The file is not an intake store, is too new, or stays locked by an import.
    """
    try:
        _read(path, result, timeout)
    except StoreError as exc:
        if not exc.problems:
            raise
        for p in exc.problems:  # the store holds what the kit does not make: each object named
            result.issue(p["check"], str(path), "", None, p["column"], p["value"], p["hint"])


def _read(path: str | Path, result: ReadResult, timeout: float) -> None:
    with connect(path, write=False, timeout=timeout) as con:
        stored = tables_of(stored_version(con) or SCHEMA_VERSION)  # an older store: its tables
        current = " UNION ALL ".join(
            f"SELECT import_id, table_no FROM {t} WHERE superseded_by IS NULL" for t in stored
        )
        live = con.execute(_LIVE_TABLES.format(current=current)).fetchall()
        rows = {
            t: _arrow(
                con.sql(
                    f"SELECT * FROM {t} WHERE superseded_by IS NULL "
                    "ORDER BY import_id, table_no, position"
                )
            )
            for t in stored
        }
        imports = con.execute(_LIVE_IMPORTS, [sorted({r[0] for r in live})]).fetchall()
        issues = con.execute(
            'SELECT import_id, file, sheet, "row", "column", value, "check", hint '
            "FROM read_issues WHERE list_contains(?, import_id) ORDER BY import_id, position",
            [[i for i, _ in imports]],
        ).fetchall()
    spans = {t: _spans(rows[t]) for t in stored}
    counts: dict[int, int] = {}
    for import_id, table_no, kind, sheet, comma, headers, letters, file, n in live:
        start, stop = spans[kind].get((import_id, table_no), (0, 0))
        part = rows[kind].slice(start, stop - start)
        result.tables.append(_raw(kind, part, file, sheet, comma, headers, letters))
        counts[import_id] = counts.get(import_id, 0) + int(n)
    by_import: dict[int, list[tuple]] = {}
    for issue in issues:
        by_import.setdefault(issue[0], []).append(issue[1:])
    for import_id, file in imports:
        for f, sheet, row, column, value, check, hint in by_import.get(import_id, []):
            result.issue(check, f, sheet, row, column, "" if value is None else value, hint)
        result.files.append({"file": file, "rows": counts.get(import_id, 0)})


def _arrow(relation) -> pa.Table:  # noqa: ANN001 - a DuckDB relation
    """The whole relation as an Arrow table (DuckDB 2 renamed ``arrow()``)."""
    fetch = getattr(relation, "to_arrow_table", None) or relation.arrow
    return fetch()


def _spans(rows: pa.Table) -> dict[tuple[int, int], tuple[int, int]]:
    """``(import_id, table_no) -> (start, stop)`` of the rows, sorted by both."""
    if rows.num_rows == 0:
        return {}
    ids = rows.column("import_id").to_numpy().astype(np.int64)
    nos = rows.column("table_no").to_numpy().astype(np.int64)
    key = ids * 1_000_000 + nos
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    stops = np.r_[starts[1:], len(key)]
    return {
        (int(ids[a]), int(nos[a])): (int(a), int(b)) for a, b in zip(starts, stops, strict=True)
    }


def _raw(
    kind: str, part: pa.Table, file: str, sheet: str, comma: bool, headers: str, letters: str
) -> RawTable:
    heads = json.loads(headers)
    columns: dict[str, object] = {}
    tags = _tags(part)
    for c in heads:
        text = part.column(typed(c))
        if c not in tags:
            columns[c] = text
            continue
        cells = np.asarray(text.to_pylist(), dtype=object)
        for tag, mask in tags[c].items():
            cells[mask] = decode(cells[mask], tag)
        columns[c] = cells
    columns["source_row"] = part.column("source_row").to_numpy().astype(np.int64)
    return RawTable(kind, columns, heads, bool(comma), file, sheet or "", json.loads(letters))


def _tags(part: pa.Table) -> dict[str, dict[str, np.ndarray]]:
    """``column -> tag -> rows`` of the cells that were not text."""
    types = part.column("types")
    if types.null_count == len(types):
        return {}
    specs = np.asarray(types.to_pylist(), dtype=object)
    out: dict[str, dict[str, np.ndarray]] = {}
    for spec in {s for s in specs if s}:
        rows = specs == spec
        for item in filter(None, spec.split(",")):
            column, tag = item.split(":")
            masks = out.setdefault(column, {})
            masks[tag] = masks[tag] | rows if tag in masks else rows
    return out
