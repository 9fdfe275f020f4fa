"""The messy sample files: each one fails validation with the check its README line names.

The cases are read from ``sample_data/messy/README.md`` itself, so that the README and the tests
cannot drift apart.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from socprev_kit.cli import main
from socprev_kit.sampledata.messy import FILES, write_messy_files

MESSY = Path(__file__).resolve().parents[1] / "sample_data" / "messy"


def readme_cases() -> list[dict]:
    """The rows of the README table: file, check, sheet, row, column."""
    cases = []
    for line in (MESSY / "README.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        file, _, check, sheet, row, column, _ = cells
        cases.append(
            {
                "file": file.strip("`"),
                "check": check.strip("`"),
                "sheet": sheet,
                "row": int(row),
                "column": column,
            }
        )
    return cases


CASES = readme_cases()


def test_readme_lists_every_file_once():
    files = [c["file"] for c in CASES]
    assert len(files) >= 12
    assert sorted(files) == sorted(p.name for p in MESSY.iterdir() if p.name != "README.md")
    assert len(set(files)) == len(files)
    assert {f.rsplit("_", 1)[1][:2] for f in files} == {"nl", "fr"}
    assert {c["check"] for c in CASES} >= {
        "nis_not_in_project",
        "outside_project_period",
        "unknown_project",
        "bad_number",
        "negative_count",
    }


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_each_file_fails_with_its_check_at_its_place(case, tmp_path, capsys):
    out = tmp_path / "issues.csv"
    code = main(["validate", str(MESSY / case["file"]), "--out", str(out), "--lang", "en"])
    printed = capsys.readouterr().out
    assert code == 1, printed
    issues = pd.read_csv(out, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    errors = issues[issues["severity"] == "error"]
    at = errors[
        (errors["check"] == case["check"])
        & (errors["row"] == str(case["row"]))
        & (errors["column"] == case["column"])
        & (errors["sheet"] == case["sheet"])
    ]
    assert len(at) == 1, errors
    assert set(errors["check"]) == {case["check"]}, "one mistake per file"
    assert f"[{case['check']}]" in printed


def test_the_files_need_a_project_sheet_only_where_the_check_needs_it():
    needs = {"nis_not_in_project", "outside_project_period", "unknown_project"}
    for f in FILES:
        assert f.mistake.projects == (f.check in needs), f.file
        assert not f.mistake.projects or f.file.endswith(".xlsx")


def test_write_messy_files_reproduces_the_committed_files(tmp_path):
    written = write_messy_files(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in MESSY.iterdir())
    for new in written:
        old = MESSY / new.name
        if new.suffix == ".xlsx":  # the archive members, not zlib's bytes
            with zipfile.ZipFile(new) as a, zipfile.ZipFile(old) as b:
                assert a.namelist() == b.namelist()
                for member in a.namelist():
                    assert a.read(member) == b.read(member), (new.name, member)
        else:
            assert new.read_bytes() == old.read_bytes(), new.name


def test_the_same_files_twice_are_the_same_bytes(tmp_path):
    first = {p.name: p.read_bytes() for p in write_messy_files(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_messy_files(tmp_path / "b")}
    assert first == second


def _message(file: str, check: str) -> str:
    from socprev_kit import load

    issues = load(MESSY / file, lang="en").issues
    return issues.loc[issues["check"] == check, "message"].iat[0]


def test_swapped_digits_in_a_nis_code_suggest_the_right_municipality():
    assert "Ronse (45041)" in _message("03_unknown_nis_code_nl.csv", "unknown_nis")


def test_indicator_without_its_zero_suggests_the_right_code():
    assert re.search(r"→ O01\?", _message("05_unknown_indicator_nl.csv", "unknown_indicator"))


@pytest.mark.parametrize(
    ("file", "series", "months"),
    [
        ("03_unknown_nis_code_nl.csv", "RONSE-SHW / 45014 / O01", ""),
        ("06_derived_indicator_typed_nl.xlsx", "RONSE-SHW / 45041 / O06", ""),
        ("08_municipality_not_in_project_nl.xlsx", "RONSE-SHW / 45035 / O04", ""),
        ("09_outside_project_period_nl.xlsx", "", "2023-"),
    ],
)
def test_no_months_asked_for_a_row_rejected_for_its_key(file, series, months):
    from socprev_kit import load

    issues = load(MESSY / file, lang="en").issues.query("check == 'missing_months'")
    if series:
        assert series not in set(issues["column"]), issues
    if months:
        assert not issues["value"].str.contains(months).any(), issues
