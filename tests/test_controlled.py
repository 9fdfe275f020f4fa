"""Difference-in-differences and weighted displacement difference against hand calculations."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf

import socprev_kit as sk
from socprev_kit.common.paths import sample_data_path
from socprev_kit.evaluation.comparison import comparison_series
from socprev_kit.evaluation.controlled import (
    difference_in_differences,
    weighted_displacement_difference,
)

YEAR = (12, 12)

Z = 1.959963984540054


def _p(z: float) -> float:
    return math.erfc(abs(z) / math.sqrt(2))


def test_wdd_without_displacement():
    r = weighted_displacement_difference(60, 40, 50, 55, periods=YEAR).iloc[0]
    # (40 - 60) - (55 - 50) = -25; variance 60 + 40 + 50 + 55 = 205
    assert r["wdd"] == -25
    assert r["se"] == pytest.approx(math.sqrt(205))
    assert r["z"] == pytest.approx(-25 / math.sqrt(205))
    assert r["p_value"] == pytest.approx(_p(-25 / math.sqrt(205)))
    assert not r["displacement"]


def test_wdd_with_displacement():
    r = weighted_displacement_difference(60, 40, 50, 55, 30, 35, 40, 42, periods=YEAR).iloc[0]
    # -25 + (35 - 30) - (42 - 40) = -22; variance 205 + 30 + 35 + 40 + 42 = 352
    assert r["wdd"] == -22
    assert r["se"] == pytest.approx(math.sqrt(352))
    assert r["p_value"] == pytest.approx(_p(-22 / math.sqrt(352)))
    assert r["displacement"]


def test_wdd_guards():
    with pytest.raises(ValueError, match="all four"):
        weighted_displacement_difference(1, 2, 3, 4, d0=1, periods=YEAR)
    zero = weighted_displacement_difference(0, 0, 0, 0, periods=YEAR).iloc[0]
    assert zero["wdd"] == 0 and np.isnan(zero["z"])


def _areas(t=(10, 5), c=(20, 20), tp=(1000, 1000), cp=(1000, 1000)):
    mk = lambda v, p: pd.DataFrame({"period": ["2023", "2024"], "value": v, "pop": p})  # noqa: E731
    return mk(list(t), list(tp)), mk(list(c), list(cp))


def test_did_two_by_two():
    t, c = _areas()
    r = difference_in_differences(t, c, pre=["2023"], post=["2024"], family="poisson").iloc[0]
    assert r["did"] == -5  # (5 - 10) - (20 - 20)
    # saturated Poisson: RR = (5 / 10) / (20 / 20); se log RR = sqrt(1/10 + 1/5 + 1/20 + 1/20)
    se = math.sqrt(0.4)
    assert r["rate_ratio"] == pytest.approx(0.5)
    assert r["ci_low"] == pytest.approx(0.5 * math.exp(-Z * se), rel=1e-6)
    assert r["ci_high"] == pytest.approx(0.5 * math.exp(Z * se), rel=1e-6)
    assert r["p_value"] == pytest.approx(_p(math.log(0.5) / se), rel=1e-6)


def test_did_population_offset_and_ranges():
    t, c = _areas(tp=(1000, 2000))
    r = difference_in_differences(
        t, c, pre=("2023", "2023"), post=("2024", "2024"), population="pop", family="poisson"
    )
    # treated rate 10/1000 -> 5/2000, control unchanged: RR = 0.25
    assert r["rate_ratio"].item() == pytest.approx(0.25)
    with pytest.raises(ValueError, match="before and one after"):
        difference_in_differences(t, c, pre=["2020"], post=["2024"])


def test_did_means_over_several_periods():
    t = pd.DataFrame(
        {"period": ["2023-01", "2023-02", "2024-01", "2024-02"], "value": [8, 12, 4, 6]}
    )
    c = pd.DataFrame(
        {"period": ["2023-01", "2023-02", "2024-01", "2024-02"], "value": [9, 11, 9, 13]}
    )
    r = difference_in_differences(t, c, pre=("2023-01", "2023-12"), post=("2024-01", "2024-12"))
    assert r["did"].item() == pytest.approx((5 - 10) - (11 - 10))
    assert r["rate_ratio"].item() == pytest.approx((10 / 20) / (22 / 20))


def test_wdd_all_zeros_gives_nan_test():
    zero = weighted_displacement_difference(0, 0, 0, 0, 0, 0, 0, 0, periods=YEAR).iloc[0]
    assert zero["wdd"] == 0 and zero["se"] == 0
    assert np.isnan(zero["z"]) and np.isnan(zero["p_value"])


def test_did_zero_cells_give_nan_rate_ratio():
    t, c = _areas(c=(0, 0))
    with pytest.warns(UserWarning, match="control before, control after"):
        r = difference_in_differences(t, c, pre=["2023"], post=["2024"]).iloc[0]
    assert r["did"] == -5 and r["control_pre"] == 0
    assert r[["rate_ratio", "ci_low", "ci_high", "p_value"]].isna().all()
    with pytest.warns(UserWarning, match="rate ratio is undefined"):
        both = difference_in_differences(*_areas(t=(0, 0), c=(0, 0)), pre=["2023"], post=["2024"])
    assert both["did"].item() == 0 and np.isnan(both["rate_ratio"].item())


# ---------------------------------------------------------------- WDD: shared control, WDQ


def test_wdd_shared_control_variance_by_hand():
    # one control area C serves the treated area T and the displacement area D:
    # WDD = dT - dC + dD - dC = (40 - 60) + (35 - 30) - 2 (55 - 50) = -25
    # Var = T0 + T1 + D0 + D1 + 2^2 (C0 + C1) = 60 + 40 + 30 + 35 + 4 * 105 = 585
    r = weighted_displacement_difference(60, 40, 50, 55, 30, 35, periods=YEAR, shared_control=True)
    r = r.iloc[0]
    assert r["wdd"] == -25 and r["shared_control"] and r["displacement"]
    assert r["se"] == pytest.approx(math.sqrt(585))
    assert r["p_value"] == pytest.approx(_p(-25 / math.sqrt(585)))
    assert r["ci_low"] == pytest.approx(-25 - Z * math.sqrt(585))
    # giving the control twice as if it were two areas understates the variance, and says so
    with pytest.warns(UserWarning, match="shared_control=True"):
        naive = weighted_displacement_difference(60, 40, 50, 55, 30, 35, 50, 55, periods=YEAR)
    assert naive["wdd"].item() == -25 and naive["se"].item() == pytest.approx(math.sqrt(375))
    with pytest.raises(ValueError, match="leave dc0 and dc1 out"):
        weighted_displacement_difference(1, 2, 3, 4, 5, 6, 7, 8, periods=YEAR, shared_control=True)
    with pytest.raises(ValueError, match="d0 and d1"):
        weighted_displacement_difference(1, 2, 3, 4, periods=YEAR, shared_control=True)


def test_wdd_shared_control_variance_by_simulation():
    """The variance formula against the spread of the WDD over simulated Poisson counts."""
    rng = np.random.default_rng(13)
    n = 200_000
    mean = {"t0": 60, "t1": 40, "c0": 50, "c1": 55, "d0": 30, "d1": 35}
    x = {k: rng.poisson(m, n) for k, m in mean.items()}
    draws = (x["t1"] - x["t0"]) - (x["c1"] - x["c0"]) + (x["d1"] - x["d0"]) - (x["c1"] - x["c0"])
    se = weighted_displacement_difference(*mean.values(), periods=YEAR, shared_control=True)
    assert draws.std() == pytest.approx(se["se"].item(), rel=0.01)


def test_wdd_refuses_unequal_periods():
    with pytest.raises(ValueError, match=r"before period \(24\) and the after period \(12\)"):
        weighted_displacement_difference(60, 40, 50, 55, periods=(24, 12))
    with pytest.raises(ValueError, match="lengths"):
        weighted_displacement_difference(60, 40, 50, 55, periods=(0, 0))
    ok = weighted_displacement_difference(60, 40, 50, 55, periods=(6.0, 6))
    assert ok["wdd"].item() == -25


def test_wdq_displacement_by_hand():
    # Bowers & Johnson: success = T1/C1 - T0/C0 = 40/55 - 60/50 < 0 (the treated area improved);
    # buffer = D1/Cd1 - D0/Cd0 = 35/42 - 30/40 > 0 (the displacement area got worse)
    r = weighted_displacement_difference(60, 40, 50, 55, 30, 35, 40, 42, periods=YEAR).iloc[0]
    success = 40 / 55 - 60 / 50
    assert r["success_measure"] == pytest.approx(success)
    assert r["wdq"] == pytest.approx((35 / 42 - 30 / 40) / success)
    assert r["wdq"] < 0 and r["wdq_reading"] == "displacement"


def test_wdq_diffusion_no_success_and_undefined():
    # shared control: success 60/100 - 100/100 = -0.4, buffer 40/100 - 50/100 = -0.1
    r = weighted_displacement_difference(
        100, 60, 100, 100, 50, 40, periods=YEAR, shared_control=True
    )
    assert r["wdq"].item() == pytest.approx(0.25)
    assert r["wdq_reading"].item() == "diffusion_of_benefits"
    worse = weighted_displacement_difference(50, 60, 100, 100, 50, 40, 90, 110, periods=YEAR)
    assert worse["success_measure"].item() == pytest.approx(0.1)
    assert np.isnan(worse["wdq"].item()) and worse["wdq_reading"].item() == "no_success"
    empty = weighted_displacement_difference(50, 40, 100, 100, 5, 4, 0, 3, periods=YEAR)
    assert np.isnan(empty["wdq"].item()) and empty["wdq_reading"].item() == "undefined"
    local = weighted_displacement_difference(50, 40, 100, 100, periods=YEAR)
    assert np.isnan(local["wdq"].item()) and local["wdq_reading"].item() is None


# ---------------------------------------------------------------- DiD: quasi-Poisson, rates


def _monthly_pair(seed: int = 3) -> pd.DataFrame:
    """Two areas, 12 months before and 12 after, overdispersed counts and changing populations."""
    rng = np.random.default_rng(seed)
    months = [f"2023-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}" for m in range(1, 13)]
    rows = []
    for treated, base, pop in ((1, 40.0, 50_000), (0, 60.0, 80_000)):
        for i, period in enumerate(months):
            post = int(i >= 12)
            mean = base * (0.7 if treated and post else 1.0) * rng.gamma(5, 1 / 5)
            rows.append((treated, post, period, rng.poisson(mean), pop + 300 * i))
    return pd.DataFrame(rows, columns=["treated", "post", "period", "value", "population"])


def test_did_defaults_to_quasipoisson_like_statsmodels():
    d = _monthly_pair()
    t, c = d[d["treated"] == 1], d[d["treated"] == 0]
    r = difference_in_differences(
        t, c, pre=("2023-01", "2023-12"), post=("2024-01", "2024-12"), population="population"
    ).iloc[0]
    ref = smf.glm(
        "value ~ treated * post", d, family=sm.families.Poisson(), offset=np.log(d["population"])
    ).fit(scale="X2")
    low, high = np.exp(ref.conf_int().loc["treated:post"])
    assert r["rate_ratio"] == pytest.approx(math.exp(ref.params["treated:post"]))
    assert (r["ci_low"], r["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    assert r["p_value"] == pytest.approx(ref.pvalues["treated:post"])
    # the dispersion is Pearson chi2 / (n - 4), by hand from the cell means of the saturated fit
    cell = d.groupby(["treated", "post"])[["value", "population"]].transform("sum")
    mu = d["population"] * cell["value"] / cell["population"]
    assert r["dispersion"] == pytest.approx((((d["value"] - mu) ** 2) / mu).sum() / (48 - 4))
    assert r["dispersion"] > 1


def test_did_with_population_compares_rates_per_1000():
    t = pd.DataFrame({"period": ["2023-01", "2023-02", "2024-01", "2024-02"],
                      "value": [8, 12, 4, 6], "pop": [1000, 1000, 2000, 2000]})  # fmt: skip
    c = t.assign(value=[9, 11, 9, 13], pop=[4000, 4000, 4000, 4000])
    r = difference_in_differences(
        t, c, pre=("2023-01", "2023-12"), post=("2024-01", "2024-12"), population="pop"
    ).iloc[0]
    # treated 20 / 2000 -> 10 / 4000 per 1,000 a month: 10 -> 2.5; control 20 / 8000 -> 22 / 8000
    assert r["treated_pre_per_1000"] == pytest.approx(10)
    assert r["treated_post_per_1000"] == pytest.approx(2.5)
    assert r["control_pre_per_1000"] == pytest.approx(2.5)
    assert r["control_post_per_1000"] == pytest.approx(2.75)
    assert r["did_per_1000"] == pytest.approx((2.5 - 10) - (2.75 - 2.5))
    assert "did" not in r.index and "treated_pre" not in r.index
    assert r["rate_ratio"] == pytest.approx((2.5 / 10) / (2.75 / 2.5))
    with pytest.raises(ValueError, match="'pop' must be a positive population"):
        difference_in_differences(t.assign(pop=0), c, pre=["2023-01"], post=["2024-01"],
                                  population="pop")  # fmt: skip


def test_did_quasipoisson_needs_more_than_one_period_per_cell():
    t, c = _areas()
    with pytest.warns(UserWarning, match="Quasi-Poisson needs more than one period"):
        r = difference_in_differences(t, c, pre=["2023"], post=["2024"]).iloc[0]
    assert r["rate_ratio"] == pytest.approx(0.5)
    assert r[["ci_low", "ci_high", "p_value"]].isna().all()


@pytest.mark.slow
def test_did_covers_the_planted_truth_of_the_sample():
    """GEN-DAM (Gent) against Brugge, I01: the planted level change lies in the interval."""
    truth = pd.read_csv(sample_data_path().parent / "ground_truth.csv", dtype={"nis_code": str})
    planted = truth.query("project_id == 'GEN-DAM' and indicator_id == 'I01'")
    data = sk.load(sample_data_path())
    monthly = sk.rates_per_1000(sk.indicator_table(data, freq="month"))
    pair = comparison_series(
        monthly, nis_code="44021", indicator_id="I01", project_id="GEN-DAM", comparisons=["31005"]
    )
    # the effect starts at the intervention month plus the lag (2020-10 + 1)
    start = pd.Period(planted["intervention_period"].item(), "M") + int(
        planted["lag_months"].item()
    )
    pre, post = ("2019-01", str(start - 1)), (str(start), "2025-12")
    r = difference_in_differences(
        pair.treated, pair.control, pre=pre, post=post, population="population"
    ).iloc[0]
    assert r["ci_low"] < planted["rate_ratio_level"].item() < r["ci_high"]
    assert r["dispersion"] > 2  # why the Poisson interval (0.61 to 0.71) misses it
