"""Run one hostile case in this (child) process: the command, then ``load`` for the accounting.

``python probe.py CASE FOLDER REPORT_JSON PATH rows|norows`` (the folder already built). Writes
``{"exit": code, "account": {...} or null}`` to ``REPORT_JSON``; the command's own output goes
to this process's stdout and stderr, which the parent reads.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostile import account, all_cases  # noqa: E402


def main(name: str, folder: str, report: str, path: str, rows: str) -> None:
    from socprev_kit.cli import main as cli

    case = all_cases()[name]
    root = Path(folder)
    argv = [a.format(path=str(root / path), dir=str(root)) for a in case.argv]
    try:
        code = cli(argv)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code if isinstance(exc.code, int) else 2
    sys.stdout.flush()
    out = {"exit": code, "account": None}
    if rows == "rows":
        from socprev_kit import load

        out["account"] = account(load(root / path, lang="en"), root)
    from hostile.run import high_water_kb

    out["peak_kb"] = high_water_kb()  # the last moments, which the parent's polling may miss
    Path(report).write_text(json.dumps(out), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:6])
