"""The words of how strong a report's findings are (issue 17): the falsification checks per
finding, the rating, the designs side by side and the pairing of an effort indicator, in Dutch,
French and English.

Data for translators, merged into :data:`socprev_kit.reports.texts.TEXTS`; the conventions are
those of :mod:`socprev_kit.reports.texts`. The sentences on a check's result and on the rating
themselves come from :mod:`socprev_kit.evaluation.interpretation.texts`.
"""

from __future__ import annotations

__all__ = ["STRENGTH"]

STRENGTH = {
    "effort_paired": (
        "Let op: de indicator “{indicator}” hangt ook af van de inzet van politie en diensten "
        "(meer controles of vaststellingen registreren meer). Een verandering zegt dus niet "
        "alleen iets over het probleem; lees ze samen met {pairs}.",
        "Attention : l'indicateur « {indicator} » dépend aussi de l'effort de la police et des "
        "services (plus de contrôles ou de constats enregistrent plus). Un changement ne dit "
        "donc pas seulement quelque chose du problème ; lisez-le avec {pairs}.",
        "Note: the indicator “{indicator}” also depends on the effort of police and services "
        "(more controls or observations register more). A change therefore says more than "
        "something about the problem; read it with {pairs}.",
    ),
    "effort_alone": (
        "Let op: de indicator “{indicator}” hangt ook af van de inzet van politie en diensten "
        "(meer controles of vaststellingen registreren meer). Het project registreert geen "
        "klachten of overlast die daar niet van afhangen, dus deze verandering kan niet gelezen "
        "worden als een verandering van het probleem.",
        "Attention : l'indicateur « {indicator} » dépend aussi de l'effort de la police et des "
        "services (plus de contrôles ou de constats enregistrent plus). Le projet n'enregistre "
        "ni plaintes ni nuisances qui n'en dépendent pas : ce changement ne peut donc pas être "
        "lu comme un changement du problème.",
        "Note: the indicator “{indicator}” also depends on the effort of police and services "
        "(more controls or observations register more). The project registers no complaints or "
        "nuisance that do not depend on it, so this change cannot be read as a change in the "
        "problem.",
    ),
    "effort_pair": (
        "“{name}” ({change}; 95 %-interval {low} tot {high})",
        "« {name} » ({change} ; intervalle à 95 % de {low} à {high})",
        "“{name}” ({change}; 95% interval {low} to {high})",
    ),
    "effort_pair_none": (
        "“{name}” (geen schatting)",
        "« {name} » (pas d'estimation)",
        "“{name}” (no estimate)",
    ),
    "pairs_and": (" en ", " et ", " and "),
    "h_designs": (
        "Eén verandering, vier opzetten",
        "Un changement, quatre plans d'évaluation",
        "One change, four designs",
    ),
    "designs_intro": (
        "Dezelfde verandering, geschat op vier manieren: geen enkel model draagt de conclusie "
        "alleen. Elke stip is de geschatte verandering na de start, de lijn haar 95 %-interval; "
        "ligt de lijn helemaal links of rechts van 0 %, dan is de verandering duidelijk.",
        "Le même changement, estimé de quatre façons : aucun modèle ne porte seul la "
        "conclusion. Chaque point est le changement estimé après le début, le trait son "
        "intervalle à 95 % ; si le trait est entièrement à gauche ou à droite de 0 %, le "
        "changement est net.",
        "The same change, estimated in four ways: no single model carries the conclusion. Each "
        "dot is the estimated change after the start, the line its 95% interval; when the line "
        "lies wholly left or right of 0%, the change is clear.",
    ),
    "design_its": (
        "Onderbroken tijdreeks (deze reeks alleen)",
        "Série temporelle interrompue (cette série seule)",
        "Interrupted time series (this series alone)",
    ),
    "design_controlled_its": (
        "Gecontroleerde tijdreeks (met de vergelijkingsgemeenten)",
        "Série temporelle contrôlée (avec les communes de comparaison)",
        "Controlled time series (with the comparison municipalities)",
    ),
    "design_did": (
        "Verschil-in-verschillen (vóór en na, met de vergelijkingsgemeenten)",
        "Différence de différences (avant et après, avec les communes de comparaison)",
        "Difference-in-differences (before and after, with the comparison municipalities)",
    ),
    "design_synthetic": (
        "Synthetische vergelijking (gewogen gemeenten zonder project)",
        "Comparaison synthétique (communes sans projet, pondérées)",
        "Synthetic comparison (weighted municipalities without a project)",
    ),
    "design_no_comparison": (
        "niet mogelijk: het project noemt geen vergelijkingsgemeenten",
        "impossible : le projet ne désigne pas de communes de comparaison",
        "not possible: the project names no comparison municipalities",
    ),
    "design_no_donors": (
        "niet mogelijk: te weinig gemeenten zonder eigen project met genoeg maanden",
        "impossible : trop peu de communes sans projet propre avec assez de mois",
        "not possible: too few municipalities without a project of their own with enough months",
    ),
    "design_unfit": (
        "niet mogelijk: het model kon niet geschat worden",
        "impossible : le modèle n'a pas pu être estimé",
        "not possible: the model could not be estimated",
    ),
    "design_no_interval": (
        "geen interval: te weinig vergelijkingsgemeenten voor de placebo's",
        "pas d'intervalle : trop peu de communes pour les placebos",
        "no interval: too few municipalities for the placebos",
    ),
    "col_design": ("Opzet", "Plan d'évaluation", "Design"),
    "col_rating": ("Sterkte (Maryland, 1-5)", "Force (Maryland, 1-5)", "Strength (Maryland, 1-5)"),
    "col_weight": ("Gewicht", "Poids", "Weight"),
    "did_note": (
        "Het verschil-in-verschillen telt de maanden als onafhankelijk; zijn interval is daarom "
        "smaller dan het zou moeten zijn als opeenvolgende maanden op elkaar lijken.",
        "La différence de différences compte les mois comme indépendants ; son intervalle est "
        "donc plus étroit qu'il ne devrait l'être si des mois successifs se ressemblent.",
        "The difference-in-differences counts the months as independent; its interval is "
        "therefore narrower than it should be when successive months resemble each other.",
    ),
    "designs_agree_down": (
        "De opzetten zijn het eens: bij elk ligt het interval onder 0 % (een daling).",
        "Les plans d'évaluation concordent : pour chacun, l'intervalle est sous 0 % (une baisse).",
        "The designs agree: each interval lies below 0% (a fall).",
    ),
    "designs_agree_up": (
        "De opzetten zijn het eens: bij elk ligt het interval boven 0 % (een stijging).",
        "Les plans d'évaluation concordent : pour chacun, l'intervalle est au-dessus de 0 % "
        "(une hausse).",
        "The designs agree: each interval lies above 0% (a rise).",
    ),
    "designs_agree_none": (
        "De opzetten zijn het eens: geen enkele toont een duidelijke verandering (elk interval "
        "omvat 0 %).",
        "Les plans d'évaluation concordent : aucun ne montre de changement net (chaque "
        "intervalle comprend 0 %).",
        "The designs agree: none shows a clear change (each interval includes 0%).",
    ),
    "designs_partly": (
        "De opzetten zijn het maar gedeeltelijk eens: sommige tonen een duidelijke verandering, "
        "andere niet. Lees de verandering daarom voorzichtig.",
        "Les plans d'évaluation ne concordent qu'en partie : certains montrent un changement "
        "net, d'autres non. Lisez donc le changement avec prudence.",
        "The designs agree only in part: some show a clear change, others do not. Read the "
        "change with caution.",
    ),
    "designs_conflict": (
        "De opzetten spreken elkaar tegen: sommige tonen een daling, andere een stijging. Uit "
        "deze gegevens volgt geen conclusie over het effect.",
        "Les plans d'évaluation se contredisent : certains montrent une baisse, d'autres une "
        "hausse. Ces données ne permettent pas de conclure sur l'effet.",
        "The designs contradict each other: some show a fall, others a rise. No conclusion on "
        "the effect follows from these data.",
    ),
    "designs_one": (
        "Slechts één opzet kon gebruikt worden; er is geen tweede om de verandering mee te "
        "toetsen.",
        "Un seul plan d'évaluation a pu être utilisé ; il n'y en a pas de second pour vérifier "
        "le changement.",
        "Only one design could be used; there is no second one to check the change against.",
    ),
    "rating_cell": ("niveau {level}/5", "niveau {level}/5", "level {level}/5"),
    "weights_list": (
        "De synthetische vergelijking is een gewogen gemiddelde van: {weights}.",
        "La comparaison synthétique est une moyenne pondérée de : {weights}.",
        "The synthetic comparison is a weighted average of: {weights}.",
    ),
    "weights_rest": (
        "{n} andere gemeenten samen {weight}",
        "{n} autres communes ensemble {weight}",
        "{n} other municipalities together {weight}",
    ),
    "checks_of": (
        "Controles op een schijneffect en sterkte van het bewijs: {indicator}",
        "Contrôles d'un effet factice et force de la preuve : {indicator}",
        "Checks for a spurious effect and strength of evidence: {indicator}",
    ),
    "checks_no_claim": (
        "Er is geen duidelijke verandering om te toetsen: de controles hierboven tonen alleen "
        "hoe gewoon een verandering van deze grootte is zonder project.",
        "Il n'y a pas de changement net à vérifier : les contrôles ci-dessus montrent "
        "seulement à quel point un changement de cette taille est courant sans projet.",
        "There is no clear change to check: the checks above only show how common a change of "
        "this size is without a project.",
    ),
    "design_rating": ("{design}: {rating}", "{design} : {rating}", "{design}: {rating}"),
    "list_sep": ("; ", " ; ", "; "),
    "power_seen": (
        "Met {after} maanden na de start kon deze analyse {change} van {mde} of meer zichtbaar "
        "maken (met 80 % kans); kleinere veranderingen niet.",
        "Avec {after} mois après le début, cette analyse pouvait rendre visible {change} de "
        "{mde} ou plus (avec 80 % de chances) ; des changements plus petits, non.",
        "With {after} months after the start, this analysis could make {change} of {mde} or "
        "more visible (with an 80% chance); smaller changes not.",
    ),
    "power_down": ("een daling", "une baisse", "a fall"),
    "power_up": ("een stijging", "une hausse", "a rise"),
    "power_none": ("een verandering", "un changement", "a change"),
}
