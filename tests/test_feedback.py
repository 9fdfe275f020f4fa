"""Feedback for one municipality: planted mistakes and gaps found cell by cell, in the page and
the workbook, in Dutch and French; nothing of another municipality; markup escaped; text that
looks like a formula stays text; the command's exit codes; the page in a real browser.

The data set (``planted``) is written by hand: Ronse (45041) with its project RON-SW (January to
June 2024, a project name holding markup, an objective on O06 = O06N / O05), a registration
workbook with gaps and mistakes in known cells and a CSV file that lacks its project column;
Oudenaarde (45035) with its own project and a CSV file with mistakes of its own.
"""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import chromium

from socprev_kit.cli import main
from socprev_kit.common.errors import UnknownMunicipalityError
from socprev_kit.registration.feedback import month_ranges, split_message, write_feedback
from socprev_kit.validation.messages import CHECKS

SCRIPT = "<script>alert(1)</script>"
REG_HEADERS = ["Project", "NIS-code", "Gemeente", "Periode", "Indicator", "Waarde", "Opmerking"]
MONTHS = [f"2024-{m:02d}" for m in range(1, 7)]

#: Ronse's registrations: (indicator, months registered). The gaps are planted by leaving out
#: O01 in March and April, O05 in January and June; O04 has all six months, February with text.
RONSE_SERIES = {"O01": ["2024-01", "2024-02", "2024-05", "2024-06"], "O04": MONTHS,
                "O05": ["2024-02", "2024-03", "2024-04", "2024-05"]}  # fmt: skip
#: The mistakes planted in Ronse's workbook, appended after the series (rows 16-19): the cell,
#: the check, the value as typed. Each is a month that has a good row too, except O04 2024-02.
RONSE_MISTAKES = [
    ("F16", "bad_number", "=1+1", ["RON-SW", "45041", "Ronse", "2024-01", "O01", "=1+1"]),
    ("E17", "unknown_indicator", "@O02", ["RON-SW", "45041", "Ronse", "2024-01", "@O02", 3]),
    ("B18", "unknown_nis", "45014", ["RON-SW", "45014", "", "2024-02", "O01", 4]),
    ("F19", "bad_number", "-3 st.", ["RON-SW", "45041", "Ronse", "2024-03", "O05", "-3 st."]),
]


def _sheet(wb: openpyxl.Workbook, title: str, rows: list[list]) -> None:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # typed as text, as '=1+1 in Excel


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Projecten", [
        ["Project", "Naam", "Projecttypes", "Trekkende gemeente", "Deelnemende gemeenten",
         "Startdatum", "Einddatum"],
        ["RON-SW", f"{SCRIPT} Straathoekwerk", "street_work", "45041", "45041",
         "01/01/2024", "30/06/2024"],
        ["OUD-SW", "Straathoekwerk Oudenaarde", "street_work", "45035", "45035",
         "01/01/2024", "30/06/2024"],
    ])  # fmt: skip
    _sheet(wb, "Doelstellingen", [
        ["Project", "Doelstelling", "Niveau", "Indicator"],
        ["RON-SW", "D1", "operational", "O06"],
    ])  # fmt: skip
    wb.save(folder / "projecten.xlsx")

    rows = [REG_HEADERS]  # row 1
    for ind, months in RONSE_SERIES.items():  # rows 2-15
        for m in months:
            value = "env. 45" if (ind, m) == ("O04", "2024-02") else 10 + int(m[-2:])
            rows.append(["RON-SW", "45041", "Ronse", m, ind, value, ""])
    assert len(rows) == 15
    rows += [r[3] for r in RONSE_MISTAKES]
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Registraties", rows)
    wb.save(folder / "registraties_ronse.xlsx")
    # no project column: its rows cannot be used
    (folder / "ronse_extra.csv").write_text(
        "NIS-code;Periode;Indicator;Waarde\n45041;2024-01;O03;2\n", encoding="utf-8"
    )
    lines = ["Project;NIS-code;Gemeente;Periode;Indicator;Waarde"]
    lines += [f"OUD-SW;45035;Oudenaarde;{m};O01;{20 + i}" for i, m in enumerate(MONTHS)]
    lines += ["OUD-SW;45035;Oudenaarde;2024-13;O01;7", "OUD-SW;45035;Oudenaarde;2024-02;O01;=9*9"]
    (folder / "oudenaarde.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ronse(planted, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return {
        lang: write_feedback("45041", data=planted, lang=lang, out=out) for lang in ("nl", "fr")
    }


def _sheet_rows(path: Path, index: int) -> list[tuple]:
    wb = openpyxl.load_workbook(path)
    return list(wb.worksheets[index].iter_rows(values_only=True))


def _issues(result) -> list[dict]:
    """The issues sheet read back, as dicts keyed by its (translated) headers' positions."""
    rows = _sheet_rows(result.xlsx, 2)
    keys = ["severity", "file", "sheet", "cell", "column", "value", "problem", "fix"]
    return [dict(zip(keys, r, strict=True)) for r in rows[1:]]


# --- what is wrong -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_planted_mistake_is_named_with_file_sheet_and_cell(ronse, lang):
    result = ronse[lang]
    issues = _issues(result)
    page = result.html.read_text("utf-8")
    planted = [("F7", "bad_number", "env. 45")] + [m[:3] for m in RONSE_MISTAKES]
    for cell, check, value in planted:
        found = [i for i in issues if i["cell"] == cell]
        assert len(found) == 1, (cell, issues)
        i = found[0]
        assert (i["file"], i["sheet"], i["value"]) == (
            "registraties_ronse.xlsx",
            "Registraties",
            value,
        )
        assert i["problem"] and i["fix"], i
        assert CHECKS[check][0] == "error"
        assert f"{html.escape(value)}</td>" in page
        assert f">{cell}\n" in page
    assert "registraties_ronse.xlsx" in page and "Registraties" in page
    # the file without a project column: named at its header row, with the template's header
    missing = [i for i in issues if i["file"] == "ronse_extra.csv"]
    assert len(missing) == 1
    assert missing[0]["cell"] == ("rij 1" if lang == "nl" else "ligne 1")
    assert missing[0]["column"] == ("Project" if lang == "nl" else "Projet")
    assert "project_id" not in missing[0]["problem"]
    assert result.counts["error"] == 6


def test_messages_are_in_the_language_asked(ronse):
    nl, fr = _issues(ronse["nl"]), _issues(ronse["fr"])
    by_cell = {lang: {i["cell"]: i for i in rows} for lang, rows in (("nl", nl), ("fr", fr))}
    assert by_cell["nl"]["F7"]["problem"] == "'env. 45' is geen getal."
    assert by_cell["nl"]["F7"]["fix"] == "Typ enkel cijfers (bv. 12 of 12,5)."
    assert by_cell["fr"]["F7"]["problem"] == "'env. 45' n'est pas un nombre."
    assert by_cell["fr"]["F7"]["severity"] == "erreur"
    assert by_cell["nl"]["F7"]["severity"] == "fout"
    assert "Fichier\u00a0: registraties_ronse.xlsx" in ronse["fr"].html.read_text("utf-8")
    assert "Bestand: registraties_ronse.xlsx" in ronse["nl"].html.read_text("utf-8")


def test_errors_come_first_then_warnings(ronse):
    order = [i["severity"] for i in _issues(ronse["nl"])]
    assert order == sorted(order, key=["fout", "waarschuwing", "opmerking"].index)
    assert "waarschuwing" in order  # the gaps, as validation warns about them


def test_nothing_of_another_municipality(ronse, planted, tmp_path):
    for result in ronse.values():
        page = result.html.read_text("utf-8")
        cells = str(_sheet_rows(result.xlsx, 0) + _sheet_rows(result.xlsx, 1) + _issues(result))
        for text in ("oudenaarde", "OUD-SW", "2024-13", "=9*9", "45035"):
            assert text not in page.lower() if text.islower() else text not in page, text
            assert text not in cells.lower() if text.islower() else text not in cells, text
    other = write_feedback("Oudenaarde", data=planted, out=tmp_path)
    values = {i["value"] for i in _issues(other)}
    assert {"2024-13", "=9*9"} <= values
    assert not values & {m[2] for m in RONSE_MISTAKES}
    assert "registraties_ronse.xlsx" not in other.html.read_text("utf-8")


# --- what is missing -----------------------------------------------------------------------------


def test_missing_months_are_the_planted_gaps(ronse):
    rows = _sheet_rows(ronse["nl"].xlsx, 1)
    assert rows[0][:5] == ("Project", "Indicator", "Ontbrekende maanden", "Aantal ontbrekend",
                           "Verwacht")  # fmt: skip
    got = {(r[0].split(" – ")[0], r[1].split(" – ")[0]): r[2:5] for r in rows[1:]}
    assert got == {
        ("RON-SW", "O01"): ("mrt-apr 2024", 2, 6),
        ("RON-SW", "O04"): ("feb 2024", 1, 6),  # its only February value is unreadable
        ("RON-SW", "O05"): ("jan 2024, jun 2024", 2, 6),
        ("RON-SW", "O06N"): ("nooit geregistreerd", None, None),  # the objective's numerator
    }
    assert ronse["nl"].counts["months"] == 5 and ronse["nl"].counts["never"] == 1
    page = ronse["fr"].html.read_text("utf-8")
    assert "mars-avr. 2024" in page and "janv. 2024, juin 2024" in page
    assert "Jamais enregistrés" in page and "O06N" in page


def _projects_file(folder: Path, *rows: list) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    header = ["Project", "Naam", "Projecttypes", "Trekkende gemeente", "Deelnemende gemeenten",
              "Startdatum", "Einddatum"]  # fmt: skip
    _sheet(wb, "Projecten", [header, *rows])
    wb.save(folder / "projecten.xlsx")


def test_intermunicipal_project_expects_what_the_others_register(tmp_path):
    """IM-1 runs in Ronse and Oudenaarde: each registers one indicator the other does not."""
    _projects_file(tmp_path, ["IM-1", "Samen", "street_work", "45041", "45041;45035",
                              "01/01/2024", "30/06/2024"])  # fmt: skip
    lines = ["Project;NIS-code;Periode;Indicator;Waarde"]
    lines += [f"IM-1;45041;{m};O04;{i}" for i, m in enumerate(MONTHS) if m != "2024-05"]
    lines += [f"IM-1;45035;{m};O01;{i}" for i, m in enumerate(MONTHS)]
    lines += ["IM-1;45035;2024-02;O01;veel"]  # Oudenaarde's mistake
    (tmp_path / "im.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ronse = write_feedback("45041", data=tmp_path, out=tmp_path / "out")
    rows = _sheet_rows(ronse.xlsx, 1)[1:]
    assert [(r[1].split(" – ")[0], r[2], r[5]) for r in rows] == [
        ("O04", "mei 2024", None),
        ("O01", "nooit geregistreerd", "andere gemeenten van het project registreren het"),
    ]
    assert [i["value"] for i in _issues(ronse)] == ["2024-05"]  # its own gap, not "veel"
    oudenaarde = write_feedback("45035", data=tmp_path, out=tmp_path / "out")
    rows = _sheet_rows(oudenaarde.xlsx, 1)[1:]
    assert [(r[1].split(" – ")[0], r[2]) for r in rows] == [("O04", "nooit geregistreerd")]
    found = _issues(oudenaarde)
    assert [(i["cell"], i["value"]) for i in found] == [("E13", "veel")]


def test_a_wrong_municipality_code_goes_to_the_file_and_to_the_code(tmp_path):
    """A row of Ronse's file typed with Oudenaarde's code: the code may be the typo (Ronse's to
    fix) or the row may really be Oudenaarde's (it should know)."""
    _projects_file(tmp_path, ["RON-SW", "Ronse", "street_work", "45041", "45041",
                              "01/01/2024", "30/06/2024"])  # fmt: skip
    lines = ["Project;NIS-code;Periode;Indicator;Waarde"]
    lines += [f"RON-SW;45041;{m};O04;1" for m in MONTHS] + ["RON-SW;45035;2024-03;O04;2"]
    (tmp_path / "ronse.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for nis in ("45041", "45035"):
        result = write_feedback(nis, data=tmp_path, out=tmp_path / nis)
        assert [(i["file"], i["cell"], i["value"]) for i in _issues(result)] == [
            ("ronse.csv", "B8", "45035")
        ]


def test_without_a_projects_table(tmp_path):
    """Months are expected from a series' first to the last month of the data; the note that
    project checks were skipped concerns everybody."""
    (tmp_path / "r.csv").write_text(
        "Project;NIS-code;Periode;Indicator;Waarde\n"
        + "".join(f"P1;45041;{m};O04;1\n" for m in MONTHS if m not in ("2024-02", "2024-03"))
        + "P2;45035;2024-08;O04;1\n",
        encoding="utf-8",
    )
    result = write_feedback("45041", data=tmp_path, lang="en", out=tmp_path / "out")
    rows = _sheet_rows(result.xlsx, 1)[1:]
    assert [r[2:5] for r in rows] == [("Feb-Mar 2024, Jul-Aug 2024", 4, 8)]
    checks = {i["problem"].split(":")[0] for i in _issues(result)}
    assert "No projects table found" in checks


def test_month_ranges_cross_years_and_languages():
    assert month_ranges(["2023-11", "2023-12", "2024-01", "2024-03"], "fr") == (
        "nov. 2023-janv. 2024, mars 2024"
    )
    assert month_ranges(["2024-05"], "en") == "May 2024"
    assert month_ranges([], "nl") == ""


def test_split_message_for_every_check_in_every_language():
    """The problem and the fix put back together give the whole message."""
    from socprev_kit.validation.messages import LANGS, message

    for check in CHECKS:
        for lang in LANGS:
            text = message(check, lang, value="env. 45", column="Waarde", hint=" → X?")
            problem, fix = split_message(check, text)
            assert f"{problem} {fix}".strip() == text, (check, lang)
            assert problem


# --- the page and the workbook -------------------------------------------------------------------


def test_who_and_what(ronse):
    rows = dict(_sheet_rows(ronse["nl"].xlsx, 0)[1:5])
    assert rows == {"Gemeente": "Ronse", "NIS-code": "45041", "Provincie": "Oost-Vlaanderen",
                    "Periode": "van januari 2024 tot juni 2024"}  # fmt: skip
    files = [r[1] for r in _sheet_rows(ronse["nl"].xlsx, 0) if r[0] == "Gelezen bestanden"]
    assert files == ["projecten.xlsx", "registraties_ronse.xlsx", "ronse_extra.csv"]
    page = ronse["fr"].html.read_text("utf-8")
    assert "Renaix" in page and "Code INS" in page and "du janvier 2024 au juin 2024" in page


def test_markup_from_the_data_is_shown_as_text(ronse):
    for result in ronse.values():
        page = result.html.read_text("utf-8")
        assert "<script" not in page
        assert html.escape(SCRIPT) in page
        projects = [r[1] for r in _sheet_rows(result.xlsx, 0) if r[1] and "RON-SW" in r[1]]
        assert projects == [f"RON-SW – {SCRIPT} Straathoekwerk"]


def test_the_page_is_self_contained(ronse):
    page = ronse["nl"].html.read_text("utf-8")
    assert "http://" not in page and "https://" not in page and "src=" not in page
    assert '<meta name="viewport"' in page and "@media print" in page


def test_formula_looking_text_stays_text(ronse):
    wb = openpyxl.load_workbook(ronse["nl"].xlsx)
    ws = wb.worksheets[2]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value in ("=1+1", "@O02")]
    assert len(cells) == 2
    assert all(c.data_type == "s" for c in cells)
    wb = openpyxl.load_workbook(ronse["nl"].xlsx, data_only=True)  # no cached results: no formula
    assert {"=1+1", "@O02"} <= {c.value for row in wb.worksheets[2].iter_rows() for c in row}


def test_workbook_layout(ronse):
    wb = openpyxl.load_workbook(ronse["fr"].xlsx)
    assert wb.sheetnames == ["Résumé", "Manquant", "Problèmes"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1])
        assert ws.auto_filter.ref == ws.dimensions
        assert ws.page_setup.orientation == "landscape"
    ws = wb["Problèmes"]
    assert [c.value for c in ws[1]] == ["Type", "Fichier", "Feuille", "Cellule", "Colonne",
                                        "Contenu", "Problème", "Comment corriger"]  # fmt: skip
    problem = ws.column_dimensions["G"].width
    assert 30 <= problem <= 45 and ws.column_dimensions["D"].width >= len("Cellule")


def test_all_is_well_is_said_plainly(tmp_path):
    (tmp_path / "ok.csv").write_text(
        "Project;NIS-code;Periode;Indicator;Waarde\n"
        + "".join(f"RON-SW;45041;{m};O04;{i}\n" for i, m in enumerate(MONTHS)),
        encoding="utf-8",
    )
    wb = openpyxl.Workbook()
    _sheet(wb, "Projecten", [
        ["Project", "Naam", "Projecttypes", "Trekkende gemeente", "Startdatum", "Einddatum"],
        ["RON-SW", "Straathoekwerk", "street_work", "45041", "01/01/2024", "30/06/2024"],
    ])  # fmt: skip
    wb.remove(wb.worksheets[0])
    wb.save(tmp_path / "projecten.xlsx")
    result = write_feedback("45041", data=tmp_path, lang="fr", out=tmp_path / "out")
    assert result.counts == {"error": 0, "warning": 0, "info": 0, "months": 0, "never": 0}
    page = result.html.read_text("utf-8")
    assert "Tout est en ordre\u00a0: rien ne manque" in page
    assert "Aucun problème trouvé" in page and "Aucun mois ni indicateur ne manque" in page
    status = [r[1] for r in _sheet_rows(result.xlsx, 0) if r[0] == "État"]
    assert status == ["Tout est en ordre\u00a0: rien ne manque et aucun problème n'a été trouvé."]
    assert len(_sheet_rows(result.xlsx, 2)) == 1  # the headers only


def test_the_shipped_sample_data_by_default(tmp_path):
    result = write_feedback("Gent", out=tmp_path)
    assert result.nis_code == "44021" and result.html.name == "feedback_44021_nl.html"
    assert "registrations_44021_2025.xlsx" in result.html.read_text("utf-8")


# --- the command ---------------------------------------------------------------------------------


def test_command_writes_both_files_and_exits_1_on_errors(planted, tmp_path, capsys):
    code = main(["feedback", "Renaix", "--lang", "fr", "--data", str(planted), "--out",
                 str(tmp_path)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "feedback_45041_fr.html", "feedback_45041_fr.xlsx"]  # fmt: skip
    assert "Retour pour Renaix (45041) écrit" in out and "6 erreur(s)" in out


def test_command_exits_0_without_errors(tmp_path, capsys):
    code = main(["feedback", "44021", "--out", str(tmp_path)])
    assert code == 0, capsys.readouterr()
    assert "0 fout(en)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Atlantis"], "Unknown municipality 'Atlantis'"),
        (["99999"], "Unknown municipality '99999'"),
        (["11001"], "Nothing about Aartselaar (11001)"),
        (["44021", "--data", "/no/such/folder"], "Niet gevonden: /no/such/folder"),
        (["44021", "--data", "/no/such/folder", "--lang", "fr"], "Introuvable : /no/such"),
    ],
)
def test_command_exits_2_with_a_clear_message(tmp_path, capsys, args, message):
    code = main(["feedback", *args, "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_unknown_municipality_raises_with_suggestions(tmp_path):
    with pytest.raises(UnknownMunicipalityError, match="Did you mean: Ronse"):
        write_feedback("Ronsee", out=tmp_path)


# --- in a real browser ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("width", [1200, 390])
def test_page_opens_in_chromium_without_console_errors(ronse, width):
    browser = chromium()
    try:
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500}
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        browser.get(ronse["nl"].html.as_uri())
        text = browser.find_element("tag name", "body").text
        assert SCRIPT in text  # shown as text, not run
        assert "mrt-apr 2024" in text and "F16" in text and "RON-SW / O01" in text
        assert browser.execute_script("return document.scripts.length") == 0
        wide = browser.execute_script("return document.documentElement.scrollWidth")
        assert wide <= browser.execute_script("return window.innerWidth")  # no sideways scroll
        if folder := os.environ.get("SOCPREV_SCREENSHOTS"):
            Path(folder).mkdir(parents=True, exist_ok=True)
            browser.save_screenshot(str(Path(folder) / f"feedback_{width}.png"))
        logs = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
        assert logs == []
    finally:
        browser.quit()


def test_feedback_from_the_intake_store_equals_feedback_from_the_files(tmp_path: Path) -> None:
    """A store holds the files with their cells: the feedback names the same problems in the
    same cells and the same missing months as the feedback from the files themselves."""
    from socprev_kit.registration.intake import import_files

    clean = Path(__file__).resolve().parents[1] / "sample_data" / "clean"
    folder = tmp_path / "files"
    folder.mkdir()
    for name in ("projects.xlsx", "registrations_62063_2024.xlsx", "registrations_62063_2025.xlsx"):
        shutil.copy(clean / name, folder / name)
    wb = openpyxl.load_workbook(folder / "registrations_62063_2025.xlsx")
    ws = wb["Enregistrements"]
    filled = [c for row in ws.iter_rows() for c in row if isinstance(c.value, int | float)]
    filled[3].value = "beaucoup"  # a word where a number belongs
    filled[7].value = None  # a month left empty
    wb.save(folder / "registrations_62063_2025.xlsx")
    store = folder / "_intake.duckdb"  # the default place: folder scans leave it out
    import_files([folder], store, validate=False)
    from_files = write_feedback("62063", data=folder, lang="fr", out=tmp_path / "a")
    from_store = write_feedback("62063", data=store, lang="fr", out=tmp_path / "b")
    assert from_files.counts == from_store.counts
    assert from_files.counts["error"] >= 1 and from_files.counts["months"] >= 1
    sheets = [openpyxl.load_workbook(r.xlsx) for r in (from_files, from_store)]
    for title in sheets[0].sheetnames:
        rows = [[list(r) for r in wb[title].iter_rows(values_only=True)] for wb in sheets]
        assert rows[0] == rows[1], title


def _ronse_csv(path: Path, months: list[str]) -> Path:
    rows = [";".join(REG_HEADERS)] + [f"RON-SW;45041;Ronse;{m};O04;{i + 3};" for i, m in
                                      enumerate(months)]  # fmt: skip
    path.write_text("\r\n".join(rows), encoding="utf-8")
    return path


def test_a_link_leaving_the_data_folder_is_not_followed(tmp_path):
    """A registration file that is a link to a file elsewhere on the machine: not read, and
    the feedback names it with its target."""
    data, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    data.mkdir()
    elsewhere.mkdir()
    _ronse_csv(data / "registrations_45041.csv", MONTHS[:3])
    far = _ronse_csv(elsewhere / "more.csv", MONTHS[3:])
    (data / "registrations_45041_more.csv").symlink_to(far)
    r = write_feedback("45041", data=data, lang="fr", out=tmp_path / "fb")
    assert r.counts["warning"] == 1
    issues = openpyxl.load_workbook(r.xlsx).worksheets[2]
    texts = [" ".join(str(c) for c in row if c) for row in issues.iter_rows(values_only=True)]
    linked = [t for t in texts if "registrations_45041_more.csv" in t]
    assert len(linked) == 1 and "lien symbolique" in linked[0] and str(far) in linked[0]


def test_feedback_out_must_be_a_folder(tmp_path, capsys):
    (tmp_path / "afile.txt").write_text("x")
    code = main(["feedback", "45041", "--out", str(tmp_path / "afile.txt"), "--lang", "fr"])
    assert code == 2
    assert "afile.txt est un fichier, pas un dossier" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile.txt"]
