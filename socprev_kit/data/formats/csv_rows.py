"""The records of a text file, line by line, with every line accounted for.

Lines are numbered as a text editor numbers them: ``\\r\\n``, ``\\r`` or ``\\n`` end a line, and
nothing else (``str.splitlines`` also breaks at form feeds, vertical tabs and Unicode line
separators, which the csv reader keeps inside a cell: counting with it shifted the rows). A quote
that is never closed, or closed only by a stray quote lines further, swallows the lines after it
into one cell: :class:`Records` names its line and reads the record again without that quote, so
that no line vanishes. :func:`read_columns` makes the table's columns of the records.
"""

from __future__ import annotations

import bisect
import csv
import re
from array import array
from collections.abc import Iterator

import numpy as np

from ..tables import ReadResult, column_letter

#: A line end, as a text editor sees one.
EOL = re.compile(r"\r\n|\r|\n")


class Lines:
    """The lines of ``text`` from offset ``pos`` (line ``number`` is the one before it), each
    with its end, as the csv reader takes them.

    A line longer than ``limit`` characters is given as an empty line (so the csv reader skips
    it) and its number kept in :attr:`long`. Quotes at the offsets of :meth:`drop` are left out.
    """

    def __init__(self, text: str, pos: int, number: int, limit: int) -> None:
        self.text, self.pos, self.number, self.limit = text, pos, number, limit
        self.long: set[int] = set()
        self.dropped: list[int] = []

    def __iter__(self) -> Lines:
        return self

    def __next__(self) -> str:
        text, start = self.text, self.pos
        if start >= len(text):
            raise StopIteration
        m = EOL.search(text, start)
        end, self.pos = (m.start(), m.end()) if m else (len(text), len(text))
        self.number += 1
        if end - start > self.limit:
            self.long.add(self.number)
            return "\n"
        line = text[start : self.pos]
        i = bisect.bisect_left(self.dropped, start)
        for q in reversed(self.dropped[i : bisect.bisect_left(self.dropped, end)]):
            line = line[: q - start] + line[q - start + 1 :]
        return line

    def seek(self, pos: int, number: int) -> None:
        """Go on from offset ``pos``, the line after line ``number``."""
        self.pos, self.number = pos, number

    def drop(self, offset: int) -> None:
        """Leave the quote at ``offset`` out of the lines from now on."""
        bisect.insort(self.dropped, offset)


class Records:
    """The records of ``text`` from offset ``pos`` (after line ``number``), each with the line
    it starts on: ``for line, record in Records(...)``.

    After the loop, :attr:`quotes` holds ``(line, field)`` of each broken quote (read again
    without it), :attr:`errors` ``(line, message)`` of lines the csv reader refused, and
    ``lines.long`` the lines over the length limit. Reading again is bounded: past about three
    readings of the text, the rest is read with quotes as plain characters.
    """

    def __init__(self, text: str, sep: str, pos: int, number: int, limit: int) -> None:
        self.text, self.sep, self.header_row = text, sep, number
        self.lines = Lines(text, pos, number, limit)
        self.quotes: list[tuple[int, int]] = []
        self.errors: list[tuple[int, str]] = []
        self._stop = re.compile("[" + re.escape(sep) + "\r\n]")

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        lines, text = self.lines, self.text
        reader = csv.reader(lines, delimiter=self.sep)
        budget, plain = 2 * len(text) + 1_000_000, False
        while True:
            at, first = lines.pos, lines.number + 1
            try:
                record, error = next(reader), ""
            except StopIteration:
                return
            except csv.Error as exc:
                record, error = None, str(exc)
            if record is not None and lines.number == first:
                yield first, record
                continue
            broken = None if plain else self._broken_quote(at)
            if broken is not None:
                quote, field = broken
                self.quotes.append((first + len(EOL.findall(text, at, quote)), field))
                lines.drop(quote)
                budget -= len(text) - at
                if budget < 0:  # a file made of broken quotes: the rest without quoting
                    plain = True
                    reader = csv.reader(lines, delimiter=self.sep, quoting=csv.QUOTE_NONE)
                lines.seek(at, first - 1)
            elif record is None:
                self.errors.append((first, error))
                m = EOL.search(text, at)
                lines.seek(m.end() if m else len(text), first)
            else:
                yield first, record

    def _broken_quote(self, pos: int) -> tuple[int, int] | None:
        """The offset and field number of the first quote of the record at ``pos`` that is
        never closed, or closed across a line end by a quote that a separator does not follow
        (a stray quote); ``None`` when the record's quotes are sound."""
        text, sep, dropped = self.text, self.sep, self.lines.dropped
        field = 0
        while pos < len(text):
            if text[pos] == '"' and not _has(dropped, pos):
                close = _closing_quote(text, pos + 1, dropped)
                if close == -1:
                    return pos, field
                after = text[close + 1 : close + 2]
                if after not in (sep, "\r", "\n", "") and EOL.search(text, pos, close):
                    return pos, field
                pos = close + 1
            m = self._stop.search(text, pos)
            if m is None or m.group() != sep:
                return None
            pos, field = m.end(), field + 1
        return None


def read_columns(
    result: ReadResult, name: str, body: Records, header: list[str], keep: list[int]
) -> tuple[list, np.ndarray]:
    """The body read record by record: quoted separators and line breaks, blank lines and
    ragged rows, with the line each record starts on (what a text editor shows). The columns
    are Arrow strings, built a block of rows at a time (Python strings cost ten times more).

    A row with more filled cells than there are headers (often ``7,5`` typed in a file separated
    by commas) is reported and not used: which cell is which cannot be known. Blank records are
    left out here (they are not rows).
    """
    import pyarrow as pa

    width, sep = len(header), body.sep
    every = len(keep) == width
    chunks: list[list] = [[] for _ in keep]
    block, starts, unnamed = [], array("q"), set()
    for start, record in body:
        if len(record) > width and any(c.strip() for c in record[width:]):
            hint = str(width)
            result.issue("ragged_row", name, row=start, value=sep.join(record)[:80], hint=hint)
            continue
        if not any(c.strip() for c in record):
            continue
        if not every:
            unnamed.update(
                j for j, c in enumerate(record[:width]) if c.strip() and not header[j].strip()
            )
            record = [record[j] if j < len(record) else "" for j in keep]
        block.append((record + [""] * width)[: len(keep)])
        starts.append(start)
        if len(block) == 1 << 16:
            _add_block(chunks, block)
    _add_block(chunks, block)
    _report_reading(result, name, body, header)
    for j in sorted(unnamed):
        result.issue("unnamed_column", name, row=body.header_row, column=column_letter(j))
    columns = [pa.chunked_array(c, type=pa.string()) for c in chunks]
    return columns, np.frombuffer(starts, dtype=np.int64) if starts else np.empty(0, dtype=int)


def _add_block(chunks: list[list], block: list[list[str]]) -> None:
    """Add the rows of ``block`` to the Arrow chunks of each column, and empty it."""
    import pyarrow as pa

    for j, column in enumerate(zip(*block, strict=True)):
        chunks[j].append(pa.array(column, type=pa.string()))
    block.clear()


def _report_reading(result: ReadResult, name: str, body: Records, header: list[str]) -> None:
    """Issues for the broken quotes, refused lines and over-long lines met while reading."""
    for line, field in body.quotes:
        column = (
            header[field] if field < len(header) and header[field].strip() else column_letter(field)
        )
        result.issue("unclosed_quote", name, row=line, column=column)
    for line, error in body.errors:
        result.issue("bad_line", name, row=line, hint=error[:120])
    for line in sorted(body.lines.long):
        result.issue("line_too_long", name, row=line, hint=str(body.lines.limit))


def _closing_quote(text: str, j: int, dropped: list[int]) -> int:
    """The offset of the quote that closes a quoted cell opened before ``j``, or -1 (``""`` is
    a quote inside the cell)."""
    while True:
        j = text.find('"', j)
        if j == -1:
            return -1
        if _has(dropped, j):
            j += 1
        elif text.startswith('"', j + 1):
            j += 2
        else:
            return j


def _has(items: list[int], x: int) -> bool:
    i = bisect.bisect_left(items, x)
    return i < len(items) and items[i] == x
