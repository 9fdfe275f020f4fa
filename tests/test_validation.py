"""Every check: what it flags, its severity, the rows it keeps, and its words in three languages."""

from __future__ import annotations

import pandas as pd
import pytest

import socprev_kit as sk
from socprev_kit import validate
from socprev_kit.common.errors import ValidationError
from socprev_kit.validation.issues import ISSUE_COLUMNS


def regs(*rows, columns=("project_id", "nis_code", "period", "indicator_id", "value")):
    return pd.DataFrame(list(rows), columns=list(columns))


def checks_of(result, severity=None):
    issues = result.issues
    if severity:
        issues = issues[issues["severity"] == severity]
    return sorted(set(issues["check"]))


def test_clean_data_has_no_issues(projects, registrations):
    out = validate({"registrations": registrations, "projects": projects})
    assert out.issues.empty, out.issues
    assert len(out.registrations) == 6
    assert out.registrations["value"].tolist() == [10, 12, 8, 4, 6, 8]
    assert list(out.issues.columns) == ISSUE_COLUMNS


def test_issue_names_file_row_and_column_as_the_user_wrote_them():
    frame = pd.DataFrame(
        {
            "projet": ["P"],
            "code INS": ["62063"],
            "période": ["2023-01"],
            "indicateur": ["I01"],
            "valeur": ["douze"],
        }
    )
    issue = validate(frame, lang="fr").issues.iloc[0]
    assert (issue["check"], issue["column"], issue["value"], issue["row"]) == (
        "bad_number",
        "valeur",
        "douze",
        2,
    )
    assert "n'est pas un nombre" in issue["message"]


@pytest.mark.parametrize(
    ("value", "check"),
    [("abc", "bad_number"), ("-1", "negative_count"), ("2,5", "not_whole"), ("", "missing_value")],
)
def test_value_problems(value, check):
    out = validate(regs(("P", "44021", "2023-01", "I01", value)))
    assert check in checks_of(out, "error")
    assert out.registrations.empty


def test_out_of_range_uses_catalogue_bounds():
    out = validate(
        regs(("P", "44021", "2023-01", "I05", "130"), ("P", "44021", "2024", "I05", "30"))
    )
    assert checks_of(out, "error") == ["out_of_range"]
    assert out.registrations["value"].tolist() == [30.0]


def test_all_problems_of_one_row_are_reported_at_once():
    out = validate(regs(("P", "9999", "2023-13", "XX1", "abc")))
    assert {"bad_nis", "bad_period", "bad_number", "unknown_indicator"} <= set(checks_of(out))


def test_unknown_nis_code_suggests_a_neighbour_and_name_suggests_the_municipality():
    out = validate(
        regs(
            ("P", "44921", "2023-01", "I01", "1", None),
            ("P", None, "2023-01", "I01", "1", "St-Niklaas-Waas"),
            columns=("project_id", "nis_code", "period", "indicator_id", "value", "municipality"),
        ),
        lang="en",
    )
    msgs = out.issues.set_index("check")["message"]
    assert "44921 does not exist" in msgs["unknown_nis"] and "(44021)" in msgs["unknown_nis"]
    assert "Sint-Niklaas (46021)" in msgs["unknown_municipality"]


def test_code_from_before_a_merger_is_mapped_with_one_warning_per_file():
    out = validate(
        regs(("P", "11007", "2024-01", "I01", "1"), ("P", "11007", "2024-02", "I01", "2")),
        lang="en",
    )
    assert checks_of(out) == ["merged_nis", "no_projects"]
    assert (out.issues["check"] == "merged_nis").sum() == 1
    assert out.registrations["nis_code"].tolist() == ["11002", "11002"]
    assert out.registrations["nis_code_registered"].tolist() == ["11007", "11007"]


def test_unknown_and_derived_indicators():
    out = validate(
        regs(
            ("P", "44021", "2023-01", "I99", "1"),
            ("P", "44021", "2023-01", "O06", "50"),
            ("P", "44021", "2023-01", "i01", "1"),
        ),
        lang="en",
    )
    assert checks_of(out, "error") == ["derived_typed", "unknown_indicator"]
    derived = out.issues[out.issues["check"] == "derived_typed"].iloc[0]
    assert "O06N" in derived["message"] and "O05" in derived["message"]


def test_exact_duplicates_counted_once_conflicts_left_out():
    out = validate(
        regs(
            ("P", "44021", "2023-01", "I01", "4"),
            ("P", "44021", "2023-01", "I01", "4"),
            ("P", "44021", "2023-02", "I01", "4"),
            ("P", "44021", "2023-02", "I01", "5"),
        )
    )
    assert out.issues.set_index("check")["severity"].to_dict() == {
        "duplicate_conflict": "error",
        "duplicate_exact": "warning",
        "no_projects": "info",
    }
    assert (out.issues["check"] == "duplicate_conflict").sum() == 2
    assert out.registrations[["period", "value"]].values.tolist() == [["2023-01", 4.0]]


def test_project_checks(projects):
    rows = regs(
        ("GENT-SW", "41002", "2023-01", "O05", "3"),  # Aalst is not in Ghent's project
        ("GENT-SW", "44021", "2025-03", "O05", "3"),  # after the project's end
        ("GENT-SW", "44021", "2025-03", "I01", "3"),  # impact: allowed after the end
        ("GENT-SW", "44021", "2019-06", "I01", "3"),  # impact: allowed before the start
        ("GENT-SX", "44021", "2023-01", "I01", "3"),  # unknown project, near GENT-SW
        ("OVL-IM", "41002", "2023-01", "O05", "3"),  # intermunicipal: Aalst takes part
    )
    out = validate({"registrations": rows, "projects": projects}, lang="en")
    errors = out.issues[out.issues["severity"] == "error"]
    by_check = errors.groupby("check")["row"].apply(list).to_dict()
    assert by_check == {
        "nis_not_in_project": [2],
        "outside_project_period": [3],
        "unknown_project": [6],
    }
    assert "GENT-SW" in out.issues.loc[out.issues["check"] == "unknown_project", "message"].iat[0]
    assert len(out.registrations) == 3


def test_numerator_above_denominator(projects):
    rows = regs(
        ("GENT-SW", "44021", "2023-01", "O05", "4"),
        ("GENT-SW", "44021", "2023-01", "O06N", "6"),
        ("GENT-SW", "44021", "2023-02", "O05", "4"),
        ("GENT-SW", "44021", "2023-02", "O06N", "4"),
    )
    out = validate({"registrations": rows, "projects": projects}, lang="en")
    assert checks_of(out) == ["numerator_above_denominator"]
    assert out.issues["row"].tolist() == [3]
    assert "O06N = 6" in out.issues["message"].iat[0] and "O05 = 4" in out.issues["message"].iat[0]


def test_missing_months_one_warning_per_series(projects):
    months = ["2023-01", "2023-02", "2023-05", "2023-06"]
    rows = regs(*[("GENT-SW", "44021", m, "I01", "1") for m in months])
    out = validate({"registrations": rows, "projects": projects}, lang="en")
    assert checks_of(out) == ["missing_months"]
    assert out.issues["value"].iat[0] == "2023-03, 2023-04"
    assert len(out.registrations) == 4  # a warning keeps the rows


def test_process_series_expected_from_project_start(projects):
    rows = regs(*[("GENT-SW", "44021", m, "O05", "1") for m in ["2023-03", "2023-04"]])
    out = validate({"registrations": rows, "projects": projects}, lang="en")
    assert out.issues["value"].iat[0] == "2023-01, 2023-02"


def test_projects_table_checks(projects):
    bad = projects.copy()
    bad.loc[0, "project_types"] = "street_work;karate"
    bad.loc[1, "end_date"] = "2020-01-01"  # before the start
    out = validate({"projects": bad}, lang="en")
    assert checks_of(out, "error") == ["bad_code", "bad_project_dates"]
    assert out.projects.empty


def test_a_project_sent_again_unchanged_is_read_once(projects, tmp_path):
    """Each yearly registration workbook carries its project sheet: the same project in two
    files is one project (the first file's row), not a duplicate; a copy that differs in
    anything is a conflict, reported as a duplicate id in both files."""
    from socprev_kit import load

    projects.to_csv(tmp_path / "a.csv", sep=";", index=False)
    projects.to_csv(tmp_path / "b.csv", sep=";", index=False)
    same = load(tmp_path)
    assert sorted(same.projects["project_id"]) == ["GENT-SW", "OVL-IM"]
    assert set(same.projects["source_file"]) == {str(tmp_path / "a.csv")}
    assert "duplicate_id" not in set(same.issues["check"])
    changed = projects.copy()
    changed.loc[0, "name"] = "Straathoekwerk Gent (nieuw)"
    changed.to_csv(tmp_path / "b.csv", sep=";", index=False)
    conflict = load(tmp_path)
    dup = conflict.issues[conflict.issues["check"] == "duplicate_id"]
    assert sorted(dup["file"].map(lambda f: f.rsplit("/", 1)[-1])) == ["a.csv", "b.csv"]
    assert sorted(conflict.projects["project_id"]) == ["OVL-IM"]


def test_strict_mode_raises_with_the_table():
    with pytest.raises(ValidationError, match=r"(?s)1 error\(s\).*not a number") as info:
        validate(regs(("P", "44021", "2023-01", "I01", "x")), strict=True, lang="en")
    assert info.value.issues["check"].tolist()[0] == "bad_number"


def test_totals_row_is_not_counted():
    out = validate(regs(("P", "44021", "2023-01", "I01", "4"), ("Totaal", "", "", "", "4")))
    assert "total_row" in checks_of(out, "warning")
    assert len(out.registrations) == 1
    assert "bad_period" not in checks_of(out)


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_message_exists_in_every_language(lang):
    from socprev_kit.validation.messages import CHECKS, message

    for check in CHECKS:
        text = message(check, lang, value="V", column="C", hint="H")
        assert text and "{" not in text


def test_project_id_starting_with_a_short_total_word_is_not_a_total_row():
    out = validate(
        regs(("SOM-2024", "44021", "2023-01", "I01", "4"), ("Totaal januari", "", "", "", "4"))
    )
    assert out.registrations["project_id"].tolist() == ["SOM-2024"]
    assert out.issues.loc[out.issues["check"] == "total_row", "row"].tolist() == [3]


def test_huge_whole_number_in_an_int_column_is_reported_not_raised(projects):
    bad = projects.assign(lag_months=["9223372036854775808", "2"])
    out = validate({"projects": bad}, lang="en")
    assert out.issues["check"].tolist() == ["bad_number"]
    assert out.projects["lag_months"].tolist() == [2]


def test_issues_in_another_language_equal_a_new_validation() -> None:
    from pathlib import Path

    from socprev_kit.data.reading import read_paths

    read = read_paths(Path(__file__).resolve().parents[1] / "sample_data" / "messy")
    data = validate(read, lang="nl")
    assert len(data.issues) > 100
    for lang in ("fr", "en", "nl"):
        pd.testing.assert_frame_equal(data.issues_in(lang), validate(read, lang=lang).issues)


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_missing_column_is_named_as_the_template_heads_it(lang, tmp_path):
    """A file without its value column: the issue names the column as a person would add it
    (``Waarde``, ``Valeur``), not by the kit's key ``value``, and that header, added to the
    file, is read as the missing column. (A file without its project column is context data:
    tests/test_context_data.py.)"""
    from socprev_kit.data.contract import ALIASES, normalise_header
    from socprev_kit.validation.messages import COLUMN_HEADERS

    path = tmp_path / "contacts.csv"
    path.write_text("Project;NIS-code;Periode;Indicator\nP1;45041;2024-01;O04\n", encoding="utf-8")
    issues = sk.load(path, lang=lang).issues
    missing = issues[issues["check"] == "missing_column"]
    header = {"nl": "Waarde", "fr": "Valeur", "en": "Value"}[lang]
    assert list(missing["column"]) == [header] and f"'{header}'" in missing["message"].iloc[0]
    assert list(missing["row"]) == [1]
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(f"Project;NIS-code;Periode;Indicator;{header}\nP1;45041;2024-01;O04;48\n")
    assert "missing_column" not in set(sk.load(fixed, lang=lang).issues["check"])
    for column, headers in COLUMN_HEADERS.items():  # every header the messages name is read back
        for h in headers:
            assert any(m.get(normalise_header(h)) == column for m in ALIASES.values()), h
