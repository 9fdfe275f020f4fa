"""The rating of a finding on the Maryland scale (evaluation.evidence.rating): levels by design,
what lowers them, and the sentence in nl/fr/en."""

import numpy as np
import pytest

from socprev_kit.evaluation.evidence import describe_rating, rate_finding
from socprev_kit.evaluation.evidence.rating import DESIGN_LEVELS, MANY_UNITS
from socprev_kit.evaluation.interpretation.sentences import placeholders
from socprev_kit.evaluation.interpretation.texts import TEMPLATES

GOOD = {"n_pre": 48, "n_post": 24}


@pytest.mark.parametrize(
    ("design", "kwargs", "level"),
    [
        ("correlation", {}, 1),
        ("its", {}, 2),
        ("before_after", {}, 2),
        ("controlled_its", {"n_units": 3}, 3),
        ("controlled_its", {"n_units": 3, "comparable": False}, 2),
        ("controlled_its", {"n_units": MANY_UNITS}, 4),
        ("controlled_its", {"n_units": MANY_UNITS - 1}, 3),
        ("did", {"n_units": 2}, 3),
        ("synthetic", {"synthetic_ok": False}, 3),
        ("synthetic", {"synthetic_ok": True}, 4),
        ("randomised", {}, 5),
    ],
)
def test_the_design_gives_its_level(design, kwargs, level):
    r = rate_finding(design, **GOOD, **kwargs)
    assert (r.level, r.base) == (level, level)


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"n_pre": 23}, "short_series"),
        ({"n_post": 11}, "short_series"),
        ({"failed_checks": ("placebo in time",)}, "failed_checks"),
        ({"mde": 0.6}, "low_power"),
        ({"detectable": False, "mde": None}, "not_detectable"),
        ({"covid_months": 4}, "covid_overlap"),
        ({"effort": True}, "effort"),
    ],
)
def test_each_weakness_lowers_one_level(kwargs, reason):
    r = rate_finding("controlled_its", **{**GOOD, "n_units": 3, **kwargs})
    assert r.reasons == (reason,) and (r.base, r.level) == (3, 2)


def test_a_design_that_sees_small_changes_is_not_lowered():
    assert rate_finding("its", **GOOD, mde=0.3).reasons == ()


def test_weaknesses_add_up_but_never_below_one():
    r = rate_finding("controlled_its", n_pre=12, n_post=6, n_units=3, effort=True, covid_months=2)
    assert r.base == 3 and r.level == 1
    assert r.reasons == ("short_series", "covid_overlap", "effort")
    assert r.as_dict() == {"level": 1, "base": 3, "reasons": list(r.reasons)}


def test_unknown_design_is_refused():
    with pytest.raises(ValueError, match="Unknown design"):
        rate_finding("anecdote", **GOOD)


def test_the_sentence_names_the_level_and_every_reason():
    r = rate_finding("its", n_pre=14, n_post=24, mde=0.62, effort=True)
    nl, fr = describe_rating(r, "nl"), describe_rating(r, "fr")
    assert nl.startswith("Sterkte van het bewijs: niveau 1 van 5") and "niveau 2" in nl
    assert "14 maanden vóór" in nl and "62\u00a0%" in nl and "inzet van politie" in nl
    assert fr.startswith("Force de la preuve\u00a0: niveau 1 sur 5") and "62\u202f%" in fr
    assert " et l'indicateur mesure aussi" in fr
    plain = describe_rating(rate_finding("controlled_its", **GOOD, n_units=2), "en")
    assert plain == (
        "Strength of evidence: level 3 of 5 on the Maryland scale (before and after the start, "
        "compared with municipalities that followed the same trend before)."
    )


def test_comparisons_that_did_not_follow_the_trend_are_named():
    r = rate_finding("controlled_its", **GOOD, n_units=2, comparable=False)
    assert "did not follow the same trend" in describe_rating(r, "en")
    assert "niveau 2 van 5" in describe_rating(r, "nl")


def test_every_rating_text_has_three_languages_with_the_same_placeholders():
    keys = [k for k in TEMPLATES if k.startswith(("rating", "design_", "reason_", "reasons_"))]
    assert len(keys) >= len(DESIGN_LEVELS)
    for k in keys:
        assert set(TEMPLATES[k]) == {"nl", "fr", "en"}
        assert len({frozenset(placeholders(t)) for t in TEMPLATES[k].values()}) == 1, k


@pytest.mark.parametrize(("low", "high", "df"), [(0.64, 1.0, None), (0.5, 1.3, 30), (0.9, 1.1, 8)])
def test_the_detectable_change_is_seen_with_the_stated_power(low, high, df):
    # a Wald test of a log rate ratio ~ N(log(1 - mde), se^2): P(upper bound < 0) must be 0.8
    from scipy import stats

    from socprev_kit.evaluation.evidence import detectable_change

    mde = detectable_change(1.0, low, high, df=df)
    q = stats.t.ppf(0.975, df) if df else stats.norm.ppf(0.975)
    se = (np.log(high) - np.log(low)) / (2 * q)
    power = stats.norm.cdf(-np.log(1 - mde) / se - q)
    assert power == pytest.approx(0.8, abs=1e-9)
    assert np.isnan(detectable_change(np.nan, low, high))
