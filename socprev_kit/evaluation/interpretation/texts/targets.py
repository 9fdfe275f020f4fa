"""The words of the sentences on an objective's target attainment
(:mod:`socprev_kit.evaluation.interpretation.targets`)."""

from __future__ import annotations

__all__ = ["TARGETS"]

TARGETS: dict[str, dict[str, str]] = {
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
}
