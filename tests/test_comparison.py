"""Comparison municipalities, comparison series and funnel limits against hand calculations."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import socprev_kit as sk
from socprev_kit.common.errors import SocprevError
from socprev_kit.common.paths import sample_data_path
from socprev_kit.data import reference
from socprev_kit.evaluation.comparison import (
    NoComparisonError,
    choose_comparisons,
    comparison_series,
    funnel,
)
from socprev_kit.evaluation.its import TooFewPointsError, interrupted_time_series
from socprev_kit.evaluation.own_projects import own_projects, related_indicators

NO_PROJECTS = pytest.mark.filterwarnings("ignore:Without projects=:UserWarning")


def test_choose_comparisons_same_region_closest():
    muni = reference.municipalities(2025).set_index("nis_code")
    out = choose_comparisons("44021", exclude=["41002"], n=3)
    assert len(out) == 3
    assert set(out["region"]) == {muni.at["44021", "region"]}
    assert not set(out["nis_code"]) & {"44021", "41002"}
    same = muni[(muni["region"] == "Flanders")].drop(["44021", "41002"])
    dist = (np.log(same["population"]) - math.log(muni.at["44021", "population"])).abs()
    assert out["distance"].iloc[0] == pytest.approx(dist.min())
    assert out["distance"].is_monotonic_increasing
    with pytest.raises(ValueError, match="Unknown NIS"):
        choose_comparisons("99999")


# ---------------------------------------------------------------- funnel

POPS = [1e4, 2e4, 5e3, 8e3, 1.2e4, 3e4, 6e3, 1.5e4, 4e4, 2.5e4]


def _percentile(z: np.ndarray, q: float) -> float:
    """The ``q`` quantile by hand: sort, then interpolate linearly at ``q (n - 1)``."""
    s, pos = sorted(z), q * (len(z) - 1)
    i = int(pos)
    return s[i] + (pos - i) * (s[min(i + 1, len(s) - 1)] - s[i])


def _by_hand(x: np.ndarray, pop: np.ndarray) -> dict:
    """Spiegelhalter (2005b) on the square root of O / E, written apart from the kit."""
    e = x.sum() / pop.sum() * pop
    z = 2 * (np.sqrt(x) - np.sqrt(e))
    low, high = _percentile(z, 0.1), _percentile(z, 0.9)
    zw = np.array([min(max(v, low), high) for v in z])
    n = len(x)
    phi = sum(zw**2) / n
    w = 4 * e  # 1 / s² with s = 1 / (2 sqrt(E))
    tau2 = max(0.0, (n * phi - (n - 1)) / (w.sum() - (w**2).sum() / w.sum()))
    method = "none" if phi <= 1 else "multiplicative" if phi <= 2 else "additive"
    return {"e": e, "z": z, "phi": phi, "tau2": tau2, "method": method}


def _limits(e: np.ndarray, level: float, ref: dict) -> tuple[np.ndarray, np.ndarray]:
    """Exact Poisson quantiles (scipy), their square-root distance from 1 widened by sqrt(φ)
    (multiplicative) or sqrt(s² + τ²) / s (additive)."""
    factor = {
        "none": np.ones_like(e),
        "multiplicative": np.full_like(e, math.sqrt(ref["phi"])),
        "additive": np.sqrt((1 / (4 * e) + ref["tau2"]) / (1 / (4 * e))),
    }[ref["method"]]
    out = []
    for p in ((1 - level) / 2, (1 + level) / 2):
        y = 1 + factor * (np.sqrt(stats.poisson.ppf(p, e) / e) - 1)
        out.append(e * np.clip(y, 0, None) ** 2)
    return out[0], out[1]


def test_funnel_phi_and_tau2_by_hand():
    x = np.array([30, 95, 9, 40, 20, 150, 12, 35, 260, 60], dtype=float)
    t = pd.DataFrame({"nis_code": list("abcdefghij"), "value": x, "population": POPS})
    out = funnel(t)
    ref = _by_hand(x, np.array(POPS))
    assert ref["method"] == "additive"  # φ > 2 on this table
    assert out["phi"].iloc[0] == pytest.approx(ref["phi"])
    assert out["tau2"].iloc[0] == pytest.approx(ref["tau2"])
    assert (out["overdispersion"] == "additive").all()
    np.testing.assert_allclose(out["z"], ref["z"])
    for name, level in (("95", 0.95), ("998", 0.998)):
        low, high = _limits(ref["e"], level, ref)
        np.testing.assert_allclose(out[f"low_{name}"], low)
        np.testing.assert_allclose(out[f"high_{name}"], high)
        assert out[f"outside_{name}"].tolist() == ((x < low) | (x > high)).tolist()


def test_funnel_multiplicative_between_1_and_2():
    x = np.array([16, 20, 9, 5, 12, 42, 3, 21, 44, 24], dtype=float)
    t = pd.DataFrame({"value": x, "population": POPS})
    out = funnel(t)
    ref = _by_hand(x, np.array(POPS))
    assert ref["method"] == "multiplicative"  # 1 < φ <= 2 on this table
    assert (out["overdispersion"] == "multiplicative").all()
    assert out["phi"].iloc[0] == pytest.approx(ref["phi"])
    low, high = _limits(ref["e"], 0.998, ref)
    np.testing.assert_allclose(out["low_998"], low)
    np.testing.assert_allclose(out["high_998"], high)


def test_funnel_limits_follow_the_paper_at_large_and_exact_poisson_at_small_counts():
    """Large expected counts: the widened limits are the paper's normal limits on the square-root
    scale, 1 ± z sqrt(s² + τ²); small ones: the exact Poisson quantiles stay."""
    from socprev_kit.evaluation import control_limits as cl

    disp = cl.Overdispersion("additive", 20.0, 0.01, 10)
    e = np.array([2.0, 3.0, 1e6])
    low, high = cl.limits(e, 0.998, disp)
    zq = stats.norm.ppf(0.999)
    sd = math.sqrt(1 / (4 * 1e6) + 0.01)
    assert low[2] == pytest.approx(1e6 * (1 - zq * sd) ** 2, rel=1e-3)
    assert high[2] == pytest.approx(1e6 * (1 + zq * sd) ** 2, rel=1e-3)
    exact_high = stats.poisson.ppf(0.999, e[:2])
    assert (high[:2] >= exact_high).all() and (high[:2] <= exact_high * 1.15).all()
    mult = cl.Overdispersion("multiplicative", 1.5, 0.0, 10)
    low_m, high_m = cl.limits(np.array([1e6]), 0.95, mult)
    sd = math.sqrt(1.5) / (2 * 1e3)
    assert high_m[0] == pytest.approx(1e6 * (1 + stats.norm.ppf(0.975) * sd) ** 2, rel=1e-4)


def test_funnel_without_overdispersion_keeps_exact_poisson_limits():
    x = np.array([10, 21, 5, 8, 12, 30, 7, 15, 39, 26], dtype=float)
    t = pd.DataFrame({"nis_code": list("abcdefghij"), "value": x, "population": POPS})
    out = funnel(t).set_index("nis_code")
    rate = x.sum() / sum(POPS)
    assert _by_hand(x, np.array(POPS))["phi"] <= 1
    assert (out["overdispersion"] == "none").all()
    assert out["group_rate_per_1000"].iloc[0] == pytest.approx(1000 * rate)
    e = rate * 5e3
    assert out.loc["c", "expected"] == pytest.approx(e)
    assert out.loc["c", "low_95"] == stats.poisson.ppf(0.025, e)
    assert out.loc["c", "high_998"] == stats.poisson.ppf(0.999, e)
    # Garwood 95 % for x = 5: chi2(0.025, 10) / 2 and chi2(0.975, 12) / 2, per 1,000 of 5,000
    assert out.loc["c", "rate_low"] == pytest.approx(1000 * stats.chi2.ppf(0.025, 10) / 2 / 5e3)
    assert out.loc["c", "rate_high"] == pytest.approx(1000 * stats.chi2.ppf(0.975, 12) / 2 / 5e3)


def test_funnel_refuses_fewer_than_8_municipalities():
    from socprev_kit.evaluation.comparison import MIN_UNITS, TooFewUnitsError

    assert MIN_UNITS == 8
    t = pd.DataFrame({"value": [50.0] * 8, "population": POPS[:8]})
    assert len(funnel(t)) == 8
    with pytest.raises(TooFewUnitsError, match="Only 7 municipalities.*at least 8"):
        funnel(t.head(7))
    hidden = t.assign(indicator_id="I01", value=[3.0] + [50.0] * 7)  # I01: min_cell 5
    with pytest.raises(TooFewUnitsError, match="Only 7"):
        funnel(hidden)


def test_funnel_edges():
    zeros = funnel(pd.DataFrame({"value": [0, 0], "population": [100, 200]}), min_units=1)
    assert (zeros[["low_95", "high_95", "expected"]] == 0).all().all()
    assert not zeros["outside_95"].any() and (zeros["overdispersion"] == "none").all()
    nopop = funnel(pd.DataFrame({"value": [7, 3], "population": [1000, 0]}), min_units=1)
    assert nopop["expected"].isna().iloc[1] and not nopop["outside_95"].iloc[1]
    assert nopop["group_rate_per_1000"].iloc[0] == pytest.approx(7)


def _sample_i02_2025() -> pd.DataFrame:
    """Each municipality's I02 count of 2025 from the sample, 12 months, one value a month."""
    from pathlib import Path

    import socprev_kit as sk
    from socprev_kit.indicators.rates import rates_per_1000

    data = sk.load(Path(__file__).resolve().parents[1] / "sample_data" / "clean")
    t = rates_per_1000(sk.indicator_table(data), indicators=["I02"])  # adds the population
    t = t[(t["indicator_id"] == "I02") & t["period"].str.startswith("2025")]
    t = t[t["frequency"] == "month"].dropna(subset=["value", "population"])
    month = t.groupby(["nis_code", "period"]).agg(value=("value", "max"), pop=("population", "max"))
    year = month.groupby("nis_code").agg(
        value=("value", "sum"), months=("value", "size"), population=("pop", "max")
    )
    return year[year["months"] == 12].reset_index()


def test_sample_funnel_of_i02_2025_flags_only_outside_the_adjusted_limits():
    """The "done when" of issue 13: computed apart from the kit from the sample's table."""
    from socprev_kit.reports.context import prepare
    from socprev_kit.reports.evaluate import funnel_year

    year, frame = funnel_year(prepare(warm=False), "I02", None, 2025)
    assert year == 2025
    mine = _sample_i02_2025()
    frame = frame.set_index("nis_code")
    hidden = set(frame.index[frame["suppressed"]])
    small = set(mine.loc[mine["value"] < 5, "nis_code"])  # I02's min_cell
    # the small ones, and those the data set's secondary suppression hides (Bastogne in 2025,
    # whose count beside the BAS-CA total would give its partners' small counts away)
    assert small <= hidden and hidden - small == {"82039"}
    shown = mine[~mine["nis_code"].isin(hidden)]  # hidden ones stay out of everything
    x, pop = shown["value"].to_numpy(float), shown["population"].to_numpy(float)
    ref = _by_hand(x, pop)
    assert ref["method"] == "additive"
    got = frame.loc[shown["nis_code"]]
    assert got["group_rate_per_1000"].iloc[0] == pytest.approx(1000 * x.sum() / pop.sum())
    assert got["phi"].iloc[0] == pytest.approx(ref["phi"])
    for name, level in (("95", 0.95), ("998", 0.998)):
        low, high = _limits(ref["e"], level, ref)
        assert got[f"outside_{name}"].tolist() == ((x < low) | (x > high)).tolist()
    pure = (x < stats.poisson.ppf(0.001, ref["e"])) | (x > stats.poisson.ppf(0.999, ref["e"]))
    assert pure.sum() >= 8 and got["outside_998"].sum() < pure.sum()  # was pure Poisson
    assert not frame.loc[frame["suppressed"], ["outside_95", "outside_998"]].any().any()


# ---------------------------------------------------------------- comparison municipalities

GENT, BRUGGE, AALST, LEUVEN, NAMUR = "44021", "31005", "41002", "24062", "92094"
MONTHS = [f"2022-{m:02d}" for m in range(1, 13)]


def monthly(nis: str, values, project: str = "P", indicator: str = "I01", pop: float = 1e5):
    """Rows of a monthly indicator table (after rates_per_1000) for one municipality."""
    return pd.DataFrame(
        {"project_id": project, "nis_code": nis, "period": MONTHS[: len(values)],
         "indicator_id": indicator, "kind": "registered", "value": [float(v) for v in values],
         "population": pop}
    )  # fmt: skip


def table(*parts: pd.DataFrame) -> pd.DataFrame:
    return pd.concat(parts, ignore_index=True)


@NO_PROJECTS
def test_comparison_series_chooses_among_municipalities_with_data():
    t = table(
        monthly(GENT, range(12), pop=2.6e5),
        monthly(BRUGGE, [5] * 12, project="B", pop=1.2e5),
        monthly(AALST, [2] * 12, project="A", pop=8.7e4),
        monthly(NAMUR, [9] * 12, project="N"),  # closer in size than Aalst, but in Wallonia
        monthly(LEUVEN, [9] * 12, project="L", indicator="I02"),  # no I01
    )
    s = comparison_series(t, nis_code=GENT, indicator_id="I01", n=3)
    assert s.chosen["nis_code"].tolist() == [BRUGGE, AALST]  # n = 3, but two have data
    assert list(s.chosen.columns)[:4] == ["nis_code", "name_nl", "name_fr", "region"]
    assert list(s.chosen.columns)[4:] == ["population", "distance"]
    assert s.treated["value"].tolist() == list(range(12)) and s.nis_code == GENT
    assert s.control["value"].tolist() == [7.0] * 12
    assert (s.control["population"] == 1.2e5 + 8.7e4).all()
    assert (s.control["n_municipalities"] == 2).all()
    pd.testing.assert_frame_equal(s.treated, s.treated.sort_values("period"))


def test_comparison_series_keeps_only_months_every_comparison_has():
    aalst = monthly(AALST, [2] * 12, project="A").drop(index=[3, 4])
    t = table(monthly(GENT, [1] * 12), monthly(BRUGGE, [5] * 12, project="B"), aalst)
    t.loc[(t["nis_code"] == BRUGGE) & (t["period"] == "2022-08"), "value"] = np.nan
    s = comparison_series(t, nis_code=GENT, indicator_id="I01", comparisons=[BRUGGE, AALST])
    gone = {"2022-04", "2022-05", "2022-08"}
    assert s.control["period"].tolist() == [m for m in MONTHS if m not in gone]
    assert (s.control["value"] == 7).all()
    assert s.chosen["nis_code"].tolist() == [BRUGGE, AALST]


@NO_PROJECTS
def test_comparison_series_project_exclude_and_duplicates():
    t = table(
        monthly(GENT, [1] * 12),
        monthly(BRUGGE, [5] * 12),  # in the project itself
        monthly(GENT, [1] * 12, project="Q"),  # the same series registered twice
        monthly(AALST, [2] * 12, project="A"),
        monthly("12025", [3] * 12, project="M"),  # Mechelen
    )
    s = comparison_series(t, nis_code=GENT, indicator_id="I01", project_id="P", n=5)
    assert s.chosen["nis_code"].tolist() == [AALST, "12025"]
    s = comparison_series(t, nis_code=GENT, indicator_id="I01", project_id="P", exclude=[AALST])
    assert s.chosen["nis_code"].tolist() == ["12025"]
    assert len(comparison_series(t, nis_code=GENT, indicator_id="I01").treated) == 12
    t.loc[(t["project_id"] == "Q") & (t["period"] == "2022-03"), "value"] = 4.0
    with pytest.raises(
        ValueError, match=r"44021 has different values in period 2022-03.*project_id"
    ):
        comparison_series(t, nis_code=GENT, indicator_id="I01")


@NO_PROJECTS
def test_comparison_series_refusals():
    alone = monthly(GENT, [1] * 12)
    with pytest.raises(NoComparisonError, match="No comparison municipality for 44021 and "
                       "indicator I01: no other municipality of Flanders") as err:  # fmt: skip
        comparison_series(alone, nis_code=GENT, indicator_id="I01")
    assert isinstance(err.value, SocprevError) and err.value.region == "Flanders"
    with pytest.raises(NoComparisonError, match="31005 ha.* no I01 values") as err:
        comparison_series(alone, nis_code=GENT, indicator_id="I01", comparisons=[BRUGGE])
    assert err.value.missing == [BRUGGE]
    with pytest.raises(ValueError, match="unknown in 2025"):
        comparison_series(alone, nis_code=GENT, indicator_id="I01", comparisons=["71022"])
    with pytest.raises(ValueError, match="No I02 values for 44021"):
        comparison_series(alone, nis_code=GENT, indicator_id="I02")
    with pytest.raises(ValueError, match="derived ratio"):
        comparison_series(alone.assign(kind="derived"), nis_code=GENT, indicator_id="I01")


def test_choose_comparisons_merged_2025_municipality():
    hasselt = reference.municipalities(2025).set_index("nis_code").loc["71072"]
    assert set(hasselt["predecessor_nis_codes"]) == {"71022", "73040"}
    out = choose_comparisons("71072", n=50)
    assert len(out) == 50 and set(out["region"]) == {"Flanders"}
    assert set(out["nis_code"]) <= reference.known_nis_codes(2025)
    assert not set(out["nis_code"]) & set(reference.mergers()["old_nis_code"]) - {"11002"}
    among = choose_comparisons("71016", among=["71022", "71072", "73040"])  # Genk
    assert among["nis_code"].tolist() == ["71072"]
    with pytest.raises(ValueError, match="merged into 71072"):
        choose_comparisons("71022")
    assert choose_comparisons("71072", among=[]).empty


@NO_PROJECTS
def test_comparison_series_feeds_controlled_its():
    rng = np.random.default_rng(0)
    months = pd.period_range("2019-01", periods=48, freq="M").strftime("%Y-%m")
    post = np.arange(48) >= 24

    def rows(nis, mu, project):
        return pd.DataFrame({"project_id": project, "nis_code": nis, "period": months,
                             "indicator_id": "I01", "value": rng.poisson(mu).astype(float),
                             "population": 1e5})  # fmt: skip

    shock = np.where(post, 0.8, 1.0)  # common to all three; Ghent also has 0.7
    t = table(rows(GENT, 50 * shock * np.where(post, 0.7, 1), "P"), rows(BRUGGE, 40 * shock, "B"))
    t = table(t, rows(AALST, 30 * shock, "A"))
    s = comparison_series(t, nis_code=GENT, indicator_id="I01", project_id="P")
    kw = {"count": "value", "period": "period", "population": "population"}
    res = interrupted_time_series(s.treated, control=s.control, intervention="2021-01", **kw)
    level = res.effects.set_index("term").loc["level"]
    assert level["ci_low"] <= 0.7 <= level["ci_high"] < 1
    short = t[(t["nis_code"] != AALST) | (t["period"] < "2021-03")]  # Aalst stops 2 months in
    s = comparison_series(short, nis_code=GENT, indicator_id="I01", project_id="P")
    assert s.control["period"].max() == "2021-02"
    with pytest.raises(TooFewPointsError, match="comparison series .found 24 before, 2 after"):
        interrupted_time_series(s.treated, control=s.control, intervention="2021-01", **kw)


# ---------------------------------------------------------------- municipalities with own projects

MECHELEN, KORTRIJK = "12025", "34022"


def _projects(*rows) -> pd.DataFrame:
    cols = ["project_id", "start_date", "intervention_date", "end_date", "impact_model"]
    out = pd.DataFrame(list(rows), columns=cols)
    for c in cols[1:4]:
        out[c] = pd.to_datetime(out[c])
    return out


def test_default_comparisons_leave_out_municipalities_with_their_own_project():
    t = table(
        monthly(GENT, [9] * 12),
        monthly(BRUGGE, [5] * 12, project="B"),  # monitoring only: no impact model
        monthly(AALST, [2] * 12, project="A"),  # its own I01 project, running in 2022
        monthly(MECHELEN, [3] * 12, project="M"),  # its own I01 project, over by 2019
        monthly(KORTRIJK, [4] * 12, project="K"),  # monitoring I01 ...
        monthly(KORTRIJK, [1] * 12, project="K2", indicator="I01R"),  # ... and a project on I01R
        monthly(LEUVEN, [6] * 12, project="LM"),  # monitoring I01 ...
        monthly(LEUVEN, [6] * 12, project="L", indicator="I02"),  # ... its own project on I02
    )
    projects = _projects(
        ("P", "2021-01-01", "2022-01-01", None, "level"),
        ("B", "2019-01-01", "2019-06-01", None, None),
        ("A", None, "2021-06-01", None, "level"),  # no start: from its intervention
        ("M", "2015-01-01", "2016-01-01", "2018-12-31", "slope"),
        ("K", "2019-01-01", None, None, ""),
        ("K2", "2022-06-01", None, "2023-12-31", "level"),  # starts within the window
        ("L", "2020-01-01", None, None, "level"),
        ("LM", "2020-01-01", None, None, None),
    )
    s = comparison_series(
        t, nis_code=GENT, indicator_id="I01", project_id="P", n=10, projects=projects
    )
    assert sorted(s.chosen["nis_code"]) == sorted([BRUGGE, MECHELEN, LEUVEN])
    assert s.excluded[["nis_code", "project_id"]].values.tolist() == [
        [KORTRIJK, "K2"], [AALST, "A"]
    ]  # fmt: skip
    assert s.excluded.loc[0, "indicator_ids"] == "I01R"
    assert (s.control["value"] == 5 + 3 + 6).all()
    # named comparisons are used as given; without projects= nothing can be told apart
    named = comparison_series(
        t, nis_code=GENT, indicator_id="I01", comparisons=[AALST], projects=projects
    )
    assert named.chosen["nis_code"].tolist() == [AALST] and named.excluded.empty
    assert named.with_own_project[["nis_code", "project_id"]].values.tolist() == [[AALST, "A"]]
    assert s.with_own_project.empty
    with pytest.warns(UserWarning, match="Without projects=, municipalities that run their own"):
        blind = comparison_series(t, nis_code=GENT, indicator_id="I01", project_id="P", n=10)
    assert AALST in set(blind.chosen["nis_code"])
    with pytest.raises(
        NoComparisonError, match=r"and no project of its own on it \(left out: 41002 with A\)"
    ):
        comparison_series(
            t[t["nis_code"].isin([GENT, AALST])], nis_code=GENT, indicator_id="I01",
            projects=projects.assign(impact_model="level"),
        )  # fmt: skip


def test_related_indicators_and_own_projects_by_hand():
    assert related_indicators("I01") == ["I01", "I01R"]
    assert related_indicators("I04D") == ["I04", "I04D", "I04N"]  # I04 = I04N / I04D
    assert related_indicators("C02") == ["C02"]
    t = table(monthly(AALST, [1] * 12, project="A", indicator="I04D"))
    projects = _projects(("A", "2022-12-01", None, None, "level"), ("U", None, None, None, None))
    window = (pd.Timestamp("2022-01-01"), pd.Timestamp("2022-12-31"))
    own = own_projects(t, projects, indicator_id="I04N", window=window)
    assert own[["nis_code", "project_id", "indicator_ids"]].values.tolist() == [
        [AALST, "A", "I04D"]
    ]
    late = (pd.Timestamp("2020-01-01"), pd.Timestamp("2022-11-30"))
    assert own_projects(t, projects, indicator_id="I04N", window=late).empty
    # a project the projects table does not know counts as an own project
    unknown = own_projects(t.assign(project_id="Z"), projects, indicator_id="I04", window=late)
    assert unknown["project_id"].tolist() == ["Z"]


@pytest.mark.slow
def test_default_comparisons_of_the_sample_recover_the_planted_effect():
    """Gent I01 (GEN-DAM): Antwerpen and Hasselt run I01 projects and are left out; the
    controlled ITS then covers the planted level change (0.95 with them)."""
    truth = pd.read_csv(sample_data_path().parent / "ground_truth.csv", dtype={"nis_code": str})
    planted = truth.query("project_id == 'GEN-DAM' and indicator_id == 'I01'").iloc[0]
    data = sk.load(sample_data_path())
    monthly_table = sk.rates_per_1000(sk.indicator_table(data, freq="month"))
    s = comparison_series(
        monthly_table, nis_code="44021", indicator_id="I01", project_id="GEN-DAM",
        projects=data.projects,
    )  # fmt: skip
    assert not {"11002", "71072"} & set(s.chosen["nis_code"])
    assert {"11002", "71072"} <= set(s.excluded["nis_code"])
    assert set(s.excluded["nis_code"]) <= set(reference.municipalities(2025).query(
        "region == 'Flanders'")["nis_code"])  # fmt: skip
    res = interrupted_time_series(
        s.treated, control=s.control, count="value", period="period", population="population",
        intervention=planted["intervention_period"], lag=int(planted["lag_months"]), harmonics=1,
    )  # fmt: skip
    level = res.effects.set_index("term").loc["level"]
    assert level["ci_low"] <= planted["rate_ratio_level"] <= level["ci_high"]
