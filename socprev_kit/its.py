"""Interrupted time series: segmented regression of monthly counts.

The model follows Bernal, Cummins and Gasparrini (2017), with the centred slope-change term of
their corrected code, so that the level change is the immediate change at the intervention:

    log mu_t = offset + b0 + b1 t + b2 post_t [+ b3 (t - t0) post_t] + harmonics(month)

``t`` counts calendar months from the first month (missing months leave gaps), ``post_t`` is 1 from
the intervention month plus ``lag`` and ``t0`` is the index of that month. The offset is the log of
the population when one is given. Decisions:

- quasi-Poisson is a Poisson GLM whose scale is Pearson chi2 / df (``scale="X2"``);
- negative binomial: the NB2 dispersion ``alpha`` is first estimated by maximum likelihood with
  :class:`statsmodels.discrete.discrete_model.NegativeBinomial`, then held fixed in a GLM with
  ``sm.families.NegativeBinomial(alpha=alpha)``, which gives the coefficients and intervals;
- HAC (Newey-West) standard errors use ``maxlags = floor(n ** (1 / 4))`` with ``n`` the number
  of months observed. The sandwich does not use the quasi-Poisson scale, so with ``hac=True``
  Poisson and quasi-Poisson give the same intervals.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.discrete.discrete_model import NegativeBinomial
from statsmodels.stats.diagnostic import acorr_ljungbox

from .errors import SocprevError

__all__ = [
    "FewPointsWarning",
    "ITSDataError",
    "ITSResult",
    "ITSWarning",
    "TooFewPointsError",
    "interrupted_time_series",
]

MIN_POINTS = 3
PREFERRED_POINTS = 12


class TooFewPointsError(SocprevError):
    """Fewer than 3 observed months before or after the intervention."""

    def __init__(self, n_pre: int, n_post: int) -> None:
        self.n_pre = n_pre
        self.n_post = n_post
        super().__init__(
            f"An interrupted time series needs at least {MIN_POINTS} months before and "
            f"{MIN_POINTS} after the intervention (found {n_pre} before, {n_post} after). "
            "Add more months of data or move the intervention date (12 each are preferred)."
        )


class ITSDataError(SocprevError):
    """The series cannot be modelled (all zeros, negative counts, bad population, duplicates)."""


class ITSWarning(UserWarning):
    """The model was fitted, but its estimates need caution."""


class FewPointsWarning(ITSWarning):
    """Fewer than 12 observed months before or after the intervention."""


@dataclass(frozen=True)
class ITSResult:
    """Result of :func:`interrupted_time_series`.

    Attributes
    ----------
    effects : pandas.DataFrame
        One row per term (``trend``, ``level`` and, with a slope change, ``slope``) with
        ``rate_ratio``, ``ci_low``, ``ci_high`` and ``p_value``. ``trend`` and ``slope`` are
        ratios per month.
    fitted : pandas.DataFrame
        ``period``, ``observed``, ``fitted``, ``counterfactual`` (intervention terms set to 0),
        plus ``population`` and the same three series per 1,000 inhabitants when a population
        is given.
    diagnostics : dict
        ``n_pre``, ``n_post``, ``dispersion``, ``ljung_box_p``, ``ljung_box_lags``, ``aic``
        (None for quasi-Poisson), ``family``, ``nb_alpha`` (negative binomial only),
        ``hac_maxlags`` (None without HAC) and ``warnings``.
    model : statsmodels GLMResults
        The fitted model.
    """

    effects: pd.DataFrame
    fitted: pd.DataFrame
    diagnostics: dict[str, Any] = field(default_factory=dict)
    model: Any = None


def _prepare(data: pd.DataFrame, count: str, period: str, population: str | None) -> pd.DataFrame:
    """Return a new frame with ``month`` (Period), ``y`` and ``pop``, sorted, checked."""
    cols = [count, period] + ([population] if population else [])
    missing = [c for c in cols if c not in data.columns]
    if missing:
        raise ITSDataError(f"Column(s) {missing} not found; the table has {list(data.columns)}.")
    when = data[period]
    when = when.dt.to_timestamp() if isinstance(when.dtype, pd.PeriodDtype) else when
    df = pd.DataFrame({"month": pd.PeriodIndex(pd.to_datetime(when), freq="M")})
    df["y"] = pd.to_numeric(data[count], errors="coerce").to_numpy(dtype=float)
    df["pop"] = data[population].to_numpy(dtype=float) if population else np.nan
    df = df.dropna(subset=["y"]).sort_values("month", ignore_index=True)
    if df["month"].duplicated().any():
        dups = sorted({str(m) for m in df.loc[df["month"].duplicated(), "month"]})
        raise ITSDataError(f"Months {dups} appear more than once; give one row per month.")
    if (df["y"] < 0).any():
        raise ITSDataError(f"Column {count!r} has negative counts; counts must be >= 0.")
    if population and not (df["pop"] > 0).all():
        raise ITSDataError(f"Column {population!r} must be a positive number in every month.")
    if len(df) and (df["y"] == 0).all():
        raise ITSDataError(
            f"Column {count!r} is zero in every month: there is nothing to model. "
            "Check the indicator and the period, or report the series descriptively."
        )
    return df


def _design(df: pd.DataFrame, start: pd.Period, slope_change: bool, harmonics: int) -> pd.DataFrame:
    """Design matrix: constant, months since the first month, level, slope, harmonics."""
    first = df["month"].iloc[0]
    t = np.array([(m - first).n for m in df["month"]], dtype=float)
    t0 = float((start - first).n)
    post = (t >= t0).astype(float)
    X = pd.DataFrame({"const": 1.0, "trend": t, "level": post})
    if slope_change:
        X["slope"] = (t - t0) * post
    month = df["month"].dt.month.to_numpy(dtype=float)
    for k in range(1, harmonics + 1):
        X[f"sin{k}"] = np.sin(2 * np.pi * k * month / 12)
        X[f"cos{k}"] = np.cos(2 * np.pi * k * month / 12)
    return X


def _fit(
    y: np.ndarray, X: pd.DataFrame, offset: np.ndarray, family: str, hac: bool
) -> tuple[Any, dict[str, Any]]:
    """Fit the GLM; return the results and extra diagnostics (alpha, maxlags)."""
    extra: dict[str, Any] = {"nb_alpha": None, "hac_maxlags": None}
    if family == "negbin":
        nb = NegativeBinomial(y, X, loglike_method="nb2", offset=offset).fit(disp=0, maxiter=200)
        extra["nb_alpha"] = float(nb.params["alpha"])
        glm_family = sm.families.NegativeBinomial(alpha=extra["nb_alpha"])
    elif family in ("poisson", "quasipoisson"):
        glm_family = sm.families.Poisson()
    else:
        raise ValueError(f"family must be 'poisson', 'quasipoisson' or 'negbin', not {family!r}")
    kwargs: dict[str, Any] = {"scale": "X2"} if family == "quasipoisson" else {}
    if hac:
        extra["hac_maxlags"] = int(math.floor(len(y) ** 0.25))
        kwargs.update(cov_type="HAC", cov_kwds={"maxlags": extra["hac_maxlags"]})
    model = sm.GLM(y, X, family=glm_family, offset=offset)
    return model.fit(**kwargs), extra


def _effects(res: Any, terms: list[str], alpha: float) -> pd.DataFrame:
    """Rate ratios with Wald intervals for the named terms."""
    ci = res.conf_int(alpha=alpha)
    ci = pd.DataFrame(np.asarray(ci), index=res.params.index)
    with np.errstate(over="ignore"):  # a separated segment gives an infinite bound, not noise
        return pd.DataFrame(
            {
                "term": terms,
                "rate_ratio": np.exp(res.params[terms].to_numpy()),
                "ci_low": np.exp(ci.loc[terms, 0].to_numpy()),
                "ci_high": np.exp(ci.loc[terms, 1].to_numpy()),
                "p_value": res.pvalues[terms].to_numpy(),
            }
        )


def _fitted(
    df: pd.DataFrame, X: pd.DataFrame, res: Any, offset: np.ndarray, per_capita: bool
) -> pd.DataFrame:
    """Observed, fitted and counterfactual series (and rates per 1,000 with a population)."""
    Xcf = X.copy()
    Xcf[[c for c in ("level", "slope") if c in Xcf]] = 0.0
    out = pd.DataFrame(
        {
            "period": df["month"].dt.to_timestamp(),
            "observed": df["y"].to_numpy(),
            "fitted": np.asarray(res.fittedvalues),
            "counterfactual": np.exp(Xcf.to_numpy() @ res.params.to_numpy() + offset),
        }
    )
    if per_capita:
        out["population"] = df["pop"].to_numpy()
        for col in ("observed", "fitted", "counterfactual"):
            out[f"{col}_per_1000"] = out[col] / out["population"] * 1000
    return out


def _guard(df: pd.DataFrame, start: pd.Period) -> tuple[int, int, list[str]]:
    """Count months on each side; refuse below 3, warn below 12 or on an all-zero side."""
    pre = df["month"] < start
    n_pre, n_post = int(pre.sum()), int((~pre).sum())
    if n_pre < MIN_POINTS or n_post < MIN_POINTS:
        raise TooFewPointsError(n_pre, n_post)
    notes: list[tuple[str, type[UserWarning]]] = []
    if n_pre < PREFERRED_POINTS or n_post < PREFERRED_POINTS:
        msg = f"Only {n_pre} months before and {n_post} after the intervention; "
        msg += f"{PREFERRED_POINTS} each are preferred, so read the estimates with caution."
        notes.append((msg, FewPointsWarning))
    for side, mask in (("before", pre), ("after", ~pre)):
        if (df.loc[mask, "y"] == 0).all():
            msg = f"Every count {side} the intervention is zero: the level change cannot be "
            notes.append(
                (msg + "estimated reliably (its rate ratio tends to 0 or infinity).", ITSWarning)
            )
    for msg, category in notes:
        warnings.warn(msg, category, stacklevel=3)
    return n_pre, n_post, [msg for msg, _ in notes]


def _diagnostics(res: Any, family: str, n_pre: int, n_post: int) -> dict[str, Any]:
    """Dispersion, Ljung-Box p-value on Pearson residuals, AIC."""
    n = int(res.nobs)
    lags = max(1, min(PREFERRED_POINTS, n // 4))
    lb = acorr_ljungbox(np.asarray(res.resid_pearson), lags=[lags])
    return {
        "n_pre": n_pre,
        "n_post": n_post,
        "dispersion": float(res.pearson_chi2 / res.df_resid),
        "ljung_box_p": float(lb["lb_pvalue"].iloc[0]),
        "ljung_box_lags": lags,
        "aic": None if family == "quasipoisson" else float(res.aic),
        "family": family,
    }


def interrupted_time_series(
    data: pd.DataFrame,
    *,
    count: str,
    period: str,
    intervention: str | pd.Timestamp,
    population: str | None = None,
    family: Literal["poisson", "quasipoisson", "negbin"] = "quasipoisson",
    harmonics: int = 0,
    slope_change: bool = False,
    lag: int = 0,
    hac: bool = False,
    alpha: float = 0.05,
) -> ITSResult:
    """Segmented regression of monthly counts around an intervention.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per month; not modified. Missing months are allowed; rows with a missing
        count are dropped.
    count, period : str
        Columns with the counts (>= 0) and the month (``YYYY-MM`` strings or timestamps).
    intervention : str or pandas.Timestamp
        Month the intervention started.
    population : str, optional
        Column with the population; its log is the offset, so ratios are ratios of rates.
    family : {"poisson", "quasipoisson", "negbin"}
        Error model; see the module docstring for the negative binomial dispersion.
    harmonics : int
        Number of sine/cosine pairs of the calendar month for seasonality (0 to 6).
    slope_change : bool
        Add a (centred) change of slope after the intervention.
    lag : int
        Months after ``intervention`` before the effect is expected to start.
    hac : bool
        Newey-West standard errors with ``maxlags = floor(n ** 0.25)``.
    alpha : float
        1 - confidence level of the intervals.

    Returns
    -------
    ITSResult

    Raises
    ------
    TooFewPointsError
        Fewer than 3 observed months before or after the intervention (+ lag).
    ITSDataError
        All counts zero, negative counts, non-positive population, duplicate months.

    Examples
    --------
    >>> months = pd.period_range("2020-01", periods=48, freq="M").astype(str)
    >>> counts = [20] * 24 + [10] * 24
    >>> df = pd.DataFrame({"month": months, "n": counts})
    >>> res = interrupted_time_series(df, count="n", period="month", intervention="2022-01")
    >>> round(float(res.effects.set_index("term").loc["level", "rate_ratio"]), 2)
    0.5
    """
    if not 0 <= harmonics <= 6:
        raise ValueError(f"harmonics must be between 0 and 6, not {harmonics}")
    df = _prepare(data, count, period, population)
    start = pd.Period(pd.Timestamp(intervention), freq="M") + int(lag)
    n_pre, n_post, notes = _guard(df, start)
    X = _design(df, start, slope_change, harmonics)
    offset = np.log(df["pop"].to_numpy()) if population else np.zeros(len(df))
    res, extra = _fit(df["y"].to_numpy(), X, offset, family, hac)
    terms = ["trend", "level"] + (["slope"] if slope_change else [])
    diagnostics = _diagnostics(res, family, n_pre, n_post)
    diagnostics.update(extra, warnings=notes)
    return ITSResult(
        effects=_effects(res, terms, alpha),
        fitted=_fitted(df, X, res, offset, population is not None),
        diagnostics=diagnostics,
        model=res,
    )
