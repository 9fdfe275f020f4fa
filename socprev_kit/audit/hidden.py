"""Which yearly counts of each municipality the data set's disclosure pattern hides: what decides
a funnel's group (the reports leave those municipalities out of the group rate).

A reader with every output of the data set knows these places: each is drawn hidden somewhere
(a report, the national overview). A batch of part of the country publishes only some of them,
so the audit cannot infer the group from the pages it reads; it takes the places from the
pattern itself, as the batch decided it (:func:`hidden_places` of its cells) or as the kit
decides it from the data (:func:`pattern_of`). The pattern only names the group's members: every
published number is still checked against the registrations, and what it gives away is still
found by the linear programmes.
"""

from __future__ import annotations

import logging

import pandas as pd

log = logging.getLogger(__name__)

__all__ = ["Places", "hidden_places", "pattern_of"]

#: ``{(count indicator, (first month, last month) of a calendar year): municipalities}``.
Places = dict[tuple[str, tuple[int, int]], set[str]]


def pattern_of(dataset: object, given: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """``given`` (the pattern a batch decided), else the
    :func:`socprev_kit.evaluation.disclosure.pattern` of a validated data set, made from
    the same tables as the reports make it (monthly and yearly indicator tables with rates, and
    the context data's); None when these data cannot be aggregated (no report could be made
    from them: the audit then infers the groups from the pages)."""
    if given is not None:
        return given
    from ..data.catalogue import indicator_catalogue
    from ..evaluation.disclosure import pattern
    from ..indicators.rates import rates_per_1000
    from ..indicators.series import context_table
    from ..indicators.table import indicator_table

    try:
        catalogue = indicator_catalogue()
        monthly = rates_per_1000(indicator_table(dataset, freq="month"))
        yearly = rates_per_1000(indicator_table(dataset, freq="year"))
        context = (context_table(dataset), context_table(dataset, freq="year"))
        return pattern(monthly, yearly, catalogue, context)
    except Exception:  # noqa: BLE001 - the reports could not be made either; infer from the pages
        log.warning("cannot decide the data set's disclosure pattern", exc_info=True)
        return None


def hidden_places(cells: pd.DataFrame | None) -> Places | None:
    """The municipalities whose yearly count the pattern ``cells`` (rows with ``nis_code``,
    ``count_id``, ``period``, ``hidden``) hides in any project or in the context data, per count
    indicator and year; None without a pattern.

    >>> cells = pd.DataFrame({"project_id": ["P", "P", "P", "P"],
    ...     "nis_code": ["11002", "ALL", "11002", "44021"], "count_id": ["I02"] * 4,
    ...     "period": ["2024", "2024", "2024-03", "2024"], "hidden": [True, True, True, False]})
    >>> hidden_places(cells)
    {('I02', (24288, 24299)): {'11002'}}
    """
    if cells is None:
        return None
    rows = cells.loc[cells["hidden"].astype(bool), ["nis_code", "count_id", "period"]]
    rows = rows.astype(str)
    rows = rows[rows["period"].str.fullmatch(r"\d{4}") & rows["nis_code"].str.isdigit()]
    places: Places = {}
    for (count_id, period), part in rows.groupby(["count_id", "period"], sort=False):
        first = int(period) * 12
        places[(str(count_id), (first, first + 11))] = set(part["nis_code"])
    return places
