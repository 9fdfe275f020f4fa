"""The monthly panel of a synthetic comparison: the treated series and its candidate donors.

Decisions:

- **one value per municipality and month**: when the table holds several rows for one (a context
  row and project rows), the kit's rule picks them
  (:func:`socprev_kit.indicators.series.chosen_rows`: the context row first);
- **several treated municipalities** (a project over several): their counts and populations are
  summed per month, over the months where every one of them has a value, so that the rate is the
  area's rate;
- **months**: before = every month of the treated series before the intervention; after = from the
  intervention plus ``lag`` (the months in between belong to neither, as in
  :func:`socprev_kit.evaluation.its.interrupted_time_series`);
- **a donor needs a value and a population in every one of those months**: a gap would have to be
  filled by a guess, and a synthetic series with a guessed month is not what it says; the national
  context data are complete, so this costs nothing there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...indicators.series import chosen_rows

__all__ = ["Panel", "SyntheticDataError", "build_panel"]

REQUIRED = ("nis_code", "indicator_id", "period", "value")


class SyntheticDataError(ValueError):
    """The data cannot give a synthetic comparison (the message says what is missing and what to
    do)."""


@dataclass(frozen=True)
class Panel:
    """Rates per 1,000 (months x municipalities) with the treated area's series beside them."""

    periods: pd.Index  # "YYYY-MM" of the months used, before then after
    after: np.ndarray  # bool per month
    treated_count: np.ndarray
    treated_population: np.ndarray
    rates: pd.DataFrame  # per 1,000: the months above x candidate donors (complete columns)
    incomplete: list[str]  # candidates left out for a missing month

    @property
    def treated_rate(self) -> np.ndarray:
        return 1000.0 * self.treated_count / self.treated_population


def _rows(table: pd.DataFrame, indicator_id: str, population: str) -> pd.DataFrame:
    missing = [c for c in (*REQUIRED, population) if c not in table]
    if missing:
        raise SyntheticDataError(
            f"the table lacks the column(s) {missing}: pass a long monthly table (nis_code, "
            f"indicator_id, period, value, {population}) such as DataContext.series()"
        )
    rows = table[(table["indicator_id"] == indicator_id) & table["value"].notna()]
    if rows.empty:
        found = sorted(table["indicator_id"].dropna().astype(str).unique())[:12]
        raise SyntheticDataError(f"no value of {indicator_id} in the table (it holds {found})")
    for col in ("nis_code", "period"):
        if not pd.api.types.is_object_dtype(rows[col]):
            rows = rows.assign(**{col: rows[col].astype(str).astype(object)})
    if "project_id" in rows and rows.duplicated(["nis_code", "period"]).any():
        rows = rows[chosen_rows(rows)]
    return rows.drop_duplicates(["nis_code", "period"])


def _treated(values: pd.DataFrame, pops: pd.DataFrame, treated: list[str]) -> tuple:
    absent = [c for c in treated if c not in values]
    if absent:
        raise SyntheticDataError(
            f"the treated municipality {absent} has no value of this indicator in the table: "
            "check the NIS code (5 digits, the 2025 geography) and the indicator"
        )
    ok = values[treated].notna().all(axis=1) & (pops[treated] > 0).all(axis=1)
    return values.loc[ok, treated].sum(axis=1), pops.loc[ok, treated].sum(axis=1)


def build_panel(
    table: pd.DataFrame,
    *,
    treated: list[str],
    indicator_id: str,
    intervention: pd.Period,
    lag: int,
    population: str,
    min_months: int,
    min_after: int,
) -> Panel:
    """The panel of ``indicator_id`` around ``intervention`` (see the module); raises
    :class:`SyntheticDataError` when the treated series is absent or too short."""
    rows = _rows(table, indicator_id, population)
    values = rows.pivot(index="period", columns="nis_code", values="value").sort_index()
    pops = rows.pivot(index="period", columns="nis_code", values=population).reindex_like(values)
    count, pop = _treated(values, pops.astype(float), treated)
    months = pd.PeriodIndex(count.index, freq="M")
    before = months < intervention
    after = months >= intervention + lag
    n_before, n_after = int(before.sum()), int(after.sum())
    if n_before < min_months or n_after < min_after:
        raise SyntheticDataError(
            f"the treated series has {n_before} month(s) before {intervention} and {n_after} "
            f"from {intervention + lag}: at least {min_months} before and {min_after} after are "
            "needed (check the intervention month, or wait for more months)"
        )
    keep = before | after
    periods = count.index[keep]
    others = [c for c in values.columns if c not in treated]
    num = values.loc[periods, others]
    den = pops.loc[periods, others].astype(float)
    complete = (num.notna() & (den > 0)).all(axis=0)
    rates = 1000.0 * num.loc[:, complete] / den.loc[:, complete]
    return Panel(
        periods=periods,
        after=after[keep],
        treated_count=count[periods].to_numpy(float),
        treated_population=pop[periods].to_numpy(float),
        rates=rates,
        incomplete=list(complete.index[~complete]),
    )
