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
