"""Turn the cell values users type into typed values, vectorised, without ever raising.

Each parser takes a Series of whatever the file held (text, numbers, datetimes, blanks) and returns
a Series of parsed values with missing values where the text could not be read. The caller compares
the result with the input to report what failed; nothing here decides what is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import numpy as np
import pandas as pd

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

#: Excel serial day numbers that stand for dates between 1954 and 2119.
EXCEL_SERIAL_RANGE = (20000, 80000)
#: Years a date of the kit can fall in: year 1, 3000 or 9999 is a typing error (or a
#: placeholder), never a date to compute with.
DATE_YEARS = (1900, 2199)
#: The usual "no end" placeholder, 31/12/9999, in the forms a cell holds it (and its Excel
#: serial number, 2958465).
_OPEN_END = re.compile(r"^(?:9999-12-31|31[/.\-]12[/.\-]9999)(?:[ T][\d:.]+)?$|^2958465(?:\.0+)?$")
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")

_BLANK = {"", "nan", "none", "null", "na", "n/a", "<na>", "nat"}


def _as_text(values: pd.Series) -> pd.Series:
    """:func:`as_text` on values given once each."""
    s = values.astype("object").where(values.notna(), None)
    text = s.map(_cell_text, na_action="ignore")
    blank = text.isna() | text.str.lower().isin(_BLANK)
    return text.where(~blank, None).astype("object")


def _cell_text(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.time | dt.timedelta | np.timedelta64):  # a cell formatted as a time
        return str(v)
    if isinstance(v, pd.Timestamp | np.datetime64) or hasattr(v, "isoformat"):
        try:
            return pd.Timestamp(v).isoformat() if not isinstance(v, str) else v
        except (ValueError, TypeError, OverflowError):
            return str(v)
    return str(v).strip().replace("\u00a0", " ")


def _parse_number(values: pd.Series, decimal_comma: pd.Series | bool = True) -> pd.Series:
    """:func:`parse_number` on values given once each."""
    out = _read_number(values, decimal_comma)
    # TRUE/FALSE cells and infinite values are not counts anyone typed
    usable = np.isfinite(out.to_numpy()) & ~values.map(_is_bool).to_numpy(dtype=bool)
    return out.where(usable)


def _is_bool(v: object) -> bool:
    return isinstance(v, bool | np.bool_)


def _read_number(values: pd.Series, decimal_comma: pd.Series | bool) -> pd.Series:
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype("float64")
    fast = pd.to_numeric(values, errors="coerce")
    out = pd.Series(np.asarray(fast, dtype="float64"), index=values.index)
    todo = out.isna() & values.notna()
    if decimal_comma is not False:
        # "1.234" is one thousand two hundred and thirty-four where the comma is the decimal mark.
        dotted = values.astype("object").map(_looks_like_thousands, na_action="ignore")
        dotted = dotted.fillna(False).astype(bool)
        if not isinstance(decimal_comma, bool):
            dotted &= decimal_comma.reindex(values.index).fillna(True).astype(bool)
        todo |= dotted
    if not todo.any():
        return out
    text = _as_text(values[todo]).dropna()
    if text.empty:
        return out
    comma = (
        decimal_comma
        if isinstance(decimal_comma, bool)
        else decimal_comma.reindex(text.index).fillna(True).astype(bool)
    )
    t = text.str.replace(r"[\s\u00a0\u202f]|€|EUR|%", "", regex=True, case=False)
    has_both = t.str.contains(",", regex=False) & t.str.contains(".", regex=False)
    last_comma = t.str.rfind(",") > t.str.rfind(".")
    # Both separators: the last one is the decimal mark.
    both_eu = has_both & last_comma
    both_en = has_both & ~last_comma
    t = t.where(~both_eu, t.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    t = t.where(~both_en, t.str.replace(",", "", regex=False))
    only_comma = ~has_both & t.str.contains(",", regex=False)
    t = t.where(~only_comma, t.str.replace(",", ".", regex=False))
    thousands = (
        ~has_both & ~only_comma & t.str.fullmatch(r"-?\d{1,3}(\.\d{3})+").fillna(False) & comma
    )
    t = t.where(~thousands, t.str.replace(".", "", regex=False))
    out.loc[t.index] = pd.to_numeric(t, errors="coerce").astype("float64")
    return out


_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")


def _looks_like_thousands(v: object) -> bool:
    return isinstance(v, str) and "." in v and _THOUSANDS.fullmatch(v.strip()) is not None


def _parse_nis(values: pd.Series) -> pd.Series:
    """:func:`parse_nis` on values given once each."""
    text = _as_text(values)
    text = text.str.replace(r"\.0+$", "", regex=True)
    ok = text.str.fullmatch(r"[1-9]\d{4}").fillna(False).astype(bool)
    return text.where(ok, None).astype("object")


def parse_code(values: pd.Series) -> pd.Series:
    """Identifiers (project and indicator ids, codes): stripped text, blanks missing."""
    return as_text(values)


def _parse_list(values: pd.Series) -> pd.Series:
    """:func:`parse_list` on values given once each."""
    text = _as_text(values)
    return text.map(
        lambda s: (
            tuple(p.strip() for p in re.split(r"[;,|]", s) if p.strip())
            if isinstance(s, str)
            else ()
        ),
    ).astype("object")


def excel_serial_to_timestamp(values: pd.Series) -> pd.Series:
    """Excel serial day numbers (1900 date system) to timestamps."""
    return _EXCEL_EPOCH + pd.to_timedelta(values.astype("float64").round(), unit="D")


def is_excel_serial(values: pd.Series) -> pd.Series:
    """True where a cell holds a number that looks like an Excel serial date."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return pd.Series(False, index=values.index)
    return map_unique(values, _is_excel_serial).fillna(False).astype(bool)


def _is_excel_serial(values: pd.Series) -> pd.Series:
    num = _parse_number(values, False)
    lo, hi = EXCEL_SERIAL_RANGE
    return ((num >= lo) & (num <= hi)).astype(object)


def _parse_date(values: pd.Series) -> pd.Series:
    """:func:`parse_date` on values given once each."""
    if pd.api.types.is_datetime64_any_dtype(values):
        days = values.dt.tz_localize(None) if values.dt.tz is not None else values
        return days.where(days.dt.year.between(*DATE_YEARS)).astype("datetime64[ns]")
    text = _as_text(values)
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    iso = text.str.extract(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$")
    dmy = text.str.extract(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:\s+[\d:.]+)?$")
    for y, m, d in ((iso[0], iso[1], iso[2]), (dmy[2], dmy[1], dmy[0])):
        ok = y.notna() & out.isna()
        ok &= pd.to_numeric(y, errors="coerce").between(*DATE_YEARS)  # year 9999: no date
        if ok.any():
            parts = pd.DataFrame({"year": y[ok], "month": m[ok], "day": d[ok]}).astype("int64")
            out.loc[ok] = pd.to_datetime(parts, errors="coerce").astype("datetime64[ns]")
    serial = out.isna() & is_excel_serial(values).fillna(False)
    if serial.any():
        out.loc[serial] = excel_serial_to_timestamp(_parse_number(values[serial], False))
    return out


def _is_open_end(values: pd.Series) -> pd.Series:
    """True where a cell holds the "no end" placeholder 31/12/9999 (text, date or serial)."""
    text = _as_text(values)
    return text.str.match(_OPEN_END).fillna(False).astype(bool)


def _parse_period(values: pd.Series) -> pd.Series:
    """:func:`parse_period` on values given once each."""
    if pd.api.types.is_datetime64_any_dtype(values):
        ok = values.notna() & values.dt.year.between(*DATE_YEARS)
        return values.dt.strftime("%Y-%m").where(ok, None).astype("object")
    text = _as_text(values)
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
        dates = _parse_date(values[left])
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


# --- public readers: each value is parsed once, however often it occurs ---------------------------


def factorize(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Codes (``-1`` for missing) and the distinct values, as an object Series."""
    codes, uniques = pd.factorize(values.astype("object"), use_na_sentinel=True)
    return codes, pd.Series(np.asarray(uniques, dtype=object), dtype="object")


def spread(codes: np.ndarray, parsed: pd.Series, missing: object, index: pd.Index) -> pd.Series:
    """Results for distinct values back onto every row; code ``-1`` gets ``missing``."""
    kind = parsed.dtype.kind if isinstance(parsed.dtype, np.dtype) else "O"
    if kind in "fiubM":  # numbers, booleans, datetimes keep their type
        table = np.append(parsed.to_numpy(), pd.Series([missing], dtype=parsed.dtype).to_numpy())
        return pd.Series(table[codes], index=index, dtype=table.dtype)
    fill = np.empty(1, dtype=object)
    fill[0] = missing  # may itself be a tuple
    table = np.append(parsed.to_numpy(dtype=object), fill)
    return pd.Series(table[codes], index=index, dtype=object)  # text stays plain objects


def spread_categorical(codes: np.ndarray, parsed: pd.Series, index: pd.Index) -> pd.Series:
    """Like :func:`spread`, as a categorical: distinct values that parse alike share a category."""
    new, categories = pd.factorize(parsed.astype("object"), use_na_sentinel=True)
    full = np.append(new, -1)[codes] if len(new) else np.full(len(codes), -1)
    cat = pd.Categorical.from_codes(full, categories=pd.Index(categories, dtype=object))
    return pd.Series(cat, index=index)


def map_unique(values: pd.Series, fn) -> pd.Series:
    """Apply the vectorised ``fn`` to the distinct values of ``values`` and spread the result back.

    Registrations repeat the same few periods, codes and counts thousands of times; parsing the
    distinct values only makes reading a large data set about as fast as a plain read.
    """
    codes, uniques = factorize(values)
    missing = fn(pd.Series([None], dtype="object")).iloc[0]  # what a blank cell becomes
    return spread(codes, fn(uniques), missing, values.index)


def as_text(values: pd.Series) -> pd.Series:
    """Values as stripped text, with missing values for blanks (``''``, ``nan``, ``None`` ...)."""
    return map_unique(values, _as_text)


def is_blank(values: pd.Series) -> pd.Series:
    """True where a cell holds nothing a person typed."""
    return as_text(values).isna()


def parse_number(values: pd.Series, decimal_comma: pd.Series | bool = True) -> pd.Series:
    """Read numbers written the Belgian or the English way.

    ``12``, ``12,5``, ``1.234,5``, ``1 234``, ``€ 1.200``, ``12 %`` and ``1,234.5`` are read;
    with ``decimal_comma`` a lone ``.`` between groups of three digits is a thousands separator.
    ``TRUE``/``FALSE`` cells and infinite values (``inf``, ``Infinity``) are not numbers here.

    >>> parse_number(pd.Series(["12", "12,5", "1.234,5", "abc", None])).tolist()
    [12.0, 12.5, 1234.5, nan, nan]
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        out = values.astype("float64")
        return out.where(np.isfinite(out.to_numpy()))
    if isinstance(decimal_comma, bool):
        return map_unique(values, lambda u: _parse_number(u, decimal_comma)).astype("float64")
    flags = decimal_comma.reindex(values.index).fillna(True).astype(bool)
    out = pd.Series(np.nan, index=values.index, dtype="float64")
    for flag in (True, False):
        part = values[flags == flag]
        if len(part):
            out.loc[part.index] = parse_number(part, flag)
    return out


def parse_nis(values: pd.Series) -> pd.Series:
    """NIS codes as 5-digit text; anything else (4 digits, letters) becomes missing.

    >>> parse_nis(pd.Series([11002, "44021.0", " 21004 ", "1002", "Gent"])).tolist()
    ['11002', '44021', '21004', None, None]
    """
    return map_unique(values, _parse_nis)


def parse_date(values: pd.Series) -> pd.Series:
    """Read calendar days: ISO ``2024-03-15``, Belgian ``15/03/2024``, ``15-03-2024``,
    ``15.03.2024``, datetimes and Excel serial numbers. Unreadable → ``NaT``.

    >>> days = parse_date(pd.Series(["2024-03-15", "15/03/2024", "45366", "soon"]))
    >>> days.dt.strftime("%F").tolist()
    ['2024-03-15', '2024-03-15', '2024-03-15', nan]
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        return _parse_date(values)
    return pd.to_datetime(map_unique(values, _parse_date))


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
        return _parse_period(values)
    return map_unique(values, _parse_period)


def parse_list(values: pd.Series) -> pd.Series:
    """``"a; b, c"`` → ``("a", "b", "c")``; a blank becomes an empty tuple."""
    return _parse_list(values)


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
