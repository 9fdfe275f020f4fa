"""The sheets around the registration sheet: instructions, project, objectives, code lists.

Also the cell helpers every sheet uses: user text is always written as text (never a formula),
headers and locked cells look the same everywhere.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ...common.exports import put_cell
from ...data.catalogue import code_labels
from ...data.formats import registration_layout as layout
from . import texts


def put(ws, row: int, col: int, value: object):  # noqa: ANN001, ANN201 - openpyxl objects
    """Write ``value`` by :func:`socprev_kit.common.exports.put_cell`: user text is always text,
    never a
    formula, whatever it starts with."""
    return put_cell(ws, row, col, value)


def style_header(cells) -> None:  # noqa: ANN001 - openpyxl cells
    from openpyxl.styles import Alignment, Font, PatternFill

    for cell in cells:
        cell.font = Font(bold=True, color=layout.HEADER_FONT)
        cell.fill = PatternFill("solid", fgColor=layout.HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def fill(color: str, pattern: str = "solid"):  # noqa: ANN201
    from openpyxl.styles import PatternFill

    return PatternFill(pattern, fgColor=color, bgColor="FFFFFF" if pattern != "solid" else color)


def border():  # noqa: ANN201
    """A thin grey border around a cell, so the sheet reads as a form on paper too."""
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color=layout.BORDER)
    return Border(left=side, right=side, top=side, bottom=side)


def unlock(cell) -> None:  # noqa: ANN001
    from openpyxl.styles import Protection

    cell.protection = Protection(locked=False)


def protect(ws) -> None:  # noqa: ANN001
    """Sheet protection without a password; columns and rows may still be resized."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def print_setup(ws, footer: str, page: str, title_rows: str) -> None:  # noqa: ANN001
    """Landscape A4, one page wide, header rows on every page, footer with ``footer`` and the
    page number."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.left.text = footer.replace("&", "&&")
    ws.oddFooter.right.text = page


def write_lists(wb, lang: str, lists: list[str]) -> dict[str, str]:  # noqa: ANN001
    """The hidden sheet of code lists: per list, its codes and labels in two columns. Returns
    ``{list: absolute range of its codes}`` for the drop-downs."""
    from openpyxl.utils import get_column_letter

    title = layout.SHEETS[lang]["lists"]
    ws = wb.create_sheet(title)
    refs = {}
    for k, name in enumerate(lists):
        col = 2 * k + 1
        labels = code_labels(name, lang)
        put(ws, 1, col, name)
        put(ws, 1, col + 1, texts.WORDS[lang]["meaning"])
        for i, (code, label) in enumerate(labels.items(), start=2):
            put(ws, i, col, code)
            put(ws, i, col + 1, label)
        letter = get_column_letter(col)
        refs[name] = f"'{title}'!${letter}$2:${letter}${len(labels) + 1}"
    ws.sheet_state = "hidden"
    protect(ws)
    return refs


def _dropdown(ws, ref: str, prompt: str, lang: str, *, strict: bool = True):  # noqa: ANN001, ANN202
    from openpyxl.worksheet.datavalidation import DataValidation

    words = texts.WORDS[lang]
    dv = DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=strict)
    dv.errorTitle, dv.error = words["list_title"], prompt
    dv.promptTitle, dv.prompt, dv.showInputMessage = words["list_title"], prompt, True
    ws.add_data_validation(dv)
    return dv


def _cell_value(value: object) -> object:
    """A table value as a cell: lists joined by ``;``, dates as dates, blanks as None."""
    if isinstance(value, tuple | list):
        return ";".join(map(str, value)) or None
    if value is None or value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, dt.date):
        return value.item()  # NumPy scalars
    return value


def write_table(
    wb,  # noqa: ANN001
    lang: str,
    sheet: str,
    frame: pd.DataFrame,
    headers: dict[str, str],
    open_columns: tuple[str, ...],
    dropdowns: dict[str, str],
    refs: dict[str, str],
    footer: str,
    notes: dict[str, str] | None = None,
):  # noqa: ANN201 - the worksheet
    """The project or objectives sheet: one header row, the rows of ``frame``, locked except the
    ``open_columns``; drop-downs from the code lists; dates as dd/mm/yyyy; ``notes`` (indicator
    id -> its name and definition) as comments on the indicator cells."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(layout.SHEETS[lang][sheet])
    words = texts.WORDS[lang]
    columns = list(headers)
    for j, c in enumerate(columns, start=1):
        put(ws, 1, j, headers[c])
    style_header(ws[1])
    last = max(len(frame) + 1, 20)  # room to add rows
    lines = [1] * (len(frame) + 2)
    for j, c in enumerate(columns, start=1):
        letter = get_column_letter(j)
        texts_in = [str(headers[c])] + [str(_cell_value(v) or "") for v in frame[c]]
        width = min(max(10, *map(len, texts_in)) + 2, 48)
        ws.column_dimensions[letter].width = width
        for i, v in enumerate(frame[c], start=2):
            cell = put(ws, i, j, _cell_value(v))
            cell.fill = fill(layout.INPUT_FILL if c in open_columns else layout.FIXED_FILL)
            cell.border = border()
            centre = "center" if c.endswith("_period") else None
            cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal=centre)
            if c == "indicator_id" and notes and cell.value in notes:
                cell.comment = Comment(notes[cell.value], "socprev-kit", width=320, height=140)
            lines[i] = max(lines[i], -(-len(texts_in[i - 1]) // int(width * 1.05)))
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "DD/MM/YYYY"
        for i in range(2, last + 1):
            if c in open_columns or i > len(frame) + 1:
                unlock(ws.cell(i, j))
        if c in dropdowns:
            prompt = words["types" if c == "project_types" else "list"].format(
                sheet=layout.SHEETS[lang]["instructions"]
            )
            dv = _dropdown(ws, refs[dropdowns[c]], prompt, lang, strict=c != "project_types")
            dv.add(f"{letter}2:{letter}{last}")
    for i, n in enumerate(lines):
        if n > 1:
            ws.row_dimensions[i].height = 15 * n
    ws.freeze_panes = "B2"
    protect(ws)
    print_setup(ws, footer, words["page"], "1:1")
    return ws


def write_instructions(ws, lang: str, values: dict[str, str], lists: list[str]) -> None:  # noqa: ANN001
    """The instructions, then the meaning of every code of ``lists``."""
    from openpyxl.styles import Alignment, Font

    ws.title = layout.SHEETS[lang]["instructions"]
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 84
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 1
    for kind, text in texts.INSTRUCTIONS[lang]:
        cell = put(ws, row, 1, text.format(**values))
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell.alignment = wrap
        if kind == "title":
            cell.font = Font(bold=True, size=15, color=layout.HEADER_FILL)
        elif kind == "head":
            cell.font = Font(bold=True, size=12, color=layout.HEADER_FILL)
        lines = -(-len(cell.value) // 100)
        ws.row_dimensions[row].height = max(20 if kind != "text" else 15, 15.5 * lines)
        row += 1
    words = texts.WORDS[lang]
    titles = {v: layout.PROJECT_HEADERS[lang][k] for k, v in layout.DROPDOWNS.items()}
    titles |= {v: layout.OBJECTIVE_HEADERS[lang][k] for k, v in layout.OBJECTIVE_DROPDOWNS.items()}
    for name in lists:
        row += 2
        put(ws, row, 1, titles.get(name, name)).font = Font(bold=True)
        put(ws, row, 2, words["meaning"]).font = Font(bold=True)
        for code, label in code_labels(name, lang).items():
            row += 1
            put(ws, row, 1, code)
            put(ws, row, 2, label).alignment = wrap
    ws.sheet_view.showGridLines = False
    protect(ws)
    print_setup(ws, values["what"], words["page"], "")
    ws.page_setup.orientation = "portrait"
