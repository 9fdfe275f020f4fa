"""Benchmark: coverage of the ITS's 95 % interval of the level change on simulated monthly counts.

Each scenario simulates ``--n`` series (fixed seed) of 48 to 84 months (drawn per series), the
intervention between 40 % and 60 % of the way, a population growing 1 % a year (the offset), a
falling trend (-0.3 % a month), a yearly season (amplitude 0.25 on the log scale) and a planted
level change of 0.8. Overdispersion and autocorrelation come from a Gaussian AR(1) process on the
log scale (marginal sd 0.2, coefficient rho), the counts are Poisson given it. Scenarios: rho in
{0, 0.3, 0.6} x a mean of 15 or 150 a month at the start; ``gaps``: the months 2020-03 to 2021-06
left out (as the reports may do for COVID-19) of series 16 months longer, so that about 48 to 84
months remain; ``control``: a controlled ITS, the comparison series
(mean 150, its own AR(1) noise) shares the trend, season and a common change of 0.9, the treated
series has 0.9 x 0.8 (the truth of ``level`` is 0.8).

Methods, all quasi-Poisson with one harmonic and the population offset, fitted in the same run:

* ``old``: the GLM's own interval with normal quantiles (``autocorrelation="independent"``, the
  default before issue 13);
* ``old hac``: statsmodels' Newey-West over rows, ``maxlags = floor(n ** 0.25)`` (the old
  ``hac=True``);
* ``hac``: Newey-West on the calendar, Andrews bandwidth, small-sample factor, t quantiles
  (``hac=True`` now);
* ``ar1``: AR(1) errors on the calendar, moment estimates corrected for the fit, t quantiles (the
  default now).

It prints, per scenario and method, the coverage (share of series whose interval holds 0.8), its
binomial 95 % band for that many series, the median width of the interval (ci_high / ci_low) and
the seconds taken.

    nice -n 10 .venv/bin/python bench/bench_its_coverage.py [--n 500] [--seed 13] [--jobs 2]
"""

from __future__ import annotations

import argparse
import time
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM

from socprev_kit.evaluation import segmented as seg
from socprev_kit.evaluation.its import interrupted_time_series

TRUE_RR = 0.8
COMMON_RR = 0.9
SIGMA = 0.2
COVID = ("2020-03", "2021-06")
GAP_MONTHS = 16
SCENARIOS = {
    f"rho={rho} mean={mean}": {"rho": rho, "mean": mean}
    for mean in (15, 150)
    for rho in (0.0, 0.3, 0.6)
}
SCENARIOS["rho=0.6 mean=15 gaps"] = {"rho": 0.6, "mean": 15, "gaps": True}
SCENARIOS["rho=0.3 mean=15 control"] = {"rho": 0.3, "mean": 15, "control": True}
SCENARIOS["rho=0.6 mean=150 control"] = {"rho": 0.6, "mean": 150, "control": True}


def ar1(rng: np.random.Generator, rho: float, shape: tuple[int, int]) -> np.ndarray:
    """Stationary Gaussian AR(1) rows with marginal sd :data:`SIGMA` (vectorised over rows)."""
    eps = rng.normal(0, SIGMA * np.sqrt(1 - rho**2), shape)
    eps[:, 0] = rng.normal(0, SIGMA, shape[0])
    for t in range(1, shape[1]):
        eps[:, t] += rho * eps[:, t - 1]
    return eps


def layout(rng: np.random.Generator, n: int, extra: int = 0) -> tuple[np.ndarray, ...]:
    """Per series: length (48 to 84 months, plus ``extra``), intervention index, first month."""
    length = rng.integers(48, 85, n) + extra
    t0 = np.round(length * rng.uniform(0.4, 0.6, n)).astype(int)
    return length, t0, pd.Period("2016-01", "M") + rng.integers(0, 24, n)


def simulate(rng: np.random.Generator, shape: tuple, rho: float, mean: float, effect: float):
    """Series (months, counts, population) and their interventions on ``shape`` (a layout)."""
    length, t0, first = shape
    t = np.arange(length.max())
    pop = 20_000 * (1 + 0.01 * t / 12)
    log_mu = np.log(mean) + np.log(pop / pop[0]) - 0.003 * t + ar1(rng, rho, (len(length), len(t)))
    out = []
    for i in range(len(length)):
        months = pd.period_range(first[i], periods=length[i], freq="M")
        season = 0.25 * np.cos(2 * np.pi * (months.month.to_numpy() - 1) / 12)
        mu = np.exp(log_mu[i, : length[i]] + season + np.log(effect) * (t[: length[i]] >= t0[i]))
        frame = pd.DataFrame({"month": months.astype(str), "n": rng.poisson(mu)})
        out.append((frame.assign(pop=pop[: length[i]]), str(months[t0[i]])))
    return out


def _old_hac(df: pd.DataFrame, intervention: str) -> tuple[float, float]:
    """The interval of the old ``hac=True``: statsmodels' Newey-West over rows."""
    month = pd.Series(pd.PeriodIndex(df["month"], freq="M"))
    X = seg.design(month, pd.Period(intervention, "M"), slope_change=False, harmonics=1)
    res = GLM(df["n"].to_numpy(), X, family=families.Poisson(), offset=np.log(df["pop"])).fit(
        scale="X2", cov_type="HAC", cov_kwds={"maxlags": int(np.floor(len(df) ** 0.25))}
    )
    low, high = np.exp(res.conf_int().loc["level"])
    return float(low), float(high)


METHODS = {
    "old": {"autocorrelation": "independent"},
    "old hac": None,
    "hac": {"hac": True},
    "ar1": {},
}


def interval(df: pd.DataFrame, intervention: str, control: pd.DataFrame | None, method: str):
    """(ci_low, ci_high) of the level change by ``method``, or None if it does not apply."""
    if METHODS[method] is None:
        return None if control is not None else _old_hac(df, intervention)
    if control is not None and "hac" in METHODS[method]:
        return None  # refused with a control
    res = interrupted_time_series(
        df, count="n", period="month", population="pop", intervention=intervention,
        control=control, harmonics=1, **METHODS[method],
    )  # fmt: skip
    row = res.effects.set_index("term").loc["level"]
    return float(row["ci_low"]), float(row["ci_high"])


def run(name: str, spec: dict, n: int, seed: int, methods: list) -> list[dict]:
    """Coverage, median width and seconds of every method on one scenario."""
    rng = np.random.default_rng([seed, list(SCENARIOS).index(name)])
    effect = TRUE_RR * COMMON_RR if spec.get("control") else TRUE_RR
    shape = layout(rng, n, GAP_MONTHS if spec.get("gaps") else 0)
    series = simulate(rng, shape, spec["rho"], spec["mean"], effect)
    controls = [None] * n
    if spec.get("control"):
        controls = [s for s, _ in simulate(rng, shape, spec["rho"], 150, COMMON_RR)]
    if spec.get("gaps"):
        series = [(s[(s["month"] < COVID[0]) | (s["month"] > COVID[1])], iv) for s, iv in series]
    rows = []
    for method in methods:
        t_start, found = time.perf_counter(), []
        for (df, iv), ctl in zip(series, controls, strict=True):
            try:
                found.append(interval(df, iv, ctl, method))
            except Exception as exc:  # noqa: BLE001  a series the method cannot fit counts as a miss
                found.append((np.nan, np.nan))
                print(f"  {name} {method}: {type(exc).__name__}: {exc}")
        if any(f is None for f in found):
            continue
        ci = np.array(found)
        covered = (ci[:, 0] <= TRUE_RR) & (ci[:, 1] >= TRUE_RR)
        rows.append({"scenario": name, "method": method, "coverage": covered.mean(),
                     "median_width": np.nanmedian(ci[:, 1] / ci[:, 0]),
                     "seconds": time.perf_counter() - t_start})  # fmt: skip
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500, help="series per scenario")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--only", nargs="*", help="scenario names (default: all)")
    ap.add_argument("--methods", nargs="*", default=list(METHODS), help="default: all")
    ap.add_argument("--jobs", type=int, default=2, help="processes (scenarios in parallel)")
    args = ap.parse_args()
    low, high = (stats.binom.ppf(q, args.n, 0.95) / args.n for q in (0.025, 0.975))
    print(f"{args.n} series per scenario, seed {args.seed}; true level change {TRUE_RR}")
    print(f"a correct 95 % interval covers in {low:.1%} to {high:.1%} of series (binomial 95 %)")
    names = [name for name in SCENARIOS if not args.only or name in args.only]
    rows = []
    with ProcessPoolExecutor(
        args.jobs, initializer=warnings.simplefilter, initargs=("ignore",)
    ) as pool:
        jobs = [pool.submit(run, n, SCENARIOS[n], args.n, args.seed, args.methods) for n in names]
        for job in as_completed(jobs):
            found = job.result()
            rows += found
            print(pd.DataFrame(found).to_string(index=False, header=False), flush=True)
    table = pd.DataFrame(rows).pivot(index="scenario", columns="method", values="coverage")
    width = pd.DataFrame(rows).pivot(index="scenario", columns="method", values="median_width")
    cols = [m for m in METHODS if m in table]
    out = table[cols].map(lambda v: "-" if pd.isna(v) else f"{v:.1%}")
    out += width[cols].map(lambda v: "" if pd.isna(v) else f" ({v:.2f})")
    print("\ncoverage (median width ci_high / ci_low)\n")
    print(out.loc[[s for s in SCENARIOS if s in out.index]].to_string())


if __name__ == "__main__":
    main()
