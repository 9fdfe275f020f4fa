"""The words of the index pages, in Dutch, French and English (:mod:`.index`).

:data:`INDEX_TEXTS` maps a key to its text per language; :data:`COLUMN_LABELS` the columns of the
table (province and region names: :mod:`socprev_kit.data.reference.places`). For translators:
keep every ``{placeholder}``; a soft hyphen (``\u00ad``) says where a long column header may
break.
"""

from __future__ import annotations

from ..common.formatting import Lang, no_break_spaces

__all__ = [
    "COLUMN_LABELS",
    "INDEX_TEXTS",
    "LANG_NAMES",
    "STATUS_WORDS",
    "VALUE_LABELS",
    "index_text",
]

LANG_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}

INDEX_TEXTS: dict[str, dict[str, str]] = {
    "title": {"nl": "Rapporten", "fr": "Rapports", "en": "Reports"},
    "choose": {
        "nl": "Kies uw taal:",
        "fr": "Choisissez votre langue :",
        "en": "Choose a language:",
    },
    "n_reports": {"nl": "{n} rapporten", "fr": "{n} rapports", "en": "{n} reports"},
    "rating": {
        "nl": "bewijs: niveau {level}/5 (Maryland)",
        "fr": "preuve : niveau {level}/5 (Maryland)",
        "en": "evidence: level {level}/5 (Maryland)",
    },
    "in_folder": {
        "nl": "{n} rapporten in deze map, uit alle runs ({failed} mislukt).",
        "fr": "{n} rapports dans ce dossier, de toutes les exécutions ({failed} échoué(s)).",
        "en": "{n} reports in this folder, from every run ({failed} failed).",
    },
    "this_run": {
        "nl": "Deze run: {made} gemaakt, {up_to_date} ongewijzigd, {failed} mislukt.",
        "fr": "Cette exécution : {made} produit(s), {up_to_date} inchangé(s), {failed} échoué(s).",
        "en": "This run: {made} made, {up_to_date} up to date, {failed} failed.",
    },
    "data": {"nl": "Gegevens:", "fr": "Données :", "en": "Data:"},
    "files": {"nl": "Bestanden", "fr": "Fichiers", "en": "Files"},
    "summary": {
        "nl": "Overzichtstabel voor Excel (summary.csv)",
        "fr": "Tableau récapitulatif pour Excel (summary.csv)",
        "en": "Summary table for Excel (summary.csv)",
    },
    "summary_utf8": {
        "nl": "Overzichtstabel voor scripts (summary_utf8.csv, komma, decimaalpunt)",
        "fr": "Tableau récapitulatif pour scripts (summary_utf8.csv, virgule, point décimal)",
        "en": "Summary table for scripts (summary_utf8.csv, comma, decimal point)",
    },
    "issues": {
        "nl": "Problemen in de gegevens ({name})",
        "fr": "Problèmes dans les données ({name})",
        "en": "Problems in the data ({name})",
    },
    "overview": {"nl": "Nationaal overzicht", "fr": "Aperçu national", "en": "National overview"},
    "unread": {
        "nl": "Niet gelezen bestanden ({n})",
        "fr": "Fichiers non lus ({n})",
        "en": "Files not read ({n})",
    },
    "unread_note": {
        "nl": "De rapporten zijn gemaakt zonder deze bestanden.",
        "fr": "Les rapports sont produits sans ces fichiers.",
        "en": "The reports were made without these files.",
    },
    "file": {"nl": "Bestand", "fr": "Fichier", "en": "File"},
    "why": {"nl": "Waarom", "fr": "Pourquoi", "en": "Why"},
    "search": {
        "nl": "Zoeken (naam, NIS-code, project)",
        "fr": "Rechercher (nom, code INS, projet)",
        "en": "Search (name, NIS code, project)",
    },
    "all": {"nl": "alle", "fr": "tous", "en": "all"},
    "reset": {"nl": "Alles tonen", "fr": "Tout afficher", "en": "Show all"},
    "shown": {
        "nl": "{shown} van de {total} rapporten passen bij de keuze; {listed} staan hieronder.",
        "fr": "{shown} rapports sur {total} correspondent au choix ; {listed} sont affichés.",
        "en": "{shown} of {total} reports match; {listed} are shown below.",
    },
    "more": {"nl": "Toon er {n} meer", "fr": "Afficher {n} de plus", "en": "Show {n} more"},
    "everything": {"nl": "Toon alle {n}", "fr": "Afficher les {n}", "en": "Show all {n}"},
    "filters": {"nl": "Filteren", "fr": "Filtrer", "en": "Filter"},
    "sort_hint": {
        "nl": "Klik op een kolomkop om te sorteren.",
        "fr": "Cliquez sur un en-tête de colonne pour trier.",
        "en": "Click a column header to sort.",
    },
    "other_version": {
        "nl": "Nederlandse versie",
        "fr": "Version française",
        "en": "English version",
    },
    "notebook": {"nl": "notebook", "fr": "carnet", "en": "notebook"},
    "ci": {"nl": "95 %-BI", "fr": "IC 95 %", "en": "95% CI"},
    "to": {"nl": "tot", "fr": "à", "en": "to"},
}

#: The table's columns in order (the headline columns with a label; see ``store``).
COLUMN_LABELS: dict[str, dict[str, str]] = {
    "name": {"nl": "Naam", "fr": "Nom", "en": "Name"},
    "kind": {"nl": "Soort", "fr": "Type", "en": "Kind"},
    "province": {"nl": "Provincie", "fr": "Province", "en": "Province"},
    "region": {"nl": "Gewest", "fr": "Région", "en": "Region"},
    "project_types": {"nl": "Projecttypes", "fr": "Types de projet", "en": "Project types"},
    "status": {"nl": "Status", "fr": "Statut", "en": "Status"},
    "n_projects": {"nl": "Projecten", "fr": "Projets", "en": "Projects"},
    "n_objectives": {"nl": "Doel\u00adstellingen", "fr": "Objectifs", "en": "Objectives"},
    "n_reached": {"nl": "Bereikt", "fr": "Atteints", "en": "Reached"},
    "n_maintained": {"nl": "Behouden", "fr": "Maintenus", "en": "Maintained"},
    "n_on_track": {"nl": "Op schema", "fr": "En bonne voie", "en": "On track"},
    "n_behind": {"nl": "Achter op schema", "fr": "En retard", "en": "Behind"},
    "n_not_reached": {"nl": "Niet bereikt", "fr": "Non atteints", "en": "Not reached"},
    "n_not_computable": {
        "nl": "Niet te berekenen",
        "fr": "Non calculables",
        "en": "Not computable",
    },
    "n_issues_error": {"nl": "Fouten in de gegevens", "fr": "Erreurs (données)", "en": "Errors"},
    "n_issues_warning": {
        "nl": "Waar\u00adschuwingen",
        "fr": "Avertis\u00adsements",
        "en": "Warnings",
    },  # fmt: skip
    "completeness": {"nl": "Volledig\u00adheid", "fr": "Complétude", "en": "Complete\u00adness"},
    "its_level": {
        "nl": "Niveauverandering na de start (ITS)",
        "fr": "Changement de niveau après le début (ITS)",
        "en": "Level change after the start (ITS)",
    },
    "evidence": {"nl": "Effect", "fr": "Effet", "en": "Effect"},
}

#: The objectives of each status, as the objectives' cell lists them (``n_reached`` ...).
STATUS_WORDS: dict[str, dict[str, str]] = {
    "n_reached": {"nl": "bereikt", "fr": "atteint(s)", "en": "reached"},
    "n_maintained": {"nl": "behouden", "fr": "maintenu(s)", "en": "maintained"},
    "n_on_track": {"nl": "op schema", "fr": "en bonne voie", "en": "on track"},
    "n_behind": {"nl": "achter op schema", "fr": "en retard", "en": "behind"},
    "n_not_reached": {"nl": "niet bereikt", "fr": "non atteint(s)", "en": "not reached"},
    "n_not_computable": {
        "nl": "niet te berekenen",
        "fr": "non calculable(s)",
        "en": "not computable",
    },  # fmt: skip
}

#: The words for the values of the categorical columns.
VALUE_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "kind": {
        "municipality": {"nl": "Gemeente", "fr": "Commune", "en": "Municipality"},
        "project": {"nl": "Project", "fr": "Projet", "en": "Project"},
    },
    "status": {
        "ok": {"nl": "ok", "fr": "ok", "en": "ok"},
        "failed": {"nl": "mislukt", "fr": "échoué", "en": "failed"},
    },
    "this_run": {
        "made": {"nl": "nieuw gemaakt", "fr": "produit", "en": "made"},
        "up to date": {"nl": "ongewijzigd", "fr": "inchangé", "en": "up to date"},
        "earlier": {
            "nl": "uit een eerdere run",
            "fr": "d'une exécution antérieure",
            "en": "from an earlier run",
        },  # fmt: skip
    },
    "evidence": {
        "decrease": {"nl": "daling", "fr": "baisse", "en": "decrease"},
        "increase": {"nl": "stijging", "fr": "hausse", "en": "increase"},
        "mixed": {"nl": "gemengd", "fr": "mixte", "en": "mixed"},
        "unconfirmed": {
            "nl": "verandering, niet bevestigd door de controles",
            "fr": "changement non confirmé par les contrôles",
            "en": "change not confirmed by the checks",
        },
        "unclear": {
            "nl": "geen duidelijke verandering",
            "fr": "pas de changement net",
            "en": "no clear change",
        },  # fmt: skip
        "none": {"nl": "geen ITS", "fr": "pas d'ITS", "en": "no ITS"},
    },
}


def index_text(key: str, lang: Lang, **fields: object) -> str:
    """The text ``key`` of :data:`INDEX_TEXTS` in ``lang``, its ``{fields}`` filled in."""
    return no_break_spaces(INDEX_TEXTS[key][lang], lang).format(**fields)
