"""Text files (CSV, TSV, TXT): broken quotes, control characters, encodings, odd layouts, limits.

Rows are counted per line, as a person counts them in a text editor: a stray quote that swallows
the lines after it must not make those lines vanish.
"""

from __future__ import annotations

from pathlib import Path

from . import NL_HEAD, Built, case, csv_rows, csv_text, registrations

CRLF = "\r\n"


def _lines(n: int = 12) -> list[str]:
    """The header and ``n`` clean rows of a Dutch CSV, as lines without their ends."""
    return csv_text(NL_HEAD, registrations(n)).split(CRLF)[:-1]


def _many(n: int) -> list[str]:
    """The header and ``n`` clean rows over as many months as needed, as lines."""
    ind = ("O04", "O01", "O05", "I02")
    body = [
        [
            f"P{i // 1200}",
            "45041",
            f"{2000 + i % 1200 // 48}-{i // 4 % 12 + 1:02d}",
            ind[i % 4],
            i % 50,
            "",
        ]
        for i in range(n)
    ]
    return csv_text(NL_HEAD, body).split(CRLF)[:-1]


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@case("csv_unterminated_quote", exit=0, usable=12, checks=frozenset({"unclosed_quote"}))
def unterminated_quote(folder: Path) -> Built:
    """A quote opened in row 6 and never closed: the csv reader swallows rows 6 to 13 into one
    cell. The quote's line is named, and every row (row 6 without the quote) is read."""
    lines = _lines()
    lines[5] = '"' + lines[5]
    _write(folder, "data.csv", CRLF.join(lines) + CRLF)
    return Built("data.csv", csv_rows("data.csv", 2, 12))


@case(
    "csv_unterminated_quote_long",
    exit=0,
    usable=6000,
    checks=frozenset({"unclosed_quote"}),
)
def unterminated_quote_long(folder: Path) -> Built:
    """A quote opened in the value of row 40 of 6,000 rows: the swallowed cell outgrows the csv
    module's field limit (128 KB), which refused the whole file."""
    lines = _many(6000)
    cells = lines[40].split(";")
    lines[40] = ";".join(cells[:4] + ['"' + cells[4]] + cells[5:])
    _write(folder, "data.csv", CRLF.join(lines) + CRLF)
    return Built("data.csv", csv_rows("data.csv", 2, 6000))


@case("csv_two_unterminated_quotes", exit=0, usable=12, checks=frozenset({"unclosed_quote"}))
def two_unterminated_quotes(folder: Path) -> Built:
    """Two quotes that open a cell in rows 4 and 10, each closed by nothing but the other:
    rows 4 to 10 become one record in the csv reader; the last quote runs to the end."""
    lines = _lines()
    lines[3] = lines[3].replace("RONSE", '"RONSE')
    lines[9] = lines[9].replace("RONSE", '"RONSE')
    lines[11] = lines[11].replace("RONSE", '"RONSE')
    _write(folder, "data.csv", CRLF.join(lines) + CRLF)
    return Built("data.csv", csv_rows("data.csv", 2, 12))


def _title_case(mark: str, label: str) -> None:
    def build(folder: Path) -> Built:
        lines = ["Registraties Ronse" + mark + "2024", *_lines()]
        _write(folder, "data.csv", CRLF.join(lines) + CRLF)
        return Built("data.csv", csv_rows("data.csv", 3, 12))

    build.__doc__ = (
        f"A title line holding {label} (a line break for Python's str.splitlines, not for the "
        "csv reader): the header was looked for one line off, and one row vanished."
    )
    case(f"csv_title_with_{label}", exit=0, usable=12)(build)


for _mark, _label in [
    ("\u2028", "line_separator"),
    ("\u2029", "paragraph_separator"),
    ("\x85", "next_line"),
    ("\x0c", "form_feed"),
    ("\x0b", "vertical_tab"),
    ("\x1c", "file_separator"),
]:
    _title_case(_mark, _label)


@case("csv_header_led_by_form_feed", exit=0, usable=12)
def header_led_by_form_feed(folder: Path) -> Built:
    """A form feed before the header (a printed page break): the header line was split in two."""
    lines = _lines()
    lines[0] = "\x0c" + lines[0]
    _write(folder, "data.csv", CRLF.join(lines) + CRLF)
    return Built("data.csv", csv_rows("data.csv", 2, 12))


@case("csv_lone_carriage_return_in_a_value", exit=1, usable=12)
def lone_carriage_return(folder: Path) -> Built:
    """A carriage return alone inside a project name (pasted from an old Mac text): a line
    break for every editor, but the reader refused the whole file."""
    lines = _lines()
    lines[4] = lines[4].replace("RONSE", "RON\rSE", 1)
    _write(folder, "data.csv", CRLF.join(lines) + CRLF)
    return Built("data.csv", csv_rows("data.csv", 2, 13))


@case("csv_nul_bytes_at_the_head", exit=0, usable=12)
def nul_head(folder: Path) -> Built:
    """Three NUL bytes before the header (a file written over a pre-allocated one)."""
    _write(folder, "data.csv", b"\x00\x00\x00" + (CRLF.join(_lines()) + CRLF).encode())
    return Built("data.csv", csv_rows("data.csv", 2, 12))


@case("csv_nul_run_at_the_head", exit=0, usable=12)
def nul_run_head(folder: Path) -> Built:
    """300 NUL bytes before the header: taken for UTF-16 without a BOM, read as garbage."""
    _write(folder, "data.csv", b"\x00" * 300 + (CRLF.join(_lines()) + CRLF).encode())
    return Built("data.csv", csv_rows("data.csv", 2, 12))


@case("csv_only_separators", exit=2, checks=frozenset({"empty_file"}))
def only_separators(folder: Path) -> Built:
    """A file of only separators (an export of an empty range): it holds no data."""
    _write(folder, "data.csv", ";;;;;;" + CRLF * 100 + ";;;;;;" * 50)
    return Built("data.csv", frozenset())


def _encoding_case(encoding: str, bom: bytes) -> None:
    label = encoding.replace("-", "") + ("_bom" if bom else "")

    def build(folder: Path) -> Built:
        _write(folder, "data.csv", bom + (CRLF.join(_lines()) + CRLF).encode(encoding))
        return Built("data.csv", csv_rows("data.csv", 2, 12))

    build.__doc__ = f"The CSV in {encoding}{' with a BOM' if bom else ' without a BOM'}."
    case(f"csv_{label}", exit=0, usable=12)(build)


_encoding_case("utf-32-le", b"\xff\xfe\x00\x00")
_encoding_case("utf-32-be", b"\x00\x00\xfe\xff")
_encoding_case("utf-32-le", b"")
_encoding_case("utf-32-be", b"")


@case("csv_header_on_line_31", exit=0, usable=12)
def header_on_line_31(folder: Path) -> Built:
    """Thirty lines of title and explanation before the header (the search stopped at 30)."""
    lines = [f"Toelichting {i}" for i in range(30)] + _lines()
    _write(folder, "data.csv", CRLF.join(lines) + CRLF)
    return Built("data.csv", csv_rows("data.csv", 32, 12))


@case("csv_prose_text_file", exit=2, checks=frozenset({"not_a_table"}), says=("Project",))
def prose(folder: Path) -> Built:
    """A .txt file of prose (a report pasted into the data folder): not a table; the message
    says so and what a registration file looks like."""
    text = (
        "Verslag van het project in Ronse, voorjaar 2024.\n\n"
        "De straathoekwerkers waren drie avonden per week aanwezig; de buurt reageerde goed.\n"
        "In maart waren er minder meldingen, vooral rond het station, de markt en het park.\n"
    )
    _write(folder, "verslag.txt", text * 10)
    return Built("verslag.txt", frozenset())


@case("csv_100000_columns_headers_at_the_end", exit=0, usable=12)
def wide_blank(folder: Path) -> Built:
    """100,000 columns, the known headers in the last six (a sheet saved with its whole width)."""
    pad = ";" * 99_994
    lines = [pad + line for line in _lines()]
    _write(folder, "data.csv", CRLF.join(lines) + CRLF)
    return Built("data.csv", csv_rows("data.csv", 2, 12))


@case(
    "csv_line_over_the_limit",
    exit=1,
    usable=11,
    checks=frozenset({"line_too_long"}),
    env={"SOCPREV_LIMIT_LINE_CHARS": "2000"},
    says=("SOCPREV_LIMIT_LINE_CHARS",),
)
def line_too_long(folder: Path) -> Built:
    """A note of 5,000 characters in row 7 with the line limit at 2,000: that line is named
    with the limit and its variable, the others are read."""
    lines = _lines()
    lines[6] = lines[6] + "x" * 5000
    _write(folder, "data.csv", CRLF.join(lines) + CRLF)
    return Built("data.csv", csv_rows("data.csv", 2, 12))


@case(
    "csv_too_many_columns",
    exit=2,
    checks=frozenset({"too_many_columns"}),
    says=("SOCPREV_LIMIT_COLUMNS",),
)
def too_many_columns(folder: Path) -> Built:
    """A header of 2,506 named columns (over the limit of 2,000): refused whole with the limit."""
    extra = [f"kolom {i}" for i in range(2500)]
    body = [r + [""] * 2500 for r in registrations(12)]
    _write(folder, "data.csv", csv_text(NL_HEAD + extra, body))
    return Built("data.csv", csv_rows("data.csv", 2, 12))
