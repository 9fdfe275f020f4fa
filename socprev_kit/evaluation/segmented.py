"""The segmented GLM behind :mod:`socprev_kit.evaluation.its`: design matrices, fit, rate ratios,
diagnostics.

Private helpers; the model and its decisions are documented in :mod:`socprev_kit.evaluation.its`.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

# statsmodels' own modules, not statsmodels.api, here and in the other modules: that imports all
# of statsmodels (formulas, time series ...), 0.2 s more in every report kernel
from statsmodels.discrete.discrete_model import NegativeBinomial
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM
from statsmodels.stats.diagnostic import acorr_ljungbox

from . import autocorrelation as ac

#: A negative binomial ``alpha`` below this is at the boundary (the model is Poisson).
NB_ALPHA_MIN = 1e-5
#: Ljung-Box lags: at most this many, and at most a quarter of the treated months.
MAX_LB_LAGS = 12


def design(
    month: pd.Series,
    start: pd.Period,
    *,
    slope_change: bool,
    harmonics: int,
    group: pd.Series | None = None,
) -> pd.DataFrame:
    """Design matrix on the calendar that starts at the first month of ``month``.

    Columns ``const, trend, level, [slope]``, then with ``group`` (1 = treated, 0 = comparison)
    ``group`` and its interactions ``group:trend, group:level, [group:slope]``, then the shared
    harmonics ``sin1, cos1, ...``. ``trend`` counts calendar months, so gaps stay gaps.

    Examples
    --------
    >>> m = pd.Series(pd.period_range("2024-01", periods=4, freq="M"))
    >>> design(m, pd.Period("2024-03", "M"), slope_change=True, harmonics=0)["slope"].tolist()
    [0.0, 0.0, 0.0, 1.0]
    """
    first = month.min()
    t = np.array([(m - first).n for m in month], dtype=float)
    t0 = float((start - first).n)
    post = (t >= t0).astype(float)
    X = pd.DataFrame({"const": 1.0, "trend": t, "level": post}, index=month.index)
    if slope_change:
        X["slope"] = np.maximum(t - t0, 0.0)  # (t - t0) post, centred at t0
    if group is not None:
        g = group.to_numpy(dtype=float)
        X = X.assign(group=g, **{f"group:{c}": g * X[c] for c in X.columns[1:]})
    calendar = month.dt.month.to_numpy(dtype=float)
    for k in range(1, harmonics + 1):
        X[f"sin{k}"] = np.sin(2 * np.pi * k * calendar / 12)
        X[f"cos{k}"] = np.cos(2 * np.pi * k * calendar / 12)
    return X


def contrasts(slope_change: bool, controlled: bool) -> dict[str, dict[str, float]]:
    """Term of the effects table → weights of the coefficients whose sum it reports."""
    if not controlled:
        terms = ["trend", "level"] + (["slope"] if slope_change else [])
        return {term: {term: 1.0} for term in terms}
    out = {"trend": {"trend": 1.0, "group:trend": 1.0}, "level": {"group:level": 1.0}}
    if slope_change:
        out["slope"] = {"group:slope": 1.0}
    out.update(trend_difference={"group:trend": 1.0}, control_level={"level": 1.0})
    if slope_change:
        out["control_slope"] = {"slope": 1.0}
    return out


def _negbin(y: np.ndarray, X: pd.DataFrame, offset: np.ndarray) -> tuple[float | None, str]:
    """NB2 ``alpha`` by maximum likelihood, or None and why not.

    Tries statsmodels' default start (BFGS), then the Poisson coefficients with a moment
    estimate of ``alpha`` (BFGS, then Nelder-Mead). An ``alpha`` below :data:`NB_ALPHA_MIN` is at
    the boundary: the data show no overdispersion the negative binomial could model.
    """
    model = NegativeBinomial(y, X, loglike_method="nb2", offset=offset)
    poisson = GLM(y, X, family=families.Poisson(), offset=offset).fit()
    excess = poisson.pearson_chi2 / poisson.df_resid - 1
    start = np.r_[poisson.params.to_numpy(), max(excess / poisson.fittedvalues.mean(), 0.05)]
    tries = [{}, {"start_params": start}, {"start_params": start, "method": "nm", "maxiter": 5000}]
    alpha = None
    for kwargs in tries:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence warnings: checked below
            nb = model.fit(disp=0, **{"maxiter": 300, **kwargs})
        alpha = float(nb.params.iloc[-1])
        if nb.mle_retvals.get("converged", False) and np.isfinite(alpha):
            if alpha < NB_ALPHA_MIN:
                return None, f"alpha at the boundary ({alpha:.1g}): no overdispersion to model"
            return alpha, ""
    return None, f"the maximum likelihood did not converge (last alpha {alpha:.3g})"


def fit(
    y: np.ndarray, X: pd.DataFrame, offset: np.ndarray, family: str
) -> tuple[Any, dict[str, Any]]:
    """Fit the GLM; return the results and extra diagnostics.

    ``nb_alpha``, ``nb_converged`` (None unless negative binomial), ``fallback`` (the family used
    instead of the one asked, or None) and ``fallback_reason``.
    """
    if family not in ("poisson", "quasipoisson", "negbin"):
        raise ValueError(f"family must be 'poisson', 'quasipoisson' or 'negbin', not {family!r}")
    extra: dict[str, Any] = {"nb_alpha": None, "nb_converged": None, "fallback": None,
                             "fallback_reason": None}  # fmt: skip
    glm_family = families.Poisson()
    if family == "negbin":
        alpha, why = _negbin(y, X, offset)
        extra.update(nb_alpha=alpha, nb_converged=alpha is not None)
        if alpha is None:
            extra.update(fallback="quasipoisson", fallback_reason=why)
        else:
            glm_family = families.NegativeBinomial(alpha=alpha)
    fitted = extra["fallback"] or family
    kwargs: dict[str, Any] = {"scale": "X2"} if fitted == "quasipoisson" else {}
    model = GLM(y, X, family=glm_family, offset=offset)
    return model.fit(**kwargs), extra


def effects(
    res: Any, terms: dict[str, dict[str, float]], alpha: float, cov: Any = None, df: Any = None
) -> pd.DataFrame:
    """Rate ratios with Wald intervals and p-values of sums of coefficients.

    Without ``cov``, the GLM's own covariance and normal quantiles (``res.t_test``); with ``cov``
    (the AR(1) covariance) Student t quantiles with ``df`` degrees of freedom.
    """
    names = list(res.params.index)
    L = np.array([[weights.get(n, 0.0) for n in names] for weights in terms.values()])
    if cov is None:
        test = res.t_test(L)
        est, ci, p = np.ravel(test.effect), np.asarray(test.conf_int(alpha=alpha)), test.pvalue
    else:
        est = L @ res.params.to_numpy()
        se = np.sqrt(np.einsum("ij,jk,ik->i", L, cov, L))
        q = stats.t.ppf(1 - alpha / 2, df)
        ci = np.column_stack([est - q * se, est + q * se])
        with np.errstate(divide="ignore", invalid="ignore"):
            p = 2 * stats.t.sf(np.abs(est / se), df)
    with np.errstate(over="ignore"):  # a separated segment gives an infinite bound, not noise
        return pd.DataFrame(
            {
                "term": list(terms),
                "rate_ratio": np.exp(est),
                "ci_low": np.exp(ci[:, 0]),
                "ci_high": np.exp(ci[:, 1]),
                "p_value": np.ravel(p),
            }
        )


def diagnostics(res: Any, family: str, treated: np.ndarray) -> dict[str, Any]:
    """Dispersion (whole fit), Ljung-Box p-value on the treated rows' Pearson residuals, AIC."""
    n = int(treated.sum())
    lags = max(1, min(MAX_LB_LAGS, n // 4))
    lb = acorr_ljungbox(np.asarray(res.resid_pearson)[treated], lags=[lags])
    return {
        "dispersion": float(res.pearson_chi2 / res.df_resid),
        "ljung_box_p": float(lb["lb_pvalue"].iloc[0]),
        "ljung_box_lags": lags,
        "aic": None if family == "quasipoisson" else float(res.aic),
        "family": family,
    }


def covariance(
    res: Any, X: pd.DataFrame, group: np.ndarray, method: str
) -> tuple[np.ndarray | None, int | None, dict[str, Any]]:
    """The coefficients' covariance, the t degrees of freedom and diagnostics for ``method``.

    ``"independent"``: the GLM's own (None, normal quantiles); ``"ar1"``: AR(1) errors on the
    calendar; ``"hac"``: Newey-West on the calendar. See
    :mod:`socprev_kit.evaluation.autocorrelation`.
    """
    info: dict[str, Any] = {"se_method": method, "ar1_rho": None, "hac_maxlags": None}
    if method == "independent":
        return None, None, info
    t, n_obs = X["trend"].to_numpy(dtype=float), len(X)
    if method == "ar1":
        cov, found = ac.ar1_covariance(res, X.to_numpy(), t, group)
    elif method == "hac":
        cov, found = ac.hac_covariance(res, X.to_numpy(), t, group)
        info["hac_maxlags"] = found["hac_maxlags"]
    else:
        raise ValueError(f"autocorrelation must be 'ar1' or 'independent', not {method!r}")
    info["ar1_rho"] = float(found["ar1_rho"][1.0])
    n_eff = found.get("n_eff", n_obs)
    return cov, max(n_eff - X.shape[1], 1.0), info
