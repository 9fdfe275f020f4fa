"""The feedback workbook: the lists of the page as sheets, text from users always as text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content import status
from .words import word

if TYPE_CHECKING:
    from pathlib import Path

    from .content import Feedback


def write_workbook(fb: Feedback, path: Path) -> Path:
    """The lists of the page as sheets: summary, what is missing, the issues."""
    from openpyxl import Workbook

    def w(key: str) -> str:
        return word(key, fb.lang)

    muni = fb.municipality
    summary = [
        (w("municipality"), fb.name),
        (w("nis_code"), muni.name),
        (w("province"), muni["province"]),
        (w("period"), fb.period),
        *[(w("files"), f) for f in fb.files],
        *[(w("projects"), p) for p in fb.projects],
        (w("status"), status(fb)),
    ]
    missing = [(*r[:3], *r[3:], None) for r in fb.months.to_numpy().tolist()]
    missing += [(p, i, w("never"), None, None, why) for p, i, why in fb.never.to_numpy().tolist()]
    columns = ["severity", "file", "sheet", "cell", "column", "value", "problem", "fix"]
    issues = fb.issues.assign(severity=fb.issues["severity"].map(w))[columns]
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, w("sheet_summary"), [w("what"), w("details")], summary)
    headers = [w(k) for k in ("project", "indicator", "months", "n_missing", "n_expected", "note")]
    _sheet(wb, w("sheet_missing"), headers, missing)
    _sheet(wb, w("sheet_issues"), [w(c) for c in columns], issues.to_numpy().tolist())
    from ...common.exports import save_workbook

    save_workbook(wb, path)
    return path


def _sheet(wb, title: str, headers: list[str], rows: list) -> None:  # noqa: ANN001 - a Workbook
    """A sheet: bold frozen header with a filter, text as text (never a formula), columns wide
    enough, long text wrapped, printable in landscape one page wide."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from ...common.exports import put_cell

    ws = wb.create_sheet(title[:31])
    for j, header in enumerate(headers, start=1):
        put_cell(ws, 1, j, header).font = Font(bold=True)
    text = [[str(v) if v is not None else "" for v in r] for r in [headers, *rows]]
    widths = [min(max(10, max(len(r[j]) for r in text) + 2), 45) for j in range(len(headers))]
    top = Alignment(wrap_text=True, vertical="top")
    for i, (values, shown) in enumerate(zip(rows, text[1:], strict=True), start=2):
        for j, v in enumerate(values, start=1):  # as typed, even "=1+1": text, never a formula
            put_cell(ws, i, j, None if v == "" else v).alignment = top
        lines = max(-(-len(t) // (w - 2)) for t, w in zip(shown, widths, strict=True))
        if lines > 1:  # spreadsheet programs do not grow a row for wrapped text on their own
            ws.row_dimensions[i].height = 15 * lines
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
