"""Placebo checks of an interrupted time series: fake dates before the real one (in time) and
the same analysis on untreated municipalities (in space).

Both compare the size of the real level change, ``|log rate ratio|``, with the placebos' (see
:mod:`socprev_kit.evaluation.evidence.falsification` for the thresholds and why). Each returns a
row of the checks table (a dict) and the placebo estimates (a frame, for a figure).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..its import interrupted_time_series
from .refit import SERIES_ERRORS, Refit, log_level, month_keys, ordinal, prepare

__all__ = ["MIN_FOLDS", "TIME_SHARE", "min_donors", "placebo_in_space", "placebo_in_time"]

#: Placebo in time runs with at least this many fake dates that could be fitted.
MIN_FOLDS = 3
#: Placebo in time fails when more than this share of fake dates give a clear change as large
#: (with at most 8 dates: one is enough).
TIME_SHARE = 0.1


def row(check: str, status: str, reason: str, **values: object) -> dict:
    """One row of the checks table (missing values NaN)."""
    out = {"check": check, "status": status, "reason": reason, "statistic": np.nan,
           "threshold": np.nan, "n": 0, "skipped": 0, "rank": np.nan, "rate_ratio": np.nan,
           "detail": ""}  # fmt: skip
    return out | values


def fake_dates(
    treated: pd.DataFrame, intervention: pd.Period, lag: int, min_fold: int, max_folds: int
) -> list[pd.Period]:
    """Months before ``intervention`` with at least ``min_fold`` observed months before them and
    from them (+ lag) to the intervention; at most ``max_folds``, evenly spread."""
    end = ordinal(intervention)
    t = treated["t"].to_numpy()
    t = t[t < end]
    ok = [m for m in range(int(t.min()) if len(t) else end, end)
          if (t < m).sum() >= min_fold and (t >= m + lag).sum() >= min_fold]  # fmt: skip
    if len(ok) > max_folds:
        ok = [
            ok[i] for i in np.unique(np.round(np.linspace(0, len(ok) - 1, max_folds)).astype(int))
        ]
    return [pd.Period(year=m // 12, month=m % 12 + 1, freq="M") for m in ok]


def _significant_level(frame: pd.DataFrame, control, date: pd.Period, spec: dict) -> tuple:
    """(log rate ratio, p-value) of the real model at ``date``, NaNs when it cannot be fitted."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = interrupted_time_series(
                frame, **(spec | {"control": control, "intervention": date.to_timestamp()})
            )
    except SERIES_ERRORS:
        return np.nan, np.nan
    level = res.effects.set_index("term").loc["level"]
    rr = float(level["rate_ratio"])
    return (np.log(rr) if np.isfinite(rr) and rr > 0 else np.nan), float(level["p_value"])


def placebo_in_time(
    data: pd.DataFrame,
    control: pd.DataFrame | None,
    treated: pd.DataFrame,
    real: float,
    spec: dict,
    *,
    min_fold: int,
    max_folds: int,
) -> tuple[dict, pd.DataFrame]:
    """The real model (``spec``: the arguments of the real fit) on the months before its
    intervention only, at fake dates; ``treated`` is ``data`` prepared."""
    month = pd.Period(pd.Timestamp(spec["intervention"]), freq="M")
    dates = fake_dates(treated, month, int(spec.get("lag", 0)), min_fold, max_folds)
    key = str(month)
    before = [
        None if f is None else f[month_keys(f[spec["period"]]) < key] for f in (data, control)
    ]
    est = np.array([_significant_level(*before, d, spec) for d in dates], dtype=float).reshape(
        -1, 2
    )
    found = pd.DataFrame({"period": [d.to_timestamp() for d in dates],
                          "rate_ratio": np.exp(est[:, 0]), "p_value": est[:, 1]})  # fmt: skip
    ok = est[np.isfinite(est).all(axis=1)]
    counts = {"n": len(ok), "skipped": len(est) - len(ok), "threshold": TIME_SHARE}
    if not np.isfinite(real):
        return row("placebo_time", "not_run", "no_estimate", **counts), found
    if len(ok) < MIN_FOLDS:
        if len(dates) >= MIN_FOLDS:
            return row("placebo_time", "not_run", "folds_failed", **counts), found
        need = 2 * min_fold + int(spec.get("lag", 0)) + MIN_FOLDS - 1
        return row("placebo_time", "not_run", "too_short", detail=str(need), **counts), found
    alpha = spec.get("alpha", 0.05)
    share = float(np.mean((np.abs(ok[:, 0]) >= abs(real)) & (ok[:, 1] < alpha)))
    status, why = (
        ("fail", "placebos_as_large") if share > TIME_SHARE else ("pass", "placebos_smaller")
    )
    return row("placebo_time", status, why, statistic=share, **counts), found


def min_donors(alpha: float) -> int:
    """Donors needed for the permutation p-value to reach ``alpha``: 1 / (n + 1) <= alpha."""
    return int(np.ceil(1 / alpha - 1 - 1e-9))


def _pre_mean(frame: pd.DataFrame, refit: Refit, key: str) -> float:
    """Mean count before the intervention month ``key``, from the raw columns (cheap)."""
    if refit.count not in frame or refit.period not in frame:
        return np.nan
    before = month_keys(frame[refit.period]) < key
    return float(pd.to_numeric(frame[refit.count], errors="coerce")[before].mean())


def closest_donors(donors: dict[str, pd.DataFrame], level: float, refit: Refit, key: str):
    """Donor codes by the distance of their mean count before the intervention to ``level``
    (log scale), then by code: deterministic, and donors of similar size have similar noise."""
    means = {code: _pre_mean(frame, refit, key) for code, frame in donors.items()}
    dist = {c: abs(np.log((m + 0.5) / (level + 0.5))) for c, m in means.items() if m >= 0}
    return sorted(dist, key=lambda c: (dist[c], str(c)))


def placebo_in_space(
    treated: pd.DataFrame,
    control: pd.DataFrame | None,
    donors: dict[str, pd.DataFrame] | None,
    intervention: pd.Period,
    real: float,
    refit: Refit,
    *,
    alpha: float,
    max_donors: int,
) -> tuple[dict, pd.DataFrame]:
    """The same analysis (dates, options, comparison) on the closest untreated municipalities."""
    need = min_donors(alpha)
    if not donors:
        return row("placebo_space", "not_run", "no_donors", threshold=alpha), pd.DataFrame()
    level = float(treated.loc[treated["t"] < ordinal(intervention), "y"].mean())
    found: dict[str, float] = {}
    skipped = 0
    for code in closest_donors(donors, level, refit, str(intervention)):
        if len(found) >= max_donors:
            break
        series = prepare(donors[code], refit)
        est = np.nan if series is None else log_level(series, control, intervention, refit)
        skipped += not np.isfinite(est)
        if np.isfinite(est):
            found[code] = est
    est = np.array(list(found.values()))
    table = pd.DataFrame({"nis_code": list(found), "rate_ratio": np.exp(est)})
    counts = {"n": len(est), "skipped": skipped, "threshold": alpha}
    if not np.isfinite(real):
        return row("placebo_space", "not_run", "no_estimate", **counts), table
    if len(est) < need:
        return row("placebo_space", "not_run", "few_donors", detail=str(need), **counts), table
    rank = 1 + int(np.sum(np.abs(est) >= abs(real)))
    p = rank / (len(est) + 1)
    status, why = ("fail", "donors_as_large") if p > alpha else ("pass", "real_among_largest")
    return row("placebo_space", status, why, statistic=p, rank=rank, **counts), table
