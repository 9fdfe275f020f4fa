"""The words of the sentences on an interrupted time series
(:mod:`socprev_kit.evaluation.interpretation.its`), with the rate ratio as a piece of sentence."""

from __future__ import annotations

__all__ = ["ITS"]

ITS: dict[str, dict[str, str]] = {
    "its_lower": {
        "nl": "Na de start van de interventie in {month} lag de indicator “{indicator}” {pct} "
        "lager dan verwacht volgens de trend ervoor (95 %-interval: van {low} tot {high}).",
        "fr": "Après le début de l'intervention en {month}, l'indicateur « {indicator} » était "
        "{pct} plus bas que prévu d'après la tendance d'avant (intervalle à 95 % : de {low} à "
        "{high}).",
        "en": "After the start of the intervention in {month}, the indicator “{indicator}” was "
        "{pct} lower than expected from the trend before (95% interval: {low} to {high}).",
    },
    "its_higher": {
        "nl": "Na de start van de interventie in {month} lag de indicator “{indicator}” {pct} "
        "hoger dan verwacht volgens de trend ervoor (95 %-interval: van {low} tot {high}).",
        "fr": "Après le début de l'intervention en {month}, l'indicateur « {indicator} » était "
        "{pct} plus haut que prévu d'après la tendance d'avant (intervalle à 95 % : de {low} à "
        "{high}).",
        "en": "After the start of the intervention in {month}, the indicator “{indicator}” was "
        "{pct} higher than expected from the trend before (95% interval: {low} to {high}).",
    },
    "its_same": {
        "nl": "Na de start van de interventie in {month} lag de indicator “{indicator}” ongeveer "
        "op het niveau dat de trend ervoor liet verwachten (95 %-interval: van {low} tot {high}).",
        "fr": "Après le début de l'intervention en {month}, l'indicateur « {indicator} » était à "
        "peu près au niveau prévu d'après la tendance d'avant (intervalle à 95 % : de {low} à "
        "{high}).",
        "en": "After the start of the intervention in {month}, the indicator “{indicator}” was "
        "about as expected from the trend before (95% interval: {low} to {high}).",
    },
    "its_unestimable": {
        "nl": "Hoe de indicator “{indicator}” veranderde na de start van de interventie in "
        "{month}, kan met deze gegevens niet geschat worden.",
        "fr": "Le changement de l'indicateur « {indicator} » après le début de l'intervention en "
        "{month} ne peut pas être estimé avec ces données.",
        "en": "The change in the indicator “{indicator}” after the start of the intervention "
        "in {month} cannot be estimated from these data.",
    },
    "its_slope": {
        "nl": "Daarna veranderde de trend met {pct} per maand tegenover ervoor (95 %-interval: "
        "{low} tot {high}).",
        "fr": "Ensuite, la tendance a changé de {pct} par mois par rapport à avant (intervalle à "
        "95 % : {low} à {high}).",
        "en": "After that, the trend changed by {pct} per month compared with before (95% "
        "interval: {low} to {high}).",
    },
    # --- pieces -----------------------------------------------------------------------------------
    "ratio_lower": {"nl": "{pct} lager", "fr": "{pct} plus bas", "en": "{pct} lower"},
    "ratio_higher": {"nl": "{pct} hoger", "fr": "{pct} plus haut", "en": "{pct} higher"},
    "ratio_same": {"nl": "geen verschil", "fr": "aucune différence", "en": "no difference"},
}
