"""Objective statuses in the indicator's direction, on the target period's own data, and ratio of
sums for derived indicators: hand calculations, properties over random objectives, the sample."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socprev_kit.data.catalogue import indicator_catalogue
from socprev_kit.evaluation.targets import REASONS, STATUSES, attainment

MONTHS_2024 = [f"2024-{m:02d}" for m in range(1, 13)]
CAT = indicator_catalogue()


def _rows(indicator, values, *, periods=MONTHS_2024, kind="registered", num=None, den=None):
    n = len(values)
    nan = [np.nan] * n
    return pd.DataFrame(
        {"project_id": "P", "nis_code": "44021", "period": periods[:n],
         "indicator_id": indicator, "frequency": "month", "kind": kind,
         "value": np.asarray(values, dtype=float), "numerator": num or nan,
         "denominator": den or nan, "population_year": pd.array([pd.NA] * n, dtype="Int64")}
    )  # fmt: skip


def _objective(oid, indicator, baseline, target, target_period="2024"):
    return {"project_id": "P", "objective_id": oid, "indicator_id": indicator,
            "baseline_value": baseline, "baseline_period": "2022", "target_value": target,
            "target_period": target_period}  # fmt: skip


def _run(objectives, table, **kw) -> pd.DataFrame:
    return attainment(pd.DataFrame(objectives), table, **kw).set_index("objective_id")


def _p03(num, den) -> pd.DataFrame:
    ratio = [100 * a / b for a, b in zip(num, den, strict=True)]
    return pd.concat(
        [_rows("P03", ratio, kind="derived", num=list(num), den=list(den)),
         _rows("P03N", num), _rows("P03D", den)], ignore_index=True
    )  # fmt: skip


def test_derived_observed_is_the_ratio_of_the_sums():
    table = _p03([1] * 6 + [90] * 6, [2] * 6 + [100] * 6)
    r = _run([_objective("A", "P03", 80, 85)], table).loc["A"]
    # (6 x 1 + 6 x 90) / (6 x 2 + 6 x 100) = 546 / 612; the mean of the ratios would be 70 %
    assert r["observed"] == pytest.approx(100 * 546 / 612)  # 89.2 %
    assert (r["observed_numerator"], r["observed_denominator"]) == (546, 612)
    assert r["status"] == "reached"


def test_derived_projection_uses_numerator_and_denominator_lines():
    num = [10 + m for m in range(12)]  # 10 .. 21
    den = [20.0] * 12
    r = _run([_objective("A", "P03", 50, 99, "2025")], _p03(num, den)).loc["A"]
    # numerator line 10 + t, at the middle of 2025 (t = 17.5): 27.5 / 20 = 137.5 %
    assert r["projection"] == pytest.approx(137.5)
    assert r["status"] == "on track"


def test_baseline_past_the_target_and_below_it_now_is_not_reached():
    """BAS-CA O1: "at least 95 %", baseline 95.3 %, now 94.4 %: 285 % and "reached" before."""
    table = _p03([17] * 12, [18] * 12)  # 94.44 %
    r = _run([_objective("A", "P03", 95.3, 95.0)], table).loc["A"]
    assert r["status"] == "not reached"
    assert np.isnan(r["attainment"]) and np.isnan(r["attainment_display"])
    kept = _run([_objective("A", "P03", 95.3, 95.0)], _p03([24] * 12, [25] * 12)).loc["A"]
    assert kept["status"] == "maintained"  # 96 % >= 95 %
    assert np.isnan(kept["attainment"])


def test_a_target_period_that_is_over_is_judged_on_its_own_months():
    table = _rows("O03", list(range(10, 22)))  # 10 .. 21 in 2024
    objs = [_objective("A", "O03", 20, 40, "2024-Q1"), _objective("B", "O03", 20, 30, "2024-Q1")]
    r = _run(objs, table)
    # Q1 = 10 + 11 + 12 = 33 (the latest 12 months on Q1's scale would give 3 x 15.5 = 46.5)
    assert r.loc["A", "observed"] == pytest.approx(33)
    assert r.loc["A", "last_period"] == "2024-03"
    assert r.loc["A", "status"] == "not reached" and bool(r.loc["A", "period_over"])
    assert r.loc["B", "status"] == "reached"
    assert r.loc["A", "attainment"] == pytest.approx((33 - 20) / (40 - 20))


def test_as_of_keeps_a_target_period_running():
    table = _rows("O03", list(range(10, 22)))
    running = _run([_objective("A", "O03", 100, 200)], table, as_of="2024-06").loc["A"]
    assert not running["period_over"] and running["status"] in ("on track", "behind")
    # line 10 + t through Jan-Jun, at the middle of 2024 (t = 5.5): 12 x 15.5 = 186 < 200
    assert running["projection"] == pytest.approx(186)
    assert running["status"] == "behind"


def test_not_computable_reasons():
    table = _rows("O05", [20] * 12)
    objs = [_objective("A", "O05", np.nan, 300), _objective("B", "O05", 100, np.nan),
            _objective("C", "O05", 100, 300, "2023"), _objective("D", "I02", 100, 50)]  # fmt: skip
    r = _run(objs, table)
    assert r["status"].eq("not computable").all()
    assert list(r["reason"]) == ["no baseline", "no target", "no data", "no data"]
    assert r["attainment"].isna().all()
    assert set(r["reason"]) <= set(REASONS)


# --- properties ----------------------------------------------------------------------------------

DIRECTIONS = ("up", "down", "target", "none")


def _catalogue(direction: str) -> pd.DataFrame:
    cat = CAT.copy()
    cat.loc[cat["indicator_id"] == "O05", "direction"] = direction
    return cat


@settings(max_examples=150, deadline=None)
@given(
    direction=st.sampled_from(DIRECTIONS),
    baseline=st.integers(0, 60),
    target=st.integers(0, 60),
    months=st.lists(st.integers(0, 5), min_size=12, max_size=12),
    target_period=st.sampled_from(["2024", "2025", "2024-06"]),
)
def test_status_properties(direction, baseline, target, months, target_period):
    table = _rows("O05", months)
    obj = _objective("A", "O05", baseline, target, target_period)
    r = attainment(pd.DataFrame([obj]), table, catalogue=_catalogue(direction)).iloc[0]
    over = target_period != "2025"  # the data run to 2024-12
    observed = sum(months) if target_period == "2024" else (months[5] if over else sum(months))
    assert r["observed"] == pytest.approx(observed)
    sense = {"up": 1, "down": -1}.get(direction, np.sign(target - baseline))
    assert r["status"] in STATUSES
    if sense == 0 and direction == "none":
        assert (r["status"], r["reason"]) == ("not computable", "no direction")
        return
    right = observed == target if sense == 0 else sense * (observed - target) >= 0
    past = sense == 0 or sense * (baseline - target) >= 0
    if over:
        assert r["status"] not in ("on track", "behind")
        assert (r["status"] in ("reached", "maintained")) == right
    else:
        assert r["status"] in ("on track", "behind", "maintained")
    assert (r["status"] == "maintained") == (past and right)
    if r["status"] == "reached":
        assert right and r["attainment"] >= 1
    if r["status"] == "not reached":
        assert not right and not r["attainment"] >= 1  # below 1, or NaN past the target
    if past:
        assert np.isnan(r["attainment"])  # no way to go: no share of it
    elif observed != baseline:
        moved_right = sense * (observed - baseline) > 0
        assert (r["attainment"] > 0) == moved_right


# --- the sample data -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    import socprev_kit as sk

    data = sk.load(Path(__file__).resolve().parents[1] / "sample_data" / "clean")
    return data, attainment(data.objectives, sk.indicator_table(data)).set_index(
        ["project_id", "objective_id"]
    )


def _by_hand(regs: pd.DataFrame, project: str, indicator: str, year: str) -> float:
    """The year's value from the registrations: a sum, or 100 x the ratio of sums for P03."""
    mine = regs[(regs["project_id"] == project) & regs["period"].astype(str).str.startswith(year)]
    total = mine.groupby("indicator_id")["value"].sum()
    if indicator == "P03":
        return 100 * total["P03N"] / total["P03D"]
    return float(total[indicator])


def test_sample_statuses(sample):
    data, att = sample
    regs, direction = data.registrations, CAT.set_index("indicator_id")["direction"]
    bas = att.loc[("BAS-CA", "O1")]
    assert bas["status"] == "not reached" and np.isnan(bas["attainment"])
    assert bas["observed"] == pytest.approx(_by_hand(regs, "BAS-CA", "P03", "2025"))
    for pid in ("GEN-NIGHT", "ANT-NSP", "BXL-MED"):
        row = att.loc[(pid, "O2")]
        assert row["status"] in ("reached", "not reached"), pid
        assert row["observed"] == pytest.approx(_by_hand(regs, pid, row["indicator_id"], "2025"))
    ended = data.objectives[data.objectives["target_period"].isin(["2022", "2023", "2024"])]
    assert len(ended) > 20
    for o in ended.itertuples():
        row = att.loc[(o.project_id, o.objective_id)]
        value = _by_hand(regs, o.project_id, o.indicator_id, o.target_period)
        assert row["observed"] == pytest.approx(value)
        sense = 1 if direction[o.indicator_id] == "up" else -1
        right = sense * (value - o.target_value) >= 0
        assert row["status"] == ("reached" if right else "not reached"), o.objective_id


def test_now_is_the_latest_month_not_a_yearly_row_ahead_of_it():
    """Monthly data to 2024-06 and a yearly row for 2024: the year 2024 is still running."""
    table = pd.concat(
        [_rows("O03", list(range(10, 16))),
         _rows("P02", [80.0], periods=["2024"]).assign(frequency="year")], ignore_index=True
    )  # fmt: skip
    r = _run([_objective("A", "O03", 100, 200)], table).loc["A"]
    assert not r["period_over"]
    assert r["status"] == "behind"  # line 10 + t at the middle of 2024: 12 x 15.5 = 186 < 200


@settings(max_examples=100, deadline=None)
@given(
    direction=st.sampled_from(["up", "down", "none"]),
    baseline=st.integers(0, 100),
    target=st.integers(0, 100),
    pairs=st.lists(st.tuples(st.integers(0, 9), st.integers(1, 9)), min_size=12, max_size=12),
)
def test_derived_status_properties_with_exact_fractions(direction, baseline, target, pairs):
    """Ratio of sums, judged against the target with exact rational arithmetic as reference (the
    kit's floating point must agree, e.g. 7/100 x 100 = 7.000000000000001 is 7)."""
    from fractions import Fraction

    den = [max(a, b) for a, b in pairs]  # numerator <= denominator: a percentage
    num = [min(a, b) for a, b in pairs]
    cat = CAT.copy()
    cat.loc[cat["indicator_id"] == "P03", "direction"] = direction
    obj = _objective("A", "P03", baseline, target, "2024")
    r = attainment(pd.DataFrame([obj]), _p03(num, den), catalogue=cat).iloc[0]
    exact = Fraction(100 * sum(num), sum(den))
    assert r["observed"] == pytest.approx(float(exact))
    sense = {"up": 1, "down": -1}.get(direction, np.sign(target - baseline))
    if sense == 0:
        assert r["status"] == "not computable"
        return
    right = sense * (exact - target) >= 0
    past = sense * (baseline - target) >= 0
    assert (r["status"] in ("reached", "maintained")) == right
    assert r["status"] == (
        "maintained" if past and right else "reached" if right else "not reached"
    )
