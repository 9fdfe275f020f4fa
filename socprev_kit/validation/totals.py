"""Total rows: a row whose cells say ``Totaal``, ``Sous-total`` or ``Grand total`` adds up other
rows and is no registration of its own.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..data import parsing
from ..data.contract import TABLES

TOTAL_WORDS = {
    "totaal",
    "total",
    "totale",
    "totaux",
    "som",
    "somme",
    "sum",
    "subtotaal",
    "sous total",
    "subtotal",
    "grand total",
    "eindtotaal",
    "total general",
    "total général",
    "algemeen totaal",
}


def total_rows(table: str, raw: pd.DataFrame, factors: dict) -> pd.Series:
    """Rows with a total word in a cell: the word alone anywhere, or first in an identifier cell
    (``Totaal januari``, ``Sous-total``); free text such as a note may start with one."""
    kinds = {c.name: c.kind for c in TABLES[table]}
    mask = np.zeros(len(raw), dtype=bool)
    for name, (codes, uniques, _) in factors.items():
        words = _is_total(_fold_unique(uniques), start=kinds[name] in ("code", "nis", "period"))
        mask |= np.append(words.to_numpy(dtype=bool), False)[codes]
    return pd.Series(mask, index=raw.index)


#: A total word first in a folded cell, followed by more words (``Totaal januari``). The short
#: words (``som``, ``sum``) count only alone: a project id such as ``SOM-2024`` is no total.
_TOTAL_FIRST = "(?:{})(?: |$)".format(
    "|".join(map(re.escape, sorted((w for w in TOTAL_WORDS if len(w) > 3), key=len)[::-1]))
)


def _is_total(folded: pd.Series, start: bool = True) -> pd.Series:
    """True for a total word alone or, with ``start``, followed by more words."""
    alone = folded.isin(TOTAL_WORDS)
    if not start:
        return alone
    return alone | folded.str.match(_TOTAL_FIRST).fillna(False).astype(bool)


def _fold_words(col: pd.Series) -> pd.Series:
    return parsing.map_unique(col, _fold_unique)


def _fold_unique(col: pd.Series) -> pd.Series:
    text = col.map(lambda v: v if isinstance(v, str) else None).astype("object")
    text = text.str.strip().str.lower()
    return text.str.replace(r"[\s_\-:]+", " ", regex=True).str.strip().astype("object")


def first_total(row: pd.Series) -> str:
    """The first cell of ``row`` that holds a total word (``""`` if none), for the issue."""
    for v in row:
        if isinstance(v, str) and _is_total(_fold_words(pd.Series([v], dtype=object))).iat[0]:
            return v
    return ""
