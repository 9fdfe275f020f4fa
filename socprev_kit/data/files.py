"""Which files on disk the kit reads: the data files named or found below folders, and why one
is not read before a byte of it is.

Only regular files are read: a named pipe would block forever, a link to ``/dev/zero`` never
ends, a socket or a device is no data. A file larger than ``limits().file_mb`` is refused by
its size on disk. Below a folder, a symbolic link whose target lies outside that folder is not
followed (the folder is what the user sent; a link may point anywhere on the machine); a link
that stays inside is read as the file it points to. Links to folders are never descended into.
A file named on the command line is the user's choice and is followed wherever it points.

Each refusal is a ``(check, value, hint)`` problem that :func:`socprev_kit.data.reading.read_paths`
turns into a file-level issue; nothing here opens a file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..common.limits import limits

#: Intake stores (:mod:`socprev_kit.registration.intake`): read when named, never found in a folder.
STORE_SUFFIXES = {".duckdb"}
DATA_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".parquet", ".pq", *STORE_SUFFIXES}
MB = 1024 * 1024


@dataclass(frozen=True)
class Found:
    """A data file named (``explicit``) or found below the folder ``root``, and why it is not to
    be read: ``problem`` is ``(check, value, hint)`` or ``None``."""

    path: Path
    explicit: bool
    root: Path | None = None
    problem: tuple[str, str, str] | None = None


def find(paths: Iterable[str | Path] | str | Path) -> Iterator[Found]:
    """Files named, and data files (and links to folders outside) found below folders named."""
    if isinstance(paths, str | Path):
        paths = [paths]
    for p in map(Path, paths):
        if p.is_dir():
            yield from _below(p)
        else:
            yield Found(p, True, None, problem(p, store=p.suffix.lower() in STORE_SUFFIXES))


def _below(root: Path) -> Iterator[Found]:
    """The data files below ``root``, sorted, without hidden names (``.``, ``_``, ``~$``)."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for d in dirs:
            if (here / d).is_symlink():  # never descended into; said when it leaves the folder
                bad = _leaves(here / d, root)
                if bad is not None:
                    found.append(Found(here / d, False, root, bad))
        for name in files:
            path = here / name
            if _hidden(name) or path.suffix.lower() not in DATA_SUFFIXES - STORE_SUFFIXES:
                continue
            bad = problem(path)
            if bad is None or bad[0] == "file_too_large":
                bad = (_leaves(path, root) if path.is_symlink() else None) or bad
            found.append(Found(path, False, root, bad))
    return iter(sorted(found, key=lambda f: f.path))


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$", "_"))


def problem(path: Path, *, store: bool = False) -> tuple[str, str, str] | None:
    """Why ``path`` is not to be read, as ``(check, value, hint)``, or ``None``: missing, not a
    regular file, or over the size limit (``store``: an intake store, which has no size limit)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            target = shown(os.readlink(path))
            return ("unreadable_file", "", f"link to {target}, which does not exist")
        return ("unreadable_file", "", "file not found / bestand niet gevonden")
    except OSError as exc:
        return ("unreadable_file", "", exc.strerror or type(exc).__name__)
    if not stat.S_ISREG(st.st_mode):
        return ("not_regular_file", _kind(st.st_mode), _kind(st.st_mode))
    ceiling = limits().file_mb
    if not store and st.st_size > ceiling * MB:
        size = st.st_size / MB
        return ("file_too_large", f"{size:,.1f}" if size >= 1 else f"{size:.2g}", f"{ceiling:g}")
    return None


def _kind(mode: int) -> str:
    kinds = {
        stat.S_ISFIFO: "FIFO",
        stat.S_ISCHR: "device",
        stat.S_ISBLK: "device",
        stat.S_ISSOCK: "socket",
        stat.S_ISDIR: "directory",
    }
    return next((name for test, name in kinds.items() if test(mode)), "special")


def _leaves(path: Path, root: Path) -> tuple[str, str, str] | None:
    """A ``link_outside_folder`` problem when the link ``path`` resolves outside ``root``."""
    target = Path(os.path.realpath(path))
    if target.is_relative_to(os.path.realpath(root)):
        return None
    return ("link_outside_folder", shown(target), "")


def shown(path: str | Path) -> str:
    """A path as a person can read it: bytes of a name that are not UTF-8 (kept by Python as
    surrogates) written as ``\\xNN``.

    >>> shown(os.fsdecode(b"bad\\xff.csv"))
    'bad\\\\xff.csv'
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")
