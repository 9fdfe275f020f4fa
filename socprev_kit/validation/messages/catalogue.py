"""Every check's severity and templates: the groups assembled in the order the kit has always
listed them (the store's texts between the files on disk and Parquet)."""

from __future__ import annotations

from ...data.store.texts import STORE_CHECKS
from .batch_reading import BATCH_READING_CHECKS
from .beyond_cap import BEYOND_CAP_CHECKS
from .cells import CELL_CHECKS
from .context import CONTEXT_CHECKS
from .disk import DISK_CHECKS
from .files import FILE_CHECKS
from .parquet import PARQUET_CHECKS
from .rows import ROW_CHECKS
from .terms import Severity
from .text_files import TEXT_FILE_CHECKS
from .workbooks import WORKBOOK_CHECKS

#: check -> (severity, {lang: template})
CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
    **FILE_CHECKS,
    **CELL_CHECKS,
    **ROW_CHECKS,
    **CONTEXT_CHECKS,
    **BATCH_READING_CHECKS,
    **BEYOND_CAP_CHECKS,
    **TEXT_FILE_CHECKS,
    **WORKBOOK_CHECKS,
    **DISK_CHECKS,
    **STORE_CHECKS,
    **PARQUET_CHECKS,
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
