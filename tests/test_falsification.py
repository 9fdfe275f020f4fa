"""Falsification checks of an interrupted time series (evaluation.evidence.falsification) and
their sentences (evaluation.evidence.falsification_sentences)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from socprev_kit.evaluation.evidence import declares_effect, falsification_checks
from socprev_kit.evaluation.evidence.falsification import CHECKS
from socprev_kit.evaluation.evidence.falsification_sentences import (
    describe_falsification,
    falsification_table,
)
from socprev_kit.evaluation.evidence.refit import Refit, log_level, prepare
from socprev_kit.evaluation.interpretation import TEMPLATES, placeholders
from socprev_kit.evaluation.its import interrupted_time_series

START = "2018-01"
ITS = {"count": "n", "period": "month", "population": "pop"}
OPTIONS = {"harmonics": 1}


def series(seed, *, months=72, mean=60.0, steps=(), noise=0.0):
    """Poisson counts around ``mean`` with a season, a growing population, ``steps`` (month
    index, ratio) and optional Gaussian noise on the log scale."""
    rng = np.random.default_rng(seed)
    t = np.arange(months)
    log_mu = np.log(mean) + 0.2 * np.cos(2 * np.pi * t / 12) + rng.normal(0, noise, months)
    for index, ratio in steps:
        log_mu = log_mu + np.log(ratio) * (t >= index)
    pop = 10_000 * (1 + 0.01 * t / 12)
    month = pd.period_range(START, periods=months, freq="M").astype(str)
    return pd.DataFrame({"month": month, "n": rng.poisson(np.exp(log_mu)), "pop": pop})


def month_at(index):
    return str(pd.Period(START, "M") + index)


def donor_pool(k, *, steps=(), seed=100, **kw):
    return {f"{i:05d}": series(seed + i, steps=steps, **kw) for i in range(k)}


def run(data, **kw):
    kw.setdefault("its_options", OPTIONS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return falsification_checks(data, intervention=month_at(48), **ITS, **kw)


def by_check(checks):
    return checks.table.set_index("check")


def fit(data, control=None):
    return interrupted_time_series(
        data, intervention=month_at(48), control=control, **ITS, **OPTIONS
    )


# -- the refits -------------------------------------------------------------------------------


@pytest.mark.parametrize("options", [{"harmonics": 1}, {"harmonics": 2, "slope_change": True,
                                                          "lag": 2}])  # fmt: skip
def test_refit_level_is_the_poisson_maximum_likelihood(options):
    data = series(1, steps=[(48, 0.8)], noise=0.1)
    control = series(2, mean=120)
    refit = Refit.of("n", "month", "pop", options)
    month = pd.Period(month_at(48), "M")
    for ctl in (None, control):
        found = log_level(prepare(data, refit), prepare(ctl, refit), month, refit)
        res = interrupted_time_series(data, intervention=str(month), control=ctl, **ITS, **options)
        assert found == pytest.approx(
            np.log(res.effects.set_index("term").loc["level", "rate_ratio"])
        )


def test_refit_design_against_statsmodels_by_hand():
    """An independent design (plain numpy) and statsmodels' Poisson GLM give the same level."""
    data = series(3, steps=[(48, 0.7)])
    t = np.arange(72.0)
    X = np.column_stack([np.ones(72), t, t >= 48, np.sin(2 * np.pi * (t % 12 + 1) / 12),
                         np.cos(2 * np.pi * (t % 12 + 1) / 12)])  # fmt: skip
    glm = sm.GLM(data["n"], X, family=sm.families.Poisson(), offset=np.log(data["pop"])).fit()
    refit = Refit.of("n", "month", "pop", {"harmonics": 1})
    found = log_level(prepare(data, refit), None, pd.Period(month_at(48), "M"), refit)
    assert found == pytest.approx(glm.params.iloc[2], abs=1e-7)


# -- the checks -------------------------------------------------------------------------------


def test_planted_effect_that_placebos_do_not_reproduce_passes():
    data = series(4, steps=[(48, 0.6)], noise=0.05)
    checks = run(data, donors=donor_pool(30, noise=0.05), non_target=series(5, noise=0.05))
    table = by_check(checks)
    assert list(checks.table["check"]) == list(CHECKS)
    assert table.loc["placebo_time", "status"] == "pass"
    assert table.loc["placebo_space", ["status", "rank"]].tolist() == ["pass", 1]
    assert table.loc["non_target", "status"] == "pass"
    assert table.loc["leave_one_out", ["status", "reason"]].tolist() == ["not_run", "uncontrolled"]
    assert checks.passed and not checks.failed
    assert declares_effect(fit(data), checks)


def test_permutation_p_value_and_rank_by_hand():
    data = series(6, steps=[(48, 0.85)], noise=0.1)
    checks = run(data, donors=donor_pool(25, noise=0.1))
    real = abs(np.log(fit(data).effects.set_index("term").loc["level", "rate_ratio"]))
    placebo = np.abs(np.log(checks.placebos["placebo_space"]["rate_ratio"].to_numpy()))
    larger = int((placebo >= real).sum())
    row = by_check(checks).loc["placebo_space"]
    assert row["n"] == len(placebo) == 25
    assert row["statistic"] == pytest.approx((1 + larger) / 26)
    assert row["rank"] == 1 + larger
    assert row["status"] == ("pass" if (1 + larger) / 26 <= 0.05 else "fail")


def test_donors_closest_in_level_are_chosen():
    means = {f"{i:05d}": m for i, m in enumerate(np.geomspace(5, 500, 40))}
    donors = {c: series(200 + i, mean=m) for i, (c, m) in enumerate(means.items())}
    checks = run(series(7, mean=60), donors=donors, max_donors=20)
    chosen = set(checks.placebos["placebo_space"]["nis_code"])
    pre_means = {c: d["n"].iloc[:48].mean() for c, d in donors.items()}
    level = series(7, mean=60)["n"].iloc[:48].mean()
    dist = {c: abs(np.log((m + 0.5) / (level + 0.5))) for c, m in pre_means.items()}
    assert chosen == set(sorted(dist, key=dist.get)[:20])


def test_step_before_the_start_makes_placebo_in_time_fail():
    data = series(8, steps=[(30, 0.5)], noise=0.05)
    checks = run(data)
    row = by_check(checks).loc["placebo_time"]
    assert row["status"] == "fail" and row["reason"] == "placebos_as_large"
    assert row["n"] == 8 and row["statistic"] > 0.1
    placebos = checks.placebos["placebo_time"]  # the fake dates just before the step find it
    near = placebos[placebos["p_value"] < 0.05]
    assert (near["rate_ratio"] < 0.75).all() and len(near) >= 1
    assert near["period"].between("2020-01", "2020-10").all()


def test_every_municipality_moving_the_same_way_makes_placebo_in_space_fail():
    data = series(9, steps=[(48, 0.7)], noise=0.05)
    checks = run(data, donors=donor_pool(30, steps=[(48, 0.7)], noise=0.05))
    row = by_check(checks).loc["placebo_space"]
    assert row["status"] == "fail" and row["reason"] == "donors_as_large"
    assert row["statistic"] > 0.05 and row["rank"] > 2
    assert checks.failed
    res = fit(data)
    assert res.effects.set_index("term").loc["level", "p_value"] < 0.05  # the ITS alone declares
    assert not declares_effect(res, checks)


def test_leave_one_out_fails_when_one_comparison_carries_the_effect():
    comparisons = {"11001": series(10, mean=40, steps=[(48, 2.0)]),
                   "11002": series(11, mean=40), "11003": series(12, mean=40)}  # fmt: skip
    control = pd.concat(comparisons.values()).groupby("month", as_index=False)[["n", "pop"]].sum()
    checks = run(series(13), control=control, comparisons=comparisons)
    row = by_check(checks).loc["leave_one_out"]
    assert row["status"] == "fail" and row["reason"] == "conclusion_changes"
    assert row["detail"] == "11001" and row["n"] == 3
    assert row["rate_ratio"] == pytest.approx(1.0, abs=0.15)  # without it: no change
    text = describe_falsification(checks, "fr", names={"11001": "Namur"})
    assert "Sans la commune de comparaison Namur, la conclusion change" in text[1]


def test_leave_one_out_passes_when_no_comparison_carries_it():
    comparisons = {f"1100{i}": series(20 + i, mean=40) for i in range(3)}
    control = pd.concat(comparisons.values()).groupby("month", as_index=False)[["n", "pop"]].sum()
    data = series(14, steps=[(48, 0.6)])
    row = by_check(run(data, control=control, comparisons=comparisons)).loc["leave_one_out"]
    assert row["status"] == "pass" and row["reason"] == "same_conclusion"


def test_non_target_outcome_that_moves_as_much_fails():
    data = series(15, steps=[(48, 0.7)])
    row = by_check(run(data, non_target=series(16, steps=[(48, 0.6)]))).loc["non_target"]
    assert row["status"] == "fail" and row["reason"] == "non_target_changed"
    assert row["rate_ratio"] == pytest.approx(0.6, abs=0.08)


def test_not_run_reasons():
    short = series(17, months=40)  # 20 months before: no 3 fake dates with 12 each side
    checks = falsification_checks(short, intervention=month_at(20), its_options=OPTIONS,
                                  donors=donor_pool(5, months=40), **ITS)  # fmt: skip
    table = by_check(checks)
    assert table.loc["placebo_time", ["status", "reason", "detail"]].tolist() == [
        "not_run", "too_short", "26"]  # fmt: skip
    assert table.loc["placebo_space", ["reason", "n", "detail"]].tolist() == ["few_donors", 5, "19"]
    assert table.loc["non_target", "reason"] == "no_non_target"
    assert (table["status"] == "not_run").all() and not checks.passed and not checks.failed
    single = {"11001": series(18, mean=40)}
    table = by_check(run(series(19), control=single["11001"], comparisons=single))
    assert table.loc["leave_one_out", "reason"] == "one_comparison"
    assert table.loc["placebo_space", "reason"] == "no_donors"
    table = by_check(run(series(19), control=single["11001"]))
    assert table.loc["leave_one_out", "reason"] == "comparisons_unknown"


def test_bad_series_are_skipped_not_raised():
    donors = donor_pool(20)
    donors["bad1"] = donors["00000"].assign(n=-1)  # negative counts
    donors["bad2"] = donors["00001"].assign(n=0)  # all zero
    donors["bad3"] = donors["00002"].drop(columns="pop")
    donors["bad4"] = donors["00003"].assign(month="not a month")
    donors["bad5"] = donors["00004"].assign(n=np.r_[np.zeros(48), np.ones(24)])  # zero before
    checks = run(series(21), donors=donors, non_target=series(22).assign(n=0))
    table = by_check(checks)
    assert table.loc["placebo_space", "n"] == 20
    assert "bad5" not in set(checks.placebos["placebo_space"]["nis_code"])
    assert table.loc["non_target", "reason"] == "not_fitted"


def test_unusable_real_series_makes_every_check_not_run():
    checks = run(series(23).assign(n=0), donors=donor_pool(20), non_target=series(24))
    assert (checks.table["status"] == "not_run").all()
    assert set(checks.table["reason"]) == {"no_estimate"}


# -- the sentences ----------------------------------------------------------------------------


def test_templates_have_the_same_placeholders_in_every_language():
    keys = [k for k in TEMPLATES if k.startswith("falsification_")]
    assert len(keys) > 20
    for key in keys:
        assert placeholders(TEMPLATES[key]["nl"]) == placeholders(TEMPLATES[key]["fr"]) == (
            placeholders(TEMPLATES[key]["en"])), key  # fmt: skip


def test_every_reason_has_a_sentence():
    reasons = {
        "placebos_smaller", "placebos_as_large", "too_short", "folds_failed", "no_estimate",
        "real_among_largest", "donors_as_large", "no_donors", "few_donors", "same_conclusion",
        "conclusion_changes", "uncontrolled", "one_comparison", "comparisons_unknown",
        "refits_failed", "non_target_unchanged", "non_target_changed", "no_non_target",
        "not_fitted",
    }  # fmt: skip
    assert all(f"falsification_{r}" in TEMPLATES for r in reasons)


def test_describe_and_table_in_three_languages():
    data = series(9, steps=[(48, 0.7)], noise=0.05)
    checks = run(data, donors=donor_pool(30, steps=[(48, 0.7)], noise=0.05))
    for lang, failed in (("nl", "Niet geslaagd: 1 van de 2"), ("fr", "Échoués\xa0: 1 des 2"),
                         ("en", "Failed: 1 of the 2")):  # fmt: skip
        text = describe_falsification(checks, lang)
        assert text[0].startswith(failed)
        assert len(text) == 1 + 1 + 2  # summary, the failed check, the two not run
        table = falsification_table(checks, lang)
        assert table.shape == (4, 3)
        assert table.columns[0] == TEMPLATES["falsification_col_check"][lang]
    rank = int(by_check(checks).loc["placebo_space", "rank"])
    assert f"rang {rank} van 31" in describe_falsification(checks, "nl")[1]


# -- the false-effect rate --------------------------------------------------------------------


@pytest.mark.slow
def test_false_effect_rate_on_null_series_within_binomial_bound_of_6_percent():
    """Null series with AR(1) noise, season and a growing population, 20 donors from the same
    model: the default analysis with its checks declares an effect in at most about 6 %."""
    n, declared, alone = 100, 0, 0
    for i in range(n):
        rng = np.random.default_rng([17, i])
        months = int(rng.integers(48, 85))
        at = int(round(months * 0.6))
        noise = rng.uniform(0, 0.6)
        world = [ar1_series(rng, months, float(np.exp(rng.uniform(np.log(10), np.log(100)))),
                            noise) for _ in range(21)]  # fmt: skip
        donors = {f"{k:05d}": w for k, w in enumerate(world[1:])}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = interrupted_time_series(world[0], intervention=month_at(at), **ITS, **OPTIONS)
            checks = falsification_checks(world[0], intervention=month_at(at), donors=donors,
                                          its_options=OPTIONS, result=res, **ITS)  # fmt: skip
        declared += declares_effect(res, checks)
        alone += declares_effect(res, None)
    assert declared <= alone
    assert declared <= stats.binom.ppf(0.975, n, 0.06)


def ar1_series(rng, months, mean, rho, sd=0.2):
    """Poisson counts around an AR(1) level on the log scale (marginal sd ``sd``)."""
    e = np.empty(months)
    e[0] = rng.normal(0, sd)
    for t in range(1, months):
        e[t] = rho * e[t - 1] + rng.normal(0, sd * np.sqrt(1 - rho**2))
    t = np.arange(months)
    season = 0.25 * np.cos(2 * np.pi * t / 12)
    pop = 10_000 * (1 + 0.01 * t / 12)
    month = pd.period_range(START, periods=months, freq="M").astype(str)
    n = rng.poisson(mean * pop / pop[0] * np.exp(season - 0.003 * t + e))
    return pd.DataFrame({"month": month, "n": n, "pop": pop})
