"""The COVID-19 period as context of an evaluation: which months it covers.

The period is kept here, once: :data:`COVID_PERIOD`. The report layer leaves those months out of
a second fit (:func:`without_covid`) so a report can show the estimate both ways;
:func:`~socprev_kit.evaluation.interpretation.describe_its` says what they mean for an estimate
(:func:`socprev_kit.evaluation.interpretation.covid.covid_sentences`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["COVID_PERIOD", "covid_mask", "without_covid"]

#: First and last month of the COVID-19 period. Source: the Belgian federal lockdown measures
#: in force from 18 March 2020 (ministerial decree of 18 March 2020 on urgent measures to limit
#: the spread of the coronavirus COVID-19) until the reopening steps of the Consultative
#: Committee's summer plan in June 2021 (9 and 27 June 2021). Issue 13 fixes 2020-03 to 2021-06.
COVID_PERIOD: tuple[str, str] = ("2020-03", "2021-06")


def covid_mask(periods: Iterable[object]) -> np.ndarray:
    """True for each month (``"2020-04"``, a Timestamp or a Period) inside :data:`COVID_PERIOD`.

    >>> covid_mask(["2020-02", "2020-03", "2021-06", "2021-07"]).tolist()
    [False, True, True, False]
    """
    values = pd.Series(list(periods), dtype=object)
    if values.empty:
        return np.zeros(0, dtype=bool)
    months = pd.to_datetime(values.astype(str).str[:7], format="%Y-%m").dt.to_period("M")
    first, last = (pd.Period(p, freq="M") for p in COVID_PERIOD)
    return ((months >= first) & (months <= last)).to_numpy(dtype=bool)


def without_covid(frame: pd.DataFrame, period: str = "period") -> pd.DataFrame:
    """``frame`` without its rows whose ``period`` lies in :data:`COVID_PERIOD`."""
    return frame[~covid_mask(frame[period])]
