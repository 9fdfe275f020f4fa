"""Text files (CSV, issue 14): unclosed quotes, bad or long lines, running text.

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

TEXT_FILE_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
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
}
