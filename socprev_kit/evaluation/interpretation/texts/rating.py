"""The words of the rating of a finding on the Maryland Scientific Methods Scale
(:mod:`socprev_kit.evaluation.evidence.rating`): what each level means and what lowers it."""

from __future__ import annotations

__all__ = ["RATING"]

RATING: dict[str, dict[str, str]] = {
    "rating": {
        "nl": "Sterkte van het bewijs: niveau {level} van 5 op de Maryland-schaal ({design}).",
        "fr": "Force de la preuve : niveau {level} sur 5 de l'échelle de Maryland ({design}).",
        "en": "Strength of evidence: level {level} of 5 on the Maryland scale ({design}).",
    },
    "rating_lowered": {
        "nl": "Sterkte van het bewijs: niveau {level} van 5 op de Maryland-schaal. De opzet "
        "({design}) geeft niveau {base}, maar {reasons}.",
        "fr": "Force de la preuve : niveau {level} sur 5 de l'échelle de Maryland. Le plan "
        "d'évaluation ({design}) donne le niveau {base}, mais {reasons}.",
        "en": "Strength of evidence: level {level} of 5 on the Maryland scale. The design "
        "({design}) gives level {base}, but {reasons}.",
    },
    "rating_short": {"nl": "niveau {level}/5", "fr": "niveau {level}/5", "en": "level {level}/5"},
    "design_1": {
        "nl": "een samenhang op één moment, zonder verloop in de tijd",
        "fr": "un lien observé à un seul moment, sans évolution dans le temps",
        "en": "an association at one moment, without a course over time",
    },
    "design_2": {
        "nl": "één reeks vóór en na de start, zonder vergelijking met andere gemeenten",
        "fr": "une seule série avant et après le début, sans comparaison avec d'autres communes",
        "en": "one series before and after the start, without comparison with other municipalities",
    },
    "design_3": {
        "nl": "vóór en na de start, vergeleken met gemeenten die vooraf dezelfde trend volgden",
        "fr": "avant et après le début, comparé à des communes qui suivaient la même tendance "
        "avant",
        "en": "before and after the start, compared with municipalities that followed the same "
        "trend before",
    },
    "design_4": {
        "nl": "vergeleken met veel gemeenten, of met een synthetische vergelijking die haar "
        "toetsen doorstaat",
        "fr": "comparé à de nombreuses communes, ou à une comparaison synthétique qui passe ses "
        "contrôles",
        "en": "compared with many municipalities, or with a synthetic comparison that passes its "
        "checks",
    },
    "design_5": {
        "nl": "gerandomiseerd: het toeval besliste wie het project kreeg",
        "fr": "randomisé : le hasard a décidé qui recevait le projet",
        "en": "randomised: chance decided who got the project",
    },
    "reason_not_comparable": {
        "nl": "de vergelijkingsgemeenten volgden vóór de start niet dezelfde trend",
        "fr": "les communes de comparaison ne suivaient pas la même tendance avant le début",
        "en": "the comparison municipalities did not follow the same trend before the start",
    },
    "reason_short_series": {
        "nl": "de reeks is kort ({n_pre} maanden vóór en {n_post} na de start; minstens "
        "{min_pre} en {min_post} zijn gewenst)",
        "fr": "la série est courte ({n_pre} mois avant et {n_post} après le début ; au moins "
        "{min_pre} et {min_post} sont souhaités)",
        "en": "the series is short ({n_pre} months before and {n_post} after the start; at least "
        "{min_pre} and {min_post} are wanted)",
    },
    "reason_failed_checks": {
        "nl": "een controle op een schijneffect faalde ({checks})",
        "fr": "un contrôle d'effet factice a échoué ({checks})",
        "en": "a check for a spurious effect failed ({checks})",
    },
    "reason_low_power": {
        "nl": "deze opzet kon alleen een verandering van {mde} of meer zichtbaar maken",
        "fr": "ce plan ne pouvait rendre visible qu'un changement de {mde} ou plus",
        "en": "this design could only make a change of {mde} or more visible",
    },
    "reason_not_detectable": {
        "nl": "deze opzet kon zelfs een zeer grote verandering niet zichtbaar maken",
        "fr": "ce plan ne pouvait même pas rendre visible un très grand changement",
        "en": "this design could not make even a very large change visible",
    },
    "reason_covid_overlap": {
        "nl": "{n} maanden van de COVID-19-periode zitten in de analyse",
        "fr": "{n} mois de la période de COVID-19 sont dans l'analyse",
        "en": "{n} months of the COVID-19 period are in the analysis",
    },
    "reason_effort": {
        "nl": "de indicator meet ook de inzet van politie of diensten: meer controle registreert "
        "meer, los van het probleem",
        "fr": "l'indicateur mesure aussi l'effort de la police ou des services : plus de "
        "contrôles enregistrent plus, indépendamment du problème",
        "en": "the indicator also measures the effort of police or services: more control "
        "registers more, whatever the problem",
    },
    "reasons_and": {"nl": " en ", "fr": " et ", "en": " and "},
}
