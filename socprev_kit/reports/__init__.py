"""Municipality and project reports: the library the report notebooks call.

A notebook checks its parameters with :func:`municipality_report` or :func:`project_report`
(the data come from :func:`prepare`, cached per process), then shows one section per cell:
:func:`title`, :func:`who_and_what`, :func:`data_quality`, :func:`logic_model`,
:func:`process_and_outputs`, :func:`impact`, :func:`comparison`, :func:`evidence` (project
reports only: :data:`PROJECT_SECTIONS`), :func:`context_data`,
:func:`interpretation`, :func:`annex`, and last :func:`headline` for the batch index
(:func:`read_headline` reads it back). Every text is in the report's language (nl, fr, en);
every published cell goes through the data set's disclosure pattern
(:mod:`socprev_kit.evaluation.disclosure`, decided once per data context): small cells and
those that would give one back are hidden, the same in every report.

Examples
--------
>>> from socprev_kit import reports
>>> report = reports.municipality_report("44021", lang="fr")  # doctest: +SKIP
>>> reports.impact(report)  # in a notebook: headings, figures, tables  # doctest: +SKIP
"""

from .context import clear_cache, prepare, sample_data_path
from .data_context import DataContext
from .params import ReportParameterError, municipality_report, project_report
from .report import Report
from .sections_annex import annex
from .sections_context import context_data
from .sections_evidence import evidence
from .sections_facts import data_quality, title, who_and_what
from .sections_impact import impact
from .sections_results import logic_model, process_and_outputs
from .sections_summary import comparison, interpretation
from .summary import MIME, headline, read_headline

#: The sections of a report, in the order the notebooks show them (one cell each).
SECTIONS = (
    title,
    who_and_what,
    data_quality,
    logic_model,
    process_and_outputs,
    impact,
    comparison,
    context_data,
    interpretation,
    annex,
)

#: The sections of a project report, in the order its notebook shows them: :data:`SECTIONS` with
#: the EMMIE section (:func:`evidence`) after the comparison.
_AFTER = SECTIONS.index(comparison) + 1
PROJECT_SECTIONS = (*SECTIONS[:_AFTER], evidence, *SECTIONS[_AFTER:])

__all__ = [
    "MIME",
    "PROJECT_SECTIONS",
    "SECTIONS",
    "DataContext",
    "Report",
    "ReportParameterError",
    "annex",
    "clear_cache",
    "comparison",
    "context_data",
    "data_quality",
    "evidence",
    "headline",
    "impact",
    "interpretation",
    "logic_model",
    "municipality_report",
    "prepare",
    "process_and_outputs",
    "project_report",
    "read_headline",
    "sample_data_path",
    "title",
    "who_and_what",
]
