"""Evaluation: what the indicators say, with its uncertainty, and what may be published.

Interrupted time series (``its``, its model in ``segmented``, ``its_data`` and
``autocorrelation``), controlled designs (``controlled``: DiD, WDD), comparison areas and funnel
limits (``comparison``, ``control_limits``, ``own_projects``), objectives' status and attainment
(``targets``), trends (``trends``), the COVID-19 period (``covid``), small-cell suppression
(``suppression``, and ``disclosure/`` across everything published), and the sentences that say it
in nl/fr/en (``interpretation/``). It imports indicators, validation, data and common only.
"""

from importlib import import_module

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


def __getattr__(name: str):  # noqa: ANN202 - PEP 562 lazy attributes
    if name in PUBLIC:
        return getattr(import_module(PUBLIC[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(PUBLIC)
