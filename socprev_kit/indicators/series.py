"""A municipality's series of an indicator: the one rule for rates, funnels, comparison
municipalities, the national overview and the disclosure audit.

Rule: the **context rows** of that municipality and indicator (:attr:`Dataset.context`: police
statistics, Statbel figures, belonging to no project) when it has any; else the **project
registrations**, one value per period: the same count registered in two projects counts once,
the larger one when they differ. A municipality without any row has no series.

:func:`chosen_rows` applies the rule to any frame of rows (the aggregated indicator tables of a
report, the audit's raw registrations), so that what is published and what the audit models are
the same numbers. Context rows carry :data:`CONTEXT` as their ``project_id`` wherever they sit
beside project rows; a project's own result (its ITS, its objectives) never uses them.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..validation.dataset import Dataset
from .rates import rates_per_1000
from .table import COLUMNS, Freq, indicator_table

__all__ = [
    "CONTEXT",
    "chosen_rows",
    "context_table",
    "full_years",
    "municipality_series",
    "sources",
]

#: The ``project_id`` of context rows beside project rows (no project id can hold a space and
#: parentheses, so it never clashes with a real one).
CONTEXT = "(context)"
#: The columns of :func:`municipality_series`.
SERIES_COLUMNS = [
    "indicator_id", "nis_code", "period", "frequency", "value", "population",
    "population_year", "rate_per_1000", "project_id", "origin",
]  # fmt: skip


def context_table(data: Dataset, *, freq: Freq = "month") -> pd.DataFrame:
    """The context rows as an indicator table (``project_id`` :data:`CONTEXT`) with rates per
    1,000: aggregated, merged municipalities added up and populations found exactly as the
    project registrations are (:func:`~socprev_kit.indicators.table.indicator_table`,
    :func:`~socprev_kit.indicators.rates.rates_per_1000`). Empty without context data."""
    context = data.context
    if context is None or context.empty:
        extra = ["population", "rate_per_1000"]
        return pd.DataFrame(columns=[*COLUMNS, *extra]).astype({"value": float})
    regs = context.assign(project_id=CONTEXT)
    return rates_per_1000(indicator_table(replace(data, registrations=regs), freq=freq))


def sources(rows: pd.DataFrame) -> pd.DataFrame:
    """Per municipality and indicator of ``rows`` (the context data, or registrations): its
    distinct ``source`` values joined by ``"; "`` in order of first appearance."""
    if rows is None or rows.empty or "source" not in rows:
        return pd.DataFrame(columns=["nis_code", "indicator_id", "source"])
    c = rows.loc[rows["source"].notna(), ["nis_code", "indicator_id", "source"]]
    c = c.astype({"nis_code": str, "indicator_id": str, "source": str}).drop_duplicates()
    # one row per distinct source (first appearance kept), so the join below sees a handful
    g = c.groupby(["nis_code", "indicator_id"], sort=True)["source"]
    return g.agg("; ".join).reset_index()


def chosen_rows(
    rows: pd.DataFrame,
    *,
    keys: tuple[str, ...] = ("indicator_id", "nis_code", "period"),
    value: str = "value",
) -> pd.Series:
    """Which of ``rows`` form the municipalities' series (a boolean Series like ``rows.index``).

    Per ``keys[:2]`` (indicator, municipality): every :data:`CONTEXT` row when there is one;
    else per period (all ``keys``) the project row with the largest ``value`` (the first one on
    a tie). Rows without a value are never chosen.

    >>> rows = pd.DataFrame({"indicator_id": ["I01"] * 4, "nis_code": ["1", "1", "2", "2"],
    ...     "period": ["2024-01"] * 4, "project_id": ["A", "B", "A", CONTEXT],
    ...     "value": [3.0, 5.0, 4.0, 9.0]})
    >>> chosen_rows(rows).tolist()
    [False, True, False, True]
    """
    keys = list(keys)
    ok = rows[value].notna()
    is_context = rows["project_id"].astype(str).eq(CONTEXT) & ok
    groups = [rows[k].astype(str) for k in keys[:2]]
    has_context = is_context.groupby(groups, sort=False).transform("any").astype(bool)
    own = rows[ok & ~has_context]
    order = own.assign(_pos=range(len(own))).sort_values([value, "_pos"], ascending=[False, True])
    best = order.drop_duplicates(keys, keep="first").index
    return is_context | rows.index.isin(best)


def municipality_series(table: pd.DataFrame, context: pd.DataFrame) -> pd.DataFrame:
    """Every municipality's series of every registered indicator (:data:`SERIES_COLUMNS`).

    Parameters
    ----------
    table
        The project registrations' indicator table with rates
        (``rates_per_1000(indicator_table(data))``), at any frequency.
    context
        :func:`context_table` at the same frequency.

    Returns
    -------
    pandas.DataFrame
        One row per indicator, municipality and period of the chosen rows (see the module):
        ``project_id`` the project whose row was taken (:data:`CONTEXT` for context rows),
        ``origin`` ``"context"`` or ``"registrations"``. Sorted by indicator, municipality and
        period.
    """
    parts = [t[t["kind"].eq("registered") & t["value"].notna()] for t in (table, context)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    rows = pd.concat(parts, ignore_index=True).reindex(
        columns=COLUMNS + ["population", "rate_per_1000"]
    )
    rows = rows[chosen_rows(rows)]
    rows = rows.assign(
        origin=rows["project_id"].eq(CONTEXT).map({True: "context", False: "registrations"})
    )
    order = ["indicator_id", "nis_code", "period"]
    return rows[SERIES_COLUMNS].sort_values(order, ignore_index=True)


def full_years(series: pd.DataFrame) -> pd.DataFrame:
    """Per indicator, municipality and calendar year with 12 monthly values in ``series`` (a
    :func:`municipality_series`): ``value`` (their sum), ``months`` (12), ``population`` (the
    year's largest) and ``origin``. Sums are meant for count indicators."""
    columns = ["indicator_id", "nis_code", "year", "value", "months", "population", "origin"]
    rows = series[series["frequency"].eq("month") & series["population"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(year=rows["period"].str[:4].astype(int))
    g = rows.groupby(["indicator_id", "nis_code", "year"])
    out = g.agg(
        value=("value", "sum"),
        months=("value", "size"),
        population=("population", "max"),
        origin=("origin", "first"),
    )
    return out[out["months"] == 12].reset_index()[columns]
