"""The tables every report of a data set starts from (:func:`report_tables`)."""

from __future__ import annotations

import pandas as pd

from ..validation.dataset import Dataset
from .coverage import completeness, completeness_months
from .rates import rates_per_1000
from .table import indicator_table

__all__ = ["report_tables"]


def report_tables(data: Dataset, *, yearly: bool = False) -> dict[str, pd.DataFrame]:
    """What the reports of a data set start from: ``table`` (monthly, with rates),
    ``completeness`` and ``completeness_months``; with ``yearly``, also ``yearly`` (per
    calendar year, with rates), which a batch needs for every report.

    pandas and numpy only: a batch process makes these while its kernels import the rest.
    """
    tables = {
        "table": rates_per_1000(indicator_table(data, freq="month")),
        "completeness": completeness(data),
        "completeness_months": completeness_months(data),
    }
    if yearly:
        tables["yearly"] = rates_per_1000(indicator_table(data, freq="year"))
    return tables
