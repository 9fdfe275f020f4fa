"""Indicators over time: one series with its ITS lines, and small multiples.

Suppressed rows are drawn as :mod:`socprev_kit.plots.suppressed` says: hollow markers in a band.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from ..data.catalogue import indicator_names
from .literal import literal_text
from .style import STYLE, Lang, date_axis, finish, get_axes, label, municipality_names, period_times
from .suppressed import cell_limit, isolated, mark_suppressed, suppressed_handle, suppressed_mask

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from ..evaluation.its import ITSResult


def _its_lines(ax: Axes, its: ITSResult, value: str, lang: Lang) -> None:
    """Fitted line (solid) and counterfactual (dashed, from the last period before the start)."""
    fit = its.fitted
    suffix = "_per_1000" if value.endswith("per_1000") and "fitted_per_1000" in fit else ""
    ax.plot(
        fit["period"],
        fit["fitted" + suffix],
        color=STYLE["fitted"],
        lw=1.8,
        label=label("fitted", lang),
    )
    after = fit["fitted" + suffix] != fit["counterfactual" + suffix]
    after = after | after.shift(-1, fill_value=False)
    ax.plot(
        fit.loc[after, "period"],
        fit.loc[after, "counterfactual" + suffix],
        color=STYLE["counterfactual"],
        lw=1.8,
        ls="--",
        label=label("counterfactual", lang),
    )


def plot_indicator(
    series: pd.DataFrame,
    *,
    value: str = "value",
    period: str = "period",
    intervention: str | pd.Timestamp | None = None,
    its: ITSResult | None = None,
    target: float | None = None,
    min_cell: int | None = None,
    title: str | None = None,
    ylabel: str | None = None,
    ax: Axes | None = None,
    lang: Lang = "nl",
) -> Axes:
    """One indicator over time, with intervention line, ITS lines and target line.

    Parameters
    ----------
    series
        One indicator of one municipality (a slice of an indicator table), optionally passed
        through :func:`socprev_kit.evaluation.suppression.suppress`: rows with ``suppressed``
        True are drawn as hollow markers in a band "< k" at the bottom, never at their value.
    value, period
        Columns to plot; with ``value="rate_per_1000"`` the ITS lines are drawn per 1,000 (and
        the band reaches ``1000 k / population``).
    intervention
        Start of the intervention (``"2020-10"`` or a timestamp): a vertical line.
    its
        An ITS result: its fitted line (solid) and counterfactual (dashed) after the intervention.
    target
        A target value: a horizontal line.
    min_cell
        ``k`` of the suppression band (default: the catalogue's ``min_cell`` of the indicator).
    title, ylabel
        Texts. Default title: the indicator and the municipality the series holds, when it holds
        one of each (``""``: no title). Default label: "per 1,000 inhabitants" for
        ``value="rate_per_1000"``, else "value", in ``lang``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    label("value", lang)  # refuse an unknown language before drawing
    ax = get_axes(ax)
    x = period_times(series[period])
    sup = suppressed_mask(series).to_numpy()
    y = np.where(sup, np.nan, series[value].to_numpy(dtype=float))
    ax.plot(
        x,
        y,
        "o-",
        color=STYLE["observed"],
        ms=3,
        lw=1,
        label=label("observed", lang),
        clip_on=False,
    )
    k = cell_limit(series, min_cell)
    if sup.any():
        mark_suppressed(ax, series.reset_index(drop=True), x, value, k, STYLE["observed"])
    if its is not None:
        _its_lines(ax, its, value, lang)
    if target is not None:
        ax.axhline(target, color=STYLE["target"], lw=1.5, ls="-.", label=label("target", lang))
    if intervention is not None:
        when = period_times(pd.Series([intervention]))[0]
        ax.axvline(
            when, color=STYLE["intervention"], lw=1, ls=":", label=label("intervention", lang)
        )
    ax.set_xlabel(label("period", lang))
    ax.set_ylabel(ylabel or label("rate" if value == "rate_per_1000" else "value", lang))
    ax.set_ylim(bottom=0)
    date_axis(ax, lang)
    handles = ax.get_legend_handles_labels()[0]
    if sup.any():
        handles.insert(1, suppressed_handle(k, lang))
    finish(ax, _series_title(series, lang) if title is None else title, legend=handles)
    return ax


def _series_title(series: pd.DataFrame, lang: Lang) -> str | None:
    """``"I02 <name> – <municipality>"`` of a series of one indicator (and one municipality)."""
    one = {c: series[c].dropna().unique() for c in ("indicator_id", "nis_code") if c in series}
    if len(one.get("indicator_id", ())) != 1:
        return None
    indicator = str(one["indicator_id"][0])
    text = f"{indicator} {indicator_names(lang).get(indicator, '')}".strip()
    if len(one.get("nis_code", ())) == 1:
        nis = str(one["nis_code"][0])
        text += f" – {municipality_names(lang).get(nis, nis)}"
    return text


def _facet_names(facet: str, keys: Sequence[str], lang: Lang) -> dict[str, str]:
    if facet == "indicator_id":
        names = indicator_names(lang)
        return {k: f"{k} {names.get(k, '')}".strip() for k in keys}
    if facet == "nis_code":
        names = municipality_names(lang)
        return {k: names.get(k, k) for k in keys}
    return {k: str(k) for k in keys}


def _panel(ax: Axes, panel: pd.DataFrame, line_key: str, colours: dict, spec: dict) -> bool:
    """Draw one panel's lines; True when it holds a suppressed point."""
    any_sup = False
    for name, part in panel.groupby(line_key, sort=False):
        x = period_times(part[spec["period"]])
        sup = suppressed_mask(part).to_numpy()
        y = np.where(sup, np.nan, part[spec["value"]].to_numpy(dtype=float))
        ax.plot(x, y, color=colours[name], lw=1.2, label=spec["names"][name])
        alone = isolated(y)  # a value between two gaps would draw no line: a dot instead
        if alone.any():
            ax.plot(x[alone], y[alone], "o", ms=2.5, color=colours[name], label="_alone")
        if sup.any():
            k = cell_limit(part, spec["min_cell"])
            mark_suppressed(ax, part.reset_index(drop=True), x, spec["value"], k, colours[name])
            any_sup = True
    if spec["intervention"] is not None:
        when = period_times(pd.Series([spec["intervention"]]))[0]
        ax.axvline(when, color=STYLE["intervention"], lw=1, ls=":")
    ax.set_ylim(bottom=0)
    date_axis(ax, spec["lang"], max_ticks=spec["ticks"])
    return any_sup


def _figure_legend(fig: Figure, extra: Line2D | None, always: bool) -> None:
    seen = {
        t: h
        for ax in fig.axes
        for h, t in zip(*ax.get_legend_handles_labels(), strict=True)
        if not t.startswith("_")
    }
    handles, texts = list(seen.values()), list(seen)
    if extra is not None:
        handles, texts = [*handles, extra], [*texts, extra.get_label()]
    if len(handles) > 1 or always:
        ncols = max(1, min(len(handles), 3, 90 // max(len(t) for t in texts)))
        fig.legend(
            handles,
            texts,
            loc="outside lower center",
            ncols=ncols,
            fontsize=STYLE["font_size"] - 1,
            frameon=False,
        )


def _grid(n: int, ncols: int) -> tuple[Figure, list[Axes]]:
    """A figure of ``n`` panels in rows of ``ncols`` sharing x, dates under each column's last."""
    import matplotlib.pyplot as plt

    nrows = -(-n // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(7.0, 0.6 + 2.2 * nrows),
        sharex=True,
        squeeze=False,
        layout="constrained",
    )
    for i, ax in enumerate(axes.flat):
        if i >= n:
            fig.delaxes(ax)
        elif i + ncols >= n:  # lowest panel of its column: show the dates
            ax.xaxis.set_tick_params(labelbottom=True)
    return fig, list(axes.flat)[:n]


def small_multiples(
    table: pd.DataFrame,
    *,
    indicators: Sequence[str],
    facet: Literal["nis_code", "indicator_id"] = "nis_code",
    value: str = "value",
    period: str = "period",
    intervention: str | pd.Timestamp | None = None,
    min_cell: int | None = None,
    ncols: int = 3,
    title: str | None = None,
    lang: Lang = "nl",
) -> Figure:
    """One panel per municipality (or per indicator), sharing the time axis.

    With ``facet="nis_code"`` each panel holds one line per indicator of ``indicators``; with
    ``facet="indicator_id"`` one line per municipality. Panel titles are municipality names in
    ``lang`` or indicator names in ``lang``. Suppressed rows are drawn as in
    :func:`plot_indicator`, as hollow markers in the colour of their line.

    Returns
    -------
    matplotlib.figure.Figure
        With one Axes per panel in ``fig.axes`` (unused grid cells removed).
    """
    label("value", lang)
    line_key = "indicator_id" if facet == "nis_code" else "nis_code"
    rows = table[table["indicator_id"].isin(indicators)]
    rows = rows.drop_duplicates([facet, line_key, period])  # one project per municipality
    keys = list(dict.fromkeys(rows[facet]))
    if not keys:
        raise ValueError(f"no rows for indicators {list(indicators)} in the table")
    ncols = min(ncols, len(keys))
    fig, axes = _grid(len(keys), ncols)
    titles = _facet_names(facet, keys, lang)
    names = _facet_names(line_key, list(dict.fromkeys(rows[line_key])), lang)
    cycle = STYLE["cycle"]
    colours = {n: cycle[i % len(cycle)] for i, n in enumerate(names)}
    spec = {
        "value": value,
        "period": period,
        "names": names,
        "min_cell": min_cell,
        "intervention": intervention,
        "ticks": 5 if ncols >= 3 else 7,
        "lang": lang,
    }
    any_sup = False
    for ax, key in zip(axes, keys, strict=True):
        any_sup |= _panel(ax, rows[rows[facet] == key], line_key, colours, spec)
        finish(ax, textwrap.fill(titles[key], 34 if ncols < 3 else 26))
        ax.title.set_fontsize(STYLE["font_size"])
    k = cell_limit(rows[suppressed_mask(rows)], min_cell)
    extra = suppressed_handle(k, lang) if any_sup else None
    _figure_legend(fig, extra, always=facet == "indicator_id")
    if title:
        fig.suptitle(title, fontsize=STYLE["title_size"])
    return literal_text(fig)
