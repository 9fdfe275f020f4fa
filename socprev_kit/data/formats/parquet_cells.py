"""Parquet cells as the other readers give them (:mod:`socprev_kit.data.formats.parquet` reads the
file).

A Parquet column may hold what no spreadsheet cell holds: lists, records and maps, dates beyond
the years pandas holds, durations and times of day, bytes, dictionary-encoded text. :func:`cells`
turns each column into cells a person would see (a date, a number, a text) and names what it
cannot keep: a nested column, a date out of range (cell by cell). Dictionary-encoded text is
counted against what is left of the file's ``parquet_mb`` (:data:`BUDGET`) before it is decoded.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ...common.limits import limits
from ..tables import ReadResult

if TYPE_CHECKING:
    import pyarrow as pa

#: The instants pandas can hold (nanoseconds since 1970 in 64 bits).
_FIRST, _LAST = pd.Timestamp.min.value, pd.Timestamp.max.value
_PER_SECOND = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}

#: Bytes of text still allowed while one file is read (:func:`_decoded`).
BUDGET: ContextVar[float] = ContextVar("parquet_bytes_left", default=float("inf"))


class TooLarge(Exception):
    """The text of a file's dictionary columns, decoded, is over ``parquet_mb`` (MB in args)."""


def _decoded(values: pa.ChunkedArray) -> None:
    """Count the bytes of a dictionary column once decoded against what is left; raise
    :class:`TooLarge` when over."""
    import pyarrow.compute as pc

    size = 0
    for chunk in values.chunks:
        lengths = pc.binary_length(chunk.dictionary).cast("int64")
        size += pc.sum(pc.take(lengths, chunk.indices)).as_py() or 0
    left = BUDGET.get() - size
    if left < 0:
        raise TooLarge((limits().parquet_mb * 1e6 - left) / 1e6)
    BUDGET.set(left)


def cells(
    values: pa.ChunkedArray, column: str, first: int, name: str, result: ReadResult
) -> np.ndarray:
    """One column of ``name`` whose first row is row ``first``, as an object array of cells as
    the other readers give them; what cannot be kept is an issue on ``result``."""
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
