"""Where things are in the registration workbook: sheet names, headers, rows and columns.

Data shared by the writer (:mod:`socprev_kit.registration.workbook.write`) and the reader
(:mod:`socprev_kit.data.formats.registration`), so that what one writes the other finds. The project
and objectives sheets use headers that :data:`socprev_kit.data.contract.ALIASES` knows, so they read
back as the ``projects`` and ``objectives`` tables with no special reader; the registration sheet is
wide (one column per period) and has a reader of its own.
"""

from __future__ import annotations

import datetime as dt
import re

from ..contract import normalise_header

LANGS = ("nl", "fr", "en")

#: Sheet names per language; ``lists`` holds the code lists of the drop-downs (hidden).
SHEETS: dict[str, dict[str, str]] = {
    "nl": {
        "instructions": "Instructies",
        "registrations": "Registraties",
        "projects": "Projecten",
        "objectives": "Doelstellingen",
        "lists": "Lijsten",
    },
    "fr": {
        "instructions": "Instructions",
        "registrations": "Enregistrements",
        "projects": "Projets",
        "objectives": "Objectifs",
        "lists": "Listes",
    },
    "en": {
        "instructions": "Instructions",
        "registrations": "Registrations",
        "projects": "Projects",
        "objectives": "Objectives",
        "lists": "Lists",
    },
}
#: Sheets of the template that hold no table: skipped without a word when the workbook is ours.
AUXILIARY = frozenset(
    normalise_header(SHEETS[lang][s]) for lang in LANGS for s in ("instructions", "lists")
)

# --- the registration sheet -------------------------------------------------------------------

#: Fixed columns, in order, before the period columns.
FIXED = ("project_id", "nis_code", "municipality", "indicator_id", "indicator_name", "unit")
FIXED_HEADERS: dict[str, tuple[str, ...]] = {
    "nl": ("Project", "NIS-code", "Gemeente", "Indicator", "Naam indicator", "Eenheid"),
    "fr": ("Projet", "Code INS", "Commune", "Indicateur", "Nom de l'indicateur", "Unité"),
    "en": ("Project", "NIS code", "Municipality", "Indicator", "Indicator name", "Unit"),
}
FIXED_WIDTHS = (12, 9, 16, 10, 46, 13)
PERIOD_WIDTH = 9
TITLE_ROW, HELP_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1
#: 1-based column of the first period.
FIRST_PERIOD = len(FIXED) + 1

_ROLES = {
    normalise_header(h): role
    for hs in FIXED_HEADERS.values()
    for h, role in zip(hs, FIXED, strict=True)
}
PERIOD = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?")


def periods_of(year: int, *, quarters: bool, whole_year: bool) -> list[str]:
    """The period headers of a registration sheet: the 12 months, then the quarters and the
    year when an indicator needs them.

    >>> periods_of(2026, quarters=False, whole_year=True)[-2:]
    ['2026-12', '2026']
    """
    out = [f"{year}-{m:02d}" for m in range(1, 13)]
    out += [f"{year}-Q{q}" for q in range(1, 5)] if quarters else []
    return out + ([str(year)] if whole_year else [])


def period_for(frequency: str, month_period: str) -> str:
    """The period holding the month ``2026-05`` at ``frequency`` (the column to look in).

    >>> period_for("quarter", "2026-05"), period_for("wave", "2026-05")
    ('2026-Q2', '2026')
    """
    year, month = month_period[:4], int(month_period[5:7])
    if frequency == "month":
        return month_period
    if frequency == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return year


def frequency_of(period: str) -> str:
    """``month``, ``quarter`` or ``year`` (a year column also takes survey waves)."""
    return "quarter" if "Q" in period else "month" if "-" in period else "year"


def header_period(cell: object) -> str | None:
    """A period column's header as the period it names, or ``None``; a header that a
    spreadsheet turned into a date is read as its month."""
    if isinstance(cell, dt.datetime | dt.date):
        return f"{cell.year}-{cell.month:02d}"
    if isinstance(cell, int) and 1900 <= cell <= 2100:
        return str(cell)
    text = str(cell).strip() if isinstance(cell, str) else ""
    return text if PERIOD.fullmatch(text) else None


def registration_header(cells: list) -> tuple[dict[str, int], dict[int, str]] | None:
    """Recognise the header row of a registration sheet in any language.

    Returns ``({role: column index}, {column index: period})`` (0-based) when every fixed column
    and at least one period column is there, else ``None``.
    """
    roles: dict[str, int] = {}
    periods: dict[int, str] = {}
    for j, cell in enumerate(cells):
        if cell is None:
            continue
        role = _ROLES.get(normalise_header(cell))
        if role is not None:
            roles.setdefault(role, j)
        elif (period := header_period(cell)) is not None:
            periods[j] = period
    return (roles, periods) if len(roles) == len(FIXED) and periods else None


# --- the project and objectives sheets ---------------------------------------------------------

#: Headers of the projects table per language; all are aliases in ``contract.TABLES``.
PROJECT_HEADERS: dict[str, dict[str, str]] = {
    "nl": {
        "project_id": "Project",
        "name": "Naam",
        "project_types": "Type project",
        "lead_nis_code": "Trekkende gemeente",
        "nis_codes": "Deelnemende gemeenten",
        "phenomenon": "Fenomeen",
        "start_date": "Startdatum",
        "intervention_date": "Interventiedatum",
        "end_date": "Einddatum",
        "evaluation_design": "Evaluatieontwerp",
        "impact_model": "Impactmodel",
        "lag_months": "Vertraging (maanden)",
        "comparison_nis_codes": "Vergelijkingsgemeenten",
    },
    "fr": {
        "project_id": "Projet",
        "name": "Nom du projet",
        "project_types": "Types de projet",
        "lead_nis_code": "Commune pilote",
        "nis_codes": "Communes participantes",
        "phenomenon": "Phénomène",
        "start_date": "Date de début",
        "intervention_date": "Date d'intervention",
        "end_date": "Date de fin",
        "evaluation_design": "Design d'évaluation",
        "impact_model": "Modèle d'impact",
        "lag_months": "Délai (mois)",
        "comparison_nis_codes": "Communes de comparaison",
    },
    "en": {
        "project_id": "Project",
        "name": "Name",
        "project_types": "Project types",
        "lead_nis_code": "Lead NIS",
        "nis_codes": "Participating NIS codes",
        "phenomenon": "Phenomenon",
        "start_date": "Start date",
        "intervention_date": "Intervention date",
        "end_date": "End date",
        "evaluation_design": "Evaluation design",
        "impact_model": "Impact model",
        "lag_months": "Lag months",
        "comparison_nis_codes": "Comparison NIS codes",
    },
}
OBJECTIVE_HEADERS: dict[str, dict[str, str]] = {
    "nl": {
        "project_id": "Project",
        "objective_id": "Doelstelling",
        "level": "Niveau",
        "text": "Omschrijving",
        "indicator_id": "Indicator",
        "baseline_value": "Nulmeting",
        "baseline_period": "Periode nulmeting",
        "target_value": "Streefwaarde",
        "target_period": "Periode streefwaarde",
    },
    "fr": {
        "project_id": "Projet",
        "objective_id": "Objectif",
        "level": "Niveau",
        "text": "Description",
        "indicator_id": "Indicateur",
        "baseline_value": "Valeur de base",
        "baseline_period": "Période de base",
        "target_value": "Valeur cible",
        "target_period": "Période cible",
    },
    "en": {
        "project_id": "Project",
        "objective_id": "Objective id",
        "level": "Level",
        "text": "Description",
        "indicator_id": "Indicator",
        "baseline_value": "Baseline",
        "baseline_period": "Baseline period",
        "target_value": "Target",
        "target_period": "Target period",
    },
}
#: Columns that a prevention worker may change (the others are locked).
PROJECT_OPEN = ("phenomenon", "start_date", "intervention_date", "end_date", "evaluation_design",
                "impact_model", "lag_months", "project_types", "name")  # fmt: skip
OBJECTIVE_OPEN = ("text", "baseline_value", "baseline_period", "target_value", "target_period")
#: Project columns with a drop-down: column -> code list (``project_types`` may hold several).
DROPDOWNS = {
    "project_types": "project_type",
    "phenomenon": "phenomenon",
    "evaluation_design": "evaluation_design",
    "impact_model": "impact_model",
}
OBJECTIVE_DROPDOWNS = {"level": "objective_level"}

# --- colours (ARGB without alpha) ----------------------------------------------------------------

HEADER_FILL = "1F4E79"
HEADER_FONT = "FFFFFF"
FIXED_FILL = "DDEBF7"  # light blue: given, locked
INPUT_FILL = "FFF2CC"  # light yellow: fill in
DERIVED_FILL = "E2EFDA"  # light green: computed by the sheet
NOT_HERE_FILL = "D9D9D9"  # grey: this indicator has no value for this period
BORDER = "BFBFBF"
