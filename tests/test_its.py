"""Tests for socprev_kit.its: effects against an independent statsmodels formula fit, guards."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf

from socprev_kit.errors import SocprevError
from socprev_kit.its import (
    FewPointsWarning,
    ITSDataError,
    ITSResult,
    ITSWarning,
    TooFewPointsError,
    interrupted_time_series,
)

RTOL = 1e-6


def simulate(
    n_pre: int = 36,
    n_post: int = 36,
    level_rr: float = 0.7,
    base: float = 4.0,
    seed: int = 1,
    start: str = "2019-01",
    overdispersed: bool = False,
) -> pd.DataFrame:
    """Monthly counts with a trend, a season and a planted level change at month n_pre."""
    rng = np.random.default_rng(seed)
    months = pd.period_range(start, periods=n_pre + n_post, freq="M")
    t = np.arange(len(months))
    pop = np.linspace(20_000, 21_000, len(months)).round()
    season = 0.2 * np.sin(2 * np.pi * months.month / 12)
    mu = pop / 1000 * base / 10 * np.exp(0.005 * t + season + np.log(level_rr) * (t >= n_pre))
    if overdispersed:
        mu = mu * rng.gamma(5.0, 1 / 5.0, len(mu))
    return pd.DataFrame({"month": months.strftime("%Y-%m"), "n": rng.poisson(mu), "pop": pop})


def reference_fit(df, intervention, family, harmonics=0, slope=False, lag=0, nb_alpha=None):
    """Independent fit with the formula API and patsy terms built here."""
    d = df.copy()
    ym = pd.to_datetime(d["month"])
    first, iv = ym.min(), pd.Timestamp(intervention)
    d["t"] = (ym.dt.year - first.year) * 12 + ym.dt.month - first.month
    t0 = (iv.year - first.year) * 12 + iv.month - first.month + lag
    d["post"] = (d["t"] >= t0).astype(int)
    d["m"] = ym.dt.month
    formula = "n ~ t + post"
    if slope:
        formula += f" + I((t - {t0}) * post)"
    for k in range(1, harmonics + 1):
        formula += f" + np.sin(2 * np.pi * {k} * m / 12) + np.cos(2 * np.pi * {k} * m / 12)"
    off = np.log(d["pop"])
    if family == "negbin":
        nb = smf.negativebinomial(formula, d, offset=off).fit(disp=0, maxiter=200)
        fam = sm.families.NegativeBinomial(alpha=nb.params["alpha"])
    else:
        fam = sm.families.Poisson()
    kw = {"scale": "X2"} if family == "quasipoisson" else {}
    res = smf.glm(formula, d, family=fam, offset=off).fit(**kw)
    names = {"level": "post", "trend": "t"}
    if slope:
        names["slope"] = f"I((t - {t0}) * post)"
    ci = res.conf_int()
    return {
        term: (np.exp(res.params[n]), np.exp(ci.loc[n, 0]), np.exp(ci.loc[n, 1]))
        for term, n in names.items()
    }


def run(df, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ITSWarning)
        return interrupted_time_series(df, count="n", period="month", population="pop", **kw)


def assert_matches(res: ITSResult, ref: dict) -> None:
    eff = res.effects.set_index("term")
    assert set(eff.index) == set(ref)
    for term, (rr, lo, hi) in ref.items():
        got = eff.loc[term, ["rate_ratio", "ci_low", "ci_high"]].to_numpy(dtype=float)
        np.testing.assert_allclose(got, [rr, lo, hi], rtol=RTOL)


@pytest.mark.parametrize(
    ("family", "kw"),
    [
        ("poisson", {}),
        ("quasipoisson", {"harmonics": 2}),
        ("negbin", {}),
        ("quasipoisson", {"slope_change": True, "lag": 2, "harmonics": 1}),
        ("poisson", {"slope_change": True, "lag": 3}),
    ],
)
def test_effects_match_formula_fit(family, kw):
    df = simulate(overdispersed=family != "poisson", seed=3)
    res = run(df, intervention="2022-01", family=family, **kw)
    ref = reference_fit(
        df,
        "2022-01",
        family,
        harmonics=kw.get("harmonics", 0),
        slope=kw.get("slope_change", False),
        lag=kw.get("lag", 0),
    )
    assert_matches(res, ref)
    assert res.diagnostics["family"] == family
    assert (res.diagnostics["aic"] is None) == (family == "quasipoisson")


def test_negbin_alpha_and_dispersion_reported():
    df = simulate(overdispersed=True, seed=5)
    res = run(df, intervention="2022-01", family="negbin")
    assert res.diagnostics["nb_alpha"] > 0
    assert res.diagnostics["dispersion"] > 0
    assert 0 <= res.diagnostics["ljung_box_p"] <= 1


def test_hac_matches_formula_fit_with_documented_maxlags():
    df = simulate(seed=2, overdispersed=True)
    res = run(df, intervention="2022-01", family="quasipoisson", hac=True)
    maxlags = int(np.floor(len(df) ** 0.25))
    assert res.diagnostics["hac_maxlags"] == maxlags == 2
    d = df.assign(t=np.arange(len(df)), post=(np.arange(len(df)) >= 36).astype(int))
    ref = smf.glm("n ~ t + post", d, family=sm.families.Poisson(), offset=np.log(d["pop"])).fit(
        scale="X2", cov_type="HAC", cov_kwds={"maxlags": maxlags}
    )
    ci = ref.conf_int()
    expected = np.exp([ref.params["post"], ci.loc["post", 0], ci.loc["post", 1]])
    got = res.effects.set_index("term").loc["level", ["rate_ratio", "ci_low", "ci_high"]]
    np.testing.assert_allclose(got.to_numpy(dtype=float), expected, rtol=RTOL)


def test_too_few_points_before_raises():
    df = simulate(n_pre=2, n_post=10)
    with pytest.raises(TooFewPointsError, match=r"found 2 before, 10 after") as err:
        run(df, intervention="2019-03")
    assert isinstance(err.value, SocprevError)
    assert (err.value.n_pre, err.value.n_post) == (2, 10)


def test_too_few_points_after_lag_raises():
    df = simulate(n_pre=20, n_post=4)
    with pytest.raises(TooFewPointsError, match=r"found 22 before, 2 after"):
        run(df, intervention=pd.Timestamp("2020-09-01"), lag=2)


def test_few_points_warn_and_note():
    df = simulate(n_pre=8, n_post=20)
    with pytest.warns(FewPointsWarning, match="Only 8 months before"):
        res = interrupted_time_series(
            df, count="n", period="month", population="pop", intervention="2019-09"
        )
    assert res.diagnostics["n_pre"] == 8
    assert any("Only 8 months" in w for w in res.diagnostics["warnings"])


def test_missing_months_keep_calendar_index():
    df = simulate(seed=4)
    gappy = df.drop(index=[10, 11, 12, 40]).sample(frac=1, random_state=0)
    res = run(gappy, intervention="2022-01", family="poisson")
    ref = reference_fit(gappy.sort_values("month"), "2022-01", "poisson")
    assert_matches(res, ref)
    assert res.fitted["period"].is_monotonic_increasing
    assert res.diagnostics["n_pre"] + res.diagnostics["n_post"] == len(df) - 4


def test_zeros_and_small_counts_fit():
    df = simulate(base=0.5, seed=6)
    assert (df["n"] == 0).sum() > 5
    for family in ("poisson", "quasipoisson", "negbin"):
        res = run(df, intervention="2022-01", family=family)
        assert np.isfinite(res.effects["rate_ratio"]).all()


def test_all_zeros_clear_error():
    df = simulate().assign(n=0)
    with pytest.raises(ITSDataError, match="zero in every month"):
        run(df, intervention="2022-01")


def test_counterfactual_equals_fitted_before_intervention():
    df = simulate(seed=7)
    res = run(df, intervention="2022-01", slope_change=True, harmonics=1)
    fit = res.fitted
    pre = fit["period"] < pd.Timestamp("2022-01-01")
    np.testing.assert_allclose(fit.loc[pre, "counterfactual"], fit.loc[pre, "fitted"], rtol=1e-10)
    assert (fit.loc[~pre, "counterfactual"] != fit.loc[~pre, "fitted"]).all()
    np.testing.assert_allclose(
        fit["fitted_per_1000"], fit["fitted"] / fit["population"] * 1000, rtol=1e-12
    )


def test_input_not_mutated_and_no_population():
    df = simulate(seed=8)
    before = df.copy()
    res = interrupted_time_series(
        df, count="n", period="month", intervention="2022-01", family="poisson"
    )
    pd.testing.assert_frame_equal(df, before)
    assert "fitted_per_1000" not in res.fitted.columns
    for month in (pd.to_datetime(df["month"]), pd.PeriodIndex(df["month"], freq="M")):
        other = interrupted_time_series(
            df.assign(month=month),
            count="n",
            period="month",
            intervention="2022-01",
            family="poisson",
        )
        pd.testing.assert_frame_equal(other.effects, res.effects)


def test_planted_level_effect_recovered():
    df = simulate(n_pre=48, n_post=48, level_rr=0.7, base=20.0, seed=11)
    res = run(df, intervention="2023-01", family="quasipoisson", harmonics=1)
    level = res.effects.set_index("term").loc["level"]
    assert level["ci_low"] <= 0.7 <= level["ci_high"]
    assert level["ci_high"] < 1.0


def test_all_zero_after_intervention_warns():
    df = simulate(seed=9)
    df.loc[36:, "n"] = 0
    with pytest.warns(ITSWarning, match="after the intervention is zero"):
        res = interrupted_time_series(
            df,
            count="n",
            period="month",
            population="pop",
            intervention="2022-01",
            family="poisson",
        )
    assert any("is zero" in w for w in res.diagnostics["warnings"])
