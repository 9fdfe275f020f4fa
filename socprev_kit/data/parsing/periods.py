"""Periods as typed, read into a month ``2024-03``, a quarter ``2024-Q1`` or a year ``2024``.

Canonical periods are text; their first and last days and their frequency are computed here.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from .dates import DATE_YEARS, parse_date_distinct
from .distinct_values import map_unique
from .text import as_text_distinct

MONTHS = {
    # Dutch, French and English month names and their usual abbreviations (accents folded).
    **dict.fromkeys(["jan", "januari", "janvier", "january", "janv"], 1),
    **dict.fromkeys(["feb", "februari", "fevrier", "february", "fev", "fevr"], 2),
    **dict.fromkeys(["mrt", "maart", "mars", "march", "mar", "maa"], 3),
    **dict.fromkeys(["apr", "april", "avril", "avr"], 4),
    **dict.fromkeys(["mei", "mai", "may"], 5),
    **dict.fromkeys(["jun", "juni", "juin", "june"], 6),
    **dict.fromkeys(["jul", "juli", "juillet", "july", "juil"], 7),
    **dict.fromkeys(["aug", "augustus", "aout", "august"], 8),
    **dict.fromkeys(["sep", "sept", "september", "septembre"], 9),
    **dict.fromkeys(["okt", "oktober", "oct", "octobre", "october"], 10),
    **dict.fromkeys(["nov", "november", "novembre"], 11),
    **dict.fromkeys(["dec", "december", "decembre"], 12),
}


def parse_period_distinct(values: pd.Series) -> pd.Series:
    """:func:`parse_period` on values given once each."""
    if pd.api.types.is_datetime64_any_dtype(values):
        ok = values.notna() & values.dt.year.between(*DATE_YEARS)
        return values.dt.strftime("%Y-%m").where(ok, None).astype("object")
    text = as_text_distinct(values)
    low = text.str.lower()
    out = pd.Series(None, index=values.index, dtype="object")

    def month(y: pd.Series, m: pd.Series) -> pd.Series:
        mm = pd.to_numeric(m, errors="coerce")
        ok = y.notna() & mm.between(1, 12)
        two = mm.fillna(0).astype(int).map("{:02d}".format).astype("object")
        return (y.astype("object") + "-" + two).where(ok, None)

    def fill(candidate: pd.Series) -> None:
        todo = out.isna() & candidate.notna()
        out.loc[todo] = candidate[todo]

    fill(low.where(low.str.fullmatch(r"(19|20)\d{2}").fillna(False).astype(bool), None))
    ym = _extract(low, r"^((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})$")
    fill(month(ym[0], ym[1]))
    my = _extract(low, r"^(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})$")
    fill(month(my[1], my[0]))
    compact = _extract(low, r"^((?:19|20)\d{2})(\d{2})$")
    fill(month(compact[0], compact[1]))
    q1 = _extract(low, r"^((?:19|20)\d{2})\s*[-/ ]?\s*[qkt]([1-4])$")
    q2 = _extract(low, r"^[qkt]([1-4])\s*[-/ ]?\s*((?:19|20)\d{2})$")
    fill((q1[0] + "-Q" + q1[1]).where(q1[0].notna(), None))
    fill((q2[1] + "-Q" + q2[0]).where(q2[0].notna(), None))
    named = _extract(_fold(low), r"^([a-z]+)\.?\s*[-/ ]?\s*(\d{2}|\d{4})$")
    if named[0].notna().any():
        mnum = named[0].map(MONTHS)
        year = named[1].where(named[1].str.len() != 2, "20" + named[1])
        fill(month(year.where(mnum.notna(), None), mnum))
    left = out.isna() & text.notna()
    if left.any():
        dates = parse_date_distinct(values[left])
        fill(dates.dt.strftime("%Y-%m").where(dates.notna(), None).reindex(out.index))
    return out


def _extract(text: pd.Series, pattern: str) -> pd.DataFrame:
    return text.str.extract(pattern).astype("object")


def _fold(text: pd.Series) -> pd.Series:
    return (
        text.str.normalize("NFKD")
        .str.encode("ascii", errors="ignore")
        .str.decode("ascii")
        .astype("object")
    )


def _period_frequency(periods: pd.Series) -> pd.Series:
    """:func:`period_frequency` on values given once each."""
    p = periods.astype("object")
    n = p.str.len()
    quarter = p.str.contains("Q", regex=False).fillna(False).astype(bool)
    return pd.Series(
        np.select([quarter, n == 7, n == 4], ["quarter", "month", "year"], ""), index=p.index
    ).where(p.notna(), None)


def _period_start(periods: pd.Series) -> pd.Series:
    """:func:`period_start` on values given once each: canonical ones through the cached
    :func:`period_parts` (no pandas overhead for the few distinct periods of a table), the rest
    as text."""
    parts = [period_parts(p) for p in periods]
    if all(x is not None or not isinstance(p, str) for x, p in zip(parts, periods, strict=True)):
        days = ["NaT" if x is None else f"{x[0]:04d}-{x[1]:02d}-01" for x in parts]
        return pd.Series(np.array(days, dtype="datetime64[ns]"), index=periods.index)
    return _period_start_text(periods)


def _period_start_text(periods: pd.Series) -> pd.Series:
    p = periods.astype("object")
    q = p.str.extract(r"^(\d{4})-Q([1-4])$")
    as_month = p.where(
        q[0].isna(),
        q[0]
        + "-"
        + ((q[1].astype(float) - 1) * 3 + 1).map(lambda x: f"{int(x):02d}" if x == x else None),
    )
    as_month = as_month.where(as_month.str.len() != 4, as_month + "-01")
    return pd.to_datetime(as_month + "-01", format="%Y-%m-%d", errors="coerce")


def _period_end(periods: pd.Series) -> pd.Series:
    """:func:`period_end` on values given once each."""
    start = _period_start(periods)
    freq = _period_frequency(periods)
    months = freq.map({"month": 1, "quarter": 3, "year": 12}).fillna(1).astype(int)
    return pd.Series(
        [
            s + pd.DateOffset(months=m) - pd.Timedelta(days=1) if pd.notna(s) else pd.NaT
            for s, m in zip(start, months, strict=True)
        ],
        index=periods.index,
        dtype="datetime64[ns]",
    )


def parse_period(values: pd.Series) -> pd.Series:
    """Read a period into ``2024-03`` (month), ``2024-Q1`` (quarter) or ``2024`` (year).

    Accepted: ``2024-03``, ``2024/3``, ``03/2024``, ``202403``, ``maart 2024``, ``mars 2024``,
    ``mrt-24``, ``2024-Q1``, ``Q1 2024``, ``2024 K1`` (kwartaal), ``T1 2024`` (trimestre), ``2024``,
    a date or datetime (its month) and an Excel serial date (its month).

    >>> values = pd.Series(["2024-3", "03/2024", "mars 2024", "K2 2024", "2024", "x"])
    >>> parse_period(values).fillna("?").tolist()
    ['2024-03', '2024-03', '2024-03', '2024-Q2', '2024', '?']
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        return parse_period_distinct(values)
    return map_unique(values, parse_period_distinct)


_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})|-Q([1-4]))?")


@lru_cache(maxsize=8192)
def period_parts(period: str) -> tuple[int, int, int] | None:
    """``(year, first month, months)`` of one canonical period, else None; cached, for code that
    looks up the same few periods many times.

    >>> period_parts("2024-03"), period_parts("2024-Q2"), period_parts("2024"), period_parts("x")
    ((2024, 3, 1), (2024, 4, 3), (2024, 1, 12), None)
    """
    m = _PERIOD.fullmatch(period) if isinstance(period, str) else None
    if m is None:
        return None
    year, month, quarter = m.groups()
    if month is not None:
        return (int(year), int(month), 1) if 1 <= int(month) <= 12 else None
    if quarter is not None:
        return int(year), 3 * int(quarter) - 2, 3
    return int(year), 1, 12


def period_frequency(periods: pd.Series) -> pd.Series:
    """``month``, ``quarter`` or ``year`` for canonical period strings."""
    return map_unique(periods, _period_frequency)


def period_start(periods: pd.Series) -> pd.Series:
    """First day of each canonical period."""
    return pd.to_datetime(map_unique(periods, _period_start))


def period_end(periods: pd.Series) -> pd.Series:
    """Last day of each canonical period."""
    return pd.to_datetime(map_unique(periods, _period_end))
