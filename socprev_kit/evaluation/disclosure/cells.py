"""The cells of one data set, the relations between them, and the suppression pattern decided
once for everything published from it (see the package's docstring for the decisions)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...data import parsing
from ...indicators.table import combine_projects
from .engine import primary, secondary

__all__ = ["KEYS", "cell_keys", "hidden_rows", "pattern", "relations", "window_hidden"]

#: The columns that name a cell.
KEYS = ("project_id", "nis_code", "count_id", "period")
_TOL = 1e-6


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


def pattern(
    monthly: pd.DataFrame,
    yearly: pd.DataFrame,
    catalogue: pd.DataFrame,
    context: tuple[pd.DataFrame, ...] = (),
) -> pd.DataFrame:
    """The cells of a data set and which are hidden, decided once for everything published.

    Parameters
    ----------
    monthly, yearly
        The data set's :func:`~socprev_kit.indicators.table.indicator_table` per month (with its
        quarterly and yearly indicators) and per calendar year; project totals are added here.
    catalogue
        The indicator catalogue (``min_cell``, ``kind``, ``numerator``, ``proportion``).
    context
        The context data's indicator tables (monthly, yearly; ``project_id``
        :data:`socprev_kit.indicators.series.CONTEXT`): their cells are hidden by the same rules,
        a year with its months, and a context count equal to a project's is linked to it. No
        total over municipalities is added for them (none is published).

    Returns
    -------
    pandas.DataFrame
        One row per cell: :data:`KEYS`, ``count``, ``primary`` (small itself) and ``hidden``
        (primary or secondary).
    """
    parts = [t for frame in (monthly, yearly) for t in (frame, combine_projects(frame, catalogue))]
    parts += [frame for frame in context if len(frame)]
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
    hidden in the data set's :func:`pattern` ``cells``; rows that hold no cell are False. A
    derived indicator is hidden with its numerator's cell, and with its denominator's when that
    is a cell too (a percentage beside its numerator gives the denominator back)."""
    hidden = cells.loc[cells["hidden"], list(KEYS)].assign(_h=True)
    where = table[["project_id", "nis_code", "period"]].astype(str)
    look = pd.concat([where, cell_keys(table, catalogue)], axis=1)
    found = look[list(KEYS)].merge(hidden, on=list(KEYS), how="left")["_h"].fillna(False)
    info = catalogue.set_index("indicator_id")
    derived = table["indicator_id"].map(info["kind"]).eq("derived")
    den = table["indicator_id"].map(info["denominator"]).where(derived)
    by_den = where.assign(count_id=den.astype(object)).merge(hidden, on=list(KEYS), how="left")
    both = found.astype(bool).to_numpy() | by_den["_h"].fillna(False).astype(bool).to_numpy()
    return pd.Series(both, index=table.index)


def window_hidden(att: pd.DataFrame, cells: pd.DataFrame, catalogue: pd.DataFrame) -> pd.Series:
    """Whether each objective's observed value must be hidden: it is the project total over
    its target period's months once that is over, else the 12 months up to ``last_period`` (or
    that period's value when registered less often), so
    it is hidden when a cell of that window is hidden (the window's sum beside its published
    months would give it back) or when the window's count, or a proportion's complement, is
    small itself, or (a derived indicator) when a denominator cell of the window is hidden. A
    window that is a whole calendar year is that year's total: it follows the year cell.
    ``att`` is an :func:`~socprev_kit.evaluation.targets.attainment` table."""
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
        periods = _observed_window(row, str(last))
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
        hidden = hidden or (derived and bool(den["hidden"].any()))  # the ratio and its sums
        out.append(bool(hidden or small[0]))
    return pd.Series(out, index=att.index, dtype=bool)


def _calendar_year(totals: pd.DataFrame, project: str, count_id: str, periods, n: int):  # noqa: ANN001, ANN202
    """Whether the year cell is hidden when the window is a whole calendar year with its 12
    months (the observed value is then that published year total); None otherwise."""
    if n != 12 or len(periods) != 12 or not periods[0].endswith("-01"):
        return None
    year = _lookup(totals, project, count_id, [periods[0][:4]])
    return None if year.empty else bool(year["hidden"].iloc[0])


def _observed_window(row: dict, last: str) -> list[str]:
    """The periods an objective's observed value covers: the target period's months once it is
    over (it is judged on them, :mod:`socprev_kit.evaluation.targets`), else the 12 months up to
    ``last``."""
    target = row.get("target_period")
    if row.get("period_over") and target is not None and not pd.isna(target):
        parts = parsing.period_parts(str(target))
        if parts is not None and len(last) == 7:
            year, month, months = parts
            first = pd.Period(f"{year}-{month:02d}", freq="M")
            return [str(p) for p in pd.period_range(first, first + months - 1, freq="M")]
    return _window(last)


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
