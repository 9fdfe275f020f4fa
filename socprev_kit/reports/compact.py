"""A data context made lean before a batch hands it to its kernels: one copy of each text.

Columns of Python strings (object dtype: ``project_id``, ``nis_code``, ``period``,
``indicator_id``, ``frequency`` ... of the aggregated tables) hold one string object per row,
even where a national table repeats the same few thousand values hundreds of thousands of times;
pickled, each is written out in full, and every kernel that loads ``context.pickle`` makes one
object per row again. :func:`compact` makes equal strings one object in every such column of
the context's frames (the tables of its data set, its aggregates and what its memo holds): the
values, dtypes and indexes stay what they were (every computation gives the same result), while
the pickle writes each distinct string once and a kernel loads one object per distinct text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from .data_context import DataContext

__all__ = ["compact", "shared_strings"]


def shared_strings(values: np.ndarray, seen: dict[str, str]) -> np.ndarray | None:
    """``values`` (an object array) with equal strings made one object (the first met, kept in
    ``seen`` across columns), or None when it holds anything but strings and missing values
    (which are left as they are).

    >>> a = np.array(["".join(["4402", "1"]), "".join(["44", "021"]), None], dtype=object)
    >>> a[0] is a[1]
    False
    >>> b = shared_strings(a, {})
    >>> b[0] is b[1], b.tolist()
    (True, ['44021', '44021', None])
    """
    out = []
    for v in values:
        if type(v) is str:
            out.append(seen.setdefault(v, v))
        elif v is None or (type(v) is float and v != v):
            out.append(v)
        else:
            return None
    shared = np.empty(len(out), dtype=object)
    shared[:] = out
    return shared


def _frame(frame: pd.DataFrame, seen: dict[str, str]) -> None:
    for column in [c for c, t in frame.dtypes.items() if t == np.dtype(object)]:
        values = frame[column].to_numpy()
        shared = shared_strings(values, seen)
        if shared is not None:  # a Series, so that pandas keeps the object dtype
            frame[column] = pd.Series(shared, index=frame.index, dtype=object)


def _walk(item: object, seen: dict[str, str], done: set[int]) -> None:
    if id(item) in done:
        return
    done.add(id(item))
    if isinstance(item, pd.DataFrame):
        if item.columns.is_unique:
            _frame(item, seen)
    elif isinstance(item, dict):
        for value in item.values():
            _walk(value, seen, done)
    elif isinstance(item, (list, tuple)):
        for value in item:
            _walk(value, seen, done)
    elif hasattr(item, "__dataclass_fields__") and not isinstance(item, type):
        for name in item.__dataclass_fields__:
            _walk(getattr(item, name, None), seen, done)


def compact(ctx: DataContext) -> DataContext:
    """Make equal strings one object in every text column of ``ctx``'s frames (its data set,
    raw tables, aggregates and memo), in place; returns ``ctx``. Values, dtypes and row order
    do not change."""
    _walk(ctx, {}, set())
    return ctx
