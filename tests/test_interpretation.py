"""Tests for socprev_kit.evaluation.interpretation: sentences and caveats on real trend, ITS and
attainment
results computed from small inline series."""

from __future__ import annotations

import dataclasses
import inspect
import warnings

import numpy as np
import pandas as pd
import pytest

from socprev_kit.common.formatting import format_month, format_percent
from socprev_kit.data.catalogue import indicator_catalogue
from socprev_kit.evaluation.interpretation import (
    TEMPLATES,
    describe_attainment,
    describe_attainments,
    describe_its,
    describe_trend,
    placeholders,
    sentence,
)
from socprev_kit.evaluation.its import ITSWarning, interrupted_time_series
from socprev_kit.evaluation.suppression import ATTAINMENT_COLUMNS, suppress
from socprev_kit.evaluation.targets import attainment
from socprev_kit.evaluation.trends import trend

LANGS = ("nl", "fr", "en")
NBSP, NNBSP = "\u00a0", "\u202f"


def _months(n: int, start: str = "2019-01") -> list[str]:
    return list(pd.period_range(start, periods=n, freq="M").astype(str))


def _trend(values, start: str = "2019-01"):
    return trend(pd.DataFrame({"period": _months(len(values), start), "value": values}))


def _its(counts, intervention: str = "2021-01", control=None, **kw):
    months = _months(len(counts))
    df = pd.DataFrame({"month": months, "n": np.asarray(counts)})
    if control is not None:
        kw["control"] = pd.DataFrame({"month": months, "n": np.asarray(control)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ITSWarning)
        return interrupted_time_series(
            df, count="n", period="month", intervention=intervention, **kw
        )


def _level(result) -> pd.Series:
    return result.effects.set_index("term").loc["level"]


def _has(texts: list[str], key: str, lang: str, **fields) -> bool:
    return sentence(key, lang, **fields) in texts


RNG_SEED = 7


@pytest.fixture(scope="module")
def drop():
    """24 months around 30, then 24 around 15: a clear fall (interval excludes 1)."""
    rng = np.random.default_rng(RNG_SEED)
    return _its(np.r_[rng.poisson(30, 24), rng.poisson(15, 24)])


@pytest.fixture(scope="module")
def flat():
    """48 months around 12, no change: the interval includes 1."""
    return _its(np.random.default_rng(RNG_SEED).poisson(12, 48))


# --- templates, languages --------------------------------------------------------------------


def test_every_template_in_three_languages_with_the_same_placeholders():
    for key, texts in TEMPLATES.items():
        assert set(texts) == set(LANGS), key
        assert all(t.strip() for t in texts.values()), key
        fields = {lang: placeholders(t) for lang, t in texts.items()}
        assert fields["nl"] == fields["fr"] == fields["en"], (key, fields)


def test_unknown_language_refused(drop):
    row = {"objective_id": "A", "indicator_id": "O05", "status": "not computable"}
    calls = [
        lambda: describe_trend(_trend([1, 2, 3]), "O05", lang="de"),
        lambda: describe_its(drop, "I01", lang="de"),
        lambda: describe_attainment(row, lang="de"),
        lambda: sentence("chance", "nl-BE"),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="lang must be 'nl', 'fr' or 'en'"):
            call()


def test_french_text_has_no_plain_space_before_colon_or_percent(drop):
    texts = describe_its(drop, "I01", lang="fr", suppressed=2)
    joined = " ".join(texts)
    assert " :" not in joined and " %" not in joined and "« " not in joined
    assert f"«{NNBSP}incidents de nuisances" in joined
    assert f"{NBSP}:" in joined


def test_indicator_name_lower_case_inside_a_sentence_unless_an_acronym():
    rising = _trend([3, 5, 4, 6, 8, 7, 9, 8, 11, 10, 12, 13])
    assert "“doorverwijzingen”" in describe_trend(rising, "O05", lang="nl")[0]
    cat = indicator_catalogue()
    cat.loc[cat["indicator_id"] == "O05", "name_nl"] = "OCMW-doorverwijzingen"
    assert "“OCMW-doorverwijzingen”" in describe_trend(rising, "O05", catalogue=cat)[0]


def test_unknown_indicator_refused():
    with pytest.raises(ValueError, match="not in the catalogue"):
        describe_trend(_trend([1, 2, 3]), "NOPE")


# --- trend -------------------------------------------------------------------------------------

RISING = [10, 12, 11, 13, 15, 14, 16, 15, 18, 17, 19, 20] * 2  # + 12 in the second year
RISING = [v + (12 if i >= 12 else 0) for i, v in enumerate(RISING)]


@pytest.mark.parametrize(
    ("lang", "rose", "desired"),
    [
        ("nl", "steeg de indicator", "Dat is de gewenste richting."),
        ("fr", "a augmenté en moyenne", "C'est le sens souhaité."),
        ("en", "rose by", "That is the desired direction."),
    ],
)
def test_trend_rise_of_an_up_indicator_is_the_desired_direction(lang, rose, desired):
    result = _trend(RISING)
    assert result.ci_low > 0  # precondition: a clear rise
    texts = describe_trend(result, "O05", lang=lang)
    assert rose in texts[0] and desired in texts
    assert not _has(texts, "chance", lang)
    assert format_month("2019-01", lang) in texts[0] and format_month("2020-12", lang) in texts[0]


def test_trend_direction_wording_follows_the_catalogue():
    falling = _trend(RISING[::-1])
    assert _has(describe_trend(falling, "I01", lang="en"), "desired", "en")  # I01: down
    assert _has(describe_trend(falling, "O05", lang="en"), "undesired", "en")  # O05: up
    none = describe_trend(falling, "C01", lang="en")  # C01: no direction
    assert not _has(none, "desired", "en") and not _has(none, "undesired", "en")
    assert "fell by" in none[0]


def test_trend_slope_written_with_decimal_comma():
    result = _trend([3, 5, 4, 6, 8, 7, 9, 8, 11, 10, 12, 13])
    assert round(result.slope, 2) == 0.85
    assert "met 0,85 per maand" in describe_trend(result, "O05", lang="nl")[0]
    assert "de 0,85 par mois" in describe_trend(result, "O05", lang="fr")[0]
    assert "by 0.85 per month" in describe_trend(result, "O05", lang="en")[0]


@pytest.mark.parametrize("lang", LANGS)
def test_trend_chance_caveat_only_when_interval_covers_zero(lang):
    noisy = _trend([10, 14, 9, 13, 8, 15, 11, 10, 16, 9, 12, 13, 10, 15])
    assert noisy.ci_low < 0 < noisy.ci_high  # precondition
    assert _has(describe_trend(noisy, "O05", lang=lang), "chance", lang)
    assert not _has(describe_trend(_trend(RISING), "O05", lang=lang), "chance", lang)


@pytest.mark.parametrize(
    ("lang", "few"),
    [("nl", "Slechts 8 maanden"), ("fr", "Seulement 8 mois"), ("en", "Only 8 months")],
)
def test_trend_few_months_caveat_says_how_many(lang, few):
    short = describe_trend(_trend([50, 52, 55, 51, 58, 60, 57, 62]), "O05", lang=lang)
    assert any(t.startswith(few) for t in short)
    long = describe_trend(_trend(RISING), "O05", lang=lang)
    assert not any(t.startswith(few[:7]) for t in long)


def test_trend_too_few_months_for_a_slope():
    texts = describe_trend(_trend([4, 6]), "O05", lang="fr")
    assert texts[0].startswith("Trop peu de mois avec des données (2)")


@pytest.mark.parametrize("lang", LANGS)
def test_reporting_sensitive_caveat_only_for_sensitive_indicators(lang):
    result = _trend(RISING)
    assert _has(describe_trend(result, "I01", lang=lang), "reporting", lang)
    assert _has(describe_trend(result, "C01", lang=lang), "reporting", lang)
    assert not _has(describe_trend(result, "O05", lang=lang), "reporting", lang)


def test_percent_indicator_trend_in_percentage_points():
    result = _trend([50, 52, 55, 51, 58, 60, 57, 62, 61, 66, 64, 68])  # P03 is a percentage
    assert "1,5 procentpunt per maand" in describe_trend(result, "P03", lang="nl")[0]
    assert "1,5 point de pourcentage par mois" in describe_trend(result, "P03", lang="fr")[0]
    assert "1.5 percentage points per month" in describe_trend(result, "P03", lang="en")[0]
    steep = _trend([20, 23, 26, 29, 32, 35])
    assert "de 3 points de pourcentage par mois" in describe_trend(steep, "P03", lang="fr")[0]


def test_year_on_year_for_counts_with_change_in_percent():
    result = _trend(RISING)  # 2020 sums to 12 x 12 more than 2019
    texts = describe_trend(result, "O05", lang="nl")
    pct = format_percent(100 * result.ytd_change / result.ytd_previous, "nl", signed=True)
    expected = f"In januari–december 2020 was het totaal {result.ytd:.0f}, tegenover "
    assert any(t.startswith(expected) and f"({pct})" in t for t in texts)
    assert not any("totaal" in t for t in describe_trend(result, "P03", lang="nl"))  # a %


@pytest.mark.parametrize("lang", LANGS)
def test_year_on_year_with_small_numbers_could_be_chance(lang):
    small = _trend([2, 1, 3, 2, 1, 2, 3, 1, 2, 2, 1, 3, 3, 2, 3, 2, 2, 3, 3, 2, 2, 3, 2, 3])
    assert _has(describe_trend(small, "I01", lang=lang), "chance_year", lang)
    large = _trend([100] * 12 + [200] * 12)
    assert not _has(describe_trend(large, "I01", lang=lang), "chance_year", lang)


def test_suppressed_cells_caveat_singular_plural_and_minimum():
    result = _trend(RISING)
    one = describe_trend(result, "I01", suppressed=1)[-1]
    assert "1 waarde is afgeschermd" in one and "af te leiden" in one  # both reasons said
    plural = describe_trend(result, "I01", lang="fr", suppressed=3)[-1]
    assert plural.startswith("3 valeurs sont masquées") and "minimum de 5 " in plural
    assert not any("hidden" in t for t in describe_trend(result, "I01", lang="en"))
    with pytest.raises(ValueError, match="no minimum cell size"):
        describe_trend(result, "P04", suppressed=2)  # hours: min_cell 0


# --- interrupted time series -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "month", "words"),
    [
        ("nl", "januari 2021", "lager dan verwacht volgens de trend ervoor"),
        ("fr", "janvier 2021", "plus bas que prévu d'après la tendance d'avant"),
        ("en", "January 2021", "lower than expected from the trend before"),
    ],
)
def test_its_level_sentence(drop, lang, month, words):
    level = _level(drop)
    assert level["ci_high"] < 1  # precondition: a clear fall
    first = describe_its(drop, "I01", lang=lang)[0]
    assert month in first and words in first
    assert format_percent(100 * (1 - level["rate_ratio"]), lang) in first
    assert format_percent(100 * (1 - level["ci_low"]), lang) in first  # the interval's far end


@pytest.mark.parametrize("lang", LANGS)
def test_its_chance_caveat_only_when_interval_covers_one(drop, flat, lang):
    assert _level(flat)["ci_low"] < 1 < _level(flat)["ci_high"]  # precondition
    assert _has(describe_its(flat, "I01", lang=lang), "chance", lang)
    assert not _has(describe_its(drop, "I01", lang=lang), "chance", lang)


def test_its_never_calls_a_change_an_effect(drop, flat):
    for result in (drop, flat):
        for lang in LANGS:
            text = " ".join(describe_its(result, "I01", lang=lang)).lower()
            assert "effect" not in text and "effet" not in text


def test_its_direction_wording(drop):
    assert _has(describe_its(drop, "I01", lang="nl"), "desired", "nl")  # down indicator
    assert _has(describe_its(drop, "O05", lang="nl"), "undesired", "nl")  # up indicator
    assert "hoger dan verwacht" not in describe_its(drop, "O05", lang="nl")[0]


@pytest.mark.parametrize(
    ("lang", "few"),
    [
        ("nl", "Slechts 6 maanden vóór en 6 na de start"),
        ("fr", "Seulement 6 mois avant et 6 après le début"),
        ("en", "Only 6 months before and 6 after the start"),
    ],
)
def test_its_few_points_caveat(drop, lang, few):
    short = _its([30, 28, 33, 31, 29, 32, 15, 17, 14, 16, 15, 13], intervention="2019-07")
    assert any(t.startswith(few) for t in describe_its(short, "I01", lang=lang))
    assert not any(t.startswith(few[:7]) for t in describe_its(drop, "I01", lang=lang))


def test_its_autocorrelation_caveat(flat):
    wave = np.round(20 + 8 * np.sin(2 * np.pi * np.arange(48) / 24)).astype(int)
    result = _its(wave)
    assert result.diagnostics["ljung_box_p"] < 0.05 <= flat.diagnostics["ljung_box_p"]
    for lang in LANGS:
        assert _has(describe_its(result, "I01", lang=lang), "autocorrelation", lang)
        assert not _has(describe_its(flat, "I01", lang=lang), "autocorrelation", lang)


def test_its_overdispersion_caveat_only_under_plain_poisson():
    counts = np.random.default_rng(RNG_SEED).negative_binomial(3, 3 / 23, 48)
    poisson = _its(counts, family="poisson")
    assert poisson.diagnostics["dispersion"] > 1.5  # precondition
    assert _has(describe_its(poisson, "I01", lang="fr"), "overdispersion", "fr")
    quasi = _its(counts, family="quasipoisson")
    assert not _has(describe_its(quasi, "I01", lang="fr"), "overdispersion", "fr")


def test_its_all_zero_before_cannot_be_estimated():
    """interrupted_time_series now refuses such a series (ITSDataError, tests/test_its.py); a
    result made elsewhere (or by an older kit: ratio 8.5e10, interval 0 to inf) still reads."""
    counts = list(np.random.default_rng(RNG_SEED).poisson(5, 48) + 1)
    fit = _its(counts)
    observed = fit.fitted["observed"].where(fit.fitted.index >= 24, 0.0)
    effects = fit.effects.copy()
    effects.loc[effects["term"] == "level", ["rate_ratio", "ci_low", "ci_high"]] = [
        8.5e10,
        0,
        np.inf,
    ]
    old = dataclasses.replace(fit, fitted=fit.fitted.assign(observed=observed), effects=effects)
    texts = describe_its(old, "I03", lang="en")
    assert texts[0].startswith("The change in the indicator “discarded syringes found”")
    assert _has(texts, "zero_before", "en") and not _has(texts, "zero_after", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_its_uncontrolled_design_caveat(drop, lang):
    assert _has(describe_its(drop, "I01", lang=lang), "uncontrolled", lang)
    old = dataclasses.replace(drop, diagnostics={"n_pre": 24, "n_post": 24})  # no "controlled"
    assert _has(describe_its(old, "I01", lang=lang), "uncontrolled", lang)


@pytest.mark.skipif(
    "control" not in inspect.signature(interrupted_time_series).parameters,
    reason="interrupted_time_series has no control= yet",
)
def test_its_controlled_names_the_comparisons():
    rng = np.random.default_rng(RNG_SEED)
    treated = np.r_[rng.poisson(30, 24), rng.poisson(15, 24)]
    result = _its(treated, control=np.r_[rng.poisson(40, 24), rng.poisson(36, 24)])
    names = ["Aalst", "Dendermonde", "Lokeren"]
    expect = {"nl": "Aalst, Dendermonde en Lokeren", "fr": "Aalst, Dendermonde et Lokeren"}
    expect["en"] = "Aalst, Dendermonde and Lokeren"
    for lang in LANGS:
        texts = describe_its(result, "I01", lang=lang, comparisons=names)
        assert not _has(texts, "uncontrolled", lang)
        assert _has(texts, "controlled_named", lang, names=expect[lang])
        one = describe_its(result, "I01", lang=lang, comparisons=["Brugge"])
        assert _has(one, "controlled_named_one", lang, names="Brugge")
        assert not _has(one, "controlled_named", lang, names="Brugge")  # no plural for one
    assert _has(describe_its(result, "I01", lang="en"), "controlled_series", "en", n=48)


def test_its_slope_change_and_start_month(drop):
    rng = np.random.default_rng(RNG_SEED)
    result = _its(np.r_[rng.poisson(30, 24), rng.poisson(15, 24)], slope_change=True)
    texts = describe_its(result, "I01", lang="nl", start="2020-11")
    assert "november 2020" in texts[0]
    slope = result.effects.set_index("term").loc["slope"]
    expected = format_percent(100 * (slope["rate_ratio"] - 1), "nl", signed=True)
    assert any(t.startswith(f"Daarna veranderde de trend met {expected} per maand") for t in texts)


# --- attainment --------------------------------------------------------------------------------


def _rows(indicator: str, values) -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame(
        {
            "project_id": "P",
            "nis_code": "44021",
            "period": _months(n, "2024-01"),
            "indicator_id": indicator,
            "frequency": "month",
            "kind": "registered",
            "value": np.asarray(values, dtype=float),
            "numerator": np.nan,
            "denominator": np.nan,
            "population_year": pd.array([pd.NA] * n, dtype="Int64"),
        }
    )


@pytest.fixture(scope="module")
def attained() -> pd.DataFrame:
    """Real attainment rows, one per status (and one that moved away from its target)."""
    table = pd.concat(
        [_rows("O05", [20] * 12), _rows("O03", range(10, 22)), _rows("I01", [5] * 12)],
        ignore_index=True,
    )
    objectives = [  # the data run to 2024-12: 2025 is running, 2024 is over
        ("behind", "O05", 180, 300, "2025"),  # 240: half way, flat
        ("on track", "O03", 120, 300, "2025"),  # rising fast enough
        ("reached", "O05", 100, 200, "2024"),  # 240 >= 200
        ("not reached", "O05", 180, 300, "2024"),  # 240 < 300 and 2024 is over
        ("maintained", "O05", 250, 200, "2024"),  # up: 250 already >= 200, 240 still is
        ("lost", "O05", 250, 245, "2024"),  # up: 250 >= 245, but 240 no longer is
        ("not computable", "O11P", 10, 20, "2025"),  # nothing registered
        ("away", "I01", 40, 30, "2025"),  # down indicator at 60 > 40
    ]
    rows = [
        {"project_id": "P", "objective_id": oid, "indicator_id": ind, "baseline_value": b,
         "baseline_period": "2023", "target_value": t, "target_period": period}
        for oid, ind, b, t, period in objectives
    ]  # fmt: skip
    return attainment(pd.DataFrame(rows), table).set_index("objective_id", drop=False)


STATUS_WORDS = {
    "reached": ("De streefwaarde is bereikt.", "La cible est atteinte.", "has been reached."),
    "not reached": ("streefwaarde is niet bereikt", "la cible n'est pas atteinte", "was not reach"),
    "maintained": ("dat is zo gebleven", "c'est resté le cas", "and it still does"),
    "on track": ("wordt ze op tijd bereikt", "elle sera atteinte à temps", "will be reached in"),
    "behind": ("niet op tijd bereikt", "ne sera pas atteinte à temps", "will not be reached"),
    "not computable": ("nog geen waarde geregistreerd", "aucune valeur enregistrée", "no value r"),
}


@pytest.mark.parametrize("status", list(STATUS_WORDS))
def test_attainment_status_wording(attained, status):
    row = attained.loc[status]
    assert row["status"] == status  # precondition
    for lang, words in zip(LANGS, STATUS_WORDS[status], strict=True):
        text = " ".join(describe_attainment(row, lang=lang))
        assert words in text
        others = [w[LANGS.index(lang)] for s, w in STATUS_WORDS.items() if s != status]
        assert not any(w in text for w in others if w not in words)


def test_attainment_values_and_share_with_decimal_comma(attained):
    texts = describe_attainment(attained.loc["on track"], lang="fr")
    assert texts[0].startswith("Objectif on track («\u202fnouvelles personnes atteintes\u202f»)")
    assert "valeur de départ 120, cible 300 pour 2025, valeur actuelle 186" in texts[0]
    assert "décembre 2024" in texts[0]
    assert texts[1].startswith(f"37{NNBSP}% du chemin")  # 66 / 180
    row = {**attained.loc["on track"], "observed": 96.5}
    assert "valeur actuelle 96,5" in describe_attainment(row, lang="fr")[0]


def test_attainment_moving_away_from_target(attained):
    row = attained.loc["away"]
    assert row["attainment"] < 0 and row["status"] == "behind"  # precondition
    texts = describe_attainment(row, lang="nl")
    assert "verder van de streefwaarde af geraakt" in texts[1]
    assert not any("van de weg" in t for t in texts)


def test_attainment_impact_caveats(attained):
    impact = describe_attainment(attained.loc["away"], lang="en")  # I01: impact, sensitive
    assert _has(impact, "att_not_causal", "en") and _has(impact, "reporting", "en")
    output = describe_attainment(attained.loc["behind"], lang="en")  # O05: output
    assert not _has(output, "att_not_causal", "en") and not _has(output, "reporting", "en")


def test_attainment_not_computable_says_why():
    row = {"objective_id": "X", "indicator_id": "O07", "direction": "none", "baseline": 10,
           "target": 10, "status": "not computable", "reason": "no direction"}  # fmt: skip
    assert "niet berekend, want de indicator heeft geen" in describe_attainment(row)[0]
    row = {**row, "reason": "no baseline", "baseline": np.nan}
    assert "de beginwaarde of de streefwaarde ontbreekt" in describe_attainment(row)[0]
    row = {**row, "reason": "no data", "target_period": "2023", "period_over": True}
    assert "geen waarde geregistreerd in 2023" in describe_attainment(row)[0]


def test_attainment_over_is_never_said_to_be_late(attained):
    """A target whose period is over is reached or not: never "not in time" (issue 13)."""
    over = attained[attained["period_over"]]
    assert set(over["status"]) == {"reached", "not reached", "maintained"}  # precondition
    for lang, late in zip(LANGS, ("op tijd", "à temps", "in time"), strict=True):
        for text in describe_attainments(over, lang=lang):
            assert late not in text and "huidige" not in text and "actuelle" not in text
    assert "waarde in 2024 240" in describe_attainment(over.loc["reached"], lang="nl")[0]


def test_attainment_baseline_already_past_the_target_has_no_share(attained):
    row = attained.loc["lost"]
    assert row["status"] == "not reached" and np.isnan(row["attainment"])  # precondition
    texts = describe_attainment(row, lang="fr")
    assert texts[1] == (
        "La valeur de départ atteignait déjà la cible, la valeur en 2024 ne l'atteint plus\xa0: "
        "la cible n'est pas atteinte."
    )
    assert not any("%" in t for t in texts)


def test_attainment_percentages_keep_a_decimal():
    """BAS-CA O1: baseline 95.3 %, target 95 %, value 94.4 % must not all read "95 %"."""
    row = {"objective_id": "O1", "indicator_id": "P03", "baseline": 95.3, "target": 95.0,
           "target_period": "2025", "period_over": True, "observed": 94.444,
           "attainment": np.nan, "status": "not reached"}  # fmt: skip
    first = describe_attainment(row, lang="en")[0]
    assert "baseline 95.3%, target 95.0% for 2025, value in 2025 94.4%" in first


def test_attainment_suppressed_row_hides_the_value(attained):
    small = attained.assign(observed=attained["observed"].where(attained.index != "reached", 3.0))
    hidden = suppress(small, count="observed", columns=ATTAINMENT_COLUMNS)
    assert hidden.loc["reached", "suppressed"]  # precondition: 3 < 5 for O05
    texts = describe_attainment(hidden.loc["reached"], lang="nl")
    assert "afgeschermd omdat ze onder het minimum van 5 ligt" in texts[0]
    assert not any(" 3 " in t or "bereikt." in t for t in texts)


def test_describe_attainments_one_text_per_row(attained):
    texts = describe_attainments(attained, lang="en")
    assert texts.name == "interpretation" and list(texts.index) == list(attained.index)
    assert texts["reached"].startswith("Objective reached (“referrals made”): baseline 100")
    assert texts["reached"].endswith("The target has been reached.")


def test_attainment_unknown_status_refused(attained):
    with pytest.raises(ValueError, match="Unknown status"):
        describe_attainment({**attained.loc["behind"], "status": "late"})


def test_trend_flat_series_says_about_the_same():
    texts = describe_trend(_trend([7] * 14), "O05", lang="nl")
    assert "bleef de indicator “doorverwijzingen” ongeveer gelijk" in texts[0]
    assert not _has(texts, "chance", "nl") and not _has(texts, "desired", "nl")


def test_attainment_behind_without_projection_says_not_yet(attained):
    row = {**attained.loc["behind"], "projection": np.nan}  # fewer than 3 months this year
    texts = describe_attainment(row, lang="en")
    assert texts[1] == (
        "50% of the way from the baseline to the target has been covered; it is not reached yet "
        "and 2025 is not over."
    )


@pytest.mark.skipif(
    "control" not in inspect.signature(interrupted_time_series).parameters,
    reason="interrupted_time_series has no control= yet",
)
def test_its_controlled_with_different_trends_before_warns():
    rng = np.random.default_rng(RNG_SEED)
    treated = rng.poisson(20, 48)
    rising = rng.poisson(np.linspace(10, 60, 48))
    result = _its(treated, control=rising)
    diff = result.effects.set_index("term").loc["trend_difference"]
    assert not diff["ci_low"] <= 1 <= diff["ci_high"]  # precondition: trends differ
    assert _has(describe_its(result, "I01", lang="fr"), "not_parallel", "fr")
    parallel = _its(treated, control=rng.poisson(30, 48))
    assert not _has(describe_its(parallel, "I01", lang="fr"), "not_parallel", "fr")
