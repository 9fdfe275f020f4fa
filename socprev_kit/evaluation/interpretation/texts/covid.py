"""The words of the sentences on the COVID-19 period of an interrupted time series
(:mod:`socprev_kit.evaluation.interpretation.covid`)."""

from __future__ import annotations

__all__ = ["COVID"]

COVID: dict[str, dict[str, str]] = {
    "covid_overlap": {
        "nl": "{n} maanden van deze schatting, {where}, vallen in de COVID-19-periode ({first} tot "
        "{last}: lockdowns en andere federale maatregelen vanaf 18 maart 2020). Ze kunnen de "
        "aantallen veranderd hebben los van het project.",
        "fr": "{n} mois de cette estimation, {where}, tombent dans la période de COVID-19 ({first} "
        "à {last} : confinements et autres mesures fédérales à partir du 18 mars 2020). Ils "
        "peuvent avoir changé les nombres indépendamment du projet.",
        "en": "{n} months of this estimate, {where}, fall in the COVID-19 period ({first} to "
        "{last}: lockdowns and other federal measures from 18 March 2020). They can have changed "
        "the counts regardless of the project.",
    },
    "covid_where_before": {
        "nl": "vóór de start van de interventie",
        "fr": "avant le début de l'intervention",
        "en": "before the start of the intervention",
    },
    "covid_where_after": {
        "nl": "na de start van de interventie",
        "fr": "après le début de l'intervention",
        "en": "after the start of the intervention",
    },
    "covid_where_both": {
        "nl": "vóór en na de start van de interventie",
        "fr": "avant et après le début de l'intervention",
        "en": "before and after the start of the intervention",
    },
    "covid_left_out": {
        "nl": "De {n} maanden van de COVID-19-periode ({first} tot {last}) zijn uit deze schatting "
        "weggelaten.",
        "fr": "Les {n} mois de la période de COVID-19 ({first} à {last}) sont exclus de cette "
        "estimation.",
        "en": "The {n} months of the COVID-19 period ({first} to {last}) are left out of this "
        "estimate.",
    },
    "covid_without": {
        "nl": "Zonder die {n} COVID-19-maanden is de verandering van de indicator “{indicator}” "
        "{change} (95 %-interval: {low} tot {high}).",
        "fr": "Sans ces {n} mois de COVID-19, le changement de l'indicateur « {indicator} » est de "
        "{change} (intervalle à 95 % : {low} à {high}).",
        "en": "Without those {n} COVID-19 months, the change in the indicator “{indicator}” is "
        "{change} (95% interval: {low} to {high}).",
    },
    "covid_with": {
        "nl": "Met die {n} COVID-19-maanden is de verandering van de indicator “{indicator}” "
        "{change} (95 %-interval: {low} tot {high}).",
        "fr": "Avec ces {n} mois de COVID-19, le changement de l'indicateur « {indicator} » est de "
        "{change} (intervalle à 95 % : {low} à {high}).",
        "en": "With those {n} COVID-19 months, the change in the indicator “{indicator}” is "
        "{change} (95% interval: {low} to {high}).",
    },
}
