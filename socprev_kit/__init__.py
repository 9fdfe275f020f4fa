"""socprev-kit: register, check and evaluate local projects against drug-related crime and nuisance.

The handful of functions a notebook needs; everything else lives in the modules named after the
step of the flow they serve (``loading``, ``validation``, ``reference``, ``catalogue`` ...).
"""

from .catalogue import indicator_catalogue
from .loading import load
from .reference import find_municipality, municipalities
from .validation import Dataset, validate

__version__ = "0.1.0"

__all__ = [
    "Dataset",
    "find_municipality",
    "indicator_catalogue",
    "load",
    "municipalities",
    "validate",
]
