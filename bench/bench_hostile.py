"""Benchmark: peak memory and time of ``socprev-kit validate`` on every hostile input, against
the same command on legitimate inputs measured in the same run.

Each run is a child process (``tests/data/hostile/run.py``: its own process group, a 4 GB
address-space cap, the peak resident set from ``wait4``). Legitimate inputs:

* ``sample``: the shipped sample data (``sample_data/clean``);
* ``national``: the 565-municipality data set of ``bench_loading.py`` (one CSV per
  municipality and a projects file, about 660,000 rows): the largest real input;
* ``one big file``: those rows in a single CSV.

Then every case of the hostile corpus (``tests/data/hostile/cases_*.py``), built in a scratch
folder. It prints a table per input: exit code, peak MB, seconds, and both as a ratio to the
``sample`` run, and whether the issue's ceiling (1 GB, 60 s) holds.

    .venv/bin/python bench/bench_hostile.py [--skip-national] [NAME ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_loading import write_files  # noqa: E402
from hostile import all_cases  # noqa: E402
from hostile.run import measure, run_case  # noqa: E402

CEILING_MB, CEILING_S = 1024, 60
CLI = [sys.executable, "-m", "socprev_kit.cli"]


def legitimate(scratch: Path, national: bool) -> dict[str, list[str]]:
    """The legitimate inputs: name -> validate command."""
    runs = {"sample": [*CLI, "validate", str(ROOT / "sample_data" / "clean"), "--lang", "en"]}
    if national:
        folder = scratch / "national"
        folder.mkdir()
        rows = write_files(folder)
        big = scratch / "one_file"
        big.mkdir()
        files = sorted(folder.glob("registraties_*.csv"))
        with (big / "registraties.csv").open("wb") as out:
            for i, f in enumerate(files):
                lines = f.read_bytes().removeprefix(b"\xef\xbb\xbf").splitlines(keepends=True)
                out.writelines(lines if i == 0 else lines[1:])
        (big / "projecten.csv").write_bytes((folder / "projecten.csv").read_bytes())
        print(f"national: {len(files)} files, {rows:,} rows", flush=True)
        runs["national"] = [*CLI, "validate", str(folder), "--lang", "en"]
        runs["one big file"] = [*CLI, "validate", str(big), "--lang", "en"]
    return runs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="hostile cases to run (default: all)")
    ap.add_argument("--skip-national", action="store_true", help="only the sample as legitimate")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for name, argv in legitimate(scratch, not args.skip_national).items():
            got = measure(argv, 600)
            rows.append(("legitimate", name, got.exit, got.peak_mb, got.seconds))
        for name, case in all_cases().items():
            if args.names and name not in args.names:
                continue
            folder = scratch / "cases" / name
            folder.mkdir(parents=True)
            got = run_case(case, folder)
            rows.append((case.topic, name, got.exit, got.peak_mb, got.seconds))
            print(f"{name:<45} {got.peak_mb:7.0f} MB {got.seconds:6.1f} s", flush=True)
    table = pd.DataFrame(rows, columns=["class", "input", "exit", "peak MB", "seconds"])
    base = table.iloc[0]
    table["MB / sample"] = table["peak MB"] / base["peak MB"]
    table["s / sample"] = table["seconds"] / base["seconds"]
    table["within 1 GB, 60 s"] = (table["peak MB"] <= CEILING_MB) & (table["seconds"] <= CEILING_S)
    with pd.option_context("display.width", 160, "display.max_rows", 500):
        print(table.to_string(index=False, float_format=lambda v: f"{v:.1f}"))
    print(f"\n{(~table['within 1 GB, 60 s']).sum()} input(s) over the ceiling.")


if __name__ == "__main__":
    main()
