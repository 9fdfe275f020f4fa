"""Economic cost of the EMMIE section: budget spent against incidents prevented.

Per unit: the budget spent (P02N, a yearly indicator) summed over the calendar years from the
project's start to the last month the ITS counts (or the last year with data), the incidents
prevented of the unit's main impact count (the first monthly registered impact count with an
ITS estimate that an objective names, else the first of the catalogue;
:func:`socprev_kit.evaluation.evidence.cost.incidents_prevented` of section 5's fit, with the
level change's interval carried through) and the cost per incident
prevented with its interval, or why there is none (the interval holds zero: the change may be
chance).

Disclosure: the incidents prevented are ``counterfactual - observed`` summed over the months
after the start; with the counterfactual of the figure, that gives back the total of the
months' counts. When one of those monthly cells is hidden by the data set's pattern, the number,
its interval and the cost per incident are not printed (as an objective's observed value over a
window with a hidden cell: :func:`socprev_kit.evaluation.disclosure.window_hidden`), and the text
says why. A budget year that the pattern hides hides the budget.
"""

from __future__ import annotations

import pandas as pd

from ..common.formatting import format_month, format_number
from ..evaluation.evidence.cost import cost_per_incident, incidents_prevented, post_start
from .common import unit_label
from .display import Section
from .evaluate import published, unit_impact_ids
from .interrupted import ITSOutcome, its_outcome
from .report import Report, Unit
from .tables import indicator_label
from .texts import text

__all__ = ["BUDGET", "budget_spent", "cost_part", "main_outcome"]

#: The indicator of the budget spent.
BUDGET = "P02N"


def main_outcome(report: Report, unit: Unit) -> ITSOutcome | None:
    """The ITS of the unit's main impact count with an estimate, or None: the first (catalogue
    order) that an objective of the project names, else the first of the others (the problem
    the project set out to change before any count it did not aim at)."""
    objectives = report.ctx.data.objectives
    named = set(objectives.loc[objectives["project_id"] == unit.project_id, "indicator_id"])
    ids = unit_impact_ids(report, unit)
    for indicator in [i for i in ids if i in named] + [i for i in ids if i not in named]:
        outcome = its_outcome(report, unit, indicator)
        if outcome.result is not None:
            return outcome
    return None


def budget_spent(report: Report, unit: Unit, last_year: int | None) -> dict:
    """The budget spent from the project's start year to ``last_year`` (the last year with data
    when None), or to its end year when it ended before: ``total`` (None when not registered or
    hidden), ``first`` and ``last`` year, ``years`` summed, ``missing`` years of the window
    without a value, ``hidden``."""
    project = report.projects.set_index("project_id").loc[unit.project_id]
    start, end = project["start_date"], project["end_date"]
    rows = published(report, unit, "year")
    rows = rows[(rows["indicator_id"] == BUDGET) & rows["value"].notna()]
    years = rows["period"].astype(str).astype(int)
    first = pd.Timestamp(start).year if pd.notna(start) else (years.min() if len(years) else None)
    last = last_year if last_year is not None else (years.max() if len(years) else None)
    if pd.notna(end) and last is not None:
        last = min(last, pd.Timestamp(end).year)  # nothing is spent after the project's end
    out = {"total": None, "first": first, "last": last, "years": [], "missing": [], "hidden": False}
    if first is None or last is None:
        return out
    keep = years.between(first, last).to_numpy()
    mine, mine_years = rows[keep], years[keep]
    out["years"] = sorted(int(y) for y in mine_years)
    out["missing"] = [y for y in range(int(first), int(last) + 1) if y not in out["years"]]
    out["hidden"] = bool(mine["suppressed"].fillna(False).astype(bool).any())
    if len(mine) and not out["hidden"]:
        out["total"] = float(mine["value"].sum())
    return out


def _post_hidden(report: Report, outcome: ITSOutcome) -> bool:
    """Whether a monthly cell of the count after the start is hidden in the published series."""
    rows = published(report, outcome.unit)
    start = str(post_start(outcome.result))
    after = rows[(rows["indicator_id"] == outcome.indicator_id) & (rows["period"] >= start)]
    return bool(after["suppressed"].fillna(False).astype(bool).any())


def cost_part(report: Report) -> Section:
    """Economic cost: per unit the budget spent, the incidents prevented and the cost per
    incident prevented with their intervals, or what is missing."""
    lang = report.lang
    out = Section().md(f"### {text('h_cost', lang)}", text("cost_intro", lang))
    for unit in report.units:
        out.md(unit_label(report, unit))
        out.bullets(_unit_lines(report, unit))
    return out


def _unit_lines(report: Report, unit: Unit) -> list[str]:
    lang = report.lang
    outcome = main_outcome(report, unit)
    prevented = None if outcome is None else incidents_prevented(outcome.result)
    budget = budget_spent(report, unit, None if prevented is None else prevented.last.year)
    lines = [_budget_line(budget, lang)]
    if outcome is None:
        return [*lines, text("cost_no_its", lang)]
    name = indicator_label(outcome.indicator_id, lang)
    when = {
        "indicator": name,
        "first": format_month(prevented.first, lang),
        "last": format_month(prevented.last, lang),
        "months": prevented.n_months,
    }
    if _post_hidden(report, outcome):
        return [*lines, text("cost_hidden", lang, **when)]
    n = [format_number(round(x), lang, decimals=0) for x in (prevented.value, prevented.low,
                                                             prevented.high)]  # fmt: skip
    lines.append(text("cost_prevented", lang, value=n[0], low=n[1], high=n[2], **when))
    if "slope" in set(outcome.result.effects["term"]):  # the interval is the level's only
        lines[-1] += " " + text("cost_slope", lang)
    cost = cost_per_incident(budget["total"], prevented)
    if cost.status == "computed":
        euros = [format_number(x, lang, decimals=0) for x in (cost.value, cost.low, cost.high)]
        lines.append(text("cost_per_incident", lang, value=euros[0], low=euros[1], high=euros[2]))
    else:
        key = f"cost_{cost.status}"
        key = "cost_chance_slope" if key == "cost_chance" and prevented.low > 0 else key
        lines.append(text(key, lang, indicator=name))
    return lines


def _budget_line(budget: dict, lang: str) -> str:
    if budget["hidden"]:
        return text("cost_budget_hidden", lang)
    if budget["total"] is None:
        return text("cost_budget_none", lang)
    line = text(
        "cost_budget",
        lang,
        total=format_number(budget["total"], lang, decimals=0),
        first=budget["years"][0],
        last=budget["years"][-1],
    )
    if budget["missing"]:
        years = ", ".join(str(y) for y in budget["missing"])
        line += " " + text("cost_budget_missing", lang, years=years)
    return line
