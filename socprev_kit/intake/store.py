"""The intake store's file: its schema, opening it safely, and cells kept exactly as typed.

One DuckDB file holds every file ever imported (``imports``), the tables each held (``tables``:
sheet, headers as written, decimal comma, the column letter of the values), the problems met while
reading it (``read_issues``) and every row of every table (``registrations``, ``projects``,
``objectives``), current or superseded. A row keeps each cell as typed (``<column>_typed``, text,
with the cell's type in ``types`` where it was not text) and, for registrations, its key and its
value as parsed. Nothing is ever deleted or overwritten: a correction marks the rows it replaces
with ``superseded_by`` (the import that replaced them).

DuckDB lets one process write a database file at a time, and no process read it meanwhile:
:func:`connect` waits for the other process and retries until a timeout, then says so.
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..contract import TABLES, column_names
from ..errors import InputError

if TYPE_CHECKING:
    import duckdb

SCHEMA_VERSION = 1
STORE_NAME = "_intake.duckdb"
LOCK_TIMEOUT = 60.0

#: Key columns of each table: rows with the same key cover the same value.
KEYS: dict[str, tuple[str, ...]] = {
    "registrations": ("project_id", "nis_code", "period", "indicator_id"),
    "projects": ("project_id",),
    "objectives": ("project_id", "objective_id"),
}
#: The typed cells compared to tell a changed value from an unchanged one (``None``: all).
COMPARED: dict[str, tuple[str, ...] | None] = {
    "registrations": ("value", "source", "note"),
    "projects": None,
    "objectives": None,
}


class StoreError(InputError):
    """The intake store cannot be used: locked too long, not a store, or too new a schema."""


def typed(column: str) -> str:
    """The store column holding ``column``'s cells as typed."""
    return f"{column}_typed"


def row_columns(table: str) -> list[tuple[str, str]]:
    """``(name, SQL type)`` of the rows of ``table`` in the store, in order."""
    cols = [("import_id", "INTEGER"), ("table_no", "INTEGER"), ("position", "INTEGER")]
    cols += [("source_row", "BIGINT")]
    cols += [(k, "VARCHAR") for k in KEYS[table]]
    if table == "registrations":
        cols.append(("value", "DOUBLE"))
    cols += [(typed(c), "VARCHAR") for c in column_names(table)]
    cols += [("types", "VARCHAR"), ("superseded_by", "INTEGER")]
    return cols


_SCHEMA = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE imports (
    import_id INTEGER, file_name VARCHAR, file_path VARCHAR, sha256 VARCHAR, size BIGINT,
    imported_at TIMESTAMP, status VARCHAR, n_rows BIGINT, n_new BIGINT, n_changed BIGINT,
    n_unchanged BIGINT, kit_version VARCHAR);
CREATE TABLE tables (
    import_id INTEGER, table_no INTEGER, kind VARCHAR, sheet VARCHAR, decimal_comma BOOLEAN,
    headers VARCHAR, letters VARCHAR, source_column VARCHAR, n_rows BIGINT);
CREATE TABLE read_issues (
    import_id INTEGER, position INTEGER, file VARCHAR, sheet VARCHAR, "row" BIGINT,
    "column" VARCHAR, value VARCHAR, "check" VARCHAR, hint VARCHAR);
"""

_HISTORY_VIEW = """
CREATE VIEW registration_history AS
SELECT r.project_id, r.nis_code, r.period, r.indicator_id, r.value, r.value_typed,
       r.source_typed, r.note_typed, i.file_name, i.file_path, t.sheet,
       t.source_column || r.source_row AS cell, i.sha256, r.import_id, i.imported_at,
       r.superseded_by, s.imported_at AS superseded_at, r.superseded_by IS NULL AS current
FROM registrations r
JOIN imports i USING (import_id)
JOIN tables t USING (import_id, table_no)
LEFT JOIN imports s ON s.import_id = r.superseded_by
WHERE r.project_id IS NOT NULL
"""


def _create(con: duckdb.DuckDBPyConnection) -> None:
    from .. import __version__

    con.execute("BEGIN TRANSACTION")
    for statement in filter(str.strip, _SCHEMA.split(";")):
        con.execute(statement)
    for table in TABLES:
        body = ", ".join(f"{name} {kind}" for name, kind in row_columns(table))
        con.execute(f"CREATE TABLE {table} ({body})")
    con.execute(_HISTORY_VIEW)
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?), ('created_by', ?), ('created_at', ?)",
        [str(SCHEMA_VERSION), f"socprev-kit {__version__}", dt.datetime.now().isoformat()],
    )
    con.execute("COMMIT")


def _check(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """A store of a schema this kit knows; a DuckDB file of something else is refused."""
    found = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    if "meta" not in found or not set(TABLES) <= found:
        raise StoreError(_text("not_store", path), path)
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    row = rows[0] if rows else None
    version = int(row[0]) if row and str(row[0]).isdigit() else None
    if version is None:
        raise StoreError(_text("not_store", path), path)
    if version > SCHEMA_VERSION:
        raise StoreError(_text("newer", path, found=version, known=SCHEMA_VERSION), path)


@contextmanager
def connect(
    path: str | Path, *, write: bool, timeout: float = LOCK_TIMEOUT
) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open connection to the store at ``path``, closed on leaving.

    ``write``: create the store if needed and take the write lock. Waits up to ``timeout``
    seconds while another process holds the file.

    Raises
    ------
    StoreError
        The store is held by another process for longer than ``timeout``, the file is not an
        intake store (or not a DuckDB file), or it was made by a newer kit.
    """
    path = Path(path)
    if not write and not path.exists():
        raise StoreError(_text("missing", path), path)
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, write, timeout)
    try:
        con.execute("SET enable_progress_bar = false")  # no bars on the user's terminal
        empty = not con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()[0][0]
        if empty and write:
            _create(con)
        _check(con, path)
        yield con
    finally:
        con.close()


def _open(path: Path, write: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    import duckdb

    if path.is_file() and path.stat().st_size:
        with path.open("rb") as fh:
            if fh.read(12)[8:12] != b"DUCK":  # the magic bytes of every DuckDB file
                raise StoreError(_text("not_duckdb", path, detail="no DuckDB header"), path)

    deadline = time.monotonic() + timeout
    wait = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=not write)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" not in message.lower():
                key = "not_duckdb" if "not a valid DuckDB database" in message else "cannot_open"
                raise StoreError(_text(key, path, detail=message), path) from exc
            if time.monotonic() >= deadline:
                holder = message.split("Conflicting lock is held in", 1)[-1].split(". See")[0]
                raise StoreError(
                    _text("locked", path, seconds=timeout, holder=holder.strip()), path
                ) from exc
        except duckdb.Error as exc:
            raise StoreError(_text("cannot_open", path, detail=str(exc)), path) from exc
        time.sleep(wait * (0.5 + random.random()))
        wait = min(wait * 2, 1.0)


def test_pause(step: str) -> None:
    """Test hook: with ``SOCPREV_INTAKE_PAUSE=<file>``, write ``step`` to that file and sleep,
    so that a test can kill the import right there (inside its transaction)."""
    flag = os.environ.get("SOCPREV_INTAKE_PAUSE")
    if flag:
        Path(flag).write_text(step, encoding="utf-8")
        time.sleep(float(os.environ.get("SOCPREV_INTAKE_PAUSE_SECONDS", "60")))


_MESSAGES = {
    "missing": "Intake store {path} not found. / Databank {path} niet gevonden. / "
    "Base {path} introuvable.",
    "not_duckdb": "{path} is not an intake store (not a DuckDB database: {detail}). / {path} is "
    "geen intake-databank. / {path} n'est pas une base d'enregistrements. Name another file "
    "with --store.",
    "cannot_open": "The intake store {path} cannot be opened: {detail} / De databank kan niet "
    "geopend worden. / La base ne peut pas être ouverte.",
    "not_store": "{path} is a DuckDB database but not a socprev-kit intake store. / {path} is "
    "geen socprev-kit-databank. / {path} n'est pas une base socprev-kit. Name another file with "
    "--store.",
    "newer": "{path} was made by a newer socprev-kit (store schema {found}; this kit knows up to "
    "{known}). Update socprev-kit. / Werk socprev-kit bij. / Mettez socprev-kit à jour.",
    "locked": "The intake store {path} is still in use by another process ({holder}) after "
    "{seconds:g} s: try again when it is done. / De databank is nog in gebruik door een ander "
    "proces: probeer later opnieuw. / La base est encore utilisée par un autre processus : "
    "réessayez plus tard.",
}


def _text(key: str, path: Path, **fields: object) -> str:
    return _MESSAGES[key].format(path=path, **fields)


# --- cells as typed ------------------------------------------------------------------------------

#: Type tags of cells that were not text (``None`` and NaN are both stored as NULL).
_ENCODE = (
    (bool, "b"),
    (np.bool_, "b"),
    (pd.Timestamp, "T"),
    (dt.datetime, "t"),
    (dt.date, "d"),
    (dt.time, "h"),
    (pd.Timedelta, "X"),
    (dt.timedelta, "x"),
    (decimal.Decimal, "m"),
    (int, "i"),
    (np.integer, "i"),
    (float, "f"),
    (np.floating, "f"),
)
_DECODE = {
    "b": lambda s: s == "True",
    "T": pd.Timestamp,
    "t": dt.datetime.fromisoformat,
    "d": dt.date.fromisoformat,
    "h": dt.time.fromisoformat,
    "X": pd.Timedelta,
    "x": lambda s: pd.Timedelta(s).to_pytimedelta(),
    "m": decimal.Decimal,
    "i": int,
    "f": float,
}


def _encode_cell(v: object) -> tuple[str | None, str | None]:
    if isinstance(v, str):
        return v, None
    for kind, tag in _ENCODE:
        if isinstance(v, kind):
            if tag == "f":
                return repr(float(v)), tag
            if tag == "i":
                return str(int(v)), tag
            if tag == "b":
                return str(bool(v)), tag
            return (v.isoformat() if hasattr(v, "isoformat") else str(v)), tag
    return str(v), None  # anything else is kept as its text


def encode(values: object) -> tuple[object, np.ndarray | None]:
    """Cells of one column as ``(text, tags)``: text (an Arrow string array stays one) and the
    type tag of each cell that was not text (``None`` when all were text or blank)."""
    if not isinstance(values, np.ndarray):  # Arrow strings from the CSV reader
        return values, None
    values = values.astype(object, copy=False)
    if not len(values):
        return values, None
    codes, _ = pd.factorize(values, use_na_sentinel=True)
    # 1, 1.0 and True are equal to pandas: tell them apart by type too
    kinds, _ = pd.factorize(_type_of(values))
    combined = np.where(codes < 0, -1, codes.astype(np.int64) * (int(kinds.max()) + 1) + kinds)
    groups, first, inverse = np.unique(combined, return_index=True, return_inverse=True)
    pairs = [
        (None, None) if g < 0 else _encode_cell(values[i])
        for g, i in zip(groups, first, strict=True)
    ]
    text = np.array([p[0] for p in pairs], dtype=object)[inverse]
    tags = np.array([p[1] for p in pairs], dtype=object)[inverse]
    return text, (tags if any(p[1] for p in pairs) else None)


_type_of = np.frompyfunc(lambda v: type(v).__name__, 1, 1)


def decode(text: np.ndarray, tag: str) -> np.ndarray:
    """Cells stored as text with type ``tag`` back to the values the file held."""
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    convert = _DECODE[tag]
    values = np.empty(len(uniques) + 1, dtype=object)
    values[:-1] = [convert(u) for u in uniques]
    values[-1] = None
    return values[codes]
