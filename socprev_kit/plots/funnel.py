"""Funnel plot: each municipality's rate per 1,000 against its population, with control limits.

The limits are exact Poisson limits around the group rate, drawn as smooth curves over a grid of
populations: the quantile ``r`` of the expected count, interpolated between ``r - 1`` and ``r`` as
Spiegelhalter (2005, *Statistics in Medicine* 24:1185) does, divided by the population. A point is
outside when its count is below the lower or above the upper quantile at its own population, the
rule of :func:`socprev_kit.comparison.funnel`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from ..formatting import format_number
from .style import PALETTE, STYLE, Lang, finish, get_axes, label, municipality_names, percent
from .suppressed import cell_limit, suppressed_mask

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def funnel_limits(
    group_rate: float, population: np.ndarray, level: float
) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper limits (per 1,000) at ``level`` for each population, interpolated."""
    from scipy import stats

    mu = group_rate / 1000 * np.asarray(population, dtype=float)
    out = []
    for p in ((1 - level) / 2, (1 + level) / 2):
        r = stats.poisson.ppf(p, mu)
        at, below = stats.poisson.cdf(r, mu), stats.poisson.cdf(r - 1, mu)
        alpha = np.divide(at - p, at - below, out=np.zeros_like(mu), where=at > below)
        out.append(1000 * np.maximum(r - alpha, 0) / population)
    return out[0], out[1]


def _level_text(level: float, lang: Lang) -> str:
    return percent(level, lang, digits=0 if round(level * 100, 6).is_integer() else 1)


def _outside(df: pd.DataFrame, cols: dict, group_rate: float, level: float) -> pd.Series:
    """Count below the lower or above the upper Poisson quantile of the expected count."""
    from scipy import stats

    pop = df[cols["population"]].astype(float)
    count = df[cols["count"]] if cols["count"] in df else df[cols["rate"]] * pop / 1000
    mu = group_rate / 1000 * pop
    a = (1 - level) / 2
    return (count < stats.poisson.ppf(a, mu)) | (count > stats.poisson.ppf(1 - a, mu))


def _names(df: pd.DataFrame, name: str | None, lang: Lang) -> pd.Series:
    if name is not None:
        return df[name].astype(str)
    if "name" in df:
        return df["name"].astype(str)
    return df["nis_code"].map(municipality_names(lang)).fillna(df["nis_code"]).astype(str)


def _hidden_note(ax: Axes, n: int, k: int | None, lang: Lang) -> None:
    """A line under the x-axis label saying how many municipalities were left out, and why."""
    text = label("hidden_one" if n == 1 else "hidden", lang, n=n, k=k if k is not None else "?")
    ax.annotate(
        text,
        xy=(0, 0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -4),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=STYLE["font_size"] - 1,
        color="#444444",
    )


def _draw_points(ax: Axes, df: pd.DataFrame, cols: dict, out: pd.Series, text: str) -> None:
    x, y = df[cols["population"]], df[cols["rate"]]
    ax.scatter(
        x[~out], y[~out], s=22, color=PALETTE["grey"], edgecolor=PALETTE["black"], lw=0.5, zorder=3
    )
    if out.any():
        ax.scatter(
            x[out],
            y[out],
            s=28,
            color=PALETTE["vermillion"],
            edgecolor=PALETTE["black"],
            lw=0.5,
            zorder=3,
            label=text,
        )


def plot_funnel(
    funnel: pd.DataFrame,
    *,
    rate: str = "rate_per_1000",
    population: str = "population",
    group_rate: str = "group_rate_per_1000",
    count: str = "value",
    levels: Sequence[float] = (0.95, 0.998),
    name: str | None = None,
    min_cell: int | None = None,
    xscale: Literal["auto", "linear", "log"] = "auto",
    title: str | None = None,
    ax: Axes | None = None,
    lang: Lang = "nl",
) -> Axes:
    """Funnel plot: rate per 1,000 per municipality against population, with control limits.

    Parameters
    ----------
    funnel
        The frame of :func:`socprev_kit.comparison.funnel` (one indicator, one period), or any
        frame with ``rate``, ``population`` and ``group_rate`` (per 1,000) and optionally
        ``count`` (else derived from the rate). Rows marked ``suppressed`` by
        :func:`socprev_kit.evaluation.suppress` are not drawn; a note under the axes says how
        many. Rows without a rate or a population are left out.
    levels
        Limits to draw, narrow to wide; points outside the widest are red and named.
    name
        Column naming the points (default: ``name`` if present, else the municipality's name in
        ``lang`` looked up from ``nis_code``).
    min_cell
        ``k`` in the note (default: the catalogue's ``min_cell`` of the indicator).
    xscale
        ``"auto"``: logarithmic when the largest population is over 20 times the smallest.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> rows = year[(year["indicator_id"] == "I01") & (year["period"] == "2023")]  # doctest: +SKIP
    >>> plot_funnel(evaluation.suppress(comparison.funnel(rows)), lang="fr")  # doctest: +SKIP
    """
    label("value", lang)
    cols = {"rate": rate, "population": population, "count": count}
    hidden = suppressed_mask(funnel)
    df = funnel[~hidden].dropna(subset=[rate, population]).sort_values(population)
    if df.empty or funnel[group_rate].isna().all():
        raise ValueError("no municipality with a rate and a population to draw; filter less.")
    r = float(funnel[group_rate].dropna().iloc[0])
    ax = get_axes(ax, figsize=(7.0, 4.0))
    grid = np.geomspace(df[population].min() * 0.9, df[population].max() * 1.05, 400)
    styles = [(STYLE["limit_95"], "--"), (STYLE["limit_998"], "-")]
    for level, (colour, ls) in zip(levels, styles * len(levels), strict=False):
        low, high = funnel_limits(r, grid, level)
        text = label("limit", lang, level=_level_text(level, lang))
        ax.plot(grid, low, color=colour, ls=ls, lw=1.2, label=text)
        ax.plot(grid, high, color=colour, ls=ls, lw=1.2)
    ax.axhline(r, color=PALETTE["black"], lw=1, label=label("group_rate", lang))
    out = _outside(df, cols, r, levels[-1]).to_numpy()
    _draw_points(ax, df, cols, out, label("outside", lang, level=_level_text(levels[-1], lang)))
    if xscale == "auto":
        xscale = "log" if df[population].max() > 20 * df[population].min() else "linear"
    ax.set_xscale(xscale)
    ax.xaxis.set_major_formatter(lambda v, _: format_number(v, lang, decimals=0))
    ax.set_xlabel(label("population", lang))
    ax.set_ylabel(label("rate", lang))
    if hidden.any():
        _hidden_note(ax, int(hidden.sum()), cell_limit(funnel[hidden], min_cell), lang)
    finish(ax, title, legend=ax.get_legend_handles_labels()[0], ncols=2)
    _label_points(ax, df, cols, out, _names(df, name, lang))
    return ax


def _free(box: np.ndarray, boxes: list[np.ndarray], points: np.ndarray, frame) -> bool:
    """``box`` (x0, y0, x1, y1 in pixels) lies in ``frame`` and clear of boxes and points."""
    x0, y0, x1, y1 = box
    if x0 < frame.x0 or x1 > frame.x1 or y0 < frame.y0 or y1 > frame.y1:
        return False
    if any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes):
        return False
    near = (points[:, 0] > x0 - 4) & (points[:, 0] < x1 + 4)
    return not (near & (points[:, 1] > y0 - 4) & (points[:, 1] < y1 + 4)).any()


def _label_points(ax: Axes, df: pd.DataFrame, cols: dict, out: np.ndarray, names: pd.Series):
    """Name the points outside, each label at the nearest free place right or left of its point
    (in steps of one line up or down), with a leader line when it had to move."""
    fig = ax.figure
    if fig.get_layout_engine() is None:  # fixed margins: the limits alone fix the pixels
        ax.get_xlim(), ax.get_ylim()  # autoscale now
    else:
        fig.draw_without_rendering()  # final layout, so that pixel positions hold
    points = ax.transData.transform(df[[cols["population"], cols["rate"]]].to_numpy(float))
    frame, px = ax.get_window_extent(), fig.dpi / 72
    size = STYLE["font_size"] - 1
    boxes: list[np.ndarray] = []
    for i in sorted(np.flatnonzero(out), key=lambda j: -points[j, 1]):
        probe = ax.text(0, 0, names.iloc[i], fontsize=size)
        w, h = probe.get_window_extent().width, size * 1.25 * px
        probe.remove()
        (x, y), gap = points[i], 5 * px
        tries = [
            (side, step)
            for step in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6)
            for side in (1, -1)
        ]
        for side, step in [*tries, (1, 0)]:
            left = x + gap if side > 0 else x - gap - w
            box = np.array([left, y + step * h - h / 2, left + w, y + step * h + h / 2])
            if _free(box, boxes, points, frame):
                break
        boxes.append(box)
        ax.annotate(
            names.iloc[i],
            (df[cols["population"]].iloc[i], df[cols["rate"]].iloc[i]),
            xytext=(side * gap / px, step * h / px),
            textcoords="offset points",
            ha="left" if side > 0 else "right",
            va="center",
            fontsize=size,
            arrowprops={
                "arrowstyle": "-",
                "color": "#777777",
                "lw": 0.5,
                "shrinkA": 0,
                "shrinkB": 3,
            }
            if step
            else None,
        )
