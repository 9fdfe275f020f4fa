"""Files and sheets: a file unread or empty, sheets skipped, columns missing, unknown or
doubled, and a projects table missing or without a usable row.

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

FILE_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
    "unreadable_file": (
        "error",
        {
            "nl": "Het bestand kan niet gelezen worden ({hint}). Sla het opnieuw op als .xlsx of .csv.",
            "fr": "Le fichier ne peut pas être lu ({hint}). Enregistrez-le à nouveau en .xlsx ou .csv.",
            "en": "The file cannot be read ({hint}). Save it again as .xlsx or .csv.",
        },
    ),
    "unsupported_file": (
        "error",
        {
            "nl": "Dit bestandstype wordt niet gelezen. Gebruik .xlsx, .csv of .parquet.",
            "fr": "Ce type de fichier n'est pas lu. Utilisez .xlsx, .csv ou .parquet.",
            "en": "This type of file is not read. Use .xlsx, .csv or .parquet.",
        },
    ),
    "empty_file": (
        "warning",
        {
            "nl": "Het bestand of blad bevat geen gegevens.",
            "fr": "Le fichier ou la feuille ne contient aucune donnée.",
            "en": "The file or sheet holds no data.",
        },
    ),
    "unrecognised_table": (
        "error",
        {
            "nl": "Geen kolomkoppen herkend ({hint}); dit blad is niet gelezen. "
            "Zet de kolomkoppen van het sjabloon in de eerste rij: voor registraties Project, "
            "NIS-code, Periode, Indicator, Waarde; voor contextgegevens (politiestatistiek, "
            "Statbel) dezelfde zonder Project, met Bron.",
            "fr": "Aucun en-tête reconnu ({hint}) ; cette feuille n'est pas lue. "
            "Mettez les en-têtes du modèle sur la première ligne : pour des enregistrements "
            "Projet, Code INS, Période, Indicateur, Valeur ; pour des données de contexte "
            "(statistiques policières, Statbel) les mêmes sans Projet, avec Source.",
            "en": "No known column headers ({hint}); this sheet was not read. "
            "Put the template's headers in the first row: for registrations Project, NIS code, "
            "Period, Indicator, Value; for context data (police statistics, Statbel) the same "
            "without Project, with Source.",
        },
    ),
    "sheet_skipped": (
        "info",
        {
            "nl": "Blad zonder registratietabel overgeslagen.",
            "fr": "Feuille sans tableau d'enregistrement ignorée.",
            "en": "Sheet without a registration table skipped.",
        },
    ),
    "hidden_sheet": (
        "warning",
        {
            "nl": "Dit blad is verborgen maar bevat gegevens; ze zijn meegelezen. "
            "Maak het blad zichtbaar of verwijder het als de gegevens niet gelden.",
            "fr": "Cette feuille est masquée mais contient des données ; elles ont été lues. "
            "Affichez-la ou supprimez-la si les données ne valent pas.",
            "en": "This sheet is hidden but holds data; it was read. "
            "Unhide it, or delete it if the data do not count.",
        },
    ),
    "encoding_guess": (
        "info",
        {
            "nl": "Gelezen als Windows-1252 (geen UTF-8). Controleer de accenten.",
            "fr": "Lu en Windows-1252 (pas en UTF-8). Vérifiez les accents.",
            "en": "Read as Windows-1252 (not UTF-8). Check the accents.",
        },
    ),
    "missing_column": (
        "error",
        {
            "nl": "Verplichte kolom '{column}' ontbreekt; de rijen van dit blad zijn niet gebruikt. "
            "Voeg de kolom toe.",
            "fr": "La colonne obligatoire '{column}' manque ; les lignes de cette feuille ne sont pas "
            "utilisées. Ajoutez la colonne.",
            "en": "Required column '{column}' is missing; the rows of this sheet were not used. "
            "Add the column.",
        },
    ),
    "unknown_column": (
        "warning",
        {
            "nl": "Onbekende kolom '{value}' genegeerd. Hernoem ze als ze bedoeld is als {hint}.",
            "fr": "Colonne inconnue '{value}' ignorée. Renommez-la si elle devait être {hint}.",
            "en": "Unknown column '{value}' ignored. Rename it if it was meant as {hint}.",
        },
    ),
    "duplicate_column": (
        "error",
        {
            "nl": "Kolom '{column}' staat er twee keer ({hint}); enkel de eerste is gelezen. "
            "Verwijder of hernoem de tweede.",
            "fr": "La colonne '{column}' figure deux fois ({hint}) ; seule la première est lue. "
            "Supprimez ou renommez la seconde.",
            "en": "Column '{column}' appears twice ({hint}); only the first was read. "
            "Delete or rename the second.",
        },
    ),
    "unnamed_column": (
        "warning",
        {
            "nl": "Kolom zonder kop met gegevens genegeerd. Geef ze een kop of maak ze leeg.",
            "fr": "Colonne sans en-tête contenant des données ignorée. Donnez-lui un en-tête ou "
            "videz-la.",
            "en": "Column with data but no header ignored. Give it a header or clear it.",
        },
    ),
    "merged_header": (
        "warning",
        {
            "nl": "Samengevoegde cellen in de kopregel ({hint}). Maak de samenvoeging ongedaan: "
            "elke kolom heeft een eigen kop nodig.",
            "fr": "Cellules fusionnées dans l'en-tête ({hint}). Annulez la fusion : chaque colonne "
            "a besoin de son propre en-tête.",
            "en": "Merged cells in the header row ({hint}). Unmerge them: every column needs its own "
            "header.",
        },
    ),
    "no_projects": (
        "info",
        {
            "nl": "Geen projecttabel gevonden: controles op projectdata en deelnemende gemeenten "
            "zijn overgeslagen.",
            "fr": "Aucun tableau de projets trouvé : les contrôles des dates et communes des projets "
            "sont ignorés.",
            "en": "No projects table found: checks on project dates and participating municipalities "
            "were skipped.",
        },
    ),
    "no_usable_projects": (
        "info",
        {
            "nl": "Geen enkele rij van de projecttabel is bruikbaar (zie de fouten erin): controles op "
            "projectdata en deelnemende gemeenten zijn overgeslagen.",
            "fr": "Aucune ligne du tableau des projets n'est utilisable (voir ses erreurs) : les "
            "contrôles des dates et communes des projets sont ignorés.",
            "en": "No row of the projects table is usable (see its errors): checks on project dates "
            "and participating municipalities were skipped.",
        },
    ),
}
