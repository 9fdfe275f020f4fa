"""Difference-in-differences and weighted displacement difference against hand calculations."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from socprev_kit.controlled import difference_in_differences, weighted_displacement_difference

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


def test_wdd_all_zeros_gives_nan_test():
    zero = weighted_displacement_difference(0, 0, 0, 0, 0, 0, 0, 0).iloc[0]
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
