"""Rates per 1,000 with the population of the territory a row was registered for.

The populations expected here are read straight from the shipped CSV with the ``csv`` module,
apart from the kit: Hasselt (71022) and Kortessem (73040) merged into Hasselt (71072) on
1 January 2025; Antwerpen (11002) absorbed Borsbeek (11007) and kept its code.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import socprev_kit as sk
from socprev_kit.indicators.rates import population_at, rates_per_1000
from socprev_kit.indicators.table import combined, indicator_table

ROOT = Path(__file__).resolve().parents[1]
HASSELT, OLD_HASSELT, KORTESSEM = "71072", "71022", "73040"


def shipped_population() -> dict[tuple[str, int], int]:
    path = resources.files("socprev_kit").joinpath("data", "population.csv")
    with path.open(encoding="utf-8") as fh:
        return {(r["nis_code"], int(r["year"])): int(r["population"]) for r in csv.DictReader(fh)}


POP = shipped_population()


def dataset(rows: list[tuple], nis: str) -> sk.Dataset:
    """Rows of (nis_code as registered, period, indicator_id, value) of one project ``P``."""
    regs = pd.DataFrame(
        [("P", c, p, i, str(v)) for c, p, i, v in rows],
        columns=["project_id", "nis_code", "period", "indicator_id", "value"],
    )
    project = {"project_id": "P", "name": "P", "project_types": "street_work",
               "lead_nis_code": nis.split(";")[0], "nis_codes": nis, "start_date": "2019-01-01",
               "intervention_date": "2019-01-01", "end_date": ""}  # fmt: skip
    data = sk.validate({"registrations": regs, "projects": pd.DataFrame([project])}, lang="en")
    assert data.ok, data.issues
    return data


@pytest.fixture(scope="module")
def sample() -> sk.Dataset:
    return sk.load(ROOT / "sample_data" / "clean")


@pytest.mark.parametrize("freq", ["month", "year"])
def test_hasselt_before_the_merger_is_divided_by_old_hasselt(sample, freq):
    """The sample's Hasselt registered as 71022 until 2024: old Hasselt's population of the
    year (2021-2024: 2020, the latest shipped), not Hasselt with Kortessem (87,151)."""
    rated = rates_per_1000(indicator_table(sample, freq=freq))
    rows = rated[(rated["nis_code"] == HASSELT) & (rated["indicator_id"] == "I02")]
    year = rows["period"].str[:4].astype(int)
    before = year < 2025
    assert before.sum() > 0 and (~before).sum() > 0
    expected = [
        POP[(OLD_HASSELT, min(y, 2020))]
        if y < 2025
        else POP[(OLD_HASSELT, 2020)] + POP[(KORTESSEM, 2020)]
        for y in year
    ]
    assert rows["population"].tolist() == expected
    assert set(rows.loc[before, "population_nis_codes"]) == {OLD_HASSELT}
    assert set(rows.loc[~before, "population_nis_codes"]) == {f"{OLD_HASSELT};{KORTESSEM}"}
    assert rows["population_year"].tolist() == [min(y, 2020) for y in year]
    rate = 1000 * rows["value"] / pd.Series(expected, index=rows.index, dtype=float)
    assert np.allclose(rows["rate_per_1000"], rate)
    # 2020: 78,714 inhabitants of old Hasselt, as in the issue
    assert POP[(OLD_HASSELT, 2020)] == 78_714


def test_per_inhabitant_indicator_uses_the_same_territory(sample):
    table = indicator_table(sample)
    rows = table[(table["nis_code"] == HASSELT) & (table["indicator_id"] == "I01R")]
    counts = table[(table["nis_code"] == HASSELT) & (table["indicator_id"] == "I01")]
    both = rows.merge(counts, on=["project_id", "period"], suffixes=("", "_count"))
    assert len(both) and (both["population_nis_codes"] == both["population_nis_codes_count"]).all()
    y = both["period"].str[:4].astype(int)
    pop = [POP[(OLD_HASSELT, min(v, 2020))] if v < 2025 else 87_151 for v in y]
    assert np.allclose(both["value"], 1000 * both["value_count"] / np.array(pop, dtype=float))


def test_both_predecessors_registering_are_summed_with_their_populations():
    rows = [(OLD_HASSELT, "2019-03", "I01", 40), (KORTESSEM, "2019-03", "I01", 3),
            (OLD_HASSELT, "2024-03", "I01", 50), (KORTESSEM, "2024-03", "I01", 4),
            (HASSELT, "2025-03", "I01", 57)]  # fmt: skip
    rated = rates_per_1000(indicator_table(dataset(rows, HASSELT)))
    i01 = rated[rated["indicator_id"] == "I01"].set_index("period")
    assert set(i01["nis_code"]) == {HASSELT}
    assert i01["value"].tolist() == [43, 54, 57]
    both_2019 = POP[(OLD_HASSELT, 2019)] + POP[(KORTESSEM, 2019)]
    both_2020 = POP[(OLD_HASSELT, 2020)] + POP[(KORTESSEM, 2020)]
    assert i01["population"].tolist() == [both_2019, both_2020, both_2020]
    assert set(i01["population_nis_codes"]) == {"71022;73040"}
    assert i01.loc["2019-03", "rate_per_1000"] == pytest.approx(43_000 / both_2019)


def test_antwerpen_before_2025_is_without_borsbeek():
    """11002 is Antwerpen's code before and after it absorbed Borsbeek."""
    rows = [("11002", "2024-06", "I01", 300), ("11002", "2025-06", "I01", 300)]
    rated = rates_per_1000(indicator_table(dataset(rows, "11002")))
    i01 = rated[rated["indicator_id"] == "I01"].set_index("period")
    assert i01.loc["2024-06", "population"] == POP[("11002", 2020)] == 529_247
    assert i01.loc["2025-06", "population"] == POP[("11002", 2020)] + POP[("11007", 2020)]


def test_a_constant_rate_across_the_merger_stays_constant():
    """Planted: 10 per 1,000 a month on the territory registered. Old Hasselt registers alone
    until December 2024, the merged Hasselt from January 2025: the counts jump by the share of
    Kortessem, the rate does not."""
    true_rate = 10
    old = POP[(OLD_HASSELT, 2020)]  # 2021 and later use 2020, the latest year shipped
    new = old + POP[(KORTESSEM, 2020)]
    months = pd.period_range("2023-01", "2025-12", freq="M").astype(str)
    rows = [
        (
            OLD_HASSELT if m < "2025" else HASSELT,
            m,
            "I02",
            round(true_rate * (old if m < "2025" else new) / 1000),
        )
        for m in months
    ]
    rated = rates_per_1000(indicator_table(dataset(rows, HASSELT)))
    i02 = rated[rated["indicator_id"] == "I02"].set_index("period")
    # rounding the counts to whole numbers moves the rate by less than 0.5 / 787 = 0.06 %
    assert i02["rate_per_1000"].to_numpy() == pytest.approx(np.full(36, true_rate), rel=1e-3)
    jump = i02.loc["2025-01", "value"] / i02.loc["2024-12", "value"]
    assert jump == pytest.approx(new / old, rel=1e-3)


def test_combined_project_unites_the_territories():
    rows = [(OLD_HASSELT, "2024-01", "I01", 5), ("71020", "2024-01", "I01", 2)]
    data = dataset(rows, f"{HASSELT};71020")
    out = combined(rates_per_1000(indicator_table(data)), "P").set_index("indicator_id")
    assert out.loc["I01", "population_nis_codes"] == "71020;71022"
    assert out.loc["I01", "population"] == POP[("71020", 2020)] + POP[(OLD_HASSELT, 2020)]


def test_population_at_sums_the_codes_of_the_latest_year_at_or_before():
    area = pd.Series(["71022;73040", "71022", "71022", None, "99999"], index=list("abcde"))
    period = pd.Series(["2019-05", "2023", "2017-12", "2020-01", "2020-01"], index=list("abcde"))
    out = population_at(area, period)
    assert out.index.tolist() == list("abcde")
    assert out.loc["a", "population"] == POP[(OLD_HASSELT, 2019)] + POP[(KORTESSEM, 2019)]
    assert out.loc["b", ["population", "population_year"]].tolist() == [
        POP[(OLD_HASSELT, 2020)],
        2020,
    ]
    assert out.loc[["c", "d", "e"], "population"].isna().all()  # before 2018, none, unknown


def test_a_table_without_territories_is_on_the_2025_geography():
    table = pd.DataFrame({"project_id": ["P"], "nis_code": [HASSELT], "period": ["2024-01"],
                          "indicator_id": ["I01"], "kind": ["registered"],
                          "value": [10.0]})  # fmt: skip
    rated = rates_per_1000(table)
    assert rated.loc[0, "population"] == POP[(OLD_HASSELT, 2020)] + POP[(KORTESSEM, 2020)]


def test_an_its_across_the_merger_takes_its_offset_from_the_table():
    """Planted: 10 per 1,000 a month on the territory registered, times 0.8 from 2024-07. Old
    Hasselt registers until 2024-12, the merged Hasselt after; the ITS with the table's
    population as offset finds the planted 0.8. With the merged population throughout, the
    larger territory of 2025 would be read as part of the change."""
    from socprev_kit.evaluation.its import interrupted_time_series

    old = POP[(OLD_HASSELT, 2020)]
    new = old + POP[(KORTESSEM, 2020)]
    months = pd.period_range("2021-01", "2025-12", freq="M").astype(str)
    rows = [
        (
            OLD_HASSELT if m < "2025" else HASSELT,
            m,
            "I02",
            round(10 * (0.8 if m >= "2024-07" else 1) * (old if m < "2025" else new) / 1000),
        )
        for m in months
    ]
    table = rates_per_1000(indicator_table(dataset(rows, HASSELT)))
    series = table[table["indicator_id"] == "I02"]
    fit = interrupted_time_series(
        series, count="value", period="period", intervention="2024-07", population="population",
        family="poisson",
    )  # fmt: skip
    level = fit.effects.set_index("term").loc["level", "rate_ratio"]
    assert level == pytest.approx(0.8, rel=2e-3)
