"""Notebook 08's simulated panel holds what it says it planted, and its checks give the hint of
each typical mistake in Dutch and French (the notebook itself: tests/test_training.py and nbval)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from socprev_kit.evaluation.evidence.falsification import Falsification
from socprev_kit.evaluation.its import ITSResult
from socprev_kit.teaching.checks import check_mayor_sentence, check_prediction, check_step
from socprev_kit.teaching.checks import evidence as ev
from socprev_kit.teaching.evidence_panel import (
    DONORS,
    MIX,
    SHOCK_DATE,
    SHOCKED,
    START,
    TREATED,
    TRUTH,
    simulate_panel,
)  # fmt: skip
from socprev_kit.teaching.exercise import say


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return simulate_panel()


def _rates(panel: pd.DataFrame, indicator: str) -> pd.DataFrame:
    rows = panel[panel["indicator_id"] == indicator]
    rate = 1000 * rows["value"] / rows["population"]
    return rows.assign(rate=rate).pivot(index="period", columns="nis_code", values="rate")


def _ratio(rates: pd.DataFrame, column: pd.Series, date: str) -> float:
    """Mean after ``date`` over mean before, of one series."""
    after = rates.index >= date
    return float(column[after].mean() / column[~after].mean())


@pytest.mark.parametrize("indicator", sorted(TRUTH))
def test_the_treated_change_is_the_planted_one_against_its_mix(panel, indicator) -> None:
    """By hand, without a model: T00's ratio after/before the start over that of the donor mix it
    was made from is the planted rate ratio, within the counts' noise."""
    rates = _rates(panel, indicator)
    mix = sum(w * rates[code] for code, w in MIX.items())
    found = _ratio(rates, rates[TREATED], START) / _ratio(rates, mix, START)
    rows = panel.query("nis_code == @TREATED and indicator_id == @indicator")
    after = rows["period"] >= START
    n_after, n_before = rows.loc[after, "value"].sum(), rows.loc[~after, "value"].sum()
    se = np.sqrt(1 / n_after + 1 / n_before)  # Poisson error of the log ratio, treated alone
    assert abs(np.log(found / TRUTH[indicator])) < 3 * se + 0.05, (found, TRUTH[indicator])


def test_one_donor_has_a_step_long_before_the_start(panel) -> None:
    rates = _rates(panel, "I02")
    others = rates[[c for c in DONORS if c != SHOCKED]].mean(axis=1)
    step = _ratio(rates, rates[SHOCKED], SHOCK_DATE) / _ratio(rates, others, SHOCK_DATE)
    assert 0.5 < step < 0.72  # planted 0.60
    assert SHOCK_DATE < START and SHOCKED not in MIX


def test_the_panel_is_the_same_on_every_run(panel) -> None:
    pd.testing.assert_frame_equal(panel, simulate_panel())
    assert not panel.equals(simulate_panel(seed=9))
    assert (panel["value"] >= 0).all() and panel["nis_code"].nunique() == len(DONORS) + 1


def _checks(**status: str) -> Falsification:
    reasons = {"pass": "placebos_smaller", "fail": "placebos_as_large", "not_run": "too_short"}
    space = {"pass": "real_among_largest", "fail": "donors_as_large", "not_run": "few_donors"}
    rows = {
        "placebo_time": reasons[status.get("placebo_time", "pass")],
        "placebo_space": space[status.get("placebo_space", "pass")],
        "leave_one_out": "uncontrolled",
        "non_target": "no_non_target",
    }
    table = pd.DataFrame({
        "check": list(rows), "reason": list(rows.values()),
        "status": [status.get("placebo_time", "pass"), status.get("placebo_space", "pass"),
                   "not_run", "not_run"],
        "statistic": [0.0, 0.04, np.nan, np.nan], "threshold": [0.1, 0.05, np.nan, np.nan],
        "n": [8, 24, 0, 0], "skipped": 0, "rank": [np.nan, 1.0, np.nan, np.nan],
        "rate_ratio": np.nan, "detail": ["26", "19", "", ""],
    })  # fmt: skip
    return Falsification(table=table)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_prediction_right_in_any_of_the_languages_words(lang) -> None:
    words = {"nl": ("geslaagd", "Geslaagd", "niet uitgevoerd"), "fr": ("réussi", "pass", "not run")}
    assert check_prediction(*words[lang], _checks(), lang=lang).passed


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_prediction_names_the_typical_mistake(lang) -> None:
    fb = check_prediction("not_run", "fail", "pass", _checks(), lang=lang)
    assert not fb.passed
    marks = [m for m, _ in fb.lines]
    assert marks == ["wrong", "hint"] * 3
    texts = [t for _, t in fb.lines]
    # a check that could not run is no pass; a check that ran said what it found
    assert texts[5] == say(lang, ev.NOT_RUN_IS_NOT_PASS)
    assert texts[1].startswith(say(lang, ev.IT_RAN, meaning="")[:30])
    assert "24" in texts[3]  # the meaning of placebo in space: 24 municipalities without project
    odd = check_prediction("yes", ..., ..., _checks(), lang=lang)
    assert [m for m, _ in odd.lines] == ["wrong", "todo", "todo"]


def test_prediction_follows_the_checks_not_a_fixed_answer() -> None:
    failed = _checks(placebo_time="fail")
    assert not check_prediction("pass", "pass", "not_run", failed, lang="nl").passed
    assert check_prediction("fail", "pass", "not_run", failed, lang="nl").passed


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_step_right_only_when_the_fake_dates_failed(lang) -> None:
    failed = _checks(placebo_time="fail", placebo_space="fail")
    assert check_step("placebo_time", failed, lang=lang).passed
    missed = check_step("placebo_time", _checks(), lang=lang)
    start = say(lang, ev.STEP_MISSED, meaning="")[:20]
    assert not missed.passed and missed.lines[0][1].startswith(start)
    for answer, hint in [("placebo_space", ev.SPACE_HINT), ("leave_one_out", ev.LOO_HINT),
                         ("non_target", ev.NON_TARGET_HINT)]:  # fmt: skip
        fb = check_step(answer, failed, lang=lang)
        assert not fb.passed and fb.lines[1][0] == "hint"
        assert fb.lines[1][1][:25] == say(lang, hint, status="")[:25]
    assert check_step(2, failed, lang=lang).lines[0][0] == "wrong"


def _its(rate_ratio: float) -> ITSResult:
    effects = pd.DataFrame({"term": ["trend", "level"], "rate_ratio": [1.0, rate_ratio],
                            "ci_low": [0.99, rate_ratio - 0.1], "ci_high": [1.01, rate_ratio + 0.1],
                            "p_value": [0.5, 0.001]})  # fmt: skip
    return ITSResult(effects=effects, fitted=pd.DataFrame())


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_mayor_sentence_and_the_effort_reading(lang) -> None:
    complaints, offences = _its(0.685), _its(1.426)
    fb = check_mayor_sentence(3, "b", complaints, offences, lang=lang)
    assert fb.passed
    space = {"nl": "\u00a0", "fr": "\u202f"}[lang]  # the language's space before %
    assert f"+43{space}%" in fb.lines[0][1] and f"\u221231{space}%" in fb.lines[0][1]
    for letter in "ACD":
        wrong = check_mayor_sentence(3, letter, complaints, offences, lang=lang)
        assert not wrong.passed and wrong.lines[1][1] == say(lang, ev.MAYOR_HINTS[letter])
    for reading, hint in [(1, ev.READING_GREW), (2, ev.READING_BACKFIRED)]:
        wrong = check_mayor_sentence(reading, "B", complaints, offences, lang=lang)
        assert wrong.lines[0] == ("wrong", say(lang, hint, i02=f"\u221231{space}%",
                                                c01=f"+43{space}%"))  # fmt: skip
    half = check_mayor_sentence(..., "B", complaints, offences, lang=lang)
    assert [m for m, _ in half.lines] == ["todo", "ok"] and not half.passed


def test_the_numbers_notebook_08_writes_are_those_it_computes(panel) -> None:
    """The markdown of notebook 08 quotes results (nbval compares outputs, not the text): they
    must be what the kit computes on the panel, in each language's format."""
    from socprev_kit import interrupted_time_series
    from socprev_kit.common.formatting import format_number
    from socprev_kit.evaluation.evidence import synthetic_control
    from socprev_kit.teaching.course import c08_strength_of_evidence as source

    text = {lang: "\n".join(c[lang] for c in source.CELLS if isinstance(c, dict))
            for lang in ("nl", "fr")}  # fmt: skip
    spec = dict(count="value", period="period", population="population", intervention=START,
                harmonics=1)  # fmt: skip

    def level(indicator: str) -> pd.Series:
        series = panel.query("nis_code == @TREATED and indicator_id == @indicator")
        return interrupted_time_series(series, **spec).effects.set_index("term").loc["level"]

    i02, c01 = level("I02"), level("C01")
    donors = [c for c in DONORS if c != SHOCKED]
    synth = synthetic_control(panel, treated=TREATED, indicator_id="I02", intervention=START,
                              donors=donors).effects.iloc[0]  # fmt: skip
    for lang in ("nl", "fr"):
        quoted = [
            format_number(i02["rate_ratio"], lang, decimals=3),
            format_number(i02["ci_low"], lang, decimals=2),
            format_number(i02["ci_high"], lang, decimals=2),
            format_number(synth["rate_ratio"], lang, decimals=2),
            format_number(synth["ci_low"], lang, decimals=2),
            format_number(synth["ci_high"], lang, decimals=2),
            f"{round(100 * (1 - i02['rate_ratio']))} %",
            f"{round(100 * (1 - i02['ci_high']))} %",
            f"{round(100 * (1 - i02['ci_low']))} %",
            f"{round(100 * (c01['rate_ratio'] - 1))} %",
        ]
        missing = [q for q in quoted if q not in text[lang].replace("\u00a0", " ")]
        assert not missing, (lang, missing)
