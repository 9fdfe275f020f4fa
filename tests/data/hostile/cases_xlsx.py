"""Workbooks (xlsx) and dates: compression bombs, far cells, whole-sheet merges, a wrong declared
range, a broken copy of the kit's own template, headers low down, two tables in one sheet,
periods as Excel serial numbers, dates in year 9999, a truncated catalogue workbook."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from . import FR_HEAD, NL_HEAD, Built, Row, case, csv_text, registrations

PROJECT_HEAD = ["Project", "Naam", "Type project", "Trekkende gemeente", "Startdatum", "Einddatum"]


def _workbook(path: Path, sheets: dict[str, list[list]]) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)


def _rows(file: str, sheet: str, first: int, n: int) -> frozenset[Row]:
    return frozenset((file, sheet, first + i) for i in range(n))


def _patch(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one part of a zip (the rest copied as it is)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, change(data) if info.filename == part else data)
    tmp.replace(path)


def _bomb(path: Path, part: str, head: bytes, tail: bytes, gb: float = 1.2) -> None:
    """Replace ``part`` by ``head`` + ``gb`` GB of one letter + ``tail``, deflated (a few MB)."""
    tmp = path.with_suffix(".tmp")
    chunk = b"A" * (64 << 20)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != part:
                dst.writestr(info.filename, src.read(info.filename))
                continue
            with dst.open(part, "w", force_zip64=True) as out:
                out.write(head)
                for _ in range(int(gb * 1024**3) // len(chunk)):
                    out.write(chunk)
                out.write(tail)
    tmp.replace(path)


def _clean(folder: Path, name: str = "data.xlsx") -> Path:
    path = folder / name
    _workbook(path, {"Data": [NL_HEAD, *registrations(12)]})
    return path


# --- resources -----------------------------------------------------------------------------------


@case("xlsx_bomb_sheet", exit=2, checks=frozenset({"xlsx_over_limit"}), usable=0)
def bomb_sheet(folder: Path) -> Built:
    """A sheet whose XML inflates to 1.2 GB (one cell of text): refused before it is opened."""
    path = _clean(folder)
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    cut = xml.index(b"</sheetData>")
    cell = b'<row r="20"><c r="A20" t="inlineStr"><is><t>'
    _bomb(path, "xl/worksheets/sheet1.xml", xml[:cut] + cell, b"</t></is></c></row>" + xml[cut:])
    return Built("data.xlsx", _rows("data.xlsx", "Data", 2, 12))


_MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _shared_strings_xlsx(path: Path, rows: list[list], first: bytes = b"") -> None:
    """A workbook of one sheet ``Data`` whose text cells are in a shared-strings table (as
    Excel writes them); ``first`` is string 0 of the table (no cell uses it)."""
    strings: dict[str, int] = {}
    body = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            if isinstance(v, str) and v:
                k = strings.setdefault(v, len(strings) + 1)
                cells.append(f'<c r="{ref}" t="s"><v>{k}</v></c>')
            elif v not in (None, ""):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
        body.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = f"<worksheet {_MAIN.decode()}><sheetData>{''.join(body)}</sheetData></worksheet>"
    sst = "".join(f"<si><t>{t}</t></si>" for t in strings)
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
        "</Types>",
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook {_MAIN.decode()} xmlns:r="{_REL}"><sheets><sheet '
        'name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships"><Relationship Id="rId1" Type="{_REL}/worksheet" '
        f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_REL}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": f"<sst {_MAIN.decode()}><si><t>x</t></si>{sst}</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)


@case("xlsx_shared_strings_reference", exit=0, usable=12)
def shared_strings(folder: Path) -> Built:
    """The workbook the shared-strings bomb starts from, as Excel writes it: all read."""
    _shared_strings_xlsx(folder / "data.xlsx", [NL_HEAD, *registrations(12)])
    return Built("data.xlsx", _rows("data.xlsx", "Data", 2, 12))


@case("xlsx_bomb_shared_strings", exit=2, checks=frozenset({"xlsx_over_limit"}), usable=0)
def bomb_strings(folder: Path) -> Built:
    """A shared-strings table whose first string inflates to 1.2 GB: refused before it is
    opened."""
    path = folder / "data.xlsx"
    _shared_strings_xlsx(path, [NL_HEAD, *registrations(12)])
    with zipfile.ZipFile(path) as z:
        sst = z.read("xl/sharedStrings.xml")
    cut = sst.index(b"<si><t>x</t></si>")
    head, tail = sst[:cut] + b"<si><t>", sst[cut + len(b"<si><t>x") :]
    _bomb(path, "xl/sharedStrings.xml", head, tail)
    return Built("data.xlsx", _rows("data.xlsx", "Data", 2, 12))


@case("xlsx_far_value", exit=0, usable=12)
def far_value(folder: Path) -> Built:
    """One value in the last cell of the sheet (XFD1048576): the 12 rows read, the far cell
    named; not a grid of 17 billion cells."""
    import openpyxl

    path = _clean(folder)
    wb = openpyxl.load_workbook(path)
    wb["Data"]["XFD1048576"] = "x"
    wb.save(path)
    return Built("data.xlsx", _rows("data.xlsx", "Data", 2, 12))


@case("xlsx_styled_far_cells", exit=0, usable=12)
def styled_far(folder: Path) -> Built:
    """Empty cells with a style at the far ends of the sheet (column XFD, row 1048576)."""
    import openpyxl
    from openpyxl.styles import Font

    path = _clean(folder)
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    for ref in ("XFD1", "A1048576", "XFD1048576", "M500000"):
        ws[ref].font = Font(bold=True)
    wb.save(path)
    return Built("data.xlsx", _rows("data.xlsx", "Data", 2, 12))


@case("xlsx_merge_whole_sheet", exit=0, usable=12)
def merge_whole(folder: Path) -> Built:
    """A merge over the whole sheet right of the table (H1:XFD1048576)."""
    path = _clean(folder)
    merge = b'<mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells>'
    _patch(
        path,
        "xl/worksheets/sheet1.xml",
        lambda x: x.replace(b"</sheetData>", b"</sheetData>" + merge),
    )
    return Built("data.xlsx", _rows("data.xlsx", "Data", 2, 12))


@case("xlsx_wrong_dimension", exit=0, usable=12)
def wrong_dimension(folder: Path) -> Built:
    """A sheet that declares A1:F3 but holds 13 rows, in a workbook over 5 MB (read in the
    streaming mode, which trusted the declared range)."""
    path = _clean(folder)
    _patch(
        path,
        "xl/worksheets/sheet1.xml",
        lambda x: re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:F3"/>', x),
    )
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as z:
        z.writestr("docProps/padding.bin", os.urandom(6_000_000))
    return Built("data.xlsx", _rows("data.xlsx", "Data", 2, 12))


@case(
    "xlsx_too_many_sheets",
    exit=2,
    checks=frozenset({"xlsx_over_limit"}),
    env={"SOCPREV_LIMIT_SHEETS": "5"},
    says=("SOCPREV_LIMIT_SHEETS",),
)
def many_sheets(folder: Path) -> Built:
    """Six sheets where the limit is five: the workbook refused, naming the limit."""
    body = [NL_HEAD, *registrations(2)]
    _workbook(folder / "data.xlsx", {f"Blad{i}": body for i in range(1, 7)})
    return Built(
        "data.xlsx", frozenset(r for i in range(1, 7) for r in _rows("data.xlsx", f"Blad{i}", 2, 2))
    )


@case(
    "xlsx_sheet_over_cell_limit",
    exit=1,
    checks=frozenset({"sheet_over_limit"}),
    usable=12,
    env={"SOCPREV_LIMIT_SHEET_CELLS": "100"},
)
def sheet_cells(folder: Path) -> Built:
    """A sheet of 240 filled cells where the limit is 100: that sheet refused, the other read."""
    _workbook(
        folder / "data.xlsx",
        {"Klein": [NL_HEAD, *registrations(12)], "Groot": [NL_HEAD, *registrations(40, "B")]},
    )
    rows = _rows("data.xlsx", "Klein", 2, 12) | _rows("data.xlsx", "Groot", 2, 40)
    return Built("data.xlsx", rows)


# --- the kit's own template, broken --------------------------------------------------------------


def _template(folder: Path) -> tuple[Path, frozenset[Row]]:
    """The kit's registration workbook for Gent (2024) with three months typed for each
    registered indicator row."""
    import openpyxl

    from socprev_kit.registration.workbook.write import write_template

    path = folder / "gent.xlsx"
    write_template(path, nis_code="44021", lang="nl", year=2024)
    wb = openpyxl.load_workbook(path)
    ws = wb["Registraties"]
    rows = set()
    for r in range(4, ws.max_row + 1):
        if not ws.cell(r, 1).value or any(
            isinstance(ws.cell(r, c).value, str) for c in range(7, 10)
        ):
            continue  # a derived row (formulas) or no row
        for c in range(7, 10):
            ws.cell(r, c).value = r + c
        rows.add(("gent.xlsx", "Registraties", r))
    wb.save(path)
    return path, frozenset(rows)


@case("xlsx_template_far_cell", exit=1)
def template_far(folder: Path) -> Built:
    """The kit's template, filled in, with a styled empty cell at XFD1048576 of the
    registration sheet: `validate` ran for minutes."""
    import openpyxl
    from openpyxl.styles import Font

    path, rows = _template(folder)
    wb = openpyxl.load_workbook(path)
    wb["Registraties"]["XFD1048576"].font = Font(bold=True)
    wb.save(path)
    return Built("gent.xlsx", rows)


@case("xlsx_template_merged_and_moved", exit=1)
def template_merged(folder: Path) -> Built:
    """The kit's template, filled in, its header moved down by two rows, an instructions sheet
    renamed and a merge over the rest of the registration sheet."""
    import openpyxl

    path, rows = _template(folder)
    wb = openpyxl.load_workbook(path)
    ws = wb["Registraties"]
    ws.insert_rows(1, 2)
    wb["Instructies"].title = "Uitleg"
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        part = next(
            n
            for n in z.namelist()
            if n.startswith("xl/worksheets/sheet") and b"2024-01" in z.read(n)
        )
    merge = b'<mergeCell ref="A2000:XFD1048576"/>'

    def add(xml: bytes) -> bytes:
        if b"<mergeCells" in xml:
            return re.sub(rb"(<mergeCells[^>]*>)", rb"\1" + merge, xml)
        return xml.replace(b"</sheetData>", b"</sheetData><mergeCells>" + merge + b"</mergeCells>")

    _patch(path, part, add)
    return Built("gent.xlsx", frozenset((f, s, r + 2) for f, s, r in rows))


# --- odd layouts ---------------------------------------------------------------------------------


@case("xlsx_header_low_down", exit=0, usable=12)
def header_low(folder: Path) -> Built:
    """A title, notes and the header on row 40 of the sheet."""
    body: list[list] = [["Registraties straathoekwerk Ronse"], ["Bron: eigen telling"]]
    body += [[]] * 37 + [NL_HEAD, *registrations(12)]
    _workbook(folder / "data.xlsx", {"Data": body})
    return Built("data.xlsx", _rows("data.xlsx", "Data", 41, 12))


@case("xlsx_two_tables_in_one_sheet", exit=0, usable=24)
def two_tables(folder: Path) -> Built:
    """Two tables one below the other, the second with French headers in another order."""
    second = [[r[2], r[0], r[1], r[3], r[4], r[5]] for r in registrations(12, "RONSE-B")]
    head = [FR_HEAD[2], FR_HEAD[0], FR_HEAD[1], FR_HEAD[3], FR_HEAD[4], FR_HEAD[5]]
    body = [NL_HEAD, *registrations(12), [], head, *second]
    _workbook(folder / "data.xlsx", {"Data": body})
    return Built(
        "data.xlsx", _rows("data.xlsx", "Data", 2, 12) | _rows("data.xlsx", "Data", 16, 12)
    )


# --- dates ---------------------------------------------------------------------------------------


@case("xlsx_serial_periods_float_codes", exit=1, checks=frozenset({"bad_period"}), usable=12)
def serial_periods(folder: Path) -> Built:
    """Periods as Excel serial numbers, as date cells and as a time cell; NIS codes as floats
    (45041.0). The time cell ("unexpected error") is named; the rest is read."""
    import openpyxl

    rows = registrations(14)
    for i, r in enumerate(rows):
        r[1] = 45041.0
        month = i // 4 + 1
        r[2] = dt.datetime(2024, month, 1) if i % 2 else 45292 + 31 * (month - 1)
    rows[12][2], rows[13][2] = dt.time(0, 0), dt.timedelta(days=-1, hours=3)
    _workbook(folder / "data.xlsx", {"Data": [NL_HEAD, *rows]})
    wb = openpyxl.load_workbook(folder / "data.xlsx")
    wb["Data"]["C15"].number_format = "[h]:mm"
    wb.save(folder / "data.xlsx")
    return Built("data.xlsx", _rows("data.xlsx", "Data", 2, 14))


@case("xlsx_absurd_dates", exit=1, checks=frozenset({"bad_period"}), usable=10)
def absurd_dates(folder: Path) -> Built:
    """Periods as date cells in year 9999 and year 1, and a negative serial: each named."""
    rows = registrations(13)
    rows[10][2] = dt.datetime(9999, 12, 1)
    rows[11][2] = dt.datetime(1, 1, 1)
    rows[12][2] = -45292
    _workbook(folder / "data.xlsx", {"Data": [NL_HEAD, *rows]})
    return Built("data.xlsx", _rows("data.xlsx", "Data", 2, 13))


def _project(end: object) -> list:
    return ["RONSE-SHW", "Straathoekwerk", "street_work", 45041, dt.datetime(2023, 1, 1), end]


@case("xlsx_project_ends_in_9999", exit=0, usable=12)
def project_9999(folder: Path) -> Built:
    """A project whose end date is 31/12/9999 (a date cell), the usual "no end": an open end,
    not an unexpected error."""
    _workbook(
        folder / "data.xlsx",
        {
            "Projecten": [PROJECT_HEAD, _project(dt.datetime(9999, 12, 31))],
            "Registraties": [NL_HEAD, *registrations(12)],
        },
    )
    rows = _rows("data.xlsx", "Registraties", 2, 12) | {("data.xlsx", "Projecten", 2)}
    return Built("data.xlsx", frozenset(rows))


@case("xlsx_csv_project_ends_31_12_9999", exit=1, checks=frozenset({"bad_date"}), usable=12)
def project_9999_csv(folder: Path) -> Built:
    """Projects in a CSV: one ends 31/12/9999 (open end, fine), one 01/01/3000 (named)."""
    data = folder / "data"
    data.mkdir()
    text = csv_text(
        PROJECT_HEAD,
        [
            ["RONSE-SHW", "Straathoekwerk", "street_work", "45041", "01/01/2023", "31/12/9999"],
            ["RONSE-B", "Preventie", "street_work", "45041", "01/01/2023", "01/01/3000"],
        ],
    )
    (data / "projects.csv").write_text(text, encoding="utf-8")
    (data / "regs.csv").write_text(csv_text(NL_HEAD, registrations(12)), encoding="utf-8")
    rows = {("data/projects.csv", "", 2), ("data/projects.csv", "", 3)}
    rows |= {("data/regs.csv", "", 2 + i) for i in range(12)}
    return Built("data", frozenset(rows))


@case(
    "xlsx_truncated_catalogue",
    exit=2,
    argv=("validate", "{path}", "--lang", "en", "--catalogue", "{dir}/own.xlsx"),
    says=("own.xlsx",),
)
def truncated_catalogue(folder: Path) -> Built:
    """`validate --catalogue` with a catalogue workbook cut off half way: a clear message
    naming the file, exit 2."""
    _clean(folder)
    _workbook(folder / "full.xlsx", {"Indicators": [["indicator_id", "name_nl"], ["X01", "Eigen"]]})
    raw = (folder / "full.xlsx").read_bytes()
    (folder / "own.xlsx").write_bytes(raw[: len(raw) // 2])
    (folder / "full.xlsx").unlink()
    return Built("data.xlsx")
