"""Reading the cells of xlsx workbooks within limits: the zip checked before opening, only the
cells that hold something kept, whatever range a sheet declares."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Font

from socprev_kit.data.formats.xlsx import OverLimit, check_archive, open_book, read_cells


def workbook(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def cells_of(path, title=None, top=None):
    book = open_book(path)
    try:
        sheet = next(s for s in book.sheets if title in (None, s.title))
        return read_cells(book, sheet, top)
    finally:
        book.close()


def test_a_part_over_the_size_limit_is_named_with_its_variable(tmp_path, monkeypatch):
    path = workbook(tmp_path / "w.xlsx", {"Data": [["a", "b"]] * 3000})
    check_archive(path)  # within the defaults
    monkeypatch.setenv("SOCPREV_LIMIT_XLSX_PART_MB", "0.05")
    with pytest.raises(OverLimit, match=r"xl/worksheets/sheet1.xml.*SOCPREV_LIMIT_XLSX_PART_MB"):
        check_archive(path)


def test_a_part_that_inflates_like_a_bomb_is_refused(tmp_path):
    path = workbook(tmp_path / "w.xlsx", {"Data": [["a"]]})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/blank.bin", b"\0" * 5_000_000)
    with pytest.raises(OverLimit, match=r"xl/media/blank.bin: x\d.*SOCPREV_LIMIT_XLSX_RATIO"):
        check_archive(path)


def test_too_many_sheets(tmp_path, monkeypatch):
    path = workbook(tmp_path / "w.xlsx", {f"S{i}": [["a"]] for i in range(4)})
    monkeypatch.setenv("SOCPREV_LIMIT_SHEETS", "3")
    with pytest.raises(OverLimit, match="4 sheets > 3 .SOCPREV_LIMIT_SHEETS"):
        check_archive(path)


def test_only_cells_that_hold_something_are_kept(tmp_path):
    path = workbook(tmp_path / "w.xlsx", {"Data": [["Project", "Waarde"], ["A", 1], [None, 2.5]]})
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    ws["XFD1048576"] = "far"
    ws["M500000"].font = Font(bold=True)  # styled, empty
    ws["C2"] = "=B2*2"  # a formula without a stored result
    ws["D3"] = dt.datetime(2024, 3, 1)
    ws.merge_cells("F1:H1")
    wb.save(path)
    cells = cells_of(path)
    assert cells.rows == {
        1: {0: "Project", 1: "Waarde"},
        2: {0: "A", 1: 1},
        3: {1: 2.5, 3: dt.datetime(2024, 3, 1)},
        1048576: {16383: "far"},
    }
    assert cells.formulas == {(2, 3): "=B2*2"}
    assert cells.merged == ["F1:H1"]
    assert cells.cells == 8  # seven values and a formula
    assert cells.row(3) == [None, 2.5, None, dt.datetime(2024, 3, 1)]


def test_the_declared_range_is_not_trusted(tmp_path):
    path = workbook(tmp_path / "w.xlsx", {"Data": [[i, i] for i in range(1, 11)]})
    wrong = tmp_path / "wrong.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(wrong, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:B10"', b'<dimension ref="A1:A2"')
            dst.writestr(info.filename, data)
    assert sorted(cells_of(wrong).rows) == list(range(1, 11))


def test_top_reads_only_the_first_rows_with_a_value(tmp_path):
    path = workbook(tmp_path / "w.xlsx", {"Data": [["t"], [], [], ["h"], ["x"], ["y"]]})
    assert sorted(cells_of(path, top=2).rows) == [1, 4]


def test_a_sheet_over_the_cell_limit_raises(tmp_path, monkeypatch):
    path = workbook(tmp_path / "w.xlsx", {"Data": [[1, 2, 3]] * 10})
    monkeypatch.setenv("SOCPREV_LIMIT_SHEET_CELLS", "20")
    with pytest.raises(OverLimit, match="SOCPREV_LIMIT_SHEET_CELLS"):
        cells_of(path)


def test_a_grid_far_wider_than_its_cells_raises(tmp_path, monkeypatch):
    path = workbook(tmp_path / "w.xlsx", {"Data": [[1]] * 10})
    cells = cells_of(path)
    assert cells.block(list(range(1, 11)), 3)[:, 0].tolist() == [1] * 10
    monkeypatch.setenv("SOCPREV_LIMIT_SHEET_CELLS", "2")
    with pytest.raises(OverLimit, match="SOCPREV_LIMIT_SHEET_CELLS"):
        cells.block(list(range(1, 11)), 3)


def test_hidden_and_chart_sheets(tmp_path):
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append([1])
    wb.create_sheet("Verborgen").sheet_state = "hidden"
    wb.create_sheet("Geheim").sheet_state = "veryHidden"
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_row=1))
    wb.create_chartsheet("Grafiek").add_chart(chart)
    wb.save(tmp_path / "w.xlsx")
    book = open_book(tmp_path / "w.xlsx")
    book.close()
    assert [(s.title, s.sheet_state) for s in book.sheets] == [
        ("Data", "visible"),
        ("Verborgen", "hidden"),
        ("Geheim", "veryHidden"),
    ]
