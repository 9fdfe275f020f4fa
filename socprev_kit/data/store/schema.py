"""What an intake store holds, and the check that a DuckDB file holds that and nothing else.

A store is data, never code: :func:`check` reads the catalog of a file (``duckdb_tables()``,
``duckdb_views()``, ``duckdb_functions()`` and the like, which run nothing the file holds) and
compares it with the catalog of a store made by this kit in memory. A view, a macro, a table of
another schema, a sequence, a type, an index, a constraint or a column default the kit does not
make is refused; so is a store of an older or damaged schema (a missing table or column, a
column of another type, no schema version). Every problem is named, nothing is read or run.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

from ..contract import TABLES, column_names

if TYPE_CHECKING:
    import duckdb

SCHEMA_VERSION = 1

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

#: The rows of ``registration_history``: :func:`socprev_kit.registration.intake.history` runs this
#: query itself (the view of that name is for people who open the store in DuckDB).
HISTORY_SELECT = """
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


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Make the store's tables and view in the empty database of ``con``, in one transaction."""
    from ... import __version__

    con.execute("BEGIN TRANSACTION")
    for statement in filter(str.strip, _SCHEMA.split(";")):
        con.execute(statement)
    for table in TABLES:
        body = ", ".join(f"{name} {kind}" for name, kind in row_columns(table))
        con.execute(f"CREATE TABLE {table} ({body})")
    con.execute(f"CREATE VIEW registration_history AS {HISTORY_SELECT}")
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?), ('created_by', ?), ('created_at', ?)",
        [str(SCHEMA_VERSION), f"socprev-kit {__version__}", dt.datetime.now().isoformat()],
    )
    con.execute("COMMIT")


# --- the catalog ---------------------------------------------------------------------------------

#: Objects of the database other than tables and views, as ``(kind, SQL)``; the SQL reads the
#: catalog only and gives ``(schema, name)`` of each object of the database.
_OTHERS = (
    ("SCHEMA", "SELECT schema_name, schema_name FROM duckdb_schemas() WHERE NOT internal"),
    ("MACRO", "SELECT schema_name, function_name FROM duckdb_functions() WHERE NOT internal"),
    ("SEQUENCE", "SELECT schema_name, sequence_name FROM duckdb_sequences() WHERE true"),
    ("TYPE", "SELECT schema_name, type_name FROM duckdb_types() WHERE NOT internal"),
    ("INDEX", "SELECT schema_name, index_name FROM duckdb_indexes() WHERE true"),
)


def catalog(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """Every object of the database of ``con``: ``(kind, name) -> definition``.

    Kinds: ``TABLE`` (definition: its ``CREATE TABLE``, with column types, defaults and
    constraints), ``COLUMN`` (``table.column`` -> type), ``VIEW`` (its ``CREATE VIEW``) and the
    kinds of ``_OTHERS``. Names outside the ``main`` schema are qualified. Nothing the database
    holds is run: these are DuckDB's own catalog functions.
    """
    db = "database_name = current_database()"
    out: dict[tuple[str, str], str] = {}

    def name(schema: str, obj: str) -> str:
        return obj if schema == "main" else f"{schema}.{obj}"

    for schema, table, sql in con.execute(
        f"SELECT schema_name, table_name, sql FROM duckdb_tables() WHERE {db}"
    ).fetchall():
        out["TABLE", name(schema, table)] = sql
    for schema, view, sql in con.execute(
        f"SELECT schema_name, view_name, sql FROM duckdb_views() WHERE NOT internal AND {db}"
    ).fetchall():
        out["VIEW", name(schema, view)] = sql
    for schema, table, column, kind in con.execute(
        "SELECT c.schema_name, c.table_name, c.column_name, c.data_type FROM duckdb_columns() c "
        f"JOIN duckdb_tables() t USING (database_name, schema_name, table_name) WHERE c.{db}"
    ).fetchall():
        out["COLUMN", f"{name(schema, table)}.{column}"] = kind
    for kind, sql in _OTHERS:
        for schema, obj in con.execute(f"{sql} AND {db}").fetchall():
            if (kind, obj) != ("SCHEMA", "main"):
                out[kind, name(schema, obj) if kind != "SCHEMA" else obj] = ""
    return out


@lru_cache(maxsize=1)
def reference() -> dict[tuple[str, str], str]:
    """The catalog of a store as this kit makes it (made in memory once per process)."""
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        create(con)
        return catalog(con)
    finally:
        con.close()


def problems(con: duckdb.DuckDBPyConnection) -> list[dict[str, str]] | None:
    """What keeps the database of ``con`` from being a store this kit reads or writes.

    Returns ``None`` when the database holds nothing at all (a new store may be made in it),
    else a list of problems, empty for a good store, each an issue's fields: ``check``
    (``store_foreign_object``, ``store_missing_part`` or ``store_wrong_type``), ``column`` (the
    object), ``value`` and ``hint``. A database without the kit's ``meta`` table is not a store:
    one problem with ``check`` ``store_not_kit``.
    """
    found, want = catalog(con), reference()
    if not found:
        return None
    if ("TABLE", "meta") not in found:
        return [{"check": "store_not_kit", "column": "", "value": "", "hint": ""}]
    out = []
    for kind, obj in sorted(set(found) - set(want)):
        if kind != "COLUMN" or ("TABLE", _table(obj)) in want:  # not each column of a foreign table
            out.append(_problem("store_foreign_object", obj, f"{kind} {obj}"))
    for kind, obj in sorted(set(want) - set(found)):
        if kind != "COLUMN" or ("TABLE", _table(obj)) in found:  # not each column of a lost table
            out.append(_problem("store_missing_part", obj, f"{kind} {obj}"))
    for kind, obj in sorted(set(want) & set(found)):
        if kind == "COLUMN" and found[kind, obj] != want[kind, obj]:
            out.append(_problem("store_wrong_type", obj, found[kind, obj], want[kind, obj]))
    named = {_table(p["column"]) for p in out}
    for kind, obj in sorted(set(want) & set(found)):
        # the same columns but another definition: a constraint, a default, another view
        if kind in ("TABLE", "VIEW") and found[kind, obj] != want[kind, obj] and obj not in named:
            out.append(_problem("store_foreign_object", obj, f"{kind} {obj}"))
    return out


def _table(column: str) -> str:
    """The table of ``table.column``."""
    return column.rpartition(".")[0]


def _problem(check: str, obj: str, value: str, hint: str = "") -> dict[str, str]:
    return {"check": check, "column": obj, "value": value, "hint": hint}


def version_problem(con: duckdb.DuckDBPyConnection) -> dict[str, str] | int:
    """The store's schema version, or the problem of a missing, unreadable or older one."""
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    text = str(rows[0][0]) if rows and rows[0][0] is not None else ""
    if not text.isdigit():
        return _problem("store_missing_part", "meta.schema_version", "meta.schema_version")
    if int(text) < SCHEMA_VERSION:  # no kit made such a store: nothing to read it as
        return _problem("store_old_version", "meta.schema_version", text, str(SCHEMA_VERSION))
    return int(text)
