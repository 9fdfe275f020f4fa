"""The batch engine: strict plans, warm kernels, failures, timeouts, reruns, a Dask cluster.

The reports here come from the tiny notebooks in ``tests/data/notebooks`` on a tiny data set (two
projects, one with markup in its name), so that a test takes seconds, not minutes.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from socprev_kit.batch import batch, plan
from socprev_kit.batch.errors import BatchPlanError, NotebookParameterError, UnknownProjectError
from socprev_kit.batch.kernel import Worker
from socprev_kit.batch.planning import safe_name
from socprev_kit.cli import main
from socprev_kit.common.errors import UnknownMunicipalityError

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = Path(__file__).resolve().parent / "data" / "notebooks"
REPORT, PROJECT = NOTEBOOKS / "report.ipynb", NOTEBOOKS / "project.ipynb"
CLI = [sys.executable, "-m", "socprev_kit.cli", "batch"]
WARMUP = "import matplotlib.pyplot, pandas, socprev_kit"
MARKUP = '<script>alert("x")</script> & <b>Oostende</b>'


@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two projects (one intermunicipal, one named with markup) in three municipalities."""
    folder = tmp_path_factory.mktemp("data")
    for nis in ("35002", "35013"):
        name = f"registrations_{nis}.csv"
        (folder / name).write_bytes((ROOT / "sample_data" / "clean" / name).read_bytes())
    sheets = pd.read_excel(ROOT / "sample_data/clean/projects.xlsx", sheet_name=None, dtype=str)
    projects = sheets["projects"].query("project_id in ['KUST-SW', 'OOS-HOT']").copy()
    projects.loc[projects["project_id"] == "OOS-HOT", "name"] = MARKUP
    projects.to_csv(folder / "projects.csv", index=False)
    objectives = sheets["objectives"].query("project_id in ['KUST-SW', 'OOS-HOT']")
    objectives.to_csv(folder / "objectives.csv", index=False)
    return folder


def _run(tiny_data: Path, out: Path, *names: str, **options: object):  # noqa: ANN202
    options = {"langs": ["nl"], "jobs": 2, "warmup": WARMUP, **options}
    return batch(list(names), data=tiny_data, out=out, notebook=REPORT,
                 project_notebook=PROJECT, **options)  # fmt: skip


@pytest.fixture(scope="module")
def made(tiny_data: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """One batch: 3 municipalities (Antwerpen fails) and 2 projects, in nl and fr."""
    out = tmp_path_factory.mktemp("reports")
    return _run(tiny_data, out, "35013", "Bredene", "11002", projects=["all"],
                langs=["nl", "fr"], parameters={"fail_for": "11002"})  # fmt: skip


# --- strict plans ------------------------------------------------------------------------------


def test_every_problem_stops_the_plan_before_anything_runs(tiny_data: Path) -> None:
    with pytest.raises(BatchPlanError, match="Did you mean") as caught:
        plan(["Gentt", "35013"], projects=["kust-sv"], langs=["nl", "de"], data=tiny_data,
             notebooks={"municipality": REPORT, "project": PROJECT},
             parameters={"colour": "red"})  # fmt: skip
    kinds = {type(e).__name__: e for e in caught.value.errors}
    assert set(kinds) == {
        "UnknownLanguageError",
        "UnknownMunicipalityError",
        "UnknownProjectError",
        "NotebookParameterError",
    }
    assert isinstance(kinds["UnknownMunicipalityError"], UnknownMunicipalityError)
    assert "Gent (44021)" in kinds["UnknownMunicipalityError"].suggestions
    assert isinstance(kinds["UnknownProjectError"], UnknownProjectError)
    assert kinds["UnknownProjectError"].suggestions == ["KUST-SW"]
    assert kinds["NotebookParameterError"].unknown == ["colour"]


def test_a_notebook_without_the_batch_parameters_is_refused(tiny_data: Path) -> None:
    with pytest.raises(BatchPlanError, match="missing parameter.*nis_code") as caught:
        plan(["35013"], data=tiny_data, notebooks={"municipality": PROJECT})
    (error,) = caught.value.errors
    assert isinstance(error, NotebookParameterError) and error.missing == ["nis_code"]
    with pytest.raises(BatchPlanError, match="set by the batch itself"):
        plan(
            ["35013"], data=tiny_data, notebooks={"municipality": REPORT}, parameters={"lang": "fr"}
        )


def test_text_values_take_the_type_of_the_declared_default(tiny_data: Path) -> None:
    notebooks = {"municipality": REPORT}
    p = plan(["35013"], data=tiny_data, notebooks=notebooks, parameters={"pause": "0.5",
             "fail_for": "11002"})  # fmt: skip
    assert p.jobs[0].parameters["pause"] == 0.5 and p.jobs[0].parameters["fail_for"] == "11002"
    with pytest.raises(BatchPlanError, match="pause='soon'"):
        plan(["35013"], data=tiny_data, notebooks=notebooks, parameters={"pause": "soon"})


def test_groups_select_municipalities_with_data(tiny_data: Path) -> None:
    nb = {"municipality": REPORT}
    west = plan(provinces=["Flandre occidentale"], data=tiny_data, langs=["nl"], notebooks=nb)
    assert [j.id for j in west.jobs] == ["35002", "35013", "35029"]  # 35029 is in KUST-SW
    zone = plan(police_zones=["Bredene-De Haan"], data=tiny_data, langs=["nl"], notebooks=nb)
    assert [j.id for j in zone.jobs] == ["35002", "35029"]
    with pytest.raises(BatchPlanError, match="Unknown province 'Atlantis'"):
        plan(provinces=["Atlantis"], data=tiny_data, notebooks=nb)


def test_output_names_come_from_codes_and_ids_only() -> None:
    assert safe_name("GEN-DAM") == "GEN-DAM"
    assert re.fullmatch(r"[A-Za-z0-9_-]+", safe_name("../x <script>"))
    assert safe_name("a b") != safe_name("ab")


# --- one batch, looked at from every side --------------------------------------------------------


def test_a_failing_report_keeps_its_notebook_and_the_others_complete(made) -> None:  # noqa: ANN001
    status = {(r["lang"], r["kind"], r["id"]): r["status"] for r in made.records}
    assert len(status) == 10 and made.n_failed == 2
    assert (
        status["nl", "municipality", "11002"] == status["fr", "municipality", "11002"] == "failed"
    )
    nb = nbformat.read(made.out / "nl" / "municipality_11002.ipynb", as_version=4)
    assert "An Exception was encountered" in nb.cells[0].source  # papermill's banner
    html = (made.out / "nl" / "municipality_11002.html").read_text(encoding="utf-8")
    assert "no data for 11002" in html
    summary = pd.read_csv(
        made.out / "summary.csv",
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
    )
    failed = summary[summary["status"] == "failed"]
    assert set(failed["error"]) == {"ValueError: no data for 11002"}
    assert summary.loc[summary["id"] == "35013", "n_objectives"].tolist() == ["5", "5"]
    for lang in ("nl", "fr"):
        index = (made.out / lang / "index.html").read_text(encoding="utf-8")
        assert "ValueError: no data for 11002" in index


def test_outputs_are_named_and_described(made) -> None:  # noqa: ANN001
    files = {p.relative_to(made.out).as_posix() for p in made.out.rglob("*") if p.is_file()}
    assert {"nl/municipality_35002.html", "fr/project_OOS-HOT.ipynb", "index.html"} <= files
    assert {"summary.csv", "summary_utf8.csv", "manifest.json", "reports.json"} <= files
    assert {"nl/index.html", "fr/index.html"} <= files
    assert not [f for f in files if f.endswith(".tmp")]
    manifest = json.loads((made.out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["input"]["sha256"]) == 64 and manifest["kit_version"].startswith("0.")
    assert manifest["counts"] == {"reports": 10, "ok": 8, "failed": 2, "up_to_date": 0}
    report = manifest["reports"][0]
    assert {"reset", "execute", "html"} <= set(report["seconds"]) and report["headline"]


def test_names_with_markup_are_text_in_the_index(made) -> None:  # noqa: ANN001
    for lang in ("nl", "fr"):
        index = (made.out / lang / "index.html").read_text(encoding="utf-8")
        assert index.count("<script") == 1 and "<b>Oostende" not in index  # the page's own
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;Oostende" in index


def test_report_pages_are_self_contained(made) -> None:  # noqa: ANN001
    html = (made.out / "fr" / "municipality_35013.html").read_text(encoding="utf-8")
    assert re.search(r'<img[^>]+src="data:image/png;base64,', html)
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', html)
    assert not re.search(r"@import|import\(\s*['\"]https?:|<script[^>]+src", html)
    assert "find_municipality" not in html and "In&nbsp;[" not in html  # no code, no prompts
    assert '<html lang="fr">' in html
    assert "application/vnd.socprev.headline+json" not in html


def test_pages_say_what_nbconvert_says_without_its_slow_pass(made) -> None:  # noqa: ANN001
    """The page of ``socprev_kit.batch.render`` skips nbconvert's final BeautifulSoup pass; its
    text is nbconvert's, every figure has an alt text and every output a tabindex."""
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter

    from socprev_kit.batch.render import TEMPLATES, to_html

    nb = nbformat.read(made.out / "fr" / "municipality_35013.ipynb", as_version=4)
    stock = HTMLExporter(template_name="socprev", extra_template_basedirs=[str(TEMPLATES)],
                         exclude_input=True, exclude_input_prompt=True,
                         exclude_output_prompt=True, embed_images=True)  # fmt: skip
    stock.language_code = "fr"
    theirs = BeautifulSoup(stock.from_notebook_node(nb)[0], "html.parser")
    ours = BeautifulSoup(to_html(nb, "fr"), "html.parser")
    words = [" ".join(page.get_text().split()) for page in (ours, theirs)]
    assert words[0] == words[1] and "Ostende" in words[0]
    images = ours.select("img")
    assert images and all(img["alt"] == "Figure sans description" for img in images)
    outputs = ours.select("div.jp-OutputArea-output")
    assert outputs and all(div.get("tabindex") == "0" for div in outputs)
    assert len(outputs) == len(theirs.select("div.jp-OutputArea-output[tabindex='0']"))


def test_the_largest_reports_start_first(tiny_data: Path) -> None:
    from socprev_kit.batch.pool import largest_first

    the_plan = plan(["35002", "35013"], projects=["all"], data=tiny_data, langs=["nl"],
                    notebooks={"municipality": REPORT, "project": PROJECT})  # fmt: skip
    from socprev_kit import load

    regs = load(tiny_data).registrations.astype({"nis_code": str, "project_id": str})
    weights = {(j.kind, j.id): j.weight for j in the_plan.jobs}
    assert weights[("municipality", "35013")] == (regs["nis_code"] == "35013").sum() > 0
    assert weights[("project", "KUST-SW")] == (regs["project_id"] == "KUST-SW").sum() > 0
    order = [j.weight for j in largest_first(the_plan.jobs)]
    assert order == sorted(order, reverse=True)


def test_the_warm_up_imports_the_modules_the_notebooks_import() -> None:
    from socprev_kit.batch.kernel import import_code

    source = ["from socprev_kit import reports\n", "import numpy as np\n", "%matplotlib inline"]
    code = import_code([json.dumps({"cells": [{"cell_type": "code", "source": source}]})])
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 - the warm-up code, run here as a kernel would
    for module in ("socprev_kit", "socprev_kit.reports", "numpy", "matplotlib.pyplot"):
        assert repr(module) in code and module in sys.modules


# --- reruns ------------------------------------------------------------------------------------


def test_unchanged_reports_are_skipped_and_force_redoes_them(tiny_data: Path, made) -> None:  # noqa: ANN001
    page = made.out / "nl" / "municipality_35013.html"
    before = page.stat().st_mtime_ns
    again = _run(tiny_data, made.out, "35013", "Bredene", projects=["all"], langs=["nl", "fr"],
                 parameters={"fail_for": "11002"})  # fmt: skip
    assert again.n_up_to_date == len(again.records) == 8 and page.stat().st_mtime_ns == before
    forced = _run(tiny_data, made.out, "35013", parameters={"fail_for": "11002"}, force=True)
    assert forced.records[0]["this_run"] == "made" and page.stat().st_mtime_ns != before
    changed = _run(tiny_data, made.out, "35013", parameters={"fail_for": "x"})
    assert changed.records[0]["this_run"] == "made"  # other parameters: another key


# --- kernels -----------------------------------------------------------------------------------


def _comparable(nb: nbformat.NotebookNode) -> list:
    """Cell outputs and execution counts; timestamps and the kernel's pid left out."""
    cells = []
    for cell in nb.cells:
        outputs = [
            {k: v for k, v in o.items() if k not in {"metadata", "execution_count"}}
            for o in cell.get("outputs", [])
        ]
        text = re.sub(r"ipykernel_\d+", "ipykernel_N", json.dumps(outputs, sort_keys=True))
        cells.append((cell.cell_type, cell.get("execution_count"), text))
    return cells


def test_a_report_in_a_used_kernel_equals_one_in_a_fresh_kernel(tiny_data: Path) -> None:
    jobs = plan(["35002", "35013"], data=tiny_data, langs=["nl", "fr"],
                notebooks={"municipality": REPORT}).jobs  # fmt: skip
    first, *others = jobs
    with Worker(WARMUP) as used:
        for job in [*others, first]:
            after_others = used.run(job, timeout=60)
        with Worker(WARMUP) as fresh:
            alone = fresh.run(first, timeout=60)
        used._prepare = lambda job: None  # the same kernel without the reset ...
        dirty = used.run(first, timeout=60)
    assert after_others.status == alone.status == "ok"
    expected = _comparable(nbformat.reads(alone.ipynb, as_version=4))
    assert _comparable(nbformat.reads(after_others.ipynb, as_version=4)) == expected
    assert [count for _, count, _ in expected if count] == [1, 2, 3, 4, 5, 6, 7]
    assert _comparable(nbformat.reads(dirty.ipynb, as_version=4)) != expected  # ... shows why


def test_a_hanging_report_is_stopped_and_the_kernel_restarted(
    tiny_data: Path, tmp_path: Path
) -> None:
    start = time.monotonic()
    result = _run(tiny_data, tmp_path, "35013", "35002", jobs=1, timeout=3,
                  parameters={"sleep_for": "35013", "sleep_seconds": "120"})  # fmt: skip
    assert time.monotonic() - start < 40
    hung, after = result.records
    assert hung["status"] == "failed" and hung["error"]["ename"] == "ReportTimeout"
    assert after["status"] == "ok"
    assert "ran longer than 3 s" in (tmp_path / "nl" / "municipality_35013.html").read_text()


# --- the command -------------------------------------------------------------------------------


def test_cli_refuses_a_bad_request_with_exit_2_and_no_traceback(
    tiny_data: Path, capsys: pytest.CaptureFixture
) -> None:
    code = main(["batch", "Gentt", "--lang", "nl", "de", "--data", str(tiny_data),
                 "--notebook", str(REPORT), "--param", "colour=red"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    # in the first valid report language: Dutch
    assert err.startswith("socprev-kit: De batch kan niet starten (3 probleem/problemen):")
    assert "Onbekende gemeente 'Gentt'. Bedoelde u: Gent (44021)" in err
    assert "Onbekende rapporttaal 'de'; gebruik nl (Nederlands)" in err
    assert "onbekende parameter(s) colour" in err and "Le lot" not in err


def test_cli_explains_a_bad_request_in_french_or_in_all_languages(
    tiny_data: Path, capsys: pytest.CaptureFixture
) -> None:
    code = main(["batch", "Gentt", "--project", "kust-sv", "--province", "Atlantis", "--lang",
                 "fr", "nl", "--data", str(tiny_data), "--notebook", str(REPORT),
                 "--project-notebook", str(PROJECT)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and "De batch" not in err
    assert "Le lot de rapports ne peut pas démarrer (3 problème(s))\u00a0:" in err
    assert "Commune inconnue\u00a0: 'Gentt'. Vouliez-vous dire\u00a0: Gent (44021)" in err
    assert "Projet inconnu\u00a0: 'kust-sv' ne figure pas dans les données." in err
    assert "KUST-SW\u202f?" in err and "Province inconnue\u00a0: 'Atlantis'" in err
    code = main(["batch", "Gentt", "--lang", "de", "--data", str(tiny_data)])
    err = capsys.readouterr().err
    assert code == 2
    for head in ("De batch kan niet starten", "Le lot de rapports ne peut pas démarrer",
                 "The batch cannot start"):  # fmt: skip
        assert err.count(head) == 1
    assert "Unknown report language 'de'; use nl (Dutch)" in err


def test_every_plan_text_has_the_same_placeholders_in_each_language() -> None:
    from string import Formatter

    from socprev_kit.batch.texts import PLAN_TEXTS

    for key, texts in PLAN_TEXTS.items():
        fields = {g: {f for _, f, _, _ in Formatter().parse(t) if f} for g, t in texts.items()}
        assert set(texts) == {"nl", "fr", "en"}, key
        assert fields["nl"] == fields["fr"] == fields["en"], key


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _cli(tiny_data: Path, out: Path, *args: str) -> list[str]:
    return [*CLI, *args, "--data", str(tiny_data), "--out", str(out), "--notebook", str(REPORT),
            "--project-notebook", str(PROJECT)]  # fmt: skip


@pytest.mark.slow
def test_a_killed_run_is_completed_by_the_next_one(tiny_data: Path, tmp_path: Path) -> None:
    args = _cli(tiny_data, tmp_path, "35013", "35002", "35029", "--lang", "nl", "fr",
                "--jobs", "1", "--param", "pause=0.5")  # fmt: skip
    records = tmp_path / ".records"
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(list(records.rglob("*.json"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    done = {(r["lang"], r["id"]): r for r in map(_json, records.rglob("*.json"))}
    assert 2 <= len(done) < 6
    for record in done.values():  # a report with a record is complete
        nbformat.read(tmp_path / record["ipynb"], as_version=4)
        assert (tmp_path / record["html"]).read_text().rstrip().endswith("</html>")
    rerun = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip().splitlines()[-1] == str(tmp_path / "index.html")
    assert "Traceback" not in rerun.stderr
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["counts"]["ok"] == 6
    if {r["kit"] for r in done.values()} == {manifest["kit_version"]}:  # no one edited the kit
        assert manifest["counts"]["up_to_date"] == len(done)
    for r in manifest["reports"]:
        if r["this_run"] == "up to date":
            assert r["started"] == done[r["lang"], r["id"]]["started"]
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.slow
def test_the_batch_runs_on_a_dask_cluster(tiny_data: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:  # fmt: skip
        args = _cli(tiny_data, tmp_path, "35013", "35002", "11002", "--project", "KUST-SW",
                    "--lang", "nl", "--param", "fail_for=11002",
                    "--scheduler", cluster.scheduler_address)  # fmt: skip
        run = subprocess.run(args, capture_output=True, text=True, timeout=180)
    assert run.returncode == 1, run.stderr
    assert "FAILED nl municipality 11002: ValueError: no data for 11002" in run.stderr
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    status = {r["id"]: r["status"] for r in manifest["reports"]}
    assert status == {"35013": "ok", "35002": "ok", "11002": "failed", "KUST-SW": "ok"}
    assert manifest["settings"]["scheduler"] == cluster.scheduler_address
    pids = {int(r["worker"].split(":")[1]) for r in manifest["reports"]}  # host:pid:worker
    assert os.getpid() not in pids and run.stdout.strip().endswith("index.html")


@pytest.mark.slow
@pytest.mark.skipif(
    not (ROOT / "notebooks" / "project_report.ipynb").exists(), reason="no report notebooks yet"
)
def test_the_report_notebooks_run_in_the_batch(tiny_data: Path, tmp_path: Path) -> None:
    result = batch(["35013"], projects=["KUST-SW"], data=tiny_data, langs=["fr"], out=tmp_path)
    assert [r["status"] for r in result.records] == ["ok", "ok"], result.records
    assert [r["headline"]["id"] for r in result.records] == ["35013", "KUST-SW"]
    html = (tmp_path / "fr" / "municipality_35013.html").read_text(encoding="utf-8")
    assert "Ostende" in html and not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', html)


@pytest.mark.slow
@pytest.mark.skipif(
    not (ROOT / "notebooks" / "municipality_report.ipynb").exists(), reason="no report notebooks"
)
def test_a_municipality_without_data_fails_with_an_error_in_the_report_language(
    tiny_data: Path, tmp_path: Path
) -> None:
    """Aalst (41002) has no data in the tiny data set: its French report stops at the report's
    parameters, and the summary, the index and the page say why in French."""
    result = batch(["41002"], data=tiny_data, langs=["fr"], out=tmp_path, jobs=1)
    (record,) = result.records
    assert record["status"] == "failed" and record["error"]["ename"] == "ReportParameterError"
    summary = pd.read_csv(
        result.out / "summary.csv",
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
    )
    (error,) = summary["error"]
    assert error.startswith("Paramètre nis_code='41002'\u00a0: Alost (41002) n'a ni projet ni ")
    assert (
        "Choisissez une commune avec des données\u00a0: Bredene (35002), Ostende (35013)" in error
    )
    assert "has no project" not in error and "ReportParameterError" not in error
    index = (tmp_path / "fr" / "index.html").read_text(encoding="utf-8")
    assert "Alost (41002) n&#39;a ni projet ni enregistrement" in index
    page = (tmp_path / "fr" / "municipality_41002.html").read_text(encoding="utf-8")
    assert "Ce rapport n&#39;a pas pu être produit" in page or "Ce rapport n'a pas pu" in page
    assert page.index("pas pu être produit") < page.index("Traceback")  # the reason comes first


def test_every_objective_status_has_a_summary_column_and_an_index_label() -> None:
    """summary.csv and index.html count every status attainment gives (issue 13)."""
    from socprev_kit.batch.index_texts import STATUS_WORDS
    from socprev_kit.batch.store import HEADLINE_COLUMNS
    from socprev_kit.batch.summary import COLUMNS
    from socprev_kit.evaluation.targets import STATUSES

    wanted = {"n_" + s.replace(" ", "_") for s in STATUSES}
    assert wanted <= set(HEADLINE_COLUMNS) <= set(COLUMNS) and wanted <= set(STATUS_WORDS)
    assert "n_no_data" not in HEADLINE_COLUMNS


def test_the_summary_never_carries_a_live_formula(tmp_path: Path) -> None:
    """Project names and ids come from the user's files: in summary.csv a name such as
    ``=HYPERLINK(...)`` or ``-2+3+cmd|...`` is text for a spreadsheet (a leading ``'``), a tab-
    or return-led value too, while plain numbers stay numbers (issue 14)."""
    import csv

    from socprev_kit.batch.summary import write_summaries

    hostile = {
        "name_nl": '=HYPERLINK("http://example.invalid","klik")',
        "name_fr": "-2+3+cmd|' /C calc'!A0",
        "id": "@SUM(1)",
        "html": "\t=1+1",
        "ipynb": "\r+1",
    }
    record = {"lang": "nl", "kind": "project", "status": "ok", "this_run": "made"}
    record.update(hostile, seconds={"run": 1.5}, headline={"n_projects": 1})
    excel, scripts = write_summaries(tmp_path, [record])
    (row,) = csv.DictReader(excel.open(encoding="utf-8-sig", newline=""), delimiter=";")
    (plain,) = csv.DictReader(scripts.open(encoding="utf-8", newline=""))
    for column, value in hostile.items():
        assert row[column] == plain[column] == "'" + value  # shown as typed, never run
    assert row["seconds"] == "1,5" and row["n_projects"] == "1"
    assert plain["seconds"] == "1.5" and plain["n_projects"] == "1"
