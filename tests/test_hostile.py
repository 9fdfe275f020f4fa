"""The hostile corpus (``tests/data/hostile/``): no input crashes, hangs, eats memory, loses a row.

Each case runs in a child process (``hostile/probe.py``) with the real command line; the parent
measures the child's peak resident memory and wall time. For every case: no traceback and no
"unexpected error" in the output, the expected exit code, the memory and time ceiling (the
issue's "no input makes validate use more than 1 GB or 60 s"; a hang is killed at twice the
ceiling), the expected issue checks, and every data row the input holds usable or named by an
issue (or its whole file or sheet refused by one).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

from hostile import all_cases, lost_rows  # noqa: E402
from hostile.run import run_case  # noqa: E402

CASES = all_cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case(name, tmp_path):
    case = CASES[name]
    got = run_case(case, tmp_path)
    shown = f"{case.note}\n--- stdout\n{got.stdout[-3000:]}\n--- stderr\n{got.stderr[-3000:]}"
    assert got.exit is not None, f"killed after {got.seconds:.0f} s (a hang)\n{shown}"
    assert "Traceback" not in got.output, shown
    assert "unexpected error" not in got.output, shown
    assert got.exit == case.exit, shown
    assert got.peak_mb <= case.max_mb, f"peak {got.peak_mb:.0f} MB\n{shown}"
    assert got.seconds <= case.max_seconds, f"{got.seconds:.0f} s\n{shown}"
    for words in case.says:
        assert words in got.output, shown
    if got.built.rows is None:
        return
    report = got.account
    assert report is not None, shown
    assert set(case.checks) <= set(report["checks"]), (report["checks"], shown)
    if case.usable is not None:
        assert report["registrations"] == case.usable, (report["registrations"], shown)
    lost = lost_rows(got.built.rows, report)
    assert not lost, f"rows neither usable nor named: {lost[:20]}\n{shown}"


def test_every_case_says_what_it_is():
    """Each case has a docstring (the corpus's README) and a unique name."""
    assert CASES
    assert all(c.note for c in CASES.values()), [n for n, c in CASES.items() if not c.note]
