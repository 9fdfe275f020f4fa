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
