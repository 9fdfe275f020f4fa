"""Power before the start (``minimum_detectable_effect``) against a brute-force simulation written
apart from the kit: its own counts (Poisson, or negative binomial with a gamma-mixed level where
the kit draws a log-normal one of the same variance), its own quasi-Poisson GLM fitted with
statsmodels, its own Wald interval, a plain loop."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from socprev_kit.evaluation.evidence import PowerResult, minimum_detectable_effect
from socprev_kit.evaluation.evidence.power_fit import Analysis
from socprev_kit.evaluation.evidence.power_model import PowerDataError
from socprev_kit.evaluation.evidence.power_texts import (
    assumption_lines,
    curve_table,
    error_text,
)
from socprev_kit.evaluation.its import interrupted_time_series

START = "2026-01"
N_PRE = 48
HISTORY = pd.period_range("2022-01", periods=N_PRE, freq="M")


def history(level: float, b: float = 0.0) -> pd.DataFrame:
    """A history whose counts are exactly the quantiles of Poisson(level) (``b`` 0) or of the
    negative binomial with variance ``level + b level^2``, at evenly spaced probabilities, in
    low-high-low order: no trend, no season, no autocorrelation, the known spread."""
    p = (np.arange(N_PRE) + 0.5) / N_PRE
    v = stats.nbinom.ppf(p, 1 / b, 1 / (1 + b * level)) if b else stats.poisson.ppf(p, level)
    zigzag = np.empty(N_PRE)
    zigzag[0::2], zigzag[1::2] = v[: N_PRE // 2], v[::-1][: N_PRE // 2]
    return pd.DataFrame({"month": HISTORY.astype(str), "n": zigzag, "pop": 10_000.0})


# --- the brute force, apart from the kit -----------------------------------------------------


def brute_design(months_after: int) -> tuple[np.ndarray, np.ndarray]:
    """Constant, months, after the start, one yearly harmonic; and the after-start flag."""
    months = pd.period_range(HISTORY[0], periods=N_PRE + months_after, freq="M")
    t = np.arange(len(months), dtype=float)
    post = (t >= N_PRE).astype(float)
    angle = 2 * np.pi * months.month.to_numpy() / 12
    return np.column_stack([np.ones_like(t), t, post, np.sin(angle), np.cos(angle)]), post


def brute_counts(rng, level, change, months_after, b) -> np.ndarray:  # noqa: ANN001
    """One series: Poisson counts around ``level`` (times ``1 - change`` from the start), the
    level gamma-mixed (mean 1, variance ``b``) when ``b`` > 0."""
    _, post = brute_design(months_after)
    mu = level * (1 - change) ** post
    if b:
        mu = mu * rng.gamma(1 / b, b, len(mu))
    return rng.poisson(mu)


def brute_power(level, change, months_after, n, seed, b=0.0, its=True) -> float:  # noqa: ANN001
    """Share of ``n`` simulated series whose 95 % interval of the level change lies below 1:
    with ``its`` the reports' call of ``interrupted_time_series`` on each series, else a
    quasi-Poisson GLM fitted with statsmodels and its Wald interval (t quantiles, n - p
    degrees of freedom), which does not widen the interval for autocorrelation."""
    rng = np.random.default_rng(seed)
    X, post = brute_design(months_after)
    months = pd.period_range(HISTORY[0], periods=len(X), freq="M").astype(str)
    q = stats.t.ppf(0.975, len(X) - X.shape[1])
    hits = 0
    for _ in range(n):
        y = brute_counts(rng, level, change, months_after, b)
        if y[post == 1].sum() == 0:
            continue  # the ITS refuses an all-zero side: not detected
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if its:
                frame = pd.DataFrame({"m": months, "n": y, "pop": 1e4})
                res = interrupted_time_series(frame, count="n", period="m", population="pop",
                                              intervention=START, harmonics=1)  # fmt: skip
                hits += res.effects.set_index("term").at["level", "ci_high"] < 1
            else:
                fit = sm.GLM(y, X, family=sm.families.Poisson()).fit(scale="X2")
                hits += fit.params[2] + q * fit.bse[2] < 0
    return hits / n


def binomial_se(p: float, n: int) -> float:
    return float(np.sqrt(max(p * (1 - p), 1 / n) / n))


def mde(level, months_after=24, b=0.0, **kw) -> PowerResult:  # noqa: ANN001
    kw = {"n_sims": 200, "seed": 3, **kw}
    return minimum_detectable_effect(
        history(level, b), count="n", period="month", population="pop",
        intervention=START, months_after=months_after, **kw,
    )  # fmt: skip


# --- the kit's fast fit is the reports' ITS ------------------------------------------------------


@pytest.mark.parametrize("controlled", [False, True])
@pytest.mark.parametrize("slope_change", [False, True])
def test_fast_intervals_equal_interrupted_time_series(controlled, slope_change):
    rng = np.random.default_rng(5)
    months = pd.Series(pd.period_range("2021-01", periods=60, freq="M"))
    pop = np.linspace(9_000, 11_000, 60)
    level = 20 * np.exp(0.3 * np.cos(2 * np.pi * months.dt.month / 12)).to_numpy()
    Y = rng.poisson(level * rng.gamma(5, 0.2, (4, 60)))
    C = rng.poisson(3 * level * rng.gamma(5, 0.2, (4, 60)))
    rows = pd.concat([months, months] if controlled else [months], ignore_index=True)
    group = np.r_[np.ones(60), np.zeros(60 if controlled else 0)]
    offset = np.log(np.r_[pop, pop if controlled else []])
    fast = Analysis(rows, group, pd.Period("2024-01", "M"), 1, slope_change, offset)
    got = fast.intervals(np.hstack([Y, C]) if controlled else Y, 0.05)
    for i in range(4):
        frame = pd.DataFrame({"m": months.astype(str), "n": Y[i], "pop": pop})
        control = frame.assign(n=C[i]) if controlled else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = interrupted_time_series(
                frame, count="n", period="m", population="pop", intervention="2024-01",
                control=control, harmonics=1, slope_change=slope_change,
            )  # fmt: skip
        row = res.effects.set_index("term").loc["level"]
        want = np.log(row[["rate_ratio", "ci_low", "ci_high"]].to_numpy(dtype=float))
        np.testing.assert_allclose(got[i], want, atol=1e-8)


def test_a_series_the_its_refuses_has_no_interval():
    months = pd.Series(pd.period_range("2021-01", periods=24, freq="M"))
    fast = Analysis(months, np.ones(24), pd.Period("2022-01", "M"), 1, False, np.zeros(24))
    Y = np.vstack([np.r_[np.arange(12) % 3 + 1, np.zeros(12)], np.arange(24) % 4 + 1.0])
    got = fast.intervals(Y, 0.05)
    assert np.isnan(got[0]).all() and np.isfinite(got[1]).all()


# --- against the brute force -------------------------------------------------------------------


def test_history_gives_the_known_level_and_spread():
    poisson, nb = mde(30, n_sims=40), mde(30, b=0.1, n_sims=40)
    assert poisson.assumptions["level_per_month"] == pytest.approx(30, rel=0.05)
    assert poisson.assumptions["latent_variance"] == pytest.approx(0, abs=0.01)
    assert poisson.assumptions["rho"] == pytest.approx(0, abs=0.05)
    assert nb.assumptions["latent_variance"] == pytest.approx(0.1, rel=0.25)
    assert nb.assumptions["months_before"] == N_PRE and nb.assumptions["months_after"] == 24


@pytest.mark.slow
@pytest.mark.parametrize("b", [0.0, 0.1])
def test_power_agrees_with_the_brute_force(b):
    """The brute force simulates its own series from the known truth (level 30 a month, NB
    spread ``b``) and runs the reports' ITS on each: the kit's power near 50 % agrees within 3
    combined binomial errors, its MDE within 3 times its stated error combined with the brute
    force's own."""
    res = mde(30, b=b, n_sims=300)
    curve = res.curve.iloc[(res.curve["power"] - 0.5).abs().argsort()]
    change, kit = curve.iloc[0][["change", "power"]]
    n = 200
    brute = brute_power(30, change, 24, n, seed=11, b=b)
    assert abs(kit - brute) < 3 * np.hypot(binomial_se(kit, 300), binomial_se(brute, n))
    lo, at, hi = (brute_power(30, res.mde + d, 24, n, seed=12, b=b) for d in (-0.05, 0, 0.05))
    slope = (hi - lo) / 0.1  # the brute force's own curve around the kit's MDE
    brute_mde = res.mde + (0.8 - at) / slope
    error = np.hypot(res.mde_se, binomial_se(at, n) / slope)
    assert abs(brute_mde - res.mde) < 3 * error, (res.mde, brute_mde, error)


def test_the_ar1_intervals_only_cost_power_against_a_plain_glm():
    """A plain quasi-Poisson GLM (statsmodels, Wald, no allowance for autocorrelation) detects
    the kit's MDE at least as often as the kit says (its intervals are never wider)."""
    res = mde(30)
    glm = brute_power(30, res.mde, 24, 300, seed=13, its=False)
    assert glm > 0.8 - 3 * binomial_se(0.8, 300)


@pytest.mark.slow
def test_mde_shrinks_with_more_months_after_and_a_larger_level():
    short, long_ = mde(10, months_after=6, n_sims=100), mde(10, months_after=36, n_sims=100)
    small, large = mde(5, n_sims=100), mde(50, n_sims=100)
    assert short.mde > long_.mde + 2 * np.hypot(short.mde_se, long_.mde_se)
    assert small.mde > large.mde + 2 * np.hypot(small.mde_se, large.mde_se)


def test_a_planted_fall_of_twice_the_mde_is_seen_by_the_reports_its():
    res = mde(20)
    assert 0.1 < res.mde < 0.45
    rng = np.random.default_rng(21)
    months = pd.period_range(HISTORY[0], periods=N_PRE + 24, freq="M").astype(str)
    factor = np.r_[np.ones(N_PRE), np.full(24, 1 - 2 * res.mde)]
    seen = 0
    for _ in range(40):
        frame = pd.DataFrame({"m": months, "n": rng.poisson(20 * factor), "pop": 1e4})
        its = interrupted_time_series(
            frame, count="n", period="m", population="pop", intervention=START, harmonics=1
        )
        seen += its.effects.set_index("term").at["level", "ci_high"] < 1
    assert seen >= 36


# --- what the result holds and says -------------------------------------------------------------


def test_the_curve_is_monotone_and_brackets_the_mde():
    res = mde(15)
    c = res.curve
    assert c["change"].is_monotonic_increasing and c["change"].iloc[0] == 0
    assert c["power"].iloc[0] < 0.1  # no change: about alpha / 2
    below, above = c[c["change"] < res.mde], c[c["change"] >= res.mde]
    assert below["power"].max() < 0.8 <= above["power"].min()
    low, high = res.mde_interval
    assert low < res.mde < high and res.mde_se > 0 and res.detectable and res.n_sims == 200
    assert list(c.columns) == ["change", "power", "power_se"]


@pytest.mark.slow
def test_a_rise_and_a_controlled_design():
    up = mde(15, direction="up", n_sims=60)
    assert up.detectable and up.direction == "up"
    assert "stijging" in up.describe("nl") and "hausse" in up.describe("fr")
    plain = mde(15, n_sims=60)
    comparison = history(15).assign(n=lambda d: d["n"][::-1].to_numpy())
    controlled = mde(15, comparison=comparison, n_sims=60)
    assert controlled.assumptions["controlled"] and "comparison_rho" in controlled.assumptions
    assert controlled.mde > plain.mde  # the comparison's own noise costs power


def test_tiny_counts_are_not_detectable_and_say_so():
    res = mde(0.2)
    assert not res.detectable and np.isnan(res.mde) and res.reason == "too_few"
    assert "zelfs een daling van 95" in res.describe("nl")
    assert "même une baisse de 95" in res.describe("fr")


def test_the_sentences_use_the_languages_number_formats():
    res = mde(30)
    percent = round(100 * res.mde)
    assert f"van {percent}\u00a0% of meer zichtbaar" in res.describe("nl")
    assert f"de {percent}\u202f% ou plus serait visible\u202f;" in res.describe("fr")
    assert res.describe("en").startswith(f"With 24 months after the start, a fall of {percent}%")
    labels = dict(assumption_lines(res, "fr"))
    assert labels["Mois avant le début"] == "48"
    assert curve_table(res, "nl").iloc[0].tolist()[0] == "0\u00a0%"


@pytest.mark.parametrize(
    ("kwargs", "key", "nl"),
    [
        ({"intervention": "2022-08"}, "few_months", "maar 7 maanden"),
        ({"months_after": 2}, "few_after", "Met 2 maanden"),
    ],
)
def test_errors_name_the_reason(kwargs, key, nl):
    args = {"intervention": START, "months_after": 24, **kwargs}
    with pytest.raises(PowerDataError) as caught:
        minimum_detectable_effect(history(10), count="n", period="month", **args)
    assert caught.value.key == key and nl in error_text(caught.value, "nl")


def test_an_all_zero_history_cannot_give_a_power():
    zeros = history(10).assign(n=0.0)
    with pytest.raises(PowerDataError) as caught:
        minimum_detectable_effect(zeros, count="n", period="month", intervention=START,
                                  months_after=24)  # fmt: skip
    assert caught.value.key == "no_counts"
    assert "chaque mois compte 0" in error_text(caught.value, "fr")
