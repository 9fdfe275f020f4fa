"""What a project registers about its own work: process and output series, budgets, follow-up and
survey waves, each drawn with its own generator."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .projects import (
    FOLLOW_UP,
    LAST,
    WAVES,
    ProjectSpec,
    month_range,
    monthly_indicators,
    parse_effects,
)
from .series import NOTES, series_columns, series_rng


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


def process_series(p: ProjectSpec, nis: str, pop: int, lang: str, seed: int) -> list[dict]:
    """Process/output series from the project's start month to its end (or 2025-12)."""
    last = min(pd.Period(p.end or LAST, "M"), pd.Period(LAST, "M"))
    months = month_range(p.start[:7], str(last))
    rng = series_rng(seed, p.project_id, nis, "process")
    values = _activity(rng, pop, months)
    periods = months.strftime("%Y-%m")
    types = p.types.split(";")
    out = []
    for ind in monthly_indicators(p):
        notes = np.where(
            rng.random(len(months)) < 0.015, rng.choice(NOTES[lang], len(months)), None
        )
        notes[0] = NOTES["start"][lang]
        out.append(series_columns(p.project_id, nis, periods, ind, values[ind], lang, notes))
    years = [str(y) for y in range(int(p.start[:4]), last.year + 1)]
    yearly = _yearly(rng, len(years), float(values["P01D"][0]), values["O01"])
    wanted = ["P02N", "P02D"] + [i for t in types for i in FOLLOW_UP.get(t, ("", ""))[0].split()]
    out += [
        series_columns(p.project_id, nis, years, i, yearly[i], lang) for i in dict.fromkeys(wanted)
    ]
    quarters = pd.period_range(pd.Period(p.start, "Q") + 2, last.asfreq("Q"), freq="Q")
    for pair in (i for t in types for i in FOLLOW_UP.get(t, ("", ""))[1].split()):
        whole, part = _follow_up(rng, pair, pop, len(quarters))
        periods = quarters.strftime("%Y-Q%q")
        out.append(series_columns(p.project_id, nis, periods, f"{pair}D", whole, lang))
        out.append(series_columns(p.project_id, nis, periods, f"{pair}N", part, lang))
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


def survey_series(p: ProjectSpec, nis: str, lang: str, seed: int) -> list[dict]:
    """Survey waves (year periods): perceived nuisance, feeling unsafe, awareness of the project."""
    rng = series_rng(seed, p.project_id, nis, "survey")
    after = np.array([y > int(p.intervention[:4]) for y in WAVES])
    rr = min(r for _, r, _ in parse_effects(p.effects))
    size = rng.integers(450, 900, len(WAVES))
    share = lambda prob: np.round(100 * rng.binomial(size, prob) / size, 1)  # noqa: E731
    waves = np.array([str(y) for y in WAVES])
    running = np.array([int(p.start[:4]) <= y <= int((p.end or LAST)[:4]) for y in WAVES])
    nuisance = share(rng.uniform(0.18, 0.32) * np.where(after, rr, 1))
    unsafe = share(rng.uniform(0.10, 0.20) * np.where(after, (1 + rr) / 2, 1))
    aware = share(0.2 + 0.15 * np.arange(len(WAVES)))
    return [
        series_columns(p.project_id, nis, waves, "I05", nuisance, lang),
        series_columns(p.project_id, nis, waves, "I06", unsafe, lang),
        series_columns(p.project_id, nis, waves[running], "P11", aware[running], lang),
    ]
