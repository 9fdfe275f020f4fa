"""socprev-kit: register, check and evaluate local projects against drug-related crime and nuisance.

The handful of functions a notebook needs; everything else lives in the modules named after the
step of the flow they serve (``loading``, ``validation``, ``reference``, ``catalogue`` ...).
"""

from importlib import import_module

__version__ = "0.1.0"

# Imported on first use: ``import socprev_kit`` loads nothing heavy (a command that only
# validates does not load statsmodels, the batch starts its kernels before pandas is loaded).
_LAZY = {
    "Dataset": ".validation",
    "validate": ".validation",
    "load": ".loading",
    "indicator_catalogue": ".catalogue",
    "find_municipality": ".reference",
    "municipalities": ".reference",
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
