"""Work on the distinct values of a column (its categories) and spread the answers over the rows:
a check looks at each code, id or period once, not at each of 10⁶ rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def as_categorical(values: pd.Series) -> pd.Series:
    """``values`` as a categorical: the checks work on its few distinct values."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values
    codes, uniques = pd.factorize(values.astype("object"), use_na_sentinel=True)
    cat = pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))
    return pd.Series(cat, index=values.index)


def per_row(per_category: np.ndarray, values: pd.Series, missing: object) -> pd.Series:
    """Values computed per category, one per row (``missing`` where the row has none)."""
    codes = values.cat.codes.to_numpy()
    arr = np.asarray(per_category)
    if arr.dtype.kind in "Mmfb":
        fill = (
            pd.Series([missing]).astype(arr.dtype).to_numpy() if len(arr) else np.array([missing])
        )
    else:
        arr = arr.astype(object)
        fill = np.empty(1, dtype=object)
        fill[0] = missing
    table = np.concatenate([arr, fill])
    return pd.Series(table[codes], index=values.index)


def indicator_info(ids: pd.Series, cat: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Catalogue properties for each row's indicator (missing for unknown ids)."""
    table = cat.drop_duplicates("indicator_id").set_index("indicator_id")
    ids = as_categorical(ids)
    labels = pd.Series(ids.cat.categories.to_numpy(dtype=object), dtype=object)
    return pd.DataFrame(
        {c: per_row(labels.map(table[c]).to_numpy(), ids, np.nan) for c in columns},
        index=ids.index,
    )


def plain_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with categorical columns as plain objects (for small tables and the output)."""
    out = frame.copy()
    for c in out.columns:
        if isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = out[c].astype("object")
    return out
