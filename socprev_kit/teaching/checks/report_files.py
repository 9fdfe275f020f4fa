"""Check of notebook 07 (many reports), exercise 2: which file to send to a municipality.

The check takes the :class:`~socprev_kit.batch.BatchResult` the notebook made (``batch(...)``)
and computes the right answer from its records, so it works on a trainer's own data and batch.

>>> from pathlib import Path
>>> from socprev_kit.batch.run import BatchResult
>>> records = [{"kind": "municipality", "id": "35002", "lang": "nl", "name_nl": "35002",
...             "name_fr": "35002", "status": "ok", "this_run": "made",
...             "html": "nl/municipality_35002.html", "ipynb": "nl/municipality_35002.ipynb"}]
>>> result = BatchResult(Path("r"), Path("r/index.html"), Path("r/summary.csv"),
...                      Path("r/manifest.json"), records)
>>> check_report_file("nl/municipality_35002.html", result, "35002", lang="fr").passed
True
"""

from __future__ import annotations

from pathlib import PurePath

from ...data.reference import find_municipality
from ..exercise import Feedback, Say, feedback, is_unanswered, not_answered, say
from .failed_reports import record_name, shown_answer

__all__ = ["check_report_file"]

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
        return feedback(lang, [("wrong", NOT_TEXT)], shown=shown_answer(answer), **fields)
    parts = [p for p in str(answer).strip().replace("\\", "/").split("/") if p not in ("", ".")]
    tail = "/".join(parts[-2:])
    if tail in wanted:
        given = LANG_NAMES[lang][wanted[tail]["lang"]]
        return feedback(
            lang, [("ok", FILE_RIGHT)], **{**fields, "expected": tail, "lang_name": given}
        )
    hint = _file_hint(parts, records, wanted, row, lang)
    return feedback(
        lang, [("wrong", FILE_WRONG), ("hint", hint)], shown=shown_answer(answer), **fields
    )


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
    if name in ("summary.csv", "summary_utf8.csv", "manifest.json", "reports.json"):
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
    return say(lang, OTHER_PLACE, other=record_name(record, lang), **fields)


def _wrong_lang(record: dict, row: object, lang: str) -> str:
    fields = _place_fields(row, lang)
    given = LANG_NAMES[lang].get(record["lang"], record["lang"])
    return say(lang, WRONG_LANG, given_name=given, **fields)


def _fold(text: object) -> str:
    """Lower case, no accents, letters and digits only: ``"Vaux-sur-Sûre"`` → ``"vauxsursure"``."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return "".join(c for c in plain.lower() if c.isalnum())
