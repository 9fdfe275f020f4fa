"""Benchmark: does the synthetic comparison's interval cover a planted effect at its nominal rate?

Each panel (fixed seed) has one treated municipality and ``--donors`` donors observed for 48 to
84 months (drawn per panel), the intervention 40 % to 60 % of the way. Counts are Poisson given a
log-scale level built as a factor model (the model of ``bench_its_coverage.py`` with factors
shared between municipalities):

    log mu_it = log(pop_i / 1000) + a_i + l1_i f1_t + l2_i f2_t + season_t + e_it

``a_i`` a rate of about 0.5 per 1,000 a month (sd 0.3 on the log scale), ``f1`` a common trend
(-0.3 % a month plus a random walk, sd 0.03), ``f2`` a second random walk (sd 0.04) with
loadings ``l2 ~ N(0, 0.7)``, ``l1 ~ N(1, 0.3)``, a yearly season (0.2), ``e`` stationary AR(1)
(``bench_its_coverage.ar1``: marginal sd 0.2, coefficient rho), so the counts are overdispersed
and autocorrelated. Populations are log-normal (median 15,000). The treated municipality is drawn
like the donors and gets a level change of 0.7 from the intervention. Scenarios: rho 0.3 or 0.6;
``small`` / ``large``: the treated population is 3,000 / 150,000 (noisier / smoother than most
donors: what the studentised placebos must handle); ``null``: no effect (the false-effect rate).

It prints per scenario the coverage of the 95 % interval (share holding the planted ratio) with
its binomial 95 % band for that many panels, the share with p < 0.05, the bias of the log rate
ratio (as a ratio: 1 = none), the median interval width (ci_high / ci_low), the share whose
convex-hull check passes and the seconds per fit.

    nice -n 10 .venv/bin/python bench/bench_synthetic.py [--n 200] [--donors 40] [--seed 17]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

sys.path.insert(0, str(Path(__file__).parent))
from bench_its_coverage import ar1  # noqa: E402  the simulator of real counts, reused

from socprev_kit.evaluation.evidence.synthetic import synthetic_control  # noqa: E402

EFFECT = 0.7
SCENARIOS = {
    "rho=0.3": {"rho": 0.3},
    "rho=0.6": {"rho": 0.6},
    "rho=0.3 small treated": {"rho": 0.3, "pop": 3_000},
    "rho=0.3 large treated": {"rho": 0.3, "pop": 150_000},
    "rho=0.3 null": {"rho": 0.3, "effect": 1.0},
}


def panel(rng: np.random.Generator, n_donors: int, spec: dict) -> tuple[pd.DataFrame, str]:
    """One long monthly table (treated ``T`` and donors ``D1``...) and the intervention month."""
    units, length = n_donors + 1, int(rng.integers(48, 85))
    t0 = int(round(length * rng.uniform(0.4, 0.6)))
    t = np.arange(length)
    pop = np.exp(rng.normal(np.log(15_000), 0.8, units))
    pop[0] = spec.get("pop", pop[0])
    f1 = -0.003 * t + np.cumsum(rng.normal(0, 0.03, length))
    f2 = np.cumsum(rng.normal(0, 0.04, length))
    load1, load2 = rng.normal(1, 0.3, units), rng.normal(0, 0.7, units)
    months = pd.period_range("2018-01", periods=length, freq="M")
    season = 0.2 * np.cos(2 * np.pi * (months.month.to_numpy() - 1) / 12)
    level = np.log(pop / 1000) + rng.normal(np.log(0.5), 0.3, units)
    factors = load1[:, None] * f1 + load2[:, None] * f2
    log_mu = level[:, None] + factors + season + ar1(rng, spec["rho"], (units, length))
    log_mu[0, t0:] += np.log(spec.get("effect", EFFECT))
    codes = ["T"] + [f"D{i}" for i in range(1, units)]
    table = pd.DataFrame(
        {
            "nis_code": np.repeat(codes, length),
            "indicator_id": "I01",
            "period": np.tile(months.astype(str), units),
            "value": rng.poisson(np.exp(log_mu)).ravel().astype(float),
            "population": np.repeat(pop, length),
        }
    )
    return table, str(months[t0])


def run(name: str, spec: dict, n: int, n_donors: int, seed: int) -> dict:
    rng = np.random.default_rng([seed, list(SCENARIOS).index(name)])
    truth = spec.get("effect", EFFECT)
    found, seconds = [], 0.0
    for _ in range(n):
        table, start = panel(rng, n_donors, spec)
        donors = [c for c in table["nis_code"].unique() if c != "T"]
        t_start = time.perf_counter()
        res = synthetic_control(
            table, treated="T", indicator_id="I01", intervention=start, donors=donors
        )
        seconds += time.perf_counter() - t_start
        row = res.effects.iloc[0]
        found.append((row["rate_ratio"], row["ci_low"], row["ci_high"], row["p_value"],
                      bool(res.convex_hull)))  # fmt: skip
    f = np.array(found, dtype=float)
    return {
        "scenario": name,
        "coverage": np.mean((f[:, 1] <= truth) & (f[:, 2] >= truth)),
        "p<0.05": np.mean(f[:, 3] < 0.05),
        "bias": float(np.exp(np.mean(np.log(f[:, 0])) - np.log(truth))),
        "median_width": float(np.median(f[:, 2] / f[:, 1])),
        "hull_passed": np.mean(f[:, 4]),
        "s_per_fit": seconds / n,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="panels per scenario")
    ap.add_argument("--donors", type=int, default=40)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--only", nargs="*", help="scenario names (default: all)")
    args = ap.parse_args()
    low, high = (stats.binom.ppf(q, args.n, 0.95) / args.n for q in (0.025, 0.975))
    print(f"{args.n} panels per scenario, {args.donors} donors, seed {args.seed}; effect {EFFECT}")
    print(f"a correct 95 % interval covers in {low:.1%} to {high:.1%} of panels (binomial 95 %)")
    rows = []
    for name, spec in SCENARIOS.items():
        if args.only and name not in args.only:
            continue
        rows.append(run(name, spec, args.n, args.donors, args.seed))
        print(pd.DataFrame(rows[-1:]).to_string(index=False, header=len(rows) == 1), flush=True)
    print()
    print(pd.DataFrame(rows).to_string(index=False, float_format=lambda v: f"{v:.3f}"))


if __name__ == "__main__":
    main()
