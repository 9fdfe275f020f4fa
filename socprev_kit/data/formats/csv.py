"""The reader of text files: CSV, TSV and TXT in any Belgian dialect.

It decodes the bytes (UTF-8 with or without BOM, UTF-16 and UTF-32 with or without BOM,
Windows-1252, a mix of UTF-8 and Windows-1252 lines), finds the header line and the separator in
the first lines, and reads the body: through Arrow for a clean file, else record by record
(:mod:`socprev_kit.data.formats.csv_rows`) with every line accounted for. What it cannot read
becomes an issue naming the file and the line; a line or a header over a limit of
:func:`~socprev_kit.common.limits.limits` is named with the limit, never read in part without a
word.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

from ...common.limits import Limits, limits
from ..tables import ReadResult, add_table, known_headers
from .csv_rows import EOL, Records, read_columns

SEPARATORS = (";", ",", "\t", "|")
#: A text of nothing but separators, quotes, blanks and control characters holds no data.
_NOTHING = re.compile(r'[\s;,|"\x00-\x1f\x7f]*')
_FILLED = re.compile(r"\S")
#: Characters the Arrow reader does not read as the csv module does (quotes, NUL, DOS end mark).
_NOT_FOR_ARROW = ('"', "\x00", "\x1a")
#: Byte order marks of UTF-32 and UTF-16, longest first (the UTF-32 LE mark begins with the
#: UTF-16 LE one); UTF-8's is read with the bytes after it.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: Where the NUL bytes fall among each four bytes of text with a fixed width of code unit.
_WIDE = {
    (False, True, True, True): "utf-32-le",
    (True, True, True, False): "utf-32-be",
    (False, True, False, True): "utf-16-le",
    (True, False, True, False): "utf-16-be",
}


def decode(raw: bytes) -> tuple[str, str]:
    """Decode file bytes; returns ``(text, encoding)``.

    UTF-8, UTF-16 and UTF-32, with a BOM or recognised without one by where their NUL bytes
    fall (``"utf-16"``, ``"utf-32"``); a file that is not valid UTF-8 is read as Windows-1252,
    line by line where only some lines are UTF-8 (a file pasted together from two exports):
    then the encoding is ``"mixed"``. NUL bytes at the head of a UTF-8 file are kept as
    characters (header matching ignores them).
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, errors="replace"), codec[:6]
    wide, start = _wide(raw)
    if wide:
        return raw[start:].decode(wide, errors="replace"), wide[:6]
    bom = raw.startswith(b"\xef\xbb\xbf")
    body = raw[3:] if bom else raw
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    decoded, utf8 = [], 0
    for line in body.splitlines(keepends=True):
        try:
            decoded.append(line.decode("utf-8"))
            utf8 += any(b > 127 for b in line)
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
    return "".join(decoded), "mixed" if utf8 else "cp1252"


def _wide(raw: bytes) -> tuple[str | None, int]:
    """UTF-16 or UTF-32 without a BOM, told by where the NUL bytes fall in each four bytes
    (a run of NUL bytes at the head is passed over); ``(codec or None, first byte)``."""
    lead = len(raw) - len(raw.lstrip(b"\x00"))
    start = lead - lead % 4
    sample = raw[start : start + 4000]
    if len(sample) < 8:
        return None, 0
    share = [sample[k::4].count(0) / len(sample[k::4]) for k in range(4)]
    if any(0.2 <= s <= 0.5 for s in share):
        return None, 0
    return _WIDE.get(tuple(s > 0.5 for s in share)), start


def head_lines(text: str, n: int, limit: int) -> tuple[list[str | None], list[int]]:
    """The first ``n`` lines of ``text`` (without their ends; a line over ``limit`` characters
    as ``None``) and the offset after each."""
    lines, ends, pos = [], [], 0
    while len(lines) < n and pos < len(text):
        m = EOL.search(text, pos)
        end, after = (m.start(), m.end()) if m else (len(text), len(text))
        lines.append(text[pos:end] if end - pos <= limit else None)
        ends.append(after)
        pos = after
    return lines, ends


def sniff(lines: list[str | None]) -> tuple[int, str, int]:
    """Find the header line and the separator: ``(line index, separator, known headers)``."""
    best = (0, ";", 0)
    for i, line in enumerate(lines):
        for sep in SEPARATORS:
            if line is None or sep not in line:
                continue
            cells = next(csv.reader([line], delimiter=sep), [])
            score = known_headers(cells)
            if score > best[2]:
                best = (i, sep, score)
        if best[2] >= 3:
            break
    return best


def read_csv(path: Path, result: ReadResult) -> None:
    """Read one text file into ``result``: its table, or issues saying why not."""
    name, lim = str(path), limits()
    raw = path.read_bytes()
    text, encoding = _text(raw, result, name)
    if _NOTHING.fullmatch(text):
        result.issue("empty_file", name)
        return
    head, ends = head_lines(text, lim.header_lines, lim.line_chars)
    hdr, sep, score = sniff(head)
    if score < 2:
        _not_read(result, name, head, lim.line_chars)
        return
    header = next(csv.reader([head[hdr]], delimiter=sep))
    keep = _kept(header, lim)
    if keep is None:
        named = sum(1 for h in header if h.strip())
        result.issue("too_many_columns", name, value=named, hint=str(lim.columns))
        return
    columns, rows = None, None
    if len(keep) == len(header) and not any(c in text for c in _NOT_FOR_ARROW):
        columns = _csv_columns_arrow(raw, encoding, sep, hdr, len(header), lim, text)
    del raw  # the record reader needs the text only
    if columns is None:
        body = Records(text, sep, ends[hdr], hdr + 1, lim.line_chars)
        columns, rows = read_columns(result, name, body, header, keep)
    add_table(
        result,
        name,
        "",
        [header[j] for j in keep],
        columns,
        decimal_comma=sep != ",",
        header_row=hdr + 1,
        rows=rows,
        positions=keep if len(keep) < len(header) else None,
    )


def _text(raw: bytes, result: ReadResult, name: str) -> tuple[str, str]:
    """The decoded text without a DOS end-of-file mark (Ctrl-Z, not a line), and its
    encoding; a guessed encoding is said."""
    text, encoding = decode(raw)
    if encoding in ("cp1252", "mixed"):
        result.issue("encoding_guess", name)
    tail = text[-256:]
    end = tail.rfind("\x1a")
    if end != -1 and not tail[end + 1 :].strip():
        text = text[: len(text) - len(tail) + end]
    return text, encoding


def _not_read(result: ReadResult, name: str, head: list[str | None], limit: int) -> None:
    """A file without known headers: prose (``not_a_table``) or a table of other columns; a
    line over the length limit among the first is named (it may be the header)."""
    for i in (i for i, ln in enumerate(head) if ln is None):
        result.issue("line_too_long", name, row=i + 1, hint=str(limit))
    head = [ln for ln in head if ln is not None]
    first = next((ln for ln in head if ln.strip()), "")[:80]
    if _tabular(head):
        result.issue("unrecognised_table", name, row=1, value=first, hint=first)
    else:
        result.issue("not_a_table", name, value=first, hint=first)


def _tabular(lines: list[str]) -> bool:
    """Whether lines look like a table: one separator as often in at least half the lines."""
    filled = [ln for ln in lines if ln.strip()]
    for sep in SEPARATORS:
        counts = Counter(ln.count(sep) for ln in filled)
        counts.pop(0, None)
        if counts and max(counts.values()) >= max(2, len(filled) / 2):
            return True
    return False


def _kept(header: list[str], lim: Limits) -> list[int] | None:
    """The columns to read: all, or where the header has more cells than the limit allows
    (a sheet saved with its whole width), those with a header; ``None`` when even those are
    over the limit."""
    if len(header) <= lim.columns:
        return list(range(len(header)))
    named = [j for j, h in enumerate(header) if h.strip()]
    return named if len(named) <= lim.columns else None


def _csv_columns_arrow(
    raw: bytes, encoding: str, sep: str, hdr: int, width: int, lim: Limits, text: str
) -> list | None:
    """The body as Arrow string columns, or ``None`` where the fast reader does not apply.

    Arrow's reader is several times faster than pandas' on the files of a large data set, but it
    skips blank lines (row numbers would shift), refuses rows longer than the header and reads
    quotes its own way: such files go through :class:`~socprev_kit.data.formats.csv_rows.Records`.
    A line longer than a block of ``line_chars`` bytes fails here too, and is named there.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if encoding not in ("utf-8", "utf-8-sig", "cp1252") or lim.line_chars < 1 << 16:
        return None
    if _blank_line_inside(text):
        return None
    data = raw[3:] if encoding == "utf-8-sig" else raw
    names = [f"c{j}" for j in range(width)]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(
                skip_rows=hdr + 1,
                column_names=names,
                encoding="cp1252" if encoding == "cp1252" else "utf8",
                block_size=lim.line_chars,
            ),
            parse_options=pacsv.ParseOptions(delimiter=sep),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError):
        return None
    return [table.column(j) for j in range(width)]


def _blank_line_inside(text: str) -> bool:
    """True when an empty line stands before the last line with data."""
    for blank in ("\n\n", "\n\r\n", "\r\r"):  # \r\n\r\n holds \n\r\n
        at = text.find(blank)
        if at != -1 and _FILLED.search(text, at):
            return True
    return False
