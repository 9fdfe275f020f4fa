"""Municipalities by name: Dutch, French and English names, merged ones, near misses."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

import pandas as pd

from socprev_kit.common.errors import UnknownMunicipalityError

from ..parsing import map_unique
from .crosswalk import code_steps, code_text, current_map, resolve_chains, to_current_nis
from .geographies import known_codes, municipality_table
from .shipped import Geography, check_geography, shipped_table

#: English and city-only names users type (folded) → NIS code.
ENGLISH_NAMES = {
    **dict.fromkeys(["brussels", "brussels city", "brussel stad", "bruxelles ville"], "21004"),
    **{"antwerp": "11002", "ghent": "44021", "ostend": "35013"},
}

_SAINTS = {"st": "st", "sint": "st", "saint": "st", "sankt": "st", "ste": "ste", "sainte": "ste"}


def _fold(text: object) -> str:
    """Fold a name for comparison: ``"St. Niklaas"`` and ``"Sint-Niklaas"`` → ``"st niklaas"``."""
    s = str(text).replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(_SAINTS.get(word, word) for word in re.findall(r"[a-z0-9]+", s))


@cache
def _name_index(geography: int) -> dict[str, tuple[str, str]]:
    """Folded name → (NIS code, name as spelled); the first claim on a folded name wins.

    Claims in order: the name in the municipality's own language (so "Saint-Nicolas" is the one
    near Liège, not Sint-Niklaas), the other language, English names, then names of merged
    municipalities, pointing to the municipality they are part of in this geography.
    """
    table = municipality_table(geography)
    wallonia = table["region"] == "Wallonia"
    own = table["name_fr"].where(wallonia, table["name_nl"])
    other = table["name_nl"].where(wallonia, table["name_fr"])
    entries = [*zip(own, table["nis_code"], strict=True)]
    entries += zip(other, table["nis_code"], strict=True)
    entries += ENGLISH_NAMES.items()
    if geography == 2025:
        gone = municipality_table(2020)
        gone = gone[gone["nis_code"].isin(list(current_map()))]
        for column in ("name_nl", "name_fr"):
            entries += zip(gone[column], gone["nis_code"].map(current_map()), strict=True)
    wave_2019 = shipped_table("municipality_mergers.csv").query("merger_wave < '2025'")
    successors = wave_2019["new_nis_code"]
    if geography == 2025:
        successors = to_current_nis(successors)
    entries += zip(wave_2019["old_name_nl"], successors, strict=True)
    index: dict[str, tuple[str, str]] = {}
    for name, code in entries:
        index.setdefault(_fold(name), (code, name))
    return index


def _lookup(query: str | int, geography: int) -> str | None:
    text = code_text(query)
    if re.fullmatch(r"\d{5}", text):
        if text in known_codes(geography):
            return text
        steps = current_map() if geography == 2025 else resolve_chains(code_steps("2019"))
        return steps.get(text)
    hit = _name_index(geography).get(_fold(text))
    return hit[0] if hit else None


def find_municipality(query: str | int, geography: Geography = 2025) -> pd.Series:
    """One municipality, by NIS code or by Dutch, French or English name.

    An old code, or the name of a merged municipality, gives the municipality it is part of in
    ``geography``. Names match without regard to case, accents, hyphens, dots and
    ``St``/``Sint``/``Saint``; "Saint-Nicolas" is the municipality near Liège.

    Returns
    -------
    pandas.Series
        The row of :func:`municipalities`, named by its NIS code.

    Raises
    ------
    UnknownMunicipalityError
        Nothing matches; its ``suggestions`` hold up to three near misses.

    Examples
    --------
    >>> find_municipality("St. Niklaas")["nis_code"]
    '46021'
    """
    geo = check_geography(geography)
    code = _lookup(query, geo)
    if code is None:
        raise UnknownMunicipalityError(str(query), suggest_municipalities(str(query), geo), geo)
    table = municipality_table(geo)
    return table[table["nis_code"] == code].iloc[0].rename(code).copy()


def suggest_municipalities(query: str, geography: Geography = 2025, n: int = 3) -> list[str]:
    """Up to ``n`` near misses for a name, as ``"Name (NIS)"``, best first.

    >>> suggest_municipalities("Sint-Niklas", n=1)
    ['Sint-Niklaas (46021)']
    """
    index = _name_index(check_geography(geography))
    out: list[str] = []
    for key in difflib.get_close_matches(_fold(query), list(index), n=3 * n, cutoff=0.6):
        code, name = index[key]
        if not any(s.endswith(f"({code})") for s in out):
            out.append(f"{name} ({code})")
    return out[:n]


def names_to_nis(names: pd.Series, geography: Geography = 2025) -> pd.Series:
    """Municipality names → NIS codes by exact (folded) match; missing where not known.

    Dutch, French and English names are accepted; the name of a merged municipality gives the
    code of the municipality it is part of in ``geography``. Near misses stay missing.

    >>> names_to_nis(pd.Series(["Anvers", "LIEGE", "Atlantis"])).tolist()
    ['11002', '62063', nan]
    """
    codes = {key: code for key, (code, _) in _name_index(check_geography(geography)).items()}
    return map_unique(
        names, lambda unique: unique.map(lambda name: codes.get(_fold(name)), na_action="ignore")
    ).rename("nis_code")
