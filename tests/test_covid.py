"""The COVID-19 period (socprev_kit.evaluation.covid) and its sentences in describe_its."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from socprev_kit.common.formatting import LANGS, format_percent
from socprev_kit.evaluation.covid import COVID_PERIOD, covid_mask, without_covid
from socprev_kit.evaluation.interpretation import TEMPLATES, describe_its, sentence
from socprev_kit.evaluation.its import ITSWarning, interrupted_time_series

#: March 2020 to June 2021 written out by hand: 10 months of 2020 and 6 of 2021.
COVID_MONTHS = {f"2020-{m:02d}" for m in range(3, 13)} | {f"2021-{m:02d}" for m in range(1, 7)}


def _series(first: str, n: int, change_at: str, seed: int = 3) -> pd.DataFrame:
    """Monthly counts around 40, a quarter lower from ``change_at``."""
    months = pd.period_range(first, periods=n, freq="M").astype(str)
    rng = np.random.default_rng(seed)
    mean = np.where(months >= change_at, 30.0, 40.0)
    return pd.DataFrame({"month": months, "n": rng.poisson(mean)})


def _fit(frame: pd.DataFrame, intervention: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ITSWarning)
        return interrupted_time_series(frame, count="n", period="month", intervention=intervention)


def _overlap(lang: str, n: int, side: str) -> str:
    """The caveat as it must read, months written out by hand."""
    first, last = {"nl": ("maart 2020", "juni 2021"), "fr": ("mars 2020", "juin 2021"),
                   "en": ("March 2020", "June 2021")}[lang]  # fmt: skip
    where = TEMPLATES[f"covid_where_{side}"][lang]
    return sentence("covid_overlap", lang, n=n, first=first, last=last, where=where)


def test_the_period_is_march_2020_to_june_2021():
    assert COVID_PERIOD == ("2020-03", "2021-06")
    months = pd.period_range("2019-01", "2022-12", freq="M")
    inside = covid_mask(months.astype(str))
    assert set(months[inside].astype(str)) == COVID_MONTHS
    assert covid_mask(months.to_timestamp()).tolist() == inside.tolist()  # timestamps too
    frame = pd.DataFrame({"period": months.astype(str), "value": 1})
    assert len(without_covid(frame)) == 48 - 16


@pytest.mark.parametrize("lang", LANGS)
def test_an_its_overlapping_the_covid_months_gets_the_caveat(lang):
    """GEN-PZ's case: intervention March 2020, months from 2019 to 2022."""
    result = _fit(_series("2019-01", 48, "2020-03"), "2020-03")
    said = describe_its(result, "I01", lang=lang)
    assert _overlap(lang, 16, "after") in said  # every COVID month is from March 2020 on
    assert sum("COVID" in t for t in said) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_an_its_of_2023_without_covid_months_gets_no_caveat(lang):
    result = _fit(_series("2022-01", 36, "2023-06"), "2023-06")
    said = describe_its(result, "I01", lang=lang)
    assert not any("COVID" in t for t in said)


def test_the_caveat_says_on_which_side_the_covid_months_are():
    before = _fit(_series("2019-06", 48, "2021-09"), "2021-09")  # all 16 before September 2021
    assert _overlap("en", 16, "before") in describe_its(before, "I01", lang="en")
    both = _fit(_series("2019-06", 48, "2020-10"), "2020-10")  # 7 before October 2020, 9 after
    assert _overlap("fr", 16, "both") in describe_its(both, "I01", lang="fr")
    late = _fit(_series("2021-01", 36, "2022-01"), "2022-01")  # January to June 2021: 6
    assert _overlap("nl", 6, "before") in describe_its(late, "I01", lang="nl")


def _reference_ratio(frame: pd.DataFrame, intervention: str) -> float:
    """Level rate ratio of a Poisson GLM (quasi-Poisson has the same point estimate) with a
    calendar-month trend and a step, written apart from the kit."""
    when = pd.Period(frame["month"].iloc[0], freq="M")
    t = np.array([(pd.Period(m, freq="M") - when).n for m in frame["month"]], dtype=float)
    step = (frame["month"] >= intervention).to_numpy(dtype=float)
    X = np.column_stack([np.ones_like(t), t, step])
    fit = sm.GLM(frame["n"].to_numpy(), X, family=sm.families.Poisson()).fit()
    return float(np.exp(fit.params[2]))


@pytest.mark.parametrize("lang", LANGS)
def test_the_estimate_is_also_given_without_the_covid_months(lang):
    frame = _series("2019-01", 48, "2020-03")
    kept = frame[~frame["month"].isin(COVID_MONTHS)].reset_index(drop=True)  # by hand
    result, other = _fit(frame, "2020-03"), _fit(kept, "2020-03")
    n = lambda r: r.diagnostics["n_pre"] + r.diagnostics["n_post"]  # noqa: E731
    assert n(result) - n(other) == 16
    said = describe_its(result, "I01", lang=lang, other=other)
    ratio = _reference_ratio(kept, "2020-03")
    pct = format_percent(100 * (ratio - 1), lang, signed=True)
    mine = [t for t in said if t.startswith(sentence("covid_without", lang, n=16, indicator="x",
                                                     change="", low="", high="")[:12])]  # fmt: skip
    assert len(mine) == 1 and pct in mine[0] and "16" in mine[0]
    with_all = format_percent(100 * (_reference_ratio(frame, "2020-03") - 1), lang, signed=True)
    assert with_all != pct  # the two ways differ on this series


def test_months_left_out_are_said_and_the_other_way_is_with_them():
    frame = _series("2019-01", 48, "2020-03")
    kept = frame[~frame["month"].isin(COVID_MONTHS)].reset_index(drop=True)
    said = describe_its(_fit(kept, "2020-03"), "I01", lang="nl", other=_fit(frame, "2020-03"),
                        covid_left_out=16)  # fmt: skip
    first, last = "maart 2020", "juni 2021"
    assert sentence("covid_left_out", "nl", n=16, first=first, last=last) in said
    ratio = _reference_ratio(frame, "2020-03")
    pct = format_percent(100 * (ratio - 1), "nl", signed=True)
    assert any(t.startswith("Met die 16 COVID-19-maanden") and pct in t for t in said)
