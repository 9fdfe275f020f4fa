"""Numbers written the Belgian or the English way: decimal comma or point, thousands separators."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .distinct_values import map_unique
from .text import as_text_distinct


def parse_number_distinct(values: pd.Series, decimal_comma: pd.Series | bool = True) -> pd.Series:
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
    text = as_text_distinct(values[todo]).dropna()
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
        numbers = map_unique(values, lambda u: parse_number_distinct(u, decimal_comma))
        return numbers.astype("float64")
    flags = decimal_comma.reindex(values.index).fillna(True).astype(bool)
    out = pd.Series(np.nan, index=values.index, dtype="float64")
    for flag in (True, False):
        part = values[flags == flag]
        if len(part):
            out.loc[part.index] = parse_number(part, flag)
    return out
