"""Build a hostile case and run it in a child process, measuring its peak memory and time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import Built, Case

PROBE = Path(__file__).with_name("probe.py")
#: The child's address space ceiling: far above any case's ``max_mb``, it only keeps a runaway
#: child from taking the machine (the measured peak is what the tests compare).
ADDRESS_LIMIT = 4 * 1024**3


@dataclass
class Measured:
    """One child process: its exit code (None: killed at the deadline), output, peak, time."""

    exit: int | None
    stdout: str
    stderr: str
    peak_mb: float
    seconds: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@dataclass
class Outcome(Measured):
    """What one run of a case gave: the measured child, what was built, the row accounting."""

    built: Built | None = None
    account: dict | None = None


#: Run first in the child: set the address-space cap, then become the command (``exec``).
_CAP = (
    "import os, resource, sys; "
    f"resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_LIMIT}, {ADDRESS_LIMIT})); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


def measure(argv: list[str], seconds: float, env: dict[str, str] | None = None) -> Measured:
    """Run ``argv`` as a child (its own process group, 4 GB address space); kill its group after
    ``seconds``. The peak is the child's maximum resident set (``wait4``)."""
    with tempfile.TemporaryDirectory() as scratch:
        out, err = Path(scratch) / "out.txt", Path(scratch) / "err.txt"
        env = {**os.environ, "PYTHONHASHSEED": "0", **(env or {})}
        env.pop("SOCPREV_DEBUG", None)
        start = time.monotonic()
        with out.open("wb") as fo, err.open("wb") as fe:
            child = subprocess.Popen(
                [sys.executable, "-c", _CAP, *argv],
                stdout=fo,
                stderr=fe,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,
            )
            status, peak_kb = _wait(child, start + seconds)
        return Measured(
            exit=os.waitstatus_to_exitcode(status) if status is not None else None,
            stdout=out.read_text(errors="replace"),
            stderr=err.read_text(errors="replace"),
            peak_mb=peak_kb / 1024,
            seconds=time.monotonic() - start,
        )


def run_case(case: Case, folder: Path, python: str = sys.executable) -> Outcome:
    """Build ``case`` into the empty ``folder`` and run it; kill it after twice its time ceiling."""
    built = case.build(folder)
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        rows = "rows" if built.rows is not None else "norows"
        argv = [python, str(PROBE), case.name, str(folder), str(report), built.path, rows]
        got = measure(argv, 2 * case.max_seconds, case.env)
        result = json.loads(report.read_text()) if report.exists() else {}
    return Outcome(
        exit=result.get("exit", got.exit),
        stdout=got.stdout,
        stderr=got.stderr,
        peak_mb=max(got.peak_mb, result.get("peak_kb", 0) / 1024),
        seconds=got.seconds,
        built=built,
        account=result.get("account"),
    )


def _wait(child: subprocess.Popen, deadline: float) -> tuple[int | None, int]:
    """Wait for ``child``; kill its process group at ``deadline``. Returns its wait status
    (None: killed) and its peak resident memory in kB: the high-water mark of its own memory
    (``VmHWM``), read every 20 ms. Not ``wait4``'s ``ru_maxrss``: that also counts the parent's
    pages the child held between the fork and its ``exec``, so a large test process would
    inflate every child it starts."""
    peak = 0
    while True:
        peak = max(peak, high_water_kb(child.pid))
        pid, status, _ = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return status, peak
        if time.monotonic() > deadline:
            os.killpg(child.pid, signal.SIGKILL)
            os.wait4(child.pid, 0)
            child.returncode = -9
            return None, peak
        time.sleep(0.02)


def high_water_kb(pid: int | str = "self") -> int:
    """The peak resident memory of process ``pid`` since its last ``exec``, in kB (0 when
    it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0
