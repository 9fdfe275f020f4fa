"""The pieces every interpretation is made of: a template filled in as a sentence
(:func:`sentence`) or as a piece of one (:func:`clause`), what the catalogue says of the indicator
(:func:`indicator_info`), and the sentences several results share: the desired direction, the
chance caveat and the indicator's own caveats (:func:`caveats`)."""

from __future__ import annotations

from string import Formatter
from typing import NamedTuple

import pandas as pd

from ...common.formatting import Lang, check_lang, no_break_spaces
from ...data.catalogue import indicator_catalogue, indicator_names
from .texts import TEMPLATES

__all__ = [
    "FEW_MONTHS",
    "IndicatorInfo",
    "caveats",
    "chance",
    "clause",
    "desired_direction",
    "indicator_info",
    "placeholders",
    "sentence",
    "sentences_if",
]

#: Fewer months than this (in total for a trend, on either side for an ITS) gets a caveat.
FEW_MONTHS = 12


def sentence(key: str, lang: Lang = "nl", **fields: object) -> str:
    """One template of :data:`~socprev_kit.evaluation.interpretation.texts.TEMPLATES`, filled in,
    with the language's spacing.

    >>> sentence("ratio_lower", "fr", pct="20 %")
    '20\\u202f% plus bas'
    """
    text = clause(key, lang, **fields)
    return text[:1].upper() + text[1:]


def clause(key: str, lang: Lang, **fields: object) -> str:
    """A template filled in with the language's spacing, not capitalised (a piece of a sentence)."""
    check_lang(lang)
    return no_break_spaces(TEMPLATES[key][lang].format(**fields), lang)


def placeholders(template: str) -> set[str]:
    """The ``{fields}`` of a template (for the parity test and translators' tools)."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


class IndicatorInfo(NamedTuple):
    """What the sentences need to know of an indicator, from the catalogue."""

    name: str  # in the language, first letter lower-case unless it starts an acronym
    direction: str
    type: str
    sensitive: bool
    min_cell: int
    percent: bool
    count: bool


def indicator_info(indicator_id: str, catalogue: pd.DataFrame | None, lang: Lang) -> IndicatorInfo:
    """The catalogue's row of ``indicator_id`` as :class:`IndicatorInfo`, its name in ``lang``."""
    check_lang(lang)
    cat = indicator_catalogue() if catalogue is None else catalogue
    rows = cat[cat["indicator_id"] == indicator_id]
    if rows.empty:
        raise ValueError(
            f"Indicator {indicator_id!r} is not in the catalogue; pass catalogue= with your own "
            "indicators (socprev_kit.indicator_catalogue(your_file))."
        )
    r, name = rows.iloc[0], indicator_names(lang, rows)[indicator_id]
    if not name[1:2].isupper():
        name = name[:1].lower() + name[1:]
    return IndicatorInfo(name, str(r["direction"]), str(r["type"]),
                         bool(r["reporting_sensitive"]), int(r["min_cell"]), r["unit"] == "%",
                         r["value_type"] == "count")  # fmt: skip


def caveats(
    indicator_id: str,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
    suppressed: int = 0,
) -> list[str]:
    """The caveats that belong to the indicator: it counts registrations, cells are hidden.

    >>> print(caveats("O05", lang="en", suppressed=2)[0])  # doctest: +NORMALIZE_WHITESPACE
    2 values are hidden because they are below the minimum of 5, or because another hidden
    value could otherwise be worked out from them (to protect privacy).
    """
    info = indicator_info(indicator_id, catalogue, lang)
    out = sentences_if(info.sensitive, "reporting", lang)
    if suppressed > 0:
        if info.min_cell < 1:
            raise ValueError(f"{indicator_id} has no minimum cell size, so nothing is suppressed.")
        key = "suppressed_one" if suppressed == 1 else "suppressed_many"
        out.append(sentence(key, lang, n=suppressed, k=info.min_cell))
    return out


def sentences_if(condition: object, key: str, lang: Lang, **fields: object) -> list[str]:
    """``[sentence(key, ...)]`` if ``condition`` holds, else ``[]``."""
    return [sentence(key, lang, **fields)] if condition else []


def chance(low: float, high: float, none: float, lang: Lang) -> list[str]:
    """The chance caveat when the interval ``low``-``high`` includes ``none`` (no change)."""
    return sentences_if(low <= none <= high, "chance", lang)


def desired_direction(sign: float, direction: str, lang: Lang) -> list[str]:
    """ "That is the desired direction" (or its opposite) for an ``up`` or ``down`` indicator."""
    key = "desired" if (sign > 0) == (direction == "up") else "undesired"
    return sentences_if(direction in ("up", "down") and sign != 0, key, lang)
