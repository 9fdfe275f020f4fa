"""The words of the caveats: chance, few months, the model's checks, the design (with or
without comparison municipalities), registrations and hidden values."""

from __future__ import annotations

__all__ = ["CAVEATS"]

CAVEATS: dict[str, dict[str, str]] = {
    "chance": {
        "nl": "Het interval omvat ook ‘geen verandering’: deze verandering kan toeval zijn.",
        "fr": "L'intervalle comprend aussi l'absence de changement : ce changement peut être dû "
        "au hasard.",
        "en": "The interval includes no change: this change could be chance.",
    },
    "chance_year": {
        "nl": "Bij zulke aantallen kan dit verschil met vorig jaar toeval zijn.",
        "fr": "Avec de tels nombres, cette différence avec l'année précédente peut être due au "
        "hasard.",
        "en": "With numbers like these, this difference from the year before could be chance.",
    },
    "few_months": {
        "nl": "Slechts {n} maanden met gegevens (12 of meer zijn beter): lees de trend met "
        "voorzichtigheid.",
        "fr": "Seulement {n} mois avec des données (12 ou plus seraient préférables) : lisez la "
        "tendance avec prudence.",
        "en": "Only {n} months with data (12 or more are better): read the trend with caution.",
    },
    "few_its": {
        "nl": "Slechts {n_pre} maanden vóór en {n_post} na de start (12 aan elke kant zijn "
        "beter): lees het resultaat met voorzichtigheid.",
        "fr": "Seulement {n_pre} mois avant et {n_post} après le début (12 de chaque côté "
        "seraient préférables) : lisez le résultat avec prudence.",
        "en": "Only {n_pre} months before and {n_post} after the start (12 on each side are "
        "better): read the result with caution.",
    },
    "zero_before": {
        "nl": "Alle aantallen vóór de start zijn nul: de grootte van de verandering is niet "
        "betrouwbaar te schatten.",
        "fr": "Tous les nombres avant le début sont nuls : l'ampleur du changement ne peut pas "
        "être estimée de façon fiable.",
        "en": "All counts before the start are zero: the size of the change cannot be estimated "
        "reliably.",
    },
    "zero_after": {
        "nl": "Alle aantallen na de start zijn nul: de grootte van de verandering is niet "
        "betrouwbaar te schatten.",
        "fr": "Tous les nombres après le début sont nuls : l'ampleur du changement ne peut pas "
        "être estimée de façon fiable.",
        "en": "All counts after the start are zero: the size of the change cannot be estimated "
        "reliably.",
    },
    "autocorrelation": {
        "nl": "De maanden zijn niet onafhankelijk van elkaar; het interval kan te smal zijn.",
        "fr": "Les mois ne sont pas indépendants les uns des autres ; l'intervalle peut être trop "
        "étroit.",
        "en": "The months are not independent of each other; the interval may be too narrow.",
    },
    "overdispersion": {
        "nl": "De aantallen schommelen meer dan het model aanneemt, dus het interval is te smal "
        "(gebruik quasi-Poisson of negatief binomiaal).",
        "fr": "Les nombres varient plus que le modèle ne le suppose, l'intervalle est donc trop "
        "étroit (utilisez quasi-Poisson ou binomiale négative).",
        "en": "The counts vary more than the model assumes, so the interval is too narrow (use "
        "quasi-Poisson or negative binomial).",
    },
    "uncontrolled": {
        "nl": "Zonder vergelijkingsgemeenten zou een verandering die overal plaatsvond "
        "(bijvoorbeeld een nieuwe politieprioriteit of een nationale campagne) hier ook te zien "
        "zijn.",
        "fr": "Sans communes de comparaison, un changement survenu partout (par exemple une "
        "nouvelle priorité policière ou une campagne nationale) apparaîtrait aussi ici.",
        "en": "Without comparison municipalities, a change that happened everywhere (for example "
        "a new police priority or a national campaign) would also show here.",
    },
    "controlled_named": {
        "nl": "De verwachting houdt rekening met de vergelijkingsgemeenten {names}: een "
        "verandering die ook daar plaatsvond, telt hier niet mee.",
        "fr": "Le niveau attendu tient compte des communes de comparaison {names} : un changement "
        "survenu aussi chez elles n'est pas compté ici.",
        "en": "The expected level takes the comparison municipalities {names} into account: a "
        "change that also happened there is not counted here.",
    },
    "controlled_named_one": {
        "nl": "De verwachting houdt rekening met de vergelijkingsgemeente {names}: een "
        "verandering die ook daar plaatsvond, telt hier niet mee.",
        "fr": "Le niveau attendu tient compte de la commune de comparaison {names} : un "
        "changement survenu aussi chez elle n'est pas compté ici.",
        "en": "The expected level takes the comparison municipality {names} into account: a "
        "change that also happened there is not counted here.",
    },
    "controlled_series": {
        "nl": "De verwachting houdt rekening met een vergelijkingsreeks ({n} maanden): een "
        "verandering die ook daar plaatsvond, telt hier niet mee.",
        "fr": "Le niveau attendu tient compte d'une série de comparaison ({n} mois) : un "
        "changement survenu aussi dans cette série n'est pas compté ici.",
        "en": "The expected level takes a comparison series ({n} months) into account: a change "
        "that also happened there is not counted here.",
    },
    "not_parallel": {
        "nl": "Vóór de start liep de trend hier anders dan in de vergelijking; die vergelijking "
        "past dus minder goed.",
        "fr": "Avant le début, la tendance ici différait de celle de la comparaison ; la "
        "comparaison convient donc moins bien.",
        "en": "Before the start, the trend here differed from the comparison's, so the "
        "comparison fits less well.",
    },
    "reporting": {
        "nl": "Deze indicator telt registraties: meer registraties kunnen wijzen op meer aandacht "
        "van politie of diensten, niet op meer problemen. Tijdens een project kan een stijging "
        "van het project zelf komen, omdat het problemen zichtbaarder maakt.",
        "fr": "Cet indicateur compte des enregistrements : plus d'enregistrements peut signifier "
        "plus d'attention de la police ou des services, pas plus de problèmes. Pendant un projet, "
        "une hausse peut venir du projet lui-même, parce qu'il rend les problèmes plus visibles.",
        "en": "This indicator counts registrations: more registrations can mean more attention "
        "from police or services, not more problems. During a project, a rise can come from the "
        "project itself, because it makes problems more visible.",
    },
    "suppressed_one": {
        "nl": "1 waarde is afgeschermd omdat ze onder het minimum van {k} ligt of er anders een "
        "afgeschermde waarde uit af te leiden zou zijn (bescherming van de privacy).",
        "fr": "1 valeur est masquée car elle est inférieure au minimum de {k} ou permettrait "
        "sinon de retrouver une valeur masquée (protection de la vie privée).",
        "en": "1 value is hidden because it is below the minimum of {k}, or because another "
        "hidden value could otherwise be worked out from it (to protect privacy).",
    },
    "suppressed_many": {
        "nl": "{n} waarden zijn afgeschermd omdat ze onder het minimum van {k} liggen of er anders "
        "een afgeschermde waarde uit af te leiden zou zijn (bescherming van de privacy).",
        "fr": "{n} valeurs sont masquées car elles sont inférieures au minimum de {k} ou "
        "permettraient sinon de retrouver une valeur masquée (protection de la vie privée).",
        "en": "{n} values are hidden because they are below the minimum of {k}, or because "
        "another hidden value could otherwise be worked out from them (to protect privacy).",
    },
    # --- pieces -----------------------------------------------------------------------------------
    "and": {"nl": "{first} en {last}", "fr": "{first} et {last}", "en": "{first} and {last}"},
}
