"""What one municipality did not register: months missing and indicators never registered."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where it is used: `socprev-kit --help` stays fast
    import pandas as pd

    from ...validation.dataset import Dataset


def missing(
    data: Dataset, nis: str, pids: list[str], cat: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Months missing per series with some months registered; indicators expected but never
    registered: in the project's objectives (a derived one: its parts), or registered by another
    municipality of the project.

    The months are those of :func:`socprev_kit.indicators.coverage.completeness_months` (without a
    usable projects table: from a series' first month to the last month of the data).
    """
    import pandas as pd

    from ...indicators.coverage import completeness_months

    regs = data.registrations[data.registrations["project_id"].isin(pids)]
    mine = regs[regs["nis_code"] == nis]
    here = set(zip(mine["project_id"], mine["indicator_id"], strict=True))
    expected = dict.fromkeys(
        zip(regs["project_id"], regs["indicator_id"], strict=True), "why_others"
    )
    info = cat.set_index("indicator_id")
    goals = data.objectives[data.objectives["project_id"].isin(pids)]
    for pid, ind in zip(goals["project_id"], goals["indicator_id"], strict=True):
        expected.update(dict.fromkeys(((pid, i) for i in _typed_in(ind, info)), "why_objective"))
    never = [(p, i, why) for (p, i), why in sorted(expected.items()) if (p, i) not in here]
    grid = completeness_months(data, catalogue=cat)
    grid = grid[(grid["nis_code"] == nis) & grid["project_id"].isin(pids)]
    gaps = grid[~grid["registered"].astype(bool)]
    keys = ["project_id", "indicator_id"]
    size = grid.groupby(keys).size()
    months = pd.DataFrame(
        [(p, i, list(g["month"]), len(g), size[(p, i)]) for (p, i), g in gaps.groupby(keys)],
        columns=["project", "indicator", "months", "n_missing", "n_expected"],
    )
    skip = {(p, i) for p, i, _ in never}
    keep = [pair not in skip for pair in zip(months["project"], months["indicator"], strict=True)]
    never = pd.DataFrame(never, columns=["project", "indicator", "why"])
    return months[pd.Series(keep, dtype=bool)].reset_index(drop=True), never


def _typed_in(indicator: str, info: pd.DataFrame) -> list[str]:
    """The registered indicators behind ``indicator``: itself, or a derived one's parts (the
    terms of its numerator and denominator, the population left out).

    >>> from socprev_kit.data.catalogue import indicator_catalogue
    >>> _typed_in("O06", indicator_catalogue().set_index("indicator_id"))
    ['O06N', 'O05']
    """
    from ...data.catalogue import formula_terms

    if indicator not in info.index or info.at[indicator, "kind"] == "registered":
        return [indicator] if indicator in info.index else []
    sides = [info.at[indicator, side] for side in ("numerator", "denominator")]
    terms = [t for side in sides if isinstance(side, str) for _, t in formula_terms(side)]
    return [t for t in terms if t in info.index]
