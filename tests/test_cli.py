"""The ``socprev-kit`` command: exit codes, the issues file, the three languages, no tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from socprev_kit import __version__
from socprev_kit.cli import main
from socprev_kit.validation.issues import ISSUE_COLUMNS
from socprev_kit.validation.messages import CHECKS, ISSUE_HEADERS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
EXE = Path(sys.executable).with_name("socprev-kit")
HEADER = "project;NIS-code;gemeente;periode;indicator;waarde;opmerking"


def write(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_bytes("\r\n".join([header, *rows]).encode("utf-8"))
    return path


def clean(path: Path) -> Path:
    """Three months of contacts in Ronse and in Andenne, no mistake."""
    return write(
        path,
        *[f"RONSE-SHW;45041;Ronse;2024-0{m};O04;{30 + m};" for m in (1, 2, 3)],
        *[f"ANDENNE-TR;92003;Andenne;2024-0{m};O04;{20 + m};" for m in (1, 2, 3)],
    )


def with_formula_text(path: Path) -> Path:
    """Errors whose values look like formulas: '=4+3', '=A1', '@maart'."""
    return write(
        path,
        "RONSE-SHW;45041;Ronse;2024-01;O04;=4+3;",
        "RONSE-SHW;45041;Ronse;2024-02;=A1;5;",
        "RONSE-SHW;45041;Ronse;@maart;O04;6;",
        "RONSE-SHW;45041;Ronse;2024-04;O04;-4;+32 9 123 45 67",
    )


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


# --- exit codes ----------------------------------------------------------------------------------


def test_clean_file_exits_0(tmp_path, capsys):
    code, out, err = run(capsys, "validate", clean(tmp_path / "ok.csv"))
    assert code == 0, out + err
    assert "0 fout(en)" in out and "6 rijen bruikbaar" in out


def test_warnings_only_exit_0(tmp_path, capsys):
    path = write(
        tmp_path / "warn.csv",
        "BORSBEEK-SHW;11007;Borsbeek;2024-01;O04;3;",
        "BORSBEEK-SHW;11007;Borsbeek;2024-03;O04;4;",
    )  # an old code and a gap
    code, out, err = run(capsys, "validate", path, "--lang", "en")
    assert code == 0, out + err
    assert "[merged_nis]" in out and "[missing_months]" in out and "0 error(s)" in out


def test_errors_exit_1(tmp_path, capsys):
    code, out, _ = run(capsys, "validate", with_formula_text(tmp_path / "bad.csv"))
    assert code == 1
    assert "[bad_number]" in out


def test_missing_path_exits_2(tmp_path, capsys):
    code, out, err = run(capsys, "validate", tmp_path / "nope.csv", "--lang", "fr")
    assert code == 2
    assert "Introuvable" in err and "nope.csv" in err


def test_every_file_unreadable_exits_2(capsys):
    code, out, err = run(
        capsys,
        "validate",
        CORPUS / "corrupt_truncated.xlsx",
        CORPUS / "report.docx",
        "--lang",
        "en",
    )
    assert code == 2
    assert "No file could be read." in err
    assert "[unreadable_file]" in out and "[unsupported_file]" in out


def test_bad_lang_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate", str(clean(tmp_path / "ok.csv")), "--lang", "de"])
    assert info.value.code == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


@pytest.mark.slow
def test_bad_lang_as_a_process(tmp_path):
    run_ = subprocess.run(
        [str(EXE), "validate", str(clean(tmp_path / "ok.csv")), "--lang", "de"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run_.returncode == 2
    assert "Traceback" not in run_.stdout + run_.stderr


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"socprev-kit {__version__}"


def test_out_with_an_unknown_suffix_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate", str(clean(tmp_path / "ok.csv")), "--out", str(tmp_path / "x.txt")])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert "unexpected" not in err and ".xlsx" in err


# --- the issues file -----------------------------------------------------------------------------


def printed_checks(out: str) -> list[str]:
    """The check names printed at the end of each issue, in order."""
    return re.findall(r"\[(" + "|".join(CHECKS) + r")\]", out)


def test_out_csv_is_belgian_excel_csv_with_the_printed_rows(tmp_path, capsys):
    target = tmp_path / "issues.csv"
    code, out, _ = run(
        capsys, "validate", with_formula_text(tmp_path / "bad.csv"), "--out", target, "--lang", "en"
    )
    assert code == 1 and f"Issues written to {target}" in out
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].decode("utf-8").splitlines()[0] == ";".join(ISSUE_COLUMNS)
    table = pd.read_csv(target, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(table.columns) == ISSUE_COLUMNS
    assert table["check"].tolist() == printed_checks(out)
    errors = table[table["severity"] == "error"].set_index("row")
    assert errors.loc["2", "value"] == "'=4+3"  # text, never a formula in the reader's Excel
    assert errors.loc["2", "column"] == "waarde"


def test_out_xlsx_has_one_row_per_issue_and_formula_text_as_text(tmp_path, capsys):
    target = tmp_path / "issues.xlsx"
    code, out, _ = run(
        capsys, "validate", with_formula_text(tmp_path / "bad.csv"), "--out", target, "--lang", "fr"
    )
    assert code == 1
    ws = openpyxl.load_workbook(target).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == [ISSUE_HEADERS["fr"].get(c, c) for c in ISSUE_COLUMNS]
    assert rows[0][:3] == ("fichier", "feuille", "ligne")
    assert [r[ISSUE_COLUMNS.index("check")] for r in rows[1:]] == printed_checks(out)
    looks_like_formula = [
        c
        for row in ws.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str) and c.value[:1] in "=+-@"
    ]
    assert {c.value for c in looks_like_formula} >= {"=4+3", "=A1", "@maart"}
    assert all(c.data_type == "s" for c in looks_like_formula)


# --- languages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ["FOUT", "rij 2", "is geen getal", "rijen bruikbaar"]),
        ("fr", ["ERREUR", "ligne 2", "n'est pas un nombre", "lignes utilisables"]),
        ("en", ["ERROR", "row 2", "is not a number", "rows usable"]),
    ],
)
def test_output_in_each_language(tmp_path, capsys, lang, words):
    code, out, _ = run(capsys, "validate", with_formula_text(tmp_path / "bad.csv"), "--lang", lang)
    assert code == 1
    for word in words:
        assert word in out, (word, out)


# --- summary -------------------------------------------------------------------------------------


def test_summary_prints_one_row_per_municipality(tmp_path, capsys):
    code, out, _ = run(capsys, "summary", clean(tmp_path / "ok.csv"), "--lang", "fr")
    assert code == 0
    lines = [ln for ln in out.splitlines() if ln.strip()]
    header = next(i for i, ln in enumerate(lines) if "code INS" in ln)
    assert "commune" in lines[header] and "première période" in lines[header]
    body = lines[header + 1 :]
    assert len(body) == 2
    assert body[0].split()[:2] == ["45041", "Renaix"] and body[1].split()[:2] == [
        "92003",
        "Andenne",
    ]


# --- no traceback, whatever the file -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir() if p.name != "README.md"))
def test_summary_of_any_corpus_file_never_shows_a_traceback(name, capsys):
    code, out, err = run(capsys, "summary", CORPUS / name)
    assert code in (0, 1, 2)
    assert "Traceback" not in out + err and "unexpected error" not in err


def test_validate_the_whole_corpus_folder_at_once(tmp_path, capsys):
    code, out, err = run(
        capsys,
        "validate",
        CORPUS,
        "--out",
        tmp_path / "all.csv",
        "--max-lines",
        "1000",
        "--lang",
        "en",
    )
    assert code == 1
    assert "Traceback" not in out + err and "unexpected error" not in err
    issues = pd.read_csv(tmp_path / "all.csv", sep=";", encoding="utf-8-sig", dtype=str)
    assert set(issues["check"]) >= {"unreadable_file", "bad_number", "hidden_sheet"}
    assert len(issues) == len(printed_checks(out))


def test_out_xlsx_with_control_characters_in_a_value(tmp_path, capsys):
    code, out, err = run(
        capsys, "validate", CORPUS / "control_characters.csv", "--out", tmp_path / "issues.xlsx"
    )
    assert code == 1, err
    assert (tmp_path / "issues.xlsx").exists()


def test_the_command_imports_jsonschema_without_the_iri_grammars() -> None:
    """``skip_iri_grammars``: nbformat still validates notebooks, nothing else is left changed."""
    import subprocess
    import sys

    code = """
import sys
from socprev_kit.cli.reports import skip_iri_grammars
skip_iri_grammars()
import nbformat, papermill
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
nbformat.validate(nb)
bad = nbformat.from_dict({"cells": [{"cell_type": "code"}], "metadata": {}, "nbformat": 4,
                          "nbformat_minor": 5})
try:
    nbformat.validate(bad)
except nbformat.ValidationError:
    print("invalid refused")
print("rfc3987_syntax" in sys.modules, sys.modules.get("rfc3987_syntax", "absent"))
import rfc3987_syntax  # still importable by whoever wants it
print("importable")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:3] == ["invalid refused", "False absent", "importable"]


def test_importing_the_kit_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, socprev_kit, socprev_kit.cli.program, socprev_kit.batch.run; "
        "print(sorted(m for m in ('pandas', 'numpy', 'statsmodels', 'matplotlib') "
        "if m in sys.modules)); socprev_kit.validate; print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["[]", "True"]


# --- arguments checked before work; a disk that cannot be written (issue 14) ----------------------

SAMPLE = ROOT / "sample_data" / "clean"


@pytest.fixture
def odd_paths(tmp_path):
    """A file where a folder is expected, and a folder where a file is expected."""
    (tmp_path / "afile.txt").write_text("x")
    (tmp_path / "afolder.xlsx").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["validate", "{csv}", "--out", "{d}/afolder.xlsx", "--lang", "en"], "is a folder"),
        (["validate", "{csv}", "--out", "{d}/afile.txt/i.csv", "--lang", "fr"], "est un fichier"),
        (["validate", "{csv}", "--out", "{d}/nodir/i.csv", "--lang", "nl"], "bestaat niet"),
        (["template", "--project", "X", "--year", "99999", "--out", "{d}/t.xlsx"],
         "Het jaar 99999"),
        (["template", "--project", "X", "--year", "-1", "--out", "{d}/t.xlsx", "--lang", "fr"],
         "L'année -1"),
        (["template", "--project", "X", "--out", "{d}/afolder.xlsx", "--lang", "en"],
         "is a folder"),
        (["feedback", "11002", "--out", "{d}/afile.txt", "--lang", "en"],
         "is a file, not a folder"),
        (["import", "{csv}", "--store", "{d}/afile.txt/s.duckdb", "--lang", "en"], "is a file"),
        (["import", "{csv}", "--store", "{d}/afolder.xlsx", "--lang", "nl"], "is een map"),
        (["batch", "11002", "--out", "{d}/afile.txt", "--lang", "fr", "nl"], "est un fichier"),
        (["sample-data", "--out", "{d}/afile.txt"], "is een bestand"),
        (["training", "--out", "{d}/afile.txt/nb", "--no-run"], "est un fichier"),
    ],
)  # fmt: skip
def test_mistyped_arguments_exit_2_before_any_work(odd_paths, capsys, argv, words):
    csv = clean(odd_paths / "data.csv")
    before = sorted(p.name for p in odd_paths.rglob("*"))
    code, out, err = run(capsys, *[a.format(d=odd_paths, csv=csv) for a in argv])
    assert code == 2, err
    assert words in err and "unexpected" not in err
    assert sorted(p.name for p in odd_paths.rglob("*")) == before  # nothing written


def test_template_years_are_those_the_kit_reads():
    from socprev_kit.common.arguments import years

    assert years()[0] == 2000 and 2024 in years() and 99999 not in years() and -1 not in years()


def test_max_lines_must_be_a_count(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["validate", str(clean(tmp_path / "a.csv")), "--max-lines", "-5"])
    assert exit_.value.code == 2
    assert "0 of meer" in capsys.readouterr().err


def _fsize_limit(limit: int):
    """In the child: files may grow to ``limit`` bytes, then writes fail with EFBIG (SIGXFSZ
    ignored), as on a full disk; works without root or mounts."""
    import resource
    import signal

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "{sample}", "--out", "{d}/issues.xlsx", "--lang", "en"],
        ["validate", "{sample}", "--out", "{d}/issues.csv", "--lang", "fr"],
        ["template", "--project", "ANT-SW", "--out", "{d}/t.xlsx", "--lang", "nl"],
        ["feedback", "11002", "--out", "{d}", "--lang", "en"],
    ],
)
def test_a_write_that_fails_says_which_folder_and_leaves_nothing(tmp_path, argv):
    """A real EFBIG from the kernel on the first write above 100 bytes: a message naming the folder
    in the command's language, exit 2, no traceback and no partial file."""
    (tmp_path / "issues.xlsx").write_bytes(b"the user's earlier file")
    args = [a.format(d=tmp_path, sample=SAMPLE) for a in argv]
    proc = subprocess.run(
        [str(EXE), *args], capture_output=True, text=True, preexec_fn=_fsize_limit(100)
    )
    lang = args[args.index("--lang") + 1]
    words = {"en": "Cannot write in the folder", "fr": "Impossible d'écrire dans le dossier",
             "nl": "Kan niet schrijven in de map"}[lang]  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert f"{words} {tmp_path}" in proc.stderr
    assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["issues.xlsx"]  # no partial file
    assert (tmp_path / "issues.xlsx").read_bytes() == b"the user's earlier file"


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs (root and mount rights needed; skipped otherwise)."""
    import shutil

    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("no mount command here")
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> None:
    with (disk / "filler").open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass


def test_full_disk_and_read_only_folder_on_a_real_file_system(small_disk, capsys):
    """ENOSPC and EROFS as the kernel gives them: validate, template and import each end in a
    message naming the folder, exit 2; the store imported before stays whole."""
    csv = clean(small_disk / "data.csv")
    store = small_disk / "kept.duckdb"
    assert main(["import", str(csv), "--store", str(store), "--lang", "en"]) == 0
    capsys.readouterr()
    months = [f"RONSE-SHW;45041;Ronse;2023-{m:02d};O04;{m};" for m in range(1, 13)]
    more = write(small_disk / "more.csv", *months)
    _fill(small_disk)
    names = sorted(p.name for p in small_disk.iterdir())
    for argv in (
        ["import", str(more), "--store", str(store), "--lang", "fr"],  # the kept store
        ["validate", str(csv), "--out", str(small_disk / "i.xlsx"), "--lang", "en"],
        ["template", "--project", "ANT-SW", "--out", str(small_disk / "t.xlsx"), "--lang", "en"],
        ["import", str(csv), "--store", str(small_disk / "new.duckdb"), "--lang", "en"],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 2 and str(small_disk) in err, (argv, err)
        assert "unexpected" not in err, err
        assert sorted(p.name for p in small_disk.iterdir()) == names, argv
    (small_disk / "filler").unlink()
    if subprocess.run(["mount", "-o", "remount,ro", str(small_disk)]).returncode != 0:
        pytest.skip("cannot remount read-only")
    code, _, err = run(capsys, "validate", csv, "--out", small_disk / "i.csv", "--lang", "nl")
    assert code == 2 and f"Kan niet schrijven in de map {small_disk}: de map is alleen-lezen" in err
    from socprev_kit import load

    assert len(load(store).registrations) == 6  # what was stored is all there


def test_a_batch_that_cannot_write_says_which_folder(tmp_path):
    """The batch's CLI on a real EFBIG: the message names --out in the report language, exit
    2, no traceback (the batch's own log warnings come as one line each)."""
    out = tmp_path / "reports"
    proc = subprocess.run(
        [str(EXE), "batch", "11002", "--lang", "fr", "--jobs", "1", "--out", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=_fsize_limit(100),
    )
    assert proc.returncode == 2, proc.stderr
    assert f"Impossible d'écrire dans le dossier {out}" in proc.stderr
    assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr


def test_a_file_name_that_is_not_utf8_is_printed_and_written(tmp_path, capsys):
    import os

    data = tmp_path / "data"
    data.mkdir()
    with open(os.fsencode(data) + b"/gemeente\xe9.csv", "wb") as fh:
        fh.write("\r\n".join([HEADER, "RONSE-SHW;45041;Ronse;2024-01;O04;twee;"]).encode())
    out = tmp_path / "issues.xlsx"
    code, printed, err = run(capsys, "validate", data, "--out", out, "--lang", "en")
    assert code == 1 and "unexpected" not in err
    assert "gemeente\\xe9.csv" in printed
    cells = [
        c for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for c in row
    ]
    assert str(data / "gemeente\\xe9.csv") in cells
