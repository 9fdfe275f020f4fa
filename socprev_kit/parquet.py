"""The Parquet reader: row group by row group, each cell a value the other readers could give.

A Parquet file holds typed columns, some of which no spreadsheet cell holds: lists, records and
maps (nested columns), dates beyond the years pandas can hold (year 9999, year 1), durations and
times of day, bytes, dictionary-encoded columns. Each becomes what a person would see in a cell
(a date, a number, a text), and what cannot be read is named: a nested column, a date out of
range (the cell named), a row group that cannot be decoded (its rows named; the other row groups
are read), a file cut short. Before any row is read, the file's own footer says how many rows,
columns and bytes it holds: a file over the limits of :mod:`socprev_kit.limits` is refused, so
that a small file that inflates (one huge row group of repeated values) costs nothing. A row
group that could inflate (its rows times its bytes over ``parquet_mb``: one long text of its
dictionary on every row) is read with its text kept as dictionaries, and the text is counted
before it is decoded.

Rows are numbered as a person sees the table in a viewer: the header is row 1, the first row of
data row 2, across row groups in file order.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .formats import _unrecognised
from .limits import limits
from .loading import ReadResult, _known_headers, add_table, identify

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

#: Columns pandas writes for an unnamed index: not data.
_INDEX = re.compile(r"__index_level_\d+__")
#: The instants pandas can hold (nanoseconds since 1970 in 64 bits).
_FIRST, _LAST = pd.Timestamp.min.value, pd.Timestamp.max.value
_PER_SECOND = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}


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
    if _known_headers(header) < 2 or identify(header) is None:
        _unrecognised(result, name, "", header, 1, False)
        return
    left = _LEFT.set(limits().parquet_mb * 1e6)
    try:
        body = _body(pf, path, header, result, opening)
    except _TooLarge as exc:
        hint = f"{limits().variable('parquet_mb')}={limits().parquet_mb:.12g}"
        result.issue("parquet_too_large", name, value=f"{exc.args[0]:,.0f} MB".replace(",", " "),
                     hint=hint)  # fmt: skip
        return
    finally:
        _LEFT.reset(left)
    add_table(result, name, "", header, body, decimal_comma=True, header_row=1)


def _body(
    pf: pq.ParquetFile, path: Path, header: list[str], result: ReadResult, opening: dict
) -> list[np.ndarray]:
    """Every column's cells, batch by batch; a batch that may inflate is read from a second
    handle on the file that keeps text as dictionaries (opened when first needed)."""
    import pyarrow.parquet as pq

    parts: list[list[np.ndarray]] = [[] for _ in header]
    guarded = None
    for groups, first, bomb in _batches(pf.metadata, _LEFT.get()):
        if bomb and guarded is None:
            texts = _texts(pf.schema_arrow)
            guarded = pq.ParquetFile(path, read_dictionary=texts, **opening) if texts else pf
        at = _groups(guarded if bomb else pf, groups, header, first, str(path), result)
        for j, cells in enumerate(at):
            parts[j].append(cells)
    return [np.concatenate(p) if p else np.empty(0, dtype=object) for p in parts]


#: Bytes of text still allowed while one file is read (:func:`_decoded`).
_LEFT: ContextVar[float] = ContextVar("parquet_bytes_left", default=float("inf"))


class _TooLarge(Exception):
    """The text of a file's dictionary columns, decoded, is over ``parquet_mb`` (MB in args)."""


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


def _decoded(values: pa.ChunkedArray) -> None:
    """Count the bytes of a dictionary column once decoded against what is left; raise
    :class:`_TooLarge` when over."""
    import pyarrow.compute as pc

    size = 0
    for chunk in values.chunks:
        lengths = pc.binary_length(chunk.dictionary).cast("int64")
        size += pc.sum(pc.take(lengths, chunk.indices)).as_py() or 0
    left = _LEFT.get() - size
    if left < 0:
        raise _TooLarge((limits().parquet_mb * 1e6 - left) / 1e6)
    _LEFT.set(left)


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
        return [np.concatenate(cells) for cells in zip(*parts, strict=True)]
    at = _positions(table.column_names, header)
    return [
        _cells(table.column(k), c, first, name, result) for k, c in zip(at, header, strict=True)
    ]


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
    return [blank if columns[j] is None else _cells(columns[j], c, first, name, result)
            for j, c in enumerate(header)]  # fmt: skip


def _one_column(
    pf: pq.ParquetFile, group: int, column: str, occurrence: int
) -> pa.ChunkedArray | None:
    try:
        return pf.read_row_group(group, columns=[column]).column(occurrence)
    except Exception:  # noqa: BLE001 - this column chunk is broken
        return None


def _cells(values: pa.ChunkedArray, column: str, first: int, name: str, result: ReadResult):  # noqa: ANN202
    """One column as an object array of cells as the other readers give them."""
    import pyarrow as pa
    import pyarrow.types as t

    kind = values.type
    if isinstance(kind, pa.ExtensionType):
        values = pa.chunked_array([c.storage for c in values.chunks], type=kind.storage_type)
        kind = kind.storage_type
    if t.is_dictionary(kind):
        if values.num_chunks > 1:  # one dictionary per row group: one for them all
            values = pa.chunked_array([values.combine_chunks()])
        _decoded(values)
        values = values.cast(kind.value_type)
        kind = kind.value_type
    if t.is_nested(kind):
        result.issue("parquet_nested_column", name, row=1, column=column, value=str(kind)[:80])
        return _as_text(values, json_text)
    if t.is_timestamp(kind) or t.is_date(kind):
        values = _dates_in_range(values, column, first, name, result)
        return values.to_pandas().to_numpy(dtype=object)
    if t.is_binary(kind) or t.is_large_binary(kind) or t.is_fixed_size_binary(kind):
        return _as_text(values, lambda b: b.decode("utf-8", errors="replace"))
    if t.is_decimal(kind) or t.is_integer(kind):
        return np.asarray(values.to_pylist(), dtype=object)
    if t.is_string(kind) or t.is_large_string(kind) or t.is_floating(kind) or t.is_boolean(kind):
        return np.asarray(values.to_numpy(zero_copy_only=False), dtype=object)
    if t.is_null(kind):
        return np.full(len(values), None, dtype=object)
    return _as_text(values, str)  # durations, times of day, intervals: as a person reads them


def json_text(v: object) -> str:
    """A nested cell as the text a person reads: JSON, with dates and bytes as text."""
    if isinstance(v, list) and all(isinstance(p, tuple) and len(p) == 2 for p in v) and v:
        v = dict(v)  # a map
    return json.dumps(v, ensure_ascii=False, default=str)


def _as_text(values: pa.ChunkedArray, text) -> np.ndarray:  # noqa: ANN001 - cell -> str
    out = np.empty(len(values), dtype=object)
    k = 0
    for chunk in values.chunks:
        try:
            cells = chunk.to_pylist()
        except (ValueError, OverflowError):  # beyond what Python holds: the raw numbers
            cells = chunk.cast(_storage(chunk.type)).to_pylist()
        out[k : k + len(cells)] = [None if v is None else text(v) for v in cells]
        k += len(cells)
    return out


def _storage(kind: pa.DataType) -> pa.DataType:
    import pyarrow as pa

    return pa.int32() if kind.bit_width == 32 else pa.int64()


def _dates_in_range(
    values: pa.ChunkedArray, column: str, first: int, name: str, result: ReadResult
) -> pa.ChunkedArray:
    """Dates and instants beyond what pandas holds (before 1677, after 2262) as blanks, each
    named with the date as the file holds it."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.types as t

    kind = values.type
    unit = "D" if t.is_date32(kind) else ("ms" if t.is_date64(kind) else kind.unit)
    raw = values.cast(_storage(kind)).to_numpy(zero_copy_only=False)
    raw = np.asarray(raw, dtype="float64")  # nulls as NaN
    per_ns = 86_400 * 1e9 if unit == "D" else 1e9 / _PER_SECOND[unit]
    out = (raw * per_ns < _FIRST) | (raw * per_ns > _LAST)
    if not out.any():
        return values
    ints = values.cast(_storage(kind)).to_numpy(zero_copy_only=False)
    for at in np.flatnonzero(out):
        text = np.datetime_as_string(np.datetime64(int(ints[at]), unit))
        text = re.sub(r"\.0+$", "", text).removesuffix("T00:00:00").replace("T", " ")
        result.issue("parquet_date_out_of_range", name, row=first + int(at), column=column,
                     value=text)  # fmt: skip
    mask = pa.array(out)
    return pa.chunked_array([pc.if_else(mask, pa.scalar(None, kind), values.combine_chunks())])
