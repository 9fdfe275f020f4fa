"""The marks a check leaves on a row: ``_bad`` (the row cannot be used), ``_key_bad`` (rejected
for what it is about, so it stands for no month) and ``_skip`` (its cells are not checked one by
one). The registrations checks mark the working table in place: copying 10⁶ rows at every step
costs more than all the checks together.
"""

from __future__ import annotations

import pandas as pd


def usable_rows(frame: pd.DataFrame) -> pd.Series:
    """Rows still usable: the checks that compare rows look at these only."""
    return ~frame["_bad"].astype(bool)


def checked_rows(frame: pd.DataFrame) -> pd.Series:
    """Rows whose cells are checked on their own (all but totals rows and unusable sheets)."""
    return ~frame["_skip"].astype(bool) if "_skip" in frame else usable_rows(frame)


def reject(frame: pd.DataFrame, rows: pd.Series, *, key: bool = False) -> None:
    """Mark ``rows`` unusable; with ``key``, as rejected for what they are about (municipality,
    indicator, project, period): unlike a wrong value, such a row does not stand for its month."""
    frame.loc[rows, "_bad"] = True
    if key:
        frame["_key_bad"] = rows | frame.get("_key_bad", False)


def reject_key(frame: pd.DataFrame, rows: pd.Series, issues, check: str, **where) -> None:
    """Report the rows of ``rows`` still usable as ``check``; reject all of them for their key."""
    issues.add(check, frame[rows & usable_rows(frame)], **where)
    reject(frame, rows, key=True)
