"""The index of a national run in a real browser (headless Chromium through Selenium): 2,000
synthetic reports per language, sorted by a number, filtered by province, searched by a name
typed without its accent, the switch to the other language; without its script the page holds
every row. Screenshots go to ``SOCPREV_SCREENSHOTS`` when it is set."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import chromium
from synthetic_index import PLAN, synthetic_records

from socprev_kit.batch.index import PAGE, write_index

if not (shutil.which("chromium") and shutil.which("chromedriver")):
    if os.environ.get("CI"):
        pytest.fail("Chromium and ChromeDriver are missing: `make browser` installs them")
    pytest.skip("Chromium and ChromeDriver are missing: `make browser`", allow_module_level=True)

N = 2000


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("national")
    records = synthetic_records(N)
    write_index(out, PLAN, records, {"reports": 2 * N, "ok": 2 * N, "failed": 0, "up_to_date": 0})
    return out, records


@pytest.fixture(scope="module")
def browser():
    driver = chromium("1400,1000")
    yield driver
    driver.quit()


def _shot(browser, name: str) -> None:  # noqa: ANN001
    if os.environ.get("SOCPREV_SCREENSHOTS"):
        folder = Path(os.environ["SOCPREV_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(folder / name))


def _visible(browser) -> list[dict]:  # noqa: ANN001
    return browser.execute_script(
        """return [...document.querySelectorAll('#reports tbody tr')].filter(r => !r.hidden)
           .map(r => ({name: r.cells[0].textContent, province: r.dataset.province,
                       v: r.cells[7].getAttribute('data-v')}));"""
    )


def _wait(browser, condition: str) -> None:  # noqa: ANN001
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 10).until(lambda d: d.execute_script(f"return {condition}"))


def test_the_page_sorts_filters_searches_and_switches_language(browser, national) -> None:  # noqa: ANN001
    from selenium.webdriver.support.ui import Select

    out, records = national
    browser.get((out / "nl" / "index.html").as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    shown = browser.find_element("id", "shown")
    assert shown.text.startswith(f"{N} van de {N} rapporten") and len(_visible(browser)) == PAGE
    # a numeric column: 9 before 10 going up (text order would put 10 first), blanks last
    head = browser.find_elements("css selector", "#reports th")[7]
    assert head.text.replace("\u00ad", "") == "Doelstellingen"
    assert head.get_attribute("aria-sort") is None
    head.find_element("tag name", "button").click()
    assert head.get_attribute("aria-sort") == "ascending"
    values = [float(r["v"]) for r in _visible(browser) if r["v"] is not None]
    assert values == sorted(values) and values[0] == 0 and len(values) == PAGE
    head.find_element("tag name", "button").click()
    assert head.get_attribute("aria-sort") == "descending"
    values = [float(r["v"]) for r in _visible(browser)]
    assert values == sorted(values, reverse=True) and values[0] == 14
    _shot(browser, "index_nl_sorted.png")
    # a province: only its reports, all of them counted
    Select(browser.find_element("css selector", "select[data-facet=province]")).select_by_value(
        "Luik"
    )
    wanted = [r for r in records if r["lang"] == "nl" and "Luik" in r["facets"]["province"]]
    rows = _visible(browser)
    assert {r["province"] for r in rows} == {"Luik"} and len(rows) == min(len(wanted), PAGE)
    assert shown.text.startswith(f"{len(wanted)} van de {N}")
    browser.find_element("id", "everything").click()
    assert len(_visible(browser)) == len(wanted) > PAGE
    browser.find_element("id", "reset").click()
    _wait(browser, f"document.getElementById('shown').textContent.startsWith('{N} van')")
    # the language switch, then a name typed without its accent
    browser.find_element("css selector", "nav.switch a").click()
    assert browser.current_url == (out / "fr" / "index.html").as_uri()
    assert browser.find_element("tag name", "html").get_attribute("lang") == "fr"
    expected = sorted(
        r["name_fr"] for r in records if r["lang"] == "fr" and "Liège" in r["name_fr"]
    )
    browser.find_element("id", "q").send_keys("liege")
    _wait(browser, f"document.getElementById('shown').textContent.startsWith('{len(expected)} ')")
    names = sorted(r["name"].split(" (")[0] for r in _visible(browser))
    assert names == expected and "Liège" in names
    _shot(browser, "index_fr_search.png")
    search = browser.find_element("id", "q")
    search.clear()
    search.send_keys("62063")  # a NIS code
    liege = [r for r in records if r["lang"] == "fr" and "62063" in r["facets"]["nis_codes"]]
    _wait(browser, f"document.getElementById('shown').textContent.startsWith('{len(liege)} ')")
    assert {r["name"].split(" (")[0] for r in _visible(browser)} == {"Liège"}
    assert browser.find_element("css selector", "label input#q")  # labelled inputs
    assert len(browser.find_elements("css selector", "label select")) == 6


def test_without_its_script_the_page_holds_every_row(national) -> None:  # noqa: ANN001
    out, _ = national
    soup = BeautifulSoup((out / "nl" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("#reports tbody tr")
    assert len(rows) == N and not [r for r in rows if r.has_attr("hidden")]
    assert soup.select_one("#filters").has_attr("hidden")
