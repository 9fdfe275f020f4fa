"""Benchmark: the smallest visible fall (``minimum_detectable_effect``) of the sample's
municipalities, and the seconds each calculation takes.

For every municipality with a monthly series of the indicator in the data (``DataContext.series``:
context rows, else project registrations), up to ``--max``: the MDE of a fall with ``--months``
months after ``--start``, its simulation error, the expected count a month, the dispersion, rho
and the seconds of the call; then the median seconds and the share of municipalities where no
fall up to 95 % would be visible. ``--comparison`` adds a controlled design per municipality (the
next municipality of the list as its comparison) to time it.

    OPENBLAS_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/bench_power.py \
        [--data DIR] [--indicator I02] [--start 2026-01] [--months 24] [--sims 200] [--max 12]
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd

from socprev_kit.evaluation.evidence.power import minimum_detectable_effect
from socprev_kit.reports.context import prepare


def rows(series: pd.DataFrame, nis: str, indicator: str) -> pd.DataFrame:
    mine = series[series["nis_code"].eq(nis) & series["indicator_id"].eq(indicator)]
    return mine[mine["frequency"].eq("month")][["period", "value", "population"]]


def one(frame: pd.DataFrame, args: argparse.Namespace, comparison=None) -> dict:  # noqa: ANN001
    t0 = time.perf_counter()
    res = minimum_detectable_effect(
        frame, count="value", period="period", population="population",
        intervention=args.start, months_after=args.months, n_sims=args.sims,
        comparison=comparison,
    )  # fmt: skip
    a = res.assumptions
    return {"mde": res.mde, "mde_se": res.mde_se, "level": a["level_per_month"],
            "dispersion": a["dispersion"], "rho": a["rho"], "months_before": a["months_before"],
            "seconds": time.perf_counter() - t0}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="default: the sample data")
    ap.add_argument("--indicator", default="I02")
    ap.add_argument("--start", default="2026-01")
    ap.add_argument("--months", type=int, default=24)
    ap.add_argument("--sims", type=int, default=200)
    ap.add_argument("--max", type=int, default=12)
    ap.add_argument("--comparison", action="store_true")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    series = prepare(args.data, warm=False).series()
    codes = sorted(series.loc[series["indicator_id"].eq(args.indicator), "nis_code"].unique())
    codes = codes[: args.max]
    out = []
    for i, nis in enumerate(codes):
        row = {"nis_code": nis, **one(rows(series, nis, args.indicator), args)}
        if args.comparison:
            other = rows(series, codes[(i + 1) % len(codes)], args.indicator)
            controlled = one(rows(series, nis, args.indicator), args, other)
            row.update(mde_controlled=controlled["mde"], seconds_controlled=controlled["seconds"])
        out.append(row)
        print(pd.DataFrame([row]).round(3).to_string(index=False, header=i == 0), flush=True)
    table = pd.DataFrame(out)
    print(f"\n{len(table)} municipalities, {args.sims} series per point, {args.months} months "
          f"after {args.start}: median {table['seconds'].median():.2f} s a calculation, "
          f"no fall up to 95 % visible in {np.isnan(table['mde']).mean():.0%}")  # fmt: skip
    if args.comparison:
        print(f"controlled: median {table['seconds_controlled'].median():.2f} s")


if __name__ == "__main__":
    main()
