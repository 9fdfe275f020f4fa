"""The registration workbook: written, filled (by code and through LibreOffice), read back."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import ROOT

from socprev_kit import load
from socprev_kit.cli import main
from socprev_kit.data.catalogue import indicator_catalogue
from socprev_kit.data.contract import column_names
from socprev_kit.data.formats import registration_layout as layout
from socprev_kit.registration.workbook import write_template
from socprev_kit.registration.workbook.registration import FREQ

SAMPLE = ROOT / "sample_data" / "clean"
YEAR = 2025  # inside the sample projects' dates: registrations are not outside their period
CAT = indicator_catalogue().set_index("indicator_id")
#: Denominators get larger values, so that no numerator exceeds its denominator (an error).
DENOMINATORS = {t for d in CAT.loc[CAT["kind"] == "derived", "denominator"] for t in d.split()}


@pytest.fixture(scope="module")
def sample():
    return load(SAMPLE)


def _registration_sheet(wb, lang: str):
    return wb[layout.SHEETS[lang]["registrations"]]


def fill(path: Path, lang: str, out: Path) -> dict[tuple, float]:
    """Type values into every open cell of the registration sheet (every 5th left blank):
    whole numbers with zeros for counts, decimals otherwise. Returns what was typed, keyed by
    (project, NIS, period, indicator)."""
    wb = openpyxl.load_workbook(path)
    ws = _registration_sheet(wb, lang)
    periods = {c.column: c.value for c in ws[layout.HEADER_ROW][len(layout.FIXED) :]}
    typed = {}
    for row in ws.iter_rows(min_row=layout.FIRST_ROW):
        project, nis, _, ind = (c.value for c in row[:4])
        for cell in row[len(layout.FIXED) :]:
            if cell.protection.locked or (cell.row + cell.column) % 5 == 0:
                continue
            k = cell.row * 7 + cell.column
            if CAT.at[ind, "value_type"] == "count":
                value = k % 13 + 100 * (ind in DENOMINATORS)  # 0 included
            else:
                value = round((k % 400) / 4 + 0.25, 2) + 100 * (ind in DENOMINATORS)  # 0.25 ...
            cell.value = value
            typed[(project, nis, periods[cell.column], ind)] = float(value)
    wb.save(out)
    return typed


def _read_back(data) -> dict[tuple, float]:
    r = data.registrations
    keys = zip(r["project_id"], r["nis_code"], r["period"], r["indicator_id"], strict=True)
    return {tuple(map(str, k)): float(v) for k, v in zip(keys, r["value"], strict=True)}


def _same_table(got: pd.DataFrame, want: pd.DataFrame, table: str) -> None:
    cols = column_names(table)
    a = got[cols].astype(object).reset_index(drop=True)
    b = want[cols].astype(object).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


@pytest.mark.parametrize(("lang", "project"), [("nl", "KUST-SW"), ("fr", "LIE-REINS")])
def test_round_trip(tmp_path, sample, lang, project):
    path = write_template(
        tmp_path / "t.xlsx", project_id=project, lang=lang, year=YEAR, data=sample
    )
    typed = fill(path, lang, tmp_path / "filled.xlsx")
    data = load(tmp_path / "filled.xlsx")
    assert _read_back(data) == typed
    assert {k[1] for k in typed} == set(
        sample.projects.set_index("project_id").at[project, "nis_codes"]
    )
    assert not set(data.registrations["indicator_id"]) & set(CAT.index[CAT["kind"] == "derived"])
    assert data.issues.query("severity == 'error'").empty, data.issues
    assert "formula_without_value" not in set(data.issues["check"])
    # every value names its own cell, which holds what was typed
    ws = _registration_sheet(openpyxl.load_workbook(tmp_path / "filled.xlsx"), lang)
    for r in data.registrations.sample(20, random_state=1).itertuples():
        assert ws[f"{r.source_column}{r.source_row}"].value == r.value
        assert ws.cell(layout.HEADER_ROW, ws[f"{r.source_column}1"].column).value == r.period
    want = sample.projects[sample.projects["project_id"] == project]
    _same_table(data.projects, want, "projects")
    _same_table(
        data.objectives, sample.objectives[sample.objectives["project_id"] == project], "objectives"
    )


def test_blank_template_reads_projects_and_says_the_sheet_is_empty(tmp_path, sample):
    path = write_template(
        tmp_path / "t.xlsx", project_id="ANT-SW", lang="nl", year=YEAR, data=sample
    )
    data = load(path)
    assert data.registrations.empty
    assert list(data.projects["project_id"]) == ["ANT-SW"]
    checks = set(zip(data.issues["sheet"], data.issues["check"], strict=True))
    assert checks == {("Registraties", "empty_file")}  # instructions and lists: no word


def test_typed_mistakes_become_issues_naming_the_cell(tmp_path, sample):
    path = write_template(
        tmp_path / "t.xlsx", project_id="ANT-SW", lang="fr", year=YEAR, data=sample
    )
    wb = openpyxl.load_workbook(path)
    ws = _registration_sheet(wb, "fr")
    rows = {ws.cell(r, 4).value: r for r in range(layout.FIRST_ROW, ws.max_row + 1)}
    ws.cell(rows["O01"], 7).value = "douze"  # G: 2025-01
    ws.cell(rows["O01"], 8).value = -3  # H: 2025-02
    ws.cell(rows["O01"], 9).value = 12
    ws.cell(rows["O03"], 9).value = "=2+3"  # a formula in a registered row, no stored result
    wb.save(tmp_path / "f.xlsx")
    data = load(tmp_path / "f.xlsx", lang="fr")
    issues = data.issues.set_index("check")
    assert issues.loc["bad_number", ["row", "column", "value"]].tolist() == [
        rows["O01"],
        "2025-01",
        "douze",
    ]
    assert issues.loc["negative_count", ["row", "column"]].tolist() == [rows["O01"], "2025-02"]
    assert issues.loc["formula_without_value", ["row", "column"]].tolist() == [
        rows["O03"],
        "2025-03",
    ]
    assert "douze" in issues.loc["bad_number", "message"]
    assert _read_back(data) == {("ANT-SW", "11002", "2025-03", "O01"): 12.0}


def test_derived_rows_are_formulas_of_their_terms(tmp_path, sample):
    path = write_template(
        tmp_path / "t.xlsx", project_id="ANT-SW", lang="nl", year=YEAR, data=sample
    )
    ws = _registration_sheet(openpyxl.load_workbook(path), "nl")
    rows = {ws.cell(r, 4).value: r for r in range(layout.FIRST_ROW, ws.max_row + 1)}
    cols = {ws.cell(layout.HEADER_ROW, c).value: c for c in range(1, ws.max_column + 1)}
    g, year = "G", openpyxl.utils.get_column_letter(cols[str(YEAR)])
    p01 = ws[f"{g}{rows['P01']}"]
    assert p01.value == (
        f'=IF(OR({g}{rows["P01N"]}="",{g}{rows["P01D"]}="",({g}{rows["P01D"]})'
        f'=0),"",({g}{rows["P01N"]})/({g}{rows["P01D"]})*100)'
    )
    # a monthly share of a yearly denominator: the year column of O02D
    assert f"{year}{rows['O02D']}" in ws[f"{g}{rows['O02']}"].value
    assert ws[f"{g}{rows['O04R']}"].value.endswith(f"/({g}{rows['O01']}))")  # factor 1
    for ind in ("P01", "O02", "P02"):
        assert ws.cell(rows[ind], 1).protection.locked
        assert all(c.protection.locked for c in ws[rows[ind]])
    assert ws[f"{year}{rows['P02']}"].value.startswith("=IF(")  # a yearly ratio: year column
    assert ws[f"{g}{rows['P02']}"].value is None
    assert "I01R" not in rows  # a rate per inhabitant needs the population: not in the sheet


def test_validations_protection_comments_print(tmp_path, sample):
    path = write_template(
        tmp_path / "t.xlsx", project_id="ANT-SW", lang="fr", year=YEAR, data=sample
    )
    wb = openpyxl.load_workbook(path)
    ws = _registration_sheet(wb, "fr")
    rows = {ws.cell(r, 4).value: r for r in range(layout.FIRST_ROW, ws.max_row + 1)}
    dvs = ws.data_validations.dataValidation
    count = next(d for d in dvs if f"G{rows['O01']}" in d.sqref)
    assert (count.type, count.operator, count.formula1) == ("whole", "greaterThanOrEqual", "0")
    assert "entier" in count.error and count.showErrorMessage
    hours = next(d for d in dvs if f"G{rows['P04']}" in d.sqref)
    assert (hours.type, hours.formula1) == ("decimal", "0")
    assert f"G{rows['P01']}" not in " ".join(str(d.sqref) for d in dvs)  # derived: no input
    assert ws.protection.sheet and not ws.protection.password
    assert ws.cell(layout.HEADER_ROW, 7).protection.locked
    assert ws.cell(rows["O01"], 4).protection.locked
    assert not ws.cell(rows["O01"], 7).protection.locked
    definition = CAT.at["O01", "definition_fr"]
    assert definition in ws.cell(rows["O01"], 5).comment.text
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert "ANT-SW" in ws.oddFooter.left.text and "&P" in ws.oddFooter.right.text
    assert ws.freeze_panes == "G4"
    projects = wb[layout.SHEETS["fr"]["projects"]]
    lists = wb[layout.SHEETS["fr"]["lists"]]
    assert lists.sheet_state == "hidden"
    design = next(d for d in projects.data_validations.dataValidation if "J2" in d.sqref)
    assert design.type == "list" and design.formula1.startswith("'Listes'!$")
    column = lists[design.formula1.split("!")[1].replace("$", "").split(":")[0][0]]
    assert {"its", "controlled_its", "pre_post"} <= {c.value for c in column}
    assert not projects["F2"].protection.locked and projects["A2"].protection.locked


def test_user_text_that_looks_like_a_formula_stays_text(tmp_path, sample):
    projects = sample.projects.copy()
    projects.loc[projects["project_id"] == "ANT-SW", "name"] = '=HYPERLINK("http://x","klik")'
    objectives = sample.objectives.copy()
    objectives.loc[objectives["project_id"] == "ANT-SW", "text"] = "-5 % overlast, +10 @buurt"
    data = dataclasses.replace(sample, projects=projects, objectives=objectives)
    path = write_template(tmp_path / "t.xlsx", project_id="ANT-SW", lang="nl", year=YEAR, data=data)
    wb = openpyxl.load_workbook(path)
    assert wb["Projecten"]["B2"].data_type == "s"
    assert wb["Doelstellingen"]["D2"].data_type == "s"
    back = load(path)
    assert back.projects["name"].tolist() == ['=HYPERLINK("http://x","klik")']
    assert set(back.objectives["text"]) == {"-5 % overlast, +10 @buurt"}
    assert wb["Registraties"]["A1"].data_type == "s"  # the title holds the name


def test_municipality_template_and_default_indicators(tmp_path, sample):
    path = write_template(
        tmp_path / "t.xlsx", nis_code="Bredene", lang="nl", year=YEAR, data=sample
    )
    ws = _registration_sheet(openpyxl.load_workbook(path), "nl")
    keys = {
        (ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(layout.FIRST_ROW, ws.max_row + 1)
    }
    assert keys == {("KUST-SW", "35002")}
    projects = sample.projects[sample.projects["project_id"] == "ANT-SW"]
    bare = dataclasses.replace(
        sample,
        projects=projects,
        objectives=sample.objectives.iloc[:0],
        registrations=sample.registrations.iloc[:0],
    )
    path = write_template(tmp_path / "b.xlsx", project_id="ANT-SW", data=bare, year=YEAR)
    ws = _registration_sheet(openpyxl.load_workbook(path), "nl")
    ids = [ws.cell(r, 4).value for r in range(layout.FIRST_ROW, ws.max_row + 1)]
    registered = [i for i in ids if CAT.at[i, "kind"] == "registered"]
    assert {CAT.at[i, "frequency"] for i in registered} == {"month"}
    assert {CAT.at[i, "type"] for i in registered} == {"process", "output"}
    want = CAT.index[
        (CAT["kind"] == "registered")
        & (CAT["frequency"] == "month")
        & CAT["type"].isin(["process", "output"])
    ]
    assert set(registered) == set(want)
    assert ws.cell(layout.HEADER_ROW, ws.max_column).value == f"{YEAR}-12"  # no other periods
    assert {FREQ[CAT.at[i, "frequency"]] for i in ids} == {"month"}


def test_cli(tmp_path, capsys):
    out = tmp_path / "m.xlsx"
    assert (
        main(
            [
                "template",
                "--municipality",
                "35029",
                "--lang",
                "fr",
                "--year",
                "2025",
                "--data",
                str(SAMPLE),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert openpyxl.load_workbook(out).sheetnames[:2] == ["Instructions", "Enregistrements"]
    assert (
        main(
            [
                "template",
                "--project",
                "NOPE",
                "--data",
                str(SAMPLE),
                "--out",
                str(tmp_path / "x.xlsx"),
            ]
        )
        == 2
    )
    assert "'NOPE'" in capsys.readouterr().err
    assert main(["template", "--municipality", "99999", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "'99999'" in capsys.readouterr().err
    assert (
        main(
            [
                "template",
                "--municipality",
                "11001",
                "--data",
                str(SAMPLE),
                "--out",
                str(tmp_path / "x.xlsx"),
            ]
        )
        == 2
    )
    assert "11001" in capsys.readouterr().err  # Aartselaar: a municipality without a project
    assert not (tmp_path / "x.xlsx").exists()


def test_headers_are_the_loaders_aliases():
    from socprev_kit.data.contract import ALIASES, normalise_header

    for lang in layout.LANGS:
        for table, headers in (
            ("projects", layout.PROJECT_HEADERS),
            ("objectives", layout.OBJECTIVE_HEADERS),
        ):
            for canon, header in headers[lang].items():
                assert ALIASES[table][normalise_header(header)] == canon, (lang, header)
        fixed = dict(zip(layout.FIXED, layout.FIXED_HEADERS[lang], strict=True))
        for role in ("project_id", "nis_code", "municipality", "indicator_id"):
            assert ALIASES["registrations"][normalise_header(fixed[role])] == role


# --- through LibreOffice ---------------------------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing in CI: run `make libreoffice`")
        pytest.skip("LibreOffice (soffice) not installed; `make libreoffice` installs it")
    return found


def _convert(src: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    outdir.mkdir(exist_ok=True)
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / f"{src.stem}.{fmt.split(':')[0]}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_round_trip_through_libreoffice(tmp_path, sample, lang):
    path = write_template(
        tmp_path / "t.xlsx", project_id="ANT-SW", lang=lang, year=YEAR, data=sample
    )
    typed = fill(path, lang, tmp_path / "filled.xlsx")
    saved = _convert(tmp_path / "filled.xlsx", "xlsx", tmp_path / "lo", tmp_path / "profile")
    data = load(saved)
    assert _read_back(data) == typed
    assert data.issues.query("severity == 'error'").empty, data.issues
    _same_table(
        data.projects, sample.projects[sample.projects["project_id"] == "ANT-SW"], "projects"
    )
    # LibreOffice computed the derived rows; the reader still leaves them out
    ws = _registration_sheet(openpyxl.load_workbook(saved, data_only=True), lang)
    rows = {ws.cell(r, 4).value: r for r in range(layout.FIRST_ROW, ws.max_row + 1)}
    computed = 0
    for c in range(7, 19):
        n, d = ws.cell(rows["P03N"], c).value, ws.cell(rows["P03D"], c).value
        want = None if n is None or d in (None, 0) else n / d * 100
        got = ws.cell(rows["P03"], c).value
        assert got in (None, "") if want is None else got == pytest.approx(want, rel=1e-12)
        computed += want is not None
    assert computed >= 6


@pytest.mark.slow
def test_pdf_export_renders(tmp_path, sample):
    path = write_template(
        tmp_path / "t.xlsx", project_id="KUST-SW", lang="nl", year=YEAR, data=sample
    )
    pdf = _convert(path, "pdf", tmp_path / "pdf", tmp_path / "profile")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "40",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(tmp_path / "page"),
            ],
            check=True,
            timeout=60,
        )
        assert (tmp_path / "page-1.png").stat().st_size > 1000


def test_objective_indicators_are_explained(tmp_path, sample):
    path = write_template(
        tmp_path / "t.xlsx", project_id="ANT-CAS", lang="fr", year=YEAR, data=sample
    )
    ws = openpyxl.load_workbook(path)["Objectifs"]
    cell = next(c for c in ws["E"] if c.value == "I07")
    assert cell.comment.text.startswith(CAT.at["I07", "name_fr"] + ": ")
    assert CAT.at["I07", "definition_fr"] in cell.comment.text


def test_missing_libreoffice_fails_in_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)  # as on a machine without it
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="make libreoffice"):
        _soffice()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        _soffice()


@pytest.mark.parametrize(
    ("year", "lang", "words"), [(99999, "en", "from 2000 to"), (-1, "fr", "de 2000 à")]
)
def test_a_year_the_kit_cannot_register_is_refused_before_work(tmp_path, year, lang, words):
    from socprev_kit.common.errors import UsageError

    out = tmp_path / "t.xlsx"
    with pytest.raises(UsageError, match=words):
        write_template(out, project_id="ANT-SW", lang=lang, year=year, data=tmp_path / "none")
    assert not out.exists()


def test_template_command_refuses_an_output_that_cannot_be_a_file(tmp_path, capsys):
    (tmp_path / "afile.txt").write_text("x")
    out = tmp_path / "afile.txt" / "t.xlsx"
    assert main(["template", "--project", "ANT-SW", "--out", str(out), "--lang", "nl"]) == 2
    assert "afile.txt is een bestand, geen map" in capsys.readouterr().err


def test_a_broken_template_is_read_within_bounds(tmp_path, sample):
    """Issue 14: a styled cell at XFD1048576 of the registration sheet made `validate` run for
    minutes (every cell of the declared range was visited); a moved header and a merge over
    the rest of the sheet are read too, every typed value kept at its own cell."""
    from openpyxl.styles import Font

    path = write_template(
        tmp_path / "t.xlsx", project_id="ANT-SW", lang="nl", year=YEAR, data=sample
    )
    typed = fill(path, "nl", tmp_path / "filled.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "filled.xlsx")
    ws = _registration_sheet(wb, "nl")
    ws.insert_rows(1, 2)
    ws["XFD1048576"].font = Font(bold=True)
    title = ws.title
    wb.save(tmp_path / "broken.xlsx")
    # the merge written into the sheet's XML: openpyxl's own merge_cells would build the
    # range's border cells in this process (gigabytes), which is not what is tested here
    _merge_in_xml(tmp_path / "broken.xlsx", title, "A5000:XFD1048576")
    data = load(tmp_path / "broken.xlsx")
    assert _read_back(data) == typed
    rows = data.registrations["source_row"]
    assert rows.min() == layout.FIRST_ROW + 2


def _merge_in_xml(path, title: str, ref: str) -> None:
    """Add ``<mergeCell ref=...>`` to the sheet ``title`` of the xlsx at ``path``."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    book = parts["xl/workbook.xml"].decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(title)}"[^>]*r:id="([^"]+)"', book).group(1)
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels)
    target = target or re.search(rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
    part = "xl/" + target.group(1).removeprefix("/xl/")
    merge = f'<mergeCell ref="{ref}"/>'.encode()
    xml = parts[part]
    if b"<mergeCells" in xml:
        xml = re.sub(rb"(<mergeCells[^>]*>)", rb"\1" + merge, xml)
    else:
        xml = xml.replace(b"</sheetData>", b"</sheetData><mergeCells>" + merge + b"</mergeCells>")
    parts[part] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
