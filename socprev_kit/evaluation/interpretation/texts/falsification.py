"""The words of the falsification checks of an interrupted time series
(:mod:`socprev_kit.evaluation.interpretation.falsification`): the checks' names, their result,
what each result means and the summary sentence.

Placeholders: ``{n}`` placebos or refits, ``{k}`` fake dates with a change as large,
``{beaten}`` and ``{larger}`` municipalities without a project with a smaller / an equal or
larger change, ``{rank}`` the real change's rank among ``{total}`` (1 = largest), ``{need}`` the
months or municipalities needed, ``{codes}`` comparison municipalities, ``{change}`` a signed
percentage, ``{failed}``, ``{run}`` and ``{total}`` checks failed, run and in all.
"""

from __future__ import annotations

__all__ = ["FALSIFICATION"]

_NAMES = {
    "falsification_name_placebo_time": {
        "nl": "Valse startdatums",
        "fr": "Fausses dates de début",
        "en": "Fake start dates",
    },
    "falsification_name_placebo_space": {
        "nl": "Gemeenten zonder project",
        "fr": "Communes sans projet",
        "en": "Municipalities without a project",
    },
    "falsification_name_leave_one_out": {
        "nl": "Eén vergelijkingsgemeente weglaten",
        "fr": "Retirer une commune de comparaison",
        "en": "Leaving one comparison municipality out",
    },
    "falsification_name_non_target": {
        "nl": "Indicator die het project niet zou mogen veranderen",
        "fr": "Indicateur que le projet ne devrait pas changer",
        "en": "Indicator the project should not change",
    },
    "falsification_status_pass": {"nl": "geslaagd", "fr": "réussi", "en": "passed"},
    "falsification_status_fail": {"nl": "niet geslaagd", "fr": "échoué", "en": "failed"},
    "falsification_status_not_run": {
        "nl": "niet uitgevoerd",
        "fr": "pas effectué",
        "en": "not run",
    },
    "falsification_col_check": {"nl": "Controle", "fr": "Contrôle", "en": "Check"},
    "falsification_col_status": {"nl": "Resultaat", "fr": "Résultat", "en": "Result"},
    "falsification_col_meaning": {
        "nl": "Wat het betekent",
        "fr": "Ce que cela veut dire",
        "en": "What it means",
    },
}

_SUMMARY = {
    "falsification_summary_pass": {
        "nl": "Alle controles die konden lopen ({run} van de {total}), vonden geen andere "
        "verklaring voor deze verandering dan de start van het project. Dat maakt een effect "
        "aannemelijker, maar bewijst het niet.",
        "fr": "Tous les contrôles qui ont pu être faits ({run} sur {total}) n'ont trouvé aucune "
        "autre explication à ce changement que le début du projet. Cela rend un effet plus "
        "plausible, sans le prouver.",
        "en": "All checks that could run ({run} of {total}) found no other explanation for this "
        "change than the start of the project. That makes an effect more plausible, but does "
        "not prove it.",
    },
    "falsification_summary_fail": {
        "nl": "Niet geslaagd: {failed} van de {run} controles die konden lopen. Ze wijzen op een "
        "andere mogelijke verklaring, dus lees deze verandering niet als een effect van het "
        "project.",
        "fr": "Échoués : {failed} des {run} contrôles qui ont pu être faits. Ils indiquent une "
        "autre explication possible : ne lisez donc pas ce changement comme un effet du projet.",
        "en": "Failed: {failed} of the {run} checks that could run. They point to another "
        "possible explanation, so do not read this change as an effect of the project.",
    },
    "falsification_summary_none": {
        "nl": "Geen enkele controle op toeval of andere verklaringen kon lopen: deze verandering "
        "is niet gecontroleerd.",
        "fr": "Aucun contrôle du hasard ou d'autres explications n'a pu être fait : ce changement "
        "n'est pas vérifié.",
        "en": "None of the checks for chance or other explanations could run: this change is "
        "not checked.",
    },
}

_TIME = {
    "falsification_placebos_smaller": {
        "nl": "Dezelfde analyse op {n} valse startdatums vóór de echte start vond {k} keer een "
        "even grote, duidelijke verandering: zulke veranderingen waren vóór de start niet gewoon.",
        "fr": "La même analyse à {n} fausses dates de début avant le vrai début a trouvé {k} fois "
        "un changement net aussi grand : de tels changements n'étaient pas courants avant le "
        "début.",
        "en": "The same analysis at {n} fake start dates before the real start found a clear "
        "change as large {k} times: such changes were not common before the start.",
    },
    "falsification_placebos_as_large": {
        "nl": "Dezelfde analyse op {n} valse startdatums vóór de echte start vond {k} keer een "
        "even grote, duidelijke verandering: zulke veranderingen komen ook voor als er niets "
        "start, dus deze kan toeval of een andere oorzaak hebben.",
        "fr": "La même analyse à {n} fausses dates de début avant le vrai début a trouvé {k} fois "
        "un changement net aussi grand : de tels changements arrivent aussi quand rien ne "
        "commence, celui-ci peut donc venir du hasard ou d'une autre cause.",
        "en": "The same analysis at {n} fake start dates before the real start found a clear "
        "change as large {k} times: such changes also happen when nothing starts, so this one "
        "may be chance or have another cause.",
    },
    "falsification_too_short": {
        "nl": "Te weinig maanden vóór de start om valse startdatums te testen (minstens {need} "
        "maanden nodig).",
        "fr": "Trop peu de mois avant le début pour tester de fausses dates de début (il en faut "
        "au moins {need}).",
        "en": "Too few months before the start to test fake start dates (at least {need} needed).",
    },
    "falsification_folds_failed": {
        "nl": "De analyse kon op de valse startdatums niet geschat worden (te veel nullen of "
        "ontbrekende maanden).",
        "fr": "L'analyse n'a pas pu être estimée aux fausses dates de début (trop de zéros ou de "
        "mois manquants).",
        "en": "The analysis could not be estimated at the fake start dates (too many zeros or "
        "missing months).",
    },
    "falsification_no_estimate": {
        "nl": "De verandering zelf kon niet geschat worden, dus deze controle kon niet lopen.",
        "fr": "Le changement lui-même n'a pas pu être estimé, ce contrôle n'a donc pas pu être "
        "fait.",
        "en": "The change itself could not be estimated, so this check could not run.",
    },
}

_SPACE = {
    "falsification_real_among_largest": {
        "nl": "Dezelfde analyse, op dezelfde datums, in {n} gemeenten zonder project: de "
        "verandering hier is groter dan in {beaten} van hen (rang {rank} van {total}). Zo'n "
        "verandering is zeldzaam zonder project.",
        "fr": "La même analyse, aux mêmes dates, dans {n} communes sans projet : le changement "
        "ici est plus grand que dans {beaten} d'entre elles (rang {rank} sur {total}). Un tel "
        "changement est rare sans projet.",
        "en": "The same analysis, at the same dates, in {n} municipalities without a project: "
        "the change here is larger than in {beaten} of them (rank {rank} of {total}). Such a "
        "change is rare without a project.",
    },
    "falsification_donors_as_large": {
        "nl": "Dezelfde analyse, op dezelfde datums, in {n} gemeenten zonder project: in {larger} "
        "van hen was de verandering even groot of groter (rang {rank} van {total}). Zulke "
        "veranderingen komen ook zonder project voor, bijvoorbeeld door een landelijke "
        "verandering of een andere manier van registreren.",
        "fr": "La même analyse, aux mêmes dates, dans {n} communes sans projet : dans {larger} "
        "d'entre elles, le changement était aussi grand ou plus grand (rang {rank} sur "
        "{total}). De tels changements arrivent aussi sans projet, par exemple à cause d'un "
        "changement national ou d'une autre façon d'enregistrer.",
        "en": "The same analysis, at the same dates, in {n} municipalities without a project: "
        "in {larger} of them the change was as large or larger (rank {rank} of {total}). Such "
        "changes also happen without a project, for example through a national change or "
        "another way of registering.",
    },
    "falsification_no_donors": {
        "nl": "Er zijn geen gegevens van gemeenten zonder project om mee te vergelijken.",
        "fr": "Il n'y a pas de données de communes sans projet pour comparer.",
        "en": "There are no data of municipalities without a project to compare with.",
    },
    "falsification_few_donors": {
        "nl": "Slechts {n} gemeenten zonder project waren bruikbaar; er zijn er minstens {need} "
        "nodig.",
        "fr": "Seules {n} communes sans projet étaient utilisables ; il en faut au moins {need}.",
        "en": "Only {n} municipalities without a project could be used; at least {need} are "
        "needed.",
    },
}

_OTHERS = {
    "falsification_same_conclusion": {
        "nl": "Met telkens één van de {n} vergelijkingsgemeenten weggelaten blijft de conclusie "
        "dezelfde.",
        "fr": "En retirant à chaque fois une des {n} communes de comparaison, la conclusion reste "
        "la même.",
        "en": "Leaving out each of the {n} comparison municipalities in turn, the conclusion "
        "stays the same.",
    },
    "falsification_conclusion_changes": {
        "nl": "Zonder de vergelijkingsgemeente {codes} verandert de conclusie: het resultaat "
        "hangt af van die ene gemeente.",
        "fr": "Sans la commune de comparaison {codes}, la conclusion change : le résultat dépend "
        "de cette seule commune.",
        "en": "Without the comparison municipality {codes} the conclusion changes: the result "
        "depends on that one municipality.",
    },
    "falsification_uncontrolled": {
        "nl": "Deze analyse heeft geen vergelijkingsgemeenten.",
        "fr": "Cette analyse n'a pas de communes de comparaison.",
        "en": "This analysis has no comparison municipalities.",
    },
    "falsification_one_comparison": {
        "nl": "Er is maar één vergelijkingsgemeente: er valt niets weg te laten.",
        "fr": "Il n'y a qu'une commune de comparaison : rien à retirer.",
        "en": "There is only one comparison municipality: nothing to leave out.",
    },
    "falsification_comparisons_unknown": {
        "nl": "De vergelijkingsgemeenten zijn niet afzonderlijk bekend, dus er valt er geen weg te "
        "laten.",
        "fr": "Les communes de comparaison ne sont pas connues séparément : aucune ne peut être "
        "retirée.",
        "en": "The comparison municipalities are not known one by one, so none can be left out.",
    },
    "falsification_refits_failed": {
        "nl": "Zonder een van de vergelijkingsgemeenten kon de analyse niet opnieuw geschat "
        "worden.",
        "fr": "Sans une des communes de comparaison, l'analyse n'a pas pu être refaite.",
        "en": "Without one of the comparison municipalities the analysis could not be redone.",
    },
    "falsification_non_target_unchanged": {
        "nl": "Een indicator die het project niet zou mogen veranderen, veranderde niet even "
        "duidelijk ({change}).",
        "fr": "Un indicateur que le projet ne devrait pas changer n'a pas changé aussi nettement "
        "({change}).",
        "en": "An indicator the project should not change did not change as clearly ({change}).",
    },
    "falsification_non_target_changed": {
        "nl": "Een indicator die het project niet zou mogen veranderen, veranderde even sterk "
        "({change}): iets anders dan het project kan de cijfers van de gemeente veranderd "
        "hebben.",
        "fr": "Un indicateur que le projet ne devrait pas changer a changé aussi fort "
        "({change}) : autre chose que le projet peut avoir changé les chiffres de la commune.",
        "en": "An indicator the project should not change changed as much ({change}): something "
        "other than the project may have changed the municipality's figures.",
    },
    "falsification_no_non_target": {
        "nl": "Er is geen indicator aangeduid die het project niet zou mogen veranderen, of er "
        "zijn geen gegevens van.",
        "fr": "Aucun indicateur que le projet ne devrait pas changer n'est désigné, ou il n'y a "
        "pas de données.",
        "en": "No indicator that the project should not change is named, or it has no data.",
    },
    "falsification_not_fitted": {
        "nl": "De indicator die het project niet zou mogen veranderen, kon niet geschat worden.",
        "fr": "L'indicateur que le projet ne devrait pas changer n'a pas pu être estimé.",
        "en": "The indicator the project should not change could not be estimated.",
    },
}

#: Every sentence id of the falsification checks with its template per language.
FALSIFICATION: dict[str, dict[str, str]] = {**_NAMES, **_SUMMARY, **_TIME, **_SPACE, **_OTHERS}
