"""A store is data, never code (issue 14): what is not a plain kit table is refused, unchanged.

Real DuckDB files changed as a person or an attacker could; each file's bytes are compared
before and after every command.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import duckdb
import pytest

import socprev_kit as sk
from socprev_kit.cli import main
from socprev_kit.data.store.connection import connect
from socprev_kit.registration.intake import StoreError, history, import_files

ROWS = "project;NIS-code;periode;indicator;waarde\n" + "".join(
    f"GENT-SW;44021;2023-0{m};O05;{m}\n" for m in range(1, 4)
)
SECRET = "project_id,nis_code,period,indicator_id,value\nSECRET,11002,2023-01,O05,99\n"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    (tmp_path / "gent.csv").write_text(ROWS, encoding="utf-8")
    path = tmp_path / "s.duckdb"
    import_files([tmp_path / "gent.csv"], path, validate=False)
    return path


def _change(path: Path, *sql: str) -> str:
    """Run ``sql`` on the database at ``path``; the SHA-256 of its files afterwards."""
    with duckdb.connect(str(path)) as con:
        for statement in sql:
            con.execute(statement)
    return _sha(path)


def _sha(path: Path) -> str:
    digest = hashlib.sha256()
    for f in sorted(path.parent.glob(path.name + "*")):  # the database and any .wal beside it
        digest.update(f.name.encode() + f.read_bytes())
    return digest.hexdigest()


def _every_command(path: Path, csv: Path, capsys: pytest.CaptureFixture) -> str:
    """validate, history and import on the store at ``path``: each exits 2; their output."""
    out = []
    for argv in (["validate", str(path)], ["history", "--store", str(path)],
                 ["import", str(csv), "--store", str(path)]):  # fmt: skip
        assert main([*argv, "--lang", "en"]) == 2, argv
        captured = capsys.readouterr()
        out.append(captured.out + captured.err)
    text = "\n".join(out)
    assert "Traceback" not in text and "unexpected error" not in text, text
    return text


def test_a_view_reading_a_file_elsewhere_is_refused_and_never_run(store: Path, capsys) -> None:  # noqa: ANN001
    secret = store.parent / "elsewhere" / "secret.csv"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    before = _change(
        store,
        "ALTER TABLE registrations RENAME TO kept",
        "CREATE VIEW registrations AS SELECT k.* REPLACE (s.project_id AS project_id_typed) "
        f"FROM kept k, read_csv_auto('{secret}') s",
    )
    data = sk.load(store, lang="en")
    assert data.registrations.empty and "SECRET" not in data.issues.to_string()
    refused = data.issues.query("check == 'store_foreign_object'")
    assert set(refused["value"]) == {"VIEW registrations", "TABLE kept"}
    assert refused["row"].isna().all() and (refused["file"] == str(store)).all()
    assert "Nothing in the store was read or run" in refused["message"].iat[0]
    out = _every_command(store, store.parent / "gent.csv", capsys)
    assert "SECRET" not in out and "VIEW registrations" in out and str(store) in out
    assert "De intake-databank bevat VIEW registrations" in out  # Dutch and French as well
    assert _sha(store) == before


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        (["CREATE MACRO coalesce(a, b) AS 42"], "MACRO coalesce"),
        (["CREATE SCHEMA x", "CREATE TABLE x.t AS SELECT 1 AS a"], "SCHEMA x|TABLE x.t"),
        (["CREATE SEQUENCE n"], "SEQUENCE n"),
        (["CREATE TYPE mood AS ENUM ('a', 'b')"], "TYPE mood"),
        (["CREATE INDEX i ON imports (import_id)"], "INDEX i"),
        (["ALTER TABLE imports ADD COLUMN extra VARCHAR DEFAULT 'x'"], "COLUMN imports.extra"),
        (["ALTER TABLE imports ALTER COLUMN status SET DEFAULT 'x'"], "TABLE imports"),
        (["CREATE OR REPLACE VIEW registration_history AS SELECT 1 AS x"],
         "VIEW registration_history"),
    ],
)  # fmt: skip
def test_what_the_kit_does_not_make_is_refused_by_name(
    store: Path, sql: list[str], named: str, capsys: pytest.CaptureFixture
) -> None:
    before = _change(store, *sql)
    issues = sk.load(store, lang="en").issues
    assert set(issues["check"]) == {"store_foreign_object"}, issues
    assert issues["value"].tolist() == named.split("|")
    out = _every_command(store, store.parent / "gent.csv", capsys)
    assert all(n in out for n in named.split("|"))
    assert _sha(store) == before


@pytest.mark.parametrize(
    ("sql", "check", "column"),
    [
        (["ALTER TABLE registrations DROP COLUMN note_typed"], "store_missing_part",
         "registrations.note_typed"),
        (["ALTER TABLE objectives RENAME TO objectives_2023"], "store_missing_part",
         "objectives"),
        (["ALTER TABLE registrations ALTER COLUMN value TYPE VARCHAR"], "store_wrong_type",
         "registrations.value"),
        (["DELETE FROM meta WHERE key = 'schema_version'"], "store_missing_part",
         "meta.schema_version"),
        (["UPDATE meta SET value = '0' WHERE key = 'schema_version'"], "store_old_version",
         "meta.schema_version"),
    ],
)  # fmt: skip
def test_an_older_or_damaged_store_is_named_and_left_as_it_was(
    store: Path, sql: list[str], check: str, column: str, capsys: pytest.CaptureFixture
) -> None:
    before = _change(store, *sql)
    issues = sk.load(store, lang="nl").issues
    assert check in set(issues["check"]) and column in set(issues["column"]), issues
    out = _every_command(store, store.parent / "gent.csv", capsys)
    assert column.rpartition(".")[2] in out
    assert _sha(store) == before
    with pytest.raises(StoreError) as raised:
        history(store)
    assert str(store) in str(raised.value) and raised.value.problems


def test_import_never_changes_a_database_that_is_not_a_store(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    (tmp_path / "gent.csv").write_text(ROWS, encoding="utf-8")
    mine = tmp_path / "mine.duckdb"
    with duckdb.connect(str(mine)) as con:  # committed, but only in the WAL beside it
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.execute("CREATE SCHEMA finance; CREATE TABLE finance.budget AS SELECT 1 AS x")
    assert Path(f"{mine}.wal").exists()
    before = _sha(mine)
    assert main(["import", str(tmp_path / "gent.csv"), "--store", str(mine)]) == 2
    assert "not a socprev-kit intake store" in capsys.readouterr().err
    with pytest.raises(StoreError, match="not a socprev-kit intake store"):
        import_files([tmp_path / "gent.csv"], mine)
    assert _sha(mine) == before
    empty = tmp_path / "empty.duckdb"  # a database with nothing in it may become a store
    duckdb.connect(str(empty)).close()
    assert import_files([tmp_path / "gent.csv"], empty).files[0].status == "new"


def test_a_store_is_read_read_only_and_in_a_sandbox(store: Path) -> None:
    """validate and history read a store in a read-only folder; what the store holds reaches no
    file, and the sandbox cannot be left."""
    before = _sha(store)
    (store.parent / "secret.csv").write_text(SECRET, encoding="utf-8")
    store.chmod(stat.S_IRUSR)
    store.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert len(sk.load(store).registrations) == 3
        assert len(history(store)) == 3
        with connect(store, write=False) as con:
            with pytest.raises(duckdb.Error, match="disabled by configuration"):
                con.execute(f"SELECT * FROM read_csv_auto('{store.parent / 'secret.csv'}')")
            with pytest.raises(duckdb.Error, match="locked"):
                con.execute("SET enable_external_access = true")
            with pytest.raises(duckdb.Error, match="read-only"):
                con.execute("DELETE FROM meta")
    finally:
        store.parent.chmod(stat.S_IRWXU)
        store.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert _sha(store) == before
