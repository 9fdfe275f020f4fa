"""Benchmark: the cost of planning a national batch, with the reports' keys (run by hand).

Writes the national folder of ``bench/bench_loading.py`` (565 municipalities, 660,660 rows) plus
an objectives file, then times ``socprev_kit.batch.plan`` for every municipality and project in
nl and fr: once cold (reading and validating in the child process included), once warm (the
data already read: what is left is the selection, the notebooks' parameters and the keys), and
prints the number of jobs and distinct keys, and the time the keys alone take (every group's
hash and every report's data version, on data already aggregated).

    .venv/bin/python bench/bench_keys.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_loading import write_files  # noqa: E402


def write_objectives(folder: Path) -> int:
    """One impact objective per project of the projects file (I01, 2019 to 2025)."""
    projects = pd.read_csv(folder / "projecten.csv", sep=";", encoding="utf-8-sig", dtype=str)
    rows = [
        (pid, "G1", "general", "Minder overlast", "I01", 100, "2019", 90, "2025")
        for pid in projects["project_id"]
    ]
    columns = ["project_id", "objective_id", "level", "text", "indicator_id"]
    columns += ["baseline_value", "baseline_period", "target_value", "target_period"]
    frame = pd.DataFrame(rows, columns=columns)
    frame.to_csv(folder / "doelstellingen.csv", sep=";", index=False, encoding="utf-8-sig")
    return len(frame)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the data here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "projecten.csv").exists():
            rows = write_files(folder)
            print(f"wrote {rows:,} rows into {folder}")
        if not (folder / "doelstellingen.csv").exists():
            write_objectives(folder)
        from socprev_kit.batch import plan

        for label in ("cold", "warm"):
            start = time.perf_counter()
            made = plan(["all"], projects=["all"], data=folder, langs=["nl", "fr"])
            seconds = time.perf_counter() - start
            keys = len({j.key for j in made.jobs})
            print(f"plan ({label}): {seconds:6.1f} s, {len(made.jobs)} jobs, {keys} keys")
        print(f"keys alone: {keys_alone(made):.1f} s")


def keys_alone(made) -> float:  # noqa: ANN001 - a Plan
    """Seconds to hash every group and make every report's data version, on the plan's data
    context (aggregates and disclosure pattern as they are: the reports need them anyway)."""
    from socprev_kit.batch.inputs import planned_context
    from socprev_kit.reports.context import context_of
    from socprev_kit.reports.data_parts import parts
    from socprev_kit.reports.evaluate import disclosure_cells
    from socprev_kit.reports.fingerprint import data_version

    ctx = planned_context(str(made.data_path), made.input_hash)
    tables = {k: getattr(ctx, k) for k in ("table", "completeness", "completeness_months")}
    fresh = context_of(ctx.path, ctx.read, ctx.data, ctx.input_hash, tables, warm=False)
    fresh.memo("disclosure", lambda: disclosure_cells(ctx))
    start = time.perf_counter()
    parts(fresh)
    for job in made.jobs:
        data_version(fresh, job.kind, job.id)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
