"""Checks of notebook 06: level change and shown, which estimate to trust."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from socprev_kit.evaluation.its import ITSResult, interrupted_time_series
from socprev_kit.teaching.checks import check_level_change, check_trust

COLS = ["term", "rate_ratio", "ci_low", "ci_high", "p_value"]


def _result(*rows: tuple) -> ITSResult:
    """An ITS result whose effects table is typed in by hand (the reference values)."""
    return ITSResult(effects=pd.DataFrame(list(rows), columns=COLS), fitted=pd.DataFrame())


SHOWN = _result(("trend", 0.9935, 0.9917, 0.9952, 0.0), ("level", 0.80, 0.74, 0.88, 1e-6))
NOT_SHOWN = _result(("trend", 0.99, 0.98, 1.0, 0.2), ("level", 0.90, 0.75, 1.08, 0.3))
ALONE = _result(("trend", 0.993, 0.992, 0.995, 0.0), ("level", 0.64, 0.59, 0.70, 0.0))
SHARED = _result(
    ("trend", 0.993, 0.992, 0.995, 0.0),
    ("level", 0.754, 0.644, 0.882, 0.0),
    ("trend_difference", 0.997, 0.994, 1.0, 0.03),
    ("control_level", 0.856, 0.746, 0.982, 0.03),
)
UNCHANGED = _result(
    ("trend", 0.993, 0.992, 0.995, 0.0),
    ("level", 0.754, 0.644, 0.883, 0.0),
    ("trend_difference", 0.997, 0.994, 1.0, 0.03),
    ("control_level", 1.07, 0.93, 1.23, 0.34),
)


def text(fb) -> str:  # noqa: ANN001
    return " ".join(t for _, t in fb.lines)


# ------------------------------------------------------------------ exercise 1: level change


def test_right_answer_passes_in_both_languages() -> None:
    for lang in ("nl", "fr", "en"):
        fb = check_level_change(0.80, True, SHOWN, lang=lang)
        assert fb.passed, fb
        assert [m for m, _ in fb.lines] == ["ok", "ok"]


def test_rounded_by_hand_and_numpy_types_pass() -> None:
    assert check_level_change(0.8, np.bool_(True), SHOWN, lang="nl").passed
    assert check_level_change(np.float64(0.802), True, SHOWN, lang="nl").passed


def test_not_shown_when_interval_includes_one() -> None:
    assert check_level_change(0.90, False, NOT_SHOWN, lang="nl").passed
    fb = check_level_change(0.90, True, NOT_SHOWN, lang="nl")
    assert not fb.passed
    assert "1 (geen verandering) ligt erin" in text(fb)
    assert "1 (aucun changement) y est" in text(check_level_change(0.9, True, NOT_SHOWN, lang="fr"))


def test_saying_not_shown_when_interval_excludes_one() -> None:
    fb = check_level_change(0.80, False, SHOWN, lang="nl")
    assert not fb.passed
    assert "ligt er niet in" in text(fb) and "0.74" in text(fb) and "0.88" in text(fb)
    assert "n'y est pas" in text(check_level_change(0.80, False, SHOWN, lang="fr"))


@pytest.mark.parametrize(
    ("answer", "nl", "fr"),
    [
        (-20, "Dat is een percentage", "C'est un pourcentage"),
        (20.0, "Dat is een percentage", "C'est un pourcentage"),
        (0.2, "Dat is de daling", "C'est la baisse"),
        (0.9935, "Dat is de rij `trend`", "C'est la ligne `trend`"),
        (0.74, "grens van het 95%-interval", "borne de l'intervalle"),
        (0.88, "grens van het 95%-interval", "borne de l'intervalle"),
        (0.0, "p-waarde", "valeur p"),
        (0.5, "tijdreeks zonder vergelijking", "série sans comparaison"),
    ],
)
def test_typical_mistakes_get_their_hint(answer: float, nl: str, fr: str) -> None:
    fb_nl = check_level_change(answer, True, SHOWN, lang="nl")
    fb_fr = check_level_change(answer, True, SHOWN, lang="fr")
    assert not fb_nl.passed and not fb_fr.passed
    assert fb_nl.lines[0][0] == "wrong" and fb_nl.lines[1] == ("hint", fb_nl.lines[1][1])
    assert nl in fb_nl.lines[1][1]
    assert fr in fb_fr.lines[1][1]


def test_unanswered_gives_the_not_answered_line() -> None:
    fb = check_level_change(..., ..., SHOWN, lang="nl")
    assert fb.lines == (("todo", fb.lines[0][1]),) and "Nog niet ingevuld" in fb.lines[0][1]
    assert "Pas encore de réponse" in text(check_level_change(..., ..., SHOWN, lang="fr"))
    half = check_level_change(0.8, ..., SHOWN, lang="nl")
    assert not half.passed and [m for m, _ in half.lines] == ["ok", "todo"]


@pytest.mark.parametrize(
    "answer", ["0.80", [0.8], {"level": 0.8}, pd.DataFrame({"a": [1]}), True, None, "ja"]
)
def test_wrong_types_do_not_raise(answer: object) -> None:
    for lang in ("nl", "fr"):
        fb = check_level_change(answer, answer, SHOWN, lang=lang)
        assert not fb.passed
        assert repr(fb) and fb._repr_html_().startswith("<ul")


def test_string_for_shown_gets_true_false_hint() -> None:
    assert "True (aangetoond)" in text(check_level_change(0.8, "ja", SHOWN, lang="nl"))
    assert "True (démontré)" in text(check_level_change(0.8, "oui", SHOWN, lang="fr"))


def test_level_change_on_a_real_fit_against_a_hand_calculation() -> None:
    # No trend, no noise but alternation: before 20 a month, after 10, so the level ratio is
    # 10 / 20 = 0.5 by hand (fitted without harmonics; the alternation averages out).
    months = pd.period_range("2020-01", periods=48, freq="M").astype(str)
    df = pd.DataFrame({"month": months, "n": [19, 21, 21, 19] * 6 + [9, 11, 11, 9] * 6})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = interrupted_time_series(df, count="n", period="month", intervention="2022-01")
    assert check_level_change(0.5, True, res, lang="nl").passed
    assert "Dat is een percentage" in text(check_level_change(-50, True, res, lang="nl"))


# ------------------------------------------------------------------ exercise 2: which to trust


def test_trust_right_answer_passes() -> None:
    for lang in ("nl", "fr", "en"):
        fb = check_trust("B", 3, ALONE, SHARED, lang=lang)
        assert fb.passed, fb
    assert check_trust(" b ", 3.0, ALONE, SHARED, lang="nl").passed


def test_choosing_a_gets_the_shared_drop_hint() -> None:
    fb = check_trust("A", 3, ALONE, SHARED, lang="nl")
    assert not fb.passed
    assert "control_level" in text(fb) and "0.86" in text(fb) and "0.64" in text(fb)
    assert "niets met het project" in text(fb)
    assert "rien à voir avec le projet" in text(check_trust("A", 3, ALONE, SHARED, lang="fr"))


@pytest.mark.parametrize(
    ("reason", "nl", "fr"),
    [
        (1, "smaller interval is preciezer", "plus étroit est plus précis"),
        (2, "grootste daling is niet de beste", "plus forte baisse n'est pas la meilleure"),
        (4, "Kies als reden 1, 2 of 3", "Choisissez comme raison 1, 2 ou 3"),
        ("drie", "Kies als reden 1, 2 of 3", "Choisissez comme raison 1, 2 ou 3"),
    ],
)
def test_wrong_reasons_get_their_hint(reason: object, nl: str, fr: str) -> None:
    fb = check_trust("A", reason, ALONE, SHARED, lang="nl")
    assert not fb.passed and nl in text(fb)
    assert fr in text(check_trust("A", reason, ALONE, SHARED, lang="fr"))


def test_an_estimate_instead_of_a_letter() -> None:
    assert "Je typte een schatting" in text(check_trust(0.754, 3, ALONE, SHARED, lang="nl"))
    assert "Vous avez tapé une estimation" in text(check_trust(0.75, 3, ALONE, SHARED, lang="fr"))
    assert 'letter "A" of "B"' in text(check_trust("met", 3, ALONE, SHARED, lang="nl"))


def test_comparison_that_did_not_change_makes_both_acceptable() -> None:
    fb = check_trust("A", 3, ALONE, UNCHANGED, lang="nl")
    assert ("ok", text(fb).split(" Reden")[0]) == fb.lines[0] and "Beide kunnen" in fb.lines[0][1]
    assert "Reden 3 past hier niet" in text(fb) and not fb.passed
    assert "La raison 3 ne s'applique pas" in text(check_trust("B", 3, ALONE, UNCHANGED, lang="fr"))


def test_trust_unanswered_and_wrong_types() -> None:
    fb = check_trust(..., ..., ALONE, SHARED, lang="fr")
    assert [m for m, _ in fb.lines] == ["todo"] and "Pas encore de réponse" in fb.lines[0][1]
    assert [m for m, _ in check_trust("B", ..., ALONE, SHARED, lang="nl").lines] == ["ok", "todo"]
    for odd in ([1], {"B": 3}, pd.DataFrame({"a": [1]}), True, np.array([3])):
        fb = check_trust(odd, odd, ALONE, SHARED, lang="nl")
        assert not fb.passed and fb._repr_html_().startswith("<ul")


def test_trust_on_real_fits_with_a_planted_shared_shock() -> None:
    # Both areas: 40 a month with mild seasonality; from 2022-01 the treated area falls by half
    # (the project) and BOTH fall by a further 20 % (a shared shock). By hand the single series
    # sees 0.5 * 0.8 = 0.4 and the controlled one 0.5; the comparison changes by 0.8.
    months = pd.period_range("2020-01", periods=48, freq="M")
    season = 1 + 0.1 * np.cos(2 * np.pi * months.month.to_numpy() / 12)
    post = (months >= pd.Period("2022-01", "M")).astype(float)
    wiggle = np.tile([1.02, 0.98], 24)
    treated = pd.DataFrame({"month": months.astype(str)})
    control = treated.copy()
    treated["n"] = 400 * season * wiggle * np.where(post == 1, 0.5 * 0.8, 1.0)
    control["n"] = 400 * season * wiggle[::-1] * np.where(post == 1, 0.8, 1.0)
    kw = {"count": "n", "period": "month", "intervention": "2022-01", "harmonics": 1}
    alone = interrupted_time_series(treated, **kw)
    both = interrupted_time_series(treated, control=control, **kw)
    level = alone.effects.set_index("term").loc["level", "rate_ratio"]
    assert level == pytest.approx(0.4, rel=0.02)  # sanity of the reference
    assert check_trust("B", 3, alone, both, lang="nl").passed
    assert not check_trust("A", 3, alone, both, lang="nl").passed
