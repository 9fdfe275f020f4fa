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
class Outcome:
    """What one run of a case gave."""

    built: Built
    exit: int | None  # None: killed at the time limit
    stdout: str
    stderr: str
    peak_mb: float
    seconds: float
    account: dict | None

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _limit() -> None:
    os.setsid()
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))


def run_case(case: Case, folder: Path, python: str = sys.executable) -> Outcome:
    """Build ``case`` into the empty ``folder`` and run it; kill it after twice its time ceiling."""
    built = case.build(folder)
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        out, err = Path(scratch) / "out.txt", Path(scratch) / "err.txt"
        env = {**os.environ, "PYTHONHASHSEED": "0", **case.env}
        env.pop("SOCPREV_DEBUG", None)
        rows = "rows" if built.rows is not None else "norows"
        argv = [python, str(PROBE), case.name, str(folder), str(report), built.path, rows]
        start = time.monotonic()
        with out.open("wb") as fo, err.open("wb") as fe:
            child = subprocess.Popen(
                argv, stdout=fo, stderr=fe, stdin=subprocess.DEVNULL, env=env, preexec_fn=_limit
            )
            status, usage = _wait(child, start + 2 * case.max_seconds)
        seconds = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status) if status is not None else None
        result = json.loads(report.read_text()) if report.exists() else {}
        return Outcome(
            built=built,
            exit=result.get("exit", code),
            stdout=out.read_text(errors="replace"),
            stderr=err.read_text(errors="replace"),
            peak_mb=usage.ru_maxrss / 1024 if usage else float("nan"),
            seconds=seconds,
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
