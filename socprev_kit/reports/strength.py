"""How strong each effect a report shows is (issue 17): its rating on the Maryland scale with what
lowers it, computed once per data context from the interrupted time series of
:mod:`socprev_kit.reports.interrupted`.

The design is the outcome's own: a controlled ITS when the comparison municipalities were used
(level 3 when they followed the treated series before the start: the ``trend_difference``
interval includes 1; level 4 from :data:`~socprev_kit.evaluation.evidence.rating.MANY_UNITS`
of them), else one series (level 2). The months and the detectable change come from the fit
itself; the effort flag from the catalogue; a failed falsification check lowers it when the finding
claims a change (an interval that excludes 1: a check that "fails" on a finding of no clear change
only agrees with it). COVID-19 months lower the rating only where they can
pass for an effect: in the year before the start or after it (months long before the start only
add noise, which the interval carries), and not when the report's fit the other way round (with
or without those months) reaches the same verdict (an interval below 1, above 1, or around it).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..common.formatting import Lang
from ..evaluation.covid import covid_mask, without_covid
from ..evaluation.evidence.donors import project_municipalities, region_lookup
from ..evaluation.evidence.falsification import Falsification, falsification_checks
from ..evaluation.evidence.rating import Rating, describe_rating, detectable_change, rate_finding
from ..evaluation.its import ITSResult
from .evaluate import catalogue
from .interrupted import ITSOutcome, its_options
from .report import ALL, Report, within

__all__ = [
    "finding_rating",
    "outcome_checks",
    "outcome_rating",
    "rating_sentence",
    "verdict",
]


def finding_rating(
    result: ITSResult,
    indicator_id: str,
    *,
    design: str,
    n_units: int = 0,
    failed_checks: tuple[str, ...] = (),
    other: ITSResult | None = None,
) -> Rating:
    """The rating of one fitted design (``"its"`` or ``"controlled_its"``) of an indicator;
    ``other`` is the same fit the other way round for the COVID-19 months."""
    d, effects = result.diagnostics, result.effects.set_index("term")
    level = effects.loc["level"]
    comparable = None
    if "trend_difference" in effects.index:
        trend = effects.loc["trend_difference"]
        comparable = bool(trend["ci_low"] <= 1 <= trend["ci_high"])
    mde = detectable_change(level["rate_ratio"], level["ci_low"], level["ci_high"], df=d["t_df"])
    return rate_finding(
        design,
        n_pre=int(d["n_pre"]),
        n_post=int(d["n_post"]),
        comparable=comparable,
        n_units=n_units,
        failed_checks=failed_checks,
        mde=None if np.isnan(mde) else mde,
        covid_months=_covid_months(result, other),
        effort=bool(catalogue()["effort"].get(indicator_id, False)),
    )


def verdict(result: ITSResult) -> int:
    """-1 the level's interval lies below 1, +1 above, 0 it includes 1."""
    level = result.effects.set_index("term").loc["level"]
    return 1 if level["ci_low"] > 1 else -1 if level["ci_high"] < 1 else 0


def _covid_months(result: ITSResult, other: ITSResult | None) -> int:
    """COVID-19 months of the fit that can pass for an effect (see the module docstring)."""
    if other is not None and verdict(other) == verdict(result):
        return 0
    periods = result.fitted["period"]
    start = result.diagnostics["intervention"] - pd.DateOffset(months=12)
    return int((covid_mask(periods) & (periods >= start).to_numpy()).sum())


def outcome_rating(report: Report, outcome: ITSOutcome) -> Rating | None:
    """The rating of an outcome's estimate (None without one), once per data context."""
    if outcome.result is None:
        return None
    key = ("rating", outcome.unit, outcome.indicator_id, report.start, report.end, report.covid)

    def compute() -> Rating:
        design = "controlled_its" if outcome.comparisons else "its"
        checks = outcome_checks(report, outcome)
        failed = ()
        if checks is not None and verdict(outcome.result):  # a change is claimed
            table = checks.table
            failed = tuple(table.loc[table["status"] == "fail", "check"])
        return finding_rating(
            outcome.result,
            outcome.indicator_id,
            design=design,
            n_units=len(outcome.comparisons),
            failed_checks=failed,
            other=outcome.other,
        )

    return report.ctx.memo(key, compute)


def rating_sentence(report: Report, outcome: ITSOutcome, lang: Lang | None = None) -> str:
    """The rating of an outcome as one sentence ("" without an estimate)."""
    rating = outcome_rating(report, outcome)
    return "" if rating is None else describe_rating(rating, lang or report.lang)


# --- the falsification checks of an outcome -----------------------------------------------------

SERIES_COLUMNS = ["period", "value", "population"]


def _frames(report: Report, indicator: str) -> dict[str, pd.DataFrame]:
    """Every municipality's monthly series of ``indicator`` in the report's window (context rows,
    else project registrations: :meth:`DataContext.series`), by NIS code, once per data context."""
    ctx = report.ctx

    def compute() -> dict[str, pd.DataFrame]:
        ctx.series()  # the frame "series" of the context
        rows = within(ctx.rows("series", "indicator_id", indicator), report.start, report.end)
        rows = rows[(rows["frequency"] == "month") & rows["value"].notna()]
        return {
            str(code): group[SERIES_COLUMNS].reset_index(drop=True)
            for code, group in rows.groupby("nis_code", sort=True)
        }

    return ctx.memo(("frames", indicator, report.start, report.end), compute)


def _summed(frames: dict[str, pd.DataFrame], codes: list[str]) -> pd.DataFrame | None:
    """The series of ``codes`` summed per month where every one has a value (None if one lacks
    a series)."""
    if not codes or any(c not in frames for c in codes):
        return None
    if len(codes) == 1:
        return frames[codes[0]]
    both = pd.concat([frames[c] for c in codes]).groupby("period")
    out = both.agg(value=("value", "sum"), population=("population", "sum"), k=("value", "size"))
    return out[out["k"] == len(codes)].drop(columns="k").reset_index()


def _treated_codes(report: Report, outcome: ITSOutcome) -> list[str]:
    if outcome.unit.area != ALL:
        return [outcome.unit.area]
    project = report.projects.set_index("project_id").loc[outcome.unit.project_id]
    return [str(c) for c in project["nis_codes"]]


def _donors(report: Report, outcome: ITSOutcome, frames: dict) -> dict[str, pd.DataFrame]:
    """Untreated municipalities of the treated one's region (no project of their own on the
    indicator in the window, as the synthetic comparison's default donors:
    :func:`socprev_kit.evaluation.evidence.donors.project_municipalities`), neither treated nor a
    comparison."""
    treated = _treated_codes(report, outcome)
    region = region_lookup(None)
    regions = {region(c) for c in treated}
    periods = outcome.series["period"]
    window = (pd.Period(periods.min(), "M").start_time, pd.Period(periods.max(), "M").end_time)
    own = project_municipalities(
        report.ctx.table, report.ctx.data.projects, indicator_id=outcome.indicator_id, window=window
    )
    left_out = own | set(treated) | set(outcome.comparisons)
    return {c: f for c, f in frames.items() if c not in left_out and region(c) in regions}


def _covid(frame: pd.DataFrame | None, drop: bool) -> pd.DataFrame | None:
    return without_covid(frame) if drop and frame is not None else frame


def _check_inputs(report: Report, outcome: ITSOutcome) -> dict:
    """The donors, comparisons and control outcome of an outcome's checks."""
    frames, drop = _frames(report, outcome.indicator_id), bool(outcome.covid_left_out)
    comparisons = {c: _covid(frames[c], drop) for c in outcome.comparisons if c in frames}
    donors = {c: _covid(f, drop) for c, f in _donors(report, outcome, frames).items()}
    other = catalogue()["non_target"].get(outcome.indicator_id, "")
    non_target = control = None
    if other:
        others = _frames(report, other)
        non_target = _covid(_summed(others, _treated_codes(report, outcome)), drop)
        if outcome.comparisons:
            control = _covid(_summed(others, list(outcome.comparisons)), drop)
    return {"comparisons": comparisons or None, "donors": donors, "non_target": non_target,
            "non_target_control": control}  # fmt: skip


def outcome_checks(report: Report, outcome: ITSOutcome) -> Falsification | None:
    """The falsification checks of an outcome's estimate (None without one), once per data
    context: placebo in time and in space, leave one comparison out, the control outcome."""
    if outcome.result is None:
        return None
    key = ("checks", outcome.unit, outcome.indicator_id, report.start, report.end, report.covid)

    def compute() -> Falsification:
        project = report.projects.set_index("project_id").loc[outcome.unit.project_id]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return falsification_checks(
                outcome.series, count="value", period="period",
                intervention=outcome.intervention, population="population",
                control=outcome.control, its_options=its_options(project),
                result=outcome.result, **_check_inputs(report, outcome),
            )  # fmt: skip

    return report.ctx.memo(key, compute)
