"""Sections 3 and 4 of a report (DESIGN §5): objectives with their attainment, and the process
and output indicators over time with target and plan lines."""

from __future__ import annotations

import pandas as pd

from ..common.formatting import Lang, format_percent, format_period
from ..evaluation.interpretation import describe_attainments
from ..plots import plot_attainment
from ..plots.style import label
from .common import is_member, labels, members_text, project_heading
from .display import Section, md_escape
from .evaluate import attainment_rows, catalogue, catalogue_frame, project_yearly, published
from .figures import Panel, panel_figure
from .report import Report, Unit
from .tables import area_name, hidden_word, indicator_label, unit_name, value_text, yearly_table
from .texts import text

__all__ = ["indicators_of_type", "logic_model", "member_text", "process_and_outputs"]

#: Derived indicators that are delivery against a plan (numerator / planned x 100): plan = 100 %.
AGAINST_PLAN = ("P01", "P03", "P06")
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _with_period(value: object, period: object, indicator: str, lang: Lang) -> str:
    if value is None or pd.isna(value):
        return "–"
    when = format_period(period, lang)
    return text("value_in", lang, value=value_text(value, indicator, lang), period=when)


def _objectives_table(att: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    # a target period that is over is judged on itself: name it, not its last month
    when = att["target_period"].where(att["period_over"].astype(bool), att["last_period"])
    current = [
        hidden_word(lang) if s else _with_period(o, p, i, lang)
        for o, p, i, s in zip(
            att["observed"], when, att["indicator_id"], att["suppressed"], strict=True
        )
    ]
    return pd.DataFrame(
        {
            text("level", lang): [labels("objective_level", v, lang) for v in att["level"]],
            text("objective", lang): [
                f"{o}: {t}" for o, t in zip(att["objective_id"], att["text"], strict=True)
            ],
            text("indicator", lang): [indicator_label(i, lang) for i in att["indicator_id"]],
            text("baseline", lang): [
                _with_period(v, p, i, lang)
                for v, p, i in zip(
                    att["baseline"], att["baseline_period"], att["indicator_id"], strict=True
                )
            ],
            text("target", lang): [
                _with_period(v, p, i, lang)
                for v, p, i in zip(
                    att["target"], att["target_period"], att["indicator_id"], strict=True
                )
            ],
            text("current", lang): current,
            text("attainment", lang): [
                "–" if pd.isna(a) else format_percent(100 * a, lang) for a in att["attainment"]
            ],
            text("status", lang): [label(s, lang) for s in att["status"]],
        }
    )


def logic_model(report: Report) -> Section:
    """Section 3: per project its objectives → indicators with baseline, target, latest value,
    attainment and status (suppressed), the attainment bars and the sentences."""
    lang = report.lang
    out = Section().md(f"## {text('h_logic', lang)}", text("logic_intro", lang))
    att = attainment_rows(report)
    if att.empty:
        return out.md(text("no_objectives", lang))
    out.figure(plot_attainment(att, lang=lang), text("h_logic", lang))
    out.md(f"*{text('attainment_note', lang)}*")
    numeric = [text(c, lang) for c in ("baseline", "target", "current", "attainment")]
    for unit in report.units:
        rows = att[att["project_id"] == unit.project_id].reset_index(drop=True)
        if rows.empty:
            continue
        out.md(project_heading(report, unit, whole=True))
        if is_member(report, unit):
            out.md(member_text("objectives_whole", report, unit))
        out.table(_objectives_table(rows, lang), numeric=numeric)
        key = ("attainment_text", unit.project_id, lang, report.start, report.end)
        out.bullets(report.ctx.memo(key, lambda rows=rows: _attainment_text(rows, lang)))
    return out


def _attainment_text(rows: pd.DataFrame, lang: Lang) -> list[str]:
    """The sentences on the objectives' attainment, their ids (as typed) made safe Markdown."""
    rows = rows.assign(objective_id=rows["objective_id"].map(md_escape, na_action="ignore"))
    return list(describe_attainments(rows, lang=lang, catalogue=catalogue_frame()))


def _target_lines(report: Report, unit: Unit, indicator: str) -> tuple[tuple[float, str], ...]:
    """Each objective's target on the indicator, per month for a sum indicator."""
    obj = report.ctx.data.objectives
    obj = obj[(obj["project_id"] == unit.project_id) & (obj["indicator_id"] == indicator)]
    info = catalogue().loc[indicator]
    additive = info["value_type"] == "count" or info["aggregation"] == "sum"
    out = []
    for value, period in zip(obj["target_value"], obj["target_period"], strict=True):
        months = _MONTHS[
            "year" if len(str(period)) == 4 else "quarter" if "Q" in str(period) else "month"
        ]
        if pd.notna(value):
            per_month = additive and info["kind"] == "registered"
            out.append(
                (
                    float(value) / (months if per_month else 1),
                    text("target_month" if per_month else "target", lang=report.lang),
                )
            )
    return tuple(out)


def _process_panels(report: Report, unit: Unit) -> list[Panel]:
    """One panel per process or output indicator that an objective of the project names."""
    obj = report.ctx.data.objectives
    ids = obj.loc[obj["project_id"] == unit.project_id, "indicator_id"].drop_duplicates()
    cat, lang = catalogue(), report.lang
    monthly, yearly = published(report, unit), published(report, unit, "year")
    project = project_yearly(report, unit.project_id)
    prefix = f"{unit.project_id} · " if len(report.units) > 1 else ""
    member = is_member(report, unit)  # the project's targets are not this municipality's
    panels = []
    for i in ids:
        rows = monthly[monthly["indicator_id"] == i]
        if rows.empty or cat.loc[i, "type"] not in ("process", "output"):
            continue
        panels.append(
            Panel(
                rows,
                prefix + indicator_label(i, lang),
                unit_name(i, lang),
                targets=() if member else _target_lines(report, unit, i),
                plan=100.0 if i in AGAINST_PLAN else None,
                yearly=yearly[yearly["indicator_id"] == i],
                project=project[project["indicator_id"] == i],
            )
        )
    return panels


def member_text(key: str, report: Report, unit: Unit) -> str:
    """A note that says whose figures follow: the whole project's or one municipality's."""
    return text(
        key,
        report.lang,
        id=md_escape(unit.project_id),
        names=members_text(report, unit.project_id),
        name=md_escape(area_name(unit.area, report.lang)),
    )


def indicators_of_type(frame: pd.DataFrame, types: tuple[str, ...]) -> list[str]:
    """The catalogue's indicators of ``types`` present in ``frame``, in catalogue order."""
    cat = catalogue()
    present = set(frame["indicator_id"])
    return [i for i in cat.index if i in present and cat.loc[i, "type"] in types]


def process_and_outputs(report: Report) -> Section:
    """Section 4: the process and output indicators that objectives name, month by month with
    target and plan lines (one figure), then per project every one of them per year."""
    lang = report.lang
    out = Section().md(f"## {text('h_process', lang)}", text("process_intro", lang))
    panels = [p for u in report.units for p in _process_panels(report, u)]
    if panels:
        out.figure(panel_figure(panels, lang), text("h_process", lang))
    for unit in report.units:
        yearly = published(report, unit, "year")
        ids = indicators_of_type(yearly, ("process", "output"))
        out.md(project_heading(report, unit))
        if not ids:
            out.md(text("no_process", lang))
            continue
        if is_member(report, unit):
            out.md(member_text("member_figures", report, unit))
        table = yearly_table(yearly, ids, lang, monthly=published(report, unit))
        out.table(table, numeric=list(table.columns[2:-1]), spark=text("months_24", lang))
    return out
