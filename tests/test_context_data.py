"""Context data (issue 16, item 1): registrations that belong to no project, read from real files
in every format and dialect, checked with file, sheet, row and column, kept in the intake store."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from conftest import DATA, ROOT

import socprev_kit as sk
from socprev_kit.cli import main
from socprev_kit.data.reading import read_paths
from socprev_kit.data.tables import identify
from socprev_kit.registration.intake import history, import_files
from socprev_kit.validation.overview import overview

HEADER = ["NIS-code", "Gemeente", "Periode", "Indicator", "Waarde", "Bron"]
ROWS = [
    ("44021", "Gent", "2024-01", "I01", "12", "PCS federale politie"),
    ("44021", "Gent", "2024-02", "I07", "3,5", "PCS federale politie"),  # not whole: an error
    ("62063", "Liège", "2024-01", "C01", "1.204", "PCS police fédérale"),
]
REG_HEADER = ["Project", "NIS-code", "Periode", "Indicator", "Waarde"]
REG_ROWS = [("GENT-SW", "44021", "2024-01", "O04", "48")]


def _csv(path: Path, header, rows, sep=";", encoding="utf-8", bom=False) -> Path:
    text = "\r\n".join(sep.join(r) for r in [header, *rows]) + "\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    return path


def _xlsx(path: Path, sheets: dict[str, list]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def _checks(data, check: str) -> pd.DataFrame:
    return data.issues[data.issues["check"] == check]


# --- reading: every format and dialect -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sep", "encoding", "bom"),
    [(";", "utf-8", False), (";", "utf-8", True), (";", "cp1252", False), (",", "utf-8", False),
     ("\t", "utf-8", False)],
)  # fmt: skip
def test_csv_without_a_project_column_is_context_in_every_dialect(tmp_path, sep, encoding, bom):
    rows = [r[:4] + (r[4].replace(",", ".").replace("1.204", "1204"), r[5]) for r in ROWS]
    rows = ROWS if sep == ";" else rows
    path = _csv(tmp_path / "politie.csv", HEADER, rows, sep, encoding, bom)
    raw = read_paths(path)
    assert [t.table for t in raw.tables] == ["context"]
    data = sk.load(path, lang="en")
    assert data.registrations.empty
    ctx = data.context
    assert ctx["nis_code"].tolist() == ["44021", "62063"]
    assert ctx["value"].tolist() == [12.0, 1204.0]  # 1.204: a thousands point in Belgium
    assert ctx["municipality"].tolist() == ["Gent", "Liège"]  # the accent survives cp1252
    assert ctx["source"].iat[1] == "PCS police fédérale"
    assert ctx["source_row"].tolist() == [2, 4] and set(ctx["source_column"]) == {"E"}
    not_whole = _checks(data, "not_whole")
    assert not_whole[["row", "column"]].values.tolist() == [[3, "Waarde"]]


def test_xlsx_with_a_context_sheet_among_others(tmp_path):
    path = _xlsx(
        tmp_path / "gegevens.xlsx",
        {
            "Registraties": [REG_HEADER, *REG_ROWS],
            "Contextgegevens": [["Cijfers van de federale politie"], [], HEADER, *ROWS[:1]],
            "Toelichting": [["Vrije tekst"]],
        },
    )
    raw = read_paths(path)
    assert [(t.table, t.sheet) for t in raw.tables] == [
        ("registrations", "Registraties"),
        ("context", "Contextgegevens"),
    ]
    data = sk.load(path, lang="nl")
    assert data.context[["source_sheet", "source_row", "source_column"]].values.tolist() == [
        ["Contextgegevens", 4, "E"]
    ]
    assert data.registrations["project_id"].tolist() == ["GENT-SW"]


def test_parquet_without_a_project_column_is_context(tmp_path):
    frame = pd.DataFrame(
        {
            "nis_code": ["21004", "21004"],
            "period": ["2024-01", "2024-02"],
            "indicator_id": ["I02", "I02"],
            "value": [3.0, 0.0],
            "source": ["Statbel", "Statbel"],
        }
    )
    frame.to_parquet(tmp_path / "bxl.parquet")
    data = sk.load(tmp_path / "bxl.parquet", lang="fr")
    assert data.context["value"].tolist() == [3.0, 0.0] and data.ok, data.issues
    assert data.context["source_row"].tolist() == [2, 3]


def test_identify_tells_the_tables_apart_by_the_project_column():
    assert identify(REG_HEADER) == "registrations"
    assert identify(HEADER) == "context"
    assert identify(["projet", *HEADER], sheet="Contexte") == "registrations"  # has a project
    assert identify(HEADER[:5], sheet="Enregistrements") == "registrations"  # named so
    assert identify(HEADER[:5], sheet="Données de contexte") == "context"
    assert identify(["Naam", "Startdatum", "Project", "Type project", "Trekkende gemeente"]) == (
        "projects"
    )
    assert identify(["Foo", "Bar", "Periode"]) is None
    # a project column under a header the kit does not know is still a project column: the
    # file is registrations that lack theirs (one error), not context data
    assert identify(["Projectcode", *HEADER]) == "registrations"
    assert identify(['p"roject', *HEADER]) == "registrations"


def test_a_sheet_of_neither_table_keeps_todays_message(tmp_path):
    path = _xlsx(tmp_path / "x.xlsx", {"Blad1": [["Datum", "Aantal", "Straat"], ["1/1", 3, "x"]]})
    data = sk.load(path, lang="en")
    assert data.context.empty and data.registrations.empty
    said = _checks(data, "unrecognised_table")
    assert said[["sheet", "row"]].values.tolist() == [["Blad1", 1]]
    assert (
        "for context data (police statistics, Statbel) the same without Project"
        in said["message"].iat[0]
    )


def test_mixed_folder_reads_each_table_right(tmp_path):
    """Registrations, the sample's projects workbook (projects and objectives) and context."""
    _csv(tmp_path / "registraties.csv", REG_HEADER, [("GEN-PZ", "44021", "2024-01", "O04", "48")])
    _csv(tmp_path / "context.csv", HEADER, [ROWS[0], ROWS[2]])
    shutil.copy(ROOT / "sample_data" / "clean" / "projects.xlsx", tmp_path)
    kinds = {(Path(t.file).name, t.sheet): t.table for t in read_paths(tmp_path).tables}
    assert kinds == {
        ("registraties.csv", ""): "registrations",
        ("context.csv", ""): "context",
        ("projects.xlsx", "projects"): "projects",
        ("projects.xlsx", "objectives"): "objectives",
    }
    data = sk.load(tmp_path, lang="en")
    assert data.ok, data.issues
    assert data.registrations["project_id"].tolist() == ["GEN-PZ"]
    assert len(data.projects) == 21 and len(data.objectives) == 89
    assert data.context["indicator_id"].tolist() == ["I01", "C01"]
    table = overview(data, lang="en").set_index("NIS code")
    assert table.loc["62063", ["projects", "registrations", "context rows"]].tolist() == [0, 0, 1]
    assert table.loc["44021", ["projects", "registrations", "context rows"]].tolist() == [1, 1, 1]


def test_load_of_a_folder_with_only_context_files(tmp_path, capsys):
    _csv(tmp_path / "a.csv", HEADER, [ROWS[0]])
    _xlsx(tmp_path / "b.xlsx", {"context": [HEADER, ROWS[2]]})
    data = sk.load(tmp_path, lang="nl")
    assert data.ok and data.registrations.empty and data.projects.empty, data.issues
    assert sorted(data.context["nis_code"]) == ["44021", "62063"]
    assert sorted(data.files["rows"]) == [1, 1]
    assert main(["validate", str(tmp_path), "--lang", "nl"]) == 0
    assert "2 rijen contextgegevens (zonder project) bruikbaar" in capsys.readouterr().out


# --- checks --------------------------------------------------------------------------------------


def test_each_context_check_names_file_row_and_column(tmp_path):
    rows = [
        ("44021", "", "2024-01", "I01", "4", "PCS"),  # row 2: fine
        ("44021", "", "2024-01", "I01", "4", "PCS"),  # row 3: same again: a warning
        ("44021", "", "2024-02", "I01", "4", "PCS"),  # rows 4 and 5: two values of one month
        ("44021", "", "2024-02", "I01", "5", "PCS"),
        ("99999", "", "2024-03", "I01", "2", "PCS"),  # row 6: 99999 does not exist
        ("44021", "", "2024-03", "I01R", "1,2", "PCS"),  # row 7: a rate
        ("44021", "", "2024-03", "I08N", "3", "PCS"),  # row 8: participants of a project
        ("44021", "", "2024-03", "I05", "30", "PCS"),  # row 9: a survey
        ("44021", "", "2024-03", "O04", "30", "PCS"),  # row 10: a project's work
        ("44021", "", "2024-03", "I1", "3", "PCS"),  # row 11: I01 mistyped
        ("44021", "", "2024-03", "I02", "-1", "PCS"),  # row 12: negative
        ("44021", "", "2024-13", "I02", "1", "PCS"),  # row 13: no such month
        ("11007", "", "2024-04", "I02", "1", ""),  # row 14: Borsbeek, since 2025 Antwerpen
        ("", "", "2024-05", "I02", "1", "PCS"),  # row 15: no municipality
    ]
    _xlsx(tmp_path / "ctx.xlsx", {"Contexte": [HEADER, *rows]})
    data = sk.load(tmp_path / "ctx.xlsx", lang="en")
    where = data.issues[["sheet", "row", "column", "check", "severity"]]
    got = {(r.check, r.row, r.column, r.severity) for r in where.itertuples()}
    assert set(where["sheet"]) == {"Contexte"}
    expected = {
        ("duplicate_exact", 3, "Waarde", "warning"),
        ("context_duplicate_conflict", 4, "Waarde", "error"),
        ("context_duplicate_conflict", 5, "Waarde", "error"),
        ("unknown_nis", 6, "NIS-code", "error"),
        ("context_rate_typed", 7, "Indicator", "error"),
        ("context_not_allowed", 8, "Indicator", "error"),
        ("context_not_allowed", 9, "Indicator", "error"),
        ("context_not_allowed", 10, "Indicator", "error"),
        ("unknown_indicator", 11, "Indicator", "error"),
        ("negative_count", 12, "Waarde", "error"),
        ("bad_period", 13, "Periode", "error"),
        ("merged_nis", 14, "NIS-code", "warning"),
        ("context_no_source", 14, "Bron", "warning"),
        ("missing_value", 15, "NIS-code", "error"),
    }
    assert got == expected, got - expected
    msg = data.issues.set_index(["check", "row"])["message"]
    assert "row 4 = 4 / row 5 = 5" in msg["context_duplicate_conflict", 4]
    assert "I01 / population" in msg["context_rate_typed", 7] and "count" in msg[
        "context_rate_typed", 7]  # fmt: skip
    assert "participants" in msg["context_not_allowed", 8]
    assert "project's work" in msg["context_not_allowed", 10]
    assert "I01?" in msg["unknown_indicator", 11]
    assert "'PCS federale politie'" in msg["context_no_source", 14]
    ctx = data.context.set_index("source_row")
    assert sorted(ctx.index) == [2, 14]
    assert ctx.loc[14, ["nis_code", "nis_code_registered"]].tolist() == ["11002", "11007"]


def test_a_file_without_a_source_column_gets_one_warning_per_file(tmp_path):
    _csv(tmp_path / "zonder_bron.csv", HEADER[:5], [r[:5] for r in (ROWS[0], ROWS[2])])
    for lang, header in (("nl", "Bron"), ("fr", "Source")):
        data = sk.load(tmp_path, lang=lang)
        warned = _checks(data, "context_no_source")
        assert warned[["file", "row", "column", "value"]].values.tolist() == [
            [str(tmp_path / "zonder_bron.csv"), 2, header, "2"]
        ]
        assert len(data.context) == 2


def test_a_registration_without_a_project_says_where_context_goes(tmp_path):
    _csv(tmp_path / "r.csv", REG_HEADER, [("", "44021", "2024-01", "I01", "3")])
    for lang, words in (("nl", "contextbestand zonder projectkolom"),
                        ("fr", "fichier de contexte à part, sans colonne projet"),
                        ("en", "context file without a project column")):  # fmt: skip
        missing = _checks(sk.load(tmp_path, lang=lang), "missing_value")
        assert missing[["row", "column"]].values.tolist() == [[2, "Project"]]
        assert words in missing["message"].iat[0]


def test_a_catalogue_of_ones_own_decides_its_context_indicators(tmp_path):
    from socprev_kit.data.catalogue import COLUMNS

    own = {c: "" for c in COLUMNS} | {
        "indicator_id": "X01", "type": "context", "kind": "registered", "name_nl": "Inbraken",
        "unit": "n", "value_type": "count", "frequency": "month", "aggregation": "sum",
        "direction": "down", "min_cell": "5", "context": "waar",
    }  # fmt: skip
    no = own | {"indicator_id": "X02", "context": ""}
    cat = tmp_path / "cat.csv"
    pd.DataFrame([own, no]).to_csv(cat, sep=";", index=False)
    (tmp_path / "d").mkdir()
    rows = [
        ("44021", "", "2024-01", "X01", "3", "eigen"),
        ("44021", "", "2024-01", "X02", "3", "x"),
    ]
    _csv(tmp_path / "d" / "c.csv", HEADER, rows)
    data = sk.load(tmp_path / "d", lang="en", catalogue=cat)
    assert data.context["indicator_id"].tolist() == ["X01"]
    assert _checks(data, "context_not_allowed")["row"].tolist() == [3]


def test_a_dataset_with_context_validates_again_the_same(tmp_path):
    _csv(tmp_path / "c.csv", HEADER, [ROWS[0], ("11007", "", "2024-01", "I02", "1", "PCS")])
    data = sk.load(tmp_path, lang="en")
    again = sk.validate(data, lang="en")
    cols = ["nis_code", "nis_code_registered", "period", "indicator_id", "value", "source"]
    assert again.context[cols].equals(data.context[cols])
    assert "merged_nis" in set(again.issues["check"])
    mapping = sk.validate({"context": data.context[cols[2:] + ["nis_code"]]}, lang="en")
    assert mapping.context["value"].tolist() == [12.0, 1.0]


# --- the intake store ----------------------------------------------------------------------------


def test_context_round_trip_through_the_store(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _csv(folder / "politie.csv", HEADER, [ROWS[0], ROWS[2]])
    _csv(folder / "registraties.csv", REG_HEADER, REG_ROWS)
    store = tmp_path / "s.duckdb"
    import_files([folder], store, validate=False)
    direct, stored = sk.load(folder, lang="en"), sk.load(store, lang="en")
    cols = ["nis_code", "period", "indicator_id", "value", "source", "source_row", "source_column"]
    assert stored.context[cols].equals(direct.context[cols])
    assert [Path(f).name for f in stored.context["source_file"]] == ["politie.csv"] * 2
    # a corrected figure supersedes the old one, which stays in the history
    _csv(folder / "politie.csv", HEADER, [ROWS[0][:4] + ("13", ROWS[0][5]), ROWS[2]])
    import_files([folder / "politie.csv"], store, validate=False)
    assert sk.load(store, lang="en").context["value"].tolist() == [13.0, 1204.0]
    gent = history(store, municipality="44021", indicator="I01")
    assert gent["value"].tolist() == [13.0, 12.0] and gent["current"].tolist() == [True, False]
    assert gent["project_id"].isna().all()


def test_a_store_made_by_the_previous_kit_opens_and_takes_context(tmp_path):
    """``store_v1.duckdb.gz``: a store of schema 1, made by socprev-kit before context data
    (commit b1181b1: ``import_files(["gent.csv"])``, two rows of GENT-SW, O05)."""
    store = tmp_path / "old.duckdb"
    with gzip.open(DATA / "stores" / "store_v1.duckdb.gz", "rb") as src, store.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    before = store.read_bytes()
    old = sk.load(store, lang="en")
    assert old.registrations["value"].tolist() == [1.0, 2.0] and old.context.empty
    assert len(history(store)) == 2
    assert store.read_bytes() == before  # read as it is, not changed by reading
    _csv(tmp_path / "politie.csv", HEADER, [ROWS[0]])
    import_files([tmp_path / "politie.csv"], store, validate=False)
    with duckdb.connect(str(store), read_only=True) as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    assert version == [("2",)]
    now = sk.load(store, lang="en")
    assert now.registrations["value"].tolist() == [1.0, 2.0]
    assert now.context["value"].tolist() == [12.0]
    assert not set(now.issues["check"]) & {"store_missing_part", "store_foreign_object"}


def test_project_work_without_a_project_column_is_a_registrations_file_missing_it(tmp_path):
    """O04 and O05 are a project's work: a file of them without a project column lost that
    column (one error naming it), it is no context data (no error per row)."""
    rows = [("45041", "", "2024-01", "O04", "48", ""), ("45041", "", "2024-01", "O05", "3", "")]
    _csv(tmp_path / "contacten.csv", HEADER, rows)
    for lang, column in (("nl", "Project"), ("fr", "Projet")):
        data = sk.load(tmp_path, lang=lang)
        errors = data.issues[data.issues["severity"] == "error"]
        assert errors[["check", "row", "column"]].values.tolist() == [["missing_column", 1, column]]
        assert data.context.empty and data.registrations.empty
