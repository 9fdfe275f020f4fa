"""Completeness of the registrations: which months each project was expected to register each
monthly indicator for each municipality, and which it did (:func:`completeness` as a share,
:func:`completeness_months` month by month)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import parsing
from ..data.catalogue import indicator_catalogue
from ..validation.dataset import Dataset

__all__ = ["completeness", "completeness_months"]

_SERIES = ["project_id", "nis_code", "indicator_id"]


def _windows(data: Dataset, cat: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Monthly registered rows with their project's expected window (first and last month)."""
    monthly = cat.loc[(cat["kind"] == "registered") & (cat["frequency"] == "month")]
    regs = data.registrations[["project_id", "nis_code", "period", "indicator_id"]].astype(object)
    regs = regs[regs["indicator_id"].isin(monthly["indicator_id"])]
    regs = regs[parsing.period_frequency(regs["period"]) == "month"].drop_duplicates()
    regs["month"] = parsing.period_start(regs["period"]).dt.to_period("M")
    last = regs["month"].max()
    proj = data.projects.set_index("project_id")
    first = (
        regs.groupby(["project_id", "indicator_id"])["month"].min().rename("first").reset_index()
    )
    kind = first["indicator_id"].map(cat.set_index("indicator_id")["type"])
    start = _project_month(first["project_id"], proj["start_date"])
    use_start = kind.isin(["process", "output"]) & start.notna()
    first["first"] = start.where(use_start, first["first"])
    end = _project_month(first["project_id"], proj["end_date"])
    first["last"] = end.where(end.notna() & (end < last), last) if pd.notna(last) else end
    return regs, first


def _project_month(project_ids: pd.Series, dates: pd.Series) -> pd.Series:
    """The month of each project's date (NaT for a project without one, or when no project
    could be used at all: an empty projects table maps to no dates)."""
    found = pd.to_datetime(project_ids.map(dates.to_dict()), errors="coerce")
    return found.dt.to_period("M")


def _month_number(months: pd.Series) -> pd.Series:
    return months.dt.year * 12 + months.dt.month


def _expected(data: Dataset, cat: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Monthly registered rows, and each project x municipality x indicator with its window."""
    regs, win = _windows(data, cat)
    own = data.projects[["project_id", "nis_codes"]].explode("nis_codes").dropna()
    nis = pd.concat(
        [regs[["project_id", "nis_code"]], own.set_axis(["project_id", "nis_code"], axis=1)]
    )
    grid = win.merge(nis.astype(object).drop_duplicates(), on="project_id")
    return regs, grid.sort_values(_SERIES, ignore_index=True)


def completeness(data: Dataset, *, catalogue: pd.DataFrame | None = None) -> pd.DataFrame:
    """Expected and registered months per project, municipality and monthly indicator.

    The window runs from the project's start (process and output indicators) or the project's
    first registration of the indicator (impact and context indicators, which have a baseline
    before the start, and projects without a start date), to the project's end or the last month
    of the data, whichever comes first. Municipalities are the project's own and any it registered
    for; indicators are those the project registered at least once.

    Returns
    -------
    pandas.DataFrame
        ``project_id, nis_code, indicator_id, first_month, last_month, expected_months,
        registered_months, share`` (share NaN when no month is expected). Month by month:
        :func:`completeness_months`.
    """
    cat = indicator_catalogue() if catalogue is None else catalogue
    cols = [*_SERIES, "first_month", "last_month", "expected_months", "registered_months"]
    if data.registrations.empty:
        return pd.DataFrame(columns=[*cols, "share"])
    regs, out = _expected(data, cat)
    found = _months(regs, out).groupby(_SERIES)["registered"].sum().rename("registered_months")
    out = out.join(found, on=_SERIES).fillna({"registered_months": 0})
    span = _month_number(out["last"]) - _month_number(out["first"]) + 1
    out["expected_months"] = span.clip(lower=0).astype("int64")
    out["registered_months"] = out["registered_months"].astype("int64")
    out["share"] = out["registered_months"] / out["expected_months"].where(span > 0)
    out["first_month"] = out["first"].astype(str)
    out["last_month"] = out["last"].astype(str)
    return out[[*cols, "share"]]


def completeness_months(data: Dataset, *, catalogue: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per expected month of each project, municipality and monthly indicator.

    The months are those of the window of :func:`completeness`; the heat map
    :func:`socprev_kit.plots.plot_completeness` takes this frame as it comes.

    Returns
    -------
    pandas.DataFrame
        ``project_id, nis_code, indicator_id, month`` (``"2024-03"``) and ``registered`` (True
        when the project registered the indicator for that municipality and month), sorted.

    Examples
    --------
    >>> months = completeness_months(data)  # doctest: +SKIP
    >>> months.groupby("indicator_id")["registered"].mean()  # share per indicator  # doctest: +SKIP
    """
    cat = indicator_catalogue() if catalogue is None else catalogue
    if data.registrations.empty:
        return pd.DataFrame(columns=[*_SERIES, "month", "registered"])
    return _months(*_expected(data, cat))


def _months(regs: pd.DataFrame, grid: pd.DataFrame) -> pd.DataFrame:
    """Each series of ``grid`` expanded to the months of its window, ``registered`` or not."""
    first = _month_number(grid["first"])
    span = (_month_number(grid["last"]) - first + 1).fillna(0).clip(lower=0).astype("int64")
    out = grid.loc[grid.index.repeat(span), _SERIES].reset_index(drop=True)
    number = np.repeat(first.fillna(0).to_numpy("int64"), span) + _offsets(span.to_numpy()) - 1
    out["month"] = pd.Series([f"{n // 12:04d}-{n % 12 + 1:02d}" for n in number], dtype=object)
    seen = regs.assign(month=regs["month"].astype(str), _hit=True)[[*_SERIES, "month", "_hit"]]
    out = out.merge(seen.drop_duplicates(), on=[*_SERIES, "month"], how="left")
    return out.assign(registered=out.pop("_hit").notna())


def _offsets(spans: np.ndarray) -> np.ndarray:
    """0, 1, ..., n - 1 for each n of ``spans``, concatenated."""
    ends = np.cumsum(spans)
    return np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - spans, spans)
