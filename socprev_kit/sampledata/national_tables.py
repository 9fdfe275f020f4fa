"""The tables of the national sample: context data for every municipality, projects, objectives,
project registrations and the ground truth.

Each municipality's monthly impact and context counts (``I01``, ``I02``, ``I03``, ``I07``,
``I11``, ``C01``, and the control outcome ``C03``, road accidents, which no project moves) are
drawn once, from the model of :mod:`socprev_kit.sampledata` (a negative
binomial with seasonality), at per capita rates that grow with population and urbanisation; a
project's planted change multiplies the means of its municipalities from the intervention month
plus its lag on. That series is the municipality's context data (the police statistic), and a
project registers the very same counts for the indicators it follows: the two never disagree.
Everything is on the 2025 geography (the statistics republished on today's municipalities).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import reference
from ..data.catalogue import indicator_catalogue
from .activity import process_series, survey_series
from .national_design import URBANISATION, national_projects, urbanisation
from .objectives import objectives_table
from .projects import ProjectSpec, language, month_range, parse_effects, projects_table
from .series import NOTES, REG_COLUMNS, SERIES, series_columns, series_rng

#: The impact and context counts every municipality has context data of.
CONTEXT_INDICATORS = ("I01", "I02", "I03", "I07", "I11", "C01", "C03")
CONTEXT_COLUMNS = ("nis_code", "municipality", "period", "indicator_id", "value", "source", "note")
#: Overdispersion (NB2 alpha) of the national series: more than a project's own register.
DISPERSION = {"I01": 0.04, "I02": 0.06, "I03": 0.05, "I07": 0.02, "I11": 0.08, "C01": 0.10,
              "C03": 0.03}  # fmt: skip
#: Who publishes each context series: the police, a health service, or the municipality itself.
PUBLISHERS = {
    "police": {"nl": "PCS federale politie",
               "fr": "Statistiques policières de criminalité (police fédérale)"},
    "health": {"nl": "FOD Volksgezondheid (dringende hulpverlening)",
               "fr": "SPF Santé publique (aide médicale urgente)"},
    "own": {"nl": "{kind} {name} (eigen registratie)", "fr": "{kind} {name} (registre propre)"},
    "kind": {"nl": ("Stad", "Gemeente"), "fr": ("Ville de", "Commune de")},
}  # fmt: skip
SOURCE_OF = {"I01": "police", "I02": "own", "I03": "own", "I07": "police", "I11": "health",
             "C01": "police", "C03": "police"}  # fmt: skip
TRUTH_COLUMNS = (
    "project_id", "nis_code", "indicator_id", "role", "intervention_period", "lag_months",
    "impact_model", "rate_ratio_level", "rate_ratio_slope", "baseline_rate_per_1000_per_month",
    "trend_per_month", "seasonal_amplitude", "seasonal_peak_month", "dispersion", "population",
    "population_before_2025",
)  # fmt: skip


def region_language(region: str) -> str:
    """The language of a municipality's own files: Dutch in Flanders, French elsewhere."""
    return "nl" if region == "Flanders" else "fr"


def make_national_data(seed: int) -> dict[str, pd.DataFrame]:
    """The national sample's tables; pure: the same ``seed`` gives equal tables.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``context`` (:data:`CONTEXT_COLUMNS`, every municipality, indicator and month),
        ``projects``, ``objectives``, ``registrations`` (the projects' own, as in the teaching
        sample) and ``ground_truth`` (one row per municipality and context indicator: ``role``
        ``treated`` with the project whose change was planted, possibly null, ``comparison`` for
        a comparison municipality of a project, ``context`` otherwise).
    """
    muni = reference.municipalities(2025).set_index("nis_code")
    projects = national_projects(muni, seed)
    truth = _truth_rows(muni, projects, seed)
    counts = _draw(truth, seed)
    context = _context(muni, truth, counts)
    regs = _registrations(muni, projects, counts, seed)
    cat = indicator_catalogue().set_index("indicator_id")
    return {
        "context": context,
        "projects": projects_table(projects),
        "objectives": objectives_table(regs, cat, muni, projects),
        "registrations": regs,
        "ground_truth": truth,
    }


def _truth_rows(muni: pd.DataFrame, projects: tuple[ProjectSpec, ...], seed: int) -> pd.DataFrame:
    """One row per municipality and indicator with the parameters its counts are drawn from."""
    planted, compared = {}, {}
    for p in projects:
        for ind, level, slope in parse_effects(p.effects):
            planted.update({(c, ind): (p, level, slope) for c in p.nis.split(";")})
            for c in filter(None, p.comparison.split(";")):
                compared.setdefault((c, ind), p)
    urban = urbanisation(muni)
    rows = []
    for nis in muni.index:
        pop = int(muni.at[nis, "population"])
        factor = URBANISATION[urban[nis]][1]
        for ind in CONTEXT_INDICATORS:
            rng = series_rng(seed, "context", nis, ind)
            rate, amp, peak, _ = SERIES[ind]
            rate *= factor * (pop / 1e5) ** 0.3 * np.exp(rng.normal(0, 0.2))
            p, level, slope = planted.get((nis, ind), (compared.get((nis, ind)), 1.0, 1.0))
            role = "treated" if (nis, ind) in planted else "comparison" if p else "context"
            rows.append({
                "project_id": p.project_id if p else None, "nis_code": nis, "indicator_id": ind,
                "role": role, "intervention_period": p.intervention[:7] if p else None,
                "lag_months": p.lag if p else None, "impact_model": p.model if role == "treated"
                else "none", "rate_ratio_level": level, "rate_ratio_slope": slope,
                "baseline_rate_per_1000_per_month": round(float(rate), 4),
                "trend_per_month": round(float(rng.uniform(-0.004, 0.002)), 5),
                "seasonal_amplitude": round(float(amp * rng.uniform(0.8, 1.2)), 3),
                "seasonal_peak_month": peak, "dispersion": DISPERSION[ind], "population": pop,
                "population_before_2025": pop,
            })  # fmt: skip
    out = pd.DataFrame(rows, columns=list(TRUTH_COLUMNS))
    out["lag_months"] = out["lag_months"].astype("Int64")
    return out


def _draw(truth: pd.DataFrame, seed: int) -> np.ndarray:
    """The monthly counts of every truth row (rows × 84 months), each from its own generator."""
    months = month_range()
    t = np.arange(len(months))
    month = np.asarray(months.month)
    first = months[0]
    out = np.empty((len(truth), len(months)), dtype=np.int64)
    for i, r in enumerate(truth.itertuples(index=False)):
        log_mu = (
            np.log(r.population / 1000)
            + np.log(r.baseline_rate_per_1000_per_month)
            + r.trend_per_month * t
            + r.seasonal_amplitude * np.cos(2 * np.pi * (month - r.seasonal_peak_month) / 12)
        )
        if r.role == "treated":
            t0 = (pd.Period(r.intervention_period, "M") - first).n + int(r.lag_months)
            post = t >= t0
            log_mu += np.log(r.rate_ratio_level) * post
            log_mu += np.log(r.rate_ratio_slope) * (t - t0) * post
        rng = series_rng(seed, "context counts", r.nis_code, r.indicator_id)
        alpha = r.dispersion
        out[i] = rng.poisson(rng.gamma(1 / alpha, alpha * np.exp(log_mu)))
    return out


def _context(muni: pd.DataFrame, truth: pd.DataFrame, counts: np.ndarray) -> pd.DataFrame:
    """The context table: every truth row's counts, with the municipality's name and source."""
    months = np.asarray(month_range().strftime("%Y-%m"), dtype=object)
    n_rows, n_months = counts.shape
    nis = truth["nis_code"].to_numpy(object)
    urban = urbanisation(muni)
    names, sources = [], []
    for code, ind in zip(nis, truth["indicator_id"], strict=True):
        lang = region_language(muni.at[code, "region"])
        name = muni.at[code, f"name_{lang}"]
        names.append(name)
        kind = PUBLISHERS["kind"][lang][urban[code] != "urban"]
        text = PUBLISHERS[SOURCE_OF[ind]][lang]
        sources.append(text.format(kind=kind, name=name) if SOURCE_OF[ind] == "own" else text)
    note = np.full((n_rows, n_months), None, dtype=object)
    langs = [region_language(muni.at[c, "region"]) for c in nis]
    note[:, -1] = [NOTES["provisional"][lang] for lang in langs]
    frame = pd.DataFrame({
        "nis_code": np.repeat(nis, n_months),
        "municipality": np.repeat(np.asarray(names, dtype=object), n_months),
        "period": np.tile(months, n_rows),
        "indicator_id": np.repeat(truth["indicator_id"].to_numpy(object), n_months),
        "value": counts.ravel().astype("float64"),
        "source": np.repeat(np.asarray(sources, dtype=object), n_months),
        "note": note.ravel(),
    })  # fmt: skip
    return frame.sort_values(["nis_code", "indicator_id", "period"], ignore_index=True)


def _registrations(
    muni: pd.DataFrame, projects: tuple[ProjectSpec, ...], counts: np.ndarray, seed: int
) -> pd.DataFrame:
    """Every project's registrations: the counts it follows (those of the context data), its
    process and output series and survey waves, as the teaching sample makes them."""
    index = {
        (nis, ind): i
        for i, (nis, ind) in enumerate((n, ind) for n in muni.index for ind in CONTEXT_INDICATORS)
    }
    months = month_range().strftime("%Y-%m")
    parts, with_c01 = [], set()
    for p in projects:
        followed = [i for i, *_ in parse_effects(p.effects) + parse_effects(p.monitors)]
        for nis in p.nis.split(";"):
            pop, lang = int(muni.at[nis, "population"]), language(p, muni.at[nis, "region"])
            mine = followed + ([] if nis in with_c01 else ["C01"])
            with_c01.add(nis)
            for ind in mine:
                notes = [None] * (len(months) - 1) + [NOTES["provisional"][lang]]
                values = counts[index[(nis, ind)]]
                parts.append(series_columns(p.project_id, nis, months, ind, values, lang, notes))
            parts += process_series(p, nis, pop, lang, seed)
            parts += survey_series(p, nis, lang, seed) if p.survey else []
    regs = pd.DataFrame({c: np.concatenate([part[c] for part in parts]) for c in REG_COLUMNS})
    return regs.sort_values(["project_id", "nis_code", "period", "indicator_id"], ignore_index=True)
