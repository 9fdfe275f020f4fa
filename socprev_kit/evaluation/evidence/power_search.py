"""The search of a power calculation: the simulated design (:class:`Plan`), the power of one
change, the bisection over the grid and the crossing of the wanted power.

Helper of :mod:`socprev_kit.evaluation.evidence.power`, whose docstring states the decisions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .power_fit import Analysis
from .power_model import Draws, History, counts, draw, expected, planned_months


@dataclass
class Plan:
    """The simulated design: the analysis, the treated means, the random numbers."""

    analysis: Analysis
    mu: np.ndarray
    post: np.ndarray
    draws: Draws
    control: np.ndarray | None
    direction: str
    alpha: float

    def power(self, change: float) -> float:
        """Share of the simulated series whose level interval excludes 1 the right way."""
        factor = 1 - change if self.direction == "down" else 1 + change
        Y = counts(self.draws, self.mu, np.where(self.post, factor, 1.0))
        if self.control is not None:
            Y = np.hstack([Y, self.control])
        ci = self.analysis.intervals(Y, self.alpha)
        hit = ci[:, 2] < 0 if self.direction == "down" else ci[:, 1] > 0
        return float(np.mean(hit))  # NaN < 0 is False: a refused series is not detected


def series_plan(history: History, start: pd.Period, end: int, lag: int, harmonics: int):  # noqa: ANN202
    """Months (lag months left out), expected counts and population of one planned series."""
    months = planned_months(history, start, end)
    mu = expected(history, months, harmonics)
    pop = np.r_[history.pop, np.full(len(months) - len(history.pop), history.pop[-1])]
    keep = ~((months >= start) & (months < start + lag)).to_numpy()
    return months[keep].reset_index(drop=True), mu[keep], pop[keep]


def make_plan(histories: list[History], start: pd.Period, options: dict, seed: int) -> Plan:
    """The planned design of the treated series (and the comparison's), its random numbers."""
    lag, n = options["lag"], options["n_sims"]
    parts = [series_plan(h, start, options["months_after"] + lag, lag, options["harmonics"])
             for h in histories]  # fmt: skip
    rng = np.random.default_rng(seed)
    draws = [draw(rng, n, months, h) for (months, _, _), h in zip(parts, histories, strict=True)]
    months = pd.concat([p[0] for p in parts], ignore_index=True)
    group = np.concatenate([np.full(len(p[0]), 1.0 - (i > 0)) for i, p in enumerate(parts)])
    offset = np.log(np.concatenate([p[2] for p in parts]))
    analysis = Analysis(
        months, group, start + lag, options["harmonics"], options["slope_change"], offset
    )
    control = counts(draws[1], parts[1][1], np.ones(len(parts[1][1]))) if len(parts) > 1 else None
    post = (parts[0][0] >= start + lag).to_numpy()
    return Plan(analysis, parts[0][1], post, draws[0], control, options["direction"],
                 options["alpha"])  # fmt: skip


def search(plan: Plan, grid: tuple[float, ...], target: float) -> dict[float, float]:
    """Power without a change, at the grid's largest change, a bisection over the grid and one
    point inside the bracket: ``{change: power}``."""
    seen: dict[float, float] = {}

    def at(change: float) -> float:
        if change not in seen:
            seen[change] = plan.power(change)
        return seen[change]

    at(0.0)
    if at(grid[-1]) < target:
        return seen
    lo, hi = -1, len(grid) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if at(grid[mid]) >= target else (mid, hi)
    low = grid[lo] if lo >= 0 else 0.0
    guess = crossing(seen, target)[0]
    if low < round(guess, 3) < grid[hi]:
        at(round(guess, 3))
    return seen


def crossing(seen: dict[float, float], target: float) -> tuple[float, float]:
    """The change where the curve first reaches ``target`` (linear interpolation) and the
    curve's slope there."""
    points = sorted(seen.items())
    for (r0, p0), (r1, p1) in zip(points, points[1:], strict=False):
        if p0 < target <= p1:
            slope = (p1 - p0) / (r1 - r0)
            return r0 + (target - p0) / slope, slope
    return float("nan"), float("nan")
