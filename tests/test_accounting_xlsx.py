"""Every data row of a workbook is usable, named by an issue, or in a sheet or file refused
whole, however the workbook is broken (issue 14, item 1, the xlsx part).

Broken variants of the sample data set's workbooks: the kit's own registration workbook with
extra sheets (hidden, very hidden, notes, a second table below the first, a header low down),
rows and columns deleted, control characters in cells, its registration header moved down, and
the zip cut off. ``load`` must never raise, and no row may vanish.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import openpyxl
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socprev_kit import load

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data"))

from hostile import account, lost_rows  # noqa: E402

SAMPLE = ROOT / "sample_data" / "clean"
TEMPLATE = SAMPLE / "registrations_44021_2019.xlsx"
LONG = pd.read_csv(SAMPLE / "registrations_11002.csv", sep=";", dtype=str, nrows=40)
HEAD = ["Project", "NIS-code", "Periode", "Indicator", "Waarde", "Opmerking"]
CONTROLS = ["\t", "\n", "\r\n", "\u2028", "\x85", "\u00a0", "_x0001_", "\u200b"]

extra_sheet = st.fixed_dictionaries(
    {
        "state": st.sampled_from(["visible", "hidden", "veryHidden"]),
        "kind": st.sampled_from(["table", "notes", "blank", "two_tables"]),
        "top": st.one_of(st.integers(0, 5), st.integers(29, 45)),  # a header low down
        "rows": st.integers(1, 12),
        "control": st.sampled_from([None, *CONTROLS]),
        "drop_column": st.sampled_from([None, 1, 2, 3, 5, 6]),
    }
)
variant = st.fixed_dictionaries(
    {
        "extra": st.lists(extra_sheet, max_size=3),
        "moved": st.integers(0, 3),
        "deleted_rows": st.lists(st.integers(4, 40), max_size=4),
        "cut": st.sampled_from([None, None, None, 0.3, 0.7, 0.95]),
    }
)


def _long_rows(n: int, control: str | None) -> list[list]:
    rows = LONG.head(n).fillna("").to_numpy().tolist()
    out = [[r[0], r[1], r[2], r[3], r[4], r[6]] for r in rows]
    if control is not None:
        out[0][0] = out[0][0] + control
        out[-1][5] = "note" + control + "more"
    return out


def _add_sheet(wb, i: int, spec: dict, file: str) -> set:
    ws = wb.create_sheet(f"Extra{i}")
    ws.sheet_state = spec["state"]
    if spec["kind"] == "blank":
        return set()
    if spec["kind"] == "notes":
        for r in range(1, spec["rows"] + 1):
            ws.cell(r, 1, f"opmerking {r}")
        return set()
    body = [[f"Titel {r}"] if r == 0 else [] for r in range(spec["top"])]
    body += [HEAD, *_long_rows(spec["rows"], spec["control"])]
    if spec["kind"] == "two_tables":
        body += [[], HEAD, *_long_rows(spec["rows"], None)]
    for row in body:
        ws.append(row)
    first = spec["top"] + 2
    rows = {(file, ws.title, first + k) for k in range(spec["rows"])}
    if spec["kind"] == "two_tables":
        second = first + spec["rows"] + 2
        rows |= {(file, ws.title, second + k) for k in range(spec["rows"])}
    if spec["drop_column"] is not None:
        ws.delete_cols(spec["drop_column"])
    return rows


def _template_rows(wb, file: str) -> set:
    """Rows of the kit's sheets that hold something a person typed: a period cell of the
    registration sheet (no formula), or a row of the projects and objectives sheets."""
    rows = set()
    reg = wb["Registraties"]
    for r in range(1, reg.max_row + 1):
        cells = [reg.cell(r, c) for c in range(7, reg.max_column + 1)]
        if reg.cell(r, 1).value and any(
            c.value is not None and c.data_type != "f" and isinstance(c.value, int | float)
            for c in cells
        ):
            rows.add((file, "Registraties", r))
    for title in ("Projecten", "Doelstellingen"):
        ws = wb[title]
        rows |= {(file, title, r) for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
    return rows


def build(folder: Path, v: dict) -> tuple[Path, frozenset]:
    wb = openpyxl.load_workbook(TEMPLATE)
    reg = wb["Registraties"]
    for r in sorted(set(v["deleted_rows"]), reverse=True):
        reg.delete_rows(r)
    if v["moved"]:
        reg.insert_rows(1, v["moved"])
    file = "w.xlsx"
    rows = _template_rows(wb, file)
    for i, spec in enumerate(v["extra"]):
        rows |= _add_sheet(wb, i, spec, file)
    path = folder / file
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    path.write_bytes(data if v["cut"] is None else data[: int(len(data) * v["cut"])])
    return path, frozenset(rows)


@settings(
    max_examples=20,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(v=variant)
def test_no_row_of_a_broken_workbook_is_lost(tmp_path_factory, v):
    folder = tmp_path_factory.mktemp("w")
    path, rows = build(folder, v)
    data = load(path, lang="en")  # never raises
    report = account(data, folder)
    assert not lost_rows(rows, report), (v, lost_rows(rows, report)[:10], report["checks"])
