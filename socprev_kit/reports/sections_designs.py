"""The designs side by side in a project report (issue 17 item 6): per impact count with an
estimate, a forest plot of the four designs (:mod:`socprev_kit.reports.designs`), a table with
each design's change, interval and rating (or why it could not be used), the sentence on whether
they agree, and the municipalities of the synthetic comparison with their weights.

The synthetic comparison's monthly series is not drawn here: a weighted mix of few donors can
give back a donor's month, and the treated series' hidden months would show through the gap.
Its weights and its rate ratio reveal no count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..common.formatting import Lang, format_number, format_percent
from ..evaluation.evidence.rating import describe_rating
from ..plots.forest import plot_designs
from .designs import DesignEstimate, agreement, design_estimates
from .display import Section, md_escape
from .evaluate import unit_impact_ids
from .interrupted import its_outcome
from .report import Report
from .tables import indicator_label
from .texts import text

__all__ = ["designs_part"]

#: Donors listed under the table (the largest weights); the rest are summed.
N_WEIGHTS = 8


def _pct(x: float, lang: Lang) -> str:
    return format_percent(100 * (x - 1), lang, signed=True) if np.isfinite(x) else "–"


def _row(e: DesignEstimate, lang: Lang) -> dict[str, str]:
    has = np.isfinite(e.rate_ratio)
    interval = f"{_pct(e.ci_low, lang)} … {_pct(e.ci_high, lang)}"
    if has and not np.isfinite(e.ci_low):
        interval = text("design_no_interval", lang)
    rating = text("rating_cell", lang, level=e.rating.level) if e.rating and has else "–"
    return {
        text("col_design", lang): text(f"design_{e.design}", lang),
        text("change", lang): _pct(e.rate_ratio, lang) if has else text(e.reason, lang),
        text("interval", lang): interval if has else "",
        text("col_rating", lang): rating,
    }


def _forest(estimates: tuple[DesignEstimate, ...], title: str, lang: Lang):  # noqa: ANN202
    rows = pd.DataFrame({
        "label": [text(f"design_{e.design}", lang).split(" (")[0] for e in estimates],
        "rate_ratio": [e.rate_ratio for e in estimates],
        "ci_low": [e.ci_low for e in estimates],
        "ci_high": [e.ci_high for e in estimates],
        "note": [text("rating_cell", lang, level=e.rating.level) if e.rating else "–"
                 for e in estimates],
    })  # fmt: skip
    return plot_designs(rows, lang, title=title)


def _weights(estimate: DesignEstimate, lang: Lang) -> str:
    """The donors of the synthetic comparison with their weights, in one sentence."""
    found = estimate.synthetic
    if found is None or found.weights.empty:
        return ""
    w = found.weights
    name = w["name_fr"] if lang == "fr" else w["name_nl"] if lang == "nl" else w["name"]
    parts = [
        f"{md_escape(n)} {format_percent(100 * x, lang, decimals=0)}"
        for n, x in zip(name[:N_WEIGHTS], w["weight"][:N_WEIGHTS], strict=True)
    ]
    rest = len(w) - N_WEIGHTS
    if rest > 0:
        parts.append(text("weights_rest", lang, n=format_number(rest, lang),
                          weight=format_percent(100 * w["weight"][N_WEIGHTS:].sum(), lang,
                                                decimals=0)))  # fmt: skip
    fit = found.convex_hull.text(lang)
    return text("weights_list", lang, weights=text("list_sep", lang).join(parts)) + " " + fit


def designs_part(report: Report) -> Section:
    """The designs side by side for every impact count of the report's units with an estimate
    (nothing when none has one)."""
    lang, out = report.lang, Section()
    found = [
        (o, design_estimates(report, o))
        for u in report.units
        for o in (its_outcome(report, u, i) for i in unit_impact_ids(report, u))
        if o.result is not None
    ]
    if not found:
        return out
    out.md(f"#### {text('h_designs', lang)}", text("designs_intro", lang))
    for outcome, estimates in found:
        title = indicator_label(outcome.indicator_id, lang)
        if len(report.units) > 1:
            title = f"{outcome.unit.project_id} · {title}"
        out.figure(_forest(estimates, title, lang), f"{text('h_designs', lang)}: {title}")
        table = pd.DataFrame([_row(e, lang) for e in estimates])
        out.table(table, numeric=list(table.columns[1:3]))
        said = [text(agreement(estimates), lang)]
        said += [text("did_note", lang)] if np.isfinite(estimates[2].rate_ratio) else []
        said += [_weights(estimates[3], lang)]
        # the table gives each level; what lowered one is said here
        said += [
            text("design_rating", lang, design=text(f"design_{e.design}", lang),
                 rating=describe_rating(e.rating, lang))
            for e in estimates if e.rating is not None and e.rating.level < e.rating.base
        ]  # fmt: skip
        out.bullets(said)
    return out
