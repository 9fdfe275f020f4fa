"""The national overview page (issue 16, item 7): its rates table against a hand calculation,
a small count hidden as in the reports (its rate too), each language wholly in its language, the
page written by a real batch (and the disclosure audit still clean), and the table sorted and
filtered in a real headless Chromium by the index's own script.

The data: two municipalities' registrations of the sample (Bredene and Oostende, C01 and I02 in
their projects) and a context file (``;`` and decimal commas, no project column) with C01 and
I07 police counts of 2023-2024 for ten West Flemish municipalities that run no project, and one
(Zuienkerke) whose C01 counts are so small that its 2024 count is hidden.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from socprev_kit import reports
from socprev_kit.batch.overview import overview_html, write_overview
from socprev_kit.reports.overview import funnels, positions, rate_rows, rate_table
from socprev_kit.reports.texts_overview import OVERVIEW

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "clean"
POPULATION = ROOT / "socprev_kit" / "data" / "population.csv"
UNTREATED = ["31003", "31004", "31005", "31006", "31012", "31022", "31033", "31040", "31043",
             "32003"]  # fmt: skip
TINY = "31042"  # Zuienkerke: C01 2024 = 3, hidden (min_cell 5)
HIDDEN = {"nl": "afgeschermd", "fr": "masqué", "en": "hidden"}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("overview_data")
    for nis in ("35002", "35013"):
        name = f"registrations_{nis}.csv"
        shutil.copyfile(SAMPLE / name, folder / name)
    rng = np.random.default_rng(7)
    months = pd.period_range("2023-01", "2024-12", freq="M").astype(str)
    lines = ["NIS-code;periode;indicator;waarde;bron;opmerking"]
    for nis in [*UNTREATED, TINY]:
        for indicator, mean in (("C01", 9.0), ("I07", 30.0)):
            if nis == TINY:
                values = [0] * 24
                if indicator == "C01":
                    values[14] = values[17] = values[20] = 1  # 2024: 3
                else:
                    values = list(rng.poisson(mean, 24))
            else:
                values = list(rng.negative_binomial(5, 5 / (5 + mean), 24))
            for month, v in zip(months, values, strict=True):
                lines.append(f"{nis};{month};{indicator};{v},0;Federale politie;")
    (folder / "context_politie.csv").write_text("\ufeff" + "\r\n".join(lines) + "\r\n",
                                                encoding="utf-8")  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def ctx(data: Path) -> reports.DataContext:
    return reports.prepare(data, warm=False)


def test_the_rate_is_the_count_over_the_population_by_hand(ctx, data):
    table = rate_table(ctx)
    # by hand from the file: Brugge's C01 in 2024, over its latest shipped population (2020)
    raw = pd.read_csv(data / "context_politie.csv", sep=";", dtype=str, encoding="utf-8-sig")
    mine = raw[raw["NIS-code"].eq("31005") & raw["indicator"].eq("C01")
               & raw["periode"].str.startswith("2024")]  # fmt: skip
    count = mine["waarde"].str.replace(",", ".").astype(float).sum()
    pop = pd.read_csv(POPULATION, dtype={"nis_code": str}).query("nis_code == '31005'")
    inhabitants = float(pop.loc[pop["year"].idxmax(), "population"])
    row = table[table["indicator_id"].eq("C01") & table["nis_code"].eq("31005")
                & table["year"].eq(2024)].iloc[0]  # fmt: skip
    assert row["count"] == count and row["population"] == inhabitants
    assert row["rate_per_1000"] == pytest.approx(count / inhabitants * 1000, rel=1e-12)
    assert (row["origin"], row["province"], row["region"]) == ("context", "West-Vlaanderen",
                                                                "Flanders")  # fmt: skip
    # Bredene's C01 comes from its project's registrations (no context rows there)
    bredene = table[table["indicator_id"].eq("C01") & table["nis_code"].eq("35002")]
    assert len(bredene) and set(bredene["origin"]) == {"registrations"}
    # only full years: no 2025, every year of the context with its 12 months
    assert set(table.loc[table["nis_code"].eq("31005"), "year"]) == {2023, 2024}
    assert {"C01", "I07", "I02"} <= set(table["indicator_id"])


def test_a_small_count_is_hidden_and_its_rate_with_it(ctx):
    table = rate_table(ctx)
    tiny = table[table["indicator_id"].eq("C01") & table["nis_code"].eq(TINY)
                 & table["year"].eq(2024)].iloc[0]  # fmt: skip
    assert tiny["hidden"] and np.isnan(tiny["count"]) and np.isnan(tiny["rate_per_1000"])
    assert not table.loc[table["nis_code"].eq("31005"), "hidden"].any()
    for lang in ("nl", "fr"):
        rows = rate_rows(ctx, lang)
        rows = rows[rows["hidden"]]
        assert len(rows) and set(rows["f_indicator"]) == {"C01"}
        first = rows.iloc[0]
        assert first["count"] == HIDDEN[lang] and first["rate"] == ""
        assert np.isnan(first["rate_v"]) and np.isnan(first["count_v"])
        soup = BeautifulSoup(overview_html(ctx, lang, ["nl", "fr"]), "html.parser")
        shown = [tr for tr in soup.select("#reports tbody tr") if "hidden-cell" in
                 (tr.get("class") or [])]  # fmt: skip
        assert len(shown) == len(rows)
        tds = shown[0].find_all("td")
        assert tds[5].get_text() == HIDDEN[lang] and not tds[5].has_attr("data-v")
        assert tds[7].get_text() == "" and not tds[7].has_attr("data-v")
    # the funnel leaves it out, and each project's place is read from the same frame
    year, frame = funnels(ctx)["C01"]
    assert year == 2024 and frame.loc[frame["nis_code"].eq(TINY), "suppressed"].all()
    places = {(p["municipality"], p["indicator"][:3]): p for p in positions(ctx, "en")}
    assert set(places) == {("Bredene", "C01"), ("Bredene", "I02"), ("Oostende", "C01"),
                           ("Oostende", "I01"), ("Oostende", "I02")}  # fmt: skip
    assert {p["project"] for p in positions(ctx, "en")} == {"KUST-SW", "OOS-HOT"}
    bredene = frame[frame["nis_code"].eq("35002")].iloc[0]
    assert places["Bredene", "C01"]["rate"] == f"{bredene['rate_per_1000']:.2f}"
    assert places["Bredene", "C01"]["position"] in {
        "within the limits", "above the 95% limit", "below the 95% limit",
        "above the 99.8% limit", "below the 99.8% limit"}  # fmt: skip
    assert places["Oostende", "I02"]["position"] == "no funnel"  # two municipalities only


def test_each_language_is_wholly_its_own(ctx):
    pages = {g: overview_html(ctx, g, ["nl", "fr"]) for g in ("nl", "fr")}
    for lang, other in (("nl", "fr"), ("fr", "nl")):
        soup = BeautifulSoup(pages[lang], "html.parser")
        assert soup.html["lang"] == lang
        text = soup.get_text(" ")
        i, j = ("nl", "fr", "en").index(lang), ("nl", "fr", "en").index(other)
        for key, words in OVERVIEW.items():
            if "{" in words[j] or words[i] == words[j] or len(words[j]) < 8:
                continue
            assert words[j] not in text, (lang, key)
        assert OVERVIEW["title"][i] in text and HIDDEN[lang] in text
        # every figure has the alternative text that says its result, in the language
        images = soup.select("figure img")
        assert images and all(img["src"].startswith("data:image/svg+xml;base64,")
                              for img in images)  # fmt: skip
        word = {"nl": "gemeenten vergeleken", "fr": "communes comparées"}[lang]
        assert all(word in img["alt"] for img in images)
        switch = soup.select("nav.switch a")
        assert [a["href"] for a in switch] == [f"../{other}/overview.html"]


def test_write_overview_writes_a_page_per_language(ctx, tmp_path):
    paths = write_overview(tmp_path, ctx, ["nl", "fr"])
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["nl/overview.html",
                                                                   "fr/overview.html"]  # fmt: skip
    soup = BeautifulSoup(paths[0].read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("#reports tbody tr")) == len(rate_table(ctx))


@pytest.mark.slow
def test_a_real_batch_writes_the_overview_and_the_audit_stays_clean(data, tmp_path):
    from socprev_kit.batch import batch

    result = batch(["31005"], data=data, langs=["nl", "fr"], out=tmp_path, jobs=1)
    assert result.ok and result.disclosure is not None and result.n_recoverable == 0
    for lang in ("nl", "fr"):
        page = tmp_path / lang / "overview.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang and soup.select("#reports tbody tr")
        index = BeautifulSoup((tmp_path / lang / "index.html").read_text(encoding="utf-8"),
                              "html.parser")  # fmt: skip
        assert "overview.html" in [a["href"] for a in index.select("ul.links a")]
    # Zuienkerke's hidden 2024 count is hidden on the page the batch wrote
    soup = BeautifulSoup((tmp_path / "fr" / "overview.html").read_text(encoding="utf-8"),
                         "html.parser")  # fmt: skip
    tiny = [tr for tr in soup.select("#reports tbody tr")
            if tr.get("data-q", "").endswith(TINY) and tr["data-year"] == "2024"
            and tr["data-indicator"] == "C01"]  # fmt: skip
    assert len(tiny) == 1 and tiny[0].find_all("td")[5].get_text() == "masqué"
    # the audit reads the overview: with the rate of that hidden count written out (a leak
    # planted on the page the batch wrote), the count is worked out from the rate
    import re

    from socprev_kit.audit import audit_disclosure

    assert result.disclosure.ok
    page = tmp_path / "fr" / "overview.html"
    html = page.read_text(encoding="utf-8")
    leak = re.compile(r'(<td class="num">masqué</td><td class="num" data-v="([\d.]+)">'
                      r'[^<]*</td>)<td class="num"></td>')  # fmt: skip
    (found,) = leak.findall(html)
    rate = f"{3 / float(found[1]) * 1000:.2f}".replace(".", ",")
    page.write_text(leak.sub(lambda m: m[1] + f'<td class="num">{rate}</td>', html),
                    encoding="utf-8")  # fmt: skip
    audit = audit_disclosure(tmp_path)
    assert not audit.ok and audit.n_cells > result.disclosure.n_cells - 2
    assert any("overview.html" in str(r) for r in audit.recoveries), audit.recoveries


def _visible(browser) -> list[dict]:  # noqa: ANN001
    return browser.execute_script(
        """return [...document.querySelectorAll('#reports tbody tr')].map(r => ({
             indicator: r.dataset.indicator, year: r.dataset.year, q: r.dataset.q,
             count: r.cells[5].textContent, v: r.cells[7].getAttribute('data-v')}));"""
    )


def test_chromium_sorts_and_filters_the_rates_table(ctx, tmp_path):
    import os

    from conftest import chromium
    from selenium.webdriver.support.ui import Select, WebDriverWait

    write_overview(tmp_path, ctx, ["nl", "fr"])
    table = rate_table(ctx)
    browser = chromium("1400,1000")
    try:
        browser.get((tmp_path / "fr" / "overview.html").as_uri())
        errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
        assert errors == []
        shown = browser.find_element("id", "shown")
        assert shown.text.startswith(f"{len(table)} lignes sur {len(table)}")
        assert len(_visible(browser)) == min(len(table), 200)
        # the rate per 1,000, descending: numbers in order, the hidden rate last
        head = browser.find_elements("css selector", "#reports th")[7]
        button = head.find_element("tag name", "button")
        button.click()
        button.click()
        assert head.get_attribute("aria-sort") == "descending"
        rows = _visible(browser)
        values = [float(r["v"]) for r in rows if r["v"] is not None]
        assert values == sorted(values, reverse=True)
        assert values[0] == pytest.approx(table["rate_per_1000"].max(), abs=1e-6)
        assert rows[-1]["v"] is None and rows[-1]["count"] == "masqué"
        # one indicator in one year: exactly the table's rows, still sorted
        for facet, value in (("indicator", "C01"), ("year", "2024")):
            select = browser.find_element("css selector", f"select[data-facet={facet}]")
            Select(select).select_by_value(value)
        wanted = table[table["indicator_id"].eq("C01") & table["year"].eq(2024)]
        rows = _visible(browser)
        assert {(r["indicator"], r["year"]) for r in rows} == {("C01", "2024")}
        assert len(rows) == len(wanted) and shown.text.startswith(f"{len(wanted)} lignes")
        values = [float(r["v"]) for r in rows if r["v"] is not None]
        assert values == sorted(values, reverse=True) and len(values) == (~wanted["hidden"]).sum()
        # a name typed without its accent or case
        browser.find_element("id", "q").send_keys("zuien")
        WebDriverWait(browser, 10).until(
            lambda d: (
                d.execute_script("return document.querySelectorAll('#reports tbody tr').length")
                == 1
            )  # fmt: skip
        )
        assert _visible(browser)[0]["count"] == "masqué"
        if os.environ.get("SOCPREV_SCREENSHOTS"):
            browser.save_screenshot(str(Path(os.environ["SOCPREV_SCREENSHOTS"]) / "overview.png"))
    finally:
        browser.quit()


def test_a_name_with_markup_stays_text(ctx, monkeypatch):
    from socprev_kit.reports import overview

    rows = rate_rows(ctx, "nl")
    evil = '<img src=x onerror="alert(1)">&amp;'
    rows.loc[0, ["municipality", "search", "origin"]] = evil
    monkeypatch.setattr(overview, "rate_rows", lambda *_: rows)
    soup = BeautifulSoup(overview_html(ctx, "nl", ["nl"]), "html.parser")
    assert not soup.select("#reports img")
    first = soup.select("#reports tbody tr")[0]
    assert first.find_all("td")[1].get_text() == evil and first["data-q"] == evil
    assert first.find_all("td")[-1].get_text() == evil
