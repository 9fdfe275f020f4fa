"""What a reader learns from each published number: linear facts about the registered counts.

The attacker's model. The unknowns are the registered counts (one per project, municipality,
indicator and registered period), all ≥ 0. Every published cell is a linear fact about them: a
count is the sum of its registrations (a year of its months, a project of its municipalities, a
municipality of its projects); a rate per 1,000 pins its count to an interval (the population is
public: that of the territory the registrations cover, by the published rule of
:func:`socprev_kit.data.reference.registered_area`, e.g. old Hasselt 71022 alone before 2025, as the
yearly tables print it); a percentage ``p`` of a derived indicator gives ``N − (p ± rounding) /
100 · D`` ≥ 0 or ≤ 0; a hidden ``< k`` says 1 ≤ count ≤ k − 1, a hidden word only that it is
hidden. A hidden (or small) count is *recoverable* when the linear programme min / max of it
over these facts leaves a single whole number (an interval attack, which contains every
subtraction). Each fact is first checked against the data: a number the audit cannot explain
from the registrations (a mean, a rolling window, another geography) is left out, and counted,
never guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from ..data import parsing
from ..indicators.series import CONTEXT, chosen_rows
from .figures import Series
from .published import Cell


@dataclass
class Fact:
    """``lo ≤ Σ coef · x ≤ hi`` from the published ``cells`` (the same fact, maybe many pages)."""

    coef: dict[int, float]
    lo: float
    hi: float
    cells: list[Cell] = field(default_factory=list)


def _months(period: str) -> tuple[int, int]:
    """First and last month (``year * 12 + month - 1``) of a canonical period."""
    year, month, n = parsing.period_parts(period)
    first = year * 12 + month - 1
    return first, first + n - 1


class Counts:
    """The registered counts of the data as the unknowns, and the cells as sums of them.

    ``context``: the data set's context rows (:attr:`Dataset.context`), unknowns too (project
    :data:`~socprev_kit.indicators.series.CONTEXT`). A cell of all projects in a municipality
    (unit ``("*", nis)``: a funnel, the context section) is its series as the reports make it
    (:func:`~socprev_kit.indicators.series.chosen_rows`): its context rows when it has any,
    else per period its project registration with the largest value.
    """

    def __init__(
        self,
        registrations: pd.DataFrame,
        catalogue: pd.DataFrame,
        population: pd.DataFrame,
        context: pd.DataFrame | None = None,
    ) -> None:
        if context is not None and len(context):
            extra = context.assign(project_id=CONTEXT, nis_code=context["nis_code"].astype(str))
            registrations = pd.concat([registrations, extra], ignore_index=True)
        self.cat = catalogue.set_index("indicator_id")
        self.info: dict[str, dict] = self.cat.to_dict("index")
        cat = self.cat
        counts = cat.index[cat["value_type"].eq("count") & cat["kind"].eq("registered")]
        r = registrations[registrations["indicator_id"].isin(counts)]
        key = ["project_id", "nis_code", "indicator_id", "period"]
        r = r.assign(area=_areas(r)).groupby(key, as_index=False)
        r = r.agg(value=("value", "sum"), area=("area", ";".join))
        span = np.array([_months(p) for p in r["period"]]).reshape(-1, 2)
        self.vars = r.assign(m0=span[:, 0], m1=span[:, 1])
        self.vars["chosen"] = chosen_rows(self.vars).to_numpy()
        self._area = [frozenset(a.split(";")) for a in self.vars["area"]]
        self.truth = self.vars["value"].to_numpy(float)
        self._by = {
            ind: tuple(
                g[c].to_numpy() for c in ("index", "project_id", "nis_code", "m0", "m1", "chosen")
            )
            for ind, g in self.vars.reset_index().groupby("indicator_id")
        }
        self._cache: dict[tuple, dict | None] = {}
        pop = population.assign(nis_code=population["nis_code"].astype(str))
        self.pop = pop.pivot_table(index="nis_code", columns="year", values="population")

    def sensitive(self, indicator: str, value: float) -> bool:
        k = self.cat["min_cell"].get(indicator, 0)
        return bool(k and 0 < value < k)

    def functional(self, unit: tuple[str, str], indicator: str, months: tuple) -> dict | None:
        """The registrations a count cell sums (None: not a sum the audit can explain)."""
        key = (unit, indicator, months)
        if key not in self._cache:
            self._cache[key] = self._functional(unit, indicator, months)
        return self._cache[key]

    def _functional(self, unit: tuple[str, str], indicator: str, months: tuple) -> dict | None:
        if self.cat["aggregation"].get(indicator) != "sum" or indicator not in self._by:
            return None
        index, project, nis, m0, m1, chosen = self._by[indicator]
        mask = (m1 >= months[0]) & (m0 <= months[1])
        mask &= chosen if unit[0] == "*" else project == unit[0]
        if unit[1] != "*":
            mask &= np.isin(nis, unit[1].split(","))
        if not mask.any() or (m0[mask] < months[0]).any() or (m1[mask] > months[1]).any():
            return None
        return dict.fromkeys(index[mask].tolist(), 1.0)

    def full_year(self, indicator: str, months: tuple) -> list[str]:
        """The municipalities whose series (context rows, else any project's registrations) of
        ``indicator`` has a value in each month of ``months``: a funnel's group."""
        if indicator not in self._by:
            return []
        _, _, nis, m0, m1, chosen = self._by[indicator]
        inside = chosen & (m0 == m1) & (m0 >= months[0]) & (m1 <= months[1])
        seen = pd.DataFrame({"nis": nis[inside], "m": m0[inside]}).drop_duplicates()
        n = seen.groupby("nis")["m"].size()
        return sorted(n.index[n == months[1] - months[0] + 1])

    def value(self, f: dict) -> float:
        return float(sum(self.truth[i] * c for i, c in f.items()))

    def population(self, f: dict, months: tuple) -> float | None:
        """The population of the territory the registrations of ``f`` cover (the union of
        their registered territories), on 1 January of the year of ``months`` or the latest
        year before it; None for a period other than a calendar year, or an unknown code."""
        if months[1] - months[0] != 11 or months[0] % 12:
            return None
        years = [y for y in self.pop.columns if y <= months[0] // 12]
        if not years:
            return None
        codes = sorted(frozenset().union(*(self._area[i] for i in f)))
        total = self.pop.reindex(codes)[max(years)]
        return None if total.isna().any() else float(total.sum())


def _areas(registrations: pd.DataFrame) -> pd.Series:
    """The territory each registration covers, as 2019-2024 codes joined by ``;``: the
    published rule (:func:`socprev_kit.data.reference.registered_area`, public reference data)
    applied to the code it was registered under and its year."""
    from ..data.reference import registered_area

    code = registrations["nis_code"].astype(object)
    if "nis_code_registered" in registrations:
        code = registrations["nis_code_registered"].astype(object).fillna(code).astype(str)
    years = registrations["period"].astype(str).str[:4].astype(int)
    return registered_area(code, years).fillna(registrations["nis_code"].astype(str))


@dataclass
class Target:
    """A count that must stay hidden: small (1 .. min_cell − 1) and hidden or shown somewhere."""

    coef: dict[int, float]
    indicator: str
    truth: float
    hidden: list[Cell] = field(default_factory=list)
    shown: list[Cell] = field(default_factory=list)


class Facts:
    """The facts and targets of a batch's cells; ``unexplained``: cells left out (see module)."""

    def __init__(self, counts: Counts, cells: list[Cell] = ()) -> None:
        self.counts, self.unexplained = counts, 0
        self.facts: dict[tuple, Fact] = {}
        self.targets: dict[frozenset, Target] = {}
        #: (count indicator, months) -> the municipalities whose count there is hidden in
        #: some published cell of ``cells`` (a reader sees these markers).
        self.hidden_places: dict[tuple, set[str]] = {}
        for cell in cells:
            if cell.hidden and cell.unit[1].isdigit():
                info = counts.info.get(cell.indicator, {})
                count = info.get("numerator") if info.get("denominator") == "population" else None
                key = (count or cell.indicator, cell.months)
                self.hidden_places.setdefault(key, set()).add(cell.unit[1])

    def add(self, cell: Cell) -> None:
        """Add one published cell: a fact, a target, or (unexplained) nothing."""
        cat = self.counts.info
        if cell.indicator not in cat:
            return
        if cell.unit[1].startswith("group:"):  # a funnel's group rate (see _group)
            if (members := self._group(cell)) is None:
                self.unexplained += 1
                return
            cell = replace(cell, unit=("*", ",".join(members)))
        info, measure = cat[cell.indicator], cell.measure
        num, den, factor = cell.indicator, None, 1000.0
        if info["kind"] == "derived":
            num, den, factor = info["numerator"], info["denominator"], float(info["factor"])
            measure = "rate" if den == "population" else "ratio"
            if cat.get(num, {}).get("value_type") != "count":  # euros, FTE: not a count to protect
                return
        elif info["value_type"] != "count":
            return
        elif measure == "value":
            measure = "count"
        if {cat.get(n, {"aggregation": "sum"})["aggregation"] for n in (num, den)} != {"sum"}:
            return  # a mean or last value over a year: not a sum of registrations (not modelled)
        f = self.counts.functional(cell.unit, num, cell.months)
        if f is None:
            self.unexplained += 1
            return
        t = self.counts.value(f)
        if cell.hidden:
            self._hidden(cell, f, num, t)
        elif measure == "count":
            v = cell.value
            self._explained(cell, f, num, t, abs(t - v) <= cell.half, v, v)
        elif measure == "rate":
            self._rate(cell, f, num, t, factor)
        else:
            self._ratio(cell, f, num, t, den, factor)

    def _group(self, cell: Cell) -> list[str] | None:
        """A funnel group as its reader infers it from the printed size ``group:N``: the
        municipalities with twelve months of the indicator, less those whose count of the year
        is hidden somewhere in the outputs (left out of the group rate), or all of them (a
        group rate that keeps its hidden members); None when neither has N members."""
        full = self.counts.full_year(cell.indicator, cell.months)
        hidden = self.hidden_places.get((cell.indicator, cell.months), set())
        size = int(cell.unit[1][6:])
        return next((g for g in ([n for n in full if n not in hidden], full) if len(g) == size),
                    None)  # fmt: skip

    def add_series(self, series: Series) -> bool:
        """Add a figure's monthly counts as facts, for the first of its units whose
        registrations they all match; False when none does (the series is left out)."""
        k = series.bound
        for unit in series.units:
            fs = {m: self.counts.functional(unit, series.indicator, (m, m)) for m in series.points}
            if not all(fs.values()):
                continue
            truth = {m: self.counts.value(f) for m, f in fs.items()}
            if k and all(1 <= t <= k - 1 for t in truth.values()):
                for m, f in fs.items():
                    self._hidden(self._month(series, unit, m, f"< {k}", None, k), f,
                                 series.indicator, truth[m])  # fmt: skip
                return True
            if not k and all(truth[m] == v for m, v in series.points.items()):
                for m, f in fs.items():
                    v = series.points[m]
                    self._fact(f, v, v, self._month(series, unit, m, f"{v:g}", v, None))
                return True
        return False

    @staticmethod
    def _month(series: Series, unit: tuple, m: int, text: str, v: float | None,
               k: int | None) -> Cell:  # fmt: skip
        where = f"{series.where} | {m // 12}-{m % 12 + 1:02d}"
        return Cell(series.file, where, unit, series.indicator, (m, m), "value", text, v, 0.5,
                    k is not None, k)  # fmt: skip

    def _target(self, f: dict, indicator: str, t: float) -> Target | None:
        if not self.counts.sensitive(indicator, t):
            return None
        return self.targets.setdefault(frozenset(f.items()), Target(f, indicator, t))

    def _fact(self, coef: dict, lo: float, hi: float, cell: Cell) -> None:
        fact = self.facts.setdefault((frozenset(coef.items()), lo, hi), Fact(coef, lo, hi))
        fact.cells.append(cell)

    def _hidden(self, cell: Cell, f: dict, indicator: str, t: float) -> None:
        if (target := self._target(f, indicator, t)) is not None:
            target.hidden.append(cell)
        if cell.bound is not None and 1 <= t <= cell.bound - 1:
            self._fact(f, 1.0, cell.bound - 1.0, cell)

    def _explained(self, cell: Cell, f: dict, ind: str, t: float, ok: bool, lo: float,
                   hi: float) -> None:  # fmt: skip
        if not ok:
            self.unexplained += 1
            return
        self._fact(f, lo, hi, cell)
        if (target := self._target(f, ind, t)) is not None:
            target.shown.append(cell)

    def _rate(self, cell: Cell, f: dict, ind: str, t: float, factor: float) -> None:
        pop = self.counts.population(f, cell.months)
        if not pop:
            self.unexplained += 1
            return
        r, h = cell.value, cell.half
        ok = abs(t / pop * factor - r) <= h + 1e-9
        self._explained(cell, f, ind, t, ok, (r - h) * pop / factor, (r + h) * pop / factor)

    def _ratio(self, cell: Cell, f: dict, ind: str, t: float, den: str, factor: float) -> None:
        g = self.counts.functional(cell.unit, den, cell.months)
        d = self.counts.value(g) if g else 0.0
        if not d or abs(t / d * factor - cell.value) > cell.half + 1e-9:
            self.unexplained += 1
            return
        for bound, lo, hi in ((cell.value - cell.half, 0.0, math.inf),
                              (cell.value + cell.half, -math.inf, 0.0)):  # fmt: skip
            self._fact({**f, **{i: -bound / factor for i in g}}, lo, hi, cell)
        if (target := self._target(f, ind, t)) is not None:
            target.shown.append(cell)
