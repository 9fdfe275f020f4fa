"""The design of the sample: the period, the invented projects and what each one registers."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

SEED = 2026
FIRST, LAST = "2019-01", "2025-12"
WAVES = (2019, 2022, 2025)


@dataclass(frozen=True)
class ProjectSpec:
    """One invented project. Lists are ``;``-separated text; the lead NIS code (2025) first.

    ``effects`` holds the planted changes, ``"I01:0.8"`` (rate ratio of the level) or
    ``"I03:0.85:0.992"`` (level, then slope per month); ``monitors`` the impact series registered
    without a change (the comparison series of other projects).
    """

    project_id: str
    name: str
    types: str
    nis: str
    start: str
    intervention: str
    effects: str = ""
    monitors: str = ""
    end: str = ""
    design: str = "its"
    model: str = "level"
    lag: int = 0
    comparison: str = ""
    phenomenon: str = "drug_nuisance"
    survey: bool = False
    lang: str = ""  # "" = the language of the lead municipality's region


P = ProjectSpec
PROJECTS: tuple[ProjectSpec, ...] = (
    P("ANT-SW", "Straathoekwerk Antwerpen-Noord", "street_work", "11002", "2019-04-01",
      "2020-09-01", "I01:0.80"),
    P("ANT-NSP", "Spuitenruil en naaldcontainers Antwerpen",
      "harm_reduction_nsp;situational_measures", "11002", "2020-06-01", "2021-09-01",
      "I03:0.85:0.992", model="level_and_slope"),
    P("ANT-CAS", "Casusoverleg drugs en criminaliteit Antwerpen",
      "drug_coordination;justice_linked_referral", "11002", "2021-01-01", "2021-06-01", "I07:1.00",
      lag=3, phenomenon="drug_crime"),
    P("GEN-PZ", "Doorverwijzing vanuit het parket Gent", "justice_linked_referral", "44021",
      "2019-09-01", "2020-03-01", "I07:0.90", lag=6, phenomenon="drug_crime"),
    P("GEN-DAM", "Outreach en gemeenschapswachten Dampoort", "drug_outreach;hotspot_presence",
      "44021", "2020-03-16", "2020-10-01", "I01:0.75;I02:0.80", design="controlled_its", lag=1,
      comparison="31005", survey=True),
    P("GEN-NIGHT", "Uitgaanspreventie Overpoort", "nightlife_party", "44021", "2022-02-01",
      "2022-09-01", "I11:0.85"),
    P("BRU-COORD", "Drugcoördinatie en casusoverleg Brugge", "drug_coordination", "31005",
      "2019-01-01", "2019-06-01", monitors="I01;I02", design="pre_post", phenomenon="both"),
    P("OOS-HOT", "Gemeenschapswachten en opruimrondes stationsbuurt Oostende",
      "hotspot_presence;situational_measures", "35013", "2021-02-01", "2021-06-01", "I01:0.70",
      design="controlled_its", lag=1, comparison="31005", survey=True),
    P("KUST-SW", "Intergemeentelijk straathoekwerk Oostende-Bredene-De Haan", "street_work",
      "35013;35002;35029", "2020-01-01", "2020-07-01", "I02:0.85"),
    P("HAS-VI", "Vroeginterventie jongeren Hasselt", "early_intervention", "71072", "2020-06-01",
      "2021-01-01", "I01:0.80", lag=2),
    P("HAS-SW", "Straathoekwerk en nazorg Hasselt-Halen", "street_work;aftercare_reintegration",
      "71072;71020", "2021-01-01", "2021-04-01", "I02:0.85", end="2023-12-31"),
    P("BXL-TR", "Travail de rue et accueil à bas seuil Bruxelles-Centre",
      "street_work;low_threshold_drop_in", "21004", "2019-06-01", "2020-06-01", "I01:0.85",
      survey=True, lang="fr"),
    P("BXL-MED", "Buurtbemiddeling drugsoverlast Brussel-Centrum", "nuisance_mediation", "21004",
      "2021-09-01", "2022-01-01", "I02:0.75", lag=2, lang="nl"),
    P("MOL-GP", "Gardiens de la paix quartier Gare de l'Ouest", "hotspot_presence", "21012",
      "2020-01-01", "2021-01-01", "I01:0.78", design="controlled_its", comparison="21015",
      survey=True, lang="fr"),
    P("SCH-COORD", "Coordination drogues Schaerbeek", "drug_coordination", "21015", "2019-01-01",
      "2019-09-01", monitors="I01", design="pre_post", phenomenon="both", lang="fr"),
    P("LIE-SCMR", "Salle de consommation à moindre risque de Liège",
      "drug_consumption_room;harm_reduction_nsp", "62063", "2020-02-01", "2020-09-01",
      "I03:0.65;I11:0.80", design="controlled_its", comparison="92094", survey=True),
    P("LIE-REINS", "Travail de rue et réinsertion post-carcérale Liège",
      "street_work;aftercare_reintegration", "62063", "2022-01-01", "2022-04-01", "I07:1.00:0.995",
      model="slope", lag=3, phenomenon="drug_crime"),
    P("CHA-ECH", "Comptoir d'échange de seringues de Charleroi",
      "harm_reduction_nsp;low_threshold_drop_in", "52011", "2019-06-01", "2020-04-01", "I03:0.70",
      design="controlled_its", comparison="92094"),
    P("CHA-MED", "Médiation et gardiens de la paix Ville-Basse",
      "nuisance_mediation;hotspot_presence", "52011", "2021-04-01", "2021-10-01", "I02:0.95",
      end="2024-06-30"),
    P("NAM-COORD", "Coordination drogues de Namur", "drug_coordination", "92094", "2019-01-01",
      "2019-10-01", monitors="I03;I11;I01", design="pre_post", phenomenon="both"),
    P("BAS-CA", "Plan drogues Centre Ardenne", "drug_coordination;early_intervention",
      "82039;82036;82038", "2021-01-01", "2021-09-01", "I02:0.80"),
)  # fmt: skip

#: project type -> monthly process/output indicators registered while the project runs.
TYPE_INDICATORS: dict[str, str] = {
    "street_work": "P04 O01 O03 O04 P08N O05 O06N", "drug_outreach": "P04 P05N P05D O01 O04 O05",
    "harm_reduction_nsp": "O07 O07N O08", "low_threshold_drop_in": "O01 O03 O04 O05 O06N",
    "drug_consumption_room": "O01 O04 O05 O06N", "drug_coordination": "P06N P06D P07",
    "nuisance_mediation": "O09 O09C O09A P09", "early_intervention": "O10S O10C O05 O06N",
    "justice_linked_referral": "P07 O05 O06N", "aftercare_reintegration": "O01 O05 O06N",
    "hotspot_presence": "P04 P05N P05D O08", "situational_measures": "O08 O11",
    "nightlife_party": "O11 O11P",
}  # fmt: skip
EVERY_PROJECT = "P01N P01D P03N P03D"
#: project type -> (yearly indicators, quarterly participant follow-up pairs)
FOLLOW_UP = {"street_work": ("O02D P10N P10D", ""), "justice_linked_referral": ("", "I09"),
             "aftercare_reintegration": ("", "I08 I10")}  # fmt: skip


def month_range(first: str = FIRST, last: str = LAST) -> pd.PeriodIndex:
    """The months from ``first`` to ``last``, by default the whole period, 2019-01 to 2025-12."""
    return pd.period_range(first, last, freq="M")


def language(p: ProjectSpec, region: str) -> str:
    """The language a project registers in a municipality of ``region``."""
    return {"Flanders": "nl", "Wallonia": "fr"}.get(region, p.lang or "fr")


def parse_effects(text: str) -> list[tuple[str, float, float]]:
    """``"I01:0.8;I03:0.85:0.99"`` → ``[("I01", 0.8, 1.0), ("I03", 0.85, 0.99)]``."""
    out = []
    for item in filter(None, text.split(";")):
        ind, *rr = item.split(":")
        out.append((ind, float(rr[0]) if rr else 1.0, float(rr[1]) if len(rr) > 1 else 1.0))
    return out


def monthly_indicators(p: ProjectSpec) -> list[str]:
    """The monthly process/output indicators a project registers, in order, once each."""
    types = " ".join(TYPE_INDICATORS[t] for t in p.types.split(";"))
    return list(dict.fromkeys(f"{EVERY_PROJECT} {types}".split()))


def projects_table(projects: tuple[ProjectSpec, ...] = PROJECTS) -> pd.DataFrame:
    """The ``projects`` table (canonical columns), one row per project (of :data:`PROJECTS`)."""
    its = [p.design in ("its", "controlled_its") for p in projects]
    return pd.DataFrame({
        "project_id": [p.project_id for p in projects],
        "name": [p.name for p in projects],
        "project_types": [p.types for p in projects],
        "lead_nis_code": [p.nis.split(";")[0] for p in projects],
        "nis_codes": [p.nis for p in projects],
        "phenomenon": [p.phenomenon for p in projects],
        "start_date": pd.to_datetime([p.start for p in projects]),
        "intervention_date": pd.to_datetime([p.intervention for p in projects]),
        "end_date": pd.to_datetime([p.end or None for p in projects]),
        "evaluation_design": [p.design for p in projects],
        "impact_model": [p.model if i else None for p, i in zip(projects, its, strict=True)],
        "lag_months": pd.array([p.lag if i else None for p, i in zip(projects, its, strict=True)],
                               dtype="Int64"),
        "comparison_nis_codes": [p.comparison or None for p in projects],
    })  # fmt: skip
