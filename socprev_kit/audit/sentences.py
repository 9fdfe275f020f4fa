"""Read the sentences of a report page: the numbers its paragraphs and list items print.

Most numbers in a report's sentences are not a registered count (months expected, the number of
municipalities in a funnel, a group rate, an ITS percentage, how many values are hidden) or
repeat a table cell. Two kinds are read:

- an objective's sentence (``Doelstelling S1 (“...”): ..., waarde in 2024 34.``) prints the
  objective's observed value, the same number as the value cell of that objective in the page's
  objectives table: it becomes a cell like that one (baseline and target are typed by the user,
  no cell). A number where the table shows the value hidden is a finding by itself.
- any sentence that names a hidden small count's indicator (its name in the page's language) and
  period (``2025``, ``mars 2025``) and prints its true value as a standalone number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

from ..common.formatting import MONTH_NAMES
from .facts import Facts, Target
from .published import (
    INDICATOR_ID,
    PROJECT_TITLE,
    Cell,
    column_of,
    page_tables,
    page_text,
    period_months,
    plain,
    read_hidden,
    read_number,
)
from .solve import Recovery

#: The first word of an objective's sentence, and the objective column's header.
OBJECTIVE = {"nl": "Doelstelling", "fr": "Objectif", "en": "Objective"}
#: The words before the observed value of an objective's sentence (after them: the value).
_OBSERVED = re.compile(
    r"(?:huidige waarde|valeur actuelle|current value|(?:waarde in|valeur en|value in) (\S+)) "
    r"(-?\d+(?:[.,\u202f\u00a0 ]\d{3})*(?:[.,]\d+)?(?:\s?%)?)"
)
#: The end of the data an objective's current value covers: ``(données jusqu'à mars 2025)``.
_UP_TO = re.compile(r"\((?:gegevens tot|données jusqu'à|data up to) ([^)]+)\)")
#: An objective's sentence and its id, as typed (any text) up to the indicator's quote.
_SENTENCE = re.compile(r"^(?:Doelstelling|Objectif|Objective) (.+?) \((?:“|« )")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,\u202f\u00a0 ]\d{3})*(?![\w%]|[.,]\d)")


@dataclass(frozen=True)
class Sentence:
    """A paragraph or list item of a page, outside tables; ``project``: the project the last
    heading naming one is about (None before any)."""

    file: str
    text: str
    project: str | None


class _Sentences(HTMLParser):
    def __init__(self, projects: set) -> None:
        super().__init__(convert_charrefs=True)
        self.projects, self.project = projects, None
        self.found: list[tuple[str, str | None]] = []
        self._depth, self._table, self._skip, self._text = 0, 0, 0, []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in {"style", "script"}:
            self._skip += 1
        elif tag == "table":
            self._table += 1
        elif tag in {"h1", "h2", "h3", "h4"}:
            self._heading = []
        elif tag in {"p", "li"} and not self._table:
            self._depth += 1
            if self._depth == 1:
                self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script"}:
            self._skip = max(self._skip - 1, 0)
        elif tag == "table":
            self._table = max(self._table - 1, 0)
        elif tag in {"h1", "h2", "h3", "h4"} and self._heading is not None:
            m = PROJECT_TITLE.match(plain("".join(self._heading)))
            self.project = m[1] if m and m[1] in self.projects else self.project
            self._heading = None
        elif tag in {"p", "li"} and self._depth:
            self._depth -= 1
            if not self._depth and (text := plain("".join(self._text))):
                self.found.append((text, self.project))

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._heading is not None:
            self._heading.append(data)
        if self._depth:
            self._text.append(data)


def page_sentences(path: Path, file: str, projects: set) -> list[Sentence]:
    """Every paragraph and list item of a page outside its tables, with its project."""
    parser = _Sentences(projects)
    parser.feed(page_text(path))
    return [Sentence(file, t, p) for t, p in parser.found]


def _value_cells(path: Path, file: str, lang: str, cells: list[Cell]) -> dict[tuple, Cell]:
    """(project, objective id) -> the value cell of that objective in the page's tables; a
    hidden value, printed without its period, as a cell whose ``months`` are None."""
    by_where = {c.where: c for c in cells}
    found = {}
    for heading, rows in page_tables(path):
        header = rows[0] if rows else []
        obj = next((i for i, h in enumerate(header) if h.lower() == OBJECTIVE[lang].lower()), None)
        ind, col = column_of(header, "indicator"), column_of(header, "current")
        if not (m := PROJECT_TITLE.match(heading)) or None in (obj, ind, col):
            continue
        for row in (r for r in rows[1:] if max(obj, ind, col) < len(r)):
            where = f"{heading} | {row[ind]} | {header[col]} {row[col]}"
            hidden, bound = read_hidden(row[col])
            if where not in by_where and hidden and (i := INDICATOR_ID.match(row[ind])):
                by_where[where] = Cell(file, where, (m[1], "*"), i[1], None, "value", row[col],
                                       None, 0.0, True, bound)  # fmt: skip
            if where in by_where:
                found[(m[1], row[obj].partition(": ")[0].strip())] = by_where[where]
    return found


def objective_cells(sentences: list[Sentence], path: Path, lang: str,
                    cells: list[Cell]) -> list[tuple[Cell, Cell]]:  # fmt: skip
    """The observed value each objective sentence prints, as a cell like its table's value
    cell, paired with that table cell (whose ``hidden`` says whether the table hides it; a
    hidden one takes its period from the sentence)."""
    table = _value_cells(path, sentences[0].file if sentences else "", lang, cells)
    pairs = []
    for s in sentences:
        if not (m := _SENTENCE.match(s.text)) or not (o := _OBSERVED.search(s.text)):
            continue
        own = [c for (p, ident), c in table.items() if ident == m[1] and p == s.project]
        mine = own or [c for (_, ident), c in table.items() if ident == m[1]]
        number = read_number(o[2], lang)
        if len(mine) != 1 or number is None:
            continue
        upto = _UP_TO.search(s.text)
        said = period_months(o[1] or (upto[1] if upto else ""))
        months = mine[0].months or said
        if months is None:
            continue
        where = f"{s.text[:60]}… | {o[0]}"
        cell = replace(mine[0], file=s.file, where=where, months=months, text=o[2],
                       value=number[0], half=number[1], hidden=False, bound=None)  # fmt: skip
        pairs.append((cell, replace(mine[0], months=months)))
    return pairs


def period_words(months: tuple[int, int], lang: str) -> list[str]:
    """How a sentence names the period ``months``: the year, or month name and year.

    >>> period_words((24300, 24311), "fr"), period_words((24302, 24302), "nl")
    (['2025'], ['maart 2025'])
    """
    first, last = months
    if first % 12 == 0 and last == first + 11:
        return [str(first // 12)]
    if first == last:
        return [f"{MONTH_NAMES[lang][first % 12].lower()} {first // 12}"]
    return []


def names_count(text: str, label: str, months: tuple[int, int], lang: str, value: float) -> bool:
    """Whether ``text`` names the indicator ``label`` and the period ``months`` and prints
    ``value`` as a standalone whole number.

    >>> names_count("En 2025, 4 plaintes liées à la drogue.", "Plaintes liées à la drogue",
    ...             (24300, 24311), "fr", 4)
    True
    >>> names_count("Sur les 4 objectifs en 2025.", "Plaintes", (24300, 24311), "fr", 4)
    False

    A year inside a month (``september 2022``, the start of a project) does not name the year:

    >>> names_count("Spuiten: geen schatting, gemiddeld minder dan 1 per maand vóór of na "
    ...             "september 2022.", "Spuiten", (24264, 24275), "nl", 1)
    False
    """
    low = plain(text).lower()
    periods = period_words(months, lang)
    if not label or label.lower() not in low:
        return False
    if months[0] != months[1]:  # a year: not as part of "<month> <year>"
        names = "|".join(re.escape(m.lower()) for m in MONTH_NAMES.get(lang, MONTH_NAMES["en"]))
        low = re.sub(rf"(?<!\w)(?:{names}) \d{{4}}", " ", low)
    if not any(p in low for p in periods):
        return False
    numbers = (read_number(n, lang) for n in _NUMBER.findall(plain(text)))
    return any(n is not None and n[0] == value for n in numbers)


def link_sentences(
    facts: Facts, said: list[tuple[Cell, Cell]], texts: dict[str, tuple[list[Sentence], str]]
) -> tuple[list[Recovery], int]:
    """Add what the sentences say to ``facts``: each objective's observed value as a cell (a
    number where its table hides it is returned as a finding), and each small hidden count a
    sentence of its page prints beside its indicator's name and period. Returns the findings
    and how many sentence numbers were linked to a cell."""
    found = []
    for cell, table in said:
        facts.add(cell)
        if table.hidden:
            target = Target({}, cell.indicator, cell.value or 0.0, [table], [cell])
            found.append(Recovery(target, cell.value or 0.0, []))
    n = len(said)
    for target in list(facts.targets.values()):
        for hidden in [h for h in target.hidden if h.measure == "value"]:
            sentences, lang = texts.get(hidden.file, ([], "en"))
            label = facts.counts.info.get(target.indicator, {}).get(f"name_{lang}", "")
            for s in sentences:
                if names_count(s.text, str(label), hidden.months, lang, target.truth):
                    t = target.truth
                    shown = dict(text=f"{t:g}", value=t, half=0.5, hidden=False, bound=None)
                    facts.add(replace(hidden, where=f"{s.text[:60]}…", **shown))
                    n += 1
    return found, n
