"""One report's row of an index page, in the page's language: the cells as text and as the value
the page sorts by, and what the page filters and searches it by.

Numbers are written in the page's language (:mod:`socprev_kit.common.formatting`: decimal comma
in Dutch and French); an ITS rate ratio as the change in percent with a word (``−23 % (daling)``)
and its 95 % interval. Each cell carries its sort value (``data-v``): the number itself, so that
the page sorts numbers as numbers whatever their format.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from ..common.formatting import Lang, format_number, format_percent, no_break_spaces
from ..data.reference.places import place_name
from .index_texts import STATUS_WORDS, VALUE_LABELS, index_text
from .outcome import error_text

__all__ = ["COLUMNS", "FILTERS", "evidence", "fold", "index_row"]

#: The table's columns: (key, "num" or "text").
COLUMNS = (
    ("name", "text"), ("kind", "text"), ("province", "text"), ("region", "text"),
    ("project_types", "text"), ("status", "text"), ("n_projects", "num"),
    ("n_objectives", "num"), ("n_reached", "num"), ("n_not_reached", "num"),
    ("n_issues_error", "num"), ("n_issues_warning", "num"), ("completeness", "num"),
    ("its_level", "num"), ("evidence", "text"),
)  # fmt: skip
#: Listed in the objectives' cell (every status has its column in the summaries).
BREAKDOWN = tuple(k for k in STATUS_WORDS)
#: The filters, each a facet of a row (several values: any matches).
FILTERS = ("kind", "province", "region", "project_types", "status", "evidence")


def fold(text: str) -> str:
    """Lower case without accents, as the page's script folds what is typed: ``"Liège"`` →
    ``"liege"``.

    >>> fold("Liège Écaussinnes ANT-SW")
    'liege ecaussinnes ant-sw'
    """
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def _type_labels(lang: Lang) -> dict[str, str]:
    try:
        from ..data.catalogue import code_labels  # pandas: only once a page is written

        return code_labels("project_type", lang)
    except Exception:  # noqa: BLE001 - a user's catalogue without the list: the codes show
        return {}


def value_label(facet: str, value: str, lang: Lang) -> str:
    """The word for one value of a filter in ``lang``."""
    if facet in ("province", "region"):
        return place_name(facet, value, lang)
    if facet == "project_types":
        return _type_labels(lang).get(value, value)
    return VALUE_LABELS.get(facet, {}).get(value, {}).get(lang, value)


def _class(effect: dict) -> str:
    low, high = effect.get("ci_low"), effect.get("ci_high")
    found = "unclear"
    if isinstance(high, int | float) and high < 1:
        found = "decrease"
    elif isinstance(low, int | float) and low > 1:
        found = "increase"
    # a falsification check failed: the report does not declare the change an effect
    return "unconfirmed" if found != "unclear" and effect.get("declared") is False else found


def evidence(headline: dict) -> str:
    """What the ITS level changes of a report say: ``decrease`` (an interval below 1, the checks
    passed, and none above), ``increase``, ``mixed`` (both), ``unconfirmed`` (a change whose
    checks failed, and no confirmed one), ``unclear``, ``none`` (no ITS); a headline's own
    ``evidence`` wins."""
    if isinstance(headline.get("evidence"), str) and headline["evidence"]:
        return headline["evidence"]
    given = headline.get("its_level")
    effects = [e for e in given if isinstance(e, dict)] if isinstance(given, list) else []
    found = {_class(e) for e in effects}
    if not effects:
        return "none"
    if {"decrease", "increase"} <= found:
        return "mixed"
    order = ("decrease", "increase", "unconfirmed")
    return next((c for c in order if c in found), "unclear")


def _change(ratio: object, lang: Lang) -> str:
    if not isinstance(ratio, int | float):
        return "?"
    return format_percent(100 * (ratio - 1), lang, signed=True)


def _its(effects: list, lang: Lang) -> tuple[str, float | None]:
    lines, ratios = [], []
    for e in effects:
        if not isinstance(e, dict):
            continue
        where = " · ".join(str(e[k]) for k in ("project_id", "indicator_id") if e.get(k))
        word = value_label("evidence", _class(e), lang)
        ci = index_text("ci", lang)
        low, high = _change(e.get("ci_low"), lang), _change(e.get("ci_high"), lang)
        to = index_text("to", lang)
        semi = " ;" if lang == "fr" else ";"
        change = _change(e.get("rate_ratio"), lang)
        line = f"{where}: {change} ({word}{semi} {ci} {low} {to} {high})"
        if isinstance(e.get("rating"), int) and not isinstance(e["rating"], bool):
            line += " · " + index_text("rating", lang, level=e["rating"])
        lines.append(no_break_spaces(line, lang))
        if isinstance(e.get("rate_ratio"), int | float):
            ratios.append(float(e["rate_ratio"]))
    return "\n".join(lines), (min(ratios) if ratios else None)


def _objectives(headline: dict, lang: Lang) -> tuple[str, object]:
    """The number of objectives, and under it how many of each status (those not zero)."""
    n = headline.get("n_objectives")
    if isinstance(n, bool) or not isinstance(n, int | float):
        return "", None
    parts = [f"{format_number(headline[k], lang)} {STATUS_WORDS[k][lang]}" for k in BREAKDOWN
             if isinstance(headline.get(k), int | float) and headline[k]]  # fmt: skip
    return "\n".join([format_number(n, lang), " · ".join(parts)]).strip(), n


def _cell(key: str, value: object, lang: Lang) -> tuple[str, object]:
    """A headline figure as (text, sort value)."""
    if key == "its_level" and isinstance(value, list):
        return _its(value, lang)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "", None
    if key == "completeness":
        return format_percent(100 * value, lang, decimals=0), value
    return format_number(value, lang), value


def index_row(record: dict, lang: Lang, others: dict[str, str]) -> dict:
    """The row of ``record`` on the ``lang`` page; ``others``: ``{lang: html}`` of the same
    report in the other languages."""
    headline = record.get("headline") or {}
    facets = record.get("facets") or {}
    name = record["name_fr"] if lang == "fr" else record["name_nl"]
    values = {
        "kind": [record["kind"]],
        "province": list(facets.get("province") or []),
        "region": list(facets.get("region") or []),
        "project_types": list(facets.get("project_types") or []),
        "status": [record["status"]],
        "evidence": [evidence(headline)] if record["status"] == "ok" else [],
    }
    cells = {}
    for key, _ in COLUMNS[1:]:
        if key in values:
            text = ", ".join(value_label(key, v, lang) for v in values[key])
            cells[key] = (text, None)
        elif key == "n_objectives":
            cells[key] = _objectives(headline, lang)
        else:
            cells[key] = _cell(key, headline.get(key), lang)
    words = [record["name_nl"], record["name_fr"], record["id"], *facets.get("nis_codes", []),
             *facets.get("projects", [])]  # fmt: skip
    return {
        "id": record["id"],
        "name": name,
        "html": "../" + record["html"],
        "ipynb": "../" + record["ipynb"] if record.get("ipynb") else "",
        "status": record["status"],
        "this_run": value_label("this_run", record.get("this_run", ""), lang),
        "earlier": record.get("this_run") == "earlier",
        "error": error_text(record),
        "cells": cells,
        "filters": {k: "|".join(v) for k, v in values.items()},
        "search": fold(" ".join(str(w) for w in words)),
        "others": [(g, "../" + html) for g, html in others.items()],
    }
