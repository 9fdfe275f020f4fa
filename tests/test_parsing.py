"""Cell readers: Belgian numbers, periods and dates, NIS codes."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from socprev_kit.data import parsing


def s(*values):
    return pd.Series(list(values), dtype="object")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12.0),
        ("12,5", 12.5),
        ("1.234,5", 1234.5),
        ("1.234", 1234.0),
        ("1 234", 1234.0),
        ("€ 1.200", 1200.0),
        ("12 %", 12.0),
        ("1,234.5", 1234.5),
        ("-3", -3.0),
        (" 7 ", 7.0),
        ("0,05", 0.05),
        (3, 3.0),
        (2.5, 2.5),
    ],
)
def test_numbers_belgian_and_english(text, expected):
    assert parsing.parse_number(s(text)).iat[0] == pytest.approx(expected)


def test_number_with_dot_is_decimal_where_comma_is_not_the_decimal_mark():
    assert parsing.parse_number(s("1.234"), decimal_comma=False).iat[0] == pytest.approx(1.234)


@pytest.mark.parametrize("text", ["abc", "12a", "1,2,3", "--1", "?"])
def test_unreadable_numbers_are_missing(text):
    assert pd.isna(parsing.parse_number(s(text)).iat[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03", "2024-03"),
        ("2024-3", "2024-03"),
        ("2024/03", "2024-03"),
        ("03/2024", "2024-03"),
        ("3-2024", "2024-03"),
        ("202403", "2024-03"),
        ("maart 2024", "2024-03"),
        ("mars 2024", "2024-03"),
        ("Mrt-24", "2024-03"),
        ("février 2023", "2023-02"),
        ("2024-Q1", "2024-Q1"),
        ("Q4 2023", "2023-Q4"),
        ("2024 K2", "2024-Q2"),
        ("T3 2022", "2022-Q3"),
        ("2024", "2024"),
        ("2024-03-15", "2024-03"),
        ("15/03/2024", "2024-03"),
        ("45352", "2024-03"),
        (dt.datetime(2024, 3, 1), "2024-03"),
    ],
)
def test_periods(text, expected):
    assert parsing.parse_period(s(text)).iat[0] == expected


@pytest.mark.parametrize("text", ["2024-13", "Q5 2024", "maand 3", "totaal", "1850", "x"])
def test_bad_periods_are_missing(text):
    assert pd.isna(parsing.parse_period(s(text)).iat[0])


def test_dates_day_first_and_excel_serials():
    out = parsing.parse_date(s("2024-03-15", "15/03/2024", "15.03.2024", 45366, "31/02/2024"))
    assert out.iloc[:4].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-15"] * 4
    assert pd.isna(out.iat[4])  # there is no 31 February


def test_nis_codes_never_padded():
    out = parsing.parse_nis(s(11002, 11002.0, "44021 ", "1002", "04021", "Gent", None))
    assert out.tolist()[:3] == ["11002", "11002", "44021"]
    assert out.iloc[3:].isna().all()


def test_period_bounds():
    p = s("2024-02", "2024-Q4", "2023")
    assert parsing.period_start(p).dt.strftime("%F").tolist() == [
        "2024-02-01",
        "2024-10-01",
        "2023-01-01",
    ]
    assert parsing.period_end(p).dt.strftime("%F").tolist() == [
        "2024-02-29",
        "2024-12-31",
        "2023-12-31",
    ]
    assert parsing.period_frequency(p).tolist() == ["month", "quarter", "year"]


def test_lists():
    assert parsing.parse_list(s("a; b,c", "", None)).tolist() == [("a", "b", "c"), (), ()]


def test_period_parts_and_the_cached_period_start_agree_with_the_text_parser() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    canonical = st.builds(
        lambda y, m, q, kind: [f"{y}-{m:02d}", f"{y}-Q{q}", str(y)][kind],
        st.integers(1900, 2100), st.integers(0, 13), st.integers(0, 5), st.integers(0, 2),
    )  # fmt: skip
    odd = st.one_of(st.none(), st.just(float("nan")), st.text(max_size=8))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.one_of(canonical, odd), min_size=1, max_size=12))
    def check(values: list) -> None:
        periods = pd.Series(values, dtype=object)
        fast = parsing.periods._period_start(periods)
        text = parsing.periods._period_start_text(periods)
        assert fast.isna().tolist() == text.isna().tolist()
        assert (fast.dropna() == text.dropna()).all()

    check()
    assert parsing.period_parts("2024-Q4") == (2024, 10, 3) and parsing.period_parts(None) is None


# --- issue 14: dates out of range, the "no end" placeholder, time cells -----------------------


def test_dates_outside_the_years_of_the_kit_are_no_dates():
    values = pd.Series(
        [
            "2024-03-15",
            "9999-12-31",
            "31/12/9999",
            "01/01/3000",
            "0001-01-01",
            dt.datetime(9999, 12, 31),
            dt.datetime(1, 1, 1),
            dt.datetime(2024, 1, 2),
        ],
        dtype=object,
    )
    got = parsing.parse_date_distinct(values)
    assert got.dtype == "datetime64[ns]"
    assert got.dt.strftime("%F").fillna("-").tolist() == ["2024-03-15", *["-"] * 6, "2024-01-02"]
    typed = pd.Series(pd.to_datetime(["2024-01-01", "9999-12-31"]).as_unit("s"))
    assert parsing.parse_date_distinct(typed).isna().tolist() == [False, True]


def test_the_no_end_placeholder_in_every_form():
    values = pd.Series(
        [
            "9999-12-31",
            "31/12/9999",
            "31-12-9999",
            dt.datetime(9999, 12, 31),
            2958465,
            "2024-12-31",
            "31/12/2999",
            None,
        ],
        dtype=object,
    )
    assert parsing.is_open_end(values).tolist() == [True] * 5 + [False] * 3


def test_periods_of_time_cells_and_far_years_are_unread():
    values = pd.Series([dt.time(1, 2), dt.timedelta(hours=3), dt.datetime(9999, 1, 1), 45292])
    assert parsing.parse_period(values).fillna("?").tolist() == ["?", "?", "?", "2024-01"]
    typed = pd.Series(pd.to_datetime(["2024-05-01", "9999-12-31"]).as_unit("s"))
    assert parsing.parse_period(typed).fillna("?").tolist() == ["2024-05", "?"]
