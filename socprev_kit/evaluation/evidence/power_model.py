"""The planned design of a power calculation: a series' own history fitted by the kit's model,
and counts simulated from it with common random numbers.

Helper of :mod:`socprev_kit.evaluation.evidence.power` (whose docstring states the decisions).
The history is fitted as the ITS fits a series (:func:`socprev_kit.evaluation.segmented.fit`,
quasi-Poisson, the same trend and harmonics, the population offset) and its overdispersion and
autocorrelation are the ITS's own estimates (:func:`socprev_kit.evaluation.autocorrelation.
ar1_covariance`): ``Var(y) = mu + b mu^2`` with a latent level ``mu exp(e_t)``, ``e_t`` a
stationary AR(1) with coefficient ``rho`` on the calendar. A simulated series draws ``e_t``
(Gaussian, variance ``log(1 + b)``, mean ``-log(1 + b) / 2`` so that ``E exp(e) = 1`` and
``Var exp(e) = b``) and Poisson counts given it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from ...common.errors import SocprevError
from ..autocorrelation import ar1_covariance
from ..its_data import ITSDataError, prepare_series
from ..segmented import design, fit

#: Months before the start a power calculation needs: a year, so that the season, the trend and
#: the dispersion can be told apart (the ITS itself prefers 12 each side).
MIN_MONTHS = 12


class PowerDataError(SocprevError):
    """The series cannot give a power calculation; ``key`` and ``fields`` name the reason (the
    texts of :mod:`socprev_kit.evaluation.evidence.power_texts` say it in nl/fr/en)."""

    def __init__(self, key: str, message: str, **fields: object) -> None:
        self.key = key
        self.fields = fields
        super().__init__(message)


@dataclass(frozen=True)
class History:
    """A series' months before the start and the kit's model of them.

    ``beta`` (named by ``names``: const, trend, harmonics), ``b`` and ``rho`` (the latent
    AR(1) level), ``dispersion`` (the quasi-Poisson Pearson chi2 / df), ``pop`` (per month, 1
    without a population) and ``level`` (the expected count per month over the last 12 months).
    """

    months: pd.Series
    beta: np.ndarray
    names: list[str]
    b: float
    rho: float
    dispersion: float
    pop: np.ndarray
    level: float


def fit_history(
    data: pd.DataFrame, columns: tuple, intervention: pd.Period, harmonics: int, where: str = ""
) -> History:
    """The kit's model of the months of ``data`` before ``intervention``.

    ``columns`` is ``(count, period, population or None)``. Raises :class:`PowerDataError`
    (``few_months``, ``no_counts``, ``unusable``).
    """
    try:
        df = prepare_series(data, *columns, where)
    except ITSDataError as exc:
        if "zero in every month" in str(exc):
            raise PowerDataError("no_counts", str(exc), where=where) from exc
        raise PowerDataError("unusable", str(exc), where=where, reason=str(exc)) from exc
    df = df[df["month"] < intervention].reset_index(drop=True)
    if len(df) < MIN_MONTHS:
        msg = f"{len(df)} months before the start{where}; a power calculation needs {MIN_MONTHS}."
        raise PowerDataError("few_months", msg, n=len(df), need=MIN_MONTHS, where=where)
    if (df["y"] == 0).all():
        msg = f"Every count before the start{where} is zero: no change could be measured."
        raise PowerDataError("no_counts", msg, where=where)
    X = design(df["month"], intervention, slope_change=False, harmonics=harmonics)
    X = X.drop(columns="level")
    pop = df["pop"].to_numpy() if columns[2] else np.ones(len(df))
    res, _ = fit(df["y"].to_numpy(), X, np.log(pop), "quasipoisson")
    group = np.ones(len(df))
    _, found = ar1_covariance(res, X.to_numpy(), X["trend"].to_numpy(dtype=float), group)
    return History(
        months=df["month"],
        beta=res.params.to_numpy(),
        names=list(X.columns),
        b=float(found["scale"][1.0][1]),
        rho=float(found["ar1_rho"][1.0]),
        dispersion=float(res.pearson_chi2 / res.df_resid),
        pop=pop,
        level=float(np.mean(np.asarray(res.fittedvalues)[-12:])),
    )


def planned_months(history: History, intervention: pd.Period, months_after: int) -> pd.Series:
    """The months of the planned series: the history's, the months between its end and the
    start (simulated as before the start), and ``months_after`` months from the start."""
    last = intervention + int(months_after) - 1
    future = pd.period_range(history.months.iloc[-1] + 1, last, freq="M")
    return pd.concat([history.months, pd.Series(future)], ignore_index=True)


def expected(history: History, months: pd.Series, harmonics: int) -> np.ndarray:
    """Expected counts of ``months`` without a change: the fitted trend and season carried on,
    the population of the history's last month after it."""
    X = design(months, months.iloc[-1] + 1, slope_change=False, harmonics=harmonics)
    pop = np.r_[history.pop, np.full(len(months) - len(history.pop), history.pop[-1])]
    return np.exp(X[history.names].to_numpy() @ history.beta) * pop


@dataclass(frozen=True)
class Draws:
    """The random numbers of ``n`` simulated series, shared by every change tried (common
    random numbers): ``latent`` multipliers ``exp(e_t)`` and ``uniforms`` for the counts."""

    latent: np.ndarray
    uniforms: np.ndarray


def draw(rng: np.random.Generator, n: int, months: pd.Series, history: History) -> Draws:
    """The latent AR(1) level on the whole calendar (gaps included), then the months of
    ``months``; one uniform per simulated month for the Poisson counts."""
    at = np.array([(m - months.iloc[0]).n for m in months])
    var = np.log1p(max(history.b, 0.0))
    rho = history.rho
    z = rng.standard_normal((n, at[-1] + 1))
    e = np.empty_like(z)
    e[:, 0] = z[:, 0]
    for t in range(1, z.shape[1]):
        e[:, t] = rho * e[:, t - 1] + np.sqrt(1 - rho**2) * z[:, t]
    latent = np.exp(np.sqrt(var) * e[:, at] - var / 2)
    return Draws(latent=latent, uniforms=rng.random((n, len(months))))


def counts(draws: Draws, mu: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """Poisson counts given the latent level, ``mu * factor`` per month, by the inverse of
    the distribution function: the same uniforms give counts that only grow with the mean, so
    the simulated power curve is monotone in the change."""
    mean = draws.latent * (mu * factor)[None, :]
    return np.maximum(stats.poisson.ppf(draws.uniforms, mean), 0.0)
