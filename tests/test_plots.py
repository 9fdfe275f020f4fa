"""Plots: each renders on small inline frames and on the sample data, never shows or saves."""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # in the tests only: the library never chooses a backend

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from scipy import stats  # noqa: E402

import socprev_kit  # noqa: E402
from socprev_kit import indicators, its, parsing, plots  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _no_show_no_save(monkeypatch):
    """Fail if a plot function shows or saves; close every figure afterwards."""

    def refuse(*args, **kwargs):
        raise AssertionError("a plot function must not show or save")

    monkeypatch.setattr(plt, "show", refuse)
    monkeypatch.setattr(plt, "savefig", refuse)
    monkeypatch.setattr(Figure, "savefig", refuse)
    yield
    plt.close("all")


def _png(fig: Figure, path: Path) -> None:
    """Write with the real savefig (the fixture only blocks calls from the library)."""
    fig.canvas.print_figure(path, format="png", dpi=80)
    data = path.read_bytes()
    assert data[:8] == PNG and len(data) > 1000


def _xdate(line) -> pd.Timestamp:
    """The x position of a vertical line as a timestamp (matplotlib keeps dates or numbers)."""
    x = line.get_xdata()[0]
    return (
        pd.Timestamp(mdates.num2date(x)).tz_localize(None)
        if np.isscalar(x) and isinstance(x, (int, float))
        else pd.Timestamp(x)
    )


def _legend(ax) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


# ---------------------------------------------------------------- data builders (also for /tmp)


@functools.cache
def _real_data() -> dict:
    data = socprev_kit.load(ROOT / "sample_data" / "clean")
    table = indicators.indicator_table(data)
    return {"dataset": data, "table": table, "year": indicators.indicator_table(data, freq="year")}


def _ghent_its(data: dict) -> tuple[pd.DataFrame, its.ITSResult]:
    rates = indicators.rates_per_1000(data["table"], indicators=["I01"])
    ghent = rates[(rates["nis_code"] == "44021") & (rates["indicator_id"] == "I01")]
    res = its.interrupted_time_series(
        ghent, count="value", period="period", intervention="2020-10", population="population"
    )
    return ghent, res


def _real_indicator_axes(data: dict, lang: str):
    ghent, res = _ghent_its(data)
    return plots.plot_indicator(
        ghent, intervention="2020-10", its=res, target=170, title="Gent I01", lang=lang
    )


def completeness_by_month(data, project: str) -> pd.DataFrame:
    """Long frame indicator x month (registered True/False) over each expected window."""
    comp = indicators.completeness(data)
    comp = comp[comp["project_id"] == project]
    regs = data.registrations[data.registrations["project_id"] == project]
    seen = set(zip(regs["nis_code"], regs["indicator_id"], regs["period"], strict=True))
    rows = [
        {
            "indicator_id": r.indicator_id,
            "nis_code": r.nis_code,
            "month": str(m),
            "registered": (r.nis_code, r.indicator_id, str(m)) in seen,
        }
        for r in comp.itertuples()
        for m in pd.period_range(r.first_month, r.last_month, freq="M")
    ]
    return pd.DataFrame(rows)


def attainment(data: dict) -> pd.DataFrame:
    """Naive attainment of every objective of ANT-SW and GEN-DAM from the latest yearly value."""
    ds, year = data["dataset"], data["year"]
    obj = ds.objectives[ds.objectives["project_id"].isin(["ANT-SW", "GEN-DAM"])]
    latest = year.dropna(subset=["value"]).sort_values("period")
    latest = latest[latest["period"] <= "2024"].groupby(["project_id", "indicator_id"]).last()
    obs = [
        latest["value"].get((p, i), np.nan)
        for p, i in zip(obj.project_id, obj.indicator_id, strict=True)
    ]
    att = (np.array(obs) - obj["baseline_value"]) / (obj["target_value"] - obj["baseline_value"])
    status = np.select(
        [att.isna(), att >= 1, att >= 0.5], ["no_data", "reached", "on_track"], "behind"
    )
    label = obj["project_id"] + " " + obj["objective_id"] + " (" + obj["indicator_id"] + ")"
    return pd.DataFrame(
        {"objective": label.to_numpy(), "attainment": att.to_numpy(), "status": status}
    )


def funnel(data: dict, year: str = "2023") -> pd.DataFrame:
    """I01 per 1,000 in ``year`` for each municipality, exact Poisson limits."""
    t = indicators.rates_per_1000(data["year"], indicators=["I01"])
    t = t[(t["indicator_id"] == "I01") & (t["period"] == year)].drop_duplicates("nis_code")
    names = socprev_kit.municipalities().set_index("nis_code")["name_nl"]
    df = pd.DataFrame(
        {
            "name": t["nis_code"].map(names),
            "count": t["value"],
            "population": t["population"],
            "rate": t["rate_per_1000"],
        }
    )
    group = df["count"].sum() / df["population"].sum()
    df["group_rate"] = 1000 * group
    for tag, p in (("95", 0.025), ("998", 0.001)):
        mu = group * df["population"]
        df[f"lower_{tag}"] = 1000 * stats.poisson.ppf(p, mu) / df["population"]
        df[f"upper_{tag}"] = 1000 * stats.poisson.ppf(1 - p, mu) / df["population"]
    return df.reset_index(drop=True)


# ---------------------------------------------------------------- inline frames


def _series() -> pd.DataFrame:
    months = pd.period_range("2021-01", periods=24, freq="M").astype(str)
    return pd.DataFrame({"period": months, "value": np.r_[np.full(12, 20.0), np.full(12, 14.0)]})


def _its_result() -> its.ITSResult:
    periods = pd.date_range("2021-01-01", periods=24, freq="MS")
    fitted = np.r_[np.full(12, 20.0), np.full(12, 14.0)]
    frame = pd.DataFrame(
        {
            "period": periods,
            "observed": fitted,
            "fitted": fitted,
            "counterfactual": np.full(24, 20.0),
        }
    )
    return its.ITSResult(effects=pd.DataFrame(), fitted=frame)


# ---------------------------------------------------------------- plot_indicator


def test_indicator_inline_lines_intervention_and_legend(tmp_path):
    ax = plots.plot_indicator(_series(), intervention="2022-01", its=_its_result(), target=15)
    # observed, fitted, counterfactual, target, intervention
    assert len(ax.get_lines()) == 5
    assert _xdate(ax.get_lines()[-1]) == pd.Timestamp("2022-01-01")
    assert _legend(ax) == [
        "Geregistreerd",
        "Model",
        "Zonder project (model)",
        "Doel",
        "Start project",
    ]
    counterfactual = ax.get_lines()[2]
    assert counterfactual.get_linestyle() == "--"
    assert len(counterfactual.get_xdata()) == 13  # from the last month before, dashed after
    assert ax.get_lines()[3].get_ydata()[0] == 15
    _png(ax.figure, tmp_path / "indicator.png")


def test_indicator_in_french_on_the_given_ax():
    fig, ax = plt.subplots()
    out = plots.plot_indicator(
        _series(), intervention=pd.Timestamp("2022-01-01"), title="Vols", lang="fr"
    )
    assert out is not ax  # without ax: a new figure
    out = plots.plot_indicator(_series(), intervention="2022-01", title="Vols", ax=ax, lang="fr")
    assert out is ax and len(fig.axes) == 1
    assert ax.get_xlabel() == "Période" and ax.get_ylabel() == "Valeur"
    assert ax.get_title(loc="left") == "Vols"
    assert _legend(ax) == ["Observé", "Début du projet"]


def test_indicator_minimal_has_one_line():
    ax = plots.plot_indicator(_series(), lang="en")
    assert len(ax.get_lines()) == 1 and _legend(ax) == ["Observed"]


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang must be"):
        plots.plot_indicator(_series(), lang="de")


def test_indicator_on_sample_data_ghent(tmp_path):
    data = _real_data()
    ax = _real_indicator_axes(data, "fr")
    assert len(ax.get_lines()) == 5
    assert _xdate(ax.get_lines()[-1]) == pd.Timestamp("2020-10-01")
    assert "Sans projet (modèle)" in _legend(ax)
    _png(ax.figure, tmp_path / "ghent.png")


def test_indicator_rate_uses_per_1000_its_lines():
    ghent, res = _ghent_its(_real_data())
    ax = plots.plot_indicator(ghent, value="rate_per_1000", its=res, lang="en")
    fitted = ax.get_lines()[1].get_ydata()
    np.testing.assert_allclose(fitted, res.fitted["fitted_per_1000"])


# ---------------------------------------------------------------- small multiples


def _table() -> pd.DataFrame:
    s = _series()
    parts = [
        s.assign(nis_code=nis, indicator_id=ind, value=s["value"] * k)
        for k, (nis, ind) in enumerate(
            [
                ("44021", "I01"),
                ("44021", "I02"),
                ("11002", "I01"),
                ("11002", "I02"),
                ("62063", "I01"),
            ],
            start=1,
        )
    ]
    return pd.concat(parts, ignore_index=True)


def test_small_multiples_per_municipality(tmp_path):
    fig = plots.small_multiples(
        _table(), indicators=["I01", "I02"], ncols=2, intervention="2022-01", lang="fr"
    )
    assert isinstance(fig, Figure) and len(fig.axes) == 3
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["Gand", "Anvers", "Liège"]
    assert len(fig.axes[0].get_lines()) == 3  # two indicators and the intervention line
    assert fig.axes[0].get_shared_x_axes().joined(fig.axes[0], fig.axes[2])
    assert len(fig.legends) == 1
    _png(fig, tmp_path / "sm.png")


def test_small_multiples_per_indicator_on_sample_data(tmp_path):
    table = _real_data()["table"]
    table = table[table["project_id"].isin(["GEN-DAM", "ANT-SW"])]
    fig = plots.small_multiples(table, indicators=["I01", "I02"], facet="indicator_id", lang="nl")
    assert len(fig.axes) == 2
    assert fig.axes[0].get_title(loc="left").startswith("I01 ")  # wrapped to the panel
    assert {t.get_text() for t in fig.legends[0].get_texts()} == {"Gent", "Antwerpen"}
    _png(fig, tmp_path / "sm_real.png")


def test_small_multiples_without_rows_is_refused():
    with pytest.raises(ValueError, match="no rows"):
        plots.small_multiples(_table(), indicators=["X99"])


# ---------------------------------------------------------------- completeness


def test_completeness_inline(tmp_path):
    df = pd.DataFrame(
        {
            "indicator_id": ["I01"] * 3 + ["P03"] * 2,
            "month": ["2024-01", "2024-02", "2024-03", "2024-02", "2024-03"],
            "registered": [True, False, True, True, True],
        }
    )
    fig, ax = plt.subplots()
    out = plots.plot_completeness(df, ax=ax, lang="en", title="Registration")
    assert out is ax
    mesh = ax.collections[0].get_array().reshape(2, 3)
    np.testing.assert_array_equal(mesh, [[2, 1, 2], [0, 2, 2]])
    assert _legend(ax) == ["Registered", "Missing", "Not expected"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["I01", "P03"]
    _png(fig, tmp_path / "comp.png")


def test_completeness_sample_data_in_french(tmp_path):
    df = completeness_by_month(_real_data()["dataset"], "GEN-DAM")
    ax = plots.plot_completeness(df, lang="fr")
    assert _legend(ax) == ["Enregistré", "Manquant", "Non attendu"]
    assert ax.get_xlabel() == "Mois"
    _png(ax.figure, tmp_path / "comp_real.png")


# ---------------------------------------------------------------- attainment


def test_attainment_inline(tmp_path):
    att = pd.DataFrame(
        {
            "objective": ["G1", "S1", "O1", "O2"],
            "attainment": [1.3, 0.6, -0.9, np.nan],
            "status": ["reached", "on_track", "behind", "no_data"],
        }
    )
    ax = plots.plot_attainment(att, lang="fr")
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([1.3, 0.6, -0.5, 0.0])  # capped at -0.5
    target = [ln for ln in ax.get_lines() if ln.get_xdata()[0] == 1]
    assert len(target) == 1
    assert _legend(ax) == ["Atteint", "En bonne voie", "En retard", "Pas de données"]
    assert "-90%" in [t.get_text() for t in ax.texts]
    assert ax.get_xlabel().startswith("Atteinte")
    _png(ax.figure, tmp_path / "att.png")


def test_attainment_sample_data(tmp_path):
    att = attainment(_real_data())
    fig, ax = plt.subplots()
    assert plots.plot_attainment(att, ax=ax, lang="nl") is ax
    assert len(ax.patches) == len(att)
    _png(fig, tmp_path / "att_real.png")


# ---------------------------------------------------------------- funnel


def test_funnel_inline_labels_points_outside(tmp_path):
    df = pd.DataFrame(
        {
            "name": ["A", "B", "C"],
            "population": [1000, 5000, 20000],
            "rate": [5.0, 20.0, 5.2],
            "group_rate": 5.0,
            "lower_95": [1.0, 3.0, 4.0],
            "upper_95": [9.0, 7.0, 6.0],
            "lower_998": [0.5, 2.0, 3.5],
            "upper_998": [11.0, 8.0, 6.5],
        }
    )
    ax = plots.plot_funnel(df, lang="nl")
    assert len(ax.get_lines()) == 5  # two limits x two sides + group rate
    assert [t.get_text() for t in ax.texts] == ["B"]
    assert _legend(ax) == ["95%-grenzen", "99.8%-grenzen", "Groepsgemiddelde"]
    assert ax.get_xlabel() == "Inwoners"
    _png(ax.figure, tmp_path / "funnel.png")


def test_funnel_sample_data_in_french(tmp_path):
    fig, ax = plt.subplots()
    assert plots.plot_funnel(funnel(_real_data()), ax=ax, lang="fr") is ax
    assert ax.get_ylabel() == "Pour 1 000 habitants"
    assert "Moyenne du groupe" in _legend(ax)
    _png(fig, tmp_path / "funnel_real.png")


def test_module_import_leaves_backend_and_pyplot_alone():
    import subprocess
    import sys

    code = (
        "import sys, socprev_kit.plots; "
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported at import'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_period_parsing_matches_kit():
    # plots read period labels the way the kit does (quarters and years to their start)
    assert (
        plots._times(pd.Series(["2024-Q2"]))[0] == parsing.period_start(pd.Series(["2024-Q2"]))[0]
    )
