"""Workbooks (xlsx, issue 14): a workbook or sheet over the limits of the reader.

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

WORKBOOK_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
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
}
