"""Disclosure control over everything published from one data set: primary and secondary
(complementary) suppression of small counts.

Decisions:

- **Cells.** A cell is one count of one project, area (a NIS code, or ``"ALL"`` for the
  project's municipalities together), indicator and period (month, quarter or year). A
  registered count indicator is its own cell; a derived indicator (a rate per 1,000, a
  percentage) is the cell of its *numerator*: the rate reveals the count, so both are hidden
  together. Only indicators whose catalogue ``min_cell`` (or that of a derived indicator built on
  them) is above 0 are cells.
- **Primary suppression** (:func:`primary`): a count from 1 to ``min_cell - 1``; zeros stay
  visible (a zero identifies no one). For a proportion (catalogue ``proportion``: the numerator
  is part of the denominator) the complement ``denominator - numerator`` from 1 to
  ``min_cell - 1`` hides the numerator too: "18 of 20" reveals 2.
- **Relations** (:func:`relations`): the linear links a reader can use between published cells:
  a project total and its municipalities (per period), a year and its months (or quarters), and
  the same count of one municipality published in two projects. A relation is kept only when it
  holds in the data (the sum equals the total), because only then can a reader use it.
- **Secondary suppression** (:func:`secondary`): in every relation with exactly one hidden cell,
  the smallest other cell (a non-zero one first) is hidden too; repeated over all relations
  until nothing changes (a fixed point), so that a cell hidden for one relation is protected in
  every other relation it takes part in. Every hidden cell then shares each of its relations
  with at least one other hidden cell: no single subtraction gives it back.
- **Once per data set** (:func:`pattern`): the pattern is decided on the whole data set's
  monthly and yearly tables with the project totals, so that every report, figure, text and
  export of a run hides the same cells; reports look it up (:func:`hidden_rows`) and never decide
  on their own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .indicators import combine_projects

__all__ = [
    "KEYS",
    "cell_keys",
    "hidden_rows",
    "pattern",
    "primary",
    "relations",
    "secondary",
    "window_hidden",
]

#: The columns that name a cell.
KEYS = ("project_id", "nis_code", "count_id", "period")
_TOL = 1e-6


def primary(
    counts: np.ndarray | pd.Series,
    min_cell: np.ndarray | pd.Series | float,
    *,
    complement: np.ndarray | pd.Series | None = None,
    keep_zero: bool = True,
) -> np.ndarray:
    """Cells hidden for their own sake: a count (or a complement) from 1 to ``min_cell - 1``.

    >>> primary(np.array([0, 3, 7, 18.0]), 5, complement=np.array([np.nan, 1, 4, 2])).tolist()
    [False, True, True, True]
    """
    counts = np.asarray(counts, dtype=float)
    k = np.broadcast_to(np.asarray(min_cell, dtype=float), counts.shape)
    low = 0 if keep_zero else -1
    out = (counts > low) & (counts < k)
    if complement is not None:
        c = np.asarray(complement, dtype=float)
        out |= (c > 0) & (c < k)
    return out


def secondary(
    values: np.ndarray | pd.Series,
    hidden: np.ndarray,
    links: Sequence[Sequence[int]],
    *,
    upper: np.ndarray | pd.Series | None = None,
) -> np.ndarray:
    """Secondary suppression to a fixed point.

    Each relation says ``first = sum(others)``. A reader knows the published cells, so the
    hidden ones must satisfy one equation. A relation needs one more hidden cell (its smallest
    published one, a non-zero one first) while it has exactly one hidden cell, or while all its
    hidden cells are small ones and the equation with their bounds 1..``upper`` leaves one of
    them a single possible whole number: two small cells that a total leaves 8 with
    ``min_cell`` 5 (both 4), or a small year equal to its four small months (all 1). A reader
    cannot tell a small hidden cell from one hidden to protect it (both read "hidden"), so once
    a relation holds a hidden cell that is not small, that guess fails. Repeated over all
    relations until nothing changes (a fixed point).

    Parameters
    ----------
    values
        The value of each cell.
    hidden
        The cells hidden so far (primary suppression).
    links
        Each relation as the positions of its cells, the total first (two equal cells: a total
        with one part).
    upper
        Per cell, the largest value a hidden small cell can have (``min_cell - 1``), NaN for
        cells that are not small.

    Returns
    -------
    numpy.ndarray
        The hidden cells.

    Examples
    --------
    A total of 12 over three parts 3, 4, 5 (3 is small): hiding 3 alone leaves 12 - 4 - 5.

    >>> secondary(np.array([12, 3, 4, 5.0]), np.array([False, True, False, False]),
    ...           [[0, 1, 2, 3]]).tolist()
    [False, True, True, False]
    """
    out = np.array(hidden, dtype=bool, copy=True)
    links = [np.asarray(r, dtype=np.int64) for r in links if len(r) > 1]
    if not links:
        return out
    rel = np.concatenate([np.full(len(r), i) for i, r in enumerate(links)])
    cell = np.concatenate(links)
    sign = np.concatenate([np.r_[1.0, -np.ones(len(r) - 1)] for r in links])
    v = np.asarray(values, dtype=float)[cell]
    up = np.full(len(cell), np.nan) if upper is None else np.asarray(upper, float)[cell]
    order = np.lexsort((cell, v, ~(v > 0), rel))  # per relation: non-zero first, smallest
    rel, cell, sign, v, up = rel[order], cell[order], sign[order], v[order], up[order]
    low, high = np.where(np.isnan(up), 0.0, 1.0), np.where(np.isnan(up), np.inf, up)
    while True:
        h = out[cell]
        n_hidden = np.bincount(rel, weights=h, minlength=len(links))
        small = np.bincount(rel, weights=h & (low > 0), minlength=len(links)) == n_hidden
        pinned = (n_hidden == 1) | (small & _pinned(rel, sign, v, low, high, h, len(links)))
        open_ = pinned[rel] & ~h
        if not open_.any():
            return out
        first = np.unique(rel[open_], return_index=True)[1]
        out[cell[open_][first]] = True


def _pinned(rel, sign, v, low, high, h, n) -> np.ndarray:  # noqa: ANN001
    """Per relation: whether a hidden cell has a single possible whole value."""
    a, b = sign * low, sign * high  # the bounds of sign * x
    lo, hi = np.where(h, np.minimum(a, b), 0.0), np.where(h, np.maximum(a, b), 0.0)
    rest = np.bincount(rel, weights=np.where(h, sign * v, 0.0), minlength=n)  # sum sign*x
    lo_fin, hi_fin = np.where(np.isfinite(lo), lo, 0.0), np.where(np.isfinite(hi), hi, 0.0)
    lo_inf = np.bincount(rel, weights=~np.isfinite(lo), minlength=n)
    hi_inf = np.bincount(rel, weights=~np.isfinite(hi), minlength=n)
    others_lo = np.bincount(rel, weights=lo_fin, minlength=n)[rel] - lo_fin
    others_hi = np.bincount(rel, weights=hi_fin, minlength=n)[rel] - hi_fin
    others_lo[lo_inf[rel] - ~np.isfinite(lo) > 0] = -np.inf
    others_hi[hi_inf[rel] - ~np.isfinite(hi) > 0] = np.inf
    own_lo, own_hi = rest[rel] - others_hi, rest[rel] - others_lo  # the range of sign * x
    x_lo = np.maximum(np.where(sign > 0, own_lo, -own_hi), low)
    x_hi = np.minimum(np.where(sign > 0, own_hi, -own_lo), high)
    single = h & (np.floor(x_hi + 1e-9) - np.ceil(x_lo - 1e-9) < 1)
    return np.bincount(rel, weights=single, minlength=n) > 0


def cell_keys(table: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """The cell of each row: ``count_id`` (the indicator itself, or a derived indicator's
    numerator), ``count``, ``complement`` (proportions) and ``min_cell``; NaN ``count`` for
    rows that hold no count. Index as ``table``."""
    info = catalogue.set_index("indicator_id")
    ind = table["indicator_id"]
    derived = ind.map(info["kind"]).eq("derived").to_numpy()
    is_count = ind.map(info["value_type"].eq("count")).fillna(False).astype(bool).to_numpy()
    num = table["numerator"] if "numerator" in table else pd.Series(np.nan, index=table.index)
    den = table["denominator"] if "denominator" in table else pd.Series(np.nan, index=table.index)
    count = np.where(derived, num, np.where(is_count, table["value"], np.nan))
    own = ind.map(info["numerator"]).where(derived, ind)
    registered = own.map(info["kind"]).eq("registered")
    count_id = own.where(registered & derived, ind)
    proportion = ind.map(info["proportion"]).fillna(False).astype(bool) & derived
    k = _effective_min_cell(info)
    return pd.DataFrame(
        {
            "count_id": count_id,
            "count": pd.to_numeric(pd.Series(count, index=table.index), errors="coerce"),
            "complement": (den - num).where(proportion),
            "min_cell": count_id.map(k).fillna(0).astype(float),
        },
        index=table.index,
    )


def _effective_min_cell(info: pd.DataFrame) -> pd.Series:
    """Per count indicator: its ``min_cell`` or that of a derived indicator built on it."""
    k = info["min_cell"].astype(float).copy()
    derived = info[info["kind"].eq("derived") & info["numerator"].isin(info.index)]
    for numerator, mc in zip(derived["numerator"], derived["min_cell"], strict=True):
        k[numerator] = max(k[numerator], float(mc))
    return k


def _sums(parts: pd.DataFrame, by: list[str], totals: pd.DataFrame) -> list[list[int]]:
    """Relations ``total = sum(parts)`` where they hold: ``parts`` grouped ``by``, matched with
    ``totals`` on the same columns (positions are the frames' index)."""
    if parts.empty or totals.empty:
        return []
    gid = parts.groupby(by, sort=False).ngroup().to_numpy()
    order = np.argsort(gid, kind="stable")
    bounds = np.flatnonzero(np.diff(gid[order])) + 1
    members = np.split(parts.index.to_numpy()[order], bounds)
    keys = parts[by].iloc[order[np.r_[0, bounds]]].reset_index(drop=True)
    keys = keys.assign(gid=gid[order[np.r_[0, bounds]]], sum=np.bincount(gid, parts["count"]))
    found = keys.merge(totals.reset_index(names="total")[[*by, "total", "count"]], on=by)
    holds = (found["sum"] - found["count"]).abs() <= _TOL * np.maximum(1, found["count"].abs())
    firsts = dict(zip(keys["gid"], range(len(keys)), strict=True))
    return [
        [int(t), *members[firsts[g]].tolist()]
        for t, g in zip(found.loc[holds, "total"], found.loc[holds, "gid"], strict=True)
    ]


def relations(cells: pd.DataFrame) -> list[list[int]]:
    """The linear relations between ``cells`` (one row per cell, columns :data:`KEYS` and
    ``count``, a default index) that hold in the data, as lists of positions:

    - a project total (``nis_code`` ``"ALL"``) and its municipalities, per indicator and period;
    - a year and its months or quarters, per project, area and indicator;
    - the same count of one municipality in two projects (pairs of equal cells).
    """
    cells = cells.reset_index(drop=True)
    member = cells["nis_code"] != "ALL"
    out = _sums(cells[member], ["project_id", "count_id", "period"], cells[~member])
    yearly = cells["period"].str.len() == 4
    sub = cells[~yearly].assign(year=cells["period"].str[:4])
    years = cells[yearly].assign(year=cells["period"])
    out += _sums(sub, ["project_id", "nis_code", "count_id", "year"], years)
    shared = cells[member].reset_index(names="pos")
    shared = shared[shared.duplicated(["nis_code", "count_id", "period", "count"], keep=False)]
    for _, same in shared.groupby(["nis_code", "count_id", "period", "count"], sort=False):
        pos = same["pos"].tolist()
        out += [[a, b] for a, b in zip(pos, pos[1:], strict=False)]
    return out


def pattern(monthly: pd.DataFrame, yearly: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """The cells of a data set and which are hidden, decided once for everything published.

    Parameters
    ----------
    monthly, yearly
        The data set's :func:`~socprev_kit.indicators.indicator_table` per month (with its
        quarterly and yearly indicators) and per calendar year; project totals are added here.
    catalogue
        The indicator catalogue (``min_cell``, ``kind``, ``numerator``, ``proportion``).

    Returns
    -------
    pandas.DataFrame
        One row per cell: :data:`KEYS`, ``count``, ``primary`` (small itself) and ``hidden``
        (primary or secondary).
    """
    parts = [t for frame in (monthly, yearly) for t in (frame, combine_projects(frame, catalogue))]
    rows = pd.concat(parts, ignore_index=True)
    cells = pd.concat(
        [rows[["project_id", "nis_code", "period"]].astype(str), cell_keys(rows, catalogue)],
        axis=1,
    )
    cells = cells[cells["count"].notna() & (cells["min_cell"] > 0)]
    cells = cells.assign(
        primary=primary(cells["count"], cells["min_cell"], complement=cells["complement"]),
        upper=(cells["min_cell"] - 1).where(primary(cells["count"], cells["min_cell"])),
    )
    g = cells.groupby(list(KEYS), sort=False)
    cells = g.agg(
        count=("count", "first"), primary=("primary", "any"), upper=("upper", "first")
    ).reset_index()
    hidden = secondary(
        cells["count"], cells["primary"].to_numpy(), relations(cells), upper=cells["upper"]
    )
    return cells.assign(hidden=hidden)


def hidden_rows(table: pd.DataFrame, cells: pd.DataFrame, catalogue: pd.DataFrame) -> pd.Series:
    """Whether each row of a published ``table`` (an indicator table or its project totals) is
    hidden in the data set's :func:`pattern` ``cells``; rows that hold no cell are False."""
    keys = cell_keys(table, catalogue)
    look = pd.concat([table[["project_id", "nis_code", "period"]].astype(str), keys], axis=1)
    hidden = cells.loc[cells["hidden"], list(KEYS)]
    found = look[list(KEYS)].merge(hidden.assign(_h=True), on=list(KEYS), how="left")["_h"]
    return pd.Series(found.fillna(False).astype(bool).to_numpy(), index=table.index)


def window_hidden(att: pd.DataFrame, cells: pd.DataFrame, catalogue: pd.DataFrame) -> pd.Series:
    """Whether each objective's observed value must be hidden: it is the project total over
    the 12 months up to ``last_period`` (or that period's value when registered less often), so
    it is hidden when a cell of that window is hidden (the window's sum beside its published
    months would give it back) or when the window's count, or a proportion's complement, is
    small itself. A window that is a whole calendar year is that year's total: it follows the
    year cell. ``att`` is an :func:`~socprev_kit.evaluation.attainment` table."""
    info = catalogue.set_index("indicator_id")
    k = _effective_min_cell(info)
    totals = cells[cells["nis_code"] == "ALL"].set_index(["project_id", "count_id", "period"])
    totals = totals.sort_index()
    out = []
    for row in att.to_dict("records"):
        indicator, last = row["indicator_id"], row.get("last_period")
        if indicator not in info.index or last is None or pd.isna(last):
            out.append(False)
            continue
        numerator = info.at[indicator, "numerator"]
        derived = info.at[indicator, "kind"] == "derived" and numerator in info.index
        count_id = numerator if derived else indicator
        periods = _window(str(last))
        num = _lookup(totals, row["project_id"], count_id, periods)
        if num.empty:
            out.append(False)
            continue
        den = _lookup(totals, row["project_id"], info.at[indicator, "denominator"], periods)
        proportion = derived and bool(info.at[indicator, "proportion"]) and len(den)
        complement = den["count"].sum() - num["count"].sum() if proportion else np.nan
        small = primary(np.array([num["count"].sum()]), k.get(count_id, 0), complement=[complement])
        year = _calendar_year(totals, row["project_id"], count_id, periods, len(num))
        hidden = num["hidden"].any() if year is None else year
        out.append(bool(hidden or small[0]))
    return pd.Series(out, index=att.index, dtype=bool)


def _calendar_year(totals: pd.DataFrame, project: str, count_id: str, periods, n: int):  # noqa: ANN001, ANN202
    """Whether the year cell is hidden when the window is a whole calendar year with its 12
    months (the observed value is then that published year total); None otherwise."""
    if n != 12 or len(periods) != 12 or not periods[0].endswith("-01"):
        return None
    year = _lookup(totals, project, count_id, [periods[0][:4]])
    return None if year.empty else bool(year["hidden"].iloc[0])


def _window(last: str) -> list[str]:
    """The 12 months up to ``last`` (a month), or ``[last]`` for a quarter or a year."""
    if len(last) != 7 or last[4] != "-" or not last[5:].isdigit():
        return [last]
    end = pd.Period(last, freq="M")
    return [str(p) for p in pd.period_range(end - 11, end, freq="M")]


def _lookup(totals: pd.DataFrame, project: str, count_id: object, periods: list[str]):  # noqa: ANN202
    """The project-total cells of ``count_id`` in ``periods`` (``count``, ``hidden``)."""
    try:
        part = totals.loc[(str(project), str(count_id))]
    except KeyError:
        return totals.iloc[:0]
    return part[part.index.isin(periods)]
