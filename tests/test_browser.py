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

from socprev_kit.batch import batch

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        pytest.fail("Chromium and ChromeDriver are missing: `make browser` installs them")
    pytest.skip("Chromium and ChromeDriver are missing: `make browser`", allow_module_level=True)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_argument("--window-size=1280,1000")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
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
    errors = _open(browser, made.index, "index.png")
    assert errors == []
    links = {a.get_attribute("href") for a in browser.find_elements("css selector", "a")}
    for record in made.records:
        html = made.out / record["html"]
        assert html.as_uri() in links, record["html"]
    text = browser.find_element("tag name", "body").text
    assert "Gent" in text and "Bredene" in text


@pytest.mark.parametrize("name", ["nl/municipality_44021.html", "fr/project_GEN-DAM.html"])
def test_report_loads_offline_with_its_figures(browser, made, name):
    errors = _open(browser, made.out / name, name.replace("/", "_") + ".png")
    assert errors == []
    images = browser.find_elements("css selector", "img")
    loaded = [
        img
        for img in images
        if browser.execute_script("return arguments[0].naturalWidth", img) > 100
        and img.get_attribute("src").startswith("data:image/png;base64,")
    ]
    assert len(loaded) >= 3, len(loaded)
    assert browser.find_elements("css selector", ".jp-InputArea, .jp-InputPrompt") == []
    assert "import socprev_kit" not in browser.find_element("tag name", "body").text
