"""The EMMIE section of the project report (issue 17, item 7): numbers against hand
calculations on the shipped sample, the interval of incidents prevented carried through from a
planted fit, nothing printed that the disclosure pattern hides, the texts in every language,
and a real papermill run of the project report notebook."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import nbformat
import numpy as np
import pandas as pd
import pytest

from socprev_kit import reports
from socprev_kit.common.formatting import format_number, format_percent
from socprev_kit.evaluation.evidence import cost_per_incident, incidents_prevented
from socprev_kit.reports.evaluate import published
from socprev_kit.reports.evidence_cost import budget_spent, main_outcome
from socprev_kit.reports.sections_context import context_rows
from socprev_kit.reports.texts import TEXTS, text

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
HEADINGS = ("h_evidence", "h_effect", "h_mechanism", "h_moderators", "h_implementation", "h_cost")


def _planted(
    rr: float = 0.8, low: float = 0.6, high: float = 0.95, after: float = 80.0
) -> SimpleNamespace:
    """An ITS result as the kit returns it, written by hand: 12 months, start June 2020 with a
    lag of one month (so July to December count), counterfactual 100 a month, observed 80; one
    post month missing its count (not counted)."""
    months = pd.date_range("2020-01-01", periods=12, freq="MS")
    observed = [100.0] * 6 + [after] * 5 + [np.nan]
    fitted = pd.DataFrame(
        {"period": months, "observed": observed, "fitted": [100.0] * 6 + [100 * rr] * 6,
         "counterfactual": [100.0] * 12}
    )  # fmt: skip
    effects = pd.DataFrame(
        {"term": ["trend", "level"], "rate_ratio": [1.0, rr], "ci_low": [0.99, low],
         "ci_high": [1.01, high]}
    )  # fmt: skip
    diagnostics = {"intervention": pd.Timestamp("2020-06-01"), "lag": 1}
    return SimpleNamespace(fitted=fitted, effects=effects, diagnostics=diagnostics)


def test_incidents_prevented_carry_the_level_interval_through_the_counterfactual() -> None:
    found = incidents_prevented(_planted())
    # July to November: 5 months with a count; 500 expected without the project, 400 seen
    assert found.n_months == 5 and (str(found.first), str(found.last)) == ("2020-07", "2020-11")
    assert found.value == pytest.approx(500 - 400)
    assert found.low == pytest.approx(500 * 0.8 / 0.95 - 400)  # 21.05: the smallest change
    assert found.high == pytest.approx(500 * 0.8 / 0.6 - 400)  # 266.7: the largest
    assert found.low < found.value < found.high and not found.includes_zero


def test_cost_per_incident_interval_is_ordered_and_given_only_when_the_change_is_not_chance():
    found = incidents_prevented(_planted())
    cost = cost_per_incident(50_000.0, found)
    assert cost.status == "computed"
    assert cost.value == pytest.approx(50_000 / 100)
    assert cost.low == pytest.approx(50_000 / found.high) and cost.high == pytest.approx(
        50_000 / found.low
    )
    assert cost.low < cost.value < cost.high
    chance = incidents_prevented(_planted(rr=0.8, low=0.6, high=1.1))
    assert chance.low < 0 < chance.high and chance.includes_zero
    assert cost_per_incident(50_000.0, chance).status == "chance"
    rise = incidents_prevented(_planted(rr=1.3, low=1.1, high=1.5, after=130.0))
    assert rise.value == pytest.approx(500 - 650) and rise.high < 0
    assert cost_per_incident(50_000.0, rise).status == "increase"
    assert cost_per_incident(None, found).status == "no_budget"
    # a slope change whose interval holds 1: possibly chance, whatever the level's interval says
    sloped = _planted()
    slope = pd.DataFrame({"term": ["slope"], "rate_ratio": [0.99], "ci_low": [0.97],
                          "ci_high": [1.01]})  # fmt: skip
    sloped.effects = pd.concat([sloped.effects, slope], ignore_index=True)
    found = incidents_prevented(sloped)
    assert found.low > 0 and found.slope_uncertain and found.includes_zero
    assert cost_per_incident(50_000.0, found).status == "chance"
    sloped.effects.loc[2, ["ci_low", "ci_high"]] = [0.98, 0.995]
    assert cost_per_incident(50_000.0, incidents_prevented(sloped)).status == "computed"
    assert np.isnan(cost_per_incident(0.0, found).value)


@pytest.fixture(scope="module")
def dam() -> reports.Report:
    return reports.project_report("GEN-DAM", lang="fr")


@pytest.fixture(scope="module")
def dam_text(dam: reports.Report) -> str:
    return reports.evidence(dam).text


def test_gen_dam_budget_incidents_and_cost_against_hand_calculations(dam, dam_text) -> None:
    # the budget: P02N of the raw yearly registrations from the start year (2020) on
    rows = dam.ctx.data.registrations
    rows = rows[(rows["project_id"] == "GEN-DAM") & (rows["indicator_id"] == "P02N")]
    years = rows["period"].astype(str).str[:4].astype(int)
    budget = float(rows.loc[years.between(2020, 2025).to_numpy(), "value"].sum())
    assert budget > 0
    assert budget_spent(dam, dam.units[0], 2025)["total"] == pytest.approx(budget)
    assert f"{format_number(budget, 'fr', decimals=0)} euros" in dam_text
    # incidents prevented: section 5's fit of I01, by hand from its fitted frame
    outcome = main_outcome(dam, dam.units[0])
    assert outcome.indicator_id == "I01"  # named by objective S1
    fit, level = outcome.result.fitted, outcome.result.effects.set_index("term").loc["level"]
    post = fit[pd.to_datetime(fit["period"]) >= pd.Timestamp("2020-11-01")]  # Oct + lag 1
    cf, obs = post["counterfactual"].sum(), post["observed"].sum()
    low = cf * level["rate_ratio"] / level["ci_high"] - obs
    high = cf * level["rate_ratio"] / level["ci_low"] - obs
    numbers = [format_number(round(x), "fr", decimals=0) for x in (cf - obs, low, high)]
    assert f"environ {numbers[0]} (intervalle {numbers[1]} à {numbers[2]})" in dam_text
    assert "62 mois" in dam_text and "novembre 2020 à décembre 2025" in dam_text
    # the cost: the budget over each, the interval ordered
    costs = [budget / (cf - obs), budget / high, budget / low]
    assert costs[1] < costs[0] < costs[2]
    euros = [format_number(x, "fr", decimals=0) for x in costs]
    assert f"environ {euros[0]} euros (intervalle {euros[1]} à {euros[2]} euros)" in dam_text


def test_gen_dam_effect_mechanism_moderators_and_implementation(dam, dam_text) -> None:
    # effect: the level change of section 5's estimate, with its interval
    level = main_outcome(dam, dam.units[0]).result.effects.set_index("term").loc["level"]
    assert format_percent(100 * (level["rate_ratio"] - 1), "fr", signed=True) in dam_text
    # mechanism: the objectives by indicator type; no output objective, which is said
    assert "O1 (objectif opérationnel)" in dam_text and "S1 (objectif stratégique)" in dam_text
    assert text("mech_missing_output", "fr") in dam_text
    # moderators: March 2020 (start) to December 2025 = 70 months, 16 of them COVID-19 months
    assert "16 mois du projet sur 70" in dam_text and "263\u202f927 habitants" in dam_text
    assert "Région flamande" in dam_text and "Flandre-Orientale" in dam_text
    # implementation: P03 of 2025 from the raw counts; no partnership registered
    table = dam.table[dam.table["period"].str.startswith("2025-")]  # the monthly counts
    done, planned = (
        table.loc[table["indicator_id"].eq(i), "value"].sum() for i in ("P03N", "P03D")
    )
    assert (done, planned) == (786, 864)
    assert f"({done:.0f} sur {planned:.0f})" in dam_text and "non atteint" in dam_text
    assert "(P06 Fonctionnement du partenariat)\xa0: non enregistré." in dam_text


def test_a_count_from_hidden_months_is_not_printed() -> None:
    """BAS-CA: some monthly I02 counts after the start are hidden; the incidents prevented (which
    would give back their total) and the cost per incident are not printed, and say why."""
    report = reports.project_report("BAS-CA", lang="fr")
    unit = report.units[0]
    outcome = main_outcome(report, unit)
    shown = published(report, unit)
    after = shown[shown["indicator_id"].eq(outcome.indicator_id) & shown["period"].ge("2021-09")]
    assert after["suppressed"].any()  # the premise: hidden months after the start
    words = reports.evidence(report).text
    found = incidents_prevented(outcome.result)
    cost = words[words.index(text("h_cost", "fr")) :]
    for x in (found.value, found.low, found.high):
        number = format_number(round(x), "fr", decimals=0)
        assert not re.search(rf"(?<![\d\u202f]){number}(?![\d\u202f])", cost), number
    assert "non affichés" in words and "Coût par incident évité" not in words
    assert not re.search(r"Incidents évités \([^)]*\) : environ", words)
    # a municipality's context count hidden in 2025: its rate is not printed, the region's is
    rows = context_rows(report)
    hidden = rows[rows["hidden"]]
    assert len(hidden)
    for rate in hidden["rate_per_1000"]:
        assert format_number(rate, "fr", decimals=2) not in words
    assert "2025\xa0: masqué\u202f; Région wallonne" in words


def test_a_project_without_an_estimate_says_what_is_missing() -> None:
    words = reports.evidence(reports.project_report("BRU-COORD", lang="nl")).text
    assert text("cost_no_its", "nl") in words  # pre_post design: no ITS, no cost per incident
    assert "voor- en nameting" in words  # the reason from section 5


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_section_is_written_in_each_language(lang: str) -> None:
    report = reports.project_report("KUST-SW", lang=lang)
    words = reports.evidence(report).text
    for key in HEADINGS:
        assert text(key, lang) in words
    other = {"nl": "fr", "fr": "nl", "en": "fr"}[lang]
    assert text("h_mechanism", other) not in words or lang == "en"
    assert all(k in TEXTS for k in ("cost_chance", "impl_not_registered", "mod_missing"))
    assert "{" not in words  # every placeholder filled


def test_project_sections_put_the_evidence_after_the_comparison() -> None:
    sections = reports.PROJECT_SECTIONS
    assert sections.index(reports.evidence) == sections.index(reports.comparison) + 1
    assert [s for s in sections if s is not reports.evidence] == list(reports.SECTIONS)
    assert reports.evidence not in reports.SECTIONS


@pytest.mark.slow
def test_the_project_notebook_shows_the_emmie_section(tmp_path: Path) -> None:
    import papermill as pm

    out = tmp_path / "project.ipynb"
    pm.execute_notebook(
        NOTEBOOKS / "project_report.ipynb",
        out,
        parameters={"lang": "fr"},
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    markdown = "\n".join(
        o["data"]["text/markdown"]
        for c in nb.cells
        for o in c.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    )
    for key in HEADINGS:
        level = "##" if key == "h_evidence" else "###"
        assert f"{level} {text(key, 'fr')}" in markdown
    assert markdown.index(text("h_evidence", "fr")) < markdown.index(text("h_context", "fr"))
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
