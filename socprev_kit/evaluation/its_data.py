"""Checked input of :mod:`socprev_kit.evaluation.its`: its errors and warnings, the series'
preparation, the guards on months and counts, the stacked frame without the lag months.

Private; the public names are re-exported by :mod:`socprev_kit.evaluation.its`.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from ..common.errors import SocprevError

MIN_POINTS = 3
PREFERRED_POINTS = 12
#: Added to the messages about the comparison series.
IN_CONTROL = " in the comparison series"


class TooFewPointsError(SocprevError):
    """Fewer than 3 observed months before or after the intervention (in either series)."""

    def __init__(self, n_pre: int, n_post: int, where: str = "") -> None:
        self.n_pre = n_pre
        self.n_post = n_post
        self.where = where
        super().__init__(
            f"An interrupted time series needs at least {MIN_POINTS} months before and "
            f"{MIN_POINTS} after the intervention{where} (found {n_pre} before, {n_post} after). "
            "Add more months of data or move the intervention date (12 each are preferred)."
        )


class ITSDataError(SocprevError):
    """The series cannot be modelled (all zeros, constant, an all-zero side, negative counts, bad
    population, duplicates)."""


class ITSWarning(UserWarning):
    """The model was fitted, but its estimates need caution."""


class FewPointsWarning(ITSWarning):
    """Fewer than 12 observed months before or after the intervention."""


def prepare_series(
    data: pd.DataFrame, count: str, period: str, population: str | None, where: str = ""
) -> pd.DataFrame:
    """Return a new frame with ``month`` (Period), ``y`` and ``pop``, sorted, checked."""
    cols = [count, period] + ([population] if population else [])
    missing = [c for c in cols if c not in data.columns]
    if missing:
        raise ITSDataError(
            f"Column(s) {missing} not found{where}; the table has {list(data.columns)}."
        )
    when = data[period]
    when = when.dt.to_timestamp() if isinstance(when.dtype, pd.PeriodDtype) else when
    df = pd.DataFrame({"month": pd.PeriodIndex(pd.to_datetime(when), freq="M")})
    df["y"] = pd.to_numeric(data[count], errors="coerce").to_numpy(dtype=float)
    df["pop"] = data[population].to_numpy(dtype=float) if population else np.nan
    df = df.dropna(subset=["y"]).sort_values("month", ignore_index=True)
    if df["month"].duplicated().any():
        dups = sorted({str(m) for m in df.loc[df["month"].duplicated(), "month"]})
        raise ITSDataError(f"Months {dups} appear more than once{where}; give one row per month.")
    if (df["y"] < 0).any():
        raise ITSDataError(f"Column {count!r}{where} has negative counts; counts must be >= 0.")
    if population and not (df["pop"] > 0).all():
        raise ITSDataError(f"Column {population!r}{where} must be a positive number every month.")
    if len(df) and (df["y"] == 0).all():
        raise ITSDataError(
            f"Column {count!r}{where} is zero in every month: there is nothing to model. "
            "Check the indicator and the period, or report the series descriptively."
        )
    if len(df) > 1 and df["y"].nunique() == 1:
        raise ITSDataError(
            f"Column {count!r}{where} has the same count ({df['y'].iloc[0]:g}) in every month, "
            "which real counts never do: it looks like a fill value or a yearly figure spread "
            "over the months. Give the monthly counts as registered."
        )
    return df


def guard(df: pd.DataFrame, start: pd.Period, where: str = "") -> tuple[int, int, list[str]]:
    """Count months on each side; refuse below 3 or an all-zero side, warn below 12."""
    pre = df["month"] < start
    n_pre, n_post = int(pre.sum()), int((~pre).sum())
    if n_pre < MIN_POINTS or n_post < MIN_POINTS:
        raise TooFewPointsError(n_pre, n_post, where)
    for side, mask in (("before", pre), ("after", ~pre)):
        if (df.loc[mask, "y"] == 0).all():
            raise ITSDataError(
                f"Every count {side} the intervention{where} is zero, so the level change is 0 or "
                "infinite and cannot be estimated. Check that the months of that side were "
                "registered (zeros standing for missing data?), or report the counts "
                "descriptively."
            )
    notes = []
    if n_pre < PREFERRED_POINTS or n_post < PREFERRED_POINTS:
        msg = f"Only {n_pre} months before and {n_post} after the intervention{where}; "
        msg += f"{PREFERRED_POINTS} each are preferred, so read the estimates with caution."
        warnings.warn(msg, FewPointsWarning, stacklevel=4)  # the caller of the public function
        notes.append(msg)
    return n_pre, n_post, notes


def stack(
    data: pd.DataFrame, control: pd.DataFrame | None, months: tuple, columns: tuple
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The checked series (treated ``group`` 1, comparison 0) without the lag months
    ``months = (intervention, start)``, and the guard's counts and notes."""
    lag = slice(*months)

    def prepare(frame: pd.DataFrame, where: str = "") -> tuple[pd.DataFrame, int]:
        df = prepare_series(frame, *columns, where)
        in_lag = (df["month"] >= lag.start) & (df["month"] < lag.stop)
        return df[~in_lag].reset_index(drop=True), int(in_lag.sum())

    treated, n_lag = prepare(data)
    n_pre, n_post, notes = guard(treated, lag.stop)
    info = {"n_pre": n_pre, "n_post": n_post, "n_lag": n_lag, "controlled": control is not None}
    if control is None:
        return treated.assign(group=1.0), {**info, "n_control": 0, "warnings": notes}
    comparison, _ = prepare(control, IN_CONTROL)
    notes = notes + guard(comparison, lag.stop, IN_CONTROL)[2]
    stacked = pd.concat([treated.assign(group=1.0), comparison.assign(group=0.0)])
    info.update(n_control=len(comparison), warnings=notes)
    return stacked.reset_index(drop=True), info


def note_fallback(effects: pd.DataFrame, extra: dict, family: str, notes: list[str]) -> None:
    """Add the ``method`` and ``note`` columns; warn when the negative binomial fell back."""
    effects["method"] = extra["fallback"] or family
    effects["note"] = ""
    if extra["fallback"]:
        msg = (
            f"The negative binomial could not be fitted ({extra['fallback_reason']}); the "
            f"estimates are from a {extra['fallback']} model instead."
        )
        effects["note"] = msg
        warnings.warn(msg, ITSWarning, stacklevel=3)
        notes.append(msg)
