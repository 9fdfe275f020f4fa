"""Evidence-grade evaluation: how far a finding can be trusted.

Falsification checks of an interrupted time series (placebo in time and in space, leave one
comparison out, an outcome the project should not move), synthetic comparison municipalities,
the power of a design before the start (the smallest change it would detect), and a rating of
each finding on the Maryland Scientific Methods Scale with what lowers it. Built on
:mod:`socprev_kit.evaluation.its` and the municipalities' series of the context data.
"""

from ...common.lazy import lazy_names

#: public name -> the module of this folder that holds it (imported on first use)
PUBLIC: dict[str, str] = {
    "Rating": ".rating",
    "rate_finding": ".rating",
    "describe_rating": ".rating",
    "detectable_change": ".rating",
    "synthetic_control": ".synthetic",
    "SyntheticResult": ".synthetic",
    "SyntheticDataError": ".synthetic_panel",
    "HullCheck": ".hull",
    "simplex_least_squares": ".simplex",
    "Falsification": ".falsification",
    "declares_effect": ".falsification",
    "falsification_checks": ".falsification",
    "minimum_detectable_effect": ".power",
    "PowerResult": ".power",
    "CostPerIncident": ".cost",
    "IncidentsPrevented": ".cost",
    "cost_per_incident": ".cost",
    "incidents_prevented": ".cost",
    "PowerDataError": ".power_model",
}


__getattr__ = lazy_names(__name__, PUBLIC)


__all__ = sorted(PUBLIC)
