"""How suppressed cells show in a figure: they do not.

:func:`socprev_kit.evaluation.suppression.suppress` (with the data set's disclosure pattern,
:mod:`socprev_kit.evaluation.disclosure`) blanks a row's values and marks it ``suppressed``. A
figure for publication draws no such point: not at its value, not as a marker at a made-up height (a
band "< k" would say how small it is, and a vector file would carry its position). The line breaks
there, and a legend entry says that hidden values are not drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..data.catalogue import shipped_column
from .style import Lang, label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D


def suppressed_mask(frame: pd.DataFrame) -> pd.Series:
    """The frame's boolean ``suppressed`` column, all False when it has none."""
    if "suppressed" not in frame:
        return pd.Series(False, index=frame.index)
    return frame["suppressed"].fillna(False).astype(bool)


def cell_limit(frame: pd.DataFrame, given: int | None) -> int | None:
    """``given``, or the largest catalogue ``min_cell`` of the frame's ``indicator_id`` values."""
    if given is not None:
        return int(given)
    if "indicator_id" not in frame:
        return None
    found = frame["indicator_id"].map(shipped_column("min_cell")).dropna()
    return int(found.max()) if len(found) else None


def suppressed_label(k: int | None, lang: Lang) -> str:
    """The legend entry: "Afgeschermde waarden: niet getekend" (``k`` is not shown: a hidden
    value may be hidden to protect another one, so it says nothing about its size)."""
    return label("suppressed", lang)


def mark_suppressed(
    ax: Axes, frame: pd.DataFrame, x: pd.Series, value: str, k: int | None, colour: str
) -> None:
    """Nothing: a hidden value is not drawn at all, neither at its value nor at a made-up
    height, so that no figure (raster or vector) carries it. Kept so that callers keep one
    place that decides how hidden values show."""


def suppressed_handle(k: int | None, lang: Lang) -> Line2D:
    """A legend entry that says hidden values are not drawn (no marker: nothing is drawn)."""
    from matplotlib.lines import Line2D

    return Line2D([], [], ls="none", marker="none", label=suppressed_label(k, lang))


def isolated(y: np.ndarray) -> np.ndarray:
    """Values with no value before or after them (a line draws nothing there)."""
    ok = ~np.isnan(y)
    before, after = np.r_[False, ok[:-1]], np.r_[ok[1:], False]
    return ok & ~before & ~after
