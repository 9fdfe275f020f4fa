"""The data contract: the canonical tables, their columns and the headers accepted for them.

This module is data, not logic. Everything that reads or checks a table looks here: the loader maps
headers to canonical names with :data:`ALIASES`, the validator reads :data:`TABLES` to know which
columns are required and how each one is parsed.

Column kinds
------------
``text``      free text, kept as given (stripped)
``code``      an identifier (project id, indicator id, code-list code), stripped
``nis``       a 5-digit NIS code (REFNIS); Belgian codes have no leading zero, so a code that is
              not 5 digits is an error, never padded silently
``period``    ``2024-03`` (month), ``2024-Q1`` (quarter) or ``2024`` (year)
``date``      a calendar day
``end``       a calendar day that may be the usual "no end" placeholder ``31/12/9999``: read as
              no end (blank), not as an error
``number``    a decimal number; decimal comma and thousands separators accepted
``int``       a whole number
``list``      several codes separated by ``;`` or ``,``
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal["text", "code", "nis", "period", "date", "end", "number", "int", "list"]
TableName = Literal["registrations", "projects", "objectives", "context"]


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind
    required: bool = False
    aliases: tuple[str, ...] = ()


#: Provenance columns added by the loader to every row of every table: the file, the sheet
#: (empty for CSV and Parquet), the 1-based row and the spreadsheet column letter of the row's
#: ``value`` (registrations: with the row, the cell a person looks up; empty for other tables).
PROVENANCE = ("source_file", "source_sheet", "source_row", "source_column")

TABLES: dict[str, tuple[Column, ...]] = {
    "registrations": (
        Column("project_id", "code", True, ("project", "project-id", "projet", "id projet")),
        Column(
            "nis_code",
            "nis",
            True,
            (
                "nis",
                "nis-code",
                "niscode",
                "nis code",
                "code nis",
                "code-nis",
                "refnis",
                "ins",
                "code ins",
                "code-ins",
                "code ins commune",
                "nis gemeente",
            ),
        ),
        Column("municipality", "text", False, ("gemeente", "commune", "stad", "ville")),
        Column("period", "period", True, ("periode", "période", "maand", "mois", "month")),
        Column(
            "indicator_id",
            "code",
            True,
            ("indicator", "indicator-id", "indicatorcode", "indicateur", "code indicateur"),
        ),
        Column("value", "number", True, ("waarde", "valeur", "aantal", "nombre")),
        Column("source", "text", False, ("bron",)),
        Column("note", "text", False, ("opmerking", "remarque", "commentaar", "commentaire")),
    ),
    "projects": (
        Column("project_id", "code", True, ("project", "project-id", "projet", "id projet")),
        Column("name", "text", True, ("naam", "nom", "projectnaam", "nom du projet")),
        Column("project_types", "list", True, ("projecttypes", "type project", "types de projet")),
        Column(
            "lead_nis_code",
            "nis",
            True,
            ("trekkende gemeente", "hoofdgemeente", "commune pilote", "lead nis"),
        ),
        Column(
            "nis_codes",
            "list",
            False,
            ("deelnemende gemeenten", "communes participantes", "participating nis codes"),
        ),
        Column("phenomenon", "code", False, ("fenomeen", "phénomène")),
        Column("start_date", "date", True, ("startdatum", "date de début", "begindatum")),
        Column(
            "intervention_date",
            "date",
            False,
            ("interventiedatum", "date d'intervention", "date intervention"),
        ),
        Column("end_date", "end", False, ("einddatum", "date de fin")),
        Column("evaluation_design", "code", False, ("evaluatieontwerp", "design d'évaluation")),
        Column("impact_model", "code", False, ("impactmodel", "modèle d'impact")),
        Column("lag_months", "int", False, ("vertraging", "vertraging (maanden)", "délai (mois)")),
        Column(
            "comparison_nis_codes",
            "list",
            False,
            ("vergelijkingsgemeenten", "communes de comparaison"),
        ),
    ),
    "objectives": (
        Column("project_id", "code", True, ("project", "project-id", "projet", "id projet")),
        Column("objective_id", "code", True, ("doelstelling", "objectif", "doelstelling-id")),
        Column("level", "code", True, ("niveau",)),
        Column("text", "text", False, ("omschrijving", "description", "tekst", "texte")),
        Column("indicator_id", "code", True, ("indicator", "indicateur", "indicator-id")),
        Column("baseline_value", "number", False, ("nulmeting", "valeur de base", "baseline")),
        Column("baseline_period", "period", False, ("periode nulmeting", "période de base")),
        Column("target_value", "number", False, ("streefwaarde", "valeur cible", "target")),
        Column("target_period", "period", False, ("periode streefwaarde", "période cible")),
    ),
}

#: Context data: registrations that belong to no project (police statistics, Statbel figures),
#: for any municipality. The columns of a registrations file without a project column; a file
#: with a project column is a registrations file (:func:`socprev_kit.data.tables.identify`).
TABLES["context"] = tuple(c for c in TABLES["registrations"] if c.name != "project_id")
#: Columns of a table that are not required but whose absence is reported (a warning).
RECOMMENDED: dict[str, tuple[str, ...]] = {"context": ("source",)}

#: Sheet names (normalised) that say which table a sheet holds, besides its columns.
SHEET_NAMES: dict[str, str] = {
    "registrations": "registrations",
    "registraties": "registrations",
    "registratie": "registrations",
    "enregistrements": "registrations",
    "projects": "projects",
    "projecten": "projects",
    "projets": "projects",
    "objectives": "objectives",
    "doelstellingen": "objectives",
    "objectifs": "objectives",
    "context": "context",
    "contextgegevens": "context",
    "contextdata": "context",
    "contexte": "context",
    "donnees de contexte": "context",
}


def normalise_header(text: object) -> str:
    """Fold a header to compare it with names and aliases.

    Lower case, accents removed, ``_``, ``-``, control characters (a NUL byte, a form feed) and
    runs of blanks made one space.

    >>> normalise_header("  Période ")
    'periode'
    >>> normalise_header("NIS-code")
    'nis code'
    """
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[\s_\-\x00-\x1f\x7f]+", " ", s.lower())
    return s.strip()


def _alias_map() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for table, columns in TABLES.items():
        m: dict[str, str] = {}
        for col in columns:
            for name in (col.name, *col.aliases):
                m[normalise_header(name)] = col.name
        out[table] = m
    return out


#: ``ALIASES[table][normalised header] -> canonical column``
ALIASES: dict[str, dict[str, str]] = _alias_map()


def columns(table: str) -> tuple[Column, ...]:
    """The canonical columns of ``table``."""
    return TABLES[table]


def required(table: str) -> list[str]:
    """Names of the required columns of ``table``."""
    return [c.name for c in TABLES[table] if c.required]


def column_names(table: str) -> list[str]:
    """Names of all canonical columns of ``table``, in order."""
    return [c.name for c in TABLES[table]]
