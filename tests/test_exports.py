"""Every cell the kit writes to xlsx or CSV is formula-safe, whatever its origin (issue 14).

A value a user typed comes back in the issues file (``validate --out``), the feedback workbook
and a new registration workbook (``template --data``); none may run as a formula in the
spreadsheet of whoever opens it. The referee is independent of the kit: openpyxl's reading of
each cell (``data_type == "f"``, a ``<f>`` element in the sheet's XML) and, for a CSV, the
first character a spreadsheet could skip to (blanks, line breaks, invisible marks, full-width
signs).
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socprev_kit.cli import main
from socprev_kit.common.exports import csv_text, formula_like, put_cell, write_table

ROOT = Path(__file__).resolve().parents[1]

#: What a spreadsheet could skip before a formula's sign.
PREFIXES = ["", " ", "  ", "\t", "\r", "\n", "\r\n", "\u00a0", "\u200b", "\u2060", "\ufeff"]
#: Formulas, as a colleague's file or a hostile one holds them (OWASP's examples among them).
PAYLOADS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1)",
    '=HYPERLINK("https://evil.example";"klik")',
    "-2+3+cmd|' /C calc'!A0",
    "=cmd|' /C calc'!A0",
    "\uff1d1+1",  # full-width =
    "\uff0b1+1",
    "\uff20SUM(1)",
]
HOSTILE = [p + v for p in PREFIXES for v in PAYLOADS]
_SIGN = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*([=+\-@\uff1d\uff0b\uff0d\uff20])")
_NUMBER = re.compile(r"[-+]?\d+([.,]\d+)?")


def runs_in_a_spreadsheet(field: str) -> bool:
    """Whether a CSV field could start a formula: a tab or a carriage return first, or a sign
    after what a spreadsheet may skip; a plain signed number is a number."""
    if _NUMBER.fullmatch(field):
        return False
    return field.startswith(("\t", "\r")) or bool(_SIGN.match(field))


def formulas(path: Path) -> dict[tuple[str, str], str]:
    """Every formula of a workbook, by sheet and cell: as openpyxl reads it and as its XML has
    it (the two must agree)."""
    wb = openpyxl.load_workbook(path)
    found = {
        (ws.title, c.coordinate): str(c.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    }
    with zipfile.ZipFile(path) as z:
        xml = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sum(len(re.findall(r"<f[ >]", x)) for x in xml) == len(found)
    return found


def csv_fields(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [v for row in csv.reader(f, delimiter=";") for v in row]


# --- the functions --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_every_formula_is_text_in_a_csv_and_in_a_workbook(value: str) -> None:
    assert formula_like(value) and csv_text(value) == "'" + value
    ws = openpyxl.Workbook().active
    assert put_cell(ws, 1, 1, value).data_type == "s"


@pytest.mark.parametrize("value", ["-5", "+5", "12,5", "-0.25", "2024-03", "Gent", "a=1", 3])
def test_numbers_and_plain_text_are_left_as_they_are(value: object) -> None:
    assert not formula_like(value) and csv_text(value) == value


@given(st.text(alphabet=st.sampled_from(list(" \t\r\n\u00a0\u200b\ufeff=+-@1a\uff1d")), max_size=8))
def test_no_csv_field_can_start_a_formula(value: str) -> None:
    shown = csv_text(value)
    assert not runs_in_a_spreadsheet(shown), repr(shown)
    assert shown in (value, "'" + value)  # as typed, at most a leading '


def test_written_tables_hold_no_formula(tmp_path: Path) -> None:
    """A carriage return inside a value split its CSV row (lines ended by a line feed alone),
    and what followed it started a line of its own: ``a\\r=1+1`` ran ``=1+1``."""
    values = [*HOSTILE, "a\r=1+1", "b\r\n@SUM(1)", "c\n-1+1"]
    frame = pd.DataFrame({"value": values, "n": range(len(values))})
    assert formulas(write_table(frame, tmp_path / "t.xlsx")) == {}
    fields = csv_fields(write_table(frame, tmp_path / "t.csv"))
    assert not [f for f in fields if runs_in_a_spreadsheet(f)]
    assert fields == [
        "value",
        "n",
        *(x for v, n in zip(map(csv_text, values), frame["n"], strict=True) for x in (v, str(n))),
    ]


# --- what the commands write from a filled-in registration workbook -------------------------------


def _fill(template: Path, out: Path, as_formulas: bool) -> Path:
    """The template filled in as a person does: the hostile values typed in the month cells
    (as text, or as formulas without a stored result where they start with =), in the
    project's name and lag and in the objectives' texts and baselines."""
    wb = openpyxl.load_workbook(template)
    cells = [c for row in wb.worksheets[1].iter_rows(min_row=4, min_col=7) for c in row]
    cells = [c for c in cells if c.data_type != "f"]  # the kit's own computed rows stay
    for cell, value in zip(cells, HOSTILE, strict=False):
        cell.value = value
        cell.data_type = "f" if as_formulas and value.startswith("=") else "s"
    project, objectives = wb.worksheets[2], wb.worksheets[3]
    for cell, value in [(project["B2"], HOSTILE[4]), (project["L2"], HOSTILE[3])]:
        cell.value, cell.data_type = value, "s"
    for i, value in enumerate(HOSTILE[20:24], start=2):
        objectives.cell(i, 4).value = objectives.cell(i, 6).value = value
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Dutch registration workbook of GEN-DAM (sample data)."""
    path = tmp_path_factory.mktemp("template") / "gen_dam.xlsx"
    assert main(["template", "--project", "GEN-DAM", "--year", "2024", "--out", str(path)]) == 0
    return path


@pytest.mark.parametrize("as_formulas", [False, True], ids=["typed_as_text", "typed_as_formulas"])
def test_what_a_filled_template_gives_back_runs_nowhere(
    template: Path, tmp_path: Path, as_formulas: bool
) -> None:
    data = _fill(template, tmp_path / "data" / "gen_dam.xlsx", as_formulas)
    assert main(["validate", str(data.parent), "--out", str(tmp_path / "issues.xlsx")]) == 1
    assert main(["validate", str(data.parent), "--out", str(tmp_path / "issues.csv")]) == 1
    assert formulas(tmp_path / "issues.xlsx") == {}
    fields = csv_fields(tmp_path / "issues.csv")
    assert not [f for f in fields if runs_in_a_spreadsheet(f)]
    assert main(["feedback", "44021", "--data", str(data.parent), "--out", str(tmp_path)]) == 1
    assert formulas(tmp_path / "feedback_44021_nl.xlsx") == {}


def _template(folder: Path, projects: pd.DataFrame, objectives: pd.DataFrame) -> Path:
    write_table(projects, folder / "projects.xlsx", sheet="projects")
    write_table(objectives, folder / "objectives.xlsx", sheet="objectives")
    out = folder / "template.xlsx"
    assert main(["template", "--project", "GEN-DAM", "--data", str(folder),
                 "--year", "2024", "--out", str(out)]) == 0  # fmt: skip
    return out


def test_a_template_made_from_hostile_projects_holds_only_its_own_formulas(
    tmp_path: Path,
) -> None:
    sheets = pd.read_excel(ROOT / "sample_data/clean/projects.xlsx", sheet_name=None, dtype=str)
    projects = sheets["projects"].query("project_id == 'GEN-DAM'")
    objectives = sheets["objectives"].query("project_id == 'GEN-DAM'")
    own = formulas(_template(tmp_path / "plain", projects, objectives))
    texts = HOSTILE[1 : 11 * len(objectives) : 11]
    made = _template(tmp_path / "hostile", projects.assign(name=HOSTILE[4]),
                     objectives.assign(text=texts))  # fmt: skip
    assert own and formulas(made) == own  # the computed rows' formulas, none a file chose
    cells = {c.value for ws in openpyxl.load_workbook(made).worksheets for r in ws for c in r}
    assert HOSTILE[4] in cells  # the name, as typed
