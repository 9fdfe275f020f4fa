"""Indicator tables: aggregation rules, derived formulas, rates, combined areas, completeness.

Expected values are worked out by hand in the comments; inputs go through ``validate`` so that
they are real Datasets.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import socprev_kit as sk
from socprev_kit.indicators.coverage import completeness, completeness_months
from socprev_kit.indicators.rates import rates_per_1000
from socprev_kit.indicators.table import COLUMNS, combined, indicator_table

ROOT = Path(__file__).resolve().parents[1]

GENT, AALST = "44021", "41002"
GENT_POP = {2019: 262219, 2020: 263927}  # reference.population(2025), 1 January
AALST_POP_2020 = 87332
MONTHS = [f"2023-{m:02d}" for m in range(1, 7)]


def project(pid: str, nis: str, start: str, end: str = "") -> dict[str, str]:
    return {"project_id": pid, "name": pid, "project_types": "street_work",
            "lead_nis_code": nis.split(";")[0], "nis_codes": nis, "start_date": start,
            "intervention_date": start, "end_date": end}  # fmt: skip


def regs(rows: list[tuple]) -> pd.DataFrame:
    """Rows of (project_id, nis_code, period, indicator_id, value)."""
    cols = ["project_id", "nis_code", "period", "indicator_id", "value"]
    return pd.DataFrame([tuple(map(str, r)) for r in rows], columns=cols)


def dataset(rows: list[tuple], projects: list[dict], catalogue=None) -> sk.Dataset:
    data = sk.validate({"registrations": regs(rows), "projects": pd.DataFrame(projects)},
                       lang="en", catalogue=catalogue)  # fmt: skip
    assert data.ok, data.issues
    return data


@pytest.fixture(scope="module")
def catalogue() -> pd.DataFrame:
    """The shipped catalogue plus X01: a monthly count aggregated by ``last``."""
    cat = sk.indicator_catalogue()
    return sk.indicator_catalogue(cat[cat["indicator_id"] == "O05"].assign(
        indicator_id="X01", aggregation="last"))  # fmt: skip


@pytest.fixture(scope="module")
def rules(catalogue) -> sk.Dataset:
    """Six months in Ghent: O05 (sum), P05N (mean), X01 (last), O01 (none), given in reverse."""
    values = {"O05": [10, 12, 8, 5, 5, 5], "P05N": [2, 4, 6, 1, 1, 4],
              "X01": [1, 2, 3, 4, 5, 6], "O01": [7, 7, 7, 8, 8, 8]}  # fmt: skip
    rows = [("G", GENT, m, i, v[k]) for i, v in values.items() for k, m in enumerate(MONTHS)]
    return dataset(rows[::-1], [project("G", GENT, "2023-01-01")], catalogue)


def values(table: pd.DataFrame, indicator: str, column: str = "value") -> dict[str, float]:
    rows = table[table["indicator_id"] == indicator]
    return dict(zip(rows["period"], rows[column], strict=True))


def test_month_table_keeps_values_and_columns(rules, catalogue):
    table = indicator_table(rules, catalogue=catalogue)
    assert list(table.columns) == COLUMNS
    assert values(table, "O05") == dict(zip(MONTHS, [10, 12, 8, 5, 5, 5], strict=True))
    assert set(table["frequency"]) == {"month"}


@pytest.mark.parametrize(
    ("freq", "expected"),
    [
        # Q1 / Q2: sum 10+12+8, 5+5+5; mean (2+4+6)/3, (1+1+4)/3; last 3, 6; none NaN
        ("quarter", {"O05": [30, 15], "P05N": [4, 2], "X01": [3, 6], "O01": [np.nan] * 2}),
        # year: sum 45; mean 18/6; last 6 (the June value, though given first)
        ("year", {"O05": [45], "P05N": [3], "X01": [6], "O01": [np.nan]}),
    ],
)
def test_aggregation_rules(rules, catalogue, freq, expected):
    table = indicator_table(rules, freq=freq, catalogue=catalogue)
    periods = ["2023-Q1", "2023-Q2"] if freq == "quarter" else ["2023"]
    for indicator, want in expected.items():
        got = values(table, indicator)
        assert list(got) == periods
        np.testing.assert_allclose(list(got.values()), want)


def test_coarser_period_is_kept_not_spread():
    rows = [("G", GENT, q, i, v) for q in ("2023-Q1", "2023-Q2") for i, v in (("I08N", 3),
            ("I08D", 10))]  # fmt: skip
    data = dataset(rows, [project("G", GENT, "2023-01-01")])
    month = indicator_table(data, freq="month")
    assert values(month, "I08N") == {"2023-Q1": 3, "2023-Q2": 3}
    assert set(month.loc[month["indicator_id"] == "I08N", "frequency"]) == {"quarter"}
    year = indicator_table(data, freq="year")
    assert values(year, "I08N") == {"2023": 6}
    assert values(year, "I08") == {"2023": pytest.approx(100 * 6 / 20)}


@pytest.fixture(scope="module")
def referrals() -> sk.Dataset:
    """O05 referrals made 10, 12, 8; O06N completed 4, 6, 8 (Jan-Mar 2023, Ghent)."""
    rows = [("G", GENT, m, i, v) for i, vs in (("O05", [10, 12, 8]), ("O06N", [4, 6, 8]))
            for m, v in zip(MONTHS[:3], vs, strict=True)]  # fmt: skip
    return dataset(rows, [project("G", GENT, "2023-01-01")])


def test_derived_proportion_is_ratio_of_sums(referrals):
    month = indicator_table(referrals)
    assert values(month, "O06") == pytest.approx({"2023-01": 40, "2023-02": 50, "2023-03": 100})
    quarter = indicator_table(referrals, freq="quarter")
    row = quarter[quarter["indicator_id"] == "O06"].iloc[0]
    # 100 * (4+6+8) / (10+12+8) = 60, not the mean of the monthly ratios (40+50+100)/3 = 63.3
    assert (row["numerator"], row["denominator"], row["value"]) == (18, 30, pytest.approx(60))
    assert row["kind"] == "derived"


def test_derived_missing_term_or_zero_denominator_is_nan():
    rows = [("G", GENT, "2023-01", "O06N", 3), ("G", GENT, "2023-02", "O06N", 0),
            ("G", GENT, "2023-02", "O05", 0)]  # fmt: skip
    table = indicator_table(dataset(rows, [project("G", GENT, "2023-01-01")]))
    o06 = table[table["indicator_id"] == "O06"].set_index("period")
    assert np.isnan(o06.loc["2023-01", "value"]) and np.isnan(o06.loc["2023-01", "denominator"])
    assert o06.loc["2023-02", "denominator"] == 0 and np.isnan(o06.loc["2023-02", "value"])


@pytest.fixture(scope="module")
def incidents() -> sk.Dataset:
    """I01 in Ghent: 2019-05 and 2024-01 (a year beyond the reference)."""
    rows = [("G", GENT, "2019-05", "I01", 131), ("G", GENT, "2024-01", "I01", 264)]
    return dataset(rows, [project("G", GENT, "2019-01-01")])


def test_rate_per_1000_uses_population_of_the_year_or_latest(incidents):
    rated = rates_per_1000(indicator_table(incidents))
    i01 = rated[rated["indicator_id"] == "I01"].set_index("period")
    # 2019 uses 1 January 2019; 2024 falls back to 2020, the latest year shipped
    assert i01["population"].tolist() == [GENT_POP[2019], GENT_POP[2020]]
    assert i01["population_year"].tolist() == [2019, 2020]
    assert i01.loc["2024-01", "rate_per_1000"] == pytest.approx(1000 * 264 / 263927)
    assert i01.loc["2019-05", "rate_per_1000"] == pytest.approx(1000 * 131 / 262219)
    # the derived I01R (I01 / population * 1000) gives the same figures
    i01r = rated[rated["indicator_id"] == "I01R"].set_index("period")
    assert i01r["value"].tolist() == pytest.approx(i01["rate_per_1000"].tolist())
    assert i01r["population_year"].tolist() == [2019, 2020]
    assert rated.loc[rated["indicator_id"] == "I01R", "rate_per_1000"].isna().all()


def test_rates_only_for_chosen_count_indicators(referrals):
    rated = rates_per_1000(indicator_table(referrals), indicators=["O05"])
    assert rated.loc[rated["indicator_id"] == "O05", "rate_per_1000"].notna().all()
    assert rated.loc[rated["indicator_id"] != "O05", "rate_per_1000"].isna().all()


def test_merged_municipality_is_added_up():
    # Antwerpen (11002) and Borsbeek (11007) merged on 1 January 2025 into Antwerpen (11002)
    rows = [("A", "11002", "2024-01", "I01", 3), ("A", "11007", "2024-01", "I01", 4)]
    data = dataset(rows, [project("A", "11002", "2024-01-01")])
    rated = rates_per_1000(indicator_table(data))
    row = rated[rated["indicator_id"] == "I01"].squeeze()
    assert (row["nis_code"], row["value"]) == ("11002", 7)
    assert row["population"] == 529247 + 10949  # 2020 populations of the two old municipalities
    assert row["rate_per_1000"] == pytest.approx(7000 / 540196)


def test_combined_intermunicipal_project():
    rows = [("IM", AALST, "2023-01", "O05", 10), ("IM", AALST, "2023-01", "O06N", 2),
            ("IM", GENT, "2023-01", "O05", 30), ("IM", GENT, "2023-01", "O06N", 18),
            ("IM", AALST, "2023-01", "I01", 5), ("IM", GENT, "2023-01", "I01", 20),
            ("IM", AALST, "2023-01", "P09", 4), ("IM", GENT, "2023-01", "P09", 8)]  # fmt: skip
    data = dataset(rows, [project("IM", f"{AALST};{GENT}", "2023-01-01")])
    out = combined(rates_per_1000(indicator_table(data)), "IM").set_index("indicator_id")
    assert set(out["nis_code"]) == {"ALL"} and set(out["n_municipalities"]) == {2}
    # O06 = 100 * (2 + 18) / (10 + 30) = 50; not the mean of 20% and 60% ... which is 40
    assert out.loc["O06", ["numerator", "denominator", "value"]].tolist() == [20, 40, 50]
    assert out.loc["I01", "value"] == 25
    assert out.loc["I01", "population"] == AALST_POP_2020 + GENT_POP[2020]
    assert out.loc["I01", "rate_per_1000"] == pytest.approx(25_000 / (87332 + 263927))
    assert out.loc["I01R", "value"] == pytest.approx(25_000 / (87332 + 263927))
    assert np.isnan(out.loc["P09", "value"])  # a median of days is not summed
    with pytest.raises(ValueError, match="No rows for project 'NOPE'"):
        combined(indicator_table(data), "NOPE")


def test_combined_keeps_a_median_registered_by_one_municipality_only():
    rows = [("IM", AALST, "2023-01", "P09", 4), ("IM", AALST, "2023-02", "P09", 6),
            ("IM", GENT, "2023-02", "P09", 8)]  # fmt: skip
    data = dataset(rows, [project("IM", f"{AALST};{GENT}", "2023-01-01")])
    out = combined(indicator_table(data), "IM").set_index("period")
    assert out.loc["2023-01", "value"] == 4  # one municipality: its median is the project's
    assert np.isnan(out.loc["2023-02", "value"])  # two medians are not summed or averaged


@pytest.fixture(scope="module")
def gaps() -> sk.Dataset:
    """O05 in Ghent Jan, Feb, Apr 2023; I01 Nov 2022, Jan-Mar 2023; Aalst takes part, no rows."""
    rows = [("IM", GENT, m, "O05", 1) for m in ("2023-01", "2023-02", "2023-04")]
    rows += [("IM", GENT, m, "I01", 1) for m in ("2022-11", "2023-01", "2023-02", "2023-03")]
    return dataset(rows, [project("IM", f"{GENT};{AALST}", "2023-01-01", "2023-06-30")])


def test_completeness_with_a_gap(gaps):
    got = completeness(gaps).drop(columns="project_id").set_index(["nis_code", "indicator_id"])
    # O05 (output): from the project's start (Jan) to the last month of the data (April; the
    # project ends in June, later than the data): 4 months, March missing
    assert got.loc[(GENT, "O05")].tolist() == ["2023-01", "2023-04", 4, 3, 0.75]
    # I01 (impact): from its first registration, Nov 2022, to April: 6 months, 4 registered
    assert got.loc[(GENT, "I01")].tolist() == ["2022-11", "2023-04", 6, 4, pytest.approx(4 / 6)]
    # Aalst takes part but registered nothing
    assert got.loc[(AALST, "O05"), ["expected_months", "registered_months", "share"]].tolist() == [
        4, 0, 0.0]  # fmt: skip


def test_completeness_months_with_a_gap(gaps):
    months = completeness_months(gaps)
    assert list(months.columns) == ["project_id", "nis_code", "indicator_id", "month", "registered"]
    gent = months[months["nis_code"] == GENT]
    o05 = gent[gent["indicator_id"] == "O05"]
    # the window of completeness(): January (the project's start) to April (the data's last)
    assert dict(zip(o05["month"], o05["registered"], strict=True)) == {
        "2023-01": True, "2023-02": True, "2023-03": False, "2023-04": True}  # fmt: skip
    i01 = gent[gent["indicator_id"] == "I01"]
    # from the first registration, across the turn of the year: December and April missing
    assert dict(zip(i01["month"], i01["registered"], strict=True)) == {
        "2022-11": True, "2022-12": False, "2023-01": True, "2023-02": True, "2023-03": True,
        "2023-04": False}  # fmt: skip
    aalst = months[months["nis_code"] == AALST]
    assert len(aalst) == 4 + 6 and not aalst["registered"].any()
    assert (months["project_id"] == "IM").all() and months["registered"].dtype == bool


def test_completeness_months_without_monthly_indicators():
    data = dataset([("G", GENT, "2023-Q1", "I08N", 3)], [project("G", GENT, "2023-01-01")])
    assert completeness_months(data).empty and completeness(data).empty


def test_sample_data_runs():
    data = sk.load(ROOT / "sample_data" / "clean")
    table = indicator_table(data, freq="quarter")
    assert table.columns.tolist() == COLUMNS and not table.empty
    assert not table.duplicated(["project_id", "nis_code", "period", "indicator_id"]).any()
    assert set(table["nis_code"]) <= set(data.registrations["nis_code"])
    rated = rates_per_1000(table)
    i01 = rated[rated["indicator_id"] == "I01"]
    assert i01["rate_per_1000"].notna().all() and (i01["population_year"] <= 2020).all()
    assert (combined(table, "KUST-SW")["nis_code"] == "ALL").all()
    comp = completeness(data)
    assert comp["share"].between(0, 1).all()
    assert set(comp["project_id"]) == set(data.projects["project_id"])
    # the months add up to completeness() for every series
    keys = ["project_id", "nis_code", "indicator_id"]
    months = completeness_months(data).groupby(keys)["registered"].agg(["size", "sum"])
    comp = comp.set_index(keys)
    assert months["size"].reindex(comp.index).fillna(0).tolist() == comp["expected_months"].tolist()
    assert (
        months["sum"].reindex(comp.index).fillna(0).tolist() == comp["registered_months"].tolist()
    )


def test_all_projects_combined_at_once_equal_one_project_at_a_time():
    from socprev_kit.indicators.table import combine_projects

    data = sk.load(ROOT / "sample_data" / "clean")
    table = rates_per_1000(indicator_table(data))
    together = combine_projects(table, sk.indicator_catalogue())
    for pid in ("KUST-SW", "GEN-DAM", "BRU-COORD"):
        alone = combined(table, pid)
        mine = together[together["project_id"] == pid].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, alone)


def test_completeness_without_usable_projects_uses_the_registered_months() -> None:
    """No projects table (or none usable): the window is the series' own first to the data's
    last month, instead of a crash on the empty project dates."""
    import socprev_kit as sk
    from socprev_kit.indicators.coverage import completeness, completeness_months

    regs = pd.DataFrame(
        {
            "project_id": ["A", "A"],
            "nis_code": ["44021", "44021"],
            "period": ["2024-01", "2024-03"],
            "indicator_id": ["I01", "I01"],
            "value": [1, 2],
        }
    )
    data = sk.validate(regs)
    months = completeness_months(data)
    assert months["month"].astype(str).tolist() == ["2024-01", "2024-02", "2024-03"]
    assert months["registered"].tolist() == [True, False, True]
    assert completeness(data)["registered_months"].tolist() == [2]
