"""How strong a report's findings are (issue 17): an effort indicator is never reported alone,
the falsification checks and the rating of every effect, the designs side by side."""

from __future__ import annotations

import pytest

from socprev_kit import reports
from socprev_kit.common.formatting import format_percent
from socprev_kit.data.catalogue import indicator_catalogue
from socprev_kit.reports.interrupted import its_outcome
from socprev_kit.reports.report import Unit
from socprev_kit.reports.sections_impact import effort_sentences, its_sentences
from socprev_kit.reports.strength import outcome_rating, rating_sentence


def _change(outcome, lang):
    level = outcome.result.effects.set_index("term").loc["level"]
    return [format_percent(100 * (level[c] - 1), lang, signed=True)
            for c in ("rate_ratio", "ci_low", "ci_high")]  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_an_effort_indicator_is_read_with_the_projects_complaints(lang):
    report = reports.municipality_report("44021", lang=lang)
    unit = Unit("GEN-DAM", "44021")
    assert indicator_catalogue().set_index("indicator_id").at["I01", "effort"]
    said = its_sentences(report, its_outcome(report, unit, "I01"))[-1]
    complaints = its_outcome(report, unit, "I02")
    change, low, high = _change(complaints, lang)
    assert ("inzet van politie" if lang == "nl" else "l'effort de la police") in said
    assert "I02" in said and change in said and low in said and high in said
    # the complaints themselves do not rise with effort: no such sentence on them
    assert effort_sentences(report, complaints) == []


def test_an_effort_indicator_without_complaints_says_it_cannot_be_read_as_the_problem():
    report = reports.project_report("ANT-SW", lang="fr")
    (unit,) = report.units
    said = effort_sentences(report, its_outcome(report, unit, "I01"))
    assert len(said) == 1 and "ne peut donc pas être lu comme un changement du problème" in said[0]


def test_no_sentence_when_there_is_no_effect_to_read():
    report = reports.project_report("NAM-COORD", lang="nl")
    (unit,) = report.units
    outcome = its_outcome(report, unit, "I01")
    assert outcome.result is None and effort_sentences(report, outcome) == []


# --- the rating of each effect ------------------------------------------------------------------


def test_every_effect_in_the_headline_carries_its_rating():
    report = reports.municipality_report("44021", lang="nl")
    effects = reports.headline(report)["its_level"]
    assert effects
    for e in effects:
        outcome = its_outcome(report, Unit(e["project_id"], e["area"]), e["indicator_id"])
        rating = outcome_rating(report, outcome)
        assert 1 <= e["rating"] <= e["rating_base"] <= 5
        assert (e["rating"], e["rating_reasons"]) == (rating.level, list(rating.reasons))


def test_covid_months_lower_the_rating_only_near_or_after_the_start():
    # BXL-MED starts in January 2022: the year before holds 2021-01 .. 2021-06 of the COVID-19
    # period (6 months, counted by hand); the months of 2020 lie further back and do not count.
    report = reports.project_report("BXL-MED", lang="nl")
    (unit,) = report.units
    outcome = its_outcome(report, unit, "I02")
    assert str(outcome.intervention)[:7] == "2022-01" and outcome.other is not None
    rating = outcome_rating(report, outcome)
    assert "covid_overlap" in rating.reasons and rating.fields["covid_months"] == 6
    assert "6 maanden van de COVID-19-periode" in rating_sentence(report, outcome)


def test_a_series_of_fewer_than_24_months_before_the_start_is_rated_short():
    report = reports.project_report("GEN-PZ", lang="fr")
    (unit,) = report.units
    outcome = its_outcome(report, unit, "I07")
    assert outcome.result.diagnostics["n_pre"] < 24
    rating = outcome_rating(report, outcome)
    assert rating.reasons[0] == "short_series" and rating.level == rating.base - 1
    assert "la série est courte" in rating_sentence(report, outcome)
