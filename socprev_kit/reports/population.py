"""The population lines of a report: the inhabitants a rate per 1,000 divides by, their year
where it is not the data's year, and, for a municipality merged on 1 January 2025, which
territory the rates of each period use (:mod:`socprev_kit.indicators.rates`)."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..common.formatting import Lang, format_number
from ..data import reference
from ..indicators.rates import AREA, population_at, population_year
from .report import Report
from .texts import text

__all__ = ["merger_notes", "merger_paragraphs", "population_cells", "population_year_note"]


def population_cells(rows: pd.DataFrame, lang: Lang) -> list[str]:
    """One cell per row of ``rows`` (indexed by year, with ``population`` and
    ``population_year``): the inhabitants, with their year in brackets only when it is not the
    column's own year ("78.714 (2020)" under 2023)."""
    out = []
    for year, pop, used in zip(
        rows.index, rows["population"], rows["population_year"], strict=True
    ):
        if pd.isna(pop):
            out.append("–")
            continue
        n = format_number(pop, lang, decimals=0)
        out.append(n if str(int(used)) == str(year) else f"{n} ({int(used)})")
    return out


@cache
def _old_names() -> pd.DataFrame:
    return reference.municipalities(2020).set_index("nis_code")


def _area_text(area: str, lang: Lang) -> str:
    """``"Hasselt (71022)"``, ``"Hasselt (71022) en Kortessem (73040)"``: 2019-2024 names."""
    names = _old_names()[f"name_{'fr' if lang == 'fr' else 'nl'}"]
    parts = [f"{names.get(c, c)} ({c})" for c in area.split(";")]
    if len(parts) == 1:
        return parts[0]
    return text("and_list", lang, first=", ".join(parts[:-1]), last=parts[-1])


def _population(areas: list[str], year: int, lang: Lang) -> list[tuple[str, object]]:
    """Each territory's inhabitants (formatted) and their year, for data of ``year``."""
    found = population_at(pd.Series(areas), pd.Series([str(year)] * len(areas)))
    return [
        ("–", "–") if pd.isna(n) else (format_number(n, lang, decimals=0), int(y))
        for n, y in zip(found["population"], found["population_year"], strict=True)
    ]


def merger_notes(report: Report, nis_code: str) -> list[str]:
    """What a reader of a merged municipality's rates must know: from which 2019-2024
    municipalities it was formed, and per period which territory was registered and whose
    population the rates per 1,000 use. Empty for a municipality the 2025 mergers left as it was
    or without rates in the report."""
    row = reference.municipalities(2025).set_index("nis_code").loc[nis_code]
    whole = ";".join(sorted(row["predecessor_nis_codes"]))
    table = report.table
    rows = table[(table["nis_code"] == nis_code) & table["population"].notna()]
    if not whole or AREA not in rows or rows.empty:
        return []
    lang = report.lang
    name = f"{row['name_fr' if lang == 'fr' else 'name_nl']} ({nis_code})"
    out = [text("merger_intro", lang, name=name, parts=_area_text(whole, lang))]
    years = rows.assign(year=rows["period"].str[:4].astype(int)).groupby(AREA)["year"]
    spans = years.agg(["min", "max"]).sort_values("min")
    for area, (first, last) in spans.iterrows():
        span = str(first) if first == last else f"{first}–{last}"
        if area == whole:
            key = "merger_whole_before" if first < 2025 else "merger_whole"
            out.append(text(key, lang, years=span, parts=_area_text(area, lang)))
        else:
            (n, year), (whole_n, _) = _population([area, whole], int(last), lang)
            where = _area_text(area, lang)
            out.append(
                text("merger_part", lang, years=span, area=where, n=n, year=year, whole=whole_n)
            )
    if len(spans) > 1:
        out.append(text("merger_comparable", lang))
    return out


def merger_paragraphs(report: Report) -> list[str]:
    """:func:`merger_notes` of each of the report's municipalities, one paragraph each."""

    def compute() -> list[str]:
        notes = [merger_notes(report, c) for c in report.nis_codes]
        return [" ".join(n) for n in notes if n]

    return list(report.memo("merger_paragraphs", compute))


def population_year_note(year: int, lang: Lang) -> str:
    """A sentence saying which population year the rates of ``year`` use, when it is not
    ``year`` itself (``""`` otherwise)."""
    used = population_year(year)
    if used is None or used == year:
        return ""
    return text("population_year_note", lang, year=year, used=used)
