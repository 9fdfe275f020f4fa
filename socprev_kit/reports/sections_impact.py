"""Section 5 of a report (DESIGN §5): impact indicators as counts over time with the
interrupted time series where design and data allow it, the reason where they do not, and the
counts and rates per 1,000 per year."""

from __future__ import annotations

import pandas as pd

from ..common.formatting import Lang, format_number, format_percent
from ..data.catalogue import POPULATION
from ..evaluation.interpretation import describe_its
from ..evaluation.its import ITSResult
from .common import is_member, labels, month_text, project_heading
from .display import Section, md_escape
from .evaluate import catalogue, catalogue_frame, project_yearly, published, unit_impact_ids
from .figures import Panel, panel_figure
from .interrupted import ITSOutcome, its_outcome
from .population import merger_paragraphs, population_cells
from .report import Report, Unit
from .sections_results import indicators_of_type, member_text
from .sections_strength import strength_part
from .tables import cells, hidden_word, indicator_label, municipality_name, unit_name
from .texts import text

__all__ = ["effort_sentences", "impact", "its_sentences"]

#: Years shown in the table of counts and rates.
N_YEARS = 7


def _impact_panel(report: Report, outcome: ITSOutcome, series: pd.DataFrame) -> Panel:
    rows = series[series["indicator_id"] == outcome.indicator_id]
    name = indicator_label(outcome.indicator_id, report.lang)
    if len(report.units) > 1:
        name = f"{outcome.unit.project_id} · {name}"
    yearly = published(report, outcome.unit, "year")
    project = project_yearly(report, outcome.unit.project_id)
    return Panel(
        rows,
        name,
        text("count_axis", report.lang),
        intervention=outcome.intervention,
        its=outcome.result,
        project_start=_project_start(report, outcome),
        yearly=yearly[yearly["indicator_id"] == outcome.indicator_id],
        project=project[project["indicator_id"] == outcome.indicator_id],
        year_label=text("count_year_axis", report.lang),
    )


def _project_start(report: Report, outcome: ITSOutcome) -> pd.Timestamp | None:
    """The project's start when it falls in another month than the intervention (else None)."""
    start = report.projects.set_index("project_id")["start_date"].get(outcome.unit.project_id)
    if start is None or pd.isna(start) or outcome.intervention is None:
        return None
    start = pd.Timestamp(start)
    return None if start.to_period("M") == outcome.intervention.to_period("M") else start


def its_sentences(report: Report, outcome: ITSOutcome) -> list[str]:
    """The sentences on one ITS: the result and its caveats, or why there is none (once per
    data context: sections 5 and 7, and other reports on the same unit, use them)."""
    key = (
        "its_sentences",
        outcome.unit,
        outcome.indicator_id,
        report.lang,
        report.start,
        report.end,
        report.nis_codes,
        report.covid,
    )
    return list(report.ctx.memo(key, lambda: _its_sentences(report, outcome)))


def _its_sentences(report: Report, outcome: ITSOutcome) -> list[str]:
    lang, name = report.lang, indicator_label(outcome.indicator_id, report.lang)
    if outcome.result is None:
        fields = {
            k: format_number(v, lang) if isinstance(v, float) else v
            for k, v in outcome.fields.items()
        }
        fields["design"] = labels("evaluation_design", fields.get("design", ""), lang)
        month = month_text(outcome.intervention, lang)
        return [text(outcome.reason, lang, indicator=name, month=month, **fields)]
    names = [municipality_name(c, lang) for c in outcome.comparisons]
    out = describe_its(
        outcome.result,
        outcome.indicator_id,
        lang=lang,
        comparisons=names,
        start=outcome.intervention,
        catalogue=catalogue_frame(),
        other=outcome.other,
        covid_left_out=outcome.covid_left_out,
    )
    if outcome.no_control:
        out.append(text("its_no_control", lang, indicator=name))
    if outcome.own_comparisons:
        places = ", ".join(
            dict.fromkeys(municipality_name(c, lang) for c, _ in outcome.own_comparisons)
        )
        ids = md_escape(", ".join(dict.fromkeys(p for _, p in outcome.own_comparisons)))
        out.append(text("its_own_comparison", lang, indicator=name, names=places, projects=ids))
    if outcome.unstable:
        out.append(text("its_unstable", lang))
    return out + effort_sentences(report, outcome)


def effort_sentences(report: Report, outcome: ITSOutcome) -> list[str]:
    """For an indicator that rises with enforcement effort (catalogue ``effort``): the sentence
    that pairs its change with the changes of the unit's other impact counts, which do not
    depend on effort, or says that the project registers none (DESIGN: an effect on an effort
    indicator is never reported alone as a change in the problem)."""
    effort = catalogue()["effort"]
    if outcome.result is None or not effort.get(outcome.indicator_id, False):
        return []
    lang, name = report.lang, indicator_label(outcome.indicator_id, report.lang)
    others = [i for i in unit_impact_ids(report, outcome.unit) if not effort.get(i, False)]
    if not others:
        return [text("effort_alone", lang, indicator=name)]
    pairs = [_pair(its_outcome(report, outcome.unit, i), lang) for i in others]
    joined = ", ".join(pairs[:-1]) + text("pairs_and", lang) + pairs[-1] if pairs[1:] else pairs[0]
    return [text("effort_paired", lang, indicator=name, pairs=joined)]


def _pair(outcome: ITSOutcome, lang: Lang) -> str:
    name = indicator_label(outcome.indicator_id, lang)
    if outcome.result is None:
        return text("effort_pair_none", lang, name=name)
    level = outcome.result.effects.set_index("term").loc["level"]
    pct = [
        format_percent(100 * (level[c] - 1), lang, signed=True)
        for c in ("rate_ratio", "ci_low", "ci_high")
    ]
    return text("effort_pair", lang, name=name, change=pct[0], low=pct[1], high=pct[2])


def _its_table(report: Report, outcomes: list[ITSOutcome]) -> pd.DataFrame:
    """One row per estimate; a second row for the fit the other way for the COVID-19 months."""
    lang, rows = report.lang, []
    for o in (o for o in outcomes if o.result is not None):
        name = indicator_label(o.indicator_id, lang)
        names = ", ".join(municipality_name(c, lang) for c in o.comparisons)
        model = text("model_controlled", lang, names=names) if names else text("model_plain", lang)
        if o.other is None:
            rows.append(_its_row(o.result, name, model, lang))
            continue
        first, second = ("covid_without_row", "covid_with_row")
        if not o.covid_left_out:  # ``result`` holds the COVID-19 months, ``other`` not
            first, second = second, first
        rows.append(_its_row(o.result, text(first, lang, name=name), model, lang))
        rows.append(_its_row(o.other, text(second, lang, name=name), model, lang))
    return pd.DataFrame(rows)


def _its_row(result: ITSResult, name: str, model: str, lang: Lang) -> dict[str, str]:
    level = result.effects.set_index("term").loc["level"]
    pct = [
        format_percent(100 * (level[c] - 1), lang, signed=True)
        for c in ("rate_ratio", "ci_low", "ci_high")
    ]
    d = result.diagnostics
    return {
        text("indicator", lang): name,
        text("change", lang): pct[0],
        text("interval", lang): f"{pct[1]} … {pct[2]}",
        text("months_before_after", lang): f"{d['n_pre']} / {d['n_post']}",
        text("model", lang): model,
    }


def _impact_yearly(report: Report, unit: Unit) -> pd.DataFrame:
    lang, yearly = report.lang, published(report, unit, "year")
    per_population = set(catalogue().index[catalogue()["denominator"] == POPULATION])
    ids = [i for i in indicators_of_type(yearly, ("impact",)) if i not in per_population]
    counts = set(unit_impact_ids(report, unit))
    years = sorted(yearly["period"].astype(str).unique())[-N_YEARS:]
    lines = []
    for i in ids:
        rows = yearly[yearly["indicator_id"] == i].set_index("period").reindex(years)
        name = indicator_label(i, lang)
        head = (
            text("count_row", lang, name=name) if i in counts else f"{name} ({unit_name(i, lang)})"
        )
        lines.append([head, *cells(rows["value"], i, lang, rows["suppressed"])])
        if i in counts:
            lines.append(
                [
                    text("rate_row", lang, name=name),
                    *_rates(rows["rate_per_1000"], rows["suppressed"], i, lang),
                ]
            )
    pop = yearly.dropna(subset=["population"]).drop_duplicates("period").set_index("period")
    lines.append([text("population_row", lang), *population_cells(pop.reindex(years), lang)])
    return pd.DataFrame(lines, columns=[text("indicator", lang), *years])


def _rates(values: pd.Series, hidden: pd.Series, indicator: str, lang: Lang) -> list[str]:
    hidden = hidden.fillna(False).astype(bool)
    return [
        hidden_word(lang) if h else "–" if pd.isna(v) else format_number(v, lang, decimals=2)
        for v, h in zip(values, hidden, strict=True)
    ]


def impact(report: Report) -> Section:
    """Section 5: impact counts per month with the ITS fit and counterfactual where design and
    data allow it (one figure), then per project the estimates, the sentences (or why there is
    no estimate) and the counts and rates per 1,000 per year."""
    lang = report.lang
    years = report.table["population_year"].dropna()
    out = Section().md(
        f"## {text('h_impact', lang)}",
        text("impact_intro", lang, year=int(years.max()) if len(years) else "–"),
        *merger_paragraphs(report),
    )
    found = {
        u: [its_outcome(report, u, i) for i in unit_impact_ids(report, u)] for u in report.units
    }
    panels = [
        _impact_panel(report, o, published(report, u)) for u in report.units for o in found[u]
    ]
    if panels:
        out.figure(
            panel_figure(panels, lang, ncols=1 if len(panels) < 3 else 2), text("h_impact", lang)
        )
    for unit in report.units:
        out.md(project_heading(report, unit))
        if is_member(report, unit):
            out.md(member_text("member_impact", report, unit))
        if found[unit]:
            table = _its_table(report, found[unit])
            if len(table):
                out.table(table, numeric=list(table.columns[1:4]))
            out.bullets(" ".join(its_sentences(report, o)) for o in found[unit])
            out.extend(strength_part(report, found[unit]))
        yearly = _impact_yearly(report, unit)
        if len(yearly) > 1:
            out.table(yearly, numeric=list(yearly.columns[1:]))
        elif not found[unit]:
            out.md(text("no_impact", lang))
    return out
