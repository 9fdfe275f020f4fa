"""The index of an output folder (issue 16, item 6): one page per language, every report of the
folder from every run, the two summaries, without a kernel (the runs use a runner that returns
pages at once; the browser tests are in ``test_browser_index.py``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from synthetic_index import PLAN, synthetic_records, write_pages

from socprev_kit.batch import plan
from socprev_kit.batch.index import write_index
from socprev_kit.batch.outcome import Outcome
from socprev_kit.batch.run import execute
from socprev_kit.batch.summary import write_summaries

ROOT = Path(__file__).resolve().parents[1]
MARKUP = '<script>alert("x")</script> & <b>Oostende</b>'
COUNTS = {"reports": 0, "ok": 0, "failed": 0, "up_to_date": 0}


def _page(out: Path, lang: str) -> BeautifulSoup:
    return BeautifulSoup((out / lang / "index.html").read_text(encoding="utf-8"), "html.parser")


def _row(soup: BeautifulSoup, ident: str):  # noqa: ANN202 - a bs4 Tag
    (row,) = [tr for tr in soup.select("#reports tbody tr") if f"({ident})" in tr.td.text]
    return row


@pytest.fixture
def folder(tmp_path: Path) -> tuple[Path, list[dict]]:
    """An index of 40 reports per language; Aartselaar (11001) with known figures."""
    records = synthetic_records(40)
    for r in records:
        if r["id"] == "11001":
            r["status"], r["error"] = "ok", None
            r["headline"] = {**(r["headline"] or {}), "n_objectives": 12, "n_reached": 3,
                             "completeness": 0.853, "its_level": [
                                 {"project_id": "P", "indicator_id": "I01", "rate_ratio": 0.77,
                                  "ci_low": 0.6, "ci_high": 0.98, "rating": 3},
                                 {"project_id": "P", "indicator_id": "I02", "rate_ratio": 1.048,
                                  "ci_low": 0.9, "ci_high": 1.2}]}  # fmt: skip
        if r["id"] == "11002":
            r["name_nl"] = r["name_fr"] = MARKUP
        if r["id"] == "11004" and r["headline"]:  # a user's notebook: any JSON value
            r["headline"] = {**r["headline"], "its_level": 0.93, "n_objectives": "many"}
    write_pages(tmp_path, records)
    write_index(tmp_path, PLAN, records, COUNTS)
    return tmp_path, records


def test_each_language_page_is_wholly_in_its_language(folder) -> None:  # noqa: ANN001
    out, _ = folder
    nl, fr = _page(out, "nl"), _page(out, "fr")
    assert nl.html["lang"] == "nl" and fr.html["lang"] == "fr"
    heads = {g: [th.text for th in p.select("#reports th")] for g, p in (("nl", nl), ("fr", fr))}
    assert heads["nl"][:6] == ["Naam", "Soort", "Provincie", "Gewest", "Projecttypes", "Status"]
    assert heads["fr"][:6] == ["Nom", "Type", "Province", "Région", "Types de projet", "Statut"]
    for words in heads.values():  # no mixed headers, no timing or notebook column
        assert not [w for w in words if "/" in w or w in ("s", ".ipynb", "seconds")]
    row_nl, row_fr = _row(nl, "11001"), _row(fr, "11001")
    cells_nl = [td.text for td in row_nl.find_all("td")]
    cells_fr = [td.text for td in row_fr.find_all("td")]
    assert cells_nl[1:4] == ["Gemeente", "Antwerpen", "Vlaams Gewest"]  # as reports and overview
    assert cells_fr[1:4] == ["Commune", "Anvers", "Région flamande"]
    its_nl, its_fr = row_nl.select_one("td.its").text, row_fr.select_one("td.its").text
    assert "I01: −23\xa0% (daling; 95\xa0%-BI −40\xa0% tot −2\xa0%)" in its_nl
    assert "I02: +4,8\xa0% (geen duidelijke verandering;" in its_nl  # decimal comma
    assert "I01: −23\u202f% (baisse\u202f; IC 95\u202f% −40\u202f% à −2\u202f%)" in its_fr
    assert "+4,8\u202f% (pas de changement net" in its_fr
    # the finding's strength on the Maryland scale, where the headline has it
    assert "tot −2\xa0%) · bewijs: niveau 3/5 (Maryland)" in its_nl
    assert "preuve\u00a0: niveau 3/5 (Maryland)" in its_fr and its_nl.count("niveau") == 1
    assert "85\xa0%" in cells_nl and "85\u202f%" in cells_fr
    objectives = row_nl.select_one("td.objectives")
    assert objectives["data-v"] == "12" and objectives.text.startswith("12\n3 bereikt")
    assert row_nl["data-evidence"] == "decrease" and row_nl["data-province"] == "Antwerpen"
    odd = _row(nl, "11004")  # a number where a list was expected, text for a count
    assert odd.select_one("td.its").text == "0,93" and odd.select_one("td.objectives").text == ""
    assert odd["data-evidence"] == "none"


def test_the_table_is_whole_without_javascript_and_links_each_report(folder) -> None:  # noqa: ANN001
    out, records = folder
    for lang, other in (("nl", "fr"), ("fr", "nl")):
        soup = _page(out, lang)
        rows = soup.select("#reports tbody tr")
        assert len(rows) == 40 and not [tr for tr in rows if tr.has_attr("hidden")]
        assert soup.select_one("#filters").has_attr("hidden")  # shown by the script only
        hrefs = {a["href"] for a in soup.select("#reports a")}
        for r in records:
            assert ("../" + r["html"] in hrefs) is True, r["html"]  # own and other language
        switch = soup.select_one("nav.switch a")
        assert switch["href"] == f"../{other}/index.html" and switch["hreflang"] == other
        assert len(soup.find_all("script")) == 1 and not soup.find_all(src=True)
    chooser = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in chooser.select("ul.langs a")] == ["nl/index.html", "fr/index.html"]


def test_names_with_markup_stay_text(folder) -> None:  # noqa: ANN001
    out, _ = folder
    for lang in ("nl", "fr"):
        html = (out / lang / "index.html").read_text(encoding="utf-8")
        assert html.count("<script") == 1 and "<b>Oostende" not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;Oostende" in html
        assert _row(_page(out, lang), "11002")["data-q"].startswith('<script>alert("x")')


def test_the_overview_and_issues_files_are_linked_when_they_exist(folder) -> None:  # noqa: ANN001
    out, records = folder
    links = [a["href"] for a in _page(out, "nl").select("ul.links a")]
    assert links == ["../summary.csv", "../summary_utf8.csv"]
    (out / "nl" / "overview.html").write_text("<html></html>", encoding="utf-8")
    (out / "validation_issues_nl.xlsx").write_bytes(b"PK")
    write_index(out, PLAN, records, COUNTS)
    links = [a["href"] for a in _page(out, "nl").select("ul.links a")]
    assert links == ["../summary.csv", "../summary_utf8.csv", "../validation_issues_nl.xlsx",
                     "overview.html"]  # fmt: skip
    assert "overview.html" not in [a["href"] for a in _page(out, "fr").select("ul.links a")]


def test_both_summaries_read_back_with_their_own_options(tmp_path: Path) -> None:
    records = synthetic_records(25)
    records[3]["name_fr"] = "Liège – Écaussinnes"
    records[1]["status"], records[1]["headline"] = "ok", {"its_level": 0.93, "n_objectives": 3}
    excel, scripts = write_summaries(tmp_path, records)
    assert excel.read_bytes()[:3] == b"\xef\xbb\xbf" and scripts.read_bytes()[:3] != b"\xef\xbb\xbf"
    assert b";" in excel.read_bytes().splitlines()[0] and b"\r\n" in excel.read_bytes()
    belgian = pd.read_csv(excel, sep=";", decimal=",", encoding="utf-8-sig", dtype={"id": str})
    plain = pd.read_csv(scripts, dtype={"id": str})
    assert list(belgian.columns) == list(plain.columns) and len(belgian) == len(plain) == 50
    for column in ("completeness", "seconds", "n_objectives", "n_issues_warning"):
        assert belgian[column].dtype.kind == "f" or belgian[column].dtype.kind == "i", column
        pd.testing.assert_series_equal(belgian[column], plain[column])
    ok = [r for r in records if r["status"] == "ok"]
    assert belgian.loc[belgian["status"] == "ok", "completeness"].fillna(-1).tolist() == [
        r["headline"].get("completeness", -1) for r in ok
    ]
    assert belgian["name_fr"].tolist() == [r["name_fr"] for r in records]  # accents kept
    first = next(
        r for r in ok if isinstance(r["headline"]["its_level"], list) and r["headline"]["its_level"]
    )
    effect = first["headline"]["its_level"][0]
    text = belgian.loc[(belgian["id"] == first["id"]), "its_level"].iloc[0]
    assert text.startswith(
        f"{effect['project_id']}/I01 {effect['rate_ratio']:.2f}".replace(".", ",")
    )
    rows = list(csv.DictReader(excel.open(encoding="utf-8-sig", newline=""), delimiter=";"))
    assert rows[1]["its_level"] == "0,93" and rows[1]["n_objectives"] == "3"
    assert rows[0]["province"] == "Antwerpen" and rows[0]["region"] == "Flanders"


# --- runs that add up ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    for nis in ("35002", "35013"):
        name = f"registrations_{nis}.csv"
        (folder / name).write_bytes((ROOT / "sample_data" / "clean" / name).read_bytes())
    sheets = pd.read_excel(ROOT / "sample_data/clean/projects.xlsx", sheet_name=None, dtype=str)
    sheets["projects"].query("project_id in ['KUST-SW', 'OOS-HOT']").to_csv(
        folder / "projects.csv", index=False
    )
    return folder


def _instant(jobs: list, timeout: object):  # noqa: ANN202 - the runner's (job, outcome)s
    """A runner that makes each report at once: a page naming it, a headline."""
    for job in jobs:
        page = f"<html><body>{job.kind} {job.id} {job.lang}</body></html>"
        headline = {"n_projects": 1, "n_objectives": 2, "completeness": 0.5}
        yield job, Outcome(job.key, "ok", None, headline, "{}", page, "2026-12-07T18:00:00")


def _run(data: Path, out: Path, names: list[str], **request: object):  # noqa: ANN202
    the_plan = plan(names, data=data, **request)
    return execute(the_plan, out, _instant, {"force": False})


def test_the_index_lists_every_report_of_every_run(data: Path, tmp_path: Path) -> None:
    first = _run(data, tmp_path, ["35013"], langs=["nl"])
    second = _run(data, tmp_path, ["35002"], projects=["KUST-SW"], langs=["fr"])
    assert [(r["lang"], r["id"]) for r in second.records] == [("fr", "35002"), ("fr", "KUST-SW")]
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in manifest["reports"]] == ["35002", "KUST-SW"]  # the run's own
    merged = json.loads((tmp_path / "reports.json").read_text(encoding="utf-8"))["reports"]
    seen = {(r["lang"], r["id"]): r["this_run"] for r in merged}
    assert seen == {("nl", "35013"): "earlier", ("fr", "35002"): "made",
                    ("fr", "KUST-SW"): "made"}  # fmt: skip
    assert second.folder == merged and first.records[0]["facets"]["region"] == ["Flanders"]
    summary = pd.read_csv(tmp_path / "summary.csv", sep=";", decimal=",", encoding="utf-8-sig",
                          dtype=str)  # fmt: skip
    assert sorted(zip(summary["lang"], summary["id"], summary["this_run"], strict=True)) == sorted(
        (g, i, t) for (g, i), t in seen.items()
    )
    assert _page(tmp_path, "nl").select_one("#reports tbody tr")["class"] == ["row-ok", "earlier"]
    kust = _row(_page(tmp_path, "fr"), "KUST-SW")
    assert kust["data-province"] == "West-Vlaanderen" and kust["data-project_types"]
    # a page removed by hand: no longer listed; the run after asks for the same again
    (tmp_path / "nl" / "municipality_35013.html").unlink()
    third = _run(data, tmp_path, ["35002"], langs=["fr"])
    assert [(r["lang"], r["id"], r["this_run"]) for r in third.folder] == [
        ("fr", "35002", "up to date"), ("fr", "KUST-SW", "earlier")]  # fmt: skip
    assert _page(tmp_path, "nl").select("#reports tbody tr") == []  # no stale page
    assert len(pd.read_csv(tmp_path / "summary_utf8.csv")) == 2


def test_the_run_writes_the_issues_of_its_data_in_each_language(tmp_path: Path) -> None:
    """A value typed as a word in the Dutch CSV of Oostende: each language of the run gets the
    issues file (headers, severity and message in its language, the file and row named), the
    manifest lists it, the index of that language links it; no temporary file is left."""
    data = tmp_path / "data"
    data.mkdir()
    name = "registrations_35013.csv"
    lines = (ROOT / "sample_data" / "clean" / name).read_bytes().split(b"\r\n")
    assert lines[5].startswith(b"KUST-SW;35013;2019-05;I02;")
    lines[5] = b"KUST-SW;35013;2019-05;I02;twaalf;meldpunt overlast;"
    (data / name).write_bytes(b"\r\n".join(lines))
    out = tmp_path / "out"
    _run(data, out, ["35013"], langs=["nl", "fr"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = {"nl": "validation_issues_nl.xlsx", "fr": "validation_issues_fr.xlsx"}
    assert manifest["validation_issues"] == files
    words = {
        "nl": ("bestand", "rij", "ernst", "melding", "fout", "geen getal"),
        "fr": ("fichier", "ligne", "gravité", "message", "erreur", "pas un nombre"),
    }
    for lang, file in files.items():
        issues = pd.read_excel(out / file, dtype=str)  # openpyxl: a real workbook
        file_h, row_h, severity_h, message_h, error, said = words[lang]
        (bad,) = issues[issues[message_h].str.contains("twaalf", na=False)].to_dict("records")
        assert bad[file_h].endswith(name) and bad[row_h] == "6" and bad[severity_h] == error
        assert said in bad[message_h].lower()
        links = [a["href"] for a in _page(out, lang).select("ul.links a")]
        assert f"../{file}" in links
    assert not list(out.rglob("*.tmp")) and not (out / "validation_issues_en.xlsx").exists()
