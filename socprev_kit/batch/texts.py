"""The words of the problems that stop a batch before it starts, in Dutch, French and English.

:data:`PLAN_TEXTS` maps a problem to a template per language; :func:`plan_message` writes one
error of a :class:`~.errors.BatchPlanError` in a language (the English text of each error stays
its ``str``). For translators: keep every ``{placeholder}``; write plain spaces (the French
no-break spaces are added by :func:`socprev_kit.common.formatting.no_break_spaces`); keep option
names (``--notebook``) and the tag ``parameters`` as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..common.errors import SocprevError, UnknownMunicipalityError
from ..common.formatting import LANGS, Lang, no_break_spaces
from .errors import (
    DataPathError,
    DataReadError,
    NotebookNotFoundError,
    NotebookParameterError,
    NothingToReportError,
    UnknownGroupError,
    UnknownLanguageError,
    UnknownProjectError,
)

__all__ = ["PLAN_TEXTS", "plan_heading", "plan_message", "reader_langs"]

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


def _fill(key: str, lang: Lang, **fields: object) -> str:
    return no_break_spaces(PLAN_TEXTS[key][lang], lang).format(**fields)


def _hint(suggestions: Sequence[str], lang: Lang) -> str:
    return _fill("did_you_mean", lang, suggestions=", ".join(suggestions)) if suggestions else ""


def _parts(error: NotebookParameterError, lang: Lang) -> str:
    given = {"unknown": error.unknown, "missing": error.missing, "reserved": error.reserved}
    return "; ".join(_fill(k, lang, names=", ".join(v)) for k, v in given.items() if v)


def plan_heading(n: int, lang: Lang) -> str:
    """ "The batch cannot start (n problems):" in ``lang``."""
    return _fill("plan", lang, n=n)


def plan_message(error: SocprevError, lang: Lang) -> str:
    """One problem of a plan in ``lang``; an error without a translation keeps its own text."""
    e, g = error, lang
    if isinstance(e, UnknownMunicipalityError):
        return _fill("unknown_municipality", g, query=repr(e.query), hint=_hint(e.suggestions, g))
    if isinstance(e, UnknownProjectError):
        return _fill("unknown_project", g, query=repr(e.query), hint=_hint(e.suggestions, g))
    if isinstance(e, UnknownGroupError):
        choices = ", ".join(e.choices[:12]) + (" ..." if len(e.choices) > 12 else "")
        kind = PLAN_TEXTS[e.kind][g] if e.kind in PLAN_TEXTS else e.kind
        return _fill("unknown_group", g, kind=kind, query=repr(e.query), choices=choices)
    if isinstance(e, UnknownLanguageError):
        return _fill("unknown_language", g, code=repr(e.lang))
    if isinstance(e, NotebookParameterError):
        return _fill("notebook_parameters", g, notebook=e.notebook, parts=_parts(e, g))
    if isinstance(e, NotebookNotFoundError):
        option = "--project-notebook" if e.kind == "project" else "--notebook"
        return _fill("notebook_not_found", g, kind=e.kind, path=e.path, option=option)
    if isinstance(e, DataReadError):
        return _fill("data_read", g, path=e.path, reason=e.reason)
    if isinstance(e, DataPathError | NothingToReportError):
        key = "data_path" if isinstance(e, DataPathError) else "nothing"
        return _fill(key, g, path=e.path)
    return str(e)


def reader_langs(langs: Sequence[str]) -> list[Lang]:
    """The language to tell a user why a batch cannot start: the first valid report language
    asked for (``--lang fr nl``: French), or all three when none is valid."""
    valid = [g for g in langs if g in LANGS]
    return [valid[0]] if valid else list(LANGS)  # type: ignore[list-item]
