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
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .counts import Counts
from .figures import Series
from .hidden import Places
from .published import Cell


@dataclass
class Fact:
    """``lo ≤ Σ coef · x ≤ hi`` from the published ``cells`` (the same fact, maybe many pages)."""

    coef: dict[int, float]
    lo: float
    hi: float
    cells: list[Cell] = field(default_factory=list)


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

    def __init__(
        self,
        counts: Counts,
        cells: list[Cell] = (),
        pattern: Callable[[], Places | None] | None = None,
    ) -> None:
        self.counts, self.unexplained = counts, 0
        #: Gives the data set's hidden yearly counts (:func:`.hidden.hidden_places`, None when
        #: unknown); called once, when a group is not one of those the pages tell.
        self._decide, self._places = pattern, None
        self.facts: dict[tuple, Fact] = {}
        self._keys: dict[int, tuple[dict, frozenset]] = {}
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
        """A funnel group as its reader knows it, checked against the printed size ``group:N``:
        the municipalities with twelve months of the indicator, less those whose count of the
        year is hidden in the outputs read (left out of the group rate), or all of them (a
        group rate that keeps its hidden members), or less those the data set's pattern hides
        (what the reports leave out, which a reader of every output sees drawn hidden, but a
        batch of part of the country does not all show); None when none has N members. The
        pattern's group lies inside the other two, so whichever of them has N members is the
        pattern's too when that has N: the pattern is decided only when the pages do not tell."""
        key, size = (cell.indicator, cell.months), int(cell.unit[1][6:])
        full = self.counts.full_year(*key)
        seen = self.hidden_places.get(key, set())
        for group in ([n for n in full if n not in seen], full):
            if len(group) == size:
                return group
        hidden = seen | self._pattern().get(key, set())
        group = [n for n in full if n not in hidden]
        return group if len(group) == size else None

    def _pattern(self) -> Places:
        if self._places is None:
            self._places = (self._decide() if self._decide else None) or {}
        return self._places

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

    def _key(self, coef: dict) -> frozenset:
        """``frozenset(coef.items())``, made once per dict: most cells share the sums that
        :meth:`Counts.functional` keeps (a funnel group's has thousands of unknowns)."""
        kept = self._keys.get(id(coef))
        if kept is None or kept[0] is not coef:
            kept = self._keys[id(coef)] = (coef, frozenset(coef.items()))  # keeps coef alive
        return kept[1]

    def _target(self, f: dict, indicator: str, t: float) -> Target | None:
        if not self.counts.sensitive(indicator, t):
            return None
        key = self._key(f)
        if key not in self.targets:
            self.targets[key] = Target(f, indicator, t)
        return self.targets[key]

    def _fact(self, coef: dict, lo: float, hi: float, cell: Cell) -> None:
        key = (self._key(coef), lo, hi)
        if key not in self.facts:
            self.facts[key] = Fact(coef, lo, hi)
        self.facts[key].cells.append(cell)

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
