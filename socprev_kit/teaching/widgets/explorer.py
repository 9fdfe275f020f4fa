"""The explorer: pick a municipality, a project, an indicator and a period; see the figure and
a small table of the monthly values, as the reports publish them (small cells hidden).

The choices depend on each other: the projects are those with data in the municipality, the
indicators those with monthly values for that project there, the period the months of that
series. Changing a choice updates the ones after it, then redraws once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ...common.errors import WidgetChoiceError
from ...common.formatting import MONTH_SHORT, Lang, check_lang, format_month
from ...plots import plot_indicator
from ...reports import DataContext, prepare
from ...reports.evaluate import hide, impact_ids
from ...reports.tables import cells, indicator_label, municipality_name, unit_name
from .base import KitView, new_figure, static_mode
from .texts import wtext

__all__ = ["Explorer", "WidgetChoiceError", "explorer"]


def _options(keys: Sequence[str], labels: dict[str, str]) -> list[tuple[str, str]]:
    return [(labels.get(k, k), k) for k in keys]


def _pick(wanted: str | None, keys: Sequence[str], what: str) -> str:
    if wanted is None:
        return keys[0]
    if str(wanted) not in keys:
        raise WidgetChoiceError(
            f"No data for {wanted!r} as {what}; choose one of: {', '.join(keys)}."
        )
    return str(wanted)


class Explorer(KitView):
    """The state of :func:`explorer`; see :class:`~socprev_kit.teaching.widgets.base.KitView`."""

    def __init__(
        self,
        table: pd.DataFrame,
        projects: pd.DataFrame,
        lang: Lang,
        static: bool,
        ctx: DataContext | None = None,
    ):
        super().__init__(lang, static)
        self.ctx = ctx  # the data context whose disclosure pattern the table follows
        self.months = table[table["frequency"] == "month"]
        self.projects = projects.set_index("project_id")
        self.choice: dict[str, object] = {}
        self._busy = False

    # -- the choices, each depending on the ones before ------------------------------------
    def municipalities(self) -> list[str]:
        """NIS codes with monthly data, by name in the language."""
        codes = self.months["nis_code"].dropna().unique()
        return sorted(map(str, codes), key=lambda c: municipality_name(c, self.lang))

    def project_ids(self, nis_code: str) -> list[str]:
        """Projects with monthly data in ``nis_code``."""
        return sorted(self.months.loc[self.months["nis_code"] == nis_code, "project_id"].unique())

    def series(self, nis_code: str, project_id: str) -> pd.DataFrame:
        """Monthly rows of one project in one municipality with a value."""
        t = self.months
        rows = t[(t["nis_code"] == nis_code) & (t["project_id"] == project_id)]
        return rows[rows["value"].notna()]

    def indicator_ids(self, nis_code: str, project_id: str) -> list[str]:
        """Indicators with monthly values there, in catalogue order."""
        from ...reports.evaluate import catalogue

        present = set(self.series(nis_code, project_id)["indicator_id"])
        return [i for i in catalogue().index if i in present]

    def period_months(self, nis_code: str, project_id: str, indicator: str) -> list[str]:
        """The months (``YYYY-MM``) from the series' first to its last."""
        rows = self.series(nis_code, project_id)
        periods = rows.loc[rows["indicator_id"] == indicator, "period"]
        span = pd.period_range(periods.min(), periods.max(), freq="M")
        return [str(p) for p in span]

    def project_label(self, project_id: str) -> str:
        name = self.projects["name"].get(project_id, "")
        return f"{project_id} – {name}" if name else project_id

    def choose(self, nis_code=None, project_id=None, indicator=None, period=None) -> None:  # noqa: ANN001
        """Set the four choices (None: the first available), checking each against the data."""
        nis = _pick(nis_code, self.municipalities(), wtext("municipality", "en").lower())
        pid = _pick(project_id, self.project_ids(nis), f"project in {nis}")
        inds = self.indicator_ids(nis, pid)
        if indicator is None:  # an impact count when there is one, as the reports show first
            inds = [*impact_ids(self.series(nis, pid)), *inds]
        ind = _pick(indicator, inds, f"indicator of {pid} in {nis}")
        months = self.period_months(nis, pid, ind)
        self.choice = {"nis_code": nis, "project_id": pid, "indicator": ind}
        self.choice["period"] = _clamp(period, months)

    # -- drawing ------------------------------------------------------------------------------
    def published(self) -> pd.DataFrame:
        """The chosen series in the chosen period, through the reports' suppression (the data
        set's disclosure pattern, as in every report of it)."""
        c = self.choice
        rows = self.series(c["nis_code"], c["project_id"])
        first, last = c["period"]
        rows = rows[(rows["indicator_id"] == c["indicator"]) & rows["period"].between(first, last)]
        return hide(rows.sort_values("period"), self.ctx).reset_index(drop=True)

    def title(self) -> str:
        c, lang = self.choice, self.lang
        where = municipality_name(c["nis_code"], lang)
        return f"{indicator_label(c['indicator'], lang)} – {where} ({c['project_id']})"

    def redraw(self) -> None:
        """Draw the figure, the table and the text of the current choice."""
        c, lang = self.choice, self.lang
        rows = self.published()
        fig = new_figure()
        ax = fig.add_subplot()
        if rows.empty:
            ax.set_title(wtext("no_data", lang), loc="left")
            self.show(fig, pd.DataFrame(), wtext("no_data", lang), rows)
            return
        start = self.projects["intervention_date"].get(c["project_id"])
        inside = pd.notna(start) and c["period"][0] <= f"{start:%Y-%m}" <= c["period"][1]
        plot_indicator(
            rows,
            intervention=start if inside else None,
            title=self.title(),
            ylabel=unit_name(c["indicator"], lang),
            ax=ax,
            lang=lang,
        )
        self.show(fig, month_grid(rows, lang), self._sentence(rows), rows)

    def _sentence(self, rows: pd.DataFrame) -> str:
        from ...reports.evaluate import catalogue

        c, lang = self.choice, self.lang
        text = wtext(
            "explorer_text",
            lang,
            indicator=indicator_label(c["indicator"], lang),
            municipality=municipality_name(c["nis_code"], lang),
            project=c["project_id"],
            n=len(rows),
            first=format_month(rows["period"].iloc[0], lang),
            last=format_month(rows["period"].iloc[-1], lang),
        )
        if hidden := int(rows["suppressed"].sum()):
            k = int(catalogue()["min_cell"].get(c["indicator"], 0))
            text += wtext("hidden", lang, n=hidden, k=k)
        return text


def _clamp(period: Sequence[str] | None, months: list[str]) -> tuple[str, str]:
    """``period`` (two months, either may be None) within ``months``; None: all of them."""
    first, last = period if period is not None else (None, None)
    first = max(str(pd.Period(first, freq="M")), months[0]) if first else months[0]
    last = min(str(pd.Period(last, freq="M")), months[-1]) if last else months[-1]
    return (first, last) if first <= last else (months[0], months[-1])


def month_grid(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """One row per year, one column per month: the published values as texts (``< k`` for a
    hidden cell, ``–`` for a month without a value)."""
    texts = cells(rows["value"], rows["indicator_id"], lang, rows["suppressed"])
    when = pd.PeriodIndex(rows["period"], freq="M")
    grid = pd.DataFrame({"year": when.year, "month": when.month, "text": texts})
    out = grid.pivot(index="year", columns="month", values="text").reindex(columns=range(1, 13))
    out.columns = list(MONTH_SHORT[lang])
    out.index.name = wtext("year", lang)
    return out.fillna("–")


def _month_label(month: str, lang: Lang) -> str:
    """``2019-01`` as ``jan 2019``: short, so that the period slider's readout (two of them,
    at most about 150 pixels in JupyterLab) is not cut off."""
    year, number = month.split("-")
    return f"{MONTH_SHORT[lang][int(number) - 1]} {year}"


def _controls(view: Explorer) -> dict:
    import ipywidgets as w

    lang, style = view.lang, {"description_width": "initial"}
    wide = w.Layout(width="48%")
    return {
        "municipality": w.Dropdown(description=wtext("municipality", lang), style=style,
                                   layout=wide),
        "project": w.Dropdown(description=wtext("project", lang), style=style, layout=wide),
        "indicator": w.Dropdown(description=wtext("indicator", lang), style=style, layout=wide),
        "period": w.SelectionRangeSlider(options=[("-", "-")], description=wtext("period", lang),
                                         style=style, layout=wide, continuous_update=False),
    }  # fmt: skip


def _sync(view: Explorer) -> None:
    """Put the view's choice into the controls: options that follow the choices before them."""
    ctl, c, lang = view.controls, view.choice, view.lang
    nis, pid, ind = c["nis_code"], c["project_id"], c["indicator"]
    names = {k: f"{municipality_name(k, lang)} ({k})" for k in view.municipalities()}
    ctl["municipality"].options = _options(view.municipalities(), names)
    ctl["municipality"].value = nis
    pids = view.project_ids(nis)
    ctl["project"].options = [(view.project_label(p), p) for p in pids]
    ctl["project"].value = pid
    inds = view.indicator_ids(nis, pid)
    ctl["indicator"].options = [(indicator_label(i, lang), i) for i in inds]
    ctl["indicator"].value = ind
    months = view.period_months(nis, pid, ind)
    ctl["period"].options = [(_month_label(m, lang), m) for m in months]
    ctl["period"].value = c["period"]


def _follow(view: Explorer) -> None:
    """A control changed: keep the choices that are still possible, update the rest, redraw."""
    if view._busy:
        return
    ctl = view.controls
    nis = ctl["municipality"].value
    pid = ctl["project"].value if ctl["project"].value in view.project_ids(nis) else None
    inds = view.indicator_ids(nis, pid or view.project_ids(nis)[0])
    ind = ctl["indicator"].value if ctl["indicator"].value in inds else None
    period = tuple(ctl["period"].value)
    if [o[1] for o in ctl["period"].options[:: len(ctl["period"].options) - 1]] == list(period):
        period = None  # the whole series was shown: show the whole of the next one too
    view._busy = True
    try:
        view.choose(nis, pid, ind, period)
        _sync(view)
    finally:
        view._busy = False
    view.redraw()


def explorer(
    data: str | Path | None = None,
    *,
    lang: Lang = "nl",
    nis_code: str | None = None,
    project_id: str | None = None,
    indicator: str | None = None,
    period: tuple[str | None, str | None] | None = None,
    static: bool | None = None,
) -> Explorer:
    """Explore one indicator of one project in one municipality over time.

    Parameters
    ----------
    data
        A data folder or file (:func:`socprev_kit.reports.prepare`); None: the sample data.
    lang
        ``"nl"``, ``"fr"`` or ``"en"``: labels, names of municipalities and indicators.
    nis_code, project_id, indicator
        The first choice (None: the first with data, by name / id / catalogue order).
    period
        ``("2020-01", "2022-12")``, either end None for open; clamped to the series' months.
    static
        True: no widget, only the figure, table and text of the first choice (papermill,
        nbval); None: :func:`~socprev_kit.teaching.widgets.static_mode` decides.

    Returns
    -------
    Explorer
        Displays as the widget (or the static figure). ``controls["municipality"]``,
        ``["project"]``, ``["indicator"]``, ``["period"]`` drive it; ``figure``, ``png``,
        ``table``, ``text`` and ``data`` hold what it shows.

    Raises
    ------
    WidgetChoiceError
        A municipality, project or indicator given without data.
    """
    check_lang(lang)
    ctx = prepare(data, warm=False)
    view = Explorer(ctx.table, ctx.data.projects, lang, static_mode(static), ctx)
    view.choose(nis_code, project_id, indicator, period)
    if not view.static:
        view.build(_controls(view), lambda: _follow(view))
        view._busy = True
        try:
            _sync(view)
        finally:
            view._busy = False
    view.redraw()
    return view
