"""The words of a project report's EMMIE section (:mod:`socprev_kit.reports.sections_evidence`),
in Dutch, French and English (same conventions as :mod:`socprev_kit.reports.texts`)."""

from __future__ import annotations

__all__ = ["EVIDENCE"]

_INTRO = {
    "h_evidence": ("EMMIE: samenvatting voor beoordelaars", "EMMIE : synthèse pour les "
                   "évaluateurs", "EMMIE: summary for reviewers"),
    "evidence_intro": ("Dit deel zet de gegevens van het rapport in de volgorde van EMMIE, het "
                       "schema van de What Works Crime Reduction Toolkit (Johnson, Tilley en "
                       "Bowers, 2015): **Effect** (is er een verandering?), **Mechanisme** "
                       "(hoe zou het project werken?), **Moderatoren** (waar en wanneer?), "
                       "**Implementatie** (werd het uitgevoerd zoals gepland?) en **Economische "
                       "kost** (wat kostte het per vermeden incident?). Het berekent niets "
                       "nieuws en zegt per deel wat de gegevens niet bevatten.",
                       "Cette partie reprend les données du rapport dans l'ordre d'EMMIE, la "
                       "grille du What Works Crime Reduction Toolkit (Johnson, Tilley et "
                       "Bowers, 2015) : **Effet** (y a-t-il un changement ?), **Mécanisme** "
                       "(comment le projet devrait-il agir ?), **Modérateurs** (où et quand ?), "
                       "**Mise en œuvre** (a-t-il été réalisé comme prévu ?) et **Coût "
                       "économique** (combien par incident évité ?). Elle ne calcule rien de "
                       "nouveau et dit, pour chaque partie, ce qui manque dans les données.",
                       "This part puts the report's data in the order of EMMIE, the scheme of "
                       "the What Works Crime Reduction Toolkit (Johnson, Tilley and Bowers, "
                       "2015): **Effect** (is there a change?), **Mechanism** (how should the "
                       "project work?), **Moderators** (where and when?), **Implementation** "
                       "(was it delivered as planned?) and **Economic cost** (what did it cost "
                       "per incident prevented?). It computes nothing new and says, per part, "
                       "what the data lack."),
    "h_effect": ("Effect", "Effet", "Effect"),
    "effect_intro": ("De cijfers en het model staan in deel 5. Per impactindicator de "
                     "verandering van het niveau na de start, met het 95 %-interval (de "
                     "waarden die met de gegevens verenigbaar zijn):",
                     "Les chiffres et le modèle sont à la partie 5. Par indicateur d'impact, "
                     "le changement de niveau après le début, avec l'intervalle à 95 % (les "
                     "valeurs compatibles avec les données) :",
                     "The figures and the model are in part 5. Per impact indicator the "
                     "change in level after the start, with its 95 % interval (the values "
                     "that agree with the data):"),
    "effect_level": ("{indicator}: {change} (interval {low} tot {high}); {before} maanden "
                     "ervoor, {after} erna; {model}.",
                     "{indicator} : {change} (intervalle {low} à {high}) ; {before} mois "
                     "avant, {after} après ; {model}.",
                     "{indicator}: {change} (interval {low} to {high}); {before} months "
                     "before, {after} after; {model}."),
    "effect_none": ("Geen maandelijkse impacttelling in de gegevens: geen effect te schatten. "
                    "Ontbreekt: een impactindicator (zoals I01 of I02) per maand.",
                    "Aucun comptage d'impact mensuel dans les données : pas d'effet à estimer. "
                    "Manque : un indicateur d'impact (comme I01 ou I02) par mois.",
                    "No monthly impact count in the data: no effect to estimate. Missing: an "
                    "impact indicator (such as I01 or I02) per month."),
}  # fmt: skip

_MECHANISM = {
    "h_mechanism": ("Mechanisme", "Mécanisme", "Mechanism"),
    "mechanism_intro": ("Het logische model uit de doelstellingen van het project (deel 3): wat "
                        "het doet, wat dat moet opleveren en wat dat moet veranderen.",
                        "Le modèle logique tiré des objectifs du projet (partie 3) : ce qu'il "
                        "fait, ce que cela doit produire et ce que cela doit changer.",
                        "The logic model from the project's objectives (part 3): what it does, "
                        "what that should produce and what that should change."),
    "mech_does": ("**Wat het project doet**: {objectives}", "**Ce que fait le projet** : "
                  "{objectives}", "**What the project does**: {objectives}"),
    "mech_produces": ("**Wat het moet opleveren**: {objectives}", "**Ce que cela doit "
                      "produire** : {objectives}", "**What it should produce**: {objectives}"),
    "mech_changes": ("**Wat het moet veranderen**: {objectives}", "**Ce que cela doit "
                     "changer** : {objectives}", "**What it should change**: {objectives}"),
    "mech_objective": ("{id} ({level}) «{text}», gemeten met {indicator}", "{id} ({level}) "
                       "« {text} », mesuré par {indicator}", "{id} ({level}) “{text}”, "
                       "measured by {indicator}"),
    "mech_missing_process": ("geen doelstelling op een procesindicator (activiteiten, inzet): "
                             "ontbreekt", "aucun objectif sur un indicateur de processus "
                             "(activités, moyens) : manque", "no objective on a process "
                             "indicator (activities, staffing): missing"),
    "mech_missing_output": ("geen doelstelling op een outputindicator (bereik, contacten, "
                            "doorverwijzingen): ontbreekt", "aucun objectif sur un indicateur "
                            "de réalisation (public atteint, contacts, orientations) : manque",
                            "no objective on an output indicator (reach, contacts, "
                            "referrals): missing"),
    "mech_missing_impact": ("geen doelstelling op een impactindicator (overlast, meldingen): "
                            "ontbreekt, dus zegt het logische model niet welk probleem moet "
                            "dalen", "aucun objectif sur un indicateur d'impact (nuisances, "
                            "plaintes) : manque, le modèle logique ne dit donc pas quel "
                            "problème doit baisser", "no objective on an impact indicator "
                            "(nuisance, complaints): missing, so the logic model does not say "
                            "which problem should fall"),
    "mech_other": ("Doelstellingen op andere indicatoren (context of bevraging): {indicators}.",
                   "Objectifs sur d'autres indicateurs (contexte ou enquête) : {indicators}.",
                   "Objectives on other indicators (context or survey): {indicators}."),
    "mech_no_objectives": ("Geen doelstellingen in de gegevens: het mechanisme kan niet "
                           "beschreven worden. Ontbreekt: de doelstellingen van het project "
                           "met hun indicator.", "Aucun objectif dans les données : le "
                           "mécanisme ne peut pas être décrit. Manque : les objectifs du projet "
                           "avec leur indicateur.", "No objectives in the data: the mechanism "
                           "cannot be described. Missing: the project's objectives with their "
                           "indicator."),
}  # fmt: skip

_MODERATORS = {
    "h_moderators": ("Moderatoren", "Modérateurs", "Moderators"),
    "moderators_intro": ("Waar het project loopt: de gemeente, haar contextcijfers (deel 7) "
                         "tegenover die van het gewest, en de COVID-19-periode.",
                         "Où le projet se déroule : la commune, ses chiffres de contexte "
                         "(partie 7) comparés à ceux de la région, et la période de COVID-19.",
                         "Where the project runs: the municipality, its context figures (part "
                         "7) against those of the region, and the COVID-19 period."),
    "mod_profile": ("**{name}** ({province}, {region}): {n} inwoners (1 januari {year}).",
                    "**{name}** ({province}, {region}) : {n} habitants (1er janvier {year}).",
                    "**{name}** ({province}, {region}): {n} inhabitants (1 January {year})."),
    "mod_context": ("{indicator}, {year}: {rate}; {region}: {group} per "
                    "1.000 (de gemeenten met een getoond jaarcijfer).",
                    "{indicator}, {year} : {rate} ; {region} : {group} "
                    "pour 1 000 (les communes dont le chiffre annuel est affiché).",
                    "{indicator}, {year}: {rate}; {region}: {group} per "
                    "1,000 (the municipalities whose yearly figure is shown)."),
    "mod_rate": ("{rate} per 1.000 inwoners", "{rate} pour 1 000 habitants",
                 "{rate} per 1,000 inhabitants"),
    "mod_context_alone": ("{indicator}, {year}: {rate}; geen cijfer voor "
                          "het {region} (te weinig gemeenten met een volledig jaar).",
                          "{indicator}, {year} : {rate} ; pas de chiffre "
                          "pour la {region} (trop peu de communes avec une année complète).",
                          "{indicator}, {year}: {rate}; no figure for the "
                          "{region} (too few municipalities with a full year)."),
    "mod_no_context": ("Geen contextcijfers met een volledig jaar: ontbreekt (bijvoorbeeld "
                       "politiestatistieken).", "Pas de chiffres de contexte sur une année "
                       "complète : manque (par exemple les statistiques policières).", "No "
                       "context figures with a full year: missing (police statistics, for "
                       "example)."),
    "mod_covid": ("{id}: {n} van de {total} maanden van het project in de COVID-19-periode "
                  "({first} tot {last}); deel 5 toont de schatting met en zonder die maanden.",
                  "{id} : {n} mois du projet sur {total} dans la période de COVID-19 ({first} à "
                  "{last}) ; la partie 5 montre l'estimation avec et sans ces mois.",
                  "{id}: {n} of the project's {total} months in the COVID-19 period ({first} to "
                  "{last}); part 5 shows the estimate with and without those months."),
    "mod_covid_none": ("{id}: geen van de {total} maanden van het project valt in de "
                       "COVID-19-periode ({first} tot {last}).", "{id} : aucun des {total} mois "
                       "du projet ne tombe dans la période de COVID-19 ({first} à {last}).",
                       "{id}: none of the project's {total} months falls in the COVID-19 "
                       "period ({first} to {last})."),
    "mod_covid_unknown": ("{id}: geen startdatum of geen maandgegevens, dus niet te zeggen of "
                          "het project in de COVID-19-periode ({first} tot {last}) liep.",
                          "{id} : pas de date de début ou pas de données mensuelles, on ne "
                          "peut donc pas dire si le projet a eu lieu pendant la période de "
                          "COVID-19 ({first} à {last}).", "{id}: no start date or no monthly "
                          "data, so it cannot be said whether the project ran in the COVID-19 "
                          "period ({first} to {last})."),
    "mod_missing": ("Niet in de gegevens: bevolkingsdichtheid en stedelijkheidsgraad, en hoe "
                    "de doelgroep of de buurt van het project verschilt van de gemeente.",
                    "Absent des données : densité de population et degré d'urbanisation, et ce "
                    "qui distingue le groupe cible ou le quartier du projet du reste de la "
                    "commune.", "Not in the data: population density and degree of "
                    "urbanisation, and how the project's target group or neighbourhood differs "
                    "from the municipality."),
}  # fmt: skip

_IMPLEMENTATION = {
    "h_implementation": ("Implementatie", "Mise en œuvre", "Implementation"),
    "implementation_intro": ("Uitgevoerd zoals gepland? Per aspect de laatste waarde (deel 4) "
                             "en de doelstelling erop met haar status (deel 3).",
                             "Réalisé comme prévu ? Par aspect, la dernière valeur (partie 4) et "
                             "l'objectif qui le concerne avec son statut (partie 3).",
                             "Delivered as planned? Per aspect the latest value (part 4) and "
                             "the objective on it with its status (part 3)."),
    "impl_line": ("**{aspect}** ({indicator}): {realised} {objectives}", "**{aspect}** "
                  "({indicator}) : {realised} {objectives}", "**{aspect}** ({indicator}): "
                  "{realised} {objectives}"),
    "impl_fidelity": ("Uitvoeringsgetrouwheid", "Fidélité de mise en œuvre", "Fidelity"),
    "impl_reach": ("Bereik", "Public atteint", "Reach"),
    "impl_partnership": ("Partnerschap", "Partenariat", "Partnership"),
    "impl_staffing": ("Personeelsinzet", "Effectif", "Staffing"),
    "impl_ratio": ("{value} in {period} ({num} van {den}).", "{value} en {period} ({num} sur "
                   "{den}).", "{value} in {period} ({num} of {den})."),
    "impl_value": ("{value} in {period}.", "{value} en {period}.", "{value} in {period}."),
    "impl_hidden": ("{hidden} in {period} (kleine aantallen).", "{hidden} en {period} (petits "
                    "nombres).", "{hidden} in {period} (small numbers)."),
    "impl_not_registered": ("niet geregistreerd.", "non enregistré.", "not registered."),
    "impl_no_objective": ("Geen doelstelling op deze indicator.", "Aucun objectif sur cet "
                          "indicateur.", "No objective on this indicator."),
    "impl_objective": ("Doelstelling {id}{indicator}: {target} tegen {period}, {status}.",
                       "Objectif {id}{indicator} : {target} pour {period}, {status}.",
                       "Objective {id}{indicator}: {target} by {period}, {status}."),
}  # fmt: skip

_COST = {
    "h_cost": ("Economische kost", "Coût économique", "Economic cost"),
    "cost_intro": ("Het uitgegeven budget (P02N, per kalenderjaar, vanaf de start van het "
                   "project, voorbereiding inbegrepen) tegenover de vermeden incidenten: over de "
                   "maanden na de start, wat het model zonder project verwachtte min wat "
                   "geregistreerd werd. Het interval is dat van de niveauverandering van deel "
                   "5. Een kost per vermeden incident rekent de hele kost toe aan die ene "
                   "indicator.", "Le budget dépensé (P02N, par année civile, depuis le début du "
                   "projet, préparation comprise) face aux incidents évités : sur les mois "
                   "après le début, ce que le modèle attendait sans projet moins ce qui a été "
                   "enregistré. L'intervalle est celui du changement de niveau de la partie 5. "
                   "Un coût par incident évité impute tout le coût à ce seul indicateur.",
                   "The budget spent (P02N, per calendar year, from the project's start, "
                   "preparation included) against the incidents prevented: over the months "
                   "after the start, what the model expected without the project less what "
                   "was registered. The interval is that of the level change of part 5. A cost "
                   "per incident prevented charges the whole cost to that one indicator."),
    "cost_budget": ("Uitgegeven budget, {first} tot {last}: {total} euro.", "Budget dépensé, "
                    "{first} à {last} : {total} euros.", "Budget spent, {first} to {last}: "
                    "{total} euro."),
    "cost_budget_missing": ("Geen uitgegeven budget geregistreerd voor {years}: de kost is "
                            "te laag.", "Aucun budget dépensé enregistré pour {years} : le "
                            "coût est sous-estimé.", "No budget spent registered for {years}: "
                            "the cost is too low."),
    "cost_budget_none": ("Uitgegeven budget: niet geregistreerd (P02N per jaar): geen kost te "
                         "berekenen.", "Budget dépensé : non enregistré (P02N par année) : "
                         "aucun coût ne peut être calculé.", "Budget spent: not registered "
                         "(P02N per year): no cost can be computed."),
    "cost_budget_hidden": ("Uitgegeven budget: afgeschermd in de gegevens.", "Budget dépensé : "
                           "masqué dans les données.", "Budget spent: hidden in the data."),
    "cost_no_its": ("Geen schatting van een effect (zie Effect): geen vermeden incidenten en "
                    "geen kost per incident.", "Pas d'estimation d'un effet (voir Effet) : ni "
                    "incidents évités ni coût par incident.", "No estimate of an effect (see "
                    "Effect): no incidents prevented and no cost per incident."),
    "cost_hidden": ("Vermeden incidenten ({indicator}, {first} tot {last}, {months} maanden): "
                    "niet getoond, want sommige maandcijfers zijn afgeschermd (kleine "
                    "aantallen) en het getal zou ze verraden; dus ook geen kost per incident.",
                    "Incidents évités ({indicator}, {first} à {last}, {months} mois) : non "
                    "affichés, car certains chiffres mensuels sont masqués (petits nombres) et "
                    "ce total les révélerait ; pas de coût par incident non plus.", "Incidents "
                    "prevented ({indicator}, {first} to {last}, {months} months): not shown, "
                    "because some monthly figures are hidden (small numbers) and the total "
                    "would reveal them; so no cost per incident either."),
    "cost_prevented": ("Vermeden incidenten ({indicator}, {first} tot {last}, {months} "
                       "maanden): ongeveer {value} (interval {low} tot {high}).", "Incidents "
                       "évités ({indicator}, {first} à {last}, {months} mois) : environ {value} "
                       "(intervalle {low} à {high}).", "Incidents prevented ({indicator}, "
                       "{first} to {last}, {months} months): about {value} (interval {low} to "
                       "{high})."),
    "cost_slope": ("Het model schat ook een verandering van de trend; het interval houdt alleen "
                   "rekening met de onzekerheid van het niveau en is dus te smal.", "Le modèle "
                   "estime aussi un changement de tendance ; l'intervalle ne tient compte que de "
                   "l'incertitude du niveau et est donc trop étroit.", "The model also estimates "
                   "a change in trend; the interval only carries the uncertainty of the level, so "
                   "it is too narrow."),
    "cost_per_incident": ("Kost per vermeden incident: ongeveer {value} euro (interval {low} "
                          "tot {high} euro).", "Coût par incident évité : environ {value} euros "
                          "(intervalle {low} à {high} euros).", "Cost per incident prevented: "
                          "about {value} euro (interval {low} to {high} euro)."),
    "cost_chance": ("Geen kost per vermeden incident: het interval bevat nul, de verandering "
                    "kan toeval zijn.", "Aucun coût par incident évité ne peut être donné : "
                    "l'intervalle contient zéro, le changement peut être dû au hasard.", "No "
                    "cost per incident can be given: the interval includes zero, the change "
                    "may be chance."),
    "cost_chance_slope": ("Geen kost per vermeden incident: het interval van de "
                          "niveauverandering of van de trendverandering bevat geen verandering, "
                          "de verandering kan toeval zijn.", "Aucun coût par incident évité ne "
                          "peut être donné : l'intervalle du changement de niveau ou de celui de "
                          "la tendance contient l'absence de changement, le changement peut être "
                          "dû au hasard.", "No cost per incident can be given: the interval of "
                          "the change in level or in trend includes no change, the change may be "
                          "chance."),
    "cost_increase": ("Geen kost per vermeden incident: er werden meer incidenten "
                      "geregistreerd dan verwacht ({indicator}).", "Aucun coût par incident "
                      "évité : plus d'incidents ont été enregistrés que prévu ({indicator}).",
                      "No cost per incident prevented: more incidents were registered than "
                      "expected ({indicator})."),
    "cost_no_budget": ("Geen kost per vermeden incident: geen uitgegeven budget.", "Aucun coût "
                       "par incident évité : pas de budget dépensé.", "No cost per incident "
                       "prevented: no budget spent."),
}  # fmt: skip

#: Every text of the EMMIE section, by key: (nl, fr, en).
EVIDENCE: dict[str, tuple[str, str, str]] = {
    **_INTRO,
    **_MECHANISM,
    **_MODERATORS,
    **_IMPLEMENTATION,
    **_COST,
}
