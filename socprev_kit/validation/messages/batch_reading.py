"""The batch's reading of a data folder (issue 14): a file stopped for its memory or its time.

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

BATCH_READING_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
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
}
