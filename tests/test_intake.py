"""The intake store: real DuckDB files, real files in, real processes killed and racing."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import openpyxl
import pandas as pd
import pytest
from conftest import ROOT

import socprev_kit as sk
from socprev_kit.cli import main
from socprev_kit.data.reading import read_paths
from socprev_kit.data.store.connection import decode, encode
from socprev_kit.registration.intake import StoreError, history, import_files

SAMPLE = (ROOT / "sample_data" / "clean").resolve()
HEADER = "project;NIS-code;periode;indicator;waarde;bron;opmerking\n"
PROJECTS = (
    "project_id;name;project_types;lead_nis_code;nis_codes;start_date;intervention_date\n"
    "GENT-SW;Straathoekwerk Gent;street_work;44021;44021;01/01/2023;01/06/2023\n"
)


def _csv(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _months(values: dict[str, str], indicator: str = "O05") -> list[str]:
    return [f"GENT-SW;44021;{p};{indicator};{v};eigen;" for p, v in values.items()]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("source_file", "source_sheet", "source_row", "file", "row", "check")
            if c in frame.columns]  # fmt: skip
    out = frame.astype({c: object for c in frame.columns if str(frame[c].dtype) == "category"})
    return out.sort_values(keys, kind="stable").reset_index(drop=True)


@pytest.fixture
def gent(tmp_path: Path) -> Path:
    """A folder with Ghent's project and three months of one indicator."""
    (tmp_path / "projects.csv").write_text(PROJECTS, encoding="utf-8")
    _csv(tmp_path / "gent.csv", _months({"2023-01": "10", "2023-02": "12", "2023-03": "8"}))
    return tmp_path


# --- the store gives what the files give ---------------------------------------------------------


@pytest.mark.slow
def test_sample_data_imported_file_by_file_loads_as_the_folder(tmp_path: Path) -> None:
    store = tmp_path / "store.duckdb"
    for f in sorted(p for p in SAMPLE.iterdir() if p.is_file()):
        report = import_files([f], store, validate=False)  # counting issues: tested below
        assert [o.status for o in report.files] == ["new"], report.frame
    from_store, from_files = sk.load(store), sk.load(SAMPLE)
    for table in ("registrations", "projects", "objectives", "context", "issues"):
        pd.testing.assert_frame_equal(
            _sorted(getattr(from_store, table)), _sorted(getattr(from_files, table))
        )
    assert len(from_store.registrations) > 20_000 and len(from_store.issues) > 0
    pd.testing.assert_frame_equal(from_store.files, from_files.files)
    raw_store, raw_files = read_paths(store), read_paths(SAMPLE)
    assert [(t.file, t.sheet, t.table, t.headers) for t in raw_store.tables] == [
        (t.file, t.sheet, t.table, t.headers) for t in raw_files.tables
    ]


def test_cells_keep_their_type_through_the_store(tmp_path: Path) -> None:
    """xlsx cells (whole numbers, decimals, dates, booleans, text) and Parquet columns come back
    as the values openpyxl and pandas read from the files, cell for cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "registraties"
    ws.append(["project", "NIS-code", "periode", "indicator", "waarde", "bron", "opmerking"])
    ws.append(["GENT-SW", 44021, dt.datetime(2023, 1, 1), "O05", 10, "eigen", None])
    ws.append(["GENT-SW", 44021, "2023-02", "O05", 12.5, True, 1])
    ws.append(["GENT-SW", "44021", dt.date(2023, 3, 1), "O05", "1.0", 1.0, "=SUM(A1:A3)"])
    ws.append([None, None, None, None, None, None, None])
    ws.append(["GENT-SW", 44021, "2023-04", "O05", True, "x", -3])
    wb.save(tmp_path / "gent.xlsx")
    frame = pd.DataFrame({"project": ["GENT-SW"] * 2, "NIS-code": [44021, 44021],
                          "periode": pd.to_datetime(["2023-05-01", "2023-06-01"]),
                          "indicator": ["O05", "O05"], "waarde": [np.nan, 7.25]})  # fmt: skip
    frame.to_parquet(tmp_path / "gent.parquet")
    import_files([tmp_path], tmp_path / "s.duckdb")
    for a, b in zip(read_paths(tmp_path / "s.duckdb").tables, read_paths(tmp_path).tables,
                    strict=True):  # fmt: skip
        assert (a.file, a.headers, len(a)) == (b.file, b.headers, len(b))
        for column in b.columns:
            got, want = a.frame[column].tolist(), b.frame[column].tolist()
            same = [_same(x, y) for x, y in zip(got, want, strict=True)]
            assert all(same), (column, got, want)


def _same(x: object, y: object) -> bool:
    """The same value of the same type; a blank is a blank (NULL in the store, as validation
    treats None and NaN alike)."""
    if x is None or y is None or (isinstance(x, float) and x != x):
        return pd.isna(x) and pd.isna(y)
    return (type(x), x) == (type(y), y)


def test_encode_tells_equal_values_of_different_types_apart() -> None:
    cells = np.array([1, 1.0, True, "1", None, np.nan, dt.date(2024, 1, 2), np.int64(1)], object)
    text, tags = encode(cells)
    assert text.tolist() == ["1", "1.0", "True", "1", None, None, "2024-01-02", "1"]
    assert tags.tolist() == ["i", "f", "b", None, None, None, "d", "i"]
    assert decode(np.array(["1.0", "2.5"], object), "f").tolist() == [1.0, 2.5]


def test_formula_like_text_comes_back_as_the_same_text(tmp_path: Path) -> None:
    texts = ["=SUM(A1:A3)", "+32 475 12 34 56", "-niet ingevuld", "@gemeente", "=1+1"]
    rows = [f"GENT-SW;44021;2023-0{k + 1};O05;{k};{t};{t}" for k, t in enumerate(texts)]
    (tmp_path / "projects.csv").write_text(PROJECTS.replace("Straathoekwerk Gent", "=HYPERLINK()"))
    _csv(tmp_path / "gent.csv", rows)
    store = tmp_path / "s.duckdb"
    import_files([tmp_path], store)
    regs = sk.load(store).registrations.sort_values("period")
    assert regs["note"].tolist() == texts and regs["source"].tolist() == texts
    assert sk.load(store).projects["name"].tolist() == ["=HYPERLINK()"]
    assert history(store)["note_typed"].sort_values().tolist() == sorted(texts)


# --- reimport, corrections, history --------------------------------------------------------------


def test_the_same_file_again_changes_nothing(gent: Path) -> None:
    store = gent / "_intake.duckdb"
    first = import_files([gent / "projects.csv", gent / "gent.csv"])
    assert first.store == store.resolve() and [f.status for f in first.files] == ["new", "new"]
    before = _sha(store)
    again = import_files([gent / "gent.csv"])
    copy = gent / "other_name.csv"
    copy.write_bytes((gent / "gent.csv").read_bytes())
    assert import_files([copy], store).files[0].status == "unchanged"
    copy.unlink()
    assert again.files[0].status == "unchanged" and again.files[0].same_as == str(gent / "gent.csv")
    assert _sha(store) == before  # not a byte written: no import row either
    with duckdb.connect(str(store), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM imports").fetchall() == [(2,)]
    assert sk.load(gent).registrations.shape == sk.load(store).registrations.shape


def test_a_correction_supersedes_what_it_covers_and_keeps_the_history(gent: Path) -> None:
    store = gent / "s.duckdb"
    import_files([gent / "projects.csv", gent / "gent.csv"], store)
    _csv(gent / "gent.csv", _months({"2023-02": "13", "2023-03": "8", "2023-04": "9"}))
    corrected = import_files([gent / "gent.csv"], store).files[0]
    assert (corrected.status, corrected.changed, corrected.new, corrected.unchanged) == (
        "corrected", 1, 1, 1)  # fmt: skip
    regs = sk.load(store).registrations.set_index("period")
    assert regs["value"].to_dict() == {"2023-01": 10, "2023-02": 13, "2023-03": 8, "2023-04": 9}
    assert regs.loc["2023-02", "source_row"] == 2  # the cell of the new file
    # another file that covers one value only
    _csv(gent / "fix_march.csv", _months({"2023-03": "7"}))
    fix = import_files([gent / "fix_march.csv"], store).files[0]
    assert (fix.status, fix.changed, fix.new, fix.unchanged) == ("corrected", 1, 0, 0)
    regs = sk.load(store).registrations.set_index("period")
    assert regs["value"].to_dict() == {"2023-01": 10, "2023-02": 13, "2023-03": 7, "2023-04": 9}
    assert Path(regs.loc["2023-03", "source_file"]).name == "fix_march.csv"
    assert Path(regs.loc["2023-01", "source_file"]).name == "gent.csv"  # not covered: kept
    march = history(store, period="maart 2023", project="GENT-SW")
    assert march["value_typed"].tolist() == ["7", "8", "8"]  # newest first
    assert march["current"].tolist() == [True, False, False]
    assert march["import_id"].tolist() == [4, 3, 2] and march["superseded_by"].tolist()[1:] == [
        4, 3]  # fmt: skip
    assert march["cell"].tolist() == ["E2", "E3", "E4"]
    assert march["file_name"].tolist() == ["fix_march.csv", "gent.csv", "gent.csv"]
    assert (march["superseded_at"].iloc[1:] >= march["imported_at"].iloc[1:]).all()
    assert len(history(store, municipality="44021", indicator="O05")) == 3 + 3 + 1


def test_a_row_without_a_key_goes_with_the_next_version_of_its_file(gent: Path) -> None:
    store = gent / "s.duckdb"
    _csv(gent / "gent.csv", _months({"2023-01": "10", "2023-13": "12"}))
    import_files([gent], store)
    assert "bad_period" in set(sk.load(store).issues["check"])
    _csv(gent / "gent.csv", _months({"2023-01": "10", "2023-12": "12"}))
    import_files([gent / "gent.csv"], store)
    data = sk.load(store)
    assert "bad_period" not in set(data.issues["check"])
    assert sorted(data.registrations["period"].astype(str)) == ["2023-01", "2023-12"]


# --- the command line ----------------------------------------------------------------------------


def test_import_and_history_commands(gent: Path, capsys: pytest.CaptureFixture) -> None:
    store = gent / "s.duckdb"
    assert main(["import", str(gent), "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "NIEUW        gent.csv: 3 waarden ingelezen (import 1)." in out
    assert main(["import", str(gent / "gent.csv"), "--store", str(store), "--lang", "fr"]) == 0
    assert (
        "INCHANGÉ     gent.csv : même contenu que gent.csv, importé le" in capsys.readouterr().out
    )
    _csv(gent / "gent.csv", _months({"2023-01": "11", "2023-02": "12", "2023-03": "-8"}))
    assert main(["import", str(gent / "gent.csv"), "--store", str(store)]) == 1  # -8: an error
    out = capsys.readouterr().out
    assert "VERBETERD    gent.csv: 2 gewijzigd, 0 nieuw, 1 ongewijzigd (import 3)." in out
    assert (
        f"1 fout(en), 0 waarschuwing(en), 0 opmerking(en): zie socprev-kit validate {store}" in out
    )
    assert main(["history", "--store", str(store), "--period", "2023-01", "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    heading = "projet code INS période indicateur valeur état importé le fichier feuille cellule"
    assert lines[0].split() == [*heading.split(), "import"]
    assert "11" in lines[1].split() and "actuelle" in lines[1]
    assert "10" in lines[2].split() and "remplacée par l'import 3 le" in lines[2]
    assert main(["history", "--store", str(store), "--indicator", "X99"]) == 0
    assert capsys.readouterr().out.strip() == "Geen waarden gevonden."


def test_history_shows_a_files_escape_sequences_and_never_runs_them(
    gent: Path, capsys: pytest.CaptureFixture
) -> None:
    """A value holding a terminal's escape sequences (a link, a colour) was printed as is: the
    terminal drew a live link and red text. Its control characters are written out."""
    link = "\x1b]8;;https://evil.example\x07klik\x1b]8;;\x07"
    _csv(gent / "gent.csv", [f'GENT-SW;44021;2023-01;O05;"{link}";eigen;\x1b[31mrood'])
    store = gent / "s.duckdb"
    main(["import", str(gent), "--store", str(store)])
    capsys.readouterr()
    assert main(["history", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b]8;;https://evil.example\\x07klik" in out


def test_an_unreadable_file_exits_2_and_is_not_stored(gent: Path, capsys) -> None:  # noqa: ANN001
    (gent / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    store = gent / "s.duckdb"
    assert main(["import", str(gent / "gent.csv"), str(gent / "broken.xlsx"),
                 "--store", str(store)]) == 2  # fmt: skip
    out = capsys.readouterr().out
    assert "ONLEESBAAR   broken.xlsx: niet ingelezen (" in out and "NIEUW        gent.csv" in out
    assert sk.load(store).files["file"].tolist() == [str(gent / "gent.csv")]


def test_what_is_not_a_store_is_said_plainly(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database")
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    newer = tmp_path / "newer.duckdb"
    _csv(tmp_path / "gent.csv", _months({"2023-01": "1"}))
    import_files([tmp_path / "gent.csv"], newer)
    with duckdb.connect(str(newer)) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    cases = {text: "not an intake store", other: "not a socprev-kit intake store",
             newer: "newer socprev-kit", tmp_path / "none.duckdb": "not found"}  # fmt: skip
    for path, words in cases.items():
        with pytest.raises(StoreError, match=words) as raised:
            history(path)
        assert str(path) in str(raised.value)
        assert main(["history", "--store", str(path)]) == 2
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err
    assert text.read_text() == "not a database"  # left as it was
    issues = sk.load(newer).issues
    assert issues["check"].tolist() == ["unreadable_file"] and "newer" in issues["message"].iat[0]


def test_a_folder_scan_never_reads_a_store(gent: Path) -> None:
    import_files([gent], gent / "intake.duckdb")  # no leading _: still not part of the folder
    assert sk.load(gent).files["file"].map(lambda f: Path(f).name).tolist() == [
        "gent.csv", "projects.csv"]  # fmt: skip


# --- safety: real processes ----------------------------------------------------------------------

CHILD = "import sys; from socprev_kit.registration.intake import import_files; "
CHILD += "import_files(sys.argv[1:-1], sys.argv[-1])"


def _child(files: list[Path], store: Path, flag: Path | None = None, pause: float = 60):
    env = dict(os.environ)
    if flag is not None:
        env |= {"SOCPREV_INTAKE_PAUSE": str(flag), "SOCPREV_INTAKE_PAUSE_SECONDS": str(pause)}
    args = [sys.executable, "-c", CHILD, *map(str, files), str(store)]
    return subprocess.Popen(args, env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)


def _wait_for(flag: Path, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not flag.exists():
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "the child never reached its pause"
        time.sleep(0.05)


def _content(store: Path) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(store), read_only=True) as con:
        tables = ("imports", "tables", "read_issues", "registrations", "projects")
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").df() for t in tables}


@pytest.mark.slow
def test_two_imports_at_the_same_time_both_land(gent: Path, tmp_path: Path) -> None:
    store = gent / "s.duckdb"
    other = _csv(tmp_path / "gent_april.csv", _months({"2023-04": "5", "2023-05": "6"}))
    flag = tmp_path / "paused"
    first = _child([gent / "projects.csv", gent / "gent.csv"], store, flag, pause=3)
    _wait_for(flag, first)  # the first holds the store, inside its transaction
    started = time.monotonic()
    second = _child([other], store)
    assert second.wait(90) == 0, second.stderr.read()
    assert first.wait(90) == 0, first.stderr.read()
    assert time.monotonic() - started > 1  # the second waited for the first
    regs = sk.load(store).registrations
    assert sorted(regs["period"].astype(str)) == [f"2023-0{m}" for m in range(1, 6)]
    assert sorted(Path(f).name for f in sk.load(store).files["file"]) == [
        "gent.csv", "gent_april.csv", "projects.csv"]  # fmt: skip


@pytest.mark.slow
def test_an_import_killed_half_way_leaves_the_store_as_it_was(gent: Path, tmp_path: Path) -> None:
    store = gent / "s.duckdb"
    import_files([gent], store)
    before = _content(store)
    _csv(gent / "gent.csv", _months({f"2023-{m:02d}": str(m) for m in range(1, 13)}))
    flag = tmp_path / "paused"
    child = _child([gent / "gent.csv"], store, flag)
    _wait_for(flag, child)
    assert "half of the registrations written" in flag.read_text()
    with pytest.raises(StoreError, match=r"still in use by another process .*after 0.5 s"):
        import_files([gent / "projects.csv"], store, lock_timeout=0.5)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(30) == -signal.SIGKILL
    after = _content(store)
    for table, frame in before.items():
        pd.testing.assert_frame_equal(after[table], frame)
    assert sk.load(store).registrations["value"].sort_values().tolist() == [8, 10, 12]
    again = import_files([gent / "gent.csv"], store).files[0]  # the store still works
    assert (again.status, again.changed, again.new, again.unchanged) == ("corrected", 3, 9, 0)
    assert len(sk.load(store).registrations) == 12


# --- notebooks and batch read a store ------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("store") / "sample.duckdb"
    import_files([SAMPLE], store, validate=False)
    return store


def test_reports_prepare_a_store_as_the_folder(sample_store: Path) -> None:
    from socprev_kit.reports import prepare

    from_store = prepare(sample_store, warm=False).table
    from_files = prepare(SAMPLE, warm=False).table
    assert len(from_store) > 1000
    pd.testing.assert_frame_equal(_norm(from_store), _norm(from_files))


def _norm(table: pd.DataFrame) -> pd.DataFrame:
    table = table.astype({c: object for c in table.columns if str(table[c].dtype) == "category"})
    return table.sort_values(list(table.columns[:4])).reset_index(drop=True)


@pytest.mark.slow
def test_a_batch_report_from_the_store(sample_store: Path, tmp_path: Path) -> None:
    from socprev_kit.batch import batch

    runs = {}
    for name, data in (("store", sample_store), ("files", SAMPLE)):
        result = batch(["44021"], langs=["nl"], data=data, out=tmp_path / name, jobs=1)
        assert [r["status"] for r in result.records] == ["ok"], result.records
        runs[name] = result.records[0]["headline"]
    assert runs["store"]["id"] == "44021" and runs["store"]["n_objectives"] > 0
    # each report's own data version (the store's rows say where they were read otherwise)
    versions = [runs[name].pop("data_version") for name in ("store", "files")]
    assert all(len(v) == 64 for v in versions)
    assert runs["store"] == runs["files"]
