"""Reruns redo only what changed: a report's key hashes the data that report uses.

The batch runs the real report notebooks on a copy of the sample data (three municipalities and
three projects, so that it takes seconds); a file of the copy is then corrected as a user would
(one cell of a ``;`` CSV) and the batch run again: exactly the reports that use the corrected
value are made again, in each language, and every other one is kept.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pandas as pd
import pytest

from socprev_kit.batch import batch
from socprev_kit.batch.inputs import planned_context
from socprev_kit.data.reading import input_hash
from socprev_kit.reports import municipality_report, project_report
from socprev_kit.reports.context import context_of
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


def test_a_corrected_file_redoes_only_the_reports_that_use_it(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    first = _run(sample, out)
    assert _made(first) == {f"{g}/{s}" for g in ("nl", "fr") for s in ALL}
    assert not _made(_run(sample, out)), "an unchanged rerun redoes nothing"

    # one process value of an intermunicipal project, in a file another project shares
    _edit(sample / "registrations_35013.csv", "KUST-SW;35013;2020-02;P04;", 4, "28,2")
    redone = {"project_KUST-SW", "municipality_35013", "municipality_35002"}
    assert _made(_run(sample, out)) == {f"{g}/{s}" for g in ("nl", "fr") for s in redone}

    # a comparison municipality's value: its own reports and the project that compares with it
    _edit(sample / "registrations_31005.csv", "BRU-COORD;31005;2019-02;P07;", 4, "2")
    runs = _run(sample, out, ("nl",))
    redone = {"project_BRU-COORD", "municipality_31005", "project_OOS-HOT", "municipality_35013"}
    assert _made(runs) == {f"nl/{s}" for s in redone}

    # an impact count of a municipality outside the batch, in the funnel's year: the reports
    # that have that count (and may show its funnel) are redone, the others kept
    funnel_shown = _funnel_indicators(out)
    _edit(sample / "registrations_11002.csv", "ANT-SW;11002;2024-06;I01;", 4, "999")
    runs = _run(sample, out, ("nl",))
    with_i01 = {"project_OOS-HOT", "municipality_35013", "project_BRU-COORD", "municipality_31005"}
    assert _made(runs) == {f"nl/{s}" for s in with_i01}
    assert {s for s, i in funnel_shown.items() if i == "I01"} <= with_i01


def _funnel_indicators(out: Path) -> dict[str, str | None]:
    """The indicator of each Dutch report's funnel plot, from its record's headline."""
    import json

    found = {}
    for path in (out / ".records" / "nl").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = (record.get("headline") or {}).get("funnel_indicator")
    return found


def test_the_plan_hashes_the_scope_each_report_has() -> None:
    """The municipalities and projects the hash covers are those the report shows, for every
    report of the sample (the same rules, written twice)."""
    ctx = planned_context(str(SAMPLE.resolve()), input_hash(SAMPLE))
    for nis in ctx.nis_with_data:
        report = municipality_report(nis, data_path=SAMPLE)
        pids, codes = report_scope(ctx, "municipality", nis)
        assert set(report.projects["project_id"]) <= set(pids) and codes == list(report.nis_codes)
    for pid in ctx.data.projects["project_id"]:
        report = project_report(pid, data_path=SAMPLE)
        assert report_scope(ctx, "project", pid)[1] == list(report.nis_codes)


def test_rows_count_by_value_and_context_rows_by_municipality() -> None:
    """Reordered rows keep every version; a context row changes its municipality's reports and
    the reports that compare with that municipality, no other."""
    ctx = planned_context(str(SAMPLE.resolve()), input_hash(SAMPLE))
    data, read = ctx.data, ctx.read
    shuffled = dataclasses.replace(data, registrations=data.registrations.iloc[::-1])
    again = context_of(SAMPLE, read, shuffled, "x", warm=False)
    items = [("municipality", n) for n in ctx.nis_with_data]
    items += [("project", p) for p in data.projects["project_id"]]
    before = {i: data_version(ctx, *i) for i in items}
    assert {i: data_version(again, *i) for i in items} == before
    row = {"nis_code": "21015", "municipality": "Schaerbeek", "period": "2024-01"}
    row |= {"indicator_id": "C02", "value": 3.0, "source": "Statbel", "note": ""}
    row |= {"nis_code_registered": "21015", "source_file": "context.csv", "source_sheet": ""}
    row |= {"source_row": 2, "source_column": ""}
    context = pd.DataFrame([row], columns=list(data.context.columns))
    more = context_of(SAMPLE, read, dataclasses.replace(data, context=context), "y", warm=False)
    changed = {i for i in items if data_version(more, *i) != before[i]}
    # Schaerbeek's reports; Molenbeek's project compares with Schaerbeek, and Molenbeek's
    # report shows that project's ITS
    expected = {("municipality", "21015"), ("project", "SCH-COORD"), ("project", "MOL-GP")}
    assert changed == expected | {("municipality", "21012")}
