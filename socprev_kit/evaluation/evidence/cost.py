"""The economic part of EMMIE: incidents prevented by a project and its cost per incident.

Decisions:

- **Incidents prevented** are read from an interrupted time series that is already fitted (the
  report's, :func:`socprev_kit.evaluation.its.interrupted_time_series`), never fitted again: the
  sum over the months after the start (the intervention month plus the lag, as the model counts
  them) of the counterfactual (the fit with the effect terms set to 0) minus the counts
  observed. A negative number means more incidents than expected.
- **The interval is the level change's**, carried through the counterfactual: the model fits
  ``fitted = counterfactual x rate_ratio`` after the start; had the true level change been a
  bound ``b`` of its interval, the counterfactual would be ``counterfactual x rate_ratio / b``.
  So the bounds are ``sum(counterfactual) x rate_ratio / ci_high - sum(observed)`` (fewest
  prevented) and ``... / ci_low ...`` (most). The uncertainty of a slope change, when the model
  has one, is not carried (the level's only): the interval is then too narrow. So with a slope
  change the result counts as possibly chance (``slope_uncertain``) unless the intervals of both
  the level and the slope change exclude no change (a conservative rule: carrying both needs
  their joint distribution, which the report's fit does not keep with its AR(1) correction).
- **Cost per incident prevented** is the budget spent divided by the incidents prevented, its
  interval the budget divided by the bounds (the upper bound of incidents gives the lower cost).
  When the interval of incidents prevented reaches zero or below, no cost is given: the change
  may be chance (``status="chance"``), or the counts rose (``status="increase"``): a cost per
  incident of a change that may not exist would be infinite or negative, and would read as a
  finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from ..its import ITSResult

__all__ = ["CostPerIncident", "IncidentsPrevented", "cost_per_incident", "incidents_prevented"]


@dataclass(frozen=True)
class IncidentsPrevented:
    """Incidents prevented over the months after the start of an ITS.

    ``value`` (counterfactual minus observed, summed), ``low`` and ``high`` (the level change's
    interval carried through; for a model with a slope change, the level's uncertainty only),
    ``observed`` and ``counterfactual`` (the two sums), ``first`` and ``last`` (the months, as
    Periods), ``n_months``, and ``slope_uncertain``: the model has a slope change and the
    interval of the level or of the slope change holds a rate ratio of 1.
    """

    value: float
    low: float
    high: float
    observed: float
    counterfactual: float
    first: pd.Period | None
    last: pd.Period | None
    n_months: int
    slope_uncertain: bool = False

    @property
    def includes_zero(self) -> bool:
        """Whether the change may be chance: the interval holds zero (or lies below it), or the
        level or slope change of a model with a slope change may be none."""
        return not self.low > 0 or self.slope_uncertain


def post_start(result: ITSResult) -> pd.Period:
    """The first month the model counts as after the start: the intervention month + the lag."""
    d = result.diagnostics
    return pd.Period(pd.Timestamp(d["intervention"]), freq="M") + int(d.get("lag") or 0)


def incidents_prevented(result: ITSResult) -> IncidentsPrevented:
    """Incidents prevented by the effect an ITS estimated, with the level's interval (see the
    module's decisions)."""
    fitted = result.fitted
    months = pd.to_datetime(fitted["period"]).dt.to_period("M")
    post = fitted[(months >= post_start(result)).to_numpy() & fitted["observed"].notna()]
    effects = result.effects.set_index("term")
    level = effects.loc["level"]
    terms = effects.loc[[t for t in ("level", "slope") if t in effects.index]]
    uncertain = "slope" in effects.index and bool(
        ((terms["ci_low"] <= 1) & (terms["ci_high"] >= 1)).any()
    )
    cf, obs = float(post["counterfactual"].sum()), float(post["observed"].sum())
    scaled = cf * float(level["rate_ratio"])
    post_months = months[post.index]
    return IncidentsPrevented(
        value=cf - obs,
        low=scaled / float(level["ci_high"]) - obs,
        high=scaled / float(level["ci_low"]) - obs,
        observed=obs,
        counterfactual=cf,
        first=post_months.min() if len(post) else None,
        last=post_months.max() if len(post) else None,
        n_months=len(post),
        slope_uncertain=uncertain,
    )


@dataclass(frozen=True)
class CostPerIncident:
    """The budget spent per incident prevented: ``value``, ``low``, ``high`` (NaN unless
    ``status == "computed"``); ``status``: ``"computed"``, ``"chance"`` (the interval of
    incidents prevented holds zero), ``"increase"`` (it lies below zero: more incidents than
    expected) or ``"no_budget"`` (no budget, or none spent)."""

    value: float
    low: float
    high: float
    status: Literal["computed", "chance", "increase", "no_budget"]


def cost_per_incident(budget: float | None, prevented: IncidentsPrevented) -> CostPerIncident:
    """``budget`` divided by the incidents prevented and by each bound of their interval.

    >>> p = IncidentsPrevented(100.0, 50.0, 200.0, 900.0, 1000.0, None, None, 12)
    >>> c = cost_per_incident(10_000, p)
    >>> (c.value, c.low, c.high, c.status)
    (100.0, 50.0, 200.0, 'computed')
    >>> cost_per_incident(10_000, IncidentsPrevented(10.0, -5.0, 30.0, 0, 0, None, None, 12)).status
    'chance'
    """
    nan = float("nan")
    if budget is None or not np.isfinite(budget) or budget <= 0:
        return CostPerIncident(nan, nan, nan, "no_budget")
    if prevented.high <= 0:
        return CostPerIncident(nan, nan, nan, "increase")
    if prevented.includes_zero:
        return CostPerIncident(nan, nan, nan, "chance")
    return CostPerIncident(
        budget / prevented.value, budget / prevented.high, budget / prevented.low, "computed"
    )
