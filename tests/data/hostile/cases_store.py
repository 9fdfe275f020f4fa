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

    from socprev_kit.registration.intake import import_files

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


# --- Parquet -------------------------------------------------------------------------------------


def _parquet_rows(file: str, n: int) -> frozenset:
    """Rows of a Parquet file as the kit numbers them: the header is row 1."""
    return frozenset((file, "", 2 + i) for i in range(n))


def _table(n: int = 12, **columns: object):  # noqa: ANN202 - a pyarrow Table
    """``n`` clean registrations as a Parquet table, some columns replaced by ``columns``."""
    import pyarrow as pa

    rows = registrations(n)
    data = {h: [r[k] for r in rows] for k, h in enumerate(NL_HEAD[:5])}
    data.update(columns)
    return pa.table(data)


@case(
    "parquet_nested_columns",
    exit=0,
    usable=12,
    checks=frozenset({"parquet_nested_column"}),
)
def nested(folder: Path) -> Built:
    """A note that is a record, a source that is a list and a map beside them: "unexpected
    error" (unhashable cells); now each such cell is read as text, with a warning per column."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    note = pa.array([{"by": "politie", "n": i} if i % 3 else None for i in range(12)])
    source = pa.array([[f"bron {i}", "eigen"] for i in range(12)])
    tags = pa.array([[("k", str(i))] for i in range(12)], type=pa.map_(pa.string(), pa.string()))
    pq.write_table(_table(Opmerking=note, Bron=source, Labels=tags), folder / "nested.parquet")
    return Built("nested.parquet", _parquet_rows("nested.parquet", 12))


@case(
    "parquet_nested_value",
    exit=1,
    usable=0,
    checks=frozenset({"parquet_nested_column", "bad_number"}),
)
def nested_value(folder: Path) -> Built:
    """The value column holds lists of numbers: each cell named as not a number."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    value = pa.array([[i, i + 1] for i in range(12)])
    pq.write_table(_table(Waarde=value), folder / "lists.parquet")
    return Built("lists.parquet", _parquet_rows("lists.parquet", 12))


@case(
    "parquet_timestamp_year_9999",
    exit=1,
    usable=10,
    checks=frozenset({"parquet_date_out_of_range"}),
)
def year_9999(folder: Path) -> Built:
    """Periods as timestamps, one in year 9999 and one in year 1: "unexpected error" (out of
    bounds); now those two cells are named and the other rows kept."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    days = [dt.datetime(2024, 1 + i % 12, 1) for i in range(12)]
    days[3], days[7] = dt.datetime(9999, 12, 31), dt.datetime(1, 1, 1)
    periods = pa.array(days, type=pa.timestamp("us"))
    pq.write_table(_table(Periode=periods), folder / "far.parquet")
    return Built("far.parquet", _parquet_rows("far.parquet", 12))


@case(
    "parquet_int96_year_9999",
    exit=1,
    usable=11,
    checks=frozenset({"parquet_date_out_of_range"}),
)
def int96(folder: Path) -> Built:
    """An INT96 timestamp (as Spark and Hive write them) in year 9999 overflowed nanoseconds and
    came back as 1816-03-29, silently; now it is named."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    days = [dt.datetime(2024, 1 + i % 12, 1) for i in range(12)]
    days[5] = dt.datetime(9999, 12, 31)
    table = _table(Periode=pa.array(days, type=pa.timestamp("us")))
    pq.write_table(table, folder / "int96.parquet", use_deprecated_int96_timestamps=True)
    return Built("int96.parquet", _parquet_rows("int96.parquet", 12))


@case("parquet_durations_and_times", exit=0, usable=12)
def durations(folder: Path) -> Built:
    """A note of durations and a source of times of day: "unexpected error"; now read as the
    text a person sees."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    note = pa.array(range(12), type=pa.duration("s"))
    source = pa.array([i * 60_000_000 for i in range(12)], type=pa.time64("us"))
    pq.write_table(_table(Opmerking=note, Bron=source), folder / "times.parquet")
    return Built("times.parquet", _parquet_rows("times.parquet", 12))


@case(
    "parquet_damaged_row_group",
    exit=1,
    usable=8,
    checks=frozenset({"parquet_bad_rows"}),
)
def damaged_group(folder: Path) -> Built:
    """Three row groups of 4 rows, the middle one's pages overwritten: the whole file was
    refused; now its 4 rows are named and the 8 others read."""
    import pyarrow.parquet as pq

    path = folder / "damaged.parquet"
    pq.write_table(_table(), path, row_group_size=4, write_page_checksum=True)
    middle = pq.ParquetFile(path).metadata.row_group(1)
    data = bytearray(path.read_bytes())
    for j in range(middle.num_columns):
        chunk = middle.column(j)
        start = chunk.dictionary_page_offset or chunk.data_page_offset
        end = start + chunk.total_compressed_size
        data[end - 8 : end] = b"\xa5" * 8  # the last bytes of the chunk's pages
    path.write_bytes(bytes(data))
    return Built("damaged.parquet", _parquet_rows("damaged.parquet", 12))


@case(
    "parquet_truncated",
    exit=2,
    checks=frozenset({"parquet_truncated"}),
    says=("cut short",),
)
def truncated(folder: Path) -> Built:
    """A Parquet file whose end (the footer, which says where every row is) was cut off: "save
    it again as .xlsx or .csv"; now it says the file is cut short. No row can be counted."""
    import io

    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(_table(), buf)
    (folder / "cut.parquet").write_bytes(buf.getvalue()[: len(buf.getvalue()) * 2 // 3])
    return Built("cut.parquet", NONE)


@case(
    "parquet_one_huge_row_group",
    exit=2,
    checks=frozenset({"parquet_too_large"}),
    says=("SOCPREV_LIMIT_SHEET_CELLS",),
)
def huge_group(folder: Path) -> Built:
    """One row group of 5 million identical rows: a file of a few kB that inflates to 30 million
    cells. Refused from its footer before a row is read."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 5_000_000
    zeros = pa.array(np.zeros(n, dtype=np.int8))
    first = registrations(1)[0]
    columns = {
        h: pa.DictionaryArray.from_arrays(zeros, pa.array([str(first[k])]))
        for k, h in enumerate(NL_HEAD)
    }
    pq.write_table(pa.table(columns), folder / "huge.parquet", row_group_size=n)
    return Built("huge.parquet", NONE)


@case("parquet_fifty_thousand_row_groups", exit=0, usable=50_000)
def tiny_groups(folder: Path) -> Built:
    """50,000 row groups of one row each (a 42 MB file): 1.4 GB and 23 s before, read group by
    group through pandas; now read many groups at once."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    n, indicators = 50_000, ("O04", "O01", "O05", "I02")
    table = pa.table(
        {
            "Project": [f"RONSE-{i // 1200:02d}" for i in range(n)],
            "NIS-code": ["45041"] * n,
            "Periode": [f"{2000 + i // 48 % 25}-{i // 4 % 12 + 1:02d}" for i in range(n)],
            "Indicator": [indicators[i % 4] for i in range(n)],
            "Waarde": [i % 97 for i in range(n)],
        }
    )
    pq.write_table(table, folder / "tiny.parquet", row_group_size=1)
    return Built("tiny.parquet", _parquet_rows("tiny.parquet", 50_000))


@case(
    "parquet_text_bomb",
    exit=2,
    checks=frozenset({"parquet_too_large"}),
    says=("SOCPREV_LIMIT_PARQUET_MB",),
)
def text_bomb(folder: Path) -> Built:
    """A 4 kB file whose note column's dictionary holds one text of 10 MB, on each of 100,000
    rows: a terabyte once decoded (killed at 21 GB before). Counted before decoding, refused."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    zeros = pa.array(np.zeros(100_000, dtype=np.int32))
    first = [*registrations(1)[0][:5], "x" * 10_000_000]
    columns = {
        h: pa.DictionaryArray.from_arrays(zeros, pa.array([str(first[k])]))
        for k, h in enumerate(NL_HEAD)
    }
    pq.write_table(pa.table(columns), folder / "bomb.parquet", compression="zstd")
    return Built("bomb.parquet", NONE)
