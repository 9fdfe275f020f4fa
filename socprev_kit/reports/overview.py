"""The national overview's tables (issue 16, item 7): pure data and texts, rendered and written
by the batch (:mod:`socprev_kit.batch.overview`).

- :func:`rate_table`: per impact and context count with a municipality series
  (:func:`socprev_kit.indicators.series.municipality_series`, context rows first), per
  municipality and full year (12 months, :func:`~socprev_kit.reports.evaluate.yearly_counts`):
  the count, the population and the rate per 1,000, with the province and the region. A count
  is hidden exactly as in a report's funnel: small itself (primary), or a cell of that
  municipality, indicator and year hidden by the data set's pattern
  (:func:`~socprev_kit.reports.evaluate.disclosure_cells`); its rate is hidden with it.
- :func:`funnels`: each indicator's funnel year and frame
  (:func:`~socprev_kit.reports.evaluate.funnel_year`, the same the reports show).
- :func:`positions`: each project's municipalities in the funnel of each indicator it registers.

Everything is computed once per data context (memoised there): a batch builds the context once
and the overview of every language reads it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..common.formatting import Lang, format_number
from ..data.reference import municipalities
from ..data.reference.places import place_name
from .data_context import DataContext
from .evaluate import MIN_FUNNEL, catalogue, disclosure_cells, funnel_year, hide, yearly_counts
from .sections_summary import funnel_position
from .tables import hidden_word, indicator_label, municipality_name
from .texts_overview import overview_text

__all__ = [
    "RATE_COLUMNS",
    "ROW_COLUMNS",
    "funnel_alt",
    "funnels",
    "overview_indicators",
    "positions",
    "rate_rows",
    "rate_table",
]

#: The columns of :func:`rate_table`.
RATE_COLUMNS = [
    "indicator_id", "nis_code", "year", "count", "population", "rate_per_1000", "hidden",
    "origin", "province", "region",
]  # fmt: skip


def overview_indicators(ctx: DataContext) -> list[str]:
    """The impact and context counts (registered, monthly) with a municipality series in the
    data, in catalogue order."""
    cat = catalogue()
    wanted = cat.index[
        cat["type"].isin(["impact", "context"])
        & cat["kind"].eq("registered")
        & cat["value_type"].eq("count")
        & cat["frequency"].eq("month")
    ]

    def compute() -> list[str]:
        series = ctx.series()
        ids = series.loc[series["value"].notna(), "indicator_id"].unique()
        present = {str(i) for i in ids}
        return [str(i) for i in wanted if i in present]

    return list(ctx.memo("overview_indicators", compute))


def _hidden_keys(ctx: DataContext) -> set[tuple[str, str, str]]:
    """``(indicator, nis_code, period)`` of every hidden cell of the data set's pattern."""

    def compute() -> set[tuple[str, str, str]]:
        cells = disclosure_cells(ctx)
        linked = cells.loc[cells["hidden"], ["count_id", "nis_code", "period"]].astype(str)
        linked = linked[linked["period"].str.len().eq(4)]  # years: the table's periods
        return set(linked.itertuples(index=False, name=None))

    return ctx.memo("overview_hidden", compute)


def _hidden(ctx: DataContext, indicator: str, full: pd.DataFrame) -> np.ndarray:
    """Which yearly counts of ``full`` (one indicator) are hidden: as :func:`year_funnel` does
    (small itself, or a hidden cell of the pattern for that municipality, indicator and year)."""
    primary = hide(full.assign(indicator_id=indicator))["suppressed"].to_numpy(dtype=bool)
    keys = _hidden_keys(ctx)
    pairs = zip(full["nis_code"].astype(str), full["year"].astype(str), strict=True)
    return primary | np.fromiter(((indicator, n, y) in keys for n, y in pairs), bool, len(full))


def rate_table(ctx: DataContext) -> pd.DataFrame:
    """Every municipality's full years of every :func:`overview_indicators` count
    (:data:`RATE_COLUMNS`); ``count`` and ``rate_per_1000`` are NaN where ``hidden``. Sorted
    by indicator (catalogue order), municipality and year."""

    def compute() -> pd.DataFrame:
        parts = []
        for indicator in overview_indicators(ctx):
            full = yearly_counts(ctx, indicator).reset_index(drop=True)
            if full.empty:
                continue
            hidden = _hidden(ctx, indicator, full)
            count = full["value"].astype(float).where(~hidden)
            population = full["population"].astype(float)
            parts.append(
                pd.DataFrame(
                    {
                        "indicator_id": indicator,
                        "nis_code": full["nis_code"].astype(str),
                        "year": full["year"].astype(int),
                        "count": count,
                        "population": population,
                        "rate_per_1000": count / population * 1000,
                        "hidden": hidden,
                        "origin": full["origin"].astype(str),
                    }
                )  # fmt: skip
            )
        if not parts:
            return pd.DataFrame(columns=RATE_COLUMNS)
        out = pd.concat(parts, ignore_index=True)
        places = municipalities(getattr(ctx.data, "geography", 2025)).set_index("nis_code")
        out["province"] = out["nis_code"].map(places["province"]).fillna("").astype(str)
        out["region"] = out["nis_code"].map(places["region"]).fillna("").astype(str)
        return out[RATE_COLUMNS]

    return ctx.memo("overview_rates", compute)


def _number(x: float, lang: Lang, decimals: int) -> str:
    return "" if pd.isna(x) else format_number(float(x), lang, decimals=decimals)


def _texts(values: pd.Series, lang: Lang, decimals: int) -> pd.Series:
    """``values`` written in ``lang``, each distinct value once."""
    unique = values.dropna().unique()
    written = {v: format_number(float(v), lang, decimals=decimals) for v in unique}
    return values.map(written).fillna("")


#: The columns of :func:`rate_rows`: the texts of the page's cells, then their sort values
#: (``*_v``), the filters' values (``f_*``), the search text and whether the count is hidden.
ROW_COLUMNS = [
    "indicator", "municipality", "province", "region", "year", "count", "population", "rate",
    "origin", "year_v", "count_v", "population_v", "rate_v", "f_indicator", "f_year",
    "f_province", "f_region", "search", "hidden",
]  # fmt: skip


def rate_rows(ctx: DataContext, lang: Lang) -> pd.DataFrame:
    """:func:`rate_table` written for a page in ``lang`` (:data:`ROW_COLUMNS`, every cell a
    text): a hidden count reads the reports' word for hidden
    (:func:`~socprev_kit.reports.tables.hidden_word`), its rate is blank and neither has a sort
    value (NaN). Vectorised: each distinct name or number is written once."""
    table = rate_table(ctx)
    hidden = table["hidden"].astype(bool)
    ids = table["indicator_id"]
    names = {n: municipality_name(n, lang) for n in table["nis_code"].unique()}
    municipality = table["nis_code"].map(names)
    count = _texts(table["count"], lang, 0).where(~hidden, hidden_word(lang))
    rates = [_number(x, lang, 2) for x in table["rate_per_1000"]]
    origins = {o: overview_text(o, lang) for o in ("context", "registrations")}
    out = pd.DataFrame(
        {
            "indicator": ids.map({i: indicator_label(i, lang) for i in ids.unique()}),
            "municipality": municipality,
            "province": table["province"].map(
                lambda v: place_name("province", v, lang) if v else ""
            ),
            "region": table["region"].map(lambda v: place_name("region", v, lang) if v else ""),
            "year": table["year"].astype(str),
            "count": count,
            "population": _texts(table["population"], lang, 0),
            "rate": rates,
            "origin": table["origin"].map(origins).fillna(table["origin"]),
            "year_v": table["year"].astype(float),
            "count_v": table["count"],
            "population_v": table["population"],
            "rate_v": table["rate_per_1000"].round(6),
            "f_indicator": ids,
            "f_year": table["year"].astype(str),
            "f_province": table["province"],
            "f_region": table["region"],
            "search": (municipality + " " + table["nis_code"]).str.lower(),
            "hidden": hidden,
        }
    )
    return out[ROW_COLUMNS]


def funnels(ctx: DataContext) -> dict[str, tuple[int | None, pd.DataFrame]]:
    """``{indicator: (year, funnel frame)}`` of every :func:`overview_indicators` count: its
    latest year with at least :data:`~socprev_kit.reports.evaluate.MIN_FUNNEL` municipalities
    shown (``(None, empty)`` without one)."""
    return {i: funnel_year(ctx, i) for i in overview_indicators(ctx)}


def funnel_alt(indicator: str, year: int, frame: pd.DataFrame, lang: Lang) -> str:
    """The alternative text of a funnel figure: what it shows and its result."""
    shown = frame[~frame["suppressed"]]
    above = int((shown["outside_998"] & (shown["value"] > shown["high_998"])).sum())
    below = int((shown["outside_998"] & (shown["value"] < shown["low_998"])).sum())
    return overview_text(
        "funnel_alt",
        lang,
        indicator=indicator_label(indicator, lang),
        year=year,
        n=len(shown),
        rate=format_number(float(frame["group_rate_per_1000"].iloc[0]), lang, decimals=2),
        above=above,
        below=below,
        hidden=int(frame["suppressed"].sum()),
    )


def no_funnel(indicator: str, lang: Lang) -> str:
    """Why an indicator has no funnel."""
    return overview_text("no_funnel", lang, indicator=indicator_label(indicator, lang),
                         min=MIN_FUNNEL)  # fmt: skip


def _pairs(regs: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    """The distinct (project, municipality, indicator) of the registrations of ``wanted``."""
    columns = ["project_id", "nis_code", "indicator_id"]
    codes = [regs[c].astype("category").cat.codes for c in columns]  # distinct values once
    keys = pd.DataFrame(dict(zip(columns, codes, strict=True)))
    first = ~keys.duplicated() & regs["indicator_id"].isin(wanted).to_numpy()
    pairs = regs.loc[first.to_numpy(), columns].dropna().astype(str)
    return pairs.sort_values(columns, ignore_index=True)


def positions(ctx: DataContext, lang: Lang) -> list[dict]:
    """Per project, each of its municipalities (with registrations) in the funnel of each
    :func:`overview_indicators` count it registers: ``project``, ``municipality``,
    ``indicator``, ``year``, ``rate`` (blank when hidden) and ``position`` (in ``lang``)."""
    regs = ctx.data.registrations
    wanted = overview_indicators(ctx)
    if regs is None or regs.empty or not wanted:
        return []
    pairs = ctx.memo(("overview_pairs",), lambda: _pairs(regs, wanted))
    found = {i: (y, f.set_index("nis_code") if len(f) else f) for i, (y, f) in funnels(ctx).items()}
    places: dict = {}
    out = []
    for project, nis, indicator in pairs.itertuples(index=False):
        year, frame = found[indicator]
        if year is None or nis not in frame.index:
            why = "no_funnel_short" if year is None else "not_in_funnel"
            rate, place = "", overview_text(why, lang)
        else:
            if (indicator, nis) not in places:
                r = frame.loc[nis]
                places[indicator, nis] = (
                    "" if r["suppressed"] else _number(r["rate_per_1000"], lang, 2),
                    funnel_position(r, lang),
                )
            rate, place = places[indicator, nis]
        out.append(
            {
                "project": project,
                "municipality": municipality_name(nis, lang),
                "indicator": indicator_label(indicator, lang),
                "year": "" if year is None else year,
                "rate": rate,
                "position": place,
            }  # fmt: skip
        )
    return out
