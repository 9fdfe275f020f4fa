"""Rates per 1,000 inhabitants with the right denominator.

A row keeps the geography it was registered in (:func:`socprev_kit.data.reference.registered_area`):
Hasselt's rows of 2019-2024 registered as 71022 cover old Hasselt only, so their denominator is
old Hasselt's population of that year (78,714 in 2020), not that of Hasselt with Kortessem (87,151);
rows the predecessors registered each under their own code are added up on the 2025 geography,
with their populations. ``population_nis_codes`` names the 2019-2024 municipalities a row covers
(``"71022"``, ``"71022;73040"``); its population is the sum of theirs.

A series crossing a merger is thus on the merged municipality's code throughout, and its rate is
comparable month by month: when only one predecessor registered before the merger, the counts
rise in January 2025 with the territory and the rate does not. The population year is that of
1 January of the period's year, or the latest year at or before it (the reference holds
2018-2020, so 2021 and later use 2020); ``population_year`` says which.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import parsing, reference
from ..data.catalogue import indicator_catalogue

#: The column naming the territory of a row, as 2019-2024 NIS codes joined by ``;``.
AREA = "population_nis_codes"


def population_at(area: pd.Series, period: pd.Series) -> pd.DataFrame:
    """``population`` and ``population_year`` of each row's territory and period.

    Parameters
    ----------
    area
        2019-2024 NIS codes joined by ``;`` (:data:`AREA`), one territory per row.
    period
        The row's period (``2024-03``, ``2024-Q1``, ``2024``).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``area``: the sum of the codes' populations on 1 January of the period's
        year or the latest year at or before it, and that year; NaN before the reference's
        first year, for a missing territory and for a code without a population.
    """
    table = reference.population(2020)
    pairs = zip(table["nis_code"], table["year"], strict=True)
    known = dict(zip(pairs, table["population"], strict=True))
    shipped = np.sort(table["year"].unique())
    frame = pd.DataFrame(
        {"area": area.to_numpy(dtype=object), "year": parsing.period_start(period).dt.year}
    )
    keys = frame.dropna().drop_duplicates()
    found = []
    for codes, year in zip(keys["area"], keys["year"], strict=True):
        before = shipped[shipped <= year]
        used = int(before[-1]) if len(before) else None
        parts = [known.get((c, used)) for c in str(codes).split(";")]
        ok = used is not None and None not in parts
        found.append((float(sum(parts)) if ok else np.nan, float(used) if ok else np.nan))
    keys[["population", "population_year"]] = np.array(found, dtype=float).reshape(-1, 2)
    out = frame.merge(keys, on=["area", "year"], how="left")
    return out[["population", "population_year"]].set_axis(area.index)


def union_areas(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Per group of ``by``: every code of :data:`AREA` in ``frame``, sorted and joined by ``;``
    (the territory of rows added up). Groups without a territory are left out."""
    d = frame[[*by, AREA]].assign(**{AREA: frame[AREA].str.split(";")}).explode(AREA)
    d = d.dropna(subset=[AREA]).drop_duplicates().sort_values(AREA)
    size = d.groupby(by, sort=False)[AREA].transform("size")
    several = d[size > 1].groupby(by, sort=False)[AREA].agg(";".join).reset_index()
    return pd.concat([d[size == 1], several], ignore_index=True)


def population_year(year: int) -> int | None:
    """The population year used for data of ``year``: the latest shipped year at or before it
    (None before the first).

    >>> population_year(2019), population_year(2024)
    (2019, 2020)
    """
    shipped = reference.population(2020)["year"]
    before = shipped[shipped <= year]
    return int(before.max()) if len(before) else None


def merged_area(nis_codes: pd.Series) -> pd.Series:
    """The whole 2025 municipality as 2019-2024 codes: the territory of a table without
    :data:`AREA` (its rows are on the 2025 geography)."""
    return reference.registered_area(nis_codes, pd.Series(2025, index=nis_codes.index))


def per_1000(table: pd.DataFrame) -> pd.Series:
    """``1000 * value / population`` (NaN where the population is missing or not positive)."""
    return 1000 * table["value"] / table["population"].where(table["population"] > 0)


def rates_per_1000(
    table: pd.DataFrame,
    *,
    indicators: list[str] | None = None,
    catalogue: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Add ``population``, ``population_year`` and ``rate_per_1000`` to the count indicators.

    Parameters
    ----------
    table
        An :func:`~socprev_kit.indicators.table.indicator_table`.
    indicators
        Ids to compute rates for (default: every registered indicator whose ``value_type`` is
        count).
    catalogue
        The indicator catalogue (default: the shipped one).

    Returns
    -------
    pandas.DataFrame
        A copy of ``table`` with ``rate_per_1000 = 1000 * value / population``; NaN on other rows.
        The population is that of the territory the row was registered for
        (``population_nis_codes``; a table without it is taken as registered on the 2025
        geography), of the period's year or the latest year at or before it (2020 for 2021
        and later with the shipped reference).

    Examples
    --------
    >>> rated = rates_per_1000(indicator_table(data))  # doctest: +SKIP
    """
    cat = indicator_catalogue() if catalogue is None else catalogue
    counts = cat.loc[(cat["kind"] == "registered") & (cat["value_type"] == "count"), "indicator_id"]
    chosen = set(counts) if indicators is None else set(indicators) & set(counts)
    rows = table["indicator_id"].isin(chosen) & (table["kind"] == "registered")
    out = table.copy()
    if AREA not in out:
        out[AREA] = merged_area(out["nis_code"].astype(object))
    pop = population_at(out.loc[rows, AREA], out.loc[rows, "period"])
    out["population"] = pop["population"].reindex(out.index)
    years = out["population_year"] if "population_year" in out else pd.Series(pd.NA, out.index)
    out["population_year"] = years.astype("Int64").fillna(pop["population_year"].astype("Int64"))
    out["rate_per_1000"] = per_1000(out)
    return out
