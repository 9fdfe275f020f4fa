"""Validation: every cell parsed and every check run at once, into usable rows and an issues table.

``dataset`` (``Dataset``, ``validate``), ``parsed_tables`` and ``totals`` (raw tables to typed
columns), ``checks`` (``run_all``: ``municipality_checks``, ``registration_checks``,
``project_checks``, sharing ``marking`` and ``categories``), ``issues`` (the issues table),
``messages/`` (every check's severity and message in nl/fr/en), ``from_files`` (``load`` = read +
validate), ``overview``. It imports data and common only.
"""

from ..common.lazy import lazy_names

#: public name -> the module of this folder that holds it (imported on first use)
PUBLIC = {
    "Dataset": ".dataset",
    "validate": ".dataset",
    "load": ".from_files",
    "Issues": ".issues",
}


__getattr__ = lazy_names(__name__, PUBLIC)


__all__ = sorted(PUBLIC)
