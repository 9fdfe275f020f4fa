"""Synthetic comparison municipalities: a weighted mix of untreated municipalities that tracks
the treated series before the intervention (Abadie, Diamond and Hainmueller 2010).

:func:`synthetic_control` matches the monthly rate per 1,000 inhabitants before the intervention;
the weights are >= 0 and sum to 1 (:mod:`.simplex`), so the synthetic series is an average of real
municipalities, never an extrapolation. Decisions, and the modules that hold them:

- **donors** (:mod:`.donors`): by default the municipalities of the treated one's region without a
  project of their own on the indicator (or a related one) during the series, and with a value
  in every month used (:mod:`.synthetic_panel`); or the list given;
- **at most ``max_donors``** (default 40): the donors whose mean rate before the start is closest
  to the treated one's. The weights of distant donors are almost always 0, and the placebos
  (one fit per donor) keep a report's computation under a few tenths of a second;
- **matched on the rates themselves** (per 1,000, month by month), not on covariates or summaries:
  the kit has the monthly series of every municipality and nothing richer to match on;
- **the effect** is a ratio of ratios (:mod:`.synthetic_placebos`): the after ratio of treated to
  synthetic divided by the before ratio, so that a small gap in level before the start is not an
  effect;
- **interval and p-value** from studentised in-space placebos (:mod:`.synthetic_placebos`: why, and
  why not conformal inference); with fewer than :data:`MIN_PLACEBOS` usable placebos there is none;
- **the convex-hull check** (:mod:`.hull`): is the treated series within the donors' range, and is
  the fit before the start as good as its count noise allows;
- **weights below 1e-4 are set to 0** (the others scaled to sum to 1, the synthetic series built
  from exactly the weights shown) and left out of ``weights``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .donors import municipality_names, project_municipalities, region_lookup
from .hull import HullCheck, hull_check
from .synthetic_panel import Panel, SyntheticDataError, build_panel
from .synthetic_placebos import Fit, fit_synthetic, placebo_fits, placebo_interval

__all__ = ["SyntheticDataError", "SyntheticResult", "synthetic_control"]

#: Months needed after the intervention (plus the lag).
MIN_AFTER = 3
#: Placebos needed for an interval.
MIN_PLACEBOS = 5
METHOD = "synthetic control, studentised in-space placebos"


@dataclass(frozen=True)
class SyntheticResult:
    """Result of :func:`synthetic_control`.

    Attributes
    ----------
    weights : pandas.DataFrame
        The donors with a weight (>= 1e-4), largest first: ``nis_code``, ``name`` (Dutch in
        Flanders, French elsewhere), ``name_nl``, ``name_fr``, ``weight`` (sum 1).
    pre_rmspe : float
        Root mean squared gap between treated and synthetic before the start, per 1,000.
    convex_hull : HullCheck
        Whether the treated series lies within the donors' range and the fit is acceptable
        (true or false as a whole; ``reason``, ``text(lang)``).
    effects : pandas.DataFrame
        One row like :attr:`ITSResult.effects`: ``term`` ``"level"``, ``rate_ratio``, ``ci_low``,
        ``ci_high``, ``p_value``, ``method``, ``note`` (why there is no interval, or "").
    series : pandas.DataFrame
        Per month used: ``period``, ``after`` (bool), ``treated`` and ``synthetic`` (counts:
        the synthetic rate times the treated population), ``population``,
        ``treated_per_1000``, ``synthetic_per_1000`` and ``expected_per_1000`` (the synthetic
        rate times the before ratio: what the effect compares the treated rate with).
    diagnostics : dict
        ``n_donors`` (the pool fitted), ``n_candidates`` (donors before the cap), ``excluded``
        (reason -> number: ``region``, ``own_project``, ``months``), ``n_pre``, ``n_post``,
        ``intervention`` (Period), ``lag``, ``treated`` (codes), ``region``, ``pre_ratio``,
        ``post_ratio``, ``n_placebos``, ``placebos`` (nis_code, rate_ratio, scale,
        statistic), ``scale`` (the treated one's), ``permutation_p``.
    """

    weights: pd.DataFrame
    pre_rmspe: float
    convex_hull: HullCheck
    effects: pd.DataFrame
    series: pd.DataFrame
    diagnostics: dict[str, Any] = field(default_factory=dict)


def _pool(
    panel: Panel, treated: list[str], options: dict
) -> tuple[list[str], dict[str, int], list[str]]:
    """The candidate donors, the reasons others were left out, and the treated regions."""
    region = region_lookup(options["region_of"])
    regions = sorted({str(region(c)) for c in treated})
    if options["donors"] is not None:
        wanted = [str(c) for c in options["donors"] if str(c) not in treated]
        lacking = [c for c in wanted if c not in panel.rates]
        if lacking:
            raise SyntheticDataError(
                f"the donor(s) {lacking} lack a value or a population in a month used: leave "
                "them out of donors=, or pass donors=None for the default pool"
            )
        return wanted, {}, regions
    if "None" in regions:
        raise SyntheticDataError(
            f"the region of {treated} is not in the municipality reference: pass region_of= "
            "(NIS code -> region) or an explicit list of donors="
        )
    months = pd.PeriodIndex(panel.periods, freq="M")
    window = (months[0].start_time, months[-1].end_time)
    own = project_municipalities(
        options["registrations"],
        options["projects"],
        indicator_id=options["indicator_id"],
        window=window,
    )
    codes = [c for c in panel.rates.columns if str(region(c)) in regions]
    excluded = {
        "region": panel.rates.shape[1] - len(codes),
        "own_project": sum(c in own for c in codes),
        "months": len([c for c in panel.incomplete if str(region(c)) in regions]),
    }
    return [c for c in codes if c not in own], excluded, regions


def _capped(panel: Panel, codes: list[str], max_donors: int) -> list[str]:
    """The ``max_donors`` donors closest to the treated mean rate before the start."""
    before = ~panel.after
    level = panel.treated_rate[before].mean()
    gap = (panel.rates.loc[before, codes].mean(axis=0) - level).abs()
    order = sorted(codes, key=lambda c: (gap[c], c))
    return order[:max_donors]


def _series(panel: Panel, fit: Fit) -> pd.DataFrame:
    pop = panel.treated_population
    return pd.DataFrame(
        {
            "period": list(panel.periods),
            "after": panel.after,
            "treated": panel.treated_count,
            "synthetic": fit.synthetic * pop / 1000.0,
            "population": pop,
            "treated_per_1000": panel.treated_rate,
            "synthetic_per_1000": fit.synthetic,
            "expected_per_1000": fit.synthetic * fit.pre_ratio,
        }
    )


def _weights(codes: list[str], fit: Fit) -> pd.DataFrame:
    names = municipality_names(codes).assign(weight=fit.weights)
    names = names[names["weight"] > 0].sort_values(["weight", "nis_code"], ascending=[False, True])
    return names[["nis_code", "name", "name_nl", "name_fr", "weight"]].reset_index(drop=True)


def _effects(fit: Fit, placebos: pd.DataFrame, alpha: float) -> tuple[pd.DataFrame, float]:
    low, high, p, perm = placebo_interval(fit, placebos, alpha)
    note = ""
    if len(placebos) < MIN_PLACEBOS:
        low = high = p = np.nan
        note = (
            f"{len(placebos)} usable placebo(s): at least {MIN_PLACEBOS} donors are needed for "
            "an interval (pass more donors=, or a larger max_donors=)"
        )
    row = {"term": "level", "rate_ratio": fit.rate_ratio, "ci_low": low, "ci_high": high,
           "p_value": p, "method": METHOD, "note": note}  # fmt: skip
    return pd.DataFrame([row]), perm


def synthetic_control(
    table: pd.DataFrame,
    *,
    treated: str | Sequence[str],
    indicator_id: str,
    intervention: str | pd.Timestamp | pd.Period,
    donors: Iterable[str] | None = None,
    population: str = "population",
    projects: pd.DataFrame | None = None,
    registrations: pd.DataFrame | None = None,
    region_of: Mapping[str, str] | Callable[[str], str | None] | None = None,
    alpha: float = 0.05,
    min_months: int = 12,
    max_donors: int = 40,
    lag: int = 0,
) -> SyntheticResult:
    """A synthetic comparison of the treated municipality (or area) on one indicator.

    Parameters
    ----------
    table
        A long monthly table of every municipality's series: ``nis_code``, ``indicator_id``,
        ``period`` ("YYYY-MM"), ``value`` (counts) and ``population`` (e.g.
        ``DataContext.series()``).
    treated
        A NIS code, or several (a project over several municipalities: summed).
    indicator_id
        The indicator.
    intervention
        The month the intervention started.
    donors
        None: the default pool (:mod:`.donors`); or the NIS codes to use.
    population
        The population column.
    projects
        The projects table (``Dataset.projects``) for the default pool: municipalities running
        a project with an impact model during the series are left out.
    registrations
        The project registrations' indicator table (``DataContext.table``): which indicators
        each project registers, so that only projects on this indicator (or a related one)
        leave their municipalities out. Without it, every active project with an impact model
        does (see :mod:`.donors`).
    region_of
        NIS code -> region (a mapping or a function); default the municipality reference.
    alpha
        1 - the interval's coverage.
    min_months
        Months needed before the intervention (3 are needed after it, from ``lag``).
    max_donors
        At most this many donors, the closest in level before the start.
    lag
        Months after the intervention left out (as in the ITS).

    Returns
    -------
    SyntheticResult

    Raises
    ------
    SyntheticDataError
        The treated series is absent or too short, or no donor is left.
    """
    codes = [str(treated)] if isinstance(treated, str | int) else [str(c) for c in treated]
    start = pd.Period(intervention, freq="M")
    panel = build_panel(
        table, treated=codes, indicator_id=indicator_id, intervention=start, lag=lag,
        population=population, min_months=min_months, min_after=MIN_AFTER,
    )  # fmt: skip
    options = {"donors": donors, "region_of": region_of, "projects": projects,
               "registrations": registrations, "indicator_id": indicator_id}  # fmt: skip
    pool, excluded, regions = _pool(panel, codes, options)
    if not pool:
        raise SyntheticDataError(
            f"no donor is left for {codes} on {indicator_id} (left out: {excluded}): pass "
            "donors= with municipalities that run no project on this indicator"
        )
    chosen = _capped(panel, pool, max_donors)
    X = panel.rates[chosen].to_numpy(float)
    y = panel.treated_rate
    fit = fit_synthetic(y, X, panel.after)
    if fit is None:
        raise SyntheticDataError(
            f"{indicator_id} of {codes} (or its synthetic series) is 0 in every month before "
            "or after the start: a ratio cannot be computed"
        )
    placebos = placebo_fits(panel.rates[chosen], panel.after)
    effects, perm = _effects(fit, placebos, alpha)
    before = ~panel.after
    hull = hull_check(y[before], X[before], panel.treated_count[before], fit.pre_rmspe)
    diagnostics = {
        "n_donors": len(chosen), "n_candidates": len(pool), "excluded": excluded,
        "n_pre": int(before.sum()), "n_post": int(panel.after.sum()), "intervention": start,
        "lag": lag, "treated": codes, "region": regions, "pre_ratio": fit.pre_ratio,
        "post_ratio": fit.post_ratio, "n_placebos": len(placebos), "placebos": placebos,
        "scale": fit.scale, "permutation_p": perm,
    }  # fmt: skip
    return SyntheticResult(
        weights=_weights(chosen, fit),
        pre_rmspe=fit.pre_rmspe,
        convex_hull=hull,
        effects=effects,
        series=_series(panel, fit),
        diagnostics=diagnostics,
    )
