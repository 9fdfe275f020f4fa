"""Implementation of the EMMIE section: was the project delivered as planned?

Per unit, one line per aspect a reviewer codes: fidelity (P03, activities delivered against
planned), reach (O02, the share of the target group reached, and O01, persons reached),
partnership (P06, partner meetings held against planned) and staffing (P01, FTE-months deployed
against planned). Each gives the latest calendar year with a value (its numerator and
denominator for a derived indicator), else the latest month, else "not registered"; then each
objective on the indicator with its target and status (section 3), or that none names it.

Disclosure: values come from the unit's published rows (:func:`published`: the data set's
pattern), objectives (on the indicator, its numerator or its denominator) from the suppressed
attainment; a hidden value is written as hidden, and a
derived value with its numerator and denominator is hidden whole (the rate reveals the count).
"""

from __future__ import annotations

import pandas as pd

from ..common.formatting import Lang, format_period
from ..plots.style import label
from .common import unit_label
from .display import Section, md_escape
from .evaluate import attainment_rows, catalogue, published
from .report import Report, Unit
from .tables import hidden_word, indicator_label, value_text
from .texts import text

__all__ = ["ASPECTS", "implementation_part", "realised"]

#: The aspects of implementation: (text key, indicator id), in the order they are shown.
ASPECTS = (
    ("impl_fidelity", "P03"),
    ("impl_reach", "O02"),
    ("impl_reach", "O01"),
    ("impl_partnership", "P06"),
    ("impl_staffing", "P01"),
)


def implementation_part(report: Report) -> Section:
    """Implementation: per unit one line per aspect of :data:`ASPECTS`."""
    lang = report.lang
    out = Section().md(f"### {text('h_implementation', lang)}", text("implementation_intro", lang))
    att = attainment_rows(report)
    for unit in report.units:
        out.md(unit_label(report, unit))
        own = att[att["project_id"] == unit.project_id] if len(att) else att
        out.bullets(
            text(
                "impl_line",
                lang,
                aspect=text(key, lang),
                indicator=indicator_label(i, lang),
                realised=realised(report, unit, i),
                objectives=_objectives(own, i, lang),
            )
            for key, i in ASPECTS
        )
    return out


def realised(report: Report, unit: Unit, indicator: str) -> str:
    """The latest published value of ``indicator`` in words: the latest year with a value (with
    numerator and denominator), else the latest month, else "not registered"."""
    lang = report.lang
    for freq in ("year", "month"):
        rows = published(report, unit, freq)
        rows = rows[(rows["indicator_id"] == indicator) & rows["value"].notna()]
        if rows.empty:
            continue
        last = rows.sort_values("period").iloc[-1]
        when = format_period(str(last["period"]), lang)
        if bool(last.get("suppressed", False)):
            return text("impl_hidden", lang, hidden=hidden_word(lang), period=when)
        value = value_text(float(last["value"]), indicator, lang)
        num, den = last.get("numerator"), last.get("denominator")
        if pd.notna(num) and pd.notna(den):
            num_text, den_text = (value_text(float(x), "", lang) for x in (num, den))
            return text("impl_ratio", lang, value=value, period=when, num=num_text, den=den_text)
        return text("impl_value", lang, value=value, period=when)
    return text("impl_not_registered", lang)


def _objectives(att: pd.DataFrame, indicator: str, lang: Lang) -> str:
    info = catalogue().loc[indicator]
    ids = {indicator, *(str(info[c]) for c in ("numerator", "denominator") if pd.notna(info[c]))}
    rows = att[att["indicator_id"].isin(ids)] if len(att) else att
    if rows.empty:
        return text("impl_no_objective", lang)
    parts = [
        text(
            "impl_objective",
            lang,
            id=md_escape(o),
            indicator="" if i == indicator else f" ({i})",
            target=value_text(t, i, lang),
            period=format_period(str(p), lang),
            status=label(s, lang).lower(),
        )
        for o, i, t, p, s in zip(
            rows["objective_id"], rows["indicator_id"], rows["target"], rows["target_period"],
            rows["status"], strict=True,
        )
    ]  # fmt: skip
    return " ".join(parts)
