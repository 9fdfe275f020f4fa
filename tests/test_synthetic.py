"""Synthetic comparison municipalities: known weights, an independent solver, the planted effect,
the convex-hull check, the default donor pool, bad input and the figure."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import nnls

from socprev_kit.evaluation.evidence import synthetic_control
from socprev_kit.evaluation.evidence.simplex import simplex_least_squares
from socprev_kit.evaluation.evidence.synthetic_panel import SyntheticDataError

# Flemish municipalities (the reference names them), and two Walloon ones
GENT, ANTWERPEN, SINT_NIKLAAS = "44021", "11002", "46021"
OTHERS = ["11001", "11004", "11005", "12002", "12005", "13001", "23002", "24001"]
WALLOON = ["62063", "92094"]
MONTHS = pd.period_range("2019-01", periods=48, freq="M").astype(str)
START = MONTHS[30]  # 30 months before, 18 after


def long_table(rates: dict[str, np.ndarray], population: float = 1000.0) -> pd.DataFrame:
    """A long monthly table of I01 whose value is the rate per 1,000 times population / 1000."""
    frames = [
        pd.DataFrame({"nis_code": code, "indicator_id": "I01", "period": MONTHS,
                      "value": r * population / 1000, "population": population})
        for code, r in rates.items()
    ]  # fmt: skip
    return pd.concat(frames, ignore_index=True)


def known_panel(effect: float = 1.0, seed: int = 3) -> dict[str, np.ndarray]:
    """Treated = 0.6 A + 0.4 B before the start (times ``effect`` after); the others are far
    from any mix that fits (their levels lie between, their shapes do not)."""
    rng = np.random.default_rng(seed)
    a, b = rng.gamma(5, 0.2, 48), rng.gamma(5, 0.2, 48)
    treated = 0.6 * a + 0.4 * b
    treated[30:] *= effect
    rates = {GENT: treated, ANTWERPEN: a, SINT_NIKLAAS: b}
    for code in OTHERS:
        rates[code] = rng.gamma(5, 0.2, 48) + rng.uniform(0, 1)
    return rates


def test_known_weights_recovered_and_named():
    res = synthetic_control(
        long_table(known_panel()),
        treated=GENT,
        indicator_id="I01",
        intervention=START,
        donors=[ANTWERPEN, SINT_NIKLAAS, *OTHERS],
    )
    w = res.weights.set_index("nis_code")["weight"]
    assert w.get(ANTWERPEN, 0) == pytest.approx(0.6, abs=1e-3)
    assert w.get(SINT_NIKLAAS, 0) == pytest.approx(0.4, abs=1e-3)
    assert w.drop([ANTWERPEN, SINT_NIKLAAS], errors="ignore").sum() < 1e-3
    assert res.weights.loc[0, ["name_nl", "name_fr"]].tolist() == ["Antwerpen", "Anvers"]
    assert res.pre_rmspe < 1e-3
    assert res.effects.loc[0, "rate_ratio"] == pytest.approx(1.0, abs=1e-3)


def test_planted_effect_exact_and_noisy():
    exact = long_table(known_panel(effect=0.7))
    donors = [ANTWERPEN, SINT_NIKLAAS, *OTHERS]
    res = synthetic_control(
        exact, treated=GENT, indicator_id="I01", intervention=START, donors=donors
    )
    assert res.effects.loc[0, "rate_ratio"] == pytest.approx(0.7, abs=1e-3)
    # Poisson counts of a municipality of 50,000 (about 50 a month): the interval holds 0.7
    rng = np.random.default_rng(11)
    noisy = long_table(known_panel(effect=0.7), population=50_000)
    noisy["value"] = rng.poisson(noisy["value"]).astype(float)
    row = synthetic_control(
        noisy, treated=GENT, indicator_id="I01", intervention=START, donors=donors
    ).effects.iloc[0]
    assert row["ci_low"] <= 0.7 <= row["ci_high"]
    assert 0.55 < row["rate_ratio"] < 0.85
    assert row["p_value"] < 0.05  # a fall of 30 % on 50 a month is visible


def augmented_nnls(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """An independent solver: NNLS with a heavy sum-to-one row."""
    heavy = 1e4
    w, _ = nnls(np.vstack([X, heavy * np.ones(X.shape[1])]), np.append(y, heavy), maxiter=10_000)
    return w / w.sum()


def grid_three(X: np.ndarray, y: np.ndarray, step: float = 0.0025) -> float:
    """Brute force over three donors: the smallest objective on a grid of the simplex."""
    best = np.inf
    for a in np.arange(0, 1 + step / 2, step):
        b = np.arange(0, 1 - a + step / 2, step)
        W = np.column_stack([np.full_like(b, a), b, np.clip(1 - a - b, 0, None)])
        best = min(best, float((((W @ X.T) - y) ** 2).sum(axis=1).min()))
    return best


def test_solver_agrees_with_independent_solvers():
    rng = np.random.default_rng(5)
    for months, donors in itertools.product((6, 24, 60), (3, 12, 45)):
        X = rng.gamma(2, 1, (months, donors))
        y = rng.gamma(2, 1, months) * rng.uniform(0.5, 1.5)
        w, obj = simplex_least_squares(X, y)
        assert w.min() >= 0 and w.sum() == pytest.approx(1, abs=1e-12)
        other = float(((y - X @ augmented_nnls(X, y)) ** 2).sum())
        assert obj <= other * (1 + 1e-6) + 1e-9
        assert obj >= other * (1 - 1e-4) - 1e-9  # and not lower: both reach the optimum
        if donors == 3:
            assert grid_three(X, y) >= obj - 1e-9
            assert grid_three(X, y) <= obj * 1.01 + 1e-6


def test_weights_of_the_result_reach_the_optimum_on_random_data():
    rng = np.random.default_rng(8)
    rates = {GENT: rng.gamma(4, 0.3, 48)}
    rates |= {c: rng.gamma(4, 0.3, 48) for c in [ANTWERPEN, SINT_NIKLAAS, *OTHERS]}
    res = synthetic_control(
        long_table(rates),
        treated=GENT,
        indicator_id="I01",
        intervention=START,
        donors=list(rates)[1:],
    )
    pre = res.series[~res.series["after"]]
    obj = float(((pre["treated_per_1000"] - pre["synthetic_per_1000"]) ** 2).sum())
    X = np.column_stack([rates[c][:30] for c in list(rates)[1:]])
    best = float(((rates[GENT][:30] - X @ augmented_nnls(X, rates[GENT][:30])) ** 2).sum())
    assert obj == pytest.approx(best, rel=1e-3)  # weights below 1e-4 set to 0: within 1e-3


def test_hull_check_flags_a_treated_series_above_every_donor():
    rates = known_panel()
    rates[GENT] = max(rates[c].max() for c in rates if c != GENT) + 1 + rates[GENT]
    res = synthetic_control(
        long_table(rates),
        treated=GENT,
        indicator_id="I01",
        intervention=START,
        donors=[c for c in rates if c != GENT],
    )
    hull = res.convex_hull
    assert not hull and hull.reason == "above" and hull.share_inside == 0
    assert "hoger dan elke" in hull.text("nl") and "plus haut" in hull.text("fr")
    good = synthetic_control(
        long_table(known_panel()),
        treated=GENT,
        indicator_id="I01",
        intervention=START,
        donors=[ANTWERPEN, SINT_NIKLAAS, *OTHERS],
    )
    assert good.convex_hull and good.convex_hull.reason == "inside"


def projects_and_registrations() -> tuple[pd.DataFrame, pd.DataFrame]:
    """One project on I01 in Antwerpen, one on I02 only in Sint-Niklaas."""
    projects = pd.DataFrame(
        {
            "project_id": ["P-I01", "P-I02"],
            "nis_codes": [(ANTWERPEN,), (SINT_NIKLAAS,)],
            "start_date": pd.to_datetime(["2020-01-01", "2020-01-01"]),
            "end_date": pd.NaT,
            "impact_model": ["level", "level"],
        }
    )
    registrations = pd.DataFrame(
        {
            "project_id": ["P-I01", "P-I02"],
            "nis_code": [ANTWERPEN, SINT_NIKLAAS],
            "indicator_id": ["I01", "I02"],
            "period": ["2020-01", "2020-01"],
            "value": [1.0, 1.0],
        }
    )
    return projects, registrations


def test_default_donors_same_region_without_own_project():
    rng = np.random.default_rng(2)
    rates = known_panel() | {c: rng.gamma(5, 0.2, 48) for c in WALLOON}
    table = long_table(rates)
    projects, registrations = projects_and_registrations()
    res = synthetic_control(
        table,
        treated=GENT,
        indicator_id="I01",
        intervention=START,
        projects=projects,
        registrations=registrations,
    )
    pool = set(res.diagnostics["placebos"]["nis_code"]) | set(res.weights["nis_code"])
    assert ANTWERPEN not in pool and not pool & set(WALLOON)
    assert SINT_NIKLAAS in pool  # its project acts on I02 only
    assert res.diagnostics["excluded"] == {"region": 2, "own_project": 1, "months": 0}
    assert res.diagnostics["region"] == ["Flanders"]
    # without the registrations every project with an impact model leaves its municipality out
    safe = synthetic_control(
        table, treated=GENT, indicator_id="I01", intervention=START, projects=projects
    )
    assert safe.diagnostics["excluded"]["own_project"] == 2
    # a project that ended before the series' first month does not count
    ended = projects.assign(
        start_date=pd.Timestamp("2015-01-01"), end_date=pd.Timestamp("2016-12-31")
    )
    late = synthetic_control(
        table, treated=GENT, indicator_id="I01", intervention=START, projects=ended
    )
    assert late.diagnostics["excluded"]["own_project"] == 0


def test_several_treated_municipalities_are_summed():
    rates = known_panel()
    table = long_table(rates)
    other = table["nis_code"] == OTHERS[0]
    table.loc[other, "population"] = 3000.0
    table.loc[other, "value"] *= 3  # the same rate, three times the people
    res = synthetic_control(
        table,
        treated=[GENT, OTHERS[0]],
        indicator_id="I01",
        intervention=START,
        donors=[ANTWERPEN, SINT_NIKLAAS, *OTHERS[1:]],
    )
    counts = rates[GENT] + rates[OTHERS[0]] * 3
    assert np.allclose(res.series["treated"], counts)
    assert np.allclose(res.series["treated_per_1000"], 1000 * counts / 4000)


def test_interval_and_p_value_agree_and_permutation_p_by_hand():
    rng = np.random.default_rng(4)
    noisy = long_table(known_panel(effect=0.8), population=20_000)
    noisy["value"] = rng.poisson(noisy["value"]).astype(float)
    res = synthetic_control(
        noisy,
        treated=GENT,
        indicator_id="I01",
        intervention=START,
        donors=[ANTWERPEN, SINT_NIKLAAS, *OTHERS],
    )
    row = res.effects.iloc[0]
    assert row["ci_low"] < row["rate_ratio"] < row["ci_high"]
    assert (row["p_value"] < 0.05) == (row["ci_high"] < 1 or row["ci_low"] > 1)
    stat = np.log(row["rate_ratio"]) / res.diagnostics["scale"]
    placebo = res.diagnostics["placebos"]["statistic"].abs()
    assert res.diagnostics["permutation_p"] == (1 + (placebo >= abs(stat)).sum()) / (
        len(placebo) + 1
    )


def test_bad_input_says_what_is_wrong():
    table = long_table(known_panel())
    donors = [ANTWERPEN, SINT_NIKLAAS]
    with pytest.raises(SyntheticDataError, match="99999"):
        synthetic_control(
            table, treated="99999", indicator_id="I01", intervention=START, donors=donors
        )
    with pytest.raises(SyntheticDataError, match="at least 12 before"):
        synthetic_control(
            table, treated=GENT, indicator_id="I01", intervention=MONTHS[5], donors=donors
        )
    with pytest.raises(SyntheticDataError, match="I02"):
        synthetic_control(table, treated=GENT, indicator_id="I02", intervention=START)
    flemish = table[~table["nis_code"].isin(OTHERS + [ANTWERPEN, SINT_NIKLAAS])]
    with pytest.raises(SyntheticDataError, match="no donor"):
        synthetic_control(flemish, treated=GENT, indicator_id="I01", intervention=START)
    assert issubclass(SyntheticDataError, ValueError)


def test_few_donors_give_no_interval_and_say_why():
    res = synthetic_control(
        long_table(known_panel()),
        treated=GENT,
        indicator_id="I01",
        intervention=START,
        donors=[ANTWERPEN, SINT_NIKLAAS, OTHERS[0]],
    )
    row = res.effects.iloc[0]
    assert np.isnan(row["ci_low"]) and "placebo" in row["note"]


def test_figure_in_each_language():
    import matplotlib

    matplotlib.use("Agg")
    from socprev_kit.plots.synthetic import synthetic_figure

    res = synthetic_control(
        long_table(known_panel(effect=0.7)),
        treated=GENT,
        indicator_id="I01",
        intervention=START,
        donors=[ANTWERPEN, SINT_NIKLAAS, *OTHERS],
    )
    for lang, legend, name in (
        ("nl", "Synthetische", "Antwerpen"),
        ("fr", "synthétique", "Anvers"),
    ):
        fig = synthetic_figure(res, lang=lang)
        main, side = fig.axes
        texts = [t.get_text() for t in main.get_legend().get_texts()]
        assert any(legend in t for t in texts)
        assert name in [t.get_text() for t in side.get_yticklabels()]
        matplotlib.pyplot.close(fig)


def test_placebo_variance_recovers_a_common_and_a_proportional_part():
    from socprev_kit.evaluation.evidence.synthetic_placebos import placebo_variance

    scale = np.linspace(0.1, 0.6, 30)
    signs = np.where(np.arange(30) % 2, 1, -1)
    log_rr = signs * np.sqrt(0.01 + 2.0 * scale**2)  # exactly tau2 = 0.01, c2 = 2
    frame = pd.DataFrame({"rate_ratio": np.exp(log_rr), "scale": scale})
    assert placebo_variance(frame) == pytest.approx((0.01, 2.0), rel=1e-6)
    # the least-squares fit of the same line, solved apart
    A = np.column_stack([np.ones(30), scale**2])
    noisy = (0.05 + 2.0 * scale**2) * np.random.default_rng(1).uniform(0.8, 1.2, 30)
    assert (np.linalg.lstsq(A, noisy, rcond=None)[0] > 0).all()  # inside the constraints
    expected = np.linalg.lstsq(A, noisy, rcond=None)[0]
    got = placebo_variance(frame.assign(rate_ratio=np.exp(np.sqrt(noisy))))
    assert got == pytest.approx(tuple(expected), rel=1e-6)


def simulated_panel(rng: np.random.Generator, effect: float) -> pd.DataFrame:
    """Written apart from the benchmark: 25 donors and a treated series sharing a common
    monthly shock, Poisson counts around a log-normal level of their own, 36 + 24 months."""
    months = pd.period_range("2019-01", periods=60, freq="M").astype(str)
    common = np.cumsum(rng.normal(0, 0.03, 60))
    rows = []
    for i in range(26):
        pop = float(rng.choice([8_000, 20_000, 60_000]))
        mu = pop / 1000 * 0.6 * np.exp(common + rng.normal(0, 0.15, 60) + rng.normal(0, 0.2))
        if i == 0:
            mu[36:] *= effect
        rows.append(pd.DataFrame({"nis_code": f"U{i:02d}", "indicator_id": "I01",
                                  "period": months, "value": rng.poisson(mu).astype(float),
                                  "population": pop}))  # fmt: skip
    return pd.concat(rows, ignore_index=True)


@pytest.mark.slow
def test_interval_covers_the_planted_effect_and_rarely_finds_one_where_none_is():
    rng = np.random.default_rng(21)
    donors = [f"U{i:02d}" for i in range(1, 26)]
    covered = found = 0
    for _ in range(40):
        for effect in (0.7, 1.0):
            row = synthetic_control(simulated_panel(rng, effect), treated="U00",
                                    indicator_id="I01", intervention="2022-01",
                                    donors=donors).effects.iloc[0]  # fmt: skip
            if effect == 0.7:
                covered += row["ci_low"] <= 0.7 <= row["ci_high"]
            else:
                found += row["p_value"] < 0.05
    # a 95 % interval covers in at least 34 of 40 panels but for a 0.3 % chance; under no
    # effect at most 5 of 40 at p < 0.05 but for a 1.4 % chance
    assert covered >= 34
    assert found <= 5
