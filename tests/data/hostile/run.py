"""Build a hostile case and run it in a child process, measuring its peak memory and time."""

from __future__ import annotations

import json
import os
import resource
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


def _limit() -> None:
    os.setsid()
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))


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
                argv, stdout=fo, stderr=fe, stdin=subprocess.DEVNULL, env=env, preexec_fn=_limit
            )
            status, usage = _wait(child, start + seconds)
        return Measured(
            exit=os.waitstatus_to_exitcode(status) if status is not None else None,
            stdout=out.read_text(errors="replace"),
            stderr=err.read_text(errors="replace"),
            peak_mb=usage.ru_maxrss / 1024 if usage else float("nan"),
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
        peak_mb=got.peak_mb,
        seconds=got.seconds,
        built=built,
        account=result.get("account"),
    )


def _wait(child: subprocess.Popen, deadline: float):  # noqa: ANN202 - (status, rusage)
    """Wait for ``child`` with its resource usage; kill its process group at ``deadline``."""
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return status, usage
        if time.monotonic() > deadline:
            os.killpg(child.pid, signal.SIGKILL)
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = -9
            return None, usage
        time.sleep(0.05)
