"""The evaluations a report shows, computed once per data context and cached there, and the
report's series as they may be published.

- **Disclosure**: the data set's suppression pattern (:func:`disclosure_cells`,
  :func:`socprev_kit.evaluation.disclosure.pattern`) is decided once per data context, so that
  every report, figure and text of a run hides the same cells; :func:`hide` applies it.
- **Attainment** of every objective, on the project as a whole, suppressed with
  ``evaluation.suppress(count="observed", columns=ATTAINMENT_COLUMNS)`` and hidden too when a
  cell of its 12-month window is hidden (:func:`socprev_kit.evaluation.disclosure.window_hidden`).
- **Series** of a unit (a project in one municipality, or its municipalities together by
  ``indicators.combined``), raw for the models and suppressed for publication.
- **Funnel inputs**: each municipality's yearly count of an indicator in the latest year with 12
  months of data in at least :data:`MIN_FUNNEL` municipalities whose count is shown (hidden
  counts are left out of the comparison, its group rate included).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from ..data.catalogue import indicator_catalogue
from ..evaluation.comparison import TooFewUnitsError, funnel
from ..evaluation.disclosure import hidden_rows, pattern, window_hidden
from ..evaluation.suppression import ATTAINMENT_COLUMNS, suppress
from ..evaluation.targets import attainment
from ..indicators.series import full_years as full_year_counts
from ..indicators.table import combined
from .data_context import DataContext
from .report import ALL, Report, Unit, within

__all__ = [
    "attainment_rows",
    "disclosure_cells",
    "funnel_year",
    "hidden_cells",
    "hide",
    "project_yearly",
    "impact_ids",
    "published",
    "unit_impact_ids",
    "unit_series",
    "unit_yearly",
    "warm_up",
    "year_funnel",
    "yearly_counts",
]

#: Fewest municipalities with a full year and a shown count for a funnel plot (fewer are no
#: comparison: the group rate and the overdispersion would rest on too few).
MIN_FUNNEL = 8


@cache
def catalogue_frame() -> pd.DataFrame:
    """The shipped catalogue, read once (do not modify); passed to the kit's functions so that
    they do not read it again on every call."""
    return indicator_catalogue()


@cache
def catalogue() -> pd.DataFrame:
    """The shipped catalogue indexed by ``indicator_id`` (read once; do not modify)."""
    return catalogue_frame().set_index("indicator_id")


def disclosure_cells(ctx: DataContext) -> pd.DataFrame:
    """The data set's cells and which are hidden (:func:`socprev_kit.evaluation.disclosure.pattern`
    of the
    whole monthly and yearly tables), decided once per data context for every report of it."""
    return ctx.memo(
        "disclosure",
        lambda: pattern(ctx.table, ctx.yearly_all(), catalogue_frame(), ctx.context_tables()),
    )


def hidden_cells(ctx: DataContext, project_ids: object) -> pd.DataFrame:
    """The hidden cells of :func:`disclosure_cells` of some projects (a cell is named by its
    project): a report looks up its own few cells, not those of the whole country."""
    disclosure_cells(ctx)  # the frame "disclosure" of the context
    cells = ctx.rows("disclosure", "project_id", [str(p) for p in project_ids])
    return cells[cells["hidden"]]


def hide(table: pd.DataFrame, ctx: DataContext | None = None, **kwargs: object) -> pd.DataFrame:
    """:func:`socprev_kit.evaluation.suppression.suppress` with the cached catalogue; with
    ``ctx``, the rows of ``table`` (an indicator table or its project totals) that the data
    set's pattern hides are hidden too (what every report does)."""
    hidden = None
    if ctx is not None and len(table):
        cells = hidden_cells(ctx, table["project_id"].unique())
        hidden = hidden_rows(table, cells, catalogue_frame())
    return suppress(table, catalogue=catalogue_frame(), hidden=hidden, **kwargs)


#: The columns of an attainment row that would reveal a hidden observed value.
HIDDEN_ATTAINMENT = (*ATTAINMENT_COLUMNS, "observed_numerator", "observed_denominator")


def _attainments(ctx: DataContext, project_ids: list[str], start, end) -> None:  # noqa: ANN001
    """Attainment of the objectives of ``project_ids`` (suppressed, with ``level``, ``text`` and
    ``baseline_period``), computed in one go and memoised per project."""
    objectives = ctx.data.objectives
    objectives = objectives[objectives["project_id"].isin(project_ids)].reset_index(drop=True)
    table = ctx.rows("table", "project_id", project_ids)
    as_of = None if end is None else str(end)
    # a target period before the report's start is still judged on its own months
    out = attainment(objectives, within(table, None, end), as_of=as_of, catalogue=catalogue_frame())
    window = window_hidden(out, disclosure_cells(ctx), catalogue_frame())
    out = suppress(
        out, catalogue=catalogue_frame(), count="observed", columns=HIDDEN_ATTAINMENT, hidden=window
    ).reset_index(drop=True)
    extra = objectives[["level", "text", "baseline_period"]]
    full = pd.concat([out, extra], axis=1)
    for pid in project_ids:
        rows = full[full["project_id"] == pid].reset_index(drop=True)
        ctx.memo(("attainment", pid, start, end), lambda rows=rows: rows)


def project_attainments(ctx: DataContext, project_ids, start=None, end=None) -> list[pd.DataFrame]:  # noqa: ANN001
    """The memoised attainment of each project (computing those not done yet together)."""
    todo = [p for p in dict.fromkeys(project_ids) if not ctx.knows(("attainment", p, start, end))]
    if todo:
        _attainments(ctx, todo, start, end)
    return [ctx.memo(("attainment", p, start, end), pd.DataFrame) for p in project_ids]


def attainment_rows(report: Report) -> pd.DataFrame:
    """Attainment of the report's projects' objectives (suppressed), with ``level`` and
    ``text``; the period's end is the ``as_of``."""
    pids = list(report.projects["project_id"])
    parts = [p for p in project_attainments(report.ctx, pids, report.start, report.end) if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _unit_rows(report: Report, unit: Unit, table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Rows of ``table`` for one unit: a municipality's own, or the project total (memoised)."""
    table = table[table["project_id"] == unit.project_id]
    if unit.area != ALL:
        return table[table["nis_code"] == unit.area]
    if table.empty:
        return table
    return report.memo(
        (name, unit), lambda: combined(table, unit.project_id, catalogue=catalogue_frame())
    )


def unit_series(report: Report, unit: Unit) -> pd.DataFrame:
    """Monthly-table rows of one unit: a municipality's own, or the project total (combined)."""
    return _unit_rows(report, unit, report.table, "combined")


def unit_yearly(report: Report, unit: Unit) -> pd.DataFrame:
    """Yearly-table rows of one unit (as :func:`unit_series`, per calendar year)."""
    return _unit_rows(report, unit, report.yearly, "yearly")


def published(report: Report, unit: Unit, freq: str = "month") -> pd.DataFrame:
    """The unit's monthly (``"month"``) or yearly (``"year"``) rows as they may be published:
    through :func:`hide` with the data set's pattern, once per report."""

    def compute() -> pd.DataFrame:
        if freq == "year":
            return hide(unit_yearly(report, unit), report.ctx)
        series = unit_series(report, unit)
        return hide(series[series["frequency"] == "month"], report.ctx)

    return report.memo(("published", unit, freq), compute)


def project_yearly(report: Report, project_id: str) -> pd.DataFrame:
    """The whole project's yearly rows (all its municipalities, whatever the report's) in the
    report's period, as they may be published (the data set's pattern; once per report)."""

    def compute() -> pd.DataFrame:
        table = within(report.ctx.yearly(project_id), report.start, report.end)
        if table.empty:
            return table.assign(suppressed=pd.Series(dtype=bool))
        return hide(combined(table, project_id, catalogue=catalogue_frame()), report.ctx)

    return report.memo(("project_yearly", project_id), compute)


def min_cell() -> int:
    """The largest minimum cell size of the catalogue (the "k" of "< k" in general texts)."""
    return int(catalogue()["min_cell"].max())


def unit_impact_ids(report: Report, unit: Unit) -> list[str]:
    """:func:`impact_ids` of a unit's series (once per report)."""
    return report.memo(("impact_ids", unit), lambda: impact_ids(unit_series(report, unit)))


def impact_ids(series: pd.DataFrame) -> list[str]:
    """Monthly registered impact counts with data in ``series``, in catalogue order."""
    cat = catalogue()
    wanted = cat.index[
        (cat["type"] == "impact")
        & (cat["kind"] == "registered")
        & (cat["value_type"] == "count")
        & (cat["frequency"] == "month")
    ]
    present = set(
        series.loc[series["value"].notna() & (series["frequency"] == "month"), "indicator_id"]
    )
    return [i for i in wanted if i in present]


def yearly_counts(ctx: DataContext, indicator: str) -> pd.DataFrame:
    """Per municipality and year with 12 months of its series (context rows when it has any,
    else its project registrations: :func:`socprev_kit.indicators.series.municipality_series`):
    the count, ``months``, the population and ``origin``. Computed for every indicator at
    once, then looked up."""

    def compute() -> dict[str, pd.DataFrame]:
        out = full_year_counts(ctx.series())
        return {
            str(i): part.drop(columns="indicator_id").reset_index(drop=True)
            for i, part in out.groupby("indicator_id", sort=False)
        }

    found = ctx.memo("yearly_counts", compute).get(indicator)
    columns = ["nis_code", "year", "value", "months", "population", "origin"]
    return found if found is not None else pd.DataFrame(columns=columns)


def funnel_year(
    ctx: DataContext, indicator: str, first: int | None = None, last: int | None = None
) -> tuple[int | None, pd.DataFrame]:
    """The latest year in ``first``..``last`` with 12 months of ``indicator`` in at least
    :data:`MIN_FUNNEL` municipalities whose count is shown, and its
    :func:`~socprev_kit.evaluation.comparison.funnel` frame (``nis_code``, ``value``,
    ``population``, rates, adjusted limits, ``suppressed``; hidden counts left out of the group
    rate)."""

    def compute() -> tuple[int | None, pd.DataFrame]:
        full = yearly_counts(ctx, indicator)
        full = full[full["year"].between(first or 0, last or 9999)]
        if full.empty:
            return None, pd.DataFrame()
        shown = ~hide(full.assign(indicator_id=indicator))["suppressed"]
        sizes = shown.groupby(full["year"]).sum()
        years = sizes.index[sizes >= MIN_FUNNEL]
        if not len(years):
            return None, pd.DataFrame()
        frame = year_funnel(ctx, indicator, int(years.max()))
        return (int(years.max()), frame) if len(frame) else (None, frame)

    return ctx.memo(("funnel", indicator, first, last), compute)


def year_funnel(ctx: DataContext, indicator: str, year: int) -> pd.DataFrame:
    """The :func:`~socprev_kit.evaluation.comparison.funnel` frame of ``indicator`` in ``year``
    over every municipality with 12 months of its series; a count the data set's pattern hides
    (secondary too) is left out as the funnel's own small ones. Empty with fewer than
    :data:`MIN_FUNNEL` municipalities (memoised)."""

    def compute() -> pd.DataFrame:
        full = yearly_counts(ctx, indicator)
        rows = full[full["year"] == year].assign(indicator_id=indicator).reset_index(drop=True)
        if len(rows) < MIN_FUNNEL:
            return pd.DataFrame()
        cells = disclosure_cells(ctx)
        linked = cells["hidden"] & (cells["count_id"] == indicator)
        linked &= cells["period"] == str(year)
        rows["suppressed"] = rows["nis_code"].isin(set(cells.loc[linked, "nis_code"]))
        try:
            return funnel(rows, catalogue=catalogue_frame(), min_units=MIN_FUNNEL)
        except TooFewUnitsError:
            return pd.DataFrame()

    return ctx.memo(("year_funnel", indicator, year), compute)


def full_years(report: Report) -> tuple[int | None, int | None]:
    """The first and last calendar years inside the report's period (None: no limit)."""
    first = None if report.start is None else report.start.year + (report.start.month > 1)
    last = None if report.end is None else report.end.year - (report.end.month < 12)
    return first, last


#: The frames and columns :func:`warm_up` indexes (what the reports look up by).
INDEXED = (
    ("table", "project_id"),
    ("table", "nis_code"),
    ("disclosure", "project_id"),
    ("yearly", "project_id"),
    ("registrations", "project_id"),
    ("registrations", "nis_code"),
    ("completeness_months", "project_id"),
)


def warm_up(ctx: DataContext) -> None:
    """Compute what every report on the whole period needs, once for the country: the yearly
    table, the disclosure pattern (split per project), the indexes by project and municipality
    that let a report take its own rows (:meth:`DataContext.rows`), attainment and funnel
    inputs. A batch's kernels load all that ready (:mod:`socprev_kit.reports.sharing`)."""
    ctx.yearly_all()
    disclosure_cells(ctx)
    for name, column in INDEXED:
        ctx.positions(name, column)
    _ = ctx.nis_with_data
    ctx.sources()
    project_attainments(ctx, list(ctx.data.projects["project_id"]))
    cat = catalogue()
    counts = cat.index[
        (cat["type"] == "impact") & (cat["value_type"] == "count") & (cat["kind"] == "registered")
    ]
    for indicator in np.intersect1d(counts, ctx.series()["indicator_id"].unique()):
        funnel_year(ctx, str(indicator))
