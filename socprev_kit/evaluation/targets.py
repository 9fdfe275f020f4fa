"""Objectives against their targets: observed value, status and attainment (``attainment``).

Decisions:

- **Project as a whole.** Objectives and baselines belong to the project, so its municipalities are
  combined first (:func:`socprev_kit.indicators.table.combine_projects`). ``table`` is a *monthly*
  indicator table.
- **Now** is the latest month with data of the project (any indicator) in ``table``, or ``as_of``
  when that is earlier. A target period is **over** when its last month is at or before now.
- **Observed value.** A target period that is over is judged on its own months only, never on
  later data; a running one on the 12 months ending now (for indicators registered less often
  than monthly: the latest value). Values are put on the target period's scale, as
  :mod:`socprev_kit.indicators.table` aggregates them: counts and ``sum`` indicators ``k x`` the sum
  over the months present / the months present (``k`` the months of the target period, 12 for a
  year); ``last`` indicators the latest value; other registered ones the mean; derived
  indicators the **ratio of sums** ``sum(numerator) / sum(denominator) x factor`` (a denominator
  that is a stock, the population or a term registered yearly or as ``last``, is averaged
  instead and the numerator put on the ``k`` scale). ``observed_numerator`` and
  ``observed_denominator`` keep those sums.
- **Direction** is the catalogue's ``up``/``down``; for ``target`` and ``none`` the direction from
  baseline to target (``target`` with baseline = target: the value must stay equal to it; ``none``
  with baseline = target: not computable). An observation is on the right side when it is at or
  past the target in that direction (a relative tolerance of 1e-9 absorbs rounding).
- **Status**: ``maintained`` when the baseline is already at or past the target and the
  observation is on the right side; else, target period over: ``reached`` / ``not reached``;
  running: ``on track`` / ``behind`` after the projection (the OLS line through the last 12
  months, at least 3, at the middle of the target period; for derived indicators the numerator and
  denominator lines), or the observation when there is no projection. ``not computable`` with a
  ``reason``: ``no baseline``, ``no target``, ``no direction``, ``no data`` (none in the target
  period once it is over, none in the last 12 months while it runs).
- **Attainment** ``(observed - baseline) / (target - baseline)``: the share of the way from the
  baseline to the target, >= 1 exactly when the target is reached, < 0 when the indicator moved
  away. It is only defined when the baseline lies short of the target (NaN otherwise: a baseline
  already past the target has no way to go, and the ratio would flip sign).
  ``attainment_display`` is capped to [-1, 1.5].
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import parsing
from ..data.catalogue import POPULATION, formula_terms, indicator_catalogue
from ..indicators.table import combine_projects
from .trends import linear_fit, month_index

__all__ = ["REASONS", "STATUSES", "attainment"]

#: Every status :func:`attainment` gives, in the order reports list them.
STATUSES = ("reached", "maintained", "on track", "behind", "not reached", "not computable")
#: Why a status is ``not computable``.
REASONS = ("no baseline", "no target", "no direction", "no data")
CAP = (-1.0, 1.5)
TOLERANCE = 1e-9
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_COLUMNS = [
    "project_id", "objective_id", "indicator_id", "direction", "used_direction", "baseline",
    "target", "target_period", "period_over", "observed", "observed_numerator",
    "observed_denominator", "last_period", "attainment", "attainment_display", "projection",
    "status", "reason",
]  # fmt: skip


def _period_months(period: str) -> tuple[int, int]:
    """``(month index of the first month, number of months)`` of one canonical period
    (through the cached :func:`socprev_kit.data.parsing.period_parts`)."""
    parts = parsing.period_parts(period)
    if parts is None:
        raise ValueError(f"{period!r} is not a period (YYYY-MM, YYYY-Qn or YYYY)")
    year, month, months = parts
    return year * 12 + month - 1, months


def _with_months(t: pd.DataFrame) -> pd.DataFrame:
    """``t`` (first month index) and ``n`` (months the row covers) of each row's period."""
    n = parsing.period_frequency(t["period"].astype(object)).map(_MONTHS)
    return t.assign(t=month_index(t["period"]), n=n.to_numpy())


def _series_by_pair(
    table: pd.DataFrame, objectives: pd.DataFrame, cat: pd.DataFrame
) -> dict[tuple[str, str], pd.DataFrame]:
    """Combined series ``(t, n, value, numerator, denominator)`` of every (project, indicator)
    of ``objectives`` (rows without a value dropped), all combined and parsed at once."""
    pairs = objectives[["project_id", "indicator_id"]].astype(object).drop_duplicates()
    wanted = table[
        table["project_id"].isin(pairs["project_id"])
        & table["indicator_id"].isin(pairs["indicator_id"])
    ]
    if wanted.empty:
        return {}
    comb = _with_months(combine_projects(wanted, cat).dropna(subset=["value"]))
    groups = comb.groupby(["project_id", "indicator_id"], sort=False, observed=True)
    return {(str(p), str(i)): s.sort_values("t", ignore_index=True) for (p, i), s in groups}


def _latest_months(table: pd.DataFrame) -> dict[str, int]:
    """The last month (index) with a value of each project in ``table``: of its monthly rows, or
    of its other rows when it has none (a yearly row may come before its year is over)."""
    t = table.dropna(subset=["value"])[["project_id", "period"]].drop_duplicates()
    if t.empty:
        return {}
    t = _with_months(t).assign(project_id=lambda d: d["project_id"].astype(str))
    monthly = t["n"].eq(1).groupby(t["project_id"]).transform("any")
    t = t[t["n"].eq(1) | ~monthly]
    return (t["t"] + t["n"] - 1).groupby(t["project_id"]).max().to_dict()


def _rules(cat: pd.DataFrame) -> dict[str, tuple[str, float, bool]]:
    """``(rule, factor, stock denominator)`` of each indicator: ``sum``, ``last``, ``mean`` or
    ``ratio`` (derived)."""
    info = cat.set_index("indicator_id")
    out = {}
    for ind, r in info.iterrows():
        if r["kind"] == "derived":
            den = str(r["denominator"]).strip()
            terms = [t for _, t in formula_terms(den)] if den != POPULATION else []
            stock = den == POPULATION or any(
                t in info.index
                and (info.at[t, "frequency"] != "month" or info.at[t, "aggregation"] == "last")
                for t in terms
            )
            out[str(ind)] = ("ratio", float(r["factor"]), bool(stock))
        elif r["value_type"] == "count" or r["aggregation"] == "sum":
            out[str(ind)] = ("sum", 1.0, False)
        else:
            out[str(ind)] = ("last" if r["aggregation"] == "last" else "mean", 1.0, False)
    return out


def _value(rows: pd.DataFrame, rule: tuple[str, float, bool], k: int) -> tuple[float, ...]:
    """``(value, numerator sum, denominator sum)`` of ``rows`` on the scale of ``k`` months."""
    kind, factor, stock = rule
    if rows.empty:
        return np.nan, np.nan, np.nan
    covered = float(rows["n"].sum())
    if kind == "sum":
        return float(rows["value"].sum()) * k / covered, np.nan, np.nan
    if kind != "ratio":
        v = rows["value"].iloc[-1] if kind == "last" else rows["value"].mean()
        return float(v), np.nan, np.nan
    num = float(rows["numerator"].sum())
    den = float(rows["denominator"].mean() if stock else rows["denominator"].sum())
    scaled = num * k / covered if stock else num
    return (scaled / den * factor if den != 0 else np.nan), num, den


def _projection(rows: pd.DataFrame, rule: tuple[str, float, bool], first: int, k: int) -> float:
    """The value over the target period (``k`` months from ``first``) on the OLS lines through
    ``rows`` (numerator and denominator apart for a derived indicator)."""
    kind, factor, stock = rule
    mid = first + (k - 1) / 2

    def at_mid(column: str) -> float:
        fit = linear_fit(rows["t"], rows[column])
        return float(fit.params[0] + fit.params[1] * mid)

    if kind != "ratio":
        return (k if kind == "sum" else 1) * at_mid("value")
    num, den = at_mid("numerator"), at_mid("denominator")
    return (num * (k if stock else 1)) / den * factor if den > 0 else np.nan


def _observe(s: pd.DataFrame, obj: dict, rule, now: int | None) -> dict:
    """Observed value, its sums, last period and projection of one objective; ``period_over``."""
    target = obj["target_period"]
    first, months = (0, 12) if pd.isna(target) else _period_months(str(target))
    over = now is not None and pd.notna(target) and first + months - 1 <= now
    k = months if rule[0] in ("sum", "ratio") else 1
    s = s if now is None else s[s["t"] <= now]
    if over:
        rows = s[(s["t"] >= first) & (s["t"] + s["n"] - 1 <= first + months - 1)]
    elif (s["n"] == 1).all() and now is not None:
        rows = s[s["t"] > now - 12]
    else:
        rows = s.tail(1)
    value, num, den = _value(rows, rule, k)
    projection = np.nan
    if not over and pd.notna(target) and len(rows) >= 3 and (rows["n"] == 1).all():
        projection = _projection(rows, rule, first, months)
    last = rows["period"].iloc[-1] if len(rows) else None
    return {"period_over": over, "observed": value, "observed_numerator": num,
            "observed_denominator": den, "last_period": last, "projection": projection}  # fmt: skip


def _sense(direction: str, base: float, target: float) -> float:
    """+1 (up), -1 (down), 0 (stay at the target) or NaN (no direction)."""
    if direction in ("up", "down"):
        return 1.0 if direction == "up" else -1.0
    if base != target:
        return float(np.sign(target - base))
    return 0.0 if direction == "target" else np.nan


def _right_side(x: float, target: float, sense: float) -> bool:
    """``x`` at or past ``target`` in the direction ``sense`` (equal to it for 0)."""
    tol = TOLERANCE * max(1.0, abs(target))
    return abs(x - target) <= tol if sense == 0 else sense * (x - target) >= -tol


def _judge(row: dict) -> tuple[str, str | None, float]:
    """``(status, reason, attainment)`` of one objective (see the module's decisions)."""
    base, target, obs = row["baseline"], row["target"], row["observed"]
    if pd.isna(base) or pd.isna(target):
        return "not computable", "no baseline" if pd.isna(base) else "no target", np.nan
    sense = _sense(row["direction"], base, target)
    if np.isnan(sense):
        return "not computable", "no direction", np.nan
    if pd.isna(obs):
        return "not computable", "no data", np.nan
    past = _right_side(base, target, sense)
    att = np.nan if past else (obs - base) / (target - base)
    if past and _right_side(obs, target, sense):
        return "maintained", None, att
    if row["period_over"]:
        return ("reached" if _right_side(obs, target, sense) else "not reached"), None, att
    ahead = obs if pd.isna(row["projection"]) else row["projection"]
    return ("on track" if _right_side(ahead, target, sense) else "behind"), None, att


def _now(table: pd.DataFrame, as_of: str | None) -> tuple[dict[str, int], int | None]:
    """The latest month with data of each project and the last month of ``as_of``."""
    limit = None
    if as_of is not None:
        period = pd.Series([as_of], dtype=object)
        months = _MONTHS[parsing.period_frequency(period).iloc[0]]
        limit = int(month_index(period).iloc[0]) + months - 1
    return _latest_months(table), limit


def attainment(
    objectives: pd.DataFrame,
    table: pd.DataFrame,
    *,
    catalogue: pd.DataFrame | None = None,
    as_of: str | None = None,
) -> pd.DataFrame:
    """Status and attainment of each objective's target, judged in the indicator's direction.

    Parameters
    ----------
    objectives
        The ``objectives`` table (``project_id, objective_id, indicator_id, baseline_value,
        baseline_period, target_value, target_period``).
    table
        A monthly :func:`~socprev_kit.indicators.table.indicator_table`.
    catalogue
        The indicator catalogue (default: the shipped one), for ``direction`` and aggregation.
    as_of
        Ignore data after this period (``"2024-06"``, ``"2024"``: its last month).

    Returns
    -------
    pandas.DataFrame
        ``project_id, objective_id, indicator_id, direction`` (the catalogue's),
        ``used_direction`` (``up``, ``down``, ``target`` = stay equal, or NaN), ``baseline,
        target, target_period, period_over, observed, observed_numerator, observed_denominator``
        (sums of a derived indicator), ``last_period, attainment, attainment_display,
        projection, status`` (one of :data:`STATUSES`) and ``reason`` (one of :data:`REASONS`
        for ``not computable``, else None). The module's docstring gives the rules.
    """
    cat = indicator_catalogue() if catalogue is None else catalogue
    info = cat.set_index("indicator_id")
    rules = _rules(cat)
    latest, limit = _now(table, as_of)
    series = _series_by_pair(table, objectives, cat)
    empty = _with_months(table.iloc[:0])
    rows = []
    for obj in objectives.to_dict("records"):
        pid, ind = str(obj["project_id"]), str(obj["indicator_id"])
        now = latest.get(pid, limit) if limit is None else min(latest.get(pid, limit), limit)
        s = series.get((pid, ind), empty)
        seen = _observe(s, obj, rules.get(ind, ("mean", 1.0, False)), now)
        rows.append({**obj, **seen, "direction": info["direction"].get(ind, "none")})
    return _finish(pd.DataFrame(rows, columns=[*objectives.columns, "direction", *_SEEN]))


_SEEN = ["period_over", "observed", "observed_numerator", "observed_denominator", "last_period",
         "projection"]  # fmt: skip


def _finish(out: pd.DataFrame) -> pd.DataFrame:
    """Status, reason, attainment and its display from the observed values."""
    out = out.rename(columns={"baseline_value": "baseline", "target_value": "target"})
    out[["baseline", "target"]] = out[["baseline", "target"]].astype(float)
    judged = [_judge(r) for r in out.to_dict("records")]
    out["status"] = pd.Series([j[0] for j in judged], index=out.index, dtype=object)
    out["reason"] = pd.Series([j[1] for j in judged], index=out.index, dtype=object)
    out["attainment"] = np.array([j[2] for j in judged], dtype=float)
    out["attainment_display"] = out["attainment"].clip(*CAP)
    senses = [
        _sense(d, b, t) if pd.notna(b) and pd.notna(t) else np.nan
        for d, b, t in zip(out["direction"], out["baseline"], out["target"], strict=True)
    ]
    out["used_direction"] = pd.Series(senses, index=out.index).map(
        {1.0: "up", -1.0: "down", 0.0: "target"}
    )
    out["period_over"] = out["period_over"].astype(bool)
    return out[_COLUMNS]
