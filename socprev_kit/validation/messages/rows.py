"""Rows against each other: duplicates, registrations against their projects, a part above its
whole, missing months, ragged rows, formulas without a value, project dates.

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

ROW_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
    "duplicate_exact": (
        "warning",
        {
            "nl": "Dubbele rij (zelfde waarde als rij {hint}); één keer geteld. Verwijder het dubbel.",
            "fr": "Ligne en double (même valeur que la ligne {hint}) ; comptée une fois. Supprimez le "
            "doublon.",
            "en": "Duplicate row (same value as row {hint}); counted once. Delete the duplicate.",
        },
    ),
    "duplicate_conflict": (
        "error",
        {
            "nl": "Tegenstrijdige waarden voor hetzelfde project, gemeente, periode en indicator "
            "({hint}); geen van beide gebruikt. Houd één juiste waarde over.",
            "fr": "Valeurs contradictoires pour le même projet, commune, période et indicateur "
            "({hint}) ; aucune n'est utilisée. Gardez une seule valeur correcte.",
            "en": "Conflicting values for the same project, municipality, period and indicator "
            "({hint}); neither was used. Keep one correct value.",
        },
    ),
    "duplicate_id": (
        "error",
        {
            "nl": "'{value}' komt meer dan eens voor als '{column}' ({hint}). Elke id moet uniek zijn.",
            "fr": "'{value}' apparaît plusieurs fois comme '{column}' ({hint}). Chaque id doit être "
            "unique.",
            "en": "'{value}' appears more than once as '{column}' ({hint}). Each id must be unique.",
        },
    ),
    "unknown_project": (
        "error",
        {
            "nl": "Project '{value}' staat niet in de projecttabel. Voeg het project toe of verbeter "
            "de id.{hint}",
            "fr": "Le projet '{value}' ne figure pas dans le tableau des projets. Ajoutez-le ou "
            "corrigez l'id.{hint}",
            "en": "Project '{value}' is not in the projects table. Add it or correct the id.{hint}",
        },
    ),
    "nis_not_in_project": (
        "error",
        {
            "nl": "Gemeente {value} neemt niet deel aan project {hint}. Voeg ze toe aan de "
            "deelnemende gemeenten of verbeter de NIS-code.",
            "fr": "La commune {value} ne participe pas au projet {hint}. Ajoutez-la aux communes "
            "participantes ou corrigez le code INS.",
            "en": "Municipality {value} does not take part in project {hint}. Add it to the "
            "participating municipalities or correct the NIS code.",
        },
    ),
    "outside_project_period": (
        "error",
        {
            "nl": "Periode {value} valt buiten de looptijd van het project ({hint}). Een proces- of "
            "outputindicator kan enkel binnen de looptijd geregistreerd worden.",
            "fr": "La période {value} est hors de la durée du projet ({hint}). Un indicateur de "
            "processus ou de réalisation ne s'enregistre que pendant le projet.",
            "en": "Period {value} lies outside the project's dates ({hint}). A process or output "
            "indicator can only be registered while the project runs.",
        },
    ),
    "numerator_above_denominator": (
        "error",
        {
            "nl": "{value} is groter dan de noemer ({hint}). Een deel kan niet groter zijn dan het "
            "geheel; verbeter een van beide.",
            "fr": "{value} dépasse le dénominateur ({hint}). Une partie ne peut pas dépasser le tout ; "
            "corrigez l'une des deux valeurs.",
            "en": "{value} is larger than its denominator ({hint}). A part cannot exceed the whole; "
            "correct one of them.",
        },
    ),
    "missing_months": (
        "warning",
        {
            "nl": "Ontbrekende maanden in de reeks: {value}. Vul ze aan (0 als er niets was).",
            "fr": "Mois manquants dans la série : {value}. Complétez-les (0 s'il n'y a rien eu).",
            "en": "Missing months in the series: {value}. Fill them in (0 if nothing happened).",
        },
    ),
    "ragged_row": (
        "error",
        {
            "nl": "Deze rij heeft meer ingevulde cellen dan er kolomkoppen zijn ({hint}); ze is niet gebruikt. Vaak is een komma als decimaalteken getypt in een bestand met komma's als scheidingsteken: zet de waarde tussen aanhalingstekens of gebruik een punt.",
            "fr": "Cette ligne a plus de cellules remplies qu'il n'y a d'en-têtes ({hint}) ; elle n'est pas utilisée. Souvent une virgule décimale a été tapée dans un fichier séparé par des virgules : mettez la valeur entre guillemets ou utilisez un point.",
            "en": "This row has more filled cells than there are headers ({hint}); it was not used. Often a decimal comma was typed in a comma-separated file: quote the value or use a point.",
        },
    ),
    "formula_without_value": (
        "warning",
        {
            "nl": "De cel bevat een formule ({value}) zonder opgeslagen resultaat, dus ze lijkt leeg. Open het bestand in Excel of LibreOffice en sla het opnieuw op, of typ de waarde zelf.",
            "fr": "La cellule contient une formule ({value}) sans résultat enregistré ; elle paraît donc vide. Ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le à nouveau, ou tapez la valeur.",
            "en": "The cell holds a formula ({value}) without a stored result, so it looks empty. Open the file in Excel or LibreOffice and save it again, or type the value.",
        },
    ),
    "bad_project_dates": (
        "error",
        {
            "nl": "De data van het project kloppen niet: {hint}. Verbeter ze.",
            "fr": "Les dates du projet ne sont pas cohérentes : {hint}. Corrigez-les.",
            "en": "The project's dates do not fit: {hint}. Correct them.",
        },
    ),
}
