"""Every row accounted for (issue 14, item 1): broken variants of real sample CSV files.

Each example takes the head of a real sample file (``sample_data/clean`` and ``sample_data/messy``)
and breaks it as files get broken in real life: separators swapped, stray quotes and control
characters inserted (NUL, vertical tab, form feed, line separators, the DOS end mark, a carriage
return alone), re-encoded (UTF-8 with and without BOM, Windows-1252, UTF-16 and UTF-32 with and
without BOM) and cut at any byte. On each, :func:`socprev_kit.load` must not raise, and every data
row the variant holds must be usable, named by an issue, or in a file refused whole.

The data rows are found without the kit: the bytes decoded with the codec that wrote them and read
with Python's csv module (as ``tests/test_corpus.py`` does), each record after the header that has
a filled cell being a row, numbered by the line it starts on. The examples are derandomized.
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socprev_kit import load
from socprev_kit.data.contract import ALIASES, normalise_header
from socprev_kit.validation.messages import CHECKS

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

from hostile import account, lost_rows  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "sample_data" / "clean").glob("*.csv")) + sorted(
    (ROOT / "sample_data" / "messy").glob("*.csv")
)
#: Lines of each sample kept: enough for a header and a screen of rows, small enough to be fast.
HEAD_LINES = 16
CONTROLS = ["\x00", "\x0b", "\x0c", "\u2028", "\u2029", "\x85", "\x1a", "\r", "\x07", "\x1c"]
#: (codec, byte order mark) of each re-encoding.
ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("cp1252", b""),
    ("utf-16-le", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b""),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b""),
    ("utf-32-le", b"\xff\xfe\x00\x00"),
    ("utf-32-be", b"\x00\x00\xfe\xff"),
]
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def head(path: Path) -> str:
    """The first lines of a sample file as text (UTF-8 with BOM or Windows-1252)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return "".join(text.splitlines(keepends=True)[:HEAD_LINES])


@st.composite
def variants(draw: st.DrawFn) -> tuple[bytes, str, str, bytes]:
    """``(bytes, codec, separator, bom)`` of one broken variant of a sample file."""
    text, sep = head(draw(st.sampled_from(SOURCES))), ";"
    if draw(st.booleans()):
        sep = draw(st.sampled_from([",", "\t", "|"]))
        text = text.replace(";", sep)
    for _ in range(draw(st.integers(0, 4))):
        mark = draw(st.sampled_from(['"', '"', *CONTROLS]))
        at = draw(st.integers(0, len(text)))
        text = text[:at] + mark + text[at:]
    codec, bom = draw(st.sampled_from(ENCODINGS))
    data = bom + text.encode(codec, errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data, codec, sep, bom


def data_rows(data: bytes, codec: str, sep: str, bom: bytes) -> frozenset[tuple[str, str, int]]:
    """The data rows of a variant, found with the csv module: ``("data.csv", "", line)``."""
    body = data[len(bom) :] if data.startswith(bom) else data
    text = body.decode(codec, errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows, line, header = set(), 0, False
    for record in reader:
        start, line = line + 1, reader.line_num
        if not header:
            header = _known(record) >= 2
        elif any(c.strip().strip("\x1a") for c in record):
            rows.add(("data.csv", "", start))
    return frozenset(rows)


def _known(cells: list[str]) -> int:
    folded = {normalise_header(c) for c in cells}
    return max(len(folded & set(m)) for m in ALIASES.values())


@SETTINGS
@given(variants())
def test_every_row_of_a_broken_csv_is_usable_or_named(variant):
    data, codec, sep, bom = variant
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "data.csv").write_bytes(data)
        loaded = load(root / "data.csv", lang="en")
        report = account(loaded, root)
    assert set(report["checks"]) <= set(CHECKS)
    limit = csv.field_size_limit(1 << 24)  # the count below reads swallowed cells whole
    try:
        rows = data_rows(data, codec, sep, bom)
    finally:
        csv.field_size_limit(limit)
    lost = lost_rows(rows, report)
    assert not lost, (lost, report["checks"], data[:400])
