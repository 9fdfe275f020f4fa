"""The words of the sentences on a trend (:mod:`socprev_kit.evaluation.interpretation.trends`),
with the direction sentences and the percentage points of a change."""

from __future__ import annotations

__all__ = ["TRENDS"]

TRENDS: dict[str, dict[str, str]] = {
    "trend_up": {
        "nl": "Van {first} tot {last} ({n} maanden met gegevens) steeg de indicator “{indicator}” "
        "gemiddeld met {slope} per maand (95 %-interval: {low} tot {high}).",
        "fr": "De {first} à {last} ({n} mois avec des données), l'indicateur « {indicator} » a "
        "augmenté en moyenne de {slope} par mois (intervalle à 95 % : {low} à {high}).",
        "en": "From {first} to {last} ({n} months with data), the indicator “{indicator}” rose "
        "by {slope} per month on average (95% interval: {low} to {high}).",
    },
    "trend_down": {
        "nl": "Van {first} tot {last} ({n} maanden met gegevens) daalde de indicator "
        "“{indicator}” gemiddeld met {slope} per maand (95 %-interval: {low} tot {high}).",
        "fr": "De {first} à {last} ({n} mois avec des données), l'indicateur « {indicator} » a "
        "diminué en moyenne de {slope} par mois (intervalle à 95 % : {low} à {high}).",
        "en": "From {first} to {last} ({n} months with data), the indicator “{indicator}” fell "
        "by {slope} per month on average (95% interval: {low} to {high}).",
    },
    "trend_flat": {
        "nl": "Van {first} tot {last} ({n} maanden met gegevens) bleef de indicator "
        "“{indicator}” ongeveer gelijk (95 %-interval: {low} tot {high} per maand).",
        "fr": "De {first} à {last} ({n} mois avec des données), l'indicateur « {indicator} » est "
        "resté à peu près stable (intervalle à 95 % : {low} à {high} par mois).",
        "en": "From {first} to {last} ({n} months with data), the indicator “{indicator}” stayed "
        "about the same (95% interval: {low} to {high} per month).",
    },
    "trend_too_few": {
        "nl": "Te weinig maanden met gegevens ({n}) om een trend van de indicator “{indicator}” "
        "te berekenen; daarvoor zijn er minstens 3 nodig.",
        "fr": "Trop peu de mois avec des données ({n}) pour calculer une tendance de "
        "l'indicateur « {indicator} » ; il en faut au moins 3.",
        "en": "Too few months with data ({n}) to compute a trend of the indicator "
        "“{indicator}”; at least 3 are needed.",
    },
    "year_on_year": {
        "nl": "In {span} was het totaal {current}, tegenover {previous} in dezelfde maanden van "
        "{previous_year} ({change}).",
        "fr": "En {span}, le total était de {current}, contre {previous} pour les mêmes mois de "
        "{previous_year} ({change}).",
        "en": "In {span} the total was {current}, against {previous} in the same months of "
        "{previous_year} ({change}).",
    },
    "desired": {
        "nl": "Dat is de gewenste richting.",
        "fr": "C'est le sens souhaité.",
        "en": "That is the desired direction.",
    },
    "undesired": {
        "nl": "Dat is tegen de gewenste richting in.",
        "fr": "C'est le contraire du sens souhaité.",
        "en": "That is the opposite of the desired direction.",
    },
    # --- pieces -----------------------------------------------------------------------------------
    "points_one": {
        "nl": "{value} procentpunt",
        "fr": "{value} point de pourcentage",
        "en": "{value} percentage point",
    },
    "points_many": {
        "nl": "{value} procentpunt",
        "fr": "{value} points de pourcentage",
        "en": "{value} percentage points",
    },
}
