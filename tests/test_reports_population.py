"""The population lines of a report (socprev_kit.reports.population): the year where it is not
the data's, and what a merged municipality's rates divide by. Populations are read from the
shipped CSV with the ``csv`` module, apart from the kit."""

from __future__ import annotations

import csv
from importlib import resources

import pandas as pd
import pytest

from socprev_kit import reports
from socprev_kit.reports.display import Markdown, Table
from socprev_kit.reports.population import population_cells, population_year_note


def _population() -> dict[tuple[str, int], int]:
    path = resources.files("socprev_kit").joinpath("data", "population.csv")
    with path.open(encoding="utf-8") as fh:
        return {(r["nis_code"], int(r["year"])): int(r["population"]) for r in csv.DictReader(fh)}


POP = _population()


def _dots(n: int) -> str:
    """A whole number as a Dutch report writes it: 78714 -> 78.714."""
    return f"{n:,}".replace(",", ".")


def _texts(section: reports.display.Section) -> str:
    return "\n".join(b.text for b in section.blocks if isinstance(b, Markdown))


def _population_rows(section: reports.display.Section, label: str) -> list[pd.Series]:
    frames = [b.frame for b in section.blocks if isinstance(b, Table)]
    return [f.iloc[i] for f in frames for i in range(len(f)) if f.iloc[i, 0] == label]


def test_population_cells_give_the_year_only_where_it_is_not_the_columns():
    rows = pd.DataFrame(
        {"population": [78296.0, 78714.0, float("nan")], "population_year": [2019, 2020, None]},
        index=["2019", "2021", "2022"],
    )
    assert population_cells(rows, "nl") == ["78.296", "78.714 (2020)", "–"]


def test_population_year_note_only_after_the_last_population_year():
    assert population_year_note(2020, "nl") == ""
    note = population_year_note(2024, "fr")
    assert "2024" in note and "1er janvier 2020" in note


@pytest.fixture(scope="module")
def hasselt() -> reports.Report:
    return reports.municipality_report("71072", lang="nl")


def test_hasselt_report_shows_old_hasselts_population_before_2025(hasselt):
    rows = _population_rows(reports.impact(hasselt), "Inwoners (bevolkingsjaar)")
    assert rows
    old, both = POP[("71022", 2020)], POP[("71022", 2020)] + POP[("73040", 2020)]
    for row in rows:
        assert row["2019"] == _dots(POP[("71022", 2019)])  # the data's own year: no year shown
        assert row["2024"] == f"{_dots(old)} (2020)"
        assert row["2025"] == f"{_dots(both)} (2020)"


@pytest.mark.parametrize("section", ["who_and_what", "impact"])
def test_hasselt_report_says_what_its_rates_divide_by(hasselt, section):
    words = _texts(getattr(reports, section)(hasselt))
    assert "Hasselt (71022) en Kortessem (73040)" in words
    assert "2019–2024: geregistreerd voor Hasselt (71022) alleen" in words
    assert f"({_dots(POP[('71022', 2020)])} op 1 januari 2020)" in words


def test_an_unmerged_municipality_has_no_merger_note():
    gent = reports.municipality_report("44021", lang="fr")
    assert "fusion" not in _texts(reports.who_and_what(gent))
