"""A checked report request: the municipality or project, the language, the period, and the
data context it runs on. The section functions take a :class:`Report`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, NamedTuple

import pandas as pd

from ..common.formatting import Lang
from .data_context import DataContext

__all__ = ["ALL", "Report", "Unit", "within"]

#: The area of a project total in :class:`Unit`.
ALL = "ALL"


class Unit(NamedTuple):
    """One project in one area: a NIS code, or ``"ALL"`` for the project's municipalities
    together."""

    project_id: str
    area: str


@dataclass(frozen=True, eq=False)
class Report:
    """A checked report request on a data context; the section functions take it.

    ``table`` and ``yearly`` are the monthly and yearly indicator tables limited to the
    report's projects, municipalities and period (new frames; the context's are never
    modified). ``covid`` says how an interrupted time series treats the months of the COVID-19
    period (:data:`socprev_kit.evaluation.covid.COVID_PERIOD`): fitted with them and shown once more
    without them (``"both"``), with them only (``"include"``), or without them and shown once
    more with them (``"exclude"``).
    """

    kind: Literal["municipality", "project"]
    id: str
    name_nl: str
    name_fr: str
    lang: Lang
    ctx: DataContext
    projects: pd.DataFrame
    nis_codes: tuple[str, ...]
    units: tuple[Unit, ...]
    start: pd.Period | None
    end: pd.Period | None
    parameters: dict
    covid: Literal["both", "include", "exclude"] = "both"
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        """The name in the report's language (French only in a French report)."""
        return self.name_fr if self.lang == "fr" else self.name_nl

    def memo(self, key: object, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per report (per data context when the period is the whole data)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def table(self) -> pd.DataFrame:
        return _limit(self.ctx.rows("table", "project_id", self.projects["project_id"]), self)

    @cached_property
    def yearly(self) -> pd.DataFrame:
        parts = [self.ctx.yearly(p) for p in self.projects["project_id"]]
        return _limit(pd.concat(parts, ignore_index=True), self) if parts else self.table.iloc[:0]


def _limit(table: pd.DataFrame, report: Report) -> pd.DataFrame:
    """Rows of the report's projects and municipalities whose period overlaps the report's."""
    keep = table["project_id"].isin(report.projects["project_id"])
    keep &= table["nis_code"].isin(report.nis_codes)
    return within(table[keep], report.start, report.end)


def within(table: pd.DataFrame, start: pd.Period | None, end: pd.Period | None) -> pd.DataFrame:
    """Rows whose ``period`` overlaps the months ``start`` to ``end`` (either may be None)."""
    if start is None and end is None:
        return table.reset_index(drop=True)
    from ..data.parsing import period_end, period_start

    keep = pd.Series(True, index=table.index)
    if start is not None:
        keep &= period_end(table["period"]) >= start.start_time
    if end is not None:
        keep &= period_start(table["period"]) <= end.end_time
    return table[keep].reset_index(drop=True)
