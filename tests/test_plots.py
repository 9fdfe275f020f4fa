"""Plots: each renders on small inline frames and on the sample data, never shows or saves."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # in the tests only: the library never chooses a backend

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import socprev_kit  # noqa: E402
from socprev_kit import plots  # noqa: E402
from socprev_kit.data import parsing
from socprev_kit.evaluation import comparison, its
from socprev_kit.evaluation.suppression import suppress
from socprev_kit.evaluation.targets import attainment
from socprev_kit.indicators.coverage import completeness_months
from socprev_kit.indicators.rates import rates_per_1000
from socprev_kit.indicators.table import indicator_table
from socprev_kit.plots import funnel as funnel_module  # noqa: E402
from socprev_kit.plots import style  # noqa: E402

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


# ---------------------------------------------------------------- the kit's real outputs


@functools.cache
def _real_data() -> dict:
    data = socprev_kit.load(ROOT / "sample_data" / "clean")
    table = indicator_table(data)
    year = rates_per_1000(indicator_table(data, freq="year"))
    return {"dataset": data, "table": table, "year": year}


def _ghent_its(data: dict) -> tuple[pd.DataFrame, its.ITSResult]:
    rates = rates_per_1000(data["table"], indicators=["I01"])
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


def _suppressed_series(value: str = "value") -> pd.DataFrame:
    """I02 of KUST-SW in Bredene (35002): 71 % of the months hold 1 to 4 complaints."""
    table = _real_data()["table"]
    if value == "rate_per_1000":
        table = rates_per_1000(table, indicators=["I02"])
    s = suppress(table)
    return s[(s["project_id"] == "KUST-SW") & (s["nis_code"] == "35002")
             & (s["indicator_id"] == "I02")]  # fmt: skip


def _funnel(indicator: str = "I01", year: str = "2023") -> pd.DataFrame:
    """comparison.funnel of one indicator and year over the sample's municipalities."""
    y = _real_data()["year"]
    y = y[(y["indicator_id"] == indicator) & (y["period"] == year)].drop_duplicates("nis_code")
    return comparison.funnel(y)


def _hollow(ax) -> list:
    """The suppressed markers: hollow circles without a line."""
    return [ln for ln in ax.get_lines() if ln.get_marker() == "o"
            and ln.get_linestyle() == "None" and ln.get_markerfacecolor() == "white"]  # fmt: skip


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
        "Start interventie",
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
    assert _legend(ax) == ["Observé", "Début de l'intervention"]


def test_indicator_titles_itself_from_the_series():
    """Without a title: the indicator and the municipality of the series, in the language;
    none for a series of several indicators or with ``title=""``; a rate is labelled per 1,000."""
    series = _series().assign(indicator_id="I02", nis_code="44021")
    ax = plots.plot_indicator(series, lang="fr")
    name = socprev_kit.data.catalogue.indicator_names("fr")["I02"]
    assert ax.get_title(loc="left") == f"I02 {name} – Gand"
    ax = plots.plot_indicator(series.drop(columns="nis_code"), lang="nl")
    assert (
        ax.get_title(loc="left") == f"I02 {socprev_kit.data.catalogue.indicator_names('nl')['I02']}"
    )
    mixed = series.assign(
        indicator_id=["I01", "I02"] * (len(series) // 2) + ["I01"] * (len(series) % 2)
    )
    assert plots.plot_indicator(mixed, lang="nl").get_title(loc="left") == ""
    assert plots.plot_indicator(series, title="", lang="nl").get_title(loc="left") == ""
    rates = series.assign(rate_per_1000=series["value"] / 10)
    ax = plots.plot_indicator(rates, value="rate_per_1000", lang="fr")
    assert ax.get_ylabel() == style.label("rate", "fr") and "habitants" in ax.get_ylabel()
    plt.close("all")


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


def _drawn_at(ax, times) -> list:
    """Points of any line of ``ax`` drawn at one of ``times`` (x values), with a finite y."""
    import matplotlib.dates as mdates

    wanted = set(np.round(mdates.date2num(pd.to_datetime(times)), 6))
    out = []
    for line in ax.get_lines():
        x, y = line.get_xdata(), np.asarray(line.get_ydata(), dtype=float)
        if len(x) == 0:
            continue
        xs = np.round(mdates.date2num(pd.to_datetime(x)), 6) if not np.isreal(x[0]) else x
        out += [(a, b) for a, b in zip(xs, y, strict=True) if a in wanted and np.isfinite(b)]
    return out


def test_indicator_hidden_points_are_not_drawn(tmp_path):
    series = _suppressed_series()
    hidden = series["suppressed"].to_numpy()
    assert hidden.sum() > 20  # the sample data hold many small counts here
    ax = plots.plot_indicator(series, intervention="2020-07", lang="nl")
    times = plots.style.period_times(series.loc[hidden, "period"])
    assert _drawn_at(ax, times) == []  # no marker, no band, no point at a hidden month
    assert _hollow(ax) == [] and len(ax.patches) == 0
    assert _legend(ax) == ["Geregistreerd", "Afgeschermd: niet getekend", "Start interventie"]
    _png(ax.figure, tmp_path / "suppressed.png")


def test_indicator_hidden_values_leave_no_trace_in_the_svg():
    """The SVG of a series is the same whatever values its hidden rows held."""
    import io

    from matplotlib.backends.backend_svg import FigureCanvasSVG

    def svg(values) -> bytes:
        s = _series().assign(suppressed=[False] * 20 + [True] * 4)
        s.loc[s["suppressed"], "value"] = values
        plt.rcParams["svg.hashsalt"] = "x"
        ax = plots.plot_indicator(s, lang="en")
        buf = io.BytesIO()
        FigureCanvasSVG(ax.figure).print_svg(buf, metadata={"Date": None})
        plt.close(ax.figure)
        return buf.getvalue()

    assert svg([1.0, 2.0, 3.0, 4.0]) == svg([np.nan] * 4) == svg([4.0, 4.0, 1.0, 1.0])


def test_indicator_hidden_in_french_and_per_1000():
    series = _suppressed_series("rate_per_1000")
    ax = plots.plot_indicator(series, value="rate_per_1000", lang="fr")
    times = plots.style.period_times(series.loc[series["suppressed"], "period"])
    assert _drawn_at(ax, times) == []
    assert "Masqué\xa0: non dessiné" in _legend(ax)


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


def test_small_multiples_hidden_on_sample_data(tmp_path):
    s = suppress(_real_data()["table"])
    s = s[s["project_id"] == "KUST-SW"]
    fig = plots.small_multiples(s, indicators=["I02", "C01"], intervention="2020-07", lang="fr")
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["Bredene", "Ostende", "De Haan"]
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert texts[-1] == "Masqué\xa0: non dessiné" and len(texts) == 3
    bredene = s[(s["nis_code"] == "35002") & s["indicator_id"].isin(["I02", "C01"])]
    assert bredene["suppressed"].sum() > 0
    lines = [ln for ln in fig.axes[0].get_lines() if not ln.get_label().startswith("_")]
    for indicator in ("I02", "C01"):
        (line,) = [ln for ln in lines if ln.get_label().startswith(indicator)]
        rows = bredene[bredene["indicator_id"] == indicator]
        y = np.asarray(line.get_ydata(), dtype=float)
        assert len(y) == len(rows) and np.isnan(y[rows["suppressed"].to_numpy()]).all()
    assert _hollow(fig.axes[0]) == []
    _png(fig, tmp_path / "sm_suppressed.png")


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


def test_completeness_from_the_kit_in_french(tmp_path):
    months = completeness_months(_real_data()["dataset"])
    gen = months[months["project_id"] == "GEN-DAM"]
    ax = plots.plot_completeness(gen, lang="fr")
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows == list(dict.fromkeys(gen["indicator_id"]))  # one municipality: ids only
    mesh = ax.collections[0].get_array()
    assert (mesh == 2).sum() == gen["registered"].sum()
    assert _legend(ax) == ["Enregistré", "Manquant", "Non attendu"]
    assert ax.get_xlabel() == "Mois"
    _png(ax.figure, tmp_path / "comp_real.png")


def test_completeness_several_municipalities_are_named():
    months = completeness_months(_real_data()["dataset"])
    kust = months[months["project_id"] == "KUST-SW"]
    ax = plots.plot_completeness(kust, lang="fr")
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert len(rows) == len(kust.drop_duplicates(["nis_code", "indicator_id"]))
    assert "Ostende · C01" in rows and "Bredene · I02" in rows
    # Oostende never registered C01 for KUST-SW: the whole row is "missing"
    row = ax.collections[0].get_array().reshape(len(rows), -1)[rows.index("Ostende · C01")]
    assert set(row) == {1}


# ---------------------------------------------------------------- attainment


def test_attainment_inline_with_own_labels_and_old_spelling(tmp_path):
    att = pd.DataFrame(
        {
            "objective": ["G1", "S1", "O1", "O2"],
            "attainment": [1.3, 0.6, -1.9, np.nan],
            "status": ["reached", "on_track", "behind", "no_data"],
        }
    )
    ax = plots.plot_attainment(att, lang="fr")
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([1.3, 0.6, -1.0, 0.0])  # capped at -100 %
    target = [ln for ln in ax.get_lines() if ln.get_xdata()[0] == 1]
    assert len(target) == 1
    assert _legend(ax) == ["Atteint", "En bonne voie", "En retard", "Non calculable", "Objectif"]
    assert "\u2212190\u202f%" in [t.get_text() for t in ax.texts]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["G1", "S1", "O1", "O2"]
    assert ax.get_xlabel().startswith("Atteinte")
    _png(ax.figure, tmp_path / "att.png")


def test_attainment_from_the_kit(tmp_path):
    data = _real_data()
    att = attainment(data["dataset"].objectives, data["table"])
    att = att[att["project_id"].isin(["GEN-DAM", "GEN-NIGHT"])].reset_index(drop=True)
    assert {"reached", "not reached"} <= set(att["status"])  # spelled with a space
    fig, ax = plt.subplots()
    assert plots.plot_attainment(att, ax=ax, lang="fr") is ax
    assert len(ax.patches) == len(att)
    want = [matplotlib.colors.to_rgba(plots.STYLE["status"][s]) for s in att["status"]]
    assert [p.get_facecolor() for p in ax.patches] == want
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert labels[1] == "GEN-DAM S1 · I01 Incidents de nuisances liées à la drogue enregistrés"
    assert max(len(line) for t in ax.get_yticklabels() for line in t.get_text().split("\n")) <= 42
    assert _legend(ax) == ["Atteint", "Non atteint", "Objectif"]
    _png(fig, tmp_path / "att_real.png")


def test_attainment_without_a_share_has_no_bar_and_says_its_status(tmp_path):
    """A baseline already past the target has no share of the way (BAS-CA O1 showed 285 %)."""
    att = pd.DataFrame(
        {"objective_id": ["O1", "O2"], "indicator_id": ["P03", "P03"],
         "attainment": [np.nan, np.nan], "status": ["not reached", "maintained"]}
    )  # fmt: skip
    fig, ax = plt.subplots()
    plots.plot_attainment(att, ax=ax, lang="nl")
    assert [p.get_width() for p in ax.patches] == [0, 0]
    assert [t.get_text() for t in ax.texts] == ["niet bereikt", "behouden"]
    assert "deel van de weg van de nulmeting naar het doel" in ax.get_xlabel().replace("\n", " ")
    assert _legend(ax) == ["Behouden", "Niet bereikt", "Doel"]
    _png(fig, tmp_path / "att_real.png")


def test_attainment_one_project_has_no_project_prefix():
    data = _real_data()
    att = attainment(data["dataset"].objectives, data["table"])
    ax = plots.plot_attainment(att[att["project_id"] == "ANT-SW"], lang="nl")
    assert ax.get_yticklabels()[0].get_text().startswith("G1 · I01 Geregistreerde")


# ---------------------------------------------------------------- funnel


def _points(ax) -> int:
    return sum(len(c.get_offsets()) for c in ax.collections)


def _note(ax) -> str:
    """The grey note under a funnel plot, its wrapped lines joined."""
    notes = [t.get_text() for t in ax.texts if t.get_color() == "#444444"]
    assert len(notes) == 1
    return notes[0].replace("\n", " ")


def _named(ax) -> set[str]:
    """The names of the points outside (every text but the note)."""
    return {t.get_text() for t in ax.texts if t.get_color() != "#444444"}


def test_funnel_inline_from_comparison(tmp_path):
    from socprev_kit.common.formatting import format_number

    df = pd.DataFrame(
        {
            "nis_code": ["44021", "11002", "62063", "21004", "31005", "92094", "35013", "24062"],
            "value": [150, 255, 190, 100, 150, 75, 125, 140],
            "population": [10_000, 50_000, 40_000, 20_000, 30_000, 15_000, 25_000, 28_000],
        }
    )
    f = comparison.funnel(df)
    ax = plots.plot_funnel(f, lang="nl")
    assert len(ax.get_lines()) == 5  # two limits x two sides + group rate
    assert _points(ax) == 8
    assert f["outside_998"].tolist() == [True] + [False] * 7
    assert _named(ax) == {"Gent"}
    assert _legend(ax) == [  # "95 %" with a no-break space, as in the interpretation sentences
        "95\u00a0%-grenzen",
        "99,8\u00a0%-grenzen",
        "Groepsgemiddelde",
        "Buiten de 99,8\u00a0%-grenzen",
    ]
    phi = format_number(f["phi"].iloc[0], "nl", decimals=1)
    assert _note(ax) == (
        "Grenzen verbreed voor overdispersie (Spiegelhalter 2005), multiplicatief met √φ: "
        f"φ\u00a0=\u00a0{phi} (τ²\u00a0=\u00a0{format_number(f['tau2'].iloc[0], 'nl', decimals=4)} "
        "niet gebruikt)"
    )
    assert ax.xaxis.get_major_formatter()(20_000, 0) == "20.000"
    assert ax.get_xlabel() == "Inwoners"
    _png(ax.figure, tmp_path / "funnel.png")


def test_funnel_from_the_kit_in_french(tmp_path):
    from socprev_kit.common.formatting import format_number

    f = _funnel("I01")
    fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
    assert plots.plot_funnel(f, ax=ax, lang="fr") is ax
    assert ax.get_ylabel() == "Pour 1 000 habitants"
    assert ax.xaxis.get_major_formatter()(20_000, 0) == "20\u202f000"
    assert "Moyenne du groupe" in _legend(ax) and "Limites à 99,8\u202f%" in _legend(ax)
    names = socprev_kit.municipalities().set_index("nis_code")["name_fr"]
    assert _named(ax) == set(f.loc[f["outside_998"], "nis_code"].map(names))
    phi = format_number(f["phi"].iloc[0], "fr", decimals=1)
    assert "effets aléatoires additifs\u00a0: τ²\u00a0=\u00a0" in _note(ax)
    assert f"(φ\u00a0=\u00a0{phi})" in _note(ax)
    _png(fig, tmp_path / "funnel_real.png")


def test_funnel_limits_smooth_monotone_and_match_the_kit():
    from scipy import stats

    f = _funnel("I01")
    rate = f["group_rate_per_1000"].iloc[0]
    disp = funnel_module.frame_dispersion(f)
    assert disp.method == "additive" and disp.phi == f["phi"].iloc[0]
    grid = np.geomspace(5_000, 600_000, 300)
    lo95, hi95 = funnel_module.funnel_limits(rate, grid, 0.95, disp)
    lo998, hi998 = funnel_module.funnel_limits(rate, grid, 0.998, disp)
    assert (np.diff(lo95) >= 0).all() and (np.diff(lo998) >= 0).all()  # narrowing funnel
    assert (np.diff(hi95) <= 0).all() and (np.diff(hi998) <= 0).all()
    assert (lo998 < lo95).all() and (hi998 > hi95).all()  # wider at 99.8 %
    assert (lo95 < rate).all() and (hi95 > rate).all()
    # at each municipality the smooth limit lies between the kit's limit and the one a count
    # nearer the expected count (the exact quantile r, interpolated towards r - 1, widened)
    pop, e = f["population"].to_numpy(float), f["expected"].to_numpy(float)
    lo, hi = funnel_module.funnel_limits(rate, pop, 0.998, disp)
    factor = np.sqrt(1 + 4 * e * disp.tau2)

    def widened(q):
        return 1000 * e * (1 + factor * (np.sqrt(q / e) - 1)) ** 2 / pop

    exact_lo = stats.poisson.ppf(0.001, e)
    exact_hi = stats.poisson.ppf(0.999, e)
    assert np.allclose(1000 * f["low_998"] / pop, widened(exact_lo))
    assert (lo <= widened(exact_lo) + 1e-9).all() and (lo >= widened(exact_lo - 1) - 1e-9).all()
    assert (hi <= widened(exact_hi) + 1e-9).all() and (hi >= widened(exact_hi - 1) - 1e-9).all()


def test_funnel_drawn_limits_are_the_curves():
    f = _funnel("I01")
    ax = plots.plot_funnel(f, xscale="linear", lang="en")
    low95, high95, low998, high998 = (ln.get_ydata() for ln in ax.get_lines()[:4])
    assert len(low95) > 100  # a grid of populations, not the municipalities' points
    assert (high998 >= high95).all() and (low998 <= low95).all()
    assert ax.get_xscale() == "linear"


def test_funnel_suppressed_municipalities_are_left_out_and_said(tmp_path):
    f = _funnel("C01")  # comparison.funnel hides small counts itself
    hidden = int(f["suppressed"].sum())
    assert hidden == 1
    ax = plots.plot_funnel(f, lang="nl")
    assert _points(ax) == len(f) - hidden
    assert _note(ax).endswith(
        "1 gemeente weggelaten, ook uit het groepsgemiddelde (waarde afgeschermd)"
    )
    assert ax.get_xscale() == "log"  # 5,000 to 540,000 inhabitants
    fr = plots.plot_funnel(f.assign(suppressed=~(f["value"] >= 30)), lang="fr")
    assert _note(fr).endswith("3 communes omises, aussi de la moyenne du groupe (valeurs masquées)")
    _png(ax.figure, tmp_path / "funnel_suppressed.png")


def test_funnel_and_completeness_refuse_empty_frames():
    f = _funnel("I01")
    with pytest.raises(ValueError, match="no municipality"):
        plots.plot_funnel(f.assign(suppressed=True))
    with pytest.raises(ValueError, match="no expected months"):
        plots.plot_completeness(completeness_months(_real_data()["dataset"]).head(0))


# ---------------------------------------------------------------- style


def test_every_label_in_three_languages():
    assert all(set(v) == {"nl", "fr", "en"} for v in plots.LABELS.values())
    assert plots.label("suppressed", "fr") == "Masqué\xa0: non dessiné"  # no "< 5": no size
    assert style.percent(-0.255, "nl") == "\u221226\u00a0%"  # as formatting.format_percent
    assert style.percent(-0.255, "en") == "\u221226%"
    assert style.percent(0.998, "fr", digits=1) == "99,8\u202f%"
    assert plots.label("attainment", "fr").endswith("100\u202f% = objectif)")


def test_module_import_leaves_backend_and_pyplot_alone():
    import subprocess
    import sys

    code = (
        "import sys, socprev_kit, socprev_kit.plots; "
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported at import'; "
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported at import'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_period_parsing_matches_kit():
    # plots read period labels the way the kit does (quarters and years to their start)
    q2 = pd.Series(["2024-Q2"])
    assert style.period_times(q2)[0] == parsing.period_start(q2)[0]


# ---------------------------------------------------------------- time axes


def _months(first: str, last: str) -> pd.DataFrame:
    periods = pd.period_range(first, last, freq="M").astype(str)
    return pd.DataFrame({"period": periods, "value": np.arange(len(periods), dtype=float)})


def _ticks(ax) -> list[tuple[pd.Timestamp, str]]:
    return [
        (pd.Timestamp(mdates.num2date(x)).tz_localize(None), t.get_text())
        for x, t in zip(ax.get_xticks(), ax.get_xticklabels(), strict=True)
    ]


def test_a_long_series_has_a_tick_on_january_of_each_year():
    ax = plots.plot_indicator(_months("2019-01", "2025-12"), lang="fr")
    ticks = _ticks(ax)
    low, high = (pd.Timestamp(mdates.num2date(v)).tz_localize(None) for v in ax.get_xlim())
    assert [label for _, label in ticks] == [str(y) for y in range(2019, 2026)]
    assert all(when.month == 1 and when.day == 1 and low <= when <= high for when, _ in ticks)


def test_a_series_of_many_years_thins_its_year_ticks():
    ax = plots.plot_indicator(_months("2000-01", "2025-12"), lang="nl")
    labels = [label for _, label in _ticks(ax)]
    assert labels == [str(y) for y in range(2000, 2026, 5)]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["avr. 2024", "juil.", "oct.", "janv. 2025", "avr."]),
        ("nl", ["apr 2024", "jul", "okt", "jan 2025", "apr"]),
        ("en", ["Apr 2024", "Jul", "Oct", "Jan 2025", "Apr"]),
    ],
)
def test_a_short_series_names_its_months_in_the_report_language(lang, expected):
    ax = plots.plot_indicator(_months("2024-03", "2025-06"), lang=lang)
    ticks = _ticks(ax)
    assert [label for _, label in ticks] == expected
    assert [when.month for when, _ in ticks] == [4, 7, 10, 1, 4]


def test_panels_that_share_the_time_axis_show_the_same_ticks():
    table = pd.concat(
        [_months("2021-01", "2023-12").assign(indicator_id="I01"),
         _months("2019-06", "2022-12").assign(indicator_id="I02")],
        ignore_index=True,
    ).assign(project_id="P", nis_code="44021")  # fmt: skip
    fig = plots.small_multiples(table, indicators=["I01", "I02"], facet="indicator_id", lang="nl")
    first, second = fig.axes[:2]
    assert _ticks(first) == _ticks(second)
    assert [label for _, label in _ticks(first)] == ["2020", "2021", "2022", "2023"]


# ---------------------------------------------------------------- texts as typed (issue 14)

#: A name as a data file may hold it: matplotlib took what is between two $ for mathtext.
DOLLARS = "OOS$\\frac$ $x^2$"


def _svg(fig: Figure) -> str:
    import io

    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.canvas.print_figure(buf, format="svg")
    return buf.getvalue().decode("utf-8")


def test_a_dollar_in_a_title_legend_or_tick_label_is_drawn_as_typed(tmp_path):
    """A parse error stopped the figure (``\\frac`` without its arguments); now every text
    shows its dollars."""
    att = pd.DataFrame(
        {"objective": [DOLLARS, "O$1$"], "attainment": [0.5, 0.2], "status": ["on_track", "behind"]}
    )
    ax = plots.plot_attainment(att, lang="nl", title=DOLLARS)
    svg = _svg(ax.figure)
    assert svg.count("OOS$\\frac$ $x^2$") == 2 and "O$1$" in svg  # the title, a tick label
    multiples = pd.DataFrame(
        {"nis_code": ["44021"] * 24, "indicator_id": ["I01"] * 24, **_series()}
    )
    fig = plots.small_multiples(multiples, indicators=["I01"], title=DOLLARS, lang="fr")
    assert "OOS$\\frac$" in _svg(fig)
    ax = plots.plot_indicator(_series(), title="", ylabel="a $b$", lang="en")
    ax.annotate("$\\sqrt$", (0.5, 0.5), xycoords="axes fraction")
    ax.get_lines()[0].set_label(DOLLARS)
    style.finish(ax, "$5 $6", legend=ax.get_lines()[:1])
    svg = _svg(ax.figure)
    assert all(t in svg for t in ["$\\sqrt$", "a $b$", DOLLARS, "$5 $6"])


def test_a_log_axis_keeps_its_powers_of_ten():
    """Tick labels a number formatter writes keep their mathtext (``10^4``), through twice."""
    fig, ax = plt.subplots()
    ax.plot([10, 100_000], [1, 2])
    ax.set_xscale("log")
    ax.set_title("$5")
    style.literal_text(style.literal_text(fig))
    svg = _svg(fig)
    assert "$5" in svg and "<!-- $\\mathdefault{10^{1}}$ -->" in svg  # drawn as math
    assert not re.search(r">[^<]*mathdefault", svg)  # not written out as text
