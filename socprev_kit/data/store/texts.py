"""What the store checks say (``store_*``), in Dutch, French and English.

A store that was changed or damaged is refused whole before any row is read
(:mod:`socprev_kit.data.store.schema`); these texts say so. They join the issues' messages
(:data:`socprev_kit.validation.messages.CHECKS`) and the error a store command raises. For
translators: keep every ``{placeholder}``.
"""

from __future__ import annotations

#: check -> (severity, {language: template})
STORE_CHECKS: dict[str, tuple[str, dict[str, str]]] = {
    "store_foreign_object": (
        "error",
        {
            "nl": "De intake-databank bevat {value}, dat socprev-kit niet zelf maakt: een databank bevat alleen de eigen tabellen van de kit. Er werd niets uit de databank gelezen of uitgevoerd, en ze bleef zoals ze was. Lees de oorspronkelijke bestanden in een nieuwe databank in (socprev-kit import BESTANDEN --store NIEUW.duckdb).",
            "fr": "La base d'enregistrements contient {value}, que socprev-kit ne crée pas : une base ne contient que les tables du kit. Rien n'y a été lu ni exécuté, et elle est restée telle quelle. Importez les fichiers d'origine dans une nouvelle base (socprev-kit import FICHIERS --store NOUVELLE.duckdb).",
            "en": "The intake store holds {value}, which socprev-kit does not make: a store holds only the kit's own tables. Nothing in the store was read or run, and it was left as it was. Import the original files into a new store (socprev-kit import FILES --store NEW.duckdb).",
        },
    ),
    "store_missing_part": (
        "error",
        {
            "nl": "De intake-databank mist {value}: ze werd door een oudere socprev-kit gemaakt of ze is beschadigd. Ze werd niet gelezen en bleef zoals ze was. Lees de oorspronkelijke bestanden in een nieuwe databank in (socprev-kit import BESTANDEN --store NIEUW.duckdb).",
            "fr": "Il manque {value} à la base d'enregistrements : elle a été créée par une ancienne version de socprev-kit ou elle est endommagée. Elle n'a pas été lue et est restée telle quelle. Importez les fichiers d'origine dans une nouvelle base (socprev-kit import FICHIERS --store NOUVELLE.duckdb).",
            "en": "The intake store lacks {value}: it was made by an older socprev-kit or it is damaged. It was not read and was left as it was. Import the original files into a new store (socprev-kit import FILES --store NEW.duckdb).",
        },
    ),
    "store_old_version": (
        "error",
        {
            "nl": "De intake-databank heeft schemaversie {value} ({column}), ouder dan wat deze socprev-kit leest ({hint}). Ze werd niet gelezen en bleef zoals ze was. Lees de oorspronkelijke bestanden in een nieuwe databank in (socprev-kit import BESTANDEN --store NIEUW.duckdb).",
            "fr": "La base d'enregistrements a la version de schéma {value} ({column}), plus ancienne que celle que ce socprev-kit lit ({hint}). Elle n'a pas été lue et est restée telle quelle. Importez les fichiers d'origine dans une nouvelle base (socprev-kit import FICHIERS --store NOUVELLE.duckdb).",
            "en": "The intake store has schema version {value} ({column}), older than this socprev-kit reads ({hint}). It was not read and was left as it was. Import the original files into a new store (socprev-kit import FILES --store NEW.duckdb).",
        },
    ),
    "store_wrong_type": (
        "error",
        {
            "nl": "In de intake-databank is kolom {column} van het type {value}, waar socprev-kit {hint} maakt: de databank werd gewijzigd of is beschadigd. Ze werd niet gelezen en bleef zoals ze was. Lees de oorspronkelijke bestanden in een nieuwe databank in (socprev-kit import BESTANDEN --store NIEUW.duckdb).",
            "fr": "Dans la base d'enregistrements, la colonne {column} est de type {value}, là où socprev-kit crée {hint} : la base a été modifiée ou est endommagée. Elle n'a pas été lue et est restée telle quelle. Importez les fichiers d'origine dans une nouvelle base (socprev-kit import FICHIERS --store NOUVELLE.duckdb).",
            "en": "In the intake store, column {column} is of type {value} where socprev-kit makes {hint}: the store was changed or is damaged. It was not read and was left as it was. Import the original files into a new store (socprev-kit import FILES --store NEW.duckdb).",
        },
    ),
}
