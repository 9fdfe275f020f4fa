"""Context in the reports: the COVID-19 months of an ITS, the start of the intervention, and
whose figures a municipality's report of an intermunicipal project shows."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from socprev_kit import reports
from socprev_kit.evaluation.its import ITSWarning, interrupted_time_series
from socprev_kit.plots.style import label
from socprev_kit.reports import ReportParameterError
from socprev_kit.reports.evaluate import unit_series
from socprev_kit.reports.figures import Panel, panel_figure
from socprev_kit.reports.interrupted import its_outcome
from socprev_kit.reports.report import ALL, Unit
from socprev_kit.reports.sections_impact import its_sentences
from socprev_kit.reports.sections_results import _process_panels
from socprev_kit.reports.texts import text

#: March 2020 to June 2021, written out by hand.
COVID_MONTHS = {f"2020-{m:02d}" for m in range(3, 13)} | {f"2021-{m:02d}" for m in range(1, 7)}
GENT, VAUX = "44021", "82036"  # Vaux-sur-Sûre: one of BAS-CA's three municipalities


@pytest.fixture(scope="module")
def gent() -> reports.Report:
    return reports.municipality_report(GENT, lang="en")


@pytest.fixture(scope="module")
def vaux() -> reports.Report:
    return reports.municipality_report(VAUX, lang="fr")


# --- COVID-19 months --------------------------------------------------------------------------


def test_gen_pz_gets_the_covid_caveat_and_gen_night_after_mid_2021_does_not(gent):
    """GEN-PZ's intervention is March 2020; GEN-NIGHT's September 2022, so from July 2021 on
    its months before and after lie outside the COVID-19 period."""
    pz = its_sentences(gent, its_outcome(gent, Unit("GEN-PZ", GENT), "I07"))
    assert any("COVID-19 period (March 2020 to June 2021" in t for t in pz)
    later = reports.municipality_report(GENT, lang="en", period_start="2021-07")
    night = its_outcome(later, Unit("GEN-NIGHT", GENT), "I11")
    assert night.result is not None and night.other is None
    assert not any("COVID" in t for t in its_sentences(later, night))


def _fit_like_the_report(series: pd.DataFrame) -> pd.DataFrame:
    """GEN-PZ's I07 as the report fits it (uncontrolled, level only, lag 6), refitted here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ITSWarning)
        return interrupted_time_series(
            series, count="value", period="period", intervention="2020-03-01",
            population="population", family="quasipoisson", harmonics=1, lag=6,
        ).effects.set_index("term")  # fmt: skip


def test_the_estimate_is_shown_both_ways_with_fewer_months_without_covid(gent):
    unit = Unit("GEN-PZ", GENT)
    outcome = its_outcome(gent, unit, "I07")
    series = unit_series(gent, unit)
    series = series[(series["indicator_id"] == "I07") & series["value"].notna()]
    kept = series[~series["period"].astype(str).str[:7].isin(COVID_MONTHS)]
    assert len(series) - len(kept) == 16  # precondition: the data cover the whole period
    with_all, without = outcome.result.diagnostics, outcome.other.diagnostics
    # the 6 lag months (2020-03 to 2020-08) are left out of both fits: 10 COVID months remain
    lag = set(pd.period_range("2020-03", periods=6, freq="M").astype(str))
    dropped = len(set(COVID_MONTHS) - lag)
    assert dropped == 10
    assert without["n_pre"] + without["n_post"] == with_all["n_pre"] + with_all["n_post"] - dropped
    expected = _fit_like_the_report(kept).loc["level", "rate_ratio"]
    assert outcome.other.effects.set_index("term").loc["level", "rate_ratio"] == pytest.approx(
        expected, rel=1e-9
    )
    assert expected != pytest.approx(
        outcome.result.effects.set_index("term").loc["level", "rate_ratio"], rel=1e-3
    )
    table = reports.impact(gent).tables[0]  # GEN-PZ comes first
    names = list(table.iloc[:, 0])
    assert names == [
        text("covid_with_row", "en", name="I07 Acquisitive property crime"),
        text("covid_without_row", "en", name="I07 Acquisitive property crime"),
    ]
    months = [tuple(int(x) for x in m.split(" / ")) for m in table.iloc[:, 3]]
    assert sum(months[0]) - sum(months[1]) == dropped


def test_covid_exclude_leaves_the_months_out_and_include_shows_one_way():
    unit = Unit("GEN-PZ", GENT)
    both = reports.municipality_report(GENT, lang="nl")
    out = reports.municipality_report(GENT, lang="nl", covid="exclude")
    one = reports.municipality_report(GENT, lang="nl", covid="include")
    o_both, o_out = its_outcome(both, unit, "I07"), its_outcome(out, unit, "I07")
    level = lambda r: r.effects.set_index("term").loc["level", "rate_ratio"]  # noqa: E731
    assert o_out.covid_left_out == 16
    assert level(o_out.result) == pytest.approx(level(o_both.other), rel=1e-12)
    assert level(o_out.other) == pytest.approx(level(o_both.result), rel=1e-12)
    said = its_sentences(out, o_out)
    assert any(t.startswith("De 16 maanden van de COVID-19-periode") for t in said)
    o_one = its_outcome(one, unit, "I07")
    assert o_one.other is None and level(o_one.result) == pytest.approx(level(o_both.result))
    assert len(reports.impact(one).tables[0]) == 1
    with pytest.raises(ReportParameterError, match="'both'"):
        reports.municipality_report(GENT, lang="nl", covid="sans")


# --- the start of the intervention ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "Start interventie"), ("fr", "Début de l'intervention"), ("en", "Intervention start")],
)
def test_the_vertical_line_is_the_start_of_the_intervention(lang, words):
    assert label("intervention", lang) == words


def test_the_its_sentence_names_the_intervention_and_the_figure_both_dates(gent):
    """GEN-PZ started in September 2019; its intervention was March 2020."""
    outcome = its_outcome(gent, Unit("GEN-PZ", GENT), "I07")
    first = its_sentences(gent, outcome)[0]
    assert first.startswith("After the start of the intervention in March 2020")
    series = unit_series(gent, outcome.unit)
    series = series[series["indicator_id"] == "I07"]
    panel = Panel(series, "I07", "n", intervention=outcome.intervention,
                  project_start=pd.Timestamp("2019-09-01"))  # fmt: skip
    ax = panel_figure([panel], "en").axes[0]
    lines = {line.get_label(): line.get_xdata()[0] for line in ax.lines}
    assert pd.Timestamp(lines["Intervention start"]) == pd.Timestamp("2020-03-01")
    assert pd.Timestamp(lines["Project start"]) == pd.Timestamp("2019-09-01")
    import matplotlib.pyplot as plt

    plt.close("all")


# --- a municipality's report of an intermunicipal project -------------------------------------


def _target_labels(lang: str) -> set[str]:
    return {text("target_month", lang), text("target", lang)}


def test_a_member_panel_has_no_target_line_the_project_total_has(vaux):
    import matplotlib.pyplot as plt

    member = _process_panels(vaux, Unit("BAS-CA", VAUX))
    fig = panel_figure(member, "fr")
    assert member and not any(
        line.get_label() in _target_labels("fr") for ax in fig.axes for line in ax.lines
    )
    project = reports.project_report("BAS-CA", lang="fr")
    total = _process_panels(project, Unit("BAS-CA", ALL))
    fig = panel_figure(total, "fr")
    assert any(line.get_label() in _target_labels("fr") for ax in fig.axes for line in ax.lines)
    plt.close("all")


def _plain(said: str) -> str:
    """Text with the French no-break spaces as plain ones."""
    return said.replace("\u202f", " ").replace("\xa0", " ")


def test_project_figures_are_labelled_as_the_whole_projects(vaux):
    names = "Vaux-sur-Sûre, Sainte-Ode, Bastogne"
    logic = _plain(reports.logic_model(vaux).text)
    assert f"(tout le projet : {names})" in logic
    assert "sont des chiffres de tout le projet, et non de Vaux-sur-Sûre uniquement" in logic
    process = _plain(reports.process_and_outputs(vaux).text)
    assert "### BAS-CA – Plan drogues Centre Ardenne (Vaux-sur-Sûre)" in process
    assert "Chiffres de Vaux-sur-Sûre uniquement." in process
    impact = _plain(reports.impact(vaux).text)
    assert "Chiffres de Vaux-sur-Sûre uniquement, pas de tout le projet BAS-CA" in impact
    caveats = _plain(reports.interpretation(vaux).text).split("### ")[-1]
    assert "Les objectifs de BAS-CA et leur réalisation valent pour tout le projet" in caveats


def test_a_projects_own_municipality_gets_no_whole_project_label(gent):
    for section in (reports.logic_model, reports.process_and_outputs, reports.interpretation):
        said = section(gent).text
        assert "whole project" not in said and "alone" not in said


def test_the_annex_says_how_the_covid_months_were_treated(gent):
    assert "a second time without those months (parameter covid)" in reports.annex(gent).text
    out = reports.municipality_report(GENT, lang="en", covid="exclude")
    assert "are left out of the series" in reports.annex(out).text


def test_a_folder_without_projects_or_objectives_still_prepares(tmp_path, caplog):
    """Registrations only (the sample's CSV files: no projects, no objectives): ``prepare``
    gives the data and computes ahead what every report shares (the disclosure pattern, the
    funnel inputs), instead of stopping a batch's kernels at their warm-up (issue 14 item 4;
    since issue 16 nothing of the warm-up needs the projects or objectives tables)."""
    from pathlib import Path

    from socprev_kit.reports.context import prepare

    sample = Path(__file__).resolve().parents[1] / "sample_data" / "clean"
    for f in sample.glob("registrations_*.csv"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    ctx = prepare(tmp_path, warm=True)
    assert len(ctx.data.registrations) and ctx.data.objectives.empty and ctx.data.projects.empty
    assert "cannot compute ahead what the reports share" not in caplog.text
    assert ctx.knows("disclosure") and ctx.knows("yearly_counts")
