"""Sections 6 and 8 of a report (DESIGN §5): the municipality beside others (funnel plot), and
a short interpretation with the caveats that apply."""

from __future__ import annotations

import pandas as pd

from ..common.formatting import Lang, format_number, format_percent
from ..evaluation.interpretation import caveats, sentence
from ..evaluation.targets import STATUSES
from ..plots.funnel import frame_dispersion, method_note
from .common import is_member, report_issues
from .display import Section, md_escape
from .evaluate import (
    MIN_FUNNEL,
    attainment_rows,
    catalogue,
    catalogue_frame,
    full_years,
    funnel_year,
    min_cell,
    published,
    unit_impact_ids,
)
from .figures import funnel_figure
from .interrupted import its_outcome
from .population import population_year_note
from .report import Report
from .sections_facts import report_months
from .sections_impact import its_sentences
from .tables import hidden_word, indicator_label, municipality_name
from .texts import text

__all__ = ["comparison", "funnel_position", "interpretation", "main_indicator"]


def _impact_ids(report: Report) -> list[str]:
    found = {i for u in report.units for i in unit_impact_ids(report, u)}
    return [i for i in catalogue().index if i in found]


def main_indicator(report: Report) -> str | None:
    """The impact count of the funnel plot: of those an objective names (else of all), the one
    compared with the most municipalities."""
    ids = _impact_ids(report)
    obj = report.ctx.data.objectives
    named = set(obj.loc[obj["project_id"].isin(report.projects["project_id"]), "indicator_id"])
    pool = [i for i in ids if i in named] or ids
    sizes = {i: _shown(funnel_year(report.ctx, i, *full_years(report))[1]) for i in pool}
    return max(pool, key=lambda i: sizes[i]) if pool else None


def _shown(frame: pd.DataFrame) -> int:
    """Municipalities compared in a funnel frame: those whose count is shown."""
    return int((~frame["suppressed"]).sum()) if len(frame) else 0


def funnel_position(row: pd.Series, lang: Lang) -> str:
    """Where a municipality's row of a funnel frame lies: hidden, above or below a limit, or
    within the limits (in ``lang``)."""
    if row["suppressed"]:
        return text("hidden", lang)
    for level in ("998", "95"):
        if row[f"outside_{level}"]:
            side = "above" if row["value"] > row[f"high_{level}"] else "below"
            return text(f"{side}_{level}", lang)
    return text("within", lang)


def _rate(x: float, lang: Lang) -> str:
    return "–" if pd.isna(x) else format_number(x, lang, decimals=2)


def _comparison_rows(report: Report, indicator: str, year: int, frame: pd.DataFrame) -> list:
    lang, rows = report.lang, []
    for row in frame[frame["nis_code"].isin(report.nis_codes)].to_dict("records"):
        count = (
            hidden_word(lang)
            if row["suppressed"]
            else format_number(row["value"], lang, decimals=0)
        )
        interval = (
            "–"
            if row["suppressed"]
            else (f"{_rate(row['rate_low'], lang)} … {_rate(row['rate_high'], lang)}")
        )
        rows.append(
            {
                text("indicator", lang): indicator_label(indicator, lang),
                text("municipality", lang): municipality_name(row["nis_code"], lang),
                text("year", lang): str(year),
                text("count", lang): count,
                text("rate", lang): _rate(row["rate_per_1000"], lang),
                text("interval", lang): interval,
                text("group_rate", lang): _rate(row["group_rate_per_1000"], lang),
                text("position", lang): funnel_position(pd.Series(row), lang),
                text("n_compared", lang): str(_shown(frame)),
            }
        )
    return rows


def comparison(report: Report) -> Section:
    """Section 6: a funnel plot of the main impact count per 1,000 in the latest full year,
    every municipality with data, the report's municipalities ringed; a table for every impact
    count."""
    lang = report.lang
    out = Section().md(f"## {text('h_compare', lang)}")
    main, ids = main_indicator(report), _impact_ids(report)
    if main is None:
        return out.md(text("compare_no_impact", lang))
    first, last = full_years(report)
    rows = []
    for indicator in ids:
        year, frame = funnel_year(report.ctx, indicator, first, last)
        name = indicator_label(indicator, lang)
        if year is None:
            if indicator == main:
                out.md(text("compare_none", lang, indicator=name, min=MIN_FUNNEL))
            continue
        rows += _comparison_rows(report, indicator, year, frame)
        if indicator != main:
            continue
        group = _rate(frame["group_rate_per_1000"].iloc[0], lang)
        out.md(
            text(
                "compare_intro",
                lang,
                indicator=name,
                year=year,
                name=md_escape(_who(report)),
                n=_shown(frame),
                rate=group,
            )
            + " "
            + _method(frame, lang),
            population_year_note(year, lang),
        )
        out.figure(funnel_figure(frame, report.nis_codes, f"{name}, {year}", lang), name)
        out.bullets(_not_shown(report, frame, name, year))
    if rows:
        table = pd.DataFrame(rows)
        out.table(table, numeric=list(table.columns[3:7]) + [table.columns[-1]])
    return out


def _method(frame: pd.DataFrame, lang: Lang) -> str:
    """The limits' method and values, and how many hidden counts were left out."""
    said = [method_note(frame_dispersion(frame), lang) + "."]
    hidden = int(frame["suppressed"].sum())
    if hidden:
        key = "compare_left_out_one" if hidden == 1 else "compare_left_out"
        said.append(text(key, lang, n=hidden, k=min_cell()))
    return " ".join(said)


def _who(report: Report) -> str:
    """The municipality of a report, or the municipalities of a project."""
    if report.kind == "municipality":
        return report.name
    names = [municipality_name(c, report.lang) for c in report.nis_codes]
    return names[0] if len(names) == 1 else text("and_list", report.lang, first=", ".join(
        names[:-1]), last=names[-1])  # fmt: skip


def _not_shown(report: Report, frame: pd.DataFrame, indicator: str, year: int) -> list[str]:
    """Why a municipality of the report is not in the funnel plot: no full year, or hidden."""
    lang, out = report.lang, []
    hidden = set(frame.loc[frame["suppressed"], "nis_code"])
    for code in report.nis_codes:
        name = md_escape(municipality_name(code, lang))
        if code in hidden:
            out.append(text("compare_hidden", lang, name=name, k=min_cell()))
        elif code not in set(frame["nis_code"]):
            out.append(text("compare_absent", lang, name=name, year=year, indicator=indicator))
    return out


#: The headline count of each objective status (:data:`socprev_kit.evaluation.targets.STATUSES`).
STATUS_COUNTS = {s: "n_" + s.replace(" ", "_") for s in STATUSES}


def status_tally(counts: dict[str, int], lang: Lang) -> str:
    """``3 reached, 2 not reached`` (the statuses with objectives, in the kit's order).

    >>> status_tally({"n_reached": 1, "n_behind": 0, "n_not_reached": 2}, "fr")
    '1 atteint, 2 non atteints'
    """
    parts = [
        text("count" + key[1:], lang, n=counts[key], s="s" if counts[key] > 1 else "")
        for key in STATUS_COUNTS.values()
        if counts.get(key, 0)
    ]
    return ", ".join(parts)


def _findings(report: Report) -> tuple[list[str], list[str]]:
    """The main findings and the caveats of the ITS results, deduplicated."""
    lang, att = report.lang, attainment_rows(report)
    found, notes = [], []
    if len(att):
        status = att["status"].value_counts()
        counts = {key: int(status.get(s, 0)) for s, key in STATUS_COUNTS.items()}
        tally = status_tally(counts, lang)
        found.append(text("attainment_summary", lang, n=len(att), tally=tally))
    fitted = 0
    for unit in report.units:
        for indicator in unit_impact_ids(report, unit):
            outcome = its_outcome(report, unit, indicator)
            said = its_sentences(report, outcome)
            if outcome.result is None:
                continue
            fitted += 1
            head = 1
            while head < len(said) and said[head] in _direction_sentences(lang):
                head += 1
            prefix = text("prefix", lang, id=md_escape(unit.project_id))
            found.append(prefix + " ".join(said[:head]))
            notes += said[head:]
    if fitted == 0 and _impact_ids(report):
        found.append(text("no_its_finding", lang))
    return found, notes


def _direction_sentences(lang: Lang) -> set[str]:
    return {sentence("desired", lang), sentence("undesired", lang), sentence("chance", lang)}


def _funnel_finding(report: Report) -> list[str]:
    main, lang = main_indicator(report), report.lang
    if main is None:
        return []
    year, frame = funnel_year(report.ctx, main, *full_years(report))
    if year is None:
        return []
    # a key finding only outside the 99.8 % limits adjusted for overdispersion
    mine = frame[frame["nis_code"].isin(report.nis_codes) & frame["outside_998"]]
    group = _rate(frame["group_rate_per_1000"].iloc[0], lang)
    name = indicator_label(main, lang).split(" ", 1)[-1].lower()
    return [
        text(
            "compare_finding",
            lang,
            year=year,
            name=municipality_name(r["nis_code"], lang),
            indicator=name,
            position=funnel_position(pd.Series(r), lang),
            rate=_rate(r["rate_per_1000"], lang),
            group=group,
        )
        for r in mine.to_dict("records")
    ]


def _data_caveats(report: Report) -> list[str]:
    lang, months, out = report.lang, report_months(report), []
    share = months["registered"].mean() if len(months) else 1.0
    if share < 0.9:
        out.append(text("completeness_caveat", lang, share=format_percent(100 * share, lang)))
    errors = int((report_issues(report)["severity"] == "error").sum())
    if errors:
        out.append(text("errors_caveat", lang, n=errors))
    for indicator in _impact_ids(report):
        out += caveats(indicator, lang=lang, catalogue=catalogue_frame())
    out += _whole_project_caveat(report)
    hidden = sum(int(published(report, u)["suppressed"].sum()) for u in report.units)
    if hidden:
        out.append(
            sentence(
                "suppressed_many" if hidden > 1 else "suppressed_one", lang, n=hidden, k=min_cell()
            )
        )
    return out


def _whole_project_caveat(report: Report) -> list[str]:
    """In a municipality's report: the objectives of a project of several municipalities are
    the whole project's."""
    att = attainment_rows(report)
    ids = [
        md_escape(u.project_id)
        for u in report.units
        if is_member(report, u) and len(att) and (att["project_id"] == u.project_id).any()
    ]
    if not ids:
        return []
    joined = ids[0] if len(ids) == 1 else text(
        "and_list", report.lang, first=", ".join(ids[:-1]), last=ids[-1])  # fmt: skip
    return [text("objectives_whole_caveat", report.lang, ids=joined, name=md_escape(report.name))]


def interpretation(report: Report) -> Section:
    """Section 8: the main findings in a few sentences, then the caveats that apply."""
    lang = report.lang
    found, notes = _findings(report)
    months = report_months(report)
    if len(months):
        share = format_percent(100 * months["registered"].mean(), lang)
        found.append(text("completeness_finding", lang, share=share))
    found += _funnel_finding(report)
    sample = [text("sample_note", lang)] if report.ctx.sample else []
    notes = sample + [text("chance_general", lang)] + _data_caveats(report) + notes
    return (
        Section()
        .md(f"## {text('h_interpret', lang)}", f"### {text('h_findings', lang)}")
        .bullets(found)
        .md(f"### {text('h_caveats', lang)}")
        .bullets(list(dict.fromkeys(notes)))
    )
