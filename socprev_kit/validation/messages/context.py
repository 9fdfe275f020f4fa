"""Context data (registrations that belong to no project): which indicators may be context, a
rate typed in, conflicting figures, a figure without its source.

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

#: Added to the message of a registration without a project (``missing_value`` of
#: ``project_id``): where figures that belong to no project go.
NO_PROJECT_HINT: dict[str, str] = {
    "nl": " Cijfers die bij geen project horen (politiestatistiek, Statbel) horen in een apart "
    "contextbestand zonder projectkolom (kolommen NIS-code, Periode, Indicator, Waarde, Bron).",
    "fr": " Les chiffres qui n'appartiennent à aucun projet (statistiques policières, Statbel) "
    "vont dans un fichier de contexte à part, sans colonne projet (colonnes Code INS, Période, "
    "Indicateur, Valeur, Source).",
    "en": " Figures that belong to no project (police statistics, Statbel) go in a separate "
    "context file without a project column (columns NIS code, Period, Indicator, Value, Source).",
}

#: Why an indicator cannot be context data, by its catalogue type (``hint`` of
#: ``context_not_allowed``).
NOT_CONTEXT_REASONS: dict[str, dict[str, str]] = {
    "project": {
        "nl": "het beschrijft het werk van een project",
        "fr": "il décrit le travail d'un projet",
        "en": "it describes a project's work",
    },
    "measured": {
        "nl": "het wordt gemeten bij de deelnemers van een project, in een enquête of op de "
        "observatierondes van een project, niet geteld voor een hele gemeente",
        "fr": "il se mesure auprès des participants d'un projet, par une enquête ou lors des "
        "tournées d'observation d'un projet, et ne se compte pas pour toute une commune",
        "en": "it is measured on a project's participants, in a survey or on a project's "
        "observation rounds, not counted for a whole municipality",
    },
}

CONTEXT_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
    "context_not_allowed": (
        "error",
        {
            "nl": "Indicator '{value}' kan geen contextgegeven zijn: {hint}. Registreer hem bij "
            "het project, in een registratiebestand met een projectkolom.",
            "fr": "L'indicateur '{value}' ne peut pas être une donnée de contexte : {hint}. "
            "Enregistrez-le avec son projet, dans un fichier d'enregistrement avec une colonne "
            "projet.",
            "en": "Indicator '{value}' cannot be context data: {hint}. Register it with its "
            "project, in a registrations file with a project column.",
        },
    ),
    "context_rate_typed": (
        "error",
        {
            "nl": "'{value}' is een cijfer dat de kit zelf berekent ({hint}). Registreer het "
            "aantal, niet het cijfer per inwoner.",
            "fr": "'{value}' est un taux que le kit calcule lui-même ({hint}). Enregistrez le "
            "nombre, pas le taux par habitant.",
            "en": "'{value}' is a figure the kit computes itself ({hint}). Register the count, "
            "not the rate per inhabitant.",
        },
    ),
    "context_duplicate_conflict": (
        "error",
        {
            "nl": "Tegenstrijdige contextcijfers voor dezelfde gemeente, periode en indicator "
            "({hint}); geen van beide gebruikt. Houd één juiste waarde over.",
            "fr": "Chiffres de contexte contradictoires pour la même commune, période et "
            "indicateur ({hint}) ; aucun n'est utilisé. Gardez une seule valeur correcte.",
            "en": "Conflicting context figures for the same municipality, period and indicator "
            "({hint}); neither was used. Keep one correct value.",
        },
    ),
    "context_no_source": (
        "warning",
        {
            "nl": "{value} contextrij(en) zonder bron, de eerste hier. Vermeld in de kolom "
            "'{column}' waar de cijfers vandaan komen (bv. 'PCS federale politie', 'Statbel').",
            "fr": "{value} ligne(s) de contexte sans source, la première ici. Indiquez dans la "
            "colonne '{column}' d'où viennent les chiffres (p. ex. 'PCS police fédérale', "
            "'Statbel').",
            "en": "{value} context row(s) without a source, the first one here. Name where the "
            "figures come from in the column '{column}' (e.g. 'PCS federale politie', "
            "'Statbel').",
        },
    ),
}
