"""The NIS crosswalk: codes merged or renumbered since 2018 and the code they have now."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from ..parsing import map_unique
from .shipped import shipped_table


def code_steps(wave: str = "") -> dict[str, str]:
    """Old code → its code one step later (recodings and mergers; of one wave if given)."""
    rec = shipped_table("municipality_recodings.csv").rename(columns={"change_date": "merger_wave"})
    table = pd.concat([rec, shipped_table("municipality_mergers.csv")], ignore_index=True)
    table = table[table["merger_wave"].str.startswith(wave)]
    pairs = zip(table["old_nis_code"], table["new_nis_code"], strict=True)
    return {old: new for old, new in pairs if old != new}


def resolve_chains(steps: dict[str, str]) -> dict[str, str]:
    """Follow ``old → new`` steps to their end: ``{a: b, b: c}`` → ``{a: c, b: c}``."""
    out = {}
    for old, new in steps.items():
        seen = {old}
        while new in steps:
            if new in seen:
                raise ValueError(f"The NIS crosswalk has a cycle through {new}")
            seen.add(new)
            new = steps[new]
        out[old] = new
    return out


@cache
def current_map() -> dict[str, str]:
    """The map behind :func:`current_nis_code_map`, cached and shared: do not change it."""
    return resolve_chains(code_steps())


def mergers(include_recodings: bool = False) -> pd.DataFrame:
    """The crosswalk of the 2019 and 2025 merger waves, one row per old municipality.

    Columns ``merger_wave`` (date), ``old_nis_code``, ``old_name_nl``, ``new_nis_code``,
    ``new_name_nl``, ``change`` (``"merger"``). Antwerpen absorbed Borsbeek in 2025 and kept 11002,
    so one row maps 11002 to itself. ``include_recodings`` adds the 11 Hainaut municipalities
    renumbered on 1 January 2019 without merging (``change == "recode"``).
    """
    table = shipped_table("municipality_mergers.csv").assign(change="merger")
    if include_recodings:
        rec = shipped_table("municipality_recodings.csv").rename(
            columns={"change_date": "merger_wave"}
        )
        table = pd.concat([table, rec.assign(change="recode")], ignore_index=True)
    table["merger_wave"] = pd.to_datetime(table["merger_wave"])
    return table


def current_nis_code_map() -> dict[str, str]:
    """Every NIS code that changed since 2018 → its code in the 2025 geography.

    Chained over the 2019 renumbering and both merger waves; unchanged codes are not in the map.

    >>> current_nis_code_map()["11007"]  # Borsbeek, part of Antwerpen since 2025
    '11002'
    """
    return dict(current_map())


def code_text(value: object) -> str:
    """A code as typed, as text: ``11002.0`` and ``" 11002 "`` → ``"11002"``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return re.sub(r"\.0+$", "", str(value).strip())


def to_current_nis(codes: pd.Series) -> pd.Series:
    """NIS codes mapped to the 2025 geography; unchanged and unknown codes pass through.

    Integers and ``"11007.0"`` are read as codes; missing values stay missing. Returns a new
    Series with the same index.

    >>> to_current_nis(pd.Series(["11007", "44021", 12030])).tolist()
    ['11002', '44021', '12041']
    """
    mapping = current_map()

    def current(unique: pd.Series) -> pd.Series:
        return unique.map(lambda v: mapping.get(code_text(v), code_text(v)), na_action="ignore")

    return map_unique(codes, current)
