"""The batch reads its data in a process of its own: a file that crashes the reader or takes more
memory than the ceiling becomes an issue, and the other files are read.

:func:`read_isolated` runs ``python -m socprev_kit.batch.reading``, which reads the data
(:func:`socprev_kit.data.reading.read_paths`), validates them in Dutch and pickles ``(ReadResult,
Dataset)`` into a scratch file; before each file it writes the file's name to a progress file.
The batch watches that process's resident memory (:mod:`.memory`). When the process dies
(stopped over the memory ceiling, stopped after ``read_seconds`` on one file, or crashed inside a
library), the file it was reading gets an issue (``reading_over_memory``, ``reading_too_slow`` or
``reading_stopped``, a whole-file refusal) and the process is started again, skipping that file:
each round names one more file, so the rounds end. A failure outside
any file is a :class:`~.errors.DataReadError`, which stops the plan with a message naming the data.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from .errors import DataReadError
from .memory import watch

log = logging.getLogger(__name__)

__all__ = [
    "child_env",
    "exit_with_parent",
    "keep",
    "read_and_validate",
    "read_isolated",
    "unread_files",
]

#: The reading process's exit code when it cannot write its scratch files.
CANNOT_WRITE = 75
#: Checks that refuse a whole file; a file with one of them and no rows was not read.
REFUSED = "severity == 'error' and row.isna()"


#: ``(path, digest)`` -> ``(ReadResult, Dataset)`` a batch took from a data context prepared
#: in another process (:func:`keep`), which :func:`read_and_validate` gives without reading.
_KEPT: dict[tuple[str, str], tuple] = {}


def read_and_validate(path: str, digest: str, memory_mb: float | None = None) -> tuple:
    """``(ReadResult, Dataset)`` of the data, read and validated in Dutch once per content within
    a process (``digest``: the input hash); the batch hands both to its kernels.

    The reading happens in a process of its own under the memory ceiling ``memory_mb``
    (:func:`read_isolated`): a file that crashes it or takes too much memory is an issue.
    """
    kept = _KEPT.get((path, digest))
    return kept if kept is not None else _read_once(path, digest, memory_mb)


@lru_cache(maxsize=4)
def _read_once(path: str, digest: str, memory_mb: float | None) -> tuple:
    return read_isolated(Path(path), memory_mb)


def keep(path: str, digest: str, read: object, data: object) -> None:
    """Let :func:`read_and_validate` give ``(read, data)`` for these data from now on in this
    process: what another process read and validated under the same ceiling (the raw tables
    may be left out of ``read``: its issues and list of files are what the batch uses)."""
    _KEPT.clear()  # one data set at a time: a batch process does not hold two
    _KEPT[(path, digest)] = (read, data)


def read_isolated(path: Path, memory_mb: float | None) -> tuple:
    """``(ReadResult, Dataset)`` of the data under ``path``, read in a child process watched by
    the memory ceiling ``memory_mb`` (None: none) and the time ceiling of one file
    (:attr:`~socprev_kit.common.limits.Limits.read_seconds`); see the module docstring."""
    from ..common.limits import limits

    seconds = limits().read_seconds
    skip: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="socprev-read-") as scratch:
        folder = Path(scratch)
        while True:
            code, why, last, stderr = _round(path, skip, (memory_mb, seconds), folder)
            if code == CANNOT_WRITE:  # its scratch files: the disk is full, not a data file
                number = int(stderr.strip().rsplit(" ", 1)[-1])
                raise OSError(number, os.strerror(number), str(folder))
            if code == 0:
                with (folder / "read.pickle").open("rb") as fh:
                    return pickle.load(fh)  # noqa: S301 - written by our own child, just now
            if last is None or last in skip:  # not inside a file: validation, start-up
                raise DataReadError(path, why[1] if why else _reason(code, stderr))
            skip[last] = list(why) if why else ["reading_stopped", _reason(code, "")]
            log.info("stopped reading %s (%s)", last, skip[last])


def _round(path: Path, skip: dict, ceilings: tuple, folder: Path) -> tuple:
    """One child: ``(exit code, (check, hint) when a ceiling stopped it, last file started,
    stderr)``; ``ceilings``: MB (or None) and seconds per file."""
    (memory_mb, seconds), progress = ceilings, folder / "progress.txt"
    progress.unlink(missing_ok=True)
    (folder / "skip.json").write_text(json.dumps(skip), encoding="utf-8")
    env = child_env()
    argv = [sys.executable, "-m", "socprev_kit.batch.reading", str(path), str(folder)]
    argv.append(str(os.getpid()))
    why = None
    with (folder / "stderr.txt").open("wb") as err:
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=err, stderr=err, env=env)
        with watch(child.pid, memory_mb) as seen:
            size, since = -1, time.monotonic()
            while child.poll() is None:
                time.sleep(0.05)
                now = progress.stat().st_size if progress.exists() else 0
                size, since = (now, time.monotonic()) if now != size else (size, since)
                if time.monotonic() - since > seconds and now and _started(progress):
                    why = ("reading_too_slow", f"{seconds:g}")
                    child.kill()
        if seen.exceeded:
            why = ("reading_over_memory", f"{memory_mb:g}")
    last = _started(progress)
    tail = (folder / "stderr.txt").read_bytes()[-2000:].decode("utf-8", "replace")
    return child.returncode, why, last, tail


def child_env() -> dict[str, str]:
    """The environment of a ``python -m socprev_kit...`` child of the batch: this one, with
    the folder of this very kit first on ``PYTHONPATH`` (a kit run from a checkout is found)."""
    package = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(filter(None, [package, os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def _started(progress: Path) -> str | None:
    """The file the child is reading or was reading when it stopped (None: past the files); a
    last line the child could not finish writing is not a name."""
    text = progress.read_text(encoding="ascii", errors="replace") if progress.exists() else ""
    lines = text.split("\n")[:-1]  # whole lines only
    return json.loads(lines[-1]) if lines else None


def _reason(code: int, stderr: str) -> str:
    """Why the child ended with ``code`` (a signal's name, or the last line it wrote)."""
    if code < 0:
        try:
            return f"{signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    last = stderr.strip().splitlines()[-1:] if stderr.strip() else []
    return f"exit code {code}" + (f": {last[0][:200]}" if last else "")


def unread_files(read, data) -> list[dict]:  # noqa: ANN001 - ReadResult, Dataset
    """The files that gave no rows because a file-level error refused them: ``{"file",
    "check", "nl", "fr"}`` each, with the issue's message in Dutch and French."""
    empty = {f["file"] for f in read.files if not f["rows"]}
    found = {}
    for lang in ("nl", "fr"):
        issues = data.issues_in(lang)
        issues = data.issues if issues is None else issues  # (nl)
        refused = issues.query(REFUSED)
        refused = refused[refused["file"].astype(str).isin(empty)].drop_duplicates("file")
        for r in refused.itertuples():
            found.setdefault(str(r.file), {"file": str(r.file), "check": str(r.check)})[lang] = str(
                r.message
            )
    return list(found.values())


def exit_with_parent(parent: int) -> None:
    """End this process when the batch that started it (``parent``) is gone: killed, it waits
    for nothing. Linux: the kernel's parent-death signal (a thread of ours would wait for a
    long C call of the reader to let go); elsewhere a thread that looks twice a second."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        import threading

        def look() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(3)

        threading.Thread(target=look, daemon=True).start()
    if os.getppid() != parent:  # gone before the signal was asked for
        os._exit(3)


def _child(path: str, folder: str, parent: int) -> None:
    """The child process (see :func:`_read_child`); a scratch file it cannot write (a full disk)
    ends it with :data:`CANNOT_WRITE` and the error number as the last word on stderr."""
    try:
        _read_child(path, folder, parent)
    except OSError as exc:
        full = exc.errno in (errno.EFBIG, errno.ENOSPC, errno.EDQUOT, errno.EROFS)
        if not full or exc.filename and not str(exc.filename).startswith(folder):
            raise
        print(f"cannot write {exc.errno}", file=sys.stderr, flush=True)
        os._exit(CANNOT_WRITE)


def _read_child(path: str, folder: str, parent: int) -> None:
    """Read, validate, pickle; each file's name to the progress file first."""
    from ..data.reading import read_paths
    from ..validation.dataset import validate

    exit_with_parent(parent)
    here = Path(folder)
    skip = {k: tuple(v) for k, v in json.loads((here / "skip.json").read_text()).items()}
    with (here / "progress.txt").open("a", encoding="ascii") as progress:

        def started(name: str | None) -> None:  # JSON: any file name, even not UTF-8, one line
            progress.write(json.dumps(name) + "\n")
            progress.flush()

        read = read_paths(path, skip=skip, started=started)
        started(None)  # past the files: a failure now is not a file's
    data = validate(read, lang="nl")
    tmp = here / "read.pickle.tmp"
    with tmp.open("wb") as fh:
        pickle.dump((read, data), fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(here / "read.pickle")


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2], int(sys.argv[3]))
