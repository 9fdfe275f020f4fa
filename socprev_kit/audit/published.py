"""Read what a batch published: every number (or hidden marker) of its report pages, as a cell.

Written from the pages as a reader sees them, not from the kit's tables: a heading names the
project (``BAS-CA – ...``), a table with year columns gives one cell per indicator and year, the
objectives table its current value, the funnel table a count and a rate per municipality. Numbers
are read in the page's language (``1.234,5``, ``1 234,5``, ``1,234.5``); a hidden value is
``< k`` or a word (``masqué``, ``verborgen``, ``afgeschermd``, ``hidden``, ``suppressed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from ..common.formatting import MONTH_NAMES

#: Words a page writes for a hidden value (any language).
HIDDEN_WORDS = {"masqué", "masquée", "verborgen", "afgeschermd", "hidden", "suppressed", "geheim"}
#: Column headers the audit looks for, in every language.
HEADERS = {
    "current": {"huidige waarde", "valeur actuelle", "current value", "waargenomen", "observé",
                "waarde", "valeur", "value",
                "observed"},
    "indicator": {"indicator", "indicateur"},
    "municipality": {"gemeente", "commune", "municipality"},
    "year": {"jaar", "année", "year"},
    "count": {"aantal", "nombre", "count"},
    "rate": {"per 1.000 inwoners", "pour 1 000 habitants", "per 1,000 inhabitants"},
    "group": {"groepsgemiddelde", "moyenne du groupe", "group rate"},
    "n_group": {"gemeenten", "communes", "municipalities"},
    "province": {"provincie", "province"},
}  # fmt: skip
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
#: An indicator id at the start of a cell (``I02``, ``I02b``); a project's title line.
INDICATOR_ID = re.compile(r"^([A-Z]\d{2}[A-Z]?)\b")
PROJECT_TITLE = re.compile(r"^(\S+) [–-] ")
_PER_1000 = re.compile(r"1[ .,]?000")


@dataclass(frozen=True)
class Cell:
    """One published number. ``unit``: ``(project or "*", NIS code or "*")``, ``"*"`` meaning
    every project of the municipality, or every municipality of the project. ``months``: first
    and last month as ``year * 12 + month - 1``. ``measure``: ``count``, ``rate`` (per 1,000) or
    ``ratio`` (a derived indicator). ``value`` is None when hidden; ``half``: the rounding."""

    file: str
    where: str
    unit: tuple[str, str]
    indicator: str
    months: tuple[int, int]
    measure: str
    text: str
    value: float | None
    half: float
    hidden: bool
    bound: int | None


def plain(text: str) -> str:
    """``text`` with every kind of space as one plain space, stripped."""
    return _SPACES.sub(" ", text).replace("¶", "").strip()


def read_number(text: str, lang: str) -> tuple[float, float] | None:
    """A number as the page writes it in ``lang`` and half its last digit, or None.

    >>> read_number("1\\u202f234,5\\u202f%", "fr"), read_number("−0,25", "nl")
    ((1234.5, 0.05), (-0.25, 0.005))
    >>> read_number("1,234", "en"), read_number("28 (2025)", "fr")
    ((1234.0, 0.5), None)
    """
    t = _SPACES.sub("", text).replace("\u2212", "-").rstrip("%")
    if lang == "en":
        t = t.replace(",", "")
    else:
        t = t.replace(".", "") if lang == "nl" else t
        t = t.replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", t):
        return None
    decimals = len(t.split(".")[1]) if "." in t else 0
    return float(t), 0.5 * 10.0**-decimals


def read_hidden(text: str) -> tuple[bool, int | None]:
    """Whether ``text`` is a hidden marker, and its bound ``k`` for ``< k``.

    >>> read_hidden("< 5"), read_hidden("Masqué"), read_hidden("12")
    ((True, 5), (True, None), (False, None))
    """
    t = plain(text).lower()
    if m := re.fullmatch(r"<\s*(\d+)", t):
        return True, int(m[1])
    return t in HIDDEN_WORDS, None


def year_months(year: int) -> tuple[int, int]:
    return year * 12, year * 12 + 11


def period_months(label: str) -> tuple[int, int] | None:
    """The months of a period as a page writes it: ``2025``, ``décembre 2025`` (the 12 months
    ending then), ``2025-03`` (idem)."""
    t = plain(label).lower()
    if re.fullmatch(r"\d{4}", t):
        return year_months(int(t))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", t):
        end = int(m[1]) * 12 + int(m[2]) - 1
        return end - 11, end
    for names in MONTH_NAMES.values():
        for i, name in enumerate(names):
            if m := re.fullmatch(rf"{re.escape(name.lower())} (\d{{4}})", t):
                end = int(m[1]) * 12 + i
                return end - 11, end
    return None


class _Tables(HTMLParser):
    """Collects the tables of a page, each with the last heading above it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[str, list[list[str]]]] = []
        self.heading, self._text, self._in = "", [], None
        self._rows: list[list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in {"h1", "h2", "h3", "h4"}:
            self._in, self._text = "h", []
        elif tag == "table":
            self._rows = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in {"td", "th"} and self._rows is not None:
            self._in, self._text = "cell", []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"h1", "h2", "h3", "h4"} and self._in == "h":
            self.heading, self._in = plain("".join(self._text)), None
        elif tag in {"td", "th"} and self._in == "cell" and self._rows:
            self._rows[-1].append(plain("".join(self._text)))
            self._in = None
        elif tag == "table" and self._rows is not None:
            self.tables.append((self.heading, [r for r in self._rows if r]))
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)


#: Embedded images and style sheets: neither tables nor sentences, most of a page's bytes.
_NOT_TEXT = re.compile(r"data:[^\"' >]{200,}|<style\b[^>]*>.*?</style\s*>", re.S | re.I)


@lru_cache(maxsize=4)
def _page_text(path: Path, stamp: tuple[int, int]) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return _NOT_TEXT.sub("", text)


def page_text(path: Path) -> str:
    """A page's HTML without its embedded images and style sheets, read once for the readers
    that follow one another on the same page (tables, sentences)."""
    stat = path.stat()
    return _page_text(path, (stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=4)
def _tables_of(path: Path, stamp: tuple[int, int]) -> list[tuple[str, list[list[str]]]]:
    parser = _Tables()
    parser.feed(_page_text(path, stamp))
    return parser.tables


def page_tables(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Every table of an HTML page as rows of cell texts, with the heading above it (parsed
    once for the audit's readers of the same page; callers do not modify it)."""
    stat = path.stat()
    return _tables_of(path, (stat.st_mtime_ns, stat.st_size))


def column_of(header: list[str], kind: str) -> int | None:
    """The first column of a table whose header is one of :data:`HEADERS` ``[kind]``."""
    found = [i for i, h in enumerate(header) if h.lower() in HEADERS[kind]]
    return found[0] if found else None


def _cell(file: str, where: str, unit: tuple, ind: str, months: tuple, measure: str,
          text: str, lang: str) -> Cell | None:  # fmt: skip
    hidden, bound = read_hidden(text)
    number = None if hidden else read_number(text, lang)
    if not hidden and number is None:
        return None  # "–", words, sparklines: no number
    value, half = number if number else (None, 0.0)
    return Cell(file, where, unit, ind, months, measure, text, value, half, hidden, bound)


def _yearly(file: str, lang: str, unit: tuple, heading: str, rows: list[list[str]]) -> list:
    header = rows[0]
    years = {i: int(h) for i, h in enumerate(header) if re.fullmatch(r"\d{4}", h)}
    cells = []
    for row in rows[1:]:
        if not row or not (m := INDICATOR_ID.match(row[0])):
            continue
        measure = "rate" if _PER_1000.search(row[0]) else "value"
        for i, year in years.items():
            if i < len(row):
                where = f"{heading} | {row[0]} | {year}"
                c = _cell(file, where, unit, m[1], year_months(year), measure, row[i], lang)
                cells.append(c)
    return cells


def _objectives(file: str, lang: str, project: str, heading: str, rows: list) -> list:
    col, ind = column_of(rows[0], "current"), column_of(rows[0], "indicator")
    cells = []
    for row in rows[1:]:
        if max(col, ind) >= len(row) or not (m := INDICATOR_ID.match(row[ind])):
            continue
        number, _, label = row[col].partition(" (")
        months = period_months(label.rstrip(")"))
        if months is not None:
            where = f"{heading} | {row[ind]} | {rows[0][col]} {row[col]}"
            cells.append(_cell(file, where, (project, "*"), m[1], months, "value", number, lang))
    return cells


def name_codes() -> dict[str, dict[str, str]]:
    """Municipality names (lower case, Dutch or French) -> ``{NIS code: its province}`` of
    every municipality of that name (Saint-Nicolas: Sint-Niklaas and the one near Liège), with
    the province's names in every language (lower case, ``;``-joined), which the page's
    province column, if any, tells apart."""
    from ..data.reference import municipalities
    from ..data.reference.places import place_name

    m = municipalities()
    names: dict[str, dict[str, str]] = {}
    for code, nl, fr, province in zip(m["nis_code"], m["name_nl"], m["name_fr"], m["province"],
                                      strict=True):  # fmt: skip
        where = ";".join(
            place_name("province", str(province), g).lower() for g in ("nl", "fr", "en")
        )
        for name in {str(nl).lower(), str(fr).lower()}:
            names.setdefault(name, {})[str(code)] = where
    return names


def _nis(names: dict, row: list[str], muni: int, province: int | None, own: str) -> str | None:
    """The NIS code of a row's municipality name: the only one of that name, else the one of
    the page's own municipality (``own``), else the one in the row's province; None when the
    name is unknown or the row does not tell which."""
    found = names.get(row[muni].lower(), {}) if muni < len(row) else {}
    if len(found) <= 1:
        return next(iter(found), None)
    if own in found:
        return own
    if province is not None and province < len(row):
        said = row[province].lower()
        mine = [c for c, where in found.items() if said and said in where.split(";")]
        return mine[0] if len(mine) == 1 else None
    return None


def _funnel(file: str, lang: str, names: dict, heading: str, rows: list, own: str = "") -> list:
    header = rows[0]
    ind, muni = column_of(header, "indicator"), column_of(header, "municipality")
    year, cols = column_of(header, "year"), [column_of(header, "count"), column_of(header, "rate")]
    province = column_of(header, "province")
    cells = []
    for row in rows[1:]:
        nis = _nis(names, row, muni, province, own)
        if (
            not nis
            or not (m := INDICATOR_ID.match(row[ind]))
            or not re.fullmatch(r"\d{4}", row[year])
        ):
            continue
        months = year_months(int(row[year]))
        for col, measure in zip(cols, ("value", "rate"), strict=True):
            if col is not None and col < len(row):
                where = f"{heading} | {row[ind]} | {row[muni]} {row[year]} | {header[col]}"
                cells.append(_cell(file, where, ("*", nis), m[1], months, measure, row[col], lang))
        group, n = column_of(header, "group"), column_of(header, "n_group")
        if None not in (group, n) and max(group, n) < len(row) and row[n].isdigit():
            where = f"{heading} | {row[ind]} | {row[year]} | {header[group]}"
            unit = ("*", f"group:{row[n]}")  # the municipalities with a full year (solve.Counts)
            cells.append(_cell(file, where, unit, m[1], months, "rate", row[group], lang))
    return cells


def report_cells(path: Path, file: str, record: dict, projects: set, names: dict) -> list[Cell]:
    """Every published cell of one report page (``record``: its manifest entry).

    ``projects``: the project ids of the data; ``names``: municipality names (lower case, any
    language) to ``{NIS code: its province's names}`` (:func:`name_codes`).
    """
    lang, kind, own = record.get("lang", "nl"), record.get("kind"), str(record.get("id"))
    cells: list[Cell | None] = []
    for heading, rows in page_tables(path):
        if len(rows) < 2:
            continue
        header = rows[0]
        project = m[1] if (m := PROJECT_TITLE.match(heading)) and m[1] in projects else None
        if None not in (column_of(header, "municipality"), column_of(header, "year"),
                        column_of(header, "count"), column_of(header, "indicator")):  # fmt: skip
            mine = own if kind == "municipality" else ""
            cells += _funnel(file, lang, names, heading, rows, mine)
        elif project and None not in (column_of(header, "current"), column_of(header, "indicator")):
            cells += _objectives(file, lang, project, heading, rows)
        elif project and any(re.fullmatch(r"\d{4}", h) for h in header):
            unit = (project, "*") if kind == "project" else (project, own)
            cells += _yearly(file, lang, unit, heading, rows)
    return [c for c in cells if c is not None]
