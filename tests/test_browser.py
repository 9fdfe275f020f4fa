"""The batch output in a real browser: Debian's headless Chromium through Selenium.

The index and a report must load with no console errors and no request leaving the machine (the
reports open offline), show their figures and no code. Screenshots are saved to the folder that
``SOCPREV_SCREENSHOTS`` names, when it is set, to look at them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import chromium

from socprev_kit.batch import batch

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        pytest.fail("Chromium and ChromeDriver are missing: `make browser` installs them")
    pytest.skip("Chromium and ChromeDriver are missing: `make browser`", allow_module_level=True)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    driver = chromium("1280,1000")
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return batch(["44021", "Bredene"], projects=["GEN-DAM"], langs=["nl", "fr"], out=out, jobs=2)


def _open(browser, path: Path, shot: str) -> list[dict]:
    browser.get(path.as_uri())
    browser.execute_script("return document.readyState")
    height = browser.execute_script("return document.body.scrollHeight")
    browser.set_window_size(1280, min(max(height, 800), 12000))
    if os.environ.get("SOCPREV_SCREENSHOTS"):
        folder = Path(os.environ["SOCPREV_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(folder / shot))
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def test_index_loads_without_console_errors_and_links_every_report(browser, made):
    assert made.n_failed == 0
    assert _open(browser, made.index, "index.png") == []
    pages = {a.get_attribute("href") for a in browser.find_elements("css selector", "a")}
    assert {(made.out / g / "index.html").as_uri() for g in ("nl", "fr")} <= pages
    for lang, other in (("nl", "fr"), ("fr", "nl")):
        errors = _open(browser, made.out / lang / "index.html", f"index_{lang}.png")
        assert errors == []
        links = {a.get_attribute("href") for a in browser.find_elements("css selector", "a")}
        for record in made.records:
            html = (made.out / record["html"]).as_uri()
            assert (html in links) == (record["lang"] in (lang, other)), record["html"]
        text = browser.find_element("tag name", "body").text
        assert ("Gent" if lang == "nl" else "Gand") in text and "Bredene" in text


@pytest.mark.parametrize("name", ["nl/municipality_44021.html", "fr/project_GEN-DAM.html"])
def test_report_loads_offline_with_its_figures(browser, made, name):
    errors = _open(browser, made.out / name, name.replace("/", "_") + ".png")
    assert errors == []
    images = browser.find_elements("css selector", "img")
    loaded = [
        img
        for img in images
        if browser.execute_script("return arguments[0].naturalWidth", img) > 100
        and img.get_attribute("src").startswith("data:image/svg+xml;base64,")
    ]
    assert len(loaded) >= 3, len(loaded)
    assert browser.find_elements("css selector", ".jp-InputArea, .jp-InputPrompt") == []
    assert "import socprev_kit" not in browser.find_element("tag name", "body").text
    alts = [img.get_attribute("alt") for img in loaded]
    assert all(alts) and "Figuur zonder beschrijving" not in alts  # each figure has its title


MARKUP = '<script>alert("x")</script> & <b>Oostende</b> <img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def markup(tmp_path_factory):
    """The real report notebooks on a project whose name is markup, in nl."""
    import pandas as pd

    root = Path(__file__).resolve().parents[1] / "sample_data" / "clean"
    data = tmp_path_factory.mktemp("markup-data")
    shutil.copy(root / "registrations_35013.csv", data)
    sheets = pd.read_excel(root / "projects.xlsx", sheet_name=None, dtype=str)
    projects = sheets["projects"].query("project_id == 'OOS-HOT'").copy()
    projects["name"] = MARKUP
    projects.to_csv(data / "projects.csv", index=False)
    sheets["objectives"].query("project_id == 'OOS-HOT'").to_csv(data / "objectives.csv")
    out = tmp_path_factory.mktemp("markup-reports")
    return batch(["35013"], projects=["OOS-HOT"], data=data, langs=["nl"], out=out, jobs=2)


@pytest.mark.parametrize("page", ["nl/index.html", "nl/project_OOS-HOT.html"])
def test_a_name_with_markup_is_shown_as_text_and_never_runs(browser, markup, page):
    from selenium.common.exceptions import NoAlertPresentException

    assert markup.n_failed == 0, markup.records
    errors = _open(browser, markup.out / page, "markup_" + page.replace("/", "_") + ".png")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018 - a script from the name would have opened one
    assert errors == []
    body = browser.find_element("tag name", "body")
    assert MARKUP in body.text
    assert not [b for b in browser.find_elements("css selector", "b") if b.text == "Oostende"]
    assert browser.find_elements("css selector", "img[src='x']") == []
    scripts = browser.execute_script("return [...document.scripts].map(s => s.text)")
    assert not [s for s in scripts if "alert" in s]
