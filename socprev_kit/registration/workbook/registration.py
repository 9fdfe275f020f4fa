"""The registration sheet: one row per project × municipality × indicator, one column per period.

The months of the year, then the quarters and the year where an indicator needs them. A
registered row's own cells are yellow, unlocked and validated (whole numbers >= 0 for counts,
the catalogue's range otherwise); a derived row's cells are formulas over the rows of its terms:
green, locked, and skipped by the reader.
"""

from __future__ import annotations

from ...data.formats import registration_layout as layout
from . import sheets, texts
from .plan import Line, Plan

FREQ = {"month": "month", "quarter": "quarter", "year": "year", "wave": "year"}


def letter(col: int) -> str:
    """The letter of 1-based column ``col`` (``letter(28) == "AB"``)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _members(period: str, frequency: str, periods: list[str]) -> list[str]:
    """The cells of a term of ``frequency`` for a derived cell of ``period``: the same period,
    the one that contains it (a yearly denominator for a month), or the ones within it."""
    own = layout.frequency_of(period)
    rank = {"month": 0, "quarter": 1, "year": 2}
    if frequency == own:
        return [period]
    if rank[frequency] > rank[own]:
        return [layout.period_for(frequency, period) if own == "month" else period[:4]]
    return [
        p
        for p in periods
        if layout.frequency_of(p) == frequency
        and (p[:4] == period if own == "year" else layout.period_for("quarter", p) == period)
    ]


def _sum(refs: list[str]) -> str:
    return refs[0] if len(refs) == 1 else f"SUM({','.join(refs)})"


def derived_formula(line: Line, period: str, rows: dict, cols: dict, periods: list[str]) -> str:
    """The spreadsheet formula of a derived row's cell: numerator / denominator × factor, blank
    when a term is blank or the denominator is 0."""
    blanks, parts = [], []
    for terms in line.terms:
        expr = ""
        for sign, term in terms:
            row = rows[(line.project_id, line.nis_code, term)]
            freq = FREQ[row[1]["frequency"]]
            refs = [f"{letter(cols[p])}{row[0]}" for p in _members(period, freq, periods)]
            blanks += [f'{r}=""' for r in refs]
            expr += ("-" if sign < 0 else "+" if expr else "") + _sum(refs)
        parts.append(f"({expr})")
    num, den = parts
    factor = line.indicator["factor"]
    factor = int(factor) if float(factor).is_integer() else factor
    times = "" if factor == 1 else f"*{factor}"
    return f'=IF(OR({",".join(blanks)},{den}=0),"",{num}/{den}{times})'


def _validation(indicator: dict, lang: str):  # noqa: ANN202 - a DataValidation
    from openpyxl.worksheet.datavalidation import DataValidation

    words = texts.WORDS[lang]
    lo, hi = indicator["min_value"], indicator["max_value"]
    lo = 0 if lo != lo else lo  # NaN: counts and amounts are never negative in the catalogue
    fmt = lambda x: f"{x:g}".replace(".", "," if lang != "en" else ".")  # noqa: E731
    if indicator["value_type"] == "count":
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        dv.errorTitle, dv.error = words["count_title"], words["count"]
    elif hi == hi:
        dv = DataValidation(type="decimal", operator="between", formula1=f"{lo:g}")
        dv.formula2 = f"{hi:g}"
        dv.errorTitle, dv.error = (
            words["range_title"],
            words["range"].format(lo=fmt(lo), hi=fmt(hi)),
        )
    else:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1=f"{lo:g}")
        dv.errorTitle, dv.error = words["range_title"], words["min"].format(lo=fmt(lo))
    dv.allow_blank, dv.showErrorMessage, dv.errorStyle = True, True, "stop"
    return dv


def _name(line: Line, lang: str) -> str:
    ind = line.indicator
    name = ind[f"name_{lang}"] or ind["name_en"] or ind["name_nl"] or ind["indicator_id"]
    if not line.derived:
        return name
    num, den = (" ".join(p) for p in (ind["numerator"].split(), ind["denominator"].split()))
    factor = f" × {ind['factor']:g}" if ind["factor"] != 1 else ""
    formula = f"{num} / {den}{factor}"
    return f"{name} ({texts.WORDS[lang]['computed'].format(formula=formula)})"


def _fixed_cells(ws, r: int, line: Line, lang: str) -> None:  # noqa: ANN001
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font

    ind = line.indicator
    values = (
        line.project_id,
        line.nis_code,
        line.municipality,
        ind["indicator_id"],
        _name(line, lang),
        texts.UNITS[lang].get(ind["unit"], ind["unit"]),
    )
    for j, v in enumerate(values, start=1):
        cell = sheets.put(ws, r, j, v)
        cell.fill = sheets.fill(layout.DERIVED_FILL if line.derived else layout.FIXED_FILL)
        cell.alignment = Alignment(vertical="top", wrap_text=j == 5)
        cell.border = sheets.border()
        if line.derived:
            cell.font = Font(italic=True)
    lines = -(-len(values[4]) // int(layout.FIXED_WIDTHS[4] * 1.15))
    ws.row_dimensions[r].height = 15 * max(lines, 1)
    definition = ind[f"definition_{lang}"] or ind["definition_en"] or ind["definition_nl"]
    if definition:
        note = Comment(f"{texts.WORDS[lang]['definition']}: {definition}", "socprev-kit")
        note.width, note.height = 320, 140
        ws.cell(r, 5).comment = note


def _period_cells(ws, r: int, line: Line, ctx: dict) -> None:  # noqa: ANN001
    from openpyxl.styles import Font

    freq = FREQ[line.indicator["frequency"]]
    own = [p for p in ctx["periods"] if layout.frequency_of(p) == freq]
    for p in ctx["periods"]:
        cell = ws.cell(r, ctx["cols"][p])
        cell.border = sheets.border()
        if p not in own:
            cell.fill = sheets.fill(layout.NOT_HERE_FILL)
        elif line.derived:
            cell.value = derived_formula(line, p, ctx["rows"], ctx["cols"], ctx["periods"])
            cell.fill = sheets.fill(layout.DERIVED_FILL)
            cell.font = Font(italic=True)
            cell.number_format = "0.0"
        else:
            cell.fill = sheets.fill(layout.INPUT_FILL)
            cell.number_format = "0" if line.indicator["value_type"] == "count" else "General"
            sheets.unlock(cell)
    if own and not line.derived:
        key = tuple(line.indicator[k] for k in ("value_type", "min_value", "max_value"))
        if key not in ctx["validations"]:
            ctx["validations"][key] = dv = _validation(line.indicator, ctx["lang"])
            ws.add_data_validation(dv)
        first, last = ctx["cols"][own[0]], ctx["cols"][own[-1]]
        ctx["validations"][key].add(f"{letter(first)}{r}:{letter(last)}{r}")


def write_registrations(ws, plan: Plan, lang: str, year: int) -> None:  # noqa: ANN001
    """The registration sheet of ``plan`` for ``year``."""
    from openpyxl.styles import Alignment, Font

    freqs = {FREQ[line.indicator["frequency"]] for line in plan.lines}
    periods = layout.periods_of(year, quarters="quarter" in freqs, whole_year="year" in freqs)
    cols = {p: layout.FIRST_PERIOD + k for k, p in enumerate(periods)}
    rows = {
        (line.project_id, line.nis_code, line.indicator["indicator_id"]): (
            layout.FIRST_ROW + i,
            line.indicator,
        )
        for i, line in enumerate(plan.lines)
    }
    words = texts.WORDS[lang]
    ws.title = layout.SHEETS[lang]["registrations"]
    sheets.put(ws, layout.TITLE_ROW, 1, words["title"].format(year=year, what=plan.what))
    ws.cell(layout.TITLE_ROW, 1).font = Font(bold=True, size=14, color=layout.HEADER_FILL)
    help_cell = sheets.put(
        ws, layout.HELP_ROW, 1, words["help"].format(sheet=layout.SHEETS[lang]["instructions"])
    )
    help_cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(
        start_row=layout.HELP_ROW,
        start_column=1,
        end_row=layout.HELP_ROW,
        end_column=len(layout.FIXED),
    )
    ws.row_dimensions[layout.HELP_ROW].height = 48
    for p, c in cols.items():
        freq = layout.frequency_of(p)
        above = texts.MONTHS[lang][int(p[5:]) - 1] if freq == "month" else words[freq]
        cell = sheets.put(ws, layout.HELP_ROW, c, above)
        cell.alignment = Alignment(horizontal="center", vertical="bottom")
        cell.font = Font(italic=True, color="595959")
    headers = list(layout.FIXED_HEADERS[lang]) + periods
    for j, h in enumerate(headers, start=1):
        sheets.put(ws, layout.HEADER_ROW, j, h)
        width = layout.FIXED_WIDTHS[j - 1] if j <= len(layout.FIXED) else layout.PERIOD_WIDTH
        ws.column_dimensions[letter(j)].width = width
    sheets.style_header(ws[layout.HEADER_ROW])
    ctx = {"periods": periods, "cols": cols, "rows": rows, "lang": lang, "validations": {}}
    for i, line in enumerate(plan.lines):
        _fixed_cells(ws, layout.FIRST_ROW + i, line, lang)
        _period_cells(ws, layout.FIRST_ROW + i, line, ctx)
    ws.freeze_panes = ws.cell(layout.FIRST_ROW, layout.FIRST_PERIOD)
    sheets.protect(ws)
    sheets.print_setup(ws, plan.what, words["page"], f"{layout.HEADER_ROW}:{layout.HEADER_ROW}")
