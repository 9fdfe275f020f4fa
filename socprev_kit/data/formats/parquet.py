"""The Parquet reader: row group by row group, each cell a value the other readers could give.

Each column becomes cells through :mod:`socprev_kit.data.formats.parquet_cells` (nested columns,
dates out of range, durations, bytes, dictionaries). What cannot be read is named: a row group that
cannot be decoded (its column, or its rows, named; the other row groups are read), a file cut short.
Before any row is read, the file's own footer says how many rows, columns and bytes it holds: a file
over the limits of :mod:`socprev_kit.common.limits` is refused, so that a small file that inflates
(one huge row group of repeated values) costs nothing. A row group that could inflate (its rows
times its bytes over ``parquet_mb``: one long text of its dictionary on every row) is read with its
text kept as dictionaries, and the text is counted before it is decoded.

Rows are numbered as a person sees the table in a viewer: the header is row 1, the first row of
data row 2, across row groups in file order.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ...common.limits import limits
from ..tables import ReadResult, add_table, identify, known_headers
from .excel import unrecognised
from .parquet_cells import BUDGET, TooLarge, cells

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

#: Columns pandas writes for an unnamed index: not data.
_INDEX = re.compile(r"__index_level_\d+__")


def read_parquet(path: Path, result: ReadResult) -> None:
    """Read the one table of a Parquet file into ``result``, row group by row group.

    Columns saved as the pandas index come first, as ``pandas.read_parquet`` gives them.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = str(path)
    opening = {"coerce_int96_timestamp_unit": "us", "page_checksum_verification": True}
    try:
        pf = pq.ParquetFile(path, **opening)
    except (pa.ArrowException, OSError) as exc:
        _cannot_open(path, result, exc)
        return
    header = _header(pf.schema_arrow)
    if _too_large(pf, header, name, result):
        return
    if known_headers(header) < 2 or identify(header) is None:
        unrecognised(result, name, "", header, 1, False)
        return
    left = BUDGET.set(limits().parquet_mb * 1e6)
    try:
        body = _body(pf, path, header, result, opening)
    except TooLarge as exc:
        hint = f"{limits().variable('parquet_mb')}={limits().parquet_mb:.12g}"
        result.issue("parquet_too_large", name, value=f"{exc.args[0]:,.0f} MB".replace(",", " "),
                     hint=hint)  # fmt: skip
        return
    finally:
        BUDGET.reset(left)
    add_table(result, name, "", header, body, decimal_comma=True, header_row=1)


def _body(
    pf: pq.ParquetFile, path: Path, header: list[str], result: ReadResult, opening: dict
) -> list[np.ndarray]:
    """Every column's cells, batch by batch; a batch that may inflate is read from a second
    handle on the file that keeps text as dictionaries (opened when first needed)."""
    import pyarrow.parquet as pq

    parts: list[list[np.ndarray]] = [[] for _ in header]
    guarded = None
    for groups, first, bomb in _batches(pf.metadata, BUDGET.get()):
        if bomb and guarded is None:
            texts = _texts(pf.schema_arrow)
            guarded = pq.ParquetFile(path, read_dictionary=texts, **opening) if texts else pf
        at = _groups(guarded if bomb else pf, groups, header, first, str(path), result)
        for j, column in enumerate(at):
            parts[j].append(column)
    return [np.concatenate(p) if p else np.empty(0, dtype=object) for p in parts]


def _texts(schema: pa.Schema) -> list[str]:
    """Text and bytes columns (each name once): read as dictionaries, so that a value repeated
    a million times is counted before it is copied a million times."""
    import pyarrow.types as t

    names = [f.name for f in schema]
    return [
        f.name
        for f in schema
        if names.count(f.name) == 1
        and (t.is_string(f.type) or t.is_large_string(f.type) or t.is_binary(f.type))
    ]


def _cannot_open(path: Path, result: ReadResult, exc: Exception) -> None:
    """A file without a readable footer: cut short (its end is not Parquet's), or not Parquet."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(4)
        fh.seek(max(size - 4, 0))
        tail = fh.read(4)
    if head == b"PAR1" and tail != b"PAR1":
        result.issue("parquet_truncated", str(path), hint=f"{size:,} bytes".replace(",", " "))
        return
    result.issue("unreadable_file", str(path), hint=f"{type(exc).__name__}: {exc}"[:200])


def _header(schema: pa.Schema) -> list[str]:
    """The column names, the pandas index first (as ``pandas.read_parquet`` and
    ``reset_index`` give them), without pandas' unnamed index."""
    names = [f.name for f in schema if not _INDEX.fullmatch(f.name)]
    meta = schema.pandas_metadata or {}
    index = [c for c in meta.get("index_columns", []) if isinstance(c, str) and c in names]
    return index + [c for c in names if c not in index]


def _too_large(pf: pq.ParquetFile, header: list[str], name: str, result: ReadResult) -> bool:
    """Whether the footer declares more columns, cells or bytes than the limits allow (an issue
    names the limit and the variable that raises it)."""
    ceiling = limits()
    meta = pf.metadata
    data_mb = sum(meta.row_group(g).total_byte_size for g in range(meta.num_row_groups)) / 1e6
    over = [
        ("columns", len(header), ceiling.columns, "{:,}"),
        ("sheet_cells", meta.num_rows * len(header), ceiling.sheet_cells, "{:,}"),
        ("parquet_mb", data_mb, ceiling.parquet_mb, "{:,.1f} MB"),
    ]
    for limit, found, allowed, shown in over:
        if found > allowed:
            hint = f"{ceiling.variable(limit)}={allowed:.12g}"  # 500, 0.5, 20000000
            result.issue(
                "parquet_too_large", name, value=shown.format(found).replace(",", " "), hint=hint
            )
            return True
    return False


#: Rows read at once: consecutive row groups are read together up to this many rows (a file of
#: thousands of tiny row groups costs no more than one of a few large ones).
BATCH_ROWS = 65_536


def _batches(meta: pq.FileMetaData, budget: float) -> list[tuple[list[int], int, bool]]:
    """Consecutive row groups of up to :data:`BATCH_ROWS` rows, each batch with the row number
    of its first row and whether it may inflate: a group whose rows times bytes exceed
    ``budget`` (one value of its dictionary repeated on every row would) is read alone, its text
    as dictionaries, counted before it is decoded."""
    out: list[tuple[list[int], int, bool]] = []
    first, rows = 2, 0
    for group in range(meta.num_row_groups):
        n = meta.row_group(group).num_rows
        bomb = n * meta.row_group(group).total_byte_size > budget
        if not out or bomb or out[-1][2] or rows + n > BATCH_ROWS:
            out.append(([], first, bomb))
            rows = 0
        out[-1][0].append(group)
        rows += n
        first += n
    return out


def _groups(
    pf: pq.ParquetFile, groups: list[int], header: list[str], first: int, name: str,
    result: ReadResult,
) -> list[np.ndarray]:  # fmt: skip
    """The cells of consecutive row groups, per column; when they cannot be read together, each
    group alone (:func:`_row_group`)."""
    try:
        table = pf.read_row_groups(groups)
    except Exception:  # noqa: BLE001 - a broken row group among them
        if len(groups) == 1:
            return _row_group(pf, groups[0], header, first, name, result)
        parts, at = [], first
        for group in groups:
            parts.append(_groups(pf, [group], header, at, name, result))
            at += pf.metadata.row_group(group).num_rows
        return [np.concatenate(column) for column in zip(*parts, strict=True)]
    at = _positions(table.column_names, header)
    return [cells(table.column(k), c, first, name, result) for k, c in zip(at, header, strict=True)]


def _positions(names: list[str], header: list[str]) -> list[int]:
    """Where each column of ``header`` is among ``names`` (a name twice: each in turn)."""
    seen: dict[str, int] = {}
    out = []
    for c in header:
        k = seen.get(c, 0)
        out.append([i for i, n in enumerate(names) if n == c][k])
        seen[c] = k + 1
    return out


def _row_group(
    pf: pq.ParquetFile, group: int, header: list[str], first: int, name: str, result: ReadResult
) -> list[np.ndarray]:
    """The cells of one broken row group, per column; a column that cannot be decoded is blank,
    and named (its rows named one by one when no column of the group can be decoded)."""
    n = pf.metadata.row_group(group).num_rows
    columns = dict(enumerate(_one_column(pf, group, c, header[:j].count(c))
                             for j, c in enumerate(header)))  # fmt: skip
    broken = [c for j, c in enumerate(header) if columns[j] is None]
    if len(broken) == len(header):
        for row in range(first, first + n):
            result.issue("parquet_bad_rows", name, row=row, value=f"{group + 1}")
    else:
        for c in broken:
            span = f"{first}-{first + n - 1}"
            result.issue("parquet_bad_column", name, row=first, column=c, value=span)
    blank = np.full(n, None, dtype=object)
    return [blank if columns[j] is None else cells(columns[j], c, first, name, result)
            for j, c in enumerate(header)]  # fmt: skip


def _one_column(
    pf: pq.ParquetFile, group: int, column: str, occurrence: int
) -> pa.ChunkedArray | None:
    try:
        return pf.read_row_group(group, columns=[column]).column(occurrence)
    except Exception:  # noqa: BLE001 - this column chunk is broken
        return None
