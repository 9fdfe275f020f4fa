"""The bad-input corpus: every file loads without raising and the kit says exactly what is wrong.

``tests/data/corpus/`` is written by ``tests/data/make_corpus.py``; its README says the mistake in
each file. :data:`EXPECT` below is the real content of this module: for each file, the issues the
kit must report (check, sheet, row and column as the user sees them in Excel or a text editor, and
where useful the value), the number of usable rows and the exit code of ``socprev-kit validate``.
Where the kit does not do the right thing yet, the expectation is marked ``xfail`` with the reason.
"""

from __future__ import annotations

import csv
import filecmp
import importlib.util
import io
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from socprev_kit import load
from socprev_kit.cli import main
from socprev_kit.validation.messages import CHECKS, LANGS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
FILES = sorted(p.name for p in CORPUS.iterdir() if p.name != "README.md")
#: Checks that speak for every row of a file or sheet at once.
WHOLE = {
    "unreadable_file",
    "unsupported_file",
    "unrecognised_table",
    "empty_file",
    "missing_column",
    "not_a_table",
    "too_many_columns",
}


def _make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS.parent / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_corpus", module)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Expect:
    """What the kit must say about one corpus file.

    ``issues``: ``(check, row, column)`` or ``(check, row, column, value)``; ``check`` ``None``
    for any error (where no check exists for the mistake yet), ``row`` ``None`` for an issue
    about the whole file or sheet, ``column`` ``None`` when it does not matter. ``sheet``
    is the sheet of every issue unless an issue gives ``(sheet, check, row, column[, value])``.
    ``header``: the header row of each sheet (to find the user's data rows); ``None`` for files
    that are not a table. ``text``: encoding and separator of a text file. ``xfail``: the parts
    of this expectation the kit does not meet yet (``issues``, ``rows``, ``exit``) and why.
    """

    usable: int
    issues: tuple = ()
    sheet: str = ""
    exit: int = 1
    absent: tuple[str, ...] = ()
    header: dict[str, int] | None = field(default_factory=lambda: {"": 1})
    text: tuple[str, str] = ("utf-8-sig", ";")
    values: dict[int, float] = field(default_factory=dict)
    xfail: dict[str, str] = field(default_factory=dict)


NOTHING = {"header": None, "usable": 0, "exit": 2}
REG = "Registraties"

EXPECT: dict[str, Expect] = {
    # --- encodings ---
    "utf16_tab_excel_unicode.txt": Expect(
        5, (("bad_number", 4, "Valeur", "n.c."),), text=("utf-16", "\t")
    ),
    "utf16le_no_bom.csv": Expect(
        5,
        (("bad_period", 4, "Periode", "2024-13"),),
        text=("utf-16-le", ";"),
    ),
    "cp1252_accents.csv": Expect(
        5,
        (("encoding_guess", None, None), ("bad_number", 5, "Valeur", "néant")),
        text=("cp1252", ";"),
    ),
    "bom_utf8_but_latin1.csv": Expect(
        2, (("encoding_guess", None, None), ("bad_number", 3, "Valeur", "?")), text=("latin-1", ";")
    ),
    "mojibake_double_encoded.csv": Expect(
        0, (("missing_column", 1, "Period"), ("unknown_column", 1, "PÃ©riode"))
    ),
    "mixed_encodings.csv": Expect(
        5,
        (("bad_number", 7, "Valeur", "?"),),
        absent=("missing_column", "unknown_municipality"),
        text=("mixed", ";"),
    ),
    # --- separators and dialects ---
    "comma_sep_english_decimals.csv": Expect(
        5, (("not_whole", 6, "waarde"),), text=("utf-8", ","), values={2: 62.5, 3: 58.0}
    ),
    "semicolon_decimal_comma.csv": Expect(
        5, (("negative_count", 6, "Waarde", "-4"),), values={2: 62.5, 5: 1250.0}
    ),
    "tab_separated.tsv": Expect(
        5, (("bad_period", 4, "Periode", "2024-13"),), text=("utf-8", "\t")
    ),
    "bom_sep_hint.csv": Expect(
        5, (("missing_value", 5, "Waarde"),), header={"": 2}, values={3: 34.0}
    ),
    "empty.csv": Expect(0, (("empty_file", None, None),), exit=2, header=None),
    "header_only.csv": Expect(0, (("empty_file", None, None),), exit=2),
    "ragged_rows.csv": Expect(
        3,
        ((None, 4, None),),
        text=("utf-8", ","),
    ),
    "quoted_separators_newlines.csv": Expect(
        3,
        (("bad_number", 6, "Waarde", "veel"),),
    ),
    "control_characters.csv": Expect(1, (("bad_number", 2, "waarde"),)),
    # --- headers and layout ---
    "duplicated_headers.csv": Expect(6, (("duplicate_column", 1, "Waarde"),)),
    "missing_required_column.csv": Expect(0, (("missing_column", 1, "Indicator"),)),
    "nis_codes_wrong.csv": Expect(
        2, (("bad_nis", 3, "NIS-code", "9600"), ("bad_nis", 5, "NIS-code", "4504"))
    ),
    "municipality_names.csv": Expect(3, (("unknown_municipality", 4, "Gemeente", "Ronsse"),)),
    "old_nis_codes.csv": Expect(
        6,
        (
            ("merged_nis", 2, "NIS-code", "44049"),
            ("merged_nis", 4, "NIS-code", "11007"),
            ("merged_nis", 6, "NIS-code", "52043"),
            ("unknown_nis", 8, "NIS-code", "44089"),
        ),
    ),
    "merged_municipalities_same_month.csv": Expect(
        6,
        (
            ("merged_nis", 2, "NIS-code", "46014"),
            ("merged_nis", 3, "NIS-code", "44045"),
            ("bad_number", 8, "waarde", "?"),
        ),
        absent=("duplicate_conflict",),
    ),
    "exact_duplicate_rows.csv": Expect(
        4, (("duplicate_exact", 5, "Waarde", "38"), ("bad_number", 7, "Waarde", "?"))
    ),
    "formula_text_notes.csv": Expect(4, (("bad_number", 6, "Waarde", "=4+3"),)),
    "total_general_fr.csv": Expect(
        5, (("not_whole", 4, "Valeur"), ("total_row", 8, None, "Total général"))
    ),
    # --- workbooks ---
    "empty_sheet.xlsx": Expect(
        0,
        ((REG, "empty_file", None, None),),
        exit=2,
        header=None,
    ),
    "hidden_sheet.xlsx": Expect(
        1,
        (
            ("Oud", "hidden_sheet", None, None),
            (REG, "duplicate_conflict", 3, "Waarde", "41"),
            (REG, "duplicate_conflict", 4, "Waarde", "38"),
            ("Oud", "duplicate_conflict", 2, "Waarde", "36"),
            ("Oud", "duplicate_conflict", 3, "Waarde", "33"),
        ),
        header={REG: 1, "Oud": 1},
    ),
    "very_hidden_sheet.xlsx": Expect(
        4,
        (
            ("Kladblad", "hidden_sheet", None, None),
            ("Kladblad", "bad_number", 3, "Waarde", "n.v.t."),
        ),
        header={REG: 1, "Kladblad": 1},
    ),
    "merged_header_cells.xlsx": Expect(
        0,
        (("merged_header", 1, None), ("missing_column", 1, "Value"), ("unnamed_column", 1, "E")),
        sheet=REG,
        header={REG: 1},
    ),
    "two_header_rows.xlsx": Expect(
        6,
        (
            ("bad_nis", 2, "NIS-code", "Code INS"),
            ("bad_period", 2, "Periode", "Période"),
            ("unknown_indicator", 2, "Indicator", "Indicateur"),
            ("bad_number", 2, "Waarde", "Valeur"),
        ),
        sheet=REG,
        header={REG: 1},
    ),
    "title_rows.xlsx": Expect(
        5, (("bad_number", 8, "Waarde", "?"),), sheet=REG, header={REG: 4}, values={5: 34.0}
    ),
    "text_in_number_cells.xlsx": Expect(
        5,
        (
            ("bad_number", 4, "Waarde", "12 st."),
            ("bad_number", 6, "Waarde", "n.v.t."),
            ("bad_number", 8, "Waarde", "?"),
            ("bad_number", 9, "Waarde", "-"),
        ),
        sheet=REG,
        header={REG: 1},
    ),
    "numbers_as_text_thousands.xlsx": Expect(
        3,
        (("not_whole", 5, "Waarde"),),
        sheet=REG,
        header={REG: 1},
        values={2: 1250.0, 3: 1312.0, 4: 2040.0},
    ),
    "excel_serial_periods.xlsx": Expect(
        3,
        (
            ("excel_serial_date", 2, "Periode", "45292"),
            ("excel_serial_date", 3, "Periode"),
            ("excel_serial_date", 4, "Periode"),
            ("bad_period", 5, "Periode", "2024-O4"),
        ),
        sheet=REG,
        header={REG: 1},
    ),
    "periods_as_dates.xlsx": Expect(
        3, (("bad_period", 5, "Periode", "31/04/2024"),), sheet=REG, header={REG: 1}
    ),
    "periods_in_words.xlsx": Expect(
        4, (("bad_period", 6, "Periode", "juny 2024"),), sheet=REG, header={REG: 1}
    ),
    "totals_rows.xlsx": Expect(
        11,
        (("total_row", 15, None, "Totaal"), ("bad_number", 8, "Waarde", "x")),
        sheet=REG,
        header={REG: 1},
    ),
    "trailing_blank_rows_cols.xlsx": Expect(
        5, (("missing_value", 3, "Waarde"),), sheet=REG, header={REG: 1}
    ),
    "unknown_extra_columns.xlsx": Expect(
        0,
        (
            ("missing_column", 1, "Indicator"),
            ("unknown_column", 1, "Indicatr"),
            ("unknown_column", 1, "Medewerker"),
            ("unknown_column", 1, "Wijk"),
        ),
        sheet=REG,
        header={REG: 1},
    ),
    "nis_as_numbers.xlsx": Expect(
        2,
        (("bad_nis", 3, "NIS-code", "45041.5"), ("bad_nis", 4, "NIS-code", "4504")),
        sheet=REG,
        header={REG: 1},
    ),
    "boolean_cells.xlsx": Expect(
        2,
        (("bad_number", 3, "Waarde"), ("bad_number", 5, "Waarde")),
        sheet=REG,
        header={REG: 1},
    ),
    "formulas_no_cache.xlsx": Expect(
        1,
        (("missing_value", 3, "Waarde"), ("missing_value", 4, "Waarde")),
        sheet=REG,
        header={REG: 1},
    ),
    "formulas_cached_div0.xlsx": Expect(
        2, (("bad_number", 4, "Waarde", "#DIV/0!"),), sheet=REG, header={REG: 1}, values={3: 41.0}
    ),
    "error_cells.xlsx": Expect(
        2,
        (("bad_nis", 3, "NIS-code", "#N/A"), ("bad_number", 5, "Waarde", "#DIV/0!")),
        sheet=REG,
        header={REG: 1},
    ),
    "wide_layout.xlsx": Expect(
        0,
        (
            ("missing_column", 1, "Period"),
            ("missing_column", 1, "Value"),
            ("unknown_column", 1, "2024-01"),
            ("unknown_column", 1, "2024-03"),
        ),
        sheet=REG,
        header={REG: 1},
    ),
    "projects_bad_dates.xlsx": Expect(
        6,
        (("Projecten", "bad_date", 2, "Startdatum", "31/02/2024"),),
        header={REG: 1, "Projecten": 1},
    ),
    # --- Parquet ---
    "numeric_nis.parquet": Expect(
        2, (("bad_nis", 3, "nis_code", "4504"), ("negative_count", 5, "value", "-2"))
    ),
    "infinite_values.parquet": Expect(
        2,
        ((None, 3, "value"),),
    ),
    "parquet_with_index.parquet": Expect(
        2,
        (("negative_count", 4, "value", "-1"),),
        absent=("missing_column",),
    ),
    "dutch_headers.parquet": Expect(2, (("unknown_indicator", 3, "Indicator", "O4"),)),
    # --- not data ---
    "corrupt_truncated.xlsx": Expect(**NOTHING, issues=(("unreadable_file", None, None),)),
    "old_excel_renamed.xlsx": Expect(**NOTHING, issues=(("unreadable_file", None, None),)),
    "readme.txt": Expect(**NOTHING, issues=(("not_a_table", None, None),)),
    "report.docx": Expect(**NOTHING, issues=(("unsupported_file", None, None, ".docx"),)),
}


def params(part: str) -> list:
    """One pytest param per corpus file, xfail where ``part`` of its expectation is not met."""
    out = []
    for name in FILES:
        reason = EXPECT[name].xfail.get(part) if name in EXPECT else None
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


@cache
def loaded(name: str, lang: str = "en"):
    return load(CORPUS / name, lang=lang)


def issue_tuples(issues: pd.DataFrame) -> list[tuple]:
    """``(sheet, check, row, column, value, severity)`` of every issue."""
    rows = issues["row"].astype("object").where(issues["row"].notna(), None)
    return list(
        zip(
            issues["sheet"],
            issues["check"],
            rows,
            issues["column"],
            issues["value"],
            issues["severity"],
            strict=True,
        )
    )


# --- the corpus itself ---------------------------------------------------------------------------


def test_every_corpus_file_has_an_expectation_and_a_readme_line():
    assert len(FILES) >= 30
    assert sorted(EXPECT) == FILES
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for name in FILES:
        assert f"| `{name}` |" in readme, name
    assert all(e.exit in (1, 2) for e in EXPECT.values())


def test_committed_corpus_equals_the_script_output(tmp_path):
    _make_corpus().write_corpus(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*FILES, "README.md"])
    for name in [*FILES, "README.md"]:
        new, old = tmp_path / name, CORPUS / name
        if name.endswith(".parquet"):
            pd.testing.assert_frame_equal(pd.read_parquet(new), pd.read_parquet(old))
        elif zipfile.is_zipfile(old):  # compare members, not zlib's bytes
            with zipfile.ZipFile(new) as a, zipfile.ZipFile(old) as b:
                assert a.namelist() == b.namelist()
                for member in a.namelist():
                    assert a.read(member) == b.read(member), (name, member)
        else:
            assert filecmp.cmp(new, old, shallow=False), name


# --- never crash, always say something -----------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_load_never_raises_and_every_issue_is_complete(name):
    by_lang = {lang: loaded(name, lang) for lang in LANGS}
    for lang, data in by_lang.items():
        issues = data.issues
        assert len(issues) >= 1, lang
        assert (issues["file"].str.len() > 0).all()
        assert issues["check"].isin(list(CHECKS)).all()
        assert issues["severity"].isin(["error", "warning", "info"]).all()
        assert (issues["message"].str.len() > 0).all()
        assert not issues["message"].str.contains(r"\{\w*\}").any(), issues["message"]
    nl, fr, en = (by_lang[lang].issues for lang in LANGS)
    assert nl["check"].tolist() == fr["check"].tolist() == en["check"].tolist()
    assert all(
        a != b and b != c
        for a, b, c in zip(nl["message"], fr["message"], en["message"], strict=True)
    )


@pytest.mark.parametrize("name", params("issues"))
def test_the_kit_says_what_is_wrong_and_where(name):
    """Each expected issue is there, at the row and column the user sees; usable rows counted."""
    e = EXPECT[name]
    data = loaded(name)
    found = issue_tuples(data.issues)
    for item in e.issues:
        sheet, check, row, column, *value = item if item[1] in CHECKS else (e.sheet, *item)
        hits = [
            f
            for f in found
            if (f[0], f[2]) == (sheet, row)
            and (f[1] == check or check is None and f[5] == "error")
            and (column is None or f[3] == column)
            and (not value or f[4] == value[0])
        ]
        assert hits, f"{item} not in\n{data.issues.drop(columns='message').to_string()}"
    assert not set(e.absent) & set(data.issues["check"])
    assert len(data.registrations) == e.usable, data.registrations
    regs = data.registrations.set_index("source_row")["value"]
    for row, value in e.values.items():
        assert regs[row] == value, (row, regs)


def user_rows(name: str, e: Expect) -> set[tuple[str, int]]:
    """The non-blank data rows of a file, as ``(sheet, row)``, found without the kit."""
    path = CORPUS / name
    if path.suffix == ".parquet":
        return {("", i + 2) for i in range(len(pd.read_parquet(path)))}
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, data_only=True)
        out = set()
        for sheet, header in e.header.items():
            for i, r in enumerate(wb[sheet].iter_rows(values_only=True), start=1):
                if i > header and any(c is not None and str(c).strip() for c in r):
                    out.add((sheet, i))
        return out
    encoding, sep = e.text
    raw = path.read_bytes()
    if encoding == "mixed":
        text = "".join(_line(b) for b in raw.splitlines(keepends=True))
    else:
        text = raw.decode(encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    out, line = set(), 0
    for record in reader:
        start, line = line + 1, reader.line_num
        # a DOS end-of-file mark (Ctrl-Z) alone on the last line is not a row the user typed
        if start > e.header[""] and any(c.strip().strip("\x1a") for c in record):
            out.add(("", start))
    return out


def _line(b: bytes) -> str:
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("cp1252")


@pytest.mark.parametrize("name", params("rows"))
def test_no_row_disappears_without_an_issue(name):
    """Every data row the user gave is used or named in the issues (or its whole sheet is)."""
    e = EXPECT[name]
    data = loaded(name)
    issues = data.issues
    if e.header is None:
        assert issues["check"].isin(WHOLE).any()
        return
    named = {
        (s, int(r)) for s, r in zip(issues["sheet"], issues["row"], strict=True) if pd.notna(r)
    }
    whole = set(issues.loc[issues["check"].isin(WHOLE), "sheet"])
    for table in (data.registrations, data.projects, data.objectives, data.context):
        named |= set(zip(table["source_sheet"], table["source_row"].astype(int), strict=True))
    lost = sorted(r for r in user_rows(name, e) if r not in named and r[0] not in whole)
    assert not lost, f"rows neither used nor named: {lost}\n{issues.to_string()}"


# --- the command line ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", params("exit"))
def test_validate_exit_code_and_no_traceback(name, capsys):
    code = main(["validate", str(CORPUS / name), "--lang", "fr"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert code == EXPECT[name].exit


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    ["utf16_tab_excel_unicode.txt", "corrupt_truncated.xlsx", "hidden_sheet.xlsx", "report.docx"],
)
def test_validate_as_a_process(name):
    exe = Path(sys.executable).with_name("socprev-kit")
    run = subprocess.run(
        [str(exe), "validate", str(CORPUS / name)], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in run.stdout + run.stderr
    assert run.returncode == EXPECT[name].exit, run.stdout + run.stderr


# --- one bug each --------------------------------------------------------------------------------


def test_issue_value_is_the_cell_as_typed():
    issue = loaded("comma_sep_english_decimals.csv").issues.query("check == 'not_whole'").iloc[0]
    assert issue["value"] == "1.250"


@pytest.mark.parametrize("lang", LANGS)
def test_formula_without_stored_result_is_named_as_such(lang):
    issues = loaded("formulas_no_cache.xlsx", lang).issues
    at_row_3 = issues[issues["row"] == 3]
    assert at_row_3["message"].str.contains("formul", case=False).any(), at_row_3


def test_conflict_message_names_the_sheet_of_each_row():
    issues = loaded("hidden_sheet.xlsx").issues.query("check == 'duplicate_conflict'")
    assert issues["message"].str.contains("Oud").all(), issues["message"].tolist()


def test_subtotal_row_is_a_total_row():
    issues = loaded("totals_rows.xlsx").issues
    at_5 = issues[issues["row"] == 5]
    assert at_5["check"].tolist() == ["total_row"], at_5


def test_rows_of_only_spaces_are_blank():
    """Cells holding only spaces or a non-breaking space do not make a row of data."""
    issues = loaded("trailing_blank_rows_cols.xlsx").issues
    assert not (issues["row"] > 8).any(), issues


def test_unknown_column_without_suggestion_has_no_placeholder():
    issues = loaded("unknown_extra_columns.xlsx").issues.query("value == 'Medewerker'")
    assert not issues["message"].str.contains(r"\?\.$").any(), issues["message"].tolist()


def test_unusable_projects_table_is_not_called_missing():
    issues = loaded("projects_bad_dates.xlsx").issues
    assert "no_projects" not in set(issues["check"]), issues


def test_invisible_characters_are_made_visible():
    issue = loaded("control_characters.csv").issues.query("check == 'bad_number'").iloc[0]
    assert re.search(r"\\x07|U\+0007|\\a", issue["message"]), issue["message"]


def test_ctrl_z_end_of_file_mark_is_not_a_row():
    issues = loaded("control_characters.csv").issues
    assert not (issues["row"] == 4).any(), issues


def test_formula_looking_notes_are_kept_as_text():
    notes = loaded("formula_text_notes.csv").registrations["note"].tolist()
    assert notes == [
        '=HYPERLINK("https://ronse.be/verslag";"verslag")',
        "+32 9 123 45 67",
        "-",
        "@ronse_shw",
    ]


@pytest.mark.parametrize(
    ("name", "periods"),
    [
        ("excel_serial_periods.xlsx", ["2024-01", "2024-02", "2024-03"]),
        ("periods_as_dates.xlsx", ["2024-01", "2024-02", "2024-03"]),
        ("periods_in_words.xlsx", ["2024-01", "2024-02", "2024-03", "2024-04"]),
        ("dutch_headers.parquet", ["2024-01", "2024-03"]),
    ],
)
def test_periods_in_other_forms_are_read_as_months(name, periods):
    assert loaded(name).registrations["period"].tolist() == periods
