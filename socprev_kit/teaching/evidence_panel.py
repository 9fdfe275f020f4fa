"""A simulated panel with a planted truth for notebook 08 (how strong is a finding).

The teaching sample has no context series of untreated municipalities, so notebook 08 makes its
own: one municipality with a project (``T00``) and :data:`N_DONORS` without (``D01`` ...), every
month from 2022-01 to 2026-06, the project starting in 2025-01. Decisions:

- **shared ups and downs**: every municipality follows the same season (a summer peak), a slow
  common fall and a common month-to-month movement (AR(1) on the log scale), plus its own AR(1)
  noise; counts are Poisson around that. So comparison municipalities are informative, as real
  ones of one region are, and the counts are overdispersed, as police and complaint counts are;
- **the treated municipality is a planted mix** of three donors (:data:`MIX`): its expected rate
  is their weighted expected rate, so a synthetic comparison has a true answer to find;
- **planted changes from the start** (:data:`TRUTH`): resident complaints (I02) fall by 30 %,
  drug offences registered by the police (C01, an effort indicator) rise by 40 % because the
  police check more, traffic accidents with injuries (C03, an outcome the project should not
  move) do not change;
- **one donor with a step** (:data:`SHOCKED`): its complaints fall by 40 % from
  :data:`SHOCK_DATE` (a new way of registering them), long before the start.

Everything is seeded: the notebook's outputs are the same on every run (nbval compares them).

>>> panel = simulate_panel()
>>> sorted(panel["indicator_id"].unique())
['C01', 'C03', 'I02']
>>> panel["nis_code"].nunique(), panel["period"].min(), panel["period"].max()
(26, '2022-01', '2026-06')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "DONORS",
    "MIX",
    "N_DONORS",
    "SHOCKED",
    "SHOCK_DATE",
    "START",
    "TREATED",
    "TRUTH",
    "planted_truth",
    "simulate_panel",
]

TREATED = "T00"
N_DONORS = 25
DONORS = tuple(f"D{i:02d}" for i in range(1, N_DONORS + 1))
#: The project's start and the months simulated.
START = "2025-01"
MONTHS = pd.period_range("2022-01", "2026-06", freq="M")
MONTH_KEYS = np.asarray(MONTHS.astype(str))
#: The planted rate ratio of each indicator in ``T00`` from the start.
TRUTH = {"I02": 0.70, "C01": 1.40, "C03": 1.00}
#: The treated municipality's expected rate: this mix of the donors' expected rates.
MIX = {"D03": 0.5, "D11": 0.3, "D19": 0.2}
#: A donor whose complaints (I02) fall by 40 % from a date long before the start.
SHOCKED, SHOCK_DATE, SHOCK = "D07", "2023-07", 0.60
#: Mean monthly rate per 1,000 inhabitants of each indicator (donors spread around it).
RATES = {"I02": 0.8, "C01": 0.5, "C03": 0.08}
#: Each municipality's own AR(1) movement (log scale): innovation sd and autocorrelation.
OWN_SD, OWN_RHO = 0.06, 0.4


def _common(rng: np.random.Generator) -> np.ndarray:
    """The log-scale movement all municipalities share: season, slow fall, AR(1)."""
    t = np.arange(len(MONTHS))
    season = 0.15 * np.cos(2 * np.pi * (np.asarray(MONTHS.month) - 7) / 12)
    shared = np.zeros(len(t))
    for i in range(1, len(t)):
        shared[i] = 0.5 * shared[i - 1] + rng.normal(0, 0.04)
    return season - 0.003 * t + shared


def _own_noise(rng: np.random.Generator, n: int, sd: float = OWN_SD) -> np.ndarray:
    """Each municipality's own AR(1) noise on the log scale (months x n)."""
    out = np.zeros((len(MONTHS), n))
    out[0] = rng.normal(0, sd / np.sqrt(1 - OWN_RHO**2), n)
    for i in range(1, len(MONTHS)):
        out[i] = OWN_RHO * out[i - 1] + rng.normal(0, sd, n)
    return out


def _indicator(rng: np.random.Generator, indicator: str, population: np.ndarray) -> np.ndarray:
    """Counts (months x donors and treated, treated last) of one indicator."""
    base = RATES[indicator] * rng.uniform(0.7, 1.3, N_DONORS)
    donors = base * np.exp(_common(rng)[:, None] + _own_noise(rng, N_DONORS)) / 1000
    columns = {code: i for i, code in enumerate(DONORS)}
    treated = sum(w * donors[:, columns[code]] for code, w in MIX.items())
    treated = treated * np.exp(_own_noise(rng, 1, sd=0.03)[:, 0])
    after = MONTH_KEYS >= START
    treated = np.where(after, TRUTH[indicator] * treated, treated)
    if indicator == "I02":
        shocked = columns[SHOCKED]
        step = MONTH_KEYS >= SHOCK_DATE
        donors[:, shocked] = np.where(step, SHOCK * donors[:, shocked], donors[:, shocked])
    rates = np.column_stack([donors, treated])
    return rng.poisson(rates * population[None, :])


def simulate_panel(seed: int = 8) -> pd.DataFrame:
    """The simulated panel: ``nis_code``, ``indicator_id``, ``period`` ("YYYY-MM"), ``value``
    (counts) and ``population``, one row per municipality, indicator and month."""
    rng = np.random.default_rng(seed)
    population = np.r_[rng.uniform(25_000, 60_000, N_DONORS).round(-2), 45_000.0]
    codes = [*DONORS, TREATED]
    frames = []
    for indicator in RATES:
        counts = _indicator(rng, indicator, population)
        frames.append(
            pd.DataFrame(
                {
                    "nis_code": np.tile(codes, len(MONTHS)),
                    "indicator_id": indicator,
                    "period": np.repeat(MONTH_KEYS, len(codes)),
                    "value": counts.ravel(),
                    "population": np.tile(population, len(MONTHS)),
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["indicator_id", "nis_code", "period"], ignore_index=True)


def planted_truth() -> pd.DataFrame:
    """What was planted: ``nis_code``, ``indicator_id``, ``rate_ratio_level`` (from
    :data:`START`, or from :data:`SHOCK_DATE` for the shocked donor) and ``from``."""
    rows = [(TREATED, ind, rr, START) for ind, rr in TRUTH.items()]
    rows.append((SHOCKED, "I02", SHOCK, SHOCK_DATE))
    return pd.DataFrame(rows, columns=["nis_code", "indicator_id", "rate_ratio_level", "from"])
