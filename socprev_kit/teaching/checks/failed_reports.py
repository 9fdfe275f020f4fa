"""Check of notebook 07 (many reports), exercise 1: which reports failed.

The check takes the :class:`~socprev_kit.batch.BatchResult` the notebook made (``batch(...)``)
and computes the right answer from its records, so it works on a trainer's own data and batch.

>>> from pathlib import Path
>>> from socprev_kit.batch.run import BatchResult
>>> rows = [("35002", "ok"), ("41002", "failed")]
>>> records = [{"kind": "municipality", "id": i, "lang": "nl", "name_nl": i, "name_fr": i,
...             "status": s, "this_run": "made", "html": f"nl/municipality_{i}.html",
...             "ipynb": f"nl/municipality_{i}.ipynb"} for i, s in rows]
>>> result = BatchResult(Path("r"), Path("r/index.html"), Path("r/summary.csv"),
...                      Path("r/manifest.json"), records)
>>> check_failed_reports(["41002"], result, lang="nl").passed
True
"""

from __future__ import annotations

from ...common.errors import UnknownMunicipalityError
from ...data.reference import find_municipality
from ..exercise import Feedback, Say, feedback, is_unanswered, not_answered, say

__all__ = ["check_failed_reports"]


NOT_A_LIST: Say = (
    'Geef een lijst van NIS-codes tussen vierkante haken, bv. ["12345", "67890"]; je '
    "antwoord was {shown}.",
    'Donnez une liste de codes INS entre crochets, p. ex. ["12345", "67890"] ; votre réponse '
    "était {shown}.",
    'Give a list of NIS codes in square brackets, e.g. ["12345", "67890"]; you gave {shown}.',
)
A_COUNT: Say = (
    "Dat is een aantal. De vraag is wélke gemeenten: geef hun NIS-codes in een lijst, "
    'bv. ["12345"].',
    "C'est un nombre. La question est : quelles communes ? Donnez leurs codes INS dans une liste, "
    'p. ex. ["12345"].',
    "That is a count. The question is which municipalities: give their NIS codes in a list.",
)
FAILED_RIGHT: Say = (
    "Juist, geen rapport voor: {names}.",
    "Exact, pas de rapport pour : {names}.",
    "Right, no report for: {names}.",
)
FAILED_WRONG: Say = (
    "Nog niet juist: {shown}.",
    "Pas encore exact : {shown}.",
    "Not right yet: {shown}.",
)
USE_CODES: Say = (
    "Je gaf namen. Gebruik liever de NIS-codes uit de kolom `id`: een naam kan op twee manieren "
    "geschreven worden (Bergen / Mons), een code niet.",
    "Vous avez donné des noms. Préférez les codes INS de la colonne `id` : un nom s'écrit "
    "parfois de deux façons (Mons / Bergen), un code jamais.",
    "You gave names. Prefer the NIS codes of column `id`: a name can be spelled two ways.",
)
UP_TO_DATE: Say = (
    "{names}: niet mislukt. `up to date` in de kolom `this_run` betekent dat het rapport al "
    "bestond en niets veranderde; de kolom `status` zegt `ok`.",
    "{names} : pas d'échec. `up to date` dans la colonne `this_run` veut dire que le rapport "
    "existait déjà et que rien n'a changé ; la colonne `status` indique `ok`.",
    "{names}: not failed. `up to date` in column `this_run` means the report existed and "
    "nothing changed; column `status` says `ok`.",
)
STATUS_OK: Say = (
    "{names}: niet mislukt, de kolom `status` zegt `ok`.",
    "{names} : pas d'échec, la colonne `status` indique `ok`.",
    "{names}: not failed, column `status` says `ok`.",
)
MISSING: Say = (
    "Er ontbreekt nog een gemeente: kijk naar elke rij waar de kolom `status` niet `ok` is.",
    "Il manque encore une commune : regardez chaque ligne où la colonne `status` n'est pas `ok`.",
    "A municipality is missing: look at every row where column `status` is not `ok`.",
)
NOT_IN_BATCH: Say = (
    "{shown}: zat niet in deze batch. Kijk alleen naar de tabel van de batch in de vraag.",
    "{shown} : ne faisait pas partie de ce lot. Regardez seulement le tableau du lot de la "
    "question.",
    "{shown}: not in this batch. Look only at the table of the batch in the question.",
)
NOTHING_RIGHT: Say = (
    "Juist: in deze batch mislukte niets.",
    "Exact : rien n'a échoué dans ce lot.",
    "Right: nothing failed in this batch.",
)
NOTHING_FAILED: Say = (
    "In deze batch is niets mislukt: het juiste antwoord is een lege lijst, [].",
    "Rien n'a échoué dans ce lot : la bonne réponse est une liste vide, [].",
    "Nothing failed in this batch: the right answer is an empty list, [].",
)


def _items(answer: object) -> list[str] | None:
    """The answer as a list of texts, or None when it is not a list of codes or names."""
    if isinstance(answer, str | int) and not isinstance(answer, bool):
        return [str(answer).strip()]
    listed = isinstance(answer, list | tuple | set | frozenset)
    if listed and all(isinstance(a, str | int) and not isinstance(a, bool) for a in answer):
        return [str(a).strip() for a in answer]
    return None


def shown_answer(answer: object) -> str:
    """An answer as the feedback shows it: its ``repr``, cut short when long."""
    text = repr(answer)
    return text if len(text) <= 60 else f"{type(answer).__name__} ({text[:40]}...)"


def record_name(record: dict, lang: str) -> str:
    """The municipality of a batch record, in ``lang``, with its NIS code."""
    name = record["name_fr"] if lang == "fr" else record["name_nl"]
    return f"{name} ({record['id']})"


def _resolve(item: str, by_id: dict[str, dict]) -> tuple[str, bool]:
    """``(id, by_name)``: the code of a municipality typed as code or name."""
    if item in by_id:
        return item, False
    try:
        return str(find_municipality(item)["nis_code"]), True
    except UnknownMunicipalityError:
        return item, False


def check_failed_reports(answer: object, result: object, *, lang: str = "nl") -> Feedback:
    """Exercise 1 of notebook 07: the NIS codes of the municipalities whose report failed.

    Parameters
    ----------
    answer
        A list of NIS codes (names are accepted, with a hint); ``...`` while not answered.
    result
        The :class:`~socprev_kit.batch.BatchResult` of the batch the question is about.
    lang
        ``"nl"``, ``"fr"`` or ``"en"``.
    """
    if is_unanswered(answer):
        return not_answered(lang)
    records = [r for r in result.records if r["kind"] == "municipality"]
    by_id = {r["id"]: r for r in records}
    failed = {r["id"] for r in records if r["status"] != "ok"}
    items = _items(answer)
    if items is None or (isinstance(answer, int) and items[0] not in by_id):
        count = isinstance(answer, int | float) and not isinstance(answer, bool)
        return feedback(
            lang, [("wrong", A_COUNT if count else NOT_A_LIST)], shown=shown_answer(answer)
        )
    resolved = [_resolve(item, by_id) for item in items]
    given = {code for code, _ in resolved}
    if given == failed and not failed:
        return feedback(lang, [("ok", NOTHING_RIGHT)])
    if given == failed:
        names = ", ".join(record_name(by_id[c], lang) for c in sorted(failed))
        lines = [("ok", FAILED_RIGHT)] + (
            [("hint", USE_CODES)] if any(n for _, n in resolved) else []
        )
        return feedback(lang, lines, names=names)
    return feedback(lang, _failed_hints(given, failed, by_id, lang), shown=shown_answer(answer))


def _failed_hints(
    given: set[str], failed: set[str], by_id: dict[str, dict], lang: str
) -> list[tuple[str, Say | str]]:
    """The wrong line and what went wrong: codes that did not fail, are not in the batch, or
    a failed one left out."""
    lines: list[tuple[str, Say | str]] = [("wrong", FAILED_WRONG)]
    fine = sorted(given & set(by_id) - failed)
    for sentence, rows in (
        (UP_TO_DATE, [c for c in fine if by_id[c].get("this_run") == "up to date"]),
        (STATUS_OK, [c for c in fine if by_id[c].get("this_run") != "up to date"]),
    ):
        if rows:
            names = ", ".join(record_name(by_id[c], lang) for c in rows)
            lines.append(("hint", say(lang, sentence, names=names)))
    outside = sorted(given - set(by_id))
    if outside:
        lines.append(("hint", say(lang, NOT_IN_BATCH, shown=", ".join(outside))))
    if not failed:
        lines.append(("hint", NOTHING_FAILED))
    elif failed - given:
        lines.append(("hint", MISSING))
    return lines


# --- which file to send -------------------------------------------------------------------
