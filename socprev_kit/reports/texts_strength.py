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
}
