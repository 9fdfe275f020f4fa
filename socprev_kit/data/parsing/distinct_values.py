"""Each distinct value parsed once: factorize a column, parse its distinct values, spread back.

Registrations repeat the same few periods, codes and counts thousands of times; the readers of
this package parse the distinct values only, which makes reading a large data set about as fast
as a plain read.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


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
