"""Disclosure control: the fixed point worked by hand, and on the sample data no hidden value
can be worked back from what the reports publish (the truth summed here with plain pandas from
the registrations, the check by a rank test written apart from the kit)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from socprev_kit.data.catalogue import indicator_catalogue
from socprev_kit.evaluation.disclosure import primary, secondary, window_hidden


def _determined(matrix: np.ndarray, hidden: np.ndarray) -> list[int]:
    """Hidden cells that the relations (rows of ``matrix``, coefficients per cell, each row
    summing to zero over its cells) fix given the published cells: cell i is fixed when the unit
    vector e_i lies in the row space of the hidden columns."""
    a = matrix[:, hidden]
    rank = np.linalg.matrix_rank(a)
    out = []
    for j, cell in enumerate(np.flatnonzero(hidden)):
        e = np.zeros(a.shape[1])
        e[j] = 1
        if np.linalg.matrix_rank(np.vstack([a, e])) == rank:
            out.append(int(cell))
    return out


def test_fixed_point_worked_by_hand():
    # cells: 0 total 30 = 1 A 3 + 2 B 12 + 3 C 15;  B 12 = 4 B-jan 5 + 5 B-feb 7
    values = np.array([30, 3, 12, 15, 5, 7.0])
    links = [[0, 1, 2, 3], [2, 4, 5]]
    start = primary(values, 5)
    assert start.tolist() == [False, True, False, False, False, False]  # only A is small
    # round 1: the total has one hidden cell (A): hide its smallest other, B (12 < 15 < 30);
    # round 2: B's months now have one hidden cell (B): hide January (5 < 7); then stable.
    out = secondary(values, start, links)
    assert out.tolist() == [False, True, True, False, True, False]
    matrix = np.array([[1, -1, -1, -1, 0, 0], [0, 0, 1, 0, -1, -1]], dtype=float)
    assert _determined(matrix, start) == [1]  # before: A = 30 - 12 - 15
    assert _determined(matrix, out) == []


def test_two_small_members_that_the_total_pins_to_their_bound():
    # BAS-CA I02 2025: 36 = 4 + 4 + 28. Hiding both 4s leaves 8 for two values of 1..4: both 4.
    values = np.array([36, 4, 4, 28.0])
    start = primary(values, 5)
    upper = np.where(start, 4.0, np.nan)
    assert secondary(values, start, [[0, 1, 2, 3]], upper=upper).tolist() == [
        False,
        True,
        True,
        True,
    ]
    # 36 = 2 + 3 + 31: 5 left for two values of 1..4 can be 1+4, 2+3, ...: nothing more hidden
    values = np.array([36, 2, 3, 31.0])
    upper = np.where(primary(values, 5), 4.0, np.nan)
    assert secondary(values, primary(values, 5), [[0, 1, 2, 3]], upper=upper).tolist() == [
        False,
        True,
        True,
        False,
    ]


def test_a_small_year_equal_to_its_small_months():
    # a year of 4 with four months of 1 and eight zeros: year <= 4 and four months >= 1 each
    # give year = 4 and every month 1; a hidden zero month breaks that guess.
    values = np.array([4, 1, 1, 1, 1, *[0.0] * 8])
    start = primary(values, 5)
    upper = np.where(start, 4.0, np.nan)
    out = secondary(values, start, [list(range(13))], upper=upper)
    assert out[:5].all() and out[5:].sum() == 1


def test_primary_complement_of_a_proportion():
    # 18 of 20 reveals 2; 0 of 3 reveals 3; 15 of 40 reveals nothing
    got = primary([18, 0, 15.0], 5, complement=[2, 3, 25.0])
    assert got.tolist() == [True, True, False]


def _cells(project, count_id, periods, counts, hidden) -> pd.DataFrame:
    n = len(periods)
    return pd.DataFrame(
        {
            "project_id": [project] * n,
            "nis_code": ["ALL"] * n,
            "count_id": [count_id] * n,
            "period": periods,
            "count": np.asarray(counts, dtype=float),
            "hidden": hidden,
        }
    )


def test_objective_observed_value_hidden_with_its_window():
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    cells = pd.concat(
        [
            # I01: one hidden month in the window: the 12-month total would give it back
            _cells("P", "I01", months, [9] * 11 + [3], [False] * 11 + [True]),
            # O09A of 20 attempts O09C, 18 accepted: "18 of 20" reveals 2
            _cells("P", "O09A", months, [2] * 6 + [1] * 6, [False] * 12),
            _cells("P", "O09C", months, [2] * 6 + [1.0 + (m < 2) for m in range(6)], [False] * 12),
            _cells("P", "I02", months, [9] * 12, [False] * 12),
        ],
        ignore_index=True,
    )
    att = pd.DataFrame(
        {
            "project_id": ["P"] * 3,
            "indicator_id": ["I01", "O09R", "I02"],
            "last_period": ["2024-12"] * 3,
        }
    )
    got = window_hidden(att, cells, indicator_catalogue())
    assert got.tolist() == [True, True, False]


# ------------------------------------------------------------------ the sample data


@pytest.fixture(scope="module")
def sample():
    from socprev_kit import reports

    ctx = reports.prepare(warm=False)
    regs = ctx.data.registrations
    regs = regs[regs["value"].notna()].assign(year=regs["period"].astype(str).str[:4])
    return ctx, regs


def _published_years(ctx, project_id: str, area: str) -> pd.DataFrame:
    from socprev_kit.reports import evaluate
    from socprev_kit.reports.params import municipality_report, project_report
    from socprev_kit.reports.report import Unit

    if area == "ALL":
        report = project_report(project_id, lang="nl")
    else:
        report = municipality_report(area, lang="nl")
    unit = Unit(project_id, area)
    return evaluate.published(report, unit, "year"), evaluate.published(report, unit)


def _recoverable(total: float, members: pd.DataFrame, k: int) -> bool:
    """A hidden member is worked out from a published total and published members: one hidden
    member, or hidden members all small whose remainder forces each to 1 or to k - 1."""
    hidden = members[members["suppressed"]]
    if hidden.empty:
        return False
    rest = total - members.loc[~members["suppressed"], "truth"].sum()
    if len(hidden) == 1:
        return True
    small = hidden["truth"].between(1, k - 1).all()
    return bool(small and rest in (len(hidden), len(hidden) * (k - 1)))


@pytest.mark.slow
def test_no_member_worked_back_from_the_project_total(sample):
    ctx, regs = sample
    cat = indicator_catalogue().set_index("indicator_id")
    counts = cat.index[(cat["value_type"] == "count") & (cat["kind"] == "registered")]
    counts = [
        i for i in counts if cat.loc[i, "min_cell"] > 0 and cat.loc[i, "frequency"] == "month"
    ]
    regs = regs[regs["indicator_id"].isin(counts)]
    truth = regs.groupby(["project_id", "nis_code", "indicator_id", "year"])["value"].sum()
    leaks, checked = [], 0
    for pid, members in ctx.data.projects.set_index("project_id")["nis_codes"].items():
        if len(members or ()) < 2:
            continue
        total, _ = _published_years(ctx, pid, "ALL")
        parts = pd.concat(
            [_published_years(ctx, pid, m)[0].assign(area=m) for m in members], ignore_index=True
        )
        for (ind, year), rows in parts[parts["indicator_id"].isin(counts)].groupby(
            ["indicator_id", "period"]
        ):
            top = total[(total["indicator_id"] == ind) & (total["period"] == year)]
            if top.empty or top["suppressed"].iloc[0] or top["value"].isna().any():
                continue
            if len(rows) != len(members):
                continue
            rows = rows.assign(truth=[truth.get((pid, a, ind, year), np.nan) for a in rows["area"]])
            shown = rows[~rows["suppressed"]]
            if shown["value"].isna().any():
                continue  # a member without a value this year: no total to subtract from
            assert (shown["value"] == shown["truth"]).all()  # the published values are the data
            checked += rows["suppressed"].any()
            if _recoverable(top["value"].iloc[0], rows, int(cat.loc[ind, "min_cell"])):
                leaks.append((pid, ind, year))
    assert checked >= 20  # project-years with a hidden member
    assert leaks == []


@pytest.mark.slow
def test_no_month_worked_back_from_its_year(sample):
    ctx, regs = sample
    cat = indicator_catalogue().set_index("indicator_id")
    leaks, checked = [], 0
    units = [("BAS-CA", "ALL"), ("BAS-CA", "82036"), ("BAS-CA", "82038"), ("KUST-SW", "35002")]
    for pid, area in units:
        years, months = _published_years(ctx, pid, area)
        months = months.assign(year=months["period"].str[:4])
        for (ind, year), rows in months.groupby(["indicator_id", "year"]):
            if ind not in cat.index or cat.loc[ind, "kind"] != "registered":
                continue
            if cat.loc[ind, "value_type"] != "count" or cat.loc[ind, "min_cell"] == 0:
                continue
            top = years[(years["indicator_id"] == ind) & (years["period"] == year)]
            if top.empty or top["suppressed"].iloc[0] or top["value"].isna().any():
                continue  # no published year (hidden, or no yearly value: no sum)
            if len(rows) != 12 or (rows["value"].isna() & ~rows["suppressed"]).any():
                continue
            sel = regs[(regs["project_id"] == pid) & (regs["indicator_id"] == ind)]
            if area != "ALL":
                sel = sel[sel["nis_code"] == area]
            by_month = sel.groupby(sel["period"].astype(str))["value"].sum()
            rows = rows.assign(truth=rows["period"].map(by_month))
            if rows["truth"].sum() != top["value"].iloc[0]:
                continue  # the year is not the sum of its months (a mean, the last value)
            checked += rows["suppressed"].any()
            if _recoverable(top["value"].iloc[0], rows, int(cat.loc[ind, "min_cell"])):
                leaks.append((pid, area, ind, year))
    assert checked >= 5
    assert leaks == []


@pytest.mark.slow
def test_numerator_and_denominator_reveal_no_small_complement(sample):
    ctx, _ = sample
    cat = indicator_catalogue().set_index("indicator_id")
    props = cat.index[(cat["kind"] == "derived") & cat["proportion"] & (cat["min_cell"] > 0)]
    found = 0
    for pid in ctx.data.projects["project_id"]:
        years, months = _published_years(ctx, pid, "ALL")
        for frame in (years, months):
            for ind in props:
                num, den = cat.loc[ind, "numerator"], cat.loc[ind, "denominator"]
                n = frame[frame["indicator_id"] == num].set_index("period")
                d = frame[frame["indicator_id"] == den].set_index("period")
                r = frame[frame["indicator_id"] == ind].set_index("period")
                both = n.index.intersection(d.index)
                found += len(both)
                shown = [p for p in both if not n.at[p, "suppressed"] and not d.at[p, "suppressed"]]
                gap = (d.loc[shown, "value"] - n.loc[shown, "value"]).to_numpy()
                assert not ((gap > 0) & (gap < cat.loc[ind, "min_cell"])).any(), (pid, ind)
                common = r.index.intersection(both)
                # a percentage beside its denominator gives the numerator, beside its numerator
                # the denominator: hidden whenever either is
                either = n.loc[common, "suppressed"] | d.loc[common, "suppressed"]
                assert r.loc[common, "suppressed"][either].all(), (pid, ind)
    assert found > 0


@pytest.mark.slow
def test_the_funnel_hides_what_the_reports_hide(sample):
    """Bastogne's 28 complaints in 2025 are hidden in its report (its two partners' 4 and 4 and
    the project's 36 would give them back): the funnel of 2025 must not show its rate either."""
    from socprev_kit.reports import evaluate

    ctx, _ = sample
    year, frame = evaluate.funnel_year(ctx, "I02")
    assert year == 2025
    projects = ctx.data.projects.explode("nis_codes")
    for row in frame.to_dict("records"):
        for pid in projects.loc[projects["nis_codes"] == row["nis_code"], "project_id"]:
            years, _ = _published_years(ctx, pid, row["nis_code"])
            mine = years[(years["indicator_id"] == "I02") & (years["period"] == str(year))]
            if len(mine) and mine["suppressed"].iloc[0]:
                assert row["suppressed"] and np.isnan(row["rate_per_1000"]), row["nis_code"]
    assert frame.set_index("nis_code").loc["82039", "suppressed"]


def test_a_percentage_is_hidden_with_its_denominator():
    from socprev_kit.evaluation.disclosure import hidden_rows

    # O06 = O06N / O05. O05 (12) is hidden to protect another cell; O06N (6) is published:
    # 50 % beside 6 would give 12 back, so O06 is hidden too; O06N itself stays.
    cells = pd.DataFrame(
        {
            "project_id": ["P", "P"],
            "nis_code": ["11002", "11002"],
            "count_id": ["O05", "O06N"],
            "period": ["2024", "2024"],
            "hidden": [True, False],
        }
    )
    table = pd.DataFrame(
        {
            "project_id": ["P", "P"],
            "nis_code": ["11002", "11002"],
            "period": ["2024", "2024"],
            "indicator_id": ["O06", "O06N"],
            "value": [50.0, 6.0],
            "numerator": [6.0, np.nan],
            "denominator": [12.0, np.nan],
        }
    )
    assert hidden_rows(table, cells, indicator_catalogue()).tolist() == [True, False]
