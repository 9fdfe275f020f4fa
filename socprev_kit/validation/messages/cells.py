"""Cells: a value missing or unreadable, a municipality unknown or merged, an indicator unknown
or derived, counts and ranges, total rows, codes outside their list.

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

CELL_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
    "missing_value": (
        "error",
        {
            "nl": "'{column}' is leeg. Vul de cel in.{hint}",
            "fr": "'{column}' est vide. Remplissez la cellule.{hint}",
            "en": "'{column}' is empty. Fill in the cell.{hint}",
        },
    ),
    "bad_number": (
        "error",
        {
            "nl": "'{value}' is geen getal. Typ enkel cijfers (bv. 12 of 12,5).",
            "fr": "'{value}' n'est pas un nombre. Tapez uniquement des chiffres (p. ex. 12 ou 12,5).",
            "en": "'{value}' is not a number. Type digits only (e.g. 12 or 12.5).",
        },
    ),
    "bad_period": (
        "error",
        {
            "nl": "'{value}' is geen periode. Gebruik 2024-03 (maand), 2024-Q1 (kwartaal) of 2024.",
            "fr": "'{value}' n'est pas une période. Utilisez 2024-03 (mois), 2024-Q1 (trimestre) "
            "ou 2024.",
            "en": "'{value}' is not a period. Use 2024-03 (month), 2024-Q1 (quarter) or 2024.",
        },
    ),
    "bad_date": (
        "error",
        {
            "nl": "'{value}' is geen datum. Gebruik dd/mm/jjjj of jjjj-mm-dd.",
            "fr": "'{value}' n'est pas une date. Utilisez jj/mm/aaaa ou aaaa-mm-jj.",
            "en": "'{value}' is not a date. Use dd/mm/yyyy or yyyy-mm-dd.",
        },
    ),
    "excel_serial_date": (
        "warning",
        {
            "nl": "'{value}' is een Excel-datumgetal, gelezen als {hint}. Maak de cel op als datum "
            "of typ de periode als tekst.",
            "fr": "'{value}' est un numéro de date Excel, lu comme {hint}. Formatez la cellule en "
            "date ou tapez la période en texte.",
            "en": "'{value}' is an Excel date number, read as {hint}. Format the cell as a date or "
            "type the period as text.",
        },
    ),
    "bad_nis": (
        "error",
        {
            "nl": "'{value}' is geen NIS-code (5 cijfers, bv. 44021 voor Gent).{hint}",
            "fr": "'{value}' n'est pas un code INS (5 chiffres, p. ex. 62063 pour Liège).{hint}",
            "en": "'{value}' is not a NIS code (5 digits, e.g. 44021 for Ghent).{hint}",
        },
    ),
    "unknown_nis": (
        "error",
        {
            "nl": "NIS-code {value} bestaat niet.{hint}",
            "fr": "Le code INS {value} n'existe pas.{hint}",
            "en": "NIS code {value} does not exist.{hint}",
        },
    ),
    "unknown_municipality": (
        "error",
        {
            "nl": "Gemeente '{value}' niet gevonden.{hint} Gebruik de officiële naam of de NIS-code.",
            "fr": "Commune '{value}' introuvable.{hint} Utilisez le nom officiel ou le code INS.",
            "en": "Municipality '{value}' not found.{hint} Use the official name or the NIS code.",
        },
    ),
    "merged_nis": (
        "warning",
        {
            "nl": "NIS-code {value} is van vóór een fusie; geteld bij {hint}.",
            "fr": "Le code INS {value} date d'avant une fusion ; compté pour {hint}.",
            "en": "NIS code {value} predates a merger; counted for {hint}.",
        },
    ),
    "name_mismatch": (
        "warning",
        {
            "nl": "De gemeentenaam '{value}' hoort niet bij de NIS-code ({hint}). Controleer beide.",
            "fr": "Le nom de commune '{value}' ne correspond pas au code INS ({hint}). Vérifiez-les.",
            "en": "Municipality name '{value}' does not match the NIS code ({hint}). Check both.",
        },
    ),
    "unknown_indicator": (
        "error",
        {
            "nl": "Indicator '{value}' staat niet in de catalogus.{hint}",
            "fr": "L'indicateur '{value}' ne figure pas au catalogue.{hint}",
            "en": "Indicator '{value}' is not in the catalogue.{hint}",
        },
    ),
    "derived_typed": (
        "error",
        {
            "nl": "'{value}' wordt berekend ({hint}) en mag niet ingevuld worden. Registreer de "
            "onderdelen.",
            "fr": "'{value}' est calculé ({hint}) et ne doit pas être saisi. Enregistrez ses "
            "composantes.",
            "en": "'{value}' is computed ({hint}) and must not be typed in. Register its parts.",
        },
    ),
    "negative_count": (
        "error",
        {
            "nl": "Een aantal kan niet negatief zijn ({value}). Verbeter de waarde.",
            "fr": "Un nombre ne peut pas être négatif ({value}). Corrigez la valeur.",
            "en": "A count cannot be negative ({value}). Correct the value.",
        },
    ),
    "not_whole": (
        "error",
        {
            "nl": "Een aantal moet een geheel getal zijn ({value}). Verbeter de waarde.",
            "fr": "Un nombre doit être entier ({value}). Corrigez la valeur.",
            "en": "A count must be a whole number ({value}). Correct the value.",
        },
    ),
    "out_of_range": (
        "error",
        {
            "nl": "{value} ligt buiten het toegelaten bereik {hint}. Verbeter de waarde.",
            "fr": "{value} est hors de l'intervalle permis {hint}. Corrigez la valeur.",
            "en": "{value} is outside the valid range {hint}. Correct the value.",
        },
    ),
    "total_row": (
        "warning",
        {
            "nl": "Totaalrij niet meegeteld ('{value}'). De kit telt zelf op; verwijder de rij.",
            "fr": "Ligne de total non comptée ('{value}'). Le kit fait lui-même les sommes ; "
            "supprimez la ligne.",
            "en": "Totals row not counted ('{value}'). The kit adds up itself; delete the row.",
        },
    ),
    "bad_code": (
        "error",
        {
            "nl": "'{value}' is geen geldige code voor '{column}'. Kies uit: {hint}.",
            "fr": "'{value}' n'est pas un code valable pour '{column}'. Choisissez parmi : {hint}.",
            "en": "'{value}' is not a valid code for '{column}'. Choose from: {hint}.",
        },
    ),
}
