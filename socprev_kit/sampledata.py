"""Deterministic synthetic sample data: projects, objectives and registrations with known effects.

The municipalities (NIS codes, names, regions, populations) are real, from the shipped reference;
projects, objectives and every registered value are invented. Monthly impact and context counts are
drawn from a negative binomial segmented-regression model, and the parameters they were drawn from
come back as ``ground_truth``, so that an evaluation can be checked against the truth::

    log mu_t = log(pop / 1000) + log(rate) + trend * t + amp * cos(2 pi (month - peak) / 12)
               + log(rr_level) * post_t + log(rr_slope) * (t - t0) * post_t

``t`` counts months from 2019-01 (t = 0), ``t0`` is the intervention month plus the lag and
``post_t`` is ``t >= t0``; a count is Poisson with a gamma(1 / alpha, alpha * mu) mean (NB2,
variance ``mu + alpha mu**2``). The same seed gives equal tables and, where the format allows,
the same file bytes.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from . import reference
from .catalogue import indicator_catalogue

SEED = 2026
FIRST, LAST = "2019-01", "2025-12"
WAVES = (2019, 2022, 2025)
#: Written into workbook properties and zip entries, so that files do not depend on the clock.
FIXED_TIME = datetime(2026, 1, 1)


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

#: indicator -> (rate per 1,000 a month at 100,000 inhabitants, seasonal amplitude, peak, alpha)
SERIES: dict[str, tuple[float, float, int, float]] = {
    "I01": (0.50, 0.25, 7, 0.01), "I02": (0.30, 0.30, 7, 0.015), "I03": (0.30, 0.15, 8, 0.012),
    "I07": (2.00, 0.12, 12, 0.005), "I11": (0.03, 0.20, 7, 0.02), "C01": (0.42, 0.10, 10, 0.03),
}  # fmt: skip
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
#: Where a value comes from, by kind of indicator (see :func:`_source`).
SOURCES = {
    "nl": ("incidentenregister", "meldpunt overlast", "reinigingsdienst", "PCS federale politie",
           "hulpdiensten", "lokale veiligheidsbevraging", "opvolgingsregister",
           "projectadministratie"),
    "fr": ("registre des incidents", "guichet des plaintes", "service de propreté",
           "statistiques policières (BNG)", "services d'urgence", "enquête locale de sécurité",
           "registre de suivi", "administration du projet"),
}  # fmt: skip
NOTES = {
    "nl": ["ziekteverlof straathoekwerker", "vakantiesluiting inloopcentrum",
           "extra ronde na klacht van buurtbewoners", "overleg verplaatst door staking",
           "nieuwe medewerker in dienst", "registratie nagekeken door de coördinator"],
    "fr": ["congé de maladie d'un éducateur", "fermeture estivale du lieu d'accueil",
           "tournée supplémentaire après plainte des riverains", "réunion reportée (grève)",
           "main-d'œuvre renforcée : nouvel éducateur", "chiffres vérifiés par la coordinatrice"],
    "start": {"nl": "opstart van het project", "fr": "démarrage du projet"},
    "provisional": {"nl": "voorlopig cijfer", "fr": "chiffre provisoire"},
    "merged": {"nl": "nieuwe NIS-code na de fusie van 1 januari 2025",
               "fr": "nouveau code INS après la fusion du 1er janvier 2025"},
}  # fmt: skip
TEXTS = {
    "nl": {"nuisance": "Minder drugsoverlast en een veiliger gevoel in {area}.",
           "crime": "Minder druggerelateerde criminaliteit in {area}.",
           "survey": "Minder ervaren drugsoverlast in {area}: van {b} % naar {t} % van de "
                     "bewoners tegen {tp}.",
           "strategic": "Daling van het aantal {name} met {pct} % tegen {tp} (ten opzichte van "
                        "{bp}).",
           "P03": "Minstens {t} % van de geplande activiteiten wordt uitgevoerd in {tp}.",
           "operational": "{Name}: minstens {t} in {tp}.", "and": " en "},
    "fr": {"nuisance": "Moins de nuisances liées à la drogue et plus de sécurité à {area}.",
           "crime": "Moins de criminalité liée à la drogue à {area}.",
           "survey": "Moins de nuisances liées à la drogue ressenties à {area} : de {b} % à "
                     "{t} % des habitants d'ici {tp}.",
           "strategic": "Diminution de {pct} % du nombre {de}{name} d'ici {tp} (par rapport à "
                        "{bp}).",
           "P03": "Au moins {t} % des activités prévues sont réalisées en {tp}.",
           "operational": "{Name} : au moins {t} en {tp}.", "and": " et "},
}  # fmt: skip
#: Output indicators an operational objective may use, the first one a project registers.
OUTPUT_OBJECTIVES = ("P04", "O05", "O07", "O09", "O10S", "O08", "O11", "P06N")
OBJECTIVE_COLUMNS = ("project_id", "objective_id", "level", "text", "indicator_id",
                     "baseline_value", "baseline_period", "target_value",
                     "target_period")  # fmt: skip
REG_COLUMNS = ("project_id", "nis_code", "period", "indicator_id", "value", "source", "note")
HEADERS = {
    "nl": ("project", "NIS-code", "periode", "indicator", "waarde", "bron", "opmerking"),
    "fr": ("projet", "code INS", "période", "indicateur", "valeur", "source", "remarque"),
}
#: Flemish municipalities whose registrations come as a workbook instead of a CSV file.
XLSX_NIS = ("44021",)


# --- the public functions ------------------------------------------------------------------------


def make_sample_data(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Generate the sample data set; pure: the same ``seed`` gives equal tables.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``projects`` and ``objectives`` (canonical columns); ``registrations`` (canonical
        columns, NIS codes as registered: before 2025 a municipality merged on 1 January 2025
        writes its old code); ``ground_truth`` (one row per simulated monthly count series with
        the parameters of the model in the module docstring; ``role`` is ``treated`` for a planted
        change, possibly null, ``comparison`` or ``context`` for a series without one).

    Examples
    --------
    >>> sorted(make_sample_data(2026))
    ['ground_truth', 'objectives', 'projects', 'registrations']
    """
    muni = reference.municipalities(2025).set_index("nis_code")
    compared = {
        (c, ind)
        for q in PROJECTS
        for c in q.comparison.split(";")
        for ind, *_ in _effects(q.effects)
    }
    parts, truth, with_context = [], [], set()
    months = _months().strftime("%Y-%m")
    for p in PROJECTS:
        for nis in p.nis.split(";"):
            pop, lang = int(muni.at[nis, "population"]), _lang(p, muni.at[nis, "region"])
            series = [(i, (lv, sl), "treated") for i, lv, sl in _effects(p.effects)]
            for ind, *_ in _effects(p.monitors):
                series.append(
                    (ind, (1.0, 1.0), "comparison" if (nis, ind) in compared else "context")
                )
            if nis not in with_context:  # the first project in a municipality registers C01
                series.append(("C01", (1.0, 1.0), "context"))
                with_context.add(nis)
            for ind, rr, role in series:
                counts, row = _counts(p, nis, pop, seed, ind, rr, role)
                truth.append(row)
                notes = [None] * (len(counts) - 1) + [NOTES["provisional"][lang]]
                parts.append(_series(p.project_id, nis, months, ind, counts, lang, notes))
            parts += _process(p, nis, pop, lang, seed)
            parts += _surveys(p, nis, lang, seed) if p.survey else []
    regs = pd.DataFrame({c: np.concatenate([part[c] for part in parts]) for c in REG_COLUMNS})
    regs = regs.sort_values(["project_id", "nis_code", "period", "indicator_id"], ignore_index=True)
    regs = _as_registered(regs, muni)
    cat = indicator_catalogue().set_index("indicator_id")
    return {
        "projects": _projects_table(),
        "objectives": _objectives(regs, cat, muni),
        "registrations": regs,
        "ground_truth": pd.DataFrame(truth),
    }


def expected_counts(truth: pd.Series | dict, with_effect: bool = True) -> np.ndarray:
    """The mean monthly counts of a ground-truth row, 2019-01 to 2025-12 (84 values).

    Parameters
    ----------
    truth
        One row of ``ground_truth``.
    with_effect
        False gives the counterfactual: the same series without the planted change.

    Examples
    --------
    >>> row = make_sample_data()["ground_truth"].iloc[0]
    >>> bool((expected_counts(row) < expected_counts(row, with_effect=False)).any())
    True
    """
    months = _months()
    t = np.arange(len(months))
    t0 = (pd.Period(truth["intervention_period"], "M") - months[0]).n + int(truth["lag_months"])
    post = t >= t0
    season = np.cos(2 * np.pi * (np.asarray(months.month) - truth["seasonal_peak_month"]) / 12)
    log_mu = (
        np.log(truth["population"] / 1000)
        + np.log(truth["baseline_rate_per_1000_per_month"])
        + truth["trend_per_month"] * t
        + truth["seasonal_amplitude"] * season
    )
    if with_effect:
        log_mu += np.log(truth["rate_ratio_level"]) * post
        log_mu += np.log(truth["rate_ratio_slope"]) * (t - t0) * post
    return np.exp(log_mu)


def write_sample_data(out: Path, seed: int = SEED) -> list[Path]:
    """Write the sample data set: ``out/clean/`` (the data), ``ground_truth.csv``, ``README.md``.

    One registrations file per municipality: Flemish ones as CSV (``;``, decimal comma, UTF-8 with
    BOM, Dutch headers; Gent as xlsx), Walloon ones as CSV in Windows-1252 with French headers,
    Brussels ones as Parquet with canonical headers. Old ``registrations_*`` files in
    ``out/clean`` are removed first; nothing else in ``out`` is touched.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    out = Path(out)
    clean = out / "clean"
    clean.mkdir(parents=True, exist_ok=True)
    for stale in clean.glob("registrations_*"):
        stale.unlink()
    tables = make_sample_data(seed)
    region = reference.municipalities(2025).set_index("nis_code")["region"]
    written = [clean / "projects.xlsx"]
    _write_xlsx(written[0], {"projects": tables["projects"], "objectives": tables["objectives"]})
    regs = tables["registrations"]
    for nis, part in regs.groupby(reference.to_current_nis(regs["nis_code"]), sort=True):
        if region[nis] == "Brussels":
            written.append(clean / f"registrations_{nis}.parquet")
            _write_parquet(written[-1], part)
        elif nis in XLSX_NIS:
            written.append(clean / f"registrations_{nis}.xlsx")
            _write_xlsx(written[-1], {"registraties": _local_headers(part, "nl")})
        else:
            lang, encoding = ("nl", "utf-8-sig") if region[nis] == "Flanders" else ("fr", "cp1252")
            written.append(clean / f"registrations_{nis}.csv")
            written[-1].write_bytes(_csv_bytes(_local_headers(part, lang), encoding))
    written.append(out / "ground_truth.csv")
    tables["ground_truth"].to_csv(written[-1], index=False, lineterminator="\n")
    written.append(out / "README.md")
    written[-1].write_text(_readme(tables, written, seed), encoding="utf-8")
    return written


# --- registrations -------------------------------------------------------------------------------


def _rng(seed: int, *key: object) -> np.random.Generator:
    """A generator of its own per series, so that adding a series changes no other one."""
    return np.random.default_rng([seed, zlib.crc32("|".join(map(str, key)).encode())])


def _months(first: str = FIRST, last: str = LAST) -> pd.PeriodIndex:
    return pd.period_range(first, last, freq="M")


def _lang(p: ProjectSpec, region: str) -> str:
    return {"Flanders": "nl", "Wallonia": "fr"}.get(region, p.lang or "fr")


def _effects(text: str) -> list[tuple[str, float, float]]:
    """``"I01:0.8;I03:0.85:0.99"`` → ``[("I01", 0.8, 1.0), ("I03", 0.85, 0.99)]``."""
    out = []
    for item in filter(None, text.split(";")):
        ind, *rr = item.split(":")
        out.append((ind, float(rr[0]) if rr else 1.0, float(rr[1]) if len(rr) > 1 else 1.0))
    return out


def _source(ind: str, lang: str) -> str:
    kinds = {"I01": 0, "I02": 1, "I03": 2, "I07": 3, "C01": 3, "I11": 4, "I05": 5, "I06": 5}
    kind = kinds.get(ind, 5 if ind == "P11" else 6 if ind[:3] in ("I08", "I09", "I10") else 7)
    return SOURCES[lang][kind]


def _series(pid: str, nis: str, periods, ind: str, values, lang: str, notes=None) -> dict:
    # periods: period texts; values: numbers; notes: texts or None (all of the same length)
    """The columns of one registered series, as arrays (stacked by :func:`make_sample_data`)."""
    n = len(values)
    return {
        "project_id": np.full(n, pid, dtype=object),
        "nis_code": np.full(n, nis, dtype=object),
        "period": np.asarray(periods, dtype=object),
        "indicator_id": np.full(n, ind, dtype=object),
        "value": np.asarray(values, dtype="float64"),
        "source": np.full(n, _source(ind, lang), dtype=object),
        "note": np.full(n, None, dtype=object) if notes is None else np.asarray(notes, object),
    }


def _truth(rng: np.random.Generator, ind: str, pop: int) -> dict:
    """Draw a series' parameters, rounded: the table holds exactly the values used."""
    rate, amp, peak, alpha = SERIES[ind]
    rate *= (pop / 1e5) ** 0.3 * np.exp(rng.normal(0, 0.15))  # large cities: higher rates
    return {
        "baseline_rate_per_1000_per_month": round(float(rate), 4),
        "trend_per_month": round(float(rng.uniform(-0.004, 0.002)), 5),
        "seasonal_amplitude": round(float(amp * rng.uniform(0.8, 1.2)), 3),
        "seasonal_peak_month": peak,
        "dispersion": alpha,
        "population": pop,
    }


def _counts(p: ProjectSpec, nis: str, pop: int, seed: int, ind: str, rr: tuple, role: str):
    """One monthly count series, 2019-01 to 2025-12, and its ground-truth row."""
    rng = _rng(seed, p.project_id, nis, ind)
    truth = {
        "project_id": p.project_id, "nis_code": nis, "indicator_id": ind, "role": role,
        "intervention_period": p.intervention[:7], "lag_months": p.lag,
        "impact_model": p.model if role == "treated" else "none",
        "rate_ratio_level": rr[0], "rate_ratio_slope": rr[1], **_truth(rng, ind, pop),
    }  # fmt: skip
    mu = expected_counts(truth)
    alpha = truth["dispersion"]
    counts = rng.poisson(rng.gamma(1 / alpha, alpha * mu)) if alpha else rng.poisson(mu)
    return counts, truth


def _activity(rng: np.random.Generator, pop: int, months: pd.PeriodIndex) -> dict[str, np.ndarray]:
    """Every monthly process/output indicator of one project in one municipality.

    Levels grow with population, ramp up over six months, peak mildly in summer; parts are drawn
    as binomial shares of their whole, so a part never exceeds it.
    """
    n, s = len(months), max((pop / 1e5) ** 0.6, 0.08)
    k = np.arange(n)
    ramp = np.minimum(1.0, (k + 1) / 6)
    season = 1 + 0.1 * np.cos(2 * np.pi * (np.asarray(months.month) - 7) / 12)
    pois = lambda base: rng.poisson(base * ramp * season)  # noqa: E731
    fte = max(0.5, round(2.5 * s, 1))
    v = {"P01D": np.full(n, fte), "P01N": np.round(fte * rng.beta(18, 2, n), 2)}
    v["P03D"] = np.full(n, round(16 * fte))
    v["P03N"] = rng.binomial(v["P03D"], 0.9) + rng.poisson(0.5, n)
    v["P04"] = np.round(v["P01N"] * rng.uniform(35, 55, n) * ramp, 1)
    v["P05D"] = np.full(n, max(2, round(6 * s**0.5)))
    v["P05N"] = rng.binomial(v["P05D"], 0.55 + 0.3 * ramp)
    v["P06D"] = np.full(n, 2 if s > 0.5 else 1)
    v["P06N"] = rng.binomial(v["P06D"], 0.9)
    v["P07"] = pois(6 * s)
    v["O01"] = pois(60 * s)
    v["O03"] = rng.binomial(v["O01"], 0.1 + 0.4 * np.exp(-k / 18))
    v["O04"] = v["O01"] + rng.poisson(1.6 * v["O01"])
    v["P08N"] = rng.binomial(v["O04"], np.minimum(0.97, 0.82 + 0.003 * k))
    v["O05"] = pois(9 * s)
    v["O06N"] = rng.binomial(v["O05"], 0.6)
    v["O07"] = pois(2500 * s)
    v["O07N"] = rng.binomial(v["O07"], 0.72)
    v["O08"] = pois(8 * s**0.3)
    v["O09"], v["O09C"] = pois(6 * s), pois(5 * s)
    v["O09A"] = rng.binomial(v["O09C"], 0.65)
    v["P09"] = np.round(rng.gamma(4, 1.0, n), 1)
    v["O10S"] = pois(4 * s)
    v["O10C"] = rng.binomial(np.concatenate([np.zeros(3, int), v["O10S"]])[:n], 0.6)
    v["O11"] = pois(1.2)
    v["O11P"] = rng.poisson(18 * v["O11"])
    return v


def _process(p: ProjectSpec, nis: str, pop: int, lang: str, seed: int) -> list[dict]:
    """Process/output series from the project's start month to its end (or 2025-12)."""
    last = min(pd.Period(p.end or LAST, "M"), pd.Period(LAST, "M"))
    months = _months(p.start[:7], str(last))
    rng = _rng(seed, p.project_id, nis, "process")
    values = _activity(rng, pop, months)
    periods = months.strftime("%Y-%m")
    types = p.types.split(";")
    out = []
    for ind in _monthly_indicators(p):
        notes = np.where(
            rng.random(len(months)) < 0.015, rng.choice(NOTES[lang], len(months)), None
        )
        notes[0] = NOTES["start"][lang]
        out.append(_series(p.project_id, nis, periods, ind, values[ind], lang, notes))
    years = [str(y) for y in range(int(p.start[:4]), last.year + 1)]
    yearly = _yearly(rng, len(years), float(values["P01D"][0]), values["O01"])
    wanted = ["P02N", "P02D"] + [i for t in types for i in FOLLOW_UP.get(t, ("", ""))[0].split()]
    out += [_series(p.project_id, nis, years, i, yearly[i], lang) for i in dict.fromkeys(wanted)]
    quarters = pd.period_range(pd.Period(p.start, "Q") + 2, last.asfreq("Q"), freq="Q")
    for pair in (i for t in types for i in FOLLOW_UP.get(t, ("", ""))[1].split()):
        whole, part = _follow_up(rng, pair, pop, len(quarters))
        periods = quarters.strftime("%Y-Q%q")
        out.append(_series(p.project_id, nis, periods, f"{pair}D", whole, lang))
        out.append(_series(p.project_id, nis, periods, f"{pair}N", part, lang))
    return out


def _yearly(rng: np.random.Generator, n: int, fte: float, reached: np.ndarray) -> dict:
    """Yearly budget (euros), staff trained and the estimated target population."""
    allocated = np.full(n, round(fte * 62000, -2))
    staff = np.full(n, int(np.ceil(fte * 1.4)))
    return {
        "P02D": allocated,
        "P02N": np.round(allocated * rng.uniform(0.8, 1.01, n), 2),
        "P10D": staff,
        "P10N": rng.binomial(staff, np.minimum(1, 0.3 + 0.2 * np.arange(n))),
        "O02D": np.full(n, round(max(reached.mean(), 1) * 2.2)),
    }


def _follow_up(rng: np.random.Generator, pair: str, pop: int, n: int) -> tuple:
    """Quarterly participant follow-up: participants followed up, and those with the outcome."""
    base, share = {"I08": (8, 0.3), "I09": (10, 0.45), "I10": (6, 0.35)}[pair]
    whole = rng.poisson(base * max((pop / 1e5) ** 0.6, 0.08), n)
    return whole, rng.binomial(whole, share)


def _surveys(p: ProjectSpec, nis: str, lang: str, seed: int) -> list[dict]:
    """Survey waves (year periods): perceived nuisance, feeling unsafe, awareness of the project."""
    rng = _rng(seed, p.project_id, nis, "survey")
    after = np.array([y > int(p.intervention[:4]) for y in WAVES])
    rr = min(r for _, r, _ in _effects(p.effects))
    size = rng.integers(450, 900, len(WAVES))
    share = lambda prob: np.round(100 * rng.binomial(size, prob) / size, 1)  # noqa: E731
    waves = np.array([str(y) for y in WAVES])
    running = np.array([int(p.start[:4]) <= y <= int((p.end or LAST)[:4]) for y in WAVES])
    nuisance = share(rng.uniform(0.18, 0.32) * np.where(after, rr, 1))
    unsafe = share(rng.uniform(0.10, 0.20) * np.where(after, (1 + rr) / 2, 1))
    aware = share(0.2 + 0.15 * np.arange(len(WAVES)))
    return [
        _series(p.project_id, nis, waves, "I05", nuisance, lang),
        _series(p.project_id, nis, waves, "I06", unsafe, lang),
        _series(p.project_id, nis, waves[running], "P11", aware[running], lang),
    ]


def _as_registered(regs: pd.DataFrame, muni: pd.DataFrame) -> pd.DataFrame:
    """Before 2025, a merged municipality registered under its old code of the same name."""
    m = reference.mergers()
    m = m[(m["merger_wave"].dt.year == 2025) & (m["old_name_nl"] == m["new_name_nl"])]
    old = {new: o for o, new in zip(m["old_nis_code"], m["new_nis_code"], strict=True) if o != new}
    regs = regs.copy()
    merged = regs["nis_code"].isin(list(old))
    before = merged & (regs["period"].str[:4].astype(int) < 2025)
    first = merged & (regs["period"] == "2025-01") & (regs["indicator_id"] == "C01")
    regions = regs.loc[first, "nis_code"].map(muni["region"])
    regs.loc[first, "note"] = regions.map(
        lambda r: NOTES["merged"]["fr" if r == "Wallonia" else "nl"]
    )
    regs.loc[before, "nis_code"] = regs.loc[before, "nis_code"].map(old)
    return regs


# --- projects and objectives ---------------------------------------------------------------------


def _projects_table() -> pd.DataFrame:
    its = [p.design in ("its", "controlled_its") for p in PROJECTS]
    return pd.DataFrame({
        "project_id": [p.project_id for p in PROJECTS],
        "name": [p.name for p in PROJECTS],
        "project_types": [p.types for p in PROJECTS],
        "lead_nis_code": [p.nis.split(";")[0] for p in PROJECTS],
        "nis_codes": [p.nis for p in PROJECTS],
        "phenomenon": [p.phenomenon for p in PROJECTS],
        "start_date": pd.to_datetime([p.start for p in PROJECTS]),
        "intervention_date": pd.to_datetime([p.intervention for p in PROJECTS]),
        "end_date": pd.to_datetime([p.end or None for p in PROJECTS]),
        "evaluation_design": [p.design for p in PROJECTS],
        "impact_model": [p.model if i else None for p, i in zip(PROJECTS, its, strict=True)],
        "lag_months": pd.array([p.lag if i else None for p, i in zip(PROJECTS, its, strict=True)],
                               dtype="Int64"),
        "comparison_nis_codes": [p.comparison or None for p in PROJECTS],
    })  # fmt: skip


def _objectives(regs: pd.DataFrame, cat: pd.DataFrame, muni: pd.DataFrame) -> pd.DataFrame:
    """General, strategic and operational objectives, with baselines computed from the data."""
    sums = regs.groupby(["project_id", "indicator_id", "period"])["value"].sum()
    totals = {key: g.droplevel([0, 1]) for key, g in sums.groupby(level=[0, 1])}
    rows = []
    for p in PROJECTS:
        mine = {ind: s for (pid, ind), s in totals.items() if pid == p.project_id}
        codes = p.nis.split(";")
        lang = _lang(p, muni.at[codes[0], "region"])
        places = [muni.at[c, f"name_{lang}"] for c in codes]
        area = places[-1] if len(places) == 1 else ", ".join(places[:-1])
        area += "" if len(places) == 1 else TEXTS[lang]["and"] + places[-1]
        rows += [(p.project_id, *o) for o in _project_objectives(p, lang, area, mine, cat)]
    return pd.DataFrame(rows, columns=list(OBJECTIVE_COLUMNS))


def _project_objectives(
    p: ProjectSpec, lang: str, area: str, totals: dict[str, pd.Series], cat: pd.DataFrame
) -> list[tuple]:
    """One project's objectives: (id, level, text, indicator, baseline, period, target, period)."""
    words, out = TEXTS[lang], []
    found = partial(_observed, totals, cat)
    impact = [ind for ind, *_ in _effects(p.effects) + _effects(p.monitors)]
    if p.survey:
        b, bp, tp = found("I05", str(WAVES[0])), str(WAVES[0]), str(WAVES[-1])
        t = round(b - 5, 1)
        text = words["survey"].format(area=area, b=_dec(b), t=_dec(t), tp=tp)
        out.append(("G1", "general", text, "I05", b, bp, t, tp))
    else:
        b = found(impact[0], FIRST[:4])
        text = words["crime" if p.phenomenon == "drug_crime" else "nuisance"].format(area=area)
        out.append(("G1", "general", text, impact[0], b, FIRST[:4], round(0.7 * b), LAST[:4]))
    year = int(p.intervention[:4])
    bp, tp = str(max(year - 1, 2019)), str(min(year + 3, 2025))
    pct = 20 if p.effects else 10
    for n, ind in enumerate(impact, 1):
        b, name = found(ind, bp), cat.at[ind, f"name_{lang}"]
        name = name[0].lower() + name[1:]
        de = "d'" if name[0] in "aeiouéh" else "de "
        text = words["strategic"].format(name=name, pct=pct, tp=tp, bp=bp, de=de)
        out.append((f"S{n}", "strategic", text, ind, b, bp, round(b * (1 - pct / 100)), tp))
    start, end = pd.Timestamp(p.start), pd.Timestamp(p.end or LAST)
    bp = str(start.year + (start.month > 1 or start.day > 1))  # the first full calendar year
    tp = str(min(2025, end.year - (end.month < 12)))  # the last full calendar year
    text = words["P03"].format(t=95, tp=tp)
    out.append(("O1", "operational", text, "P03", found("P03", bp), bp, 95.0, tp))
    ind = next(i for i in OUTPUT_OBJECTIVES if i in _monthly_indicators(p))
    b = found(ind, bp)
    t = round(b * 1.15)
    text = words["operational"].format(Name=cat.at[ind, f"name_{lang}"], t=_dec(t), tp=tp)
    out.append(("O2", "operational", text, ind, b, bp, t, tp))
    return out


def _monthly_indicators(p: ProjectSpec) -> list[str]:
    """The monthly process/output indicators a project registers, in order, once each."""
    types = " ".join(TYPE_INDICATORS[t] for t in p.types.split(";"))
    return list(dict.fromkeys(f"{EVERY_PROJECT} {types}".split()))


def _observed(totals: dict[str, pd.Series], cat: pd.DataFrame, ind: str, period: str) -> float:
    """A project's value of ``ind`` over ``period`` (a year or a month), as the kit counts it.

    ``totals`` maps an indicator to the project's totals per period (summed over municipalities);
    ``cat`` is the catalogue indexed by ``indicator_id``.
    """
    info = cat.loc[ind]
    if info["kind"] == "derived":
        num, den = (_observed(totals, cat, info[c], period) for c in ("numerator", "denominator"))
        return round(float(info["factor"] * num / den), 1)
    s = totals[ind]
    s = s[(s.index == period) | s.index.str.fullmatch(rf"{period}-\d\d")]
    if info["aggregation"] == "mean":
        return round(float(s.mean()), 1)
    return round(float(s.iloc[-1] if info["aggregation"] == "last" else s.sum()), 2)


def _dec(x: float) -> str:
    """A number as Dutch and French running text has it: ``1 234,5``."""
    return f"{x:,.1f}".removesuffix(".0").replace(",", " ").replace(".", ",")


# --- files ---------------------------------------------------------------------------------------


def _local_headers(part: pd.DataFrame, lang: str) -> pd.DataFrame:
    return part[list(REG_COLUMNS)].set_axis(HEADERS[lang], axis=1)


def _cell(v: object) -> object:
    """A value as a worksheet or CSV cell wants it: None for blank, int for whole numbers."""
    if v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if isinstance(v, float | np.floating) and float(v).is_integer():
        return int(v)
    return v.item() if isinstance(v, np.generic) else v


def _csv_bytes(frame: pd.DataFrame, encoding: str) -> bytes:
    """``;``-separated, decimal comma, CRLF line ends, as Excel in Belgium saves a CSV file."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        cells = [_cell(v) for v in row]
        writer.writerow([str(c).replace(".", ",") if isinstance(c, float) else c for c in cells])
    return buf.getvalue().encode(encoding)


def _write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    """A workbook with fixed properties and zip timestamps: the same tables, the same bytes."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "socprev-kit sample-data"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    for title, frame in sheets.items():
        ws = wb.create_sheet(title)
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            ws.append([_cell(v) for v in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for column in ws.iter_cols():
            for cell in column[1:]:
                if cell.is_date:
                    cell.number_format = "yyyy-mm-dd"
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column[:200])
            ws.column_dimensions[column[0].column_letter].width = min(width + 2, 60)
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_fixed_zip(buf.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite an xlsx archive with every entry and the ``modified`` property at FIXED_TIME.

    openpyxl stamps ``modified`` with the clock when it saves, whatever the workbook says.
    """
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, content)
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6])
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            dst.writestr(fixed, content)
    return buf.getvalue()


def _write_parquet(path: Path, part: pd.DataFrame) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = part[list(REG_COLUMNS)].reset_index(drop=True)
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)


def _readme(tables: dict[str, pd.DataFrame], written: list[Path], seed: int) -> str:
    """The README of the sample data: what is where, how it was made, what is real."""
    muni = reference.municipalities(2025).set_index("nis_code")
    codes = tables["registrations"]["nis_code"].drop_duplicates()
    old = dict(zip(reference.to_current_nis(codes), codes, strict=True))
    old = {new: o for new, o in old.items() if new != o}
    files = {f.stem.split("_")[1]: f.name for f in written if f.name.startswith("registrations_")}
    munis = [
        f"| {n} | {muni.at[n, 'name_nl']} / {muni.at[n, 'name_fr']} | {muni.at[n, 'region']} "
        f"| {muni.at[n, 'population']:,} | `clean/{f}` | {old.get(n, '')} |"
        for n, f in files.items()
    ]
    treated = (
        tables["ground_truth"]
        .query("role == 'treated'")
        .drop_duplicates(["project_id", "indicator_id"])
    )
    change: dict[str, list[str]] = {}
    for r in treated.itertuples():
        slope = f", slope × {r.rate_ratio_slope:g}/month" if r.rate_ratio_slope != 1 else ""
        change.setdefault(r.project_id, []).append(
            f"{r.indicator_id} × {r.rate_ratio_level:g}{slope}"
        )
    projects = [
        f"| {p.project_id} | {p.name} | {p.nis.replace(';', ', ')} | "
        f"{p.types.replace(';', ', ')} | {p.start} – {p.end or '…'} | {p.intervention[:7]} "
        f"(+{p.lag}) | {p.design}{f' vs {p.comparison}' if p.comparison else ''} | "
        f"{'; '.join(change.get(p.project_id, ['none (comparison, monitoring)']))} |"
        for p in PROJECTS
    ]
    counts = {
        "seed": seed, "n_projects": len(PROJECTS), "n_obj": len(tables["objectives"]),
        "n_reg": f"{len(tables['registrations']):,}", "n_truth": len(tables["ground_truth"]),
    }  # fmt: skip
    return README.format(**counts, municipalities="\n".join(munis), projects="\n".join(projects))


README = """\
# Sample data: a synthetic registration data set

Generated by `socprev-kit sample-data --out sample_data --seed {seed}`
(code: `socprev_kit/sampledata.py`). Do not edit these files by hand: change the generator and run
the command again; `tests/test_sampledata.py` checks that the committed files match the code.

## What is where

- `clean/`: one clean data set; `socprev-kit validate sample_data/clean` finds no errors (two
  `merged_nis` warnings, see below, and a note per Windows-1252 file).
- `clean/projects.xlsx`: sheets `projects` ({n_projects} projects) and `objectives`
  ({n_obj} objectives); English canonical headers, dates as Excel dates, lists `;`-separated.
- `clean/registrations_<NIS>.*`: the registrations ({n_reg} rows), one file per municipality
  (2025 NIS code). An intermunicipal project's rows are in each participating municipality's file.
- `ground_truth.csv`: the parameters of every simulated monthly count series ({n_truth} series).
- `messy/` (if present): deliberately broken files, made separately, not by this command.

Formats, as municipalities send them:

- Flanders: CSV, `;` separator, decimal comma, UTF-8 with BOM, Dutch headers
  (`project;NIS-code;periode;indicator;waarde;bron;opmerking`); Gent as an `.xlsx` workbook
  (sheet `registraties`) with the same headers.
- Wallonia: CSV, `;` separator, decimal comma, Windows-1252 (cp1252), French headers
  (`projet;code INS;période;indicateur;valeur;source;remarque`).
- Brussels: Parquet with the canonical headers
  (`project_id, nis_code, period, indicator_id, value, source, note`).

Periods are months (`2024-03`) for monthly indicators, years (`2024`) for yearly indicators and
survey waves (2019, 2022, 2025), quarters (`2024-Q1`) for participant follow-up. Derived indicators
are never written, only their registered parts (e.g. `O05` and `O06N` for `O06`).

## Municipalities

Hasselt and Bastogne were created by the mergers of 1 January 2025. Their registrations before
2025 carry the old code of the predecessor with the same name, as real registrations do, so the
validator warns (`merged_nis`) and maps them to the new code.

| NIS | name (nl / fr) | region | population | file | code before 2025 |
|---|---|---|---|---|---|
{municipalities}

## Projects and the planted changes

| project | name | municipalities | types | running | intervention (+lag) | design | change |
|---|---|---|---|---|---|---|---|
{projects}

## How the values were made

Every monthly impact and context count (`I01`, `I02`, `I03`, `I07`, `I11`, `C01`) runs from 2019-01
to 2025-12 and is drawn from a negative binomial (NB2) segmented regression:

    log mu_t = log(population / 1000) + log(baseline_rate_per_1000_per_month)
               + trend_per_month * t
               + seasonal_amplitude * cos(2 pi (month - seasonal_peak_month) / 12)
               + log(rate_ratio_level) * post_t + log(rate_ratio_slope) * (t - t0) * post_t
    count_t ~ Poisson(Gamma(shape = 1 / dispersion, scale = dispersion * mu_t))

`t` counts the months since 2019-01 (t = 0), `t0` is the `intervention_period` plus `lag_months`,
`post_t = 1` from `t0` on, and `month` is the calendar month. `ground_truth.csv` has one row per
series with exactly the parameters used. `role` is `treated` (a planted change; ANT-CAS has a null
change, rate ratio 1), `comparison` (a comparison municipality's series, no change) or `context`
(no change). `nis_code` is the 2025 code; `population` is the constant used (1 January 2020, on the
2025 geography). `socprev_kit.sampledata.expected_counts(row)` gives a row's monthly means, with or
without the change. Changes persist to 2025-12, also after a project has ended. Series in small
municipalities have small counts and zeros: their changes are planted but cannot be detected.

Process and output indicators are registered only while a project runs (start month to end month
or 2025-12), with a ramp-up over the first six months, mild seasonality and Poisson or binomial
noise; parts never exceed their whole (e.g. `O06N` <= `O05`, `P05N` <= `P05D`). Budgets (`P02N`,
`P02D`) are yearly; survey indicators (`I05`, `I06`, `P11`) come in waves. Objective baselines are
computed from the registered values with the catalogue's aggregation.

## What is real and what is synthetic

- Real: NIS codes, Dutch and French names, regions, the 1 January 2025 mergers and the populations
  (Statbel, 1 January 2020; for a merged municipality the sum of its predecessors), from the kit's
  reference data; indicator ids and code lists from the kit's catalogue.
- Synthetic: every project, name, objective, value, note and source. The names are plausible but
  invented and describe no real project. Magnitudes are kept plausible (drug offences `C01` near
  5 per 1,000 inhabitants a year, more in large cities), but no figure is a real statistic. No
  COVID-19 disruption and no population change are simulated.
"""
