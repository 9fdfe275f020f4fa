"""The checks of a finding that refit the real analysis in full (with its intervals):
leave one comparison municipality out, and an outcome the project should not move. See
:mod:`socprev_kit.evaluation.evidence.falsification` for when each fails and why.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..its import ITSResult, interrupted_time_series
from .falsification_placebos import row
from .refit import SERIES_ERRORS, Refit, prepare

__all__ = ["conclusion", "leave_one_out", "level", "non_target_check"]


def conclusion(result: ITSResult, alpha: float) -> int:
    """-1 lower, +1 higher, 0 no clear change: the level change at ``alpha``."""
    row_ = result.effects.set_index("term").loc["level"]
    if not float(row_["p_value"]) < alpha:
        return 0
    return int(np.sign(np.log(float(row_["rate_ratio"]))))


def _summed(members: list[pd.DataFrame], refit: Refit) -> pd.DataFrame | None:
    """The members' counts (and populations) summed per month where all of them have one."""
    prepared = [prepare(m, refit) for m in members]
    if any(p is None for p in prepared):
        return None
    both = pd.concat(prepared, ignore_index=True).groupby("t")
    out = both.agg(y=("y", "sum"), pop=("pop", "sum"), k=("y", "size")).reset_index()
    out = out[out["k"] == len(members)]
    months = [f"{t // 12:04d}-{t % 12 + 1:02d}" for t in out["t"]]
    cols = {refit.count: out["y"].to_numpy(), refit.period: months}
    if refit.population:
        cols[refit.population] = out["pop"].to_numpy()
    return pd.DataFrame(cols)


def level(result: ITSResult) -> tuple[float, float, float]:
    """The level change's rate ratio and interval."""
    row_ = result.effects.set_index("term").loc["level"]
    return float(row_["rate_ratio"]), float(row_["ci_low"]), float(row_["ci_high"])


def _refits(data, spec, comparisons, refit) -> tuple[dict[str, ITSResult], int]:
    """The controlled ITS without each comparison in turn, and how many could not be fitted."""
    found, skipped = {}, 0
    for code in sorted(comparisons, key=str):
        rest = _summed([f for c, f in comparisons.items() if c != code], refit)
        try:
            found[code] = interrupted_time_series(data, **(spec | {"control": rest}))
        except SERIES_ERRORS:
            skipped += 1
    return found, skipped


def leave_one_out(
    data: pd.DataFrame, spec: dict[str, Any], comparisons: dict[str, pd.DataFrame] | None,
    real: ITSResult, refit: Refit, alpha: float,
) -> dict:  # fmt: skip
    """Refit the controlled ITS with each comparison municipality left out."""
    if spec.get("control") is None:
        return row("leave_one_out", "not_run", "uncontrolled")
    if not comparisons:
        return row("leave_one_out", "not_run", "comparisons_unknown")
    if len(comparisons) < 2:
        return row("leave_one_out", "not_run", "one_comparison")
    found, skipped = _refits(data, spec, comparisons, refit)
    if not found:
        return row("leave_one_out", "not_run", "refits_failed", skipped=skipped)
    real_rr, low, high = level(real)
    ratios = {c: level(res)[0] for c, res in found.items()}
    verdict = conclusion(real, alpha)
    changed = [c for c, res in found.items()
               if conclusion(res, alpha) != verdict and not low <= ratios[c] <= high]  # fmt: skip
    far = max(ratios, key=lambda c: abs(np.log(ratios[c] / real_rr)))
    status, why = ("fail", "conclusion_changes") if changed else ("pass", "same_conclusion")
    counts = {"n": len(found), "skipped": skipped, "rate_ratio": ratios[far]}
    return row("leave_one_out", status, why, statistic=len(changed) / len(found),
               threshold=0.0, detail=", ".join(changed), **counts)  # fmt: skip


def non_target_check(
    spec: dict[str, Any], non_target: pd.DataFrame | None, non_target_control: pd.DataFrame | None,
    real: float, alpha: float,
) -> dict:  # fmt: skip
    """The same model on an outcome the project should not move."""
    if non_target is None or len(non_target) == 0:
        return row("non_target", "not_run", "no_non_target")
    if not np.isfinite(real):
        return row("non_target", "not_run", "no_estimate")
    try:
        res = interrupted_time_series(non_target, **(spec | {"control": non_target_control}))
    except SERIES_ERRORS:
        return row("non_target", "not_run", "not_fitted", skipped=1)
    p, rr = float(res.effects.set_index("term").loc["level", "p_value"]), level(res)[0]
    moved = p < alpha and abs(np.log(rr)) >= abs(real)
    status, why = ("fail", "non_target_changed") if moved else ("pass", "non_target_unchanged")
    return row("non_target", status, why, statistic=p, threshold=alpha, n=1, rate_ratio=rr)
