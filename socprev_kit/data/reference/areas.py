"""The territory a registration covers: its code in the geography of its year, as 2020 codes."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..parsing import map_unique
from .crosswalk import code_steps, code_text, current_map, resolve_chains
from .geographies import known_codes, municipality_table


@cache
def _areas() -> tuple[dict[str, str], dict[str, str]]:
    """Registered code → its territory as 2020 codes (``;``-joined): before 2025, after."""
    known_2020 = known_codes(2020)
    new = municipality_table(2025)
    parts = {
        c: ";".join(sorted(p)) if p else c
        for c, p in zip(new["nis_code"], new["predecessor_nis_codes"], strict=True)
    }
    before, after, wave_2019 = {}, {}, resolve_chains(code_steps("2019"))
    for code in known_codes("any"):
        old = wave_2019.get(code, code)
        before[code] = old if old in known_2020 else parts.get(old, old)
        now = current_map().get(code, code)
        after[code] = parts.get(now, now)
    return before, after


def registered_area(codes: pd.Series, years: pd.Series) -> pd.Series:
    """The territory a registration covers, as the 2019-2024 codes it is made of.

    A row keeps the geography it was registered in: before 2025 a code of 2019-2024 is that
    municipality alone (Hasselt 71022 without Kortessem, Antwerpen 11002 without Borsbeek); a
    code of 2025 used for an earlier year covers all its predecessors (data compiled afterwards
    for the merged municipality); a code of before 2019 is the municipality it was part of from
    2019. From 2025 every code covers the 2025 municipality it is part of. Its population is
    the sum of theirs (:func:`population` on the 2020 geography).

    Parameters
    ----------
    codes
        NIS codes as registered (``nis_code_registered``).
    years
        The calendar year of each row's period.

    Returns
    -------
    pandas.Series
        Sorted 2020 codes joined by ``;`` (``"71022"``, ``"71022;73040"``); an unknown code
        stays as it is, a missing code or year gives a missing value.

    >>> codes, years = pd.Series(["71022", "71022", "71072"]), pd.Series([2024, 2025, 2024])
    >>> registered_area(codes, years).tolist()
    ['71022', '71022;73040', '71022;73040']
    """
    before, after = _areas()
    code = map_unique(codes, lambda unique: unique.map(code_text, na_action="ignore"))
    frame = pd.DataFrame({"code": code, "year": years})  # each distinct code read once
    frame = frame.astype({"code": object})
    keys = frame.dropna().drop_duplicates()
    found = [
        (before if y < 2025 else after).get(c, c)
        for c, y in zip(keys["code"], keys["year"], strict=True)
    ]
    keys = keys.assign(area=pd.Series(found, index=keys.index, dtype=object))
    out = frame.merge(keys, on=["code", "year"], how="left")["area"]
    return out.set_axis(codes.index).rename("area")
