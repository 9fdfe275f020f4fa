"""Text cells: stripped text with blanks missing, identifiers, lists of codes and NIS codes."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from .distinct_values import map_unique

_BLANK = {"", "nan", "none", "null", "na", "n/a", "<na>", "nat"}


def as_text_distinct(values: pd.Series) -> pd.Series:
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


def as_text(values: pd.Series) -> pd.Series:
    """Values as stripped text, with missing values for blanks (``''``, ``nan``, ``None`` ...)."""
    return map_unique(values, as_text_distinct)


def is_blank(values: pd.Series) -> pd.Series:
    """True where a cell holds nothing a person typed."""
    return as_text(values).isna()


def parse_code(values: pd.Series) -> pd.Series:
    """Identifiers (project and indicator ids, codes): stripped text, blanks missing."""
    return as_text(values)


def parse_list(values: pd.Series) -> pd.Series:
    """``"a; b, c"`` → ``("a", "b", "c")``; a blank becomes an empty tuple."""
    text = as_text_distinct(values)
    return text.map(
        lambda s: (
            tuple(p.strip() for p in re.split(r"[;,|]", s) if p.strip())
            if isinstance(s, str)
            else ()
        ),
    ).astype("object")


def parse_nis_distinct(values: pd.Series) -> pd.Series:
    """:func:`parse_nis` on values given once each."""
    text = as_text_distinct(values)
    text = text.str.replace(r"\.0+$", "", regex=True)
    ok = text.str.fullmatch(r"[1-9]\d{4}").fillna(False).astype(bool)
    return text.where(ok, None).astype("object")


def parse_nis(values: pd.Series) -> pd.Series:
    """NIS codes as 5-digit text; anything else (4 digits, letters) becomes missing.

    >>> parse_nis(pd.Series([11002, "44021.0", " 21004 ", "1002", "Gent"])).tolist()
    ['11002', '44021', '21004', None, None]
    """
    return map_unique(values, parse_nis_distinct)
