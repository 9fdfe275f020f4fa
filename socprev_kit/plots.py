"""Figures for the reports: indicator over time, small multiples, completeness, attainment, funnel.

Every function takes an optional ``ax`` (or returns a new Figure for small multiples), draws on it
and returns it; none shows or saves a figure, and matplotlib is imported only when a function is
called. One style for all: the Okabe-Ito colour-blind-safe palette in :data:`PALETTE`, 10-11 pt
text in :data:`STYLE`, and axis labels and legends in nl, fr or en from :data:`LABELS`.

Examples
--------
>>> ax = plot_indicator(series, intervention="2020-10", its=result, lang="fr")  # doctest: +SKIP
>>> ax.figure.savefig("ghent_I01.png")  # doctest: +SKIP
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from . import parsing
from .catalogue import indicator_names

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .its import ITSResult

Lang = Literal["nl", "fr", "en"]

#: Okabe-Ito colours (Okabe & Ito 2008), safe for the common colour-vision deficiencies.
PALETTE: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#BBBBBB",
}
#: Which colour plays which part, and the text sizes (points) for a report page.
STYLE: dict[str, object] = {
    "observed": PALETTE["blue"],
    "fitted": PALETTE["vermillion"],
    "counterfactual": PALETTE["vermillion"],
    "intervention": PALETTE["black"],
    "target": PALETTE["green"],
    "cycle": [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky_blue")],
    "status": {
        "reached": PALETTE["green"],
        "on_track": PALETTE["sky_blue"],
        "behind": PALETTE["orange"],
        "no_data": PALETTE["grey"],
    },
    "registered": PALETTE["blue"],
    "missing": PALETTE["orange"],
    "not_expected": "#F2F2F2",
    "limit_95": PALETTE["sky_blue"],
    "limit_998": PALETTE["blue"],
    "font_size": 10,
    "title_size": 11,
}
#: Axis labels and legend texts.
LABELS: dict[str, dict[str, str]] = {
    "period": {"nl": "Periode", "fr": "Période", "en": "Period"},
    "month": {"nl": "Maand", "fr": "Mois", "en": "Month"},
    "value": {"nl": "Waarde", "fr": "Valeur", "en": "Value"},
    "observed": {"nl": "Geregistreerd", "fr": "Observé", "en": "Observed"},
    "fitted": {"nl": "Model", "fr": "Modèle", "en": "Model"},
    "counterfactual": {
        "nl": "Zonder project (model)",
        "fr": "Sans projet (modèle)",
        "en": "Without project (model)",
    },
    "intervention": {"nl": "Start project", "fr": "Début du projet", "en": "Project start"},
    "target": {"nl": "Doel", "fr": "Objectif", "en": "Target"},
    "baseline": {"nl": "Nulmeting", "fr": "Situation initiale", "en": "Baseline"},
    "registered": {"nl": "Geregistreerd", "fr": "Enregistré", "en": "Registered"},
    "missing": {"nl": "Ontbreekt", "fr": "Manquant", "en": "Missing"},
    "not_expected": {"nl": "Niet verwacht", "fr": "Non attendu", "en": "Not expected"},
    "attainment": {
        "nl": "Doelbereik (0 = nulmeting, 1 = doel)",
        "fr": "Atteinte (0 = situation initiale, 1 = objectif)",
        "en": "Attainment (0 = baseline, 1 = target)",
    },
    "reached": {"nl": "Bereikt", "fr": "Atteint", "en": "Reached"},
    "on_track": {"nl": "Op schema", "fr": "En bonne voie", "en": "On track"},
    "behind": {"nl": "Achter op schema", "fr": "En retard", "en": "Behind"},
    "no_data": {"nl": "Geen gegevens", "fr": "Pas de données", "en": "No data"},
    "population": {"nl": "Inwoners", "fr": "Habitants", "en": "Inhabitants"},
    "rate": {
        "nl": "Per 1.000 inwoners",
        "fr": "Pour 1 000 habitants",
        "en": "Per 1,000 inhabitants",
    },
    "group_rate": {"nl": "Groepsgemiddelde", "fr": "Moyenne du groupe", "en": "Group rate"},
    "limit": {"nl": "{level}-grenzen", "fr": "Limites à {level}", "en": "{level} limits"},
}


def label(key: str, lang: Lang) -> str:
    """The text of ``key`` in ``lang`` (``LABELS[key][lang]``)."""
    if lang not in ("nl", "fr", "en"):
        raise ValueError(f"lang must be 'nl', 'fr' or 'en', not {lang!r}")
    return LABELS[key][lang]


def _axes(ax: Axes | None, figsize: tuple[float, float] = (7.0, 3.5)) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


def _finish(ax: Axes, title: str | None) -> None:
    size = STYLE["font_size"]
    if title:
        ax.set_title(title, fontsize=STYLE["title_size"], loc="left")
    ax.tick_params(labelsize=size)
    ax.xaxis.label.set_size(size)
    ax.yaxis.label.set_size(size)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _times(periods: pd.Series) -> pd.Series:
    """Period labels ('2024-03', '2024-Q1', '2024') or timestamps as timestamps."""
    if pd.api.types.is_datetime64_any_dtype(periods):
        return periods.reset_index(drop=True)
    return parsing.period_start(periods.astype(str)).reset_index(drop=True)


def plot_indicator(
    series: pd.DataFrame,
    *,
    value: str = "value",
    period: str = "period",
    intervention: str | pd.Timestamp | None = None,
    its: ITSResult | None = None,
    target: float | None = None,
    title: str | None = None,
    ylabel: str | None = None,
    ax: Axes | None = None,
    lang: Lang = "nl",
) -> Axes:
    """One indicator over time, with intervention line, ITS lines and target line.

    Parameters
    ----------
    series
        One indicator of one municipality (a slice of an indicator table).
    value, period
        Columns to plot; with ``value="rate_per_1000"`` the ITS lines are drawn per 1,000.
    intervention
        Start of the intervention (``"2020-10"`` or a timestamp): a vertical line.
    its
        An ITS result: its fitted line (solid) and counterfactual (dashed) after the intervention.
    target
        A target value: a horizontal line.
    title, ylabel
        Texts (default: no title, the label "value" in ``lang``).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    x = _times(series[period])
    ax.plot(
        x,
        series[value].to_numpy(),
        "o-",
        color=STYLE["observed"],
        ms=3,
        lw=1,
        label=label("observed", lang),
    )
    if its is not None:
        suffix = (
            "_per_1000" if value.endswith("per_1000") and "fitted_per_1000" in its.fitted else ""
        )
        fit = its.fitted
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
    if target is not None:
        ax.axhline(target, color=STYLE["target"], lw=1.5, ls="-.", label=label("target", lang))
    if intervention is not None:
        when = _times(pd.Series([intervention]))[0]
        ax.axvline(
            when, color=STYLE["intervention"], lw=1, ls=":", label=label("intervention", lang)
        )
    ax.set_xlabel(label("period", lang))
    ax.set_ylabel(ylabel or label("value", lang))
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=STYLE["font_size"] - 1, frameon=False, loc="best")
    _finish(ax, title)
    return ax


def _facet_names(facet: str, keys: Sequence[str], lang: Lang) -> dict[str, str]:
    if facet == "indicator_id":
        names = indicator_names(lang)
        return {k: f"{k} {names.get(k, '')}".strip() for k in keys}
    if facet == "nis_code":
        from .reference import municipalities

        m = municipalities().set_index("nis_code")
        col = "name_fr" if lang == "fr" else "name_nl"
        return {k: m[col].get(k, k) for k in keys}
    return {k: str(k) for k in keys}


def small_multiples(
    table: pd.DataFrame,
    *,
    indicators: Sequence[str],
    facet: Literal["nis_code", "indicator_id"] = "nis_code",
    value: str = "value",
    period: str = "period",
    intervention: str | pd.Timestamp | None = None,
    ncols: int = 3,
    title: str | None = None,
    lang: Lang = "nl",
) -> Figure:
    """One panel per municipality (or per indicator), sharing the time axis.

    With ``facet="nis_code"`` each panel holds one line per indicator of ``indicators``; with
    ``facet="indicator_id"`` one line per municipality. Panel titles are municipality names
    (French names with ``lang="fr"``) or indicator names in ``lang``.

    Returns
    -------
    matplotlib.figure.Figure
        With one Axes per panel in ``fig.axes`` (unused grid cells removed).
    """
    import matplotlib.pyplot as plt

    line_key = "indicator_id" if facet == "nis_code" else "nis_code"
    rows = table[table["indicator_id"].isin(indicators)]
    rows = rows.drop_duplicates([facet, line_key, period])  # one project per municipality
    keys = list(dict.fromkeys(rows[facet]))
    if not keys:
        raise ValueError(f"no rows for indicators {list(indicators)} in the table")
    ncols = min(ncols, len(keys))
    nrows = -(-len(keys) // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(3.2 * ncols, 2.4 * nrows),
        sharex=True,
        squeeze=False,
        layout="constrained",
    )
    titles = _facet_names(facet, keys, lang)
    line_names = _facet_names(line_key, list(dict.fromkeys(rows[line_key])), lang)
    colours = STYLE["cycle"]
    for ax, key in zip(axes.flat, keys, strict=False):
        panel = rows[rows[facet] == key]
        for name, part in panel.groupby(line_key, sort=False):
            colour = colours[list(line_names).index(name) % len(colours)]
            ax.plot(
                _times(part[period]),
                part[value].to_numpy(),
                color=colour,
                lw=1.2,
                label=line_names[name],
            )
        if intervention is not None:
            ax.axvline(
                _times(pd.Series([intervention]))[0], color=STYLE["intervention"], lw=1, ls=":"
            )
        ax.set_ylim(bottom=0)
        _finish(ax, textwrap.fill(titles[key], 34))
        ax.title.set_fontsize(STYLE["font_size"])
        ax.tick_params(axis="x", labelrotation=30)
    for i, ax in enumerate(axes.flat):
        if i >= len(keys):
            fig.delaxes(ax)
        elif i + ncols >= len(keys):  # lowest panel of its column: show the dates
            ax.xaxis.set_tick_params(labelbottom=True)
    seen = {t: h for ax in fig.axes for h, t in zip(*ax.get_legend_handles_labels(), strict=True)}
    handles, texts = list(seen.values()), list(seen)
    if len(handles) > 1 or facet == "indicator_id":
        fig.legend(
            handles,
            texts,
            loc="outside upper center",
            ncols=min(len(handles), 3),
            fontsize=STYLE["font_size"] - 1,
            frameon=False,
        )
    fig.supxlabel(label("period", lang), fontsize=STYLE["font_size"])
    if title:
        fig.suptitle(title, fontsize=STYLE["title_size"])
    return fig


def plot_completeness(
    completeness_by_month: pd.DataFrame,
    *,
    rows: str = "indicator_id",
    month: str = "month",
    registered: str = "registered",
    title: str | None = None,
    ax: Axes | None = None,
    lang: Lang = "nl",
) -> Axes:
    """Heat map of registration: rows (indicators or municipalities) by months.

    Parameters
    ----------
    completeness_by_month
        Long frame, one row per expected cell: ``rows`` key, ``month`` (``"2024-03"`` or a
        timestamp) and ``registered`` (True or False). Cells absent from the frame (or with a
        missing ``registered``) are drawn as "not expected".

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    df = completeness_by_month.assign(
        _m=_times(completeness_by_month[month]).dt.to_period("M").to_numpy()
    )
    code = df[registered].map({True: 2.0, False: 1.0}).astype(float)
    grid = df.assign(_c=code.to_numpy()).pivot_table(
        index=rows, columns="_m", values="_c", aggfunc="max", sort=True
    )
    months = pd.period_range(grid.columns.min(), grid.columns.max(), freq="M")
    grid = grid.reindex(columns=months).fillna(0.0)
    ax = _axes(ax, figsize=(7.0, 0.8 + 0.3 * len(grid)))
    cmap = ListedColormap([STYLE["not_expected"], STYLE["missing"], STYLE["registered"]])
    ax.pcolormesh(
        grid.to_numpy(),
        cmap=cmap,
        vmin=-0.5,
        vmax=2.5,
        edgecolors="white",
        lw=0.3 if len(months) <= 36 else 0.0,
    )
    ax.invert_yaxis()
    ax.set_yticks(np.arange(len(grid)) + 0.5, [str(i) for i in grid.index])
    step = max(1, len(months) // 12)
    ticks = [i for i, m in enumerate(months) if (m.month - months[0].month) % step == 0]
    ticks = [i for i in ticks if months[i].month in (1, 7)] if len(months) > 24 else ticks
    ax.set_xticks(np.array(ticks) + 0.5, [str(months[i]) for i in ticks], rotation=45, ha="right")
    ax.set_xlabel(label("month", lang))
    keys = ("registered", "missing", "not_expected")
    ax.legend(
        handles=[
            Patch(facecolor=STYLE[k], edgecolor="#999999", label=label(k, lang)) for k in keys
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
        fontsize=STYLE["font_size"] - 1,
    )
    _finish(ax, title)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return ax


STATUSES = ("reached", "on_track", "behind", "no_data")


def plot_attainment(
    att: pd.DataFrame,
    *,
    objective: str = "objective",
    attainment: str = "attainment",
    status: str = "status",
    cap: tuple[float, float] = (-0.5, 1.5),
    title: str | None = None,
    ax: Axes | None = None,
    lang: Lang = "nl",
) -> Axes:
    """Horizontal bars of attainment per objective, coloured by status, target line at 1.

    Parameters
    ----------
    att
        One row per objective: ``objective`` (the label shown), ``attainment`` (0 = baseline,
        1 = target, already signed by the indicator's direction; NaN when there is no data) and
        ``status`` (``reached``, ``on_track``, ``behind`` or ``no_data``).
    cap
        Bars are drawn capped to this range; the uncapped value is written beside each bar.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import Patch

    ax = _axes(ax, figsize=(7.0, 0.9 + 0.35 * len(att)))
    values = att[attainment].astype(float).to_numpy()
    shown = np.clip(np.nan_to_num(values, nan=0.0), *cap)
    colours = [STYLE["status"].get(s, PALETTE["grey"]) for s in att[status]]
    y = np.arange(len(att))
    ax.barh(y, shown, color=colours, height=0.6)
    for yi, v, s in zip(y, values, shown, strict=True):
        text = "–" if np.isnan(v) else f"{v:.0%}"
        ax.text(max(s, 0) + 0.02, yi, text, va="center", fontsize=STYLE["font_size"] - 1)
    ax.axvline(0, color=PALETTE["black"], lw=0.8)
    ax.axvline(1, color=STYLE["target"], lw=1.5, ls="-.")
    ax.set_yticks(y, att[objective].astype(str))
    ax.invert_yaxis()
    ax.set_xlim(cap[0] - 0.05, cap[1] + 0.2)
    ax.set_xticks(np.arange(np.ceil(cap[0] * 2) / 2, cap[1] + 0.01, 0.5))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel(label("attainment", lang))
    present = [s for s in STATUSES if s in set(att[status])]
    handles = [Patch(color=STYLE["status"][s], label=label(s, lang)) for s in present]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
        fontsize=STYLE["font_size"] - 1,
    )
    _finish(ax, title)
    return ax


def plot_funnel(
    funnel: pd.DataFrame,
    *,
    rate: str = "rate",
    population: str = "population",
    group_rate: str = "group_rate",
    limits: Mapping[str, tuple[str, str]] | None = None,
    name: str = "name",
    title: str | None = None,
    ax: Axes | None = None,
    lang: Lang = "nl",
) -> Axes:
    """Funnel plot: rate per municipality against population, with control limits.

    Parameters
    ----------
    funnel
        One row per municipality with ``rate``, ``population``, ``group_rate`` and the lower and
        upper limits at that population; ``name`` labels the points outside the widest limits.
    limits
        ``{level: (lower column, upper column)}``, from narrow to wide (default
        ``{"95%": ("lower_95", "upper_95"), "99.8%": ("lower_998", "upper_998")}``).

    Returns
    -------
    matplotlib.axes.Axes
    """
    limits = dict(limits or {"95%": ("lower_95", "upper_95"), "99.8%": ("lower_998", "upper_998")})
    ax = _axes(ax, figsize=(7.0, 4.0))
    df = funnel.sort_values(population)
    styles = [(STYLE["limit_95"], "--"), (STYLE["limit_998"], "-")]
    for (level, (lo, hi)), (colour, ls) in zip(limits.items(), styles * 4, strict=False):
        ax.plot(
            df[population],
            df[lo],
            color=colour,
            ls=ls,
            lw=1.2,
            label=label("limit", lang).format(level=level),
        )
        ax.plot(df[population], df[hi], color=colour, ls=ls, lw=1.2)
    ax.axhline(
        df[group_rate].iloc[0], color=PALETTE["black"], lw=1, label=label("group_rate", lang)
    )
    lo, hi = list(limits.values())[-1]
    out = (df[rate] < df[lo]) | (df[rate] > df[hi])
    ax.scatter(
        df.loc[~out, population],
        df.loc[~out, rate],
        s=22,
        color=PALETTE["grey"],
        edgecolor=PALETTE["black"],
        lw=0.5,
        zorder=3,
    )
    ax.scatter(
        df.loc[out, population],
        df.loc[out, rate],
        s=28,
        color=PALETTE["vermillion"],
        edgecolor=PALETTE["black"],
        lw=0.5,
        zorder=3,
    )
    _label_points(ax, df.loc[out, population], df.loc[out, rate], df.loc[out, name])
    sep = {"nl": ".", "fr": "\u202f", "en": ","}[lang]
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:,.0f}".replace(",", sep))
    ax.set_xlabel(label("population", lang))
    ax.set_ylabel(label("rate", lang))
    ax.legend(
        fontsize=STYLE["font_size"] - 1, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1)
    )
    _finish(ax, title)
    return ax


def _label_points(ax: Axes, x: pd.Series, y: pd.Series, names: pd.Series) -> None:
    """Name each point, moving a label down when it would sit on one already placed."""
    ax.figure.canvas.draw_idle()
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    placed: list[tuple[float, float]] = []
    order = np.argsort(-y.to_numpy())
    for i in order:
        px, py = (x.iloc[i] - x0) / (x1 - x0), (y.iloc[i] - y0) / (y1 - y0)
        ly = py
        while any(abs(px - qx) < 0.18 and abs(ly - qy) < 0.05 for qx, qy in placed):
            ly -= 0.05
        placed.append((px, ly))
        right = px > 0.8  # near the right edge: the label goes to the left of the point
        ax.annotate(
            str(names.iloc[i]),
            (x.iloc[i], y.iloc[i]),
            xytext=(px - 0.015 if right else px + 0.01, ly + 0.01),
            textcoords="axes fraction",
            fontsize=STYLE["font_size"] - 1,
            ha="right" if right else "left",
            arrowprops={"arrowstyle": "-", "color": "#777777", "lw": 0.5} if ly != py else None,
        )
