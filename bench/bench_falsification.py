"""Benchmark: how often the default analysis declares an effect where there is none, with and
without the falsification checks, and what the checks cost in power.

Each series is a "world" simulated with the model of ``bench/bench_its_coverage.py`` (Poisson
counts around a level with Gaussian AR(1) noise on the log scale, marginal sd 0.2, rho drawn
uniformly in [0, 0.6] per world; a yearly season of amplitude 0.25; a trend of -0.3 % a month;
a population growing 1 % a year as the offset; 48 to 84 months, the intervention 40 % to 60 % of
the way in, as the sample's projects): the treated municipality (10 to 100 counts a month), 3
comparison municipalities of similar size, 100 untreated donors (5 to 200 a month, so that the
choice of the closest ones matters) and an outcome of the treated area the project does not move.
All of them share a common shock: a second AR(1) process (sd 0.1, rho 0.6), and in the
"national change" scenarios a level change of 0.85 for everyone at the intervention (a national
measure, a new way of registering). The analysis is the reports' default: quasi-Poisson, one
harmonic, the population offset, AR(1) intervals; uncontrolled, or controlled by the 3
comparisons summed (with leave-one-out over them), and the checks of
:func:`socprev_kit.evaluation.evidence.falsification_checks` with their defaults.

It prints per scenario the share of series where an effect is declared (the level's 95 % interval
excludes 1) by the ITS alone and with the checks (:func:`declares_effect`), each with its binomial
95 % interval (Clopper-Pearson), the share of series where each check fails or cannot run, and
the seconds per finding, and the declared rate had placebo in time failed above other shares
of fake dates (0 %: any one; a sensitivity of its threshold). Null scenarios have no effect on
the treated municipality; power scenarios plant a -30 % level change on it only (counted as found
when declared and lower).

    nice -n 10 .venv/bin/python bench/bench_falsification.py [--n 300] [--n-power 150] [--seed 7]

Measured (seed 7, 300 series per null scenario, 150 per power scenario; about 10 CPU minutes, 20
minutes on 2 shared cores): declared without effect, ITS alone / with the checks: ITS 7.3 % /
2.7 %; ITS with a national change 17.7 % / 3.0 %; controlled ITS with a national change 2.3 % /
2.0 %; all 900 null series 9.1 % [7.3, 11.2] / 2.6 % [1.6, 3.8]. Power on -30 %: ITS 42.7 % /
34.0 %, controlled ITS 28.7 % / 24.7 %.
"""

from __future__ import annotations

import argparse
import time
import warnings
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd
from bench_its_coverage import ar1, layout
from scipy import stats

from socprev_kit.evaluation.evidence import declares_effect, falsification_checks
from socprev_kit.evaluation.its import interrupted_time_series

N_DONORS = 100
N_COMPARISONS = 3
PLANTED = 0.7
NATIONAL = 0.85
OPTIONS = {"family": "quasipoisson", "harmonics": 1}
#: Thresholds of placebo in time whose declared rate is also printed (a sensitivity).
SHARES = (0.0, 0.1, 0.2, 0.3)
SCENARIOS = {
    "ITS, null": {"controlled": False, "national": 1.0, "effect": 1.0},
    "ITS, null, national change": {"controlled": False, "national": NATIONAL, "effect": 1.0},
    "CITS, null, national change": {"controlled": True, "national": NATIONAL, "effect": 1.0},
    "ITS, -30 %": {"controlled": False, "national": 1.0, "effect": PLANTED},
    "CITS, -30 %, national change": {"controlled": True, "national": NATIONAL, "effect": PLANTED},
}


def world(rng: np.random.Generator, spec: dict) -> dict:
    """One treated series with its comparisons, donors and non-target outcome (see above)."""
    length, t0, first = (a[0] for a in layout(rng, 1))
    months = pd.period_range(first, periods=length, freq="M")
    t = np.arange(length)
    season = 0.25 * np.cos(2 * np.pi * (months.month.to_numpy() - 1) / 12)
    common = 0.5 * ar1(rng, 0.6, (1, length))[0] + np.log(spec["national"]) * (t >= t0)
    k = 2 + N_COMPARISONS + N_DONORS
    means = np.exp(rng.uniform(np.log(10), np.log(100), 1)).repeat(2 + N_COMPARISONS)
    means[1 + N_COMPARISONS] = np.exp(rng.uniform(np.log(10), np.log(100)))  # the non-target
    means = np.concatenate([means, np.exp(rng.uniform(np.log(5), np.log(200), N_DONORS))])
    means[1 : 1 + N_COMPARISONS] *= np.exp(rng.uniform(-0.3, 0.3, N_COMPARISONS))
    own = ar1(rng, rng.uniform(0, 0.6), (k, length))
    log_mu = np.log(means)[:, None] - 0.003 * t + season + common + own
    log_mu[0] += np.log(spec["effect"]) * (t >= t0)
    growth = 1 + 0.01 * t / 12
    frames = [
        pd.DataFrame(
            {
                "month": months.astype(str),
                "n": rng.poisson(np.exp(row)),
                "pop": 20_000 * m / 30 * growth,
            }
        )  # fmt: skip
        for row, m in zip(log_mu, means, strict=True)
    ]
    comparisons = {f"c{i}": frames[1 + i] for i in range(N_COMPARISONS)}
    return {"data": frames[0], "intervention": str(months[t0]), "comparisons": comparisons,
            "non_target": frames[1 + N_COMPARISONS],
            "donors": {f"d{i}": f for i, f in enumerate(frames[2 + N_COMPARISONS :])}}  # fmt: skip


def summed(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The comparison series: counts and populations summed per month."""
    both = pd.concat(frames.values())
    return both.groupby("month", as_index=False)[["n", "pop"]].sum()


def analyse(w: dict, controlled: bool) -> dict:
    """The default analysis of one world: the ITS verdict, the checks and the verdict with them."""
    common = {"count": "n", "period": "month", "population": "pop",
              "intervention": w["intervention"]}  # fmt: skip
    control = summed(w["comparisons"]) if controlled else None
    res = interrupted_time_series(w["data"], control=control, **common, **OPTIONS)
    checks = falsification_checks(
        w["data"], control=control, comparisons=w["comparisons"] if controlled else None,
        donors=w["donors"], non_target=w["non_target"], its_options=OPTIONS, result=res,
        **common,
    )  # fmt: skip
    level = res.effects.set_index("term").loc["level"]
    out = {"its": bool(level["p_value"] < 0.05), "lower": bool(level["rate_ratio"] < 1),
           "checks": declares_effect(res, checks)}  # fmt: skip
    for _, r in checks.table.iterrows():
        out[f"{r['check']} {r['status']}"] = 1
        out[f"{r['check']} statistic"] = r["statistic"]
    return out


def run(name: str, n: int, seed: int, part: int, parts: int) -> list[dict]:
    """Every ``parts``-th world of a scenario from ``part`` (deterministic per world)."""
    spec, rows = SCENARIOS[name], []
    for i in range(part, n, parts):
        rng = np.random.default_rng([seed, list(SCENARIOS).index(name), i])
        start = time.perf_counter()
        try:
            found = analyse(world(rng, spec), spec["controlled"])
        except Exception as exc:  # noqa: BLE001  a world the ITS cannot fit declares nothing
            print(f"  {name} #{i}: {type(exc).__name__}: {exc}")
            found = {"its": False, "lower": False, "checks": False}
        rows.append(found | {"scenario": name, "seconds": time.perf_counter() - start})
    return rows


def band(k: int, n: int) -> str:
    """A share with its Clopper-Pearson 95 % interval."""
    low = stats.beta.ppf(0.025, k, n - k + 1) if k else 0.0
    high = stats.beta.ppf(0.975, k + 1, n - k) if k < n else 1.0
    return f"{k / n:6.1%} [{low:.1%}, {high:.1%}]"


def summary(rows: pd.DataFrame) -> pd.DataFrame:
    """Per scenario: declared rates (ITS alone, with checks), check outcomes, seconds."""
    out = []
    for name, g in rows.groupby("scenario", sort=False):
        found = (g["its"], g["checks"])
        if (
            SCENARIOS.get(name, {"effect": 1})["effect"] < 1
        ):  # power: declared and in the planted direction
            found = tuple(f & g["lower"] for f in found)
        line = {"scenario": name, "n": len(g), "ITS alone": band(int(found[0].sum()), len(g)),
                "with checks": band(int(found[1].sum()), len(g))}  # fmt: skip
        for col in sorted(c for c in g if " fail" in c or " not_run" in c):
            line[col] = f"{g[col].fillna(0).mean():.0%}"
        for share in SHARES:
            line[f"with checks, time > {share:.0%}"] = f"{declared_if(g, share, found[0]):.1%}"
        out.append(line | {"s/finding": f"{g['seconds'].mean():.2f}"})
    return pd.DataFrame(out).set_index("scenario").T


def declared_if(g: pd.DataFrame, share: float, its: pd.Series) -> float:
    """The declared rate had placebo in time failed above ``share`` (the other checks as run)."""
    others = [c for c in g if c.endswith(" fail") and not c.startswith("placebo_time")]
    other_fail = g[others].fillna(0).sum(axis=1) > 0
    time_fail = g.get("placebo_time statistic", pd.Series(np.nan, g.index)).fillna(-1) > share
    return float((its & ~other_fail & ~time_fail).mean())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="series per null scenario")
    ap.add_argument("--n-power", type=int, default=150, help="series per power scenario")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", nargs="*", help="scenario names (default: all)")
    args = ap.parse_args()
    names = [s for s in SCENARIOS if not args.only or s in args.only]
    jobs = []
    with ProcessPoolExecutor(args.jobs, initializer=warnings.simplefilter,
                             initargs=("ignore",)) as pool:  # fmt: skip
        for name in names:
            n = args.n if SCENARIOS[name]["effect"] == 1 else args.n_power
            jobs += [pool.submit(run, name, n, args.seed, p, args.jobs) for p in range(args.jobs)]
        rows = pd.DataFrame([r for job in jobs for r in job.result()])
    null = rows["scenario"].map(lambda s: SCENARIOS[s]["effect"] == 1)
    rows = pd.concat([rows, rows[null].assign(scenario="all null series")], ignore_index=True)
    print(f"seed {args.seed}; declared = level's 95 % interval excludes 1 [binomial 95 % interval]")
    print(summary(rows).to_string())


if __name__ == "__main__":
    main()
