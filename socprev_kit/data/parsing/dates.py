"""Calendar days: ISO and Belgian dates, datetimes, Excel serial numbers, "no end" (31/12/9999)."""

from __future__ import annotations

import re

import pandas as pd

from .distinct_values import map_unique
from .numbers import parse_number_distinct
from .text import as_text_distinct

#: Excel serial day numbers that stand for dates between 1954 and 2119.
EXCEL_SERIAL_RANGE = (20000, 80000)
#: Years a date of the kit can fall in: year 1, 3000 or 9999 is a typing error (or a
#: placeholder), never a date to compute with.
DATE_YEARS = (1900, 2199)
#: The usual "no end" placeholder, 31/12/9999, in the forms a cell holds it (and its Excel
#: serial number, 2958465).
_OPEN_END = re.compile(r"^(?:9999-12-31|31[/.\-]12[/.\-]9999)(?:[ T][\d:.]+)?$|^2958465(?:\.0+)?$")
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")


def excel_serial_to_timestamp(values: pd.Series) -> pd.Series:
    """Excel serial day numbers (1900 date system) to timestamps."""
    return _EXCEL_EPOCH + pd.to_timedelta(values.astype("float64").round(), unit="D")


def is_excel_serial(values: pd.Series) -> pd.Series:
    """True where a cell holds a number that looks like an Excel serial date."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return pd.Series(False, index=values.index)
    return map_unique(values, is_excel_serial_distinct).fillna(False).astype(bool)


def is_excel_serial_distinct(values: pd.Series) -> pd.Series:
    """:func:`is_excel_serial` on values given once each (not datetimes), as objects."""
    num = parse_number_distinct(values, False)
    lo, hi = EXCEL_SERIAL_RANGE
    return ((num >= lo) & (num <= hi)).astype(object)


def parse_date_distinct(values: pd.Series) -> pd.Series:
    """:func:`parse_date` on values given once each."""
    if pd.api.types.is_datetime64_any_dtype(values):
        days = values.dt.tz_localize(None) if values.dt.tz is not None else values
        return days.where(days.dt.year.between(*DATE_YEARS)).astype("datetime64[ns]")
    text = as_text_distinct(values)
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
        out.loc[serial] = excel_serial_to_timestamp(parse_number_distinct(values[serial], False))
    return out


def is_open_end(values: pd.Series) -> pd.Series:
    """True where a cell holds the "no end" placeholder 31/12/9999 (text, date or serial)."""
    text = as_text_distinct(values)
    return text.str.match(_OPEN_END).fillna(False).astype(bool)


def parse_date(values: pd.Series) -> pd.Series:
    """Read calendar days: ISO ``2024-03-15``, Belgian ``15/03/2024``, ``15-03-2024``,
    ``15.03.2024``, datetimes and Excel serial numbers. Unreadable → ``NaT``.

    >>> days = parse_date(pd.Series(["2024-03-15", "15/03/2024", "45366", "soon"]))
    >>> days.dt.strftime("%F").tolist()
    ['2024-03-15', '2024-03-15', '2024-03-15', nan]
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        return parse_date_distinct(values)
    return pd.to_datetime(map_unique(values, parse_date_distinct))
