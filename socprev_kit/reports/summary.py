"""The machine-readable summary of a report, for the batch engine's index and summary table.

The last cell of each report notebook displays :func:`headline`: a display output whose bundle
holds the JSON-able dict under :data:`MIME` plus Markdown and plain-text renderings, so that
JupyterLab and the HTML export show a readable line. :func:`read_headline` finds it again in an
executed notebook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..evaluation.evidence.falsification import declares_effect
from .common import report_issues
from .display import md_escape
from .evaluate import attainment_rows, unit_impact_ids
from .fingerprint import report_data_version
from .interrupted import its_outcome
from .report import Report
from .sections_facts import report_months
from .sections_summary import STATUS_COUNTS, main_indicator, status_tally
from .strength import outcome_checks, outcome_rating
from .texts import text

if TYPE_CHECKING:
    import nbformat

__all__ = ["MIME", "Headline", "headline", "read_headline"]

#: The mime type of the headline output.
MIME = "application/vnd.socprev.headline+json"


class Headline(dict):
    """A report's headline figures (a plain dict) that displays itself with :data:`MIME`."""

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        fields = {k: self[k] for k in ("n_projects", "n_objectives", "n_issues_error")}
        fields["n_issues_warning"] = self["n_issues_warning"]
        fields["statuses"] = status_tally(self, self["lang"]) or "–"
        line = text(
            "headline",
            self["lang"],
            name=md_escape(self["name"]),
            id=md_escape(self["id"]),
            **fields,
        )
        return {MIME: dict(self), "text/markdown": line, "text/plain": line.replace("**", "")}


def _number(x: object) -> float | None:
    return None if x is None or pd.isna(x) or not np.isfinite(float(x)) else float(x)


def _its_levels(report: Report) -> list[dict[str, Any]]:
    out = []
    for unit in report.units:
        for indicator in unit_impact_ids(report, unit):
            o = its_outcome(report, unit, indicator)
            if o.result is None:
                continue
            level = o.result.effects.set_index("term").loc["level"]
            rating = outcome_rating(report, o)
            out.append(
                {
                    "project_id": unit.project_id,
                    "area": unit.area,
                    "indicator_id": indicator,
                    "controlled": bool(o.comparisons),
                    **{k: _number(level[k]) for k in ("rate_ratio", "ci_low", "ci_high")},
                    "declared": declares_effect(o.result, outcome_checks(report, o)),
                    "rating": rating.level,
                    "rating_base": rating.base,
                    "rating_reasons": list(rating.reasons),
                }
            )
    return out


def headline(report: Report) -> Headline:
    """The report's headline figures: who, objectives by status, issues, ITS level changes,
    completeness, the data version. Display it as the notebook's last output.

    One count per status (:data:`~socprev_kit.reports.sections_summary.STATUS_COUNTS`:
    ``n_reached, n_maintained, n_on_track, n_behind, n_not_reached, n_not_computable``), adding
    up to ``n_objectives``. It holds no count of
    a cell (statuses, ITS rate ratios, completeness, ids): nothing that the data set's
    disclosure pattern hides; the batch's ``summary.csv`` is made from it.
    """
    att = attainment_rows(report)
    status = att["status"].value_counts() if len(att) else pd.Series(dtype=int)
    issues = report_issues(report)["severity"].value_counts()
    months = report_months(report)
    table = report.table[report.table["frequency"] == "month"]
    return Headline(
        {
            "kind": report.kind,
            "id": report.id,
            "name": report.name,
            "name_nl": report.name_nl,
            "name_fr": report.name_fr,
            "lang": report.lang,
            "projects": report.projects["project_id"].tolist(),
            "n_projects": len(report.projects),
            "n_objectives": len(att),
            **{key: int(status.get(s, 0)) for s, key in STATUS_COUNTS.items()},
            "n_issues_error": int(issues.get("error", 0)),
            "n_issues_warning": int(issues.get("warning", 0)),
            "completeness": _number(months["registered"].mean()) if len(months) else None,
            "its_level": _its_levels(report),
            "funnel_indicator": main_indicator(report),
            "period_first": table["period"].min() if len(table) else None,
            "period_last": table["period"].max() if len(table) else None,
            "data_version": report_data_version(report),
            "kit_version": report.ctx.kit_version,
        }
    )


def read_headline(nb: nbformat.NotebookNode) -> dict | None:
    """The headline dict of an executed report notebook (``nbformat.NotebookNode``), or None.

    The last output carrying :data:`MIME` wins (display data or an execute result).
    """
    found = None
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data", {})
            if MIME in data:
                found = data[MIME]
    return dict(found) if found is not None else None
