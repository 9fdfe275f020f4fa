"""The batch's own temporary files in the output folder: tracked, so that only they are removed.

Every file a batch writes into ``out`` first goes to a temporary name beside it
(``.<name>.<random>.tmp``) and is then moved into place (:func:`.store.atomic_write`). Before
that name is created, it is written to the run's journal, ``out/.records/.journal/<run>.txt``,
on which the run holds an exclusive lock (``flock``) for as long as it lives. A run that is
killed leaves its journal behind, unlocked (the system drops the lock with the process): the
next run removes exactly the temporary files listed there, then the journal. A journal whose
lock is held belongs to a batch still writing into the same folder, and is left alone. A file
no journal lists (a user's ``x.tmp``, even a name that looks like the batch's own) is never
touched.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import uuid
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)

__all__ = ["Journal", "remove_leftovers", "temporary_name"]

#: The journals' folder, inside the records' folder (``store.RECORDS``) of the output folder.
FOLDER = (".records", ".journal")


def temporary_name(target: Path) -> Path:
    """A fresh temporary name beside ``target``: ``.<name>.<8 hex digits>.tmp``."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")


class Journal:
    """The list of the temporary files one batch run creates in ``out`` (see the module)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        folder = out.joinpath(*FOLDER)
        folder.mkdir(parents=True, exist_ok=True)
        run = uuid.uuid4().hex
        fresh = folder / f"{run}.new"  # locked before it gets the name a cleaner looks for
        self._file = fresh.open("a", encoding="utf-8")
        fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.path = fresh.rename(folder / f"{run}.txt")

    def temporary(self, target: Path) -> Path:
        """A temporary name beside ``target``, written to the journal before it is used."""
        tmp = temporary_name(target)
        self._file.write(tmp.relative_to(self.out).as_posix() + "\n")
        self._file.flush()  # on disk (in the page cache) before the file exists: a kill is safe
        return tmp

    def close(self) -> None:
        """The run is over: its temporary files are gone (moved or removed); so is its list."""
        self.path.unlink(missing_ok=True)
        self._file.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def remove_leftovers(out: Path) -> list[Path]:
    """Remove the temporary files that runs killed earlier left in ``out``, as their journals
    list them, and those journals; return the files removed. Runs still alive are left alone."""
    folder = out.joinpath(*FOLDER)
    removed: list[Path] = []
    journals = sorted([*folder.glob("*.txt"), *folder.glob("*.new")]) if folder.is_dir() else []
    for journal in journals:
        try:
            with journal.open("r+", encoding="utf-8") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # fails: that run is alive
                removed += [p for p in map(out.joinpath, _listed(fh.read())) if _unlink(p)]
                journal.unlink()
        except BlockingIOError:
            continue
        except OSError:  # gone meanwhile (another run cleaned it), or not readable
            log.warning("cannot clean up after %s", journal, exc_info=True)
    return removed


def _listed(text: str) -> list[str]:
    """The journal's names that are temporary names of the batch inside the output folder."""
    names = []
    for line in text.splitlines():
        path = PurePosixPath(line)
        inside = line and not path.is_absolute() and ".." not in path.parts
        if inside and path.name.startswith(".") and path.name.endswith(".tmp"):
            names.append(line)
    return names


def _unlink(path: Path) -> bool:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        return True
    return False
