"""The unknowns of the attacker's model (:mod:`.facts`): the registered counts of the data, one
per project (or the context data), municipality, indicator and registered period, with the
territory each covers, and the published cells as sums of them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import parsing
from ..indicators.series import CONTEXT, chosen_rows

__all__ = ["Counts"]


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
        #: per indicator, the positions (in ``_by``'s arrays) of each municipality's and each
        #: project's rows: a cell of one municipality looks at its rows only, not the country's
        self._at = {
            ind: {
                "nis": pd.Series(arrays[2]).groupby(arrays[2], sort=False).indices,
                "project": pd.Series(arrays[1]).groupby(arrays[1], sort=False).indices,
            }
            for ind, arrays in self._by.items()
        }
        self._cache: dict[tuple, dict | None] = {}
        self._groups: dict[tuple, list[str]] = {}
        #: id(f) -> (f, its value) and (id(f), year) -> (f, population): a cell's sum is the
        #: same dict object for every cell of the same unit and months (``functional``'s cache)
        self._values: dict[int, tuple[dict, float]] = {}
        self._pops: dict[tuple[int, int], tuple[dict, float | None]] = {}
        pop = population.assign(nis_code=population["nis_code"].astype(str))
        pop = pop.pivot_table(index="nis_code", columns="year", values="population")
        #: year -> NIS code -> population on 1 January
        self._pop_of = {int(y): {k: float(v) for k, v in pop[y].dropna().items()} for y in pop}

    def sensitive(self, indicator: str, value: float) -> bool:
        k = self.info.get(indicator, {}).get("min_cell", 0)
        return bool(k and k == k and 0 < value < k)  # k == k: not NaN

    def functional(self, unit: tuple[str, str], indicator: str, months: tuple) -> dict | None:
        """The registrations a count cell sums (None: not a sum the audit can explain)."""
        key = (unit, indicator, months)
        if key not in self._cache:
            self._cache[key] = self._functional(unit, indicator, months)
        return self._cache[key]

    def _functional(self, unit: tuple[str, str], indicator: str, months: tuple) -> dict | None:
        if self.info.get(indicator, {}).get("aggregation") != "sum" or indicator not in self._by:
            return None
        index, project, nis, m0, m1, chosen = self._by[indicator]
        at = self._at[indicator]
        if unit[1] != "*":
            found = [at["nis"].get(n) for n in dict.fromkeys(unit[1].split(","))]
            found = [a for a in found if a is not None]
            rows = np.sort(np.concatenate(found)) if found else np.empty(0, dtype=np.intp)
        elif unit[0] != "*":
            rows = at["project"].get(unit[0], np.empty(0, dtype=np.intp))
        else:
            rows = np.arange(len(index))
        lo, hi = m0[rows], m1[rows]
        mask = (hi >= months[0]) & (lo <= months[1])
        mask &= chosen[rows] if unit[0] == "*" else project[rows] == unit[0]
        if not mask.any() or (lo[mask] < months[0]).any() or (hi[mask] > months[1]).any():
            return None
        return dict.fromkeys(index[rows[mask]].tolist(), 1.0)

    def full_year(self, indicator: str, months: tuple) -> list[str]:
        """The municipalities whose series (context rows, else any project's registrations) of
        ``indicator`` has a value in each month of ``months``: a funnel's group."""
        key = (indicator, tuple(months))
        if key not in self._groups:
            self._groups[key] = self._full_year(indicator, months)
        return self._groups[key]

    def _full_year(self, indicator: str, months: tuple) -> list[str]:
        if indicator not in self._by:
            return []
        _, _, nis, m0, m1, chosen = self._by[indicator]
        inside = chosen & (m0 == m1) & (m0 >= months[0]) & (m1 <= months[1])
        seen = pd.DataFrame({"nis": nis[inside], "m": m0[inside]}).drop_duplicates()
        n = seen.groupby("nis")["m"].size()
        return sorted(n.index[n == months[1] - months[0] + 1])

    def value(self, f: dict) -> float:
        """The true value of the sum ``f`` (unknown -> coefficient)."""
        kept = self._values.get(id(f))
        if kept is not None and kept[0] is f:
            return kept[1]
        if len(f) > 32:
            keys = np.fromiter(f.keys(), dtype=np.intp, count=len(f))
            coefs = np.fromiter(f.values(), dtype=float, count=len(f))
            v = float(self.truth[keys] @ coefs)
        else:
            v = float(sum(self.truth[i] * c for i, c in f.items()))
        self._values[id(f)] = (f, v)  # f is kept alive with it: its id is never reused
        return v

    def population(self, f: dict, months: tuple) -> float | None:
        """The population of the territory the registrations of ``f`` cover (the union of
        their registered territories), on 1 January of the year of ``months`` or the latest
        year before it; None for a period other than a calendar year, or an unknown code."""
        if months[1] - months[0] != 11 or months[0] % 12:
            return None
        years = [y for y in self._pop_of if y <= months[0] // 12]
        if not years:
            return None
        key = (id(f), max(years))
        kept = self._pops.get(key)
        if kept is not None and kept[0] is f:
            return kept[1]
        codes = frozenset().union(*(self._area[i] for i in f))
        known = self._pop_of[max(years)]
        total = None if any(c not in known for c in codes) else sum(known[c] for c in codes)
        self._pops[key] = (f, total)
        return total


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
