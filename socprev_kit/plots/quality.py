"""Registration and results at a glance: the completeness heat map and the attainment bars.

Both take the kit's own tables as they come:
:func:`socprev_kit.indicators.coverage.completeness_months`
and :func:`socprev_kit.evaluation.targets.attainment`.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..data.catalogue import indicator_names
from .style import (
    PALETTE,
    STYLE,
    Lang,
    finish,
    get_axes,
    label,
    municipality_names,
    percent,
    period_times,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Statuses in legend order, spelled as :func:`socprev_kit.evaluation.targets.attainment` does.
STATUSES = ("reached", "maintained", "on track", "behind", "not reached", "not computable")
#: Older spellings read too.
_OLD = {"on_track": "on track", "no_data": "not computable", "no data": "not computable"}


def _row_labels(frame: pd.DataFrame, lang: Lang) -> pd.Series:
    """``indicator_id``, preceded by the project and the municipality name when they vary."""
    text = frame["indicator_id"].astype(str)
    if "nis_code" in frame and frame["nis_code"].nunique() > 1:
        names = frame["nis_code"].map(municipality_names(lang)).fillna(frame["nis_code"])
        text = names.astype(str) + " · " + text
    if "project_id" in frame and frame["project_id"].nunique() > 1:
        text = frame["project_id"].astype(str) + " · " + text
    return text


def _month_ticks(ax: Axes, months: pd.PeriodIndex) -> None:
    """Years at each January over more than two years, else months (every 1, 2 ... months)."""
    if len(months) > 24:
        ticks = [i for i, m in enumerate(months) if m.month == 1]
        ax.set_xticks(np.array(ticks) + 0.5, [str(months[i].year) for i in ticks])
        return
    step = max(1, len(months) // 12)
    ticks = list(range(0, len(months), step))
    ax.set_xticks(np.array(ticks) + 0.5, [str(months[i]) for i in ticks], rotation=45, ha="right")


def plot_completeness(
    months: pd.DataFrame,
    *,
    rows: str | None = None,
    month: str = "month",
    registered: str = "registered",
    title: str | None = None,
    ax: Axes | None = None,
    lang: Lang = "nl",
) -> Axes:
    """Heat map of registration: one row per series, one column per month.

    Parameters
    ----------
    months
        One row per expected month, as :func:`socprev_kit.indicators.coverage.completeness_months`
        gives (filter it to one project first): a ``month`` (``"2024-03"`` or a timestamp) and
        ``registered`` (True or False). Cells absent from the frame are drawn as "not expected";
        a cell expected in several series of one row counts as missing if one lacks it.
    rows
        Column naming the rows (default: ``indicator_id``, preceded by the project and the
        municipality name in ``lang`` when the frame holds more than one).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> m = completeness_months(data)  # doctest: +SKIP
    >>> plot_completeness(m[m["project_id"] == "GEN-DAM"], lang="fr")  # doctest: +SKIP
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    if months.empty:
        raise ValueError("no expected months to draw; check the project filter.")
    keys = months[rows] if rows is not None else _row_labels(months, lang)
    df = pd.DataFrame(
        {
            "_r": keys.astype(str).to_numpy(),
            "_m": period_times(months[month]).dt.to_period("M").to_numpy(),
            "_c": months[registered].map({True: 2.0, False: 1.0}).to_numpy(float),
        }
    )
    grid = df.pivot_table(index="_r", columns="_m", values="_c", aggfunc="min")
    grid = grid.reindex(list(dict.fromkeys(df["_r"])))
    span = pd.period_range(grid.columns.min(), grid.columns.max(), freq="M")
    grid = grid.reindex(columns=span).fillna(0.0)
    ax = get_axes(ax, figsize=(7.0, 1.2 + 0.22 * len(grid)))
    cmap = ListedColormap([STYLE["not_expected"], STYLE["missing"], STYLE["registered"]])
    ax.pcolormesh(
        grid.to_numpy(),
        cmap=cmap,
        vmin=-0.5,
        vmax=2.5,
        edgecolors="white",
        lw=0.3 if len(span) <= 36 else 0.0,
    )
    ax.invert_yaxis()
    ax.set_yticks(np.arange(len(grid)) + 0.5, [str(i) for i in grid.index])
    _month_ticks(ax, span)
    ax.set_xlabel(label("month", lang))
    handles = [
        Patch(facecolor=STYLE[k], edgecolor="#999999", label=label(k, lang))
        for k in ("registered", "missing", "not_expected")
    ]
    finish(ax, title, legend=handles)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return ax


def _objective_labels(att: pd.DataFrame, lang: Lang, width: int) -> list[str]:
    """``S1 · I01 indicator name`` (project first when there are several), wrapped."""
    names = indicator_names(lang)
    text = [
        f"{o} · {i} {names.get(i, '')}".strip()
        for o, i in zip(att["objective_id"], att["indicator_id"], strict=True)
    ]
    if "project_id" in att and att["project_id"].nunique() > 1:
        text = [f"{p} {t}" for p, t in zip(att["project_id"], text, strict=True)]
    return [textwrap.fill(t, width) for t in text]


def _bar_text(value: float, status: str, lang: Lang) -> str:
    """The attainment beside a bar, or the status (lower case) where there is none."""
    if not np.isnan(value):
        return percent(value, lang)
    return label(status, lang).lower() if status in STATUSES else "–"


def plot_attainment(
    att: pd.DataFrame,
    *,
    objective: str | None = None,
    attainment: str = "attainment",
    status: str = "status",
    cap: tuple[float, float] = (-1.0, 1.5),
    wrap: int = 42,
    title: str | None = None,
    ax: Axes | None = None,
    lang: Lang = "nl",
) -> Axes:
    """Horizontal bars of attainment per objective, coloured by status, target line at 100 %.

    Parameters
    ----------
    att
        The frame of :func:`socprev_kit.evaluation.targets.attainment` (filter it to one
        project): one row per objective with ``attainment`` (0 = baseline, 1 = target; NaN
        without data or when the baseline already met the target) and ``status`` (one of
        :data:`STATUSES`; the older ``on_track``, ``no_data`` and ``no data`` are read too). A row
        without attainment gets no bar and its status written at 0; a line under the axis
        explains attainment.
    objective
        Column of bar labels (default: ``objective`` if present, else ``objective_id`` and the
        indicator's name in ``lang``, wrapped at ``wrap`` characters).
    cap
        Bars are drawn capped to this range; the uncapped value is written beside each bar.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import Patch

    label("value", lang)
    col = objective or ("objective" if "objective" in att else None)
    texts = att[col].astype(str).tolist() if col else _objective_labels(att, lang, wrap)
    lines = max(t.count("\n") + 1 for t in texts) if texts else 1
    ax = get_axes(ax, figsize=(7.0, 1.5 + (0.2 + 0.17 * lines) * len(att)))
    values = att[attainment].astype(float).to_numpy()
    shown = np.clip(np.nan_to_num(values, nan=0.0), *cap)
    states = [_OLD.get(s, s) for s in att[status].astype(str)]
    y = np.arange(len(att))
    ax.barh(y, shown, color=[STYLE["status"].get(s, PALETTE["grey"]) for s in states], height=0.6)
    for yi, v, s, st in zip(y, values, shown, states, strict=True):
        right = s >= 0 or s < cap[0] + 0.4  # a long negative bar: inside it, clear of the labels
        ax.text(
            s + (0.03 if right else -0.03),
            yi,
            _bar_text(v, st, lang),
            va="center",
            ha="left" if right else "right",
            fontsize=STYLE["font_size"] - 1,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
        )
    ax.axvline(0, color=PALETTE["black"], lw=0.8)
    target = ax.axvline(1, color=STYLE["target"], lw=1.5, ls="-.", label=label("target", lang))
    ax.set_yticks(y, texts, fontsize=STYLE["font_size"] - 1)
    ax.set_ylim(len(att) - 0.5, -0.5)
    ax.set_xlim(cap[0] - 0.05, cap[1] + 0.3)
    ax.set_xticks(np.arange(np.ceil(cap[0] * 2) / 2, cap[1] + 0.01, 0.5))
    ax.xaxis.set_major_formatter(lambda v, _: percent(v, lang))
    note = textwrap.fill(label("attainment_note", lang), 54)
    ax.set_xlabel(label("attainment", lang) + "\n" + note, loc="left")
    handles = [
        Patch(color=STYLE["status"][s], label=label(s, lang)) for s in STATUSES if s in states
    ] + [target]
    finish(ax, title, legend=handles, ncols=2)  # long bar labels leave little width
    return ax
