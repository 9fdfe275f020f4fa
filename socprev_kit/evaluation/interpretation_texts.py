"""The words of every interpretation sentence, in Dutch, French and English.

:data:`TEMPLATES` maps a sentence id to a template per language; the code that picks and fills
them is :mod:`socprev_kit.evaluation.interpretation`. For translators:

- ``{name}`` is a placeholder the code fills in: a number, a percentage or a month already written
  in the language (``1.234,5``, ``20 %``, ``septembre 2020``), an indicator's name, or a piece of
  sentence such as ``{pct}`` = "35 % lower". Keep every placeholder of a sentence, spelled as it
  is, in all three languages (a test checks that they match); the order may change.
- Write plain spaces. The space before ``%`` becomes a no-break space (Dutch) or a narrow
  no-break space (French), and in French also the spaces before ``:`` (no-break) and before
  ``;`` ``?`` ``!`` and inside « » (narrow): see
  :func:`socprev_kit.common.formatting.no_break_spaces`.
- The first letter of a sentence is made upper-case by the code; an ``{indicator}`` name is written
  with a lower-case first letter (unless it starts with an acronym), so it can stand inside a
  sentence.
- Never call a change an effect: "lower than expected from the trend before".
"""

from __future__ import annotations

__all__ = ["TEMPLATES"]

TEMPLATES: dict[str, dict[str, str]] = {
    # --- trend ---------------------------------------------------------------------------------
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
    # --- interrupted time series ---------------------------------------------------------------
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
    # --- COVID-19 period (socprev_kit.evaluation.covid)
    # -----------------------------------------------------
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
    "ratio_lower": {"nl": "{pct} lager", "fr": "{pct} plus bas", "en": "{pct} lower"},
    "ratio_higher": {"nl": "{pct} hoger", "fr": "{pct} plus haut", "en": "{pct} higher"},
    "ratio_same": {"nl": "geen verschil", "fr": "aucune différence", "en": "no difference"},
    # --- attainment ----------------------------------------------------------------------------
    "att_values": {
        "nl": "Doelstelling {objective} (“{indicator}”): beginwaarde {baseline}, streefwaarde "
        "{target} voor {target_period}, huidige waarde {observed} (gegevens tot {last}).",
        "fr": "Objectif {objective} (« {indicator} ») : valeur de départ {baseline}, cible "
        "{target} pour {target_period}, valeur actuelle {observed} (données jusqu'à {last}).",
        "en": "Objective {objective} (“{indicator}”): baseline {baseline}, target {target} for "
        "{target_period}, current value {observed} (data up to {last}).",
    },
    "att_values_over": {
        "nl": "Doelstelling {objective} (“{indicator}”): beginwaarde {baseline}, streefwaarde "
        "{target} voor {target_period}, waarde in {target_period} {observed}.",
        "fr": "Objectif {objective} (« {indicator} ») : valeur de départ {baseline}, cible "
        "{target} pour {target_period}, valeur en {target_period} {observed}.",
        "en": "Objective {objective} (“{indicator}”): baseline {baseline}, target {target} for "
        "{target_period}, value in {target_period} {observed}.",
    },
    "att_reached": {
        "nl": "De streefwaarde is bereikt.",
        "fr": "La cible est atteinte.",
        "en": "The target has been reached.",
    },
    "att_maintained": {
        "nl": "De beginwaarde haalde de streefwaarde al en dat is zo gebleven.",
        "fr": "La valeur de départ atteignait déjà la cible et c'est resté le cas.",
        "en": "The baseline already met the target and it still does.",
    },
    "att_not_reached": {
        "nl": "{share} van de weg van de beginwaarde naar de streefwaarde is afgelegd; de "
        "streefwaarde is niet bereikt.",
        "fr": "{share} du chemin de la valeur de départ à la cible est parcouru ; la cible n'est "
        "pas atteinte.",
        "en": "{share} of the way from the baseline to the target was covered; the target was "
        "not reached.",
    },
    "att_away_not_reached": {
        "nl": "De streefwaarde is niet bereikt: de indicator is sinds de beginwaarde verder van "
        "de streefwaarde af geraakt.",
        "fr": "La cible n'est pas atteinte : l'indicateur s'est éloigné de la cible depuis la "
        "valeur de départ.",
        "en": "The target was not reached: the indicator moved away from it since the baseline.",
    },
    "att_lost": {
        "nl": "De beginwaarde haalde de streefwaarde al, de waarde in {target_period} niet meer: "
        "de streefwaarde is niet bereikt.",
        "fr": "La valeur de départ atteignait déjà la cible, la valeur en {target_period} ne "
        "l'atteint plus : la cible n'est pas atteinte.",
        "en": "The baseline already met the target, the value in {target_period} no longer "
        "does: the target was not reached.",
    },
    "att_on_track": {
        "nl": "{share} van de weg van de beginwaarde naar de streefwaarde is afgelegd; als de "
        "trend van de laatste 12 maanden aanhoudt, wordt ze op tijd bereikt.",
        "fr": "{share} du chemin de la valeur de départ à la cible est parcouru ; si la tendance "
        "des 12 derniers mois se maintient, elle sera atteinte à temps.",
        "en": "{share} of the way from the baseline to the target has been covered; if the trend "
        "of the last 12 months continues, it will be reached in time.",
    },
    "att_on_track_now": {
        "nl": "De huidige waarde haalt de streefwaarde al; {target_period} is nog niet voorbij.",
        "fr": "La valeur actuelle atteint déjà la cible ; {target_period} n'est pas encore "
        "terminé.",
        "en": "The current value already meets the target; {target_period} is not over yet.",
    },
    "att_behind": {
        "nl": "{share} van de weg van de beginwaarde naar de streefwaarde is afgelegd; in het "
        "huidige tempo wordt ze niet op tijd bereikt.",
        "fr": "{share} du chemin de la valeur de départ à la cible est parcouru ; au rythme "
        "actuel, elle ne sera pas atteinte à temps.",
        "en": "{share} of the way from the baseline to the target has been covered; at the "
        "current pace it will not be reached in time.",
    },
    "att_not_yet": {
        "nl": "{share} van de weg van de beginwaarde naar de streefwaarde is afgelegd; ze is nog "
        "niet bereikt en {target_period} is nog niet voorbij.",
        "fr": "{share} du chemin de la valeur de départ à la cible est parcouru ; elle n'est pas "
        "encore atteinte et {target_period} n'est pas encore terminé.",
        "en": "{share} of the way from the baseline to the target has been covered; it is not "
        "reached yet and {target_period} is not over.",
    },
    "att_away": {
        "nl": "De indicator is sinds de beginwaarde verder van de streefwaarde af geraakt.",
        "fr": "L'indicateur s'est éloigné de la cible depuis la valeur de départ.",
        "en": "The indicator has moved away from the target since the baseline.",
    },
    "att_lost_on_track": {
        "nl": "De beginwaarde haalde de streefwaarde al, de huidige waarde niet meer; als de "
        "trend van de laatste 12 maanden aanhoudt, haalt ze die op tijd weer.",
        "fr": "La valeur de départ atteignait déjà la cible, la valeur actuelle plus ; si la "
        "tendance des 12 derniers mois se maintient, elle l'atteindra de nouveau à temps.",
        "en": "The baseline already met the target, the current value no longer does; if the "
        "trend of the last 12 months continues, it will meet it again in time.",
    },
    "att_lost_behind": {
        "nl": "De beginwaarde haalde de streefwaarde al, de huidige waarde niet meer; in het "
        "huidige tempo haalt ze die niet op tijd weer.",
        "fr": "La valeur de départ atteignait déjà la cible, la valeur actuelle plus ; au rythme "
        "actuel, elle ne l'atteindra pas de nouveau à temps.",
        "en": "The baseline already met the target, the current value no longer does; at the "
        "current pace it will not meet it again in time.",
    },
    "att_no_data": {
        "nl": "Doelstelling {objective} (“{indicator}”): nog geen waarde geregistreerd in de "
        "laatste 12 maanden, dus de realisatie kan niet berekend worden.",
        "fr": "Objectif {objective} (« {indicator} ») : aucune valeur enregistrée au cours des 12 "
        "derniers mois, la réalisation ne peut donc pas être calculée.",
        "en": "Objective {objective} (“{indicator}”): no value registered in the last 12 months, "
        "so attainment cannot be computed.",
    },
    "att_no_data_over": {
        "nl": "Doelstelling {objective} (“{indicator}”): geen waarde geregistreerd in "
        "{target_period}, dus er kan niet beoordeeld worden of de streefwaarde bereikt is.",
        "fr": "Objectif {objective} (« {indicator} ») : aucune valeur enregistrée en "
        "{target_period}, on ne peut donc pas juger si la cible est atteinte.",
        "en": "Objective {objective} (“{indicator}”): no value registered in {target_period}, so "
        "whether the target was reached cannot be judged.",
    },
    "att_no_direction": {
        "nl": "Doelstelling {objective} (“{indicator}”): de realisatie wordt niet berekend, want "
        "de indicator heeft geen gewenste richting en de streefwaarde is gelijk aan de "
        "beginwaarde.",
        "fr": "Objectif {objective} (« {indicator} ») : la réalisation n'est pas calculée, car "
        "l'indicateur n'a pas de sens souhaité et la cible est égale à la valeur de départ.",
        "en": "Objective {objective} (“{indicator}”): attainment is not computed, because the "
        "indicator has no desired direction and the target equals the baseline.",
    },
    "att_no_target": {
        "nl": "Doelstelling {objective} (“{indicator}”): de realisatie wordt niet berekend, want "
        "de beginwaarde of de streefwaarde ontbreekt.",
        "fr": "Objectif {objective} (« {indicator} ») : la réalisation n'est pas calculée, car "
        "la valeur de départ ou la cible manque.",
        "en": "Objective {objective} (“{indicator}”): attainment is not computed, because the "
        "baseline or the target is missing.",
    },
    "att_hidden": {
        "nl": "Doelstelling {objective} (“{indicator}”): de huidige waarde is afgeschermd omdat "
        "ze onder het minimum van {k} ligt of er een afgeschermde waarde uit af te leiden zou "
        "zijn (bescherming van de privacy).",
        "fr": "Objectif {objective} (« {indicator} ») : la valeur actuelle est masquée car elle "
        "est inférieure au minimum de {k} ou permettrait de retrouver une valeur masquée "
        "(protection de la vie privée).",
        "en": "Objective {objective} (“{indicator}”): the current value is hidden because it is "
        "below the minimum of {k} or would let a hidden value be worked out (to protect "
        "privacy).",
    },
    "att_not_causal": {
        "nl": "Een vergelijking met de beginwaarde toont niet of het project de verandering "
        "veroorzaakt heeft: ze kan ook toeval zijn of een trend die al bezig was.",
        "fr": "Une comparaison avec la valeur de départ ne montre pas si le projet a causé le "
        "changement : il peut aussi être dû au hasard ou à une tendance déjà en cours.",
        "en": "A comparison with the baseline does not show whether the project caused the "
        "change: it can also be chance or a trend that was already under way.",
    },
    # --- caveats -------------------------------------------------------------------------------
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
    # --- pieces --------------------------------------------------------------------------------
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
    "and": {"nl": "{first} en {last}", "fr": "{first} et {last}", "en": "{first} and {last}"},
}
