"""The words of every validation message, in Dutch, French and English.

Each check has one entry: its severity and a template per language. Templates may use ``{value}``
(the cell as the user typed it), ``{column}`` and ``{hint}`` (a detail the check computed: a
suggestion, a range, a mapped code). Every message says what is wrong and how to fix it, in words a
prevention worker understands.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "fr", "en"]
Severity = Literal["error", "warning", "info"]
LANGS: tuple[Lang, ...] = ("nl", "fr", "en")

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
}

#: check -> (severity, {lang: template})
CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
    # --- files and sheets ----------------------------------------------------------------------
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
            "Zet de kolomkoppen van het sjabloon in de eerste rij.",
            "fr": "Aucun en-tête reconnu ({hint}) ; cette feuille n'est pas lue. "
            "Mettez les en-têtes du modèle sur la première ligne.",
            "en": "No known column headers ({hint}); this sheet was not read. "
            "Put the template's headers in the first row.",
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
    # --- cells ---------------------------------------------------------------------------------
    "missing_value": (
        "error",
        {
            "nl": "'{column}' is leeg. Vul de cel in.",
            "fr": "'{column}' est vide. Remplissez la cellule.",
            "en": "'{column}' is empty. Fill in the cell.",
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
    # --- rows against each other ---------------------------------------------------------------
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
    # --- issue 14: text files (CSV) ----------------------------------------------------------
    # --- issue 14: workbooks (xlsx) and dates ------------------------------------------------
    "xlsx_over_limit": (
        "error",
        {
            "nl": "Dit werkboek is niet gelezen: het is te groot of te sterk samengeperst om veilig "
            "te openen ({hint}). Sla het opnieuw op in Excel of LibreOffice, of verdeel de gegevens "
            "over kleinere bestanden. Is het echt zo groot, verhoog dan de grens met de genoemde "
            "omgevingsvariabele.",
            "fr": "Ce classeur n'est pas lu : il est trop grand ou trop compressé pour être ouvert "
            "sans risque ({hint}). Enregistrez-le à nouveau dans Excel ou LibreOffice, ou répartissez "
            "les données sur des fichiers plus petits. S'il est vraiment si grand, relevez la limite "
            "avec la variable d'environnement indiquée.",
            "en": "This workbook was not read: it is too large or too compressed to open safely "
            "({hint}). Save it again in Excel or LibreOffice, or split the data over smaller "
            "files. If it really is that large, raise the limit with the variable named.",
        },
    ),
    "sheet_over_limit": (
        "error",
        {
            "nl": "Dit blad is niet gelezen: het heeft te veel gevulde cellen of kolommen ({hint}). "
            "Verdeel de gegevens over meerdere bladen of bestanden, of verhoog de grens met de "
            "genoemde omgevingsvariabele.",
            "fr": "Cette feuille n'est pas lue : elle a trop de cellules remplies ou de colonnes "
            "({hint}). Répartissez les données sur plusieurs feuilles ou fichiers, ou relevez la "
            "limite avec la variable d'environnement indiquée.",
            "en": "This sheet was not read: it has too many filled cells or columns ({hint}). "
            "Split the data over several sheets or files, or raise the limit with the variable "
            "named.",
        },
    ),
    # --- issue 14: files on disk and limits --------------------------------------------------
    # --- issue 14: stores and Parquet ----------------------------------------------------------
}


#: check -> {lang: template} for an issue without a hint (no close match to suggest).
WITHOUT_HINT: dict[str, dict[str, str]] = {
    "unknown_column": {
        "nl": "Onbekende kolom '{value}' genegeerd. Geef ze de kop van een kolom uit het sjabloon "
        "als ze gegevens bevat die meetellen.",
        "fr": "Colonne inconnue '{value}' ignorée. Donnez-lui l'en-tête d'une colonne du modèle si "
        "ses données doivent compter.",
        "en": "Unknown column '{value}' ignored. Give it the header of a template column if its "
        "data should count.",
    },
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


def for_people(issues, lang: Lang = "nl"):  # noqa: ANN001, ANN201 - DataFrame in and out
    """The issues table with headers and severities in ``lang``, for a file a person opens."""
    out = issues.copy()
    out["severity"] = out["severity"].map(lambda s: SEVERITY_WORDS[lang].get(s, s))
    return out.rename(columns=ISSUE_HEADERS[lang])


def severity(check: str) -> Severity:
    """The severity of a check."""
    return CHECKS[check][0]


def message(
    check: str, lang: Lang = "nl", *, value: object = "", column: str = "", hint: str = ""
) -> str:
    """The message of one issue in ``lang``.

    >>> message("bad_number", "fr", value="douze")
    "'douze' n'est pas un nombre. Tapez uniquement des chiffres (p. ex. 12 ou 12,5)."
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    template = CHECKS[check][1][lang]
    if check in WITHOUT_HINT and not str(hint or "").strip():
        template = WITHOUT_HINT[check][lang]
    return template.format(value=value, column=column, hint=hint)


def column_header(column: str, lang: Lang = "nl") -> str:
    """The template's header of a canonical column in ``lang`` (the name itself if it has none).

    >>> column_header("project_id", "fr"), column_header("remark", "fr")
    ('Projet', 'remark')
    """
    headers = COLUMN_HEADERS.get(column)
    return headers[LANGS.index(lang)] if headers else column
