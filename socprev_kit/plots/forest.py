"""A forest plot: the same change estimated by several designs, side by side.

Each row is one design (an interrupted time series, a controlled one, a difference-in-differences,
a synthetic control) with its rate ratio and interval, drawn as the change in percent on a log
scale (a halving and a doubling lie equally far from "no change"), with the line of no change.
Rows without an estimate are listed with the reason instead of a point, so that a reader sees
which designs could not be used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..common.formatting import Lang, format_percent
from .style import PALETTE, STYLE, finish, get_axes, label

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_designs"]


def plot_designs(
    rows: pd.DataFrame, lang: Lang = "nl", *, title: str | None = None, ax: Axes | None = None
) -> Axes:
    """Draw each design's change with its interval.

    Parameters
    ----------
    rows : pandas.DataFrame
        One row per design, top to bottom: ``label`` (the design's name, in ``lang``),
        ``rate_ratio``, ``ci_low``, ``ci_high`` (NaN when the design gave no estimate) and
        ``note`` (shown at the right: the reason there is none, or the rating).
    lang : {"nl", "fr", "en"}
        Language of the axis.
    title : str, optional
        Title above the axes.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure otherwise.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> rows = pd.DataFrame({"label": ["ITS", "DiD"], "rate_ratio": [0.7, 0.8],
    ...                      "ci_low": [0.55, 0.6], "ci_high": [0.9, 1.05], "note": ["", ""]})
    >>> ax = plot_designs(rows, "en")
    >>> bool(ax.get_xlim()[0] < np.log(0.55))  # the whole interval is in view
    True
    """
    ax = get_axes(ax, figsize=(7.0, 0.55 * len(rows) + 1.4))
    y = np.arange(len(rows))[::-1]
    ratio = rows["rate_ratio"].to_numpy(float)
    low, high = rows["ci_low"].to_numpy(float), rows["ci_high"].to_numpy(float)
    shown = np.isfinite(ratio)
    colour = STYLE["observed"]
    ax.errorbar(
        np.log(ratio[shown]),
        y[shown],
        xerr=[np.log(ratio[shown] / low[shown]), np.log(high[shown] / ratio[shown])],
        fmt="o",
        color=colour,
        ecolor=colour,
        capsize=3,
    )
    ax.axvline(0, color=PALETTE["black"], linewidth=0.8)
    ends = np.log(np.concatenate([low[shown], high[shown], [0.8, 1.25]]))
    ends = ends[np.isfinite(ends)]
    span = max(abs(ends.min()), abs(ends.max())) * 1.15
    ax.set_xlim(-span, span)
    ticks = _ticks(span)
    ax.set_xticks(np.log(ticks), [format_percent(100 * (t - 1), lang, signed=True) for t in ticks])
    ax.set_yticks(y, rows["label"].tolist())
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel(label("change", lang))
    for yi, note in zip(y, rows["note"].fillna(""), strict=True):
        ax.annotate(str(note), (1.01, yi), xycoords=("axes fraction", "data"), va="center",
                    fontsize=STYLE["font_size"] - 1)  # fmt: skip
    finish(ax, title)
    return ax


def _ticks(span: float) -> list[float]:
    """Round rate ratios within ``±span`` on the log scale (-75 %, -50 %, -25 %, 0, +25 % ...),
    finer (-10 %, +10 %) when the span is narrow."""
    ticks = [t for t in (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 4.0) if abs(np.log(t)) < span]
    return ticks if len(ticks) >= 3 else sorted({*ticks, 0.9, 1.1})
