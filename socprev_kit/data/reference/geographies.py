"""Both geographies: their municipalities, population, police zones and the codes valid in each."""

from __future__ import annotations

from functools import cache
from typing import Literal

import pandas as pd

from .crosswalk import code_steps, current_map
from .shipped import Geography, check_geography, shipped_table


@cache
def _population(geography: int) -> pd.DataFrame:
    pop = shipped_table("population.csv").astype({"year": "int64", "population": "int64"})
    if geography == 2025:
        pop["nis_code"] = pop["nis_code"].map(lambda c: current_map().get(c, c))
        pop = pop.groupby(["nis_code", "year"], as_index=False)["population"].sum()
    return pop.sort_values(["nis_code", "year"], ignore_index=True)


@cache
def municipality_table(geography: int) -> pd.DataFrame:
    """The table behind :func:`municipalities`, cached and shared: copy it before changing it."""
    df = shipped_table(f"municipalities_{geography}.csv").sort_values("nis_code", ignore_index=True)
    df["name_fr"] = df["name_fr"].mask(df["name_fr"] == "", df["name_nl"])
    zones = shipped_table("police_zones.csv").set_index("nis_code")["police_zone"]
    df["police_zone"] = df["nis_code"].map(lambda c: current_map().get(c, c)).map(zones)
    pop = _population(geography)
    year = int(pop["year"].max())
    latest = pop[pop["year"] == year].set_index("nis_code")["population"]
    df["population"] = df["nis_code"].map(latest).astype("int64")
    df["population_year"] = year
    columns = ["nis_code", "name_nl", "name_fr", "province", "region", "police_zone"]
    columns += ["population", "population_year"]
    if geography == 2025:
        splits = [tuple(s.split(";")) if s else () for s in df["predecessor_nis_codes"]]
        df["predecessor_nis_codes"] = pd.Series(splits, index=df.index, dtype=object)
        columns.append("predecessor_nis_codes")
    return df[columns]


def municipalities(geography: Geography = 2025) -> pd.DataFrame:
    """All municipalities of a geography, one row each, sorted by NIS code.

    Parameters
    ----------
    geography : {2025, 2020}
        2025: the 565 municipalities since 2025; 2020: the 581 of 2019-2024.

    Returns
    -------
    pandas.DataFrame
        ``nis_code`` (5-digit text); ``name_nl``; ``name_fr`` (the Dutch name where the source has
        no French one); ``province`` (Dutch name, ``""`` for the 19 Brussels municipalities, which
        belong to no province); ``region`` (``Flanders``, ``Wallonia``, ``Brussels``);
        ``police_zone`` (the zone serving the territory in 2025, missing if unknown);
        ``population`` and ``population_year`` (the latest year shipped); for 2025 also
        ``predecessor_nis_codes`` (tuple of 2020 codes, empty when the municipality is unchanged).

    Examples
    --------
    >>> len(municipalities(2020)), len(municipalities(2025))
    (581, 565)
    """
    return municipality_table(check_geography(geography)).copy()


def population(geography: Geography = 2025) -> pd.DataFrame:
    """Population on 1 January per municipality and year: ``nis_code``, ``year``, ``population``.

    Statbel's figures on the 2020 geography (years before 2019 summed over the municipalities that
    merged in 2019). On the 2025 geography each municipality gets the sum of its predecessors:
    an aggregate, not an official 2025 count.
    """
    return _population(check_geography(geography)).copy()


@cache
def known_codes(geography: int | str) -> frozenset[str]:
    """:func:`known_nis_codes` of a checked geography (2018, 2020, 2025 or ``"any"``), cached."""
    if geography == "any":
        return known_codes(2018) | known_codes(2020) | known_codes(2025)
    if geography == 2018:
        wave = code_steps("2019")
        return frozenset((known_codes(2020) - set(wave.values())) | set(wave))
    return frozenset(municipality_table(int(geography))["nis_code"])


def known_nis_codes(geography: Literal[2018, 2019, 2020, 2025, "any"] = "any") -> frozenset[str]:
    """NIS codes valid in a geography, named by a year in which it was in force.

    2018: the 589 codes before 1 January 2019; 2019 or 2020: the 581 codes of 2019-2024; 2025: the
    565 current codes; ``"any"``: every code valid at some time since 2018 (565 current, 55 old).
    """
    if isinstance(geography, bool) or geography not in (2018, 2019, 2020, 2025, "any"):
        raise ValueError(f"geography must be 2018, 2019, 2020, 2025 or 'any', not {geography!r}")
    return known_codes(2020 if geography == 2019 else geography)
