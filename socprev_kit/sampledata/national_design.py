"""The design of the national sample: which municipalities run which invented projects.

Every municipality of the 2025 geography gets context data (:mod:`.national_tables`); about 150
of them run one of about 170 projects, drawn here from the seed: larger cities are more likely
to run a project and to run two; some projects are intermunicipal, with municipalities of the
lead's police zone. A planted change concerns one project per municipality and indicator, so
that a municipality's police statistic carries the change of exactly one project.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from .projects import ProjectSpec, month_range
from .series import series_rng

#: Municipalities that lead a project, of which some lead a second one, and intermunicipal ones.
N_LEADS, N_SECOND, N_INTERMUNICIPAL = 135, 35, 16
#: Urbanisation class -> (population from which it applies, factor on the per capita rates).
#: Brussels' 19 municipalities are urban whatever their size.
URBANISATION = {"urban": (60_000, 1.3), "semi-urban": (20_000, 1.0), "rural": (0, 0.75)}
#: Project type -> (Dutch name, French name, impact indicators it may change).
TYPES = {
    "street_work": ("Straathoekwerk", "Travail de rue", "I01 I02"),
    "drug_outreach": ("Outreach drugs", "Travail de proximité drogues", "I01 I02"),
    "harm_reduction_nsp": ("Spuitenruil", "Échange de seringues", "I03 I11"),
    "low_threshold_drop_in": ("Laagdrempelig inloopcentrum", "Accueil à bas seuil", "I01 I11"),
    "drug_consumption_room": ("Gebruiksruimte", "Salle de consommation à moindre risque",
                              "I03 I11"),
    "drug_coordination": ("Drugcoördinatie", "Coordination drogues", ""),
    "nuisance_mediation": ("Buurtbemiddeling drugsoverlast", "Médiation nuisances drogues",
                           "I02 I01"),
    "early_intervention": ("Vroeginterventie jongeren", "Intervention précoce jeunes", "I01"),
    "justice_linked_referral": ("Doorverwijzing vanuit het parket",
                                "Orientation depuis le parquet", "I07"),
    "aftercare_reintegration": ("Nazorg en re-integratie", "Suivi et réinsertion", "I07"),
    "hotspot_presence": ("Gemeenschapswachten op hotspots",
                         "Gardiens de la paix aux points chauds", "I01 I02"),
    "situational_measures": ("Situationele preventie", "Prévention situationnelle", "I02 I03"),
    "nightlife_party": ("Uitgaanspreventie", "Prévention en milieu festif", "I11"),
}  # fmt: skip
INTERMUNICIPAL = {"nl": "intergemeentelijk", "fr": "intercommunal"}
#: Types that concern drug crime rather than nuisance; coordination concerns both.
CRIME_TYPES = {"justice_linked_referral", "aftercare_reintegration"}


def urbanisation(muni: pd.DataFrame) -> pd.Series:
    """The urbanisation class of each municipality: from its population, Brussels all urban."""
    pop = muni["population"]
    out = pd.Series("rural", index=muni.index)
    out[pop >= URBANISATION["semi-urban"][0]] = "semi-urban"
    out[(pop >= URBANISATION["urban"][0]) | (muni["region"] == "Brussels")] = "urban"
    return out


def national_projects(muni: pd.DataFrame, seed: int) -> tuple[ProjectSpec, ...]:
    """The invented projects of the national sample, in a fixed order, from ``seed``.

    ``muni``: the 2025 municipalities indexed by NIS code (with population, region, province,
    police zone).
    """
    rng = series_rng(seed, "national design")
    pop = muni["population"].to_numpy(float)
    leads = rng.choice(muni.index.to_numpy(), N_LEADS, replace=False, p=_weights(pop**0.8))
    leads = sorted(leads, key=lambda n: -muni.at[n, "population"])  # large cities first
    second = set(leads[:N_SECOND])
    partners = _partners(muni, leads, rng)
    taken = set(leads) | {c for group in partners.values() for c in group}
    treated: set[tuple[str, str]] = set()
    out = []
    for lead in leads:
        for k in range(2 if lead in second else 1):
            codes = [lead] + (partners.get(lead, []) if k == 0 else [])
            spec = _project(muni, codes, k, rng, treated, taken)
            treated |= {(c, ind) for c in codes for ind, *_ in _effects(spec)}
            out.append(spec)
    return tuple(out)


def _weights(w: np.ndarray) -> np.ndarray:
    return w / w.sum()


def _partners(muni: pd.DataFrame, leads: list[str], rng: np.random.Generator) -> dict:
    """Intermunicipal projects: lead -> one or two municipalities of its police zone that lead
    no project of their own."""
    free = set(muni.index) - set(leads)
    out: dict[str, list[str]] = {}
    for lead in rng.permutation(leads):
        zone = muni.index[(muni["police_zone"] == muni.at[lead, "police_zone"])]
        mates = sorted(c for c in zone if c in free)
        if not mates:
            continue
        pick = list(rng.choice(mates, min(len(mates), int(rng.integers(1, 3))), replace=False))
        out[str(lead)] = [str(c) for c in sorted(pick)]
        free -= set(pick)
        if len(out) == N_INTERMUNICIPAL:
            break
    return out


def _effects(p: ProjectSpec) -> list[tuple[str, ...]]:
    return [tuple(item.split(":")) for item in filter(None, p.effects.split(";"))]


def _project(
    muni: pd.DataFrame,
    codes: list[str],
    k: int,
    rng: np.random.Generator,
    treated: set,
    taken: set,
) -> ProjectSpec:
    """One project in ``codes`` (the lead first), the ``k``-th of its lead."""
    lead = codes[0]
    region = muni.at[lead, "region"]
    brussels = "nl" if rng.random() < 0.3 else "fr"  # drawn for every project: same sequence
    lang = {"Flanders": "nl", "Wallonia": "fr"}.get(region, brussels)
    names = list(TYPES)
    types = list(dict.fromkeys(rng.choice(names, int(rng.integers(1, 3)), replace=False)))
    months = month_range("2019-01", "2022-12")
    start = months[int(rng.integers(len(months)))]
    intervention = start + int(rng.integers(3, 10))
    end = ""
    if rng.random() < 0.2:
        end = str(min(start + int(rng.integers(36, 49)), pd.Period("2025-06", "M")).end_time.date())
    candidates = [i for t in types for i in TYPES[t][2].split()]
    free = [i for i in dict.fromkeys(candidates) if all((c, i) not in treated for c in codes)]
    chosen = free[: int(rng.integers(1, 3))]
    effects = [f"{i}:{1.0 if rng.random() < 0.25 else round(rng.uniform(0.65, 0.92), 2):.2f}"
               for i in chosen]  # fmt: skip
    design = "pre_post" if not effects else "its"
    comparison = ""
    if effects and rng.random() < 0.25:
        design, comparison = "controlled_its", _comparison(muni, lead, taken)
    return ProjectSpec(
        project_id=f"{_ascii(muni.at[lead, 'name_' + lang])[:3].upper()}-{lead}-{k + 1}",
        name=_name(muni, codes, types, lang),
        types=";".join(types),
        nis=";".join(codes),
        start=str(start.start_time.date()),
        intervention=str(intervention.start_time.date()),
        effects=";".join(effects),
        monitors="" if effects else "I01;I02",
        end=end,
        design=design,
        lag=int(rng.integers(0, 4)) if effects else 0,
        comparison=comparison,
        phenomenon=_phenomenon(types),
        survey=bool(effects) and rng.random() < 0.15,
        lang=lang,
    )


def _comparison(muni: pd.DataFrame, lead: str, taken: set) -> str:
    """Two municipalities without a project, nearest in population: of the lead's province
    (Brussels: region) when it has two, else of its region."""
    free = muni[~muni.index.isin(list(taken))]
    same = free[free["province"] == muni.at[lead, "province"]]
    if len(same) < 2:
        same = free[free["region"] == muni.at[lead, "region"]]
    gap = (np.log(same["population"]) - np.log(muni.at[lead, "population"])).abs()
    return ";".join(sorted(gap.sort_values(kind="stable").index[:2]))


def _phenomenon(types: list[str]) -> str:
    if "drug_coordination" in types or (CRIME_TYPES & set(types) and len(types) > 1):
        return "both"
    return "drug_crime" if CRIME_TYPES & set(types) else "drug_nuisance"


def _name(muni: pd.DataFrame, codes: list[str], types: list[str], lang: str) -> str:
    words = TYPES[types[0]][lang == "fr"]
    places = " – ".join(muni.at[c, f"name_{lang}"] for c in codes)
    if len(codes) > 1:
        return f"{words} {INTERMUNICIPAL[lang]} {places}"
    return f"{words} {places}"


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain if ch.isalpha()) or "MUN"
