"""The words of the problems that stop a batch before it starts, in Dutch, French and English.

:data:`PLAN_TEXTS` maps a problem to a template per language; :func:`plan_text` fills one in,
and :func:`.errors.plan_message` writes one error of a :class:`~.errors.BatchPlanError` with it
(the English text of each error stays its ``str``). For translators: keep every
``{placeholder}``; write plain spaces (the French no-break spaces are added by
:func:`socprev_kit.common.formatting.no_break_spaces`); keep option names (``--notebook``) and
the tag ``parameters`` as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..common.formatting import LANGS, Lang, no_break_spaces

__all__ = ["PLAN_TEXTS", "plan_heading", "plan_text", "reader_langs"]

PLAN_TEXTS: dict[str, dict[str, str]] = {
    "plan": {
        "nl": "De batch kan niet starten ({n} probleem/problemen):",
        "fr": "Le lot de rapports ne peut pas démarrer ({n} problème(s)) :",
        "en": "The batch cannot start ({n} problem(s)):",
    },
    "did_you_mean": {
        "nl": " Bedoelde u: {suggestions}?",
        "fr": " Vouliez-vous dire : {suggestions} ?",
        "en": " Did you mean: {suggestions}?",
    },
    "unknown_municipality": {
        "nl": "Onbekende gemeente {query}.{hint} Geef een NIS-code van 5 cijfers of de "
        "Nederlandse of Franse naam.",
        "fr": "Commune inconnue : {query}.{hint} Indiquez un code INS à 5 chiffres ou le nom "
        "français ou néerlandais.",
        "en": "Unknown municipality {query}.{hint} Use a 5-digit NIS code or the Dutch or French "
        "name.",
    },
    "unknown_project": {
        "nl": "Onbekend project {query}: het staat niet in de gegevens.{hint}",
        "fr": "Projet inconnu : {query} ne figure pas dans les données.{hint}",
        "en": "Unknown project {query}: it is not in the data.{hint}",
    },
    "unknown_group": {
        "nl": "Onbekende {kind} {query}. Kies uit: {choices}",
        "fr": "{kind} inconnue : {query}. Choisissez parmi : {choices}",
        "en": "Unknown {kind} {query}. Choose one of: {choices}",
    },
    "province": {"nl": "provincie", "fr": "Province", "en": "province"},
    "region": {"nl": "gewest", "fr": "Région", "en": "region"},
    "police zone": {"nl": "politiezone", "fr": "Zone de police", "en": "police zone"},
    "unknown_language": {
        "nl": "Onbekende rapporttaal {code}; gebruik nl (Nederlands), fr (Frans) of en (Engels).",
        "fr": "Langue de rapport inconnue : {code} ; utilisez nl (néerlandais), fr (français) "
        "ou en (anglais).",
        "en": "Unknown report language {code}; use nl (Dutch), fr (French) or en (English).",
    },
    "notebook_parameters": {
        "nl": "Notebook {notebook}: {parts}. De parametercel (tag 'parameters') moet elke "
        "parameter declareren die de batch doorgeeft; controleer de schrijfwijze van --param.",
        "fr": "Notebook {notebook} : {parts}. La cellule des paramètres (tag 'parameters') doit "
        "déclarer chaque paramètre que le lot transmet ; vérifiez l'orthographe de --param.",
        "en": "Notebook {notebook}: {parts}. The parameters cell (tag 'parameters') must declare "
        "every parameter the batch passes.",
    },
    "unknown": {
        "nl": "onbekende parameter(s) {names}",
        "fr": "paramètre(s) inconnu(s) {names}",
        "en": "unknown parameter(s) {names}",
    },
    "missing": {
        "nl": "ontbrekende parameter(s) {names}",
        "fr": "paramètre(s) manquant(s) {names}",
        "en": "missing parameter(s) {names}",
    },
    "reserved": {
        "nl": "{names} zet de batch zelf (gebruik de opties van de batch)",
        "fr": "{names} est fixé par le lot lui-même (utilisez les options du lot)",
        "en": "{names} set by the batch itself (use the batch's options)",
    },
    "notebook_not_found": {
        "nl": "Geen rapportnotebook ({kind}) op {path}; geef er een met {option} PAD.",
        "fr": "Pas de notebook de rapport ({kind}) à l'emplacement {path} ; indiquez-en un avec "
        "{option} CHEMIN.",
        "en": "No {kind} report notebook at {path}; pass one with {option} PATH.",
    },
    "data_path": {
        "nl": "Het gegevenspad {path} bestaat niet; geef met --data een bestand of map met "
        "registraties.",
        "fr": "Le chemin des données {path} n'existe pas ; indiquez avec --data un fichier ou un "
        "dossier d'enregistrements.",
        "en": "The data path {path} does not exist.",
    },
    "data_read": {
        "nl": "De gegevens in {path} konden niet gelezen worden ({reason}). Controleer ze met "
        "socprev-kit validate {path}.",
        "fr": "Les données de {path} n'ont pas pu être lues ({reason}). Vérifiez-les avec "
        "socprev-kit validate {path}.",
        "en": "The data in {path} could not be read ({reason}). Check them with socprev-kit "
        "validate {path}.",
    },
    "nothing": {
        "nl": "Niets om te rapporteren: geen registraties in {path}.",
        "fr": "Rien à rapporter : aucun enregistrement dans {path}.",
        "en": "Nothing to report: no registrations in {path}.",
    },
}


def plan_text(key: str, lang: Lang, **fields: object) -> str:
    """The text ``key`` of :data:`PLAN_TEXTS` in ``lang``, with its ``{fields}`` filled in."""
    return no_break_spaces(PLAN_TEXTS[key][lang], lang).format(**fields)


def plan_heading(n: int, lang: Lang) -> str:
    """ "The batch cannot start (n problems):" in ``lang``."""
    return plan_text("plan", lang, n=n)


def reader_langs(langs: Sequence[str]) -> list[Lang]:
    """The language to tell a user why a batch cannot start: the first valid report language
    asked for (``--lang fr nl``: French), or all three when none is valid."""
    valid = [g for g in langs if g in LANGS]
    return [valid[0]] if valid else list(LANGS)  # type: ignore[list-item]
