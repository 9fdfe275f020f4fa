"""Widgets: driven from Python, the figure, table and text follow; the simulation recovers its
planted effect; static mode shows a figure and no widget."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")  # in the tests only: the library never chooses a backend

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from socprev_kit.evaluation.suppression import suppress  # noqa: E402
from socprev_kit.reports import prepare  # noqa: E402
from socprev_kit.teaching.widgets import (
    STATIC_ENV,
    WidgetChoiceError,
    estimates,
    explorer,
    simulate,
    simulation,
    static_mode,
)

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def months() -> pd.DataFrame:
    table = prepare(warm=False).table
    return table[table["frequency"] == "month"]


def _expected(months: pd.DataFrame, nis: str, pid: str, ind: str, first: str, last: str):
    rows = months[
        (months["nis_code"] == nis)
        & (months["project_id"] == pid)
        & (months["indicator_id"] == ind)
        & months["value"].notna()
        & months["period"].between(first, last)
    ]
    return suppress(rows.sort_values("period")).reset_index(drop=True)


def _plotted(view) -> np.ndarray:
    """The y data of the observed line (the first line plot_indicator draws)."""
    line = view.figure.axes[0].get_lines()[0]
    return np.asarray(line.get_ydata(), dtype=float)


def test_explorer_follows_the_controls(months):
    w = explorer(static=False, nis_code="11002")
    assert set(w.controls) == {"municipality", "project", "indicator", "period"}
    w.controls["municipality"].value = "44021"
    projects = [v for _, v in w.controls["project"].options]
    assert projects == sorted(months.loc[months["nis_code"] == "44021", "project_id"].unique())
    w.controls["project"].value = "GEN-DAM"
    w.controls["indicator"].value = "I01"
    w.controls["period"].value = ("2020-01", "2021-06")
    assert w.choice == {
        "nis_code": "44021",
        "project_id": "GEN-DAM",
        "indicator": "I01",
        "period": ("2020-01", "2021-06"),
    }
    title = w.figure.axes[0].get_title(loc="left")
    assert title == "I01 Geregistreerde drugsoverlastincidenten – Gent (GEN-DAM)"
    expected = _expected(months, "44021", "GEN-DAM", "I01", "2020-01", "2021-06")
    assert len(expected) == 18
    np.testing.assert_allclose(_plotted(w), expected["value"].to_numpy(dtype=float))
    pd.testing.assert_series_equal(w.data["value"], expected["value"])
    assert w.table.loc[2021, "jun"] != "–" and w.table.loc[2021, "jul"] == "–"
    assert w.table.shape == (2, 12) and w.png.startswith(PNG)
    assert "18 maanden van januari 2020 tot juni 2021" in w.text


def test_project_list_follows_the_municipality(months):
    w = explorer(static=False, nis_code="44021", project_id="GEN-PZ")
    w.controls["municipality"].value = "62063"
    projects = [v for _, v in w.controls["project"].options]
    assert projects == ["LIE-REINS", "LIE-SCMR"]
    assert w.choice["project_id"] in projects and w.choice["nis_code"] == "62063"
    assert w.figure.axes[0].get_title(loc="left").endswith(f"({w.choice['project_id']})")
    inds = [v for _, v in w.controls["indicator"].options]
    there = months[
        (months["nis_code"] == "62063") & (months["project_id"] == w.choice["project_id"])
    ]
    assert set(inds) == set(there.loc[there["value"].notna(), "indicator_id"])


def test_explorer_keeps_suppression(months):
    w = explorer(static=False, nis_code="21004", project_id="BXL-MED", indicator="O09")
    expected = _expected(months, "21004", "BXL-MED", "O09", "0000", "9999")
    assert expected["suppressed"].sum() == 9  # counts 1 .. min_cell - 1 in the sample data
    hidden = w.data["suppressed"].to_numpy()
    small = set(expected.loc[expected["suppressed"], "period"])
    assert small <= set(w.data.loc[hidden, "period"])  # the small ones and those that protect them
    assert np.isnan(_plotted(w)[hidden]).all()
    assert np.isfinite(_plotted(w)[~hidden & w.data["value"].notna().to_numpy()]).all()
    cells = w.table.to_numpy().ravel()
    assert sum(str(c) == "afgeschermd" for c in cells) == hidden.sum()
    assert not any(str(c).startswith("< ") for c in cells)
    assert f"{hidden.sum()} waarden zijn afgeschermd" in w.text
    raw = months[(months["nis_code"] == "21004") & (months["indicator_id"] == "O09")]
    shown = set(w.table.to_numpy().ravel())
    small = raw.loc[raw["value"].between(1, 4), "value"]
    assert not {f"{v:g}" for v in small} & shown  # no hidden count in the table


@pytest.mark.parametrize(
    ("lang", "label", "word"),
    [("nl", "Gemeente", "maanden"), ("fr", "Commune", "mois")],
)
def test_labels_in_the_language(lang, label, word):
    w = explorer(static=False, lang=lang, nis_code="21004", project_id="BXL-MED", indicator="I02")
    assert w.controls["municipality"].description == label
    names = dict((v, k) for k, v in w.controls["municipality"].options)
    assert names["21004"] == ("Brussel (21004)" if lang == "nl" else "Bruxelles (21004)")
    assert word in w.text
    assert list(w.table.columns)[2] == ("mrt" if lang == "nl" else "mars")
    s = simulation(static=False, lang=lang)
    assert s.controls["noise"].description == ("Ruis" if lang == "nl" else "Bruit")
    assert ("regressie" in s.text or "terugkeer" in s.text) if lang == "nl" else "retour" in s.text


def test_unknown_choice_is_refused():
    with pytest.raises(
        WidgetChoiceError, match="No data for .ANT-SW. as project in 44021; choose one of: GEN-DAM"
    ):
        explorer(static=True, nis_code="44021", project_id="ANT-SW")


def test_simulate_plants_the_effect():
    sim = simulate(effect=-30, noise=0.0, n_before=12, n_after=18, level=50, seed=4)
    assert len(sim) == 30 and int(sim["post"].sum()) == 18
    assert sim.attrs["start"] == "2020-01"
    assert set(sim.loc[sim["post"], "expected"]) == {35.0}
    assert set(sim.loc[~sim["post"], "expected"]) == {50.0}
    w = sim.attrs["window"]
    # the start was chosen because the last months were high
    assert sim.loc[~sim["post"], "count"].iloc[-w:].mean() > 50
    pd.testing.assert_frame_equal(sim, simulate(effect=-30, noise=0.0, n_before=12,
                                                n_after=18, level=50, seed=4))  # fmt: skip


def test_its_recovers_the_effect_and_naive_is_biased():
    covered, naive, its = [], [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for seed in range(40):
            e = estimates(simulate(effect=-20, seed=seed))
            covered.append(e["its_low"] <= -20 <= e["its_high"])
            naive.append(e["naive"])
            its.append(e["its"])
    assert np.mean(covered) >= 0.85
    # regression to the mean: the naive change overstates the effect by far
    assert np.mean(naive) < -28
    assert abs(np.median(its) + 20) < abs(np.mean(naive) + 20) / 2


def test_no_effect_naive_still_sees_a_fall():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = [estimates(simulate(effect=0, seed=s)) for s in range(30)]
    assert np.mean([e["naive"] for e in found]) < -10
    assert np.mean([e["its_low"] <= 0 <= e["its_high"] for e in found]) >= 0.85


def test_simulation_follows_the_sliders():
    s = simulation(static=False, effect=-20, seed=3)
    first = s.png
    s.controls["effect"].value = -50
    assert s.estimates["effect"] == -50 and s.renders == 2 and s.png != first
    assert set(s.data.loc[s.data["post"], "expected"]) == {20.0}
    s.controls["n_after"].value = 12
    assert int(s.data["post"].sum()) == 12
    assert s.table.iloc[0, 0] == "−50\xa0%"
    assert s.table.iloc[2, 0] in s.text


def _shown(view) -> list[dict]:
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.display import display
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()
    with capture_output() as captured:
        display(view)
    return [out.data for out in captured.outputs]


def test_static_mode_shows_a_figure_and_no_widget():
    w = explorer(static=True, nis_code="44021", project_id="GEN-DAM", indicator="I01")
    assert w.controls == {} and w.box is None
    shown = _shown(w)
    kinds = {k for data in shown for k in data}
    assert "image/png" in kinds and "text/html" in kinds
    assert "application/vnd.jupyter.widget-view+json" not in kinds
    png = next(d["image/png"] for d in shown if "image/png" in d)
    assert png == w.png or png.encode() == w.png or png.startswith(("iVBOR", PNG))
    s = simulation(static=True)
    assert s.controls == {} and "image/png" in {k for d in _shown(s) for k in d}


def test_live_mode_displays_the_widget():
    w = simulation(static=False)
    kinds = {k for data in _shown(w) for k in data}
    assert "application/vnd.jupyter.widget-view+json" in kinds


def test_static_mode_switch(monkeypatch):
    monkeypatch.delenv(STATIC_ENV, raising=False)
    assert static_mode() is True  # no kernel here
    assert static_mode(False) is False
    monkeypatch.setenv(STATIC_ENV, "0")
    assert static_mode() is False
    monkeypatch.setenv(STATIC_ENV, "1")
    assert static_mode() is True and explorer().box is None


@pytest.mark.slow
def test_papermill_gets_the_static_figure_and_jupyterlab_kernels_the_widget(monkeypatch, tmp_path):
    """Real kernels: a papermill run, told nothing, stores the static PNG (no widget model
    that an exported page could not show); a kernel that Jupyter Server started (it sets
    JPY_SESSION_NAME) gets the live widget."""
    import nbformat
    import papermill
    from nbformat import v4

    source = tmp_path / "sim.ipynb"
    code = (
        "from socprev_kit.teaching.widgets import simulation\nsimulation(n_before=12, n_after=12)"
    )
    nbformat.write(v4.new_notebook(cells=[v4.new_code_cell(code)]), source)
    monkeypatch.delenv(STATIC_ENV, raising=False)
    kinds = {}
    for mode, env in (("papermill", None), ("jupyterlab", "sim.ipynb")):
        if env is None:
            monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
        else:
            monkeypatch.setenv("JPY_SESSION_NAME", env)
        out = tmp_path / f"{mode}.ipynb"
        papermill.execute_notebook(source, out, kernel_name="python3", progress_bar=False)
        outputs = nbformat.read(out, as_version=4).cells[0].outputs
        kinds[mode] = {k for o in outputs for k in o.get("data", {})}
    widget = "application/vnd.jupyter.widget-view+json"
    assert "image/png" in kinds["papermill"] and widget not in kinds["papermill"]
    assert widget in kinds["jupyterlab"]
