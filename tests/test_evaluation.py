"""Attainment, trend and suppression, checked against numbers worked out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from socprev_kit.evaluation.suppression import ATTAINMENT_COLUMNS, suppress
from socprev_kit.evaluation.targets import attainment
from socprev_kit.evaluation.trends import trend

MONTHS_2024 = [f"2024-{m:02d}" for m in range(1, 13)]


def _rows(indicator: str, values, *, nis="44021", project="P", kind="registered", **extra):
    n = len(values)
    return pd.DataFrame(
        {
            "project_id": [project] * n,
            "nis_code": [nis] * n,
            "period": MONTHS_2024[:n],
            "indicator_id": [indicator] * n,
            "frequency": ["month"] * n,
            "kind": [kind] * n,
            "value": np.asarray(values, dtype=float),
            "numerator": extra.get("numerator", [np.nan] * n),
            "denominator": extra.get("denominator", [np.nan] * n),
            "population_year": pd.array([pd.NA] * n, dtype="Int64"),
        }
    )


def _objective(oid, indicator, baseline, target, target_period="2025"):
    return {
        "project_id": "P",
        "objective_id": oid,
        "indicator_id": indicator,
        "baseline_value": baseline,
        "baseline_period": "2023",
        "target_value": target,
        "target_period": target_period,
    }


@pytest.fixture
def table() -> pd.DataFrame:
    p01 = _rows("P01", [90.0] * 12, kind="derived", numerator=[45.0] * 12, denominator=[50.0] * 12)
    return pd.concat(
        [
            _rows("O05", [20] * 12),  # up, flat
            _rows("O03", list(range(10, 22))),  # up, rising by 1 a month
            _rows("I01", [5] * 12, nis="44021"),  # down, two municipalities
            _rows("I01", [5] * 12, nis="41002"),
            p01,  # target direction
            _rows("O07", [3] * 12),  # direction none
        ],
        ignore_index=True,
    )


def _result(objectives: list[dict], table: pd.DataFrame, **kw) -> pd.DataFrame:
    return attainment(pd.DataFrame(objectives), table, **kw).set_index("objective_id")


def test_attainment_up_flat_is_behind(table):
    r = _result([_objective("A", "O05", 180, 300)], table).loc["A"]
    # observed = 12 x mean monthly = 12 x 20 = 240; (240 - 180) / (300 - 180) = 0.5
    assert r["observed"] == pytest.approx(240)
    assert r["attainment"] == pytest.approx(0.5)
    assert r["projection"] == pytest.approx(240)  # flat line
    assert r["status"] == "behind"
    assert r["last_period"] == "2024-12"


def test_attainment_up_rising_is_on_track(table):
    r = _result([_objective("A", "O03", 120, 300)], table).loc["A"]
    # months 10..21: observed 12 x 15.5 = 186; (186 - 120) / 180
    assert r["attainment"] == pytest.approx(66 / 180)
    # line 10 + t (t = 0 in 2024-01); middle of 2025 is t = 17.5: 12 x 27.5 = 330 >= 300
    assert r["projection"] == pytest.approx(330)
    assert r["status"] == "on track"


def test_attainment_down_combines_municipalities_and_caps(table):
    objs = [_objective("A", "I01", 200, 100), _objective("B", "I01", 200, 150)]
    r = _result(objs, table)
    # combined 10 a month, 120 a year: (120 - 200) / (100 - 200) = 0.8; (120 - 200) / -50 = 1.6
    assert r.loc["A", "observed"] == pytest.approx(120)
    assert r.loc["A", "attainment"] == pytest.approx(0.8)
    assert r.loc["A", "status"] == "behind"
    assert r.loc["B", "attainment"] == pytest.approx(1.6)
    assert r.loc["B", "attainment_display"] == pytest.approx(1.5)
    assert r.loc["B", "status"] == "on track"  # past the target, but 2025 is still running


def test_attainment_target_direction_and_none(table):
    objs = [_objective("A", "P01", 80, 100), _objective("B", "O07", 30, 40)]
    objs += [_objective("C", "O07", 30, 30)]
    r = _result(objs, table)
    # P01 = 45 / 50 x 100 = 90 every month (not additive, no x 12): (90 - 80) / 20
    assert r.loc["A", "direction"] == "target"
    assert r.loc["A", "attainment"] == pytest.approx(0.5)
    # O07 has direction none: baseline 30 -> target 40 says up; 12 x 3 = 36: (36 - 30) / 10
    assert r.loc["B", "used_direction"] == "up"
    assert r.loc["B", "attainment"] == pytest.approx(0.6)
    assert r.loc["B", "status"] == "behind"  # flat at 36, short of 40
    assert np.isnan(r.loc["C", "attainment"])  # none, and baseline = target: no direction at all
    assert (r.loc["C", "status"], r.loc["C", "reason"]) == ("not computable", "no direction")


def test_attainment_no_data_and_negative_display_cap(table):
    objs = [_objective("A", "I02", 100, 50), _objective("B", "O05", 400, 500)]
    r = _result(objs, table)
    assert (r.loc["A", "status"], r.loc["A", "reason"]) == ("not computable", "no data")
    assert np.isnan(r.loc["A", "observed"])
    # (240 - 400) / 100 = -1.6, shown as -1
    assert r.loc["B", "attainment"] == pytest.approx(-1.6)
    assert r.loc["B", "attainment_display"] == pytest.approx(-1.0)


def test_attainment_as_of_and_past_target(table):
    r = _result([_objective("A", "O03", 120, 300)], table, as_of="2024-06").loc["A"]
    # months 10..15: observed 12 x 12.5 = 150
    assert r["observed"] == pytest.approx(150)
    assert r["last_period"] == "2024-06"
    past = _result([_objective("A", "O03", 120, 300, "2024-03")], table).loc["A"]
    assert np.isnan(past["projection"])  # the target month is over
    assert past["observed"] == pytest.approx(12)  # March 2024 itself, not the latest 12 months
    assert past["status"] == "not reached"


def test_attainment_zero_span_and_missing_months(table):
    gappy = table[~table["period"].isin(["2024-03", "2024-04"]) | (table["indicator_id"] != "O05")]
    r = _result([_objective("A", "O05", 100, 100), _objective("B", "O05", 180, 300)], gappy)
    assert np.isnan(r.loc["A", "attainment"])  # target == baseline
    # 10 months of 20: mean 20, annualised 240
    assert r.loc["B", "observed"] == pytest.approx(240)


def test_trend_matches_statsmodels_and_previous_year():
    periods = [f"2023-{m:02d}" for m in range(1, 13)] + MONTHS_2024[:6]
    rng = np.random.default_rng(1)
    values = 20 + 0.5 * np.arange(18) + rng.normal(0, 2, 18)
    s = pd.DataFrame({"period": periods, "value": values})
    r = trend(s)
    fit = sm.OLS(values, sm.add_constant(np.arange(18.0))).fit()
    assert r.slope == pytest.approx(fit.params[1], rel=1e-9)
    assert (r.ci_low, r.ci_high) == pytest.approx(tuple(fit.conf_int(0.05)[1]), rel=1e-9)
    assert r.p_value == pytest.approx(fit.pvalues[1], rel=1e-9)
    row = r.table.set_index("period").loc["2024-03"]
    assert row["previous_year"] == pytest.approx(values[2])
    assert row["change"] == pytest.approx(values[14] - values[2])
    assert r.table.set_index("period").loc["2023-12", "rolling_12"] == pytest.approx(
        values[:12].mean()
    )
    assert r.ytd == pytest.approx(values[12:].sum())
    assert r.ytd_previous == pytest.approx(values[:6].sum())
    assert r.n == 18


def test_trend_missing_months_keep_calendar_time():
    s = pd.DataFrame(
        {"period": ["2024-01", "2024-02", "2024-05", "2024-06"], "value": [1, 2, 5, 6]}
    )
    r = trend(s)
    assert list(r.table["period"]) == MONTHS_2024[:6]
    assert r.table["value"].isna().sum() == 2
    assert r.slope == pytest.approx(1.0)  # exact line in calendar months
    assert r.table["rolling_12"].isna().all()


def test_trend_all_zeros_and_short():
    z = trend(pd.DataFrame({"period": MONTHS_2024, "value": [0] * 12}))
    assert z.slope == pytest.approx(0.0)
    assert z.table["change_pct"].isna().all()
    short = trend(pd.DataFrame({"period": MONTHS_2024[:2], "value": [1, 2]}))
    assert np.isnan(short.slope) and short.n == 2
    with pytest.raises(ValueError, match="one row per month"):
        trend(pd.DataFrame({"period": ["2024-01", "2024-01"], "value": [1, 2]}))


def test_suppress_counts_rates_and_zeros():
    t = pd.concat(
        [
            _rows("I01", [0, 3, 5, 12]),  # min_cell 5
            _rows("P03N", [2]),  # min_cell 0: kept
            _rows("I01R", [0.3, 1.2], kind="derived", numerator=[3.0, 12.0]),
        ],
        ignore_index=True,
    )
    t["rate_per_1000"] = t["value"] / 10
    out = suppress(t)
    assert list(out["suppressed"]) == [False, True, False, False, False, True, False]
    assert out["value"].tolist()[:5] == [0, pytest.approx(np.nan, nan_ok=True), 5, 12, 2]
    assert np.isnan(out.loc[5, "value"]) and np.isnan(out.loc[5, "numerator"])
    assert np.isnan(out.loc[1, "rate_per_1000"])
    assert out.loc[6, "value"] == pytest.approx(1.2)
    assert t["value"].notna().all()  # input untouched
    strict = suppress(t, keep_zero=False)
    assert strict.loc[0, "suppressed"]


def test_suppress_attainment_table_on_its_observed_count():
    att = pd.DataFrame(
        {
            "indicator_id": ["I01", "I01", "O02", "P03N"],
            "observed": [3.0, 40.0, 2.0, 1.0],  # O02 is a percentage; P03N has min_cell 0
            "attainment": [0.9, 0.5, 0.2, 1.0],
            "projection": [4.0, 38.0, 3.0, 1.0],
            "status": ["behind", "behind", "behind", "reached"],
        }
    )
    out = suppress(att, count="observed", columns=ATTAINMENT_COLUMNS)
    assert out["suppressed"].tolist() == [True, False, False, False]
    assert out.loc[0, ["observed", "attainment", "projection"]].isna().all()
    assert out.loc[0, "status"] == "behind"  # the status reveals no count
    assert out.loc[1, "observed"] == 40.0


def test_a_hidden_count_cannot_be_recovered_from_the_funnel():
    """The group rate, the public populations and the other published counts gave the hidden
    count back by subtraction; the funnel now leaves hidden counts out of everything."""
    from socprev_kit.evaluation.comparison import funnel

    counts = [3.0, 40.0, 60.0, 25.0, 80.0, 33.0, 51.0, 47.0, 90.0]  # I01: min_cell 5
    pops = [1e3, 2e4, 3e4, 1.1e4, 4e4, 1.5e4, 2.6e4, 2.2e4, 5e4]
    t = pd.DataFrame({"indicator_id": "I01", "value": counts, "population": pops})
    for out in (funnel(t), funnel(suppress(t))):
        assert out["suppressed"].tolist() == [True] + [False] * 8
        assert out.loc[0, ["value", "rate_per_1000", "rate_low", "rate_high", "z"]].isna().all()
        assert not out.loc[0, ["outside_95", "outside_998"]].any()
        published = out.loc[~out["suppressed"], "value"]
        recovered = out["group_rate_per_1000"].iloc[0] / 1000 * sum(pops) - published.sum()
        assert recovered != pytest.approx(3.0, abs=0.5)  # the attack fails
        rate = published.sum() / sum(pops[1:])  # the group rate is that of the shown ones
        assert out["group_rate_per_1000"].iloc[0] == pytest.approx(1000 * rate)
        assert out.loc[1, "rate_low"] > 0


def test_attainment_of_several_projects_equals_one_project_at_a_time():
    from pathlib import Path

    import socprev_kit as sk

    data = sk.load(Path(__file__).resolve().parents[1] / "sample_data" / "clean")
    table = sk.indicator_table(data)
    objectives = data.objectives
    together = attainment(objectives, table, as_of="2025-06")
    for pid in ("KUST-SW", "GEN-DAM", "CHA-ECH"):
        mine = objectives[objectives["project_id"] == pid]
        alone = attainment(mine, table, as_of="2025-06")
        part = together[together["project_id"] == pid].reset_index(drop=True)
        pd.testing.assert_frame_equal(part, alone.reset_index(drop=True), check_dtype=False)
