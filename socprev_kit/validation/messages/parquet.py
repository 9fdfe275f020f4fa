"""Parquet files (issue 14). The store's texts live with the store
(:mod:`socprev_kit.data.store.texts`).

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

PARQUET_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
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
