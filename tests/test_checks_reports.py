"""The checks of notebook 07 (many reports): right answers pass, typical mistakes get their hint.

The batch results are made as the batch engine makes them (``store.save`` writes each report's
files and record into a real folder; ``this_run`` added as ``run.execute`` does), without
kernels. The right answers are typed by hand from the table each test builds.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from socprev_kit.batch.outcome import Outcome
from socprev_kit.batch.planning import Job
from socprev_kit.batch.run import BatchResult
from socprev_kit.batch.store import save
from socprev_kit.batch.summary import write_summaries
from socprev_kit.teaching.checks import check_failed_reports, check_report_file

NAMES = {
    "35002": ("Bredene", "Bredene"),
    "41002": ("Aalst", "Alost"),
    "82036": ("Vaux-sur-Sûre", "Vaux-sur-Sûre"),
    "53053": ("Bergen", "Mons"),
    "21004": ("Brussel", "Bruxelles"),
}
ERROR = {"ename": "ReportParameterError", "evalue": "no registrations", "cell": 3}


def _result(out: Path, rows: list[tuple[str, str, str, str]]) -> BatchResult:
    """A batch result from ``(nis, lang, status, this_run)`` rows, written by the store."""
    records = []
    for nis, lang, status, this_run in rows:
        job = Job(
            "municipality", nis, lang, *NAMES[nis], "municipality_report.ipynb", "{}",
            {"nis_code": nis, "lang": lang}, str(out), f"key-{nis}-{lang}",
        )  # fmt: skip
        error = ERROR if status == "failed" else None
        outcome = Outcome(job.key, status, error, None, "{}", "<html></html>", "")
        records.append({**save(out, job, outcome), "this_run": this_run})
    summary, _ = write_summaries(out, records)
    return BatchResult(out, out / "index.html", summary, out / "manifest.json", records)


@pytest.fixture
def mixed(tmp_path: Path) -> BatchResult:
    """The notebook's second batch: two up to date, two without data (failed)."""
    return _result(
        tmp_path,
        [
            ("35002", "nl", "ok", "up to date"),
            ("41002", "nl", "failed", "made"),
            ("82036", "nl", "ok", "up to date"),
            ("53053", "nl", "failed", "made"),
        ],
    )


@pytest.fixture
def two_langs(tmp_path: Path) -> BatchResult:
    """The notebook's first batch: Bredene and Vaux-sur-Sûre in nl and fr, and Brussels."""
    rows = [(nis, lang, "ok", "made") for lang in ("nl", "fr") for nis in ("35002", "82036")]
    return _result(tmp_path, [*rows, ("21004", "fr", "ok", "made")])


def _text(fb: object) -> str:
    return "\n".join(text for _, text in fb.lines)


def _marks(fb: object) -> list[str]:
    return [mark for mark, _ in fb.lines]


# --- exercise 1: which reports failed ---------------------------------------------------------


def test_failed_right_answer_passes(mixed: BatchResult) -> None:
    # the failed rows, read from the summary file with pandas (another route than the records)
    table = pd.read_csv(mixed.summary, sep=";", encoding="utf-8-sig", dtype=str)
    assert sorted(table.loc[table["status"] == "failed", "id"]) == ["41002", "53053"]
    for answer in (["41002", "53053"], ["53053", "41002"], ("41002", "53053", "41002")):
        fb = check_failed_reports(answer, mixed, lang="nl")
        assert fb.passed, fb
    fb = check_failed_reports([41002, 53053], mixed, lang="fr")
    assert fb.passed and "Alost (41002)" in _text(fb) and "Mons (53053)" in _text(fb)


def test_failed_by_name_passes_with_a_hint(mixed: BatchResult) -> None:
    fb = check_failed_reports(["Aalst", "Mons"], mixed, lang="nl")
    assert fb.passed and _marks(fb) == ["ok", "hint"]
    assert "NIS-codes" in _text(fb)
    fb = check_failed_reports(["Alost", "Bergen"], mixed, lang="fr")
    assert fb.passed and "codes INS" in _text(fb)


def test_failed_not_answered(mixed: BatchResult) -> None:
    for lang, words in (("nl", "Nog niet ingevuld"), ("fr", "Pas encore de réponse")):
        fb = check_failed_reports(..., mixed, lang=lang)
        assert _marks(fb) == ["todo"] and words in _text(fb)


def test_failed_up_to_date_is_not_a_failure(mixed: BatchResult) -> None:
    fb = check_failed_reports(["35002", "41002", "53053"], mixed, lang="nl")
    assert not fb.passed
    assert "Bredene (35002): niet mislukt. `up to date`" in _text(fb)
    fb = check_failed_reports(["35002", "41002", "53053"], mixed, lang="fr")
    assert "Bredene (35002) : pas d'échec. `up to date`" in _text(fb)


def test_failed_all_ok_ones_named(mixed: BatchResult) -> None:
    fb = check_failed_reports(["35002", "82036"], mixed, lang="nl")
    text = _text(fb)
    assert not fb.passed and "Bredene (35002), Vaux-sur-Sûre (82036)" in text
    assert "Er ontbreekt nog een gemeente" in text


def test_failed_one_missing(mixed: BatchResult) -> None:
    fb = check_failed_reports(["41002"], mixed, lang="nl")
    assert _marks(fb) == ["wrong", "hint"] and "Er ontbreekt nog een gemeente" in _text(fb)
    fb = check_failed_reports("41002", mixed, lang="fr")
    assert not fb.passed and "Il manque encore une commune" in _text(fb)


def test_failed_code_not_in_batch(mixed: BatchResult) -> None:
    fb = check_failed_reports(["41002", "53053", "44021"], mixed, lang="nl")
    assert not fb.passed and "44021: zat niet in deze batch" in _text(fb)
    fb = check_failed_reports(["41002", "53053", "44021"], mixed, lang="fr")
    assert "44021 : ne faisait pas partie de ce lot" in _text(fb)


def test_failed_a_count_instead_of_codes(mixed: BatchResult) -> None:
    for answer in (2, 2.0):
        fb = check_failed_reports(answer, mixed, lang="nl")
        assert _marks(fb) == ["wrong"] and "Dat is een aantal" in _text(fb)
    assert "C'est un nombre" in _text(check_failed_reports(2, mixed, lang="fr"))


@pytest.mark.parametrize(
    "answer", [True, {"41002": 1}, pd.DataFrame({"id": ["41002"]}), [["41002"]], 3.5, object()]
)
def test_failed_wrong_types_do_not_raise(mixed: BatchResult, answer: object) -> None:
    for lang in ("nl", "fr", "en"):
        fb = check_failed_reports(answer, mixed, lang=lang)
        assert not fb.passed and fb.lines


def test_failed_nothing_failed(two_langs: BatchResult) -> None:
    fb = check_failed_reports([], two_langs, lang="fr")
    assert fb.passed and "rien n'a échoué dans ce lot" in _text(fb)
    fb = check_failed_reports(["35002"], two_langs, lang="nl")
    assert "het juiste antwoord is een lege lijst" in _text(fb)


# --- exercise 2: which file to send -----------------------------------------------------------


def test_file_right_answer_passes(two_langs: BatchResult) -> None:
    fb = check_report_file("fr/municipality_82036.html", two_langs, "Vaux-sur-Sûre", lang="nl")
    assert fb.passed and "fr/municipality_82036.html" in _text(fb) and "Frans" in _text(fb)
    for answer in (
        "reports_course/fr/municipality_82036.html",
        Path("reports_course") / "fr" / "municipality_82036.html",
        " ./fr/municipality_82036.html ",
        "reports_course\\fr\\municipality_82036.html",
    ):
        assert check_report_file(answer, two_langs, "82036", lang="fr").passed, answer
    # a Flemish municipality reads Dutch
    assert check_report_file("nl/municipality_35002.html", two_langs, "Bredene", lang="fr").passed


def test_file_brussels_either_language(two_langs: BatchResult) -> None:
    fb = check_report_file("fr/municipality_21004.html", two_langs, "21004", lang="nl")
    assert fb.passed
    fb = check_report_file("nl/municipality_21004.html", two_langs, "21004", lang="nl")
    assert not fb.passed  # the batch made no Dutch report of Brussels
    assert "Zoek in de tabel de rij van Brussel (21004)" in _text(fb)


def test_file_not_answered(two_langs: BatchResult) -> None:
    fb = check_report_file(..., two_langs, "82036", lang="fr")
    assert _marks(fb) == ["todo"] and "Pas encore de réponse" in _text(fb)


def test_file_notebook_instead_of_page(two_langs: BatchResult) -> None:
    fb = check_report_file("fr/municipality_82036.ipynb", two_langs, "82036", lang="nl")
    assert _marks(fb) == ["wrong", "hint"] and "Dat is het notitieboek (.ipynb)" in _text(fb)
    fb = check_report_file("municipality_82036.ipynb", two_langs, "82036", lang="fr")
    assert "C'est le carnet (.ipynb)" in _text(fb)


def test_file_wrong_language(two_langs: BatchResult) -> None:
    fb = check_report_file("nl/municipality_82036.html", two_langs, "82036", lang="nl")
    text = _text(fb)
    assert not fb.passed
    assert "Dat is de versie in het Nederlands. Vaux-sur-Sûre ligt in Wallonië" in text
    assert "versie in het Frans (de map fr/)" in text
    fb = check_report_file("nl/municipality_82036.html", two_langs, "82036", lang="fr")
    assert "C'est la version en néerlandais. Vaux-sur-Sûre se trouve en Wallonie" in _text(fb)


def test_file_index_and_tables(two_langs: BatchResult) -> None:
    fb = check_report_file("index.html", two_langs, "82036", lang="nl")
    assert "De indexpagina is voor jou" in _text(fb)
    fb = check_report_file("reports_course/index.html", two_langs, "82036", lang="fr")
    assert "La page d'index est pour vous" in _text(fb)
    fb = check_report_file("summary.csv", two_langs, "82036", lang="nl")
    assert "Dat is een tabel van de hele batch" in _text(fb)


def test_file_other_municipality(two_langs: BatchResult) -> None:
    fb = check_report_file("fr/municipality_35002.html", two_langs, "82036", lang="nl")
    assert "Dat is het rapport van Bredene (35002), niet van Vaux-sur-Sûre (82036)" in _text(fb)
    fb = check_report_file("fr/municipality_35002.html", two_langs, "82036", lang="fr")
    assert "C'est le rapport de Bredene (35002), pas celui de Vaux-sur-Sûre" in _text(fb)


def test_file_named_after_the_municipality(two_langs: BatchResult) -> None:
    fb = check_report_file("fr/Vaux-sur-Sure.html", two_langs, "82036", lang="nl")
    assert "naar de NIS-code, nooit naar de naam" in _text(fb)
    fb = check_report_file("vaux_sur_sûre.html", two_langs, "82036", lang="fr")
    assert "d'après le code INS, jamais d'après le nom" in _text(fb)


def test_file_without_language_folder(two_langs: BatchResult) -> None:
    fb = check_report_file("municipality_82036.html", two_langs, "82036", lang="nl")
    assert "Welke taal? Zet de map ervoor" in _text(fb) and "fr/..." in _text(fb)
    fb = check_report_file("municipality_82036.html", two_langs, "82036", lang="fr")
    assert "Quelle langue ? Ajoutez le dossier" in _text(fb)


def test_file_report_missing_or_failed(mixed: BatchResult) -> None:
    # 41002 failed: no report to send, whatever the answer
    fb = check_report_file("nl/municipality_41002.html", mixed, "Aalst", lang="nl")
    assert not fb.passed and "geen geslaagd rapport van Aalst (41002)" in _text(fb)
    fb = check_report_file("nl/municipality_41002.html", mixed, "Aalst", lang="fr")
    assert "Ce lot n'a pas de rapport réussi pour Alost (41002)" in _text(fb)


@pytest.mark.parametrize("answer", [82036, 3.5, True, ["fr/municipality_82036.html"], "", None])
def test_file_wrong_types_do_not_raise(two_langs: BatchResult, answer: object) -> None:
    for lang in ("nl", "fr", "en"):
        fb = check_report_file(answer, two_langs, "82036", lang=lang)
        assert not fb.passed and fb.lines
    if answer is not None:
        fb = check_report_file(answer, two_langs, "82036", lang="nl")
        assert "Geef de bestandsnaam als tekst" in _text(fb)
