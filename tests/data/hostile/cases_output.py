"""Safe output: texts of a data file that a renderer would run (Markdown, HTML, mathtext).

:func:`hostile_names` also serves ``tests/test_reports_display.py`` and ``tests/test_batch.py``,
which look at the reports' Markdown and HTML themselves.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import Built, case

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "sample_data" / "clean"

#: What a file may put in a text: a link, an image, autolinks, bare URLs, raw HTML, emphasis,
#: strike-through, code, math (nbconvert's and matplotlib's), a table row, a heading.
ATTACK = (
    "[L](https://evil.example/l) ![I](https://evil.example/i.png) <https://evil.example/a> "
    "https://evil.example/b www.evil.example x@evil.example <img src=x onerror=alert(1)> "
    '<a href="https://evil.example/h">H</a> <script>alert(1)</script> *E* _U_ ~~S~~ `C` '
    "$\\frac$ \\(x\\) | a | b |"
)
#: A project's id: the same in the registrations, the projects and the objectives.
PROJECT_ID = "OOS$\\frac$[i](https://evil.example/i)~~s~~_x_"
#: A project's name over lines, as a cell typed with Alt+Enter: a heading and a table below.
NAME = f"Oostende # kop\n# H\n| c | d |\n|---|---|\n{ATTACK}\n\n---"
#: The registration file's name.
FILE = "registrations [f](x) _u_ ~~s~~ $f$ #h <b>.csv"


def hostile_names(folder: Path) -> Built:
    """Oostende's and Bredene's registrations of the sample data (the file of Oostende under a
    name with Markdown and HTML), two projects: OOS-HOT under :data:`PROJECT_ID` and
    :data:`NAME`, KUST-SW named ``=HYPERLINK(...)``; every objective's text, and the first
    objective's id, carry :data:`ATTACK`."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = set()
    for nis, name in (("35002", "registrations_35002.csv"), ("35013", FILE)):
        text = (SAMPLE / f"registrations_{nis}.csv").read_text(encoding="utf-8-sig")
        (folder / name).write_text(text.replace("OOS-HOT", PROJECT_ID), encoding="utf-8")
        rows |= {(name, "", i) for i in range(2, text.count("\n") + 1)}
    sheets = pd.read_excel(SAMPLE / "projects.xlsx", sheet_name=None, dtype=str)
    keep = sheets["projects"]["project_id"].isin(["KUST-SW", "OOS-HOT"])
    projects = sheets["projects"][keep].copy()
    projects["name"] = projects["project_id"].map(
        {"OOS-HOT": NAME, "KUST-SW": '=HYPERLINK("https://evil.example/f";"x") ' + ATTACK}
    )
    objectives = sheets["objectives"]
    objectives = objectives[objectives["project_id"].isin(["KUST-SW", "OOS-HOT"])].copy()
    objectives["text"] = objectives["text"] + " " + ATTACK
    objectives.iloc[0, objectives.columns.get_loc("objective_id")] = "G1*o*[o](https://e.x/o)"
    sheets = {"projects": projects, "objectives": objectives}
    _write_texts(
        folder / "projects.xlsx", {k: t.replace({"OOS-HOT": PROJECT_ID}) for k, t in sheets.items()}
    )
    for sheet, table in sheets.items():
        rows |= {("projects.xlsx", sheet, i) for i in range(2, len(table) + 2)}
    return Built(".", frozenset(rows))


def _write_texts(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    """A workbook of ``sheets`` whose every value is a text cell, as typed (``=...`` too)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, table in sheets.items():
        ws = wb.create_sheet(name)
        ws.append(list(table.columns))
        for values in table.itertuples(index=False):
            ws.append([None if pd.isna(v) else str(v) for v in values])
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.value is not None:
                    cell.data_type = "s"
    wb.save(path)


@case(
    "output_batch_dollar_in_a_project_id",
    exit=0,
    argv=(
        "batch",
        "--project",
        PROJECT_ID,
        "--data",
        "{path}",
        "--lang",
        "nl",
        "--out",
        "{dir}/reports",
        "--jobs",
        "1",
    ),  # fmt: skip
    max_mb=1024,
    max_seconds=120,
    says=("1 ok, 0 failed",),
)
def batch_dollar(folder: Path) -> Built:
    """A project id and name with ``$...$`` (and Markdown, HTML and links): matplotlib read the
    id in a figure's title as mathtext and the report failed; it is drawn as typed."""
    built = hostile_names(folder / "data")
    return Built("data", frozenset((f"data/{f}", s, r) for f, s, r in built.rows))
