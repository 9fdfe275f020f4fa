"""The batch survives bad data and never touches what is not its own (issue 14, items 4 and 6).

Real processes, real files: a run killed with SIGKILL, a report kernel over its memory ceiling, a
write that fails because the file size limit of the process is reached.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from socprev_kit.batch import batch
from socprev_kit.batch.journal import Journal, remove_leftovers

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

from hostile.cases_batch import shared_strings_bomb, tiny_notebook  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = Path(__file__).resolve().parent / "data" / "notebooks"
REPORT = NOTEBOOKS / "report.ipynb"
WARMUP = "import matplotlib.pyplot, pandas, socprev_kit"


@pytest.fixture
def beyond_the_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The readers' own limits (file size, total, xlsx parts) raised far: these tests put the
    batch's second line of defence, its reading process, to work on what they would refuse."""
    for name in ("FILE_MB", "TOTAL_MB", "XLSX_PART_MB", "XLSX_RATIO"):
        monkeypatch.setenv(f"SOCPREV_LIMIT_{name}", "1000000")


@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Registrations of two municipalities, no projects, no objectives."""
    folder = tmp_path_factory.mktemp("data")
    for nis in ("35002", "35013"):
        name = f"registrations_{nis}.csv"
        (folder / name).write_bytes((ROOT / "sample_data" / "clean" / name).read_bytes())
    return folder


def _killed_run_leaving(out: Path, names: list[str]) -> None:
    """A real process that starts a run's journal in ``out``, half-writes ``names`` under their
    temporary names and is killed with SIGKILL: what a killed batch leaves."""
    code = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from socprev_kit.batch.journal import Journal
        out = Path({str(out)!r})
        journal = Journal(out)
        for name in {names!r}:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            journal.temporary(out / name).write_text("half a file")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr


def _user_files(out: Path) -> dict[str, bytes]:
    files = {
        "x.tmp": b"my notes",
        "sub/y.tmp": b"\x00binary\xff",
        "nl/.municipality_35013.ipynb.0123abcd.tmp": b"looks like the batch's own",
        ".index.html.deadbeef.tmp": b"also mine",
        ".records/nl/.municipality_35002.json.00000000.tmp": b"mine too",
    }
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return files


def test_the_batch_removes_its_own_leftovers_and_never_a_users_file(
    tiny_data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "reports"
    mine = _user_files(out)
    _killed_run_leaving(out, ["nl/municipality_35013.html", "summary.csv"])
    leftovers = sorted(p.name for p in out.rglob(".*.tmp") if p.read_bytes() == b"half a file")
    assert len(leftovers) == 2
    result = batch(["35013"], data=tiny_data, out=out, langs=["nl"], jobs=1, notebook=REPORT,
                   warmup=WARMUP, audit=False)  # fmt: skip
    assert result.n_ok == 1
    for name, data in mine.items():
        assert (out / name).read_bytes() == data, name
    assert not [p for p in out.rglob("*") if p.is_file() and p.read_bytes() == b"half a file"]
    assert not list((out / ".records" / ".journal").iterdir())  # this run's journal is gone too


def test_a_running_batchs_temporary_files_are_left_alone(tmp_path: Path) -> None:
    """A second batch into the same folder does not remove what the first is writing."""
    with Journal(tmp_path) as running:
        writing = running.temporary(tmp_path / "index.html")
        writing.write_text("being written")
        assert remove_leftovers(tmp_path) == []
        assert writing.read_text() == "being written"
    assert remove_leftovers(tmp_path) == []  # closed: nothing listed is left, nothing removed
    assert writing.exists()  # (the run would have moved it into place; not our business here)


def test_a_journal_cannot_name_a_file_outside_the_output_folder(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / ".precious.tmp"
    outside.write_text("keep")
    (out / ".records" / ".journal").mkdir(parents=True)
    listed = ["../.precious.tmp", str(outside), "notes.txt", "sub/plain.tmp"]
    (out / ".records" / ".journal" / "dead.txt").write_text("\n".join(listed) + "\n")
    (out / "notes.txt").write_text("keep")
    (out / "sub").mkdir()
    (out / "sub" / "plain.tmp").write_text("keep")
    remove_leftovers(out)
    assert outside.read_text() == (out / "notes.txt").read_text() == "keep"
    assert (out / "sub" / "plain.tmp").exists()
    assert not (out / ".records" / ".journal" / "dead.txt").exists()


def test_a_report_over_the_memory_ceiling_fails_alone(tiny_data: Path, tmp_path: Path) -> None:
    import pandas as pd

    notebook = tiny_notebook(tmp_path / "hungry.ipynb", hungry_mb=1500)
    out = tmp_path / "out"
    result = batch(["35013", "35002"], data=tiny_data, out=out, langs=["nl", "fr"], jobs=1,
                   notebook=notebook, warmup=WARMUP, audit=False, memory_mb=500,
                   parameters={"hungry_for": "35013"})  # fmt: skip
    status = {(r["lang"], r["id"]): r["status"] for r in result.records}
    assert status == {("nl", "35013"): "failed", ("nl", "35002"): "ok",
                      ("fr", "35013"): "failed", ("fr", "35002"): "ok"}  # fmt: skip
    summary = pd.read_csv(
        out / "summary.csv",
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
    )
    errors = dict(zip(summary["lang"] + summary["id"], summary["error"], strict=True))
    assert errors["nl35013"].startswith("Het rapport had meer dan 500 MB geheugen nodig")
    assert errors["fr35013"].startswith("Le rapport a eu besoin de plus de 500 Mo de mémoire")
    assert errors["nl35002"] == errors["fr35002"] == ""
    index = (out / "nl" / "index.html").read_text(encoding="utf-8")
    assert "Het rapport had meer dan 500 MB geheugen nodig" in index
    page = (out / "nl" / "municipality_35013.html").read_text(encoding="utf-8")
    assert "Dit rapport kon niet gemaakt worden" in page and "meer dan 500 MB" in page
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["settings"]["memory_mb"] == 500


def test_a_file_that_takes_too_much_memory_is_named_and_the_others_are_read(
    beyond_the_readers: None, tiny_data: Path, tmp_path: Path
) -> None:
    """The batch reads its data in a process of its own under the ceiling: a compression bomb
    stops that process, is named as not read (nl and fr), and the plan has every report."""
    from socprev_kit.batch import plan

    data = tmp_path / "data"
    data.mkdir()
    for f in tiny_data.iterdir():
        (data / f.name).write_bytes(f.read_bytes())
    shared_strings_bomb(data / "bomb.xlsx", mb=1000)
    the_plan = plan(data=data, langs=["nl"], notebooks={"municipality": REPORT}, memory_mb=600)
    assert [j.id for j in the_plan.jobs] == ["35002", "35013"]
    (unread,) = the_plan.unread
    assert unread["file"] == str(data / "bomb.xlsx") and unread["check"] == "reading_over_memory"
    assert unread["nl"].startswith("Het lezen van dit bestand had meer dan 600 MB geheugen nodig")
    assert unread["fr"].startswith("La lecture de ce fichier a eu besoin de plus de 600 Mo")


def test_kernels_that_cannot_warm_up_fail_their_reports_and_the_batch_ends(
    tiny_data: Path, tmp_path: Path
) -> None:
    """No kernel can warm up: every report fails with the reason, and the batch still writes
    its records, summary and index (it used to stop with the kernel's error)."""
    result = batch(["35013", "35002"], data=tiny_data, out=tmp_path, langs=["nl"], jobs=2,
                   notebook=REPORT, warmup="raise ValueError('no warm-up today')",
                   audit=False)  # fmt: skip
    assert [r["status"] for r in result.records] == ["failed", "failed"]
    assert {r["error"]["ename"] for r in result.records} == {"KernelError"}
    assert all("no warm-up today" in r["error"]["evalue"] for r in result.records)
    assert "no warm-up today" in (tmp_path / "nl" / "index.html").read_text(encoding="utf-8")


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _complete(name: str, data: bytes) -> bool:
    """A whole file of the batch: a notebook, JSON or workbook that parses, a page that ends."""
    if name.endswith(".xlsx"):
        import io

        from openpyxl import load_workbook

        load_workbook(io.BytesIO(data), read_only=True).close()
        return True
    if name.endswith((".ipynb", ".json")):
        json.loads(data)
        return True
    if name.endswith(".html"):
        return data.rstrip().endswith(b"</html>")
    return name.endswith(".csv") and data.endswith(b"\r\n")


def test_a_write_that_fails_leaves_no_partial_file(tiny_data: Path, tmp_path: Path) -> None:
    """A real failing write: the batch runs in a process whose file size limit (RLIMIT_FSIZE,
    1 MB) is below one report's notebook, as a full disk would stop it. Every file in the output
    folder is then whole (the old one, or a new one), no temporary file is left, and the next
    run makes the report that could not be written."""
    import nbformat

    notebook = tiny_notebook(tmp_path / "big.ipynb")
    nb = nbformat.read(notebook, as_version=4)
    nb.cells[0].source += '\nbig_for = ""'
    nb.cells.append(
        nbformat.v4.new_code_cell("if nis_code == big_for:\n    print('x' * 3_000_000)")
    )
    nbformat.write(nb, notebook)
    out = tmp_path / "out"
    common = {"data": str(tiny_data), "out": str(out), "langs": ["nl"], "jobs": 1,
              "notebook": str(notebook), "warmup": WARMUP, "audit": False}  # fmt: skip
    assert batch(["35013", "35002"], **common).ok
    before = _snapshot(out)
    code = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_FSIZE, (2**20, 2**20))
        from socprev_kit.batch import batch
        batch(["35013", "35002"], parameters={{"big_for": "35013"}}, force=True, **{common!r})
    """)
    failed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300)  # fmt: skip
    assert failed.returncode != 0 and "File too large" in failed.stderr, failed.stderr
    after = _snapshot(out)
    assert not [name for name in after if name.endswith(".tmp")]
    for name, data in after.items():
        assert data == before.get(name) or _complete(name, data), name
    assert not (out / ".records" / "nl" / "municipality_35013.json").exists()  # to be redone
    rerun = batch(["35013", "35002"], **common)
    assert rerun.ok and {r["this_run"] for r in rerun.records if r["id"] == "35013"} == {"made"}


def test_a_file_that_takes_too_long_to_read_is_named_and_the_others_are_read(
    beyond_the_readers: None, tiny_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading of one file has a time ceiling (``SOCPREV_LIMIT_READ_SECONDS``, here half a
    second against a registration file of 40 MB): it is stopped and named, the others read."""
    from socprev_kit.batch.reading import read_isolated

    data = tmp_path / "data"
    data.mkdir()
    for f in tiny_data.iterdir():
        (data / f.name).write_bytes(f.read_bytes())
    lines = (tiny_data / "registrations_35013.csv").read_text(encoding="utf-8").splitlines()
    # every first field quoted: the file goes through the record-by-record reader, seconds on
    # any machine (unquoted, the Arrow reader can finish 40 MB within the half second)
    body = "\n".join('"' + line.replace(";", '";', 1) for line in lines[1:]) + "\n"
    with (data / "big.csv").open("w", encoding="utf-8") as fh:
        fh.write(lines[0] + "\n")
        while fh.tell() < 40 * 2**20:
            fh.write(body)
    monkeypatch.setenv("SOCPREV_LIMIT_READ_SECONDS", "0.5")
    read, dataset = read_isolated(data, None)
    refused = dataset.issues.query("check == 'reading_too_slow'")
    assert refused["file"].tolist() == [str(data / "big.csv")]
    assert set(dataset.registrations["nis_code"].astype(str)) == {"35002", "35013"}
    assert "langer dan 0.5 seconden" in refused["message"].iloc[0]


@pytest.mark.slow
def test_the_reading_process_ends_with_a_killed_batch(
    beyond_the_readers: None, tiny_data: Path, tmp_path: Path
) -> None:
    """A batch killed (SIGKILL) while its reading process reads a large file: that process sees
    it and ends too, instead of reading on for nobody."""
    import time

    import psutil

    data = tmp_path / "data"
    data.mkdir()
    lines = (tiny_data / "registrations_35013.csv").read_text(encoding="utf-8").splitlines()
    with (data / "big.csv").open("w", encoding="utf-8") as fh:
        fh.write(lines[0] + "\n")
        while fh.tell() < 150 * 2**20:
            fh.write("\n".join(lines[1:]) + "\n")
    args = [sys.executable, "-m", "socprev_kit.cli", "batch", "35013", "--data", str(data),
            "--out", str(tmp_path / "out"), "--notebook", str(REPORT), "--jobs", "1"]  # fmt: skip
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, reader = time.monotonic() + 60, None
    while reader is None and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
        found = [c for c in psutil.Process(proc.pid).children(recursive=True)
                 if "socprev_kit.batch.reading" in " ".join(c.cmdline())]  # fmt: skip
        reader = found[0] if found else None
    assert reader is not None, "no reading process seen"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    gone, alive = psutil.wait_procs([reader], timeout=10)
    assert gone and not alive


@pytest.mark.slow
def test_two_batches_into_one_folder_with_staggered_starts(tiny_data: Path, tmp_path: Path):
    """The second batch starts while the first writes: neither removes the other's temporary
    files, both end well, and the folder holds whole files only, no temporary file, no journal."""
    import time

    out = tmp_path / "out"
    args = [sys.executable, "-m", "socprev_kit.cli", "batch", "35013", "35002", "--data",
            str(tiny_data), "--out", str(out), "--notebook", str(REPORT), "--jobs", "1",
            "--lang", "nl", "fr", "--param", "pause=0.3", "--force"]  # fmt: skip
    first = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    while not list(out.glob(".records/*/*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    second = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for proc in (first, second):
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0 and "Traceback" not in err, err
    files = _snapshot(out)
    assert not [name for name in files if name.endswith(".tmp") or "/.journal/" in name]
    assert all(_complete(name, data) for name, data in files.items()), sorted(files)
    assert json.loads(files["manifest.json"])["counts"]["ok"] == 4


def test_a_reader_that_crashes_on_a_file_names_it_and_reads_the_others(
    beyond_the_readers: None, tiny_data: Path, tmp_path: Path
) -> None:
    """The reading process dies by a signal (SIGSEGV, as a crash inside a library would end it)
    while it reads one file: that file is named (``reading_stopped``), the others are read."""
    import threading
    import time

    import psutil

    from socprev_kit.batch.reading import read_isolated

    data = tmp_path / "data"
    data.mkdir()
    for f in tiny_data.iterdir():
        (data / f.name).write_bytes(f.read_bytes())
    lines = (tiny_data / "registrations_35013.csv").read_text(encoding="utf-8").splitlines()
    with (data / "big.csv").open("w", encoding="utf-8") as fh:
        fh.write(lines[0] + "\n")
        while fh.tell() < 150 * 2**20:
            fh.write("\n".join(lines[1:]) + "\n")
    got: list = []
    reading = threading.Thread(target=lambda: got.append(read_isolated(data, None)))
    reading.start()
    deadline, crashed = time.monotonic() + 60, False
    while not crashed and time.monotonic() < deadline:
        time.sleep(0.1)
        for child in psutil.Process().children():
            cmd = " ".join(child.cmdline())
            progress = Path(cmd.split()[-2]) / "progress.txt" if "batch.reading" in cmd else None
            if progress and progress.exists() and "big.csv" in progress.read_text():
                child.send_signal(signal.SIGSEGV)
                crashed = True
    reading.join(timeout=120)
    assert crashed and got
    _, dataset = got[0]
    stopped = dataset.issues.query("check == 'reading_stopped'")
    assert stopped["file"].tolist() == [str(data / "big.csv")]
    assert "SIGSEGV" in stopped["message"].iloc[0]
    assert set(dataset.registrations["nis_code"].astype(str)) == {"35002", "35013"}
