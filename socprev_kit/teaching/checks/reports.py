"""Checks of notebook 07 (many reports): which reports failed, which file to send.

Both checks take the :class:`~socprev_kit.batch.BatchResult` the notebook made (``batch(...)``)
and compute the right answer from its records, so they work on a trainer's own data and batch.

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
>>> check_report_file("nl/municipality_35002.html", result, "35002", lang="fr").passed
True
"""

from __future__ import annotations

from pathlib import PurePath

from ...common.errors import UnknownMunicipalityError
from ...data.reference import find_municipality
from ..exercise import Feedback, Say, feedback, is_unanswered, not_answered, say

__all__ = ["check_failed_reports", "check_report_file"]

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


def _shown(answer: object) -> str:
    text = repr(answer)
    return text if len(text) <= 60 else f"{type(answer).__name__} ({text[:40]}...)"


def _name(record: dict, lang: str) -> str:
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
        return feedback(lang, [("wrong", A_COUNT if count else NOT_A_LIST)], shown=_shown(answer))
    resolved = [_resolve(item, by_id) for item in items]
    given = {code for code, _ in resolved}
    if given == failed and not failed:
        return feedback(lang, [("ok", NOTHING_RIGHT)])
    if given == failed:
        names = ", ".join(_name(by_id[c], lang) for c in sorted(failed))
        lines = [("ok", FAILED_RIGHT)] + (
            [("hint", USE_CODES)] if any(n for _, n in resolved) else []
        )
        return feedback(lang, lines, names=names)
    return feedback(lang, _failed_hints(given, failed, by_id, lang), shown=_shown(answer))


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
            names = ", ".join(_name(by_id[c], lang) for c in rows)
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

NOT_TEXT: Say = (
    "Geef de bestandsnaam als tekst tussen aanhalingstekens, zoals in de kolom `html`, "
    'bv. "nl/municipality_12345.html"; je antwoord was {shown}.',
    "Donnez le nom du fichier comme texte entre guillemets, comme dans la colonne `html`, "
    'p. ex. "fr/municipality_12345.html" ; votre réponse était {shown}.',
    "Give the file name as text in quotes, as in column `html`; you gave {shown}.",
)
FILE_RIGHT: Say = (
    "Juist: {expected}, de pagina in het {lang_name}. Ze opent in elke browser, zonder code.",
    "Exact : {expected}, la page en {lang_name}. Elle s'ouvre dans tout navigateur, sans code.",
    "Right: {expected}, the page in {lang_name}. It opens in any browser, without code.",
)
FILE_WRONG: Say = (
    "Nog niet juist: {shown}.",
    "Pas encore exact : {shown}.",
    "Not right yet: {shown}.",
)
IPYNB: Say = (
    "Dat is het notitieboek (.ipynb): daarvoor heb je Jupyter nodig en het toont de code. Stuur "
    "de pagina met dezelfde naam die eindigt op .html.",
    "C'est le carnet (.ipynb) : il faut Jupyter pour l'ouvrir et il montre le code. Envoyez la "
    "page du même nom qui se termine par .html.",
    "That is the notebook (.ipynb): it needs Jupyter and shows the code. Send the .html page "
    "of the same name.",
)
WRONG_LANG: Say = (
    "Dat is de versie in het {given_name}. {place} ligt in {region}: stuur de versie in het "
    "{lang_name} (de map {folders}/).",
    "C'est la version en {given_name}. {place} se trouve en {region} : envoyez la version en "
    "{lang_name} (le dossier {folders}/).",
    "That is the {given_name} version. {place} is in {region}: send the {lang_name} version "
    "(folder {folders}/).",
)
INDEX: Say = (
    "De indexpagina is voor jou: ze toont alle rapporten van de batch. Een gemeente krijgt alleen "
    "haar eigen rapport.",
    "La page d'index est pour vous : elle montre tous les rapports du lot. Une commune ne reçoit "
    "que son propre rapport.",
    "The index page is for you: it lists every report. A municipality gets its own report only.",
)
TABLE: Say = (
    "Dat is een tabel van de hele batch (summary.csv of manifest.json), niet het rapport. Kijk in "
    "de kolom `html`.",
    "C'est un tableau de tout le lot (summary.csv ou manifest.json), pas le rapport. Regardez la "
    "colonne `html`.",
    "That is a table of the whole batch, not the report. Look at column `html`.",
)
OTHER_PLACE: Say = (
    "Dat is het rapport van {other}, niet van {place} ({nis}).",
    "C'est le rapport de {other}, pas celui de {place} ({nis}).",
    "That is the report of {other}, not of {place} ({nis}).",
)
BY_NAME: Say = (
    "De kit noemt de bestanden naar de NIS-code, nooit naar de naam: zoek in de kolom `id` de "
    "code van {place}.",
    "Le kit nomme les fichiers d'après le code INS, jamais d'après le nom : cherchez le code de "
    "{place} dans la colonne `id`.",
    "The kit names files by NIS code, never by name: look up the code of {place} in column `id`.",
)
NO_FOLDER: Say = (
    "Welke taal? Zet de map ervoor, zoals in de kolom `html`: {folders}/...",
    "Quelle langue ? Ajoutez le dossier devant, comme dans la colonne `html` : {folders}/...",
    "Which language? Put the folder in front, as in column `html`: {folders}/...",
)
NO_REPORT: Say = (
    "Deze batch heeft geen geslaagd rapport van {place} ({nis}) in het {lang_name}: maak het "
    "eerst met batch(...).",
    "Ce lot n'a pas de rapport réussi pour {place} ({nis}) en {lang_name} : produisez-le d'abord "
    "avec batch(...).",
    "This batch has no successful {lang_name} report of {place} ({nis}): make it first.",
)
LANG_NAMES = {
    "nl": {"nl": "Nederlands", "fr": "Frans", "en": "Engels"},
    "fr": {"nl": "néerlandais", "fr": "français", "en": "anglais"},
    "en": {"nl": "Dutch", "fr": "French", "en": "English"},
}
REGION_NAMES = {
    "nl": {"Flanders": "Vlaanderen", "Wallonia": "Wallonië", "Brussels": "Brussel"},
    "fr": {"Flanders": "Flandre", "Wallonia": "Wallonie", "Brussels": "Bruxelles"},
    "en": {"Flanders": "Flanders", "Wallonia": "Wallonia", "Brussels": "Brussels"},
}
#: The report languages a municipality reads, by region (Brussels: either).
REGION_LANGS = {"Flanders": ("nl",), "Wallonia": ("fr",), "Brussels": ("nl", "fr")}
LOOK: Say = (
    "Zoek in de tabel de rij van {place} ({nis}) in het {lang_name}; de naam staat in de kolom "
    "`html`.",
    "Cherchez dans le tableau la ligne de {place} ({nis}) en {lang_name} ; le nom est dans la "
    "colonne `html`.",
    "Find the row of {place} ({nis}) in {lang_name} in the table; the name is in column `html`.",
)


def check_report_file(
    answer: object, result: object, nis_code: str, *, lang: str = "nl"
) -> Feedback:
    """Exercise 2 of notebook 07: the file to send to the municipality ``nis_code``.

    The right file is the HTML page of that municipality's report that succeeded, in the
    language of its region (Flanders: nl, Wallonia: fr, Brussels: either), as written in the
    ``html`` column (relative to the output folder; a path ending with it is right too).

    Parameters
    ----------
    answer
        The file name, e.g. ``"fr/municipality_82036.html"``; ``...`` while not answered.
    result
        The :class:`~socprev_kit.batch.BatchResult` of the batch that made the report.
    nis_code
        The municipality that asks for its report (a NIS code or a name).
    lang
        ``"nl"``, ``"fr"`` or ``"en"``: the language of the feedback.
    """
    if is_unanswered(answer):
        return not_answered(lang)
    row = find_municipality(str(nis_code))
    fields = _place_fields(row, lang)
    records = [r for r in result.records if r["kind"] == "municipality"]
    wanted = {
        r["html"]: r
        for r in records
        if r["id"] == fields["nis"] and r["lang"] in fields["langs"] and r["status"] == "ok"
    }
    if not wanted:
        return feedback(lang, [("wrong", NO_REPORT)], **fields)
    if not isinstance(answer, str | PurePath) or not str(answer).strip():
        return feedback(lang, [("wrong", NOT_TEXT)], shown=_shown(answer), **fields)
    parts = [p for p in str(answer).strip().replace("\\", "/").split("/") if p not in ("", ".")]
    tail = "/".join(parts[-2:])
    if tail in wanted:
        given = LANG_NAMES[lang][wanted[tail]["lang"]]
        return feedback(
            lang, [("ok", FILE_RIGHT)], **{**fields, "expected": tail, "lang_name": given}
        )
    hint = _file_hint(parts, records, wanted, row, lang)
    return feedback(lang, [("wrong", FILE_WRONG), ("hint", hint)], shown=_shown(answer), **fields)


def _place_fields(row: object, lang: str) -> dict:
    """The municipality's name, code, region and report language(s), for the sentences."""
    region = str(row["region"])
    langs = REGION_LANGS.get(region, ("nl", "fr"))
    joiner = {"nl": " of ", "fr": " ou ", "en": " or "}[lang]
    return {
        "place": row["name_fr"] if lang == "fr" else row["name_nl"],
        "nis": str(row["nis_code"]),
        "region": REGION_NAMES[lang].get(region, region),
        "langs": langs,
        "lang_name": joiner.join(LANG_NAMES[lang][g] for g in langs),
        "folders": "/".join(langs),
    }


def _file_hint(
    parts: list[str], records: list[dict], wanted: dict[str, dict], row: object, lang: str
) -> Say:
    """The likeliest mistake behind a wrong file name."""
    tail, name = "/".join(parts[-2:]), parts[-1].lower()
    if name == "index.html":
        return INDEX
    if name in ("summary.csv", "manifest.json"):
        return TABLE
    nis = str(row["nis_code"])
    for record in records:
        if tail not in (record["html"], record["ipynb"]):
            continue
        if record["id"] != nis:
            return _other(record, row, lang)
        if tail == record["ipynb"]:
            return IPYNB
        return _wrong_lang(record, row, lang)
    if len(parts) == 1 and any(h.split("/")[-1] == parts[0] for h in wanted):
        return NO_FOLDER
    if name.endswith(".ipynb") and nis in name:
        return IPYNB
    folded = _fold(name)
    if any(_fold(row[c]) and _fold(row[c]) in folded for c in ("name_nl", "name_fr")):
        return BY_NAME
    return LOOK


def _other(record: dict, row: object, lang: str) -> str:
    fields = _place_fields(row, lang)
    return say(lang, OTHER_PLACE, other=_name(record, lang), **fields)


def _wrong_lang(record: dict, row: object, lang: str) -> str:
    fields = _place_fields(row, lang)
    given = LANG_NAMES[lang].get(record["lang"], record["lang"])
    return say(lang, WRONG_LANG, given_name=given, **fields)


def _fold(text: object) -> str:
    """Lower case, no accents, letters and digits only: ``"Vaux-sur-Sûre"`` → ``"vauxsursure"``."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return "".join(c for c in plain.lower() if c.isalnum())
