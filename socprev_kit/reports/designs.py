"""One change, several designs (issue 17 item 6): the interrupted time series of a project's
impact count, controlled and not, the difference-in-differences and the synthetic comparison,
side by side, so that no single model carries the conclusion.

- **ITS**: the series alone (the report's fit, or refitted without the comparisons when the
  report's is controlled), with the same options (:func:`~socprev_kit.reports.interrupted.fit_its`).
- **Controlled ITS**: the report's fit when the project's comparison municipalities were used.
- **Difference-in-differences**: the same treated and comparison months, before the start and from
  the start plus the lag on (quasi-Poisson rate ratio,
  :func:`~socprev_kit.evaluation.controlled.difference_in_differences`). Its interval treats the
  months as independent, so it is narrower than the ITS's when they are not: the table says so.
- **Synthetic comparison**: :func:`~socprev_kit.evaluation.evidence.synthetic.synthetic_control`
  on every municipality's series (context data) with its default donors.

Each design gets its rating (:mod:`socprev_kit.reports.strength`); a design that cannot be used
gets the reason. The sentence on agreement reads the intervals only: all below 1 (or all above),
all around 1, some below and some around it, or some below and some above (conflict).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..evaluation.controlled import difference_in_differences
from ..evaluation.evidence.rating import Rating, rate_finding
from ..evaluation.evidence.synthetic import SyntheticDataError, SyntheticResult, synthetic_control
from ..evaluation.its import ITSDataError, TooFewPointsError
from .evaluate import catalogue
from .interrupted import ITSOutcome, fit_its
from .report import ALL, Report, within
from .strength import finding_rating, outcome_rating

__all__ = ["DESIGNS", "DesignEstimate", "agreement", "design_estimates"]

#: The designs, in the order the table and the forest plot show them.
DESIGNS = ("its", "controlled_its", "did", "synthetic")


@dataclass(frozen=True)
class DesignEstimate:
    """One design's level change (a rate ratio with its 95 % interval), or the reason (a text
    key of :mod:`socprev_kit.reports.texts`) it has none; its rating; the synthetic result."""

    design: str
    rate_ratio: float = np.nan
    ci_low: float = np.nan
    ci_high: float = np.nan
    reason: str = ""
    rating: Rating | None = None
    synthetic: SyntheticResult | None = None

    @property
    def verdict(self) -> int | None:
        """-1 interval below 1, +1 above, 0 around it, None without an interval."""
        if not (np.isfinite(self.ci_low) and np.isfinite(self.ci_high)):
            return None
        return -1 if self.ci_high < 1 else 1 if self.ci_low > 1 else 0


def _level(effects: pd.DataFrame) -> dict:
    row = effects.set_index("term").loc["level"] if "term" in effects else effects.iloc[0]
    return {k: float(row[k]) for k in ("rate_ratio", "ci_low", "ci_high")}


def _project(report: Report, outcome: ITSOutcome) -> pd.Series:
    return report.projects.set_index("project_id").loc[outcome.unit.project_id]


def _its(report: Report, outcome: ITSOutcome) -> DesignEstimate:
    result = outcome.result
    if outcome.comparisons:
        try:
            result = fit_its(outcome.series, None, outcome.intervention, _project(report, outcome))[
                0
            ]
        except (TooFewPointsError, ITSDataError, ValueError, np.linalg.LinAlgError):
            return DesignEstimate("its", reason="design_unfit")
    rating = finding_rating(result, outcome.indicator_id, design="its")
    return DesignEstimate("its", **_level(result.effects), rating=rating)


def _controlled(report: Report, outcome: ITSOutcome) -> DesignEstimate:
    if not outcome.comparisons:
        return DesignEstimate("controlled_its", reason="design_no_comparison")
    level = _level(outcome.result.effects)
    return DesignEstimate("controlled_its", **level, rating=outcome_rating(report, outcome))


def _did(report: Report, outcome: ITSOutcome) -> DesignEstimate:
    if outcome.control is None:
        return DesignEstimate("did", reason="design_no_comparison")
    project, cols = _project(report, outcome), ["period", "value", "population"]
    lag = 0 if pd.isna(project["lag_months"]) else int(project["lag_months"])
    start = pd.Period(outcome.intervention, freq="M")
    pre, post = str(start - 1), str(start + lag)
    treated, control = outcome.series[cols], outcome.control[cols]
    periods = sorted(set(treated["period"]) | set(control["period"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = difference_in_differences(
            treated, control, pre=(periods[0], pre), post=(post, periods[-1]),
            population="population",
        )  # fmt: skip
    level = _level(out)
    n_pre = int((treated["period"] <= pre).sum())
    n_post = int((treated["period"] >= post).sum())
    trend = outcome.result.effects.set_index("term")
    comparable = None
    if "trend_difference" in trend.index:
        comparable = bool(
            trend.at["trend_difference", "ci_low"] <= 1 <= trend.at["trend_difference", "ci_high"]
        )
    rating = rate_finding(
        "did", n_pre=n_pre, n_post=n_post, comparable=comparable,
        n_units=len(outcome.comparisons),
        effort=bool(catalogue()["effort"].get(outcome.indicator_id, False)),
    )  # fmt: skip
    return DesignEstimate("did", **level, rating=rating)


def _synthetic(report: Report, outcome: ITSOutcome) -> DesignEstimate:
    project = _project(report, outcome)
    codes = [outcome.unit.area] if outcome.unit.area != ALL else list(project["nis_codes"])
    lag = 0 if pd.isna(project["lag_months"]) else int(project["lag_months"])
    ctx = report.ctx
    table = within(ctx.series(), report.start, report.end)
    try:
        found = synthetic_control(
            table, treated=codes, indicator_id=outcome.indicator_id,
            intervention=outcome.intervention, projects=ctx.data.projects,
            registrations=ctx.table, lag=lag,
        )  # fmt: skip
    except SyntheticDataError:
        return DesignEstimate("synthetic", reason="design_no_donors")
    level = _level(found.effects)
    d = found.diagnostics
    ok = bool(found.convex_hull) and np.isfinite(level["ci_low"])
    rating = rate_finding(
        "synthetic", n_pre=d["n_pre"], n_post=d["n_post"], synthetic_ok=ok,
        effort=bool(catalogue()["effort"].get(outcome.indicator_id, False)),
    )  # fmt: skip
    return DesignEstimate("synthetic", **level, rating=rating, synthetic=found)


def design_estimates(report: Report, outcome: ITSOutcome) -> tuple[DesignEstimate, ...]:
    """The four designs of :data:`DESIGNS` for one ITS outcome with an estimate (once per data
    context); empty without one."""
    if outcome.result is None:
        return ()
    key = ("designs", outcome.unit, outcome.indicator_id, report.start, report.end, report.covid)
    builders = (_its, _controlled, _did, _synthetic)
    return report.ctx.memo(key, lambda: tuple(b(report, outcome) for b in builders))


def agreement(estimates: tuple[DesignEstimate, ...]) -> str:
    """What the designs' intervals say together, as a text key: ``designs_one`` (fewer than two
    intervals), ``designs_agree_down`` / ``designs_agree_up`` (all below / above 1),
    ``designs_agree_none`` (all around 1), ``designs_partly`` (some below or above 1, the others
    around it) or ``designs_conflict`` (some below and some above 1)."""
    verdicts = [e.verdict for e in estimates if e.verdict is not None]
    if len(verdicts) < 2:
        return "designs_one"
    found = set(verdicts)
    if {-1, 1} <= found:
        return "designs_conflict"
    if len(found) > 1:
        return "designs_partly"
    return {-1: "designs_agree_down", 1: "designs_agree_up", 0: "designs_agree_none"}[found.pop()]
