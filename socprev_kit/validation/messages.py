"""The words of every validation message, in Dutch, French and English.

Each check has one entry: its severity and a template per language. Templates may use ``{value}``
(the cell as the user typed it), ``{column}`` and ``{hint}`` (a detail the check computed: a
suggestion, a range, a mapped code). Every message says what is wrong and how to fix it, in words a
prevention worker understands.
"""

from __future__ import annotations

from typing import Literal

from ..data.store.texts import STORE_CHECKS

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
    # --- issue 14: the batch's reading of a data folder -------------------------------------
    "reading_over_memory": (
        "error",
        {
            "nl": "Het lezen van dit bestand had meer dan {hint} MB geheugen nodig en is gestopt; het is niet gebruikt, de andere bestanden wel. Controleer of het echt een registratiebestand is (beschadigd, of van een ander programma?) en sla het opnieuw op als .xlsx of .csv, of verhoog de grens met --memory-mb.",
            "fr": "La lecture de ce fichier a eu besoin de plus de {hint} Mo de mémoire et a été arrêtée ; il n'est pas utilisé, les autres fichiers le sont. Vérifiez qu'il s'agit bien d'un fichier d'enregistrements (abîmé, ou venu d'un autre programme ?) et enregistrez-le à nouveau en .xlsx ou .csv, ou augmentez la limite avec --memory-mb.",
            "en": "Reading this file needed more than {hint} MB of memory and was stopped; it was not used, the other files were. Check that it really is a registration file (damaged, or from another program?) and save it again as .xlsx or .csv, or raise the limit with --memory-mb.",
        },
    ),
    "reading_too_slow": (
        "error",
        {
            "nl": "Het lezen van dit bestand duurde langer dan {hint} seconden en is gestopt; het is niet gebruikt, de andere bestanden wel. Is het een gewoon bestand (geen koppeling naar een apparaat of een pijp)? Sla het opnieuw op als .xlsx of .csv, of verhoog de grens met SOCPREV_LIMIT_READ_SECONDS.",
            "fr": "La lecture de ce fichier a duré plus de {hint} secondes et a été arrêtée ; il n'est pas utilisé, les autres fichiers le sont. Est-ce un fichier ordinaire (pas un lien vers un périphérique ou un tube) ? Enregistrez-le à nouveau en .xlsx ou .csv, ou augmentez la limite avec SOCPREV_LIMIT_READ_SECONDS.",
            "en": "Reading this file took longer than {hint} seconds and was stopped; it was not used, the other files were. Is it an ordinary file (not a link to a device or a pipe)? Save it again as .xlsx or .csv, or raise the limit with SOCPREV_LIMIT_READ_SECONDS.",
        },
    ),
    "reading_stopped": (
        "error",
        {
            "nl": "Het lezen van dit bestand is gestopt ({hint}); het is niet gebruikt, de andere bestanden wel. Controleer of het echt een registratiebestand is (beschadigd of van een ander programma?) en sla het opnieuw op als .xlsx of .csv.",
            "fr": "La lecture de ce fichier a été arrêtée ({hint}) ; il n'est pas utilisé, les autres fichiers le sont. Vérifiez qu'il s'agit bien d'un fichier d'enregistrements (abîmé ou venu d'un autre programme ?) et enregistrez-le à nouveau en .xlsx ou .csv.",
            "en": "Reading this file was stopped ({hint}); it was not used, the other files were. Check that it really is a registration file (damaged, or from another program?) and save it again as .xlsx or .csv.",
        },
    ),
    # --- issue 14: rows beyond the issues listed one by one ---------------------------------
    "more_rows_error": (
        "error",
        {
            "nl": "En nog {value} rijen met dezelfde melding [{hint}]. Ze staan hier samen in plaats van elk apart; verbeter ze zoals de rijen hierboven en controleer opnieuw.",
            "fr": "Et encore {value} lignes avec le même message [{hint}]. Elles sont regroupées ici au lieu d'être listées une à une ; corrigez-les comme les lignes ci-dessus et contrôlez à nouveau.",
            "en": "And {value} more rows with the same message [{hint}]. They are listed together here instead of one by one; correct them as the rows above and check again.",
        },
    ),
    "more_rows_warning": (
        "warning",
        {
            "nl": "En nog {value} rijen met dezelfde melding [{hint}]. Ze staan hier samen in plaats van elk apart; verbeter ze zoals de rijen hierboven en controleer opnieuw.",
            "fr": "Et encore {value} lignes avec le même message [{hint}]. Elles sont regroupées ici au lieu d'être listées une à une ; corrigez-les comme les lignes ci-dessus et contrôlez à nouveau.",
            "en": "And {value} more rows with the same message [{hint}]. They are listed together here instead of one by one; correct them as the rows above and check again.",
        },
    ),
    "more_rows_info": (
        "info",
        {
            "nl": "En nog {value} rijen met dezelfde melding [{hint}]. Ze staan hier samen in plaats van elk apart; verbeter ze zoals de rijen hierboven en controleer opnieuw.",
            "fr": "Et encore {value} lignes avec le même message [{hint}]. Elles sont regroupées ici au lieu d'être listées une à une ; corrigez-les comme les lignes ci-dessus et contrôlez à nouveau.",
            "en": "And {value} more rows with the same message [{hint}]. They are listed together here instead of one by one; correct them as the rows above and check again.",
        },
    ),
    # --- issue 14: text files (CSV) ----------------------------------------------------------
    "unclosed_quote": (
        "warning",
        {
            "nl": 'Een aanhalingsteken (") in deze rij wordt niet (goed) gesloten, zodat de regels erna in één cel terechtkwamen. De rij is gelezen zonder dat aanhalingsteken: controleer ze, en verwijder het aanhalingsteken of sluit het.',
            "fr": "Un guillemet (\") de cette ligne n'est pas (bien) fermé, si bien que les lignes suivantes se retrouvaient dans une seule cellule. La ligne a été lue sans ce guillemet : vérifiez-la, puis supprimez le guillemet ou fermez-le.",
            "en": 'A quote (") in this row is not closed (properly), so the lines after it ended up in one cell. The row was read without that quote: check it, and remove the quote or close it.',
        },
    ),
    "bad_line": (
        "error",
        {
            "nl": "Deze regel kan niet gelezen worden ({hint}); ze is niet gebruikt. Controleer de aanhalingstekens en scheidingstekens in deze regel.",
            "fr": "Cette ligne ne peut pas être lue ({hint}) ; elle n'est pas utilisée. Vérifiez les guillemets et les séparateurs de cette ligne.",
            "en": "This line cannot be read ({hint}); it was not used. Check the quotes and separators in this line.",
        },
    ),
    "line_too_long": (
        "error",
        {
            "nl": "Deze regel is langer dan {hint} tekens en is niet gelezen. Knip de regel op in rijen van het sjabloon, of verhoog de grens met de omgevingsvariabele SOCPREV_LIMIT_LINE_CHARS.",
            "fr": "Cette ligne dépasse {hint} caractères et n'a pas été lue. Découpez-la en lignes du modèle, ou relevez la limite avec la variable d'environnement SOCPREV_LIMIT_LINE_CHARS.",
            "en": "This line is longer than {hint} characters and was not read. Split it into rows of the template, or raise the limit with the environment variable SOCPREV_LIMIT_LINE_CHARS.",
        },
    ),
    "too_many_columns": (
        "error",
        {
            "nl": "De tabel heeft {value} kolommen met een kop, meer dan de grens van {hint}; het bestand is niet gelezen. Verwijder de kolommen die niet bij de registratie horen, of verhoog de grens met de omgevingsvariabele SOCPREV_LIMIT_COLUMNS.",
            "fr": "Le tableau a {value} colonnes avec un en-tête, plus que la limite de {hint} ; le fichier n'a pas été lu. Supprimez les colonnes qui ne font pas partie de l'enregistrement, ou relevez la limite avec la variable d'environnement SOCPREV_LIMIT_COLUMNS.",
            "en": "The table has {value} columns with a header, more than the limit of {hint}; the file was not read. Remove the columns that are not part of the registration, or raise the limit with the environment variable SOCPREV_LIMIT_COLUMNS.",
        },
    ),
    "not_a_table": (
        "error",
        {
            "nl": "Dit bestand is lopende tekst, geen tabel ({hint}); het is niet gelezen. Een registratiebestand heeft bovenaan een rij kolomkoppen (Project; NIS-code; Periode; Indicator; Waarde) en daaronder één rij per waarde, gescheiden door ; of een tab. Vul het sjabloon in (socprev-kit template) of haal dit bestand uit de gegevensmap.",
            "fr": "Ce fichier est du texte suivi, pas un tableau ({hint}) ; il n'a pas été lu. Un fichier d'enregistrement a en haut une ligne d'en-têtes (Projet; Code INS; Période; Indicateur; Valeur) et en dessous une ligne par valeur, séparées par ; ou une tabulation. Remplissez le modèle (socprev-kit template) ou retirez ce fichier du dossier de données.",
            "en": "This file is running text, not a table ({hint}); it was not read. A registration file has a row of column headers at the top (Project; NIS code; Period; Indicator; Value) and one row per value below it, separated by ; or a tab. Fill in the template (socprev-kit template) or take this file out of the data folder.",
        },
    ),
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
    "not_regular_file": (
        "error",
        {
            "nl": "Dit is geen gewoon bestand maar een speciaal systeembestand ({hint}); het is "
            "niet gelezen (not a regular file). Sla de gegevens op als een gewoon .xlsx- of "
            ".csv-bestand en geef dat.",
            "fr": "Ce n'est pas un fichier ordinaire mais un fichier spécial du système ({hint}) ; "
            "il n'est pas lu (not a regular file). Enregistrez les données dans un fichier .xlsx "
            "ou .csv ordinaire.",
            "en": "This is not a regular file but a special file of the system ({hint}); it was "
            "not read (not a regular file). Save the data as an ordinary .xlsx or .csv file and "
            "give that.",
        },
    ),
    "data_too_large": (
        "error",
        {
            "nl": "De gegevensbestanden samen zijn groter dan de grens van {hint} MB; dit bestand "
            "({value} MB) en de volgende zijn niet gelezen. Lees de map in delen (bv. per "
            "provincie of per jaar), of verhoog de grens met de omgevingsvariabele "
            "SOCPREV_LIMIT_TOTAL_MB.",
            "fr": "Les fichiers de données dépassent ensemble la limite de {hint} Mo ; ce fichier "
            "({value} Mo) et les suivants ne sont pas lus. Lisez le dossier en plusieurs parties "
            "(p. ex. par province ou par année), ou relevez la limite avec la variable "
            "d'environnement SOCPREV_LIMIT_TOTAL_MB.",
            "en": "The data files together are larger than the limit of {hint} MB; this file "
            "({value} MB) and the ones after it were not read. Read the folder in parts (e.g. "
            "per province or per year), or raise the limit with the environment variable "
            "SOCPREV_LIMIT_TOTAL_MB.",
        },
    ),
    "file_too_large": (
        "error",
        {
            "nl": "Het bestand is {value} MB groot, meer dan de grens van {hint} MB; het is niet "
            "gelezen. Splits het in kleinere bestanden (bv. één per jaar), of verhoog de grens "
            "met de omgevingsvariabele SOCPREV_LIMIT_FILE_MB.",
            "fr": "Le fichier fait {value} Mo, plus que la limite de {hint} Mo ; il n'est pas "
            "lu. Divisez-le en fichiers plus petits (p. ex. un par année), ou relevez la limite "
            "avec la variable d'environnement SOCPREV_LIMIT_FILE_MB.",
            "en": "The file is {value} MB, more than the limit of {hint} MB; it was not read. "
            "Split it into smaller files (e.g. one per year), or raise the limit with the "
            "environment variable SOCPREV_LIMIT_FILE_MB.",
        },
    ),
    "link_outside_folder": (
        "warning",
        {
            "nl": "Dit is een snelkoppeling (symbolische link) naar {value}, buiten de map met "
            "gegevens; ze is niet gevolgd en niet gelezen. Kopieer het bestand in de map als "
            "zijn gegevens meetellen.",
            "fr": "Ceci est un raccourci (lien symbolique) vers {value}, hors du dossier de "
            "données ; il n'est pas suivi ni lu. Copiez le fichier dans le dossier si ses "
            "données doivent compter.",
            "en": "This is a shortcut (symbolic link) to {value}, outside the data folder; it "
            "was not followed nor read. Copy the file into the folder if its data should count.",
        },
    ),
    # --- issue 14: stores and Parquet ----------------------------------------------------------
    **STORE_CHECKS,
    "parquet_truncated": (
        "error",
        {
            "nl": "Het Parquet-bestand is afgebroken (het einde ontbreekt; het is {hint} groot), dus er kan geen enkele rij uit gelezen worden. Vraag het volledige bestand opnieuw op of exporteer het opnieuw.",
            "fr": "Le fichier Parquet est tronqué (sa fin manque ; il fait {hint}), aucune ligne ne peut donc en être lue. Demandez à nouveau le fichier complet ou exportez-le à nouveau.",
            "en": "The Parquet file is cut short (its end is missing; it is {hint}), so no row can be read from it. Ask for the whole file again or export it again.",
        },
    ),
    "parquet_too_large": (
        "error",
        {
            "nl": "Het Parquet-bestand is te groot om te lezen (grens {hint}, het bestand heeft {value}) en werd niet gelezen. Splits het in kleinere bestanden, of verhoog de grens met de omgevingsvariabele als het bestand echt zo groot is.",
            "fr": "Le fichier Parquet est trop grand pour être lu (limite {hint}, le fichier en a {value}) et n'a pas été lu. Divisez-le en fichiers plus petits, ou relevez la limite avec la variable d'environnement si le fichier est vraiment aussi grand.",
            "en": "The Parquet file is too large to read (limit {hint}, the file has {value}) and was not read. Split it into smaller files, or raise the limit with the environment variable if the file really is that large.",
        },
    ),
    "parquet_bad_rows": (
        "error",
        {
            "nl": "Deze rij staat in een beschadigd deel van het Parquet-bestand (rijgroep {value}) en kan niet gelezen worden; de andere rijen werden wel gelezen. Exporteer het bestand opnieuw.",
            "fr": "Cette ligne se trouve dans une partie endommagée du fichier Parquet (groupe de lignes {value}) et ne peut pas être lue ; les autres lignes ont été lues. Exportez le fichier à nouveau.",
            "en": "This row is in a damaged part of the Parquet file (row group {value}) and cannot be read; the other rows were read. Export the file again.",
        },
    ),
    "parquet_bad_column": (
        "error",
        {
            "nl": "Kolom '{column}' is beschadigd in de rijen {value} van het Parquet-bestand en werd daar als leeg gelezen; de rest van het bestand werd wel gelezen. Exporteer het bestand opnieuw.",
            "fr": "La colonne '{column}' est endommagée dans les lignes {value} du fichier Parquet et y a été lue comme vide ; le reste du fichier a été lu. Exportez le fichier à nouveau.",
            "en": "Column '{column}' is damaged in rows {value} of the Parquet file and was read as empty there; the rest of the file was read. Export the file again.",
        },
    ),
    "parquet_nested_column": (
        "warning",
        {
            "nl": "Kolom '{column}' bevat lijsten of samengestelde waarden ({value}) in plaats van één waarde per cel; elke cel werd als tekst gelezen. Sla de kolom op met één gewone waarde per cel.",
            "fr": "La colonne '{column}' contient des listes ou des valeurs composées ({value}) au lieu d'une valeur par cellule ; chaque cellule a été lue comme du texte. Enregistrez la colonne avec une valeur simple par cellule.",
            "en": "Column '{column}' holds lists or compound values ({value}) instead of one value per cell; each cell was read as text. Save the column with one plain value per cell.",
        },
    ),
    "parquet_date_out_of_range": (
        "warning",
        {
            "nl": "De datum {value} ligt buiten de jaren die de kit kan lezen (1678 tot 2261) en werd als leeg gelezen. Een einddatum die 'geen einde' betekent, laat u beter leeg; verbeter de datum als hij iets anders betekent.",
            "fr": "La date {value} sort des années que le kit peut lire (1678 à 2261) et a été lue comme vide. Une date de fin qui signifie « pas de fin » se laisse plutôt vide ; corrigez la date si elle signifie autre chose.",
            "en": "The date {value} is outside the years the kit can read (1678 to 2261) and was read as empty. An end date meaning 'no end' is better left empty; correct the date if it means something else.",
        },
    ),
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
