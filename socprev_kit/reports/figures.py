"""The report's figures, drawn with :mod:`socprev_kit.plots` and laid out for a page.

Panels of indicators over time are drawn by :func:`socprev_kit.plots.plot_indicator` on a grid
of axes, with one legend for the figure; a panel may add target and plan lines and, for an impact
count, a right-hand axis per 1,000 inhabitants. A panel whose monthly series is mostly hidden
(more than :data:`MOSTLY_HIDDEN` of its months with a count or hidden) shows its yearly values
instead, or when those are mostly hidden too the whole project's yearly values (said in the
title), all governed by the same disclosure pattern, rather than a line of gaps. The funnel plot
rings the report's municipalities. Every function returns a figure and never shows or saves it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..common.formatting import Lang
from ..evaluation.its import ITSResult
from ..plots import plot_funnel, plot_indicator
from ..plots.style import PALETTE, STYLE, period_times
from ..plots.style import label as plot_label
from .texts import text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["MOSTLY_HIDDEN", "Panel", "funnel_figure", "mostly_hidden", "panel_figure"]

#: Above this share of hidden months, a panel shows the yearly values instead.
MOSTLY_HIDDEN = 0.5

#: Fixed margins of the panel grids, in inches: left (y ticks and label), right, between
#: columns, and the legend under the figure.
_LEFT_IN, _RIGHT_IN, _WGAP_IN, _LEGEND_IN = 0.75, 0.3, 0.75, 0.45


@dataclass(frozen=True)
class Panel:
    """One indicator over time: a suppressed monthly series and what to draw with it."""

    series: pd.DataFrame
    title: str
    ylabel: str
    targets: tuple[tuple[float, str], ...] = ()
    plan: float | None = None
    intervention: pd.Timestamp | None = None
    its: ITSResult | None = None
    project_start: pd.Timestamp | None = None  # drawn when it is not the intervention's month
    population: tuple[float, int] | None = None  # (inhabitants, their year) for a rate axis
    yearly: pd.DataFrame | None = None  # the published yearly rows, for a mostly hidden series
    project: pd.DataFrame | None = None  # the whole project's published yearly rows
    year_label: str | None = None  # the y label of the yearly values (default: ``ylabel``)


def mostly_hidden(series: pd.DataFrame | None) -> bool:
    """Whether more than :data:`MOSTLY_HIDDEN` of the series' periods with a count above 0 or
    hidden are hidden (True for no series: nothing to show)."""
    if series is None or series.empty:
        return True
    if "suppressed" not in series:
        return False
    hidden = series["suppressed"].fillna(False).astype(bool)
    shown = series["value"].fillna(0).ne(0) | hidden
    return bool(shown.any()) and hidden[shown].mean() > MOSTLY_HIDDEN


def by_year(panel: Panel, lang: Lang) -> Panel:
    """The panel on its yearly values when its months are mostly hidden, or on the whole
    project's when the unit's years are mostly hidden too (no ITS lines, targets or plan: they
    are on the monthly scale, or the unit's)."""
    if not mostly_hidden(panel.series):
        return panel
    label = panel.year_label or panel.ylabel
    if not mostly_hidden(panel.yearly) or mostly_hidden(panel.project):
        if panel.yearly is None or panel.yearly.empty:
            return panel
        title = f"{panel.title} ({text('per_year', lang)})"
        return Panel(panel.yearly, title, label, population=panel.population)
    title = f"{panel.title} ({text('per_year_project', lang)})"
    return Panel(panel.project, title, label)


def _grid(n: int, ncols: int, height: float, title_lines: int) -> tuple[Figure, list[Axes]]:
    """``n`` axes in rows of ``ncols`` with fixed margins in inches (no layout engine: a layout
    engine makes ``savefig`` lay the figure out twice, and these margins are known)."""
    import matplotlib.pyplot as plt

    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    title = 0.12 + 0.17 * title_lines
    top, bottom, gap = title + 0.05, 0.35 + _LEGEND_IN, title + 0.3
    fig_h = top + bottom + nrows * height + (nrows - 1) * gap
    width = (7.0 - _LEFT_IN - _RIGHT_IN - (ncols - 1) * _WGAP_IN) / ncols
    fig, axes = plt.subplots(nrows, ncols, figsize=(7.0, fig_h), squeeze=False, sharex=True)
    fig.subplots_adjust(
        left=_LEFT_IN / 7,
        right=1 - _RIGHT_IN / 7,
        top=1 - top / fig_h,
        bottom=bottom / fig_h,
        hspace=gap / height,
        wspace=_WGAP_IN / width,
    )
    for i, ax in enumerate(axes.flat):
        if i >= n:
            fig.delaxes(ax)
        elif i + ncols < n:
            ax.tick_params(labelbottom=False)
    return fig, list(axes.flat)[:n]


def _draw(ax: Axes, panel: Panel, lang: Lang) -> None:
    plot_indicator(
        panel.series,
        intervention=panel.intervention,
        its=panel.its,
        ax=ax,
        lang=lang,
        title="",  # the section names the indicator
        ylabel=panel.ylabel,
    )
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    if panel.project_start is not None:
        when = period_times(pd.Series([panel.project_start]))[0]
        ax.axvline(
            when,
            color=STYLE["project_start"],
            lw=1,
            ls="--",
            label=plot_label("project_start", lang),
        )
    for value, label in panel.targets:
        ax.axhline(value, color=STYLE["target"], lw=1.5, ls="-.", label=label)
    if panel.plan is not None:
        ax.axhline(panel.plan, color=PALETTE["grey"], lw=1.5, ls="--", label=text("plan", lang))
    if panel.population is not None:
        pop, year = panel.population
        rate = ax.secondary_yaxis(
            "right", functions=(lambda c: c * 1000 / pop, lambda r: r * pop / 1000)
        )
        rate.set_ylabel(text("rate_axis", lang, year=year), fontsize=STYLE["font_size"] - 1)
        rate.tick_params(labelsize=STYLE["font_size"] - 1)
    ax.set_xlabel("")
    ax.tick_params(labelsize=STYLE["font_size"] - 1)


def _legend(fig: Figure, axes: Sequence[Axes], extra: object | None) -> None:
    seen: dict[str, object] = {}
    if extra is not None:
        seen[extra.get_label()] = extra
    for ax in axes:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            if not label.startswith("_"):
                seen.setdefault(label, handle)
    if seen:
        fig.legend(
            list(seen.values()),
            list(seen),
            loc="lower center",
            bbox_to_anchor=(0.5, 0),
            ncols=min(len(seen), 3),
            fontsize=STYLE["font_size"] - 1,
            frameon=False,
        )


def panel_figure(
    panels: Sequence[Panel], lang: Lang, *, ncols: int = 2, height: float = 1.9
) -> Figure:
    """Panels in rows of ``ncols``, each drawn by :func:`~socprev_kit.plots.plot_indicator`,
    with one legend under the figure."""
    from ..plots.suppressed import suppressed_handle

    width = 36 if min(ncols, len(panels)) > 1 else 80
    panels = [by_year(p, lang) for p in panels]
    titles = [textwrap.fill(p.title, width) for p in panels]
    lines = max(t.count("\n") + 1 for t in titles)
    fig, axes = _grid(len(panels), ncols, height, lines)
    for ax, panel, title in zip(axes, panels, titles, strict=True):
        _draw(ax, panel, lang)
        ax.set_title(title, loc="left", fontsize=STYLE["font_size"], y=1.0)  # y: see finish()
    hidden = [p for p in panels if "suppressed" in p.series and p.series["suppressed"].any()]
    extra = None
    if hidden:
        extra = suppressed_handle(
            max(_min_cell(p.series["indicator_id"].iloc[0]) for p in hidden), lang
        )
    _legend(fig, axes, extra)
    return fig


def _min_cell(indicator_id: str) -> int:
    from .evaluate import catalogue

    return int(catalogue()["min_cell"].get(indicator_id, 0))


def funnel_figure(frame: pd.DataFrame, highlight: Sequence[str], title: str, lang: Lang) -> Figure:
    """:func:`~socprev_kit.plots.plot_funnel` of a
    :func:`~socprev_kit.evaluation.comparison.funnel` frame
    (hidden counts left out), with a ring and the name at each municipality of ``highlight``
    that is shown, and the notes on the limits' method and the hidden counts under it."""
    import matplotlib.pyplot as plt

    from .tables import municipality_name

    height = 5.0  # room under the axes for the notes on the limits and the hidden counts
    fig, ax = plt.subplots(figsize=(7.0, height))
    fig.subplots_adjust(
        left=0.75 / 7, right=1 - 0.2 / 7, top=1 - 0.95 / height, bottom=1.25 / height
    )
    plot_funnel(frame, title=title, lang=lang, ax=ax)
    shown = frame[frame["nis_code"].isin(highlight) & ~frame["suppressed"]]
    for row in shown.itertuples():
        ax.scatter(
            row.population,
            row.rate_per_1000,
            s=90,
            facecolors="none",
            zorder=4,
            edgecolors=PALETTE["black"],
            linewidths=1.6,
        )
        if not row.outside_998:  # those are named by plot_funnel
            where = ax.transAxes.inverted().transform(
                ax.transData.transform((row.population, row.rate_per_1000))
            )
            right = where[0] > 0.85  # near the right edge: the name goes below left
            ax.annotate(
                municipality_name(row.nis_code, lang),
                (row.population, row.rate_per_1000),
                xytext=(-9, -6) if right else (8, 8),
                textcoords="offset points",
                ha="right" if right else "left",
                va="top" if right else "baseline",
                fontsize=STYLE["font_size"] - 1,
                fontweight="bold",
            )
    return ax.figure
