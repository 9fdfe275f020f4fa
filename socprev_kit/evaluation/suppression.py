"""Small-cell suppression of a published table, following the catalogue's ``min_cell``
(:func:`suppress`).

Decisions: counts from 1 to ``min_cell - 1`` are blanked (the rule of
:func:`socprev_kit.evaluation.disclosure.primary`); zeros are kept (a zero identifies no one and
"nothing happened" is informative); ``keep_zero=False`` blanks them too.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..data.catalogue import indicator_catalogue
from .disclosure.engine import primary

__all__ = ["ATTAINMENT_COLUMNS", "suppress"]


def suppress(
    table: pd.DataFrame,
    *,
    catalogue: pd.DataFrame | None = None,
    columns: Sequence[str] = ("value", "numerator", "rate_per_1000", "rate_low", "rate_high"),
    count: str | None = None,
    keep_zero: bool = True,
    hidden: pd.Series | None = None,
) -> pd.DataFrame:
    """Small-cell suppression following the catalogue's ``min_cell``.

    A row is suppressed when its count is ``1 .. min_cell - 1`` (also 0 with ``keep_zero=False``).
    By default the count is the ``value`` of a registered count indicator, or the ``numerator``
    of a derived one (its rate would reveal the count). With ``count`` another column holds the
    count of registered count indicators, e.g. ``count="observed"`` for an
    :func:`~socprev_kit.evaluation.targets.attainment` table (pass
    ``columns=ATTAINMENT_COLUMNS``: attainment and projection would reveal it).
    Indicators with ``min_cell`` 0 or not in the catalogue are kept. This is the *primary*
    step: a total over several cells (a project's municipalities combined) is tested as a cell
    of its own, so a total published beside all but one of its parts gives that part back.
    Pass ``hidden``, the rows that the data set's secondary suppression hides
    (:func:`socprev_kit.evaluation.disclosure.pattern` looked up with
    :func:`socprev_kit.evaluation.disclosure.hidden_rows`), to hide those too; the reports always
    do.
    A funnel plot needs no call here: :func:`socprev_kit.evaluation.comparison.funnel` applies this
    rule itself and leaves hidden counts out of its group rate (which would otherwise give them
    back by subtraction); do not suppress its output again.

    Returns
    -------
    pandas.DataFrame
        A copy with ``columns`` (those present) set to NaN on suppressed rows and a boolean
        ``suppressed`` column.

    Examples
    --------
    >>> t = pd.DataFrame({"indicator_id": ["I01", "I01", "I01"], "value": [0.0, 3.0, 7.0]})
    >>> suppress(t)[["value", "suppressed"]].to_dict("list")
    {'value': [0.0, nan, 7.0], 'suppressed': [False, True, False]}
    """
    cat = indicator_catalogue() if catalogue is None else catalogue
    info = cat.set_index("indicator_id")
    out = table.copy()
    min_cell = out["indicator_id"].map(info["min_cell"]).fillna(0)
    kind = out["indicator_id"].map(info["kind"])
    is_count = out["indicator_id"].map(info["value_type"].eq("count")).fillna(False).astype(bool)
    registered = out[count] if count else out["value"]
    num = out["numerator"] if "numerator" in out else pd.Series(np.nan, index=out.index)
    cell = registered.where(kind.eq("registered") & is_count, num.where(kind.eq("derived")))
    cell = pd.to_numeric(cell, errors="coerce").astype(float).to_numpy()
    small = primary(cell, min_cell)  # 1 .. min_cell - 1
    if not keep_zero:  # zeros too, and any other count below min_cell
        small |= cell < min_cell.to_numpy(dtype=float)
    out["suppressed"] = pd.Series(small, index=out.index, dtype=bool)
    if hidden is not None:
        out["suppressed"] |= hidden.reindex(out.index).fillna(False).astype(bool)
    for col in (c for c in columns if c in out):
        out[col] = out[col].where(~out["suppressed"])
    return out


#: The columns of an :func:`~socprev_kit.evaluation.targets.attainment` table that reveal a
#: suppressed observed count.
ATTAINMENT_COLUMNS = ("observed", "attainment", "attainment_display", "projection")
