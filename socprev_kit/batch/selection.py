"""Which municipalities and projects a batch reports on.

Municipalities are chosen by NIS code or name (any language the reference knows), by province,
region or police zone, or all with data (registrations, or taking part in a project). A group
(province, region, zone) selects among the municipalities with data; a municipality named on its
own is reported even without data. Projects are chosen by id (case does not matter) or all.
Every problem is collected, not raised one by one, so that the user sees them all at once.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..common.errors import SocprevError, UnknownMunicipalityError
from ..data.reference import find_municipality, municipalities
from .errors import UnknownGroupError, UnknownProjectError

#: Region and province names users type (folded) → the reference's spelling.
REGIONS = {
    **dict.fromkeys(["flanders", "vlaanderen", "flandre", "vlaams gewest"], "Flanders"),
    **dict.fromkeys(["wallonia", "wallonie", "wallonien", "waals gewest"], "Wallonia"),
    **dict.fromkeys(["brussels", "brussel", "bruxelles", "bruxelles capitale"], "Brussels"),
}
PROVINCES_FR = {
    "anvers": "Antwerpen",
    "brabant flamand": "Vlaams-Brabant",
    "brabant wallon": "Waals-Brabant",
    "flandre occidentale": "West-Vlaanderen",
    "flandre orientale": "Oost-Vlaanderen",
    "hainaut": "Henegouwen",
    "liege": "Luik",
    "limbourg": "Limburg",
    "luxembourg": "Luxemburg",
    "namur": "Namen",
}


@dataclass(frozen=True)
class Selection:
    """Chosen municipalities and projects: ``(id, name_nl, name_fr)`` each, plus the problems."""

    municipalities: list[tuple[str, str, str]] = field(default_factory=list)
    projects: list[tuple[str, str, str]] = field(default_factory=list)
    errors: list[SocprevError] = field(default_factory=list)


def select(
    dataset: object,
    names: Sequence[str] = (),
    projects: Sequence[str] = (),
    provinces: Sequence[str] = (),
    regions: Sequence[str] = (),
    police_zones: Sequence[str] = (),
) -> Selection:
    """Resolve the user's choice against the reference and the data (``dataset`` from ``load``).

    Nothing chosen means everything: every municipality with data and every project. Choosing
    only municipalities gives no project reports, and the other way round; ``"all"`` in either
    list adds all of that kind.
    """
    errors: list[SocprevError] = []
    groups = bool(provinces or regions or police_zones)
    everything = not (names or projects or groups)
    geography = getattr(dataset, "geography", 2025)
    table = municipalities(geography)
    with_data = _with_data(dataset)
    codes: list[str] = []
    if everything or "all" in names:
        codes += sorted(with_data)
    codes += _named([n for n in names if n != "all"], geography, errors)
    if groups:
        codes += _grouped(table, with_data, provinces, regions, police_zones, errors)
    chosen_projects = _projects(dataset.projects, projects, everything, errors)
    rows = table.set_index("nis_code")
    munis = [(c, rows.at[c, "name_nl"], rows.at[c, "name_fr"]) for c in dict.fromkeys(codes)]
    return Selection(munis, chosen_projects, errors)


def _with_data(dataset: object) -> set[str]:
    """NIS codes that registered data, have context data or take part in a project."""
    codes = set(dataset.registrations["nis_code"].dropna().astype(str))
    context = getattr(dataset, "context", None)
    if context is not None:
        codes.update(context["nis_code"].dropna().astype(str))
    for members in dataset.projects["nis_codes"].dropna():
        codes.update(str(c) for c in members)
    return codes


def _fold(text: object) -> str:
    """Case, accents, hyphens and dots ignored: ``"Liège"`` → ``"liege"``."""
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.findall(r"[a-z0-9]+", s.lower()))


def _named(names: Sequence[str], geography: int, errors: list) -> list[str]:
    codes = []
    for name in names:
        try:
            codes.append(str(find_municipality(name, geography)["nis_code"]))
        except UnknownMunicipalityError as exc:
            errors.append(exc)
    return codes


def _grouped(
    table: pd.DataFrame,
    with_data: set[str],
    provinces: Sequence[str],
    regions: Sequence[str],
    police_zones: Sequence[str],
    errors: list,
) -> list[str]:
    mask = pd.Series(True, index=table.index)
    for kind, column, queries, aliases in (
        ("province", "province", provinces, PROVINCES_FR),
        ("region", "region", regions, REGIONS),
        ("police zone", "police_zone", police_zones, {}),
    ):
        if queries:
            mask &= _group_mask(table[column], kind, queries, aliases, errors)
    chosen = table.loc[mask & table["nis_code"].isin(with_data), "nis_code"]
    return sorted(chosen)


def _group_mask(
    column: pd.Series, kind: str, queries: Sequence[str], aliases: dict, errors: list
) -> pd.Series:
    folded = column.fillna("").map(_fold_group)
    mask = pd.Series(False, index=column.index)
    for query in queries:
        key = _fold_group(aliases.get(_fold(query), query))
        hit = folded == key
        if not hit.any():
            choices = sorted({str(v) for v in column.dropna() if str(v)})
            errors.append(UnknownGroupError(kind, query, choices))
        mask |= hit
    return mask


def _fold_group(name: object) -> str:
    """``"PZ Gent"``, ``"ZP Gand"``-style prefixes dropped; case, accents and hyphens ignored."""
    words = _fold(name).split()
    return " ".join(words[1:] if words[:1] in (["pz"], ["zp"]) else words)


def _projects(
    projects: pd.DataFrame, wanted: Sequence[str], everything: bool, errors: list
) -> list[tuple[str, str, str]]:
    names = dict(zip(projects["project_id"].astype(str), projects["name"].astype(str), strict=True))
    if everything or "all" in wanted:
        return [(pid, name, name) for pid, name in sorted(names.items())]
    by_fold = {pid.casefold(): pid for pid in names}
    out = []
    for query in dict.fromkeys(w for w in wanted if w != "all"):
        pid = by_fold.get(query.strip().casefold())
        if pid is None:
            near = difflib.get_close_matches(query.casefold(), list(by_fold), n=3, cutoff=0.5)
            errors.append(UnknownProjectError(query, [by_fold[n] for n in near]))
        else:
            out.append((pid, names[pid], names[pid]))
    return out
