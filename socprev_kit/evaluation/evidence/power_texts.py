"""What a power calculation says, in plain Dutch, French and English: the sentence, the
assumptions, the curve as a small table, and the reasons it cannot be made.

Written for a prevention worker of a small municipality: "with 24 months after the start, a
fall of 30 % or more would be visible; smaller changes would not", never more than the
simulation shows. Numbers in the language's format (:mod:`socprev_kit.common.formatting`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ...common.formatting import format_number, format_percent, no_break_spaces
from .power_model import PowerDataError

__all__ = ["TEXTS", "assumption_lines", "curve_table", "describe", "error_text", "plan_error"]

TEXTS: dict[str, dict[str, str]] = {
    "visible": {
        "nl": "Met {m} maanden na de start zou een {change} van {p} of meer zichtbaar zijn; "
        "kleinere veranderingen niet. Zichtbaar betekent: in {pw} van de nagebootste reeksen "
        "met zo'n {change} toont de analyse ze duidelijk.",
        "fr": "Avec {m} mois après le début, une {change} de {p} ou plus serait visible ; des "
        "changements plus petits ne le seraient pas. Visible veut dire : dans {pw} des séries "
        "simulées avec une telle {change}, l'analyse la montre clairement.",
        "en": "With {m} months after the start, a {change} of {p} or more would be visible; "
        "smaller changes would not. Visible means: in {pw} of simulated series with such a "
        "{change}, the analysis shows it clearly.",
    },
    "invisible": {
        "nl": "Met {m} maanden na de start zou zelfs een {change} van {p} niet zeker zichtbaar "
        "zijn: de aantallen zijn te klein of schommelen te sterk. Meer maanden na de start, een "
        "groter gebied of een indicator met meer feiten helpen.",
        "fr": "Avec {m} mois après le début, même une {change} de {p} ne serait pas visible à "
        "coup sûr : les nombres sont trop petits ou varient trop. Plus de mois après le début, "
        "une zone plus grande ou un indicateur avec plus de faits aideraient.",
        "en": "With {m} months after the start, even a {change} of {p} would not surely be "
        "visible: the counts are too small or vary too much. More months after the start, a "
        "larger area or an indicator with more incidents would help.",
    },
    "down": {"nl": "daling", "fr": "baisse", "en": "fall"},
    "up": {"nl": "stijging", "fr": "hausse", "en": "rise"},
    "few_months": {
        "nl": "Er zijn maar {n} maanden gegevens vóór de start{where}. Om te schatten welke "
        "verandering zichtbaar zou zijn, zijn er minstens {need} nodig.",
        "fr": "Il n'y a que {n} mois de données avant le début{where}. Pour estimer quel "
        "changement serait visible, il en faut au moins {need}.",
        "en": "There are only {n} months of data before the start{where}. At least {need} are "
        "needed to estimate which change would be visible.",
    },
    "no_counts": {
        "nl": "Vóór de start{where} is elke maand 0 geteld: een verandering kan niet gemeten "
        "worden.",
        "fr": "Avant le début{where}, chaque mois compte 0 : aucun changement ne pourrait être "
        "mesuré.",
        "en": "Before the start{where} every month counts 0: no change could be measured.",
    },
    "unusable": {
        "nl": "De reeks{where} kan niet geanalyseerd worden: {reason}",
        "fr": "La série{where} ne peut pas être analysée : {reason}",
        "en": "The series{where} cannot be analysed: {reason}",
    },
    "few_after": {
        "nl": "Met {n} maanden na de start kan niets gemeten worden; plan er minstens {need} "
        "(12 of meer is beter).",
        "fr": "Avec {n} mois après le début, rien ne peut être mesuré ; prévoyez-en au moins "
        "{need} (12 ou plus, c'est mieux).",
        "en": "With {n} months after the start nothing can be measured; plan at least {need} "
        "(12 or more is better).",
    },
    "comparison": {
        "nl": " in de vergelijkingsreeks",
        "fr": " dans la série de comparaison",
        "en": " in the comparison series",
    },
}

#: The assumptions shown, in order: key of ``PowerResult.assumptions`` -> label per language.
LABELS: dict[str, dict[str, str]] = {
    "level_per_month": {"nl": "Verwacht aantal per maand bij de start",
                        "fr": "Nombre attendu par mois au début",
                        "en": "Expected count per month at the start"},
    "dispersion": {"nl": "Schommeling t.o.v. toeval (1 = zuiver toeval)",
                   "fr": "Variation par rapport au hasard (1 = pur hasard)",
                   "en": "Variation against pure chance (1 = pure chance)"},
    "rho": {"nl": "Samenhang van opeenvolgende maanden (0 tot 1)",
            "fr": "Lien entre mois successifs (0 à 1)",
            "en": "Correlation of successive months (0 to 1)"},
    "months_before": {"nl": "Maanden vóór de start", "fr": "Mois avant le début",
                      "en": "Months before the start"},
    "months_after": {"nl": "Maanden na de start", "fr": "Mois après le début",
                     "en": "Months after the start"},
    "comparison_level_per_month": {"nl": "Vergelijkingsreeks: verwacht aantal per maand",
                                   "fr": "Série de comparaison : nombre attendu par mois",
                                   "en": "Comparison series: expected count per month"},
    "false_detection": {"nl": "Kans dat de analyse een verandering ziet die er niet is",
                        "fr": "Risque que l'analyse voie un changement qui n'existe pas",
                        "en": "Chance that the analysis sees a change that is not there"},
}  # fmt: skip
#: The columns of :func:`curve_table` per language.
CURVE_COLUMNS = {
    "nl": ("Verandering", "Kans om ze te zien", "± (simulatie)"),
    "fr": ("Changement", "Chance de le voir", "± (simulation)"),
    "en": ("Change", "Chance to see it", "± (simulation)"),
}


def _say(key: str, lang: str, **fields: Any) -> str:
    return no_break_spaces(TEXTS[key][lang].format(**fields), lang)


def not_in(kind: str) -> str:
    """The English ``where`` of a message about the comparison series (``kind``)."""
    return TEXTS[kind]["en"]


def plan_error(key: str, **fields: Any) -> PowerDataError:
    """A :class:`PowerDataError` with the English text of ``key`` as its message."""
    return PowerDataError(key, _say(key, "en", where="", **fields), **fields)


def error_text(exc: PowerDataError, lang: str) -> str:
    """The message of ``exc`` in ``lang``."""
    fields = {"where": "", "reason": "", "n": "", "need": "", **exc.fields}
    if fields["where"]:
        fields["where"] = TEXTS["comparison"][lang]
    return _say(exc.key, lang, **fields)


def _percent(x: float, lang: str) -> str:
    return format_percent(max(round(100 * x), 1), lang, decimals=0)


def describe(result: Any, lang: str = "nl") -> str:
    """The sentence of a :class:`~socprev_kit.evaluation.evidence.power.PowerResult`."""
    fields = {
        "m": format_number(result.assumptions["months_after"], lang),
        "change": TEXTS[result.direction][lang],
        "pw": _percent(result.power, lang),
    }
    if result.detectable:
        return _say("visible", lang, p=_percent(result.mde, lang), **fields)
    largest = float(result.curve["change"].max())
    return _say("invisible", lang, p=_percent(largest, lang), **fields)


def assumption_lines(result: Any, lang: str = "nl") -> list[tuple[str, str]]:
    """(label, value) of the assumptions a reader can check, in ``lang``."""
    out = []
    for key, label in LABELS.items():
        value = result.assumptions.get(key)
        if value is None:
            continue
        if key == "false_detection":
            text = format_percent(100 * value, lang)
        elif key in ("months_before", "months_after"):
            text = format_number(value, lang)
        else:
            text = format_number(value, lang, decimals=1 if value >= 1 else 2)
        out.append((label[lang], text))
    return out


def curve_table(result: Any, lang: str = "nl") -> pd.DataFrame:
    """The power curve with the language's headers and numbers (change and power as %)."""
    change, power, error = CURVE_COLUMNS[lang]
    c = result.curve
    sign = -1 if result.direction == "down" else 1
    return pd.DataFrame(
        {
            change: [format_percent(sign * 100 * r, lang, signed=True) for r in c["change"]],
            power: [format_percent(100 * p, lang, decimals=0) for p in c["power"]],
            error: [format_percent(100 * s, lang, decimals=0) for s in c["power_se"]],
        },
        index=np.arange(len(c)),
    )
