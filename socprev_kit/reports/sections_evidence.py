"""The EMMIE section of a project report: what a reviewer of the What Works Crime Reduction
Toolkit (Johnson, Tilley & Bowers 2015) codes, in one place: Effect, Mechanism, Moderators,
Implementation and Economic cost.

Decisions:

- **Nothing is estimated twice.** The effect is the ITS of section 5 (:func:`its_outcome`, cached
  per data context), the mechanism the objectives of section 3 (:func:`attainment_rows`), the
  moderators the context rows of section 7 (:func:`context_rows`); this section puts them in the
  reviewer's order and says, per part, what the data lack, so that a project can be coded
  without asking for more.
- **Effect is one function** (:func:`effect_part`) that later checks (falsification, rating,
  designs side by side) extend; it lists each ITS level change with its interval, or the reason
  there is none.
- **Mechanism** reads the objectives as a chain by the type of their indicator: a process
  indicator is what the project does, an output what it should produce, an impact what it should
  change. A missing link is named.
- Every number goes through the data set's disclosure pattern (the parts' modules say how).
"""

from __future__ import annotations

import pandas as pd

from ..common.formatting import Lang, format_percent
from .common import labels, unit_label
from .display import Section, md_escape
from .evaluate import attainment_rows, catalogue, unit_impact_ids
from .evidence_cost import cost_part
from .evidence_implementation import implementation_part
from .evidence_moderators import moderators_part
from .interrupted import ITSOutcome, its_outcome
from .report import Report
from .sections_designs import designs_part
from .sections_impact import its_sentences
from .tables import indicator_label, municipality_name
from .texts import text

__all__ = ["effect_part", "evidence", "mechanism_part"]

#: The steps of the logic model: the indicator type of each, and its text key.
STEPS = (("process", "mech_does"), ("output", "mech_produces"), ("impact", "mech_changes"))


def evidence(report: Report) -> Section:
    """The EMMIE section: effect, mechanism, moderators, implementation and economic cost of
    the report's project(s), each saying what the data lack."""
    lang = report.lang
    out = Section().md(f"## {text('h_evidence', lang)}", text("evidence_intro", lang))
    for part in (effect_part, mechanism_part, moderators_part, implementation_part, cost_part):
        out.extend(part(report))
    return out


def effect_part(report: Report) -> Section:
    """Effect: a pointer to section 5 (where each estimate has its falsification checks and its
    rating), each ITS level change with its interval per unit (or why there is none), then the
    designs side by side (:func:`~socprev_kit.reports.sections_designs.designs_part`)."""
    lang = report.lang
    out = Section().md(f"### {text('h_effect', lang)}", text("effect_intro", lang))
    for unit in report.units:
        items = [
            _effect_item(report, its_outcome(report, unit, i))
            for i in unit_impact_ids(report, unit)
        ]
        out.md(unit_label(report, unit))
        out.bullets(items or [text("effect_none", lang)])
    return out.extend(designs_part(report))


def _effect_item(report: Report, outcome: ITSOutcome) -> str:
    """One line: the level change and its interval, or the reason the ITS has no estimate."""
    lang = report.lang
    if outcome.result is None:
        return " ".join(its_sentences(report, outcome))
    level = outcome.result.effects.set_index("term").loc["level"]
    pct = [
        format_percent(100 * (level[c] - 1), lang, signed=True)
        for c in ("rate_ratio", "ci_low", "ci_high")
    ]
    d = outcome.result.diagnostics
    names = ", ".join(municipality_name(c, lang) for c in outcome.comparisons)
    model = text("model_controlled", lang, names=names) if names else text("model_plain", lang)
    return text(
        "effect_level",
        lang,
        indicator=indicator_label(outcome.indicator_id, lang),
        change=pct[0],
        low=pct[1],
        high=pct[2],
        before=d["n_pre"],
        after=d["n_post"],
        model=model,
    )


def mechanism_part(report: Report) -> Section:
    """Mechanism: the objectives as a chain (does -> produces -> changes), by the catalogue type
    of their indicator, with their level; a missing step is named."""
    lang = report.lang
    out = Section().md(f"### {text('h_mechanism', lang)}", text("mechanism_intro", lang))
    att = attainment_rows(report)
    for pid in report.projects["project_id"]:
        rows = att[att["project_id"] == pid] if len(att) else att
        if len(report.projects) > 1:
            out.md(f"**{md_escape(pid)}**")
        out.bullets(_chain(rows, lang))
    return out


def _chain(rows: pd.DataFrame, lang: Lang) -> list[str]:
    """One line per step of the logic model: its objectives, or that none names it."""
    if rows.empty:
        return [text("mech_no_objectives", lang)]
    kinds = rows["indicator_id"].map(catalogue()["type"])
    lines = []
    for kind, key in STEPS:
        mine = rows[kinds.eq(kind).to_numpy()]
        if mine.empty:
            lines.append(text(key, lang, objectives=text(f"mech_missing_{kind}", lang)))
            continue
        items = [
            text(
                "mech_objective",
                lang,
                id=md_escape(o),
                level=labels("objective_level", lv, lang),
                text=md_escape(t),
                indicator=indicator_label(i, lang),
            )
            for o, lv, t, i in zip(mine["objective_id"], mine["level"], mine["text"],
                                   mine["indicator_id"], strict=True)
        ]  # fmt: skip
        # the step, then one nested item per objective (Markdown: indented by two spaces)
        lines.append(text(key, lang, objectives="").rstrip() + "".join(f"\n  - {i}" for i in items))
    other = rows[~kinds.isin([k for k, _ in STEPS]).to_numpy()]
    if len(other):
        names = ", ".join(indicator_label(i, lang) for i in other["indicator_id"].unique())
        lines.append(text("mech_other", lang, indicators=names))
    return lines
