"""The shipped tables of the municipality reference, read on first use and cached.

The CSV files are package data (``socprev_kit/data``; sources and caveats in its ``SOURCES.md``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import pandas as pd

Geography = Literal[2020, 2025]


def check_geography(geography: object) -> int:
    """The geography as an int, or a ValueError that names the two there are."""
    if isinstance(geography, bool) or geography not in (2020, 2025):
        raise ValueError(
            "geography must be 2020 (the 581 municipalities of 2019-2024) or 2025 (the 565 "
            f"municipalities since 2025), not {geography!r}"
        )
    return int(geography)  # type: ignore[call-overload]


@cache
def _raw(name: str) -> pd.DataFrame:
    with resources.files("socprev_kit").joinpath("data", name).open(encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


def shipped_table(name: str) -> pd.DataFrame:
    """A fresh copy of one shipped CSV file (``municipalities_2020.csv`` ...), all text."""
    return _raw(name).copy()
