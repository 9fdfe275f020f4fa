"""The interrupted time series of a report: one per project, area and monthly impact count.

Quasi-Poisson, one harmonic, population offset, from the project's intervention date (its start
date when missing) plus its lag, with a slope change when the project expects one, controlled by
the project's comparison municipalities when its design is ``controlled_its`` (one that runs its
own project on the indicator during the window is named in ``own_comparisons``). When the series
holds months of the COVID-19 period, the report's ``covid`` choice fits it with them and once
more without them (``"both"``), the other way round (``"exclude"``), or only with them. A
series that cannot be estimated gets a reason (a text key of
:mod:`socprev_kit.reports.texts`): the design plans no ITS, no date, all zeros, counts too
small, too few months, data that cannot be modelled. Warnings are caught with
``simplefilter("always")`` and kept with the result (cached per data context), so every run in
a process says the same.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..evaluation.comparison import NoComparisonError, comparison_series
from ..evaluation.covid import covid_mask, without_covid
from ..evaluation.its import (
    IN_CONTROL,
    ITSDataError,
    ITSResult,
    ITSWarning,
    TooFewPointsError,
    interrupted_time_series,
)
from .evaluate import unit_series
from .report import ALL, Report, Unit, within

__all__ = ["ITSOutcome", "fit_its", "its_options", "its_outcome"]

#: Fewest counts per month, on average on each side of the start, for an ITS estimate.
MIN_MONTHLY_MEAN = 1.0
#: Designs that call for an interrupted time series.
ITS_DESIGNS = ("its", "controlled_its")


@dataclass(frozen=True)
class ITSOutcome:
    """An ITS fit of one unit and indicator, or the reason there is none (a text key)."""

    unit: Unit
    indicator_id: str
    result: ITSResult | None = None
    reason: str | None = None
    fields: dict = field(default_factory=dict)
    unstable: bool = False
    comparisons: tuple[str, ...] = ()
    no_control: bool = False
    intervention: pd.Timestamp | None = None
    own_comparisons: tuple[tuple[str, str], ...] = ()
    other: ITSResult | None = None  # the fit the other way for the COVID-19 months
    covid_left_out: int = 0  # COVID-19 months left out of ``result``
    series: pd.DataFrame | None = None  # the treated rows ``result`` was fitted on
    control: pd.DataFrame | None = None  # the comparisons' summed rows it used (or None)


def _control(report: Report, unit: Unit, indicator: str, codes: tuple) -> tuple:
    """The comparison series (None when unusable) and the comparisons with their own project on
    the indicator, as ``(nis_code, project_id)`` pairs."""
    nis = unit.area if unit.area != ALL else report.nis_codes[0]
    # the treated municipality's and the named comparisons' rows: all that the series use
    table = within(report.ctx.rows("table", "nis_code", (nis, *codes)), report.start, report.end)
    try:
        found = comparison_series(
            table,
            nis_code=nis,
            indicator_id=indicator,
            project_id=unit.project_id,
            comparisons=list(codes),
            projects=report.ctx.data.projects,
            series=within(report.ctx.series(), report.start, report.end),
        )
    except (NoComparisonError, ValueError):
        return None, ()
    own = found.with_own_project[["nis_code", "project_id"]]
    return found.control, tuple(own.itertuples(index=False, name=None))


def its_options(project: pd.Series) -> dict:
    """The options of a report's ITS besides the data: quasi-Poisson, one harmonic, the
    project's lag and its slope change (the falsification checks refit with the same)."""
    return {
        "family": "quasipoisson",
        "harmonics": 1,
        "lag": 0 if pd.isna(project["lag_months"]) else int(project["lag_months"]),
        "slope_change": project["impact_model"] in ("slope", "level_and_slope"),
    }


def fit_its(series: pd.DataFrame, control: pd.DataFrame | None, when, project):  # noqa: ANN001, ANN202
    """The ITS a report fits (:func:`its_options`, population offset) and whether a warning other
    than the kit's own came up."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = interrupted_time_series(
            series,
            count="value",
            period="period",
            intervention=when,
            population="population",
            control=control,
            **its_options(project),
        )
    return result, any(not issubclass(w.category, ITSWarning) for w in caught)


def _small_counts(series: pd.DataFrame, when: object, project: pd.Series) -> dict:
    """The mean monthly counts before and after the start when either is below
    :data:`MIN_MONTHLY_MEAN` (too small to estimate a change), else an empty dict."""
    lag = 0 if pd.isna(project["lag_months"]) else int(project["lag_months"])
    start = str(pd.Period(pd.Timestamp(when), freq="M") + lag)
    before = series.loc[series["period"] < start, "value"]
    after = series.loc[series["period"] >= start, "value"]
    means = [float(side.mean()) if len(side) else np.nan for side in (before, after)]
    if not any(m < MIN_MONTHLY_MEAN for m in means):
        return {}
    return {"k": MIN_MONTHLY_MEAN}  # not the means: a mean over few months could reveal a count


def _its(report: Report, unit: Unit, indicator: str) -> ITSOutcome:
    project = report.projects.set_index("project_id").loc[unit.project_id]
    series = unit_series(report, unit)
    series = series[(series["indicator_id"] == indicator) & series["value"].notna()]
    when = project["intervention_date"]
    when = project["start_date"] if pd.isna(when) else when
    base = {
        "unit": unit,
        "indicator_id": indicator,
        "intervention": None if pd.isna(when) else pd.Timestamp(when),
    }
    design = str(project["evaluation_design"])
    if design not in ITS_DESIGNS:
        return ITSOutcome(**base, reason="its_design", fields={"design": design})
    if pd.isna(when):
        return ITSOutcome(**base, reason="its_no_date")
    if (series["value"] == 0).all():
        return ITSOutcome(**base, reason="its_zero")
    if small := _small_counts(series, when, project):
        return ITSOutcome(**base, reason="its_small", fields=small)
    codes = tuple(project["comparison_nis_codes"] or ()) if design == "controlled_its" else ()
    control, own = _control(report, unit, indicator, codes) if codes else (None, ())
    n_covid = int(covid_mask(series["period"]).sum())
    left_out = n_covid if report.covid == "exclude" else 0
    rows, control_rows = _covid_rows(series, control, left_out)
    try:
        result, unstable, used = _fit_or_uncontrolled(rows, control_rows, when, project)
    except TooFewPointsError as exc:
        return ITSOutcome(
            **base, reason="its_too_few", fields={"n_pre": exc.n_pre, "n_post": exc.n_post}
        )
    except _UNFIT:
        return ITSOutcome(**base, reason="its_bad_data")
    control = control if used is not None else None
    other = None
    if n_covid and report.covid != "include":
        other = _other_way(series, control, bool(left_out), when, project)
    return ITSOutcome(
        **base,
        result=result,
        unstable=unstable,
        comparisons=codes if control is not None else (),
        no_control=bool(codes) and control is None,
        own_comparisons=own if control is not None else (),
        other=other,
        covid_left_out=left_out,
        series=rows,
        control=control_rows if used is not None else None,
    )


#: Errors of a series that cannot be fitted (besides too few months).
_UNFIT = (ITSDataError, ValueError, np.linalg.LinAlgError)


def _covid_rows(
    series: pd.DataFrame, control: pd.DataFrame | None, drop: bool
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The series and control, without their COVID-19 months when ``drop``."""
    if not drop:
        return series, control
    return without_covid(series), None if control is None else without_covid(control)


def _fit_or_uncontrolled(series, control, when, project):  # noqa: ANN001, ANN202
    """:func:`fit_its`, uncontrolled when the control has too few months; with the control used."""
    try:
        result, unstable = fit_its(series, control, when, project)
    except TooFewPointsError as exc:
        if control is None or exc.where != IN_CONTROL:
            raise
        control = None
        result, unstable = fit_its(series, None, when, project)
    return result, unstable, control


def _other_way(series, control, left_out: bool, when, project) -> ITSResult | None:  # noqa: ANN001
    """The fit with the COVID-19 months when they were left out, else without them (None when
    it cannot be fitted)."""
    try:
        return fit_its(*_covid_rows(series, control, not left_out), when, project)[0]
    except (TooFewPointsError, *_UNFIT):
        return None


def its_outcome(report: Report, unit: Unit, indicator: str) -> ITSOutcome:
    """The ITS of one unit and indicator (cached per data context, unit, indicator and period)."""
    key = ("its", unit, indicator, report.start, report.end, report.nis_codes, report.covid)
    return report.ctx.memo(key, lambda: _its(report, unit, indicator))
