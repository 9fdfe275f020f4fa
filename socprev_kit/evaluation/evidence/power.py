"""Power before the start: the smallest change a planned design would detect.

:func:`minimum_detectable_effect` answers "could this project ever show an effect of the size
it aims for?" from the municipality's own history, before the project starts. Decisions:

- **The municipality's own model.** The months of the series before the start are fitted as
  the reports' ITS fits a series (quasi-Poisson, trend, ``harmonics``, population offset), and
  its overdispersion and autocorrelation are the ITS's own estimates (the latent AR(1) level of
  :mod:`socprev_kit.evaluation.autocorrelation`: ``Var(y) = mu + b mu^2``, coefficient
  ``rho``), so the simulation is as noisy as the series the analysis will meet; the simulation
  model is the one that calibrated the ITS's intervals (``bench/bench_its_coverage.py``).
- **The planned design, simulated whole.** Every simulated series has the history's months (its
  gaps kept), the months between the end of the data and the start (simulated as before), and
  ``months_after`` months from the start (after the ``lag`` months, which the ITS leaves out);
  the trend and season are carried on and the population stays at its last value. All of it is
  simulated, the months before the start too: the power is a property of the design, not of the
  one history that happened (which would also need the latent level's path conditioned on it).
- **The change** multiplies the level from the start on by ``1 - r`` (``direction="down"``) or
  ``1 + r`` (``"up"``); no change of slope is simulated.
- **The analysis the reports run** on every simulated series: quasi-Poisson, ``harmonics``,
  the population offset, AR(1) intervals with t quantiles, the comparison series when given
  (a controlled ITS; the comparison's future is simulated from its own history, without a change,
  independently of the treated series: a shock common to both would cancel in the difference, so
  this is the cautious side). Fitted all at once (:mod:`.power_fit`, equal to
  :func:`~socprev_kit.evaluation.its.interrupted_time_series` to 1e-12 on the log scale), about
  100 times faster than one call per series. "Detected": the level's ``1 - alpha`` interval lies
  wholly below 1 (``"down"``) or above 1 (``"up"``); a series the ITS would refuse (e.g. no count
  at all after the start) counts as not detected, as a report would show no result.
- **Common random numbers.** One set of random numbers (latent level, uniforms turned into
  counts by the Poisson quantile function) serves every change tried, so a larger change gives
  smaller (larger) counts in every series and the curve is monotone up to the refitting's noise.
- **The search.** The power at the largest change of :data:`GRID` first (below ``power``: not
  detectable, ``mde`` NaN), then a bisection over the grid's nice values, one more point at the
  linear interpolation inside the bracket, and the MDE by linear interpolation of the curve
  between the two points that bracket ``power``; the power without a change (the false
  detection rate, about ``alpha / 2``) completes the curve. About 7 points x ``n_sims`` series.
- **The simulation's error of the MDE** (``mde_se``): the binomial error of the power at the
  crossing, ``sqrt(power (1 - power) / n_sims)``, divided by the slope of the curve between the
  bracketing points (the delta method for the root of the estimated curve); ``mde_interval`` is
  the MDE +- 1.96 ``mde_se``. The error of the history's own estimates (its level, ``b``,
  ``rho``) is not in it: the MDE is for a series like this one's history, taken as known.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from .power_model import History, fit_history
from .power_search import Plan, crossing, make_plan, search
from .power_texts import describe, not_in, plan_error

__all__ = ["GRID", "PowerResult", "minimum_detectable_effect"]

#: The relative changes a search may try, per direction (bisection over them, then one point
#: inside the bracket). The largest is the limit of "detectable".
GRID = {
    "down": (0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95),
    "up": (0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0),
}
#: The quantile of the normal distribution of ``mde_interval``.
Z95 = 1.959964


@dataclass(frozen=True)
class PowerResult:
    """Result of :func:`minimum_detectable_effect`.

    Attributes
    ----------
    mde : float
        The smallest relative change (0.30: a fall of 30 %) detected with probability
        ``power``; NaN when not :attr:`detectable`.
    mde_se : float
        Its simulation error (see the module docstring); NaN when not detectable.
    mde_interval : tuple of float
        ``mde`` +- 1.96 ``mde_se``, within 0 and the largest change tried.
    curve : pandas.DataFrame
        ``change`` (relative, 0 included), ``power`` (share of simulated series detected),
        ``power_se`` (its binomial error), sorted by change.
    n_sims : int
        Simulated series per point of the curve.
    assumptions : dict
        ``level_per_month`` (the expected count a month over the last 12 months before),
        ``dispersion`` (quasi-Poisson), ``latent_variance`` (``b``), ``rho``,
        ``trend_per_month`` (a rate ratio), ``months_before``, ``months_after``, ``lag``,
        ``harmonics``, ``population`` (the last, or None), ``false_detection`` (the power
        without a change), ``controlled`` and, with a comparison, ``comparison_level_per_month``,
        ``comparison_dispersion`` and ``comparison_rho``; ``seconds`` taken.
    detectable : bool
        False when even the largest change of :data:`GRID` is detected less often than
        ``power``.
    reason : str
        Why not detectable (``"too_few"``), else ``""``.
    direction, power, alpha : str, float, float
        As asked.
    """

    mde: float
    mde_se: float
    mde_interval: tuple[float, float]
    curve: pd.DataFrame
    n_sims: int
    assumptions: dict
    detectable: bool
    reason: str
    direction: str
    power: float
    alpha: float

    def describe(self, lang: str = "nl") -> str:
        """The finding in one or two plain sentences in ``lang`` (nl, fr, en)."""
        return describe(self, lang)


def _check(direction: str, alpha: float, power: float, months_after: int, n_sims: int) -> None:
    if direction not in ("down", "up"):
        raise ValueError(f"direction must be 'down' or 'up', not {direction!r}")
    if not (0 < alpha < 1 and 0 < power < 1):
        raise ValueError(f"alpha and power must be between 0 and 1, not {alpha} and {power}")
    if int(n_sims) < 20:
        raise ValueError(f"n_sims must be at least 20, not {n_sims}")
    if int(months_after) < 3:
        raise plan_error("few_after", n=int(months_after), need=3)


def _assumptions(histories: list[History], plan: Plan, options: dict) -> dict:
    h = histories[0]
    months_before = int((plan.analysis.group == 1).sum() - plan.post.sum())
    out = {
        "level_per_month": h.level,
        "dispersion": h.dispersion,
        "latent_variance": h.b,
        "rho": h.rho,
        "trend_per_month": float(np.exp(h.beta[h.names.index("trend")])),
        "months_before": months_before,
        "months_after": int(options["months_after"]),
        "lag": int(options["lag"]),
        "harmonics": int(options["harmonics"]),
        "population": float(h.pop[-1]) if options["population"] else None,
        "controlled": len(histories) > 1,
    }
    if len(histories) > 1:
        c = histories[1]
        out.update(comparison_level_per_month=c.level, comparison_dispersion=c.dispersion,
                   comparison_rho=c.rho)  # fmt: skip
    return out


def minimum_detectable_effect(
    series: pd.DataFrame,
    *,
    count: str,
    period: str,
    intervention: str | pd.Timestamp | pd.Period,
    months_after: int,
    population: str | None = None,
    alpha: float = 0.05,
    power: float = 0.8,
    harmonics: int = 1,
    comparison: pd.DataFrame | None = None,
    n_sims: int = 200,
    seed: int = 0,
    direction: Literal["down", "up"] = "down",
    lag: int = 0,
    slope_change: bool = False,
) -> PowerResult:
    """The smallest relative change of the level the planned ITS would detect.

    Parameters
    ----------
    series : pandas.DataFrame
        The municipality's monthly counts (one row per month); only the months before
        ``intervention`` are used (at least 12).
    count, period, population : str
        Columns as :func:`~socprev_kit.evaluation.its.interrupted_time_series` takes them.
    intervention : str, Timestamp or Period
        The planned start (``"2026-01"``).
    months_after : int
        Months of data the evaluation will have from the start (after ``lag``), at least 3.
    alpha, power : float
        The interval's ``1 - alpha`` level (two-sided, as the reports) and the probability of
        detecting the change asked of the MDE.
    harmonics, lag, slope_change : int, int, bool
        As the reports fit the ITS (one harmonic, the project's lag and slope change).
    comparison : pandas.DataFrame, optional
        A comparison series with the same columns: the design is a controlled ITS.
    n_sims, seed : int
        Simulated series per point of the power curve (at least 20); the random seed.
    direction : {"down", "up"}
        A fall (the level times ``1 - r``) or a rise (``1 + r``) is to be detected.

    Returns
    -------
    PowerResult

    Raises
    ------
    PowerDataError
        Fewer than 12 months before the start (``few_months``), every count zero
        (``no_counts``), a series the ITS cannot read (``unusable``), fewer than 3 months
        after (``few_after``); ``key`` names which and its texts say it in nl/fr/en.

    Examples
    --------
    >>> months = pd.period_range("2022-01", periods=48, freq="M").astype(str)
    >>> rng = np.random.default_rng(1)
    >>> df = pd.DataFrame({"month": months, "n": rng.poisson(40, 48)})
    >>> res = minimum_detectable_effect(df, count="n", period="month",
    ...                                 intervention="2026-01", months_after=24)
    >>> 0.1 < res.mde < 0.3
    True
    """
    t0 = time.perf_counter()
    _check(direction, alpha, power, months_after, n_sims)
    start = pd.Period(intervention, freq="M")
    columns = (count, period, population)
    histories = [fit_history(series, columns, start, harmonics)]
    if comparison is not None:
        histories.append(fit_history(comparison, columns, start, harmonics, not_in("comparison")))
    options = {"months_after": int(months_after), "lag": int(lag), "harmonics": harmonics,
               "slope_change": slope_change, "n_sims": int(n_sims), "direction": direction,
               "alpha": alpha, "population": population}  # fmt: skip
    plan = make_plan(histories, start, options, seed)
    seen = search(plan, GRID[direction], power)
    return _result(seen, histories, plan, options, power, time.perf_counter() - t0)


def _result(seen, histories, plan, options, power, seconds) -> PowerResult:  # noqa: ANN001
    n = options["n_sims"]
    curve = pd.DataFrame(sorted(seen.items()), columns=["change", "power"])
    curve["power_se"] = np.sqrt(curve["power"] * (1 - curve["power"]) / n)
    top = GRID[options["direction"]][-1]
    mde, slope = crossing(seen, power)
    detectable = bool(np.isfinite(mde))
    se = float(np.sqrt(power * (1 - power) / n) / slope) if detectable else float("nan")
    interval = (max(mde - Z95 * se, 0.0), min(mde + Z95 * se, top)) if detectable else (np.nan,) * 2
    assumptions = _assumptions(histories, plan, options)
    assumptions.update(false_detection=seen[0.0], seconds=seconds)
    return PowerResult(
        mde=float(mde), mde_se=se, mde_interval=tuple(map(float, interval)), curve=curve,
        n_sims=n, assumptions=assumptions, detectable=detectable,
        reason="" if detectable else "too_few", direction=options["direction"], power=power,
        alpha=options["alpha"],
    )  # fmt: skip
