"""Reading real files: CSV dialects, xlsx layouts, Parquet, folders; provenance of every row."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from socprev_kit import load
from socprev_kit.data.reading import read_paths

ROWS = [("GENT-SW", "44021", "2023-01", "P04", "10,5"), ("GENT-SW", "44021", "2023-02", "P04", "3")]


def write_csv(path, header, rows, sep=";", encoding="utf-8", bom=False):
    lines = [sep.join(header)] + [sep.join(r) for r in rows]
    data = "\r\n".join(lines).encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.mark.parametrize(
    ("sep", "encoding", "bom"),
    [
        (";", "utf-8", False),
        (";", "utf-8", True),
        (";", "cp1252", False),
        (",", "utf-8", False),
        ("\t", "utf-8", False),
        ("|", "utf-8", False),
    ],
)
def test_csv_dialects_are_detected(tmp_path, sep, encoding, bom):
    header = ["project", "NIS-code", "période", "indicator", "waarde"]
    rows = ROWS if sep != "," else [r[:4] + (r[4].replace(",", "."),) for r in ROWS]
    path = write_csv(tmp_path / "r.csv", header, rows, sep=sep, encoding=encoding, bom=bom)
    raw = read_paths(path)
    assert [t.table for t in raw.tables] == ["registrations"]
    frame = raw.tables[0].frame
    assert frame["period"].tolist() == ["2023-01", "2023-02"]
    assert frame["source_row"].tolist() == [2, 3]
    assert raw.tables[0].headers["period"] == "période"


@pytest.mark.parametrize(
    ("header", "table"),
    [
        (["project", "NIS-code", "période", "indicator", "waarde"], "registrations"),
        (["NIS-code", "période", "indicator", "waarde", "bron"], "context"),
        (["code INS", "commune", "période", "indicateur", "valeur", "source"], "context"),
    ],
)
def test_a_file_without_a_project_column_is_context(tmp_path, header, table):
    """Registrations without their project column are context data (police statistics,
    Statbel figures): tests/test_context_data.py."""
    rows = [("GENT-SW", "44021", f"2023-0{m}", "I01", f"{v}") for m, v in ((1, 10), (2, 3))]
    if table == "context":
        rows = [(*r[1:], "PCS") for r in rows]
    if "commune" in header:
        rows = [(r[0], "Gand", *r[1:]) for r in rows]
    raw = read_paths(write_csv(tmp_path / "r.csv", header, rows))
    assert [t.table for t in raw.tables] == [table]
    data = load(tmp_path / "r.csv", lang="en")
    got = data.context if table == "context" else data.registrations
    assert got["period"].tolist() == ["2023-01", "2023-02"] and got["value"].tolist() == [10, 3]


def test_windows_1252_accents_survive(tmp_path):
    header = ["projet", "code INS", "période", "indicateur", "valeur", "remarque"]
    rows = [("LGE-1", "62063", "2023-01", "I01", "4", "été très calme à Liège")]
    path = write_csv(tmp_path / "fr.csv", header, rows, encoding="cp1252")
    data = load(path, lang="fr")
    assert data.registrations["note"].iat[0] == "été très calme à Liège"
    assert "encoding_guess" in set(data.issues["check"])


def test_xlsx_with_title_rows_and_dutch_headers(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Registraties"
    ws.append(["Registratie drugoverlast Gent 2023"])
    ws.append([])
    ws.append(["Project", "NIS-code", "Periode", "Indicator", "Waarde", "Opmerking"])
    ws.append(["GENT-SW", 44021, "2023-01", "I01", 7, "ok"])
    ws.append(["GENT-SW", 44021, "2023-02", "I01", 8, None])
    ws.append([None] * 6)  # a trailing blank row is not data
    wb.save(tmp_path / "gent.xlsx")
    data = load(tmp_path / "gent.xlsx")
    regs = data.registrations
    assert regs["source_row"].tolist() == [4, 5]
    assert regs["source_sheet"].unique().tolist() == ["Registraties"]
    assert regs["value"].tolist() == [7.0, 8.0]
    assert regs["nis_code"].tolist() == ["44021", "44021"]
    assert regs["source_column"].tolist() == ["E", "E"]  # the cells E4 and E5 hold the values


def test_every_registration_names_the_cell_of_its_value() -> None:
    """``source_column`` and ``source_row`` are the cell a person opens: in a registration
    workbook of the sample data (the template, one column per month) the cell holds the value,
    in a CSV the field of that column and line."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "sample_data" / "clean"
    regs = load(root).registrations
    xlsx = regs[regs["source_file"].str.endswith("44021_2024.xlsx")].sample(50, random_state=1)
    assert set(xlsx["source_column"]) > {"G"}  # months in several columns, not one value column
    ws = openpyxl.load_workbook(root / "registrations_44021_2024.xlsx", data_only=True)
    cells = zip(xlsx["source_sheet"], xlsx["source_column"], xlsx["source_row"], strict=True)
    for (sheet, column, row), value in zip(cells, xlsx["value"], strict=True):
        assert float(ws[sheet][f"{column}{row}"].value) == value
    csv = regs[regs["source_file"].str.endswith("31005.csv")].sample(20, random_state=1)
    lines = (root / "registrations_31005.csv").read_text(encoding="utf-8-sig").splitlines()
    sep = ";" if ";" in lines[0] else ","
    for column, row, value in zip(csv["source_column"], csv["source_row"], csv["value"],
                                  strict=True):  # fmt: skip
        field = lines[row - 1].split(sep)[ord(column) - ord("A")]
        assert float(field.replace(",", ".")) == value


def test_parquet_and_folder(tmp_path):
    frame = pd.DataFrame(
        {
            "project_id": ["BXL-1"] * 2,
            "nis_code": ["21004"] * 2,
            "period": ["2023-01", "2023-02"],
            "indicator_id": ["I02"] * 2,
            "value": [3, 0],
        }
    )
    (tmp_path / "sub").mkdir()
    frame.to_parquet(tmp_path / "sub" / "bxl.parquet")
    write_csv(
        tmp_path / "gent.csv", ["project", "NIS-code", "periode", "indicator", "waarde"], ROWS
    )
    (tmp_path / "README.md").write_text("not data")
    (tmp_path / "~$gent.xlsx").write_bytes(b"lock file of an open workbook")
    data = load(tmp_path)
    assert sorted(data.registrations["nis_code"].unique()) == ["21004", "44021"]
    assert len(data.files) == 2
    assert not (data.issues["severity"] == "error").any(), data.issues


def test_municipality_names_instead_of_codes(tmp_path):
    header = ["project", "gemeente", "periode", "indicator", "waarde"]
    rows = [("P", "Sint-Niklaas", "2023-01", "I01", "2"), ("P", "Anvers", "2023-01", "I01", "5")]
    data = load(write_csv(tmp_path / "names.csv", header, rows))
    assert data.registrations["nis_code"].tolist() == ["46021", "11002"]


def test_explicit_file_of_unsupported_type_is_reported(tmp_path):
    p = tmp_path / "data.docx"
    p.write_bytes(b"PK\x03\x04")
    data = load(p)
    assert data.issues["check"].tolist() == ["unsupported_file"]
    assert data.issues["file"].iat[0] == str(p)


def test_missing_file_is_reported_not_raised(tmp_path):
    data = load(tmp_path / "nope.csv")
    assert data.issues["check"].tolist() == ["unreadable_file"]


# --- which files are read (socprev_kit.data.files) ---------------------------------------------

HEAD = ("project", "NIS-code", "periode", "indicator", "waarde")


def _folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write_csv(data / "regs.csv", HEAD, ROWS)
    return data


def _checks(result) -> dict[str, str]:
    return {i["check"]: i["file"] for i in result.issues}


def _no_hang(seconds: int = 20):
    """Fail, instead of hanging the test run, if something opens a named pipe for reading."""
    import signal

    def fail(*_):
        raise AssertionError("blocked: a named pipe was opened")

    signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)


def test_special_files_are_refused_without_being_opened(tmp_path):
    import os
    import signal
    import stat

    data = _folder(tmp_path)
    os.mkfifo(data / "pipe.csv")
    os.mknod(data / "sock.xlsx", 0o600 | stat.S_IFSOCK)
    (data / "zero.csv").symlink_to("/dev/zero")
    _no_hang()
    try:
        result = read_paths([data, data / "pipe.csv"])
    finally:
        signal.alarm(0)
    refused = [(i["file"], i["check"], i["hint"]) for i in result.issues]
    assert sorted(refused) == [
        (str(data / "pipe.csv"), "not_regular_file", "FIFO"),
        (str(data / "pipe.csv"), "not_regular_file", "FIFO"),
        (str(data / "sock.xlsx"), "not_regular_file", "socket"),
        (str(data / "zero.csv"), "not_regular_file", "device"),
    ]
    assert [(t.file, len(t)) for t in result.tables] == [(str(data / "regs.csv"), 2)]
    issues = load(data, lang="fr").issues.set_index("check")
    assert "n'est pas lu" in issues.loc["not_regular_file", "message"].iat[0]


def test_bytes_on_disk_over_the_limit_are_not_read(tmp_path, monkeypatch):
    data = _folder(tmp_path)
    with (data / "huge.csv").open("wb") as fh:
        fh.truncate(300 * 1024**2)  # sparse: no disk used, over the 64 MB default
    result = read_paths(data)
    assert _checks(result) == {"file_too_large": str(data / "huge.csv")}
    assert result.issues[0]["value"] == "300.0" and result.issues[0]["hint"] == "64"
    monkeypatch.setenv("SOCPREV_LIMIT_FILE_MB", "400")
    monkeypatch.setenv("SOCPREV_LIMIT_TOTAL_MB", "400")
    assert _checks(read_paths(data)).get("file_too_large") is None  # read (and found empty)
    monkeypatch.setenv("SOCPREV_LIMIT_FILE_MB", "0,00001")
    issues = load(data / "regs.csv", lang="nl").issues.set_index("check")
    assert issues.loc["file_too_large", "file"] == str(data / "regs.csv")
    assert "SOCPREV_LIMIT_FILE_MB" in issues.loc["file_too_large", "message"]


def test_links_that_leave_the_data_folder_are_not_followed(tmp_path):
    data = _folder(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    write_csv(outside / "secret.csv", HEAD, ROWS)
    (data / "secret.csv").symlink_to(outside / "secret.csv")
    (data / "far").symlink_to(outside, target_is_directory=True)
    (data / "same.csv").symlink_to("regs.csv")  # inside the folder: read as any file
    result = read_paths(data)
    far = {(i["file"], i["value"]) for i in result.issues if i["check"] == "link_outside_folder"}
    assert far == {
        (str(data / "far"), str(outside)),
        (str(data / "secret.csv"), str(outside / "secret.csv")),
    }
    assert sorted(t.file for t in result.tables) == [str(data / "regs.csv"), str(data / "same.csv")]
    assert (
        load(data).issues.set_index("check").loc["link_outside_folder", "severity"].iat[0]
        == "warning"
    )
    # named on the command line, a link is the user's choice
    assert [t.file for t in read_paths(data / "secret.csv").tables] == [str(data / "secret.csv")]
    from socprev_kit.data.reading import data_files, input_hash

    assert [rel for rel, _ in data_files(data)] == ["regs.csv", "same.csv"]
    (outside / "secret.csv").write_text("changed")
    assert input_hash(data) == input_hash(data)


def test_a_name_that_is_not_utf8_is_read_and_shown_with_escapes(tmp_path):
    import os

    data = tmp_path / "data"
    data.mkdir()
    name = os.fsencode(data) + b"/regs\xe9.csv"
    with open(name, "wb") as fh:
        fh.write("\r\n".join([";".join(HEAD), "GENT-SW;44021;2023-01;P04;twee"]).encode())
    shown = str(data / "regs\\xe9.csv")
    data_set = load(data)
    bad = data_set.issues.query("check == 'bad_number'")
    assert (bad["file"].tolist(), bad["row"].tolist()) == ([shown], [2])
    assert data_set.files["file"].tolist() == [shown]
    shown.encode("utf-8")  # printable, writable


# --- issue 14: workbooks of any layout --------------------------------------------------------

NL_HEAD = ["Project", "NIS-code", "Periode", "Indicator", "Waarde"]


def _xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def test_xlsx_header_found_low_down_in_the_sheet(tmp_path):
    body = [["Registratie straathoekwerk"], ["bron: eigen telling"], *[[]] * 40, NL_HEAD, *ROWS]
    data = load(_xlsx(tmp_path / "r.xlsx", {"Data": body}), lang="en")
    assert data.registrations["source_row"].tolist() == [44, 45]


def test_xlsx_two_tables_in_one_sheet_are_both_read(tmp_path):
    second = [("Période", "Projet", "Code INS", "Indicateur", "Valeur")]
    second += [(r[2], "GENT-B", r[1], r[3], r[4]) for r in ROWS]
    path = _xlsx(tmp_path / "r.xlsx", {"Data": [NL_HEAD, *ROWS, (), *second]})
    data = load(path, lang="en")
    got = data.registrations.sort_values("source_row")
    assert got["source_row"].tolist() == [2, 3, 6, 7]
    assert got["project_id"].astype(str).tolist() == ["GENT-SW", "GENT-SW", "GENT-B", "GENT-B"]
    assert got["period"].astype(str).tolist() == ["2023-01", "2023-02"] * 2


def test_xlsx_far_cell_is_named_and_every_row_kept(tmp_path):
    path = _xlsx(tmp_path / "r.xlsx", {"Data": [NL_HEAD, *ROWS]})
    wb = openpyxl.load_workbook(path)
    wb["Data"]["XFD1048576"] = "x"
    wb.save(path)
    data = load(path, lang="en")
    assert data.registrations["source_row"].tolist() == [2, 3]
    far = data.issues[data.issues["check"] == "unnamed_column"]
    assert far[["row", "column"]].values.tolist() == [[1, "XFD"]]


def test_xlsx_over_a_limit_is_refused_whole_naming_the_limit(tmp_path, monkeypatch):
    path = _xlsx(tmp_path / "r.xlsx", {"Klein": [NL_HEAD, *ROWS], "Groot": [NL_HEAD, *ROWS * 5]})
    monkeypatch.setenv("SOCPREV_LIMIT_SHEET_CELLS", "20")
    data = load(path, lang="en")
    assert set(data.registrations["source_sheet"]) == {"Klein"}
    over = data.issues[data.issues["check"] == "sheet_over_limit"]
    assert over["sheet"].tolist() == ["Groot"]
    assert "SOCPREV_LIMIT_SHEET_CELLS" in over["message"].iat[0]
    monkeypatch.setenv("SOCPREV_LIMIT_SHEETS", "1")
    issues = load(path, lang="nl").issues
    assert issues["check"].tolist()[:1] == ["xlsx_over_limit"]
    assert "SOCPREV_LIMIT_SHEETS" in issues["message"].iat[0]


def test_xlsx_periods_as_serials_dates_and_times(tmp_path):
    import datetime as dt

    rows = [
        ("GENT-SW", 44021.0, 45292, "P04", 1),
        ("GENT-SW", 44021.0, dt.datetime(2024, 2, 1), "P04", 2),
        ("GENT-SW", 44021.0, dt.time(1, 30), "P04", 3),
        ("GENT-SW", 44021.0, dt.datetime(9999, 12, 1), "P04", 4),
    ]
    data = load(_xlsx(tmp_path / "r.xlsx", {"Data": [NL_HEAD, *rows]}), lang="en")
    assert data.registrations["period"].astype(str).tolist() == ["2024-01", "2024-02"]
    assert data.registrations["nis_code"].astype(str).tolist() == ["44021"] * 2
    bad = data.issues[data.issues["check"] == "bad_period"]
    assert bad["row"].tolist() == [4, 5]
