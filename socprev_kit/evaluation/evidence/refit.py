"""The point estimate of an interrupted time series' level change, refitted many times.

The placebo checks of :mod:`socprev_kit.evaluation.evidence.falsification` refit the report's
model dozens of times per finding and need only the estimated level change, never its interval,
so this module fits the same design (:func:`socprev_kit.evaluation.segmented.design`: trend,
level, optional slope, harmonics, the comparison's interactions) with the same offset, but:

- the series are checked and their months read as integers (:func:`prepare`) with numpy, and
  the design is built on them (:func:`design`, the columns of the segmented design in its
  order): parsing the months as Periods and building the design in pandas take most of the time
  of a fit, and placebo in space refits dozens of municipalities per finding;
- Poisson and quasi-Poisson share their point estimates (the quasi-Poisson scale changes only the
  intervals), which a plain iteratively reweighted least-squares loop in numpy finds about ten
  times faster than statsmodels (``tests/test_falsification.py`` checks it against
  :func:`~socprev_kit.evaluation.its.interrupted_time_series`); the negative binomial goes through
  :func:`socprev_kit.evaluation.segmented.fit` (its dispersion needs the maximum likelihood);
- a series that cannot be fitted (too few months, an all-zero side, a fit that does not
  converge) gives NaN, never an exception: the caller counts it as skipped.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ...common.errors import SocprevError
from .. import segmented as seg
from ..its_data import MIN_POINTS

__all__ = ["Refit", "design", "log_level", "month_keys", "ordinal", "prepare"]

#: Errors of a series (not of the code) that make a refit impossible: it is skipped.
SERIES_ERRORS = (SocprevError, ValueError, ArithmeticError, np.linalg.LinAlgError)


@dataclass(frozen=True)
class Refit:
    """What every refit shares with the real analysis: the columns and the model's options."""

    count: str
    period: str
    population: str | None = None
    harmonics: int = 0
    slope_change: bool = False
    lag: int = 0
    family: str = "quasipoisson"

    @classmethod
    def of(cls, count: str, period: str, population: str | None, options: dict[str, Any]):
        """The refit of ``interrupted_time_series(..., **options)``."""
        keep = {
            k: options[k] for k in ("harmonics", "slope_change", "lag", "family") if k in options
        }
        return cls(count, period, population, **keep)


def month_keys(values: pd.Series) -> np.ndarray:
    """``YYYY-MM`` strings of a period column (strings, Periods or timestamps), cheaply."""
    return values.astype(str).str[:7].to_numpy()


def prepare(frame: pd.DataFrame | None, refit: Refit) -> pd.DataFrame | None:
    """The series as ``t`` (months since year 0), ``y`` and ``pop``, sorted, with the checks of
    :func:`~socprev_kit.evaluation.its_data.prepare_series` (here: None when one fails)."""
    cols = [refit.count, refit.period] + ([refit.population] if refit.population else [])
    if frame is None or len(frame) == 0 or any(c not in frame for c in cols):
        return None
    keys = pd.Series(month_keys(frame[refit.period]))
    try:
        t = keys.str[:4].astype(int).to_numpy() * 12 + keys.str[5:7].astype(int).to_numpy() - 1
    except (ValueError, TypeError):
        return None
    y = pd.to_numeric(frame[refit.count], errors="coerce").to_numpy(dtype=float)
    pop = frame[refit.population].to_numpy(dtype=float) if refit.population else np.ones(len(y))
    out = pd.DataFrame({"t": t, "y": y, "pop": pop})[np.isfinite(y)].sort_values("t")
    bad = out["t"].duplicated().any() or (out["y"] < 0).any() or not (out["pop"] > 0).all()
    return None if bad or out["y"].nunique() < 2 else out.reset_index(drop=True)


def ordinal(month: pd.Period) -> int:
    """A month as :func:`prepare`'s ``t``."""
    return month.year * 12 + month.month - 1


def design(t: np.ndarray, start: int, group: np.ndarray | None, refit: Refit) -> tuple:
    """The columns of :func:`socprev_kit.evaluation.segmented.design` on ``t`` (same order)
    and the index of the level change's column."""
    trend = (t - t.min()).astype(float)
    post = (t >= start).astype(float)
    cols = [np.ones(len(t)), trend, post]
    if refit.slope_change:
        cols.append(np.maximum(t - start, 0.0))
    level = 2
    if group is not None:
        level = len(cols) + 2  # group, then group:trend, group:level
        cols += [group] + [group * c for c in cols[1:]]
    calendar = t % 12 + 1
    for k in range(1, refit.harmonics + 1):
        cols += [np.sin(2 * np.pi * k * calendar / 12), np.cos(2 * np.pi * k * calendar / 12)]
    return np.column_stack(cols), level


def poisson_coefficients(y: np.ndarray, X: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """The Poisson maximum likelihood by iteratively reweighted least squares (NaN when it does
    not converge in 50 steps)."""
    mu = np.maximum(y, 0.5)
    eta = np.log(mu)
    beta = np.full(X.shape[1], np.nan)
    for _ in range(50):
        w = np.sqrt(mu)
        z = eta - offset + (y - mu) / mu
        new = np.linalg.lstsq(X * w[:, None], z * w, rcond=None)[0]
        eta = np.clip(offset + X @ new, -30, 30)
        mu = np.exp(eta)
        if np.max(np.abs(new - beta), initial=0.0) < 1e-8:
            return new
        beta = new
    return np.full(X.shape[1], np.nan)


def _usable(series: pd.DataFrame, start: int) -> bool:
    """The guards of the real fit: 3 months each side, no all-zero side."""
    before = (series["t"] < start).to_numpy()
    y = series["y"].to_numpy()
    sides = (y[before], y[~before])
    return all(len(side) >= MIN_POINTS and side.any() for side in sides)


def log_level(
    treated: pd.DataFrame,
    control: pd.DataFrame | None,
    intervention: pd.Period,
    refit: Refit,
) -> float:
    """The log rate ratio of the level change (relative to the comparison's with ``control``) of
    the prepared series around ``intervention``; NaN when it cannot be estimated."""
    month = ordinal(intervention)
    start = month + refit.lag
    parts = []
    for group, series in ((1.0, treated), (0.0, control)):
        if series is None:
            continue
        series = series[(series["t"] < month) | (series["t"] >= start)]
        if not _usable(series, start):
            return np.nan
        parts.append(series.assign(group=group))
    stacked = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    group = stacked["group"].to_numpy() if control is not None else None
    X, term = design(stacked["t"].to_numpy(), start, group, refit)
    y = stacked["y"].to_numpy(dtype=float)
    offset = np.log(stacked["pop"].to_numpy(dtype=float)) if refit.population else 0.0 * y
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if refit.family == "negbin":
                frame = pd.DataFrame(X)
                return float(seg.fit(y, frame, offset, "negbin")[0].params.iloc[term])
            beta = poisson_coefficients(y, X, offset)
    except SERIES_ERRORS:
        return np.nan
    value = float(beta[term])
    return value if np.isfinite(value) else np.nan
