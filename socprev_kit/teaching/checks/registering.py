"""Checks of notebook 03 (registering): where the error is, and what should have been typed.

Both take the :class:`~socprev_kit.validation.dataset.Dataset` that ``sk.load`` read from a messy
file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import exercise as ex
from ..answers import as_number
from ..exercise import Feedback, Say, feedback

if TYPE_CHECKING:
    from ...validation.dataset import Dataset

__all__ = ["check_corrected_period", "check_error_row"]

THE_VALUE: Say = (
    "{value} is de waarde die in de cel staat (kolom `value`). Gevraagd is het rijnummer: "
    "kolom `row`.",
    "{value} est la valeur de la cellule (colonne `value`). On demande le numéro de ligne : "
    "colonne `row`.",
    "{value} is the value in the cell (column `value`). The row number is asked: column `row`.",
)
OFF_BY_ONE: Say = (
    "Net ernaast. Tel niet zelf: de kolom `row` geeft de regel zoals in het bestand, waarbij "
    "regel 1 de kolomkoppen zijn. Lees de rij van de **error**.",
    "Tout près. Ne comptez pas vous-même : la colonne `row` donne la ligne comme dans le "
    "fichier, la ligne 1 étant celle des en-têtes. Lisez la ligne de l'**error**.",
    "Close. Do not count yourself: the `row` column gives the line as in the file, line 1 "
    "being the headings. Read the row of the **error**.",
)
ROW_HINT: Say = (
    "Kijk in de tabel `issues` naar de rij met severity **error**; het getal in de kolom `row` "
    "is je antwoord.",
    "Dans le tableau `issues`, regardez la ligne dont la severity est **error** ; le nombre de "
    "la colonne `row` est votre réponse.",
    "In the `issues` table, look at the line with severity **error**; the number in the `row` "
    "column is your answer.",
)
NO_ERROR: Say = (
    "Dit bestand heeft geen error. Laad je het juiste bestand?",
    "Ce fichier n'a pas d'error. Avez-vous chargé le bon fichier ?",
    "This file has no error. Did you load the right file?",
)


def check_error_row(answer: object, data: Dataset, *, lang: str) -> Feedback:
    """Check the row (the Excel row, or the line of a CSV file) of the error in ``data``.

    Recognises the cell's value typed instead of its row, and a row one or two off (counted by
    hand, without the heading line).
    """
    if ex.is_unanswered(answer):
        return ex.not_answered(lang)
    errors = data.issues[(data.issues["severity"] == "error") & data.issues["row"].notna()]
    if errors.empty:
        return feedback(lang, [("wrong", NO_ERROR)])
    first = errors.iloc[0]
    number = as_number(answer)
    mistakes = [(as_number(first["value"]), THE_VALUE)]
    mistakes += [(float(first["row"]) + shift, OFF_BY_ONE) for shift in (-2, -1, 1)]
    mistakes = [(v, s) for v, s in mistakes if isinstance(v, int | float)]
    return ex.compare_number(number, float(first["row"]), lang=lang, mistakes=mistakes,
                             hint=ROW_HINT, rel=1e-9, value=first["value"])  # fmt: skip


RIGHT_PERIOD: Say = (
    "Juist: {expected}. Dan verdwijnen de error én de warning.",
    "Exact : {expected}. L'error et le warning disparaissent alors tous les deux.",
    "Right: {expected}. Both the error and the warning then disappear.",
)
WRONG_PERIOD: Say = (
    "Nog niet juist: {answer!r}.",
    "Pas encore exact : {answer!r}.",
    "Not right yet: {answer!r}.",
)
TYPED_BACK: Say = (
    "Dat is wat er verkeerd getypt werd: die maand ligt vóór de start van het project.",
    "C'est ce qui a été mal tapé : ce mois précède le début du projet.",
    "That is what was mistyped: that month lies before the start of the project.",
)
FORMAT: Say = (
    'De juiste maand, maar schrijf ze zoals in het bestand: jaar-maand, bv. "{expected}".',
    'Le bon mois, mais écrivez-le comme dans le fichier : année-mois, p. ex. "{expected}".',
    'The right month, but write it as in the file: year-month, e.g. "{expected}".',
)
ALREADY_THERE: Say = (
    "Die maand staat al in de reeks. Lees de **warning**: welke maand ontbreekt er?",
    "Ce mois figure déjà dans la série. Lisez le **warning** : quel mois manque-t-il ?",
    "That month is already in the series. Read the **warning**: which month is missing?",
)
PERIOD_HINT: Say = (
    "Lees beide meldingen samen: de error zegt wat er fout getypt is, de warning welke maand "
    'er ontbreekt. Typ de periode tussen aanhalingstekens, bv. "2024-01".',
    "Lisez les deux signalements ensemble : l'error dit ce qui a été mal tapé, le warning quel "
    'mois manque. Tapez la période entre guillemets, p. ex. "2024-01".',
    "Read both messages together: the error says what was mistyped, the warning which month is "
    'missing. Type the period between quotes, e.g. "2024-01".',
)


def check_corrected_period(answer: object, data: Dataset, *, lang: str) -> Feedback:
    """Check the period that should have been typed in the row with the wrong period.

    The right month is the one missing from a series of ``data`` (a month that the other
    indicators of the file have). Recognises the wrong period typed back, the right month in
    another form (``06/2024``, ``2024/6``...) and a month that is already there.
    """
    if ex.is_unanswered(answer):
        return ex.not_answered(lang)
    regs = data.registrations
    months = set(regs["period"].astype(str))
    missing = sorted(
        {m for _, g in regs.groupby("indicator_id") for m in months - set(g["period"].astype(str))}
    )
    expected = missing[0] if missing else ""
    typed = data.issues.loc[data.issues["severity"] == "error", "value"].astype(str).tolist()
    fields = {"answer": answer, "expected": expected}
    text = str(answer).strip() if isinstance(answer, str | int | float) else repr(answer)
    if text == expected:
        return feedback(lang, [("ok", RIGHT_PERIOD)], **fields)
    month = _month(answer)
    hint = (
        TYPED_BACK if month in typed or text in typed
        else FORMAT if month == expected
        else ALREADY_THERE if month in months
        else PERIOD_HINT
    )  # fmt: skip
    return feedback(lang, [("wrong", WRONG_PERIOD), ("hint", hint)], **fields)


def _month(answer: object) -> str:
    """``YYYY-MM`` of a month written another way (``06/2024``, ``2024/6``, a date); else ''."""
    if hasattr(answer, "year") and hasattr(answer, "month"):
        return f"{answer.year:04d}-{answer.month:02d}"
    text = str(answer)
    found = re.fullmatch(r"\s*(\d{4})\s*[-/. ]?\s*(\d{1,2})\s*", text)
    if found:
        year, month = found.groups()
    else:
        found = re.fullmatch(r"\s*(\d{1,2})\s*[-/. ]\s*(\d{4})\s*", text)
        if not found:
            return ""
        month, year = found.groups()
    return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else ""
