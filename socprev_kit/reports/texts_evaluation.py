"""The words of the evaluation parts of a report (sections 3 to 8) in Dutch, French and English.

Data for translators, merged into :data:`socprev_kit.reports.texts.TEXTS`; the conventions are
those of :mod:`socprev_kit.reports.texts`.
"""

from __future__ import annotations

from ..data.reference.places import PROVINCES, REGIONS

__all__ = ["EVALUATION", "PROVINCES", "REGIONS", "UNITS"]

_RESULTS = {
    "logic_intro": ("Elke doelstelling hangt aan een indicator. Is de streefperiode voorbij, dan "
                    "telt de waarde in die periode zelf (bereikt of niet bereikt); loopt ze nog, "
                    "dan die van de laatste 12 maanden, met de trend erdoor (op schema of achter "
                    "op schema). ‘Behouden’: de beginwaarde haalde de streefwaarde al en de waarde "
                    "doet dat nog.",
                    "Chaque objectif est lié à un indicateur. Si la période cible est terminée, "
                    "c'est la valeur de cette période qui compte (atteint ou non atteint) ; si "
                    "elle est en cours, celle des 12 derniers mois, avec leur tendance (en bonne "
                    "voie ou en retard). « Maintenu » : la valeur de départ atteignait déjà la "
                    "cible et la valeur l'atteint toujours.", "Each objective is tied to an "
                    "indicator. Once the target period is over, the value in that period counts "
                    "(reached or not reached); while it runs, that of the last 12 months, with "
                    "their trend (on track or behind). 'Maintained': the baseline already met the "
                    "target and the value still does."),
    "attainment_note": ("Realisatie = (waarde − beginwaarde) / (streefwaarde − beginwaarde): het "
                        "deel van de weg naar de streefwaarde, 0 % de beginwaarde, 100 % de "
                        "streefwaarde; ‘–’ als de beginwaarde de streefwaarde al haalde.",
                        "Réalisation = (valeur − valeur de départ) / (cible − valeur de départ) : "
                        "la part du chemin vers la cible, 0 % la valeur de départ, 100 % la cible ;"
                        " « – » si la valeur de départ atteignait déjà la cible.", "Attainment = "
                        "(value − baseline) / (target − baseline): the share of the way to the "
                        "target, 0% the baseline, 100% the target; '–' when the baseline already "
                        "met the target."),
    "objectives_whole": ("De doelstellingen van {id} gelden voor het hele project ({names} "
                         "samen): beginwaarde, streefwaarde, huidige waarde en realisatie in deze "
                         "tabel zijn cijfers van het hele project, niet van {name} alleen. De "
                         "cijfers van {name} zelf staan in deel 4 en 5.",
                         "Les objectifs de {id} valent pour tout le projet ({names} ensemble) : "
                         "valeur de départ, cible, valeur actuelle et réalisation de ce tableau "
                         "sont des chiffres de tout le projet, et non de {name} uniquement. Les "
                         "chiffres propres à {name} sont dans les parties 4 et 5.",
                         "The objectives of {id} are for the whole project ({names} together): "
                         "baseline, target, current value and attainment in this table are the "
                         "whole project's figures, not {name}'s alone. {name}'s own figures are "
                         "in parts 4 and 5."),
    "member_figures": ("Cijfers van {name} alleen. De streefwaarden van {id} gelden voor het "
                       "hele project ({names} samen) en staan daarom niet in de figuur bij de "
                       "reeks van {name}.",
                       "Chiffres de {name} uniquement. Les cibles de {id} valent pour tout le "
                       "projet ({names} ensemble) et ne sont donc pas tracées sur la série de "
                       "{name}.",
                       "Figures of {name} alone. The targets of {id} are for the whole project "
                       "({names} together) and are therefore not drawn over {name}'s series."),
    "member_impact": ("Cijfers van {name} alleen, niet van het hele project {id} ({names}).",
                      "Chiffres de {name} uniquement, pas de tout le projet {id} ({names}).",
                      "Figures of {name} alone, not of the whole project {id} ({names})."),
    "objectives_whole_caveat": ("De doelstellingen van {ids} en hun realisatie gelden voor het "
                                "hele project, niet voor {name} alleen (zie deel 3).",
                                "Les objectifs de {ids} et leur réalisation valent pour tout le "
                                "projet, pas pour {name} uniquement (voir partie 3).",
                                "The objectives of {ids} and their attainment are for the whole "
                                "project, not for {name} alone (see part 3)."),
    "no_objectives": ("Geen doelstellingen geregistreerd.", "Aucun objectif enregistré.",
                      "No objectives registered."),
    "level": ("Niveau", "Niveau", "Level"),
    "objective": ("Doelstelling", "Objectif", "Objective"),
    "indicator": ("Indicator", "Indicateur", "Indicator"),
    "baseline": ("Beginwaarde", "Valeur de départ", "Baseline"),
    "target": ("Streefwaarde", "Cible", "Target"),
    "current": ("Waarde", "Valeur", "Value"),
    "attainment": ("Realisatie", "Réalisation", "Attainment"),
    "status": ("Stand", "État", "Status"),
    "value_in": ("{value} ({period})", "{value} ({period})", "{value} ({period})"),
    "process_intro": ("Per project de indicatoren met een doelstelling, maand per maand, met de "
                      "streefwaarde omgerekend naar een maand (stippellijn) en, voor een "
                      "realisatie tegenover de planning, het plan (100 %). Daaronder alle proces- "
                      "en outputindicatoren per jaar.",
                      "Par projet, les indicateurs liés à un objectif, mois par mois, avec la "
                      "cible ramenée au mois (pointillés) et, pour une réalisation par rapport au "
                      "plan, le plan (100 %). En dessous, tous les indicateurs de processus et de "
                      "réalisation par année.", "Per project, the indicators with an objective, "
                      "month by month, with the target converted to a month (dash-dot line) and, "
                      "for delivery against plan, the plan (100%). Below, every process and "
                      "output indicator per year."),
    "no_process": ("Geen proces- of outputindicatoren geregistreerd.",
                   "Aucun indicateur de processus ou de réalisation enregistré.",
                   "No process or output indicators registered."),
    "unit": ("Eenheid", "Unité", "Unit"),
    "months_24": ("Laatste 24 maanden", "24 derniers mois", "Last 24 months"),
    "per_year": ("per jaar: de meeste maanden zijn afgeschermd", "par an : la plupart des mois "
                 "sont masqués", "per year: most months are hidden"),
    "per_year_project": ("hele project, per jaar: de meeste maanden en jaren van de gemeente "
                         "zijn afgeschermd", "projet entier, par an : la plupart des mois et "
                         "années de la commune sont masqués", "whole project, per year: most of "
                         "the municipality's months and years are hidden"),
    "partial_year": ("{year} (tot {month})", "{year} (jusqu'à {month})", "{year} (to {month})"),
    "plan": ("Plan (100 %)", "Plan (100 %)", "Plan (100%)"),
    "target_month": ("Streefwaarde per maand", "Cible par mois", "Target per month"),
    "impact_intro": ("De impactindicatoren als aantal per maand. De lijn van het model en de "
                     "stippellijn ‘zonder project’ komen uit een onderbroken tijdreeks: de trend "
                     "vóór de start van de interventie (stippellijn), doorgetrokken; het verschil "
                     "is geen bewezen effect. Begon het project in een andere maand, dan staat "
                     "die start er apart bij. Per project daarna de aantallen en de cijfers per "
                     "1.000 inwoners per jaar, met de bevolking van dat jaar (na {year} die van "
                     "{year}).",
                     "Les indicateurs d'impact en nombre par mois. La ligne du modèle et les "
                     "pointillés « sans projet » viennent d'une série temporelle interrompue : la "
                     "tendance d'avant le début de l'intervention (ligne pointillée), prolongée ; "
                     "l'écart n'est pas un effet prouvé. Si le projet a commencé un autre mois, "
                     "ce début est indiqué à part. Par projet ensuite, les nombres et les taux "
                     "pour 1 000 habitants par année, avec la population de l'année (après "
                     "{year}, celle de {year}).",
                     "The impact indicators as counts per month. The model line and the dashed "
                     "'without project' line come from an interrupted time series: the trend "
                     "before the start of the intervention (dotted line), extended; the "
                     "difference is not a proven effect. When the project started in another "
                     "month, that start is marked apart. Then, per project, the counts and the "
                     "rates per 1,000 inhabitants per year, with that year's population (after "
                     "{year}, that of {year})."),
    "no_impact": ("Geen impactindicatoren geregistreerd.", "Aucun indicateur d'impact enregistré.",
                  "No impact indicators registered."),
    "rate_axis": ("Per 1.000 inwoners ({year})", "Pour 1 000 habitants ({year})",
                  "Per 1,000 inhabitants ({year})"),
    "count_axis": ("Aantal per maand", "Nombre par mois", "Count per month"),
    "count_year_axis": ("Aantal per jaar", "Nombre par an", "Count per year"),
    "change": ("Verandering", "Changement", "Change"),
    "interval": ("95 %-interval", "Intervalle à 95 %", "95% interval"),
    "months_before_after": ("Maanden voor / na", "Mois avant / après", "Months before / after"),
    "model": ("Model", "Modèle", "Model"),
    "model_plain": ("quasi-Poisson, zonder vergelijking", "quasi-Poisson, sans comparaison",
                    "quasi-Poisson, uncontrolled"),
    "model_controlled": ("quasi-Poisson, met {names}", "quasi-Poisson, avec {names}",
                         "quasi-Poisson, with {names}"),
    "covid_with_row": ("{name}, met de COVID-19-maanden", "{name}, avec les mois de COVID-19",
                       "{name}, with the COVID-19 months"),
    "covid_without_row": ("{name}, zonder de COVID-19-maanden",
                          "{name}, sans les mois de COVID-19",
                          "{name}, without the COVID-19 months"),
    "count_row": ("{name}: aantal", "{name} : nombre", "{name}: count"),
    "rate_row": ("{name}: per 1.000 inwoners", "{name} : pour 1 000 habitants",
                 "{name}: per 1,000 inhabitants"),
    "population_row": ("Inwoners (bevolkingsjaar)", "Habitants (année de population)",
                       "Inhabitants (population year)"),
}  # fmt: skip

_WHY_NOT = {
    "its_design": ("{indicator}: de evaluatieopzet van dit project is ‘{design}’; een "
                   "onderbroken tijdreeks is niet gepland, de reeks wordt alleen beschreven.",
                   "{indicator} : le plan d'évaluation de ce projet est « {design} » ; une série "
                   "temporelle interrompue n'est pas prévue, la série est seulement décrite.",
                   "{indicator}: this project's evaluation design is '{design}'; an interrupted "
                   "time series is not planned, the series is only described."),
    "its_too_few": ("{indicator}: geen schatting, want er zijn {n_pre} maanden met gegevens vóór "
                    "en {n_post} na {month}; er zijn er minstens 3 aan elke kant nodig (12 is "
                    "beter).", "{indicator} : pas d'estimation, car il y a {n_pre} mois avec des "
                    "données avant et {n_post} après {month} ; il en faut au moins 3 de chaque "
                    "côté (12 de préférence).", "{indicator}: no estimate, because there are "
                    "{n_pre} months with data before and {n_post} after {month}; at least 3 are "
                    "needed on each side (12 are better)."),
    "its_small": ("{indicator}: geen schatting, want de aantallen zijn te klein: gemiddeld "
                  "minder dan {k} per maand vóór of na {month}.", "{indicator} : pas "
                  "d'estimation, car les nombres sont trop petits : en moyenne moins de {k} par "
                  "mois avant ou après {month}.", "{indicator}: no estimate, because the counts "
                  "are too small: on average fewer than {k} per month before or after {month}."),
    "its_zero": ("{indicator}: geen schatting, want het aantal is elke maand nul.",
                 "{indicator} : pas d'estimation, car le nombre est nul chaque mois.",
                 "{indicator}: no estimate, because the count is zero every month."),
    "its_bad_data": ("{indicator}: geen schatting, want de reeks kan niet gemodelleerd worden "
                     "(bijvoorbeeld een reeks die elke maand gelijk is, ontbrekende bevolking, "
                     "negatieve of dubbele waarden).",
                     "{indicator} : pas d'estimation, car la série ne peut pas être modélisée "
                     "(par exemple une série identique chaque mois, une population manquante, des "
                     "valeurs négatives ou en double).",
                     "{indicator}: no estimate, because the series cannot be modelled (for "
                     "example a series that is the same every month, a missing population, "
                     "negative or duplicate values)."),
    "its_no_date": ("{indicator}: geen schatting, want het project heeft geen start- of "
                    "interventiedatum.", "{indicator} : pas d'estimation, car le projet n'a pas "
                    "de date de début ou d'intervention.", "{indicator}: no estimate, because "
                    "the project has no start or intervention date."),
    "its_unstable": ("Het model meldde een rekenprobleem; lees de schatting met extra "
                     "voorzichtigheid.", "Le modèle a signalé un problème de calcul ; lisez "
                     "l'estimation avec une prudence accrue.", "The model reported a numerical "
                     "problem; read the estimate with extra caution."),
    "its_no_control": ("Voor {indicator} waren de vergelijkingsgemeenten niet bruikbaar (geen "
                       "gegevens); de schatting is zonder vergelijking.", "Pour {indicator}, les "
                       "communes de comparaison n'étaient pas utilisables (pas de données) ; "
                       "l'estimation est faite sans comparaison.", "For {indicator}, the "
                       "comparison municipalities could not be used (no data); the estimate is "
                       "uncontrolled."),
    "its_own_comparison": ("Let op: de vergelijking met {names} is zwakker, want daar liep in "
                           "deze periode een eigen project op {indicator} ({projects}). Wat dat "
                           "project veranderde, telt hier mee als wat er zonder project zou zijn "
                           "gebeurd.", "Attention : la comparaison avec {names} est plus "
                           "faible, car un projet propre sur {indicator} s'y déroulait pendant "
                           "cette période ({projects}). Ce que ce projet a changé compte ici "
                           "comme ce qui se serait passé sans projet.", "Note: the comparison "
                           "with {names} is weaker, as a project of its own on {indicator} ran "
                           "there in this period ({projects}); what that project changed counts "
                           "here as what would have happened without the project."),
}  # fmt: skip

_COMPARE = {
    "compare_intro": ("{indicator} per 1.000 inwoners in {year}: {name} naast de {n} gemeenten "
                      "met 12 maanden gegevens. Het groepsgemiddelde is {rate} per 1.000; een punt "
                      "buiten de trechter ligt verder van dat gemiddelde dan toeval bij die "
                      "bevolkingsgrootte verklaart.", "{indicator} pour 1 000 habitants en "
                      "{year} : {name} à côté des {n} communes avec 12 mois de données. La "
                      "moyenne du groupe est de {rate} pour 1 000 ; un point hors de l'entonnoir "
                      "s'écarte de cette moyenne plus que le hasard ne l'explique pour cette "
                      "taille de population.", "{indicator} per 1,000 inhabitants in {year}: "
                      "{name} beside the {n} municipalities with 12 months of data. The group "
                      "rate is {rate} per 1,000; a point outside the funnel is further from that "
                      "rate than chance explains at that population size."),
    "compare_none": ("Voor {indicator} is er geen jaar met 12 maanden gegevens in minstens {min} "
                     "gemeenten (afgeschermde kleine aantallen niet meegeteld): geen "
                     "vergelijking mogelijk.", "Pour {indicator}, aucune année n'a 12 mois de "
                     "données dans au moins {min} communes (petits nombres masqués non comptés) "
                     ": pas de comparaison possible.", "For {indicator}, no year has 12 months "
                     "of data in at least {min} municipalities (hidden small counts not "
                     "counted): no comparison is possible."),
    "compare_left_out_one": ("1 gemeente met een afgeschermde waarde (minder dan {k} feiten, of "
                             "afgeschermd zodat een andere waarde niet te herberekenen is) is "
                             "weggelaten, ook uit het groepsgemiddelde.",
                             "1 commune dont la valeur est masquée (moins de {k} faits, ou masquée "
                             "pour qu'une autre valeur ne puisse pas être recalculée) est omise, "
                             "aussi de la moyenne du groupe.",
                             "1 municipality whose value is hidden (fewer than {k} cases, or "
                             "hidden so that another value cannot be worked out) is left out, also "
                             "of the group rate."),
    "compare_left_out": ("{n} gemeenten met een afgeschermde waarde (minder dan {k} feiten, of "
                         "afgeschermd zodat een andere waarde niet te herberekenen is) zijn "
                         "weggelaten, ook uit het groepsgemiddelde.",
                         "{n} communes dont la valeur est masquée (moins de {k} faits, ou masquée "
                         "pour qu'une autre valeur ne puisse pas être recalculée) sont omises, "
                         "aussi de la moyenne du groupe.",
                         "{n} municipalities whose value is hidden (fewer than {k} cases, or "
                         "hidden so that another value cannot be worked out) are left out, also "
                         "of the group rate."),
    "compare_absent": ("{name} heeft voor {indicator} geen 12 maanden gegevens in {year} en "
                       "staat niet in de vergelijking.", "{name} n'a pas 12 mois de données "
                       "pour {indicator} en {year} et ne figure pas dans la comparaison.",
                       "{name} has no 12 months of data for {indicator} in {year} and is not in "
                       "the comparison."),
    "compare_hidden": ("De waarde van {name} is afgeschermd en staat niet in de figuur.",
                       "La valeur de {name} est masquée et n'apparaît pas dans le graphique.",
                       "The value of {name} is hidden and is not in the figure."),
    "compare_no_impact": ("Geen impactindicator die per maand geteld wordt: geen vergelijking.",
                          "Aucun indicateur d'impact compté par mois : pas de comparaison.",
                          "No impact indicator counted per month: no comparison."),
    "compare_finding": ("In {year} lag {name} voor “{indicator}” {position} ({rate} per 1.000 "
                        "inwoners, groepsgemiddelde {group}).", "En {year}, {name} était pour « "
                        "{indicator} » {position} ({rate} pour 1 000 habitants, moyenne du groupe "
                        "{group}).", "In {year}, {name} was {position} for “{indicator}” ({rate} "
                        "per 1,000 inhabitants, group rate {group})."),
    "and_list": ("{first} en {last}", "{first} et {last}", "{first} and {last}"),
    "year": ("Jaar", "Année", "Year"),
    "count": ("Aantal", "Nombre", "Count"),
    "rate": ("Per 1.000 inwoners", "Pour 1 000 habitants", "Per 1,000 inhabitants"),
    "group_rate": ("Groepsgemiddelde", "Moyenne du groupe", "Group rate"),
    "position": ("Positie", "Position", "Position"),
    "n_compared": ("Gemeenten", "Communes", "Municipalities"),
    "within": ("binnen de grenzen", "dans les limites", "within the limits"),
    "above_95": ("boven de 95 %-grens", "au-dessus de la limite à 95 %", "above the 95% limit"),
    "above_998": ("boven de 99,8 %-grens", "au-dessus de la limite à 99,8 %",
                  "above the 99.8% limit"),
    "below_95": ("onder de 95 %-grens", "en dessous de la limite à 95 %", "below the 95% limit"),
    "below_998": ("onder de 99,8 %-grens", "en dessous de la limite à 99,8 %",
                  "below the 99.8% limit"),
    "hidden": ("afgeschermd", "masqué", "hidden"),
}  # fmt: skip

_INTERPRET = {
    "attainment_summary": ("Van de {n} doelstellingen: {tally}.", "Sur les {n} objectifs : "
                           "{tally}.", "Of the {n} objectives: {tally}."),
    # counts of objectives by status; {s} is the French plural ending
    "count_reached": ("{n} bereikt", "{n} atteint{s}", "{n} reached"),
    "count_maintained": ("{n} behouden", "{n} maintenu{s}", "{n} maintained"),
    "count_on_track": ("{n} op schema", "{n} en bonne voie", "{n} on track"),
    "count_behind": ("{n} achter op schema", "{n} en retard", "{n} behind"),
    "count_not_reached": ("{n} niet bereikt", "{n} non atteint{s}", "{n} not reached"),
    "count_not_computable": ("{n} niet te berekenen", "{n} non calculable{s}",
                             "{n} not computable"),
    "prefix": ("{id}: ", "{id} : ", "{id}: "),
    "completeness_finding": ("{share} van de verwachte maanden is geregistreerd.",
                             "{share} des mois attendus sont enregistrés.",
                             "{share} of the expected months are registered."),
    "completeness_caveat": ("Slechts {share} van de verwachte maanden is geregistreerd: "
                            "ontbrekende maanden kunnen de cijfers vertekenen.", "Seulement "
                            "{share} des mois attendus sont enregistrés : les mois manquants "
                            "peuvent fausser les chiffres.", "Only {share} of the expected months "
                            "are registered: missing months can distort the figures."),
    "errors_caveat": ("De gegevens bevatten {n} fout(en); die rijen tellen niet mee (zie deel 2).",
                      "Les données contiennent {n} erreur(s) ; ces lignes ne sont pas comptées "
                      "(voir partie 2).", "The data hold {n} error(s); those rows are left out "
                      "(see part 2)."),
    "no_its_finding": ("Voor geen enkele impactindicator was een schatting met een onderbroken "
                       "tijdreeks mogelijk (zie deel 5).", "Aucun indicateur d'impact n'a pu "
                       "être estimé par une série temporelle interrompue (voir partie 5).",
                       "No impact indicator could be estimated with an interrupted time series "
                       "(see part 5)."),
    "chance_general": ("Een verandering na de start van een project is geen bewijs dat het project "
                       "ze veroorzaakte: ook andere veranderingen in dezelfde periode of toeval "
                       "kunnen meespelen.", "Un changement après le début d'un projet ne prouve "
                       "pas que le projet l'a causé : d'autres changements pendant la même "
                       "période ou le hasard peuvent jouer.", "A change after a project started "
                       "does not prove that the project caused it: other changes in the same "
                       "period, or chance, can play a part."),
}  # fmt: skip

EVALUATION = (_RESULTS, _WHY_NOT, _COMPARE, _INTERPRET)

#: The catalogue's units → nl, fr, en.
UNITS: dict[str, tuple[str, str, str]] = {
    "n": ("aantal", "nombre", "count"),
    "%": ("%", "%", "%"),
    "hours": ("uren", "heures", "hours"),
    "days": ("dagen", "jours", "days"),
    "FTE-months": ("VTE-maanden", "ETP-mois", "FTE-months"),
    "EUR": ("euro", "euros", "euro"),
    "per 1,000": ("per 1.000", "pour 1 000", "per 1,000"),
    "n/person": ("per persoon", "par personne", "per person"),
    "n/round": ("per ronde", "par tournée", "per round"),
}
