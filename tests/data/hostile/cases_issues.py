"""Inputs with very many broken rows: every row is named, and the issues stay small."""

from __future__ import annotations

from pathlib import Path

from . import NL_HEAD, Built, case, csv_rows

ROWS = 500_000


@case(
    "issues_half_a_million_rows_of_one_cell",
    checks=frozenset({"missing_value", "more_rows_error"}),
    usable=0,
    max_mb=600,
)
def one_cell_rows(folder: Path) -> Built:
    """A CSV of 500,000 rows holding one cell each (1.5 MB): 2 million 'empty cell' issues
    once took 1.5 GB; the first 1,000 of each column are listed, the rest named as ranges."""
    head = ";".join(NL_HEAD) + "\r\n"
    (folder / "kapot.csv").write_text(head + "x\r\n" * ROWS, encoding="utf-8")
    return Built("kapot.csv", csv_rows("kapot.csv", 2, ROWS))
