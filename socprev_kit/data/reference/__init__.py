"""The municipality reference: both geographies, the crosswalk, population and police zones.

Two geographies, named after a year in which they were in force: ``2020``, the 581 municipalities
of 2019-2024, and ``2025``, the 565 since the mergers of 1 January 2025. A code that no longer
exists (merged in 2019 or 2025, renumbered in Hainaut in 2019) is mapped to the municipality it is
part of now by :func:`to_current_nis`.

The tables are package data (``socprev_kit/data``; sources and caveats in its ``SOURCES.md``),
read on first use and cached; every function returns a fresh copy the caller may change.

The modules, in the order they build on each other: :mod:`.shipped` (the CSV files),
:mod:`.crosswalk` (merged and renumbered codes), :mod:`.geographies` (municipalities, population,
police zones, valid codes), :mod:`.areas` (the territory a registration covers) and :mod:`.names`
(look-ups by name or code). Callers import this package and call ``reference.municipalities()``.
"""

from .areas import registered_area
from .crosswalk import current_nis_code_map, mergers, resolve_chains, to_current_nis
from .geographies import known_nis_codes, municipalities, population
from .names import ENGLISH_NAMES, find_municipality, names_to_nis, suggest_municipalities
from .shipped import Geography

__all__ = [
    "ENGLISH_NAMES",
    "Geography",
    "current_nis_code_map",
    "find_municipality",
    "known_nis_codes",
    "mergers",
    "municipalities",
    "names_to_nis",
    "population",
    "registered_area",
    "resolve_chains",
    "suggest_municipalities",
    "to_current_nis",
]
