"""The words of every report parameter error, in Dutch, French and English.

:data:`PARAMETER_TEXTS` maps a problem to a template per language; :func:`parameter_message`
starts it with the parameter and the value typed (``head``) and fills in the fields. The code that
finds the problems is :mod:`socprev_kit.reports.params`. For translators: keep every
``{placeholder}`` (a test checks that they match); write plain spaces (the French no-break
spaces are added by :func:`socprev_kit.common.formatting.no_break_spaces`); say what is wrong and
how to fix it in words a prevention worker understands, naming the parameter as it is written in the
notebook (``nis_code``, ``period_start`` ...).

Fields: a field given as ``{lang: value}`` is taken in the message's language; a list or tuple is
written as a list (``a, b, c ... (42 in all)``); ``suggestions`` (near misses, may be empty)
becomes the ``{hint}`` "Did you mean: ...?".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..common.formatting import LANGS, Lang, check_lang, no_break_spaces

__all__ = ["PARAMETER_TEXTS", "parameter_message", "all_languages"]

#: How many items of a list a message shows.
LISTED = 30

PARAMETER_TEXTS: dict[str, dict[str, str]] = {
    "head": {
        "nl": "Parameter {parameter}={value}: ",
        "fr": "Paramètre {parameter}={value} : ",
        "en": "Parameter {parameter}={value}: ",
    },
    "did_you_mean": {
        "nl": " Bedoelde u: {suggestions}?",
        "fr": " Vouliez-vous dire : {suggestions} ?",
        "en": " Did you mean: {suggestions}?",
    },
    "more": {
        "nl": "{shown} ... ({n} in totaal)",
        "fr": "{shown} ... ({n} au total)",
        "en": "{shown} ... ({n} in all)",
    },
    "lang": {
        "nl": "de kit schrijft rapporten in 'nl' (Nederlands), 'fr' (Frans) of 'en' (Engels); "
        "kies een van die drie.",
        "fr": "le kit écrit les rapports en 'nl' (néerlandais), 'fr' (français) ou 'en' "
        "(anglais) ; choisissez l'une de ces trois langues.",
        "en": "the kit writes reports in 'nl' (Dutch), 'fr' (French) or 'en' (English); "
        "use one of these three.",
    },
    "covid": {
        "nl": "kies 'both' (met en zonder de COVID-19-maanden), 'include' (met) of 'exclude' "
        "(zonder, en nog eens met).",
        "fr": "choisissez 'both' (avec et sans les mois de COVID-19), 'include' (avec) ou "
        "'exclude' (sans, et encore une fois avec).",
        "en": "use 'both' (with and without the COVID-19 months), 'include' (with) or 'exclude' "
        "(without, and once more with).",
    },
    "period_format": {
        "nl": "schrijf een maand als JJJJ-MM (bv. 2024-01) of een jaar als JJJJ (bv. 2024), "
        "of laat leeg voor alle gegevens.",
        "fr": "écrivez un mois sous la forme AAAA-MM (p. ex. 2024-01) ou une année AAAA "
        "(p. ex. 2024), ou laissez vide pour toutes les données.",
        "en": "use a month YYYY-MM (e.g. 2024-01) or a year YYYY (e.g. 2024), or leave it "
        "empty for the whole data.",
    },
    "period_order": {
        "nl": "dit ligt vóór period_start={start}; draai de twee om.",
        "fr": "cette date précède period_start={start} ; inversez les deux.",
        "en": "it is before period_start={start}; swap them.",
    },
    "data_path": {
        "nl": "dit bestand of deze map bestaat niet (gezocht vanuit de map {cwd}); geef een "
        "bestand of map met registraties, of laat leeg voor de voorbeeldgegevens.",
        "fr": "ce fichier ou ce dossier n'existe pas (cherché à partir du dossier {cwd}) ; "
        "indiquez un fichier ou un dossier d'enregistrements, ou laissez vide pour les données "
        "d'exemple.",
        "en": "no such file or folder (working directory {cwd}); give a folder or file of "
        "registrations, or leave it empty for the sample data.",
    },
    "unknown_municipality": {
        "nl": "deze gemeente bestaat niet.{hint} Geef een NIS-code van 5 cijfers of de "
        "Nederlandse of Franse naam van een gemeente met gegevens.",
        "fr": "cette commune n'existe pas.{hint} Indiquez un code INS à 5 chiffres ou le nom "
        "français ou néerlandais d'une commune avec des données.",
        "en": "no such municipality.{hint} Give a 5-digit NIS code or the Dutch or French name "
        "of a municipality with data.",
    },
    "municipality_without_data": {
        "nl": "{name} ({nis}) heeft geen project en geen registraties in de gegevens. Kies een "
        "gemeente met gegevens: {choices}.",
        "fr": "{name} ({nis}) n'a ni projet ni enregistrement dans les données. Choisissez une "
        "commune avec des données : {choices}.",
        "en": "{name} ({nis}) has no project or registrations in the data. Municipalities with "
        "data: {choices}.",
    },
    "period_without_data": {
        "nl": "er zijn geen gegevens in de gevraagde periode; de gegevens lopen van {first} tot "
        "{last}. Kies een periode daarbinnen of laat de parameter leeg.",
        "fr": "il n'y a pas de données dans la période demandée ; les données vont de {first} à "
        "{last}. Choisissez une période dans cet intervalle ou laissez le paramètre vide.",
        "en": "no data in the period asked; the data run from {first} to {last}. Choose a "
        "period within them or leave the parameter empty.",
    },
    "unknown_project": {
        "nl": "dit project staat niet in de gegevens.{hint} Projecten in de gegevens: {choices}.",
        "fr": "ce projet ne figure pas dans les données.{hint} Projets dans les données : "
        "{choices}.",
        "en": "no such project in the data.{hint} Projects in the data: {choices}.",
    },
}


def _fill(key: str, lang: Lang, **fields: object) -> str:
    """A template with its no-break spaces (set before the fields: a value stays as typed)."""
    return no_break_spaces(PARAMETER_TEXTS[key][lang], lang).format(**fields)


def _listing(values: Sequence[object], lang: Lang) -> str:
    shown = ", ".join(str(v) for v in values[:LISTED])
    return _fill("more", lang, shown=shown, n=len(values)) if len(values) > LISTED else shown


def _field(value: object, lang: Lang) -> object:
    if isinstance(value, Mapping):
        value = value[lang]
    if isinstance(value, list | tuple):
        return _listing(value, lang)
    return value


def parameter_message(key: str, lang: Lang, parameter: str, value: object, **fields: object) -> str:
    """The message of problem ``key`` with parameter ``parameter`` set to ``value``, in ``lang``.

    >>> parameter_message("period_order", "en", "period_end", "2023", start="'2024'")
    "Parameter period_end='2023': it is before period_start='2024'; swap them."
    """
    check_lang(lang)
    words = {k: _field(v, lang) for k, v in fields.items()}
    suggestions = words.pop("suggestions", "")
    words["hint"] = _fill("did_you_mean", lang, suggestions=suggestions) if suggestions else ""
    return _fill("head", lang, parameter=parameter, value=repr(value)) + _fill(key, lang, **words)


def all_languages(key: str, parameter: str, value: object, **fields: object) -> str:
    """The message in Dutch, French and English, separated by `` / ``."""
    return " / ".join(parameter_message(key, g, parameter, value, **fields) for g in LANGS)
