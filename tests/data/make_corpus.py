"""Write the bad-input corpus: small real files, each holding a mistake real users make.

Run ``python tests/data/make_corpus.py`` to (re)write ``tests/data/corpus/``; the output is
deterministic, and ``tests/test_corpus.py`` checks that the committed files equal it. Each builder
states its mistake and what the kit should say; ``README.md`` is written from them.

Content: a few months of registrations of two small projects, Dutch ``RONSE-SHW`` (street work in
Ronse, 45041) and French ``SERAING-TR`` (travail de rue in Seraing, 62096). Where a file's main
mistake is only a warning, a second mistake that is an error is added (column "also"), so that
``socprev-kit validate`` fails on every file.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from socprev_kit.sampledata.messy import save_workbook  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"

NL_HEAD = ["Project", "NIS-code", "Periode", "Indicator", "Waarde", "Opmerking"]
FR_HEAD = ["Projet", "Code INS", "Période", "Indicateur", "Valeur", "Remarque"]
NL = ("RONSE-SHW", "45041")
FR = ("SERAING-TR", "62096")
VALUES = {
    "O04": [34, 41, 38, 45, 40, 52],  # contacts
    "O01": [12, 15, 14, 17, 16, 19],  # unique persons reached
    "O05": [3, 2, 4, 1, 3, 2],  # referrals
    "I02": [5, 3, 4, 6, 2, 3],  # resident complaints
    "P04": [62.5, 58, 64.5, 60, 61, 59.5],  # outreach hours
}


@dataclass(frozen=True)
class Entry:
    name: str
    mistake: str
    says: str
    also: str
    build: Callable[[Path], None]


ENTRIES: list[Entry] = []


def corpus_file(name: str, mistake: str, says: str, also: str = "") -> Callable:
    """Register a builder of ``name``."""

    def register(build: Callable[[Path], None]) -> Callable[[Path], None]:
        ENTRIES.append(Entry(name, mistake, says, also, build))
        return build

    return register


# --- helpers -------------------------------------------------------------------------------------


def rows(who=NL, indicators=("O04", "O01"), months=3, note="") -> list[list]:
    """Registrations ``[project, nis, period, indicator, value, note]``, by indicator then month."""
    return [
        [who[0], who[1], f"2024-{m + 1:02d}", ind, VALUES[ind][m], note]
        for ind in indicators
        for m in range(months)
    ]


def cell_text(v: object, comma: bool = True) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        text = f"{v:g}"
        return text.replace(".", ",") if comma else text
    return str(v)


def csv_bytes(
    header: list,
    body: list[list],
    sep: str = ";",
    encoding: str = "utf-8",
    bom: bool = False,
    comma: bool = True,
    first: str = "",
) -> bytes:
    """A CSV file as Excel writes it: CRLF, minimal quoting."""
    buf = io.StringIO()
    if first:
        buf.write(first + "\r\n")
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow(header)
    for r in body:
        w.writerow([cell_text(v, comma) for v in r])
    prefix = b"\xef\xbb\xbf" if bom else b""
    return prefix + buf.getvalue().encode(encoding)


def workbook(sheets: dict[str, list[list]]) -> openpyxl.Workbook:
    """A workbook with one sheet per item, rows appended as given."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, table in sheets.items():
        ws = wb.create_sheet(title)
        for r in table:
            ws.append(r)
    return wb


def xlsx(path: Path, sheets: dict[str, list[list]], patch=None) -> openpyxl.Workbook:
    wb = workbook(sheets)
    save_workbook(wb, path, patch)
    return wb


# --- encodings -----------------------------------------------------------------------------------


@corpus_file(
    "utf16_tab_excel_unicode.txt",
    "Excel 'Unicode text' export: UTF-16 LE with BOM, tab-separated, French headers; one count "
    "holds 'n.c.' (non communiqué)",
    "bad_number at row 4, column 'Valeur'; the other 5 rows are read",
)
def utf16_tab(path: Path) -> None:
    body = rows(FR, ("O04", "O05"))
    body[2][4] = "n.c."
    text = csv_bytes(FR_HEAD, body, sep="\t").decode("utf-8")
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))


@corpus_file(
    "utf16le_no_bom.csv",
    "UTF-16 LE without a byte-order mark (written by a database export), ';'-separated; one "
    "period is '2024-13'",
    "the file is read as UTF-16; bad_period at row 4, column 'Periode'",
)
def utf16_no_bom(path: Path) -> None:
    body = rows(NL)
    body[2][2] = "2024-13"
    path.write_bytes(csv_bytes(NL_HEAD, body).decode("utf-8").encode("utf-16-le"))


@corpus_file(
    "cp1252_accents.csv",
    "Windows-1252, ';', French headers and notes with accents; one count is 'néant'",
    "encoding_guess (info); bad_number at row 5, column 'Valeur', value 'néant' with its accent",
)
def cp1252(path: Path) -> None:
    body = rows(FR, ("O04", "O05"), note="réunion à l'école")
    body[3][4] = "néant"
    path.write_bytes(csv_bytes(FR_HEAD, body, encoding="cp1252"))


@corpus_file(
    "bom_utf8_but_latin1.csv",
    "a UTF-8 byte-order mark in front of Latin-1 text (a tool added the BOM, the text was "
    "never UTF-8); header 'Période' has an accent; one count is '?'",
    "encoding_guess (info): read as Windows-1252 so that 'Période' is recognised; bad_number "
    "at row 3, column 'Valeur'",
)
def bom_latin1(path: Path) -> None:
    body = rows(FR, ("O04",), note="dégradations près de la gare")
    body[1][4] = "?"
    path.write_bytes(b"\xef\xbb\xbf" + csv_bytes(FR_HEAD, body, encoding="latin-1"))


@corpus_file(
    "mojibake_double_encoded.csv",
    "UTF-8 text that was once read as Latin-1 and saved again as UTF-8: 'PÃ©riode', 'rÃ©union'",
    "missing_column (period) and unknown_column 'PÃ©riode' suggesting 'periode'; no row used",
)
def mojibake(path: Path) -> None:
    head = [h.encode("utf-8").decode("latin-1") for h in FR_HEAD]
    body = rows(FR, ("O04",), note="réunion à l'école")
    for r in body:
        r[5] = r[5].encode("utf-8").decode("latin-1")
    path.write_bytes(csv_bytes(head, body))


@corpus_file(
    "mixed_encodings.csv",
    "rows of a UTF-8 file and rows pasted from a Windows-1252 file in one file; municipality "
    "names ('Liège', 'Liège') instead of NIS codes",
    "every row read with its own encoding: all 'Liège' rows resolve to 62063, an encoding "
    "issue is reported",
    also="one count is '?' (bad_number at row 7)",
)
def mixed(path: Path) -> None:
    head = ["Projet", "Commune", "Période", "Indicateur", "Valeur"]
    utf = [["LIEGE-TR", "Liège", f"2024-{m:02d}", "O04", 20 + m] for m in (1, 2, 3)]
    win = [["LIEGE-TR", "Liège", f"2024-{m:02d}", "O05", 2 + m] for m in (1, 2, 3)]
    win[2][4] = "?"
    path.write_bytes(csv_bytes(head, utf) + csv_bytes([], win, encoding="cp1252")[2:])


# --- separators and dialects ---------------------------------------------------------------------


@corpus_file(
    "comma_sep_english_decimals.csv",
    "','-separated with decimal points (English Excel); hours '62.5' are right, but one count "
    "was typed '1.250' the Belgian way (thousands)",
    "hours read as 62.5; not_whole at row 6, column 'waarde', showing the value as typed ('1.250')",
)
def comma_sep(path: Path) -> None:
    body = rows(NL, ("P04", "O04"))
    body[4][4] = "1.250"
    head = ["project", "nis_code", "periode", "indicator", "waarde", "opmerking"]
    path.write_bytes(csv_bytes(head, body, sep=",", comma=False))


@corpus_file(
    "semicolon_decimal_comma.csv",
    "';'-separated with decimal comma '62,5' and thousands '1.250' (both right); one count is '-4'",
    "hours read as 62.5, '1.250' as 1250; negative_count at row 6, column 'Waarde'",
)
def semicolon(path: Path) -> None:
    body = rows(NL, ("P04", "O04"))
    body[3][4] = "1.250"
    body[4][4] = -4
    path.write_bytes(csv_bytes(NL_HEAD, body))


@corpus_file(
    "tab_separated.tsv",
    "tab-separated; one period is '2024-13'",
    "bad_period at row 4, column 'Periode'",
)
def tab(path: Path) -> None:
    body = rows(NL)
    body[2][2] = "2024-13"
    path.write_bytes(csv_bytes(NL_HEAD, body, sep="\t"))


@corpus_file(
    "bom_sep_hint.csv",
    "UTF-8 with BOM and Excel's 'sep=;' hint as the first line; one value is left empty",
    "header found on line 2; missing_value at row 5, column 'Waarde'",
)
def sep_hint(path: Path) -> None:
    body = rows(NL)
    body[2][4] = None
    path.write_bytes(csv_bytes(NL_HEAD, body, bom=True, first="sep=;"))


@corpus_file("empty.csv", "an empty file (0 bytes)", "empty_file; exit code 2 (nothing to check)")
def empty(path: Path) -> None:
    path.write_bytes(b"")


@corpus_file(
    "header_only.csv",
    "the template's header line and no data",
    "empty_file; exit code 2 (nothing to check)",
)
def header_only(path: Path) -> None:
    path.write_bytes(csv_bytes(NL_HEAD, []))


@corpus_file(
    "ragged_rows.csv",
    "','-separated, a decimal comma typed without quotes ('7,5' hours) gives row 4 one field "
    "more than the header",
    "row 4 named as having more fields than the header, and not used with value 7",
)
def ragged(path: Path) -> None:
    head = "project,nis_code,periode,indicator,waarde\r\n"
    lines = [
        "RONSE-SHW,45041,2024-01,P04,62",
        "RONSE-SHW,45041,2024-02,P04,58",
        "RONSE-SHW,45041,2024-03,P04,7,5",
        "RONSE-SHW,45041,2024-04,P04,60",
    ]
    path.write_bytes((head + "\r\n".join(lines) + "\r\n").encode("utf-8"))


@corpus_file(
    "quoted_separators_newlines.csv",
    "notes in quotes holding ';' and line breaks (Alt+Enter in Excel); the row after a "
    "three-line note has the count 'veel'",
    "bad_number at line 6 of the file (the line a text editor shows), column 'Waarde'; the "
    "rows on lines 2, 3 and 7 are used",
)
def quoted(path: Path) -> None:
    body = rows(NL, ("O04",), months=4)
    body[1][5] = "buurtoverleg; 3 bewoners\nnieuwe melding\nvia wijkagent"
    body[2][4] = "veel"
    path.write_bytes(csv_bytes(NL_HEAD, body))


@corpus_file(
    "control_characters.csv",
    "invisible control characters: a BEL (\\x07) pasted into a value ('12\\x07') and the "
    "Ctrl-Z end-of-file mark of old DOS tools after the last line",
    "bad_number at row 2, column 'waarde', with the invisible character made visible in the "
    "message; nothing about the Ctrl-Z (line 4); the issues can be written to .xlsx",
)
def control_chars(path: Path) -> None:
    head = "project;NIS-code;periode;indicator;waarde\r\n"
    body = "RONSE-SHW;45041;2024-01;O04;12\x07\r\nRONSE-SHW;45041;2024-02;O04;41\r\n\x1a"
    path.write_bytes((head + body).encode("ascii"))


# --- headers and layout --------------------------------------------------------------------------


@corpus_file(
    "duplicated_headers.csv",
    "two columns called 'Waarde' (an old and a corrected value)",
    "duplicate_column for the second 'Waarde'; the first is read",
)
def dup_headers(path: Path) -> None:
    head = ["Project", "NIS-code", "Periode", "Indicator", "Waarde", "Waarde"]
    body = [r[:5] + [r[4] + 1] for r in rows(NL)]
    path.write_bytes(csv_bytes(head, body))


@corpus_file(
    "missing_required_column.csv",
    "no indicator column: the file holds contacts only, said in the file name",
    "missing_column 'indicator_id' at the header row; no row used",
)
def missing_col(path: Path) -> None:
    body = [r[:3] + r[4:5] for r in rows(NL, ("O04",))]
    path.write_bytes(csv_bytes(["Project", "NIS-code", "Periode", "Waarde"], body))


@corpus_file(
    "nis_codes_wrong.csv",
    "NIS codes as floats ('45041.0', fine), the postcode of Ronse ('9600') and a code that "
    "lost a digit ('4504')",
    "bad_nis at rows 3 and 5, column 'NIS-code'; the '45041.0' rows are used",
)
def nis_wrong(path: Path) -> None:
    body = rows(NL, ("O04",), months=4)
    for r in body:
        r[1] = "45041.0"
    body[1][1] = "9600"
    body[3][1] = "4504"
    path.write_bytes(csv_bytes(NL_HEAD, body))


@corpus_file(
    "municipality_names.csv",
    "municipality names instead of NIS codes: 'Ronse', 'Renaix' (French name) and the typo "
    "'Ronsse'",
    "unknown_municipality at row 4, column 'Gemeente', suggesting Ronse (45041)",
)
def names(path: Path) -> None:
    head = ["Project", "Gemeente", "Periode", "Indicator", "Waarde"]
    body = [
        ["RONSE-SHW", n, f"2024-{m:02d}", "O04", VALUES["O04"][m - 1]]
        for m, n in ((1, "Ronse"), (2, "Renaix"), (3, "Ronsse"), (4, "Ronse"))
    ]
    path.write_bytes(csv_bytes(head, body))


@corpus_file(
    "old_nis_codes.csv",
    "NIS codes from before the mergers: Nevele 44049 (2019, now Deinze 44083), Borsbeek 11007 "
    "(2025, now Antwerpen 11002), Manage 52043 (renumbered 2019, now 55086)",
    "merged_nis once per old code, rows kept under the current code",
    also="a code with a typo, 44089 (unknown_nis at row 8)",
)
def old_codes(path: Path) -> None:
    body = []
    for pid, code in (("DEINZE-DC", "44049"), ("ANT-SHW", "11007"), ("MANAGE-TR", "52043")):
        body += [[pid, code, f"2023-{m:02d}", "O04", 10 + m] for m in (1, 2)]
    body.append(["DEINZE-DC", "44089", "2023-03", "O04", 13])
    path.write_bytes(csv_bytes(["project", "NIS-code", "periode", "indicator", "waarde"], body))


@corpus_file(
    "merged_municipalities_same_month.csv",
    "an intermunicipal project registered Lokeren (46014) and Moerbeke (44045) separately in "
    "2024, before they merged into Lokeren (46029) in 2025",
    "merged_nis for both old codes; the rows are not 'conflicting duplicates': both are kept "
    "(nis_code_registered tells them apart)",
    also="one count is '?' (bad_number at row 8)",
)
def merged_same_month(path: Path) -> None:
    body = []
    for m in (1, 2, 3):
        body.append(["LOK-DC", "46014", f"2024-{m:02d}", "O04", 20 + m])
        body.append(["LOK-DC", "44045", f"2024-{m:02d}", "O04", 3 + m])
    body.append(["LOK-DC", "44045", "2024-04", "O04", "?"])
    path.write_bytes(csv_bytes(["project", "NIS-code", "periode", "indicator", "waarde"], body))


@corpus_file(
    "exact_duplicate_rows.csv",
    "the March row pasted twice (rows 4 and 5), nothing else duplicated",
    "duplicate_exact at row 5, March counted once",
    also="May's count is '?' (bad_number at row 7)",
)
def exact_duplicates(path: Path) -> None:
    body = rows(NL, ("O04",), months=5)
    body.insert(3, list(body[2]))
    body[5][4] = "?"
    path.write_bytes(csv_bytes(NL_HEAD, body))


@corpus_file(
    "formula_text_notes.csv",
    "notes that look like formulas ('=HYPERLINK(...)', '+32 9 123 45 67', '-', '@ronse_shw') "
    "and a count typed as a sum '=4+3'",
    "notes kept as text; bad_number at row 6, column 'Waarde', value '=4+3'",
)
def formula_text(path: Path) -> None:
    body = rows(NL, ("O04",), months=5)
    notes = [
        '=HYPERLINK("https://ronse.be/verslag";"verslag")',
        "+32 9 123 45 67",
        "-",
        "@ronse_shw",
        "zie mail",
    ]
    for r, n in zip(body, notes, strict=True):
        r[5] = n
    body[4][4] = "=4+3"
    path.write_bytes(csv_bytes(NL_HEAD, body))


# --- workbooks -----------------------------------------------------------------------------------


@corpus_file("empty_sheet.xlsx", "a workbook with one empty sheet", "empty_file; exit code 2")
def empty_sheet(path: Path) -> None:
    xlsx(path, {"Registraties": []})


@corpus_file(
    "hidden_sheet.xlsx",
    "a hidden sheet 'Oud' holds an older version of the same months with other values",
    "hidden_sheet for 'Oud'; duplicate_conflict naming both sheets' rows (February, March)",
)
def hidden(path: Path) -> None:
    old = [r[:4] + [r[4] - 5, "eerste versie"] for r in rows(NL, ("O04",))[1:]]
    wb = workbook({"Registraties": [NL_HEAD, *rows(NL, ("O04",))], "Oud": [NL_HEAD, *old]})
    wb["Oud"].sheet_state = "hidden"
    save_workbook(wb, path)


@corpus_file(
    "very_hidden_sheet.xlsx",
    "a 'very hidden' sheet (only visible in the VBA editor) holds registrations, one with "
    "'n.v.t.' as value",
    "hidden_sheet for 'Kladblad'; bad_number at row 3 of sheet 'Kladblad', column 'Waarde'",
)
def very_hidden(path: Path) -> None:
    scratch = [NL_HEAD, *rows(NL, ("I02",), months=2)]
    scratch[2][4] = "n.v.t."
    wb = workbook({"Registraties": [NL_HEAD, *rows(NL, ("O04",))], "Kladblad": scratch})
    wb["Kladblad"].sheet_state = "veryHidden"
    save_workbook(wb, path)


@corpus_file(
    "merged_header_cells.xlsx",
    "header 'Indicator' merged over two columns (D1:E1) for looks: the value column has no "
    "header of its own",
    "merged_header (D1:E1); missing_column 'value'; no row used",
)
def merged_header(path: Path) -> None:
    head = ["Project", "NIS-code", "Periode", "Indicator", None, "Opmerking"]
    wb = workbook({"Registraties": [head, *rows(NL)]})
    wb["Registraties"].merge_cells("D1:E1")
    save_workbook(wb, path)


@corpus_file(
    "two_header_rows.xlsx",
    "two header rows: Dutch (row 1) and French (row 2)",
    "row 1 read as the header; row 2 named (its cells are not data); rows 3-8 used",
)
def two_headers(path: Path) -> None:
    xlsx(path, {"Registraties": [NL_HEAD, FR_HEAD, *rows(NL)]})


@corpus_file(
    "title_rows.xlsx",
    "a title, a subtitle and a blank row above the header (header on row 4); one count is '?'",
    "header found on row 4; bad_number at row 8, column 'Waarde'",
)
def title_rows(path: Path) -> None:
    body = rows(NL)
    body[3][4] = "?"
    xlsx(
        path,
        {
            "Registraties": [
                ["Registratie straathoekwerk Ronse"],
                ["Eerste kwartaal 2024"],
                [],
                NL_HEAD,
                *body,
            ]
        },
    )


@corpus_file(
    "text_in_number_cells.xlsx",
    "text in value cells: '12 st.', 'n.v.t.', '?', '-'",
    "bad_number at rows 4, 6, 8 and 9, column 'Waarde'; the other rows are used",
)
def text_numbers(path: Path) -> None:
    body = rows(NL, ("O04", "O01", "O05"))
    for i, text in ((2, "12 st."), (4, "n.v.t."), (6, "?"), (7, "-")):
        body[i][4] = text
    xlsx(path, {"Registraties": [NL_HEAD, *body]})


@corpus_file(
    "numbers_as_text_thousands.xlsx",
    "numbers stored as text with thousands separators ('1.250', '1 312', '2.040') and one "
    "typed the English way, '1,250'",
    "the Belgian ones read as 1250, 1312, 2040; not_whole at row 5, column 'Waarde' "
    "('1,250' is 1.25 with a decimal comma)",
)
def thousands(path: Path) -> None:
    body = [
        ["RONSE-SHW", "45041", f"2024-{m:02d}", "O04", v, ""]
        for m, v in ((1, "1.250"), (2, "1 312"), (3, "2.040"), (4, "1,250"))
    ]
    xlsx(path, {"Registraties": [NL_HEAD, *body]})


@corpus_file(
    "excel_serial_periods.xlsx",
    "periods as Excel serial numbers (45292 = 1/1/2024) without a date format; one typed "
    "'2024-O4' with the letter O",
    "excel_serial_date for each serial; bad_period at row 5, column 'Periode'",
)
def serial(path: Path) -> None:
    body = rows(NL, ("O04",), months=4)
    for r, serial_day in zip(body, (45292, 45323, 45352), strict=False):
        r[2] = serial_day
    body[3][2] = "2024-O4"
    xlsx(path, {"Registraties": [NL_HEAD, *body]})


@corpus_file(
    "periods_as_dates.xlsx",
    "periods as real date cells (first of the month); one typed as the impossible date "
    "'31/04/2024'",
    "date cells read as their month; bad_period at row 5, column 'Periode'",
)
def period_dates(path: Path) -> None:
    body = rows(NL, ("O04",), months=4)
    for m, r in enumerate(body[:3], start=1):
        r[2] = datetime(2024, m, 1)
    body[3][2] = "31/04/2024"
    xlsx(path, {"Registraties": [NL_HEAD, *body]})


@corpus_file(
    "periods_in_words.xlsx",
    "periods in words ('januari 2024', 'feb 2024', 'mrt-24', 'april 2024'); one misspelt "
    "'juny 2024'",
    "the words read as months; bad_period at row 6, column 'Periode'",
)
def period_words(path: Path) -> None:
    body = rows(NL, ("O04",), months=5)
    for r, text in zip(
        body, ["januari 2024", "feb 2024", "mrt-24", "april 2024", "juny 2024"], strict=True
    ):
        r[2] = text
    xlsx(path, {"Registraties": [NL_HEAD, *body]})


@corpus_file(
    "totals_rows.xlsx",
    "a 'Totaal' row at the bottom (row 15) and a subtotal 'Totaal januari' (row 5) below "
    "January's rows",
    "total_row at rows 5 and 15: neither counted nor asked to be filled in",
    also="one count is 'x' (bad_number at row 8)",
)
def totals(path: Path) -> None:
    body = sorted(rows(NL, ("O04", "O01", "O05"), months=4), key=lambda r: r[2])
    body[5][4] = "x"
    january = sum(r[4] for r in body[:3])
    table = [NL_HEAD, *body[:3], ["Totaal januari", None, None, None, january, None], *body[3:]]
    table.append(["Totaal", None, None, None, 500, None])
    xlsx(path, {"Registraties": table})


@corpus_file(
    "total_general_fr.csv",
    "a pivot-table export with 'Total général' as its last row",
    "total_row at row 8, not counted",
    also="one count is '12,5' (not_whole at row 4)",
)
def total_general(path: Path) -> None:
    body = rows(FR, ("O04", "O05"))
    body[2][4] = 12.5
    body.append(["Total général", None, None, None, sum(VALUES["O04"][:3]) + 9, None])
    path.write_bytes(csv_bytes(FR_HEAD, body))


@corpus_file(
    "trailing_blank_rows_cols.xlsx",
    "formatted but blank rows and columns after the data; some 'blank' cells hold spaces or a "
    "non-breaking space",
    "the blank rows and columns are ignored, also those holding only spaces",
    also="one count is left empty (missing_value at row 3)",
)
def trailing(path: Path) -> None:
    body = [r + [None, None] for r in rows(NL)]
    body[1][4] = None
    tail = [
        [None] * 8,
        ["", " ", None, None, None, None, None, None],
        [None, "  ", None, "\u00a0", None, None, None, None],
        [None] * 8,
    ]
    wb = workbook({"Registraties": [NL_HEAD + [None, None], *body, *tail]})
    ws = wb["Registraties"]
    for row in ws.iter_rows(min_row=1, max_row=12, max_col=10):
        for c in row:
            c.number_format = "0"
    save_workbook(wb, path)


@corpus_file(
    "unknown_extra_columns.xlsx",
    "extra columns ('Medewerker', 'Wijk') and a misspelt header 'Indicatr'",
    "unknown_column for each, suggesting 'indicator' for 'Indicatr'; missing_column 'indicator_id'",
)
def extra_columns(path: Path) -> None:
    head = ["Project", "NIS-code", "Periode", "Indicatr", "Waarde", "Medewerker", "Wijk"]
    body = [r[:5] + ["Sofie", "Centrum"] for r in rows(NL)]
    xlsx(path, {"Registraties": [head, *body]})


@corpus_file(
    "nis_as_numbers.xlsx",
    "NIS codes as number cells, 45041.5 typed by accident in one and 4504 in another",
    "bad_nis at rows 3 and 4, column 'NIS-code'; the whole numbers are used",
)
def nis_numbers(path: Path) -> None:
    body = rows(NL, ("O04",), months=4)
    for r in body:
        r[1] = 45041.0
    body[1][1] = 45041.5
    body[2][1] = 4504
    xlsx(path, {"Registraties": [NL_HEAD, *body]})


@corpus_file(
    "boolean_cells.xlsx",
    "TRUE and FALSE in value cells (typing 'waar' in a Dutch Excel makes a boolean)",
    "bad_number at rows 3 and 5, column 'Waarde'; TRUE is not 1 contact",
)
def booleans(path: Path) -> None:
    body = rows(NL, ("O04",), months=4)
    body[1][4] = True
    body[3][4] = False
    xlsx(path, {"Registraties": [NL_HEAD, *body]})


def _cache_formulas(values: dict[str, str]) -> Callable[[str, bytes], bytes]:
    """A patch that stores cached results, as Excel does, for the given cells."""

    def patch(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        for ref, value in values.items():
            t = b' t="e"' if value.startswith("#") else b""
            old = f'<c r="{ref}"><f>'.encode()
            start = data.index(old)
            end = data.index(b"</c>", start)
            cell = data[start:end].replace(b"<v></v>", b"").replace(b"<v />", b"")
            cell = cell.replace(b"<c r=", b"<c" + t + b" r=", 1) + f"<v>{value}</v>".encode()
            data = data[:start] + cell + data[end:]
        return data

    return patch


@corpus_file(
    "formulas_no_cache.xlsx",
    "value cells are formulas without a stored result (written by a program, never opened in "
    "Excel): the kit reads stored results only, so they are empty",
    "an issue for each formula cell (rows 3 and 4, column 'Waarde'), saying the cell holds a "
    "formula without a result, not that it is empty",
)
def formulas_no_cache(path: Path) -> None:
    body = rows(NL, ("O04",))
    body[1][4] = "=20+21"
    body[2][4] = "=SUM(30,8)"
    xlsx(path, {"Registraties": [NL_HEAD, *body]})


@corpus_file(
    "formulas_cached_div0.xlsx",
    "value cells are formulas with stored results (as Excel saves them); one result is #DIV/0!",
    "the stored results are used; bad_number at row 4, column 'Waarde', value '#DIV/0!'",
)
def formulas_cached(path: Path) -> None:
    body = rows(NL, ("O04",))
    body[1][4] = "=20+21"
    body[2][4] = "=E2/0"
    xlsx(
        path,
        {"Registraties": [NL_HEAD, *body]},
        patch=_cache_formulas({"E3": "41", "E4": "#DIV/0!"}),
    )


@corpus_file(
    "error_cells.xlsx",
    "error cells #N/A (a failed VLOOKUP of the NIS code) and #DIV/0! (value)",
    "bad_nis at row 3, column 'NIS-code'; bad_number at row 5, column 'Waarde'",
)
def error_cells(path: Path) -> None:
    body = rows(NL, ("O04",), months=4)
    body[1][1] = "#N/A"
    body[3][4] = "#DIV/0!"
    xlsx(path, {"Registraties": [NL_HEAD, *body]})


@corpus_file(
    "wide_layout.xlsx",
    "one column per month (2024-01, 2024-02, ...) instead of one row per month",
    "the layout is named (period and value columns missing, month columns ignored); no crash",
)
def wide(path: Path) -> None:
    head = ["Project", "NIS-code", "Indicator", "2024-01", "2024-02", "2024-03"]
    body = [["RONSE-SHW", "45041", ind, *VALUES[ind][:3]] for ind in ("O04", "O01", "I02")]
    xlsx(path, {"Registraties": [head, *body]})


@corpus_file(
    "projects_bad_dates.xlsx",
    "a workbook with a projects sheet whose start date is '31/02/2024' and registrations",
    "bad_date at row 2 of sheet 'Projecten', column 'Startdatum'; the 6 registrations are "
    "kept; the projects sheet is not said to be missing (no_projects)",
)
def project_dates(path: Path) -> None:
    proj = [
        ["Project", "Naam", "Projecttypes", "Trekkende gemeente", "Startdatum", "Einddatum"],
        ["RONSE-SHW", "Straathoekwerk Ronse", "street_work", "45041", "31/02/2024", "31/12/2025"],
    ]
    xlsx(path, {"Projecten": proj, "Registraties": [NL_HEAD, *rows(NL)]})


# --- Parquet -------------------------------------------------------------------------------------


@corpus_file(
    "numeric_nis.parquet",
    "Parquet with numeric (int64) NIS codes and values; one code 4504, one value -2",
    "int codes read as text '45041'; bad_nis at row 3, negative_count at row 5",
)
def parquet_numeric(path: Path) -> None:
    frame = pd.DataFrame(
        rows(NL, ("O04",), months=4),
        columns=["project_id", "nis_code", "period", "indicator_id", "value", "note"],
    )
    frame["nis_code"] = [45041, 4504, 45041, 45041]
    frame["value"] = [34, 41, 38, -2]
    frame.to_parquet(path, index=False)


@corpus_file(
    "dutch_headers.parquet",
    "Parquet with the Dutch headers of the template and periods as timestamps; one indicator "
    "'O4' (letter O, no zero)",
    "timestamps read as months; unknown_indicator at row 3, column 'Indicator', suggesting O04",
)
def parquet_dutch(path: Path) -> None:
    frame = pd.DataFrame(rows(NL, ("O04",)), columns=NL_HEAD)
    frame["Periode"] = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"])
    frame.loc[1, "Indicator"] = "O4"
    frame.to_parquet(path, index=False)


@corpus_file(
    "infinite_values.parquet",
    "Parquet written by an analyst's script: contacts per outreach hour times hours, where a "
    "month with 0 hours gave inf",
    "an error at row 3, column 'value' (inf is not a count); the row is not used",
)
def parquet_inf(path: Path) -> None:
    frame = pd.DataFrame(
        rows(NL, ("O04",)),
        columns=["project_id", "nis_code", "period", "indicator_id", "value", "note"],
    )
    frame["value"] = [34.0, float("inf"), 38.0]
    frame.to_parquet(path, index=False)


@corpus_file(
    "parquet_with_index.parquet",
    "Parquet written from a frame indexed by project and NIS code (after a groupby), so those "
    "two columns are the index; one value is -1",
    "the index columns read as columns; negative_count at row 4, column 'value'",
)
def parquet_index(path: Path) -> None:
    frame = pd.DataFrame(
        rows(NL, ("O04",)),
        columns=["project_id", "nis_code", "period", "indicator_id", "value", "note"],
    )
    frame.loc[2, "value"] = -1
    frame.set_index(["project_id", "nis_code"]).to_parquet(path)


# --- not data ------------------------------------------------------------------------------------


@corpus_file(
    "corrupt_truncated.xlsx",
    "an xlsx cut off halfway (a failed download)",
    "unreadable_file; exit code 2",
)
def truncated(path: Path) -> None:
    buf = io.BytesIO()
    save_workbook(workbook({"Registraties": [NL_HEAD, *rows(NL)]}), path)
    data = path.read_bytes()
    buf.write(data[: len(data) // 2])
    path.write_bytes(buf.getvalue())


@corpus_file(
    "old_excel_renamed.xlsx",
    "an old .xls file (OLE2) renamed to .xlsx",
    "unreadable_file, saying to save it again as .xlsx; exit code 2",
)
def xls_renamed(path: Path) -> None:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(24)
    path.write_bytes(header + bytes((i * 37 + 11) % 256 for i in range(2048)))


@corpus_file(
    "readme.txt",
    "a text note in the data folder, named on the command line",
    "unrecognised_table; exit code 2",
)
def readme_txt(path: Path) -> None:
    path.write_bytes(b"Registraties Q1 verstuurd naar FOD op 5 april.\r\nGroeten, Sofie\r\n")


@corpus_file(
    "report.docx", "a Word document named on the command line", "unsupported_file; exit code 2"
)
def docx(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + bytes(60))


# --- writing -------------------------------------------------------------------------------------


def readme() -> str:
    lines = [
        "# Bad-input corpus",
        "",
        "Small real files, each holding a mistake real users make. Written by",
        "`tests/data/make_corpus.py` (do not edit by hand; run it and commit its output) and",
        "checked by `tests/test_corpus.py`, which holds the exact rows and columns expected.",
        "Rows are numbered as the user sees them: the Excel row, or the line in a text editor",
        "(Parquet: row 1 is the header). Where the main mistake is only a warning, the file has",
        'a second mistake that is an error ("also"), so that validation fails on every file.',
        "",
        "Rows not accounted for in `tests/test_corpus.py` (neither used nor named by an issue):",
        "none, except where a whole file or sheet is reported (unreadable, unrecognised, a",
        "missing required column, an empty file), which names every row of it at once.",
        "",
        "| file | mistake | the kit should say | also |",
        "|---|---|---|---|",
    ]
    for e in sorted(ENTRIES, key=lambda e: e.name):
        lines.append(f"| `{e.name}` | {e.mistake} | {e.says} | {e.also} |")
    return "\n".join(lines) + "\n"


def write_corpus(out: Path = CORPUS) -> list[Path]:
    """Write every corpus file and the README into ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for e in ENTRIES:
        e.build(out / e.name)
        written.append(out / e.name)
    (out / "README.md").write_text(readme(), encoding="utf-8")
    return [*written, out / "README.md"]


if __name__ == "__main__":
    paths = write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
    print(f"{len(paths)} files written to {paths[0].parent}")
