"""Shared fixtures: small frames built inline, paths anchored on the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"

# Same examples on every run in CI: a red build must be reproducible.
settings.register_profile("ci", derandomize=True, max_examples=150, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def projects() -> pd.DataFrame:
    """Two projects: one in Ghent only, one intermunicipal (Ghent and Aalst)."""
    return pd.DataFrame(
        {
            "project_id": ["GENT-SW", "OVL-IM"],
            "name": ["Straathoekwerk Gent", "Intergemeentelijk drugoverleg"],
            "project_types": ["street_work", "drug_coordination;nuisance_mediation"],
            "lead_nis_code": ["44021", "41002"],
            "nis_codes": ["44021", "41002;44021"],
            "start_date": ["01/01/2023", "2021-01-01"],
            "intervention_date": ["2023-01-01", "2021-06-01"],
            "end_date": ["31/12/2024", ""],
        }
    )


@pytest.fixture
def registrations() -> pd.DataFrame:
    """Three clean months of two indicators in Ghent."""
    months = ["2023-01", "2023-02", "2023-03"]
    return pd.DataFrame(
        {
            "project_id": ["GENT-SW"] * 6,
            "nis_code": ["44021"] * 6,
            "period": months * 2,
            "indicator_id": ["O05"] * 3 + ["O06N"] * 3,
            "value": ["10", "12", "8", "4", "6", "8"],
        }
    )


def chromium(size: str = "1280,1000"):  # noqa: ANN201 - a selenium WebDriver
    """Debian's headless Chromium through Selenium, logging the browser console; the tests that
    need a browser skip when it is missing, except in CI, where they fail (``make browser``
    installs it). The caller quits it."""
    import shutil

    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (binary and driver):
        if os.environ.get("CI"):
            pytest.fail("Chromium and ChromeDriver are missing: `make browser` installs them")
        pytest.skip("Chromium and ChromeDriver are missing: `make browser`")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_argument(f"--window-size={size}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)
