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

SCHEMA_VERSION = 2
#: The oldest schema this kit reads (and brings up to date when it writes).
OLDEST_VERSION = 1
#: The tables each schema version added: version 2 the context data.
ADDED: dict[int, tuple[str, ...]] = {2: ("context",)}

#: Key columns of each table: rows with the same key cover the same value.
KEYS: dict[str, tuple[str, ...]] = {
    "registrations": ("project_id", "nis_code", "period", "indicator_id"),
    "projects": ("project_id",),
    "objectives": ("project_id", "objective_id"),
    "context": ("nis_code", "period", "indicator_id"),
}
#: The typed cells compared to tell a changed value from an unchanged one (``None``: all).
COMPARED: dict[str, tuple[str, ...] | None] = {
    "registrations": ("value", "source", "note"),
    "projects": None,
    "objectives": None,
    "context": ("value", "source", "note"),
}
#: Tables whose rows are values registered per municipality, period and indicator: their key
#: and value are kept parsed.
VALUED = ("registrations", "context")


def tables_of(version: int = SCHEMA_VERSION) -> list[str]:
    """The row tables of a store of schema ``version``."""
    later = {t for v, added in ADDED.items() if v > version for t in added}
    return [t for t in TABLES if t not in later]


def typed(column: str) -> str:
    """The store column holding ``column``'s cells as typed."""
    return f"{column}_typed"


def row_columns(table: str) -> list[tuple[str, str]]:
    """``(name, SQL type)`` of the rows of ``table`` in the store, in order."""
    cols = [("import_id", "INTEGER"), ("table_no", "INTEGER"), ("position", "INTEGER")]
    cols += [("source_row", "BIGINT")]
    cols += [(k, "VARCHAR") for k in KEYS[table]]
    if table in VALUED:
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

_HISTORY_PART = """
SELECT {project}, r.nis_code, r.period, r.indicator_id, r.value, r.value_typed,
       r.source_typed, r.note_typed, i.file_name, i.file_path, t.sheet,
       t.source_column || r.source_row AS cell, i.sha256, r.import_id, i.imported_at,
       r.superseded_by, s.imported_at AS superseded_at, r.superseded_by IS NULL AS current
FROM {table} r
JOIN imports i USING (import_id)
JOIN tables t USING (import_id, table_no)
LEFT JOIN imports s ON s.import_id = r.superseded_by
WHERE r.{first} IS NOT NULL
"""


def history_select(version: int = SCHEMA_VERSION) -> str:
    """The rows of ``registration_history``: every registered value of the registrations and
    (from schema 2) of the context data, whose ``project_id`` is empty. A row whose key could
    not be read is left out. :func:`socprev_kit.registration.intake.history` runs this query
    itself (the view of that name is for people who open the store in DuckDB)."""
    parts = [
        _HISTORY_PART.format(
            table=t,
            project="r.project_id"
            if t == "registrations"
            else "CAST(NULL AS VARCHAR) AS project_id",
            first=KEYS[t][0],
        )
        for t in VALUED
        if t in tables_of(version)
    ]
    return "UNION ALL".join(parts)


#: The rows of ``registration_history`` in a store of the current schema.
HISTORY_SELECT = history_select()


def create(con: duckdb.DuckDBPyConnection, version: int = SCHEMA_VERSION) -> None:
    """Make the store's tables and view in the empty database of ``con``, in one transaction
    (those of an older schema ``version``: to check a store made by an older kit)."""
    from ... import __version__

    con.execute("BEGIN TRANSACTION")
    for statement in filter(str.strip, _SCHEMA.split(";")):
        con.execute(statement)
    for table in tables_of(version):
        con.execute(_create_table(table))
    con.execute(f"CREATE VIEW registration_history AS {history_select(version)}")
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?), ('created_by', ?), ('created_at', ?)",
        [str(version), f"socprev-kit {__version__}", dt.datetime.now().isoformat()],
    )
    con.execute("COMMIT")


def _create_table(table: str) -> str:
    body = ", ".join(f"{name} {kind}" for name, kind in row_columns(table))
    return f"CREATE TABLE {table} ({body})"


def upgrade(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Bring a store of the older schema ``version`` (opened to write) up to date, in one
    transaction: the tables added since, the view over them, the new version in ``meta``.
    Nothing it held is changed."""
    con.execute("BEGIN TRANSACTION")
    for table in tables_of(SCHEMA_VERSION):
        if table not in tables_of(version):
            con.execute(_create_table(table))
    con.execute(f"CREATE OR REPLACE VIEW registration_history AS {HISTORY_SELECT}")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
    con.execute("COMMIT")
    con.execute("CHECKPOINT")


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


@lru_cache(maxsize=4)
def reference(version: int = SCHEMA_VERSION) -> dict[tuple[str, str], str]:
    """The catalog of a store as this kit makes it, or made it at schema ``version`` (made in
    memory once per process)."""
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        create(con, version)
        return catalog(con)
    finally:
        con.close()


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version ``meta`` names, ``None`` when it names none that can be read."""
    try:
        rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    except Exception:  # noqa: BLE001 - a damaged meta table: the catalog check names it
        return None
    text = str(rows[0][0]) if rows and rows[0][0] is not None else ""
    return int(text) if text.isdigit() else None


def problems(con: duckdb.DuckDBPyConnection) -> list[dict[str, str]] | None:
    """What keeps the database of ``con`` from being a store this kit reads or writes.

    Returns ``None`` when the database holds nothing at all (a new store may be made in it),
    else a list of problems, empty for a good store, each an issue's fields: ``check``
    (``store_foreign_object``, ``store_missing_part`` or ``store_wrong_type``), ``column`` (the
    object), ``value`` and ``hint``. A database without the kit's ``meta`` table is not a store:
    one problem with ``check`` ``store_not_kit``.
    """
    found = catalog(con)
    if not found:
        return None
    if ("TABLE", "meta") not in found:
        return [{"check": "store_not_kit", "column": "", "value": "", "hint": ""}]
    version = stored_version(con)  # a store of an older schema is compared with that schema
    known = version is not None and OLDEST_VERSION <= version < SCHEMA_VERSION
    want = reference(version if known else SCHEMA_VERSION)
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
    if int(text) < OLDEST_VERSION:  # no kit made such a store: nothing to read it as
        return _problem("store_old_version", "meta.schema_version", text, str(OLDEST_VERSION))
    return int(text)
