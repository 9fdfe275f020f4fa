"""How strong a report's findings are (issue 17): an effort indicator is never reported alone,
the falsification checks and the rating of every effect, the designs side by side."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from socprev_kit import reports
from socprev_kit.common.formatting import format_percent
from socprev_kit.data.catalogue import indicator_catalogue
from socprev_kit.evaluation.its import interrupted_time_series
from socprev_kit.reports.designs import DESIGNS, DesignEstimate, agreement, design_estimates
from socprev_kit.reports.interrupted import its_outcome
from socprev_kit.reports.report import Unit
from socprev_kit.reports.sections_designs import designs_part
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


# --- the designs side by side -------------------------------------------------------------------


def _estimate(low, high):
    return DesignEstimate("its", rate_ratio=(low * high) ** 0.5, ci_low=low, ci_high=high)


@pytest.mark.parametrize(
    ("intervals", "key"),
    [
        ([(0.5, 0.9), (0.6, 0.95), (0.4, 0.99)], "designs_agree_down"),
        ([(1.1, 1.5), (1.2, 2.0)], "designs_agree_up"),
        ([(0.8, 1.2), (0.9, 1.3)], "designs_agree_none"),
        ([(0.5, 0.9), (0.8, 1.2)], "designs_partly"),
        ([(0.5, 0.9), (1.1, 1.4), (0.8, 1.2)], "designs_conflict"),
        ([(0.5, 0.9)], "designs_one"),
    ],
)
def test_the_designs_agree_when_their_intervals_say_the_same(intervals, key):
    estimates = (*[_estimate(lo, hi) for lo, hi in intervals], DesignEstimate("did", reason="x"))
    assert agreement(estimates) == key


def test_the_four_designs_of_a_controlled_finding():
    import statsmodels.api as sm

    report = reports.project_report("GEN-DAM", lang="nl")
    (unit,) = report.units
    outcome = its_outcome(report, unit, "I02")
    its, controlled, did, synthetic = design_estimates(report, outcome)
    assert [e.design for e in (its, controlled, did, synthetic)] == list(DESIGNS)
    # the ITS alone: the report's model on the treated series without the comparison (GEN-DAM
    # expects a level change one month after its intervention)
    assert report.projects.set_index("project_id").at["GEN-DAM", "lag_months"] == 1
    alone = interrupted_time_series(
        outcome.series, count="value", period="period", intervention=outcome.intervention,
        population="population", family="quasipoisson", harmonics=1, lag=1,
    ).effects.set_index("term").loc["level"]  # fmt: skip
    assert its.rate_ratio == pytest.approx(alone["rate_ratio"]) and its.rating.base == 2
    level = outcome.result.effects.set_index("term").loc["level"]
    assert controlled.rate_ratio == pytest.approx(level["rate_ratio"])
    # DiD: a quasi-Poisson GLM of the same months, written here with statsmodels
    month = pd.Period(outcome.intervention, "M")
    rows = pd.concat([outcome.series.assign(treated=1), outcome.control.assign(treated=0)])
    rows = rows[(rows["period"] < str(month)) | (rows["period"] >= str(month + 1))]  # the lag
    rows["post"] = (rows["period"] >= str(month)).astype(int)
    X = sm.add_constant(rows[["treated", "post"]].assign(both=rows["treated"] * rows["post"]))
    fit = sm.GLM(rows["value"], X, family=sm.families.Poisson(),
                 offset=np.log(rows["population"])).fit(scale="X2")  # fmt: skip
    assert did.rate_ratio == pytest.approx(np.exp(fit.params["both"]), rel=1e-6)
    low, high = np.exp(fit.conf_int().loc["both"])
    assert (did.ci_low, did.ci_high) == pytest.approx((low, high), rel=1e-6)
    # the teaching sample has no context data: too few untreated municipalities for placebos,
    # so the synthetic comparison has an estimate without an interval, and no level above 3
    found = synthetic.synthetic
    assert found.diagnostics["n_placebos"] < 5 and np.isfinite(synthetic.rate_ratio)
    assert np.isnan(synthetic.ci_low) and synthetic.verdict is None
    assert synthetic.rating.base == 3 and abs(found.weights["weight"].sum() - 1) < 1e-9


def test_the_project_report_shows_the_designs_side_by_side():
    report = reports.project_report("GEN-DAM", lang="fr")
    part = designs_part(report)
    assert len(part.figures) == 2  # one forest plot per impact count
    table = part.tables[0]
    assert list(table.columns) == ["Plan d'évaluation", "Changement", "Intervalle à 95\u202f%",
                                   "Force (Maryland, 1-5)"]  # fmt: skip
    assert table.iloc[3, 2] == "pas d'intervalle\u00a0: trop peu de communes pour les placebos"
    said = " ".join(b.text for b in part.blocks if hasattr(b, "text"))
    assert "Les plans d'évaluation" in said


# --- checks, rating and power in section 5 ------------------------------------------------------


def test_section_5_shows_each_estimates_checks_rating_and_power():
    from scipy import stats

    report = reports.project_report("GEN-NIGHT", lang="nl")
    (unit,) = report.units
    outcome = its_outcome(report, unit, "I11")
    section = reports.impact(report)
    checks = [t for t in section.tables if "Controle" in t.columns]
    assert len(checks) == 1 and len(checks[0]) == 4
    assert set(checks[0]["Resultaat"]) <= {"geslaagd", "niet geslaagd", "niet uitgevoerd"}
    said = " ".join(b.text for b in section.blocks if hasattr(b, "text"))
    assert "Sterkte van het bewijs: niveau" in said
    # the smallest visible fall, by hand from the fit's 95 % interval (t quantiles, 80 % power)
    level = outcome.result.effects.set_index("term").loc["level"]
    df = outcome.result.diagnostics["t_df"]
    q = stats.t.ppf(0.975, df)
    se = np.log(level["ci_high"] / level["ci_low"]) / (2 * q)
    mde = 1 - np.exp(-(q + stats.norm.ppf(0.8)) * se)
    shown = format_percent(100 * mde, "nl")
    n_post = outcome.result.diagnostics["n_post"]
    assert f"Met {n_post} maanden na de start kon deze analyse een daling van {shown}" in said
