"""Indicators over time: registrations aggregated to a frequency, derived indicators, and an
intermunicipal project's indicators over all its municipalities (:func:`combined`).

Every function takes frames and returns a new one. Registered values are first added up over the
old NIS codes of a merged municipality (so everything is on the 2025 geography), then aggregated
to month, quarter or year following the catalogue's ``aggregation``: ``sum``, ``mean``, ``last``
(the value of the last period) or ``none`` (only at the indicator's own frequency, NaN when
aggregated coarser). A period coarser than the frequency asked (a quarterly indicator in a monthly
table) keeps its own period: values are never spread over months.

Derived indicators aggregate numerator and denominator separately, each term with its own rule,
then divide: ``numerator / denominator * factor`` (a missing term or a zero denominator gives
NaN). A yearly or quarterly denominator applies to every period inside it.

Each row keeps the territory it was registered for in ``population_nis_codes`` (the 2019-2024
codes it covers: ``"71022"`` for Hasselt's rows registered as 71022 before the 2025 merger,
``"71022;73040"`` when Kortessem registered too, or from 2025); rates per 1,000 divide by that
territory's population of the period's year (:mod:`socprev_kit.indicators.rates`).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ..data import parsing, reference
from ..data.catalogue import POPULATION, formula_terms, indicator_catalogue
from ..validation.dataset import Dataset
from .rates import AREA, per_1000, population_at, union_areas

Freq = Literal["month", "quarter", "year"]
KEYS = ["project_id", "nis_code", "period", "indicator_id"]
#: Columns of :func:`indicator_table`, in order.
COLUMNS = [*KEYS, "frequency", "kind", "value", "numerator", "denominator", "population_year", AREA]
_RANK = {"month": 0, "quarter": 1, "year": 2}


def _labels(start: pd.Series, freq: str) -> pd.Series:
    """Period labels (``2024-03``, ``2024-Q1``, ``2024``) of the dates in ``start``."""
    if freq == "month":
        return start.dt.strftime("%Y-%m").astype(object)
    year = start.dt.year.astype("Int64").astype(str)
    if freq == "quarter":
        return (year + "-Q" + start.dt.quarter.astype("Int64").astype(str)).astype(object)
    return year.astype(object)


def _aggregate(regs: pd.DataFrame, cat: pd.DataFrame, freq: Freq) -> pd.DataFrame:
    """Registered values aggregated to ``freq`` following the catalogue's rule."""
    info = cat.set_index("indicator_id")
    ids = info.index[info["kind"] == "registered"]
    r = regs.loc[regs["indicator_id"].isin(ids), [*KEYS, "value"]].astype({k: object for k in KEYS})
    g = r.groupby(KEYS, sort=False)["value"]
    # one grouping, so its results share an index: set side by side, not joined (a join of
    # two national MultiIndexes checks their order for seconds)
    r = g.sum(min_count=1).to_frame("sum").assign(mean=g.mean().to_numpy()).reset_index()
    additive = r["indicator_id"].map(info["value_type"].eq("count") | info["aggregation"].eq("sum"))
    r["value"] = r["sum"].where(additive.astype(bool), r["mean"])
    native = parsing.period_frequency(r["period"])
    r["start"] = parsing.period_start(r["period"])
    finer = native.map(_RANK) <= _RANK[freq]
    r["period"] = _labels(r["start"], freq).where(finer, r["period"])
    r["frequency"] = np.where(finer, freq, native)
    r["same"] = native.to_numpy() == r["frequency"].to_numpy()
    g = r.sort_values("start").groupby([*KEYS, "frequency"], sort=False)
    out = g["value"].agg(["sum", "mean", "last"]).assign(same=g["same"].all().to_numpy())
    out = out.reset_index()
    rule = out["indicator_id"].map(info["aggregation"])
    out["value"] = np.select(
        [rule == "sum", rule == "mean", rule == "last", out["same"]],
        [out["sum"], out["mean"], out["last"], out["sum"]],
        np.nan,
    )
    out = out.assign(kind="registered")[[*KEYS, "frequency", "kind", "value"]]
    return out.merge(_areas(regs, freq), on=KEYS, how="left")


def _areas(regs: pd.DataFrame, freq: Freq) -> pd.DataFrame:
    """:data:`~socprev_kit.indicators.rates.AREA` of each aggregated key: every territory
    registered in
    it (:func:`~socprev_kit.data.reference.registered_area`), as sorted 2019-2024 codes."""
    code = regs["nis_code"].astype(object)
    if "nis_code_registered" in regs:
        code = regs["nis_code_registered"].astype(object).fillna(code)
    start = parsing.period_start(regs["period"].astype(object))
    finer = parsing.period_frequency(regs["period"]).map(_RANK) <= _RANK[freq]
    d = regs[KEYS].astype(object).assign(period=_labels(start, freq).where(finer, regs["period"]))
    d[AREA] = reference.registered_area(code, start.dt.year)
    return union_areas(d, KEYS)


def _holders(keys: pd.DataFrame) -> list[pd.MultiIndex]:
    """For each key: (project, municipality) with its own period, then with the quarter and
    the year holding it."""
    codes, uniques = pd.factorize(keys["period"].astype(object), use_na_sentinel=True)
    parts = [parsing.period_parts(p) for p in uniques]
    quarter = [None if x is None else f"{x[0]}-Q{(x[1] - 1) // 3 + 1}" for x in parts]
    year = [None if x is None else str(x[0]) for x in parts]
    labels = [np.append(np.array(v, dtype=object), None)[codes] for v in (quarter, year)]
    own = keys["period"].astype(object).to_numpy()
    return [
        pd.MultiIndex.from_arrays([keys["project_id"], keys["nis_code"], p]) for p in (own, *labels)
    ]


def _lookup(column: np.ndarray, positions: list[np.ndarray]) -> np.ndarray:
    """Aggregated value of a term (``column`` of the wide table) for each key's period, or for
    the quarter or year holding it (``positions``: rows of those periods, -1 where none)."""
    out = np.full(len(positions[0]), np.nan)
    for pos in positions:
        found = np.where(pos >= 0, column[pos], np.nan)
        out = np.where(np.isnan(out), found, out)
    return out


def _numerator_area(areas: pd.DataFrame, positions: list[np.ndarray], numerator: str) -> np.ndarray:
    """The territory of a per-inhabitant indicator at each key: that of its numerator's first
    term registered there (or in the quarter or year holding it). ``areas``: the territories of
    the registered indicators, one column each, in the order of the keys."""
    out = np.full(len(areas), None, dtype=object)
    for _, term in formula_terms(numerator):
        if term in areas:
            column = areas[term].to_numpy(dtype=object)
            for pos in positions:
                out = np.where(pd.isna(out), np.where(pos >= 0, column[pos], None), out)
    return out


def _derived(reg: pd.DataFrame, cat: pd.DataFrame) -> pd.DataFrame:
    """Derived indicators computed from the aggregated registered ones in ``reg``.

    What every derived indicator needs (the periods holding each key, each term looked up, the
    population) is computed once for every key of the table, then taken for the keys where one
    of the indicator's terms is registered.
    """
    wide = reg.set_index(["project_id", "nis_code", "period", "indicator_id"])["value"]
    wide = wide.unstack("indicator_id")
    derived = cat[cat["kind"] == "derived"]
    if wide.empty or derived.empty:
        return pd.DataFrame(columns=COLUMNS)
    keys = wide.index.to_frame(index=False)
    positions = [wide.index.get_indexer(idx) for idx in _holders(keys)]
    frequency = parsing.period_frequency(keys["period"])
    looked: dict[str, np.ndarray] = {}
    nan = np.full(len(keys), np.nan)
    areas: list[pd.DataFrame] = []  # the territories, made once when a rate needs them

    def side(expr: str) -> np.ndarray:
        """A numerator or denominator: signed sum of its terms, NaN when one is missing."""
        total = np.zeros(len(keys))
        for sign, term in formula_terms(expr):
            if term not in looked:
                looked[term] = (
                    _lookup(wide[term].to_numpy(dtype=float), positions) if term in wide else nan
                )
            total = total + sign * looked[term]
        return total

    parts = []
    for d in derived.itertuples():
        terms = [t for _, t in formula_terms(d.numerator) + formula_terms(d.denominator)]
        present = [t for t in terms if t in wide]
        if not present:
            continue
        rows = wide[present].notna().any(axis=1).to_numpy()
        t = keys[rows].reset_index(drop=True).assign(indicator_id=d.indicator_id, kind="derived")
        t["frequency"] = frequency[rows].reset_index(drop=True)
        t["numerator"] = side(d.numerator)[rows]
        if d.denominator.strip() == POPULATION:
            if not areas:
                areas.append(reg.set_index(KEYS)[AREA].unstack("indicator_id").reindex(wide.index))
            t[AREA] = _numerator_area(areas[0], positions, d.numerator)[rows]
            found = population_at(t[AREA], t["period"])
            t[["denominator", "population_year"]] = found.to_numpy()
        else:
            t["denominator"] = side(d.denominator)[rows]
        t["value"] = t["numerator"] / t["denominator"].where(t["denominator"] != 0) * d.factor
        parts.append(t)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS)


def indicator_table(
    data: Dataset, *, freq: Freq = "month", catalogue: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every indicator per project, municipality and period, registered and derived.

    Parameters
    ----------
    data
        A validated data set (NIS codes on the 2025 geography).
    freq
        ``"month"``, ``"quarter"`` or ``"year"``.
    catalogue
        The indicator catalogue (default: the shipped one).

    Returns
    -------
    pandas.DataFrame
        :data:`COLUMNS`: ``frequency`` of the row's period; ``kind`` registered or derived;
        ``numerator`` and ``denominator`` for derived rows; ``population_year`` where the
        denominator is the population; ``population_nis_codes``, the territory registered
        (2019-2024 codes joined by ``;``, see :mod:`socprev_kit.indicators.rates`), on registered
        rows and on those per inhabitant. Sorted by project, municipality, indicator, period.

    Examples
    --------
    >>> table = indicator_table(validate(regs), freq="quarter")  # doctest: +SKIP
    """
    if freq not in _RANK:
        raise ValueError(f"freq must be 'month', 'quarter' or 'year', not {freq!r}")
    cat = indicator_catalogue() if catalogue is None else catalogue
    reg = _aggregate(data.registrations, cat, freq)
    out = pd.concat([reg, _derived(reg, cat)], ignore_index=True).reindex(columns=COLUMNS)
    out = out.astype({c: float for c in ("value", "numerator", "denominator")})
    out["population_year"] = out["population_year"].astype("Int64")
    order = ["project_id", "nis_code", "indicator_id", "period"]
    return out.sort_values(order, ignore_index=True)


def combined(
    table: pd.DataFrame, project_id: str, *, catalogue: pd.DataFrame | None = None
) -> pd.DataFrame:
    """An intermunicipal project's indicators over all its municipalities, ``nis_code`` ``"ALL"``.

    Numerators, denominators and (if present) populations are summed over the municipalities,
    then divided; registered values are summed for counts and ``sum`` indicators and left NaN
    for the others (an unweighted mean of percentages or medians would mislead), unless one
    municipality holds the period's only row: its value is then the project's. A sum is NaN
    when a municipality's row lacks the value; ``n_municipalities`` counts the municipalities
    with a row, so a total over part of the area can be seen (and left out) by the caller.
    ``table`` is an :func:`indicator_table`, optionally passed through
    :func:`~socprev_kit.indicators.rates.rates_per_1000`.
    """
    cat = indicator_catalogue() if catalogue is None else catalogue
    t = table[table["project_id"] == project_id]
    if t.empty:
        raise ValueError(f"No rows for project {project_id!r}; check the id.")
    return combine_projects(t, cat)


def combine_projects(table: pd.DataFrame, cat: pd.DataFrame) -> pd.DataFrame:
    """:func:`combined` of every project in ``table`` at once (sorted by project too)."""
    t = table
    info = cat.set_index("indicator_id")
    cols = [c for c in ("value", "numerator", "denominator", "population") if c in t]
    by = ["project_id", "period", "indicator_id", "frequency", "kind"]
    g = t.groupby(by, sort=False)
    sums = g[cols].sum(min_count=1).where(g[cols].count().eq(g.size(), axis=0))
    out = sums.assign(  # one grouping: the same index, side by side
        population_year=g["population_year"].max().array, n_nis=g["nis_code"].nunique().to_numpy()
    )
    out = out.reset_index().assign(nis_code="ALL")
    if AREA in t:
        out = out.merge(union_areas(t, by), on=by, how="left")
    additive = out["indicator_id"].map(
        info["value_type"].eq("count") | info["aggregation"].eq("sum")
    )
    derived = out["kind"].eq("derived")
    ratio = out["numerator"] / out["denominator"].where(out["denominator"] != 0)
    kept = out["value"].where(additive.fillna(False).astype(bool) | out["n_nis"].eq(1))
    out["value"] = ratio.mul(out["indicator_id"].map(info["factor"])).where(derived, kept)
    if "population" in out:
        out["rate_per_1000"] = per_1000(out)
    keep = [c for c in table.columns if c in out] + ["n_nis"]
    return (
        out[keep]
        .rename(columns={"n_nis": "n_municipalities"})
        .sort_values(["project_id", "indicator_id", "period"], ignore_index=True)
    )
