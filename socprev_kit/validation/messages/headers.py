"""How a missing column, the columns of the issues table and its severities are named in
each language."""

from __future__ import annotations

#: The template's header of each required column, ``(nl, fr, en)``: how an issue names a column
#: that a file lacks entirely (``missing_column``), in the language of the messages.
COLUMN_HEADERS: dict[str, tuple[str, str, str]] = {
    "project_id": ("Project", "Projet", "Project"),
    "nis_code": ("NIS-code", "Code INS", "NIS code"),
    "period": ("Periode", "Période", "Period"),
    "indicator_id": ("Indicator", "Indicateur", "Indicator"),
    "value": ("Waarde", "Valeur", "Value"),
    "name": ("Naam", "Nom", "Name"),
    "project_types": ("Type project", "Types de projet", "Project types"),
    "lead_nis_code": ("Trekkende gemeente", "Commune pilote", "Lead NIS"),
    "start_date": ("Startdatum", "Date de début", "Start date"),
    "objective_id": ("Doelstelling", "Objectif", "Objective id"),
    "level": ("Niveau", "Niveau", "Level"),
    "source": ("Bron", "Source", "Source"),
}


#: Column headers and severities of the issues table as a person reads them.
ISSUE_HEADERS: dict[str, dict[str, str]] = {
    "nl": {
        "file": "bestand",
        "sheet": "blad",
        "row": "rij",
        "column": "kolom",
        "value": "waarde",
        "check": "controle",
        "severity": "ernst",
        "message": "melding",
    },
    "fr": {
        "file": "fichier",
        "sheet": "feuille",
        "row": "ligne",
        "column": "colonne",
        "value": "valeur",
        "check": "contrôle",
        "severity": "gravité",
        "message": "message",
    },
    "en": {},
}
SEVERITY_WORDS: dict[str, dict[str, str]] = {
    "nl": {"error": "fout", "warning": "waarschuwing", "info": "info"},
    "fr": {"error": "erreur", "warning": "avertissement", "info": "info"},
    "en": {},
}
