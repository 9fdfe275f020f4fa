"""The text file reader: encodings, line numbering, broken quotes, limits (issue 14)."""

from __future__ import annotations

import numpy as np
import pytest

from socprev_kit import load
from socprev_kit.data.formats.csv import decode, head_lines, sniff
from socprev_kit.data.formats.csv_rows import Records
from socprev_kit.data.reading import read_paths

HEADER = "Project;NIS-code;Periode;Indicator;Waarde;Opmerking"
ROWS = [f"GENT-SW;44021;2023-{m:02d};I01;{m};" for m in range(1, 9)]
TEXT = "\r\n".join([HEADER, *ROWS]) + "\r\n"


def table(path):
    """The one table read from ``path`` and the issues, as ``(frame, [(check, row, column)])``."""
    raw = read_paths(path)
    issues = [(i["check"], i["row"], i["column"]) for i in raw.issues]
    return (raw.tables[0].frame if raw.tables else None), issues


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
        ("utf-32-le", b""),
        ("utf-32-be", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_utf16_and_utf32_with_and_without_bom(codec, bom):
    text, encoding = decode(bom + "Période;été\r\n".encode(codec))
    assert text == "Période;été\r\n"
    assert encoding == codec[:6]


def test_nul_bytes_at_the_head_are_not_taken_for_utf16(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(b"\x00" * 300 + TEXT.encode())
    frame, _ = table(path)
    assert frame["period"].tolist() == [f"2023-{m:02d}" for m in range(1, 9)]
    assert frame["source_row"].tolist() == list(range(2, 10))


def test_a_bom_before_windows_1252_bytes_reads_them_as_windows_1252():
    assert decode(b"\xef\xbb\xbfP\xe9riode") == ("Période", "cp1252")


@pytest.mark.parametrize("mark", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c"])
def test_lines_are_counted_as_an_editor_counts_them(tmp_path, mark):
    """A line separator or form feed in a title line is no line end: the header is line 2."""
    lines, _ = head_lines(f"Titel{mark}Gent\r\n{HEADER}\r\n", 50, 1000)
    assert sniff(lines)[:2] == (1, ";")
    path = tmp_path / "r.csv"
    path.write_text(f"Titel{mark}Gent\r\n" + TEXT, encoding="utf-8")
    frame, _ = table(path)
    assert frame["source_row"].tolist() == list(range(3, 11))


def test_an_unclosed_quote_is_named_and_every_row_read(tmp_path):
    lines = TEXT.split("\r\n")
    lines[3] = lines[3].replace("I01;", 'I01;"')
    path = tmp_path / "r.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    frame, issues = table(path)
    assert ("unclosed_quote", 4, "Waarde") in issues
    assert frame["source_row"].tolist() == list(range(2, 10))
    assert frame["value"].tolist() == [str(m) for m in range(1, 9)]


def test_a_quote_closed_lines_further_by_a_stray_quote_is_named():
    """``"GENT`` in row 3 is closed by ``"GENT`` in row 6 (a quote, then a letter): both are
    stray quotes; rows 3 to 6 are no single cell."""
    lines = TEXT.split("\r\n")
    lines[2] = '"' + lines[2]
    lines[5] = '"' + lines[5]
    body = Records("\r\n".join(lines), ";", len(lines[0]) + 2, 1, 1000)
    records = list(body)
    assert [line for line, _ in records] == list(range(2, 10))
    assert [r[0] for _, r in records][:8] == ["GENT-SW"] * 8
    assert body.quotes == [(3, 0), (6, 0)]


def test_a_quoted_cell_over_several_lines_stays_one_cell():
    text = 'a;"twee\r\nregels";b\r\nc;d;e\r\n'
    body = Records(text, ";", 0, 0, 1000)
    assert list(body) == [(1, ["a", "twee\r\nregels", "b"]), (3, ["c", "d", "e"])]
    assert body.quotes == []


def test_a_file_of_broken_quotes_is_read_in_bounded_time():
    """Every line opens a quote: past about three readings, the rest is read without quoting;
    every line still comes back as a record."""
    text = "".join(f'"{i};x;y\r\n' for i in range(3000))
    body = Records(text, ";", 0, 0, 1000)
    assert [line for line, _ in body] == list(range(1, 3001))


def test_a_lone_carriage_return_ends_a_line(tmp_path):
    lines = TEXT.split("\r\n")
    lines[2] = lines[2].replace("GENT", "GE\rNT")
    path = tmp_path / "r.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8", newline="")
    frame, _ = table(path)
    assert frame["source_row"].tolist() == list(range(2, 11))
    assert frame["project_id"].tolist()[1:3] == ["GE", "NT-SW"]


def test_a_line_over_the_limit_is_named_with_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("SOCPREV_LIMIT_LINE_CHARS", "100")
    lines = TEXT.split("\r\n")
    lines[4] += "x" * 200
    path = tmp_path / "r.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    data = load(path, lang="en")
    named = data.issues.query("check == 'line_too_long'")
    assert named["row"].tolist() == [5]
    assert "SOCPREV_LIMIT_LINE_CHARS" in named["message"].iat[0]
    assert "100" in named["message"].iat[0]
    assert sorted(data.registrations["source_row"]) == [2, 3, 4, 6, 7, 8, 9]


def test_too_many_named_columns_refuse_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SOCPREV_LIMIT_COLUMNS", "5")
    path = tmp_path / "r.csv"
    path.write_text(TEXT, encoding="utf-8")
    data = load(path, lang="en")
    assert data.issues["check"].tolist()[0] == "too_many_columns"
    assert "SOCPREV_LIMIT_COLUMNS" in data.issues["message"].iat[0]
    assert data.registrations.empty


def test_blank_columns_over_the_limit_are_left_out_with_their_letters(tmp_path, monkeypatch):
    """30 blank columns before the headers, the limit at 10: the six named ones are read, each
    value named by its real letter (AI: column 35), data under a blank header named."""
    monkeypatch.setenv("SOCPREV_LIMIT_COLUMNS", "10")
    lines = [";" * 30 + line for line in TEXT.split("\r\n")[:-1]]
    lines[2] = "zomaar" + lines[2]
    path = tmp_path / "r.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    frame, issues = table(path)
    assert frame["source_row"].tolist() == list(range(2, 10))
    assert set(frame["source_column"]) == {"AI"}
    assert ("unnamed_column", 1, "A") in issues


def test_prose_is_not_a_table_and_separators_alone_are_empty(tmp_path):
    prose = tmp_path / "verslag.txt"
    prose.write_text("Het project liep goed.\nIn maart, vooral, minder meldingen.\n")
    sep = tmp_path / "leeg.csv"
    sep.write_text(";;;;\r\n;;;;\r\n")
    other = tmp_path / "ander.csv"
    other.write_text("a;b;c\r\n1;2;3\r\n4;5;6\r\n")
    assert table(prose)[1] == [("not_a_table", None, "")]
    assert table(sep)[1] == [("empty_file", None, "")]
    assert table(other)[1] == [("unrecognised_table", 1, "")]


def test_the_header_is_searched_in_the_lines_the_limit_gives(tmp_path, monkeypatch):
    path = tmp_path / "r.csv"
    path.write_text("uitleg\r\n" * 40 + TEXT, encoding="utf-8")
    assert table(path)[0]["source_row"].tolist() == list(range(42, 50))
    monkeypatch.setenv("SOCPREV_LIMIT_HEADER_LINES", "30")
    assert table(path)[0] is None


def test_a_clean_file_keeps_the_fast_arrow_reader(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(TEXT, encoding="utf-8")
    column = read_paths(path).tables[0].columns["value"]
    assert not isinstance(column, np.ndarray)  # Arrow strings, not Python objects


def test_a_header_line_over_the_limit_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("SOCPREV_LIMIT_LINE_CHARS", "40")
    path = tmp_path / "r.csv"
    path.write_text(TEXT, encoding="utf-8")
    assert table(path)[1] == [("line_too_long", 1, ""), ("unrecognised_table", 1, "")]
