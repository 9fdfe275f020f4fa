"""socprev-kit: register, check and evaluate local projects against drug-related crime and nuisance.

The handful of functions a notebook needs; everything else lives in the modules named after the
step of the flow they serve (``loading``, ``validation``, ``reference``, ``catalogue`` ...).
"""

from importlib import import_module

__version__ = "0.1.0"

# Imported on first use: ``import socprev_kit`` loads nothing heavy (a command that only
# validates does not load statsmodels, the batch starts its kernels before pandas is loaded).
_LAZY = {
    "Dataset": ".validation.dataset",
    "validate": ".validation.dataset",
    "load": ".validation.load",
    "indicator_catalogue": ".data.catalogue",
    "find_municipality": ".data.reference",
    "municipalities": ".data.reference",
    "indicator_table": ".indicators.table",
    "rates_per_1000": ".indicators.rates",
    "completeness": ".indicators.coverage",
    "interrupted_time_series": ".evaluation.its",
    "attainment": ".evaluation.targets",
    "trend": ".evaluation.trends",
    "suppress": ".evaluation.suppression",
    "comparison_series": ".evaluation.comparison",
    "funnel": ".evaluation.comparison",
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
