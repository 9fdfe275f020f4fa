"""How suppressed cells show in a figure.

:func:`socprev_kit.evaluation.suppress` blanks counts from 1 to ``min_cell - 1`` and marks the row
``suppressed``. A figure for publication must neither draw such a point at its value nor leave a
gap that reads as missing data: over time it becomes a hollow marker in the middle of a grey band
from 0 to ``k`` (``k`` = the catalogue's ``min_cell``), with a legend entry "Afgeschermd (< k)".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..catalogue import shipped_column
from .style import STYLE, Lang, label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D

#: The marker of a suppressed point.
HOLLOW: dict[str, object] = {"marker": "o", "ls": "none", "ms": 4, "mfc": "white", "mew": 1}


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


def band_height(frame: pd.DataFrame, value: str, k: int) -> float:
    """Height of the "< k" band: ``k`` for counts, ``1000 k / population`` for a rate per 1,000
    (the largest over the frame's suppressed rows)."""
    if value.endswith("per_1000") and "population" in frame:
        pop = frame.loc[suppressed_mask(frame), "population"].astype(float)
        return float(np.nanmax(1000 * k / pop)) if pop.notna().any() else float(k)
    return float(k)


def suppressed_label(k: int | None, lang: Lang) -> str:
    """ "Afgeschermd (< 5)", or without the bound when ``k`` is unknown."""
    if k is None:
        return label("suppressed", lang, k="?").replace(" (< ?)", "")
    return label("suppressed", lang, k=k)


def mark_suppressed(
    ax: Axes, frame: pd.DataFrame, x: pd.Series, value: str, k: int | None, colour: str
) -> None:
    """Hollow markers at the suppressed rows of ``frame`` (``x`` their times, aligned by
    position), in the middle of a grey band from 0 to ``k``."""
    sup = suppressed_mask(frame).to_numpy()
    height = band_height(frame, value, k) if k is not None else 0.0
    if height > 0:
        ax.axhspan(0, height, color=STYLE["suppressed_band"], lw=0, zorder=0)
    xs = x[sup]
    ax.plot(xs, np.full(len(xs), height / 2), mec=colour, zorder=3, label="_suppressed", **HOLLOW)


def suppressed_handle(k: int | None, lang: Lang) -> Line2D:
    """A legend entry for the hollow markers."""
    from matplotlib.lines import Line2D

    return Line2D([], [], mec="#555555", label=suppressed_label(k, lang), **HOLLOW)


def isolated(y: np.ndarray) -> np.ndarray:
    """Values with no value before or after them (a line draws nothing there)."""
    ok = ~np.isnan(y)
    before, after = np.r_[False, ok[:-1]], np.r_[ok[1:], False]
    return ok & ~before & ~after
