"""Benchmark: load and validate one CSV per municipality, against a plain pandas read.

Writes 565 municipality-sized registration files (the 2025 geography; Belgian dialect: ``;``,
decimal comma, UTF-8 with BOM, Dutch headers) plus a projects file into a temporary folder, then
times, in the same run and alternating:

* baseline: ``pandas.read_csv(sep=";", decimal=",")`` of every file, concatenated;
* kit: ``socprev_kit.load(folder)``: dialect detection, header mapping, parsing, every check.

It prints the best of ``--repeat`` runs of each and the ratio kit / baseline (goal: at most 2).

    .venv/bin/python bench/bench_loading.py [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import socprev_kit as sk
from socprev_kit.data.reference import municipalities

MONTHS = [f"{y}-{m:02d}" for y in range(2019, 2026) for m in range(1, 13)]
IMPACT = ["I01", "I02", "I03", "I07", "C01"]
PROCESS = ["P04", "O01", "O03", "O04", "O05", "O06N", "O08", "O09"]


def write_files(folder: Path, seed: int = 1) -> int:
    """One registration file per municipality and one projects file; returns the rows written."""
    rng = np.random.default_rng(seed)
    munis = municipalities(2025)
    projects = []
    total = 0
    for m in munis.itertuples():
        n_projects = int(min(1 + m.population // 60_000, 5))
        frames = []
        for k in range(n_projects):
            pid = f"P{m.nis_code}-{k + 1}"
            projects.append(
                (
                    pid,
                    f"Project {k + 1} {m.name_nl}",
                    "street_work",
                    m.nis_code,
                    m.nis_code,
                    "01/01/2019",
                    "01/01/2022",
                    "",
                )
            )
            for ind in IMPACT + PROCESS:
                lam = max(m.population / 1000 * rng.uniform(0.05, 0.6), 0.3)
                values = rng.poisson(lam, len(MONTHS))
                frames.append(
                    pd.DataFrame(
                        {
                            "project": pid,
                            "NIS-code": m.nis_code,
                            "periode": MONTHS,
                            "indicator": ind,
                            "waarde": values,
                            "bron": "eigen registratie",
                        }
                    )
                )
        regs = pd.concat(frames, ignore_index=True)
        # O06N is part of O05: keep it at most the whole
        o05 = regs["indicator"] == "O05"
        regs.loc[regs["indicator"] == "O06N", "waarde"] = regs.loc[o05, "waarde"].to_numpy() // 2
        regs["waarde"] = regs["waarde"].astype(str)
        regs.loc[regs.index % 7 == 0, "waarde"] = regs["waarde"] + ",0"  # decimal comma
        regs.to_csv(
            folder / f"registraties_{m.nis_code}.csv", sep=";", index=False, encoding="utf-8-sig"
        )
        total += len(regs)
    pd.DataFrame(
        projects,
        columns=[
            "project_id",
            "name",
            "project_types",
            "lead_nis_code",
            "nis_codes",
            "start_date",
            "intervention_date",
            "end_date",
        ],
    ).to_csv(folder / "projecten.csv", sep=";", index=False, encoding="utf-8-sig")
    return total


def plain_read(folder: Path) -> pd.DataFrame:
    frames = [
        pd.read_csv(f, sep=";", decimal=",", encoding="utf-8-sig")
        for f in sorted(folder.glob("*.csv"))
    ]
    return pd.concat(frames, ignore_index=True)


def best_of(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="write the files here instead of a temporary folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        rows = write_files(folder)
        size = sum(f.stat().st_size for f in folder.glob("*.csv")) / 1e6
        print(f"{len(list(folder.glob('*.csv')))} files, {rows:,} registration rows, {size:.1f} MB")
        plain_read(folder)  # warm the page cache and the imports once
        sk.load(folder)
        base_t, base = best_of(lambda: plain_read(folder), args.repeat)
        kit_t, data = best_of(lambda: sk.load(folder), args.repeat)
    print(f"plain pandas read : {base_t:6.2f} s  ({len(base):,} rows)")
    print(
        f"socprev_kit.load  : {kit_t:6.2f} s  ({len(data.registrations):,} usable rows, "
        f"{data.n_errors} errors, {data.n_warnings} warnings)"
    )
    print(f"ratio kit / plain : {kit_t / base_t:6.2f}  (goal <= 2.00)")


if __name__ == "__main__":
    main()
