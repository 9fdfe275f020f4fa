"""The four tables of the sample data set: projects, objectives, registrations and ground truth."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import reference
from ..data.catalogue import indicator_catalogue
from .activity import process_series, survey_series
from .objectives import objectives_table
from .projects import (
    PROJECTS,
    SEED,
    ProjectSpec,
    language,
    month_range,
    parse_effects,
    projects_table,
)
from .series import NOTES, REG_COLUMNS, impact_counts, series_columns


def make_sample_data(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Generate the sample data set; pure: the same ``seed`` gives equal tables.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``projects`` and ``objectives`` (canonical columns); ``registrations`` (canonical
        columns, NIS codes as registered: before 2025 a municipality merged on 1 January 2025
        writes its old code); ``ground_truth`` (one row per simulated monthly count series with
        the parameters of the model in the package docstring; ``role`` is ``treated`` for a
        planted change, possibly null, ``comparison`` or ``context`` for a series without one).

    Examples
    --------
    >>> sorted(make_sample_data(2026))
    ['ground_truth', 'objectives', 'projects', 'registrations']
    """
    muni = reference.municipalities(2025).set_index("nis_code")
    regs, truth = _registrations(seed, muni)
    cat = indicator_catalogue().set_index("indicator_id")
    return {
        "projects": projects_table(),
        "objectives": objectives_table(regs, cat, muni),
        "registrations": regs,
        "ground_truth": pd.DataFrame(truth),
    }


def _registrations(seed: int, muni: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Every project's series in every municipality, and the ground-truth rows of the counts."""
    compared = {
        (c, ind)
        for q in PROJECTS
        for c in q.comparison.split(";")
        for ind, *_ in parse_effects(q.effects)
    }
    parts, truth, with_context = [], [], set()
    before = _population_before_2025(muni)
    for p in PROJECTS:
        for nis in p.nis.split(";"):
            pop, lang = int(muni.at[nis, "population"]), language(p, muni.at[nis, "region"])
            series = [(i, (lv, sl), "treated") for i, lv, sl in parse_effects(p.effects)]
            for ind, *_ in parse_effects(p.monitors):
                series.append(
                    (ind, (1.0, 1.0), "comparison" if (nis, ind) in compared else "context")
                )
            if nis not in with_context:  # the first project in a municipality registers C01
                series.append(("C01", (1.0, 1.0), "context"))
                with_context.add(nis)
            counts, rows = _impact(p, nis, (pop, before[nis]), lang, seed, series)
            parts, truth = parts + counts, truth + rows
            parts += process_series(p, nis, pop, lang, seed)
            parts += survey_series(p, nis, lang, seed) if p.survey else []
    regs = pd.DataFrame({c: np.concatenate([part[c] for part in parts]) for c in REG_COLUMNS})
    regs = regs.sort_values(["project_id", "nis_code", "period", "indicator_id"], ignore_index=True)
    return _as_registered(regs, muni), truth


def _impact(
    p: ProjectSpec, nis: str, pop: tuple[int, int], lang: str, seed: int, series: list[tuple]
) -> tuple[list[dict], list[dict]]:
    """The monthly count series of one project in one municipality, and their ground truth.

    ``pop``: the population now and that of the territory registered before 2025; ``series``
    holds ``(indicator, (rate ratio of the level, of the slope), role)``.
    """
    months = month_range().strftime("%Y-%m")
    parts, truth = [], []
    for ind, rr, role in series:
        counts, row = impact_counts(p, nis, pop, seed, ind, rr, role)
        truth.append(row)
        notes = [None] * (len(counts) - 1) + [NOTES["provisional"][lang]]
        parts.append(series_columns(p.project_id, nis, months, ind, counts, lang, notes))
    return parts, truth


def _old_codes() -> dict[str, str]:
    """2025 code → the old code of the same name it registered under before 2025."""
    m = reference.mergers()
    m = m[(m["merger_wave"].dt.year == 2025) & (m["old_name_nl"] == m["new_name_nl"])]
    return {new: o for o, new in zip(m["old_nis_code"], m["new_nis_code"], strict=True) if o != new}


def _population_before_2025(muni: pd.DataFrame) -> dict[str, int]:
    """The 2020 population of the territory each municipality registered for before 2025 (its
    old code's: Hasselt 71022 without Kortessem, Antwerpen 11002 without Borsbeek)."""
    codes = pd.Series(muni.index, dtype=object)
    codes = codes.map(lambda c: _old_codes().get(c, c))
    area = reference.registered_area(codes, pd.Series(2024, index=codes.index))
    pop = reference.population(2020).query("year == 2020").set_index("nis_code")["population"]
    sums = [int(sum(pop[c] for c in a.split(";"))) for a in area]
    return dict(zip(muni.index, sums, strict=True))


def _as_registered(regs: pd.DataFrame, muni: pd.DataFrame) -> pd.DataFrame:
    """Before 2025, a merged municipality registered under its old code of the same name."""
    old = _old_codes()
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
