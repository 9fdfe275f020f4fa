"""Indicators: registrations aggregated by the catalogue's rules, derived, and per 1,000.

``table`` the indicator table over time (derived indicators, intermunicipal totals), ``rates``
rates per 1,000 with the population of the territory registered, ``coverage`` the completeness of
registration, ``report_inputs`` the tables a report starts from. It imports validation, data and
common only.
"""

from ..common.lazy import lazy_names

#: public name -> the module of this folder that holds it (imported on first use)
PUBLIC = {
    "indicator_table": ".table",
    "combined": ".table",
    "combine_projects": ".table",
    "rates_per_1000": ".rates",
    "completeness": ".coverage",
    "completeness_months": ".coverage",
    "report_tables": ".report_inputs",
}


__getattr__ = lazy_names(__name__, PUBLIC)


__all__ = sorted(PUBLIC)
