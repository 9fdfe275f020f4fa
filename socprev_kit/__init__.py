"""socprev-kit: register, check and evaluate local projects against drug-related crime and nuisance.

The handful of functions a notebook needs; everything else lives in the folder of the step of the
flow it serves: ``data`` (files to raw tables), ``validation``, ``indicators``, ``evaluation``,
``plots``, ``reports``, ``batch``, with ``registration``, ``teaching``, ``sampledata`` and ``cli``
beside them (docs/architecture.md). The module paths of release 0.1 (``socprev_kit.loading``,
``socprev_kit.its`` ...) still import, with a FutureWarning naming the new path.
"""

import sys
import warnings
from importlib import import_module
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

from .common.lazy import lazy_names

__version__ = "0.1.0"

# Imported on first use: ``import socprev_kit`` loads nothing heavy (a command that only
# validates does not load statsmodels, the batch starts its kernels before pandas is loaded).
_LAZY = {
    "Dataset": ".validation.dataset",
    "validate": ".validation.dataset",
    "load": ".validation.from_files",
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
    "falsification_checks": ".evaluation.evidence.falsification",
    "synthetic_control": ".evaluation.evidence.synthetic",
    "minimum_detectable_effect": ".evaluation.evidence.power",
    "rate_finding": ".evaluation.evidence.rating",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "Dataset",
    "attainment",
    "comparison_series",
    "completeness",
    "falsification_checks",
    "funnel",
    "find_municipality",
    "indicator_catalogue",
    "indicator_table",
    "interrupted_time_series",
    "load",
    "minimum_detectable_effect",
    "municipalities",
    "rate_finding",
    "rates_per_1000",
    "suppress",
    "synthetic_control",
    "trend",
    "validate",
]


# --- the module paths of release 0.1, kept for one release ---------------------------------------

#: old module -> the module(s) that hold its public names now
MOVED = {
    "arguments": ("common.arguments",),
    "catalogue": ("data.catalogue",),
    "checks": ("validation.checks",),
    "comparison": ("evaluation.comparison",),
    "contract": ("data.contract",),
    "control_limits": ("evaluation.control_limits",),
    "controlled": ("evaluation.controlled",),
    "covid": ("evaluation.covid", "evaluation.interpretation.covid"),
    "datafiles": ("data.files",),
    "disclosure": ("evaluation.disclosure",),
    "errors": ("common.errors",),
    "exports": ("common.exports",),
    "feedback": ("registration.feedback",),
    "formats": ("data.formats.excel",),
    "formatting": ("common.formatting",),
    "intake": ("registration.intake",),
    "interpretation": ("evaluation.interpretation",),
    "interpretation_texts": ("evaluation.interpretation.texts",),
    "issues": ("validation.issues",),
    "its": ("evaluation.its",),
    "limits": ("common.limits",),
    "loading": ("data.reading", "data.tables", "validation.from_files"),
    "messages": ("validation.messages",),
    "messy": ("sampledata.messy",),
    "overview": ("validation.overview",),
    "own_projects": ("evaluation.own_projects",),
    "parquet": ("data.formats.parquet",),
    "parquet_cells": ("data.formats.parquet_cells",),
    "parsing": ("data.parsing",),
    "project_checks": ("validation.project_checks",),
    "rates": ("indicators.rates",),
    "reference": ("data.reference",),
    "report_references": ("cli.references",),
    "sharing": ("reports.sharing",),
    "targets": ("evaluation.targets",),
    "textfiles": ("data.formats.csv",),
    "textrows": ("data.formats.csv_rows",),
    "training": ("teaching",),
    "widgets": ("teaching.widgets",),
    "workbook": ("registration.workbook",),
    "xlsx": ("data.formats.xlsx",),
}


class _Moved(MetaPathFinder, Loader):
    """Imports an old module path as a module that re-exports the new one(s), with a warning."""

    def find_spec(self, fullname: str, path: object = None, target: object = None):  # noqa: ANN201
        old = fullname.removeprefix(__name__ + ".")
        head, _, rest = old.partition(".")
        if old == fullname or head not in MOVED or (rest and len(MOVED[head]) > 1):
            return None  # not an old path (a module of an old module split in several is none)
        return ModuleSpec(fullname, self)

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        old = spec.name.removeprefix(__name__ + ".")
        head, _, rest = old.partition(".")
        news = [f"{__name__}.{m}" + (f".{rest}" if rest else "") for m in MOVED[head]]
        warnings.warn(
            f"{spec.name} is now {' and '.join(news)}; import it from there "
            f"(the old path goes in the next release).",
            FutureWarning,  # shown in a notebook, where these paths are used
            stacklevel=2,
        )
        module = ModuleType(spec.name, f"Moved to {', '.join(news)}.")
        for new in reversed(news):
            target = import_module(new)
            names = getattr(target, "__all__", None) or [
                n for n in vars(target) if not n.startswith("__")
            ]
            module.__dict__.update({n: getattr(target, n) for n in names if hasattr(target, n)})
            if hasattr(target, "__path__"):
                module.__path__ = []  # its modules import through this finder too
        return module

    def exec_module(self, module: ModuleType) -> None:
        return None


if not any(isinstance(f, _Moved) for f in sys.meta_path):
    sys.meta_path.append(_Moved())
