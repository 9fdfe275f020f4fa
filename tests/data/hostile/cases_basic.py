"""Inputs that are fine: the harness's own reference (every row usable, exit 0)."""

from __future__ import annotations

from pathlib import Path

from . import NL_HEAD, Built, case, csv_rows, csv_text, registrations


@case("clean_csv", exit=0, usable=12)
def clean_csv(folder: Path) -> Built:
    """A clean Dutch CSV of 12 rows: all usable."""
    (folder / "data.csv").write_text(csv_text(NL_HEAD, registrations(12)), encoding="utf-8")
    return Built("data.csv", csv_rows("data.csv", 2, 12))


@case("clean_folder_with_a_readme", exit=0, usable=12)
def clean_folder(folder: Path) -> Built:
    """A folder with a CSV and a README.md beside it: the README is not a data file."""
    data = folder / "data"
    data.mkdir()
    (data / "regs.csv").write_text(csv_text(NL_HEAD, registrations(12)), encoding="utf-8")
    (data / "README.md").write_text("# Gegevens\n", encoding="utf-8")
    return Built("data", csv_rows("data/regs.csv", 2, 12))
