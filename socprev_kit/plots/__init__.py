"""Figures for the reports: indicator over time, small multiples, completeness, attainment, funnel.

Every function takes the kit's own tables as they come (an indicator table, optionally passed
through :func:`socprev_kit.evaluation.suppression.suppress`;
:func:`socprev_kit.indicators.coverage.completeness_months`;
:func:`socprev_kit.evaluation.targets.attainment`; :func:`socprev_kit.evaluation.comparison.funnel`)
and an optional ``ax`` (small multiples return a new Figure), draws and returns it; none shows or
saves a figure, and matplotlib is imported only when a function is called. One style for all: the
Okabe-Ito palette in :data:`PALETTE`, 10-11 pt text in :data:`STYLE`, texts in nl, fr or en from
:data:`LABELS`.

Modules: ``style`` (palette, labels, shared helpers), ``series`` (indicator over time, small
multiples), ``quality`` (completeness heat map, attainment bars), ``funnel``, ``synthetic`` (a
synthetic comparison and its weights).

Examples
--------
>>> ax = plot_indicator(series, intervention="2020-10", its=result, lang="fr")  # doctest: +SKIP
>>> ax.figure.savefig("ghent_I01.png")  # doctest: +SKIP
"""

from .funnel import plot_funnel
from .quality import plot_attainment, plot_completeness
from .series import plot_indicator, small_multiples
from .style import LABELS, PALETTE, STYLE, label
from .synthetic import synthetic_figure

__all__ = [
    "LABELS",
    "PALETTE",
    "STYLE",
    "label",
    "plot_attainment",
    "plot_completeness",
    "plot_funnel",
    "plot_indicator",
    "small_multiples",
    "synthetic_figure",
]
