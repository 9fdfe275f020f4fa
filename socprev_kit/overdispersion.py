"""Overdispersion of counts compared between units, and the funnel limits that allow for it.

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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import stats

__all__ = ["ADDITIVE_ABOVE", "WINSOR", "Overdispersion", "estimate", "limits", "z_scores"]

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
