"""Funnel plot data: control limits around a group rate that allow for overdispersion.

Police and complaint counts vary between municipalities far more than Poisson chance explains
(different reporting, policing and populations), so pure Poisson limits flag most large
municipalities. Spiegelhalter (2005a, "Funnel plots for comparing institutional performance",
*Stat Med* 24:1185; 2005b, "Handling over-dispersion of performance indicators", *Qual Saf
Health Care* 14:347) estimates the excess and widens the limits. Decisions:

- **Scale**: the square root of the ratio observed / expected (2005b, standardised ratios):
  ``y = sqrt(O / E)``, target 1, standard error ``s = 1 / (2 sqrt(E))``, so the z-score is
  ``z = 2 (sqrt(O) - sqrt(E))`` (the variance-stabilising scale of a Poisson count).
- **φ**: the mean of the squared z-scores after winsorising them at their 10th and 90th
  percentiles (linear interpolation, R's default quantile), ``φ = Σ z_w² / I`` over the ``I``
  units (2005b).
- **Which adjustment**: φ ≤ 1, none (exact Poisson limits). 1 < φ ≤ :data:`ADDITIVE_ABOVE` (2):
  multiplicative, every limit's distance from the target times ``sqrt(φ)`` (a quasi-Poisson
  variance ``φ E``). φ above 2: additive random effects, ``τ² = (I φ - (I - 1)) / (Σ w - Σ w² /
  Σ w)`` with ``w = 1 / s² = 4 E`` (DerSimonian-Laird form, 2005b; 0 when negative) and
  standard error ``sqrt(s² + τ²)``. Above 2 the variance is more than twice Poisson: the spread
  of the true rates between municipalities dominates, and it does not shrink with size, so a
  multiplicative factor would still flag nearly every large municipality. Both φ and τ² are
  always reported, with the method used.
- **Exact Poisson limits at small counts, no threshold**: every limit starts from the exact
  Poisson quantile of ``E`` (as the unadjusted funnel), and only its distance from the target
  on the ``y`` scale is multiplied by the widening factor ``sqrt(φ)`` or ``sqrt(s² + τ²) / s =
  sqrt(1 + 4 E τ²)``. Small expected counts thus keep their exact, asymmetric, discrete limits
  (the additive factor tends to 1 as ``E`` falls), large ones get the paper's normal limits on
  the square-root scale. A lower limit below 0 on the ``y`` scale is 0.
- **Who is compared**: at least :data:`MIN_UNITS` (8) municipalities with a count and a
  population; fewer raise :class:`TooFewUnitsError` (a group rate and a φ of a handful of
  municipalities say little). A count the catalogue's ``min_cell`` hides is left out of the
  group rate, φ and τ², and of the flags: with it in the group rate, the rate, the public
  populations and the other published counts would give it back by subtraction.
- Each observed rate also gets an exact (Garwood) 95 % interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from ..common.errors import SocprevError

__all__ = [
    "ADDITIVE_ABOVE",
    "MIN_UNITS",
    "WINSOR",
    "Overdispersion",
    "TooFewUnitsError",
    "estimate",
    "funnel",
    "garwood_interval",
    "limits",
    "z_scores",
]

#: φ above which the additive random-effects adjustment is used instead of the multiplicative.
ADDITIVE_ABOVE = 2.0
#: Share of z-scores winsorised in each tail before φ is estimated.
WINSOR = 0.10

Method = Literal["none", "multiplicative", "additive"]


@dataclass(frozen=True)
class Overdispersion:
    """The estimated overdispersion of ``n`` units and the adjustment it calls for."""

    method: Method
    phi: float
    tau2: float
    n: int

    def widening(self, expected: np.ndarray | float) -> np.ndarray:
        """Factor on the distance of a limit from the target (square-root scale) at ``expected``."""
        e = np.asarray(expected, dtype=float)
        if self.method == "multiplicative":
            return np.full_like(e, np.sqrt(self.phi))
        if self.method == "additive":
            return np.sqrt(1 + 4 * e * self.tau2)
        return np.ones_like(e)


def z_scores(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """Z-scores on the square-root scale: ``2 (sqrt(O) - sqrt(E))``."""
    return 2 * (np.sqrt(np.asarray(observed, float)) - np.sqrt(np.asarray(expected, float)))


def estimate(
    observed: np.ndarray,
    expected: np.ndarray,
    *,
    winsor: float = WINSOR,
    additive_above: float = ADDITIVE_ABOVE,
) -> Overdispersion:
    """φ from winsorised z-scores, τ² (DerSimonian-Laird form) and the adjustment to use.

    Parameters
    ----------
    observed, expected
        Counts and expected counts of the units (expected > 0).
    winsor
        Share winsorised in each tail (0.10: the 10th and 90th percentiles).
    additive_above
        φ above which the additive adjustment is used (see the module's decisions).

    Examples
    --------
    >>> d = estimate([18, 20, 3, 60], [12, 25, 6, 49])
    >>> d.method, round(d.phi, 2), round(d.tau2, 4)
    ('multiplicative', 1.86, 0.0195)
    """
    e = np.asarray(expected, dtype=float)
    z = z_scores(observed, e)
    low, high = np.percentile(z, [100 * winsor, 100 * (1 - winsor)])
    n = len(z)
    phi = float(np.mean(np.clip(z, low, high) ** 2))
    w = 4 * e
    spread = w.sum() - (w**2).sum() / w.sum() if w.sum() > 0 else 0.0
    tau2 = max(0.0, float((n * phi - (n - 1)) / spread)) if spread > 0 else 0.0
    method: Method = (
        "none" if phi <= 1 else "additive" if phi > additive_above else "multiplicative"
    )
    return Overdispersion(method, phi, tau2, n)


def _poisson(mu: np.ndarray, p: float, smooth: bool) -> np.ndarray:
    """The ``p`` quantile of Poisson(``mu``); ``smooth``: interpolated between ``r - 1`` and ``r``
    as Spiegelhalter (2005a) does, for a continuous curve."""
    r = stats.poisson.ppf(p, mu)
    if not smooth:
        return r
    at, below = stats.poisson.cdf(r, mu), stats.poisson.cdf(r - 1, mu)
    alpha = np.divide(at - p, at - below, out=np.zeros_like(mu), where=at > below)
    return np.maximum(r - alpha, 0)


def limits(
    expected: np.ndarray | float,
    level: float,
    dispersion: Overdispersion | None = None,
    *,
    smooth: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper limits (as counts) at ``level`` around each expected count.

    The exact Poisson quantiles of ``expected``, their distance from it on the square-root scale
    widened by ``dispersion`` (none: exact Poisson limits).

    Examples
    --------
    >>> low, high = limits(np.array([4.0, 100.0]), 0.95)
    >>> low.tolist(), high.tolist()
    ([1.0, 81.0], [8.0, 120.0])
    """
    mu = np.atleast_1d(np.asarray(expected, dtype=float))
    f = (dispersion or Overdispersion("none", 1.0, 0.0, 0)).widening(mu)
    out = []
    for p in ((1 - level) / 2, (1 + level) / 2):
        q = _poisson(mu, p, smooth)
        if dispersion is not None and dispersion.method != "none":
            root = np.sqrt(np.divide(q, mu, out=np.ones_like(mu), where=mu > 0))
            q = np.where(mu > 0, mu * np.maximum(1 + f * (root - 1), 0) ** 2, q)
        out.append(q)
    return out[0], out[1]


def garwood_interval(counts: pd.Series | np.ndarray, level: float = 0.95) -> pd.DataFrame:
    """Exact (Garwood) interval of a Poisson mean for each observed count.

    ``low = chi2.ppf(a / 2, 2 x) / 2`` (0 for x = 0), ``high = chi2.ppf(1 - a / 2, 2 x + 2) / 2``.
    """
    x = np.asarray(counts, dtype=float)
    a = 1 - level
    low = np.where(x > 0, stats.chi2.ppf(a / 2, np.maximum(2 * x, 1e-300)) / 2, 0.0)
    high = stats.chi2.ppf(1 - a / 2, 2 * x + 2) / 2
    return pd.DataFrame({"low": low, "high": high})


#: Fewest municipalities a funnel compares (with a count and a population, not hidden).
MIN_UNITS = 8


class TooFewUnitsError(SocprevError, ValueError):
    """Fewer than ``needed`` municipalities to compare in a funnel plot; carries ``n``."""

    def __init__(self, n: int, needed: int):
        self.n, self.needed = n, needed
        super().__init__(
            f"Only {n} municipalit{'y' if n == 1 else 'ies'} with a count and a population "
            f"(small counts hidden); a funnel plot compares at least {needed}. Use another "
            "year or indicator, or more municipalities."
        )


def _hidden(table: pd.DataFrame, count: str, catalogue: pd.DataFrame | None) -> pd.Series:
    """Rows whose count the catalogue's ``min_cell`` hides, or already marked ``suppressed``."""
    from .suppression import suppress

    hidden = pd.Series(False, index=table.index)
    if "suppressed" in table:
        hidden |= table["suppressed"].fillna(False).astype(bool)
    if "indicator_id" in table:
        cells = table[["indicator_id", count]].rename(columns={count: "value"})
        hidden |= suppress(cells, catalogue=catalogue, columns=())["suppressed"]
    return hidden


def funnel(
    table: pd.DataFrame,
    *,
    count: str = "value",
    population: str = "population",
    catalogue: pd.DataFrame | None = None,
    min_units: int = MIN_UNITS,
) -> pd.DataFrame:
    """Funnel plot data: group rate, expected counts, 95 % and 99.8 % limits allowing for
    overdispersion (see the module's decisions), and the hidden counts left out.

    Parameters
    ----------
    table
        One row per municipality for one indicator and one period (filter first).
    count, population
        Column names. Rows without a count or a positive population are left out of the group
        rate and get NaN results.
    catalogue
        For the small-cell rule when ``table`` has ``indicator_id`` (default: the shipped one).
        A count the catalogue's ``min_cell`` hides (or a row already marked ``suppressed``) is
        blanked and left out of the group rate, φ and τ², so that it cannot be recovered from
        the group rate, the populations and the other counts. Do not suppress the output again.
    min_units
        Fewest municipalities compared (shown, with a count and a population).

    Returns
    -------
    pandas.DataFrame
        A copy with ``suppressed``, ``rate_per_1000``, ``group_rate_per_1000``, ``expected``,
        ``z`` (square-root scale), ``low_95``, ``high_95``, ``low_998``, ``high_998`` (adjusted
        limits as counts; divide by the population for rates), ``outside_95``, ``outside_998``,
        the Garwood 95 % interval of the observed rate (``rate_low``, ``rate_high``, per 1,000)
        and, the same on every row, ``overdispersion`` (``"none"``, ``"multiplicative"`` or
        ``"additive"``), ``phi`` and ``tau2``.

    Raises
    ------
    TooFewUnitsError
        Fewer than ``min_units`` municipalities to compare.
    """
    out = table.copy()
    out["suppressed"] = _hidden(out, count, catalogue)
    out[count] = out[count].astype(float).where(~out["suppressed"])
    x = out[count]
    pop = out[population].astype(float).where(out[population] > 0)
    ok = pop.notna() & x.notna()
    if ok.sum() < min_units:
        raise TooFewUnitsError(int(ok.sum()), min_units)
    rate = x[ok].sum() / pop[ok].sum()
    out["rate_per_1000"] = 1000 * x / pop
    out["group_rate_per_1000"] = 1000 * rate
    out["expected"] = rate * pop
    out["z"] = pd.Series(z_scores(x, out["expected"]), out.index).where(ok)
    disp = estimate(x[ok], out.loc[ok, "expected"])
    for name, level in (("95", 0.95), ("998", 0.998)):
        low, high = limits(out["expected"], level, disp)
        out[f"low_{name}"], out[f"high_{name}"] = low, high
        outside = (x < low) | (x > high)
        out[f"outside_{name}"] = outside.where(ok, False).astype(bool)
    ci = garwood_interval(x.fillna(0)).set_axis(out.index)
    out["rate_low"] = (1000 * ci["low"] / pop).where(ok)
    out["rate_high"] = (1000 * ci["high"] / pop).where(ok)
    out["overdispersion"], out["phi"], out["tau2"] = disp.method, disp.phi, disp.tau2
    return out
