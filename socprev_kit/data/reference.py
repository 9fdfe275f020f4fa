"""The municipality reference: both geographies, the crosswalk, population and police zones.

Two geographies, named after a year in which they were in force: ``2020``, the 581 municipalities
of 2019-2024, and ``2025``, the 565 since the mergers of 1 January 2025. A code that no longer
exists (merged in 2019 or 2025, renumbered in Hainaut in 2019) is mapped to the municipality it is
part of now by :func:`to_current_nis`.

The tables are package data (``socprev_kit/data``; sources and caveats in its ``SOURCES.md``),
read on first use and cached; every function returns a fresh copy the caller may change.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Literal

import pandas as pd

from socprev_kit.common.errors import UnknownMunicipalityError

from .parsing import map_unique

Geography = Literal[2020, 2025]

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


def _check(geography: object) -> int:
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


def _read(name: str) -> pd.DataFrame:
    return _raw(name).copy()


def _steps(wave: str = "") -> dict[str, str]:
    """Old code → its code one step later (recodings and mergers; of one wave if given)."""
    rec = _read("municipality_recodings.csv").rename(columns={"change_date": "merger_wave"})
    table = pd.concat([rec, _read("municipality_mergers.csv")], ignore_index=True)
    table = table[table["merger_wave"].str.startswith(wave)]
    pairs = zip(table["old_nis_code"], table["new_nis_code"], strict=True)
    return {old: new for old, new in pairs if old != new}


def _resolve_chains(steps: dict[str, str]) -> dict[str, str]:
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
def _current_map() -> dict[str, str]:
    return _resolve_chains(_steps())


@cache
def _population(geography: int) -> pd.DataFrame:
    pop = _read("population.csv").astype({"year": "int64", "population": "int64"})
    if geography == 2025:
        pop["nis_code"] = pop["nis_code"].map(lambda c: _current_map().get(c, c))
        pop = pop.groupby(["nis_code", "year"], as_index=False)["population"].sum()
    return pop.sort_values(["nis_code", "year"], ignore_index=True)


@cache
def _municipalities(geography: int) -> pd.DataFrame:
    df = _read(f"municipalities_{geography}.csv").sort_values("nis_code", ignore_index=True)
    df["name_fr"] = df["name_fr"].mask(df["name_fr"] == "", df["name_nl"])
    zones = _read("police_zones.csv").set_index("nis_code")["police_zone"]
    df["police_zone"] = df["nis_code"].map(lambda c: _current_map().get(c, c)).map(zones)
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
    return _municipalities(_check(geography)).copy()


def population(geography: Geography = 2025) -> pd.DataFrame:
    """Population on 1 January per municipality and year: ``nis_code``, ``year``, ``population``.

    Statbel's figures on the 2020 geography (years before 2019 summed over the municipalities that
    merged in 2019). On the 2025 geography each municipality gets the sum of its predecessors:
    an aggregate, not an official 2025 count.
    """
    return _population(_check(geography)).copy()


@cache
def _areas() -> tuple[dict[str, str], dict[str, str]]:
    """Registered code → its territory as 2020 codes (``;``-joined): before 2025, after."""
    known_2020 = _known(2020)
    new = _municipalities(2025)
    parts = {
        c: ";".join(sorted(p)) if p else c
        for c, p in zip(new["nis_code"], new["predecessor_nis_codes"], strict=True)
    }
    before, after, wave_2019 = {}, {}, _resolve_chains(_steps("2019"))
    for code in _known("any"):
        old = wave_2019.get(code, code)
        before[code] = old if old in known_2020 else parts.get(old, old)
        now = _current_map().get(code, code)
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
    frame = pd.DataFrame({"code": codes.map(_code_text, na_action="ignore"), "year": years})
    frame = frame.astype({"code": object})
    keys = frame.dropna().drop_duplicates()
    found = [
        (before if y < 2025 else after).get(c, c)
        for c, y in zip(keys["code"], keys["year"], strict=True)
    ]
    keys = keys.assign(area=pd.Series(found, index=keys.index, dtype=object))
    out = frame.merge(keys, on=["code", "year"], how="left")["area"]
    return out.set_axis(codes.index).rename("area")


def mergers(include_recodings: bool = False) -> pd.DataFrame:
    """The crosswalk of the 2019 and 2025 merger waves, one row per old municipality.

    Columns ``merger_wave`` (date), ``old_nis_code``, ``old_name_nl``, ``new_nis_code``,
    ``new_name_nl``, ``change`` (``"merger"``). Antwerpen absorbed Borsbeek in 2025 and kept 11002,
    so one row maps 11002 to itself. ``include_recodings`` adds the 11 Hainaut municipalities
    renumbered on 1 January 2019 without merging (``change == "recode"``).
    """
    table = _read("municipality_mergers.csv").assign(change="merger")
    if include_recodings:
        rec = _read("municipality_recodings.csv").rename(columns={"change_date": "merger_wave"})
        table = pd.concat([table, rec.assign(change="recode")], ignore_index=True)
    table["merger_wave"] = pd.to_datetime(table["merger_wave"])
    return table


def current_nis_code_map() -> dict[str, str]:
    """Every NIS code that changed since 2018 → its code in the 2025 geography.

    Chained over the 2019 renumbering and both merger waves; unchanged codes are not in the map.

    >>> current_nis_code_map()["11007"]  # Borsbeek, part of Antwerpen since 2025
    '11002'
    """
    return dict(_current_map())


def _code_text(value: object) -> str:
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
    mapping = _current_map()

    def current(unique: pd.Series) -> pd.Series:
        return unique.map(lambda v: mapping.get(_code_text(v), _code_text(v)), na_action="ignore")

    return map_unique(codes, current)


@cache
def _known(geography: int | str) -> frozenset[str]:
    if geography == "any":
        return _known(2018) | _known(2020) | _known(2025)
    if geography == 2018:
        wave = _steps("2019")
        return frozenset((_known(2020) - set(wave.values())) | set(wave))
    return frozenset(_municipalities(int(geography))["nis_code"])


def known_nis_codes(geography: Literal[2018, 2019, 2020, 2025, "any"] = "any") -> frozenset[str]:
    """NIS codes valid in a geography, named by a year in which it was in force.

    2018: the 589 codes before 1 January 2019; 2019 or 2020: the 581 codes of 2019-2024; 2025: the
    565 current codes; ``"any"``: every code valid at some time since 2018 (565 current, 55 old).
    """
    if isinstance(geography, bool) or geography not in (2018, 2019, 2020, 2025, "any"):
        raise ValueError(f"geography must be 2018, 2019, 2020, 2025 or 'any', not {geography!r}")
    return _known(2020 if geography == 2019 else geography)


@cache
def _name_index(geography: int) -> dict[str, tuple[str, str]]:
    """Folded name → (NIS code, name as spelled); the first claim on a folded name wins.

    Claims in order: the name in the municipality's own language (so "Saint-Nicolas" is the one
    near Liège, not Sint-Niklaas), the other language, English names, then names of merged
    municipalities, pointing to the municipality they are part of in this geography.
    """
    table = _municipalities(geography)
    wallonia = table["region"] == "Wallonia"
    own = table["name_fr"].where(wallonia, table["name_nl"])
    other = table["name_nl"].where(wallonia, table["name_fr"])
    entries = [*zip(own, table["nis_code"], strict=True)]
    entries += zip(other, table["nis_code"], strict=True)
    entries += ENGLISH_NAMES.items()
    if geography == 2025:
        gone = _municipalities(2020)
        gone = gone[gone["nis_code"].isin(list(_current_map()))]
        for column in ("name_nl", "name_fr"):
            entries += zip(gone[column], gone["nis_code"].map(_current_map()), strict=True)
    wave_2019 = _read("municipality_mergers.csv").query("merger_wave < '2025'")
    successors = wave_2019["new_nis_code"]
    if geography == 2025:
        successors = to_current_nis(successors)
    entries += zip(wave_2019["old_name_nl"], successors, strict=True)
    index: dict[str, tuple[str, str]] = {}
    for name, code in entries:
        index.setdefault(_fold(name), (code, name))
    return index


def _lookup(query: str | int, geography: int) -> str | None:
    text = _code_text(query)
    if re.fullmatch(r"\d{5}", text):
        if text in _known(geography):
            return text
        steps = _current_map() if geography == 2025 else _resolve_chains(_steps("2019"))
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
    geo = _check(geography)
    code = _lookup(query, geo)
    if code is None:
        raise UnknownMunicipalityError(str(query), suggest_municipalities(str(query), geo), geo)
    table = _municipalities(geo)
    return table[table["nis_code"] == code].iloc[0].rename(code).copy()


def suggest_municipalities(query: str, geography: Geography = 2025, n: int = 3) -> list[str]:
    """Up to ``n`` near misses for a name, as ``"Name (NIS)"``, best first.

    >>> suggest_municipalities("Sint-Niklas", n=1)
    ['Sint-Niklaas (46021)']
    """
    index = _name_index(_check(geography))
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
    codes = {key: code for key, (code, _) in _name_index(_check(geography)).items()}
    return map_unique(
        names, lambda unique: unique.map(lambda name: codes.get(_fold(name)), na_action="ignore")
    ).rename("nis_code")
