"""The intake store's file: opening it safely (read-only unless written, sandboxed, its catalog
checked by :mod:`~socprev_kit.data.store.schema`), and cells kept exactly as typed.

One DuckDB file holds every file ever imported (``imports``), the tables each held (``tables``:
sheet, headers as written, decimal comma, the column letter of the values), the problems met while
reading it (``read_issues``) and every row of every table (``registrations``, ``projects``,
``objectives``, ``context``), current or superseded. A row keeps each cell as typed
(``<column>_typed``, text, with the cell's type in ``types`` where it was not text) and, for
registrations and context data, its key and its value as parsed. Nothing is ever deleted or
overwritten: a correction marks the rows it replaces with ``superseded_by`` (the import that
replaced them).

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

from ...common.errors import InputError
from .schema import SCHEMA_VERSION, create, problems, upgrade, version_problem
from .texts import STORE_CHECKS

if TYPE_CHECKING:
    import duckdb

STORE_NAME = "_intake.duckdb"
LOCK_TIMEOUT = 60.0
#: How every store is opened: no file, extension or setting outside the store itself can be
#: reached by what the store holds (refused before anything is read; this is a second guard).
SANDBOX = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
}


class StoreError(InputError):
    """The intake store cannot be used: locked too long, not a store, too new a schema, or it
    holds what the kit does not make (``problems``: the issues that say what, one per object)."""

    def __init__(
        self, message: str, path: Path | str | None = None, problems: list[dict] | None = None
    ) -> None:
        super().__init__(message, path)
        self.problems = list(problems or [])


def _check(con: duckdb.DuckDBPyConnection, path: Path, write: bool, empty_ok: bool) -> None:
    """A store of a schema this kit knows, holding nothing else; anything else is refused.

    An empty database gets the kit's tables when ``write``; it passes when ``empty_ok``. A store
    of an older schema is read as it is, and brought up to date when opened to ``write``.
    """
    found = problems(con)
    if found is None:
        if write:
            create(con)
        elif not empty_ok:
            raise StoreError(_text("not_store", path), path)
        return
    if found and found[0]["check"] == "store_not_kit":
        raise StoreError(_text("not_store", path), path)
    if not found:
        version = version_problem(con)
        if isinstance(version, dict):
            found = [version]
        elif version > SCHEMA_VERSION:
            raise StoreError(_text("newer", path, found=version, known=SCHEMA_VERSION), path)
        elif version < SCHEMA_VERSION and write:  # made by an older kit: brought up to date
            upgrade(con, version)
    if found:
        raise StoreError(problem_text(path, found), path, found)


def problem_text(path: Path, found: list[dict]) -> str:
    """The problems of a store, each in English, Dutch and French, under its path."""
    lines = [f"{path}:"]
    for p in found:
        lines += [f"  {STORE_CHECKS[p['check']][1][g].format(**p)}" for g in ("en", "nl", "fr")]
    return "\n".join(lines)


@contextmanager
def connect(
    path: str | Path, *, write: bool, timeout: float = LOCK_TIMEOUT, empty_ok: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open connection to the store at ``path``, closed on leaving.

    ``write``: create the store if needed and take the write lock; a file that exists is first
    checked on a read-only connection, so that a database that is not a kit store is never
    opened to write. Without ``write`` the file is opened read-only. Either way it is opened in
    a sandbox (:data:`SANDBOX`: no files, extensions or settings beyond the store) and its catalog
    is checked before anything is read. Waits up to ``timeout`` seconds while another process
    holds the file.

    Raises
    ------
    StoreError
        The store is held by another process for longer than ``timeout``, the file is not an
        intake store (or not a DuckDB file), it was made by a newer kit, it holds an object the
        kit does not make (a view, a macro, another schema ...) or lacks one it does.
    """
    path = Path(path)
    if not write and not path.exists():
        raise StoreError(_text("missing", path), path)
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
    if write and path.is_file() and path.stat().st_size:
        with connect(path, write=False, timeout=timeout, empty_ok=True):
            pass  # a database that is not a kit store is refused before it is opened to write
    con = _open(path, write, timeout)
    try:
        _check(con, path, write, empty_ok)
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
            con = duckdb.connect(str(path), read_only=not write, config=dict(SANDBOX))
            con.execute("SET enable_progress_bar = false")  # no bars on the user's terminal
            con.execute("SET lock_configuration = true")  # and no way back out of the sandbox
            return con
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
