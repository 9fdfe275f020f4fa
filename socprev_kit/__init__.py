"""socprev-kit: register, check and evaluate local projects against drug-related crime and nuisance.

The handful of functions a notebook needs; everything else lives in the modules named after the
step of the flow they serve (``loading``, ``validation``, ``reference``, ``catalogue`` ...).
"""

from importlib import import_module

from .catalogue import indicator_catalogue
from .loading import load
from .reference import find_municipality, municipalities
from .validation import Dataset, validate

__version__ = "0.1.0"

# Imported on first use, so that a command that only validates does not load statsmodels.
_LAZY = {
    "indicator_table": ".indicators",
    "rates_per_1000": ".indicators",
    "completeness": ".indicators",
    "interrupted_time_series": ".its",
    "attainment": ".evaluation",
    "trend": ".evaluation",
    "suppress": ".evaluation",
    "comparison_series": ".comparison",
    "funnel": ".comparison",
}


def __getattr__(name: str):  # noqa: ANN202 - PEP 562 lazy attributes
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Dataset",
    "attainment",
    "comparison_series",
    "completeness",
    "funnel",
    "find_municipality",
    "indicator_catalogue",
    "indicator_table",
    "interrupted_time_series",
    "load",
    "municipalities",
    "rates_per_1000",
    "suppress",
    "trend",
    "validate",
]
