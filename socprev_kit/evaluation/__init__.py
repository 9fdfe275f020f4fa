"""Evaluation: what the indicators say, with its uncertainty, and what may be published.

Interrupted time series (``its``, its model in ``segmented``, ``its_data`` and
``autocorrelation``), controlled designs (``controlled``: DiD, WDD), comparison areas and funnel
limits (``comparison``, ``control_limits``, ``own_projects``), objectives' status and attainment
(``targets``), trends (``trends``), the COVID-19 period (``covid``), small-cell suppression
(``suppression``, and ``disclosure/`` across everything published), and the sentences that say it
in nl/fr/en (``interpretation/``). It imports indicators, validation, data and common only.
"""

from ..common.lazy import lazy_names

#: public name -> the module of this folder that holds it (imported on first use)
PUBLIC = {
    "interrupted_time_series": ".its",
    "ITSResult": ".its",
    "trend": ".trends",
    "TrendResult": ".trends",
    "attainment": ".targets",
    "STATUSES": ".targets",
    "suppress": ".suppression",
    "ATTAINMENT_COLUMNS": ".suppression",
    "comparison_series": ".comparison",
    "funnel": ".comparison",
}


__getattr__ = lazy_names(__name__, PUBLIC)


__all__ = sorted(PUBLIC)
