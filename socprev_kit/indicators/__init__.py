"""Indicators: registrations aggregated by the catalogue's rules, derived, and per 1,000.

``table`` the indicator table over time (derived indicators, intermunicipal totals), ``rates``
rates per 1,000 with the population of the territory registered, ``coverage`` the completeness of
registration, ``report_inputs`` the tables a report starts from. It imports validation, data and
common only.
"""

from importlib import import_module

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


def __getattr__(name: str):  # noqa: ANN202 - PEP 562 lazy attributes
    if name in PUBLIC:
        return getattr(import_module(PUBLIC[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(PUBLIC)
