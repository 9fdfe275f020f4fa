"""Files read by the kit's loader turned into rows of the intake store (in memory, Arrow).

Each row keeps its cells as typed (text plus a type tag where the cell was not text), its position
in the file, and its key: project, NIS code, period and indicator of a registration (parsed, so
``2024-3`` and ``2024-03`` are one key), NIS code, period and indicator of a context row, the
project of a project row, project and objective of an objective. A row whose key cannot be read
has none: no correction can be matched to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from ...data import parsing
from ...data.contract import TABLES, column_names
from ...data.store.connection import encode
from ...data.store.schema import KEYS, VALUED, row_columns, typed
from ...data.tables import RawTable, ReadResult

_ARROW = {"INTEGER": pa.int32(), "BIGINT": pa.int64(), "VARCHAR": pa.string()}
_ARROW["DOUBLE"] = pa.float64()


@dataclass
class Pending:
    """One file read and ready to store."""

    path: Path
    sha256: str
    size: int
    read: ReadResult
    import_id: int = 0
    same_as: tuple | None = None  # (import id, path, time) of an import with the same bytes
    counts: dict[str, int] = field(default_factory=dict)
    status: str = ""  # "new" or "corrected" once stored

    @property
    def name(self) -> str:
        """The file's name as a person reads it (bytes that are not UTF-8 as ``\\xNN``)."""
        from ...data.files import shown

        return shown(self.path.name)

    @property
    def n_rows(self) -> int:
        return sum(len(t) for t in self.read.tables)


def schema(table: str) -> pa.Schema:
    """The Arrow schema of staged rows of ``table`` (the store's columns, plus ``_n``)."""
    cols = [(n, _ARROW[k]) for n, k in row_columns(table) if n != "superseded_by"]
    return pa.schema([*cols, ("_n", pa.int64())])


def stage(pending: list[Pending]) -> dict[str, pa.Table]:
    """The rows of every table of every pending file, per canonical table."""
    raws = [(p.import_id, no, raw) for p in pending for no, raw in enumerate(p.read.tables)]
    out = {}
    for table in TABLES:
        mine = [(i, no, raw) for i, no, raw in raws if raw.table == table]
        sch = schema(table)
        parts = [_rows(raw, i, no) for i, no, raw in mine]
        joined = pa.concat_tables(parts) if parts else sch.empty_table()
        extra = {"_n": np.arange(joined.num_rows, dtype=np.int64)}
        for name, values in {**_keys(table, [raw for _, _, raw in mine]), **extra}.items():
            at = sch.get_field_index(name)
            joined = joined.set_column(at, sch.field(at), _array(values, sch.field(at).type))
        out[table] = joined
    return out


def _rows(raw: RawTable, import_id: int, table_no: int) -> pa.Table:
    """The rows of one raw table (keys and ``_n`` left empty: :func:`stage` fills them)."""
    n = len(raw)
    data: dict[str, object] = {
        "import_id": np.full(n, import_id, dtype=np.int32),
        "table_no": np.full(n, table_no, dtype=np.int32),
        "position": np.arange(n, dtype=np.int32),
        "source_row": np.asarray(raw.columns["source_row"], dtype=np.int64),
    }
    tags = {}
    for c in column_names(raw.table):
        values = raw.columns.get(c)
        if values is None:
            data[typed(c)] = pa.nulls(n, pa.string())
            continue
        data[typed(c)], tags[c] = encode(values)
    data["types"] = _types(tags, n)
    sch = schema(raw.table)
    return pa.table(
        {f.name: _array(data[f.name], f.type) if f.name in data else pa.nulls(n, f.type)
         for f in sch},
        schema=sch,
    )  # fmt: skip


def _array(values: object, kind: pa.DataType) -> pa.Array | pa.ChunkedArray:
    if isinstance(values, pa.ChunkedArray | pa.Array):
        return values.cast(kind) if values.type != kind else values
    if isinstance(values, pd.Series):
        values = values.to_numpy(dtype=object, na_value=None) if kind == pa.string() else values
    return pa.array(values, type=kind, from_pandas=True)


def _column(raws: list[RawTable], column: str) -> pd.Series:
    """One column of several raw tables end to end, as plain objects (``None`` where a table
    lacks it)."""
    parts = []
    for raw in raws:
        values = raw.columns.get(column)
        if values is None:
            values = np.full(len(raw), None, dtype=object)
        elif not isinstance(values, np.ndarray):
            values = values.to_numpy(zero_copy_only=False)
        parts.append(np.asarray(values, dtype=object))
    return pd.Series(np.concatenate(parts) if parts else np.empty(0, dtype=object), dtype=object)


def _keys(table: str, raws: list[RawTable]) -> dict[str, np.ndarray]:
    """The key columns of raw tables end to end, all missing where one part is (and the value
    of registrations as parsed)."""
    out: dict[str, object] = {c: parsing.as_text(_column(raws, c)) for c in KEYS[table]}
    if table in VALUED:
        nis = parsing.parse_nis(_column(raws, "nis_code"))
        out["nis_code"] = nis.where(nis.notna(), parsing.as_text(_column(raws, "municipality")))
        out["period"] = parsing.parse_period(_column(raws, "period"))
        comma = np.repeat([bool(r.decimal_comma) for r in raws], [len(r) for r in raws])
        value = _column(raws, "value")
        flags = pd.Series(comma.astype(bool), index=value.index)
        out["value"] = parsing.parse_number(value, flags).to_numpy(dtype=float)
    keyed = np.ones(sum(len(r) for r in raws), dtype=bool)
    for k in KEYS[table]:
        keyed &= pd.notna(out[k]).to_numpy(dtype=bool)
    for k in KEYS[table]:
        out[k] = pd.Series(out[k]).astype(object).where(keyed, None).to_numpy(dtype=object)
    return out


def _types(tags: dict[str, np.ndarray | None], n: int) -> np.ndarray:
    """Per row ``"column:tag,..."`` for the cells that were not text (``None``: all text)."""
    acc = np.full(n, "", dtype=object)
    for c, t in tags.items():
        if t is None:
            continue
        has = pd.notna(t)
        acc[has] = acc[has] + f"{c}:" + t[has] + ","
    return np.where(acc == "", None, acc)


def table_rows(p: Pending) -> list[tuple]:
    """Rows of the store's ``tables`` for one pending file."""
    out = []
    for no, raw in enumerate(p.read.tables):
        out.append(
            (
                p.import_id,
                no,
                raw.table,
                raw.sheet,
                bool(raw.decimal_comma),
                json.dumps(raw.headers, ensure_ascii=False),
                json.dumps(raw.letters, ensure_ascii=False),
                raw.provenance("source_column"),
                len(raw),
            )
        )
    return out


def issue_rows(p: Pending) -> list[tuple]:
    """Rows of the store's ``read_issues`` for one pending file."""
    return [
        (
            p.import_id,
            k,
            str(i.get("file", "")),
            str(i.get("sheet", "") or ""),
            None if i.get("row") is None else int(i["row"]),
            str(i.get("column", "") or ""),
            None if i.get("value") is None else str(i["value"]),
            str(i["check"]),
            str(i.get("hint", "") or ""),
        )
        for k, i in enumerate(p.read.issues)
    ]
