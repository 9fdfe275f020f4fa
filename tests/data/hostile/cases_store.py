"""Intake stores that are not what the kit made: data, never code (issue 14, item 5).

Each builder imports a small CSV into a store with the kit, then changes the store with DuckDB as
a person (or an attacker) could. The store's rows are the kit's, not a file's: ``rows`` is empty,
so that the issue checks are compared and nothing is counted as lost.
"""

from __future__ import annotations

from pathlib import Path

from . import NL_HEAD, Built, case, csv_text, registrations

STORE = "store.duckdb"
NONE: frozenset = frozenset()


def _store(folder: Path, *sql: str) -> Path:
    """A store of 12 registrations, then ``sql`` run on it."""
    import duckdb

    from socprev_kit.intake import import_files

    src = folder / "src"
    src.mkdir()
    (src / "regs.csv").write_text(csv_text(NL_HEAD, registrations(12)), encoding="utf-8")
    store = folder / STORE
    import_files([src / "regs.csv"], store, validate=False)
    with duckdb.connect(str(store)) as con:
        for statement in sql:
            con.execute(statement)
        con.execute("CHECKPOINT")
    return store


def _elsewhere(folder: Path) -> str:
    """A CSV outside the store, with the columns of the store's registrations."""
    other = folder / "elsewhere"
    other.mkdir()
    path = other / "secret.csv"
    path.write_text(
        "import_id,table_no,position,source_row,project_id,nis_code,period,indicator_id,value,"
        "project_id_typed,nis_code_typed,municipality_typed,period_typed,indicator_id_typed,"
        "value_typed,source_typed,note_typed,types,superseded_by\n"
        "1,0,0,2,SECRET,11002,2024-01,O04,99,SECRET,11002,,2024-01,O04,99,,,,\n",
        encoding="utf-8",
    )
    return str(path)


@case(
    "store_view_reads_a_file_elsewhere",
    exit=2,
    checks=frozenset({"store_foreign_object"}),
    says=("VIEW registrations", STORE),
)
def view_elsewhere(folder: Path) -> Built:
    """A store whose registrations table became a view reading a CSV elsewhere on disk: that
    file's rows came into the issues and the history; now the view is refused, nothing run."""
    secret = _elsewhere(folder)
    _store(
        folder,
        "DROP TABLE registrations",
        f"CREATE VIEW registrations AS SELECT * FROM read_csv_auto('{secret}', all_varchar=true)",
    )
    return Built(STORE, NONE)


@case(
    "store_history_view_reads_a_file_elsewhere",
    argv=("history", "--store", "{path}", "--lang", "en"),
    exit=2,
    says=("VIEW registration_history",),
)
def history_view(folder: Path) -> Built:
    """The store's registration_history view replaced by one reading a CSV elsewhere: history
    printed that file's rows; now refused."""
    secret = _elsewhere(folder)
    _store(
        folder,
        "DROP VIEW registration_history",
        "CREATE VIEW registration_history AS SELECT *, 'x' AS file_name, '' AS file_path, "
        "'' AS sheet, '' AS cell, '' AS sha256, now()::TIMESTAMP AS imported_at, "
        "NULL::TIMESTAMP AS superseded_at, true AS current "
        f"FROM read_csv_auto('{secret}', all_varchar=true)",
    )
    return Built(STORE)


@case(
    "store_with_a_macro_and_another_schema",
    exit=2,
    checks=frozenset({"store_foreign_object"}),
    says=("MACRO coalesce", "TABLE other.registrations"),
)
def macro_schema(folder: Path) -> Built:
    """A store with a macro and a table in another schema beside the kit's tables."""
    _store(
        folder,
        "CREATE MACRO coalesce(a, b) AS 42",
        "CREATE SCHEMA other",
        "CREATE TABLE other.registrations AS SELECT * FROM main.registrations",
    )
    return Built(STORE, NONE)


@case(
    "store_import_into_a_database_that_is_not_a_store",
    argv=("import", "{dir}/src", "--store", "{path}", "--lang", "en"),
    exit=2,
    says=("not a socprev-kit intake store",),
)
def import_foreign(folder: Path) -> Built:
    """import --store naming a user's own DuckDB database (its tables in another schema): the
    kit's tables were written into it; now refused and left as it was."""
    import duckdb

    src = folder / "src"
    src.mkdir()
    (src / "regs.csv").write_text(csv_text(NL_HEAD, registrations(12)), encoding="utf-8")
    with duckdb.connect(str(folder / "mine.duckdb")) as con:
        con.execute("CREATE SCHEMA finance; CREATE TABLE finance.budget AS SELECT 1 AS x")
    return Built("mine.duckdb")


@case(
    "store_dropped_column_history",
    argv=("history", "--store", "{path}", "--lang", "en"),
    exit=2,
    says=("registrations.note_typed",),
)
def dropped_history(folder: Path) -> Built:
    """A store with a dropped column: history ended in "unexpected error"."""
    _store(folder, "ALTER TABLE registrations DROP COLUMN note_typed")
    return Built(STORE)


@case(
    "store_dropped_column_import",
    argv=("import", "{dir}/src/regs.csv", "--store", "{path}", "--lang", "en"),
    exit=2,
    says=("registrations.value_typed",),
)
def dropped_import(folder: Path) -> Built:
    """Importing into a store with a dropped column ended in "unexpected error"."""
    _store(folder, "ALTER TABLE registrations DROP COLUMN value_typed")
    return Built(STORE)


@case(
    "store_renamed_table",
    exit=2,
    checks=frozenset({"store_missing_part", "store_foreign_object"}),
    says=("TABLE registrations", "registrations_old"),
)
def renamed(folder: Path) -> Built:
    """A store whose registrations table was renamed: named as missing, the other refused."""
    _store(folder, "ALTER TABLE registrations RENAME TO registrations_old")
    return Built(STORE, NONE)


@case(
    "store_wrong_column_type",
    exit=2,
    checks=frozenset({"store_wrong_type"}),
    says=("registrations.source_row",),
)
def wrong_type(folder: Path) -> Built:
    """A store with a column of another type: read as if nothing were wrong."""
    _store(folder, "ALTER TABLE registrations ALTER COLUMN source_row TYPE VARCHAR")
    return Built(STORE, NONE)


@case(
    "store_without_version_row",
    exit=2,
    checks=frozenset({"store_missing_part"}),
    says=("schema_version",),
)
def no_version(folder: Path) -> Built:
    """A store whose schema version row was deleted: now named, not "not a store"."""
    _store(folder, "DELETE FROM meta WHERE key = 'schema_version'")
    return Built(STORE, NONE)
