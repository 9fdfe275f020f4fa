"""The sample-data generator: deterministic, valid, realistic, and its planted effects are real."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT

import socprev_kit as sk
from socprev_kit import cli
from socprev_kit.common.errors import InputError
from socprev_kit.data import reference
from socprev_kit.data.catalogue import code_labels, derived_ids, formula_terms
from socprev_kit.data.formats import registration_layout as layout
from socprev_kit.sampledata import expected_counts, make_sample_data
from socprev_kit.sampledata.workbooks import (
    TEMPLATE_NIS,
    fill_registrations,
    registration_workbooks,
)

COMMITTED = ROOT / "sample_data"
ALLOWED_CHECKS = {"merged_nis", "encoding_guess"}  # warnings and notes expected in clean data


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return make_sample_data(2026)


@pytest.fixture(scope="module")
def committed() -> sk.Dataset:
    return sk.load(COMMITTED / "clean", lang="en")


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample_data")
    assert cli.main(["sample-data", "--out", str(out), "--seed", "2026"]) == 0
    return out


@pytest.fixture(scope="module")
def series(tables) -> dict[tuple, np.ndarray]:
    """(project, 2025 NIS code, indicator) -> registered values in period order."""
    regs = tables["registrations"].sort_values("period")
    nis = reference.to_current_nis(regs["nis_code"])
    groups = regs.groupby([regs["project_id"], nis, regs["indicator_id"]])["value"]
    return {key: g.to_numpy() for key, g in groups}


def _key(row: pd.Series) -> tuple:
    return row["project_id"], row["nis_code"], row["indicator_id"]


def _comparable(data: sk.Dataset) -> dict[str, pd.DataFrame]:
    """The loaded tables with file names instead of paths, in a fixed order."""
    out = {}
    for name in ("registrations", "projects", "objectives", "issues"):
        frame = getattr(data, name).copy()
        file, sheet, row = ("file", "sheet", "row") if name == "issues" else PROVENANCE
        frame[file] = frame[file].map(lambda f: Path(f).name)
        keys = [file, sheet, row] + (["check"] if name == "issues" else [])
        out[name] = frame.sort_values(keys, ignore_index=True)
    return out


PROVENANCE = ("source_file", "source_sheet", "source_row")
DERIVED = derived_ids()


# --- deterministic, and the committed files match the code ---------------------------------------


def test_the_same_seed_gives_equal_tables(tables):
    again = make_sample_data(2026)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, again[name], obj=name)


def test_another_seed_gives_other_values_in_the_same_design(tables):
    other = make_sample_data(7)
    pd.testing.assert_frame_equal(tables["projects"], other["projects"])
    key = ["project_id", "nis_code", "period", "indicator_id"]
    both = tables["registrations"].merge(other["registrations"], on=key, suffixes=("", "_7"))
    assert len(both) == len(tables["registrations"])
    assert (both["value"] != both["value_7"]).mean() > 0.5
    truth = ["baseline_rate_per_1000_per_month", "trend_per_month"]
    assert not tables["ground_truth"][truth].equals(other["ground_truth"][truth])


def test_regenerated_files_load_to_the_committed_tables(regenerated, committed):
    fresh = _comparable(sk.load(regenerated / "clean", lang="en"))
    for name, frame in _comparable(committed).items():
        pd.testing.assert_frame_equal(frame, fresh[name], obj=name)


def test_regenerated_files_are_byte_identical(regenerated):
    """Text files and workbooks (fixed properties and zip timestamps) come out byte for byte;
    no file is left over from an earlier layout."""
    names = {p.relative_to(regenerated) for p in regenerated.rglob("*") if p.is_file()}
    assert names == {p.relative_to(COMMITTED) for p in COMMITTED.rglob("*") if p.is_file()}
    for name in names:
        if name.suffix in {".csv", ".md", ".xlsx"}:
            assert (COMMITTED / name).read_bytes() == (regenerated / name).read_bytes(), name


def test_the_ground_truth_file_is_the_ground_truth_table(tables):
    written = pd.read_csv(COMMITTED / "ground_truth.csv", dtype={"nis_code": str})
    expected = tables["ground_truth"]
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)


# --- the registration workbooks ----------------------------------------------------------------


def test_workbook_values_load_back_exactly_as_generated(tables, committed):
    """Every value the generator made for a workbook municipality is read back by the loader
    from that municipality's workbook of the year, on its language's registration sheet."""
    key = ["project_id", "nis_code", "period", "indicator_id"]
    regs = committed.registrations
    for nis, lang in TEMPLATE_NIS.items():
        want = tables["registrations"].query("nis_code == @nis").set_index(key)["value"]
        mine = regs[regs["nis_code"] == nis]
        got = mine.set_index(key)["value"]
        assert len(want) > 1000 and not got.index.duplicated().any()
        pd.testing.assert_series_equal(
            got.sort_index(),
            want.sort_index(),
            check_dtype=False,
            check_index_type=False,
            check_exact=True,
        )
        files = mine["source_file"].map(lambda f: Path(f).name)
        assert (files == "registrations_" + nis + "_" + mine["period"].str[:4] + ".xlsx").all()
        assert set(mine["source_sheet"]) == {layout.SHEETS[lang]["registrations"]}
        assert mine["source"].isna().all() and mine["note"].isna().all()  # no such columns


def test_workbooks_are_the_template_in_dutch_and_french(tables, committed):
    """One workbook per year and language; instructions, registration sheet, project and
    objectives sheets and hidden code lists; derived rows are formulas, never values; months,
    quarters and the year as columns."""
    import openpyxl

    assert set(TEMPLATE_NIS.values()) == {"nl", "fr"}
    for nis, lang in TEMPLATE_NIS.items():
        names = sorted(p.name for p in (COMMITTED / "clean").glob(f"registrations_{nis}*"))
        assert names == [f"registrations_{nis}_{y}.xlsx" for y in range(2019, 2026)]
        wb = openpyxl.load_workbook(COMMITTED / "clean" / names[-1])
        sheets = layout.SHEETS[lang]
        order = ("instructions", "registrations", "projects", "objectives", "lists")
        assert wb.sheetnames == [sheets[k] for k in order]
        assert wb[sheets["lists"]].sheet_state == "hidden"
        ws = wb[sheets["registrations"]]
        header = [c.value for c in ws[layout.HEADER_ROW]]
        assert header[: len(layout.FIXED)] == list(layout.FIXED_HEADERS[lang])
        assert header[len(layout.FIXED) :] == [f"2025-{m:02d}" for m in range(1, 13)] + [
            f"2025-Q{q}" for q in range(1, 5)
        ] + ["2025"]  # fmt: skip
        derived = [r for r in ws.iter_rows(min_row=layout.FIRST_ROW) if r[3].value in DERIVED]
        assert derived and all(
            c.data_type == "f" for r in derived for c in r[len(layout.FIXED) :] if c.value
        )
    other = committed.registrations
    assert {"encoding_guess"} <= set(committed.issues["check"])  # a Windows-1252 CSV is left
    assert other["source_file"].str.endswith(".parquet").any()


def test_a_workbook_is_what_the_template_command_writes_then_filled(committed, tmp_path):
    """Rows, fixed cells and formulas are those of ``write_template`` for the municipality and
    year (from the loaded sample data); only the open cells differ, filled in."""
    import openpyxl

    from socprev_kit.registration.workbook import write_template

    blank = write_template(tmp_path / "t.xlsx", nis_code="62063", lang="fr", year=2022,
                           data=committed)  # fmt: skip
    sheet = layout.SHEETS["fr"]["registrations"]
    a = openpyxl.load_workbook(blank)[sheet]
    b = openpyxl.load_workbook(COMMITTED / "clean" / "registrations_62063_2022.xlsx")[sheet]
    assert a.max_row == b.max_row > 40 and a.max_column == b.max_column
    filled = 0
    for row_a, row_b in zip(a.iter_rows(), b.iter_rows(), strict=True):
        for ca, cb in zip(row_a, row_b, strict=True):
            if ca.protection.locked or ca.row < layout.FIRST_ROW:
                assert ca.value == cb.value, ca.coordinate
            else:
                assert ca.value is None and not cb.protection.locked
                filled += cb.value is not None
    assert filled == (committed.registrations["source_file"].str.endswith("62063_2022.xlsx")).sum()


def test_a_value_without_an_open_cell_is_refused(tables):
    """The generator never drops a value: a period the row does not take (a monthly indicator
    in the year column), or an indicator without a row, raises."""
    wb = registration_workbooks(tables, "44021", "nl")[2024]
    ws = wb[layout.SHEETS["nl"]["registrations"]]
    row = {"project_id": "GEN-PZ", "nis_code": "44021", "indicator_id": "I07", "value": 3.0}
    for period, indicator in (("2024", "I07"), ("2024-05", "I01")):
        bad = pd.DataFrame([row | {"period": period, "indicator_id": indicator}])
        with pytest.raises(ValueError, match=f"no open cell for GEN-PZ 44021 {indicator}"):
            fill_registrations(ws, bad)
    again = pd.DataFrame([row | {"period": "2024-05"}])  # already filled: not typed twice
    with pytest.raises(ValueError, match="2024-05"):
        fill_registrations(ws, again)


# --- valid and realistic -------------------------------------------------------------------------


def test_clean_data_load_without_errors(committed):
    assert committed.ok, committed.issues.query("severity == 'error'").head().to_string()
    assert set(committed.issues["check"]) <= ALLOWED_CHECKS
    assert len(committed.registrations) > 10_000


def test_municipalities_are_real_of_every_region_and_size(committed):
    muni = reference.municipalities(2025).set_index("nis_code")
    used = muni.loc[sorted(committed.registrations["nis_code"].unique())]
    assert len(used) >= 15
    assert (used["population"] < 15_000).sum() >= 3
    assert set(used["region"]) == {"Flanders", "Wallonia", "Brussels"}
    assert used["population"].max() > 250_000  # a large city
    regs = committed.registrations
    old = regs[regs["nis_code_registered"] != regs["nis_code"]]
    assert len(old) and (old["period"].str[:4] < "2025").all()  # merged: old code before 2025
    new = regs[regs["nis_code"].isin(old["nis_code"]) & (regs["period"].str[:4] == "2025")]
    assert (new["nis_code_registered"] == new["nis_code"]).all()


def test_projects_are_varied_and_some_intermunicipal(committed):
    p = committed.projects
    assert len(p) >= 20
    assert (p["nis_codes"].map(len) >= 2).sum() >= 2
    types = {t for ts in p["project_types"] for t in ts}
    assert len(types) >= 10 and types <= set(code_labels("project_type", "en"))
    assert p["start_date"].dt.year.between(2019, 2022).all()
    assert p["end_date"].notna().any()
    its = p["evaluation_design"].isin(["its", "controlled_its"])
    assert its.mean() > 0.5 and p.loc[its, "impact_model"].notna().all()
    controlled = p[p["evaluation_design"] == "controlled_its"]
    assert len(controlled) and controlled["comparison_nis_codes"].map(len).gt(0).all()
    for codes in controlled["comparison_nis_codes"]:  # a comparison series exists
        assert set(codes) <= set(committed.registrations["nis_code"])


def test_intermunicipal_rows_are_in_each_participating_municipality_file(committed):
    regs, p = committed.registrations, committed.projects
    for row in p[p["nis_codes"].map(len) >= 2].itertuples():
        mine = regs[regs["project_id"] == row.project_id]
        assert set(mine["nis_code"]) == set(row.nis_codes)
        files = mine["source_file"].map(lambda f: Path(f).stem.split("_")[1])
        assert (files == mine["nis_code"]).all()


def test_no_derived_indicator_is_written(committed):
    assert not set(committed.registrations["indicator_id"]) & derived_ids()


def test_parts_never_exceed_their_whole(tables):
    cat = sk.indicator_catalogue()
    regs = tables["registrations"]
    key = ["project_id", "nis_code", "period"]
    checked = 0
    for row in cat[cat["proportion"]].itertuples():
        (_, part), (_, whole) = formula_terms(row.numerator)[0], formula_terms(row.denominator)[0]
        a = regs[regs["indicator_id"] == part]
        b = regs[regs["indicator_id"] == whole]
        both = a.merge(b, on=key, suffixes=("", "_whole"))
        assert len(both) == len(a), f"{part} without {whole}"
        assert (both["value"] <= both["value_whole"]).all(), part
        checked += len(both)
    assert checked > 1000


def test_values_are_in_range_and_counts_whole(tables):
    cat = sk.indicator_catalogue().set_index("indicator_id")
    regs = tables["registrations"].join(cat, on="indicator_id")
    assert (regs["value"] >= regs["min_value"]).all()
    assert (regs["max_value"].isna() | (regs["value"] <= regs["max_value"])).all()
    counts = regs.loc[regs["value_type"] == "count", "value"]
    assert (counts == counts.round()).all() and (counts >= 0).all()
    small = regs[regs["nis_code"].isin(["82038", "82036"]) & (regs["type"] == "impact")]
    assert (small["value"] == 0).mean() > 0.2 and (small["value"] < 5).mean() > 0.8


def test_periods_span_2019_to_2025_with_yearly_waves_and_quarters(tables, series):
    regs = tables["registrations"]
    months = regs.loc[regs["period"].str.fullmatch(r"\d{4}-\d\d"), "period"]
    assert (months.min(), months.max()) == ("2019-01", "2025-12")
    assert {"2024", "2019"} <= set(regs.loc[regs["indicator_id"] == "P02N", "period"])
    assert set(regs.loc[regs["indicator_id"] == "I05", "period"]) == {"2019", "2022", "2025"}
    assert regs["period"].str.contains("Q").any()
    for _, row in tables["ground_truth"].iterrows():
        assert len(series[_key(row)]) == 84


def test_objectives_cover_every_level_and_baselines_come_from_the_data(committed):
    o, regs = committed.objectives, committed.registrations
    assert set(o["project_id"]) == set(committed.projects["project_id"])
    assert o.groupby("project_id")["level"].nunique().eq(3).all()
    strategic = o[o["level"] == "strategic"]
    for row in strategic.itertuples():
        year = regs[(regs["project_id"] == row.project_id)
                    & (regs["indicator_id"] == row.indicator_id)
                    & regs["period"].str.startswith(f"{row.baseline_period}-")]  # fmt: skip
        assert year["value"].sum() == row.baseline_value, row.objective_id
        assert row.target_value < row.baseline_value


# --- the planted effects -------------------------------------------------------------------------


def test_ground_truth_describes_the_planted_series(tables):
    truth = tables["ground_truth"]
    treated = truth[truth["role"] == "treated"]
    assert (treated["rate_ratio_level"] == 1).any() and (treated["rate_ratio_slope"] < 1).any()
    assert treated["rate_ratio_level"].between(0.6, 1).all()
    assert treated["rate_ratio_level"].nunique() >= 6
    assert truth["intervention_period"].str.fullmatch(r"\d{4}-\d\d").all()
    assert set(truth["impact_model"]) >= {"level", "slope", "level_and_slope", "none"}


def test_planted_effects_are_visible_in_the_counts(tables, series):
    """Rate after / rate before, each against the no-change expectation (the planted trend and
    season), matches the planted change within sampling error: a crude but real check."""
    checked = visible = 0
    for _, row in tables["ground_truth"].iterrows():
        y = series[_key(row)]
        mu, mu0 = expected_counts(row), expected_counts(row, with_effect=False)
        t0 = (pd.Period(row["intervention_period"], "M") - pd.Period("2019-01", "M")).n
        t0 += row["lag_months"]
        if min(mu[:t0].sum(), mu[t0:].sum()) < 400:
            continue  # small series: the change is there, but too noisy to see
        crude = (y[t0:].sum() / mu0[t0:].sum()) / (y[:t0].sum() / mu0[:t0].sum())
        planted = mu[t0:].sum() / mu0[t0:].sum()
        assert abs(np.log(crude / planted)) < 0.1, (row["project_id"], row["indicator_id"])
        if planted < 0.85:
            assert crude < 0.92
            visible += 1
        checked += 1
    assert checked >= 25 and visible >= 8


def test_a_municipality_merged_in_2025_registered_its_old_territory_before(tables):
    """Hasselt (71072) registered as old Hasselt (71022) until 2024: its counts then are those of
    old Hasselt's 78,714 inhabitants (1 January 2020, the shipped CSV read apart from the kit),
    and rise by Kortessem's share in 2025 while the rate per 1,000 does not change."""
    pop = pd.read_csv(ROOT / "socprev_kit" / "data" / "population.csv", dtype={"nis_code": str})
    pop = pop[pop["year"] == 2020].set_index("nis_code")["population"]
    truth = tables["ground_truth"]
    hasselt = truth[truth["nis_code"] == "71072"]
    assert len(hasselt) and (hasselt["population_before_2025"] == pop["71022"]).all()
    assert (hasselt["population"] == pop["71022"] + pop["73040"]).all()
    unchanged = truth[truth["nis_code"] == "44021"]
    assert (unchanged["population_before_2025"] == unchanged["population"]).all()
    row = hasselt.iloc[0]
    whole = expected_counts(row.to_dict() | {"population_before_2025": row["population"]})
    ratio = expected_counts(row) / whole
    assert np.allclose(ratio[:72], pop["71022"] / row["population"]) and np.allclose(ratio[72:], 1)


def test_without_the_repository_the_sample_data_is_generated_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from socprev_kit.common import paths
    from socprev_kit.data.reading import input_hash
    from socprev_kit.sampledata import ensure_sample_data

    repo = paths.repo_sample()
    monkeypatch.setattr(paths, "repo_sample", lambda: tmp_path / "no" / "sample_data")
    monkeypatch.setenv("SOCPREV_KIT_CACHE", str(tmp_path / "cache"))
    with pytest.raises(InputError, match="socprev-kit sample-data"):
        paths.sample_data_path()  # the core only finds them, and says how to make them
    path = ensure_sample_data()
    assert path.parent.parent == tmp_path / "cache" and path.name == "clean"
    assert input_hash(path) == input_hash(repo)  # the same seed gives the same bytes
    messy = sorted(p.name for p in (path.parent / "messy").iterdir())
    assert messy == sorted(p.name for p in (repo.parent / "messy").iterdir())  # for the course
    assert ensure_sample_data() == path == paths.sample_data_path()
