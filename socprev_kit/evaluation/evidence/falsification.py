"""Falsification checks of an interrupted time series (ITS) and a controlled ITS: would the same
analysis find an "effect" where there was none?

:func:`falsification_checks` runs four checks on a finding of
:func:`~socprev_kit.evaluation.its.interrupted_time_series` and returns one row per check, each
``"pass"``, ``"fail"`` or ``"not_run"`` with a reason; :func:`declares_effect` is the default
analysis' verdict: an effect only when the level change's interval excludes no change and no check
failed. Decisions and their reasons:

- **placebo in time**: the same model (same options, same comparison) fitted on the months before
  the real intervention only, at fake dates with at least ``min_fold_months`` observed months on
  each side (12 by default: one year of each month for the season); at most ``max_folds`` (8) fake
  dates evenly spread over the months that qualify, as neighbouring dates give nearly the same
  estimate; it runs with at least 3 dates that could be fitted ("too_short" otherwise: fewer than 26
  months before the start). Statistic: the share of fake dates where the same analysis finds a clear
  change (its interval excludes no change) at least as large (``|log rate ratio|``) as the real one;
  it fails above :data:`~.falsification_placebos.TIME_SHARE` (10 %: with at most 8 dates, one is
  enough): a change the analysis would have declared, as large as the real one, where nothing
  started (a step or a break in the months before, an unstable series). Why "clear": the folds are
  shorter than the real fit, so their estimates are noisier; counting every fake date with a point
  estimate as large failed a planted -30 % change in about half of the simulated series. Why one
  date: a step before the start shows clearly only at the fake dates just before it (the trend
  absorbs it at the others), so asking for 2 of 8 missed most steps of -50 % in the tests.
- **placebo in space**: the same analysis (same dates, options and comparison) on untreated
  municipalities (``donors``); the permutation p-value ``(1 + #{|placebo| >= |real|}) / (n + 1)``
  and the real effect's rank (1 = largest; ties count against the real effect). It fails when
  the p-value exceeds ``alpha``: the change is no larger than most municipalities where no project
  started saw at the same time (a national change, a new way of registering). It needs ``1 / alpha
  - 1`` usable donors (19 at 5 %) for the p-value to be able to reach ``alpha`` ("few_donors");
  at most ``max_donors`` (39) are fitted, chosen deterministically as those whose mean count
  before the start is closest to the treated one's on the log scale (then by code), because the
  noise of a level change depends on the counts, and a report runs hundreds of these (about
  0.3 s per finding with 39 donors).
- **leave-one-out** (controlled ITS with two or more comparison municipalities in
  ``comparisons``): the controlled ITS refitted with each comparison left out (the others summed
  per month, months where all of them have a count). It fails when a refit changes the conclusion:
  lower / higher / no clear change at ``alpha`` (a sign flip of two estimates whose intervals both
  include no change is noise, not a change of conclusion). Not run without a control
  ("uncontrolled"), with one comparison ("one_comparison") or without its members
  ("comparisons_unknown").
- **non-target outcome**: the same model (with ``non_target_control`` as its comparison when
  given) on an outcome of the same area that the project should not move. It fails when that
  outcome shows a level change whose interval excludes no change and that is at least as large
  (``|log rate ratio|``) as the real one: something else moved the area's counts. Not run without
  one ("no_non_target": the catalogue names none or there are no data).
- No check raises on a bad series: a refit that cannot be fitted is skipped and counted
  (``skipped``); only wrong arguments raise.

Measured (``bench/bench_falsification.py --n 300 --n-power 150 --seed 7``: quasi-Poisson, one
harmonic, population offset; worlds of overdispersed, AR(1) (rho up to 0.6), seasonal series of
48-84 months sharing a common shock, 100 donors, 3 comparisons), share of series where an effect
is declared, with its binomial 95 % interval:

==================================  ==================  ==================
scenario (no effect)                ITS alone           with the checks
==================================  ==================  ==================
ITS                                 7.3 % [4.7, 10.9]   2.7 % [1.2, 5.2]
ITS, national change of -15 %       17.7 % [13.5, 22.5] 3.0 % [1.4, 5.6]
controlled ITS, national change     2.3 % [0.9, 4.7]    2.0 % [0.7, 4.3]
all 900 null series                 9.1 % [7.3, 11.2]   2.6 % [1.6, 3.8]
==================================  ==================  ==================

and the power on a planted -30 % change (declared and lower): ITS 42.7 % alone, 34.0 % with the
checks; controlled ITS 28.7 % and 24.7 % (150 series each): the checks keep about 80-86 % of
the power. Placebo in time's threshold hardly matters there (failing above 0 %, 10 %, 20 % or
30 % of fake dates gives 2.6 % in all null series and 34.0-36.7 % power); placebo in space is
what removes a national change. Cost per finding (CPU, one core): about 0.3 s uncontrolled and
0.8 s controlled, most of it in the AR(1) covariance of the full refits (8 fake dates and 3
leave-one-out refits); ``max_folds`` trades placebo-in-time dates for time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..its import ITSResult, interrupted_time_series
from .falsification_placebos import placebo_in_space, placebo_in_time, row
from .refit import SERIES_ERRORS, Refit, prepare
from .robustness import conclusion, leave_one_out, level, non_target_check

__all__ = ["CHECKS", "Falsification", "declares_effect", "falsification_checks"]

#: The checks in the order of the table.
CHECKS = ("placebo_time", "placebo_space", "leave_one_out", "non_target")


@dataclass(frozen=True)
class Falsification:
    """Result of :func:`falsification_checks`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per check of :data:`CHECKS`: ``check``, ``status`` (``"pass"``, ``"fail"``,
        ``"not_run"``), ``reason`` (a text key: what it found or why it could not run),
        ``statistic`` (placebo in time: the share of fake dates as large; in space: the
        permutation p-value; leave-one-out: the share of refits that change the conclusion;
        non-target: its p-value), ``threshold`` (what ``statistic`` is compared with), ``n``
        (placebos or refits fitted), ``skipped`` (those that could not be fitted), ``rank``
        (in space: the real effect's rank, 1 = largest), ``rate_ratio`` (leave-one-out: the
        refit farthest from the real estimate; non-target: its level change) and ``detail``
        (leave-one-out: the comparisons whose omission changes the conclusion; few donors: the
        number needed).
    placebos : dict of pandas.DataFrame
        ``"placebo_time"`` (``period``, ``rate_ratio``) and ``"placebo_space"`` (``nis_code``,
        ``rate_ratio``): the placebo estimates, for a figure.
    """

    table: pd.DataFrame
    placebos: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """Any check failed."""
        return bool((self.table["status"] == "fail").any())

    @property
    def passed(self) -> bool:
        """No check failed and at least one ran."""
        return not self.failed and bool((self.table["status"] == "pass").any())


def declares_effect(result: ITSResult, checks: Falsification | None, alpha: float = 0.05) -> bool:
    """The default analysis' verdict: the level change's interval at ``1 - alpha`` excludes no
    change (its p-value is below ``alpha``) and no falsification check failed."""
    return conclusion(result, alpha) != 0 and not (checks is not None and checks.failed)


def _real_fit(data: pd.DataFrame, spec: dict[str, Any], result: ITSResult | None):
    """The real fit (``result`` or fitted here) and its log level change (NaN when none)."""
    if result is None:
        try:
            result = interrupted_time_series(data, **spec)
        except SERIES_ERRORS:
            return None, np.nan
    rr = level(result)[0]
    return result, float(np.log(rr)) if np.isfinite(rr) and rr > 0 else np.nan


def falsification_checks(
    data: pd.DataFrame,
    *,
    count: str,
    period: str,
    intervention: str | pd.Timestamp,
    population: str | None = None,
    control: pd.DataFrame | None = None,
    comparisons: dict[str, pd.DataFrame] | None = None,
    donors: dict[str, pd.DataFrame] | None = None,
    non_target: pd.DataFrame | None = None,
    non_target_control: pd.DataFrame | None = None,
    its_options: dict[str, Any] | None = None,
    result: ITSResult | None = None,
    alpha: float = 0.05,
    max_donors: int = 39,
    min_fold_months: int = 12,
    max_folds: int = 8,
) -> Falsification:
    """Falsification checks of an (optionally controlled) interrupted time series.

    Parameters
    ----------
    data, count, period, intervention, population, control
        As for :func:`~socprev_kit.evaluation.its.interrupted_time_series`.
    comparisons : dict of str to pandas.DataFrame, optional
        The comparison municipalities summed into ``control``, by NIS code, with the same columns
        (for leave-one-out).
    donors : dict of str to pandas.DataFrame, optional
        Series of untreated municipalities with the same columns (placebo in space).
    non_target, non_target_control : pandas.DataFrame, optional
        The same area's series (and its comparison's) of an outcome the project should not move.
    its_options : dict, optional
        The other arguments of the real fit (``family``, ``harmonics``, ``slope_change``,
        ``lag``, ``autocorrelation`` ...); every refit uses them.
    result : ITSResult, optional
        The real fit when already computed (else fitted here with ``its_options``).
    alpha : float
        Level of the intervals and of the permutation test.
    max_donors, min_fold_months, max_folds : int
        Donors fitted at most; observed months each side of a fake date; fake dates at most.

    Returns
    -------
    Falsification
        See the module docstring for what each check does, when it fails and why.
    """
    options = {k: v for k, v in (its_options or {}).items() if k != "alpha"}
    spec = dict(count=count, period=period, intervention=intervention, population=population,
                control=control, alpha=alpha, **options)  # fmt: skip
    refit = Refit.of(count, period, population, options)
    result, real = _real_fit(data, spec, result)
    month = pd.Period(pd.Timestamp(intervention), freq="M")
    treated, ctl = prepare(data, refit), prepare(control, refit)
    rows, placebos = [], {}
    if treated is None or (control is not None and ctl is None) or result is None:
        rows += [row("placebo_time", "not_run", "no_estimate"),
                 row("placebo_space", "not_run", "no_estimate")]  # fmt: skip
    else:
        found, placebos["placebo_time"] = placebo_in_time(
            data, control, treated, real, spec, min_fold=min_fold_months, max_folds=max_folds
        )
        rows.append(found)
        found, placebos["placebo_space"] = placebo_in_space(
            treated, ctl, donors, month, real, refit, alpha=alpha, max_donors=max_donors
        )
        rows.append(found)
    if result is None:
        rows.append(row("leave_one_out", "not_run", "no_estimate"))
    else:
        rows.append(leave_one_out(data, spec, comparisons, result, refit, alpha))
    rows.append(non_target_check(spec, non_target, non_target_control, real, alpha))
    table = pd.DataFrame(rows).astype({"n": int, "skipped": int})
    return Falsification(table=table, placebos=placebos)
