"""Write read files into the intake store, in one transaction: all of them or nothing.

A file with the same bytes as an earlier import whose rows are all still current changes nothing
(no import is recorded). Any other file becomes an import: its rows are added, and the rows with
the same key that were current are marked ``superseded_by`` it when they come from an earlier
version of the same file or differ from it (a correction); a row sent again unchanged in another
file leaves the current one current, as both files would be read from a folder. Keyless rows of
an earlier file of the same name are superseded by the new version of that file. A file is
"corrected" when it changes a value or is a new version of a file name, else "new". The counts
per file compare the typed cells of each key (value, source and note of a registration; the
whole row otherwise) with what was current before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os

import pandas as pd

from ...data.contract import TABLES
from ...data.files import shown
from ...data.store.connection import test_pause
from ...data.store.schema import COMPARED, KEYS, row_columns, typed
from .staging import Pending, issue_rows, stage, table_rows


def write(con, pending: list[Pending]) -> list[Pending]:  # noqa: ANN001 - a DuckDB connection
    """Store ``pending`` files (in order) and return those stored; the others get ``same_as``."""
    from ... import __version__

    con.execute("BEGIN TRANSACTION")
    try:
        todo = _new_content(con, pending)
        if todo:
            first = con.execute("SELECT coalesce(max(import_id), 0) + 1 FROM imports").fetchall()[0]
            for k, p in enumerate(todo):
                p.import_id = first[0] + k
            now = dt.datetime.now().replace(microsecond=0)
            _write_rows(con, todo)
            names = [(p.import_id, p.name) for p in todo]
            con.executemany("INSERT INTO tables VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [r for p in todo for r in table_rows(p)])  # fmt: skip
            rows = [r for p in todo for r in issue_rows(p)]
            if rows:
                con.executemany("INSERT INTO read_issues VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            earlier = _earlier_names(con, names)
            for p in todo:  # values sent again unchanged do not make a file a correction
                changed = p.counts.get("changed", 0)
                p.status = "corrected" if changed or p.import_id in earlier else "new"
            con.executemany(
                "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_import_row(p, now, __version__) for p in todo],
            )
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(Exception):  # a COMMIT that failed (a full disk) rolled back
            con.execute("ROLLBACK")
        raise
    if todo:
        con.execute("CHECKPOINT")  # everything in the database file itself, none in the WAL
    return todo


def _new_content(con, pending: list[Pending]) -> list[Pending]:  # noqa: ANN001
    """The files whose bytes are not those of an import still wholly current (nor of an earlier
    file in this same call)."""
    shas = sorted({p.sha256 for p in pending})
    superseded = " AND ".join(
        f"NOT EXISTS (SELECT 1 FROM {t} r WHERE r.import_id = i.import_id "
        "AND r.superseded_by IS NOT NULL)"
        for t in TABLES
    )
    found = con.execute(
        "SELECT sha256, import_id, file_path, imported_at FROM imports i "
        f"WHERE list_contains(?, sha256) AND {superseded} ORDER BY import_id",
        [shas],
    ).fetchall()
    same = {}
    for sha, import_id, path, at in found:
        same.setdefault(sha, (import_id, path, at))
    todo = []
    for p in pending:
        if p.sha256 in same:
            p.same_as = same[p.sha256]
        else:
            same[p.sha256] = (None, shown(p.path), None)
            todo.append(p)
    return todo


def _write_rows(con, todo: list[Pending]) -> None:  # noqa: ANN001
    staged = stage(todo)
    imports = pd.DataFrame({"import_id": [p.import_id for p in todo],
                            "file_name": [p.name for p in todo]})  # fmt: skip
    con.register("staged_imports", imports)
    counts: dict[int, dict[str, int]] = {p.import_id: {} for p in todo}
    for table in TABLES:
        con.register(f"staged_{table}", staged[table])
        _versions(con, table)
        for import_id, n_new, n_changed, n_unchanged in con.execute(
            _COUNTS.format(t=table)
        ).fetchall():
            c = counts[import_id]
            for name, n in (("new", n_new), ("changed", n_changed), ("unchanged", n_unchanged)):
                c[name] = c.get(name, 0) + int(n)
        _supersede(con, table)
    for table in TABLES:
        _insert(con, table, staged[table].num_rows)
    for p in todo:
        p.counts = counts[p.import_id]


def _on(table: str, a: str, b: str) -> str:
    return " AND ".join(f"{a}.{k} = {b}.{k}" for k in KEYS[table])


def _signature(table: str, alias: str) -> str:
    """SQL text of a row's typed cells that count for "changed"."""
    names = COMPARED[table] or [c.name for c in TABLES[table]]
    cells = ", ".join(f"coalesce({alias}.{typed(c)}, '')" for c in names)
    return f"concat_ws(chr(31), {cells})"


def _versions(con, table: str) -> None:  # noqa: ANN001
    """``v_<table>``: per key, what was current (import 0) and each staged import's rows, with
    the signature before it and the import after it."""
    keys = ", ".join(KEYS[table])
    first = KEYS[table][0]
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE v_{table} AS
        WITH staged_keys AS (
            SELECT DISTINCT {keys} FROM staged_{table} WHERE {first} IS NOT NULL),
        cur AS (
            SELECT {", ".join(f"r.{k}" for k in KEYS[table])}, 0 AS import_id,
                   string_agg(DISTINCT {_signature(table, "r")}, chr(30)
                              ORDER BY {_signature(table, "r")}) AS sig
            FROM {table} r JOIN staged_keys s ON {_on(table, "r", "s")}
            WHERE r.superseded_by IS NULL GROUP BY ALL),
        new AS (
            SELECT {keys}, import_id, string_agg(sig, chr(30) ORDER BY sig) AS sig
            FROM (SELECT {keys}, import_id, {_signature(table, "s")} AS sig
                  FROM staged_{table} s WHERE {first} IS NOT NULL)
            GROUP BY ALL),
        every AS (SELECT * FROM cur UNION ALL BY NAME SELECT * FROM new)
        SELECT *, lag(sig) OVER w AS prev_sig, lag(import_id) OVER w AS prev_import,
               lead(import_id) OVER w AS next_import, lead(sig) OVER w AS next_sig
        FROM every WINDOW w AS (PARTITION BY {keys} ORDER BY import_id)
    """)


_COUNTS = """
    SELECT import_id,
           count(*) FILTER (WHERE prev_import IS NULL),
           count(*) FILTER (WHERE prev_import IS NOT NULL AND prev_sig <> sig),
           count(*) FILTER (WHERE prev_import IS NOT NULL AND prev_sig = sig)
    FROM v_{t} WHERE import_id > 0 GROUP BY import_id
"""


def _supersede(con, table: str) -> None:  # noqa: ANN001
    """Mark the current rows that the staged files replace: those of an earlier version of the
    same file, and those of another file that the staged row contradicts. A row sent again
    unchanged in another file (the project sheet of each yearly workbook) leaves the current
    one as it is: both are current, as both files would be in a folder."""
    con.execute(f"""
        UPDATE {table} AS r SET superseded_by = v.next_import
        FROM v_{table} v, imports i, staged_imports n
        WHERE v.import_id = 0 AND r.superseded_by IS NULL AND {_on(table, "r", "v")}
          AND i.import_id = r.import_id AND n.import_id = v.next_import
          AND (i.file_name = n.file_name OR {_signature(table, "r")} IS DISTINCT FROM v.next_sig)
    """)
    first = KEYS[table][0]
    con.execute(f"""
        UPDATE {table} AS r SET superseded_by = f.first_import
        FROM imports i,
             (SELECT file_name, min(import_id) AS first_import
              FROM staged_imports GROUP BY file_name) f
        WHERE r.import_id = i.import_id AND i.file_name = f.file_name
          AND r.superseded_by IS NULL AND r.{first} IS NULL
    """)


def _insert(con, table: str, n: int) -> None:  # noqa: ANN001
    """Add the staged rows, each marked superseded by a later staged file covering its key."""
    names = [name for name, _ in row_columns(table) if name != "superseded_by"]
    first = KEYS[table][0]
    select = f"""
        INSERT INTO {table}
        SELECT {", ".join(f"s.{c}" for c in names)},
               CASE WHEN s.{first} IS NULL THEN n.next_same_name
                    WHEN m.file_name = n.file_name OR v.sig IS DISTINCT FROM v.next_sig
                    THEN v.next_import END
        FROM staged_{table} s
        LEFT JOIN v_{table} v ON v.import_id = s.import_id AND {_on(table, "s", "v")}
        LEFT JOIN (SELECT import_id, file_name, lead(import_id) OVER (PARTITION BY file_name
                   ORDER BY import_id) AS next_same_name FROM staged_imports) n
               ON n.import_id = s.import_id
        LEFT JOIN staged_imports m ON m.import_id = v.next_import
    """
    if not os.environ.get("SOCPREV_INTAKE_PAUSE") or table != "registrations":
        con.execute(select)
        return
    con.execute(select + f" WHERE s._n < {n // 2}")
    test_pause("inside the import transaction, half of the registrations written")
    con.execute(select + f" WHERE s._n >= {n // 2}")


def _earlier_names(con, names: list[tuple[int, str]]) -> set[int]:  # noqa: ANN001
    """Import ids among ``names`` whose file name was imported before."""
    seen = {r[0] for r in con.execute("SELECT DISTINCT file_name FROM imports").fetchall()}
    out = set()
    for import_id, name in names:
        if name in seen:
            out.add(import_id)
        seen.add(name)
    return out


def _import_row(p: Pending, now: dt.datetime, version: str) -> tuple:
    c = p.counts
    return (
        p.import_id,
        p.name,
        shown(p.path),
        p.sha256,
        p.size,
        now,
        p.status,
        p.n_rows,
        c.get("new", 0),
        c.get("changed", 0),
        c.get("unchanged", 0),
        f"socprev-kit {version}",
    )
