"""One data set, loaded and aggregated, as every report sees it: :class:`DataContext`.

Made by :func:`socprev_kit.reports.context.prepare` (once per data set and process, or once per
batch: :mod:`socprev_kit.reports.sharing`) and shared by every report on it; the evaluations
computed on it are kept in it (:meth:`DataContext.memo`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..common.formatting import Lang
from ..data.tables import ReadResult
from ..validation.dataset import Dataset, validate

__all__ = ["DataContext"]


@dataclass(frozen=True, eq=False)
class DataContext:
    """One data set, loaded and aggregated; shared by every report on it. Do not modify.

    Attributes
    ----------
    path : pathlib.Path
        The resolved file or folder.
    sample : bool
        True for the kit's synthetic sample data.
    data : Dataset
        The validated tables (issue messages in Dutch; :meth:`issues` gives other languages).
    table : pandas.DataFrame
        ``rates_per_1000(indicator_table(data, freq="month"))``.
    completeness, completeness_months : pandas.DataFrame
        :func:`socprev_kit.indicators.coverage.completeness` and its month-by-month form.
    input_hash : str
        SHA-256 over the data files' relative paths and bytes, in path order.
    kit_version : str
        ``socprev_kit.__version__``.
    """

    path: Path
    sample: bool
    data: Dataset
    table: pd.DataFrame
    completeness: pd.DataFrame
    completeness_months: pd.DataFrame
    input_hash: str
    kit_version: str
    read: ReadResult = field(repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    def knows(self, key: Hashable) -> bool:
        """Whether :meth:`memo` holds ``key``."""
        return key in self._memo

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per key and data set (results shared by all reports)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def frame(self, name: str) -> pd.DataFrame:
        """One of the data set's large frames by name: ``"table"`` (monthly), ``"yearly"``
        (:meth:`yearly_all`), ``"completeness_months"``, a frame kept by :meth:`memo` under that
        name (``"disclosure"``) or a table of :attr:`data` (``"registrations"``)."""
        if name == "yearly":
            return self.yearly_all()
        if name in ("table", "completeness_months"):
            return getattr(self, name)
        if name in self._memo:
            return self._memo[name]
        return getattr(self.data, name)

    def positions(self, name: str, column: str) -> dict[str, np.ndarray]:
        """Row positions of :meth:`frame` ``name`` per value of ``column`` (ascending), built
        once per data context (the warm-up does it, so a batch's kernels load it ready)."""
        return self.memo(("positions", name, column), lambda: _positions(self.frame(name), column))

    def rows(self, name: str, column: str, keys: object) -> pd.DataFrame:
        """The rows of :meth:`frame` ``name`` whose ``column`` is one of ``keys`` (one value or
        several), in the frame's order and with its index: what ``frame[frame[column].isin(keys)]``
        gives, found in an index instead of a pass over every row of the country."""
        if isinstance(keys, str) or not hasattr(keys, "__iter__"):
            keys = [keys]
        index = self.positions(name, column)
        found = [index[k] for k in dict.fromkeys(keys) if k in index]
        at = np.sort(np.concatenate(found)) if found else np.array([], dtype=np.intp)
        return self.frame(name).iloc[at]

    def issues(self, lang: Lang) -> pd.DataFrame:
        """The issues table with messages in ``lang`` (rendered once per language)."""
        if lang == "nl":
            return self.data.issues

        def render() -> pd.DataFrame:
            found = self.data.issues_in(lang)
            return validate(self.read, lang=lang).issues if found is None else found

        return self.memo(("issues", lang), render)

    def yearly_all(self) -> pd.DataFrame:
        """The yearly indicator table (with rates) of the whole data set, computed once."""
        from ..indicators.rates import rates_per_1000
        from ..indicators.table import indicator_table

        return self.memo("yearly", lambda: rates_per_1000(indicator_table(self.data, freq="year")))

    def yearly(self, project_id: str) -> pd.DataFrame:
        """The yearly indicator table of one project: a slice of :meth:`yearly_all` when that
        was computed (by :func:`prepare`), else computed for this project alone."""

        def compute() -> pd.DataFrame:
            from ..indicators.rates import rates_per_1000
            from ..indicators.table import indicator_table

            if "yearly" in self._memo:
                return self.rows("yearly", "project_id", project_id).reset_index(drop=True)
            regs = self.data.registrations
            mine = replace(self.data, registrations=regs[regs["project_id"] == project_id])
            return rates_per_1000(indicator_table(mine, freq="year"))

        return self.memo(("yearly", project_id), compute)

    def context_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The context data as monthly and yearly indicator tables with rates
        (:func:`socprev_kit.indicators.series.context_table`), computed once."""
        from ..indicators.series import context_table

        return self.memo(
            "context_tables",
            lambda: (context_table(self.data), context_table(self.data, freq="year")),
        )

    def series(self) -> pd.DataFrame:
        """Every municipality's monthly series of every registered indicator: context rows
        when it has any, else its project registrations
        (:func:`socprev_kit.indicators.series.municipality_series`), computed once."""
        from ..indicators.series import municipality_series

        return self.memo(
            "series", lambda: municipality_series(self.table, self.context_tables()[0])
        )

    def sources(self) -> dict[tuple[str, str, str], str]:
        """``(origin, nis_code, indicator_id)`` → the distinct sources of that series' rows
        (:func:`socprev_kit.indicators.series.sources`; origin ``"context"`` or
        ``"registrations"``), computed once."""
        from ..indicators.series import sources

        def compute() -> dict[tuple[str, str, str], str]:
            out = {}
            data = self.data
            for origin, rows in (("context", data.context), ("registrations", data.registrations)):
                for r in sources(rows).itertuples(index=False):
                    out[(origin, r.nis_code, r.indicator_id)] = r.source
            return out

        return self.memo("sources", compute)

    def relative(self, file: str) -> str:
        """A file name of the issues or provenance columns, relative to the data folder."""
        root = self.path if self.path.is_dir() else self.path.parent
        try:
            return Path(file).resolve().relative_to(root).as_posix()
        except ValueError:
            return Path(file).name

    @cached_property
    def nis_with_data(self) -> tuple[str, ...]:
        """NIS codes that registered data, have context data or take part in a project,
        sorted."""
        regs = set(self.data.registrations["nis_code"].dropna().astype(str))
        regs |= set(self.data.context["nis_code"].dropna().astype(str))
        own = {c for codes in self.data.projects["nis_codes"].dropna() for c in codes}
        return tuple(sorted(regs | own))


def _positions(frame: pd.DataFrame, column: str) -> dict[str, np.ndarray]:
    """Positions of the rows of ``frame`` per value of ``column`` (missing values left out)."""
    codes, uniques = pd.factorize(frame[column], sort=False)
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    groups = np.split(order, bounds)
    out = {}
    for part in groups:
        if len(part) and codes[part[0]] >= 0:
            out[uniques[codes[part[0]]]] = part
    return out
