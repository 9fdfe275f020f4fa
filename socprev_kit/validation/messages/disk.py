"""Files on disk and limits (issue 14): special files, links out of the folder, sizes.

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

DISK_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
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
}
