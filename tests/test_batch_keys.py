"""Reruns redo only what changed: a report's key hashes the data that report uses.

The batch runs the real report notebooks on a copy of the sample data (three municipalities and
three projects, so that it takes seconds); a file of the copy is then corrected as a user would
(one cell of a ``;`` CSV) and the batch run again: exactly the reports that use the corrected
value are made again, in each language, and every other one is kept.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from socprev_kit.batch import batch, plan
from socprev_kit.reports import municipality_report, prepare, project_report
from socprev_kit.reports.context import context_of
from socprev_kit.reports.evaluate import disclosure_cells
from socprev_kit.reports.fingerprint import data_version, report_scope

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "clean"
MUNICIPALITIES = ["35013", "35002", "31005"]
PROJECTS = ["KUST-SW", "OOS-HOT", "BRU-COORD"]
ALL = {f"municipality_{m}" for m in MUNICIPALITIES} | {f"project_{p}" for p in PROJECTS}


def _run(data: Path, out: Path, langs: tuple[str, ...] = ("nl", "fr")) -> dict[str, str]:
    """``{"<lang>/<stem>": "made" or "up to date"}`` of one batch; every report must be ok, and
    each shows the data version the plan hashed."""
    result = batch(MUNICIPALITIES, projects=PROJECTS, data=data, out=out, langs=list(langs),
                   jobs=2, audit=False)  # fmt: skip
    assert result.n_failed == 0, [r["error"] for r in result.records if r["status"] != "ok"]
    for r in result.records:
        assert r["made_from"] == r["data_version"] and len(r["data_version"]) == 64
    return {f"{r['lang']}/{r['kind']}_{r['id']}": r["this_run"] for r in result.records}


def _made(runs: dict[str, str]) -> set[str]:
    return {k for k, v in runs.items() if v == "made"}


def _funnel_indicators(out: Path) -> dict[str, str | None]:
    """The indicator of each Dutch report's funnel plot, from its record's headline."""
    found = {}
    for path in (out / ".records" / "nl").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = (record.get("headline") or {}).get("funnel_indicator")
    return found


def _edit(file: Path, row_start: str, column: int, value: str) -> None:
    """Set field ``column`` of the one line that starts with ``row_start`` (a real edit of the
    file's text: the rest of the bytes, BOM and separators, stay as they are)."""
    raw = file.read_bytes()
    lines = raw.split(b"\n")
    hits = [i for i, line in enumerate(lines) if line.startswith(row_start.encode())]
    assert len(hits) == 1, (row_start, hits)
    fields = lines[hits[0]].split(b";")
    assert fields[column].decode() != value
    fields[column] = value.encode()
    lines[hits[0]] = b";".join(fields)
    file.write_bytes(b"\n".join(lines))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("keys") / "data"
    shutil.copytree(SAMPLE, folder)
    return folder


@pytest.mark.slow
def test_a_corrected_process_value_redoes_its_project_and_its_municipalities(
    sample: Path, tmp_path: Path
) -> None:
    out = tmp_path / "reports"
    first = _run(sample, out)
    assert _made(first) == {f"{g}/{s}" for g in ("nl", "fr") for s in ALL}
    assert not _made(_run(sample, out)), "an unchanged rerun redoes nothing"
    # one process value of an intermunicipal project, in a file another project shares
    _edit(sample / "registrations_35013.csv", "KUST-SW;35013;2020-02;P04;", 4, "28,2")
    redone = {"project_KUST-SW", "municipality_35013", "municipality_35002"}
    assert _made(_run(sample, out)) == {f"{g}/{s}" for g in ("nl", "fr") for s in redone}
    funnels = {k: v for k, v in _funnel_indicators(out).items() if v}
    assert funnels.get("municipality_31005") == "I01"  # the next test changes that funnel
    # a data version does not depend on where the data folder is: the copy's equals the sample's
    records = {p.stem: json.loads(p.read_text()) for p in (out / ".records" / "nl").glob("*.json")}
    here = prepare(SAMPLE, warm=False)
    assert records["project_OOS-HOT"]["data_version"] == data_version(here, "project", "OOS-HOT")
    assert records["project_KUST-SW"]["data_version"] != data_version(here, "project", "KUST-SW")


def _keys(sample: Path) -> dict[str, str]:
    made = plan(MUNICIPALITIES, projects=PROJECTS, data=sample, langs=["nl"])
    return {j.stem: j.key for j in made.jobs}


def _changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """The reports whose key changed (those the batch redoes)."""
    return {stem for stem, key in after.items() if before[stem] != key}


@pytest.mark.slow
def test_a_comparison_municipality_and_a_funnel_input_redo_the_reports_that_use_them(
    sample: Path,
) -> None:
    first = _keys(sample)
    # a value of Brugge, the comparison municipality of OOS-HOT: Brugge's reports, the project
    # that compares with it and the report of its municipality (which shows that project's ITS)
    _edit(sample / "registrations_31005.csv", "BRU-COORD;31005;2019-02;P07;", 4, "2")
    second = _keys(sample)
    assert _changed(first, second) == {"project_BRU-COORD", "municipality_31005",
                                       "project_OOS-HOT", "municipality_35013"}  # fmt: skip
    # an impact count of a municipality outside the batch, in the funnel's year: the reports
    # that have that count, and may show its funnel, are redone; KUST-SW has no I01
    _edit(sample / "registrations_11002.csv", "ANT-SW;11002;2024-06;I01;", 4, "999")
    with_i01 = {"project_OOS-HOT", "municipality_35013", "project_BRU-COORD", "municipality_31005"}
    assert _changed(second, _keys(sample)) == with_i01


def test_the_plan_hashes_the_scope_each_report_has() -> None:
    """The municipalities and projects the hash covers are those the report shows, for every
    report of the sample (the same rules, written twice)."""
    ctx = prepare(SAMPLE, warm=False)
    for nis in ctx.nis_with_data:
        report = municipality_report(nis, data_path=SAMPLE)
        pids, codes = report_scope(ctx, "municipality", nis)
        assert set(report.projects["project_id"]) <= set(pids) and codes == list(report.nis_codes)
    for pid in ctx.data.projects["project_id"]:
        report = project_report(pid, data_path=SAMPLE)
        assert report_scope(ctx, "project", pid)[1] == list(report.nis_codes)


def _versions(ctx) -> dict[tuple[str, str], str]:  # noqa: ANN001 - a DataContext
    items = [("municipality", n) for n in ctx.nis_with_data]
    items += [("project", p) for p in ctx.data.projects["project_id"]]
    return {i: data_version(ctx, *i) for i in items}


def _variant(ctx, cells: pd.DataFrame | None = None, **tables: pd.DataFrame):  # noqa: ANN001, ANN202
    """A context of ``ctx``'s data with some tables replaced, with ``ctx``'s aggregates and its
    disclosure pattern (or ``cells``): what the hashes read of the data is all that differs."""
    data = dataclasses.replace(ctx.data, **tables)
    made = {k: getattr(ctx, k) for k in ("table", "completeness", "completeness_months")}
    variant = context_of(SAMPLE, ctx.read, data, "variant", made, warm=False)
    variant.memo("disclosure", lambda: disclosure_cells(ctx) if cells is None else cells)
    return variant


def test_rows_count_by_value_and_context_rows_by_municipality() -> None:
    """Reordered rows keep every version; a context row changes its municipality's reports and
    the reports that compare with that municipality, no other."""
    ctx = prepare(SAMPLE, warm=False)
    before = _versions(ctx)
    regs = ctx.data.registrations
    assert _versions(_variant(ctx, registrations=regs.iloc[::-1])) == before
    row = {"nis_code": "21015", "municipality": "Schaerbeek", "period": "2024-01"}
    row |= {"indicator_id": "C02", "value": 3.0, "source": "Statbel", "note": ""}
    row |= {"nis_code_registered": "21015", "source_file": "context.csv", "source_sheet": ""}
    row |= {"source_row": 2, "source_column": ""}
    context = pd.DataFrame([row], columns=list(ctx.data.context.columns))
    after = _versions(_variant(ctx, context=context))
    # Schaerbeek's reports; Molenbeek's project compares with Schaerbeek, and Molenbeek's
    # report shows that project's ITS
    expected = {("municipality", "21015"), ("project", "SCH-COORD"), ("project", "MOL-GP")}
    assert {i for i in before if after[i] != before[i]} == expected | {("municipality", "21012")}


def test_a_cell_hidden_elsewhere_redoes_the_reports_that_show_it() -> None:
    """What the data set's disclosure pattern hides is decided over all of it: a report whose
    cell becomes hidden (or shown) by a change elsewhere is redone, the others are not."""
    ctx = prepare(SAMPLE, warm=False)
    before = _versions(ctx)
    cells = disclosure_cells(ctx)
    one = cells.index[(cells["project_id"] == "LIE-REINS") & (cells["nis_code"] == "62063")
                      & cells["count_id"].str.startswith("O")][0]  # fmt: skip
    flipped = cells.assign(hidden=cells["hidden"].where(cells.index != one, ~cells["hidden"]))
    after = _versions(_variant(ctx, flipped))
    changed = {i for i in before if after[i] != before[i]}
    assert changed == {("municipality", "62063"), ("project", "LIE-REINS")}


def test_data_the_reports_cannot_aggregate_give_every_report_the_whole_input_hash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the context cannot be built, any change redoes every report (never a stale one)."""
    from socprev_kit.batch import inputs

    def fails(*args: object) -> None:
        raise KeyError("baseline_value")

    monkeypatch.setattr(inputs, "planned_context", fails)
    wanted = {"municipality": [("35013", "Oostende", "Ostende")], "project": [("KUST-SW",)]}
    versions = inputs.data_versions("/nowhere", "abc", None, wanted)
    assert versions == {
        ("municipality", "35013"): "all-files:abc",
        ("project", "KUST-SW"): "all-files:abc",
    }


def test_a_row_moved_to_another_file_redoes_only_the_reports_that_show_those_files() -> None:
    """A row keeps its values in another file: the reports that list either file (with its
    number of rows) are redone; one that uses the row only through a funnel is not."""
    ctx = prepare(SAMPLE, warm=False)
    before = _versions(ctx)
    regs, files = ctx.data.registrations, ctx.data.files
    source = next(f for f in files["file"] if f.endswith("registrations_11002.csv"))
    target = next(f for f in files["file"] if f.endswith("registrations_92094.csv"))
    row = regs.index[(regs["project_id"] == "ANT-SW") & (regs["indicator_id"] == "I01")][0]
    moved = regs.copy()
    moved.loc[row, ["source_file", "source_row"]] = [target, 999]
    counts = files.assign(rows=files["rows"] + files["file"].map({source: -1, target: 1}).fillna(0))
    after = _versions(_variant(ctx, registrations=moved, files=counts.astype({"rows": int})))
    changed = {i for i in before if after[i] != before[i]}
    assert {("project", "ANT-SW"), ("municipality", "92094")} <= changed
    assert ("project", "OOS-HOT") not in changed  # I01 in its funnel, by value the same
    assert ("project", "LIE-REINS") not in changed


@pytest.mark.slow
def test_large_data_are_prepared_apart_and_give_the_same_reports(tmp_path: Path,
                                                                 monkeypatch) -> None:  # fmt: skip
    """Data over ``APART_BYTES`` are read, validated and prepared in a child process; the batch
    keeps only the lean context it wrote (it never reads the files itself), and the reports,
    their data versions and the issues file are the same as when the batch prepares them."""
    from socprev_kit.batch import inputs, prepared, reading

    made, sheets = {}, {}
    for name, limit in (("here", 10**12), ("apart", 0)):
        inputs._KEPT.clear()
        reading._KEPT.clear()
        inputs._planned_once.cache_clear()
        reading._read_once.cache_clear()
        monkeypatch.setattr(prepared, "APART_BYTES", limit)
        result = batch(["35013"], projects=["KUST-SW"], data=SAMPLE, out=tmp_path / name,
                       langs=["fr"], jobs=1, audit=True)  # fmt: skip
        assert result.ok, [r["error"] for r in result.records]
        kept = bool(inputs._KEPT)
        assert kept == (name == "apart")
        assert (reading._read_once.cache_info().misses == 0) == (name == "apart")
        made[name] = {
            (r["kind"], r["id"]): (r["data_version"], r["made_from"], r["headline"])
            for r in result.records
        }
        sheets[name] = pd.read_excel(tmp_path / name / "validation_issues_fr.xlsx")
    inputs._KEPT.clear()
    reading._KEPT.clear()
    assert made["apart"] == made["here"]
    assert len(sheets["here"]) > 0
    pd.testing.assert_frame_equal(sheets["apart"], sheets["here"])
