"""How strong each effect a report shows is (issue 17): its rating on the Maryland scale with what
lowers it, computed once per data context from the interrupted time series of
:mod:`socprev_kit.reports.interrupted`.

The design is the outcome's own: a controlled ITS when the comparison municipalities were used
(level 3 when they followed the treated series before the start: the ``trend_difference``
interval includes 1; level 4 from :data:`~socprev_kit.evaluation.evidence.rating.MANY_UNITS`
of them), else one series (level 2). The months and the detectable change come from the fit
itself; the effort flag from the catalogue. COVID-19 months lower the rating only where they can
pass for an effect: in the year before the start or after it (months long before the start only
add noise, which the interval carries), and not when the report's fit the other way round (with
or without those months) reaches the same verdict (an interval below 1, above 1, or around it).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..common.formatting import Lang
from ..evaluation.covid import covid_mask
from ..evaluation.evidence.rating import Rating, describe_rating, detectable_change, rate_finding
from ..evaluation.its import ITSResult
from .evaluate import catalogue
from .interrupted import ITSOutcome
from .report import Report

__all__ = ["finding_rating", "outcome_rating", "rating_sentence"]


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


def _verdict(result: ITSResult) -> int:
    level = result.effects.set_index("term").loc["level"]
    return 1 if level["ci_low"] > 1 else -1 if level["ci_high"] < 1 else 0


def _covid_months(result: ITSResult, other: ITSResult | None) -> int:
    """COVID-19 months of the fit that can pass for an effect (see the module docstring)."""
    if other is not None and _verdict(other) == _verdict(result):
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
        return finding_rating(
            outcome.result,
            outcome.indicator_id,
            design=design,
            n_units=len(outcome.comparisons),
            other=outcome.other,
        )

    return report.ctx.memo(key, compute)


def rating_sentence(report: Report, outcome: ITSOutcome, lang: Lang | None = None) -> str:
    """The rating of an outcome as one sentence ("" without an estimate)."""
    rating = outcome_rating(report, outcome)
    return "" if rating is None else describe_rating(rating, lang or report.lang)
