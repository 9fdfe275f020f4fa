"""The segmented GLM behind :mod:`socprev_kit.its`: design matrices, fit, rate ratios, diagnostics.

Private helpers; the model and its decisions are documented in :mod:`socprev_kit.its`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

# statsmodels' own modules, not statsmodels.api, here and in the other modules: that imports all
# of statsmodels (formulas, time series ...), 0.2 s more in every report kernel
from statsmodels.discrete.discrete_model import NegativeBinomial
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM
from statsmodels.stats.diagnostic import acorr_ljungbox

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


def fit(
    y: np.ndarray, X: pd.DataFrame, offset: np.ndarray, family: str, hac: bool
) -> tuple[Any, dict[str, Any]]:
    """Fit the GLM; return the results and extra diagnostics (``nb_alpha``, ``hac_maxlags``)."""
    extra: dict[str, Any] = {"nb_alpha": None, "hac_maxlags": None}
    if family == "negbin":
        nb = NegativeBinomial(y, X, loglike_method="nb2", offset=offset).fit(disp=0, maxiter=200)
        extra["nb_alpha"] = float(nb.params["alpha"])
        glm_family = families.NegativeBinomial(alpha=extra["nb_alpha"])
    elif family in ("poisson", "quasipoisson"):
        glm_family = families.Poisson()
    else:
        raise ValueError(f"family must be 'poisson', 'quasipoisson' or 'negbin', not {family!r}")
    kwargs: dict[str, Any] = {"scale": "X2"} if family == "quasipoisson" else {}
    if hac:
        extra["hac_maxlags"] = int(math.floor(len(y) ** 0.25))
        kwargs.update(cov_type="HAC", cov_kwds={"maxlags": extra["hac_maxlags"]})
    model = GLM(y, X, family=glm_family, offset=offset)
    return model.fit(**kwargs), extra


def effects(res: Any, terms: dict[str, dict[str, float]], alpha: float) -> pd.DataFrame:
    """Rate ratios with Wald intervals and p-values of sums of coefficients (``res.t_test``)."""
    names = list(res.params.index)
    L = np.array([[weights.get(n, 0.0) for n in names] for weights in terms.values()])
    test = res.t_test(L)
    ci = np.asarray(test.conf_int(alpha=alpha))
    with np.errstate(over="ignore"):  # a separated segment gives an infinite bound, not noise
        return pd.DataFrame(
            {
                "term": list(terms),
                "rate_ratio": np.exp(np.ravel(test.effect)),
                "ci_low": np.exp(ci[:, 0]),
                "ci_high": np.exp(ci[:, 1]),
                "p_value": np.ravel(test.pvalue),
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
