"""The reports' interrupted time series, fitted to many simulated series of one calendar at once.

Helper of :mod:`socprev_kit.evaluation.evidence.power`. Every simulated series of a power
calculation has the same months, population and design; only the counts differ. So the design
matrix is built once (:func:`socprev_kit.evaluation.segmented.design`, as
:func:`~socprev_kit.evaluation.its.interrupted_time_series` builds it), the Poisson coefficients
of all series are found together by iteratively reweighted least squares (the maximum likelihood
statsmodels' GLM finds, to 1e-10), and the level's interval of each series comes from the kit's
own AR(1) covariance and degrees of freedom (:func:`~socprev_kit.evaluation.segmented.
covariance`). A series the ITS would refuse (a side, or the comparison, all zero; the same count
every month) has no interval: it counts as not detected, as a report would show no result.
``tests/test_power.py`` checks the intervals against ``interrupted_time_series`` itself.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.genmod import families

from ..segmented import covariance, design

#: IRLS stops when no coefficient moves more than this (on the log scale), or after MAX_ITER.
TOLERANCE = 1e-10
MAX_ITER = 100


class Analysis:
    """The ITS of the reports (quasi-Poisson, AR(1) intervals) on one planned calendar.

    Parameters
    ----------
    months : pandas.Series
        The months (Periods) of the treated series, then of the comparison series if any.
    group : numpy.ndarray
        1 for the treated rows, 0 for the comparison's (all 1 without one).
    start : pandas.Period
        The first month of the post-period (the start plus the lag).
    harmonics, slope_change : int, bool
        As :func:`~socprev_kit.evaluation.its.interrupted_time_series`.
    offset : numpy.ndarray
        The log of the population per row (0 without one).
    """

    def __init__(self, months, group, start, harmonics, slope_change, offset) -> None:  # noqa: ANN001
        controlled = bool((group == 0).any())
        groups = pd.Series(group, index=months.index) if controlled else None
        self.X = design(months, start, slope_change=slope_change, harmonics=harmonics, group=groups)
        self.offset = np.asarray(offset, dtype=float)
        self.group = np.asarray(group, dtype=float)
        self.post = self.X["level"].to_numpy() == 1
        self.term = list(self.X.columns).index("group:level" if controlled else "level")

    def coefficients(self, Y: np.ndarray) -> np.ndarray:
        """Poisson maximum likelihood of every row of ``Y`` (series x months), started as
        statsmodels starts (``mu = (y + mean(y)) / 2``)."""
        X = self.X.to_numpy()
        mu = (Y + Y.mean(axis=1, keepdims=True)) / 2
        eta = np.log(mu)
        beta = np.zeros((len(Y), X.shape[1]))
        for _ in range(MAX_ITER):
            z = eta - self.offset + (Y - mu) / mu
            xtw = X.T[None, :, :] * mu[:, None, :]
            new = np.linalg.solve(xtw @ X, np.einsum("spn,sn->sp", xtw, z)[:, :, None])[:, :, 0]
            done = np.max(np.abs(new - beta)) < TOLERANCE
            beta = new
            eta = beta @ X.T + self.offset
            mu = np.exp(eta)
            if done:
                break
        return beta

    def analysable(self, Y: np.ndarray) -> np.ndarray:
        """Series the ITS would fit: no side of either series all zero, not one count every
        month in the treated series."""
        ok = np.ones(len(Y), dtype=bool)
        for g in np.unique(self.group):
            for side in (self.post, ~self.post):
                rows = (self.group == g) & side
                ok &= Y[:, rows].sum(axis=1) > 0
        treated = Y[:, self.group == 1]
        return ok & (treated.max(axis=1) > treated.min(axis=1))

    def intervals(self, Y: np.ndarray, alpha: float) -> np.ndarray:
        """The level's log rate ratio and its ``1 - alpha`` interval per series (NaN for a
        series the ITS would refuse): an array series x (estimate, low, high)."""
        out = np.full((len(Y), 3), np.nan)
        ok = self.analysable(Y)
        if not ok.any():
            return out
        beta = self.coefficients(Y[ok])
        poisson = SimpleNamespace(family=families.Poisson())
        names, X = list(self.X.columns), self.X.to_numpy()
        for i, b in zip(np.flatnonzero(ok), beta, strict=True):
            y, mu = Y[i], np.exp(X @ b + self.offset)
            res = SimpleNamespace(
                fittedvalues=mu, resid_pearson=(y - mu) / np.sqrt(mu), model=poisson,
                params=pd.Series(b, index=names),
            )  # fmt: skip
            cov, df, _ = covariance(res, self.X, self.group, "ar1")
            se = np.sqrt(cov[self.term, self.term])
            q = stats.t.ppf(1 - alpha / 2, df)
            out[i] = b[self.term], b[self.term] - q * se, b[self.term] + q * se
        return out
