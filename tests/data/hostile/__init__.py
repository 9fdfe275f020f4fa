"""The hostile corpus: broken and hostile inputs that real users send, generated at test time.

Unlike ``tests/data/corpus/`` (small files, committed), these inputs are written into a scratch
folder when the tests run: some are large once inflated (a compression bomb, 100,000 columns),
some cannot live in git (a named pipe, a link to ``/dev/zero``). ``tests/data/make_hostile.py
OUT`` writes them all for a person to try; ``tests/test_hostile.py`` runs each in a child process
with a memory and time ceiling; ``bench/bench_hostile.py`` prints peak memory and seconds per case.

Each module ``cases_<topic>.py`` registers its cases with :func:`case`. A case's builder writes
its input into an empty folder and returns a :class:`Built`: the path to give to the command and
the data rows the user typed, each of which must come back usable or named by an issue.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

#: Issue checks that speak for every row of a file or sheet at once.
WHOLE = frozenset(
    {
        "unreadable_file",
        "unsupported_file",
        "unrecognised_table",
        "empty_file",
        "missing_column",
        # files on disk: refused before a byte is read (a pipe, a device, too large, a far link)
        "not_regular_file",
        "file_too_large",
        "data_too_large",
        "link_outside_folder",
        "too_many_columns",
        "not_a_table",
        "xlsx_over_limit",
        "sheet_over_limit",
        # stores and Parquet refused whole, and files the batch's reading had to stop
        "parquet_truncated",
        "parquet_too_large",
        "store_foreign_object",
        "store_missing_part",
        "store_wrong_type",
        "store_old_version",
        "reading_over_memory",
        "reading_too_slow",
        "reading_stopped",
    }
)
#: A row as a person finds it: file (relative to the case folder), sheet ("" for CSV), row number.
Row = tuple[str, str, int]


@dataclass(frozen=True)
class Built:
    """What a builder made: ``path`` given to the command (file or folder, relative to the case
    folder), and ``rows``: every data row of the input, or ``None`` where rows cannot be counted
    (a device, a pipe, a command that reads no data)."""

    path: str
    rows: frozenset[Row] | None = None


@dataclass(frozen=True)
class Case:
    """One hostile input and what the kit must do with it.

    ``argv``: the command, with ``{path}`` (the built path) and ``{dir}`` (the case folder)
    filled in. ``checks``: issue checks that must be among the issues of ``load(path)`` (only for
    cases with rows). ``exit``: the command's exit code. ``usable``: the number of usable
    registration rows, where known. ``max_mb`` and ``max_seconds``: the ceiling of the child
    process (peak resident memory, wall time). ``says``: words the command's output must hold.
    """

    name: str
    build: Callable[[Path], Built]
    topic: str = ""
    argv: tuple[str, ...] = ("validate", "{path}", "--lang", "en")
    checks: frozenset[str] = frozenset()
    exit: int = 1
    usable: int | None = None
    max_mb: int = 1024
    max_seconds: float = 60
    says: tuple[str, ...] = ()
    note: str = ""
    env: dict[str, str] = field(default_factory=dict)


CASES: dict[str, Case] = {}


def case(name: str, **expect: object) -> Callable[[Callable[[Path], Built]], Callable]:
    """Register the decorated builder as the case ``name`` with what the kit must do."""

    def register(build: Callable[[Path], Built]) -> Callable[[Path], Built]:
        if name in CASES:
            raise ValueError(f"two hostile cases named {name!r}")
        topic = build.__module__.rpartition(".")[2].removeprefix("cases_")
        CASES[name] = Case(name, build, topic=topic, note=(build.__doc__ or "").strip(), **expect)
        return build

    return register


def all_cases() -> dict[str, Case]:
    """Every case of every ``cases_*`` module, by name."""
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("cases_"):
            importlib.import_module(f"{__name__}.{info.name}")
    return dict(sorted(CASES.items()))


def account(data: object, root: Path) -> dict:
    """The rows a loaded data set accounts for, for a JSON report.

    Returns ``{"usable": [...], "named": [...], "whole": [...], "checks": [...],
    "registrations": n}``: rows as ``[file, sheet, row]`` with the file relative to ``root``,
    ``whole`` the ``[file, sheet]`` an issue about a whole file or sheet names (sheet ``""``
    for the whole file).
    """
    import pandas as pd

    @functools.cache
    def rel(f: object) -> str:
        try:
            return Path(str(f)).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return str(f)

    usable = set()
    for table in (data.registrations, data.projects, data.objectives, data.context):
        if len(table):
            usable |= {
                (rel(f), str(s), int(r))
                for f, s, r in zip(
                    table["source_file"], table["source_sheet"], table["source_row"], strict=True
                )
            }
    issues = data.issues
    named = {
        (rel(f), str(s or ""), int(r))
        for f, s, r in zip(issues["file"], issues["sheet"], issues["row"], strict=True)
        if pd.notna(r)
    }
    found = getattr(data, "found", None)
    if found is not None:  # rows named together by one issue (more_rows_*) beyond the cap
        named |= {(rel(f), str(s or ""), int(r)) for f, s, r in found.named()}
    whole = {
        (rel(f), str(s or ""))
        for f, s, c in zip(issues["file"], issues["sheet"], issues["check"], strict=True)
        if c in WHOLE
    }
    return {
        "usable": sorted(usable),
        "named": sorted(named),
        "whole": sorted(whole),
        "checks": sorted(set(issues["check"])),
        "registrations": len(data.registrations),
    }


def lost_rows(rows: frozenset[Row], report: dict) -> list[Row]:
    """The rows of ``rows`` neither usable, nor named, nor in a file or sheet refused whole."""
    seen = {tuple(r) for r in report["usable"]} | {tuple(r) for r in report["named"]}
    whole = {tuple(w) for w in report["whole"]}
    return sorted(
        r for r in rows if r not in seen and (r[0], r[1]) not in whole and (r[0], "") not in whole
    )


# --- helpers for builders ------------------------------------------------------------------------

NL_HEAD = ["Project", "NIS-code", "Periode", "Indicator", "Waarde", "Opmerking"]
FR_HEAD = ["Projet", "Code INS", "Période", "Indicateur", "Valeur", "Remarque"]


def registrations(n: int = 12, project: str = "RONSE-SHW", nis: str = "45041") -> list[list]:
    """``n`` clean registration rows ``[project, nis, period, indicator, value, note]``."""
    indicators = ("O04", "O01", "O05", "I02")
    return [
        [project, nis, f"2024-{i // len(indicators) + 1:02d}", indicators[i % 4], 10 + i, ""]
        for i in range(n)
    ]


def csv_text(header: list, body: list[list], sep: str = ";", eol: str = "\r\n") -> str:
    """A CSV as Excel writes it (minimal quoting), as text."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator=eol)
    w.writerow(header)
    for r in body:
        w.writerow(["" if v is None else str(v) for v in r])
    return buf.getvalue()


def csv_rows(file: str, first: int, n: int) -> frozenset[Row]:
    """Rows ``first .. first + n - 1`` of a CSV file (one line each)."""
    return frozenset((file, "", first + i) for i in range(n))
