"""DiD, WDD, comparison municipalities and funnel limits against hand calculations."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from socprev_kit import reference
from socprev_kit.comparison import (
    choose_comparisons,
    difference_in_differences,
    funnel,
    weighted_displacement_difference,
)

Z = 1.959963984540054


def _p(z: float) -> float:
    return math.erfc(abs(z) / math.sqrt(2))


def test_wdd_without_displacement():
    r = weighted_displacement_difference(60, 40, 50, 55).iloc[0]
    # (40 - 60) - (55 - 50) = -25; variance 60 + 40 + 50 + 55 = 205
    assert r["wdd"] == -25
    assert r["se"] == pytest.approx(math.sqrt(205))
    assert r["z"] == pytest.approx(-25 / math.sqrt(205))
    assert r["p_value"] == pytest.approx(_p(-25 / math.sqrt(205)))
    assert not r["displacement"]


def test_wdd_with_displacement():
    r = weighted_displacement_difference(60, 40, 50, 55, 30, 35, 40, 42).iloc[0]
    # -25 + (35 - 30) - (42 - 40) = -22; variance 205 + 30 + 35 + 40 + 42 = 352
    assert r["wdd"] == -22
    assert r["se"] == pytest.approx(math.sqrt(352))
    assert r["p_value"] == pytest.approx(_p(-22 / math.sqrt(352)))
    assert r["displacement"]


def test_wdd_guards():
    with pytest.raises(ValueError, match="all four"):
        weighted_displacement_difference(1, 2, 3, 4, d0=1)
    zero = weighted_displacement_difference(0, 0, 0, 0).iloc[0]
    assert zero["wdd"] == 0 and np.isnan(zero["z"])


def _areas(t=(10, 5), c=(20, 20), tp=(1000, 1000), cp=(1000, 1000)):
    mk = lambda v, p: pd.DataFrame({"period": ["2023", "2024"], "value": v, "pop": p})  # noqa: E731
    return mk(list(t), list(tp)), mk(list(c), list(cp))


def test_did_two_by_two():
    t, c = _areas()
    r = difference_in_differences(t, c, pre=["2023"], post=["2024"]).iloc[0]
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
        t, c, pre=("2023", "2023"), post=("2024", "2024"), population="pop"
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


def test_choose_comparisons_same_region_closest():
    muni = reference.municipalities(2025).set_index("nis_code")
    out = choose_comparisons("44021", exclude=["41002"], n=3)
    assert len(out) == 3
    assert set(out["region"]) == {muni.at["44021", "region"]}
    assert not set(out["nis_code"]) & {"44021", "41002"}
    same = muni[(muni["region"] == "Flanders")].drop(["44021", "41002"])
    dist = (np.log(same["population"]) - math.log(muni.at["44021", "population"])).abs()
    assert out["distance"].iloc[0] == pytest.approx(dist.min())
    assert out["distance"].is_monotonic_increasing
    with pytest.raises(ValueError, match="Unknown NIS"):
        choose_comparisons("99999")


def test_funnel_limits_by_hand():
    t = pd.DataFrame(
        {"nis_code": ["a", "b", "c"], "value": [10, 30, 2], "population": [1e4, 2e4, 5e3]}
    )
    out = funnel(t).set_index("nis_code")
    rate = 42 / 35000
    assert out["group_rate_per_1000"].iloc[0] == pytest.approx(1000 * rate)
    assert out.loc["c", "expected"] == pytest.approx(6.0)
    assert out.loc["c", "low_95"] == stats.poisson.ppf(0.025, 6.0)
    assert out.loc["c", "high_95"] == stats.poisson.ppf(0.975, 6.0)
    assert out.loc["c", "low_998"] == stats.poisson.ppf(0.001, 6.0)
    assert out.loc["c", "high_998"] == stats.poisson.ppf(0.999, 6.0)
    # the 95 % lower limit is the smallest k with P(X <= k) >= 0.025 for X ~ Poisson(6)
    k = next(k for k in range(20) if stats.poisson.cdf(k, 6.0) >= 0.025)
    assert out.loc["c", "low_95"] == k
    outside = k > 2
    assert out.loc["c", "outside_95"] == outside
    # Garwood 95 % for x = 2: chi2(0.025, 4) / 2 and chi2(0.975, 6) / 2, per 1,000 of 5,000
    assert out.loc["c", "rate_low"] == pytest.approx(1000 * stats.chi2.ppf(0.025, 4) / 2 / 5000)
    assert out.loc["c", "rate_high"] == pytest.approx(1000 * stats.chi2.ppf(0.975, 6) / 2 / 5000)


def test_funnel_flags_outlier_and_edges():
    t = pd.DataFrame({"value": [100, 30, 2], "population": [1e4, 2e4, 5e3]})
    out = funnel(t)
    assert out["outside_95"].iloc[0] and out["outside_998"].iloc[0]
    zeros = funnel(pd.DataFrame({"value": [0, 0], "population": [100, 200]}))
    assert (zeros[["low_95", "high_95", "expected"]] == 0).all().all()
    assert not zeros["outside_95"].any()
    one = funnel(pd.DataFrame({"value": [7], "population": [1000]}))
    assert one["expected"].item() == pytest.approx(7) and not one["outside_998"].item()
    nopop = funnel(pd.DataFrame({"value": [7, 3], "population": [1000, 0]}))
    assert nopop["expected"].isna().iloc[1] and not nopop["outside_95"].iloc[1]
    assert nopop["group_rate_per_1000"].iloc[0] == pytest.approx(7)
