"""One registered series: its columns, sources and notes; and the count model of impact series.

A monthly impact or context count is drawn from the negative binomial segmented regression of the
package docstring (:mod:`socprev_kit.sampledata`); :func:`expected_counts` gives its means.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from .projects import ProjectSpec, month_range

#: indicator -> (rate per 1,000 a month at 100,000 inhabitants, seasonal amplitude, peak, alpha)
SERIES: dict[str, tuple[float, float, int, float]] = {
    "I01": (0.50, 0.25, 7, 0.01), "I02": (0.30, 0.30, 7, 0.015), "I03": (0.30, 0.15, 8, 0.012),
    "I07": (2.00, 0.12, 12, 0.005), "I11": (0.03, 0.20, 7, 0.02), "C01": (0.42, 0.10, 10, 0.03),
    "C03": (0.27, 0.10, 6, 0.01),
}  # fmt: skip
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
#: The year of the mergers: before it a merged municipality registered under its old code.
MERGER_YEAR = 2025
REG_COLUMNS = ("project_id", "nis_code", "period", "indicator_id", "value", "source", "note")


def series_rng(seed: int, *key: object) -> np.random.Generator:
    """A generator of its own per series, so that adding a series changes no other one."""
    return np.random.default_rng([seed, zlib.crc32("|".join(map(str, key)).encode())])


def _source(ind: str, lang: str) -> str:
    kinds = {
        "I01": 0,
        "I02": 1,
        "I03": 2,
        "I07": 3,
        "C01": 3,
        "C03": 3,
        "I11": 4,
        "I05": 5,
        "I06": 5,
    }
    kind = kinds.get(ind, 5 if ind == "P11" else 6 if ind[:3] in ("I08", "I09", "I10") else 7)
    return SOURCES[lang][kind]


def series_columns(pid: str, nis: str, periods, ind: str, values, lang: str, notes=None) -> dict:
    # periods: period texts; values: numbers; notes: texts or None (all of the same length)
    """The columns of one registered series, as arrays (stacked into the registrations table)."""
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


def expected_counts(truth: pd.Series | dict, with_effect: bool = True) -> np.ndarray:
    """The mean monthly counts of a ground-truth row, 2019-01 to 2025-12 (84 values).

    Parameters
    ----------
    truth
        One row of ``ground_truth``.
    with_effect
        False gives the counterfactual: the same series without the planted change (a row
        without an ``intervention_period`` has none).

    Examples
    --------
    >>> from socprev_kit.sampledata import make_sample_data
    >>> row = make_sample_data()["ground_truth"].iloc[0]
    >>> bool((expected_counts(row) < expected_counts(row, with_effect=False)).any())
    True
    """
    months = month_range()
    t = np.arange(len(months))
    start = truth["intervention_period"]
    t0 = (pd.Period(start, "M") - months[0]).n + int(truth["lag_months"]) if pd.notna(start) else 0
    post = t >= t0
    season = np.cos(2 * np.pi * (np.asarray(months.month) - truth["seasonal_peak_month"]) / 12)
    before = truth.get("population_before_2025", truth["population"])
    before = truth["population"] if pd.isna(before) else before
    pop = np.where(np.asarray(months.year) < MERGER_YEAR, before, truth["population"])
    log_mu = (
        np.log(pop / 1000)
        + np.log(truth["baseline_rate_per_1000_per_month"])
        + truth["trend_per_month"] * t
        + truth["seasonal_amplitude"] * season
    )
    if with_effect and pd.notna(truth["intervention_period"]):  # no change planted: no period
        log_mu += np.log(truth["rate_ratio_level"]) * post
        log_mu += np.log(truth["rate_ratio_slope"]) * (t - t0) * post
    return np.exp(log_mu)


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


def impact_counts(
    p: ProjectSpec, nis: str, pop: tuple[int, int], seed: int, ind: str, rr: tuple, role: str
):
    """One monthly count series, 2019-01 to 2025-12, and its ground-truth row.

    ``pop``: the population of the municipality and of the territory it registered before 2025
    (smaller for a municipality merged in 2025 that registered under its old code). The counts
    of the whole territory are drawn, then those before 2025 thinned to the old territory's share
    (binomially: a gamma-Poisson count stays gamma-Poisson with the same dispersion), so that
    adding the thinning changed no count of 2025 nor of any other series.
    """
    rng = series_rng(seed, p.project_id, nis, ind)
    truth = {
        "project_id": p.project_id, "nis_code": nis, "indicator_id": ind, "role": role,
        "intervention_period": p.intervention[:7], "lag_months": p.lag,
        "impact_model": p.model if role == "treated" else "none",
        "rate_ratio_level": rr[0], "rate_ratio_slope": rr[1], **_truth(rng, ind, pop[0]),
        "population_before_2025": pop[1],
    }  # fmt: skip
    mu = expected_counts({**truth, "population_before_2025": pop[0]})
    alpha = truth["dispersion"]
    counts = rng.poisson(rng.gamma(1 / alpha, alpha * mu)) if alpha else rng.poisson(mu)
    if pop[1] != pop[0]:
        before = np.asarray(month_range().year) < MERGER_YEAR
        thin = series_rng(seed, p.project_id, nis, ind, "before 2025")
        counts[before] = thin.binomial(counts[before], pop[1] / pop[0])
    return counts, truth
