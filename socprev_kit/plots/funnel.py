"""Funnel plot: each municipality's rate per 1,000 against its population, with control limits.

The limits are those of :func:`socprev_kit.evaluation.comparison.funnel`, drawn as smooth curves
over a grid of populations: the exact Poisson quantile ``r`` of the expected count, interpolated
between ``r - 1`` and ``r`` as Spiegelhalter (2005, *Statistics in Medicine* 24:1185) does, widened
for overdispersion as the frame says (``overdispersion``, ``phi``, ``tau2``;
:mod:`socprev_kit.evaluation.control_limits`), divided by the population. A note under the plot
names the method and the values. A point is outside when the frame flags it (``outside_998``), else
when its count is below the lower or above the upper limit at its own population.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from ..common.formatting import format_number
from ..evaluation import control_limits
from .style import PALETTE, STYLE, Lang, finish, get_axes, label, municipality_names, percent
from .suppressed import cell_limit, suppressed_mask

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def funnel_limits(
    group_rate: float,
    population: np.ndarray,
    level: float,
    dispersion: control_limits.Overdispersion | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper limits (per 1,000) at ``level`` for each population, interpolated and
    widened by ``dispersion`` (none: exact Poisson limits)."""
    pop = np.asarray(population, dtype=float)
    low, high = control_limits.limits(group_rate / 1000 * pop, level, dispersion, smooth=True)
    return 1000 * low / pop, 1000 * high / pop


def frame_dispersion(funnel: pd.DataFrame) -> control_limits.Overdispersion | None:
    """The adjustment recorded in a :func:`~socprev_kit.evaluation.comparison.funnel` frame (None:
    none)."""
    if "overdispersion" not in funnel or funnel["overdispersion"].isna().all():
        return None
    row = funnel.dropna(subset=["overdispersion"]).iloc[0]
    return control_limits.Overdispersion(
        row["overdispersion"], float(row["phi"]), float(row["tau2"]), len(funnel)
    )


def _level_text(level: float, lang: Lang) -> str:
    return percent(level, lang, digits=0 if round(level * 100, 6).is_integer() else 1)


def _outside(df: pd.DataFrame, cols: dict, group_rate: float, level: float, disp) -> pd.Series:  # noqa: ANN001
    """The frame's flag at ``level``, else the count outside the limits at its population."""
    flag = {0.95: "outside_95", 0.998: "outside_998"}.get(level)
    if flag in df:
        return df[flag].fillna(False).astype(bool)
    pop = df[cols["population"]].astype(float)
    count = df[cols["count"]] if cols["count"] in df else df[cols["rate"]] * pop / 1000
    low, high = control_limits.limits(group_rate / 1000 * pop, level, disp)
    return (count < low) | (count > high)


def _significant(x: float, lang: Lang) -> str:
    """``x`` with 2 significant digits (at least one decimal), in the language's format."""
    if x == 0 or not math.isfinite(x):
        return format_number(x, lang, decimals=0)
    return format_number(x, lang, decimals=max(1, 1 - math.floor(math.log10(abs(x)))))


def method_note(disp: control_limits.Overdispersion | None, lang: Lang) -> str:
    """The line under a funnel plot naming its limits' method and values (φ, τ²)."""
    if disp is None:
        return label("limits_exact", lang)
    phi, tau2 = _significant(disp.phi, lang), _significant(disp.tau2, lang)
    text = label(f"limits_{disp.method}", lang, phi=phi, tau2=tau2)
    return text.replace(" = ", "\u00a0=\u00a0")  # a value stays on its symbol's line


def _names(df: pd.DataFrame, name: str | None, lang: Lang) -> pd.Series:
    if name is not None:
        return df[name].astype(str)
    if "name" in df:
        return df["name"].astype(str)
    return df["nis_code"].map(municipality_names(lang)).fillna(df["nis_code"]).astype(str)


def _notes(ax: Axes, lines: list[str]) -> None:
    """Lines under the x-axis label: the limits' method, and the municipalities left out, each
    wrapped to the width from the axes' left edge to the figure's right edge."""
    size = STYLE["font_size"] - 1
    width_in = ax.figure.get_figwidth() * (1 - ax.get_position().x0) - 0.1
    chars = max(40, int(width_in * 72 / (0.6 * size)))
    ax.annotate(
        "\n".join(textwrap.fill(line, chars) for line in lines),
        xy=(0, 0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -4),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=size,
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
        The frame of :func:`socprev_kit.evaluation.comparison.funnel` (one indicator, one period),
        or any frame with ``rate``, ``population`` and ``group_rate`` (per 1,000) and optionally
        ``count`` (else derived from the rate) and ``overdispersion``, ``phi``, ``tau2`` (else
        exact Poisson limits). Rows marked ``suppressed`` are not drawn; a note under the axes
        says how many, under the note on the limits' method. Rows without a rate or a
        population are left out.
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
    >>> plot_funnel(comparison.funnel(rows), lang="fr")  # doctest: +SKIP
    """
    label("value", lang)
    cols = {"rate": rate, "population": population, "count": count}
    hidden = suppressed_mask(funnel)
    df = funnel[~hidden].dropna(subset=[rate, population]).sort_values(population)
    if df.empty or funnel[group_rate].isna().all():
        raise ValueError("no municipality with a rate and a population to draw; filter less.")
    r, disp = float(funnel[group_rate].dropna().iloc[0]), frame_dispersion(funnel)
    ax = get_axes(ax, figsize=(7.0, 4.0))
    grid = np.geomspace(df[population].min() * 0.9, df[population].max() * 1.05, 400)
    styles = [(STYLE["limit_95"], "--"), (STYLE["limit_998"], "-")]
    for level, (colour, ls) in zip(levels, styles * len(levels), strict=False):
        low, high = funnel_limits(r, grid, level, disp)
        text = label("limit", lang, level=_level_text(level, lang))
        ax.plot(grid, low, color=colour, ls=ls, lw=1.2, label=text)
        ax.plot(grid, high, color=colour, ls=ls, lw=1.2)
    ax.axhline(r, color=PALETTE["black"], lw=1, label=label("group_rate", lang))
    out = _outside(df, cols, r, levels[-1], disp).to_numpy()
    _draw_points(ax, df, cols, out, label("outside", lang, level=_level_text(levels[-1], lang)))
    if xscale == "auto":
        xscale = "log" if df[population].max() > 20 * df[population].min() else "linear"
    ax.set_xscale(xscale)
    ax.xaxis.set_major_formatter(lambda v, _: format_number(v, lang, decimals=0))
    ax.set_xlabel(label("population", lang))
    ax.set_ylabel(label("rate", lang))
    notes = [method_note(disp, lang)]
    if hidden.any():
        n, k = int(hidden.sum()), cell_limit(funnel[hidden], min_cell)
        notes.append(label("hidden_one" if n == 1 else "hidden", lang, n=n, k=k or "?"))
    _notes(ax, notes)
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
